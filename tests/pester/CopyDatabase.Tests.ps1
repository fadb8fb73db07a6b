# Copy-PartnerDatabase: everything copied between two databases, in one transaction on the destination; Backup-PartnerDatabase
# of a server database. The Describes tagged ServerOnly copy between a file and the PostgreSQL server of
# $env:PARTNEROPS_TEST_SERVER (skipped, saying why, without one); the others copy between two databases of the pass's backend.
BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1

    # A database holding one of everything a copy carries: imported partners and revenue (their history by batch, with file and
    # line), a partner changed after its import, a record and a partner removed, exchange rates, targets, a currency of its own.
    function New-FilledDatabase {
        param([Parameter(Mandatory)] [string] $Database, [Parameter(Mandatory)] [string] $Folder)
        $null = New-PartnerDatabase -Path $Database -Currency EUR
        $partners = Join-Path $Folder 'partners.csv'
        Set-Content -LiteralPath $partners -Encoding utf8NoBOM -Value @(
            'Name,Type,Tier,Status,Region,Country,JoinedOn,Notes'
            'Alpha GmbH,Reseller,Gold,Active,DACH,DE,2019-03-01,"quoted, with a comma"'
            'Ångström AB,Distributor,Silver,Active,Nordics,SE,2020-01-15,'
            'Gamma Ltd,Other,Registered,Prospect,,GB,2021-06-30,')
        $revenue = Join-Path $Folder 'revenue.csv'
        Set-Content -LiteralPath $revenue -Encoding utf8NoBOM -Value @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            'Alpha GmbH,2024-01-31,1250.50,EUR,Enterprise,DACH,INV-1'
            'Ångström AB,2024-02-29,99,JPY,SMB,Nordics,INV-2'
            'Alpha GmbH,2023-12-01,10.25,USD,SMB,DACH,')
        $null = Import-Partner -Database $Database -Path $partners
        $null = Import-PartnerRevenue -Database $Database -Path $revenue
        Set-Partner -Database $Database -Name 'Ångström AB' -Tier Platinum
        Get-PartnerRevenue -Database $Database | Where-Object Reference -EQ 'INV-2' | Remove-PartnerRevenue -Database $Database -Confirm:$false
        Add-Partner -Database $Database -Name 'Removed Inc' -Type Other
        Remove-Partner -Database $Database -Name 'Removed Inc' -Confirm:$false
        Add-PartnerRevenue -Database $Database -Direct -Region 'Nordics' -Date 2024-04-01 -Amount 77.70 -Currency EUR -Segment Public
        Set-PartnerExchangeRate -Database $Database -From USD -To EUR -Year 2024 -Rate 0.9234
        Set-PartnerTarget -Database $Database -Metric PartnerCount -Region DACH -Year 2024 -Value 12
        Set-PartnerTarget -Database $Database -Metric PartnerRevenue -Year 2024 -Value 100000 -Currency EUR
    }

    # Every row of a table of a SQLite file, as text with each value's SQLite type, in key order.
    function Get-RawTable {
        param([Parameter(Mandatory)] [string] $Database, [Parameter(Mandatory)] [string] $Table)
        $connection = Open-RawConnection -Database $Database
        try {
            $command = $connection.CreateCommand()
            $command.CommandText = if ($Table -eq 'sqlite_sequence') { 'SELECT * FROM sqlite_sequence ORDER BY name' } else { "SELECT * FROM $Table ORDER BY 1, 2" }
            $reader = $command.ExecuteReader()
            while ($reader.Read()) {
                (0..($reader.FieldCount - 1) | ForEach-Object { "$($reader.GetName($_))=$($reader.GetValue($_)):$($reader.GetDataTypeName($_))" }) -join '|'
            }
            $reader.Dispose()
        }
        finally {
            $connection.Dispose()
        }
    }

    # The history as Get-PartnerHistory shows it, every entry with its changes, file and line.
    function Get-HistoryText {
        param([Parameter(Mandatory)] [string] $Database)
        Get-PartnerHistory -Database $Database | ForEach-Object {
            ($_.Id, $_.Timestamp.ToString('o'), $_.User, $_.Operation, $_.Entity, $_.EntityId, $_.PartnerId, $_.PartnerName, $_.Source, $_.Line,
                (($_.Changes | ForEach-Object { "$($_.Property):$($_.Old)>$($_.New)" }) -join ';')) -join '|'
        }
    }

    # status_changes row for row: a copy whose destination's triggers wrote the changes again would hold each twice.
    $script:Tables = 'meta', 'partners', 'status_changes', 'revenue', 'revenue_totals', 'exchange_rates', 'targets', 'sqlite_sequence'
    $script:Server = $env:PARTNEROPS_TEST_SERVER
    $script:ServerSchemas = [System.Collections.Generic.List[string]]::new()
    $script:Psql = @(Get-Command psql -ErrorAction Ignore | ForEach-Object Source) + @(Get-ChildItem /usr/lib/postgresql/*/bin/psql -ErrorAction Ignore | Sort-Object FullName -Descending | ForEach-Object FullName) | Select-Object -First 1

    # A new schema's location on the test server (dropped in AfterAll).
    function New-ServerLocation {
        $schema = 'c_' + [guid]::NewGuid().ToString('N')
        $script:ServerSchemas.Add($schema)
        "$($script:Server)?schema=$schema"
    }

    # SQL run by psql in a server location's schema (created when missing); its output lines.
    function Invoke-ServerSql([string] $Location, [string] $Sql) {
        $server, $schema = $Location -split '\?schema=', 2
        $output = & $script:Psql -X -w -q -At -v ON_ERROR_STOP=1 -d $server -c "SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS $schema; SET search_path TO $schema; $Sql" 2>&1
        if ($LASTEXITCODE) { throw "psql failed on $Location`: $($output -join "`n")" }
        $output | ForEach-Object { "$_" }
    }
}

AfterAll {
    Remove-TestFolders
    if ($script:ServerSchemas.Count -gt 0) {
        $null = & $script:Psql -X -w -q -d $script:Server -c (($script:ServerSchemas | ForEach-Object { "DROP SCHEMA IF EXISTS $_ CASCADE;" }) -join ' ') 2>&1
    }
}

Describe 'Copy-PartnerDatabase between a file and a server' -Tag 'ServerOnly' -Skip:(-not $env:PARTNEROPS_TEST_SERVER) {
    BeforeAll {
        $folder = New-TestFolder
        $script:file = Join-Path $folder 'source.db'
        New-FilledDatabase -Database $script:file -Folder $folder
    }

    It 'gives back the same data: SQLite to PostgreSQL to SQLite, every table row for row and every history entry' {
        $server = New-ServerLocation
        $back = Join-Path (New-TestFolder) 'back.db'

        $onServer = Copy-PartnerDatabase -Source $script:file -Destination $server
        $onServer.Backend | Should -Be 'PostgreSql'
        $onServer.Path | Should -Be $server
        $onServer.PartnerCount | Should -Be 3
        $atHome = Copy-PartnerDatabase -Source $server -Destination $back
        $atHome.Path | Should -Be $back
        $atHome.Currency | Should -Be 'EUR'

        foreach ($table in $script:Tables) {
            Get-RawTable -Database $back -Table $table | Should -Be (Get-RawTable -Database $script:file -Table $table) -Because "table $table"
        }
        Get-HistoryText -Database $back | Should -Be (Get-HistoryText -Database $script:file)
        Test-PartnerDatabase -Database $back | Should -BeTrue
        # On the server, the imported entries are history rows with their file and line.
        Invoke-ServerSql $server "SELECT string_agg(line::text, ',' ORDER BY id) FROM history WHERE entity = 'Partner' AND source IS NOT NULL" | Should -Be '2,3,4'
    }

    It 'leaves other tables of a server schema alone when -Force replaces its PartnerOps data' {
        $server = New-ServerLocation
        $null = Copy-PartnerDatabase -Source $script:file -Destination $server
        Invoke-ServerSql $server "CREATE TABLE team_notes (note text); INSERT INTO team_notes VALUES ('ours')"

        { Copy-PartnerDatabase -Source $script:file -Destination $server } | Should -Throw -ErrorId 'DestinationNotEmpty,*'
        $null = Copy-PartnerDatabase -Source $script:file -Destination $server -Force -Confirm:$false
        Invoke-ServerSql $server 'SELECT note FROM team_notes' | Should -Be 'ours'
        Invoke-ServerSql $server 'SELECT count(*) FROM partners' | Should -Be '3'
    }

    It 'refuses a server schema that is not a PartnerOps one and leaves it untouched' {
        $server = New-ServerLocation
        Invoke-ServerSql $server "CREATE TABLE partners (id int); INSERT INTO partners VALUES (7)"

        { Copy-PartnerDatabase -Source $script:file -Destination $server -Force -Confirm:$false } | Should -Throw -ErrorId 'DatabaseInvalid,*'
        Invoke-ServerSql $server "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = current_schema()" | Should -Be 'partners'
        Invoke-ServerSql $server 'SELECT id FROM partners' | Should -Be '7'
    }

    It 'Backup-PartnerDatabase of a server database writes a PartnerOps file with everything in it' {
        $server = New-ServerLocation
        $null = Copy-PartnerDatabase -Source $script:file -Destination $server
        $backup = Join-Path (New-TestFolder) 'server-backup.db'

        $info = Backup-PartnerDatabase -Database $server -DestinationPath $backup
        $info.Path | Should -Be $backup
        $info.PartnerCount | Should -Be 3
        Test-Path "$backup-wal" | Should -BeFalse
        foreach ($table in $script:Tables) {
            Get-RawTable -Database $backup -Table $table | Should -Be (Get-RawTable -Database $script:file -Table $table) -Because "table $table"
        }
        Get-HistoryText -Database $backup | Should -Be (Get-HistoryText -Database $script:file)
    }
}

Describe 'Copy-PartnerDatabase' {
    BeforeAll {
        $script:source = New-TestDatabasePath
        New-FilledDatabase -Database $script:source -Folder (New-TestFolder)
        $script:sourceState = Get-DatabaseState $script:source
    }

    It 'copies everything into a new database and describes it' {
        $destination = New-TestDatabasePath
        $info = Copy-PartnerDatabase $script:source $destination
        $info | Should -BeOfType ([PartnerOps.DatabaseInfo])
        $info.PartnerCount | Should -Be 3
        $info.RevenueCount | Should -Be 3
        $info.Currency | Should -Be 'EUR'
        Get-DatabaseState $destination | Should -Be $script:sourceState
        Get-HistoryText -Database $destination | Should -Be (Get-HistoryText -Database $script:source)
    }

    It 'refuses a destination that holds data, and leaves it as it was' {
        $destination = New-TestDatabase
        Add-Partner -Database $destination -Name 'Kept'
        $before = Get-DatabaseState $destination

        { Copy-PartnerDatabase -Source $script:source -Destination $destination } | Should -Throw -ErrorId 'DestinationNotEmpty,*' -ExpectedMessage '*-Force*'
        Get-DatabaseState $destination | Should -Be $before
    }

    It 'copies into an existing empty database without -Force' {
        $destination = New-TestDatabase
        $null = Copy-PartnerDatabase -Source $script:source -Destination $destination
        Get-DatabaseState $destination | Should -Be $script:sourceState
    }

    It 'replaces the data of a destination with -Force' {
        $destination = New-TestDatabase
        Add-Partner -Database $destination -Name 'Replaced'
        $null = Copy-PartnerDatabase -Source $script:source -Destination $destination -Force -Confirm:$false
        Get-DatabaseState $destination | Should -Be $script:sourceState
        Get-Partner -Database $destination -Name 'Replaced' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'with -WhatIf creates and changes nothing' {
        $new = New-TestDatabasePath
        Copy-PartnerDatabase -Source $script:source -Destination $new -WhatIf | Should -BeNullOrEmpty
        [PartnerOps.Data.PartnerDatabases]::Exists($new) | Should -BeFalse

        $existing = New-TestDatabase
        Add-Partner -Database $existing -Name 'Kept'
        $before = Get-DatabaseState $existing
        Copy-PartnerDatabase -Source $script:source -Destination $existing -Force -WhatIf | Should -BeNullOrEmpty
        Get-DatabaseState $existing | Should -Be $before
    }

    It 'shows progress per table' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$($script:ModuleManifest)'; Copy-PartnerDatabase -Source '$($script:source)' -Destination '$(New-TestDatabasePath)'")
            $null = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $records = @($ps.Streams.Progress)
        }
        finally {
            $ps.Dispose()
        }
        $tables = $records | Where-Object CurrentOperation | ForEach-Object { ($_.CurrentOperation -split ':')[0] } | Select-Object -Unique
        $tables | Should -Be @('partners', 'status_changes', 'revenue', 'exchange_rates', 'targets', 'contacts', 'certifications', 'tier_rules', 'deals', 'history')
        ($records | Where-Object CurrentOperation -Like 'partners:*' | Select-Object -Last 1).CurrentOperation | Should -Be 'partners: 3 of 3 rows'
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'copies each dated Status and Tier change once, with its date, user and time, and the destination records new ones' {
        $destination = New-TestDatabasePath
        $null = Copy-PartnerDatabase $script:source $destination
        $rows = @(Get-StatusRows $destination)
        $rows | Should -Be @(Get-StatusRows $script:source)
        # Each imported partner's first Status and Tier, Ångström's change to Platinum; the removed partner's went with it.
        $rows -replace '\|[^|]*$' | Should -Be @(
            'Alpha GmbH|Status|-|Active|2019-03-01|-', 'Alpha GmbH|Tier|-|Gold|2019-03-01|-'
            'Ångström AB|Status|-|Active|2020-01-15|-', 'Ångström AB|Tier|-|Silver|2020-01-15|-'
            'Gamma Ltd|Status|-|Prospect|2021-06-30|-', 'Gamma Ltd|Tier|-|Registered|2021-06-30|-'
            "Ångström AB|Tier|Silver|Platinum|$((Get-Date).ToString('yyyy-MM-dd'))|-")
        $times = 'SELECT max(recorded_at) FROM status_changes'
        Get-RawScalar $destination $times | Should -Be (Get-RawScalar $script:source $times)
        (Get-Partner -Database $destination).StatusSince | Should -Be (Get-Partner -Database $script:source).StatusSince
        Test-PartnerDatabase -Database $destination | Should -BeTrue

        Set-Partner -Database $destination -Name 'Gamma Ltd' -Status Onboarding
        @(Get-StatusRows $destination).Count | Should -Be 8
        $null = Copy-PartnerDatabase $script:source $destination -Force -Confirm:$false
        Get-StatusRows $destination | Should -Be $rows
    }

    It 'refuses a source that does not exist, creating nothing' {
        $missing = New-TestDatabasePath
        $destination = New-TestDatabasePath
        { Copy-PartnerDatabase -Source $missing -Destination $destination } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        [PartnerOps.Data.PartnerDatabases]::Exists($destination) | Should -BeFalse
        [PartnerOps.Data.PartnerDatabases]::Exists($missing) | Should -BeFalse
    }

    It 'refuses the source itself as the destination' {
        { Copy-PartnerDatabase -Source $script:source -Destination $script:source -Force -Confirm:$false } | Should -Throw -ErrorId 'DatabaseAlreadyExists,*'
        Get-DatabaseState $script:source | Should -Be $script:sourceState
    }
}

Describe 'Copy-PartnerDatabase onto a file that is not a PartnerOps database' -Tag 'FileOnly' {
    # About files: another program's SQLite file at the destination path.
    It 'refuses it, even with -Force, and leaves the file byte for byte as it was' {
        $source = New-TestDatabase
        Add-Partner -Database $source -Name 'Acme'
        $foreign = Join-Path (New-TestFolder) 'other.db'
        Invoke-RawSql -Database $foreign -Sql 'CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (''theirs'')'
        $hash = (Get-FileHash $foreign).Hash

        { Copy-PartnerDatabase -Source $source -Destination $foreign -Force -Confirm:$false } | Should -Throw -ErrorId 'DatabaseInvalid,*'
        Close-PooledConnections
        (Get-FileHash $foreign).Hash | Should -Be $hash
    }
}
