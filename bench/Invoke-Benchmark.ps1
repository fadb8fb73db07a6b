<#
.SYNOPSIS
    Measures PartnerOps against the baselines its issues set, on data generated into a temporary folder.
.DESCRIPTION
    build.ps1 -Task Bench builds the module and bench/PartnerOps.Bench, then runs this script in a child pwsh.
    Every PowerShell measurement runs in a fresh child pwsh -NoProfile (the same pwsh as this one), so each
    starts as a user's session would, with nothing compiled or cached in advance. Each measurement is taken
    -Repeat times; the median is reported.

    Benchmarks (pick some with -Only):
      CsvLibraries   CsvHelper vs Sylvan.Data.Csv parsing the same file (netstandard2.0 builds, as the module loads them)
      SqliteApi      prepared SqliteCommand vs a raw prepared statement writing the same rows to the partners table
      ImportPartner  Import-Partner of -Rows partners vs the sqlite3 CLI's .import --csv of the same file;
                     and the peak working set of the pwsh that ran Import-Partner
      Pipeline       Import-Csv | Add-Partner vs Import-Csv | Out-Null, -PipelineRows rows
      GetPartner     Get-Partner -Name <exact name> on -Rows partners vs on 1,000
      ModuleStartup  pwsh -NoProfile -Command 'Import-Module PartnerOps' vs a bare pwsh -NoProfile
      ImportRevenue  Import-PartnerRevenue of -Rows revenue records (for the -Rows partners ImportPartner left) vs the
                     sqlite3 CLI's .import --csv of the same file
      MeasureRevenue Measure-PartnerRevenue -GroupBy Region,Year over -MeasureRows records of -MeasureRows/100 partners
                     vs the sqlite3 CLI's straightforward SUM ... JOIN ... GROUP BY (bench/Measure-Revenue.ps1)
    To add one (Import-PartnerRevenue, Measure-PartnerRevenue, ...): add a script block to $benchmarks below that
    returns rows made by New-Result; it can use the generated files and databases in $data.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench                  # 1,000,000 rows
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench -Rows 100000     # a quick run
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $BenchTool,
    [int] $Rows = 1000000,
    [int] $PipelineRows = 100000,
    # MeasureRevenue: revenue records (default ten per partner row: 10,000,000 for the default 1,000,000).
    [long] $MeasureRows = 0,
    [int] $Repeat = 3,
    [string[]] $Only,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) "partnerops-bench-$PID"),
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$manifest = (Resolve-Path (Join-Path $ModulePath 'PartnerOps.psd1')).Path
$pwsh = @([System.Environment]::ProcessPath)
if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') {
    $pwsh += Join-Path $PSHOME 'pwsh.dll'
}
$PipelineRows = [Math]::Min($PipelineRows, $Rows)
$Only = @($Only | ForEach-Object { $_ -split ',' } | Where-Object { $_ })   # pwsh -File passes 'A,B' as one string

function Write-Step([string] $Text) { Write-Host "--> $Text" -ForegroundColor Cyan }

function ConvertTo-Literal([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

# Runs a script in a fresh pwsh -NoProfile; its last output line must be JSON, which is returned as an object.
function Invoke-Child([string] $Script) {
    $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command "`$ProgressPreference = 'SilentlyContinue'`n$Script" 2>&1
    if ($LASTEXITCODE) { throw "A child pwsh failed ($LASTEXITCODE):`n$($lines -join "`n")" }
    $last = @($lines | ForEach-Object { "$_" } | Where-Object { $_.StartsWith('{') }) | Select-Object -Last 1
    if (-not $last) { throw "A child pwsh gave no result:`n$($lines -join "`n")" }
    $last | ConvertFrom-Json
}

# Seconds from start to exit of a command, measured from here.
function Measure-Process([string] $Exe, [string[]] $Arguments, [string] $InputText) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    if ($InputText) {
        $output = $InputText | & $Exe @Arguments 2>&1
    }
    else {
        $output = & $Exe @Arguments 2>&1
    }
    $seconds = $clock.Elapsed.TotalSeconds
    if ($LASTEXITCODE) { throw "$Exe failed ($LASTEXITCODE): $($output -join "`n")" }
    [pscustomobject]@{ Seconds = $seconds; Output = $output }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $sorted[[int][Math]::Floor($sorted.Count / 2)]
}

function Format-Runs([double[]] $Values) { 'runs: ' + (($Values | ForEach-Object { $_.ToString('0.00', [cultureinfo]::InvariantCulture) }) -join ', ') }

function Invoke-BenchTool([string[]] $Arguments) {
    $output = & dotnet $BenchTool @Arguments
    if ($LASTEXITCODE) { throw "PartnerOps.Bench $($Arguments[0]) failed ($LASTEXITCODE): $output" }
    @($output)[-1] | ConvertFrom-Json
}

# One line of the report: a measure, and when there is one, the baseline it is compared with.
function New-Result {
    param([string] $Benchmark, [string] $Measure, [double] $Value, [string] $Unit = 's', [string] $Baseline, [double] $BaselineValue, [string] $Note)
    [pscustomobject]@{
        Benchmark     = $Benchmark
        Measure       = $Measure
        Value         = [Math]::Round($Value, 3)
        Unit          = $Unit
        Baseline      = $Baseline
        BaselineValue = if ($Baseline) { [Math]::Round($BaselineValue, 3) } else { $null }
        Ratio         = if ($Baseline -and $BaselineValue -gt 0) { [Math]::Round($Value / $BaselineValue, 2) } else { $null }
        Note          = $Note
    }
}

function New-PartnerOpsDatabase([string] $Path) {
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); `$null = New-PartnerDatabase -Path $(ConvertTo-Literal $Path); '{}'"
}

$null = New-Item -ItemType Directory -Force $WorkFolder
Write-Host "Work folder: $WorkFolder (removed at the end)"
Write-Host "Machine: $([Environment]::ProcessorCount) logical processors, $([Runtime.InteropServices.RuntimeInformation]::OSDescription), PowerShell $($PSVersionTable.PSVersion), .NET $([Environment]::Version)"
$sqlite = Get-Command sqlite3 -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if ($sqlite) {
    Write-Host "sqlite3 CLI: $($sqlite.Source), $(& $sqlite.Source --version)"
}
else {
    Write-Warning 'The sqlite3 CLI is not on PATH: the comparison with sqlite3 .import is skipped (nothing is installed).'
}

# The generated data, shared by the benchmarks.
$data = [ordered]@{
    Csv         = Join-Path $WorkFolder "partners-$Rows.csv"
    PipelineCsv = Join-Path $WorkFolder "partners-$PipelineRows.csv"
    SmallCsv    = Join-Path $WorkFolder 'partners-1000.csv'
    BigDatabase = $null   # set by ImportPartner: a database holding the -Rows partners
}

Write-Step "Generating $Rows partners (names 'Co 1'..'Co $Rows', every column filled; EndedOn for the Terminated)"
$null = Invoke-BenchTool generate, $Rows, $data.Csv
$null = Invoke-BenchTool generate, $PipelineRows, $data.PipelineCsv
$null = Invoke-BenchTool generate, 1000, $data.SmallCsv
Write-Host ("{0:N0} bytes" -f (Get-Item $data.Csv).Length)

$benchmarks = [ordered]@{}

$benchmarks.CsvLibraries = {
    $r = Invoke-BenchTool csv, $data.Csv, ([Math]::Max($Repeat, 5))
    New-Result 'CsvLibraries' "CsvHelper $($r.csvHelperVersion) parses $($r.rows) rows" $r.csvHelper.median -Baseline "Sylvan.Data.Csv $($r.sylvanVersion)" -BaselineValue $r.sylvan.median `
        -Note 'every field as a string, with line numbers; median'
}

$benchmarks.SqliteApi = {
    $db = Join-Path $WorkFolder 'api.db'
    New-PartnerOpsDatabase $db
    $apiRows = [Math]::Min($Rows, 200000)
    $r = Invoke-BenchTool writers, $data.Csv, $db, $apiRows, $Repeat
    New-Result 'SqliteApi' "raw prepared statement writes $($r.rows) rows" $r.rawStatement.median -Baseline 'prepared SqliteCommand, parameters reused' -BaselineValue $r.sqliteCommand.median `
        -Note 'partners table, 50,000-row transactions'
}

$benchmarks.ImportPartner = {
    $imports = foreach ($i in 1..$Repeat) {
        $db = Join-Path $WorkFolder "import-$i.db"
        Invoke-Child @"
Import-Module $(ConvertTo-Literal $manifest)
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
`$result = Import-Partner -Path $(ConvertTo-Literal $data.Csv) -Database $(ConvertTo-Literal $db)
`$seconds = `$clock.Elapsed.TotalSeconds
@{ Seconds = `$seconds; Inserted = `$result.Inserted; PeakBytes = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 } | ConvertTo-Json -Compress
"@
        if ($i -lt $Repeat) { Remove-Item "$db*" }
        else { $data.BigDatabase = $db }
    }
    if (@($imports | Where-Object Inserted -NE $Rows)) { throw "Import-Partner did not insert $Rows rows: $($imports.Inserted)" }
    $import = Get-Median $imports.Seconds
    $bare = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); @{ PeakBytes = [System.Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 } | ConvertTo-Json -Compress"

    if ($sqlite) {
        # Strict baseline: the same file, a table of its 9 columns, unique index on name COLLATE NOCASE
        # (SQLite's case folding is ASCII-only; PartnerOps keys on a Unicode upper-case name_key column).
        $strict = foreach ($i in 1..$Repeat) {
            $db = Join-Path $WorkFolder "cli-$i.db"
            $script = @"
CREATE TABLE partners (name TEXT NOT NULL, type TEXT, tier TEXT, status TEXT, region TEXT, country TEXT, joined_on TEXT, ended_on TEXT, notes TEXT);
CREATE UNIQUE INDEX partners_name ON partners (name COLLATE NOCASE);
.import --csv --skip 1 '$($data.Csv)' partners
"@
            (Measure-Process $sqlite.Source @($db) $script).Seconds
            Remove-Item "$db*"
        }

        # The same final table as Import-Partner's: a PartnerOps database (schema, CHECKs, WAL); the CLI imports
        # into a staging table, then INSERT ... SELECT with upper() for name_key.
        $sameTable = foreach ($i in 1..$Repeat) {
            $db = Join-Path $WorkFolder "cli-schema-$i.db"
            New-PartnerOpsDatabase $db
            $script = @"
CREATE TEMP TABLE staging (name TEXT, type TEXT, tier TEXT, status TEXT, region TEXT, country TEXT, joined_on TEXT, ended_on TEXT, notes TEXT);
.import --csv --skip 1 '$($data.Csv)' staging
INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at)
  SELECT name, upper(name), type, tier, status, region, upper(country), joined_on, nullif(ended_on, ''), notes, strftime('%Y-%m-%d %H:%M:%f0000', 'now'), strftime('%Y-%m-%d %H:%M:%f0000', 'now') FROM staging;
"@
            (Measure-Process $sqlite.Source @($db) $script).Seconds
            Remove-Item "$db*"
        }

        New-Result 'ImportPartner' "Import-Partner, $Rows rows" $import -Baseline 'sqlite3 .import --csv, 9-column table, unique NOCASE index' -BaselineValue (Get-Median $strict) `
            -Note "Import-Partner timed inside its pwsh, $(Format-Runs $imports.Seconds); sqlite3 start to exit, $(Format-Runs $strict)"
        New-Result 'ImportPartner' "Import-Partner, $Rows rows" $import -Baseline 'sqlite3 .import into staging + INSERT...SELECT into the PartnerOps schema' -BaselineValue (Get-Median $sameTable) `
            -Note "same final table as Import-Partner; sqlite3 $(Format-Runs $sameTable)"
    }
    else {
        New-Result 'ImportPartner' "Import-Partner, $Rows rows" $import -Note 'no sqlite3 CLI to compare with'
    }
    New-Result 'ImportPartner' 'peak working set of the pwsh that ran Import-Partner' ((Get-Median $imports.PeakBytes) / 1MB) -Unit 'MiB' `
        -Baseline 'pwsh that only imported the module' -BaselineValue ($bare.PeakBytes / 1MB) -Note 'Process.PeakWorkingSet64 (VmHWM on Linux)'
}

$benchmarks.Pipeline = {
    $addPartner = [System.Collections.Generic.List[double]]::new()
    $outNull = [System.Collections.Generic.List[double]]::new()
    foreach ($i in 1..$Repeat) {
        $db = Join-Path $WorkFolder "pipeline-$i.db"
        $script = @"
Import-Module $(ConvertTo-Literal $manifest)
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Csv $(ConvertTo-Literal $data.PipelineCsv) | __CONSUMER__
@{ Seconds = `$clock.Elapsed.TotalSeconds } | ConvertTo-Json -Compress
"@
        $outNull.Add((Invoke-Child $script.Replace('__CONSUMER__', 'Out-Null')).Seconds)
        $addPartner.Add((Invoke-Child $script.Replace('__CONSUMER__', "Add-Partner -Database $(ConvertTo-Literal $db)")).Seconds)
        Remove-Item "$db*"
    }
    New-Result 'Pipeline' "Import-Csv | Add-Partner, $PipelineRows rows" (Get-Median $addPartner) -Baseline "Import-Csv | Out-Null, same file" -BaselineValue (Get-Median $outNull) `
        -Note "Add-Partner $(Format-Runs $addPartner); Out-Null $(Format-Runs $outNull)"
}

$benchmarks.GetPartner = {
    if (-not $data.BigDatabase) { throw 'GetPartner needs the database that ImportPartner leaves; run both.' }
    $small = Join-Path $WorkFolder 'small.db'
    $null = Invoke-Child "Import-Module $(ConvertTo-Literal $manifest); Import-Partner $(ConvertTo-Literal $data.SmallCsv) -Database $(ConvertTo-Literal $small) | ConvertTo-Json -Compress"
    $bigName = 'Co {0}' -f [Math]::Min(123456, $Rows)
    $r = Invoke-Child @"
Import-Module $(ConvertTo-Literal $manifest)
function Measure-Lookup([string] `$Database, [string] `$Name) {
    `$null = Get-Partner -Database `$Database -Name `$Name   # the first call opens the file and compiles
    `$times = foreach (`$i in 1..200) {
        `$clock = [System.Diagnostics.Stopwatch]::StartNew()
        `$p = Get-Partner -Database `$Database -Name `$Name
        `$clock.Elapsed.TotalMilliseconds
        if (`$p.Name -ne `$Name) { throw "`$Name not found" }
    }
    @(`$times | Sort-Object)[100]
}
@{ Big = Measure-Lookup $(ConvertTo-Literal $data.BigDatabase) '$bigName'; Small = Measure-Lookup $(ConvertTo-Literal $small) 'Co 456' } | ConvertTo-Json -Compress
"@
    New-Result 'GetPartner' "Get-Partner -Name '$bigName' on $Rows partners" $r.Big -Unit 'ms' -Baseline "Get-Partner -Name 'Co 456' on 1,000 partners" -BaselineValue $r.Small `
        -Note 'median of 200 calls in one session'
}

$benchmarks.ModuleStartup = {
    $bare = [System.Collections.Generic.List[double]]::new()
    $module = [System.Collections.Generic.List[double]]::new()
    $prefix = @($pwsh | Select-Object -Skip 1)
    foreach ($i in 1..([Math]::Max($Repeat, 5))) {
        $bare.Add((Measure-Process $pwsh[0] ($prefix + @('-NoProfile', '-NonInteractive', '-Command', '$null'))).Seconds)
        $module.Add((Measure-Process $pwsh[0] ($prefix + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module $(ConvertTo-Literal $manifest)"))).Seconds)
    }
    $bareMedian = Get-Median $bare
    $moduleMedian = Get-Median $module
    New-Result 'ModuleStartup' 'pwsh -NoProfile -Command Import-Module PartnerOps' $moduleMedian -Baseline 'pwsh -NoProfile -Command $null' -BaselineValue $bareMedian `
        -Note ('Import-Module costs {0:N0} ms' -f (($moduleMedian - $bareMedian) * 1000))
}

$benchmarks.ImportRevenue = {
    if (-not $data.BigDatabase) { throw 'ImportRevenue needs the database of partners that ImportPartner leaves; run both.' }
    $revenueCsv = Join-Path $WorkFolder "revenue-$Rows.csv"
    # Realistic rows: a partner of the million (or direct revenue with a region), every column filled, unique references.
    $null = Invoke-Child @"
`$random = [Random]::new(2015)
`$currencies = 'USD', 'USD', 'EUR', 'GBP'; `$segments = 'Enterprise', 'Enterprise', 'Carrier', 'Consumer'
`$regions = 'Western Europe', 'China', 'North America', 'Asia Pacific'
`$writer = [IO.StreamWriter]::new($(ConvertTo-Literal $revenueCsv))
`$writer.WriteLine('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
for (`$i = 1; `$i -le $Rows; `$i++) {
    `$partner = if (`$i % 5 -eq 0) { '' } else { 'Co ' + `$random.Next(1, $Rows + 1) }
    `$date = [datetime]::new(2011, 1, 1).AddDays(`$random.Next(0, 1826)).ToString('yyyy-MM-dd')
    `$amount = (`$random.Next(100, 10000000) / 100).ToString('0.00', [cultureinfo]::InvariantCulture)
    `$writer.WriteLine("`$partner,`$date,`$amount,`$(`$currencies[`$i % 4]),`$(`$segments[`$i % 4]),`$(`$regions[`$i % 4]),INV-`$i")
}
`$writer.Dispose()
'{}'
"@
    $imports = foreach ($i in 1..$Repeat) {
        $db = Join-Path $WorkFolder "revenue-$i.db"
        Copy-Item $data.BigDatabase $db
        Invoke-Child @"
Import-Module $(ConvertTo-Literal $manifest)
`$clock = [System.Diagnostics.Stopwatch]::StartNew()
`$result = Import-PartnerRevenue -Path $(ConvertTo-Literal $revenueCsv) -Database $(ConvertTo-Literal $db)
@{ Seconds = `$clock.Elapsed.TotalSeconds; Inserted = `$result.Inserted } | ConvertTo-Json -Compress
"@
        Remove-Item "$db*"
    }
    if (@($imports | Where-Object Inserted -NE $Rows)) { throw "Import-PartnerRevenue did not insert $Rows rows: $($imports.Inserted)" }
    $import = Get-Median $imports.Seconds
    if ($sqlite) {
        # The same file into a table of its 7 columns with the unique reference index.
        $cli = foreach ($i in 1..$Repeat) {
            $db = Join-Path $WorkFolder "cli-revenue-$i.db"
            $script = @"
CREATE TABLE revenue (partner_name TEXT, date TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT, segment TEXT, region TEXT, reference TEXT);
CREATE UNIQUE INDEX revenue_reference ON revenue (reference);
.import --csv --skip 1 '$revenueCsv' revenue
"@
            (Measure-Process $sqlite.Source @($db) $script).Seconds
            Remove-Item "$db*"
        }
        New-Result 'ImportRevenue' "Import-PartnerRevenue, $Rows rows" $import -Baseline 'sqlite3 .import --csv, 7-column table, unique reference index' -BaselineValue (Get-Median $cli) `
            -Note "PartnerOps also resolves each partner by name, converts amounts to minor units and keeps revenue_totals and the history; $(Format-Runs $imports.Seconds); sqlite3 $(Format-Runs $cli)"
    }
    else {
        New-Result 'ImportRevenue' "Import-PartnerRevenue, $Rows rows" $import -Note 'no sqlite3 CLI to compare with'
    }
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
        -Note "same sums checked; PartnerOps $(Format-Runs $r.OurRuns); sqlite3 $(Format-Runs $r.CliRuns)"
}

$results = [System.Collections.Generic.List[object]]::new()
try {
    foreach ($name in $benchmarks.Keys) {
        $needsPartners = $name -eq 'ImportPartner' -and ('GetPartner' -in $Only -or 'ImportRevenue' -in $Only)
        if ($Only -and $name -notin $Only -and -not $needsPartners) { continue }
        Write-Step $name
        foreach ($row in & $benchmarks[$name]) {
            $results.Add($row)
            $row | Format-List | Out-String | Write-Host
        }
    }
}
finally {
    Remove-Item $WorkFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Write-Host ''
Write-Host "Summary (median of $Repeat; ratio = measure / baseline):" -ForegroundColor Cyan
$results | Format-Table Benchmark, Measure, Value, Unit, Baseline, BaselineValue, Ratio -Wrap | Out-String -Width 200 | Write-Host
if ($ResultPath) {
    $null = New-Item -ItemType Directory -Force (Split-Path $ResultPath)
    [pscustomobject]@{
        Date     = (Get-Date).ToUniversalTime().ToString('o')
        Rows     = $Rows
        PipelineRows = $PipelineRows
        Repeat   = $Repeat
        Machine  = "$([Environment]::ProcessorCount) logical processors, $([Runtime.InteropServices.RuntimeInformation]::OSDescription)"
        Sqlite3  = if ($sqlite) { "$(& $sqlite.Source --version)" } else { $null }
        Results  = $results
    } | ConvertTo-Json -Depth 5 | Set-Content $ResultPath
    Write-Host "Results written to $ResultPath"
}
