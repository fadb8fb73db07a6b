<#
.SYNOPSIS
    The funnel benchmarks of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after Benchmarks.PostgreSql.ps1): MeasureFunnel
    (SQLite) and MeasureFunnelPg, issue 17: Measure-PartnerFunnel over 1,000,000 partners with 5,000,000 status changes in
    under 2 s. They use its $benchmarks, $targets, $sqlite, $Repeat, $WorkFolder and the helpers of BenchSupport.ps1.
.DESCRIPTION
    The data, written by SQL (the sqlite3 CLI; psql with the triggers off) straight into a PartnerOps database, the same on
    both: partner i joined on a day of 2000 to mid-2025 as a Prospect, became Onboarding 10-209 days later and Active
    10-309 days after that; one in five then ended (Terminated 30-929 days later, a reason for two in three of them), one
    in five was Suspended then, the other three in five moved from the Registered to the Silver tier then (no date after
    2026-11-29: a later one is moved to that day). About 170,000 of the changes fall in 2025. That is three or four Status
    changes and one or two Tier changes per partner: 5,000,000 rows for 1,000,000 partners. Each partner has one revenue
    record (USD), dated 0-399 days after it became Active. The measure: Measure-PartnerFunnel -From 2025-01-01
    -To 2025-12-31, timed inside its pwsh (the first command of the session: it opens the database). The baseline, in the
    same run: the CLI (psql) counting the status changes per attribute and value (one GROUP BY over all of them), start to exit.
#>

# What partner i is (the columns every backend computes alike): j joined, o Onboarding, a Active, x the fourth change.
$funnelDays = @{
    Joined = '(({0} * 7919) % 9400)'; ToOnboarding = '(10 + ({0} * 31) % 200)'; ToActive = '(10 + ({0} * 17) % 300)'
    ToLast = '(30 + ({0} * 13) % 900)'; ToRevenue = '(({0} * 7) % 400)'
}

function Get-FunnelPartners([long] $Records) { [int][Math]::Max(1000, $Records / 5) }

# No change is dated after this day (the day the data was designed; a date later than it is moved to it).
$lastDay = '2026-11-29'

$benchmarks.MeasureFunnel = {
    if (-not $sqlite) { return New-Result 'MeasureFunnel' 'Measure-PartnerFunnel' 0 -Note 'skipped: no sqlite3 CLI (it generates the data and is the baseline)' }
    $partners = Get-FunnelPartners ($(if ($FunnelRows -gt 0) { $FunnelRows } else { [long]$Rows * 5 }))
    $db = Join-Path $WorkFolder 'funnel.db'
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); `$null = New-PartnerDatabase -Path $(ConvertTo-Literal $db) -Currency USD; '{}'"
    $d = @{}; foreach ($k in $funnelDays.Keys) { $d[$k] = $funnelDays[$k] -f 'i' }
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Sqlite $db @"
PRAGMA journal_mode = WAL;
PRAGMA cache_size = -400000;
BEGIN;
CREATE TEMP TABLE g AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $partners),
  j AS (SELECT i, date('2000-01-01', '+' || $($d.Joined) || ' days') AS j FROM n),
  o AS (SELECT i, j, min(date(j, '+' || $($d.ToOnboarding) || ' days'), '$lastDay') AS o FROM j),
  a AS (SELECT i, j, o, min(date(o, '+' || $($d.ToActive) || ' days'), '$lastDay') AS a FROM o)
SELECT i, j, o, a, min(date(a, '+' || $($d.ToLast) || ' days'), '$lastDay') AS x, i % 5 AS kind FROM a;
INSERT INTO partners (id, name, name_key, type, tier, status, region, country, joined_on, ended_on, status_since, tier_since, status_reason, created_at, updated_at)
SELECT i, 'Co ' || i, 'CO ' || i,
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       CASE WHEN kind >= 2 THEN 'Silver' ELSE 'Registered' END,
       CASE kind WHEN 0 THEN 'Terminated' WHEN 1 THEN 'Suspended' ELSE 'Active' END,
       CASE i % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific'
                  WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END,
       'DE', j, CASE kind WHEN 0 THEN x END, CASE WHEN kind <= 1 THEN x ELSE a END, CASE WHEN kind >= 2 THEN x ELSE j END,
       CASE WHEN kind = 0 AND i % 3 = 1 THEN 'Merged' WHEN kind = 0 AND i % 3 = 2 THEN 'No sales' END,
       '2026-01-01 00:00:00.0000000', '2026-01-01 00:00:00.0000000'
FROM g;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT i, 'Status', NULL, 'Prospect', j, NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Prospect', 'Onboarding', o, NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Onboarding', 'Active', a, NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Active', CASE kind WHEN 0 THEN 'Terminated' ELSE 'Suspended' END, x,
                 CASE WHEN kind = 0 AND i % 3 = 1 THEN 'Merged' WHEN kind = 0 AND i % 3 = 2 THEN 'No sales' END, 'bench', '2026-01-01 00:00:00.0000000' FROM g WHERE kind <= 1
UNION ALL SELECT i, 'Tier', NULL, 'Registered', j, NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Tier', 'Registered', 'Silver', x, NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g WHERE kind >= 2;
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
SELECT i, min(date(a, '+' || $($d.ToRevenue) || ' days'), '$lastDay'), 10000 + (i * 104729) % 1000000, 'USD', 'Enterprise', 'ENTERPRISE', NULL, NULL, NULL,
       '2026-01-01 00:00:00.0000000' FROM g;
COMMIT;
ANALYZE;
PRAGMA wal_checkpoint(TRUNCATE);
"@ | Out-Null
    $changes = "$(Invoke-Sqlite $db 'SELECT count(*) FROM status_changes;')".Trim()
    Write-Host ("Generated $partners partners and $changes status changes in {0:N0} s; database {1:N0} MB" -f $clock.Elapsed.TotalSeconds, ((Get-DatabaseBytes $db) / 1e6))

    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $figures = $null
    foreach ($i in 1..$Repeat) {
        $baseline.Add((Measure-Process $sqlite.Source @($db) 'SELECT attribute, to_value, count(*) FROM status_changes GROUP BY attribute, to_value;').Seconds)
        $r = Invoke-Child (New-TimedScript "Measure-PartnerFunnel -Database $(ConvertTo-Literal $db) -From 2025-01-01 -To 2025-12-31" `
            "'start {0} end {1} joined {2} ended {3} newly active {4}' -f `$result.AtStart, `$result.AtEnd, `$result.Joined, `$result.Ended, `$result.NewlyActive")
        $ours.Add($r.Seconds)
        $figures = $r.Result
    }
    Remove-Item "$db*" -ErrorAction SilentlyContinue
    New-Result 'MeasureFunnel' "Measure-PartnerFunnel -From 2025-01-01 -To 2025-12-31, $partners partners, $changes status changes" (Get-Median $ours) `
        -Baseline 'sqlite3: SELECT attribute, to_value, count(*) FROM status_changes GROUP BY attribute, to_value' -BaselineValue (Get-Median $baseline) `
        -Target $targets.MeasureFunnel -Note "$figures; timed inside its pwsh $(Format-Runs $ours); sqlite3 start to exit $(Format-Runs $baseline)"
}

$benchmarks.MeasureFunnelPg = {
    $cluster = Get-BenchCluster
    if (-not $cluster) { return New-Result 'MeasureFunnelPg' 'Measure-PartnerFunnel on PostgreSQL' 0 -Note "skipped: $pgSkipped" }
    $partners = Get-FunnelPartners ($(if ($FunnelRows -gt 0) { $FunnelRows } else { [long]$Rows * 5 }))
    $location = "$($cluster.Server)?schema=funnel"
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); [PartnerOps.Data.PartnerDatabases]::Create($(ConvertTo-Literal $location), 'USD').Dispose(); '{}'"
    $d = @{}; foreach ($k in $funnelDays.Keys) { $d[$k] = '(' + ($funnelDays[$k] -f 'i') + ')::integer' }
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $day = "to_char({0}, 'YYYY-MM-DD')"
    # The triggers off (session_replication_role = replica: the cluster's superuser): the rows are written as they are.
    Invoke-BenchPsql $cluster @"
SET search_path = funnel;
SET session_replication_role = replica;
BEGIN;
CREATE TEMP TABLE g AS
SELECT i, j, o, a, least(a + $($d.ToLast), date '$lastDay') AS x, i % 5 AS kind
FROM (SELECT i, j, o, least(o + $($d.ToActive), date '$lastDay') AS a
      FROM (SELECT i, j, least(j + $($d.ToOnboarding), date '$lastDay') AS o
            FROM (SELECT i, date '2000-01-01' + $($d.Joined) AS j FROM generate_series(1::bigint, $partners) i) s1) s2) s3;
INSERT INTO partners (id, name, name_key, name_sort, type, tier, status, region, country, joined_on, ended_on, status_since, tier_since, status_reason, created_at, updated_at)
SELECT i, 'Co ' || i, 'co ' || i, 'co ' || i,
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       CASE WHEN kind >= 2 THEN 'Silver' ELSE 'Registered' END,
       CASE kind WHEN 0 THEN 'Terminated' WHEN 1 THEN 'Suspended' ELSE 'Active' END,
       CASE i % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific'
                  WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END,
       'DE', $($day -f 'j'), CASE kind WHEN 0 THEN $($day -f 'x') END, $($day -f 'CASE WHEN kind <= 1 THEN x ELSE a END'),
       $($day -f 'CASE WHEN kind >= 2 THEN x ELSE j END'),
       CASE WHEN kind = 0 AND i % 3 = 1 THEN 'Merged' WHEN kind = 0 AND i % 3 = 2 THEN 'No sales' END,
       '2026-01-01 00:00:00.0000000', '2026-01-01 00:00:00.0000000'
FROM g;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, "user", recorded_at)
SELECT i, 'Status', NULL, 'Prospect', $($day -f 'j'), NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Prospect', 'Onboarding', $($day -f 'o'), NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Onboarding', 'Active', $($day -f 'a'), NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Status', 'Active', CASE kind WHEN 0 THEN 'Terminated' ELSE 'Suspended' END, $($day -f 'x'),
                 CASE WHEN kind = 0 AND i % 3 = 1 THEN 'Merged' WHEN kind = 0 AND i % 3 = 2 THEN 'No sales' END, 'bench', '2026-01-01 00:00:00.0000000' FROM g WHERE kind <= 1
UNION ALL SELECT i, 'Tier', NULL, 'Registered', $($day -f 'j'), NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g
UNION ALL SELECT i, 'Tier', 'Registered', 'Silver', $($day -f 'x'), NULL, 'bench', '2026-01-01 00:00:00.0000000' FROM g WHERE kind >= 2;
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
SELECT i, $($day -f "least(a + $($d.ToRevenue), date '$lastDay')"), 10000 + (i * 104729) % 1000000, 'USD', 'Enterprise', 'enterprise', NULL, NULL, NULL,
       '2026-01-01 00:00:00.0000000' FROM g;
COMMIT;
SELECT setval(pg_get_serial_sequence('partners', 'id'), $partners);
VACUUM ANALYZE;
"@ | Out-Null
    $changes = "$(Invoke-BenchPsql $cluster 'SELECT count(*) FROM funnel.status_changes;')".Trim()
    Write-Host ("Generated $partners partners and $changes status changes in PostgreSQL in {0:N0} s" -f $clock.Elapsed.TotalSeconds)

    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $figures = $null
    foreach ($i in 1..$Repeat) {
        $baseline.Add((Measure-BenchPsql $cluster 'SELECT attribute, to_value, count(*) FROM funnel.status_changes GROUP BY attribute, to_value;').Seconds)
        $r = Invoke-Child (New-TimedScript "Measure-PartnerFunnel -Database $(ConvertTo-Literal $location) -From 2025-01-01 -To 2025-12-31" `
            "'start {0} end {1} joined {2} ended {3} newly active {4}' -f `$result.AtStart, `$result.AtEnd, `$result.Joined, `$result.Ended, `$result.NewlyActive")
        $ours.Add($r.Seconds)
        $figures = $r.Result
    }
    Invoke-BenchPsql $cluster 'DROP SCHEMA funnel CASCADE;' | Out-Null
    New-Result 'MeasureFunnelPg' "Measure-PartnerFunnel -From 2025-01-01 -To 2025-12-31, $partners partners, $changes status changes in PostgreSQL" (Get-Median $ours) `
        -Baseline 'psql: SELECT attribute, to_value, count(*) FROM status_changes GROUP BY attribute, to_value' -BaselineValue (Get-Median $baseline) `
        -Target $targets.MeasureFunnelPg -Note "$figures; timed inside its pwsh $(Format-Runs $ours); psql start to exit $(Format-Runs $baseline)"
}
