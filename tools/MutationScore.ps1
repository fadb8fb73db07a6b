<#
.SYNOPSIS
    The pieces of build.ps1 -Task Mutate that need no Stryker run: which files -Only names (Stryker's --mutate
    globs), and the mutation score per folder of src/PartnerOps.Core read from Stryker's JSON report.
    Dot-sourced by build.ps1 and by tests/pester/Mutate.Tests.ps1 (which feeds it a small saved report).
.DESCRIPTION
    The report is Stryker.NET's "json" reporter output (mutation-testing-elements schema: files keyed by path,
    each with its mutants and their status). The score follows Stryker's definition
    (https://stryker-mutator.io/docs/General/faq, "mutation score"):
        score = detected / valid,  detected = Killed + Timeout,  valid = detected + Survived + NoCoverage;
    CompileError, RuntimeError and Ignored mutants are not counted. A folder is the first folder of a file's path
    under the mutated project (Model, Measures, Import, ...: whatever folders the report holds, so a folder moved or
    added needs no change here); files at the project's top level count as '(top)'.
#>

# Mutant statuses as the report spells them, and how the score counts each.
$script:MutantDetected = @('Killed', 'Timeout')
$script:MutantUndetected = @('Survived', 'NoCoverage')

<#
.SYNOPSIS
    The --mutate globs for -Only: a folder of src/PartnerOps.Core ('Model') stands for every C# file under it; a
    path with a wildcard ('Import/*Mapper*') for the C# files it matches. Stryker's command-line globs replace the
    config's, so the config's exclusions ('!' globs, -Exclude: generated files, data tables) are added again. No
    names: @() (the config's own globs apply).
#>
function ConvertTo-MutateGlob {
    [OutputType([string[]])]
    param([string[]] $Only, [string[]] $Exclude = @('!**/*.g.cs'))
    $names = @($Only | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim().Replace('\', '/') } | Where-Object { $_ })
    if ($names.Count -eq 0) { return @() }
    $globs = foreach ($name in $names) {
        if ($name.StartsWith('/') -or [IO.Path]::IsPathRooted($name) -or $name -match '(^|/)\.\.?(/|$)' -or $name.StartsWith('!')) {
            throw "-Only '$name': give a folder or a path under src/PartnerOps.Core, such as Model or Import/*Mapper*."
        }
        $name = $name.TrimEnd('/')
        # Anchored at the project's folder: Measures/ must not take in Sqlite/Measures/. Stryker matches a glob against
        # a file's full path (and its relative one), so the leading **/ stands for wherever the clone is.
        if ($name -match '[*?\[]') {
            if ($name -notlike '*.cs') { $name += '.cs' }
            "**/PartnerOps.Core/$name"
        }
        elseif ($name -like '*.cs') { "**/PartnerOps.Core/$name" }
        else { "**/PartnerOps.Core/$name/**/*.cs" }
    }
    @($globs) + @($Exclude | Where-Object { $_.StartsWith('!') })
}

<#
.SYNOPSIS
    The exclusions ('!' globs) of a Stryker config file's "mutate" list.
#>
function Get-MutateExclusion([string] $ConfigPath) {
    $config = (Get-Content -Raw $ConfigPath | ConvertFrom-Json).'stryker-config'
    @($config.mutate | Where-Object { $_.StartsWith('!') })
}

<#
.SYNOPSIS
    The mutation score per top folder of the mutated project and for the whole, from Stryker's JSON report: one
    object per folder (sorted by name), then one with Folder 'all'. Score is a percentage (0-100, two decimals), or
    $null when a folder has no valid mutant. A file's path is taken relative to -ProjectRoot when it is rooted
    (Stryker writes full paths), as it stands otherwise.
#>
function Get-MutationScore {
    param(
        [Parameter(Mandatory)] [string] $ReportPath,
        [Parameter(Mandatory)] [string] $ProjectRoot
    )
    $report = Get-Content -Raw $ReportPath | ConvertFrom-Json -AsHashtable
    if (-not $report.ContainsKey('files')) { throw "'$ReportPath' is not a Stryker JSON report: it has no 'files'." }
    $rows = [ordered]@{}
    $all = New-MutationTally 'all'
    foreach ($entry in $report['files'].GetEnumerator()) {
        $path = $entry.Key.Replace('\', '/')
        if ([IO.Path]::IsPathRooted($path)) { $path = [IO.Path]::GetRelativePath($ProjectRoot, $path).Replace('\', '/') }
        $parts = $path -split '/'
        $folder = if ($parts.Count -gt 1) { $parts[0] } else { '(top)' }
        if (-not $rows.Contains($folder)) { $rows[$folder] = New-MutationTally $folder }
        foreach ($mutant in @($entry.Value['mutants'])) {
            Add-MutantStatus $rows[$folder] $mutant['status']
            Add-MutantStatus $all $mutant['status']
        }
    }
    foreach ($folder in @($rows.Keys | Sort-Object)) { Complete-MutationTally $rows[$folder] }
    Complete-MutationTally $all
}

function New-MutationTally([string] $Folder) {
    [pscustomobject]@{ Folder = $Folder; Score = $null; Killed = 0; Timeout = 0; Survived = 0; NoCoverage = 0; NotCounted = 0 }
}

function Add-MutantStatus($Tally, [string] $Status) {
    if ($Status -in ($script:MutantDetected + $script:MutantUndetected)) { $Tally.$Status++ }
    else { $Tally.NotCounted++ }
}

function Complete-MutationTally($Tally) {
    $detected = $Tally.Killed + $Tally.Timeout
    $valid = $detected + $Tally.Survived + $Tally.NoCoverage
    if ($valid -gt 0) { $Tally.Score = [math]::Round(100.0 * $detected / $valid, 2) }
    $Tally
}

<#
.SYNOPSIS
    The surviving (and uncovered) mutants per file and mutator, most first: where tests are missing.
#>
function Get-SurvivingMutant {
    param(
        [Parameter(Mandatory)] [string] $ReportPath,
        [Parameter(Mandatory)] [string] $ProjectRoot
    )
    $report = Get-Content -Raw $ReportPath | ConvertFrom-Json -AsHashtable
    $found = foreach ($entry in $report['files'].GetEnumerator()) {
        $path = $entry.Key.Replace('\', '/')
        if ([IO.Path]::IsPathRooted($path)) { $path = [IO.Path]::GetRelativePath($ProjectRoot, $path).Replace('\', '/') }
        foreach ($mutant in @($entry.Value['mutants'])) {
            if ($mutant['status'] -in $script:MutantUndetected) {
                [pscustomobject]@{ File = $path; Mutator = $mutant['mutatorName']; Status = $mutant['status'] }
            }
        }
    }
    @($found) | Group-Object File, Mutator, Status | Sort-Object @{ Expression = 'Count'; Descending = $true }, Name |
        ForEach-Object { [pscustomobject]@{ File = $_.Group[0].File; Mutator = $_.Group[0].Mutator; Status = $_.Group[0].Status; Count = $_.Count } }
}
