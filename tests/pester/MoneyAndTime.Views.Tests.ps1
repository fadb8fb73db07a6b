# Money and counts in the default views: minor digits, the largest values, the history view.
# The setup (and the rule for the expected values) is MoneyAndTime.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'MoneyAndTime.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
