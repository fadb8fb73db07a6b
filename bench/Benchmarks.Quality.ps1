<#
.SYNOPSIS
    The partner-quality benchmarks of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after Benchmarks.Funnel.ps1):
    TestPartnerTier (SQLite) and TestPartnerTierPg, issue 18: Test-PartnerTier over 100,000 partners with 500,000
    certifications and 5,000,000 revenue records in under 3 s. They use its $benchmarks, $targets, $sqlite, $Repeat,
    $WorkFolder and the helpers of BenchSupport.ps1 and Benchmarks.PostgreSql.ps1.
.DESCRIPTION
    The data, written by SQL (the sqlite3 CLI; psql with the triggers off) straight into a PartnerOps database, the same on
    both: partner i (a tenth as many as -Rows: 100,000) joined on a day of 2015 to mid-2023 as Onboarding and became Active
    10-209 days later; one in ten is Suspended since; its tier is Registered, Silver, Gold or Platinum (i % 4) since it
    joined; seven regions, four types. Each has 50 revenue records (5,000,000) spread over 2017-01-01 to 2026-11-29, one in
    five in EUR (a EUR->USD rate for every year), three contacts (the third of every third partner left in 2025) and five
    certifications (500,000) of five names, earned 2021-2026, two in five expiring two years after. The tier rules: Silver,
    Gold and Platinum for everyone (revenue in USD over 12 months, certified people, Gold two 'Networking*' ones, months
    active), and a Gold rule for Western Europe in EUR. The measure: Test-PartnerTier -AsOf 2026-11-29, timed inside its pwsh
    (the session's first command: it opens the database), the assessments collected. The baseline, in the same run: the CLI
    (psql) summing the same window's revenue per partner, currency and year (one GROUP BY), start to exit.
#>

function Get-QualityPartners { [int][Math]::Max(1000, $Rows / 10) }

# The day assessed, and the day before the revenue window (12 months).
$qualityDay = '2026-11-29'
$qualityWindow = '2025-11-29'

# What partner i, record k, contact c and certification k are (the expressions every backend computes alike; {0} is i,
# {1} the second index): days after 2015-01-01 it joined, days to Active, revenue day after 2017-01-01, amount (minor units).
$qualityDays = @{
    Joined = '(({0} * 7919) % 3100)'; ToActive = '(10 + ({0} * 31) % 200)'
    RevenueDay = '((({0} * 50 + {1}) * 7919) % 3620)'; Amount = '(100000 + (({0} * 104729 + {1} * 7919) % 4000000))'
    Earned = '((({0} * 5 + {1}) * 613) % 2150)'
}

# The rules, the same rows on both backends: tier, region, region key, min revenue (minor units), currency, min certified,
# certification pattern, min months active.
$qualityRules = @"
('Silver', NULL, '', 5000000, 'USD', 12, 1, NULL, NULL),
('Gold', NULL, '', 25000000, 'USD', 12, 2, 'Networking*', 12),
('Gold', 'Western Europe', 'western europe', 20000000, 'EUR', 12, 2, 'Networking*', 12),
('Platinum', NULL, '', 60000000, 'USD', 12, 3, NULL, 36)
"@

function Get-QualitySql([string] $Backend) {
    $pg = $Backend -eq 'Pg'
    $d = @{}
    foreach ($k in $qualityDays.Keys) { $d[$k] = if ($pg) { '(' + ($qualityDays[$k] -f 'i', 'k') + ')::integer' } else { $qualityDays[$k] -f 'i', 'k' } }
    # A day expression: the base day plus a number of days, as 'yyyy-MM-dd' text.
    $day = if ($pg) { { param($base, $days) "to_char(date '$base' + $days, 'YYYY-MM-DD')" } } else { { param($base, $days) "date('$base', '+' || ($days) || ' days')" } }
    $series = if ($pg) { { param($name, $to) "generate_series(1::bigint, $to) $name" } } else { { param($name, $to) "(WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM s WHERE v < $to) SELECT v AS $name FROM s) AS s_$name" } }
    $n = Get-QualityPartners
    $at = "'2026-01-01 00:00:00.0000000'"
    $user = if ($pg) { '"user"' } else { 'user' }
    $nameSort = if ($pg) { "'co ' || i, " } else { '' }
    $nameSortColumn = if ($pg) { 'name_sort, ' } else { '' }
    $i = 'i'
    $k = 'k'
    @"
CREATE TEMP TABLE g AS
SELECT i, $(& $day '2015-01-01' $d.Joined) AS j, $(& $day '2015-01-01' "$($d.Joined) + $($d.ToActive)") AS a FROM $(& $series 'i' $n);
INSERT INTO partners (id, name, name_key, ${nameSortColumn}type, tier, status, region, country, joined_on, ended_on, status_since, tier_since, status_reason, created_at, updated_at)
SELECT i, 'Co ' || i, 'co ' || i, $nameSort
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       CASE i % 4 WHEN 0 THEN 'Registered' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold' ELSE 'Platinum' END,
       CASE WHEN i % 10 = 0 THEN 'Suspended' ELSE 'Active' END,
       CASE i % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific'
                  WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END,
       'DE', j, NULL, CASE WHEN i % 10 = 0 THEN '2026-01-15' ELSE a END, j, NULL, $at, $at
FROM g;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, $user, recorded_at)
SELECT i, 'Status', NULL, 'Onboarding', j, NULL, 'bench', $at FROM g
UNION ALL SELECT i, 'Status', 'Onboarding', 'Active', a, NULL, 'bench', $at FROM g
UNION ALL SELECT i, 'Status', 'Active', 'Suspended', '2026-01-15', NULL, 'bench', $at FROM g WHERE i % 10 = 0
UNION ALL SELECT i, 'Tier', NULL, CASE i % 4 WHEN 0 THEN 'Registered' WHEN 1 THEN 'Silver' WHEN 2 THEN 'Gold' ELSE 'Platinum' END, j, NULL, 'bench', $at FROM g;
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
SELECT $i, $(& $day '2017-01-01' $d.RevenueDay), $($d.Amount), CASE WHEN $k % 5 = 0 THEN 'EUR' ELSE 'USD' END, 'Enterprise', 'enterprise', NULL, NULL, NULL, $at
FROM $(& $series 'i' $n) CROSS JOIN $(& $series 'k' 50);
INSERT INTO contacts (id, partner_id, name, email, email_key, role, role_key, phone, started_on, ended_on, created_at, updated_at)
SELECT ($i - 1) * 3 + $k, $i, 'Person ' || $k, 'p' || $k || '@co' || $i || '.example', 'p' || $k || '@co' || $i || '.example', NULL, NULL, NULL,
       '2018-01-01', CASE WHEN $k = 3 AND $i % 3 = 0 THEN '2025-06-30' END, $at, $at
FROM $(& $series 'i' $n) CROSS JOIN $(& $series 'k' 3);
INSERT INTO certifications (contact_id, partner_id, name, name_key, earned_on, expires_on, created_at, updated_at)
SELECT ($i - 1) * 3 + 1 + ($k % 3), $i,
       CASE $k WHEN 1 THEN 'Networking Associate' WHEN 2 THEN 'Networking Professional' WHEN 3 THEN 'Security Specialist' WHEN 4 THEN 'Cloud Architect' ELSE 'Sales Foundations' END,
       CASE $k WHEN 1 THEN 'networking associate' WHEN 2 THEN 'networking professional' WHEN 3 THEN 'security specialist' WHEN 4 THEN 'cloud architect' ELSE 'sales foundations' END,
       $(& $day '2021-01-01' $d.Earned), CASE WHEN ($i + $k) % 5 < 2 THEN $(& $day '2023-01-01' $d.Earned) END, $at, $at
FROM $(& $series 'i' $n) CROSS JOIN $(& $series 'k' 5);
INSERT INTO exchange_rates (from_currency, to_currency, year, rate, updated_at)
SELECT 'EUR', 'USD', y, '1.1', $at FROM (SELECT 2016 + v AS y FROM $(& $series 'v' 11)) years;
INSERT INTO tier_rules (tier, region, region_key, min_revenue, currency, revenue_months, min_certified, certification, min_months_active, created_at, updated_at)
SELECT t.*, $at, $at FROM (VALUES $qualityRules) t;
"@
}

$benchmarks.TestPartnerTier = {
    if (-not $sqlite) { return New-Result 'TestPartnerTier' 'Test-PartnerTier' 0 -Note 'skipped: no sqlite3 CLI (it generates the data and is the baseline)' }
    $db = Join-Path $WorkFolder 'quality.db'
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); `$null = New-PartnerDatabase -Path $(ConvertTo-Literal $db) -Currency USD; '{}'"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Sqlite $db "PRAGMA journal_mode = WAL;`nPRAGMA cache_size = -400000;`nBEGIN;`n$(Get-QualitySql 'Sqlite')`nCOMMIT;`nANALYZE;`nPRAGMA wal_checkpoint(TRUNCATE);" | Out-Null
    $counts = "$(Invoke-Sqlite $db "SELECT (SELECT count(*) FROM partners) || ' partners, ' || (SELECT count(*) FROM certifications) || ' certifications, ' || (SELECT count(*) FROM revenue) || ' revenue records';")".Trim()
    Write-Host ("Generated $counts in {0:N0} s; database {1:N0} MB" -f $clock.Elapsed.TotalSeconds, ((Get-DatabaseBytes $db) / 1e6))

    $baselineSql = "SELECT count(*), sum(s) FROM (SELECT partner_id, currency, substr(date, 1, 4), sum(amount) AS s FROM revenue WHERE date > '$qualityWindow' AND date <= '$qualityDay' GROUP BY 1, 2, 3);"
    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $figures = $null
    foreach ($i in 1..$Repeat) {
        $baseline.Add((Measure-Process $sqlite.Source @($db) $baselineSql).Seconds)
        $r = Invoke-Child (New-TimedScript "@(Test-PartnerTier -Database $(ConvertTo-Literal $db) -AsOf $qualityDay)" `
            "'{0} assessed: ' -f `$result.Count + ((`$result | Group-Object Recommendation | Sort-Object Name | ForEach-Object { '{0} {1}' -f `$_.Name, `$_.Count }) -join ', ')")
        $ours.Add($r.Seconds)
        $figures = $r.Result
    }
    Remove-Item "$db*" -ErrorAction SilentlyContinue
    New-Result 'TestPartnerTier' "Test-PartnerTier -AsOf $qualityDay, $counts" (Get-Median $ours) `
        -Baseline "sqlite3: revenue of the window summed per partner, currency and year" -BaselineValue (Get-Median $baseline) `
        -Target $targets.TestPartnerTier -Note "$figures; timed inside its pwsh $(Format-Runs $ours); sqlite3 start to exit $(Format-Runs $baseline)"
}

$benchmarks.TestPartnerTierPg = {
    $cluster = Get-BenchCluster
    if (-not $cluster) { return New-Result 'TestPartnerTierPg' 'Test-PartnerTier on PostgreSQL' 0 -Note "skipped: $pgSkipped" }
    $location = "$($cluster.Server)?schema=quality"
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); [PartnerOps.Data.PartnerDatabases]::Create($(ConvertTo-Literal $location), 'USD').Dispose(); '{}'"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    # The triggers off (session_replication_role = replica: the cluster's superuser): the rows are written as they are.
    Invoke-BenchPsql $cluster "SET search_path = quality;`nSET session_replication_role = replica;`nBEGIN;`n$(Get-QualitySql 'Pg')`nCOMMIT;`nSELECT setval(pg_get_serial_sequence('partners', 'id'), $(Get-QualityPartners));`nSELECT setval(pg_get_serial_sequence('contacts', 'id'), $(3 * (Get-QualityPartners)));`nVACUUM ANALYZE;" | Out-Null
    $counts = "$(Invoke-BenchPsql $cluster "SELECT (SELECT count(*) FROM quality.partners) || ' partners, ' || (SELECT count(*) FROM quality.certifications) || ' certifications, ' || (SELECT count(*) FROM quality.revenue) || ' revenue records';")".Trim()
    Write-Host ("Generated $counts in PostgreSQL in {0:N0} s" -f $clock.Elapsed.TotalSeconds)

    $baselineSql = "SELECT count(*), sum(s) FROM (SELECT partner_id, currency, substr(date, 1, 4), sum(amount) AS s FROM quality.revenue WHERE date > '$qualityWindow' AND date <= '$qualityDay' GROUP BY 1, 2, 3) q;"
    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $figures = $null
    foreach ($i in 1..$Repeat) {
        $baseline.Add((Measure-BenchPsql $cluster $baselineSql).Seconds)
        $r = Invoke-Child (New-TimedScript "@(Test-PartnerTier -Database $(ConvertTo-Literal $location) -AsOf $qualityDay)" `
            "'{0} assessed: ' -f `$result.Count + ((`$result | Group-Object Recommendation | Sort-Object Name | ForEach-Object { '{0} {1}' -f `$_.Name, `$_.Count }) -join ', ')")
        $ours.Add($r.Seconds)
        $figures = $r.Result
    }
    Invoke-BenchPsql $cluster 'DROP SCHEMA quality CASCADE;' | Out-Null
    New-Result 'TestPartnerTierPg' "Test-PartnerTier -AsOf $qualityDay, $counts in PostgreSQL" (Get-Median $ours) `
        -Baseline 'psql: revenue of the window summed per partner, currency and year' -BaselineValue (Get-Median $baseline) `
        -Target $targets.TestPartnerTierPg -Note "$figures; timed inside its pwsh $(Format-Runs $ours); psql start to exit $(Format-Runs $baseline)"
}
