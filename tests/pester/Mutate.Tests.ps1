<#
build.ps1 -Task Mutate without running Stryker (issue 14): -Only turns into the right --mutate globs, the score per
Core folder is computed right from a small saved Stryker JSON report (tests/fixtures/stryker-report.json, a real
report cut down to a few files and mutants), and the task stays on demand (not in -Task Test, not in .ci/run).
#>

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $script:Root 'tools/MutationScore.ps1')
    $script:Fixture = Join-Path $script:Root 'tests/fixtures/stryker-report.json'
    $script:CoreRoot = Join-Path $script:Root 'src/PartnerOps.Core'
}

Describe 'build.ps1 -Task Mutate -Only: Stryker''s --mutate globs' {
    It 'a folder of Core stands for every C# file under it (only Core''s: Measures is not Sqlite/Measures); generated files stay out' {
        ConvertTo-MutateGlob -Only 'Model', 'Measures' |
            Should -Be @('**/PartnerOps.Core/Model/**/*.cs', '**/PartnerOps.Core/Measures/**/*.cs', '!**/*.g.cs')
    }

    It 'takes names joined by commas, trims them and turns backslashes into slashes' {
        ConvertTo-MutateGlob -Only ' Model , Sqlite\Native\ ' |
            Should -Be @('**/PartnerOps.Core/Model/**/*.cs', '**/PartnerOps.Core/Sqlite/Native/**/*.cs', '!**/*.g.cs')
    }

    It 'a path with a wildcard names the C# files it matches; a .cs file names itself' {
        ConvertTo-MutateGlob -Only 'Import/*Mapper*', 'Model/Money*.cs', 'ErrorIds.cs' |
            Should -Be @('**/PartnerOps.Core/Import/*Mapper*.cs', '**/PartnerOps.Core/Model/Money*.cs', '**/PartnerOps.Core/ErrorIds.cs', '!**/*.g.cs')
    }

    It 'adds the config''s exclusions again, since Stryker''s command-line globs replace the config''s' {
        $config = Join-Path $TestDrive 'stryker-config.json'
        '{ "stryker-config": { "mutate": [ "**/*.cs", "!**/*.g.cs", "!**/Model/CountryCodes.cs" ] } }' | Set-Content $config
        $exclude = Get-MutateExclusion $config
        $exclude | Should -Be @('!**/*.g.cs', '!**/Model/CountryCodes.cs')
        ConvertTo-MutateGlob -Only 'Model' -Exclude $exclude |
            Should -Be @('**/PartnerOps.Core/Model/**/*.cs', '!**/*.g.cs', '!**/Model/CountryCodes.cs')
    }

    It 'the repository''s config leaves out generated files and the ISO code tables' {
        Get-MutateExclusion (Join-Path $script:Root 'tools/stryker-config.json') |
            Should -Be @('!**/*.g.cs', '!**/Model/CountryCodes.cs', '!**/Model/CurrencyCodes.cs')
    }

    It 'without -Only gives no glob, so the config''s own apply' {
        @(ConvertTo-MutateGlob -Only @()) | Should -HaveCount 0
        @(ConvertTo-MutateGlob) | Should -HaveCount 0
    }

    It 'refuses <Name>, which would leave src/PartnerOps.Core or exclude instead of include' -ForEach @(
        @{ Name = '../PartnerOps' }, @{ Name = 'Model/../../PartnerOps' }, @{ Name = '/etc' }, @{ Name = '!Model' }
    ) {
        { ConvertTo-MutateGlob -Only $Name } | Should -Throw "-Only '*': give a folder or a path under src/PartnerOps.Core*"
    }
}

Describe 'the mutation score per Core folder, from a saved Stryker JSON report' {
    BeforeAll {
        $script:Scores = @(Get-MutationScore -ReportPath $script:Fixture -ProjectRoot $script:CoreRoot)
        $script:ByFolder = @{}
        foreach ($row in $script:Scores) { $script:ByFolder[$row.Folder] = $row }
    }

    It 'has one row per folder in the report, sorted, then the whole' {
        $script:Scores.Folder | Should -Be @('(top)', 'Import', 'Measures', 'Model', 'all')
    }

    It 'Model: (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage), CompileError and Ignored not counted' {
        $model = $script:ByFolder['Model']
        # The fixture's Model files: 5 killed, 1 timeout, 2 survived, 1 without coverage, 1 compile error, 1 ignored.
        $model.Killed | Should -Be 5
        $model.Timeout | Should -Be 1
        $model.Survived | Should -Be 2
        $model.NoCoverage | Should -Be 1
        $model.NotCounted | Should -Be 2
        $model.Score | Should -Be 66.67
    }

    It 'a file in a folder''s subfolder counts for the top folder; a file at the top counts as (top)' {
        $script:ByFolder['Import'].Killed | Should -Be 2
        $script:ByFolder['Import'].Survived | Should -Be 2
        $script:ByFolder['Import'].Score | Should -Be 50
        $script:ByFolder['(top)'].Survived | Should -Be 1
        $script:ByFolder['(top)'].Score | Should -Be 0
    }

    It 'a folder whose mutants are all not counted has no score' {
        $script:ByFolder['Measures'].NotCounted | Should -Be 2
        $script:ByFolder['Measures'].Score | Should -BeNullOrEmpty
    }

    It 'the whole adds every folder: 8 detected of 14 valid' {
        $all = $script:ByFolder['all']
        ($all.Killed + $all.Timeout) | Should -Be 8
        ($all.Killed + $all.Timeout + $all.Survived + $all.NoCoverage) | Should -Be 14
        $all.Score | Should -Be 57.14
    }

    It 'takes full paths (as Stryker writes them) relative to the project, whatever folders it has now' {
        $report = Join-Path $TestDrive 'rooted.json'
        $file = Join-Path $script:CoreRoot 'Sqlite/Native/Statement.cs'
        @{ schemaVersion = '2'; files = @{ $file = @{ language = 'cs'; mutants = @(
                        @{ id = '1'; mutatorName = 'Equality mutation'; status = 'Killed' }
                        @{ id = '2'; mutatorName = 'Equality mutation'; status = 'Survived' }
                        @{ id = '3'; mutatorName = 'Equality mutation'; status = 'Killed' }) } } } |
            ConvertTo-Json -Depth 6 | Set-Content $report
        $rows = @(Get-MutationScore -ReportPath $report -ProjectRoot $script:CoreRoot)
        $rows.Folder | Should -Be @('Sqlite', 'all')
        $rows[0].Score | Should -Be 66.67
    }

    It 'refuses a file that is not a Stryker report' {
        $other = Join-Path $TestDrive 'other.json'
        '{ "passed": 3 }' | Set-Content $other
        { Get-MutationScore -ReportPath $other -ProjectRoot $script:CoreRoot } | Should -Throw "*is not a Stryker JSON report*"
    }

    It 'lists the surviving and uncovered mutants by file and mutator, most first' {
        $hot = @(Get-SurvivingMutant -ReportPath $script:Fixture -ProjectRoot $script:CoreRoot)
        $hot[0].File | Should -BeExactly 'Import/Csv/RowMapperFixture.cs'
        $hot[0].Status | Should -BeExactly 'Survived'
        $hot[0].Count | Should -Be 2
        ($hot | Measure-Object Count -Sum).Sum | Should -Be 6
    }
}

Describe 'Mutate is on demand' {
    BeforeAll {
        $script:Build = [System.Management.Automation.Language.Parser]::ParseFile((Join-Path $script:Root 'build.ps1'), [ref]$null, [ref]$null)
        $script:Functions = @{}
        foreach ($f in $script:Build.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
            $script:Functions[$f.Name] = $f.Body.Extent.Text
        }
    }

    It 'build.ps1 has the task, and Test neither calls it nor runs Stryker' {
        $script:Functions.Keys | Should -Contain 'Invoke-Mutate'
        $script:Functions['Invoke-Mutate'] | Should -Match 'dotnet stryker'
        $script:Functions['Invoke-Test'] | Should -Not -Match 'Invoke-Mutate|stryker'
    }

    It '.ci/run runs the test task and not Mutate' {
        $ci = Get-Content -Raw (Join-Path $script:Root '.ci/run')
        $ci | Should -Match '-Task Test'
        $ci | Should -Not -Match 'Mutate|stryker'
    }

    It 'the tool manifest pins dotnet-stryker 5.1.0, and the config uses coverage per test and writes html and json' {
        $tools = Get-Content -Raw (Join-Path $script:Root 'dotnet-tools.json') | ConvertFrom-Json
        $tools.tools.'dotnet-stryker'.version | Should -BeExactly '5.1.0'
        $config = (Get-Content -Raw (Join-Path $script:Root 'tools/stryker-config.json') | ConvertFrom-Json).'stryker-config'
        $config.'coverage-analysis' | Should -BeExactly 'perTest'
        $config.project | Should -BeExactly 'PartnerOps.Core.csproj'
        $config.reporters | Should -Contain 'Html'
        $config.reporters | Should -Contain 'Json'
    }
}
