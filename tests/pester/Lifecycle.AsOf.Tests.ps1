<#
Issue 17: -AsOf means "as things stood that day", and the activation filters. Five partners whose
dated statuses are written with Set-Partner -EffectiveDate; every expectation below is worked out by hand from this table.

  Alpha   Western Europe  joined 2015-01-01  Prospect @2015-01-01, Onboarding @2015-03-01, Active @2015-05-01,
                                             Suspended @2015-09-01, Active @2015-10-01; Registered @2015-01-01, Silver @2015-06-01;
                                             no revenue
  Bravo   Western Europe  joined 2014-06-01  Active @2014-06-01, Terminated @2015-06-30 (EndedOn 2015-06-30); Gold; no revenue
  Charlie Western Europe  joined 2015-02-01  Active @2015-02-01; revenue 2015-04-15
  Delta   Nordics         joined 2015-01-15  Onboarding @2015-01-15, Active @2015-02-01; no revenue
  Echo    Western Europe  joined 2015-01-01  Active @2015-01-01; revenue 2015-04-02
  A partner on day D: joined on or before D, not ended by D, and Onboarding, Active or Suspended on D.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Bravo'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2014-06-01' }
        @{ Name = 'Alpha'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Western Europe'; JoinedOn = '2015-01-01' }
        @{ Name = 'Charlie'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2015-02-01' }
        @{ Name = 'Delta'; Type = 'Distributor'; Status = 'Onboarding'; Region = 'Nordics'; JoinedOn = '2015-01-15' }
        @{ Name = 'Echo'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2015-01-01' }
    )
    Set-Partner -Database $db -Name Alpha -Status Onboarding -EffectiveDate 2015-03-01
    Set-Partner -Database $db -Name Alpha -Status Active -EffectiveDate 2015-05-01
    Set-Partner -Database $db -Name Alpha -Tier Silver -EffectiveDate 2015-06-01
    Set-Partner -Database $db -Name Alpha -Status Suspended -EffectiveDate 2015-09-01
    Set-Partner -Database $db -Name Alpha -Status Active -EffectiveDate 2015-10-01
    Set-Partner -Database $db -Name Bravo -Status Terminated -EffectiveDate 2015-06-30 -Reason 'Acquired'
    Set-Partner -Database $db -Name Delta -Status Active -EffectiveDate 2015-02-01
    Add-PartnerRevenue -Database $db -Partner Charlie -Date 2015-04-15 -Amount 100 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Partner Echo -Date 2015-04-02 -Amount 100 -Segment Enterprise

    # "Name Status Tier StatusSince TierSince" of each partner Get-Partner writes.
    function Show-Partners([object[]] $Partners) {
        foreach ($p in $Partners) {
            '{0} {1} {2} {3:yyyy-MM-dd} {4:yyyy-MM-dd}' -f $p.Name, $p.Status, $p.Tier, $p.StatusSince, $p.TierSince
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-Partner -AsOf gives the partners of a day with the Status and Tier of that day' {
    It 'as of <Day>: <Because>' -ForEach @(
        @{ Day = '2014-12-31'; Because = 'only Bravo had joined'; Expected = @('Bravo Active Gold 2014-06-01 2014-06-01') }
        # Alpha is a Prospect until 2015-03-01: not a partner. Delta is Active from 2015-02-01.
        @{ Day = '2015-02-28'; Because = 'Alpha a Prospect, Delta Active from 2015-02-01'; Expected = @(
                'Bravo Active Gold 2014-06-01 2014-06-01', 'Charlie Active Registered 2015-02-01 2015-02-01',
                'Delta Active Registered 2015-02-01 2015-01-15', 'Echo Active Registered 2015-01-01 2015-01-01') }
        @{ Day = '2015-03-01'; Because = 'the day Alpha becomes Onboarding'; Expected = @(
                'Alpha Onboarding Registered 2015-03-01 2015-01-01', 'Bravo Active Gold 2014-06-01 2014-06-01',
                'Charlie Active Registered 2015-02-01 2015-02-01', 'Delta Active Registered 2015-02-01 2015-01-15',
                'Echo Active Registered 2015-01-01 2015-01-01') }
        @{ Day = '2015-05-31'; Because = 'Alpha Active, still Registered'; Expected = @(
                'Alpha Active Registered 2015-05-01 2015-01-01', 'Bravo Active Gold 2014-06-01 2014-06-01',
                'Charlie Active Registered 2015-02-01 2015-02-01', 'Delta Active Registered 2015-02-01 2015-01-15',
                'Echo Active Registered 2015-01-01 2015-01-01') }
        # 2015-06-30 is Bravo's EndedOn, the first day it is no longer a partner.
        @{ Day = '2015-06-30'; Because = 'Alpha Silver from 2015-06-01, Bravo ended that day'; Expected = @(
                'Alpha Active Silver 2015-05-01 2015-06-01', 'Charlie Active Registered 2015-02-01 2015-02-01',
                'Delta Active Registered 2015-02-01 2015-01-15', 'Echo Active Registered 2015-01-01 2015-01-01') }
        @{ Day = '2015-09-01'; Because = 'the day Alpha is suspended'; Expected = @(
                'Alpha Suspended Silver 2015-09-01 2015-06-01', 'Charlie Active Registered 2015-02-01 2015-02-01',
                'Delta Active Registered 2015-02-01 2015-01-15', 'Echo Active Registered 2015-01-01 2015-01-01') }
        @{ Day = '2015-10-01'; Because = 'Alpha Active again'; Expected = @(
                'Alpha Active Silver 2015-10-01 2015-06-01', 'Charlie Active Registered 2015-02-01 2015-02-01',
                'Delta Active Registered 2015-02-01 2015-01-15', 'Echo Active Registered 2015-01-01 2015-01-01') }
    ) {
        Show-Partners (Get-Partner -Database $db -AsOf $Day) | Should -Be $Expected
    }

    It 'shows Bravo as it is now without -AsOf: Terminated since its EndedOn, with its reason' {
        $p = Get-Partner -Database $db -Name Bravo
        Show-Partners $p | Should -Be 'Bravo Terminated Gold 2015-06-30 2014-06-01'
        $p.EndReason | Should -Be 'Acquired'
        $p.EndedOn | Should -Be ([datetime]'2015-06-30')
    }

    It 'EndReason is empty on a day Bravo was not yet Terminated' {
        (Get-Partner -Database $db -Name Bravo -AsOf 2015-06-29).EndReason | Should -BeNullOrEmpty
    }

    It 'ActivatedOn is its first revenue''s date, shown only from that day with -AsOf' {
        (Get-Partner -Database $db -Name Charlie).ActivatedOn | Should -Be ([datetime]'2015-04-15')
        (Get-Partner -Database $db -Name Charlie -AsOf 2015-04-15).ActivatedOn | Should -Be ([datetime]'2015-04-15')
        (Get-Partner -Database $db -Name Charlie -AsOf 2015-04-14).ActivatedOn | Should -BeNullOrEmpty
        (Get-Partner -Database $db -Name Alpha).ActivatedOn | Should -BeNullOrEmpty
    }
}

Describe '-Status and -Tier with -AsOf compare the values of that day' {
    It '<Case>' -ForEach @(
        # Active on 2015-06-01: Alpha (from 05-01), Bravo, Charlie, Delta, Echo.
        @{ Case = '-Status Active -AsOf 2015-06-01'; Filters = @{ Status = 'Active'; AsOf = '2015-06-01' }; Names = @('Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo') }
        # Onboarding on 2015-04-01: Alpha only (Delta Active since 02-01).
        @{ Case = '-Status Onboarding -AsOf 2015-04-01'; Filters = @{ Status = 'Onboarding'; AsOf = '2015-04-01' }; Names = @('Alpha') }
        @{ Case = '-Status Suspended -AsOf 2015-09-15'; Filters = @{ Status = 'Suspended'; AsOf = '2015-09-15' }; Names = @('Alpha') }
        @{ Case = '-Status Active -AsOf 2015-09-15'; Filters = @{ Status = 'Active'; AsOf = '2015-09-15' }; Names = @('Charlie', 'Delta', 'Echo') }
        # A Prospect is not a partner on the day, so -Status Prospect with -AsOf finds none (Alpha was one on 2015-02-01).
        @{ Case = '-Status Prospect -AsOf 2015-02-01'; Filters = @{ Status = 'Prospect'; AsOf = '2015-02-01' }; Names = @() }
        # Terminated by then: not a partner.
        @{ Case = '-Status Terminated -AsOf 2015-07-01'; Filters = @{ Status = 'Terminated'; AsOf = '2015-07-01' }; Names = @() }
        @{ Case = '-Tier Silver -AsOf 2015-05-31'; Filters = @{ Tier = 'Silver'; AsOf = '2015-05-31' }; Names = @() }
        @{ Case = '-Tier Silver -AsOf 2015-06-01'; Filters = @{ Tier = 'Silver'; AsOf = '2015-06-01' }; Names = @('Alpha') }
        @{ Case = '-Tier Registered -Region Nordics -AsOf 2015-06-01'; Filters = @{ Tier = 'Registered'; Region = 'Nordics'; AsOf = '2015-06-01' }; Names = @('Delta') }
        # Without -AsOf: the current values.
        @{ Case = '-Status Active'; Filters = @{ Status = 'Active' }; Names = @('Alpha', 'Charlie', 'Delta', 'Echo') }
        @{ Case = '-Status Terminated'; Filters = @{ Status = 'Terminated' }; Names = @('Bravo') }
    ) {
        @((Get-Partner -Database $db @Filters).Name) | Should -Be $Names
        (Get-Partner -Database $db @Filters -First 1 -IncludeTotalCount)[0] | Should -Be $Names.Count
    }

    It 'Measure-Partner -AsOf groups by the Status of the day, PreviousCount by that of its own day' {
        # 2015-09-15: Alpha Suspended; Charlie, Delta, Echo Active. 2014-09-15: Bravo Active.
        $m = Measure-Partner -Database $db -GroupBy Status -AsOf 2015-09-15
        @($m | ForEach-Object { '{0} {1} {2}' -f $_.Status, $_.Count, $_.PreviousCount }) | Should -Be @('Active 3 1', 'Suspended 1 0')
    }

    It 'Measure-Partner -AsOf groups by the Tier of the day (<Day>)' -ForEach @(
        @{ Day = '2015-05-31'; Expected = @('Registered 4', 'Gold 1') }
        # Bravo ended 2015-06-30; Alpha Silver from 06-01.
        @{ Day = '2015-06-01'; Expected = @('Registered 3', 'Silver 1', 'Gold 1') }
        @{ Day = '2015-07-01'; Expected = @('Registered 3', 'Silver 1') }
    ) {
        $m = Measure-Partner -Database $db -GroupBy Tier -AsOf $Day
        @($m | Where-Object Count -gt 0 | ForEach-Object { '{0} {1}' -f $_.Tier, $_.Count }) | Should -Be $Expected
    }

    It 'Measure-Partner -Status compares the status of each day counted' {
        # Suspended on 2015-09-15: Alpha; a year earlier: none.
        $m = Measure-Partner -Database $db -Status Suspended -AsOf 2015-09-15
        '{0} {1}' -f $m.Count, $m.PreviousCount | Should -Be '1 0'
    }
}

Describe 'A status dated after JoinedOn: the first status holds from JoinedOn' {
    It 'takes the first dated status for the days before it, since JoinedOn' {
        $one = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $one -Currency USD
        Add-TestPartner -Database $one -Partner @(@{ Name = 'Foxtrot'; Type = 'Reseller'; Status = 'Active'; JoinedOn = '2015-01-01'; StatusDate = '2015-03-01' })
        # Status and tier are both dated 2015-03-01 (TierDate defaults to StatusDate); before that day the first ones hold,
        # since JoinedOn.
        $p = Get-Partner -Database $one -AsOf 2015-02-01
        Show-Partners $p | Should -Be 'Foxtrot Active Registered 2015-01-01 2015-01-01'
        Show-Partners (Get-Partner -Database $one -AsOf 2015-03-01) | Should -Be 'Foxtrot Active Registered 2015-03-01 2015-03-01'
        @(Get-Partner -Database $one -AsOf 2014-12-31).Count | Should -Be 0
    }
}

Describe 'Get-Partner -NotActivatedWithin' {
    It '<Case>' -ForEach @(
        # Day 2015-04-01 - 90 days = 2015-01-01. Active then: Bravo (Active 2014-06-01, no revenue), Charlie and Delta (Active
        # 2015-02-01: too recent), Echo (Active 2015-01-01, the boundary; its revenue 2015-04-02 is after the day).
        @{ Case = '90 days as of 2015-04-01'; Filters = @{ NotActivatedWithin = 90; AsOf = '2015-04-01' }; Names = @('Bravo', 'Echo') }
        # 91 days: 2014-12-31, before Echo became Active.
        @{ Case = '91 days as of 2015-04-01'; Filters = @{ NotActivatedWithin = 91; AsOf = '2015-04-01' }; Names = @('Bravo') }
        # 2015-06-01 - 90 = 2015-03-03. Alpha Active only from 05-01; Charlie and Echo sold by then.
        @{ Case = '90 days as of 2015-06-01'; Filters = @{ NotActivatedWithin = 90; AsOf = '2015-06-01' }; Names = @('Bravo', 'Delta') }
        # Alpha on 2015-09-15 is Suspended, not Active.
        @{ Case = '0 days as of 2015-09-15'; Filters = @{ NotActivatedWithin = 0; AsOf = '2015-09-15' }; Names = @('Delta') }
        # Today: Active now are Alpha (from 2015-05-01), Charlie, Delta, Echo; only Alpha and Delta never sold.
        @{ Case = '90 days as of today'; Filters = @{ NotActivatedWithin = 90 }; Names = @('Alpha', 'Delta') }
        @{ Case = 'with -Region Nordics'; Filters = @{ NotActivatedWithin = 90; Region = 'Nordics' }; Names = @('Delta') }
        @{ Case = 'with -Type Reseller'; Filters = @{ NotActivatedWithin = 90; Type = 'Reseller' }; Names = @('Alpha') }
    ) {
        @((Get-Partner -Database $db @Filters).Name) | Should -Be $Names
    }

    It 'refuses a number of days outside 0 to 36500' -ForEach @(-1, 36501) {
        { Get-Partner -Database $db -NotActivatedWithin $_ } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Get-Partner -NoRevenueSince' {
    It '<Case>' -ForEach @(
        # Charlie sold on 04-15, Echo on 04-02.
        @{ Case = 'since 2015-04-10'; Filters = @{ NoRevenueSince = '2015-04-10' }; Names = @('Alpha', 'Bravo', 'Delta', 'Echo') }
        # The day itself counts: Echo's 04-02 record is on or after it.
        @{ Case = 'since 2015-04-02'; Filters = @{ NoRevenueSince = '2015-04-02' }; Names = @('Alpha', 'Bravo', 'Delta') }
        @{ Case = 'since 2016-01-01: every partner'; Filters = @{ NoRevenueSince = '2016-01-01' }; Names = @('Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo') }
        # Partners on 2015-02-28 (not Alpha, a Prospect): Bravo, Charlie, Delta, Echo; without revenue since 2015-04-02.
        @{ Case = 'with -AsOf 2015-02-28'; Filters = @{ NoRevenueSince = '2015-04-02'; AsOf = '2015-02-28' }; Names = @('Bravo', 'Delta') }
        # 2015-06-01 - 30 = 2015-05-02: Alpha (Active from 05-01) too; none of the three sold.
        @{ Case = 'with -NotActivatedWithin'; Filters = @{ NoRevenueSince = '2015-01-01'; NotActivatedWithin = 30; AsOf = '2015-06-01' }; Names = @('Alpha', 'Bravo', 'Delta') }
        @{ Case = 'with -Name'; Filters = @{ NoRevenueSince = '2015-04-02'; Name = 'E*', 'Delta' }; Names = @('Delta') }
    ) {
        @((Get-Partner -Database $db @Filters).Name) | Should -Be $Names
    }
}
