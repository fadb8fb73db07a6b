<#
Issue 12, kind 5: money and time that came out wrong. Every expected value below was computed by hand (the
computation is in the comment beside it), half away from zero, the module's rule; none is read back from the module.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A fresh USD database; returns its path.
    function New-MoneyDatabase {
        param([string] $Currency = 'USD')
        $path = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $path -Currency $Currency
        $path
    }

    # Runs a script block in each culture, restoring the session's afterwards.
    function Invoke-InCulture {
        param([string] $Name, [scriptblock] $Script)
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo($Name)
            & $Script
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Converting through an inverse or cross rate divides by the stored rate' {
    BeforeAll {
        $db = New-MoneyDatabase
        Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate 1.2
    }

    # Each amount is the only USD record of its own region, measured in GBP: amount / 1.2, rounded once to pence.
    It '<Amount> USD is <Gbp> GBP with GBP->USD 1.2 (<Hand>)' -ForEach @(
        @{ Region = 'R1'; Amount = '1234.59'; Gbp = 1028.83; Hand = '1234.59 / 1.2 = 1028.825 -> 1028.83' }
        @{ Region = 'R2'; Amount = '0.03'; Gbp = 0.03; Hand = '0.03 / 1.2 = 0.025 -> 0.03' }
        @{ Region = 'R3'; Amount = '-1234.59'; Gbp = -1028.83; Hand = '-1234.59 / 1.2 = -1028.825 -> -1028.83 (away from zero)' }
        @{ Region = 'R4'; Amount = '2.01'; Gbp = 1.68; Hand = '2.01 / 1.2 = 1.675 -> 1.68' }
        @{ Region = 'R5'; Amount = '0.63'; Gbp = 0.53; Hand = '0.63 / 1.2 = 0.525 -> 0.53' }
        @{ Region = 'R6'; Amount = '1.05'; Gbp = 0.88; Hand = '1.05 / 1.2 = 0.875 -> 0.88' }
    ) {
        Add-PartnerRevenue -Database $db -Direct -Region $Region -Date 2015-06-01 -Amount $Amount -Currency USD
        $m = Measure-PartnerRevenue -Database $db -Region $Region -Currency GBP
        $m.Total | Should -Be $Gbp
        $m.Currency | Should -Be 'GBP'
    }

    It 'converts through the reporting currency with one division: EUR amounts in GBP with EUR->USD 1.1 and GBP->USD 1.2' {
        $cross = New-MoneyDatabase
        Set-PartnerExchangeRate -Database $cross -From EUR -To USD -Year 2015 -Rate 1.1
        Set-PartnerExchangeRate -Database $cross -From GBP -To USD -Year 2015 -Rate 1.2
        Add-PartnerRevenue -Database $cross -Direct -Region A -Date 2015-01-10 -Amount 0.06 -Currency EUR
        Add-PartnerRevenue -Database $cross -Direct -Region B -Date 2015-01-10 -Amount 0.18 -Currency EUR
        Add-PartnerRevenue -Database $cross -Direct -Region C -Date 2015-01-10 -Amount -0.18 -Currency EUR
        $m = Measure-PartnerRevenue -Database $cross -GroupBy Region -Currency GBP
        # 0.06 * 1.1 / 1.2 = 0.066 / 1.2 = 0.055 -> 0.06; 0.18 * 1.1 / 1.2 = 0.198 / 1.2 = 0.165 -> 0.17; -0.165 -> -0.17
        $m.Total | Should -Be @(0.06, 0.17, -0.17)
        # Share: each over the total 0.06 (0.055 + 0.165 - 0.165 = 0.055): 0.055/0.055 = 1, 0.165/0.055 = 3, -3
        $m.Share | Should -Be @(1, 3, -3)
    }

    It 'converts into three and four minor digits with one rounding: JPY in KWD, USD in CLF' {
        $digits = New-MoneyDatabase
        Set-PartnerExchangeRate -Database $digits -From KWD -To JPY -Year 2015 -Rate 240
        Set-PartnerExchangeRate -Database $digits -From CLF -To USD -Year 2015 -Rate 40
        Add-PartnerRevenue -Database $digits -Direct -Region J -Date 2015-02-02 -Amount 3 -Currency JPY
        Add-PartnerRevenue -Database $digits -Direct -Region U -Date 2015-02-02 -Amount 0.01 -Currency USD
        # 3 / 240 = 0.0125 -> 0.013 KWD
        (Measure-PartnerRevenue -Database $digits -Region J -Currency KWD).Total | Should -Be 0.013
        # 0.01 / 40 = 0.00025 -> 0.0003 CLF
        (Measure-PartnerRevenue -Database $digits -Region U -Currency CLF).Total | Should -Be 0.0003
    }

    It 'rounds a revenue target''s expectation once: 0.91 USD on the third day of 2015 expects 0.01' {
        $t = New-MoneyDatabase
        Set-PartnerTarget -Database $t -Metric PartnerRevenue -Year 2015 -Value 0.91 -Currency USD
        Set-PartnerTarget -Database $t -Metric PartnerRevenue -Year 2016 -Value 0.91 -Currency USD
        # 2015: 2 days of 364 elapsed on 2015-01-03: 0.91 * 2 / 364 = 0.005 -> 0.01
        (Measure-PartnerTarget -Database $t -Year 2015 -AsOf 2015-01-03).Expected | Should -Be 0.01
        # 2015-01-07: 0.91 * 6 / 364 = 0.015 -> 0.02
        (Measure-PartnerTarget -Database $t -Year 2015 -AsOf 2015-01-07).Expected | Should -Be 0.02
        # 2016 (leap, 365 days from 1 Jan to 31 Dec): 2016-03-01 is 60 days in: 0.91 * 60 / 365 = 0.149589... -> 0.15
        (Measure-PartnerTarget -Database $t -Year 2016 -AsOf 2016-03-01).Expected | Should -Be 0.15
    }
}

Describe 'Target progress is one quotient of unrounded figures' {
    BeforeAll {
        $db = New-MoneyDatabase
        Add-Partner -Database $db -Name 'Progress Partner' -Region P -JoinedOn 2014-01-01
        Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate 1.2
        Add-PartnerRevenue -Database $db -Partner 'Progress Partner' -Date 2015-02-01 -Amount 1.01 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region P -Date 2015-02-01 -Amount 1.01 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region P -Date 2015-02-02 -Amount 1.01 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region P -Year 2015 -Value 3 -Currency GBP
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Region P -Year 2015 -Value 0.5
    }

    It 'gives a revenue target''s progress from the exact converted sum' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-12-31 | Where-Object Metric -eq 'PartnerRevenue'
        # 1.01 / 1.2 = 0.841666... GBP: Actual 0.84; Progress 0.841666... / 3 = 0.280555... -> 0.280556 (not 0.84 / 3 = 0.28)
        $p.Actual | Should -Be 0.84
        $p.Progress | Should -Be 0.280556
        $p.Gap | Should -Be 2.16
    }

    It 'gives a share target''s progress from the exact share' {
        $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-12-31 | Where-Object Metric -eq 'PartnerRevenueShare'
        # share 1.01 / 3.03 = 1/3: Actual 0.333333; Progress (1/3) / 0.5 = 0.666666... -> 0.666667 (not 0.333333 / 0.5 = 0.666666)
        $p.Actual | Should -Be 0.333333
        $p.Progress | Should -Be 0.666667
    }
}

Describe 'Totals that would overflow 64 bits are refused' {
    BeforeAll {
        # 9,223 records of 999,999,999,999.990 KWD: 9,222,999,999,999,907.770 KWD = 9,222,999,999,999,907,770 fils,
        # under the Int64 limit 9,223,372,036,854,775,807 fils; one more (9,223,999,999,999,907,760) is over it.
        $db = New-MoneyDatabase
        $csv = Join-Path (New-TestFolder) 'big.csv'
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
        foreach ($i in 1..9224) { $lines.Add(",2015-02-$('{0:00}' -f (($i % 28) + 1)),999999999999.990,KWD,Big,EMEA,") }
        Set-Content -Path $csv -Value $lines
        $result = Import-PartnerRevenue -Database $db -Path $csv -ErrorVariable importErrors -ErrorAction SilentlyContinue
    }

    It 'imports 9,223 records and refuses the 9,224th naming the amount and the total' {
        $result.Inserted | Should -Be 9223
        $result.Failed | Should -Be 1
        $importErrors.Count | Should -Be 1
        $message = $importErrors[0].Exception.Message
        $message | Should -Match 'Line 9225'
        $message | Should -Match '999,999,999,999\.990 KWD'
        $message | Should -Match '9,222,999,999,999,907\.770 KWD now'
        $message | Should -Match '9,223,372,036,854,775\.807 KWD'
        $message | Should -Not -Match 'SQLite|po_revenue_total_overflow'
    }

    It 'measures the stored records exactly: Average equals Minimum and Maximum' {
        $m = Measure-PartnerRevenue -Database $db -Currency KWD
        $m.Count | Should -Be 9223
        $m.Total | Should -Be 9222999999999907.770d      # 9,223 * 999,999,999,999.990
        $m.Average | Should -Be 999999999999.990d
        $m.Minimum | Should -Be 999999999999.990d
        $m.Maximum | Should -Be 999999999999.990d
    }

    It 'refuses one more through Add-PartnerRevenue, as a parameter and piped, with InvalidAmount and nothing written' {
        { Add-PartnerRevenue -Database $db -Direct -Region EMEA -Segment Big -Date 2015-12-31 -Amount 999999999999.99 -Currency KWD -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAmount,PartnerOps.Commands.AddPartnerRevenueCommand' -ExpectedMessage '*999,999,999,999.990 KWD*9,222,999,999,999,907.770 KWD now*'
        $piped = @(
            [pscustomobject]@{ Region = 'EMEA'; Segment = 'Big'; Date = '2015-07-01'; Amount = '999999999999.99'; Currency = 'KWD' }
            [pscustomobject]@{ Region = 'EMEA'; Segment = 'Small'; Date = '2015-07-01'; Amount = '1.5'; Currency = 'KWD' }
        )
        $piped | Add-PartnerRevenue -Database $db -Direct -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
        $pipeErrors.Count | Should -Be 1
        $pipeErrors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        # The second item went in; the refused ones left nothing (the count and total of the cell are unchanged).
        (Measure-PartnerRevenue -Database $db -Segment Big -Currency KWD).Count | Should -Be 9223
        (Measure-PartnerRevenue -Database $db -Segment Small -Currency KWD).Total | Should -Be 1.500
        (Get-PartnerRevenue -Database $db -Segment Big -Year 2015 -From 2015-07-01 -To 2015-12-31) | Should -BeNullOrEmpty
    }

    It 'sums across cells beyond 64 bits without error: -GroupBy Region, Year, Quarter and the total of all' {
        # A second region and a second segment each with one more large record: the sum of all is beyond Int64 in fils.
        Add-PartnerRevenue -Database $db -Direct -Region APAC -Segment Big -Date 2015-03-03 -Amount 999999999999.99 -Currency KWD
        Add-PartnerRevenue -Database $db -Direct -Region EMEA -Segment Other -Date 2015-04-04 -Amount 999999999999.99 -Currency KWD
        # All: 9,222,999,999,999,907.770 + 1.5 + 2 * 999,999,999,999.990 = 9,224,999,999,999,909.250
        (Measure-PartnerRevenue -Database $db -Currency KWD).Total | Should -Be 9224999999999909.250d
        $regions = Measure-PartnerRevenue -Database $db -GroupBy Region -Currency KWD
        $regions.Region | Should -Be @('APAC', 'EMEA')
        # EMEA: 9,222,999,999,999,907.770 + 1.5 + 999,999,999,999.990 = 9,223,999,999,999,909.260
        $regions.Total | Should -Be @(999999999999.990d, 9223999999999909.260d)
        $quarters = Measure-PartnerRevenue -Database $db -GroupBy Year, Quarter -Currency KWD
        # Q1: 9,223 records in February + APAC in March; Q2: Other in April; Q3: Small 1.5 in July
        $quarters.Quarter | Should -Be @(1, 2, 3)
        # Q1: 9,222,999,999,999,907.770 + 999,999,999,999.990 = 9,223,999,999,999,907.760
        $quarters.Total | Should -Be @(9223999999999907.760d, 999999999999.990d, 1.500d)
    }

    It 'converts sums beyond 64 bits exactly: the KWD total in USD at 3.25' {
        Set-PartnerExchangeRate -Database $db -From KWD -To USD -Year 2015 -Rate 3.25
        # 9,224,999,999,999,909.250 * 3.25 = 27,674,999,999,999,727.75 + 2,306,249,999,999,977.3125 = 29,981,249,999,999,705.0625 -> .06
        (Measure-PartnerRevenue -Database $db).Total | Should -Be 29981249999999705.06d
    }

    It 'checks the database without an integer overflow error' {
        $findings = Test-PartnerDatabase -Database $db -Detailed
        ($findings | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'reports a total an older version overflowed to REAL, and measures without a raw SQLite error' {
        $old = New-MoneyDatabase
        Add-PartnerRevenue -Database $old -Direct -Region EMEA -Date 2015-01-01 -Amount 1 -Currency KWD
        Close-PooledConnections
        Invoke-RawSql -Database $old -Sql 'UPDATE revenue_totals SET total = total + 9223372036854775807'   # what SQLite's + did: a REAL
        $findings = Test-PartnerDatabase -Database $old -Detailed
        ($findings | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeFalse
        { Measure-PartnerRevenue -Database $old -GroupBy Quarter -Currency KWD } | Should -Not -Throw
    }

    It 'refuses a removal that would take a total beyond 64 bits, keeping the record' {
        $rm = New-MoneyDatabase
        # A cell of -0.001 KWD and then records up to the limit: removing the -0.001 would leave 9,223,372,036,854,775,808 fils.
        $csv = Join-Path (New-TestFolder) 'edge.csv'
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
        $lines.Add(',2015-01-01,-0.001,KWD,Edge,EMEA,NEG')
        # 9,223 * 999,999,999,999,990 fils = 9,222,999,999,999,907,770; limit - that = 372,036,854,868,037; one more for the -1:
        foreach ($i in 1..9223) { $lines.Add(",2015-01-02,999999999999.990,KWD,Edge,EMEA,") }
        $lines.Add(',2015-01-03,372036854868.038,KWD,Edge,EMEA,')
        Set-Content -Path $csv -Value $lines
        $r = Import-PartnerRevenue -Database $rm -Path $csv
        # -1 + 9,222,999,999,999,907,770 + 372,036,854,868,038 = 9,223,372,036,854,775,807 fils: the limit itself
        $r.Inserted | Should -Be 9225
        $negative = Get-PartnerRevenue -Database $rm -Segment Edge | Where-Object Reference -eq 'NEG'
        { $negative | Remove-PartnerRevenue -Database $rm -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAmount,*' -ExpectedMessage '*Removing amount -0.001 KWD*9,223,372,036,854,775.807 KWD now*'
        (Get-PartnerRevenue -Database $rm -Segment Edge | Where-Object Reference -eq 'NEG').Amount | Should -Be -0.001
    }
}

Describe 'Growth is the change over the size of the previous total' {
    BeforeAll {
        $db = New-MoneyDatabase
        @(
            # region, 2014, 2015, expected growth (hand)
            @{ R = 'NegToPos'; A = -100; B = 50 }     # (50 - -100) / |-100| = 150/100 = 1.5
            @{ R = 'NegToLessNeg'; A = -100; B = -40 } # (-40 - -100) / 100 = 0.6
            @{ R = 'NegToMoreNeg'; A = -100; B = -250 } # (-250 - -100) / 100 = -1.5
            @{ R = 'PosToNeg'; A = 200; B = -50 }      # (-50 - 200) / 200 = -1.25
            @{ R = 'PosToPos'; A = 80; B = 100 }       # (100 - 80) / 80 = 0.25
            @{ R = 'ZeroBefore'; A = 0; B = 10 }       # previous total 0: null
        ) | ForEach-Object {
            Add-PartnerRevenue -Database $db -Direct -Region $_.R -Date 2014-05-05 -Amount $_.A
            Add-PartnerRevenue -Database $db -Direct -Region $_.R -Date 2015-05-05 -Amount $_.B
        }
        Add-PartnerRevenue -Database $db -Direct -Region 'NoneBefore' -Date 2015-05-05 -Amount 10   # no 2014 record: null
    }

    It 'gives <Growth> for <Region>' -ForEach @(
        @{ Region = 'NegToPos'; Growth = 1.5 }
        @{ Region = 'NegToLessNeg'; Growth = 0.6 }
        @{ Region = 'NegToMoreNeg'; Growth = -1.5 }
        @{ Region = 'PosToNeg'; Growth = -1.25 }
        @{ Region = 'PosToPos'; Growth = 0.25 }
        @{ Region = 'ZeroBefore'; Growth = $null }
        @{ Region = 'NoneBefore'; Growth = $null }
    ) {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Region, Year -Region $Region -Year 2015
        $m.Growth | Should -Be $Growth
    }
}

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

Describe 'Targets are amounts of their currency; rates are bounded' {
    BeforeAll { $db = New-MoneyDatabase }

    It 'refuses a <Currency> revenue target of <Value>' -ForEach @(
        @{ Value = '100.005'; Currency = 'USD'; Why = '*USD has 2 decimal places*' }
        @{ Value = '1.5'; Currency = 'JPY'; Why = '*JPY has no minor unit*' }
        @{ Value = '0.0005'; Currency = 'KWD'; Why = '*KWD has 3 decimal places*' }
        @{ Value = '0.00001'; Currency = 'CLF'; Why = '*CLF has 4 decimal places*' }
    ) {
        { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2015 -Value $Value -Currency $Currency -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTargetValue,*' -ExpectedMessage $Why
        Get-PartnerTarget -Database $db | Should -BeNullOrEmpty
    }

    It 'accepts targets with the currency''s digits: 100.01 USD, 15 JPY, 0.499 KWD, 0.0001 CLF' {
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region A -Year 2015 -Value 100.01 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region B -Year 2015 -Value 15 -Currency JPY
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region C -Year 2015 -Value 0.499 -Currency KWD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region D -Year 2015 -Value 0.0001 -Currency CLF
        (Get-PartnerTarget -Database $db | Sort-Object Region).Value | Should -Be @(100.01, 15, 0.499, 0.0001)
    }

    It 'refuses a fractional partner count target and a target in a currency not in use that year' {
        { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 2.5 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTargetValue,*'
        { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2024 -Value 10 -Currency HRK -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCurrencyCode,*' -ExpectedMessage "*'HRK' was not in use in 2024*2023-01*"
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region H -Year 2022 -Value 10.5 -Currency HRK -PassThru | Select-Object -ExpandProperty Currency | Should -Be 'HRK'
    }

    It 'refuses the rate <Rate>' -ForEach @(
        @{ Rate = '1e-28' }, @{ Rate = '0.000000009' }, @{ Rate = '100000000.01' }, @{ Rate = '0' }, @{ Rate = '-1.2' }
    ) {
        { Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate $Rate -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidExchangeRate,*' -ExpectedMessage '*between 0.00000001 and 100,000,000*'
        Get-PartnerExchangeRate -Database $db | Should -BeNullOrEmpty
    }

    It 'accepts the bounds and converts the largest amount through both without overflow' {
        $b = New-MoneyDatabase
        Set-PartnerExchangeRate -Database $b -From VND -To USD -Year 2015 -Rate 0.00000001
        Set-PartnerExchangeRate -Database $b -From USD -To IRR -Year 2015 -Rate 100000000
        Add-PartnerRevenue -Database $b -Direct -Region X -Date 2015-01-01 -Amount 999999999999 -Currency VND
        # VND -> IRR through USD: 999,999,999,999 * 0.00000001 * 100,000,000 = 999,999,999,999 IRR (2 digits: .00)
        (Measure-PartnerRevenue -Database $b -Currency IRR).Total | Should -Be 999999999999
        # USD: 999,999,999,999 * 0.00000001 = 9,999.99999999 -> 10,000.00
        (Measure-PartnerRevenue -Database $b).Total | Should -Be 10000
        # In VND from a USD amount: 1 USD / 0.00000001 = 100,000,000 VND
        Add-PartnerRevenue -Database $b -Direct -Region Y -Date 2015-01-01 -Amount 1 -Currency USD
        (Measure-PartnerRevenue -Database $b -Region Y -Currency VND).Total | Should -Be 100000000
    }
}

Describe 'ISO 4217 codes valid on the booking date, with their minor units' {
    BeforeAll { $db = New-MoneyDatabase }

    It 'stores <Amount> <Currency> on <Date>' -ForEach @(
        @{ Currency = 'CLF'; Date = '2015-01-01'; Amount = '1.2345' }
        @{ Currency = 'UYW'; Date = '2020-01-01'; Amount = '-0.0001' }
        @{ Currency = 'VED'; Date = '2021-10-01'; Amount = '12.34' }
        @{ Currency = 'HRK'; Date = '2014-06-30'; Amount = '99.99' }
        @{ Currency = 'HRK'; Date = '2023-01-31'; Amount = '1.00' }
        @{ Currency = 'LTL'; Date = '2010-01-01'; Amount = '5.5' }
        @{ Currency = 'DEM'; Date = '1998-12-31'; Amount = '10.10' }
        @{ Currency = 'ITL'; Date = '2001-01-01'; Amount = '1500' }
        @{ Currency = 'BYR'; Date = '2015-01-01'; Amount = '20000' }
        @{ Currency = 'USN'; Date = '2015-01-01'; Amount = '1.01' }
    ) {
        $r = Add-PartnerRevenue -Database $db -Direct -Region Iso -Date $Date -Amount $Amount -Currency $Currency -PassThru
        $r.Currency | Should -Be $Currency
        $r.Amount | Should -Be ([decimal]::Parse($Amount, [cultureinfo]::InvariantCulture))
        (Get-PartnerRevenue -Database $db -Region Iso | Where-Object Id -eq $r.Id).Amount | Should -Be ([decimal]::Parse($Amount, [cultureinfo]::InvariantCulture))
    }

    It 'refuses <Currency> on <Date> naming <Why>' -ForEach @(
        @{ Currency = 'HRK'; Date = '2024-03-01'; Why = "*'HRK' was not in use on 2024-03-01*until 2023-01-31*" }
        @{ Currency = 'HRK'; Date = '2023-02-01'; Why = '*until 2023-01-31*' }
        @{ Currency = 'VED'; Date = '2021-09-30'; Why = '*valid from 2021-10-01*' }
        @{ Currency = 'DEM'; Date = '2015-01-01'; Why = '*until 2002-03-31*' }
        @{ Currency = 'BYN'; Date = '2016-06-30'; Why = '*valid from 2016-07-01*' }
        @{ Currency = 'XAU'; Date = '2015-01-01'; Why = '*no minor unit*' }
        @{ Currency = 'ZZZ'; Date = '2015-01-01'; Why = '*not an ISO 4217 currency code*' }
    ) {
        { Add-PartnerRevenue -Database $db -Direct -Region Bad -Date $Date -Amount 1 -Currency $Currency -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCurrencyCode,*' -ExpectedMessage $Why
        Get-PartnerRevenue -Database $db -Region Bad | Should -BeNullOrEmpty
    }

    It 'refuses a fifth decimal in CLF and a fraction of a BYR' {
        { Add-PartnerRevenue -Database $db -Direct -Region Bad -Date 2015-01-01 -Amount 1.23456 -Currency CLF -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAmount,*' -ExpectedMessage '*CLF has 4 decimal places*'
        { Add-PartnerRevenue -Database $db -Direct -Region Bad -Date 2015-01-01 -Amount 1.5 -Currency BYR -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAmount,*'
    }

    It 'imports with the same rules, row by row' {
        $csv = Join-Path (New-TestFolder) 'iso.csv'
        Set-Content -Path $csv -Value @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            ',2014-05-05,10.25,HRK,,Imp,'
            ',2024-05-05,10.25,HRK,,Imp,'
            ',2021-09-01,1,VED,,Imp,'
            ',2015-05-05,0.0001,CLF,,Imp,'
            ',2015-05-05,0.00001,CLF,,Imp,'
        )
        $r = Import-PartnerRevenue -Database $db -Path $csv -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        $r.Inserted | Should -Be 2
        $r.Failed | Should -Be 3
        ($rowErrors.Exception.Message -join "`n") | Should -Match "'HRK' was not in use on 2024-05-05"
        ($rowErrors.Exception.Message -join "`n") | Should -Match "'VED' was not in use on 2021-09-01"
        (Get-PartnerRevenue -Database $db -Region Imp | Sort-Object Date).Amount | Should -Be @(10.25, 0.0001)
    }

    It 'keeps four minor digits in the history' {
        # Added 1.2345 CLF, and imported 0.0001 CLF (two decimal places would have shown 1.23 and 0.00).
        $clf = Get-PartnerHistory -Database $db | Where-Object { $_.Entity -eq 'Revenue' -and ($_.Changes | Where-Object { $_.Property -eq 'Currency' -and $_.New -eq 'CLF' }) }
        @($clf | ForEach-Object { ($_.Changes | Where-Object Property -eq 'Amount').New } | Sort-Object) | Should -Be @('0.0001', '1.2345')
    }

    It 'measures in CLF and refuses a rate in a year its currency was not in use' {
        Set-PartnerExchangeRate -Database $db -From HRK -To USD -Year 2014 -Rate 0.17
        { Set-PartnerExchangeRate -Database $db -From HRK -To USD -Year 2024 -Rate 0.17 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCurrencyCode,*' -ExpectedMessage "*'HRK' was not in use in 2024*"
        { New-PartnerDatabase -Path (New-TestDatabasePath) -Currency HRK -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCurrencyCode,*'
    }
}

Describe 'The default views show money with its currency''s minor digits and counts whole' {
    BeforeAll {
        $db = New-MoneyDatabase
        Add-PartnerRevenue -Database $db -Direct -Region V -Date 2015-01-01 -Amount 1234567 -Currency JPY
        Add-PartnerRevenue -Database $db -Direct -Region V -Date 2015-01-02 -Amount 1234.5 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region V -Date 2015-01-03 -Amount 0.499 -Currency KWD
        Add-PartnerRevenue -Database $db -Direct -Region V -Date 2015-01-04 -Amount 1234.5678 -Currency CLF
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region V -Year 2015 -Value 2.5 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region K -Year 2015 -Value 0.499 -Currency KWD
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region V -Year 2015 -Value 1234
    }

    It 'shows revenue amounts in <Culture>' -ForEach @(
        @{ Culture = 'en-US'; Jpy = '1,234,567'; Usd = '1,234.50'; Kwd = '0.499'; Clf = '1,234.5678' }
        @{ Culture = 'en-GB'; Jpy = '1,234,567'; Usd = '1,234.50'; Kwd = '0.499'; Clf = '1,234.5678' }
        @{ Culture = 'de-DE'; Jpy = '1.234.567'; Usd = '1.234,50'; Kwd = '0,499'; Clf = '1.234,5678' }
        @{ Culture = 'fr-FR'; Jpy = "1$([char]0x202F)234$([char]0x202F)567"; Usd = "1$([char]0x202F)234,50"; Kwd = '0,499'; Clf = "1$([char]0x202F)234,5678" }
    ) {
        $text = Invoke-InCulture $Culture { Get-PartnerRevenue -Database $db -Region V | Out-String -Width 160 }
        $lines = @($text -split '\r?\n' | Where-Object { $_ -match '^2015' })
        $lines[0] | Should -Match ([regex]::Escape($Jpy) + '\s+JPY')
        $lines[1] | Should -Match ([regex]::Escape($Usd) + '\s+USD')
        $lines[2] | Should -Match ('\s' + [regex]::Escape($Kwd) + '\s+KWD')
        $lines[3] | Should -Match ([regex]::Escape($Clf) + '\s+CLF')
    }

    It 'shows targets: 2.50 USD, 0.499 KWD and a count of 1,234' {
        $text = Invoke-InCulture 'en-US' { Get-PartnerTarget -Database $db | Out-String -Width 160 }
        $text | Should -Match 'PartnerRevenue\s+K\s+2015\s+0\.499\s+KWD'
        $text | Should -Match 'PartnerRevenue\s+V\s+2015\s+2\.50\s+USD'
        $text | Should -Match 'PartnerCount\s+V\s+2015\s+1,234\s'
    }

    It 'shows target progress with the target''s digits: 2.50 not 3, 0.499 not 0' {
        $text = Invoke-InCulture 'en-US' { Measure-PartnerTarget -Database $db -AsOf 2015-12-31 | Out-String -Width 160 }
        # V revenue: actual is the partner revenue of V (none, all direct): 0.00; expected all of it 2.50; projected on the
        # year's last day = actual 0.00; gap 2.50
        # (columns Metric, Region, Year, Target, Actual, Progress, OnTrack, Expected, Projected, Gap; PartnerRevenue wraps as Partner/Revenue)
        $text | Should -Match 'Partner\s+V\s+2015\s+2\.50\s+0\.00\s+0\.0\s?%\s+False\s+2\.50\s+0\.00\s+2\.50'
        $text | Should -Match 'Partner\s+K\s+2015\s+0\.499\s+0\.000\s+0\.0\s?%\s+False\s+0\.499\s+0\.000\s+0\.499'
        $text | Should -Match 'PartnerCount\s+V\s+2015\s+1,234\s+0\s+0\.0\s?%\s+False\s+1,234\s+0\s+1,234'
    }

    It 'shows a partner count''s expectation exactly: 1.5 half way through the year, not 2' {
        $c = New-MoneyDatabase
        Set-PartnerTarget -Database $c -Metric PartnerCount -Region Nowhere -Year 2015 -Value 3
        # no partners at the start of 2015: 0 + (3 - 0) * 182 / 364 = 1.5 on 2015-07-02
        $text = Invoke-InCulture 'en-US' { Measure-PartnerTarget -Database $c -AsOf 2015-07-02 | Out-String -Width 160 }
        # projected: 0 partners + 0 net adds scaled to the year's end = 0; gap 3
        $text | Should -Match 'PartnerCount\s+Nowhere\s+2015\s+3\s+0\s+0\.0\s?%\s+False\s+1\.5\s+0\s+3'
        $text = Invoke-InCulture 'de-DE' { Measure-PartnerTarget -Database $c -AsOf 2015-07-02 | Out-String -Width 160 }
        $text | Should -Match '\sFalse\s+1,5\s'
    }

    It 'shows a measure''s total in its currency''s digits: <Amount> <Currency> in <Culture>' -ForEach @(
        @{ Currency = 'KWD'; Culture = 'en-US'; Amount = '0.499'; Shown = '0.499' }
        @{ Currency = 'KWD'; Culture = 'fr-FR'; Amount = '0.5'; Shown = '0,500' }
        @{ Currency = 'JPY'; Culture = 'de-DE'; Amount = '1234567'; Shown = '1.234.567' }
        @{ Currency = 'USD'; Culture = 'en-GB'; Amount = '0.5'; Shown = '0.50' }
        @{ Currency = 'CLF'; Culture = 'en-GB'; Amount = '1234.5678'; Shown = '1,234.5678' }
    ) {
        $own = New-MoneyDatabase -Currency $Currency
        Add-PartnerRevenue -Database $own -Direct -Region V -Date 2015-01-01 -Amount $Amount -Currency $Currency
        $text = Invoke-InCulture $Culture { Measure-PartnerRevenue -Database $own | Out-String -Width 160 }
        $row = @($text -split '\r?\n' | Where-Object { $_ -match " $Currency " })
        $row.Count | Should -Be 1
        # The total with its currency, the share (100 %), Count 1
        $row[0] | Should -Match ('^\s*' + [regex]::Escape($Shown) + " $Currency\s+100[.,]0\s?%\s+1\s*$")
    }
}

Describe 'Removing a set of records does not fail because of the order the module removes them in' {
    BeforeAll {
        # x = 999,999,999,999.990 KWD = 999,999,999,999,990 fils. One cell: -x first, then 9,224 times +x; the running total
        # peaks at 9,224x - x = 9,223x = 9,222,999,999,999,907,770 fils (< 2^63-1 = 9,223,372,036,854,775,807) and ends there.
        # Removing the -x first would leave 9,224x = 9,223,999,999,999,907,760 fils (> 2^63-1): only that order overflows.
        function New-GulfDatabase {
            param([string] $Partner)
            $path = New-MoneyDatabase -Currency KWD
            Add-Partner -Database $path -Name $Partner -Region EMEA -JoinedOn 2014-01-01
            $csv = Join-Path (New-TestFolder) 'gulf.csv'
            $lines = [System.Collections.Generic.List[string]]::new()
            $lines.Add('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
            $lines.Add("$Partner,2015-01-01,-999999999999.990,KWD,Big,EMEA,CREDIT")
            foreach ($i in 1..9224) { $lines.Add("$Partner,2015-01-02,999999999999.990,KWD,Big,EMEA,") }
            Set-Content -Path $csv -Value $lines
            $r = Import-PartnerRevenue -Database $path -Path $csv
            $r.Inserted | Should -Be 9225
            $path
        }
    }

    It 'Remove-Partner -Force removes a partner whose records net within range, the credit note stored first' {
        $db = New-GulfDatabase -Partner 'Gulf A'
        # A second cell of the same partner with mixed signs: +5.000 - 7.250 + 1.125 = -1.125 KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-01 -Amount 5 -Currency KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-02 -Amount -7.25 -Currency KWD
        Add-PartnerRevenue -Database $db -Partner 'Gulf A' -Segment Small -Date 2016-03-03 -Amount 1.125 -Currency KWD
        # Another partner's cell stays as it is: 10.500 KWD
        Add-Partner -Database $db -Name 'Gulf B' -Region EMEA -JoinedOn 2014-01-01
        Add-PartnerRevenue -Database $db -Partner 'Gulf B' -Segment Big -Date 2015-01-01 -Amount 10.5 -Currency KWD
        { Remove-Partner -Database $db -Name 'Gulf A' -Force -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        Get-Partner -Database $db -Name 'Gulf A' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $all = Measure-PartnerRevenue -Database $db -Currency KWD
        $all.Count | Should -Be 1
        $all.Total | Should -Be 10.500
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue removes every piped record of the group, the credit note piped first' {
        $db = New-GulfDatabase -Partner 'Gulf C'
        $records = @(Get-PartnerRevenue -Database $db -Partner 'Gulf C' | Sort-Object { $_.Reference -ne 'CREDIT' }, Id)
        $records[0].Reference | Should -Be 'CREDIT'
        { $records | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        (Measure-PartnerRevenue -Database $db -Currency KWD).Count | Should -Be 0
        Get-PartnerRevenue -Database $db | Should -BeNullOrEmpty
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue removes a mixed-sign subset whose end total is in range, in any order piped' {
        $db = New-GulfDatabase -Partner 'Gulf D'
        $credit = Get-PartnerRevenue -Database $db -Partner 'Gulf D' | Where-Object Reference -eq 'CREDIT'
        $sale = Get-PartnerRevenue -Database $db -Partner 'Gulf D' | Where-Object Reference -ne 'CREDIT' | Select-Object -First 1
        # Credit first: 9,223x + x = 9,224x overflows; after the sale: 9,222x, then + x = 9,223x (the start total: -x and +x go)
        { @($credit, $sale) | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        $m = Measure-PartnerRevenue -Database $db -Currency KWD
        $m.Count | Should -Be 9223                    # 9,225 - 2
        $m.Total | Should -Be 9222999999999907.770d   # 9,223 * 999,999,999,999.990
        $m.Minimum | Should -Be 999999999999.990d
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -eq 'RevenueTotals').Passed | Should -BeTrue
    }

    It 'Remove-PartnerRevenue -Id, credit note first, removes the ids given' {
        $db = New-GulfDatabase -Partner 'Gulf E'
        $credit = (Get-PartnerRevenue -Database $db -Partner 'Gulf E' | Where-Object Reference -eq 'CREDIT').Id
        $two = @(Get-PartnerRevenue -Database $db -Partner 'Gulf E' | Where-Object Reference -ne 'CREDIT' | Select-Object -First 2).Id
        # -x, +x, +x removed: 9,223x + x - 2x = 9,222x = 9,221,999,999,999,907,780 fils
        { Remove-PartnerRevenue -Database $db -Id (@($credit) + $two) -Confirm:$false -ErrorAction Stop } | Should -Not -Throw
        $m = Measure-PartnerRevenue -Database $db -Currency KWD
        $m.Count | Should -Be 9222
        $m.Total | Should -Be 9221999999999907.780d
    }
}

Describe 'Historic ISO 4217 codes are accepted from their introduction to the end of their withdrawal month' {
    BeforeAll { $db = New-MoneyDatabase }

    It 'accepts <Code> on <Date>' -ForEach @(
        @{ Code = 'ZWD'; Date = '2005-01-01' }; @{ Code = 'SDD'; Date = '2005-01-01' }; @{ Code = 'RUR'; Date = '1997-01-01' }
        @{ Code = 'XEU'; Date = '1995-01-01' }; @{ Code = 'XEU'; Date = '1998-12-31' }; @{ Code = 'ATS'; Date = '2002-03-31' }
        @{ Code = 'EUR'; Date = '1999-01-01' }; @{ Code = 'HRK'; Date = '1994-05-30' }; @{ Code = 'HRK'; Date = '2023-01-31' }
        @{ Code = 'SSP'; Date = '2011-07-18' }; @{ Code = 'TRY'; Date = '2005-01-01' }; @{ Code = 'TRL'; Date = '2005-12-31' }
        @{ Code = 'YUM'; Date = '2000-06-01' }; @{ Code = 'CSD'; Date = '2005-01-01' }; @{ Code = 'ADP'; Date = '2000-01-01' }
        @{ Code = 'AFA'; Date = '2000-01-01' }; @{ Code = 'ZRN'; Date = '1996-01-01' }; @{ Code = 'PLZ'; Date = '1994-01-01' }
        @{ Code = 'UAK'; Date = '1995-01-01' }; @{ Code = 'BGL'; Date = '1998-01-01' }; @{ Code = 'SRG'; Date = '2003-12-31' }
        @{ Code = 'MGF'; Date = '2004-12-31' }; @{ Code = 'VEB'; Date = '2007-01-01' }; @{ Code = 'ZWL'; Date = '2024-08-31' }
        @{ Code = 'ZWN'; Date = '2007-01-01' }; @{ Code = 'ZWR'; Date = '2009-01-01' }; @{ Code = 'USD'; Date = '1900-01-01' }
    ) {
        $r = Add-PartnerRevenue -Database $db -Direct -Region Old -Date $Date -Amount 1 -Currency $Code -Reference "$Code $Date" -PassThru
        $r.Currency | Should -BeExactly $Code
    }

    It 'refuses <Code> on <Date>, naming its validity' -ForEach @(
        @{ Code = 'EUR'; Date = '1998-12-31'; Rule = 'valid from 1999-01-01' }
        @{ Code = 'EUR'; Date = '1950-01-01'; Rule = 'valid from 1999-01-01' }
        @{ Code = 'SSP'; Date = '2005-01-01'; Rule = 'valid from 2011-07-18' }
        @{ Code = 'HRK'; Date = '1990-01-01'; Rule = 'valid from 1994-05-30 until 2023-01-31' }
        @{ Code = 'HRK'; Date = '2023-02-01'; Rule = 'until 2023-01-31 (withdrawn 2023-01)' }
        @{ Code = 'XEU'; Date = '1999-01-01'; Rule = 'until 1998-12-31 (withdrawn 1998-12)' }
        @{ Code = 'ZWD'; Date = '2008-09-01'; Rule = 'until 2008-08-31' }
        @{ Code = 'RUR'; Date = '2004-02-01'; Rule = 'until 2004-01-31' }
        @{ Code = 'ATS'; Date = '2002-04-01'; Rule = 'until 2002-03-31' }
        @{ Code = 'TRY'; Date = '2004-12-31'; Rule = 'valid from 2005-01-01' }
        @{ Code = 'AZN'; Date = '2005-12-31'; Rule = 'valid from 2006-01-01' }
        @{ Code = 'GHS'; Date = '2007-06-30'; Rule = 'valid from 2007-07-01' }
        @{ Code = 'RON'; Date = '2005-06-30'; Rule = 'valid from 2005-07-01' }
        @{ Code = 'MZN'; Date = '2006-06-30'; Rule = 'valid from 2006-07-01' }
        @{ Code = 'TMT'; Date = '2008-12-31'; Rule = 'valid from 2009-01-01' }
        @{ Code = 'SRD'; Date = '2003-12-31'; Rule = 'valid from 2004-01-01' }
        @{ Code = 'MGA'; Date = '2004-12-31'; Rule = 'valid from 2005-01-01' }
        @{ Code = 'VES'; Date = '2018-08-19'; Rule = 'valid from 2018-08-20' }
        @{ Code = 'ZWL'; Date = '2009-02-01'; Rule = 'valid from 2009-02-02' }
    ) {
        { Add-PartnerRevenue -Database $db -Direct -Region Old -Date $Date -Amount 1 -Currency $Code -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCurrencyCode,*' -ExpectedMessage "*'$Code' was not in use on $Date*$Rule*"
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

Describe 'Messages show money with the currency''s minor digits and name the rule broken' {
    BeforeAll { $db = New-MoneyDatabase }

    It 'refuses <Amount> <Currency> naming the limit ±<Limit>' -ForEach @(
        @{ Amount = '1000000000000'; Currency = 'JPY'; Limit = '999,999,999,999 JPY' }            # 999,999,999,999.99 cut to 0 digits
        @{ Amount = '1000000000000'; Currency = 'KWD'; Limit = '999,999,999,999.990 KWD' }
        @{ Amount = '-1000000000000'; Currency = 'CLF'; Limit = '999,999,999,999.9900 CLF' }
        @{ Amount = '1000000000000'; Currency = 'USD'; Limit = '999,999,999,999.99 USD' }
    ) {
        { Add-PartnerRevenue -Database $db -Direct -Region M -Date 2016-01-01 -Amount ([decimal]$Amount) -Currency $Currency -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAmount,*' -ExpectedMessage "*amounts are limited to ±$Limit*"
    }

    It 'refuses a revenue target of <Value> <Currency> naming the upper limit, not the sign' -ForEach @(
        @{ Value = '9999999999999999'; Currency = 'JPY'; Limit = '999,999,999,999,990 JPY' }
        @{ Value = '1000000000000000'; Currency = 'KWD'; Limit = '999,999,999,999,990.000 KWD' }
        @{ Value = 999999999999990.01d; Currency = 'USD'; Limit = '999,999,999,999,990.00 USD' }
    ) {
        # ([decimal] of a string goes through a double in PowerShell, so a fraction is given as a d literal.)
        $thrown = { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value ([decimal]$Value) -Currency $Currency -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTargetValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "*is at most $Limit*"
        $thrown.Exception.Message | Should -Not -BeLike '*0 or more*'
    }

    It 'still refuses a negative target as below 0' {
        { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value -1 -Currency USD -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTargetValue,*' -ExpectedMessage '*a revenue target is an amount, 0 or more*'
    }
}

Describe 'Default views never cut a figure at the largest allowed values' {
    BeforeAll {
        $db = New-MoneyDatabase
        # The largest target is 1,000 * 999,999,999,999.99 = 999,999,999,999,990 in any currency.
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value 1000000000000 -Currency USD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2017 -Value 5000000000000 -Currency KWD
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2018 -Value 999999999999990 -Currency CLF
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 123456789012
        Add-PartnerRevenue -Database $db -Direct -Region V -Date 2016-01-01 -Amount -999999999999.99 -Currency CLF
        Add-PartnerRevenue -Database $db -Direct -Region K -Date 2016-01-02 -Amount -999999999999.99 -Currency KWD
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2016 -Rate 99999999.12345678d
        Set-PartnerExchangeRate -Database $db -From JPY -To USD -Year 2016 -Rate 0.00000001d
    }

    It 'shows every digit at <Width> columns in <Culture>' -ForEach @(
        foreach ($w in 120, 200) {
            @{ Width = $w; Culture = 'en-US'; G = ','; D = '.' }
            @{ Width = $w; Culture = 'en-GB'; G = ','; D = '.' }
            @{ Width = $w; Culture = 'de-DE'; G = '.'; D = ',' }
            @{ Width = $w; Culture = 'fr-FR'; G = [string][char]0x202F; D = ',' }
        }
    ) {
        Invoke-InCulture $Culture {
            $targets = Get-PartnerTarget -Database $db | Out-String -Width $Width
            $targets | Should -Not -Match ([char]0x2026)
            foreach ($figure in "1${G}000${G}000${G}000${G}000${D}00", "5${G}000${G}000${G}000${G}000${D}000", "999${G}999${G}999${G}999${G}990${D}0000", "123${G}456${G}789${G}012") {
                $targets.Contains($figure) | Should -BeTrue -Because "Get-PartnerTarget shows $figure"
            }
            $revenue = Get-PartnerRevenue -Database $db | Out-String -Width $Width
            $revenue | Should -Not -Match ([char]0x2026)
            $revenue.Contains("-999${G}999${G}999${G}999${D}9900") | Should -BeTrue   # CLF, 4 digits
            $revenue.Contains("-999${G}999${G}999${G}999${D}990") | Should -BeTrue    # KWD, 3 digits
            $rates = Get-PartnerExchangeRate -Database $db | Out-String -Width $Width
            $rates | Should -Not -Match ([char]0x2026)
            $rates.Contains("99999999${D}12345678") | Should -BeTrue
            $rates.Contains("0${D}00000001") | Should -BeTrue
            $progress = Measure-PartnerTarget -Database $db -Year 2018 -AsOf 2018-12-31 | Out-String -Width $Width
            # A figure wider than its column wraps inside it (never cut): read the column's lines together.
            Get-ColumnText -Text $progress -Label Target -Width 16 -Right -Glue '' | Should -Be "999${G}999${G}999${G}999${G}990${D}0000"
            $measure = Measure-PartnerRevenue -Database $db -Region V -Currency CLF | Out-String -Width $Width
            $measure.Contains("-999${G}999${G}999${G}999${D}9900") | Should -BeTrue
        }
    }
}

Describe 'The history view wraps its changes rather than cutting an amount' {
    BeforeAll {
        $db = New-MoneyDatabase
        Add-PartnerRevenue -Database $db -Direct -Region 'A rather long region name' -Segment 'A long segment name here' -Date 2016-01-01 `
            -Amount -999999999999.99 -Currency CLF -Reference 'INV-2016-000000000001-LONG-REFERENCE'
    }

    It 'shows the whole change at <Width> columns' -ForEach @(@{ Width = 120 }, @{ Width = 200 }) {
        $shown = Get-PartnerHistory -Database $db | Out-String -Width $Width
        $shown | Should -Not -Match ([char]0x2026)
        # Wrapped lines continue under the Changes column: join them to read the change whole.
        $joined = $shown -replace '\r?\n {20,}', ''
        $joined | Should -Match 'Amount=-999999999999\.9900'
        $joined | Should -Match 'Reference=INV-2016-000000000001-LONG-REFERENCE'
    }
}
