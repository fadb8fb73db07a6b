# Money arithmetic: conversion through inverse and cross rates, target progress, totals beyond 64 bits,
# growth. The setup (and the rule for the expected values) is MoneyAndTime.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'MoneyAndTime.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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

    # FileOnly: a REAL that only SQLite's + could store.
    It 'reports a total an older version overflowed to REAL, and measures without a raw SQLite error' -Tag 'FileOnly' {
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
