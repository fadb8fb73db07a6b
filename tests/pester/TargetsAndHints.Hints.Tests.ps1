# Issue 13, part 2: the missing-rate hint through the reporting currency, and the closest known values of exact
# region/segment/country filters. The setup and its fixture are TargetsAndHints.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'TargetsAndHints.Helpers.ps1') }
AfterAll { Close-PooledConnections; Remove-TestFolders }

Describe 'A missing exchange rate asks for the rate(s) missing on the way through the reporting currency' {
    BeforeAll {
        # USD reporting. 2015: a partner's 100 EUR (EUR->USD 1.2); 2016: 100 GBP, no rates; 2017: 100 USD;
        # 2018: 100 CHF with USD->JPY 150 but no CHF rate.
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency USD
        Add-Partner -Database $db -Name 'Euro Partner' -Region 'Western Europe' -JoinedOn 2010-01-01
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.2
        Set-PartnerExchangeRate -Database $db -From USD -To JPY -Year 2018 -Rate 150
        Add-PartnerRevenue -Database $db -Partner 'Euro Partner' -Date 2015-05-05 -Amount 100 -Currency EUR
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2016-05-05 -Amount 100 -Currency GBP
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2017-05-05 -Amount 100 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2018-05-05 -Amount 100 -Currency CHF

        function Get-RateError([scriptblock] $Command) {
            $thrown = $Command | Should -Throw -ErrorId 'ExchangeRateMissing,*' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $thrown.Exception.Message
        }
    }

    It 'EUR to JPY with no JPY rate at all: asks for USD->JPY, not EUR->JPY' {
        $m = Get-RateError { Measure-PartnerRevenue -Database $db -Year 2015 -Currency JPY }
        $m | Should -Be ("There is no exchange rate from EUR to JPY for 2015: conversions go through the reporting currency USD (EUR→USD→JPY), " +
            "and USD→JPY is missing. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>")
    }

    It 'source to reporting missing (CHF->USD), reporting to target present' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2018 -Currency JPY } |
            Should -Be ("There is no exchange rate from CHF to JPY for 2018: conversions go through the reporting currency USD (CHF→USD→JPY), " +
                "and CHF→USD is missing. Add it with: Set-PartnerExchangeRate -From CHF -To USD -Year 2018 -Rate <rate>")
    }

    It 'both missing: asks for both' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2016 -Currency JPY } |
            Should -Be ("There is no exchange rate from GBP to JPY for 2016: conversions go through the reporting currency USD (GBP→USD→JPY), " +
                "and GBP→USD and USD→JPY are missing. Add them with: Set-PartnerExchangeRate -From GBP -To USD -Year 2016 -Rate <rate>; " +
                "Set-PartnerExchangeRate -From USD -To JPY -Year 2016 -Rate <rate>")
    }

    It 'source is the reporting currency: the one rate USD->JPY' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2017 -Currency JPY } |
            Should -Be 'There is no exchange rate from USD to JPY for 2017. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2017 -Rate <rate>'
    }

    It 'target is the reporting currency: the one rate GBP->USD' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2016 } |
            Should -Be 'There is no exchange rate from GBP to USD for 2016. Add it with: Set-PartnerExchangeRate -From GBP -To USD -Year 2016 -Rate <rate>'
    }

    It 'a revenue target in another currency asks for the same leg' {
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 100000 -Currency JPY
        try {
            Get-RateError { Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 } |
                Should -BeLike '*(EUR→USD→JPY), and USD→JPY is missing. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>'
        }
        finally { Remove-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Confirm:$false }
    }

    It 'converts once the rate asked for is added: 100 EUR * 1.2 * 150 = 18,000 JPY' {
        Set-PartnerExchangeRate -Database $db -From USD -To JPY -Year 2015 -Rate 150
        (Measure-PartnerRevenue -Database $db -Year 2015 -Currency JPY).Total | Should -Be 18000
    }
}

Describe 'An exact region, segment or country no row has: a warning naming the closest known values' {
    BeforeAll { $db = New-Fixture }

    It 'Get-Partner -Region with a typo' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        # Distances between keys: 'westren europe' -> 'western europe' 1 (a swap), -> 'eastern europe' 3; 14 characters allow 3.
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'Get-Partner -Region matching only by case or by the form of its accent: no warning' {
        # 'RE' + COMBINING ACUTE + 'UNION' has the key of 'Réunion'.
        $r = Get-Warnings { Get-Partner -Database $db -Region "RE`u{301}UNION" }
        $r.Warnings | Should -BeNullOrEmpty
        $r.Output.Name | Should -Be "`u{CE}le R`u{E9}union"
        (Get-Warnings { Get-Partner -Database $db -Region 'western EUROPE' }).Warnings | Should -BeNullOrEmpty
    }

    It 'Get-Partner -Region without the accent: accents count, so a warning naming the accented one' {
        (Get-Warnings { Get-Partner -Database $db -Region 'Reunion' }).Warnings | Should -Be @("No partner has region 'Reunion'; closest: 'R`u{E9}union'.")
    }

    It 'a wildcard gives no warning, even when it matches nothing' {
        (Get-Warnings { Get-Partner -Database $db -Region 'Westren*' }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Get-Partner -Database $db -Region 'West*' }).Output.Count | Should -Be 6
    }

    It 'several values of which one is unknown: the warning names that one, the others still match' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Eastern Europe', 'Westren Europe', 'Asia' }
        $r.Output.Name | Should -Be @('Dvor sp')
        $r.Warnings | Should -Be @(
            "No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'."
            "No partner has region 'Asia', and none of the 3 in use is close to it.")
    }

    It 'Get-Partner -Country: a code no partner has names the close codes held, with their names' {
        $r = Get-Warnings { Get-Partner -Database $db -Country DK }
        $r.Output.Count | Should -Be 0
        # Codes held: DE ES FR GB PL RE; one edit from DK: DE only.
        $r.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).")
        (Get-Warnings { Get-Partner -Database $db -Country de, pl }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Get-Partner -Database $db -Country de, it }).Warnings | Should -Be @("No partner has country 'IT', and none of the 6 in use is close to it.")
    }

    It 'says the same in every culture (<_>): keys and counts do not depend on it' -ForEach @('en-US', 'en-GB', 'de-DE', 'fr-FR', 'tr-TR') {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            # tr-TR upper-cases i to İ: the key (and the country code, upper-cased invariantly) must not follow it.
            $country = Get-Warnings { Get-Partner -Database $db -Country dk, it }
            $region = Get-Warnings { Get-Partner -Database $db -Region 'EASTERN EUROPE', 'westren europe' }
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $country.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).", "No partner has country 'IT', and none of the 6 in use is close to it.")
        $region.Output.Name | Should -Be @('Dvor sp')
        $region.Warnings | Should -Be @("No partner has region 'westren europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'Measure-Partner -Region and -Country: the same warnings, and the counts of the values that match' {
        $r = Get-Warnings { Measure-Partner -Database $db -Region 'Westren Europe' -AsOf 2030-01-01 }
        ($r.Output | Measure-Object Count -Sum).Sum | Should -Be 0
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
        $c = Get-Warnings { Measure-Partner -Database $db -Country dk -GroupBy Country -AsOf 2030-01-01 }
        $c.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).")
        (Get-Warnings { Measure-Partner -Database $db -Region 'Westren*' -AsOf 2030-01-01 }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Measure-Partner -Database $db -Region 'western EUROPE' -AsOf 2030-01-01 }).Warnings | Should -BeNullOrEmpty
    }

    It 'Get-PartnerRevenue -Region and -Segment' {
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        # Revenue is booked in Western Europe only.
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'Enterprize' }
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        # GROSSKUNDEN has the key of Großkunden (ß folds to ss): it matches, no warning.
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'GROSSKUNDEN' }
        $r.Warnings | Should -BeNullOrEmpty
        $r.Output.Amount | Should -Be 500
    }

    It 'Get-PartnerRevenue with piped partners: the warning once, after every partner''s records' {
        # Anna GmbH and Fresh Ltd are piped; no record of either has the region 'Westren Europe'.
        $r = Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH', 'Fresh Ltd' | Get-PartnerRevenue -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH' | Get-PartnerRevenue -Segment 'Enterprize' }
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        # A value that matches gives no warning, piped or not.
        (Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH' | Get-PartnerRevenue -Segment 'enterprise' }).Warnings | Should -BeNullOrEmpty
    }

    It 'a value with spaces around it matches as the filter reads it (trimmed): no warning, alone or in a list (<_>)' -ForEach @(
        'Get-Partner', 'Get-PartnerRevenue', 'Measure-PartnerRevenue', 'Measure-Partner'
    ) {
        $filtering = Get-Command $_ -Module PartnerOps
        # Revenue is booked in Western Europe only; partners are in Western and Eastern Europe.
        $r = Get-Warnings { & $filtering -Database $db -Region 'western europe', ' Western Europe ' }
        $r.Warnings | Should -BeNullOrEmpty
        $r = Get-Warnings { & $filtering -Database $db -Region ' Western Europe' }
        $r.Warnings | Should -BeNullOrEmpty
    }

    It 'a typo with spaces around it is quoted as the filter reads it (trimmed)' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Eastern Europe', ' Westren Europe ' }
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'a segment with spaces around it in a list: no warning' {
        (Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'Enterprise ', ' GROSSKUNDEN' }).Warnings | Should -BeNullOrEmpty
    }

    It 'Measure-PartnerRevenue -Region and -Segment: the answer as before, with the warning' {
        $r = Get-Warnings { Measure-PartnerRevenue -Database $db -Region 'Westren Europe' }
        $r.Output.Total | Should -Be 0
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Measure-PartnerRevenue -Database $db -Segment 'Enterprise', 'Enterprize' }
        # Enterprise: 1000 EUR * 1.2 + 500 USD direct = 1700.00 USD.
        $r.Output.Total | Should -Be 1700.00
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        (Get-Warnings { Measure-PartnerRevenue -Database $db -Segment 'enter*', 'Nothing*' }).Warnings | Should -BeNullOrEmpty
    }
}
