<#
.SYNOPSIS
    The report benchmark of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after Benchmarks.Deals.ps1): Report, issue 20:
    Export-PartnerReport over 1,000,000 partners and 10,000,000 revenue records in under 15 s. It uses its $benchmarks,
    $targets, $sqlite, $Rows, $ReportRows, $Repeat, $WorkFolder and the helpers of BenchSupport.ps1.
.DESCRIPTION
    The data, written by SQL (the sqlite3 CLI) straight into a PartnerOps database: -Rows partners (1,000,000), partner i
    joined on a day of 2015 to mid-2025 as Onboarding and became Active 10-209 days later; one in ten ended (Terminated) on a
    day of 2026, one in ten is Suspended since 2026-01-15; its tier is Registered, Silver, Gold or Platinum (i % 4); seven
    regions, 25 countries, four types. Revenue: -ReportRows records (default 10 per partner: 10,000,000) dated 2024-01-01 to
    2026-11-29, nine in ten a partner's (Sourced, Influenced or Fulfilled), one in ten direct with a region, one in five in
    EUR (an EUR->USD rate for each year). Targets for 2026: PartnerCount, PartnerRevenue and PartnerRevenueShare of the
    programme (Set-PartnerTarget). The measure: Export-PartnerReport -AsOf 2026-11-29 timed inside its pwsh (the session's
    first command: it opens the database). The baseline, in the same run and the same way: the Measure- cmdlets whose
    figures the report shows, run one after another in one pwsh (Measure-PartnerTarget; Measure-PartnerRevenue by channel,
    year, quarter and attribution, region, country and partner; Measure-PartnerFunnel for the year and by quarter;
    Measure-Partner by tier): what a user would run to get the same numbers without the report.
#>

$reportDay = '2026-11-29'

function Get-ReportSql([long] $Partners, [long] $PerPartner) {
    $at = "'2026-01-01 00:00:00.0000000'"
    $series = { param($name, $to) "(WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM s WHERE v < $to) SELECT v AS $name FROM s) AS s_$name" }
    $region = "CASE {0} % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific' WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END"
    $countries = "'DE','FR','GB','NL','SE','NO','DK','PL','CZ','CN','HK','US','CA','MX','BR','AR','AU','JP','SG','IN','AE','SA','ZA','EG','TR'"
    @"
CREATE TEMP TABLE countries (n INTEGER PRIMARY KEY, code TEXT);
INSERT INTO countries (code) SELECT value FROM json_each('[$($countries.Replace("'", '"'))]');
CREATE TEMP TABLE g AS
SELECT i, date('2015-01-01', '+' || ((i * 7919) % 3800) || ' days') AS j,
       date('2015-01-01', '+' || ((i * 7919) % 3800 + 10 + (i * 31) % 200) || ' days') AS a,
       date('2026-01-01', '+' || ((i * 613) % 330) || ' days') AS e FROM $(& $series 'i' $Partners);
INSERT INTO partners (id, name, name_key, type, tier, status, region, country, joined_on, ended_on, status_since, tier_since, status_reason, created_at, updated_at)
SELECT i, 'Co ' || i, 'co ' || i,
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       CASE i % 4 WHEN 0 THEN 'Registered' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold' ELSE 'Platinum' END,
       CASE i % 10 WHEN 0 THEN 'Terminated' WHEN 1 THEN 'Suspended' ELSE 'Active' END,
       $($region -f 'i'), (SELECT code FROM countries WHERE n = 1 + i % 25), j,
       CASE WHEN i % 10 = 0 THEN e END, CASE i % 10 WHEN 0 THEN e WHEN 1 THEN '2026-01-15' ELSE a END, j,
       CASE WHEN i % 10 = 0 THEN 'No sales' END, $at, $at
FROM g;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT i, 'Status', NULL, 'Onboarding', j, NULL, 'bench', $at FROM g
UNION ALL SELECT i, 'Status', 'Onboarding', 'Active', a, NULL, 'bench', $at FROM g
UNION ALL SELECT i, 'Status', 'Active', 'Terminated', e, 'No sales', 'bench', $at FROM g WHERE i % 10 = 0
UNION ALL SELECT i, 'Status', 'Active', 'Suspended', '2026-01-15', NULL, 'bench', $at FROM g WHERE i % 10 = 1
UNION ALL SELECT i, 'Tier', NULL, CASE i % 4 WHEN 0 THEN 'Registered' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold' ELSE 'Platinum' END, j, NULL, 'bench', $at FROM g;
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at, attribution)
SELECT CASE WHEN (i + k) % 10 = 0 THEN NULL ELSE i END, date('2024-01-01', '+' || (((i * $PerPartner + k) * 7919) % 1064) || ' days'),
       100000 + ((i * 104729 + k * 7919) % 4000000), CASE WHEN k % 5 = 0 THEN 'EUR' ELSE 'USD' END,
       CASE k % 3 WHEN 0 THEN 'Enterprise' WHEN 1 THEN 'Mid-market' ELSE 'Small business' END,
       CASE k % 3 WHEN 0 THEN 'enterprise' WHEN 1 THEN 'mid-market' ELSE 'small business' END,
       CASE WHEN (i + k) % 10 = 0 THEN $($region -f 'i') END, CASE WHEN (i + k) % 10 = 0 THEN lower($($region -f 'i')) END, NULL, $at,
       CASE WHEN (i + k) % 10 = 0 THEN NULL WHEN k % 3 = 0 THEN 'Sourced' WHEN k % 3 = 1 THEN 'Influenced' ELSE 'Fulfilled' END
FROM $(& $series 'i' $Partners) CROSS JOIN $(& $series 'k' $PerPartner);
INSERT INTO exchange_rates (from_currency, to_currency, year, rate, updated_at)
SELECT 'EUR', 'USD', y, '1.1', $at FROM (SELECT 2023 + v AS y FROM $(& $series 'v' 4)) years;
"@
}

$benchmarks.Report = {
    if (-not $sqlite) { return New-Result 'Report' 'Export-PartnerReport' 0 -Note 'skipped: no sqlite3 CLI (it generates the data)' }
    $partners = [long]$Rows
    $records = if ($ReportRows -gt 0) { [long]$ReportRows } else { $partners * 10 }
    $perPartner = [long][Math]::Max(1, [Math]::Ceiling($records / $partners))
    $db = Join-Path $WorkFolder 'report.db'
    $out = Join-Path $WorkFolder 'report.html'
    $setup = @"
Import-Module $(ConvertTo-Literal $manifest)
`$null = New-PartnerDatabase -Path $(ConvertTo-Literal $db) -Currency USD
'{}'
"@
    $null = Invoke-Child $setup
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Sqlite $db "PRAGMA journal_mode = WAL;`nPRAGMA cache_size = -400000;`nBEGIN;`n$(Get-ReportSql $partners $perPartner)`nCOMMIT;`nANALYZE;`nPRAGMA wal_checkpoint(TRUNCATE);" | Out-Null
    $targetsScript = @"
Import-Module $(ConvertTo-Literal $manifest)
Set-PartnerTarget -Database $(ConvertTo-Literal $db) -Metric PartnerCount -Year 2026 -Value $([long]($partners * 0.85))
Set-PartnerTarget -Database $(ConvertTo-Literal $db) -Metric PartnerRevenue -Year 2026 -Value 1000000000 -Currency USD
Set-PartnerTarget -Database $(ConvertTo-Literal $db) -Metric PartnerRevenueShare -Year 2026 -Value 0.9
'{}'
"@
    $null = Invoke-Child $targetsScript
    $counts = "$(Invoke-Sqlite $db "SELECT (SELECT count(*) FROM partners) || ' partners, ' || (SELECT count(*) FROM revenue) || ' revenue records';")".Trim()
    Write-Host ("Generated $counts in {0:N0} s; database {1:N0} MB" -f $clock.Elapsed.TotalSeconds, ((Get-DatabaseBytes $db) / 1e6))

    $literal = ConvertTo-Literal $db
    $measures = @(
        "Measure-PartnerTarget -Database $literal -Year 2026 -AsOf $reportDay"
        "Measure-PartnerRevenue -Database $literal -GroupBy Channel -Year 2026 -To $reportDay"
        "Measure-PartnerRevenue -Database $literal -GroupBy Year -Year 2026 -To $reportDay"
        "Measure-PartnerRevenue -Database $literal -GroupBy Channel, Year, Quarter -Year 2025, 2026 -To $reportDay"
        "Measure-PartnerRevenue -Database $literal -GroupBy Attribution, Quarter -Year 2026 -To $reportDay -Channel Partner"
        "Measure-PartnerRevenue -Database $literal -GroupBy Region, Year -Year 2026 -To $reportDay"
        "Measure-PartnerRevenue -Database $literal -GroupBy Country -Year 2026 -To $reportDay -Top 10"
        "Measure-PartnerRevenue -Database $literal -GroupBy Partner -Year 2026 -To $reportDay -Channel Partner"
        "Measure-PartnerFunnel -Database $literal -From 2026-01-01 -To $reportDay"
        "Measure-PartnerFunnel -Database $literal -From 2026-01-01 -To $reportDay -GroupBy Quarter"
        "Measure-Partner -Database $literal -GroupBy Tier -AsOf $reportDay"
    )
    $baselineCommand = '@(' + ($measures -join '; ') + ')'
    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $figures = $null
    foreach ($i in 1..$Repeat) {
        $baseline.Add((Invoke-Child (New-TimedScript $baselineCommand '$result.Count')).Seconds)
        $r = Invoke-Child (New-TimedScript "Export-PartnerReport -Database $literal -Path $(ConvertTo-Literal $out) -AsOf $reportDay" `
            "'{0:N0} bytes' -f `$result.Length")
        $ours.Add($r.Seconds)
        $figures = $r.Result
    }
    Remove-Item "$db*", $out -ErrorAction SilentlyContinue
    New-Result 'Report' "Export-PartnerReport -AsOf $reportDay, $counts" (Get-Median $ours) `
        -Baseline "the report's Measure- cmdlets one after another in one pwsh ($($measures.Count) commands)" -BaselineValue (Get-Median $baseline) `
        -Target $targets.Report -Note "report $figures; timed inside its pwsh $(Format-Runs $ours); the measures $(Format-Runs $baseline)"
}
