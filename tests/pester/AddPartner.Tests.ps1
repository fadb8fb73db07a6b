BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'Add-Partner from CSV rows' {
    BeforeAll {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'partners.csv'
        # A quoted field with a comma, PartnerName instead of Name, empty cells for the defaults.
        @(
            'PartnerName,Type,Tier,Status,Region,Country,JoinedOn'
            '"Müller, Schmidt & Co",Reseller,Gold,Active,Western Europe,de,2014-03-31'
            'Northwind Traders,Distributor,Silver,Onboarding,,gb,2015-01-15'
            'Plain Partner,,,,,,'
        ) | Set-Content -Path $csv -Encoding utf8
        Import-Csv $csv | Add-Partner -Database $db
        $stored = @{}
        Get-Partner -Database $db | ForEach-Object { $stored[$_.Name] = $_ }
    }

    It 'stores one partner per row' {
        $stored.Keys | Sort-Object | Should -Be @('Müller, Schmidt & Co', 'Northwind Traders', 'Plain Partner')
    }

    It 'keeps a quoted field that contains a comma as one name' {
        $partner = $stored['Müller, Schmidt & Co']
        $partner.Name | Should -BeExactly 'Müller, Schmidt & Co'
        # The fields after the quoted one are in their own columns, not shifted by the comma.
        $partner.Type, $partner.Tier, $partner.Region, $partner.Country | Should -Be @('Reseller', 'Gold', 'Western Europe', 'DE')
    }

    It 'binds every column to the property of the same name' {
        $p = $stored['Müller, Schmidt & Co']
        $p.Type | Should -Be ([PartnerOps.PartnerType]::Reseller)
        $p.Tier | Should -Be ([PartnerOps.PartnerTier]::Gold)
        $p.Status | Should -Be ([PartnerOps.PartnerStatus]::Active)
        $p.Region | Should -BeExactly 'Western Europe'
        $p.JoinedOn | Should -Be ([datetime]'2014-03-31')
        $p.EndedOn | Should -BeNullOrEmpty
    }

    It 'stores country codes in upper case' {
        $stored['Müller, Schmidt & Co'].Country | Should -BeExactly 'DE'
        $stored['Northwind Traders'].Country | Should -BeExactly 'GB'
    }

    It 'stores an empty Region cell as no region' {
        $stored['Northwind Traders'].Region | Should -BeNullOrEmpty
        $stored['Northwind Traders'].Status | Should -Be ([PartnerOps.PartnerStatus]::Onboarding)
    }

    It 'uses the documented defaults for empty cells: Other, Registered, Active, joined today' {
        $p = $stored['Plain Partner']
        $p.Type | Should -Be ([PartnerOps.PartnerType]::Other)
        $p.Tier | Should -Be ([PartnerOps.PartnerTier]::Registered)
        $p.Status | Should -Be ([PartnerOps.PartnerStatus]::Active)
        $p.JoinedOn | Should -Be (Get-Date).Date
        $p.Country | Should -BeNullOrEmpty
    }
}

Describe 'Add-Partner with bad items in the pipeline' {
    BeforeAll {
        $db = New-TestDatabase
        $items = @(
            [pscustomobject]@{ Name = 'Acme GmbH'; Country = 'DE' }
            [pscustomobject]@{ Name = 'Beta Ltd'; Country = 'GB' }
            [pscustomobject]@{ Name = 'ACME gmbh'; Country = 'AT' }   # duplicate, differs only in case
            [pscustomobject]@{ Name = 'Gamma SA'; Country = 'XX' }    # not an ISO 3166-1 code
            [pscustomobject]@{ Name = 'Delta BV'; Country = 'nl' }
        )
        $err = $null
        $items | Add-Partner -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
    }

    It 'writes exactly two errors' {
        $err.Count | Should -Be 2
    }

    It 'reports the case-insensitive duplicate as PartnerAlreadyExists (ResourceExists) targeted at the piped item' {
        $dup = $err[0]
        $dup.FullyQualifiedErrorId | Should -BeLike 'PartnerAlreadyExists,*'
        $dup.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ResourceExists)
        $dup.TargetObject | Should -Be $items[2]
    }

    It 'reports the unknown country as InvalidCountryCode (InvalidArgument) targeted at the piped item, naming the value' {
        $bad = $err[1]
        $bad.FullyQualifiedErrorId | Should -BeLike 'InvalidCountryCode,*'
        $bad.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $bad.TargetObject | Should -Be $items[3]
        $bad.Exception.Message | Should -Match "'XX'"
    }

    It 'stores every good item and neither bad one' {
        (Get-Partner -Database $db).Name | Should -Be @('Acme GmbH', 'Beta Ltd', 'Delta BV')
    }

    It 'keeps the first of the duplicates unchanged' {
        (Get-Partner -Database $db -Name 'Acme GmbH').Country | Should -BeExactly 'DE'
    }
}

Describe 'Add-Partner values' {
    It 'trims the name' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name '  Padded Name  '
        (Get-Partner -Database $db).Name | Should -BeExactly 'Padded Name'
    }

    It 'sets EndedOn to today when a partner is added as Terminated' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Gone' -Status Terminated -JoinedOn '2010-01-01'
        (Get-Partner -Database $db -Name 'Gone').EndedOn | Should -Be (Get-Date).Date
    }

    It 'creates the database file on the first write' {
        $db = Join-Path (New-TestFolder) 'sub/folder/new.db'
        Add-Partner -Database $db -Name 'First'
        Test-TestDatabase $db | Should -BeTrue
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 1
    }

    It 'outputs nothing without -PassThru' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Quiet' | Should -BeNullOrEmpty
    }

    It 'outputs the stored PartnerOps.Partner with -PassThru' {
        $db = New-TestDatabase
        $p = Add-Partner -Database $db -Name 'Loud' -Country 'fr' -PassThru
        $p | Should -BeOfType ([PartnerOps.Partner])
        $p.Id | Should -BeGreaterThan 0
        $p.Country | Should -BeExactly 'FR'
    }

    It 'rejects an unknown country given as a parameter with InvalidCountryCode' {
        $db = New-TestDatabase
        $err = $null
        Add-Partner -Database $db -Name 'Nowhere' -Country 'QQ' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCountryCode,*'
    }
}

Describe 'Add-Partner uniqueness' {
    It 'treats names that differ only in the case of non-ASCII letters as the same partner' {
        $db = New-TestDatabase
        $err = $null
        Add-TestPartner -Database $db -Partner @{ Name = 'Ärzte Öffentlich' }, @{ Name = 'ÄRZTE ÖFFENTLICH' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerAlreadyExists,*'
        (Get-Partner -Database $db -Name 'ärzte öffentlich').Name | Should -BeExactly 'Ärzte Öffentlich'
    }

    It 'treats names that differ only in surrounding spaces as the same partner' {
        $db = New-TestDatabase
        $err = $null
        Add-TestPartner -Database $db -Partner @{ Name = 'Spaced' }, @{ Name = ' spaced ' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        (Get-Partner -Database $db).Count | Should -Be 1
    }
}

Describe 'Add-Partner in a pipeline that is stopped early' {
    It 'keeps a partner it has passed on when Select-Object -First stops the pipeline' {
        $db = New-TestDatabase
        $out = 1..5 | ForEach-Object { [pscustomobject]@{ Name = "Partner $_" } } |
            Add-Partner -Database $db -PassThru | Select-Object -First 1
        $out.Name | Should -Be 'Partner 1'
        $stored = Get-Partner -Database $db -Name 'Partner 1' -ErrorAction SilentlyContinue
        $stored.Id | Should -Be $out.Id -Because 'a partner that Add-Partner reported as added (with its new Id) must be in the database'
    }
}

Describe 'Add-Partner -WhatIf' {
    It 'does not create a missing database' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Never' -WhatIf
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'does not add to an existing database' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Existing'
        [pscustomobject]@{ Name = 'Never' } | Add-Partner -Database $db -WhatIf
        (Get-Partner -Database $db).Name | Should -Be @('Existing')
    }
}

Describe 'A name that looks like SQL' {
    BeforeAll {
        $db = New-TestDatabase
        $evil = "x'); DROP TABLE partners; --"
        Add-TestPartner -Database $db -Partner @{ Name = 'Before' }, @{ Name = $evil; Notes = "'; DELETE FROM partners; --" }, @{ Name = 'After' }
    }

    It 'is stored and read back literally' {
        $p = Get-Partner -Database $db -Name $evil
        $p.Name | Should -BeExactly $evil
        $p.Notes | Should -BeExactly "'; DELETE FROM partners; --"
    }

    It 'leaves the other partners in place' {
        (Get-Partner -Database $db).Count | Should -Be 3
        (Get-Partner -Database $db -Name 'Before', 'After').Name | Should -Be @('After', 'Before')
    }
}

Describe 'Add-Partner with a value that is not one of an enum''s names' {
    It 'refuses the row with an error naming the value and the valid names, and goes on' {
        $db = New-TestDatabase
        @(
            [pscustomobject]@{ Name = 'Bad Type'; Type = 'Foo' }
            [pscustomobject]@{ Name = 'Bad Tier'; Tier = 'Diamond' }
            [pscustomobject]@{ Name = 'Bad Status'; Status = 'Gone' }
            [pscustomobject]@{ Name = 'Good'; Type = 'reseller'; Tier = ''; Status = 'ACTIVE' }
        ) | Add-Partner -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        @(Get-Partner -Database $db).Name | Should -Be @('Good')
        (Get-Partner -Database $db -Name Good).Type | Should -Be 'Reseller'
        $err.Count | Should -Be 3
        $err[0].Exception.Message | Should -BeLike "*'Foo' is not a valid PartnerType; valid values are Reseller,*"
        $err[0].TargetObject.Name | Should -BeExactly 'Bad Type'
        $err[1].Exception.Message | Should -BeLike "*'Diamond'*PartnerTier*"
        $err[2].Exception.Message | Should -BeLike "*'Gone'*PartnerStatus*"
    }
}
