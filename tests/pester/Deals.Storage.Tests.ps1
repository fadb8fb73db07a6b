<#
Issue 19, storage: schema 14 (deals; revenue's attribution) on every backend. The migration of
tests/fixtures/partnerops-schema13.db, a file the previous release wrote (tests/fixtures/New-Schema13Fixture.ps1 says what it
holds: 2 partners, a contact, 3 partner and 2 direct revenue records, a rate; ids 1 to 9 in the history) keeps the partner
revenue as Fulfilled and the direct revenue with none; copies and backups carry deals row for row; the history records what the
module does to deals (the cascades of Remove-Partner and of a won deal's revenue record removed); Remove-Partner names them.
Deals are written with SQL here (their cmdlets are tested in the Deals.*.Tests.ps1 of their own).
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Fixture = Join-Path $PSScriptRoot '../fixtures/partnerops-schema13.db'
    $script:Stamp = "'2026-01-01 00:00:00.0000000'"
    $script:DealColumns = @('id', 'partner_id', 'customer', 'customer_key', 'customer_country', 'segment', 'segment_key', 'product', 'amount',
        'currency', 'expected_close', 'reference', 'status', 'registered_on', 'expires_on', 'decided_on', 'closed_on', 'reason', 'revenue_id',
        'created_at', 'updated_at')

    # The fixture's records once migrated: the partners' Fulfilled, direct revenue with none.
    $script:MigratedRevenue = @(
        'Alpha Reseller|2019-03-15|1000.50 USD|Fulfilled'
        'Alpha Reseller|2020-05-01|2000.00 EUR|Fulfilled'
        'Beta Integrator|2020-06-30|300.00 USD|Fulfilled'
        '(direct)|2020-07-01|400.00 USD|-'
        '(direct)|2021-01-15|50.25 USD|-')

    # A record as "Partner|Date|Amount Currency|Attribution" ('(direct)' and '-' for none).
    function Format-Revenue {
        process {
            $partner = if ($_.PartnerName) { $_.PartnerName } else { '(direct)' }
            "$partner|$($_.Date.ToString('yyyy-MM-dd'))|$($_.Amount.ToString('0.00', [cultureinfo]::InvariantCulture)) $($_.Currency)|$(if ($null -ne $_.Attribution) { $_.Attribution } else { '-' })"
        }
    }

    # Three deals with SQL: the first partner's Submitted one (no amount), its Won one (1234.50 EUR, its revenue record
    # $RevenueId), the second partner's Denied one (500000 JPY) for the same customer.
    function Add-RawDeals([string] $Database, [long] $First, [long] $Second, [long] $RevenueId) {
        Invoke-RawSql $Database @"
INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, product, amount, currency, expected_close,
                   reference, status, registered_on, expires_on, decided_on, closed_on, reason, revenue_id, created_at, updated_at) VALUES
 ($First, 'Contoso Ltd', 'contoso ltd', 'contoso ltd', 'GB', 'Enterprise', 'enterprise', NULL, NULL, NULL, NULL,
  NULL, 'Submitted', '2026-01-05', '2026-04-05', NULL, NULL, NULL, NULL, $script:Stamp, $script:Stamp),
 ($First, 'Fabrikam AG', 'fabrikam ag', 'fabrikam ag', 'DE', 'SMB', 'smb', 'Cloud backup', 123450, 'EUR', '2026-03-31',
  'DR-7', 'Won', '2026-01-10', '2026-04-10', '2026-01-20', '2026-02-28', NULL, $RevenueId, $script:Stamp, $script:Stamp),
 ($Second, 'CONTOSO  LTD', 'contoso ltd', 'contoso ltd', 'GB', 'Enterprise', 'enterprise', 'Storage', 500000, 'JPY', NULL,
  NULL, 'Denied', '2026-01-06', '2026-04-06', '2026-01-07', NULL, 'Acme registered it first', NULL, $script:Stamp, $script:Stamp);
"@
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A schema-13 file from the previous release' -Tag 'FileOnly' {
    BeforeAll {
        # The raw reads use the module's SQLite library, loaded by its first command.
        $null = New-PartnerDatabase -Path (New-TestDatabasePath)
        $script:HistoryColumns = @('id', 'at', 'user', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line')
    }

    It 'is migrated to schema 14: partner revenue Fulfilled, direct revenue none, every history row kept, deals empty and writable' {
        $db = Join-Path (New-TestFolder) 'schema13.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 13
        $history = Get-TableLines $db 'history' $script:HistoryColumns
        $history.Count | Should -Be 9

        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
        @(Get-PartnerRevenue -Database $db | Format-Revenue) | Should -Be $script:MigratedRevenue
        Close-PooledConnections
        # The migration writes no history entry: the rows are those the previous release wrote, ids and all.
        Get-TableLines $db 'history' $script:HistoryColumns | Should -Be $history
        Get-RawScalar $db "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history' ORDER BY name)" |
            Should -Be 'history_changes,history_moved,history_partner'
        @(Get-TableLines $db 'deals' $script:DealColumns) | Should -BeNullOrEmpty
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object { -not $_.Passed }) | Should -BeNullOrEmpty

        $alpha = Get-Partner -Database $db -Name 'Alpha Reseller'
        $beta = Get-Partner -Database $db -Name 'Beta Integrator'
        $won = Add-PartnerRevenue -Database $db -Partner $alpha.Name -Date 2026-02-28 -Amount 1234.50 -Currency EUR -Attribution Sourced -PassThru
        Add-RawDeals $db $alpha.Id $beta.Id $won.Id
        Remove-Partner -Database $db -Name 'Alpha Reseller' -Force -Confirm:$false
        # The removal's entries, newest first: the won deal loses its record (Update), then the deals and the contact go (the cascade).
        (Get-PartnerHistory -Database $db | Where-Object Id -GT 10 | ForEach-Object { "$($_.Operation) $($_.Entity)" }) | Should -Be @(
            'Delete Partner', 'Delete Contact', 'Delete Deal', 'Delete Deal', 'Delete Revenue', 'Update Deal', 'Delete Revenue', 'Delete Revenue')
    }

    It 'is migrated in one transaction: a migration that fails leaves the file at schema 13 with its revenue and history' {
        $db = Join-Path (New-TestFolder) 'schema13.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        $history = Get-TableLines $db 'history' $script:HistoryColumns
        # A table of that name makes step 14 fail at its first statement, after nothing else.
        Invoke-RawSql $db 'CREATE TABLE deals (x)'
        { Get-Partner -Database $db } | Should -Throw
        Close-PooledConnections
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 13
        Get-RawScalar $db "SELECT count(*) FROM pragma_table_info('revenue') WHERE name = 'attribution'" | Should -Be 0
        Get-RawScalar $db "SELECT count(*) FROM sqlite_master WHERE name = 'history_v14'" | Should -Be 0
        Get-TableLines $db 'history' $script:HistoryColumns | Should -Be $history
    }
}

Describe 'A schema-13 server database' -Tag 'ServerOnly' -Skip:($env:PARTNEROPS_TEST_BACKEND -ne 'PostgreSql') {
    It 'is migrated to schema 14 with its history: partner revenue Fulfilled, direct none, and deals take rows and history' {
        $source = Join-Path (New-TestFolder) 'schema13.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $source
        $db = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $source -Destination $db
        Invoke-RawSql $db (Get-Schema14UndoSql)
        Get-RawScalar $db "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'revenue' AND column_name = 'attribution'" |
            Should -Be 0
        $history = Get-TableLines $db 'history' @('id', 'at', '"user"', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line')

        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
        @(Get-PartnerRevenue -Database $db | Format-Revenue) | Should -Be $script:MigratedRevenue
        Get-TableLines $db 'history' @('id', 'at', '"user"', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line') | Should -Be $history
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object { -not $_.Passed }) | Should -BeNullOrEmpty
        # Direct revenue cannot be given one, even by SQL.
        { Invoke-RawSql $db "UPDATE revenue SET attribution = 'Sourced' WHERE partner_id IS NULL" } | Should -Throw '*revenue_attribution_check*'

        $alpha = Get-Partner -Database $db -Name 'Alpha Reseller'
        $beta = Get-Partner -Database $db -Name 'Beta Integrator'
        $won = Add-PartnerRevenue -Database $db -Partner $alpha.Name -Date 2026-02-28 -Amount 1234.50 -Currency EUR -Attribution Sourced -PassThru
        Add-RawDeals $db $alpha.Id $beta.Id $won.Id
        (Get-PartnerHistory -Database $db -Entity Deal | ForEach-Object { "$($_.Operation) $($_.Entity) $($_.PartnerId)" }) | Sort-Object |
            Should -Be @("Insert Deal $($alpha.Id)", "Insert Deal $($alpha.Id)", "Insert Deal $($beta.Id)")
        ((Get-PartnerHistory -Database $db -Entity Revenue -First 1).Changes | Where-Object Property -EQ 'Attribution').New | Should -Be 'Sourced'
    }
}

Describe 'Deals and attribution in copies, backups and the history' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency EUR
        $null = Add-Partner -Database $db -Name Acme -Region 'Western Europe'
        $null = Add-Partner -Database $db -Name Beta -Region China
        $acme = Get-Partner -Database $db -Name Acme
        $beta = Get-Partner -Database $db -Name Beta
        $won = Add-PartnerRevenue -Database $db -Partner Acme -Date 2026-02-28 -Amount 1234.50 -Attribution Sourced -Reference 'DR-7' -PassThru
        $null = Add-PartnerRevenue -Database $db -Partner Beta -Date 2026-03-01 -Amount 10 -Attribution Influenced
        $null = Add-PartnerRevenue -Database $db -Direct -Region China -Date 2026-03-02 -Amount 20
        Add-RawDeals $db $acme.Id $beta.Id $won.Id
        $script:Rows = @(Get-TableLines $db 'deals' $script:DealColumns)
        $script:Revenue = @(Get-PartnerRevenue -Database $db | Format-Revenue)
    }

    It 'are held as written: dates as yyyy-MM-dd text, amounts in minor units, the customer key beside the name' {
        $stamp = '2026-01-01 00:00:00.0000000'
        $script:Rows | Should -Be @(
            "1|$($acme.Id)|Contoso Ltd|contoso ltd|GB|Enterprise|enterprise|-|-|-|-|-|Submitted|2026-01-05|2026-04-05|-|-|-|-|$stamp|$stamp"
            "2|$($acme.Id)|Fabrikam AG|fabrikam ag|DE|SMB|smb|Cloud backup|123450|EUR|2026-03-31|DR-7|Won|2026-01-10|2026-04-10|2026-01-20|2026-02-28|-|$($won.Id)|$stamp|$stamp"
            "3|$($beta.Id)|CONTOSO  LTD|contoso ltd|GB|Enterprise|enterprise|Storage|500000|JPY|-|-|Denied|2026-01-06|2026-04-06|2026-01-07|-|Acme registered it first|-|$stamp|$stamp")
        $script:Revenue | Should -Be @('Acme|2026-02-28|1234.50 EUR|Sourced', 'Beta|2026-03-01|10.00 EUR|Influenced', '(direct)|2026-03-02|20.00 EUR|-')
    }

    It 'are carried row for row by Copy-PartnerDatabase, ids and counters kept, and replaced with -Force' {
        $copy = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $db -Destination $copy
        @(Get-TableLines $copy 'deals' $script:DealColumns) | Should -Be $script:Rows
        @(Get-PartnerRevenue -Database $copy | Format-Revenue) | Should -Be $script:Revenue
        # The copy's counter is past the copied ids: a new deal gets a new id.
        Invoke-RawSql $copy ("INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, status, registered_on, expires_on, created_at, updated_at) " +
            "VALUES ($($beta.Id), 'Northwind', 'northwind', 'northwind', 'US', 'Enterprise', 'enterprise', 'Submitted', '2026-02-01', '2026-05-01', $script:Stamp, $script:Stamp)")
        Get-RawScalar $copy "SELECT max(id) FROM deals" | Should -Be 4
        $null = Copy-PartnerDatabase -Source $db -Destination $copy -Force -Confirm:$false
        @(Get-TableLines $copy 'deals' $script:DealColumns) | Should -Be $script:Rows
    }

    It 'are carried row for row by Backup-PartnerDatabase, into a file that opens as schema 14' {
        $backup = Join-Path (New-TestFolder) 'backup.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $backup
        @(Get-TableLines $backup 'deals' $script:DealColumns) | Should -Be $script:Rows
        (Get-PartnerDatabase -Database $backup).SchemaVersion | Should -Be 14
        @(Get-PartnerRevenue -Database $backup | Format-Revenue) | Should -Be $script:Revenue
    }

    It 'go with their partner: Remove-Partner names how many, and the history records each deal as it was' {
        Close-PooledConnections
        $text = (Invoke-ChildPwsh @"
Import-Module '$script:ModuleManifest'
Remove-Partner -Database '$db' -Name Acme -Force -WhatIf
Remove-Partner -Database '$db' -Name Beta -Force -WhatIf
"@) -join "`n"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Remove partner"" on target ""Acme (Id $($acme.Id)) and its 1 revenue record(s) and 2 deal(s)"".*"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Remove partner"" on target ""Beta (Id $($beta.Id)) and its 1 revenue record(s) and 1 deal(s)"".*"
        @(Get-TableLines $db 'deals' $script:DealColumns) | Should -Be $script:Rows

        # The won deal's record removed: the deal stays, without it (an Update entry of the deal).
        Get-PartnerRevenue -Database $db -Partner Acme | Remove-PartnerRevenue -Database $db -Confirm:$false
        $update = Get-PartnerHistory -Database $db -Entity Deal -Operation Update
        $update.EntityId | Should -Be '2'
        $update.PartnerId | Should -Be $acme.Id
        @($update.Changes | ForEach-Object { "$($_.Property): $($_.Old) -> $($_.New)" }) | Should -Be "RevenueId: $($won.Id) -> "

        Remove-Partner -Database $db -Name Acme -Confirm:$false
        Remove-Partner -Database $db -Name Beta -Force -Confirm:$false
        @(Get-TableLines $db 'deals' @('id')) | Should -BeNullOrEmpty
        $deleted = @(Get-PartnerHistory -Database $db -Entity Deal -Operation Delete | Sort-Object { [long]$_.EntityId })
        $deleted.EntityId | Should -Be @('1', '2', '3')
        # Every property as it was; amounts in their currency's digits (EUR two, JPY none).
        @($deleted[1].Changes | ForEach-Object { "$($_.Property)=$($_.Old)" }) | Should -Be @(
            "PartnerId=$($acme.Id)", 'Customer=Fabrikam AG', 'CustomerCountry=DE', 'Segment=SMB', 'Product=Cloud backup', 'Amount=1234.50',
            'Currency=EUR', 'ExpectedClose=2026-03-31', 'Reference=DR-7', 'Status=Won', 'RegisteredOn=2026-01-10', 'ExpiresOn=2026-04-10',
            'DecidedOn=2026-01-20', 'ClosedOn=2026-02-28')
        @($deleted[2].Changes | Where-Object Property -In 'Customer', 'Amount', 'Currency', 'Status', 'Reason' | ForEach-Object { "$($_.Property)=$($_.Old)" }) |
            Should -Be @('Customer=CONTOSO  LTD', 'Amount=500000', 'Currency=JPY', 'Status=Denied', 'Reason=Acme registered it first')
        $deleted.PartnerId | Should -Be @($acme.Id, $acme.Id, $beta.Id)
    }

    It 'has its deals checked by Test-PartnerDatabase''s foreign-key check' -Tag 'FileOnly' {
        $broken = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $db -Destination $broken
        $null = Add-Partner -Database $broken -Name Gamma
        $gamma = Get-Partner -Database $broken -Name Gamma
        Invoke-RawSql $broken ("INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, status, registered_on, expires_on, created_at, updated_at) " +
            "VALUES ($($gamma.Id), 'Northwind', 'northwind', 'northwind', 'US', 'Enterprise', 'enterprise', 'Submitted', '2026-02-01', '2026-05-01', $script:Stamp, $script:Stamp)")
        # Another program, without foreign keys, removes the partner and leaves its deal.
        Invoke-RawSql $broken "PRAGMA foreign_keys = OFF; DELETE FROM partners WHERE id = $($gamma.Id)"
        $finding = Test-PartnerDatabase -Database $broken -Detailed | Where-Object Check -EQ 'ForeignKey'
        $finding.Passed | Should -BeFalse
        $finding.Detail | Should -BeLike 'deals row * refers to a missing partners row'
    }
}
