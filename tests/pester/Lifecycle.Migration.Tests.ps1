<#
Migration to dated statuses (schema 12) of tests/fixtures/partnerops-schema11.db, a database the previous release wrote (see
tests/fixtures/New-Schema11Fixture.ps1 for what it holds). Every status row is worked out by hand from the migration's rule:
first values from the partner's Insert entry (for the two imported partners their batch's: their values as imported, by its
user), each Set-Partner change
on its entry's UTC date (the fixture was made on 2026-11-30, as its history says), Gamma's termination on its EndedOn, Delta
(added Terminated) Active from JoinedOn to EndedOn. Get-Partner without -AsOf must return exactly what the file held; -AsOf gives
each partner's Status and Tier of the day before, on and after each change.

SQLite: a copy of the fixture opened by the module. PostgreSQL: the fixture copied to a server schema, which is then put back to
schema 11 with psql (the status table, its triggers and the three partners columns dropped, schema_version 11: the schema-11
layout, with the partners and every history entry of the fixture, the imported ones as rows), and opened by the module.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Fixture = Join-Path $PSScriptRoot '../fixtures/partnerops-schema11.db'

    # The fixture's partners as the file holds them (read before any migration), one line each in name order.
    function Get-FixturePartners {
        $copy = Join-Path (New-TestFolder) 'raw.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $copy
        $connection = Open-RawConnection -Database $copy
        try {
            $command = $connection.CreateCommand()
            $command.CommandText = "SELECT id || '|' || name || '|' || type || '|' || tier || '|' || status || '|' || coalesce(region, '') || '|' || " +
                "coalesce(country, '') || '|' || joined_on || '|' || coalesce(ended_on, '') || '|' || coalesce(notes, '') || '|' || created_at || '|' || updated_at " +
                "FROM partners ORDER BY name_sort, name_key, id"
            $reader = $command.ExecuteReader()
            @(while ($reader.Read()) { $reader.GetString(0) })
            $reader.Dispose()
        }
        finally {
            $connection.Dispose()
        }
    }

    # A partner as Get-Partner returns it, in the form of Get-FixturePartners.
    function Format-Partner {
        param([Parameter(ValueFromPipeline)] $Partner)
        process {
            $p = $Partner
            ($p.Id, $p.Name, $p.Type, $p.Tier, $p.Status, $p.Region, $p.Country, $p.JoinedOn.ToString('yyyy-MM-dd'),
                $(if ($p.EndedOn) { $p.EndedOn.ToString('yyyy-MM-dd') } else { '' }), $p.Notes,
                $p.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss.fffffff'), $p.UpdatedAt.ToString('yyyy-MM-dd HH:mm:ss.fffffff')) -join '|'
        }
    }

    # The checks both backends share, on a database migrated from the fixture.
    function Assert-MigratedFixture {
        param([Parameter(Mandatory)] [string] $Database)

        # The history's own account: the fixture's changes were made on 2026-11-30 (UTC), by 'root'.
        $changes = @(Get-PartnerHistory -Database $Database -Entity Partner | Where-Object Operation -EQ 'Update')
        $changes.Timestamp.ToUniversalTime().Date | Select-Object -Unique | Should -Be ([datetime]'2026-11-30')
        $changes.User | Select-Object -Unique | Should -Be 'root'

        Get-StatusRows $Database | Should -Be @(
            'Alpha Reseller|Status|-|Active|2014-02-01|-|root'
            'Alpha Reseller|Tier|-|Silver|2014-02-01|-|root'
            'Alpha Reseller|Tier|Silver|Gold|2026-11-30|-|root'
            'Beta Prospect|Status|-|Prospect|2015-06-01|-|root'
            'Beta Prospect|Status|Prospect|Onboarding|2026-11-30|-|root'
            'Beta Prospect|Status|Onboarding|Active|2026-11-30|-|root'
            'Beta Prospect|Tier|-|Registered|2015-06-01|-|root'
            'Gamma Distributor|Status|-|Active|2012-01-01|-|root'
            'Gamma Distributor|Status|Active|Terminated|2016-03-31|-|root'
            'Gamma Distributor|Tier|-|Gold|2012-01-01|-|root'
            'Delta Ended|Status|-|Active|2010-05-01|-|root'
            'Delta Ended|Status|Active|Terminated|2013-12-31|-|root'
            'Delta Ended|Tier|-|Registered|2010-05-01|-|root'
            'Epsilon Suspended|Status|-|Suspended|2016-01-01|-|root'
            'Epsilon Suspended|Tier|-|Silver|2016-01-01|-|root'
            'Zeta Onboarding|Status|-|Onboarding|2017-09-15|-|root'
            'Zeta Onboarding|Tier|-|Registered|2017-09-15|-|root')

        # Without -AsOf: exactly what the file held, and the dates of the values partners have now.
        $partners = @(Get-Partner -Database $Database)
        $partners | Format-Partner | Should -Be (Get-FixturePartners)
        ($partners | ForEach-Object { "$($_.Name)|$($_.StatusSince.ToString('yyyy-MM-dd'))|$($_.TierSince.ToString('yyyy-MM-dd'))|$($_.EndReason)|$(if ($_.ActivatedOn) { $_.ActivatedOn.ToString('yyyy-MM-dd') })" }) |
            Should -Be @(
                'Alpha Reseller|2014-02-01|2026-11-30||2014-03-15'
                'Beta Prospect|2026-11-30|2015-06-01||'
                'Delta Ended|2013-12-31|2010-05-01||'
                'Epsilon Suspended|2016-01-01|2016-01-01||'
                'Gamma Distributor|2016-03-31|2012-01-01||2015-06-30'
                'Zeta Onboarding|2017-09-15|2017-09-15||')
        (Get-Partner -Database $Database -Status Terminated).Name | Should -Be @('Delta Ended', 'Gamma Distributor')
        (Get-Partner -Database $Database -Tier Gold).Name | Should -Be @('Alpha Reseller', 'Gamma Distributor')
        Test-PartnerDatabase -Database $Database | Should -BeTrue

        # As of a day: the Status and Tier of that day, before, on and after each change. Only days on which the partner was a
        # partner by every rule (joined, not ended, not a Prospect then or now) are asked here; -AsOf's filter is tested elsewhere.
        function Get-On([string] $Day, [string] $Name) {
            $p = Get-Partner -Database $Database -AsOf $Day -Name $Name -ErrorAction SilentlyContinue
            if ($p) { "$($p.Status) $($p.StatusSince.ToString('yyyy-MM-dd')) $($p.Tier) $($p.TierSince.ToString('yyyy-MM-dd')) $(if ($p.ActivatedOn) { $p.ActivatedOn.ToString('yyyy-MM-dd') })".Trim() }
        }
        Get-On 2014-01-31 'Alpha Reseller' | Should -BeNullOrEmpty
        Get-On 2014-02-01 'Alpha Reseller' | Should -Be 'Active 2014-02-01 Silver 2014-02-01'
        Get-On 2014-03-15 'Alpha Reseller' | Should -Be 'Active 2014-02-01 Silver 2014-02-01 2014-03-15'
        Get-On 2026-11-29 'Alpha Reseller' | Should -Be 'Active 2014-02-01 Silver 2014-02-01 2014-03-15'
        Get-On 2026-11-30 'Alpha Reseller' | Should -Be 'Active 2014-02-01 Gold 2026-11-30 2014-03-15'
        Get-On 2026-12-01 'Alpha Reseller' | Should -Be 'Active 2014-02-01 Gold 2026-11-30 2014-03-15'
        Get-On 2026-11-30 'Beta Prospect' | Should -Be 'Active 2026-11-30 Registered 2015-06-01'
        Get-On 2027-01-01 'Beta Prospect' | Should -Be 'Active 2026-11-30 Registered 2015-06-01'
        Get-On 2011-12-31 'Gamma Distributor' | Should -BeNullOrEmpty
        Get-On 2012-01-01 'Gamma Distributor' | Should -Be 'Active 2012-01-01 Gold 2012-01-01'
        Get-On 2016-03-30 'Gamma Distributor' | Should -Be 'Active 2012-01-01 Gold 2012-01-01 2015-06-30'
        Get-On 2016-03-31 'Gamma Distributor' | Should -BeNullOrEmpty
        Get-On 2010-05-01 'Delta Ended' | Should -Be 'Active 2010-05-01 Registered 2010-05-01'
        Get-On 2013-12-30 'Delta Ended' | Should -Be 'Active 2010-05-01 Registered 2010-05-01'
        Get-On 2013-12-31 'Delta Ended' | Should -BeNullOrEmpty
        Get-On 2015-12-31 'Epsilon Suspended' | Should -BeNullOrEmpty
        Get-On 2016-01-01 'Epsilon Suspended' | Should -Be 'Suspended 2016-01-01 Silver 2016-01-01'
        Get-On 2017-09-14 'Zeta Onboarding' | Should -BeNullOrEmpty
        Get-On 2017-09-15 'Zeta Onboarding' | Should -Be 'Onboarding 2017-09-15 Registered 2017-09-15'
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A schema-11 file from the previous release' -Tag 'FileOnly' {
    BeforeAll {
        # The raw reads use the module's SQLite library, loaded by its first command.
        $null = New-PartnerDatabase -Path (New-TestDatabasePath)
    }

    It 'is migrated to schema 12 with every partner''s dated Status and Tier, and reads as before' {
        $db = Join-Path (New-TestFolder) 'schema11.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 11

        Assert-MigratedFixture $db
        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
    }

    It 'is migrated in one transaction: a migration that fails leaves the file at schema 11' {
        $db = Join-Path (New-TestFolder) 'schema11.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $db
        # A table of that name makes the step fail after the rows of the steps before it were written.
        Invoke-RawSql $db 'CREATE TABLE status_changes (x)'
        { Get-Partner -Database $db } | Should -Throw
        Close-PooledConnections
        Get-RawScalar $db 'PRAGMA user_version' | Should -Be 11
        Get-RawScalar $db "SELECT count(*) FROM pragma_table_info('partners') WHERE name = 'status_since'" | Should -Be 0
    }
}

Describe 'A schema-11 server database' -Tag 'ServerOnly' -Skip:($env:PARTNEROPS_TEST_BACKEND -ne 'PostgreSql') {
    It 'is migrated to schema 12 with the same rows as a file, and reads as before' {
        $source = Join-Path (New-TestFolder) 'schema11.db'
        Copy-Item -LiteralPath $script:Fixture -Destination $source
        $db = New-TestDatabasePath
        $null = Copy-PartnerDatabase -Source $source -Destination $db
        # Back to schema 11: schemas 14 and 13 (issues 19 and 18) are undone first.
        Invoke-RawSql $db ((Get-Schema14UndoSql) + (Get-Schema13UndoSql))
        Invoke-RawSql $db ('DROP TRIGGER po_status_insert ON partners; DROP TRIGGER po_status_update ON partners; ' +
            'DROP FUNCTION po_status_insert(); DROP FUNCTION po_status_update(); DROP TABLE status_changes; ' +
            'ALTER TABLE partners DROP COLUMN status_since, DROP COLUMN tier_since, DROP COLUMN status_reason; ' +
            "UPDATE meta SET value = '11' WHERE key = 'schema_version'")
        Get-RawScalar $db "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'partners'" | Should -Be 15

        Assert-MigratedFixture $db
        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be 14
        # The migrated server writes its new changes as a file does.
        Set-Partner -Database $db -Name 'Zeta Onboarding' -Status Active
        (Get-StatusRows $db)[-1] -replace '\|[^|]*$' | Should -Be "Zeta Onboarding|Status|Onboarding|Active|$((Get-Date).ToString('yyyy-MM-dd'))|-"
    }
}
