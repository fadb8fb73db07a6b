# Issue 15, part A: an import records one history row per committed batch (its ids as runs with their lines), and
# Get-PartnerHistory still lists one Insert entry per imported record, with Source (the file) and Line. Expected values
# are written out by hand.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-File([string] $Name, [string[]] $Line) {
        $path = Join-Path (New-TestFolder) $Name
        [IO.File]::WriteAllText($path, ($Line -join "`n") + "`n", [Text.UTF8Encoding]::new($false))
        $path
    }

    # A database created on purpose (no "there was no database" warning).
    function New-HistoryDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $db
    }

    # The changes of an entry as 'Property=old>new' strings.
    function Format-Changes($Entry) {
        $Entry.Changes | ForEach-Object { '{0}={1}>{2}' -f $_.Property, $_.Old, $_.New }
    }

}

AfterAll {
    Remove-TestFolders
}

Describe 'The history of an imported partner and of an imported revenue record' {
    BeforeAll {
        $db = New-HistoryDatabase
        Add-Partner -Database $db -Name 'Added First' -Region China
        $partners = New-File 'partners.csv' @('Name,Region,Tier,Notes', 'Acme,China,Gold,"a note', 'on two lines"', 'Bolt,China,Silver,', 'acme,China,Gold,again', 'Cog,China,Gold,')
        $revenue = New-File 'revenue.csv' @('PartnerName,Date,Amount,Currency,Reference', 'Acme,2015-01-01,12.05,EUR,R-1', 'Nobody,2015-01-01,1,EUR,R-2', 'Acme,2015-02-01,7,EUR,R-3')
        $before = [datetime]::UtcNow.AddSeconds(-1)
        $null = Import-Partner -Database $db -Path $partners -ErrorAction SilentlyContinue
        $null = Import-PartnerRevenue -Database $db -Path $revenue -ErrorAction SilentlyContinue
        $after = [datetime]::UtcNow.AddSeconds(1)
        $acme = Get-Partner -Database $db -Name 'Acme'
    }

    It 'lists one Insert per imported record, newest first, with the file and its line; failed rows are not there' {
        $all = @(Get-PartnerHistory -Database $db)
        $all.ForEach({ "$($_.Id) $($_.Operation) $($_.Entity) $($_.EntityId) $($_.Line)" }) | Should -Be @(
            '6 Insert Revenue 2 4', '5 Insert Revenue 1 2', '4 Insert Partner 5 6', '3 Insert Partner 3 4', '2 Insert Partner 2 2', '1 Insert Partner 1 ')
        $all[0].Source | Should -Be (Resolve-Path $revenue).Path
        $all[3].Source | Should -Be (Resolve-Path $partners).Path
        $all[5].Source | Should -BeNullOrEmpty
        $all[5].Line | Should -BeNullOrEmpty
    }

    It 'says who imported each record, and when (UTC)' {
        $entries = @(Get-PartnerHistory -Database $db -Partner 'Acme')
        $entries.User | Select-Object -Unique | Should -Be @([Environment]::UserName)
        $entries | ForEach-Object { $_.Timestamp.Kind | Should -Be 'Utc'; $_.Timestamp | Should -BeGreaterOrEqual $before; $_.Timestamp | Should -BeLessOrEqual $after }
    }

    It 'finds a partner''s own Insert and those of its revenue with -Partner, and counts them' {
        @(Get-PartnerHistory -Database $db -Partner 'Acme').ForEach({ "$($_.Entity) $($_.EntityId) line $($_.Line)" }) | Should -Be @(
            'Revenue 2 line 4', 'Revenue 1 line 2', 'Partner 2 line 2')
        (Get-PartnerHistory -Database $db -Partner 'Acme' -Entity Revenue -First 0 -IncludeTotalCount) | Should -Be 2
        @($acme | Get-PartnerHistory -Database $db -Entity Partner).EntityId | Should -Be @("$($acme.Id)")
        @(Get-PartnerHistory -Database $db -Partner 'Bolt').ForEach({ "$($_.Entity) $($_.EntityId) line $($_.Line)" }) | Should -Be @('Partner 3 line 4')
    }

    It 'shows the values as inserted, also after a later Set-Partner and Remove-PartnerRevenue' {
        Set-Partner -Database $db -Name 'Acme' -Tier Platinum -Notes 'changed'
        Get-PartnerRevenue -Database $db -Partner 'Acme' | Where-Object Reference -EQ 'R-1' | Remove-PartnerRevenue -Database $db -Confirm:$false
        $entries = @(Get-PartnerHistory -Database $db -Partner 'Acme' -Operation Insert)
        Format-Changes ($entries | Where-Object Entity -EQ 'Partner') | Should -Be @(
            'Name=>Acme', 'Type=>Other', 'Tier=>Gold', 'Status=>Active', 'Region=>China', "JoinedOn=>$((Get-Date).ToString('yyyy-MM-dd'))", "Notes=>a note`non two lines")
        Format-Changes ($entries | Where-Object EntityId -EQ '1' | Where-Object Entity -EQ 'Revenue') | Should -Be @(
            "PartnerId=>$($acme.Id)", 'Date=>2015-01-01', 'Amount=>12.05', 'Currency=>EUR', 'Segment=>Enterprise', 'Region=>China', 'Reference=>R-1', 'Attribution=>Fulfilled')
        @(Get-PartnerHistory -Database $db -Partner 'Acme').ForEach({ "$($_.Operation) $($_.Entity)" }) | Should -Be @(
            'Delete Revenue', 'Update Partner', 'Insert Revenue', 'Insert Revenue', 'Insert Partner')
    }

    It 'shows Source and Line in the list view' {
        $text = Get-PartnerHistory -Database $db -Partner 'Bolt' | Format-List | Out-String
        $text | Should -Match 'Source\s+: .*partners\.csv'
        $text | Should -Match 'Line\s+: 4'
    }

    # FileOnly: SQLite's history_batches table.
    It 'keeps one history row per batch, not one per record' -Tag 'FileOnly' {
        Get-RawScalar $db "SELECT count(*) FROM history_batches" | Should -Be 2
        Get-RawScalar $db "SELECT count(*) FROM history WHERE operation = 'Insert'" | Should -Be 1
    }
}

Describe 'An Upsert import' {
    It 'lists the rows it inserted as Inserts, and the rows it updated, skipped or failed not' {
        $db = New-HistoryDatabase
        Add-Partner -Database $db -Name 'Stored' -Tier Silver
        Add-Partner -Database $db -Name 'Same' -Tier Silver
        $csv = New-File 'upsert.csv' @('Name,Tier', 'Stored,Gold', 'Same,Silver', 'New,Gold', ',Gold', 'Bad Tier,Wrong')
        $null = Import-Partner -Database $db -Path $csv -Mode Upsert -ErrorAction SilentlyContinue
        $entries = @(Get-PartnerHistory -Database $db -Since (Get-Date).AddMinutes(-5))
        $entries.ForEach({ "$($_.Operation) $($_.PartnerName) $($_.Line)" }) | Should -Be @('Insert New 4', 'Update Stored ', 'Insert Same ', 'Insert Stored ')
    }

    It 'lists a record it inserted and then updated from a later line with its Insert before its Update (<_>)' -ForEach 'partner', 'revenue' {
        $db = New-HistoryDatabase
        if ($_ -eq 'partner') {
            $csv = New-File 'twice.csv' @('Name,Tier', 'Dup A,Silver', 'Other,Gold', 'Dup A,Gold')
            $null = Import-Partner -Database $db -Path $csv -Mode Upsert
        }
        else {
            Add-Partner -Database $db -Name 'P'
            $csv = New-File 'twice.csv' @('PartnerName,Date,Amount,Currency,Segment,Region,Reference', 'P,2015-01-01,1,USD,Ent,EU,DD-1', 'P,2015-01-02,2,USD,Ent,EU,DD-2', 'P,2015-01-01,5,USD,Ent,EU,DD-1')
            $null = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        }
        $entity = if ($_ -eq 'partner') { 'Partner' } else { 'Revenue' }
        $entries = @(Get-PartnerHistory -Database $db | Where-Object Entity -EQ $entity)
        # Newest first: the Update (line 4) above both Inserts (lines 2 and 3); every id its own, in that order.
        $entries.ForEach({ "$($_.Operation) $($_.Line)" }) | Should -Be @('Update ', 'Insert 3', 'Insert 2')
        $entries[0].Id | Should -BeGreaterThan $entries[1].Id
        $entries[1].Id | Should -BeGreaterThan $entries[2].Id
        $inserted = $entries | Where-Object { $_.Operation -eq 'Insert' -and $_.Line -eq 2 }
        $update = $entries[0]
        $update.EntityId | Should -Be $inserted.EntityId
        $value = if ($_ -eq 'partner') { 'Tier' } else { 'Amount' }
        ($inserted.Changes | Where-Object Property -EQ $value).New | Should -Be $(if ($_ -eq 'partner') { 'Silver' } else { '1.00' })
        ($update.Changes | Where-Object Property -EQ $value).New | Should -Be $(if ($_ -eq 'partner') { 'Gold' } else { '5.00' })
    }
}

Describe 'Paging across imports and the changes between them' {
    It 'pages newest first as if every record had its own row' {
        $db = New-HistoryDatabase
        $null = Import-Partner -Database $db -Path (New-File 'a.csv' @('Name', 'A1', 'A2', 'A3'))
        Add-Partner -Database $db -Name 'Between'
        $null = Import-Partner -Database $db -Path (New-File 'b.csv' @('Name', 'B1', 'B2'))
        $all = @(Get-PartnerHistory -Database $db)
        $all.PartnerName | Should -Be @('B2', 'B1', 'Between', 'A3', 'A2', 'A1')
        $all.Id | Should -Be @(6, 5, 4, 3, 2, 1)
        @(Get-PartnerHistory -Database $db -Skip 1 -First 3).PartnerName | Should -Be @('B1', 'Between', 'A3')
        @(Get-PartnerHistory -Database $db -Skip 4).PartnerName | Should -Be @('A2', 'A1')
        $page = @(Get-PartnerHistory -Database $db -Skip 2 -First 2 -IncludeTotalCount)
        $page[0] | Should -Be 6
        $page[1..2].PartnerName | Should -Be @('Between', 'A3')
    }
}

# FileOnly: the SQLite schema step of the import history.
Describe 'A database of the previous schema' -Tag 'FileOnly' {
    It 'lists its stored history as it was, and new entries after it' {
        # Schema 8 as the previous PartnerOps made it. On an empty database the steps' key functions run on no row, so
        # SQLite's upper() stands in for them (the tables and indexes are the same).
        $db = New-TestDatabasePath
        $steps = ([PartnerOps.Sqlite.Schema]::Migrations | Select-Object -First 8) -join "`n"
        $steps = $steps.Replace('po_name_key(', 'upper(').Replace('po_name_sort(', 'upper(').Replace('po_key(', 'upper(')
        Invoke-RawSql -Database $db -Sql ($steps + @"
PRAGMA application_id = $([PartnerOps.Sqlite.Schema]::ApplicationId); PRAGMA user_version = 8;
INSERT INTO meta (key, value) VALUES ('currency', 'USD'), ('created_at', '2020-01-01 00:00:00.000');
INSERT INTO partners (id, name, name_key, name_sort, type, tier, status, joined_on, created_at, updated_at)
VALUES (1, 'Old Partner', '$([PartnerOps.PartnerRules]::NameKey('Old Partner'))', '$([PartnerOps.PartnerRules]::NameSortKey('Old Partner'))', 'Other', 'Gold', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000');
INSERT INTO history (id, at, user, operation, entity, entity_id, partner_id, changes) VALUES
    (1, '2020-01-01 00:00:00.000', 'alice', 'Insert', 'Partner', '1', 1, '{"Name":[null,"Old Partner"],"Tier":[null,"Silver"]}'),
    (2, '2020-01-02 00:00:00.000', 'bob', 'Update', 'Partner', '1', 1, '{"Tier":["Silver","Gold"]}');
UPDATE sqlite_sequence SET seq = 1 WHERE name = 'partners';
"@)
        $old = @(Get-PartnerHistory -Database $db)
        $old.ForEach({ '{0} {1:yyyy-MM-dd} {2} {3} {4}' -f $_.Id, $_.Timestamp, $_.User, $_.Operation, ((Format-Changes $_) -join ';') }) | Should -Be @(
            '2 2020-01-02 bob Update Tier=Silver>Gold', '1 2020-01-01 alice Insert Name=>Old Partner;Tier=>Silver')
        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be ([PartnerOps.Sqlite.Schema]::CurrentVersion)

        $null = Import-Partner -Database $db -Path (New-File 'new.csv' @('Name', 'New Partner'))
        $all = @(Get-PartnerHistory -Database $db)
        $all.ForEach({ "$($_.Id) $($_.Operation) $($_.PartnerName) $($_.Line)" }) | Should -Be @('3 Insert New Partner 2', '2 Update Old Partner ', '1 Insert Old Partner ')
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}

# FileOnly: watches the database's -wal file for the first batch.
Describe 'A killed import' -Tag 'FileOnly' {
    It 'leaves the history of its committed batches only: one Insert per record kept' {
        $csv = Join-Path (New-TestFolder) 'big.csv'
        $text = [Text.StringBuilder]::new("Name`n")
        foreach ($i in 1..300000) { $null = $text.Append('Partner ').Append($i).Append("`n") }
        [IO.File]::WriteAllText($csv, $text.ToString())
        $db = New-TestDatabasePath
        $process = Start-ChildPwsh -OutputPrefix (Join-Path (New-TestFolder) 'killed') -Command "Import-Module '$script:ModuleManifest'; Import-Partner -Path '$csv' -Database '$db' | Out-Null"
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and [datetime]::UtcNow -lt $deadline -and
            -not ((Test-Path "$db-wal") -and (Get-PartnerDatabase -Database $db -ErrorAction SilentlyContinue).PartnerCount -gt 0)) {
            Start-Sleep -Milliseconds 20
        }
        $process.HasExited | Should -BeFalse -Because 'the import should still be running when it is killed'
        Stop-Process -Id $process.Id -Force
        $process.WaitForExit()
        Close-PooledConnections

        Test-PartnerDatabase -Database $db | Should -BeTrue
        $kept = (Get-PartnerDatabase -Database $db).PartnerCount
        $kept | Should -BeLessThan 300000
        Get-PartnerHistory -Database $db -First 0 -IncludeTotalCount | Should -Be $kept
        $newest = Get-PartnerHistory -Database $db -First 1
        $newest.PartnerName | Should -BeExactly "Partner $kept"
        $newest.Line | Should -Be ($kept + 1)
        (Get-PartnerHistory -Database $db -Partner 'Partner 1').Line | Should -Be 2
    }
}
