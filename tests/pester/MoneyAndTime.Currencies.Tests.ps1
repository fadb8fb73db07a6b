# Currencies: targets as amounts of their currency, bounded rates, ISO 4217 codes and their minor units,
# historic codes, messages. The setup (and the rule for the expected values) is MoneyAndTime.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'MoneyAndTime.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
