<#
.SYNOPSIS
    The helpers of bench/Invoke-Benchmark.ps1 (dot-sourced by it): child processes, medians, result rows and their targets.
.DESCRIPTION
    Expects $pwsh (the command line of this pwsh, as an array: the executable, then 'pwsh.dll' when run as a .NET tool)
    and $BenchTool (the path of PartnerOps.Bench.dll) in the caller's scope.
#>

function Write-Step([string] $Text) { Write-Host "--> $Text" -ForegroundColor Cyan }

function ConvertTo-Literal([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

# Runs a script in a fresh pwsh -NoProfile; its last output line that starts with '{' is JSON, returned as an object.
# With -WatchFile (a database's -wal file), this process polls that file's size every 10 ms while the child runs and adds
# the largest size seen as MaxWatchedBytes (0 when the file never appeared): sampled from outside, so the child's time and
# memory are its own.
function Invoke-Child([string] $Script, [string] $WatchFile) {
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', "`$ProgressPreference = 'SilentlyContinue'`n$Script")
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $largest = 0L
        while (-not $process.WaitForExit(10)) {
            if ($WatchFile) {
                $file = [System.IO.FileInfo]::new($WatchFile)
                if ($file.Exists -and $file.Length -gt $largest) { $largest = $file.Length }
            }
        }
        $process.WaitForExit()   # and the end of its output
        $lines = @(($stdout.GetAwaiter().GetResult() + "`n" + $stderr.GetAwaiter().GetResult()) -split '\r?\n')
        if ($process.ExitCode) { throw "A child pwsh failed ($($process.ExitCode)):`n$($lines -join "`n")" }
    }
    finally {
        $process.Dispose()
    }
    $last = @($lines | Where-Object { $_.StartsWith('{') }) | Select-Object -Last 1
    if (-not $last) { throw "A child pwsh gave no result:`n$($lines -join "`n")" }
    $result = $last | ConvertFrom-Json
    if ($WatchFile) { $result | Add-Member -NotePropertyName MaxWatchedBytes -NotePropertyValue $largest }
    $result
}

# Seconds from start to exit of a command (the sqlite3 CLI), measured from here; -InputText goes to its standard input.
function Measure-Process([string] $Exe, [string[]] $Arguments, [string] $InputText) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    if ($InputText) {
        $output = $InputText | & $Exe @Arguments 2>&1
    }
    else {
        $output = & $Exe @Arguments 2>&1
    }
    $seconds = $clock.Elapsed.TotalSeconds
    if ($LASTEXITCODE) { throw "$Exe failed ($LASTEXITCODE): $($output -join "`n")" }
    [pscustomobject]@{ Seconds = $seconds; Output = $output }
}

# The sqlite3 CLI running -Script (from its standard input) on a new database at -Path, timed from start to exit: its
# Seconds and the Bytes the database then holds. The database is removed after.
function Measure-CliImport([string] $Path, [string] $Script) {
    $seconds = (Measure-Process $sqlite.Source @($Path) $Script).Seconds
    $measured = [pscustomobject]@{ Seconds = $seconds; Bytes = Get-DatabaseBytes $Path }
    Remove-Item "$Path*"
    $measured
}

# The rows a query prints, through the sqlite3 CLI (-batch -bail: the first error fails it).
function Invoke-Sqlite([string] $Database, [string] $Sql) {
    $output = $Sql | & $sqlite.Source -batch -bail $Database 2>&1
    if ($LASTEXITCODE) { throw "sqlite3 failed on ${Database}: $($output -join "`n")" }
    $output
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][Math]::Floor($sorted.Count / 2)]
}

function Format-Runs([double[]] $Values, [string] $Format = '0.00') {
    'runs: ' + (($Values | ForEach-Object { $_.ToString($Format, [cultureinfo]::InvariantCulture) }) -join ', ')
}

# The bytes a database holds on disk: its file and, when there is one, its write-ahead log.
function Get-DatabaseBytes([string] $Path) {
    $bytes = (Get-Item -LiteralPath $Path).Length
    if (Test-Path -LiteralPath "$Path-wal") { $bytes += (Get-Item -LiteralPath "$Path-wal").Length }
    $bytes
}

function Invoke-BenchTool([string[]] $Arguments) {
    $output = & dotnet $BenchTool @Arguments
    if ($LASTEXITCODE) { throw "PartnerOps.Bench $($Arguments[0]) failed ($LASTEXITCODE): $output" }
    @($output)[-1] | ConvertFrom-Json
}

# A target of the issue's table: -Of says what is compared with -Limit: the Ratio (measure / baseline), the Value itself, or
# the Difference (measure - baseline, for start-up); -Below makes the limit strict (< instead of <=).
function New-Target {
    param([ValidateSet('Ratio', 'Value', 'Difference')] [string] $Of, [double] $Limit, [switch] $Below, [string] $Unit)
    $sign = if ($Below) { '<' } else { '≤' }
    $shown = $Limit.ToString('0.###', [cultureinfo]::InvariantCulture)
    $text = switch ($Of) {
        'Ratio' { "ratio $sign $shown" }
        'Value' { "$sign $shown $Unit" }
        'Difference' { "$sign +$shown $Unit" }
    }
    [pscustomobject]@{ Of = $Of; Limit = $Limit; Below = [bool]$Below; Text = $text }
}

# One line of the report: a measure, the baseline it is compared with (when there is one), and the target it is held to
# (New-Target), whose verdict is 'met' or 'missed'. Value and BaselineValue are kept as measured (a rounded 5 ms baseline
# would move the ratio by up to 10 %); Format-Figure rounds them only where they are shown. Ratio is rounded to 2 decimals. -Invalid gives the verdict 'invalid' with its reason (a baseline that
# did not do the same work).
function New-Result {
    param([string] $Benchmark, [string] $Measure, [double] $Value, [string] $Unit = 's', [string] $Baseline, [double] $BaselineValue,
        [string] $Note, $Target, [string] $Invalid)
    $ratio = if ($Baseline -and $BaselineValue -gt 0) { $Value / $BaselineValue } else { $null }
    $verdict = $null
    if ($Invalid) {
        $verdict = 'invalid'
        $Note = ($Invalid, $Note | Where-Object { $_ }) -join '; '
    }
    elseif ($Target) {
        $compared = switch ($Target.Of) {
            'Ratio' { $ratio }
            'Value' { $Value }
            'Difference' { if ($Baseline) { $Value - $BaselineValue } }
        }
        $verdict = if ($null -eq $compared) { 'not measured' }
        elseif (($Target.Below -and $compared -lt $Target.Limit) -or (-not $Target.Below -and $compared -le $Target.Limit)) { 'met' }
        else { 'missed' }
    }
    [pscustomobject]@{
        Benchmark     = $Benchmark
        Measure       = $Measure
        Value         = $Value
        Unit          = $Unit
        Baseline      = $Baseline
        BaselineValue = if ($Baseline) { $BaselineValue } else { $null }
        Ratio         = if ($null -ne $ratio) { [Math]::Round($ratio, 2) } else { $null }
        Target        = if ($Target) { $Target.Text } else { $null }
        Verdict       = $verdict
        Note          = $Note
    }
}

# A figure as shown in the report: 3 decimals, or 3 significant digits below 0.1 (0.00042 s stays 0.00042, not 0).
function Format-Figure($Figure) {
    if ($null -eq $Figure) { return $null }
    $x = [double]$Figure
    if ($x -eq 0 -or [Math]::Abs($x) -ge 0.1) { return [Math]::Round($x, 3) }
    $digits = [Math]::Min(15, 2 - [int][Math]::Floor([Math]::Log10([Math]::Abs($x))))
    [Math]::Round($x, $digits)
}

# A result row with its figures rounded for display (Format-Figure); the row itself keeps them as measured.
function Get-ShownResult($Row) {
    $shown = $Row.PSObject.Copy()
    $shown.Value = Format-Figure $Row.Value
    $shown.BaselineValue = Format-Figure $Row.BaselineValue
    $shown
}

# The row of a benchmark that failed: its error, so that the run goes on with the others.
function New-FailedResult([string] $Benchmark, [System.Management.Automation.ErrorRecord] $ErrorRecord) {
    [pscustomobject]@{
        Benchmark = $Benchmark; Measure = '(failed)'; Value = $null; Unit = $null; Baseline = $null; BaselineValue = $null; Ratio = $null
        Target = $null; Verdict = 'failed'; Note = "$($ErrorRecord.Exception.Message) (at $($ErrorRecord.InvocationInfo.PositionMessage -replace '\s+', ' '))"
    }
}

# The script of a child that runs one PowerShell command timed inside its pwsh (after Import-Module): prints Seconds, the
# pwsh's peak working set (PeakBytes: Process.PeakWorkingSet64, VmHWM on Linux) and what -Result takes from the command's
# output ($result) after the clock stopped.
function New-TimedScript([string] $Command, [string] $Result = '$null') {
    @"
Import-Module $(ConvertTo-Literal $manifest)
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
`$result = $Command
`$seconds = `$clock.Elapsed.TotalSeconds
@{ Seconds = `$seconds; Result = $Result; PeakBytes = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 } | ConvertTo-Json -Compress
"@
}
