<#
.SYNOPSIS
    The revenue benchmarks of bench/Invoke-Benchmark.ps1 (dot-sourced by it, after its other benchmarks): ImportRevenue and
    MeasureRevenue. They use its $benchmarks, $data, $targets, $sqlite, $Rows, $Repeat and the helpers of BenchSupport.ps1.
#>

# The sqlite3 CLI doing Import-PartnerRevenue's work set-wise, in the best form the issue describes, into a copy of the
# PartnerOps database of the partners: the CSV into a staging table, one INSERT ... SELECT joining the partners by their
# name key, the revenue table's indexes and triggers dropped before and made again after (the indexes built once over the
# whole table; SQL read from the database, so a schema change is followed), revenue_totals by one grouped upsert of the new
# rows, a 256 MiB page cache. It writes no history. Amounts in the file have two decimals: minor units are amount x 100.
function Get-SetWiseRevenueScript([string] $Database, [string] $Csv) {
    $drop = @(Invoke-Sqlite $Database "SELECT 'DROP ' || upper(type) || ' ' || name || ';' FROM sqlite_master WHERE tbl_name = 'revenue' AND type IN ('index', 'trigger') AND sql IS NOT NULL;")
    $create = @(Invoke-Sqlite $Database "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'revenue' AND type IN ('index', 'trigger') AND sql IS NOT NULL;")
    @"
PRAGMA cache_size = -262144;
CREATE TEMP TABLE staging (partner_name TEXT, date TEXT, amount TEXT, currency TEXT, segment TEXT, region TEXT, reference TEXT);
.import --csv --skip 1 '$Csv' staging
BEGIN IMMEDIATE;
CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS id FROM revenue;
$($drop -join "`n")
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
  SELECT p.id, s.date, CAST(round(s.amount * 100) AS INTEGER), upper(s.currency), s.segment, lower(s.segment), nullif(s.region, ''),
         lower(nullif(s.region, '')), nullif(s.reference, ''), strftime('%Y-%m-%d %H:%M:%f0000', 'now')
  FROM staging s LEFT JOIN partners p ON s.partner_name <> '' AND p.name_key = lower(s.partner_name) AND p.name_dup = 0;
INSERT INTO revenue_totals (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum)
  SELECT coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), segment_key, currency,
         min(region), min(segment), count(*), sum(amount), min(amount), max(amount)
  FROM revenue WHERE id > (SELECT id FROM temp.mark) GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT DO UPDATE SET count = count + excluded.count, total = total + excluded.total, minimum = min(minimum, excluded.minimum),
     maximum = max(maximum, excluded.maximum), region = min(region, excluded.region), segment = min(segment, excluded.segment);
$($create -join "`n")
COMMIT;
"@
}

# What differs between the revenue records and totals of two databases (ids and times left out): nothing, or a sentence.
function Compare-RevenueTables([string] $Database, [string] $Other) {
    $columns = 'partner_id, date, amount, currency, segment, segment_key, region, region_key, reference'
    $counts = @(Invoke-Sqlite $Database @"
ATTACH '$($Other.Replace("'", "''"))' AS other;
SELECT (SELECT count(*) FROM main.revenue) - (SELECT count(*) FROM other.revenue);
SELECT count(*) FROM (SELECT $columns FROM main.revenue EXCEPT SELECT $columns FROM other.revenue);
SELECT (SELECT count(*) FROM main.revenue_totals) - (SELECT count(*) FROM other.revenue_totals);
SELECT count(*) FROM (SELECT * FROM main.revenue_totals EXCEPT SELECT * FROM other.revenue_totals);
"@)
    if (@($counts | Where-Object { $_ -ne '0' }).Count) {
        "not the same rows as Import-PartnerRevenue's (record count difference, records not in the import's, totals count difference, totals not in the import's: $($counts -join ', '))"
    }
}

$benchmarks.ImportRevenue = {
    if (-not $data.BigDatabase) { throw 'ImportRevenue needs the database of partners that ImportPartner leaves; run both.' }
    # Realistic rows: a partner of the -Rows (or direct revenue with a region), every column filled, unique references.
    $revenueCsv = Join-Path $WorkFolder "revenue-$Rows.csv"
    $null = Invoke-BenchTool revenue, $Rows, $Rows, $revenueCsv
    $partnersBytes = Get-DatabaseBytes $data.BigDatabase
    $imports = [System.Collections.Generic.List[object]]::new()
    $cli = [System.Collections.Generic.List[object]]::new()
    $setWise = [System.Collections.Generic.List[double]]::new()
    $invalid = $null
    foreach ($i in 1..$Repeat) {
        $db = Join-Path $WorkFolder "revenue-$i.db"
        Copy-Item $data.BigDatabase $db
        $r = Invoke-Child (New-TimedScript "Import-PartnerRevenue -Path $(ConvertTo-Literal $revenueCsv) -Database $(ConvertTo-Literal $db)" '$result.Inserted') -WatchFile "$db-wal"
        if ($r.Result -ne $Rows) { throw "Import-PartnerRevenue inserted $($r.Result) of $Rows rows." }
        $r | Add-Member -NotePropertyName Bytes -NotePropertyValue ((Get-DatabaseBytes $db) - $partnersBytes)
        $imports.Add($r)
        if (-not $sqlite) {
            Remove-Item "$db*"
            continue
        }

        # The same file into a table of its 7 columns with the unique reference index.
        $cli.Add((Measure-CliImport (Join-Path $WorkFolder "cli-revenue-$i.db") @"
CREATE TABLE revenue (partner_name TEXT, date TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT, segment TEXT, region TEXT, reference TEXT);
CREATE UNIQUE INDEX revenue_reference ON revenue (reference);
.import --csv --skip 1 '$revenueCsv' revenue
"@))

        $same = Join-Path $WorkFolder "cli-setwise-$i.db"
        Copy-Item $data.BigDatabase $same
        $script = Get-SetWiseRevenueScript $same $revenueCsv
        $setWise.Add((Measure-Process $sqlite.Source @($same) $script).Seconds)
        if ($i -eq $Repeat) { $invalid = Compare-RevenueTables $same $db }   # the same work, or the ratio means nothing
        Remove-Item "$same*", "$db*"
    }
    $import = Get-Median $imports.Seconds
    $measure = "Import-PartnerRevenue, $Rows rows"
    if ($sqlite) {
        New-Result 'ImportRevenue' $measure $import -Baseline 'sqlite3 .import --csv, 7-column table, unique reference index' -BaselineValue (Get-Median $cli.Seconds) `
            -Target $targets.ImportRevenue -Note "aim 2.0; PartnerOps also resolves each partner by name, converts amounts to minor units and keeps revenue_totals and the history; $(Format-Runs $imports.Seconds); sqlite3 $(Format-Runs $cli.Seconds)"
        New-Result 'ImportRevenue' $measure $import -Baseline 'sqlite3 doing the same work set-wise into the PartnerOps schema' -BaselineValue (Get-Median $setWise) `
            -Target $targets.RevenueSetWise -Invalid $invalid `
            -Note "staging table, one INSERT...SELECT joining partners by name key, indexes built after, totals by one grouped upsert, 256 MiB cache (no history); sqlite3 $(Format-Runs $setWise)"
    }
    else {
        New-Result 'ImportRevenue' $measure $import -Target $targets.ImportRevenue -Note 'no sqlite3 CLI to compare with'
    }
    Get-ImportFootprint 'ImportRevenue' 'Import-PartnerRevenue' $imports $(if ($sqlite) { $cli.Bytes }) 'the sqlite3 .import database of the same rows' `
        -SizeMeasure 'what Import-PartnerRevenue added to the database'
}

$benchmarks.MeasureRevenue = {
    if (-not $sqlite) {
        New-Result 'MeasureRevenue' 'Measure-PartnerRevenue -GroupBy Region,Year' 0 -Note 'skipped: no sqlite3 CLI (it generates the data and is the baseline)'
        return
    }
    $records = if ($MeasureRows -gt 0) { $MeasureRows } else { [long]$Rows * 10 }
    $partners = [int][Math]::Max(1000, $records / 100)
    $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Revenue.ps1') `
        -ModulePath $ModulePath -Rows $records -Partners $partners -Runs $Repeat -Json -WorkFolder (Join-Path $WorkFolder 'measure') 2>&1
    if ($LASTEXITCODE) { throw "Measure-Revenue.ps1 failed: $($lines -join "`n")" }
    $r = @($lines | ForEach-Object { "$_" } | Where-Object { $_.StartsWith('{') })[-1] | ConvertFrom-Json
    New-Result 'MeasureRevenue' "Measure-PartnerRevenue -GroupBy Region,Year, $records records of $partners partners" $r.Ours `
        -Baseline 'sqlite3: SELECT p.region, r.year, SUM(r.amount) FROM revenue r JOIN partners p ... GROUP BY' -BaselineValue $r.Cli `
        -Target $targets.MeasureRevenue -Note "aim 0.1; same sums checked; PartnerOps $(Format-Runs $r.OurRuns); sqlite3 $(Format-Runs $r.CliRuns)"
}
