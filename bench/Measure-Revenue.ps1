<#
.SYNOPSIS
    Benchmarks Measure-PartnerRevenue -GroupBy Region,Year against the sqlite3 CLI running the straightforward
    query (SELECT region, year, SUM(amount) ... JOIN ... GROUP BY region, year) on a copy of the same data.
.DESCRIPTION
    Generates -Partners partners and -Rows revenue records (all USD, partner revenue over 2011-2015) with
    the sqlite3 CLI straight into a PartnerOps database (so the schema's triggers keep the revenue totals,
    as they do for every write), copies the same rows into a plain database for the CLI, checks that both
    give the same sums, and prints the median of -Runs timings of each and their ratio.
    Needs the sqlite3 CLI (Debian package sqlite3); it installs nothing.
.EXAMPLE
    dotnet pwsh ./bench/Measure-Revenue.ps1 -ModulePath ./out/PartnerOps -Rows 10000000 -Partners 100000
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [long] $Rows = 10000000,
    [int] $Partners = 100000,
    [int] $Runs = 3,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) "partnerops-bench-measure-$PID"),
    # Write the result as one line of JSON (for bench/Invoke-Benchmark.ps1) instead of a list.
    [switch] $Json
)

$ErrorActionPreference = 'Stop'
$sqlite = Get-Command sqlite3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $sqlite) {
    Write-Warning 'The sqlite3 CLI was not found (Debian/Ubuntu: apt-get install sqlite3). The Measure-PartnerRevenue benchmark needs it as its reference and was skipped.'
    return
}
Import-Module (Join-Path $ModulePath 'PartnerOps.psd1')
$null = New-Item -ItemType Directory -Force $WorkFolder
$db = Join-Path $WorkFolder 'measure.db'
$plain = Join-Path $WorkFolder 'measure-plain.db'

function Invoke-Sqlite([string] $Database, [string] $Sql) {
    $output = $Sql | & $sqlite.Source -batch -bail $Database 2>&1
    if ($LASTEXITCODE) { throw "sqlite3 failed: $output" }
    $output
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

Write-Host "Generating $Partners partners and $Rows revenue records in $WorkFolder ..."
$generate = [Diagnostics.Stopwatch]::StartNew()
$null = New-PartnerDatabase -Path $db -Currency USD -Force -Confirm:$false
Remove-Module PartnerOps   # let go of the file while the CLI writes it
Invoke-Sqlite $db @"
PRAGMA journal_mode = WAL;
PRAGMA cache_size = -200000;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $Partners)
INSERT INTO partners (id, name, name_key, type, tier, status, region, country, joined_on, created_at, updated_at)
SELECT i, 'Co ' || i, 'CO ' || i,
       CASE i % 4 WHEN 0 THEN 'Reseller' WHEN 1 THEN 'SystemIntegrator' WHEN 2 THEN 'Distributor' ELSE 'ServiceProvider' END,
       'Registered', 'Active',
       CASE i % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America' WHEN 3 THEN 'Asia Pacific'
                  WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END,
       'DE', '2011-01-01', '2011-01-01 00:00:00.0000000', '2011-01-01 00:00:00.0000000'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $Rows)
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at)
SELECT p, date('2011-01-01', '+' || ((i * 7919) % 1826) || ' days'), 100 + (i * 104729) % 10000000, 'USD',
       'Enterprise', 'ENTERPRISE', r, upper(r), NULL, '2011-01-01 00:00:00.0000000'
FROM (SELECT i, 1 + (i * 48271) % $Partners AS p,
             CASE (1 + (i * 48271) % $Partners) % 7 WHEN 0 THEN 'Western Europe' WHEN 1 THEN 'China' WHEN 2 THEN 'North America'
                  WHEN 3 THEN 'Asia Pacific' WHEN 4 THEN 'Eastern Europe' WHEN 5 THEN 'Middle East & Africa' ELSE 'Latin America' END AS r
      FROM n);
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
"@ | Out-Null
Remove-Item $plain -ErrorAction SilentlyContinue
Invoke-Sqlite $plain @"
ATTACH '$db' AS src;
CREATE TABLE partners (id INTEGER PRIMARY KEY, name TEXT, region TEXT);
CREATE TABLE revenue (id INTEGER PRIMARY KEY, partner_id INTEGER, date TEXT, year INTEGER, amount INTEGER, currency TEXT);
INSERT INTO partners SELECT id, name, region FROM src.partners;
INSERT INTO revenue SELECT id, partner_id, date, CAST(substr(date, 1, 4) AS INTEGER), amount, currency FROM src.revenue;
"@ | Out-Null
Write-Host ("Generated in {0:N0} s; database {1:N0} MB." -f $generate.Elapsed.TotalSeconds, ((Get-Item $db).Length / 1MB))

$query = 'SELECT p.region, r.year, SUM(r.amount) FROM revenue r JOIN partners p ON p.id = r.partner_id GROUP BY p.region, r.year ORDER BY 1, 2;'
Import-Module (Join-Path $ModulePath 'PartnerOps.psd1')
$cli = foreach ($run in 1..$Runs) {
    (Measure-Command { $script:cliRows = Invoke-Sqlite $plain $query }).TotalSeconds
}
$ours = foreach ($run in 1..$Runs) {
    (Measure-Command { $script:measures = Measure-PartnerRevenue -Database $db -GroupBy Region, Year }).TotalSeconds
}

# The same sums (the CLI's in cents, ours in dollars), or the comparison means nothing.
$expected = $cliRows | ForEach-Object { $f = $_ -split '\|'; '{0}|{1}|{2}' -f $f[0], $f[1], ([decimal]$f[2] / 100).ToString('0.00', [cultureinfo]::InvariantCulture) }
$actual = $measures | ForEach-Object { '{0}|{1}|{2}' -f $_.Region, $_.Year, $_.Total.ToString('0.00', [cultureinfo]::InvariantCulture) }
if (Compare-Object @($expected) @($actual)) { throw 'Measure-PartnerRevenue and the sqlite3 CLI gave different sums.' }

$cliMedian = Get-Median $cli
$oursMedian = Get-Median $ours
if ($Json) {
    @{ Rows = $Rows; Partners = $Partners; Cli = $cliMedian; Ours = $oursMedian; CliRuns = $cli; OurRuns = $ours } | ConvertTo-Json -Compress
}
else {
    [pscustomobject]@{
        Benchmark          = "Measure-PartnerRevenue -GroupBy Region,Year, $Rows records, $Partners partners"
        'sqlite3 CLI (s)'  = [math]::Round($cliMedian, 3)
        'PartnerOps (s)'   = [math]::Round($oursMedian, 3)
        Ratio              = [math]::Round($oursMedian / $cliMedian, 3)
        'Same sums'        = $true
    } | Format-List
}

Remove-Module PartnerOps
[Microsoft.Data.Sqlite.SqliteConnection]::ClearAllPools()
Remove-Item $WorkFolder -Recurse -Force
