# Dot-sourced (in BeforeAll, after TestHelpers.ps1) by the tests that stop pipelined writes at random moments
# (StopKeepsReported.Tests.ps1, StopKeepsTaken.Tests.ps1). They set $script:Runspace (a runspace with the module and
# this file's probe imported, see Import-StopProbe) and may set $script:Landings (a list: Assert-CleanStop adds where
# each stop landed).

# Trace-PipelineCount, a test-only cmdlet: put last in a pipeline, it hands over (in -Into, key 'Taken') PowerShell's own
# count of the items each command of the pipeline has begun to process (the internal InvocationInfo.PipelineIterationInfo: index N
# for the command at position N, counted just before its process block runs on an item). This is what "the next
# command took the item" means to the module (PowerShellInternals.NextCommandTookIt), so a test can tell an item the
# next command took and was stopped holding (it stays) from one it never got (it is undone). A compiled cmdlet, because
# a script command's $MyInvocation does not carry the counts.
if (-not ('PartnerOpsTests.TracePipelineCountCommand' -as [type])) {
    Add-Type -TypeDefinition @'
using System.Collections;
using System.Management.Automation;
using System.Reflection;

namespace PartnerOpsTests
{
    [Cmdlet(VerbsDiagnostic.Trace, "PipelineCount")]
    public sealed class TracePipelineCountCommand : PSCmdlet
    {
        [Parameter(Mandatory = true)]
        public Hashtable Into { get; set; }

        [Parameter(ValueFromPipeline = true)]
        public object InputObject { get; set; }

        // The counts array (internal, as the module reads it) is shared by the pipeline's commands and updated in place;
        // PowerShell drops the reference when the pipeline ends, so it is taken at the start.
        protected override void BeginProcessing() => Into["Taken"] = typeof(InvocationInfo)
            .GetProperty("PipelineIterationInfo", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .GetValue(MyInvocation);
    }
}
'@
}

# Imports the module and Trace-PipelineCount into $Runspace.
function Import-StopProbe([runspace] $Runspace) {
    $ps = [powershell]::Create()
    $ps.Runspace = $Runspace
    $null = $ps.AddScript('param($Module, $Probe) Import-Module $Module; Import-Module -Assembly $Probe').AddParameters(@{
            Module = $script:ModuleManifest; Probe = [PartnerOpsTests.TracePipelineCountCommand].Assembly
        }).Invoke()
    $ps.Dispose()
}

# Runs $Pipeline (a script with param($Db, $Log), and any other parameters in $Parameters) on $Database (or a copy of
# the file $Template) in $script:Runspace, stops it after $Sleep ms, and says how it ended. -CountTaken: the pipeline
# also takes $Probe and ends with '| Trace-PipelineCount -Into $Probe'; Taken then holds how many items each command
# took (index N: the command at position N).
function Invoke-StoppedPipeline {
    param([string] $Template, [string] $Database, [string] $Pipeline, [int] $Sleep, [hashtable] $Parameters = @{}, [switch] $CountTaken)
    $folder = New-TestFolder
    $log = Join-Path $folder 'passed-on.csv'
    $db = $Database
    if ($Template) {
        $db = Join-Path $folder 'stopped.db'
        Copy-Item $Template $db
    }
    $probe = @{}
    if ($CountTaken) { $Parameters += @{ Probe = $probe } }
    $ps = [powershell]::Create()
    $ps.Runspace = $script:Runspace
    $null = $ps.AddScript($Pipeline).AddParameters($Parameters + @{ Db = $db; Log = $log })
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $running = $ps.BeginInvoke()
    Start-Sleep -Milliseconds $Sleep
    $stoppedAfter = $clock.ElapsedMilliseconds
    $ps.Stop()
    try { $null = $ps.EndInvoke($running) } catch [System.Management.Automation.PipelineStoppedException] { }
    $run = [pscustomobject]@{
        Database     = $db
        Log          = $log
        Sleep        = $Sleep
        StoppedAfter = $stoppedAfter
        State        = $ps.InvocationStateInfo.State
        Reason       = $ps.InvocationStateInfo.Reason
        Errors       = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        Warnings     = @($ps.Streams.Warning | ForEach-Object Message)
        Verbose      = @($ps.Streams.Verbose | ForEach-Object Message)
        Taken        = if ($probe.Taken) { @($probe.Taken) } else { $null }
    }
    $ps.Dispose()
    $run
}

# How a run ended, for failure messages: enough to tell where the stop landed without replaying it.
function Format-Run($Run, [int] $PassedOn = -1, [int] $Stored = -1) {
    $reason = if ($Run.Reason) { "$($Run.Reason.GetType().Name): $($Run.Reason.Message)" } else { 'none' }
    $errors = if ($Run.Errors.Count) { $Run.Errors -join '; ' } else { 'none' }
    $counts = if ($PassedOn -ge 0) { ", passed on $PassedOn, stored $Stored" } else { '' }
    $taken = if ($null -ne $Run.Taken) { ", items taken per pipeline position 1.. [$(@($Run.Taken | Select-Object -Skip 1) -join ', ')]" } else { '' }
    "run: State $($Run.State), Reason $reason, Errors $errors, stopped after $($Run.StoppedAfter) ms (slept $($Run.Sleep) ms)$counts$taken; warnings: $(@($Run.Warnings) -join ' | ')"
}

# The rows Export-Csv logged, each as the given columns joined by ':' (e.g. '17:Gold' for Id, Tier). Faster than
# Import-Csv, for thousands of rows per stop. Export-Csv quotes every value and leaves a null one empty; a stop must
# not leave a half-written row.
function Read-PassedOn {
    param([string] $Path, [string[]] $Column)
    if (-not (Test-Path $Path)) { return }   # nothing was passed on
    $lines = [IO.File]::ReadAllLines($Path)
    if ($lines.Count -eq 0) { return }
    $cell = [regex]'(?:^|,)(?:"((?:[^"]|"")*)"|())(?=,|$)'
    $header = @($cell.Matches($lines[0]) | ForEach-Object { $_.Groups[1].Value })
    $at = foreach ($name in $Column) { [array]::IndexOf($header, $name) }
    for ($i = 1; $i -lt $lines.Count; $i++) {
        $cells = $cell.Matches($lines[$i])
        if ($cells.Count -ne $header.Count) { throw "Line $($i + 1) of '$Path' is not a whole row: $($lines[$i])" }
        ($at | ForEach-Object { $cells[$_].Groups[1].Value.Replace('""', '"') }) -join ':'
    }
}

# What a run must have done in every case: ended stopped (or finished before the stop), with no error, and left a
# database that passes its checks. Records where the stop landed in $script:Landings, when there is one.
function Assert-CleanStop {
    param($Run, [string] $Instance, [int] $PassedOn)
    $Run.State | Should -BeIn @('Stopped', 'Completed') -Because "the pipeline ends stopped or finished, not failed ($(Format-Run $Run))"
    $Run.Errors.Count | Should -Be 0 -Because "a stop is not an error ($(Format-Run $Run))"
    Test-PartnerDatabase -Database $Run.Database | Should -BeTrue
    $phase = if ($Run.State -eq 'Completed') { 'after the pipeline finished' }
    elseif ($PassedOn -eq 0) { 'before the first item' }
    elseif ($Run.StoppedAfter -lt 200 -and $PassedOn -lt 1000) { 'in the first batch, before it committed' }
    else { 'after the first batch committed' }
    if ($null -ne $script:Landings) {
        $script:Landings.Add([pscustomobject]@{ Instance = $Instance; Phase = $phase; StoppedAfter = $Run.StoppedAfter; PassedOn = $PassedOn })
    }
}

# The same items passed on as stored, each once: lists the first differences, and how the run ended, when not.
function Assert-SameItems {
    param([string[]] $PassedOn, [string[]] $Stored, [string] $Item = 'item', $Run)
    $PassedOn = @($PassedOn); $Stored = @($Stored)
    $notStored = [Collections.Generic.HashSet[string]]::new($PassedOn)
    $notStored.ExceptWith($Stored)
    $notPassedOn = [Collections.Generic.HashSet[string]]::new($Stored)
    $notPassedOn.ExceptWith($PassedOn)
    $how = if ($Run) { "; $(Format-Run $Run $PassedOn.Count $Stored.Count)" } else { '' }
    $notStored.Count | Should -Be 0 -Because "every $Item passed on must be stored, but these were not: $(@($notStored)[0..9] -join ', ') (of $($PassedOn.Count) passed on, $($Stored.Count) stored$how)"
    $notPassedOn.Count | Should -Be 0 -Because "no $Item that was not passed on may be stored, but these were: $(@($notPassedOn)[0..9] -join ', ') (of $($PassedOn.Count) passed on, $($Stored.Count) stored$how)"
    $Stored.Count | Should -Be $PassedOn.Count -Because "each $Item is passed on once and stored once$how"
}
