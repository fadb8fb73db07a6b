<#
The Test task's parts, dot-sourced by build.ps1: the PostgreSQL server of a run (a throwaway cluster), the two Pester passes
(SQLite, and PostgreSQL, at the same time in two child pwsh processes), and the counts and summary of a run. Needs
build.ps1's $pwsh, $root and $moduleOut.
#>
. (Join-Path $PSScriptRoot 'PostgreSqlCluster.ps1')

# The counts of an xunit run's .trx file, and the full names of its failed tests.
function Get-TrxCounts([string] $Path) {
    $trx = [xml](Get-Content -Raw $Path)
    $counters = $trx.TestRun.ResultSummary.Counters
    $results = @($trx.TestRun.Results.UnitTestResult | Where-Object { $_ })
    [pscustomobject]@{
        Name       = 'xunit'
        Passed     = [int]$counters.passed
        Failed     = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
        Skipped    = [int]$counters.notExecuted
        FailedList = @($results | Where-Object { $_.outcome -in 'Failed', 'Error', 'Timeout' } | ForEach-Object { "xunit: $($_.testName)" })
        ExitCode   = 0
        SkipReason = $null
    }
}

# The counts Invoke-PesterTests.ps1 wrote, the failed tests' names each led by the pass's name ('Pester: ' on SQLite,
# 'Pester (PostgreSql): '); a pass that wrote none fails the run.
function Get-PesterCounts([string] $Name, [string] $Path, [int] $ExitCode) {
    if (-not (Test-Path $Path)) {
        throw "$Name did not run (exit code $ExitCode): no $Path."
    }
    $counts = Get-Content -Raw $Path | ConvertFrom-Json
    [pscustomobject]@{
        Name       = $Name
        Passed     = [int]$counts.Passed
        Failed     = [int]$counts.Failed
        Skipped    = [int]$counts.Skipped
        FailedList = @($counts.FailedTests | Where-Object { $_ } | ForEach-Object { "${Name}: $_" })
        ExitCode   = $ExitCode
        SkipReason = $(if ($counts.PSObject.Properties['SkipReason']) { $counts.SkipReason })
    }
}

# The end of a test run, for the tail of a CI log (which shows only the last ~30 lines): the counts per pass on one line, the
# failed tests' names (the first 20), then the closing line 'tests: N passed, N failed, N skipped' over every pass.
function Write-TestSummary([object[]] $Runs, [string] $ResultsDir) {
    Write-Host (($Runs | ForEach-Object {
        "$($_.Name): $($_.Passed) passed, $($_.Failed) failed, $($_.Skipped) skipped$(if ($_.SkipReason) { " ($($_.SkipReason))" })"
    }) -join '; ')
    $failedList = @($Runs | ForEach-Object { $_.FailedList } | Where-Object { $_ })
    if ($failedList.Count -gt 0) {
        Write-Host "Failed ($($failedList.Count)):"
        $failedList | Select-Object -First 20 | ForEach-Object { Write-Host "  $_" }
        if ($failedList.Count -gt 20) {
            Write-Host "  ... and $($failedList.Count - 20) more (see $ResultsDir)"
        }
    }
    $passed = ($Runs | Measure-Object Passed -Sum).Sum
    $failed = ($Runs | Measure-Object Failed -Sum).Sum
    $skipped = ($Runs | Measure-Object Skipped -Sum).Sum
    Write-Host "tests: $passed passed, $failed failed, $skipped skipped"
}

# The command line that runs Invoke-PesterTests.ps1 for one pass, as a script of its own (quotes survive; -EncodedCommand
# would send Write-Host's lines to stderr as CLIXML too).
function Get-PesterPassScript([hashtable] $Arguments) {
    $quoted = foreach ($name in $Arguments.Keys) { "-$name '$("$($Arguments[$name])".Replace("'", "''"))'" }
    "& '$((Join-Path $root 'tests/pester/Invoke-PesterTests.ps1').Replace("'", "''"))' $($quoted -join ' '); exit `$LASTEXITCODE"
}

<#
A PostgreSQL server for the run: a throwaway cluster (tools/PostgreSqlCluster.ps1) with the database partnerops_test, as
Cluster; or, when none can be had, SkipReason (why not). Stop it with Stop-TestServer, in a finally.
#>
function Start-TestServer {
    $found = Find-PostgreSqlBin
    if (-not $found.Bin) { return [pscustomobject]@{ Cluster = $null; SkipReason = $found.Reason } }
    Write-Host "==> PostgreSQL: a throwaway cluster ($($found.Bin))" -ForegroundColor Cyan
    try {
        $cluster = Start-PostgreSqlCluster -Bin $found.Bin
        Write-Host "Started at $($cluster.Server)"
        [pscustomobject]@{ Cluster = $cluster; SkipReason = $null }
    }
    catch { [pscustomobject]@{ Cluster = $null; SkipReason = "the throwaway cluster did not start: $(("$_" -split "`n")[0])" } }
}

function Stop-TestServer($Server) {
    if ($Server -and $Server.Cluster) {
        Stop-PostgreSqlCluster $Server.Cluster
        Write-Host "==> PostgreSQL: the throwaway cluster is stopped and removed" -ForegroundColor Cyan
    }
}

<#
Runs the Pester suite (or $Files) twice, at once in two child pwsh processes: on SQLite, and on PostgreSQL in the database
of $Server (Start-TestServer). The SQLite pass prints as it goes; the PostgreSQL pass writes
$ResultsDir/pester-postgresql.log, printed when it ends. Without a server, the PostgreSQL pass only counts its tests as
skipped, with the reason. $First (xunit) runs after the PostgreSQL pass has started and before the SQLite pass, so the
longest pass starts first; what it returns comes first. A pass still running when this ends (Ctrl+C) is killed. Returns the
counts of $First and of both passes.
#>
function Invoke-PesterPasses {
    param(
        [Parameter(Mandatory)] [string] $PesterPath,
        [Parameter(Mandatory)] [string] $ResultsDir,
        [Parameter(Mandatory)] $Server,
        [string[]] $Files,
        [scriptblock] $First
    )
    $common = @{ PesterPath = $PesterPath; ModulePath = $moduleOut }
    if ($Files) { $common.Path = $Files -join ',' }
    $sqliteResult = Join-Path $ResultsDir 'pester.json'
    $pgResult = Join-Path $ResultsDir 'pester-postgresql.json'
    $pgLog = Join-Path $ResultsDir 'pester-postgresql.log'
    Remove-Item $sqliteResult, $pgResult, $pgLog -ErrorAction SilentlyContinue
    $pgPass = $null
    try {
        if ($Server.Cluster) {
            $pgArguments = $common + @{ ResultPath = $pgResult; Backend = 'PostgreSql'; Server = $Server.Cluster.Server }
            Write-Host "==> Pester on PostgreSQL ($($Server.Cluster.Server), -ExcludeTag FileOnly), in the background: $pgLog" -ForegroundColor Cyan
            $passScript = Join-Path $ResultsDir 'pester-postgresql.ps1'
            Set-Content $passScript (Get-PesterPassScript $pgArguments)
            $pgPass = Start-Process -FilePath $pwsh[0] -PassThru -RedirectStandardOutput $pgLog -RedirectStandardError "$pgLog.err" `
                -ArgumentList (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', "`"$passScript`""))
            $null = $pgPass.Handle   # keeps the exit code readable after the process ends
        }

        $firstRuns = @(if ($First) { & $First })

        Write-Host '==> Pester on SQLite (child pwsh -NoProfile, against out/PartnerOps, -ExcludeTag ServerOnly)' -ForegroundColor Cyan
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterTests.ps1') `
            @common -ResultPath $sqliteResult | Out-Host
        $sqlite = Get-PesterCounts 'Pester' $sqliteResult $LASTEXITCODE

        if ($pgPass) {
            $pgPass.WaitForExit()
            Write-Host '==> Pester on PostgreSQL: its output' -ForegroundColor Cyan
            Get-Content $pgLog, "$pgLog.err" -ErrorAction SilentlyContinue | Write-Host
            $postgres = Get-PesterCounts 'Pester (PostgreSql)' $pgResult $pgPass.ExitCode
        }
        else {
            & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'tests/pester/Invoke-PesterTests.ps1') `
                @common -ResultPath $pgResult -Backend PostgreSql -SkipReason $Server.SkipReason | Out-Host
            $postgres = Get-PesterCounts 'Pester (PostgreSql)' $pgResult $LASTEXITCODE
        }
        @($firstRuns) + @($sqlite, $postgres)
    }
    finally {
        if ($pgPass -and -not $pgPass.HasExited) {
            Write-Host 'Stopping the PostgreSQL pass.'
            $pgPass.Kill($true)
            $pgPass.WaitForExit()
        }
    }
}
