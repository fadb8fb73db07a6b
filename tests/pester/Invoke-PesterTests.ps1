<#
.SYNOPSIS
    Runs every tests/pester/*.Tests.ps1 against a built module and writes the counts as JSON, with the full names of the
    failed tests ('file: Describe > It', a failed block or file by its name) for build.ps1 to list.
    build.ps1 starts this in a fresh pwsh -NoProfile so that nothing from the build session leaks in.
#>
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $ResultPath,
    # The test files to run (default: every *.Tests.ps1 here); one argument may list several, separated by commas
    # (pwsh -File passes a list as one string).
    [string[]] $Path = @($PSScriptRoot)
)
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })

$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -MinimumVersion 5.7.1

# The tests import the module from here, never from bin/.
$env:PARTNEROPS_TEST_MODULE = (Resolve-Path (Join-Path $ModulePath 'PartnerOps.psd1')).Path

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
$config.TestResult.Enabled = $true
$config.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')
$result = Invoke-Pester -Configuration $config

function Get-RelativeName([string] $File) {
    if ($File) { [IO.Path]::GetRelativePath((Join-Path $PSScriptRoot '../..'), $File).Replace('\', '/') } else { '(no file)' }
}

$failedTests = @(
    # The test's own name as run (a -ForEach test's <Name> filled in) after the names of its blocks.
    foreach ($test in $result.Failed) { "$(Get-RelativeName $test.ScriptBlock.File): $((@($test.Path | Select-Object -SkipLast 1) + $test.ExpandedName) -join '.')" }
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
