<#
Issue 17: Measure-PartnerTarget's projections and OnTrack, worked out by hand. USD only.
  Partners: Prime  joined 2014-01-01 Active
            Second joined 2016-02-01 Active
            Third  joined 2015-06-01 Onboarding, Active @2016-03-01
  Revenue:  2015 partner (Prime): 2015-03-01 400, 2015-09-01 1200   -> to 30 June 400, year 1600
            2015 direct:          2015-02-01 100, 2015-10-01 200    -> all to 30 June 500, all year 1900
            2016 partner (Prime): 2016-01-15 1000
            2016 direct:          2016-03-01 500
  Targets:  2016 PartnerRevenue 4000, PartnerRevenueShare 0.6, PartnerCount 5 (Active); 2015 PartnerRevenue 2000;
            2017 PartnerRevenueShare 0.5 (no revenue in 2017).
  2016 is a leap year: 30 June is day 182 of 366, 29 February day 60. 30 June 2015 is day 181 of 365.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Prime'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2014-01-01' }
        @{ Name = 'Second'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2016-02-01' }
        @{ Name = 'Third'; Type = 'Reseller'; Status = 'Onboarding'; Region = 'Western Europe'; JoinedOn = '2015-06-01' }
    )
    Set-Partner -Database $db -Name Third -Status Active -EffectiveDate 2016-03-01
    Add-PartnerRevenue -Database $db -Partner Prime -Date 2015-03-01 -Amount 400 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Partner Prime -Date 2015-09-01 -Amount 1200 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-02-01 -Amount 100 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-10-01 -Amount 200 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Partner Prime -Date 2016-01-15 -Amount 1000 -Segment Enterprise
    Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2016-03-01 -Amount 500 -Segment Enterprise
    Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value 4000
    Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2016 -Value 0.6
    Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 5 -Status Active
    Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2015 -Value 2000
    Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2017 -Value 0.5

    function Get-Progress([int] $Year, [string] $Metric, [string] $AsOf) {
        Measure-PartnerTarget -Database $db -Year $Year -AsOf $AsOf | Where-Object Metric -eq $Metric
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-PartnerTarget projects to the year''s end' {
    It 'revenue by the previous year''s same days (PreviousYear), and is on track by the projection' {
        $p = Get-Progress 2016 PartnerRevenue 2016-06-30
        $p.Actual | Should -Be 1000
        # 1000 x 1600 (2015) / 400 (2015 to 30 June) = 4000.00
        $p.Projected | Should -Be 4000
        $p.ProjectionMethod | Should -Be 'PreviousYear'
        # Expected = 4000 x 182 / 366 = 1989.07: behind the even pace, yet heading for the target.
        $p.Expected | Should -Be 1989.07
        $p.OnTrack | Should -BeTrue
    }

    It 'revenue linearly when the previous year has none to that day (Linear)' {
        $p = Get-Progress 2015 PartnerRevenue 2015-06-30
        $p.Actual | Should -Be 400
        # 400 x 365 / 181 = 806.6298 -> 806.63, short of 2000.
        $p.Projected | Should -Be 806.63
        $p.ProjectionMethod | Should -Be 'Linear'
        $p.OnTrack | Should -BeFalse
    }

    It 'measures 29 February against 28 February of the previous year' {
        # 2015 to 28 February: no partner revenue (the 400 is dated 1 March), so linear: 1000 x 366 / 60 = 6100.00.
        $p = Get-Progress 2016 PartnerRevenue 2016-02-29
        $p.Projected | Should -Be 6100
        $p.ProjectionMethod | Should -Be 'Linear'
        $p.OnTrack | Should -BeTrue
    }

    It 'a share as projected partner revenue over projected revenue (<AsOf>)' -ForEach @(
        # Partner 4000 (PreviousYear); all 1500 x 1900 / 500 = 5700 (PreviousYear): 4000 / 5700 = 0.70175438...
        @{ AsOf = '2016-06-30'; Actual = 0.666667; Projected = 0.701754; OnTrack = $true }
        # Partner 6100 (Linear); all 1000 x 1900 / 100 (2015 to 28 February: the direct 100) = 19000: 6100 / 19000 = 0.32105263...
        # The share so far (1000 of 1000) is above the target, but the projection is not: not on track.
        @{ AsOf = '2016-02-29'; Actual = 1; Projected = 0.321053; OnTrack = $false }
    ) {
        $p = Get-Progress 2016 PartnerRevenueShare $AsOf
        $p.Actual | Should -Be $Actual
        $p.Projected | Should -Be $Projected
        $p.ProjectionMethod | Should -Be 'PreviousYear'
        $p.OnTrack | Should -Be $OnTrack
    }

    It 'a count by the year''s net adds, with the status of each day (<AsOf>)' -ForEach @(
        # Active on 30 June: Prime, Second, Third (from 1 March) = 3; on 31 Dec 2015: Prime (Third Onboarding) = 1.
        # 3 + 2 x (366 - 182) / 182 = 5.021978 -> 5.02
        @{ AsOf = '2016-06-30'; Actual = 3; Projected = 5.02; Expected = 2.99; OnTrack = $true }
        # 15 February (day 46): Prime, Second = 2; 2 + 1 x 320 / 46 = 8.956522 -> 8.96; Expected 1 + 4 x 46 / 366 = 1.50
        @{ AsOf = '2016-02-15'; Actual = 2; Projected = 8.96; Expected = 1.50; OnTrack = $true }
    ) {
        $p = Get-Progress 2016 PartnerCount $AsOf
        $p.Actual | Should -Be $Actual
        $p.Projected | Should -Be $Projected
        $p.Expected | Should -Be $Expected
        $p.ProjectionMethod | Should -Be 'NetAddPace'
        $p.OnTrack | Should -Be $OnTrack
    }

    It 'projects nothing once the year is over: Projected is Actual, no method' {
        $all = Measure-PartnerTarget -Database $db -Year 2016 -AsOf 2017-03-01
        foreach ($p in $all) {
            $p.Projected | Should -Be $p.Actual
            $p.ProjectionMethod | Should -BeNullOrEmpty
        }
        # 1000 of 4000; 3 of 5; 1000 / 1500 = 0.666667 of 0.6.
        @($all | ForEach-Object { '{0} {1}' -f $_.Metric, $_.OnTrack }) | Should -Be @('PartnerCount False', 'PartnerRevenue False', 'PartnerRevenueShare True')
    }

    It 'projects nothing before the year begins: OnTrack compares Actual with Expected' {
        $all = Measure-PartnerTarget -Database $db -Year 2016 -AsOf 2015-12-01
        foreach ($p in $all) {
            $p.Projected | Should -BeNullOrEmpty
            $p.ProjectionMethod | Should -BeNullOrEmpty
        }
        # Count: 1 of an expected 1 (the count that day); revenue 0 of 0; a share expects the target, 0.6, and has no revenue.
        @($all | ForEach-Object { '{0} {1}' -f $_.Metric, $_.OnTrack }) | Should -Be @('PartnerCount True', 'PartnerRevenue True', 'PartnerRevenueShare False')
    }

    It 'projects nothing before 31 January (one day carried over a year says nothing), and from then on: <AsOf>' -ForEach @(
        @{ AsOf = '2016-01-01'; Projects = $false }, @{ AsOf = '2016-01-30'; Projects = $false }, @{ AsOf = '2016-01-31'; Projects = $true }
    ) {
        foreach ($p in @(Measure-PartnerTarget -Database $db -Year 2016 -AsOf $AsOf | Where-Object Actual -NE $null)) {
            if ($Projects) {
                $p.Projected | Should -Not -BeNullOrEmpty -Because "$($p.Metric) is projected from day 31"
                $p.ProjectionMethod | Should -Not -BeNullOrEmpty
            }
            else {
                $p.Projected | Should -BeNullOrEmpty -Because "$($p.Metric) has less than a month to go on"
                $p.ProjectionMethod | Should -BeNullOrEmpty
                $p.OnTrack | Should -Be ($p.Actual -ge $p.Expected) -Because 'without a projection OnTrack compares Actual with Expected'
            }
        }
    }

    It 'a share without any revenue has no projection and is not on track' {
        $p = Get-Progress 2017 PartnerRevenueShare 2017-03-01
        $p.Actual | Should -BeNullOrEmpty
        $p.Projected | Should -BeNullOrEmpty
        $p.ProjectionMethod | Should -BeNullOrEmpty
        $p.OnTrack | Should -BeFalse
    }
}
