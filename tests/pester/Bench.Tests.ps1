# bench/Invoke-Benchmark.ps1 itself, in a short run (1,000 rows, one repeat): every row of issue 15's table is there, each
# measured against its baseline in the same run and held to its target. The figures of so short a run say nothing about
# speed; what is tested is that the benchmark measures what it says. Skipped without the sqlite3 CLI (the baselines).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Sqlite = Get-Command sqlite3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:Why = if (-not $script:Sqlite) { 'the sqlite3 CLI is not on PATH: every baseline of the benchmark is the CLI''s' }
    if ($script:Sqlite) {
        $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        # The bench program as the solution's build left it (build.ps1 -Task Test builds it), when it is newer than its
        # sources; else built here.
        $project = Join-Path $root 'bench/PartnerOps.Bench'
        $sources = Get-ChildItem $project -File | Where-Object Extension -In '.cs', '.csproj' | Measure-Object LastWriteTimeUtc -Maximum
        $benchTool = Get-ChildItem (Join-Path $project 'bin/Release') -Recurse -Filter PartnerOps.Bench.dll -ErrorAction SilentlyContinue |
            Where-Object LastWriteTimeUtc -GT $sources.Maximum | Select-Object -First 1 -ExpandProperty FullName
        if (-not $benchTool) {
            $tool = New-TestFolder
            $built = dotnet build (Join-Path $project 'PartnerOps.Bench.csproj') -c Release -o $tool --nologo --verbosity quiet 2>&1
            if ($LASTEXITCODE) { throw "bench/PartnerOps.Bench did not build: $($built -join "`n")" }
            $benchTool = Join-Path $tool 'PartnerOps.Bench.dll'
        }
        $resultPath = Join-Path (New-TestFolder) 'results.json'
        $pwsh = Get-PwshCommandLine
        $prefix = $pwsh.Prefix
        $script:Output = (& $pwsh.Exe @prefix -NoProfile -NonInteractive -File (Join-Path $root 'bench/Invoke-Benchmark.ps1') `
                -ModulePath (Split-Path $script:ModuleManifest) -BenchTool $benchTool -Rows 1000 -PipelineRows 300 `
                -MeasureRows 2000 -Repeat 1 -StartupRepeat 1 -WorkFolder (Join-Path (New-TestFolder) 'work') -ResultPath $resultPath 2>&1) -join "`n"
        $script:ExitCode = $LASTEXITCODE
        $script:Report = if (Test-Path $resultPath) { Get-Content -Raw $resultPath | ConvertFrom-Json }
        $script:Rows = @(if ($script:Report) { $script:Report.Results })
    }

    function Skip-Because([string] $Reason) {
        if ($Reason) { Set-ItResult -Skipped -Because $Reason; return $true }
        $false
    }

    # The one result row of this benchmark whose measure and baseline match these patterns (-like).
    function Get-Row([string] $Benchmark, [string] $Measure, [string] $Baseline = '*') {
        $found = @($script:Rows | Where-Object { $_.Benchmark -eq $Benchmark -and $_.Measure -like $Measure -and "$($_.Baseline)" -like $Baseline })
        $found.Count | Should -Be 1 -Because "one '$Benchmark' row measures '$Measure' against '$Baseline' (the rows: $($script:Rows.Measure -join '; '))"
        $found[0]
    }
}

AfterAll { Remove-TestFolders }

# FileOnly: the benchmark's baselines are the sqlite3 CLI's, on its own database files.
Describe 'bench/Invoke-Benchmark.ps1, a short run' -Tag 'FileOnly' {
    It 'runs every benchmark to its end, with results in -ResultPath and no failed benchmark' {
        if (Skip-Because $script:Why) { return }
        $script:ExitCode | Should -Be 0 -Because $script:Output
        $script:Report.Rows | Should -Be 1000
        @($script:Rows | Where-Object Verdict -EQ 'failed') | Should -BeNullOrEmpty
        @($script:Rows.Benchmark | Sort-Object -Unique) |
            Should -Be @('CsvLibraries', 'Deals', 'DealsPg', 'GetPartner', 'ImportPartner', 'ImportPartnerPg', 'ImportRevenue', 'MeasureFunnel', 'MeasureFunnelPg', 'MeasureRevenue', 'MeasureRevenuePg', 'ModuleStartup', 'Pipeline', 'Report', 'SqliteApi', 'TestPartnerTier', 'TestPartnerTierPg')
        $script:Output | Should -Match 'Summary \(median of 1'
        $script:Output | Should -Match 'Targets: \d+ (met|missed)'
    }

    It 'has the row <Measure> against <Baseline>, held to <Target>' -ForEach @(
        @{ Benchmark = 'ImportPartner'; Measure = 'Import-Partner, 1000 rows'; Baseline = 'sqlite3 .import --csv, 9-column table*'; Target = 'ratio ≤ 1.2' }
        @{ Benchmark = 'ImportPartner'; Measure = 'peak working set of the pwsh that ran Import-Partner'; Baseline = 'pwsh that only imported the module'; Target = '< 250 MB' }
        @{ Benchmark = 'ImportPartner'; Measure = 'largest WAL file during Import-Partner'; Baseline = ''; Target = '< 512 MB' }
        @{ Benchmark = 'ImportPartner'; Measure = 'database size after Import-Partner'; Baseline = 'the sqlite3 .import database*'; Target = 'ratio ≤ 2' }
        @{ Benchmark = 'ImportRevenue'; Measure = 'Import-PartnerRevenue, 1000 rows'; Baseline = 'sqlite3 .import --csv, 7-column table*'; Target = 'ratio ≤ 3' }
        @{ Benchmark = 'ImportRevenue'; Measure = 'Import-PartnerRevenue, 1000 rows'; Baseline = 'sqlite3 doing the same work set-wise*'; Target = 'ratio < 0.5' }
        @{ Benchmark = 'ImportRevenue'; Measure = 'peak working set of the pwsh that ran Import-PartnerRevenue'; Baseline = 'pwsh that only imported the module'; Target = '< 250 MB' }
        @{ Benchmark = 'ImportRevenue'; Measure = 'largest WAL file during Import-PartnerRevenue'; Baseline = ''; Target = '< 512 MB' }
        @{ Benchmark = 'ImportRevenue'; Measure = 'what Import-PartnerRevenue added to the database'; Baseline = 'the sqlite3 .import database*'; Target = 'ratio ≤ 2' }
        @{ Benchmark = 'Pipeline'; Measure = 'Import-Csv | Add-Partner, 300 rows'; Baseline = 'Import-Csv | Out-Null, same file'; Target = 'ratio ≤ 2.5' }
        @{ Benchmark = 'Pipeline'; Measure = 'Import-Csv | Add-PartnerRevenue, 300 rows'; Baseline = 'Import-Csv | Out-Null, same file'; Target = 'ratio ≤ 2.5' }
        @{ Benchmark = 'ModuleStartup'; Measure = 'pwsh -NoProfile -Command Import-Module PartnerOps'; Baseline = 'pwsh -NoProfile -Command $null'; Target = '≤ +150 ms' }
        @{ Benchmark = 'GetPartner'; Measure = "Get-Partner -Name 'Co 1000' on 1000 partners"; Baseline = "Get-Partner -Name 'Co 456' on 1,000 partners"; Target = 'ratio ≤ 2' }
        @{ Benchmark = 'MeasureRevenue'; Measure = 'Measure-PartnerRevenue -GroupBy Region,Year, 2000 records*'; Baseline = 'sqlite3: SELECT*'; Target = 'ratio ≤ 0.5' }
        @{ Benchmark = 'ImportPartnerPg'; Measure = 'Import-Partner, 1000 rows into PostgreSQL'; Baseline = 'psql \copy of the same file*'; Target = 'ratio ≤ 2' }
        @{ Benchmark = 'MeasureRevenuePg'; Measure = 'Measure-PartnerRevenue -GroupBy Region,Year, 2000 records*in PostgreSQL'; Baseline = 'psql: SELECT*'; Target = 'ratio ≤ 0.5' }
        # Issue 17: five status changes per partner row (1,000 partners, 5,000 changes), held to an absolute 2 s.
        @{ Benchmark = 'MeasureFunnel'; Measure = 'Measure-PartnerFunnel -From 2025-01-01 -To 2025-12-31, 1000 partners, 5000 status changes'; Baseline = 'sqlite3: SELECT attribute*'; Target = '< 2 s' }
        @{ Benchmark = 'MeasureFunnelPg'; Measure = 'Measure-PartnerFunnel -From 2025-01-01 -To 2025-12-31, 1000 partners, 5000 status changes in PostgreSQL'; Baseline = 'psql: SELECT attribute*'; Target = '< 2 s' }
        # Issue 18: a tenth of the rows as partners, five certifications and fifty revenue records each, held to an absolute 3 s.
        @{ Benchmark = 'TestPartnerTier'; Measure = 'Test-PartnerTier -AsOf 2026-11-29, 1000 partners, 5000 certifications, 50000 revenue records'; Baseline = 'sqlite3: revenue of the window*'; Target = '< 3 s' }
        @{ Benchmark = 'TestPartnerTierPg'; Measure = 'Test-PartnerTier -AsOf 2026-11-29, 1000 partners, 5000 certifications, 50000 revenue records in PostgreSQL'; Baseline = 'psql: revenue of the window*'; Target = '< 3 s' }
        # Issue 19: as many deals as rows, a tenth as many partners, each measure held to an absolute 2 s.
        @{ Benchmark = 'Deals'; Measure = 'Measure-PartnerDeal -GroupBy Region,Year, 1000 deals, 100 partners'; Baseline = 'sqlite3: SELECT status, year*'; Target = '< 2 s' }
        @{ Benchmark = 'Deals'; Measure = 'Get-PartnerDeal -Conflicting, 1000 deals, 100 partners'; Baseline = 'sqlite3: customers claimed*'; Target = '< 2 s' }
        @{ Benchmark = 'DealsPg'; Measure = 'Measure-PartnerDeal -GroupBy Region,Year, 1000 deals, 100 partners in PostgreSQL'; Baseline = 'psql: SELECT status, year*'; Target = '< 2 s' }
        @{ Benchmark = 'DealsPg'; Measure = 'Get-PartnerDeal -Conflicting, 1000 deals, 100 partners in PostgreSQL'; Baseline = 'psql: customers claimed*'; Target = '< 2 s' }
        # Issue 20: the report over the rows as partners and ten revenue records each, held to an absolute 15 s.
        @{ Benchmark = 'Report'; Measure = 'Export-PartnerReport -AsOf 2026-11-29, 1000 partners, 10000 revenue records'; Baseline = "the report's Measure- cmdlets*"; Target = '< 15 s' }
    ) {
        if (Skip-Because $script:Why) { return }
        # Without PostgreSQL's programs the PostgreSQL rows say why they were skipped (the bench installs nothing).
        $skipped = @($script:Rows | Where-Object { $_.Benchmark -eq $Benchmark -and "$($_.Note)" -like 'skipped:*' })
        if ($skipped -and (Skip-Because $skipped[0].Note)) { return }
        $row = Get-Row $Benchmark $Measure $Baseline
        $row.Target | Should -BeExactly $Target
        $row.Verdict | Should -BeIn 'met', 'missed'
        # A time, a size, a memory. A WAL row is the log's largest size seen from outside (polled every 10 ms) while the
        # import ran: a 1,000-row import may write and truncate its log between two polls, so 0 is a true reading here.
        if ($Measure -like 'largest WAL file*') { $row.Value | Should -BeGreaterOrEqual 0 } else { $row.Value | Should -BeGreaterThan 0 }
        if ($Baseline) {
            # Measured in the same run, and the ratio is of the two as measured (Ratio is rounded to 2 decimals; the figures
            # are kept exact in the results, so a baseline of a few milliseconds does not move it).
            $row.BaselineValue | Should -BeGreaterThan 0
            [Math]::Abs($row.Ratio - $row.Value / $row.BaselineValue) | Should -BeLessOrEqual 0.0051
        }
    }

    It 'gives each target its verdict by the figures: met exactly when the measure is within it' {
        if (Skip-Because $script:Why) { return }
        foreach ($row in @($script:Rows | Where-Object Target)) {
            $limit = [double]($row.Target -replace '^[^\d]*([\d.]+).*$', '$1')
            $figure = switch -Wildcard ($row.Target) {
                'ratio*' { $row.Value / $row.BaselineValue }
                '*+*' { $row.Value - $row.BaselineValue }
                default { $row.Value }
            }
            $within = if ($row.Target -match '<') { $figure -lt $limit } else { $figure -le $limit }
            $row.Verdict | Should -Be $(if ($within) { 'met' } else { 'missed' }) -Because "$($row.Measure): $figure against '$($row.Target)'"
        }
    }

    It 'has the sqlite3 set-wise baseline store the same records and totals as Import-PartnerRevenue' {
        if (Skip-Because $script:Why) { return }
        # Compare-RevenueTables found no difference, or the row would say 'invalid' with what differs.
        (Get-Row 'ImportRevenue' 'Import-PartnerRevenue, 1000 rows' 'sqlite3 doing the same work set-wise*').Verdict | Should -Not -Be 'invalid'
    }

    It 'would say so if the set-wise baseline stored other records or totals than the import: <Case>' -ForEach @(
        @{ Case = 'the same records'; Amount = 100; Differs = $false }
        @{ Case = 'an amount that differs'; Amount = 101; Differs = $true }
    ) {
        if (Skip-Because $script:Why) { return }
        $sqlite = $script:Sqlite
        $benchmarks = [ordered]@{}
        . (Join-Path $PSScriptRoot '../../bench/BenchSupport.ps1')
        . (Join-Path $PSScriptRoot '../../bench/Benchmarks.Revenue.ps1')
        $one = New-TestDatabase -Name 'one.db'
        $other = New-TestDatabase -Name 'other.db'
        Add-PartnerRevenue -Database $one -Direct -Date 2015-01-15 -Amount 100 -Region China -Reference 'INV-1'
        Add-PartnerRevenue -Database $other -Direct -Date 2015-01-15 -Amount $Amount -Region China -Reference 'INV-1'
        Close-PooledConnections
        $difference = Compare-RevenueTables $one $other
        if ($Differs) { $difference | Should -Match 'not the same rows' } else { $difference | Should -BeNullOrEmpty }
    }
}

# The result rows themselves, without running a benchmark: the figures stay as measured and only their display is rounded.
Describe 'bench/BenchSupport.ps1 result rows' -Tag 'FileOnly' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../../bench/BenchSupport.ps1')
    }

    It 'keeps <Value> against <BaselineValue> as measured, with the ratio and verdict of those figures' -ForEach @(
        # A baseline of a few milliseconds: rounded to 3 decimals it would read 0.005 and the ratio 37.9 (it is 40.3).
        @{ Value = 0.1894; BaselineValue = 0.0047; Ratio = 40.3; Target = '< 2 s'; Verdict = 'met' }
        @{ Value = 0.0012; BaselineValue = 0.0004; Ratio = 3; Target = 'ratio ≤ 2'; Verdict = 'missed' }
        @{ Value = 0.00099; BaselineValue = 0.0005; Ratio = 1.98; Target = 'ratio ≤ 2'; Verdict = 'met' }
        @{ Value = 2.0004; BaselineValue = 1.0001; Ratio = 2; Target = 'ratio ≤ 2'; Verdict = 'missed' }
    ) {
        $heldTo = switch -Wildcard ($Target) {
            'ratio*' { New-Target -Of Ratio -Limit 2 }
            default { New-Target -Of Value -Limit 2 -Below -Unit 's' }
        }
        $row = New-Result 'Example' 'a measure' $Value -Baseline 'a baseline' -BaselineValue $BaselineValue -Target $heldTo
        $row.Value | Should -Be $Value
        $row.BaselineValue | Should -Be $BaselineValue
        $row.Ratio | Should -Be $Ratio
        $row.Target | Should -BeExactly $Target
        $row.Verdict | Should -Be $Verdict
    }

    It 'shows <Figure> as <Shown>' -ForEach @(
        @{ Figure = 12.34567; Shown = 12.346 }
        @{ Figure = 0.1234; Shown = 0.123 }
        @{ Figure = 0.0047123; Shown = 0.00471 }
        @{ Figure = 0.00042; Shown = 0.00042 }
        @{ Figure = 0; Shown = 0 }
        @{ Figure = -0.0123456; Shown = -0.0123 }
    ) {
        Format-Figure $Figure | Should -Be $Shown
    }

    It 'rounds a row only for display, leaving the row as measured' {
        $row = New-Result 'Example' 'a measure' 0.1894567 -Baseline 'a baseline' -BaselineValue 0.0047123
        $shown = Get-ShownResult $row
        $shown.Value | Should -Be 0.189
        $shown.BaselineValue | Should -Be 0.00471
        $row.Value | Should -Be 0.1894567
        $row.BaselineValue | Should -Be 0.0047123
        (Get-ShownResult (New-Result 'Example' 'no baseline' 1.23456)).BaselineValue | Should -BeNullOrEmpty
    }
}
