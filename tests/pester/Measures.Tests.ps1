<#
A fixture whose answers are known by construction (USD database, amounts in USD unless said):
  Western Europe: 700 partners joined 2013-06-01 (WE Partner 001 is a Reseller, the rest too, some Gold),
    plus a Prospect, one ended 2014-12-31 and one joining 2015-06-01, so 700 partners on 1 January 2015.
  China: Great Wall Systems (Distributor, Gold) and Shenzhen Cloud (SystemIntegrator).
  2015 Enterprise revenue, 100M USD in all:
    Great Wall 32M (2015-03-31), Shenzhen 16M (2015-09-30), China direct 12M (2015-06-15)    -> China 60M (60%)
    WE Partner 001 25M EUR at 1.2 = 30M (2015-05-20), Western Europe direct 10M (2015-11-11) -> WE 40M
    partners 78M (78%), direct 22M (22%)
  2014: Great Wall 40M (China: growth to 2015 is 50%); WE Partner 001 20M EUR at 1.25 = 25M (WE growth 60%).
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    1..700 | ForEach-Object {
        [pscustomobject]@{
            Name = 'WE Partner {0:000}' -f $_; Type = 'Reseller'; Tier = $(if ($_ % 10 -eq 0) { 'Gold' } else { 'Registered' })
            Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2013-06-01'
        }
    } | Add-Partner -Database $db
    Add-Partner -Database $db -Name 'WE Prospect' -Status Prospect -Region 'Western Europe' -JoinedOn 2014-01-01
    Add-Partner -Database $db -Name 'WE Ended' -Status Terminated -Region 'Western Europe' -JoinedOn 2013-01-01 -EndedOn 2014-12-31
    Add-Partner -Database $db -Name 'WE Joiner' -Region 'Western Europe' -JoinedOn 2015-06-01
    Add-Partner -Database $db -Name 'Great Wall Systems' -Type Distributor -Tier Gold -Region China -Country CN -JoinedOn 2012-01-01
    Add-Partner -Database $db -Name 'Shenzhen Cloud' -Type SystemIntegrator -Region China -Country CN -JoinedOn 2012-01-01

    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2014 -Rate 1.25
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.2
    @(
        @{ Partner = 'Great Wall Systems'; Date = '2015-03-31'; Amount = 32000000 }
        @{ Partner = 'Shenzhen Cloud'; Date = '2015-09-30'; Amount = 16000000 }
        @{ Direct = $true; Region = 'China'; Date = '2015-06-15'; Amount = 12000000 }
        @{ Partner = 'WE Partner 001'; Date = '2015-05-20'; Amount = 25000000; Currency = 'EUR' }
        @{ Direct = $true; Region = 'Western Europe'; Date = '2015-11-11'; Amount = 10000000 }
        @{ Partner = 'Great Wall Systems'; Date = '2014-08-08'; Amount = 40000000 }
        @{ Partner = 'WE Partner 001'; Date = '2014-04-04'; Amount = 20000000; Currency = 'EUR' }
    ) | ForEach-Object { Add-PartnerRevenue -Database $db @_ }

    # One line per measure: its keys and figures, for exact comparisons.
    function Format-Measure {
        process {
            # The figures; Database (where they were measured) is asserted on its own.
            ($_.psobject.Properties | Where-Object Name -ne 'Database' | ForEach-Object { '{0}={1}' -f $_.Name, [string]$_.Value }) -join ' '
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-PartnerRevenue' {
    It 'answers "how much comes through partners": Partner 78%, Direct 22%' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel -Year 2015
        $m.Channel | Should -Be @([PartnerOps.RevenueChannel]::Partner, [PartnerOps.RevenueChannel]::Direct)
        $m.Total | Should -Be @(78000000, 22000000)
        $m.Share | Should -Be @(0.78, 0.22)
        $m.ForEach({ $_.Count }) | Should -Be @(3, 2)   # (an array's own Count would hide the property)
    }

    It 'answers "how much comes from China": 60%' {
        $china = Measure-PartnerRevenue -Database $db -GroupBy Region -Year 2015 | Where-Object Region -EQ 'China'
        $china.Total | Should -Be 60000000
        $china.Share | Should -Be 0.6
    }

    It 'converts other currencies with each year''s rate' {
        $we = Measure-PartnerRevenue -Database $db -GroupBy Region, Year -Region 'Western Europe' -Channel Partner
        $we.Total | Should -Be @(25000000, 30000000)
        $we.Currency | Should -Be @('USD', 'USD')
    }

    It 'gives one measure of everything without -GroupBy' {
        $m = Measure-PartnerRevenue -Database $db -Year 2015
        $m | Format-Measure | Should -BeExactly 'Count=5 Total=100000000.00 Average=20000000.00 Minimum=10000000.00 Maximum=32000000.00 Share=1 Currency=USD'
    }

    It 'measures in another currency with -Currency (inverse rates)' {
        (Measure-PartnerRevenue -Database $db -Year 2015 -Currency EUR).Total | Should -Be 83333333.33
    }

    It 'grows each region on the year before: PreviousTotal and Growth' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Region, Year
        # Shares within the year (issue 13): 2014 is 40M + 25M = 65M: 40/65 = 0.615385, 25/65 = 0.384615; 2015: 60/100, 40/100
        $m | Format-Measure | Should -Be @(
            'Region=China Year=2014 Count=1 Total=40000000.00 Average=40000000.00 Minimum=40000000.00 Maximum=40000000.00 Share=0.615385 Currency=USD PreviousTotal= Growth='
            'Region=China Year=2015 Count=3 Total=60000000.00 Average=20000000.00 Minimum=12000000.00 Maximum=32000000.00 Share=0.6 Currency=USD PreviousTotal=40000000.00 Growth=0.5'
            'Region=Western Europe Year=2014 Count=1 Total=25000000.00 Average=25000000.00 Minimum=25000000.00 Maximum=25000000.00 Share=0.384615 Currency=USD PreviousTotal= Growth='
            'Region=Western Europe Year=2015 Count=2 Total=40000000.00 Average=20000000.00 Minimum=10000000.00 Maximum=30000000.00 Share=0.4 Currency=USD PreviousTotal=25000000.00 Growth=0.6'
        )
    }

    It 'still compares with the year before when -Year leaves it out' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Region, Year -Year 2015
        $m.Year | Should -Be @(2015, 2015)
        $m.Growth | Should -Be @(0.5, 0.6)
        $m.Share | Should -Be @(0.6, 0.4)
    }

    It 'shows the keys first, as typed properties, then the figures' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Year, Channel)[0]
        # The key set's type name first (it picks the view with these key columns), then the measure's type.
        $m.psobject.TypeNames[0] | Should -BeExactly 'PartnerOps.RevenueMeasure#Channel#Year'
        $m.psobject.TypeNames[1] | Should -BeExactly 'PartnerOps.RevenueMeasure'
        $m.psobject.Properties.Name | Should -Be @('Year', 'Channel', 'Count', 'Total', 'Average', 'Minimum', 'Maximum', 'Share', 'Currency', 'PreviousTotal', 'Growth', 'Database')
        $m.Database | Should -BeExactly $db
        $m.Year | Should -BeOfType ([int])
        $m.Channel | Should -BeOfType ([PartnerOps.RevenueChannel])
        $m.Total | Should -BeOfType ([decimal])
    }

    It 'has no PreviousTotal or Growth without Year among the keys' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region)[0]
        $m.psobject.Properties.Name | Should -Not -Contain 'Growth'
    }

    It 'groups by partner type, sorted by type with direct revenue last' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Type -Year 2015
        $m.Type | Should -Be @([PartnerOps.PartnerType]::Reseller, [PartnerOps.PartnerType]::Distributor, [PartnerOps.PartnerType]::SystemIntegrator, $null)
        $m.Total | Should -Be @(30000000, 32000000, 16000000, 22000000)
    }

    It 'groups by quarter and month from the records' {
        (Measure-PartnerRevenue -Database $db -GroupBy Quarter -Year 2015).Total | Should -Be @(32000000, 42000000, 16000000, 10000000)
        (Measure-PartnerRevenue -Database $db -GroupBy Month -Year 2015 -Quarter 2).Month | Should -Be @(5, 6)
    }

    It 'gives the N largest totals with -Top, largest first, shares still of everything' {
        $top = @(Measure-PartnerRevenue -Database $db -GroupBy Partner -Year 2015 -Channel Partner -Top 2)
        $top.Partner | Should -Be @('Great Wall Systems', 'WE Partner 001')
        $top.Share | Should -Be @(0.410256, 0.384615)
    }

    It 'restricts the measure to piped partners' {
        $m = Get-Partner -Database $db -Region China | Measure-PartnerRevenue -Database $db -Year 2015
        $m.Total | Should -Be 48000000
        $m.Count | Should -Be 2
    }

    It 'measures piped revenue records as given, with the same answers as the database' {
        $fromDatabase = Measure-PartnerRevenue -Database $db -GroupBy Region, Channel, Year | Format-Measure
        $fromPipeline = Get-PartnerRevenue -Database $db | Measure-PartnerRevenue -Database $db -GroupBy Region, Channel, Year | Format-Measure
        $fromPipeline | Should -Be $fromDatabase
        $some = Get-PartnerRevenue -Database $db -Partner 'Great Wall Systems' | Measure-PartnerRevenue -Database $db
        $some.Total | Should -Be 72000000
    }

    It 'filters by partner name with -Partner' {
        (Measure-PartnerRevenue -Database $db -Partner 'WE*').Total | Should -Be 55000000
    }

    It 'stops with ExchangeRateMissing, naming the pair and the year' {
        $other = New-TestDatabasePath
        Add-PartnerRevenue -Database $other -Direct -Region 'Western Europe' -Date 2013-02-02 -Amount 5 -Currency GBP
        $thrown = { Measure-PartnerRevenue -Database $other -GroupBy Year } | Should -Throw -ErrorId 'ExchangeRateMissing,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '*GBP to USD for 2013*'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'measures the years asked for when only the year before lacks a rate, and warns that Growth is left out' {
        $other = New-TestDatabasePath
        Add-PartnerRevenue -Database $other -Direct -Region China -Date 2015-02-02 -Amount 5
        Add-PartnerRevenue -Database $other -Direct -Region China -Date 2014-02-02 -Amount 5 -Currency GBP
        $m = Measure-PartnerRevenue -Database $other -GroupBy Year -Year 2015 -WarningVariable warnings -WarningAction SilentlyContinue
        $m.Total | Should -Be 5
        $m.PreviousTotal | Should -BeNullOrEmpty
        $m.Growth | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '*GBP to USD for 2014*'
    }

    It 'refuses piped objects that are neither partners nor revenue, and measures nothing' {
        $out = @('text' | Measure-PartnerRevenue -Database $db -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRevenueValue,*'
    }

    It 'shows its key columns and then the figures, money with separators and shares as percentages' {
        $lines = @(Measure-PartnerRevenue -Database $db -GroupBy Region, Year -Year 2015 | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Region\s+Year\s+Total\s+Share\s+Growth\s+Count$'
        $lines[1] | Should -Match '^------\s+----\s+-----\s+-----\s+------\s+-----$'
        $lines[2] | Should -Match '^China\s+2015\s+60,000,000\.00 USD\s+60\.0 %\s+50\.0 %\s+3$'
        $lines.Count | Should -Be 4
    }

    It 'follows -GroupBy with its columns, and shows direct revenue as (direct)' {
        $lines = @(Measure-PartnerRevenue -Database $db -GroupBy Channel, Partner -Year 2015 | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Partner\s+Channel\s+Total\s+Share\s+Count$'
        @($lines -match '^\(direct\)\s+Direct\s+22,000,000\.00 USD\s').Count | Should -Be 1
    }
}

Describe 'Exchange rates' {
    BeforeAll {
        $rates = New-TestDatabase
    }

    It 'sets and gets a yearly rate' {
        $r = Set-PartnerExchangeRate -Database $rates -From gbp -To usd -Year 2014 -Rate 1.55 -PassThru
        $r | Should -BeOfType ([PartnerOps.ExchangeRate])
        $r.From, $r.To, $r.Year, $r.Rate | Should -Be @('GBP', 'USD', 2014, 1.55)
        (Get-PartnerExchangeRate -Database $rates -From GBP).Rate | Should -Be 1.55
    }

    It 'replaces the rate of the same pair and year' {
        Set-PartnerExchangeRate -Database $rates -From GBP -To USD -Year 2014 -Rate 1.648
        @(Get-PartnerExchangeRate -Database $rates -From GBP -Year 2014).Rate | Should -Be @(1.648)
    }

    It 'takes rates from CSV rows' {
        @('From,To,Year,Rate', 'EUR,USD,2012,1.286', 'EUR,USD,2013,1.328') | ConvertFrom-Csv | Set-PartnerExchangeRate -Database $rates
        (Get-PartnerExchangeRate -Database $rates -From EUR -To USD).Year | Should -Be @(2012, 2013)
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a zero rate'; Arguments = @{ From = 'EUR'; To = 'USD'; Year = 2014; Rate = 0 }; ErrorId = 'InvalidExchangeRate' }
        @{ Case = 'the same currency twice'; Arguments = @{ From = 'EUR'; To = 'eur'; Year = 2014; Rate = 1 }; ErrorId = 'InvalidExchangeRate' }
        @{ Case = 'an unknown currency'; Arguments = @{ From = 'EUX'; To = 'USD'; Year = 2014; Rate = 1 }; ErrorId = 'InvalidCurrencyCode' }
    ) {
        Set-PartnerExchangeRate -Database $rates @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Targets' {
    BeforeAll {
        $targets = Join-Path (Get-TestFolder $db) 'targets.csv'
        @(
            'Metric,Region,Year,Value,Currency'
            'PartnerCount,Western Europe,2015,1000,'
            'PartnerRevenueShare,,2015,1,'
            'PartnerRevenue,China,2015,100000000,USD'
            'PartnerCount,China,2016,5,'
        ) | Set-Content -Path $targets -Encoding utf8
        Import-Csv $targets | Set-PartnerTarget -Database $db
    }

    It 'stores targets from CSV rows, an empty region meaning all regions' {
        $all = @(Get-PartnerTarget -Database $db -Year 2015)
        $all.Count | Should -Be 3
        $all | ForEach-Object { $_ | Should -BeOfType ([PartnerOps.PartnerTarget]) }
        ($all | Where-Object Metric -EQ 'PartnerRevenueShare').Region | Should -BeNullOrEmpty
        ($all | Where-Object Metric -EQ 'PartnerRevenue').Currency | Should -BeExactly 'USD'
    }

    It 'filters targets by metric and region' {
        @(Get-PartnerTarget -Database $db -Metric PartnerCount).Count | Should -Be 2
        @(Get-PartnerTarget -Database $db -Region 'west*').Region | Should -Be @('Western Europe')
    }

    It 'replaces the value of the same metric, region and year' {
        $t = Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'china' -Year 2016 -Value 8 -PassThru
        $t.Value | Should -Be 8
        @(Get-PartnerTarget -Database $db -Year 2016).Value | Should -Be @(8)
    }

    It 'refuses <Case> with InvalidTargetValue' -ForEach @(
        @{ Case = 'a share given as a percentage'; Arguments = @{ Metric = 'PartnerRevenueShare'; Year = 2015; Value = 100 }; Named = '*100*fraction*' }
        @{ Case = 'a fractional partner count'; Arguments = @{ Metric = 'PartnerCount'; Year = 2015; Value = 10.5 }; Named = '*10.5*whole*' }
        @{ Case = 'a currency on a count'; Arguments = @{ Metric = 'PartnerCount'; Year = 2015; Value = 10; Currency = 'USD' }; Named = '*USD*' }
    ) {
        Set-PartnerTarget -Database $db @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTargetValue,*'
        $err[0].Exception.Message | Should -BeLike $Named
    }

    It 'measures "700 partners in Western Europe, target 1,000" on 1 January' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -Region 'Western Europe' -AsOf 2015-01-01
        $p | Should -BeOfType ([PartnerOps.TargetProgress])
        $p.Metric | Should -Be ([PartnerOps.TargetMetric]::PartnerCount)
        $p.Actual, $p.Target, $p.Gap, $p.Progress | Should -Be @(700, 1000, 300, 0.7)
        $p.Expected | Should -Be 700.82   # to the end of the first day: 700 + 300 * 1/365 = 700.8219...
        $p.OnTrack | Should -BeFalse
    }

    It 'expects a partner count pro rata from the start of the year' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -Region 'Western Europe' -AsOf 2015-07-02
        $p.Actual | Should -Be 701
        $p.Expected | Should -Be 850.41   # 2 July is day 183 of 365: 700 + 300 * 183 / 365 = 850.4109...
        $p.OnTrack | Should -BeFalse
    }

    It 'measures "78% through partners, goal 100%" over the whole year' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2016-03-01 | Where-Object Metric -EQ 'PartnerRevenueShare'
        $p.Actual, $p.Target, $p.Gap, $p.Expected | Should -Be @(0.78, 1, 0.22, 1)
        $p.OnTrack | Should -BeFalse
        $p.AsOf | Should -Be ([datetime]'2015-12-31')
    }

    It 'measures partner revenue booked so far against a pro-rata expectation' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -Region China -AsOf 2015-07-02 | Where-Object Metric -EQ 'PartnerRevenue'
        $p.Actual | Should -Be 32000000
        $p.Expected | Should -Be 50136986.30   # 100M * 183 / 365 = 50,136,986.3013...
        $p.Currency | Should -BeExactly 'USD'
        $p.OnTrack | Should -BeFalse
    }

    It 'removes a target by metric, year and region, and nothing with -WhatIf' {
        Remove-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Region China -WhatIf
        @(Get-PartnerTarget -Database $db -Year 2016).Count | Should -Be 1
        Remove-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Region China -Confirm:$false
        @(Get-PartnerTarget -Database $db -Year 2016).Count | Should -Be 0
    }

    It 'removes piped targets, and reports a missing one as TargetNotFound' {
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Value 1
        Get-PartnerTarget -Database $db -Year 2017 | Remove-PartnerTarget -Database $db -Confirm:$false
        @(Get-PartnerTarget -Database $db -Year 2017).Count | Should -Be 0
        Remove-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'TargetNotFound,*'
    }
}
