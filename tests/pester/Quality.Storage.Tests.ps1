<#
Issue 18, storage: schema 13 (contacts, certifications, tier_rules) on every backend. The migration of
tests/fixtures/partnerops-schema12.db, a file the previous release wrote (tests/fixtures/New-Schema12Fixture.ps1 says what it
holds: 2 partners, 2 revenue records, a rate, a target; 6 history rows and one imported partner's batch, ids 1 to 7); copies and
backups carrying the three tables row for row; the history of the three entities; Remove-Partner removing a partner's contacts
and their certifications. Contacts and certifications are written with SQL here (their cmdlets are tested in
Quality.Contacts/Quality.Certifications.Tests.ps1).
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Fixture = Join-Path $PSScriptRoot '../fixtures/partnerops-schema12.db'
    $script:Stamp = "'2026-01-01 00:00:00.0000000'"

    $script:Tables = [ordered]@{
        contacts       = @('id', 'partner_id', 'name', 'email', 'email_key', 'role', 'role_key', 'phone', 'started_on', 'ended_on', 'created_at', 'updated_at')
        certifications = @('id', 'contact_id', 'partner_id', 'name', 'name_key', 'earned_on', 'expires_on', 'created_at', 'updated_at')
        tier_rules     = @('id', 'tier', 'region', 'region_key', 'type', 'type_key', 'min_revenue', 'currency', 'revenue_months', 'min_certified', 'certification', 'min_months_active', 'created_at', 'updated_at')
    }

    function Get-QualityRows([string] $Database) {
        foreach ($table in $script:Tables.Keys) { "[$table]"; Get-TableLines $Database $table $script:Tables[$table] }
    }

    # Contacts (with SQL: ann and bob of the first partner, cho of the second) and certifications (ann 2, bob 1, cho 1).
    function Add-RawContacts([string] $Database, [long] $First, [long] $Second) {
        Invoke-RawSql $Database @"
INSERT INTO contacts (partner_id, name, email, email_key, role, role_key, phone, started_on, ended_on, created_at, updated_at) VALUES
 ($First, 'Ann Lee', 'Ann@Acme.example', 'ann@acme.example', 'Sales', 'sales', '+49 30 1', '2020-01-01', NULL, $script:Stamp, $script:Stamp),
 ($First, 'Bob Roe', 'bob@acme.example', 'bob@acme.example', NULL, NULL, NULL, NULL, '2025-06-30', $script:Stamp, $script:Stamp),
 ($Second, 'Cho Wu', 'cho@beta.example', 'cho@beta.example', 'Engineer', 'engineer', NULL, NULL, NULL, $script:Stamp, $script:Stamp);
INSERT INTO certifications (contact_id, partner_id, name, name_key, earned_on, expires_on, created_at, updated_at)
SELECT c.id, c.partner_id, x.name, x.name_key, x.earned_on, x.expires_on, $script:Stamp, $script:Stamp
FROM contacts c JOIN (SELECT 'ann@acme.example' AS email, 'Networking Pro' AS name, 'networking pro' AS name_key, '2021-01-01' AS earned_on, '2024-01-01' AS expires_on
   UNION ALL SELECT 'ann@acme.example', 'Security', 'security', '2022-03-01', NULL
   UNION ALL SELECT 'bob@acme.example', 'Networking Pro', 'networking pro', '2023-05-01', '2026-05-01'
   UNION ALL SELECT 'cho@beta.example', 'Cloud', 'cloud', '2024-02-29', '2027-02-28') x ON x.email = c.email_key;
"@
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A schema-12 file from the previous release' -Tag 'FileOnly' {
    BeforeAll {
        # The raw reads use the module's SQLite library, loaded by its first command.
        $null = New-PartnerDatabase -Path (New-TestDatabasePath)
        $script:HistoryColumns = @('id', 'at', 'user', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line')
    }

    It 'is migrated to schema 13: every history row kept with its id, the new tables empty, and each takes its rows and history' {
        $db = Join-Path (New-TestFolder) 'schema12.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 12
        $history = Get-TableLines $db 'history' $script:HistoryColumns
        $history.Count | Should -Be 6

        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
        Close-PooledConnections
        Get-TableLines $db 'history' $script:HistoryColumns | Should -Be $history
        Get-RawScalar $db "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'history' ORDER BY name)" |
            Should -Be 'history_changes,history_moved,history_partner'
        Get-QualityRows $db | Should -Be @('[contacts]', '[certifications]', '[tier_rules]')
        # The entries read as before: the imported partner's from its batch (id 2), the others from their rows.
        (Get-PartnerHistory -Database $db | ForEach-Object { "$($_.Id) $($_.Operation) $($_.Entity)" }) | Should -Be @(
            '7 Insert Target', '6 Insert ExchangeRate', '5 Insert Revenue', '4 Insert Revenue', '3 Update Partner', '2 Insert Partner', '1 Insert Partner')
        (Get-Partner -Database $db).Name | Should -Be @('Alpha Reseller', 'Beta Integrator')

        Set-PartnerTierRule -Database $db -Tier Gold -MinRevenue 1000 -MinMonthsActive 6
        $alpha = Get-Partner -Database $db -Name 'Alpha Reseller'
        $beta = Get-Partner -Database $db -Name 'Beta Integrator'
        Add-RawContacts $db $alpha.Id $beta.Id
        Remove-Partner -Database $db -Name 'Alpha Reseller' -Force -Confirm:$false
        # The removal's entries, newest first: each certification's before its contact's (the cascade), the partner's last.
        (Get-PartnerHistory -Database $db | Where-Object Id -GT 7 | ForEach-Object { "$($_.Id) $($_.Operation) $($_.Entity)" }) | Should -Be @(
            '16 Delete Partner', '15 Delete Contact', '14 Delete Certification', '13 Delete Contact', '12 Delete Certification',
            '11 Delete Certification', '10 Delete Revenue', '9 Delete Revenue', '8 Insert TierRule')
    }

    It 'is migrated in one transaction: a migration that fails leaves the file at schema 12 with its history' {
        $db = Join-Path (New-TestFolder) 'schema12.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        $history = Get-TableLines $db 'history' $script:HistoryColumns
        # A table of that name makes step 13 fail at its first statement, after nothing else.
        Invoke-RawSql $db 'CREATE TABLE tier_rules (x)'
        { Get-Partner -Database $db } | Should -Throw
        Close-PooledConnections
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 12
        Get-RawScalar $db "SELECT count(*) FROM sqlite_master WHERE name IN ('contacts', 'certifications', 'history_v13')" | Should -Be 0
        Get-TableLines $db 'history' $script:HistoryColumns | Should -Be $history
    }

    It 'has its contacts and certifications checked by Test-PartnerDatabase''s foreign-key check' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name Acme
        Add-RawContacts $db 1 1
        # Another program, without foreign keys, leaves a certification whose contact is gone.
        Invoke-RawSql $db "PRAGMA foreign_keys = OFF; DELETE FROM contacts WHERE email_key = 'cho@beta.example'"
        $finding = Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'ForeignKey'
        $finding.Passed | Should -BeFalse
        $finding.Detail | Should -BeLike 'certifications row * refers to a missing contacts row'
    }
}

Describe 'A schema-12 server database' -Tag 'ServerOnly' -Skip:($env:PARTNEROPS_TEST_BACKEND -ne 'PostgreSql') {
    It 'is migrated to schema 13 with its history, and each new table takes its rows and history' {
        $source = Join-Path (New-TestFolder) 'schema12.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $source
        $db = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $source -Destination $db
        Invoke-RawSql $db ((Get-Schema14UndoSql) + (Get-Schema13UndoSql))
        $history = Get-TableLines $db 'history' @('id', 'at', '"user"', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line')
        $history.Count | Should -Be 7

        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
        Get-TableLines $db 'history' @('id', 'at', '"user"', 'operation', 'entity', 'entity_id', 'partner_id', 'changes', 'source', 'line') | Should -Be $history
        Get-QualityRows $db | Should -Be @('[contacts]', '[certifications]', '[tier_rules]')
        Set-PartnerTierRule -Database $db -Tier Gold -MinRevenue 1000
        $alpha = Get-Partner -Database $db -Name 'Alpha Reseller'
        $beta = Get-Partner -Database $db -Name 'Beta Integrator'
        Add-RawContacts $db $alpha.Id $beta.Id
        (Get-PartnerHistory -Database $db -Entity Contact, Certification, TierRule | ForEach-Object { "$($_.Operation) $($_.Entity)" }) | Sort-Object |
            Should -Be @('Insert Certification', 'Insert Certification', 'Insert Certification', 'Insert Certification', 'Insert Contact', 'Insert Contact', 'Insert Contact', 'Insert TierRule')
    }
}

Describe 'Contacts, certifications and tier rules' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency EUR
        $null = Add-Partner -Database $db -Name Acme -Region 'Western Europe'
        $null = Add-Partner -Database $db -Name Beta -Region China
        $acme = Get-Partner -Database $db -Name Acme
        $beta = Get-Partner -Database $db -Name Beta
        Add-RawContacts $db $acme.Id $beta.Id
        Set-PartnerTierRule -Database $db -Tier Gold -Region China -Type Distributor -MinRevenue 1234.567 -Currency KWD -RevenueMonths 6 -MinCertified 2 -Certification 'Net*' -MinMonthsActive 3
        Set-PartnerTierRule -Database $db -Tier Silver -MinCertified 1
        $script:Rows = Get-QualityRows $db
    }

    It 'are held as written: dates as yyyy-MM-dd text, MinRevenue in minor units, keys beside the text' {
        $stamp = '2026-01-01 00:00:00.0000000'
        $script:Rows[0..3] | Should -Be @(
            '[contacts]'
            "1|$($acme.Id)|Ann Lee|Ann@Acme.example|ann@acme.example|Sales|sales|+49 30 1|2020-01-01|-|$stamp|$stamp"
            "2|$($acme.Id)|Bob Roe|bob@acme.example|bob@acme.example|-|-|-|-|2025-06-30|$stamp|$stamp"
            "3|$($beta.Id)|Cho Wu|cho@beta.example|cho@beta.example|Engineer|engineer|-|-|-|$stamp|$stamp")
        # Certifications: contact, partner, name, key, earned, expires (ids in the order the SQL inserted them).
        ($script:Rows[5..8] -replace '^\d+\|' -replace "\|$([regex]::Escape($stamp))\|$([regex]::Escape($stamp))$") | Sort-Object | Should -Be @(
            "1|$($acme.Id)|Networking Pro|networking pro|2021-01-01|2024-01-01"
            "1|$($acme.Id)|Security|security|2022-03-01|-"
            "2|$($acme.Id)|Networking Pro|networking pro|2023-05-01|2026-05-01"
            "3|$($beta.Id)|Cloud|cloud|2024-02-29|2027-02-28")
        ($script:Rows[10..11] -replace '\|20\d\d-\d\d-\d\d \d\d:.*$') | Should -Be @(
            '1|Gold|China|china|Distributor|Distributor|1234567|KWD|6|2|Net*|3'
            '2|Silver|-||-||-|-|-|1|-|-')
    }

    It 'are carried row for row by Copy-PartnerDatabase, ids and counters kept' {
        $copy = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $db -Destination $copy
        Get-QualityRows $copy | Should -Be $script:Rows
        # The copy's counters are past the copied ids: a new rule gets a new id.
        $rule = Set-PartnerTierRule -Database $copy -Tier Platinum -MinCertified 5 -PassThru
        $rule.Id | Should -BeGreaterThan (@(Get-PartnerTierRule -Database $db).Id | Measure-Object -Maximum).Maximum
        # Copied again over it with -Force: its own rows (the new rule, the contacts and certifications) are replaced.
        $null = Copy-PartnerDatabase -Source $db -Destination $copy -Force -Confirm:$false
        Get-QualityRows $copy | Should -Be $script:Rows
    }

    It 'are carried row for row by Backup-PartnerDatabase, into a file that opens at the current schema (14)' {
        $backup = Join-Path (New-TestFolder) 'backup.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $backup
        Get-QualityRows $backup | Should -Be $script:Rows
        (Get-PartnerDatabase -Database $backup).SchemaVersion | Should -Be 14
    }

    It 'go with their partner: Remove-Partner names how many, and the history records each removal' {
        Close-PooledConnections
        $text = (Invoke-ChildPwsh @"
Import-Module '$script:ModuleManifest'
Remove-Partner -Database '$db' -Name Acme -WhatIf
Remove-Partner -Database '$db' -Name Beta -WhatIf
"@) -join "`n"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Remove partner"" on target ""Acme (Id $($acme.Id)) and its 2 contact(s) and 3 certification(s)"".*"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Remove partner"" on target ""Beta (Id $($beta.Id)) and its 1 contact(s) and 1 certification(s)"".*"
        Get-QualityRows $db | Should -Be $script:Rows

        $null = Add-PartnerRevenue -Database $db -Partner Acme -Date 2025-01-01 -Amount 10
        Remove-Partner -Database $db -Name Acme -Force -Confirm:$false
        @(Get-TableLines $db 'contacts' @('email_key')) | Should -Be @('cho@beta.example')
        @(Get-TableLines $db 'certifications' @('name')) | Should -Be @('Cloud')
        $deleted = @(Get-PartnerHistory -Database $db -Operation Delete -Entity Contact, Certification | Sort-Object Id)
        ($deleted | ForEach-Object { "$($_.Entity) $($_.PartnerId) " + (($_.Changes | Where-Object Property -In 'Email', 'Name' | ForEach-Object { $_.Old }) -join ' ') }) | Sort-Object |
            Should -Be @(
                "Certification $($acme.Id) Networking Pro"
                "Certification $($acme.Id) Networking Pro"
                "Certification $($acme.Id) Security"
                "Contact $($acme.Id) Ann Lee Ann@Acme.example"
                "Contact $($acme.Id) Bob Roe bob@acme.example")
    }
}
