# Periods: the previous-year window, target progress around the year's ends, 29 February.
# The setup (and the rule for the expected values) is MoneyAndTime.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'MoneyAndTime.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'The previous-year window keeps month ends and leap days' {
    BeforeAll {
        $db = New-MoneyDatabase
        # One record a day around the end of February, each amount naming its day (2016-02-29 is 229 + 0.16).
        foreach ($d in '2015-02-27', '2015-02-28', '2015-03-01', '2016-02-27', '2016-02-28', '2016-02-29', '2016-03-01', '2017-02-27', '2017-02-28', '2017-03-01') {
            $date = [datetime]::ParseExact($d, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
            Add-PartnerRevenue -Database $db -Direct -Region W -Date $d -Amount ($date.Month * 100 + $date.Day + ($date.Year - 2000) / 100)
        }
    }

    It 'compares a period ending 2017-02-28 with one ending 2016-02-29 (the leap day included)' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Year -From 2017-01-01 -To 2017-02-28 | Where-Object Year -eq 2017
        # 2017: 227.17 + 228.17 = 455.34; previous (2016-01-01 .. 2016-02-29): 227.16 + 228.16 + 229.16 = 684.48
        $m.Total | Should -Be 455.34
        $m.PreviousTotal | Should -Be 684.48
        # (455.34 - 684.48) / 684.48 = -229.14 / 684.48 = -0.334765... -> -0.334765 (6 digits)
        $m.Growth | Should -Be -0.334765
    }

    It 'compares a period ending 2016-02-29 with one ending 2015-02-28' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Year -From 2016-02-28 -To 2016-02-29 | Where-Object Year -eq 2016
        # 2016: 228.16 + 229.16 = 457.32; previous 2015-02-28 .. 2015-02-28: 228.15
        $m.Total | Should -Be 457.32
        $m.PreviousTotal | Should -Be 228.15
    }

    It 'compares a period starting 2016-02-29 with one starting 2015-02-28, and one starting 2017-03-01 with one starting 2016-03-01' {
        $a = Measure-PartnerRevenue -Database $db -GroupBy Year -From 2016-02-29 -To 2016-03-01 | Where-Object Year -eq 2016
        # 2016: 229.16 + 301.16 = 530.32; previous 2015-02-28 .. 2015-03-01 (29 Feb starts on 28 Feb a year earlier): 228.15 + 301.15 = 529.30
        $a.Total | Should -Be 530.32
        $a.PreviousTotal | Should -Be 529.30
        $b = Measure-PartnerRevenue -Database $db -GroupBy Year -From 2017-03-01 -To 2017-03-01 | Where-Object Year -eq 2017
        # previous 2016-03-01 .. 2016-03-01: 301.16 (not 29 Feb)
        $b.PreviousTotal | Should -Be 301.16
    }
}

Describe 'Target progress on the first and last day of the year, before it and after it' {
    BeforeAll {
        $db = New-MoneyDatabase
        # One partner since 2010 (the count at the start of 2016 is 1). On 2016-01-01: 1,000 USD partner and 250 USD direct
        # revenue (share 1,000 / 1,250 = 0.8); nothing in 2017.
        Add-Partner -Database $db -Name 'Day Partner' -Region D -JoinedOn 2010-01-01
        Add-PartnerRevenue -Database $db -Partner 'Day Partner' -Date 2016-01-01 -Amount 1000
        Add-PartnerRevenue -Database $db -Direct -Region D -Date 2016-01-01 -Amount 250
        Add-PartnerRevenue -Database $db -Partner 'Day Partner' -Date 2015-01-01 -Amount 1000
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value 366000 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 367
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2016 -Value 0.8
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2015 -Value 365000 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2017 -Value 0.5
    }

    It 'on <AsOf>, <Metric> <Year> expects <Expected> (actual <Actual>, on track <OnTrack>)' -ForEach @(
        # 2016 has 366 days; the fraction elapsed is the day of the year over 366, counted to the end of the day.
        # Nothing is projected before 31 January (issue 17), so OnTrack compares Actual with Expected on these early days.
        @{ AsOf = '2016-01-01'; Metric = 'PartnerRevenue'; Year = 2016; Expected = 1000.00; Actual = 1000; OnTrack = $true }        # 366,000 * 1/366
        @{ AsOf = '2016-01-01'; Metric = 'PartnerCount'; Year = 2016; Expected = 2.00; Actual = 1; OnTrack = $false }              # 1 + 366 * 1/366
        @{ AsOf = '2016-01-01'; Metric = 'PartnerRevenueShare'; Year = 2016; Expected = 0.8; Actual = 0.8; OnTrack = $true }        # the target itself
        @{ AsOf = '2016-01-02'; Metric = 'PartnerRevenueShare'; Year = 2016; Expected = 0.8; Actual = 0.8; OnTrack = $true }
        @{ AsOf = '2016-12-30'; Metric = 'PartnerRevenue'; Year = 2016; Expected = 365000.00; Actual = 1000; OnTrack = $false }    # 366,000 * 365/366
        @{ AsOf = '2016-12-30'; Metric = 'PartnerCount'; Year = 2016; Expected = 366.00; Actual = 1; OnTrack = $false }            # 1 + 366 * 365/366
        @{ AsOf = '2016-12-31'; Metric = 'PartnerRevenue'; Year = 2016; Expected = 366000.00; Actual = 1000; OnTrack = $false }    # day 366 of 366
        @{ AsOf = '2016-12-31'; Metric = 'PartnerCount'; Year = 2016; Expected = 367.00; Actual = 1; OnTrack = $false }
        @{ AsOf = '2016-12-31'; Metric = 'PartnerRevenueShare'; Year = 2016; Expected = 0.8; Actual = 0.8; OnTrack = $true }
        @{ AsOf = '2015-12-31'; Metric = 'PartnerRevenue'; Year = 2016; Expected = 0.00; Actual = 0; OnTrack = $true }             # before the year
        @{ AsOf = '2015-12-31'; Metric = 'PartnerCount'; Year = 2016; Expected = 1.00; Actual = 1; OnTrack = $true }               # baseline 1 + 0
        @{ AsOf = '2015-12-31'; Metric = 'PartnerRevenueShare'; Year = 2016; Expected = 0.8; Actual = $null; OnTrack = $false }    # nothing booked: no share
        @{ AsOf = '2017-06-01'; Metric = 'PartnerRevenue'; Year = 2016; Expected = 366000.00; Actual = 1000; OnTrack = $false }    # after the year: all of it
        @{ AsOf = '2017-06-01'; Metric = 'PartnerRevenueShare'; Year = 2016; Expected = 0.8; Actual = 0.8; OnTrack = $true }
        @{ AsOf = '2015-01-01'; Metric = 'PartnerRevenue'; Year = 2015; Expected = 1000.00; Actual = 1000; OnTrack = $true }       # 365,000 * 1/365
        @{ AsOf = '2015-12-31'; Metric = 'PartnerRevenue'; Year = 2015; Expected = 365000.00; Actual = 1000; OnTrack = $false }    # 365/365
        @{ AsOf = '2017-03-01'; Metric = 'PartnerRevenueShare'; Year = 2017; Expected = 0.5; Actual = $null; OnTrack = $false }    # no 2017 revenue
    ) {
        $p = Measure-PartnerTarget -Database $db -Year $Year -AsOf $AsOf | Where-Object Metric -eq $Metric
        $p.Expected | Should -Be $Expected
        $p.Actual | Should -Be $Actual
        $p.OnTrack | Should -Be $OnTrack
        if ($null -eq $Actual) {
            $p.Gap | Should -BeNullOrEmpty
            $p.Progress | Should -BeNullOrEmpty
        }
    }
}

Describe 'A period starting on 29 February compares with one starting on 28 February a year earlier' {
    BeforeAll {
        $db = New-MoneyDatabase
        # Amounts name their day: 2015-02-28 is 228.15, 2016-02-29 is 229.16.
        foreach ($d in '2015-02-01', '2015-02-28', '2015-03-01', '2016-02-01', '2016-02-29', '2016-03-01') {
            $date = [datetime]::ParseExact($d, 'yyyy-MM-dd', [cultureinfo]::InvariantCulture)
            Add-PartnerRevenue -Database $db -Direct -Region W -Date $d -Amount ($date.Month * 100 + $date.Day + ($date.Year - 2000) / 100)
        }
    }

    It 'compares <From> .. <To> with a previous total of <Previous>' -ForEach @(
        @{ From = '2016-02-29'; To = '2016-02-29'; Total = 229.16; Previous = 228.15 }            # previous 2015-02-28 .. 2015-02-28
        @{ From = '2016-02-29'; To = '2016-03-01'; Total = 530.32; Previous = 529.30 }            # 2015-02-28 .. 2015-03-01: 228.15 + 301.15
        @{ From = '2016-02-01'; To = '2016-02-29'; Total = 430.32; Previous = 429.30 }            # 201.16 + 229.16; 2015-02-01 .. 2015-02-28: 201.15 + 228.15
        @{ From = '2016-03-01'; To = '2016-03-01'; Total = 301.16; Previous = 301.15 }            # 2015-03-01 only
    ) {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Year -From $From -To $To | Where-Object Year -eq 2016
        $m.Total | Should -Be $Total
        $m.PreviousTotal | Should -Be $Previous
    }
}
