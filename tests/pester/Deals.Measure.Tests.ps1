# Measure-PartnerDeal (issue 19) through the module, on both backends: counts by status as of dates, amounts converted with the
# rates of each deal's registration year, win rate, median days to close, each GroupBy key, the filters, and no deals giving
# nothing. Every expected figure is worked out by hand from the nine deals below, registered, approved, denied and closed with
# the deal cmdlets on the days shown ("Stored": the status they end in; rates: EUR->USD 1.25 in 2014 and 1.1 in 2015, GBP->USD
# 1.5 in 2015; reporting currency USD):
#
#   Ref Partner  Region            Segment     Amount       Registered  Expires     Stored     Decided     Closed      USD
#   D1  Acme     Western Europe    Enterprise  100,000 EUR  2015-01-10  2015-04-10  Won        2015-01-15  2015-03-01  110,000 (50 days)
#   D2  Acme     Western Europe    Enterprise   50,000 EUR  2015-02-01  2015-05-02  Lost       -           2015-02-21   55,000 (20 days)
#   D3  Acme     Western Europe    Carrier      20,000 EUR  2014-11-01  2015-01-30  Submitted  -           -            25,000 (2014 rate)
#   D4  Globex   western europe    Enterprise   10,000 GBP  2015-12-01  2016-02-29  Approved   2015-12-05  -            15,000
#   D5  Globex   western europe    Enterprise   -           2015-06-01  2015-08-30  Denied     2015-06-03  -            -
#   D6  Initech  North America     Enterprise   30,000 USD  2015-03-01  2015-05-30  Won        2015-03-05  2015-04-10   30,000 (40 days)
#   D7  Initech  North America     Consumer      5,000 USD  2015-12-20  2016-03-19  Submitted  -           -             5,000
#   D8  Initech  North America     Enterprise    8,000 USD  2016-01-05  2016-04-04  Submitted  -           -             8,000
#   D9  Nullco   (none)            Enterprise    1,000 USD  2015-05-05  2015-08-03  Lost       2015-05-06  2015-07-04    1,000 (60 days)
#
# On 2015-12-31 (D8 not registered yet): Submitted D7; Approved D4; Denied D5; Won D1, D6; Lost D2, D9; Expired D3.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # The deals of the table above, registered, decided and closed through the module on their days.
    function New-DealDatabase {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -Region 'Western Europe' -Country DE -JoinedOn 2010-01-01
        Add-Partner -Database $db -Name 'Globex' -Region 'western europe' -Country FR -JoinedOn 2010-01-01
        Add-Partner -Database $db -Name 'Initech' -Region 'North America' -Country US -JoinedOn 2010-01-01
        Add-Partner -Database $db -Name 'Nullco' -Country US -JoinedOn 2010-01-01
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2014 -Rate 1.25
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1
        Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate 1.5
        @(
            'Reference,Partner,Customer,CustomerCountry,Segment,Amount,Currency,RegisteredOn,ExpiresOn'
            'D1,Acme,Alpha GmbH,DE,Enterprise,100000,EUR,2015-01-10,2015-04-10'
            'D2,Acme,Beta AG,DE,Enterprise,50000,EUR,2015-02-01,2015-05-02'
            'D3,Acme,Gamma KG,DE,Carrier,20000,EUR,2014-11-01,2015-01-30'
            'D4,Globex,Delta SA,FR,Enterprise,10000,GBP,2015-12-01,2016-02-29'
            'D5,Globex,Epsilon SA,FR,Enterprise,,,2015-06-01,2015-08-30'
            'D6,Initech,Zeta Inc,US,Enterprise,30000,USD,2015-03-01,2015-05-30'
            'D7,Initech,Eta LLC,US,Consumer,5000,USD,2015-12-20,2016-03-19'
            'D8,Initech,Theta Corp,US,Enterprise,8000,USD,2016-01-05,2016-04-04'
            'D9,Nullco,Iota Inc,US,Enterprise,1000,USD,2015-05-05,2015-08-03'
        ) | ConvertFrom-Csv | Register-PartnerDeal -Database $db
        foreach ($approval in @('D1', '2015-01-15'), @('D4', '2015-12-05'), @('D6', '2015-03-05'), @('D9', '2015-05-06')) {
            Approve-PartnerDeal -Database $db -Reference $approval[0] -Date $approval[1]
        }
        Deny-PartnerDeal -Database $db -Reference D5 -Date 2015-06-03 -Reason 'Served directly'
        Close-PartnerDeal -Database $db -Reference D1 -Won -Amount 100000 -Date 2015-03-01
        Close-PartnerDeal -Database $db -Reference D6 -Won -Amount 30000 -Date 2015-04-10
        Close-PartnerDeal -Database $db -Reference D2 -Lost -Date 2015-02-21 -Reason 'Chose a competitor'
        Close-PartnerDeal -Database $db -Reference D9 -Lost -Date 2015-07-04 -Reason 'Budget cut'
        $db
    }

    # A measure's figures as one line: Registered, the six statuses, the five amounts, WinRate, MedianDaysToClose, AmountMissing.
    function Format-DealMeasure {
        process {
            $m = $_
            $rate = if ($null -eq $m.WinRate) { '-' } else { $m.WinRate.ToString([cultureinfo]::InvariantCulture) }
            $median = if ($null -eq $m.MedianDaysToClose) { '-' } else { $m.MedianDaysToClose.ToString([cultureinfo]::InvariantCulture) }
            $amounts = ($m.RegisteredAmount, $m.ApprovedAmount, $m.WonAmount, $m.LostAmount, $m.ExpiredAmount | ForEach-Object { $_.ToString('0.00', [cultureinfo]::InvariantCulture) }) -join ' '
            "R$($m.Registered) S$($m.Submitted) A$($m.Approved) D$($m.Denied) W$($m.Won) L$($m.Lost) E$($m.Expired) | $amounts $($m.Currency) | $rate $median m$($m.AmountMissing)"
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-PartnerDeal' {
    BeforeAll {
        $script:db = New-DealDatabase
    }

    It 'counts every deal registered by AsOf by its status that day, with amounts in the reporting currency' {
        $m = Measure-PartnerDeal -Database $db -AsOf 2015-12-31
        @($m).Count | Should -Be 1
        $m.PSObject.TypeNames | Should -Contain 'PartnerOps.DealMeasure'
        # 110,000 + 55,000 + 25,000 + 15,000 + 30,000 + 5,000 + 1,000; won 110,000 + 30,000; lost 55,000 + 1,000; days 20, 40, 50, 60.
        $m | Format-DealMeasure | Should -Be 'R8 S1 A1 D1 W2 L2 E1 | 241000.00 15000.00 140000.00 56000.00 25000.00 USD | 0.5 45 m1'
        $m.AsOf | Should -Be ([datetime]'2015-12-31')
        $m.Database | Should -Be (Get-Partner -Database $db -Name Acme).Database
    }

    It 'reads each deal as it stood on an earlier day, and leaves out those registered later' {
        # 2015-03-15: D1 won, D2 lost, D3 expired (2015-01-30), D6 approved (closed only on 2015-04-10).
        Measure-PartnerDeal -Database $db -AsOf 2015-03-15 | Format-DealMeasure |
            Should -Be 'R4 S0 A1 D0 W1 L1 E1 | 220000.00 30000.00 110000.00 55000.00 25000.00 USD | 0.5 35 m0'
        # 2015-01-12: D1 not decided yet, D3 still protected: both Submitted; nothing closed.
        Measure-PartnerDeal -Database $db -AsOf 2015-01-12 | Format-DealMeasure |
            Should -Be 'R2 S2 A0 D0 W0 L0 E0 | 135000.00 0.00 0.00 0.00 0.00 USD | - - m0'
        # 2016-01-31: D8 registered; D3 and D2/D5/D9 as before; D4 and D7 still held.
        (Measure-PartnerDeal -Database $db -AsOf 2016-01-31).Registered | Should -Be 9
    }

    It 'writes nothing, and no error, when no deal was registered by AsOf or the database has none' {
        Measure-PartnerDeal -Database $db -AsOf 2014-10-31 -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
        $empty = New-TestDatabase
        Measure-PartnerDeal -Database $empty -GroupBy Region -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -BeNullOrEmpty
    }

    It 'groups by region, one spelling per region key, a partner without region last' {
        $rows = Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Region
        $rows | ForEach-Object { "$($_.Region)" } | Should -Be @('North America', 'Western Europe', '')
        $rows | Format-DealMeasure | Should -Be @(
            'R2 S1 A0 D0 W1 L0 E0 | 35000.00 0.00 30000.00 0.00 0.00 USD | 1 40 m0'
            'R5 S0 A1 D1 W1 L1 E1 | 205000.00 15000.00 110000.00 55000.00 25000.00 USD | 0.5 35 m1'
            'R1 S0 A0 D0 W0 L1 E0 | 1000.00 0.00 0.00 1000.00 0.00 USD | 0 60 m0'
        )
    }

    It 'groups by partner, segment and status' {
        Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Partner | ForEach-Object { "$($_.Partner) $($_.Registered) $($_.WonAmount.ToString('0.00', [cultureinfo]::InvariantCulture))" } |
            Should -Be @('Acme 3 110000.00', 'Globex 2 0.00', 'Initech 2 30000.00', 'Nullco 1 0.00')
        Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Segment | ForEach-Object { "$($_.Segment) $($_.Registered) $($_.RegisteredAmount.ToString('0.00', [cultureinfo]::InvariantCulture))" } |
            Should -Be @('Carrier 1 25000.00', 'Consumer 1 5000.00', 'Enterprise 6 211000.00')
        # Statuses in their order (Submitted, Approved, Denied, Won, Lost, Expired), each group counting only itself.
        Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Status | ForEach-Object { "$($_.Status) $($_.Registered) $($_.RegisteredAmount.ToString('0.00', [cultureinfo]::InvariantCulture))" } |
            Should -Be @('Submitted 1 5000.00', 'Approved 1 15000.00', 'Denied 1 0.00', 'Won 2 140000.00', 'Lost 2 56000.00', 'Expired 1 25000.00')
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Status | Where-Object Status -EQ Won).Status | Should -BeOfType [PartnerOps.DealStatus]
    }

    It 'groups by the year and quarter of registration, keys in the order given' {
        $rows = Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Year, Quarter
        $rows | ForEach-Object { "$($_.Year) Q$($_.Quarter) $($_.Registered) $($_.Won)" } | Should -Be @('2014 Q4 1 0', '2015 Q1 3 2', '2015 Q2 2 0', '2015 Q4 2 0')
        $rows[0].PSObject.Properties.Name | Select-Object -First 3 | Should -Be @('Year', 'Quarter', 'Registered')
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Quarter, Region)[0].PSObject.Properties.Name | Select-Object -First 2 | Should -Be @('Quarter', 'Region')
    }

    It 'converts to another currency with the rates of each registration year' {
        # EUR: the euro deals as they are; USD / 1.1 (2015); GBP * 1.5 / 1.1: 170,000 + 51,000 / 1.1 = 216,363.64; won 100,000 + 30,000 / 1.1.
        $m = Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency eur
        $m.Currency | Should -Be 'EUR'
        $m.RegisteredAmount | Should -Be 216363.64
        $m.WonAmount | Should -Be 127272.73
        $m.ApprovedAmount | Should -Be 13636.36
    }

    It 'stops with ExchangeRateMissing naming the pair and year when an amount cannot be converted' {
        { Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency JPY } | Should -Throw -ErrorId 'ExchangeRateMissing*'
        $err = try { Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency JPY -ErrorAction Stop } catch { $_ }
        $err.Exception.Message | Should -Match 'There is no exchange rate from (EUR|GBP|USD) to JPY for 201[45]'
    }

    It 'names the same missing rate on every backend: the first in currency, then year order' {
        # EUR 2014 comes first of EUR 2014, EUR 2015, GBP 2015, USD 2015, whatever order the rows arrive in (issue 19 review).
        $err = try { Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency JPY -ErrorAction Stop } catch { $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ExchangeRateMissing,*'
        $err.Exception.Message | Should -BeLike 'There is no exchange rate from EUR to JPY for 2014*'
        $err = try { Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency JPY -Year 2015 -GroupBy Segment -ErrorAction Stop } catch { $_ }
        $err.Exception.Message | Should -BeLike 'There is no exchange rate from EUR to JPY for 2015*'
        $err = try { Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Currency JPY -Partner Globex, Initech -ErrorAction Stop } catch { $_ }
        $err.Exception.Message | Should -BeLike 'There is no exchange rate from GBP to JPY for 2015*'
    }

    It 'warns, naming the closest spellings, of a segment no deal has, as of a region no partner has' {
        Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Segment 'Entreprise' -WarningVariable warned -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "No deal has segment 'Entreprise'*'Enterprise'*"
        # Two values, one known: the measure, and a warning for the other one only.
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Segment 'Carier', 'Enterprise' -WarningVariable warned -WarningAction SilentlyContinue).Registered | Should -Be 6
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "No deal has segment 'Carier'*'Carrier'*"
        # A segment some deal has, though none registered by AsOf: no deals, and no warning.
        Measure-PartnerDeal -Database $db -AsOf 2015-06-30 -Segment 'Consumer' -WarningVariable warned -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        @($warned).Count | Should -Be 0
    }

    It 'measures only the deals of the partners, regions, segments and years given' {
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Partner Acme, 'init*') | Format-DealMeasure |
            Should -Be 'R5 S1 A0 D0 W2 L1 E1 | 225000.00 0.00 140000.00 55000.00 25000.00 USD | 0.666667 40 m0'
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Region 'WESTERN EUROPE').Registered | Should -Be 5
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Region 'North*', 'western europe' -Segment enterprise).Registered | Should -Be 5
        (Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Year 2014).RegisteredAmount | Should -Be 25000
        (Measure-PartnerDeal -Database $db -AsOf 2016-01-31 -Year 2015, 2016 -GroupBy Year).Registered | Should -Be @(7, 1)
    }

    It 'names a partner that does not exist (PartnerNotFound) and measures the others' {
        $m = Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -Partner 'Nobody Ltd', Nullco -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $failures[0].Exception.Message | Should -BeLike "*'Nobody Ltd'*"
        $m.Registered | Should -Be 1
        Measure-PartnerDeal -Database $db -Partner 'Nobody Ltd' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a key given twice and a day outside the years 1900 to 2999, naming the value' {
        { Measure-PartnerDeal -Database $db -GroupBy Year, Region, Year } | Should -Throw -ErrorId 'InvalidPartnerValue*'
        $err = try { Measure-PartnerDeal -Database $db -GroupBy Year, Region, Year -ErrorAction Stop } catch { $_ }
        $err.Exception.Message | Should -BeLike "GroupBy 'Year' is not valid: it is given twice*"
        $err = try { Measure-PartnerDeal -Database $db -AsOf 1850-01-01 -ErrorAction Stop } catch { $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $err.Exception.Message | Should -BeLike '*1850*'
        { Measure-PartnerDeal -Database $db -GroupBy Country } | Should -Throw
    }

    It 'shows the keys in one Group column in a table that fits 80 columns' {
        $lines = Measure-PartnerDeal -Database $db -AsOf 2015-12-31 -GroupBy Region, Year | Out-String -Width 80 | ForEach-Object { $_ -split "`r?`n" } | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 79 }
        $lines[0] | Should -Match '^Group\s+Registered\s+Won\s+Lost\s+Expired\s+WinRate\s+WonAmount$'
        ($lines -join "`n") | Should -Match 'Region=Western\s'
        $lines.Trim() | Should -Contain 'Europe'        # 'Region=Western Europe' wrapped at a space, never cut
        $lines.Trim() | Should -Contain 'Year=2014'
        ($lines -join "`n") | Should -Match 'Region=\(none\)'
        ($lines -join "`n") | Should -Match '110,000\.00 USD'
    }
}
