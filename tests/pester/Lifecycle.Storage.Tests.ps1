# Dated statuses (schema 12), storage: the rows of status_changes that every write path records (the triggers on partners),
# what Get-Partner reads from them (StatusSince, TierSince, EndReason, ActivatedOn; as of a day with -AsOf), that a partner's rows
# go with it, and Test-PartnerDatabase -Detailed's StatusHistory check. Runs on both backends.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Get-Day([datetime] $Date) { $Date.ToString('yyyy-MM-dd') }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Status and tier changes are recorded by every write' {
    BeforeEach {
        $script:db = New-TestDatabase
        $script:today = Get-Day (Get-Date)
    }

    It 'Add-Partner records the first Status and Tier from JoinedOn, by the user of the history' {
        Add-Partner -Database $db -Name 'Acme' -Status Prospect -Tier Silver -JoinedOn 2015-01-01
        $user = (Get-PartnerHistory -Database $db | Select-Object -First 1).User
        Get-StatusRows $db | Should -Be @("Acme|Status|-|Prospect|2015-01-01|-|$user", "Acme|Tier|-|Silver|2015-01-01|-|$user")
        $p = Get-Partner -Database $db -Name 'Acme'
        $p.StatusSince | Should -Be ([datetime]'2015-01-01')
        $p.TierSince | Should -Be ([datetime]'2015-01-01')
        $p.EndReason | Should -BeNullOrEmpty
        $p.ActivatedOn | Should -BeNullOrEmpty
    }

    It 'a partner added as Terminated was Active from JoinedOn until EndedOn' {
        Add-Partner -Database $db -Name 'Gone' -Status Terminated -Tier Gold -JoinedOn 2010-01-01 -EndedOn 2012-05-01
        (Get-StatusRows $db) -replace '\|[^|]*$' | Should -Be @(
            'Gone|Status|-|Active|2010-01-01|-', 'Gone|Status|Active|Terminated|2012-05-01|-', 'Gone|Tier|-|Gold|2010-01-01|-')
        $p = Get-Partner -Database $db -Name 'Gone'
        $p.StatusSince | Should -Be ([datetime]'2012-05-01')
        $p.TierSince | Should -Be ([datetime]'2010-01-01')
    }

    It 'Set-Partner records each Status and Tier that changes, today, and nothing for other changes' {
        Add-Partner -Database $db -Name 'Acme' -Status Onboarding -Tier Silver -JoinedOn 2015-01-01
        Set-Partner -Database $db -Name 'Acme' -Notes 'no status change'
        Set-Partner -Database $db -Name 'Acme' -Status Onboarding -Tier Silver -Region 'China'
        @(Get-StatusRows $db).Count | Should -Be 2
        Set-Partner -Database $db -Name 'Acme' -Status Active
        Set-Partner -Database $db -Name 'Acme' -Tier Gold -Status Active
        (Get-StatusRows $db | Select-Object -Skip 2) -replace '\|[^|]*$' | Should -Be @("Acme|Status|Onboarding|Active|$today|-", "Acme|Tier|Silver|Gold|$today|-")
        $p = Get-Partner -Database $db -Name 'Acme'
        Get-Day $p.StatusSince | Should -Be $today
        Get-Day $p.TierSince | Should -Be $today
    }

    It 'a termination with -EndedOn is dated by it, and EndReason stays empty without a reason' {
        Add-Partner -Database $db -Name 'Acme' -Status Active -JoinedOn 2015-01-01
        Set-Partner -Database $db -Name 'Acme' -Status Terminated -EndedOn 2020-06-30
        (Get-StatusRows $db)[-1] -replace '\|[^|]*$' | Should -Be 'Acme|Status|Active|Terminated|2020-06-30|-'
        $p = Get-Partner -Database $db -Name 'Acme'
        $p.StatusSince | Should -Be ([datetime]'2020-06-30')
        $p.EndReason | Should -BeNullOrEmpty
    }

    It 'Import-Partner and Import-Csv | Add-Partner record each partner, an Upsert that changes Status or Tier records the change' {
        $csv = Join-Path (Get-TestFolder $db) 'partners.csv'
        Set-Content -LiteralPath $csv -Encoding utf8NoBOM -Value @(
            'Name,Type,Tier,Status,JoinedOn,EndedOn'
            'Imp One,Reseller,Silver,Active,2016-01-01,'
            'Imp Ended,Reseller,Registered,Terminated,2011-02-03,2013-04-05')
        $null = Import-Partner -Database $db -Path $csv
        Import-Csv -LiteralPath $csv | ForEach-Object { $_.Name = $_.Name -replace 'Imp', 'Piped'; $_ } | Add-Partner -Database $db
        Set-Content -LiteralPath $csv -Encoding utf8NoBOM -Value @(
            'Name,Type,Tier,Status,JoinedOn,EndedOn'
            'Imp One,Reseller,Gold,Suspended,2016-01-01,'
            'Imp Ended,Reseller,Registered,Terminated,2011-02-03,2013-04-05')
        $null = Import-Partner -Database $db -Path $csv -Mode Upsert
        (Get-StatusRows $db) -replace '\|[^|]*$' | Sort-Object | Should -Be (@(
            'Imp One|Status|-|Active|2016-01-01|-', 'Imp One|Tier|-|Silver|2016-01-01|-'
            'Imp Ended|Status|-|Active|2011-02-03|-', 'Imp Ended|Status|Active|Terminated|2013-04-05|-', 'Imp Ended|Tier|-|Registered|2011-02-03|-'
            'Piped One|Status|-|Active|2016-01-01|-', 'Piped One|Tier|-|Silver|2016-01-01|-'
            'Piped Ended|Status|-|Active|2011-02-03|-', 'Piped Ended|Status|Active|Terminated|2013-04-05|-', 'Piped Ended|Tier|-|Registered|2011-02-03|-'
            "Imp One|Status|Active|Suspended|$today|-", "Imp One|Tier|Silver|Gold|$today|-") | Sort-Object)
        (Get-Partner -Database $db -Name 'Imp Ended').StatusSince | Should -Be ([datetime]'2013-04-05')
        Get-Day (Get-Partner -Database $db -Name 'Imp One').StatusSince | Should -Be $today
    }

    It 'Remove-Partner takes its rows with it; the history keeps the removal' {
        Add-Partner -Database $db -Name 'Kept' -JoinedOn 2015-01-01
        Add-Partner -Database $db -Name 'Removed' -JoinedOn 2015-01-01 -Status Prospect
        Set-Partner -Database $db -Name 'Removed' -Status Onboarding
        Remove-Partner -Database $db -Name 'Removed' -Confirm:$false
        (Get-StatusRows $db) -replace '\|.*$' | Select-Object -Unique | Should -Be 'Kept'
        Get-RawScalar $db 'SELECT count(*) FROM status_changes' | Should -Be 2
        (Get-PartnerHistory -Database $db | Where-Object Operation -EQ 'Delete').EntityId | Should -Not -BeNullOrEmpty
    }

    # A server's triggers are the schema's, so they see another program's writes; SQLite's are the module's connections' own.
    It 'a row written without the since dates (another program) gets them from JoinedOn, and its changes too' -Tag 'ServerOnly' -Skip:($env:PARTNEROPS_TEST_BACKEND -ne 'PostgreSql') {
        Invoke-RawSql $db ("INSERT INTO partners (name, name_key, name_sort, type, tier, status, joined_on, ended_on, created_at, updated_at) " +
            "VALUES ('Raw', 'RAW', 'raw', 'Other', 'Silver', 'Terminated', '2014-03-01', '2015-03-01', '2020-01-01 00:00:00.0000000', '2020-01-01 00:00:00.0000000')")
        (Get-StatusRows $db) -replace '\|[^|]*$' | Should -Be @('Raw|Status|-|Active|2014-03-01|-', 'Raw|Status|Active|Terminated|2015-03-01|-', 'Raw|Tier|-|Silver|2014-03-01|-')
        $p = Get-Partner -Database $db | Where-Object Name -EQ 'Raw'
        $p.StatusSince | Should -Be ([datetime]'2015-03-01')
        $p.TierSince | Should -Be ([datetime]'2014-03-01')
    }
}

Describe 'Get-Partner reads the dated values' {
    BeforeAll {
        $script:db = New-TestDatabase
        $script:today = Get-Day (Get-Date)
        Add-Partner -Database $db -Name 'Acme' -Status Onboarding -Tier Silver -JoinedOn 2015-01-01
        Set-Partner -Database $db -Name 'Acme' -Status Active -Tier Gold
        Add-Partner -Database $db -Name 'Gone' -Status Terminated -JoinedOn 2010-01-01 -EndedOn 2012-05-01
        Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2016-06-01 -Amount 10
        Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2017-01-01 -Amount 20
    }

    It 'without -AsOf: the current values, their dates, the first revenue date' {
        $p = Get-Partner -Database $db -Name 'Acme'
        $p.Status | Should -Be 'Active'
        $p.Tier | Should -Be 'Gold'
        Get-Day $p.StatusSince | Should -Be $today
        Get-Day $p.TierSince | Should -Be $today
        $p.ActivatedOn | Should -Be ([datetime]'2016-06-01')
        (Get-Partner -Database $db -Name 'Gone').ActivatedOn | Should -BeNullOrEmpty
    }

    It 'with -AsOf: Status, Tier and their dates of that day, ActivatedOn only when on or before it, the rest current' {
        $before = Get-Partner -Database $db -AsOf 2016-05-31 -Name 'Acme'
        $before.Status | Should -Be 'Onboarding'
        $before.Tier | Should -Be 'Silver'
        $before.StatusSince | Should -Be ([datetime]'2015-01-01')
        $before.TierSince | Should -Be ([datetime]'2015-01-01')
        $before.ActivatedOn | Should -BeNullOrEmpty
        $on = Get-Partner -Database $db -AsOf 2016-06-01 -Name 'Acme'
        $on.ActivatedOn | Should -Be ([datetime]'2016-06-01')
        $on.Status | Should -Be 'Onboarding'
        $now = Get-Partner -Database $db -AsOf (Get-Date).Date -Name 'Acme'
        $now.Status | Should -Be 'Active'
        $now.Tier | Should -Be 'Gold'
        Get-Day $now.StatusSince | Should -Be $today
        $gone = Get-Partner -Database $db -AsOf 2011-06-30 -Name 'Gone'
        $gone.Status | Should -Be 'Active'
        $gone.StatusSince | Should -Be ([datetime]'2010-01-01')
        $gone.EndReason | Should -BeNullOrEmpty
        $gone.EndedOn | Should -Be ([datetime]'2012-05-01')
    }

    It 'on a day before its first dated status a partner has that first status, since JoinedOn' {
        $other = New-TestDatabase
        Add-Partner -Database $other -Name 'Late' -Status Active -Tier Silver -JoinedOn 2015-01-01
        Invoke-RawSql $other "UPDATE status_changes SET effective_on = '2015-06-01' WHERE attribute = 'Status'"
        Invoke-RawSql $other "UPDATE partners SET status_since = '2015-06-01'"
        $p = Get-Partner -Database $other -AsOf 2015-03-01 -Name 'Late'
        $p.Status | Should -Be 'Active'
        $p.StatusSince | Should -Be ([datetime]'2015-01-01')
        (Get-Partner -Database $other -AsOf 2015-06-01 -Name 'Late').StatusSince | Should -Be ([datetime]'2015-06-01')
    }
}

Describe 'Test-PartnerDatabase -Detailed: StatusHistory' {
    It 'adds nothing for a sound database, and names each partner whose latest dated change differs from it' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Good' -JoinedOn 2015-01-01
        Add-Partner -Database $db -Name 'Bad' -JoinedOn 2015-01-01 -Tier Silver
        @(Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'StatusHistory').Count | Should -Be 0
        Test-PartnerDatabase -Database $db | Should -BeTrue

        Invoke-RawSql $db "UPDATE partners SET status_since = '2016-02-02' WHERE name = 'Bad'"
        $findings = @(Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'StatusHistory')
        $findings.Count | Should -Be 1
        $findings[0].Passed | Should -BeFalse
        $findings[0].Detail | Should -BeLike "Partner Id * 'Bad' is Active since 2016-02-02 and Silver since 2015-01-01, but its latest dated changes say Status Active from 2015-01-01 and Tier Silver from 2015-01-01 *"
        Test-PartnerDatabase -Database $db | Should -BeFalse
    }

    It 'names at most five partners and counts the rest' {
        $db = New-TestDatabase
        1..7 | ForEach-Object { Add-Partner -Database $db -Name "P$_" -JoinedOn 2015-01-01 }
        Invoke-RawSql $db "UPDATE partners SET tier_since = '2016-01-01'"
        $findings = @(Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'StatusHistory')
        $findings.Count | Should -Be 6
        $findings[0..4].Detail | ForEach-Object { $_ | Should -BeLike "Partner Id * 'P*' is Active since 2015-01-01 and Registered since 2016-01-01, *" }
        $findings[5].Detail | Should -Be '2 more partner(s) differ from their latest dated Status or Tier change in the same way.'
    }
}
