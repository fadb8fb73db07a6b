BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # The changes of an entry as 'Property=old>new' strings.
    function Format-Changes($Entry) {
        $Entry.Changes | ForEach-Object { '{0}={1}>{2}' -f $_.Property, $_.Old, $_.New }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-PartnerHistory' {
    BeforeAll {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -Region China -Country CN -JoinedOn 2014-02-01
        Add-Partner -Database $db -Name 'Bystander'
        Set-Partner -Database $db -Name 'Acme' -Tier Gold
        Set-Partner -Database $db -Name 'Acme' -Tier Gold           # changes nothing: not recorded
        Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount -12.05 -Reference 'CN-1'
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.12
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 10
        $acmeId = (Get-Partner -Database $db -Name 'Acme').Id
        Remove-Partner -Database $db -Name 'Acme' -Force -Confirm:$false
        $all = @(Get-PartnerHistory -Database $db)
    }

    It 'records every change, newest first' {
        $all | ForEach-Object { $_ | Should -BeOfType ([PartnerOps.HistoryEntry]) }
        $all.ForEach({ "$($_.Operation) $($_.Entity)" }) | Should -Be @(
            'Delete Partner', 'Delete Revenue', 'Insert Target', 'Update ExchangeRate', 'Insert ExchangeRate',
            'Insert Revenue', 'Update Partner', 'Insert Partner', 'Insert Partner')
        $all.Id | Should -Be ($all.Id | Sort-Object -Descending)
    }

    It 'says who made each change, and when (UTC)' {
        $all.User | Select-Object -Unique | Should -Be @([Environment]::UserName)
        $all | ForEach-Object { $_.Timestamp.Kind | Should -Be 'Utc' }
        ([datetime]::UtcNow - $all[0].Timestamp).TotalMinutes | Should -BeLessThan 5
    }

    It 'gives an insert its new values, an update only what changed, a delete its old values' {
        $insert = $all | Where-Object { $_.Operation -eq 'Insert' -and $_.Entity -eq 'Partner' -and $_.EntityId -eq "$acmeId" }
        Format-Changes $insert | Should -Contain 'Name=>Acme'
        Format-Changes $insert | Should -Contain 'JoinedOn=>2014-02-01'
        Format-Changes ($all | Where-Object { $_.Operation -eq 'Update' -and $_.Entity -eq 'Partner' }) | Should -Be @('Tier=Registered>Gold')
        Format-Changes ($all | Where-Object { $_.Operation -eq 'Update' -and $_.Entity -eq 'ExchangeRate' }) | Should -Be @('Rate=1.1>1.12')
        $delete = $all | Where-Object { $_.Operation -eq 'Delete' -and $_.Entity -eq 'Partner' }
        Format-Changes $delete | Should -Contain 'Tier=Gold>'
    }

    It 'keeps amounts exact, in their currency''s decimal places' {
        $revenue = $all | Where-Object { $_.Operation -eq 'Insert' -and $_.Entity -eq 'Revenue' }
        ($revenue.Changes | Where-Object Property -EQ 'Amount').New | Should -BeExactly '-12.05'
        $revenue.PartnerId | Should -Be $acmeId
    }

    It 'records the revenue a -Force removal deleted with it' {
        ($all | Where-Object { $_.Operation -eq 'Delete' -and $_.Entity -eq 'Revenue' }).PartnerId | Should -Be $acmeId
    }

    It 'finds a removed partner''s history by its id: the partner''s and its revenue''s' {
        @(Get-PartnerHistory -Database $db -Partner $acmeId).Count | Should -Be 5
        @(Get-PartnerHistory -Database $db -Partner $acmeId -Entity Revenue).Operation | Should -Be @('Delete', 'Insert')
    }

    It 'filters by partner name, piped partners, operation and time' {
        @(Get-PartnerHistory -Database $db -Partner 'bystander').Operation | Should -Be @('Insert')
        @(Get-Partner -Database $db | Get-PartnerHistory -Database $db).EntityId | Should -Be @("$((Get-Partner -Database $db).Id)")
        @(Get-PartnerHistory -Database $db -Operation Delete).Count | Should -Be 2
        @(Get-PartnerHistory -Database $db -Since (Get-Date).AddMinutes(5)).Count | Should -Be 0
        @(Get-PartnerHistory -Database $db -Since (Get-Date).AddMinutes(-5)).Count | Should -Be $all.Count
    }

    It 'pages, newest first' {
        $page = @(Get-PartnerHistory -Database $db -Skip 1 -First 2 -IncludeTotalCount)
        $page[0] | Should -Be $all.Count
        $page[1..2].Id | Should -Be $all[1..2].Id
    }

    It 'reports an unknown exact partner name as PartnerNotFound' {
        Get-PartnerHistory -Database $db -Partner 'Nobody' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
    }
}

Describe 'History in the same transaction as the change' {
    BeforeEach {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'First'
    }

    It 'records nothing for a change that failed' {
        Add-Partner -Database $db -Name 'first' -ErrorAction SilentlyContinue
        Add-Partner -Database $db -Name 'Bad Country' -Country XX -ErrorAction SilentlyContinue
        @(Get-PartnerHistory -Database $db).Count | Should -Be 1
    }

    It 'records nothing with -WhatIf' {
        Set-Partner -Database $db -Name 'First' -Tier Gold -WhatIf
        Remove-Partner -Database $db -Name 'First' -WhatIf
        @(Get-PartnerHistory -Database $db).Count | Should -Be 1
    }

    It 'records each item of a pipeline' {
        1..25 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $db
        Get-Partner -Database $db -Name 'P*' | Set-Partner -Database $db -Status Suspended
        @(Get-PartnerHistory -Database $db -Operation Insert).Count | Should -Be 26
        @(Get-PartnerHistory -Database $db -Operation Update).Count | Should -Be 25
    }
}

Describe 'History of bulk imports' {
    It 'records every imported row once, and records the changes after the import one by one again' {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'p.csv'
        @('Name,Region', 'Imported One,China', 'Imported Two,China') | Set-Content $csv
        $null = Import-Partner -Path $csv -Database $db
        $null = Import-Partner -Path $csv -Database $db -Mode Skip
        Add-Partner -Database $db -Name 'Added After'
        Set-Partner -Database $db -Name 'Imported One' -Tier Gold
        $history = @(Get-PartnerHistory -Database $db)
        # The skipped rows of the second import took ids 3 and 4 as SQLite tried them (ids are never given again, so none is reused).
        $added = (Get-Partner -Database $db -Name 'Added After').Id
        $added | Should -BeGreaterThan 2
        $history.ForEach({ "$($_.Operation) $($_.EntityId)" }) | Should -Be @('Update 1', "Insert $added", 'Insert 2', 'Insert 1')
        ($history[-1].Changes | Where-Object Property -EQ 'Name').New | Should -BeExactly 'Imported One'
        @($history[-1].Changes.Property) | Should -Not -Contain 'Notes'   # no value, not shown
    }
}

