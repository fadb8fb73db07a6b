# Dot-sourced by every test file: imports the built module and gives each test a fresh database path.
$script:ModuleManifest = $env:PARTNEROPS_TEST_MODULE
if (-not $script:ModuleManifest) {
    $script:ModuleManifest = Join-Path $PSScriptRoot '../../out/PartnerOps/PartnerOps.psd1'
}
Import-Module $script:ModuleManifest -Force

# Folders made by this test file; Remove-TestFolders (in AfterAll) deletes them.
$script:TestFolders = [System.Collections.Generic.List[string]]::new()

# The backend this pass tests (Invoke-PesterTests.ps1 sets PARTNEROPS_TEST_BACKEND): 'Sqlite', a database file per test, or
# 'PostgreSql', a schema per test in the database $env:PARTNEROPS_TEST_SERVER. Tests branch on it only where the expected
# text legitimately differs (a location's form, say); tests about files carry -Tag 'FileOnly' instead.
$script:Backend = if ($env:PARTNEROPS_TEST_BACKEND -eq 'PostgreSql') { 'PostgreSql' } else { 'Sqlite' }
# PostgreSql: the schemas this file made (Remove-TestFolders drops them), and the scratch folder of each test database.
$script:TestSchemas = [System.Collections.Generic.List[string]]::new()
$script:TestDatabaseFolders = @{}
if ($script:Backend -eq 'PostgreSql') {
    if ($env:PARTNEROPS_TEST_SERVER -notmatch '^postgres(ql)?://[^?]+$') {
        throw "PARTNEROPS_TEST_BACKEND is PostgreSql, but PARTNEROPS_TEST_SERVER ('$env:PARTNEROPS_TEST_SERVER') is no postgresql://user@host:port/dbname."
    }
    . (Join-Path $PSScriptRoot '../../tools/PostgreSqlCluster.ps1')
    $script:PsqlPath = Join-Path (Find-PostgreSqlBin).Bin 'psql'
}

# Everything a user can read back, as one string: equal strings mean an unchanged database (a refused value changed nothing).
function Get-DatabaseState {
    param([string] $Database)
    @(
        Get-Partner -Database $Database | Select-Object Id, Name, Type, Tier, Status, Region, Country, JoinedOn, EndedOn, Notes, UpdatedAt
        Get-PartnerRevenue -Database $Database | Select-Object Id, PartnerId, Date, Amount, Currency, Segment, Region, Reference, Attribution
        Get-PartnerTarget -Database $Database -WarningAction SilentlyContinue | Select-Object Id, Metric, Region, Year, Value, Currency
        Get-PartnerExchangeRate -Database $Database | Select-Object From, To, Year, Rate
        "history: $(@(Get-PartnerHistory -Database $Database).Count)"
    ) | ConvertTo-Json -Depth 3 -Compress
}

function New-TestFolder {
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("partnerops-pester-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $folder
    $script:TestFolders.Add($folder)
    $folder
}

# A path in a new folder, with no file yet: for tests about creating a database or about what is (not) at a path.
# PostgreSql: a new schema's location ('<server>?schema=t_<guid>', the form every object's Database shows), no schema yet;
# $Name is not used (each call is a database of its own, as each file is).
function New-TestDatabasePath {
    param([string] $Name = 'test.db')
    if ($script:Backend -eq 'Sqlite') { return Join-Path (New-TestFolder) $Name }
    $schema = 't_' + [guid]::NewGuid().ToString('N')
    $script:TestSchemas.Add($schema)
    "$($env:PARTNEROPS_TEST_SERVER)?schema=$schema"
}

# A folder for a test database's files (CSV files to import, exports, failed rows): the database file's own folder, or on a
# server a new folder kept for that location.
function Get-TestFolder {
    param([Parameter(Mandatory)] [string] $Database)
    if (-not (Test-ServerLocation $Database)) { return Split-Path $Database }
    if (-not $script:TestDatabaseFolders.ContainsKey($Database)) { $script:TestDatabaseFolders[$Database] = New-TestFolder }
    $script:TestDatabaseFolders[$Database]
}

# Whether a test database exists: its file (Test-Path, as the tests always asked), or on a server its schema. For the
# tests that a refused command creates nothing.
function Test-TestDatabase {
    param([Parameter(Mandatory)] [string] $Database)
    if (-not (Test-ServerLocation $Database)) { return Test-Path $Database }
    $schema = if ($Database -match '[?&]schema=([^&]+)') { $Matches[1] } else { 'public' }
    (Invoke-RawPsql $Database "SELECT count(*) FROM pg_namespace WHERE nspname = '$schema'") -eq '1'
}

# Whether a location names a PostgreSQL server (the URI form the tests use) rather than a file.
function Test-ServerLocation([string] $Database) { $Database -match '^postgres(ql)?://' }

# A new, empty database created on purpose (New-PartnerDatabase), its path returned: for the tests that are not about
# creating one, so that the log does not fill with "There was no database at ..., so a new, empty PartnerOps database
# was created" (the warning a command gives when it creates a database implicitly).
function New-TestDatabase {
    param([string] $Name = 'test.db')
    $path = New-TestDatabasePath -Name $Name
    $null = New-PartnerDatabase -Path $path
    $path
}

# Called in each test file's AfterAll. Every command in this process passes -Database (or -Path), so the
# user's own database is never touched; only child pwsh sessions with a controlled environment go without.
# PostgreSql: also drops the schemas the file made.
function Remove-TestFolders {
    # Connections kept between commands keep files open (which Windows would refuse to delete).
    Close-PooledConnections
    foreach ($folder in $script:TestFolders) {
        Remove-Item $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
    $script:TestFolders.Clear()
    $script:TestDatabaseFolders.Clear()
    if ($script:TestSchemas.Count -gt 0) {
        $drop = ($script:TestSchemas | ForEach-Object { "DROP SCHEMA IF EXISTS $_ CASCADE;" }) -join ' '
        $output = & $script:PsqlPath -X -w -q -v ON_ERROR_STOP=1 -d $env:PARTNEROPS_TEST_SERVER -c $drop 2>&1
        if ($LASTEXITCODE) { Write-Warning "Could not drop the test schemas: $output" }
        $script:TestSchemas.Clear()
    }
}

# Closes the connections the module keeps open between commands in this process (what Remove-Module does), so that
# the next command opens each file afresh: for tests that change a file's mode or mounts under the module.
function Close-PooledConnections {
    $store = 'PartnerOps.Data.PartnerDatabases' -as [type]
    if ($store) { $store::ReleasePooledConnections() }
}

# Adds partners given as hashtables (any Add-Partner parameters) through the pipeline, as a CSV import would.
# Common parameters (-ErrorVariable, -ErrorAction) apply to the Add-Partner call.
function Add-TestPartner {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Database,
        [Parameter(Mandatory)] [hashtable[]] $Partner
    )
    $Partner | ForEach-Object { [pscustomobject]$_ } | Add-Partner -Database $Database
}

# A connection of its own (not pooled) to a database, with $Sql run on it: for what the module would not do
# (hold a lock, set a file up by hand). Disposing it ends what it holds, an open transaction included. SQLite files only:
# a test that needs one is FileOnly.
function Open-RawConnection {
    param([Parameter(Mandatory)] [string] $Database, [string] $Sql)
    if (Test-ServerLocation $Database) {
        throw "Open-RawConnection opens SQLite files only, not $Database`: tag the test -Tag 'FileOnly', or use Invoke-RawSql/Get-RawScalar."
    }
    $connection = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$Database;Pooling=False")
    $connection.Open()
    if ($Sql) {
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $null = $command.ExecuteNonQuery()
    }
    $connection
}

# Runs SQL on a database through a connection of its own, closed afterwards (on a server: psql, in the location's schema).
function Invoke-RawSql {
    param([Parameter(Mandatory)] [string] $Database, [Parameter(Mandatory)] [string] $Sql)
    if (Test-ServerLocation $Database) { $null = Invoke-RawPsql $Database $Sql; return }
    (Open-RawConnection -Database $Database -Sql $Sql).Dispose()
}

# The first column of the first row a query returns, through a connection of its own, closed afterwards (on a server:
# psql's text of it, in the location's schema; NULL reads as $null).
function Get-RawScalar {
    param([Parameter(Mandatory)] [string] $Database, [Parameter(Mandatory)] [string] $Sql)
    if (Test-ServerLocation $Database) {
        $first = @(Invoke-RawPsql $Database $Sql) | Select-Object -First 1
        return $(if ($first -eq '@@NULL@@') { $null } else { $first })
    }
    $connection = Open-RawConnection -Database $Database
    try {
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $command.ExecuteScalar()
    }
    finally {
        $connection.Dispose()
    }
}

# SQL run by psql (unaligned, tuples only) on a server location '<server>?schema=<name>', in that schema; its output lines.
function Invoke-RawPsql([string] $Database, [string] $Sql) {
    $server, $query = $Database -split '\?', 2
    $schema = if ($query -match '(^|&)schema=([^&]+)') { $Matches[2] } else { 'public' }
    $output = & $script:PsqlPath -X -w -q -At -P null=@@NULL@@ -v ON_ERROR_STOP=1 -d $server -c "SET search_path TO $schema; $Sql" 2>&1
    if ($LASTEXITCODE) { throw "psql failed on $Database`: $($output -join "`n")" }
    $output | ForEach-Object { "$_" }
}

# A string as a single-quoted PowerShell literal, for building child pwsh scripts.
function ConvertTo-PSLiteral {
    param([AllowEmptyString()] [string] $Text)
    "'" + $Text.Replace("'", "''") + "'"
}

# The same pwsh as this one: the executable, and the arguments that come before our own (as a .NET tool: pwsh.dll).
function Get-PwshCommandLine {
    $exe = [System.Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    [pscustomobject]@{ Exe = $exe; Prefix = $prefix }
}

# Runs a script in a fresh pwsh -NoProfile (the same pwsh as this one) and returns its output lines.
function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string] $Command)
    $pwsh = Get-PwshCommandLine
    $prefix = $pwsh.Prefix
    & $pwsh.Exe @prefix -NoProfile -NonInteractive -Command $Command 2>&1
}

# Starts a script in a fresh pwsh -NoProfile without waiting and returns the process;
# its output and errors go to "$OutputPrefix.out.txt" and "$OutputPrefix.err.txt".
function Start-ChildPwsh {
    param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [string] $OutputPrefix)
    $pwsh = Get-PwshCommandLine
    # -EncodedCommand: Start-Process joins its arguments into one string, which would mangle quotes.
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command))
    Start-Process -FilePath $pwsh.Exe -ArgumentList ($pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)) -PassThru `
        -RedirectStandardOutput "$OutputPrefix.out.txt" -RedirectStandardError "$OutputPrefix.err.txt"
}

<#
Runs a script in a fresh pwsh -NoProfile with the given environment variables set ($null removes one)
and returns what the script produced, converted to JSON in the child and back here.
When the child produces no result, everything it printed (errors included) is thrown, so the test fails with it.
#>
function Invoke-ChildPwshJson {
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{},
        [switch] $ImportModule
    )
    $prelude = @(foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) {
            "Remove-Item env:$name -ErrorAction SilentlyContinue"
        }
        else {
            "`$env:$name = $(ConvertTo-PSLiteral $Environment[$name])"
        }
    })
    if ($ImportModule) { $prelude += "Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)" }
    $script = @"
$($prelude -join "`n")
`$__result = & {
$Command
}
'@@JSON@@' + (ConvertTo-Json -InputObject `$__result -Depth 5 -Compress)
"@
    $lines = @(Invoke-ChildPwsh $script | ForEach-Object { "$_" })
    $json = $lines | Where-Object { $_.StartsWith('@@JSON@@') } | Select-Object -Last 1
    if (-not $json) {
        throw "The child pwsh gave no result. Its output:`n$($lines -join "`n")"
    }
    $json.Substring('@@JSON@@'.Length) | ConvertFrom-Json
}

<#
The text of one column of a table printed by Out-String, its wrapped lines joined: every fragment under the column, in
order, joined by $Glue (' ' rejoins words wrapped at spaces, '' a figure split inside its column). The column is found by
its header label; its width and alignment come from the type's default view, as PowerShell lays it out.
#>
function Get-ColumnText {
    param(
        [Parameter(Mandatory)] [string] $Text,
        [Parameter(Mandatory)] [string] $Label,
        [Parameter(Mandatory)] [int] $Width,
        [switch] $Right,
        [string] $Glue = ' '
    )
    $lines = @($Text -split '\r?\n')
    $dashes = [array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' })
    if ($dashes -lt 1) { throw "No table header in:`n$Text" }
    $header = $lines[$dashes - 1]
    $match = [regex]::Match($header, "(?<=^| )$([regex]::Escape($Label))(?= |$)")
    if (-not $match.Success) { throw "No column '$Label' in: $header" }
    $start = if ($Right) { $match.Index + $match.Length - $Width } else { $match.Index }
    $parts = foreach ($line in $lines[($dashes + 1)..($lines.Count - 1)]) {
        if ($line.Length -gt $start) {
            $cell = $line.Substring($start, [math]::Min($Width, $line.Length - $start)).Trim(' ')   # only the padding: a figure's own separators (U+202F) stay
            if ($cell) { $cell }
        }
    }
    $parts -join $Glue
}

# Runs $Script with this process in time zone $Zone (TZ, as on Linux and macOS), restoring it after.
# Streaming checks: milliseconds from the start of $Command (a pipeline that writes objects) to its first object's arrival in
# the next command, best of three. The stop that Select-Object -First causes after it is not timed: on a server it cancels
# the statement from a second connection, whose cost under load says nothing about whether the rows were streamed.
function Measure-FirstArrival([scriptblock] $Command) {
    (1..3 | ForEach-Object {
        $seen = @{}
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & $Command | ForEach-Object { if (-not $seen.ContainsKey('At')) { $seen.At = $watch.Elapsed.TotalMilliseconds }; $_ } | Select-Object -First 1
        $seen.At
    } | Measure-Object -Minimum).Minimum
}

function Use-TimeZone {
    param([string] $Zone, [scriptblock] $Script)
    $saved = $env:TZ
    try {
        $env:TZ = $Zone
        [TimeZoneInfo]::ClearCachedData()
        & $Script
    }
    finally {
        $env:TZ = $saved
        [TimeZoneInfo]::ClearCachedData()
    }
}

# Every status_changes row of a database (schema 12) as 'Partner|Attribute|From|To|EffectiveOn|Reason|User' ('-' for NULL), in id
# order, read with SQL of its own (on a server: psql); for tests of what the triggers and the migration write.
function Get-StatusRows {
    param([Parameter(Mandatory)] [string] $Database)
    $sql = "SELECT p.name || '|' || sc.attribute || '|' || coalesce(sc.from_value, '-') || '|' || sc.to_value || '|' || sc.effective_on || '|' || " +
           "coalesce(sc.reason, '-') || '|' || sc.""user"" FROM status_changes sc JOIN partners p ON p.id = sc.partner_id ORDER BY sc.id"
    Get-RawLines $Database $sql
}

# The first column of every row a query returns, as text (the query gives text: NULL must be coalesced), read with a connection
# of its own (on a server: psql, in the location's schema).
function Get-RawLines {
    param([Parameter(Mandatory)] [string] $Database, [Parameter(Mandatory)] [string] $Sql)
    if (Test-ServerLocation $Database) { return @(Invoke-RawPsql $Database $Sql) }
    $connection = Open-RawConnection -Database $Database
    try {
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $reader = $command.ExecuteReader()
        @(while ($reader.Read()) { $reader.GetString(0) })
        $reader.Dispose()
    }
    finally {
        $connection.Dispose()
    }
}

# Every row of a table as text lines ('|' between the columns, '-' for NULL), by id, read through a connection of its own
# (the storage tests of schemas 13 and 14 compare tables so).
function Get-TableLines([string] $Database, [string] $Table, [string[]] $Columns) {
    $row = ($Columns | ForEach-Object { "coalesce(CAST($_ AS TEXT), '-')" }) -join " || '|' || "
    Get-RawLines $Database "SELECT $row FROM $Table ORDER BY id"
}

# SQL that takes a server database back from schema 14 to 13 (issue 19): the deals table and its history trigger functions
# dropped, revenue without its attribution, the history's entity CHECK and schema_version as schema 13 had them (the revenue
# history functions still name attribution: the migration makes them again before anything is written).
function Get-Schema14UndoSql {
    'DROP TABLE deals; ' +
    ((@('insert', 'update', 'delete') | ForEach-Object { "DROP FUNCTION po_history_deals_$_(); " }) -join '') +
    'ALTER TABLE revenue DROP COLUMN attribution; ' +
    'ALTER TABLE history DROP CONSTRAINT history_entity_check; ' +
    "ALTER TABLE history ADD CONSTRAINT history_entity_check CHECK (entity IN ('Partner','Revenue','Target','ExchangeRate','Contact','Certification','TierRule')); " +
    "UPDATE meta SET value = '13' WHERE key = 'schema_version'; "
}

# SQL that takes a server database back from schema 13 to 12 (issue 18): the contacts, certifications and tier_rules tables and
# their history trigger functions dropped, the history's entity CHECK and schema_version as schema 12 had them.
function Get-Schema13UndoSql {
    'DROP TABLE tier_rules, certifications, contacts; ' +
    ((@('contacts', 'certifications', 'tier_rules') | ForEach-Object { $t = $_; @('insert', 'update', 'delete') | ForEach-Object { "DROP FUNCTION po_history_$($t)_$_(); " } }) -join '') +
    'ALTER TABLE history DROP CONSTRAINT history_entity_check; ' +
    "ALTER TABLE history ADD CONSTRAINT history_entity_check CHECK (entity IN ('Partner','Revenue','Target','ExchangeRate')); " +
    "UPDATE meta SET value = '12' WHERE key = 'schema_version'"
}
