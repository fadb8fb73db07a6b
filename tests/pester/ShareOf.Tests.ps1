<#
Share within the period and -ShareOf (issue 13, part 2). A USD database whose answers are known by construction:
  Acme (Western Europe) and Wall (China) are partners; the rest is direct revenue.
  2014: Acme 300 (WE), direct WE 100, Wall 200 (China), direct China 400   -> 1000: Partner 500, Direct 500
  2015: Acme 800 (WE), direct WE 200, Wall 600 (China), direct China 400   -> 2000: Partner 1400, Direct 600
  In all 3000: Partner 1900, Direct 1100; Western Europe 1400 (Partner 1100, Direct 300), China 1600 (Partner 800, Direct 800).
  Rates for -Currency EUR: EUR->USD 1.25 in 2014, 1.6 in 2015.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-Partner -Database $db -Name Acme -Region 'Western Europe' -Country DE -JoinedOn 2010-01-01
    Add-Partner -Database $db -Name Wall -Region China -Country CN -JoinedOn 2010-01-01
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2014 -Rate 1.25
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.6
    @(
        @{ Partner = 'Acme'; Date = '2014-02-01'; Amount = 300 }
        @{ Direct = $true; Region = 'Western Europe'; Date = '2014-03-01'; Amount = 100 }
        @{ Partner = 'Wall'; Date = '2014-04-01'; Amount = 200 }
        @{ Direct = $true; Region = 'China'; Date = '2014-05-01'; Amount = 400 }
        @{ Partner = 'Acme'; Date = '2015-02-01'; Amount = 800 }
        @{ Direct = $true; Region = 'Western Europe'; Date = '2015-03-01'; Amount = 200 }
        @{ Partner = 'Wall'; Date = '2015-04-01'; Amount = 600 }
        @{ Direct = $true; Region = 'China'; Date = '2015-05-01'; Amount = 400 }
    ) | ForEach-Object { Add-PartnerRevenue -Database $db -Currency USD @_ }

    # "keys share" per measure, keys in -GroupBy order.
    function Show-Shares([object[]] $Measures, [string[]] $Keys) {
        foreach ($m in $Measures) { ((@($Keys | ForEach-Object { [string]$m.$_ }) + [string]$m.Share) -join ' ') }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Share is within the period when a time key is among the keys' {
    It 'gives each channel''s share of its year with -GroupBy Channel, Year' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Year
        # 2014: 500/1000 = 0.5 each; 2015: 1400/2000 = 0.7, 600/2000 = 0.3 (not 1400/3000 = 0.466667 of everything)
        Show-Shares $m Channel, Year | Should -Be @('Partner 2014 0.5', 'Partner 2015 0.7', 'Direct 2014 0.5', 'Direct 2015 0.3')
    }

    It 'gives each region''s share of its year with the keys in another order: -GroupBy Year, Region' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Year, Region
        # 2014: China 600/1000 = 0.6, WE 400/1000 = 0.4; 2015: China 1000/2000 = 0.5, WE 1000/2000 = 0.5
        Show-Shares $m Year, Region | Should -Be @('2014 China 0.6', '2014 Western Europe 0.4', '2015 China 0.5', '2015 Western Europe 0.5')
    }

    It 'is within the quarter with -GroupBy Channel, Quarter -Year 2015' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Quarter -Year 2015
        # Q1 2015: Acme 800 (Feb) + direct WE 200 (Mar) = 1000: Partner 0.8, Direct 0.2; Q2: Wall 600 + direct China 400: 0.6, 0.4
        Show-Shares $m Channel, Quarter | Should -Be @('Partner 1 0.8', 'Partner 2 0.6', 'Direct 1 0.2', 'Direct 2 0.4')
    }

    It 'is of everything measured without a time key' {
        # Channel: 1900/3000 = 0.633333, 1100/3000 = 0.366667
        Show-Shares (Measure-PartnerRevenue -Database $db -GroupBy Channel) Channel | Should -Be @('Partner 0.633333', 'Direct 0.366667')
        # Region: 1600/3000 = 0.533333, 1400/3000 = 0.466667; a -Year filter limits what is measured, it is not a key: 2015 1000/2000
        Show-Shares (Measure-PartnerRevenue -Database $db -GroupBy Region) Region | Should -Be @('China 0.533333', 'Western Europe 0.466667')
        Show-Shares (Measure-PartnerRevenue -Database $db -GroupBy Region -Year 2015) Region | Should -Be @('China 0.5', 'Western Europe 0.5')
    }

    It 'is of everything measured when the keys are only time keys: -GroupBy Year' {
        # 1000/3000 = 0.333333, 2000/3000 = 0.666667 (not 1 and 1)
        Show-Shares (Measure-PartnerRevenue -Database $db -GroupBy Year) Year | Should -Be @('2014 0.333333', '2015 0.666667')
    }
}

Describe 'Measure-PartnerRevenue -ShareOf' {
    It 'gives each channel''s share of its region with -ShareOf Region' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Region -ShareOf Region
        # China: 800/1600 = 0.5 each; WE: 1100/1400 = 0.785714, 300/1400 = 0.214286
        Show-Shares $m Channel, Region | Should -Be @('Partner China 0.5', 'Partner Western Europe 0.785714', 'Direct China 0.5', 'Direct Western Europe 0.214286')
    }

    It 'partitions by several keys: -GroupBy Channel, Region, Year -ShareOf Region, Year' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Region, Year -ShareOf Year, Region
        # WE 2014: 300/400 = 0.75, 100/400 = 0.25; WE 2015: 800/1000 = 0.8, 0.2; China 2014: 200/600 = 0.333333, 400/600 = 0.666667;
        # China 2015: 600/1000 = 0.6, 0.4
        Show-Shares $m Channel, Region, Year | Should -Be @(
            'Partner China 2014 0.333333', 'Partner China 2015 0.6', 'Partner Western Europe 2014 0.75', 'Partner Western Europe 2015 0.8'
            'Direct China 2014 0.666667', 'Direct China 2015 0.4', 'Direct Western Europe 2014 0.25', 'Direct Western Europe 2015 0.2')
    }

    It 'gives each year''s share of its channel with -ShareOf Channel' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Year -ShareOf Channel
        # Partner: 500/1900 = 0.263158, 1400/1900 = 0.736842; Direct: 500/1100 = 0.454545, 600/1100 = 0.545455
        Show-Shares $m Channel, Year | Should -Be @('Partner 2014 0.263158', 'Partner 2015 0.736842', 'Direct 2014 0.454545', 'Direct 2015 0.545455')
    }

    It 'gives the share of everything measured with -ShareOf @()' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Year -ShareOf @()
        # 500/3000 = 0.166667, 1400/3000 = 0.466667, 500/3000 = 0.166667, 600/3000 = 0.2
        Show-Shares $m Channel, Year | Should -Be @('Partner 2014 0.166667', 'Partner 2015 0.466667', 'Direct 2014 0.166667', 'Direct 2015 0.2')
    }

    It 'keeps the share of the whole partition with -Top: -GroupBy Partner, Year -Top 2' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Partner, Year -Top 2)
        # The largest: Acme 2015 800 of 2015's 2000 = 0.4; then direct 2015 600 (Partner empty) and Wall 2015 600 tie, then direct 2014 500.
        $m[0].Partner | Should -Be 'Acme'
        $m[0].Year | Should -Be 2015
        $m[0].Share | Should -Be 0.4
        $m[1].Share | Should -Be 0.3   # 600 of 2000, whichever of the two
        # -Top 1 with -ShareOf Partner: Acme 2015 is 800 of Acme's 1100 = 0.727273
        (Measure-PartnerRevenue -Database $db -GroupBy Partner, Year -ShareOf Partner -Top 1).Share | Should -Be 0.727273
    }

    It 'shares in -Currency EUR: within a year as in USD; across years with each year''s rate' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Year -Currency EUR
        # 2014 /1.25: Partner 400, Direct 400; 2015 /1.6: Partner 875, Direct 375
        $m.Total | Should -Be @(400, 875, 400, 375)
        Show-Shares $m Channel, Year | Should -Be @('Partner 2014 0.5', 'Partner 2015 0.7', 'Direct 2014 0.5', 'Direct 2015 0.3')
        # Of everything, 2050 EUR: 400/2050 = 0.195122, 875/2050 = 0.426829, 375/2050 = 0.182927
        $all = Measure-PartnerRevenue -Database $db -GroupBy Channel, Year -Currency EUR -ShareOf @()
        Show-Shares $all Channel, Year | Should -Be @('Partner 2014 0.195122', 'Partner 2015 0.426829', 'Direct 2014 0.195122', 'Direct 2015 0.182927')
    }

    It 'measures piped records with the same shares: -ShareOf Region' {
        $m = Get-PartnerRevenue -Database $db | Measure-PartnerRevenue -GroupBy Channel, Region -ShareOf Region
        Show-Shares $m Channel, Region | Should -Be @('Partner China 0.5', 'Partner Western Europe 0.785714', 'Direct China 0.5', 'Direct Western Europe 0.214286')
        # Piped records of 2015 only, default (within the year): 2015 Partner 0.7
        $y = Get-PartnerRevenue -Database $db -Year 2015 | Measure-PartnerRevenue -GroupBy Channel, Year
        Show-Shares $y Channel, Year | Should -Be @('Partner 2015 0.7', 'Direct 2015 0.3')
    }

    It 'gives a null share where the whole is zero or negative (credit notes)' {
        $credit = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $credit -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region A -Date 2016-01-01 -Amount -10 -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region B -Date 2016-01-02 -Amount 5 -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region A -Date 2017-01-01 -Amount -5 -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region B -Date 2017-01-02 -Amount 5 -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region A -Date 2018-01-01 -Amount -5 -Currency USD
        Add-PartnerRevenue -Database $credit -Direct -Region B -Date 2018-01-02 -Amount 15 -Currency USD
        $m = Measure-PartnerRevenue -Database $credit -GroupBy Region, Year
        # 2016: whole -5 -> null; 2017: whole 0 -> null; 2018: whole 10: -5/10 = -0.5, 15/10 = 1.5
        Show-Shares $m Region, Year | Should -Be @('A 2016 ', 'A 2017 ', 'A 2018 -0.5', 'B 2016 ', 'B 2017 ', 'B 2018 1.5')
        $m[0].Share | Should -BeNullOrEmpty
    }

    It 'gives the same shares in <Culture>' -ForEach @(
        @{ Culture = 'en-US' }, @{ Culture = 'en-GB' }, @{ Culture = 'de-DE' }, @{ Culture = 'fr-FR' }
    ) {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $m = Measure-PartnerRevenue -Database $db -GroupBy Channel, Region -ShareOf Region
            $m.Share | Should -Be @(0.5, 0.785714, 0.5, 0.214286)
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }

    It 'completes -ShareOf with the key names, as -GroupBy' {
        $line = "Measure-PartnerRevenue -Database '$db' -GroupBy Channel, Region -ShareOf Re"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Region')
        $line = "Measure-PartnerRevenue -Database '$db' -ShareOf Q"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Quarter')
    }
}

Describe 'A -ShareOf that cannot be answered' {
    It 'is a terminating InvalidRevenueValue for <Case>, naming it, and nothing is measured' -ForEach @(
        @{ Case = 'a key not among -GroupBy'; GroupBy = @('Channel', 'Year'); ShareOf = @('Region'); Named = "ShareOf 'Region'*not among the -GroupBy keys*(Channel, Year)*" }
        @{ Case = 'a key twice'; GroupBy = @('Channel', 'Region', 'Year'); ShareOf = @('Region', 'Region'); Named = "ShareOf 'Region'*given twice*" }
        @{ Case = 'every -GroupBy key'; GroupBy = @('Channel', 'Year'); ShareOf = @('Channel', 'Year'); Named = "ShareOf 'Channel,Year'*every -GroupBy key*100%*" }
        @{ Case = 'the only key'; GroupBy = @('Region'); ShareOf = @('Region'); Named = "ShareOf 'Region'*every -GroupBy key*" }
        @{ Case = 'a key without -GroupBy'; GroupBy = $null; ShareOf = @('Year'); Named = "ShareOf 'Year'*-GroupBy has no keys*" }
        # A -GroupBy key twice was dropped silently before; now it is refused as Measure-Partner refuses it.
        @{ Case = 'a -GroupBy key twice'; GroupBy = @('Region', 'Year', 'region'); ShareOf = $null; Named = "GroupBy 'Region'*given twice*" }
    ) {
        $arguments = @{ Database = $db }
        if ($null -ne $ShareOf) { $arguments.ShareOf = $ShareOf }
        if ($GroupBy) { $arguments.GroupBy = $GroupBy }
        $out = $null
        $thrown = { $script:out = Measure-PartnerRevenue @arguments } | Should -Throw -ErrorId 'InvalidRevenueValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike $Named
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $script:out | Should -BeNullOrEmpty
    }

    It 'stops before reading piped records' {
        $count = 0
        $thrown = { Get-PartnerRevenue -Database $db | ForEach-Object { $script:count++; $_ } | Measure-PartnerRevenue -GroupBy Year -ShareOf Region } |
            Should -Throw -ErrorId 'InvalidRevenueValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "*'Region'*"
        $script:count | Should -BeLessOrEqual 1
    }

    It 'refuses an unknown key naming the allowed ones' {
        { Measure-PartnerRevenue -Database $db -GroupBy Year -ShareOf Yeer } | Should -Throw '*Yeer*Year*'
    }
}

Describe 'Share on the sample data' {
    BeforeAll {
        $samples = Join-Path $PSScriptRoot '../../samples/channel'
        $sample = New-TestDatabasePath 'sample.db'
        $null = New-PartnerDatabase -Path $sample -Currency USD
        $null = Import-Partner -Database $sample -Path "$samples/partners.csv"
        $null = Import-PartnerRevenue -Database $sample -Path "$samples/revenue.csv"
        Import-Csv "$samples/exchange-rates.csv" | Set-PartnerExchangeRate -Database $sample

        # The shares computed here from the CSV files, independently of the module: each amount in USD with its year's rate
        # (exact decimals), summed per group, each sum over its partition's sum, rounded to six places half away from zero.
        $rates = @{}
        Import-Csv "$samples/exchange-rates.csv" | ForEach-Object { $rates["$($_.From) $($_.Year)"] = [decimal]::Parse($_.Rate, [cultureinfo]::InvariantCulture) }
        $rows = Import-Csv "$samples/revenue.csv" | ForEach-Object {
            $amount = [decimal]::Parse($_.Amount, [cultureinfo]::InvariantCulture)
            $year = $_.Date.Substring(0, 4)
            if ($_.Currency -ne 'USD') { $amount *= $rates["$($_.Currency) $year"] }
            [pscustomobject]@{ Channel = $(if ($_.PartnerName) { 'Partner' } else { 'Direct' }); Year = [int]$year; Region = $_.Region; Usd = $amount }
        }
        function Get-HandShare([string[]] $Keys, [string[]] $ShareOf) {
            $whole = @{}; $part = @{}
            foreach ($r in $rows) {
                $k = ($Keys | ForEach-Object { $r.$_ }) -join '|'; $p = ($ShareOf | ForEach-Object { $r.$_ }) -join '|'
                $part[$k] += $r.Usd; $whole[$p] += $r.Usd
            }
            $shares = @{}
            foreach ($k in $part.Keys) {
                $values = $k -split '\|'
                $p = ($ShareOf | ForEach-Object { $values[[array]::IndexOf($Keys, $_)] }) -join '|'
                $shares[$k] = [decimal]::Round($part[$k] / $whole[$p], 6, [MidpointRounding]::AwayFromZero)
            }
            $shares
        }
    }

    It 'gives Partner 2015 = 80.7% of 2015 (the issue''s figure), and every share as computed from the CSV files' {
        $m = Measure-PartnerRevenue -Database $sample -GroupBy Channel, Year
        $partner2015 = $m | Where-Object { $_.Channel -eq 'Partner' -and $_.Year -eq 2015 }
        [math]::Round($partner2015.Share, 3) | Should -Be 0.807
        [math]::Round(($m | Where-Object { $_.Channel -eq 'Direct' -and $_.Year -eq 2015 }).Share, 3) | Should -Be 0.193
        $hand = Get-HandShare Channel, Year Year
        $m.Count | Should -Be 8
        foreach ($measure in $m) { $measure.Share | Should -Be $hand["$($measure.Channel)|$($measure.Year)"] -Because "$($measure.Channel) $($measure.Year)" }
    }

    It 'gives each channel''s share of its region in 2015 as computed from the CSV files' {
        $m = Measure-PartnerRevenue -Database $sample -GroupBy Channel, Region, Year -Year 2015 -ShareOf Region, Year
        $hand = Get-HandShare Channel, Region, Year Region, Year
        $m.Count | Should -Be 14
        foreach ($measure in $m) { $measure.Share | Should -Be $hand["$($measure.Channel)|$($measure.Region)|2015"] -Because "$($measure.Channel) $($measure.Region)" }
    }
}
