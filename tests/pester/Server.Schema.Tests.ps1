# Schemas on a server that PartnerOps must not take: one that holds another application's tables (refused as SQLite refuses
# a file that is not a PartnerOps database, and left untouched), and one made by a newer PartnerOps (refused for reads and
# writes alike, as SQLite's newer schema is) (issue 16).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')

    # Everything in a schema as text: its tables, their columns, and every row of the table 'orders'.
    function Get-SchemaState([string] $Database) {
        $schema = ($Database -split 'schema=')[1]
        @(
            Get-RawScalar $Database "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = '$schema'"
            Get-RawScalar $Database "SELECT string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$schema'"
            Get-RawScalar $Database "SELECT string_agg(id || '|' || note, ',' ORDER BY id) FROM orders"
        ) -join "`n"
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A schema that holds another application''s tables' -Tag 'ServerOnly' {
    BeforeAll {
        $db = New-TestDatabasePath
        $schema = ($db -split 'schema=')[1]
        Invoke-RawSql -Database ($db -replace "schema=$schema", 'schema=public') -Sql "CREATE SCHEMA $schema"
        Invoke-RawSql -Database $db -Sql "CREATE TABLE orders (id integer PRIMARY KEY, note text NOT NULL); INSERT INTO orders VALUES (1, 'first'), (2, 'second')"
        $before = Get-SchemaState $db
    }

    It '<Command> stops with DatabaseInvalid (InvalidData) and leaves the schema untouched' -ForEach @(
        @{ Command = 'Get-Partner'; Script = { param($db) Get-Partner -Database $db } }
        @{ Command = 'Get-PartnerDatabase'; Script = { param($db) Get-PartnerDatabase -Database $db } }
        @{ Command = 'Add-Partner'; Script = { param($db) Add-Partner -Database $db -Name 'Nope' } }
        @{ Command = 'Import-Partner'; Script = { param($db) Import-Partner -Database $db -Path (New-PartnerCsv -Count 3) } }
        @{ Command = 'Set-PartnerTarget'; Script = { param($db) Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 1 } }
    ) {
        $thrown = $null
        $ErrorActionPreference = 'Stop'   # a per-item error stops too
        try { & $Script $db } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
        $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
        $thrown.Exception.Message | Should -BeLike "*$db*"
        Get-SchemaState $db | Should -BeExactly $before
    }

    It 'makes New-PartnerDatabase refuse it, even with -Force, and leave it untouched' {
        $thrown = $null
        try { New-PartnerDatabase -Path $db -ErrorAction Stop } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
        $thrown = $null
        try { New-PartnerDatabase -Path $db -Force -Confirm:$false -ErrorAction Stop } catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty -Because 'another application''s tables are never dropped'
        Get-SchemaState $db | Should -BeExactly $before
    }

    It 'makes Test-PartnerDatabase return $false and leaves it untouched' {
        Test-PartnerDatabase -Database $db | Should -BeFalse
        Get-SchemaState $db | Should -BeExactly $before
    }
}

Describe 'A schema made by a newer PartnerOps' -Tag 'ServerOnly' {
    BeforeAll {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kept'
        Close-PooledConnections
        $version = [int](Get-RawScalar $db "SELECT value FROM meta WHERE key = 'schema_version'")
        Invoke-RawSql -Database $db -Sql "UPDATE meta SET value = '$($version + 1)' WHERE key = 'schema_version'"
        $rows = "SELECT (SELECT count(*) FROM partners) || '/' || (SELECT count(*) FROM history) || '/' || (SELECT value FROM meta WHERE key = 'schema_version')"
        $before = Get-RawScalar $db $rows
    }

    It '<Command> stops with DatabaseSchemaTooNew and changes nothing' -ForEach @(
        @{ Command = 'Get-Partner'; Script = { param($db) Get-Partner -Database $db } }
        @{ Command = 'Get-PartnerDatabase'; Script = { param($db) Get-PartnerDatabase -Database $db } }
        @{ Command = 'Measure-PartnerRevenue'; Script = { param($db) Measure-PartnerRevenue -Database $db } }
        @{ Command = 'Add-Partner'; Script = { param($db) Add-Partner -Database $db -Name 'Nope' } }
        @{ Command = 'Set-Partner'; Script = { param($db) Set-Partner -Database $db -Name 'Kept' -Tier Gold } }
        @{ Command = 'Import-Partner'; Script = { param($db) Import-Partner -Database $db -Path (New-PartnerCsv -Count 3) } }
        @{ Command = 'Test-PartnerDatabase'; Script = { param($db) Test-PartnerDatabase -Database $db } }
    ) {
        $thrown = $null
        $ErrorActionPreference = 'Stop'   # a per-item error stops too
        try { & $Script $db } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseSchemaTooNew,*'
        $thrown.Exception.Message | Should -BeLike "*$db*"
        Get-RawScalar $db $rows | Should -BeExactly $before
    }
}
