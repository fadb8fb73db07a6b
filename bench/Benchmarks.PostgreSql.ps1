<#
.SYNOPSIS
    The PostgreSQL benchmarks of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after $benchmarks, $data and $targets exist):
    ImportPartnerPg and MeasureRevenuePg, on a throwaway cluster (tools/PostgreSqlCluster.ps1, as the tests', but -Durable:
    fsync and synchronous_commit on, so commits cost what they cost on a real server) started by the first of them and
    stopped at the end of the run (Stop-PostgreSqlCluster in Invoke-Benchmark.ps1's finally). Without PostgreSQL's programs
    (/usr/lib/postgresql/*/bin, or $env:PARTNEROPS_BENCH_PGBIN) the rows say so and are skipped; nothing is installed.
#>

. (Join-Path $PSScriptRoot '../tools/PostgreSqlCluster.ps1')

# The run's cluster (database 'bench'), started on first use; $null (with the reason in $pgSkipped) when PostgreSQL's
# programs are not there or cannot be run.
$pgCluster = $null
$pgSkipped = $null
function Get-BenchCluster {
    if ($script:pgCluster -or $script:pgSkipped) { return $script:pgCluster }
    $found = Find-PostgreSqlBin -Variable PARTNEROPS_BENCH_PGBIN
    if (-not $found.Bin) {
        $script:pgSkipped = $found.Reason
        return $null
    }
    Write-Host "PostgreSQL: $($found.Bin)"
    $script:pgCluster = Start-PostgreSqlCluster -Bin $found.Bin -Database bench -Durable
    Write-Host "Throwaway cluster on 127.0.0.1:$($script:pgCluster.Port) in $($script:pgCluster.Root)"
    $script:pgCluster
}

# Runs SQL (psql commands such as \copy included) through psql on the cluster's database, stopping at the first error;
# returns its output.
function Invoke-BenchPsql($Cluster, [string] $Sql) { Invoke-PostgreSqlClusterSql $Cluster $Sql -Script }

# Seconds from start to exit of psql running $Sql (the baselines).
function Measure-BenchPsql($Cluster, [string] $Sql) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $output = Invoke-BenchPsql $Cluster $Sql
    [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Output = $output }
}

$benchmarks.ImportPartnerPg = {
    $cluster = Get-BenchCluster
    if (-not $cluster) { return New-Result 'ImportPartnerPg' 'Import-Partner into PostgreSQL' 0 -Note "skipped: $pgSkipped" }
    $imports = [System.Collections.Generic.List[double]]::new()
    $copies = [System.Collections.Generic.List[double]]::new()
    foreach ($i in 1..$Repeat) {
        # Import-Partner into a new schema (it creates the PartnerOps tables there): the same table, indexes, history and
        # commits every 50,000 rows as on SQLite, timed inside its pwsh.
        $location = "$($cluster.Server)?schema=import_$i"
        $r = Invoke-Child (New-TimedScript "Import-Partner -Path $(ConvertTo-Literal $data.Csv) -Database $(ConvertTo-Literal $location)" '$result.Inserted')
        if ($r.Result -ne $Rows) { throw "Import-Partner inserted $($r.Result) of $Rows rows into PostgreSQL." }
        $imports.Add($r.Seconds)
        Invoke-BenchPsql $cluster "DROP SCHEMA import_$i CASCADE" | Out-Null

        # The baseline: psql's \copy of the same file into a table of its 9 columns with a unique index on the name's key
        # (lower(name) in binary order; PartnerOps keys on a Unicode case-folded name_key column), start to exit.
        Invoke-BenchPsql $cluster @"
CREATE TABLE copy_$i (name text NOT NULL, type text, tier text, status text, region text, country text, joined_on text, ended_on text, notes text);
CREATE UNIQUE INDEX copy_${i}_name_key ON copy_$i ((lower(name)) COLLATE "C");
"@ | Out-Null
        $copy = Measure-BenchPsql $cluster "\copy copy_$i FROM $(ConvertTo-Literal $data.Csv) WITH (FORMAT csv, HEADER)"
        $copied = Invoke-BenchPsql $cluster "SELECT count(*) FROM copy_$i; DROP TABLE copy_$i;"
        if ("$copied".Trim() -ne "$Rows") { throw "psql \copy stored $copied of $Rows rows." }
        $copies.Add($copy.Seconds)
    }
    New-Result 'ImportPartnerPg' "Import-Partner, $Rows rows into PostgreSQL" (Get-Median $imports) `
        -Baseline 'psql \copy of the same file, 9-column table, unique lower(name) index' -BaselineValue (Get-Median $copies) -Target $targets.ImportPartnerPg `
        -Note "aim 1.5; binary COPY into a staging table, one merge per batch (history with lines, ids in the file's order); Import-Partner timed inside its pwsh $(Format-Runs $imports); psql start to exit $(Format-Runs $copies)"
}

$benchmarks.MeasureRevenuePg = {
    $cluster = Get-BenchCluster
    if (-not $cluster) { return New-Result 'MeasureRevenuePg' 'Measure-PartnerRevenue on PostgreSQL' 0 -Note "skipped: $pgSkipped" }
    $records = if ($MeasureRows -gt 0) { $MeasureRows } else { [long]$Rows * 10 }
    $partners = [int][Math]::Max(1000, $records / 100)
    $location = "$($cluster.Server)?schema=measure"

    # The data, as bench/Measure-Revenue.ps1 makes it for SQLite (all USD, partner revenue over 2011-2015), written by SQL
    # into a new PartnerOps schema: its triggers keep revenue_totals (the import's history switch leaves the history out),
    # then copied into plain tables for the baseline.
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); [PartnerOps.Data.PartnerDatabases]::Create($(ConvertTo-Literal $location), 'USD').Dispose(); '{}'"
    $region = "CASE {0} % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific' " +
        "WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END"
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Invoke-BenchPsql $cluster @"
SET search_path = measure;
BEGIN;
SELECT set_config('partnerops.history_written', 'on', true);
INSERT INTO partners (id, name, name_key, name_sort, type, tier, status, region, country, joined_on, created_at, updated_at)
SELECT i, 'Co ' || i, 'co ' || i, 'co ' || i,
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       'Registered', 'Active', $($region -f 'i'), 'DE', '2011-01-01', '2011-01-01 00:00:00.0000000', '2011-01-01 00:00:00.0000000'
FROM generate_series(1, $partners) i;
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
SELECT p, to_char(date '2011-01-01' + ((i * 7919) % 1826)::integer, 'YYYY-MM-DD'), 100 + (i * 104729) % 10000000, 'USD',
       'Enterprise', 'enterprise', r, lower(r), NULL, '2011-01-01 00:00:00.0000000'
FROM (SELECT i, 1 + (i * 48271) % $partners AS p, $($region -f "(1 + (i * 48271) % $partners)") AS r FROM generate_series(1::bigint, $records) i) x;
COMMIT;
SELECT setval(pg_get_serial_sequence('partners', 'id'), $partners);
CREATE SCHEMA plain;
CREATE TABLE plain.partners AS SELECT id, name, region FROM partners;
CREATE TABLE plain.revenue AS SELECT id, partner_id, date, substr(date, 1, 4)::integer AS year, amount, currency FROM revenue;
ALTER TABLE plain.partners ADD PRIMARY KEY (id);
VACUUM ANALYZE;
"@ | Out-Null
    Write-Host ("Generated $partners partners and $records records in PostgreSQL in {0:N0} s" -f $clock.Elapsed.TotalSeconds)

    $query = 'SELECT p.region, r.year, SUM(r.amount) FROM plain.revenue r JOIN plain.partners p ON p.id = r.partner_id GROUP BY p.region, r.year ORDER BY 1, 2'
    $baseline = [System.Collections.Generic.List[double]]::new()
    $ours = [System.Collections.Generic.List[double]]::new()
    $sums = $null
    foreach ($i in 1..$Repeat) {
        $cli = Measure-BenchPsql $cluster "$query;"
        $baseline.Add($cli.Seconds)
        $r = Invoke-Child (New-TimedScript "Measure-PartnerRevenue -Database $(ConvertTo-Literal $location) -GroupBy Region, Year" `
            "@(`$result | ForEach-Object { '{0}|{1}|{2}' -f `$_.Region, `$_.Year, `$_.Total.ToString('0.00', [cultureinfo]::InvariantCulture) })")
        $ours.Add($r.Seconds)
        $sums = @($r.Result)
        $expected = @($cli.Output | Where-Object { "$_" } | ForEach-Object { $f = "$_" -split '\|'; '{0}|{1}|{2}' -f $f[0], $f[1], ([decimal]$f[2] / 100).ToString('0.00', [cultureinfo]::InvariantCulture) })
    }
    $invalid = if (Compare-Object $expected $sums) { 'Measure-PartnerRevenue and psql gave different sums' } else { $null }
    Invoke-BenchPsql $cluster 'DROP SCHEMA measure CASCADE; DROP SCHEMA plain CASCADE;' | Out-Null
    New-Result 'MeasureRevenuePg' "Measure-PartnerRevenue -GroupBy Region,Year, $records records of $partners partners in PostgreSQL" (Get-Median $ours) `
        -Baseline 'psql: SELECT p.region, r.year, SUM(r.amount) FROM revenue r JOIN partners p ... GROUP BY (plain tables)' -BaselineValue (Get-Median $baseline) `
        -Target $targets.MeasureRevenuePg -Invalid $invalid -Note "same sums checked; PartnerOps timed inside its pwsh $(Format-Runs $ours); psql start to exit $(Format-Runs $baseline)"
}
