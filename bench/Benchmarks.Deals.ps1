<#
.SYNOPSIS
    The deal-registration benchmarks of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after Benchmarks.Quality.ps1): Deals
    (SQLite) and DealsPg, issue 19: Measure-PartnerDeal -GroupBy Region,Year and Get-PartnerDeal -Conflicting over
    1,000,000 deals of 100,000 partners, each under 2 s. They use its $benchmarks, $targets, $sqlite, $Repeat, $Rows,
    $WorkFolder and the helpers of BenchSupport.ps1 and Benchmarks.PostgreSql.ps1.
.DESCRIPTION
    The data, written by SQL (the sqlite3 CLI; psql with the triggers off) straight into a PartnerOps database, the same on
    both: -Rows deals (1,000,000) of a tenth as many partners (100,000; seven regions), deal k of partner (k - 1) % partners
    + 1, registered on a day of 2017-01-01 to 2026-11-09 and protected 90 days, for customer k of DE; every fiftieth deal
    claims the customer of the deal before it (another partner's, registered three days earlier): 2% of the customers are
    claimed twice. Deals registered before 2026-06-15 ended: four in ten won (approved after 5 days, closed after 30), two
    lost (after 20), one denied (after 3), one approved and three submitted (both expired since); the later ones are
    approved (even k) or submitted, so those of the last 90 days are held today. Amounts of 1,000 to 51,000, one in five
    in EUR (a EUR->USD rate for every year), one in twenty without. The measures, each timed inside its pwsh (the first
    command of the session: it opens the database): Measure-PartnerDeal -GroupBy Region, Year, and Get-PartnerDeal
    -Conflicting (today's held deals that another partner's held deal claims). The baselines, in the same run, start to
    exit: the CLI (psql) counting and summing the deals per status and year (one GROUP BY), and counting the customers
    claimed by more than one partner (one GROUP BY ... HAVING).
#>

function Get-DealPartners { [int][Math]::Max(100, $Rows / 10) }

# What deal k is (the expressions every backend computes alike; {0} is k): the customer it claims, the days from 2017-01-01
# to its registration, its stored status.
$dealValues = @{
    Customer = 'CASE WHEN {0} % 50 = 0 THEN {0} - 1 ELSE {0} END'
    Registered = 'CASE WHEN {0} % 50 = 0 THEN (({0} - 1) * 7919) % 3600 + 3 ELSE ({0} * 7919) % 3600 END'
}

function Get-DealSql([string] $Backend) {
    $pg = $Backend -eq 'Pg'
    $n = Get-DealPartners
    $int = if ($pg) { { param($e) "($e)::integer" } } else { { param($e) $e } }
    $day = if ($pg) { { param($days) "to_char(date '2017-01-01' + ($days)::integer, 'YYYY-MM-DD')" } } else { { param($days) "date('2017-01-01', '+' || ($days) || ' days')" } }
    $series = if ($pg) { { param($name, $to) "generate_series(1::bigint, $to) $name" } } else { { param($name, $to) "(WITH RECURSIVE s(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM s WHERE v < $to) SELECT v AS $name FROM s) AS s_$name" } }
    $at = "'2026-01-01 00:00:00.0000000'"
    $nameSort = if ($pg) { "'co ' || i, " } else { '' }
    $nameSortColumn = if ($pg) { 'name_sort, ' } else { '' }
    $customer = & $int ($dealValues.Customer -f 'k')
    $registered = & $int ($dealValues.Registered -f 'k')
    # Stored status: the deals registered from day 3452 (2026-06-15) on are still open (approved or submitted).
    $status = "CASE WHEN r >= 3452 THEN CASE WHEN k % 2 = 0 THEN 'Approved' ELSE 'Submitted' END " +
              "WHEN k % 10 < 4 THEN 'Won' WHEN k % 10 < 6 THEN 'Lost' WHEN k % 10 = 6 THEN 'Denied' WHEN k % 10 = 7 THEN 'Approved' ELSE 'Submitted' END"
    @"
INSERT INTO partners (id, name, name_key, ${nameSortColumn}type, tier, status, region, country, joined_on, ended_on, status_since, tier_since, status_reason, created_at, updated_at)
SELECT i, 'Co ' || i, 'co ' || i, $nameSort
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       'Silver', 'Active',
       CASE i % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific'
                  WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END,
       'DE', '2015-01-01', NULL, '2015-01-01', '2015-01-01', NULL, $at, $at
FROM $(& $series 'i' $n);
CREATE TEMP TABLE g AS
SELECT k, ((k - 1) % $n) + 1 AS i, $customer AS c, $registered AS r FROM $(& $series 'k' $Rows);
CREATE TEMP TABLE h AS SELECT k, i, c, r, $status AS st FROM g;
INSERT INTO deals (id, partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, product, amount, currency, expected_close, reference,
                   status, registered_on, expires_on, decided_on, closed_on, reason, revenue_id, created_at, updated_at)
SELECT k, i, 'Customer ' || c, 'customer ' || c, 'customer ' || c, 'DE', CASE WHEN k % 8 = 0 THEN 'Carrier' ELSE 'Enterprise' END, CASE WHEN k % 8 = 0 THEN 'carrier' ELSE 'enterprise' END,
       NULL, CASE WHEN k % 20 = 0 THEN NULL ELSE 100000 + (k * 104729) % 5000000 END,
       CASE WHEN k % 20 = 0 THEN NULL WHEN k % 5 = 0 THEN 'EUR' ELSE 'USD' END, NULL, 'DR-' || k, st,
       $(& $day 'r'), $(& $day 'r + 90'),
       CASE st WHEN 'Won' THEN $(& $day 'r + 5') WHEN 'Denied' THEN $(& $day 'r + 3') WHEN 'Approved' THEN $(& $day 'r + 2') END,
       CASE st WHEN 'Won' THEN $(& $day 'r + 30') WHEN 'Lost' THEN $(& $day 'r + 20') END,
       CASE WHEN st IN ('Denied', 'Lost') THEN 'Bench' END, NULL, $at, $at
FROM h;
INSERT INTO exchange_rates (from_currency, to_currency, year, rate, updated_at)
SELECT 'EUR', 'USD', y, '1.1', $at FROM (SELECT 2016 + v AS y FROM $(& $series 'v' 11)) years;
"@
}

# The baselines' SQL over the deals table of the schema given ('' on SQLite).
function Get-DealBaselines([string] $Schema) {
    @{
        Measure = "SELECT status, substr(registered_on, 1, 4), count(*), sum(amount) FROM ${Schema}deals GROUP BY 1, 2;"
        Conflicting = "SELECT count(*) FROM (SELECT customer_match_key, customer_country FROM ${Schema}deals GROUP BY 1, 2 HAVING count(DISTINCT partner_id) > 1) q;"
    }
}

# Times both measures -Repeat times, alternating with their baselines (run by & $Baseline with the SQL); the two result rows.
function Measure-Deals([string] $Benchmark, [string] $Location, [string] $Counts, [scriptblock] $Baseline, [string] $Schema, [string] $Tool, [string] $Where) {
    $sql = Get-DealBaselines $Schema
    $runs = @{ Measure = [System.Collections.Generic.List[double]]::new(); MeasureBase = [System.Collections.Generic.List[double]]::new()
               Conflicting = [System.Collections.Generic.List[double]]::new(); ConflictingBase = [System.Collections.Generic.List[double]]::new() }
    $figures = @{}
    foreach ($i in 1..$Repeat) {
        $runs.MeasureBase.Add((& $Baseline $sql.Measure))
        $r = Invoke-Child (New-TimedScript "@(Measure-PartnerDeal -Database $(ConvertTo-Literal $Location) -GroupBy Region, Year)" `
            "'{0} groups; {1} registered, {2} won, {3} expired' -f `$result.Count, (`$result | Measure-Object Registered -Sum).Sum, (`$result | Measure-Object Won -Sum).Sum, (`$result | Measure-Object Expired -Sum).Sum")
        $runs.Measure.Add($r.Seconds)
        $figures.Measure = $r.Result
        $runs.ConflictingBase.Add((& $Baseline $sql.Conflicting))
        $r = Invoke-Child (New-TimedScript "@(Get-PartnerDeal -Database $(ConvertTo-Literal $Location) -Conflicting)" "'{0} conflicting deals held today' -f `$result.Count")
        $runs.Conflicting.Add($r.Seconds)
        $figures.Conflicting = $r.Result
    }
    New-Result $Benchmark "Measure-PartnerDeal -GroupBy Region,Year, $Counts$Where" (Get-Median $runs.Measure) `
        -Baseline "${Tool}: SELECT status, year, count(*), sum(amount) FROM deals GROUP BY 1, 2" -BaselineValue (Get-Median $runs.MeasureBase) `
        -Target $targets.MeasureDeals -Note "$($figures.Measure); timed inside its pwsh $(Format-Runs $runs.Measure); $Tool start to exit $(Format-Runs $runs.MeasureBase)"
    New-Result $Benchmark "Get-PartnerDeal -Conflicting, $Counts$Where" (Get-Median $runs.Conflicting) `
        -Baseline "${Tool}: customers claimed by more than one partner (GROUP BY customer HAVING)" -BaselineValue (Get-Median $runs.ConflictingBase) `
        -Target $targets.ConflictingDeals -Note "$($figures.Conflicting); timed inside its pwsh $(Format-Runs $runs.Conflicting); $Tool start to exit $(Format-Runs $runs.ConflictingBase)"
}

$benchmarks.Deals = {
    if (-not $sqlite) { return New-Result 'Deals' 'Measure-PartnerDeal' 0 -Note 'skipped: no sqlite3 CLI (it generates the data and is the baseline)' }
    $db = Join-Path $WorkFolder 'deals.db'
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); `$null = New-PartnerDatabase -Path $(ConvertTo-Literal $db) -Currency USD; '{}'"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-Sqlite $db "PRAGMA journal_mode = WAL;`nPRAGMA cache_size = -400000;`nBEGIN;`n$(Get-DealSql 'Sqlite')`nCOMMIT;`nANALYZE;`nPRAGMA wal_checkpoint(TRUNCATE);" | Out-Null
    $counts = "$(Invoke-Sqlite $db "SELECT (SELECT count(*) FROM deals) || ' deals, ' || (SELECT count(*) FROM partners) || ' partners';")".Trim()
    Write-Host ("Generated $counts in {0:N0} s; database {1:N0} MB" -f $clock.Elapsed.TotalSeconds, ((Get-DatabaseBytes $db) / 1e6))
    Measure-Deals 'Deals' $db $counts { param($sql) (Measure-Process $sqlite.Source @($db) $sql).Seconds } '' 'sqlite3' ''
    Remove-Item "$db*" -ErrorAction SilentlyContinue
}

$benchmarks.DealsPg = {
    $cluster = Get-BenchCluster
    if (-not $cluster) { return New-Result 'DealsPg' 'Measure-PartnerDeal on PostgreSQL' 0 -Note "skipped: $pgSkipped" }
    $location = "$($cluster.Server)?schema=deals"
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); [PartnerOps.Data.PartnerDatabases]::Create($(ConvertTo-Literal $location), 'USD').Dispose(); '{}'"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    # The triggers off (session_replication_role = replica: the cluster's superuser): the rows are written as they are.
    Invoke-BenchPsql $cluster "SET search_path = deals;`nSET session_replication_role = replica;`nBEGIN;`n$(Get-DealSql 'Pg')`nCOMMIT;`nSELECT setval(pg_get_serial_sequence('partners', 'id'), $(Get-DealPartners));`nSELECT setval(pg_get_serial_sequence('deals', 'id'), $Rows);`nVACUUM ANALYZE;" | Out-Null
    $counts = "$(Invoke-BenchPsql $cluster "SELECT (SELECT count(*) FROM deals.deals) || ' deals, ' || (SELECT count(*) FROM deals.partners) || ' partners';")".Trim()
    Write-Host ("Generated $counts in PostgreSQL in {0:N0} s" -f $clock.Elapsed.TotalSeconds)
    Measure-Deals 'DealsPg' $location $counts { param($sql) (Measure-BenchPsql $cluster $sql).Seconds } 'deals.' 'psql' ' in PostgreSQL'
    Invoke-BenchPsql $cluster 'DROP SCHEMA deals CASCADE;' | Out-Null
}
