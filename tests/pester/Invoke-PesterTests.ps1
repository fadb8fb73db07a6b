<#
.SYNOPSIS
    Runs every tests/pester/*.Tests.ps1 against a built module and writes the counts as JSON, with the full names of the
    failed tests ('file: Describe > It', a failed block or file by its name) for build.ps1 to list.
    build.ps1 starts this in a fresh pwsh -NoProfile so that nothing from the build session leaks in.
.DESCRIPTION
    One pass on one backend. Sqlite (the default): every test but those tagged ServerOnly, each on a database file of its
    own. PostgreSql: every test but those tagged FileOnly (tests about files: disk faults, file modes, the native library),
    each on a schema of its own in the -Server database (TestHelpers.ps1 reads PARTNEROPS_TEST_BACKEND and
    PARTNEROPS_TEST_SERVER, set here). With -SkipReason the pass runs nothing: its tests are only found (Pester's
    discovery, with the same tag filter) and counted as skipped, the reason printed, so that a missing server is reported,
    never passed.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # The test files to run (default: every *.Tests.ps1 here); one argument may list several, separated by commas
    # (pwsh -File passes a list as one string).
    [string[]] $Path = @($PSScriptRoot),
    [ValidateSet('Sqlite', 'PostgreSql')] [string] $Backend = 'Sqlite',
    # PostgreSql: the database the tests make their schemas in (postgresql://user@host:port/dbname, no password).
    [string] $Server,
    # Why this pass cannot run (no PostgreSQL server to be had): its tests are counted as skipped.
    [string] $SkipReason
)
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -MinimumVersion 5.7.1

# The tests import the module from here, never from bin/.
$env:PARTNEROPS_TEST_MODULE = (Resolve-Path (Join-Path $ModulePath 'PartnerOps.psd1')).Path
$env:PARTNEROPS_TEST_BACKEND = $Backend
if ($Backend -eq 'PostgreSql' -and -not $SkipReason) {
    if (-not $Server) { throw '-Backend PostgreSql needs -Server (or -SkipReason).' }
    $env:PARTNEROPS_TEST_SERVER = $Server
}
else {
    Remove-Item env:PARTNEROPS_TEST_SERVER -ErrorAction SilentlyContinue
}

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Filter.ExcludeTag = if ($Backend -eq 'PostgreSql') { 'FileOnly' } else { 'ServerOnly' }
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')
if ($SkipReason) {
    $config.Run.SkipRun = $true
    $config.Output.Verbosity = 'None'
    $config.TestResult.Enabled = $false
}
$result = Invoke-Pester -Configuration $config

if ($SkipReason) {
    $skipped = @($result.Tests | Where-Object ShouldRun).Count
    Write-Host "Pester on $Backend skipped ($skipped tests): $SkipReason" -ForegroundColor Yellow
    [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = $skipped; FailedTests = @(); SkipReason = $SkipReason } |
        ConvertTo-Json | Set-Content $ResultPath
    exit 0
}

function Get-RelativeName([string] $File) {
    if ($File) { [IO.Path]::GetRelativePath((Join-Path $PSScriptRoot '../..'), $File).Replace('\', '/') } else { '(no file)' }
}

$failedTests = @(
    # The test's own name as run (a -ForEach test's <Name> filled in) after the names of its blocks.
    # Then why it failed, cut to 300 characters on one line: a CI log shows only its tail, so the reason must be there.
    foreach ($test in $result.Failed) {
        $why = (@($test.ErrorRecord | ForEach-Object { "$_" }) -join ' ') -replace '\s+', ' '
        if ($why.Length -gt 300) { $why = $why.Substring(0, 300) + '...' }
        "$(Get-RelativeName $test.ScriptBlock.File): $((@($test.Path | Select-Object -SkipLast 1) + $test.ExpandedName) -join '.')$(if ($why) { " -- $why" })"
    }
    foreach ($block in $result.FailedBlocks) { "$(Get-RelativeName $block.ScriptBlock.File): $($block.ExpandedPath) (BeforeAll/AfterAll)" }
    foreach ($container in $result.FailedContainers) { "$(Get-RelativeName "$($container.Item)"): (the file failed to run)" }
)

[pscustomobject]@{
    Passed      = $result.PassedCount
    Failed      = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped     = $result.SkippedCount
    FailedTests = $failedTests
} | ConvertTo-Json | Set-Content $ResultPath

exit ([int]($result.Result -ne 'Passed'))
