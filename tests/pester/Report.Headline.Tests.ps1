# Export-PartnerReport's headline tiles on both backends: each tile's figure is the figure of the report's scope (every region,
# or the regions of -Region) as Measure-Partner, Measure-PartnerRevenue and Measure-PartnerFunnel give it for that scope; a
# tile is compared only with a target of exactly that scope, and otherwise names the regional targets; a -Region value that
# no partner, revenue record or target holds is warned about with the closest regions.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'

    # Western Europe: two Active partners and one Onboarding; Eastern Europe: one Active; China: one Active and one Suspended.
    # Partner and direct revenue in each region in 2014 and 2015. Targets of 2015: a PartnerCount target of Western Europe
    # (Active), a PartnerRevenueShare target of China and, with -ProgrammeTarget, a PartnerCount target of all regions.
    function New-HeadlineDatabase([switch] $ProgrammeTarget) {
        $db = New-TestDatabase
        $n = 0
        foreach ($partner in @(
                @('Western Europe', 'Active'), @('Western Europe', 'Active'), @('Western Europe', 'Onboarding'),
                @('Eastern Europe', 'Active'), @('China', 'Active'), @('China', 'Suspended'))) {
            $n++
            $name = "Partner $n"
            $null = Add-Partner -Database $db -Name $name -Region $partner[0] -Country GB -Status $partner[1] -JoinedOn 2014-01-10
            foreach ($date in '2014-03-10', '2015-02-15') {
                Add-PartnerRevenue -Database $db -Partner $name -Date $date -Amount (1000 * $n) -Currency USD -Segment Enterprise
            }
        }
        foreach ($region in 'Western Europe', 'Eastern Europe', 'China') {
            Add-PartnerRevenue -Database $db -Direct -Region $region -Date 2015-03-03 -Amount 2500 -Currency USD -Segment Enterprise
        }
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 5
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Region 'China' -Year 2015 -Value 0.5
        if ($ProgrammeTarget) { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 10 }
        $db
    }

    # The page of the report of $Database as of $script:AsOf, with -Region when given.
    function Get-HeadlineHtml([string] $Database, [string[]] $Region) {
        $with = @{ AsOf = $script:AsOf }
        if ($Region) { $with.Region = $Region }
        $file = Export-TestReport -Database $Database -With $with
        Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8
    }

    function Get-TileText([string] $Html, [string] $Id) {
        $text = (Get-ElementHtml $Html "tile-$Id") -replace '<[^>]+>', ' '
        [System.Net.WebUtility]::HtmlDecode($text) -replace '\s+', ' '
    }

    $script:Plain = New-HeadlineDatabase
    $script:WithProgramme = New-HeadlineDatabase -ProgrammeTarget
}

AfterAll { Remove-TestFolders }

Describe 'The Partners tile' {
    It 'shows Measure-Partner''s count of every region, the same with or without a target of all regions' {
        $count = (Measure-Partner -Database $script:Plain -AsOf $script:AsOf).Count
        $count | Should -Be 6
        $plain = Get-HeadlineHtml $script:Plain
        $withTarget = Get-HeadlineHtml $script:WithProgramme
        Get-TileNumber $plain 'partners' | Should -Be $count
        Get-TileNumber $withTarget 'partners' | Should -Be $count
    }

    It 'compares with the target of all regions when there is one, naming what the target counts' {
        $html = Get-HeadlineHtml $script:WithProgramme
        $target = Measure-PartnerTarget -Database $script:WithProgramme -Year 2015 -AsOf $script:AsOf | Where-Object { $_.Metric -eq 'PartnerCount' -and -not $_.Region }
        $target.Actual | Should -Be 4   # Active only
        $text = Get-TileText $html 'partners'
        $text | Should -Match 'target 10 Active partners for all regions: 4 now'
        $text | Should -Match ([regex]::Escape($(if ($target.OnTrack) { 'On track' } else { 'Behind' })))
    }

    It 'names the regional targets, never "no target set", when only regions have targets' {
        $text = Get-TileText (Get-HeadlineHtml $script:Plain) 'partners'
        $text | Should -Match 'regional targets \(Western Europe\): see Target progress'
        $text | Should -Not -Match 'no target set'
        $text | Should -Not -Match 'On track|Behind'
    }

    It 'shows the count of every region a pattern matches (<Region>), not the one region with a target' -ForEach @(
        @{ Region = @('*Europe'); Count = 4 }
        @{ Region = @('Western Europe', 'China'); Count = 5 }
        @{ Region = @('*n*'); Count = 6 }
    ) {
        foreach ($db in $script:Plain, $script:WithProgramme) {
            $html = Get-HeadlineHtml $db $Region
            (Measure-Partner -Database $db -AsOf $script:AsOf -Region $Region).Count | Should -Be $Count
            Get-TileNumber $html 'partners' | Should -Be $Count
            $text = Get-TileText $html 'partners'
            $text | Should -Not -Match 'On track|Behind|target 5'
            $text | Should -Match 'regional targets \(Western Europe\): see Target progress'
        }
    }

    It 'compares one region''s count with that region''s target (<Region>)' -ForEach @(
        @{ Region = 'Western Europe' }
        @{ Region = 'western europe' }
        @{ Region = 'West*' }
    ) {
        $html = Get-HeadlineHtml $script:WithProgramme $Region
        Get-TileNumber $html 'partners' | Should -Be (Measure-Partner -Database $script:WithProgramme -AsOf $script:AsOf -Region $Region).Count
        Get-TileNumber $html 'partners' | Should -Be 3
        $target = Measure-PartnerTarget -Database $script:WithProgramme -Year 2015 -AsOf $script:AsOf -Region 'Western Europe' | Where-Object Metric -EQ 'PartnerCount'
        $text = Get-TileText $html 'partners'
        $text | Should -Match "target 5 Active partners for the regions matching .*: $($target.Actual) now"
        $text | Should -Match ([regex]::Escape($(if ($target.OnTrack) { 'On track' } else { 'Behind' })))
    }

    It 'says no target is set in a region without one, and how to set it' {
        $text = Get-TileText (Get-HeadlineHtml $script:Plain 'Eastern Europe') 'partners'
        $text | Should -Match 'no target set for the regions matching Eastern Europe \(Set-PartnerTarget -Metric PartnerCount\)'
    }
}

Describe 'The partner share, revenue and net adds tiles' {
    It 'show the figures of the scope (<Region>) as Measure-PartnerRevenue and Measure-PartnerFunnel give them' -ForEach @(
        @{ Region = @() }
        @{ Region = @('*Europe') }
        @{ Region = @('China') }
        @{ Region = @('Western Europe', 'China') }
    ) {
        $filter = @{}
        if ($Region) { $filter.Region = $Region }
        $html = Get-HeadlineHtml $script:Plain $Region
        $channels = Measure-PartnerRevenue -Database $script:Plain -Year 2015 -To $script:AsOf -GroupBy Channel @filter
        Get-TileNumber $html 'partner-share' | Should -Be ($channels | Where-Object Channel -EQ 'Partner').Share
        $total = Measure-PartnerRevenue -Database $script:Plain -Year 2015 -To $script:AsOf -GroupBy Year @filter
        Get-TileNumber $html 'revenue' | Should -Be $total.Total
        $funnel = Measure-PartnerFunnel -Database $script:Plain -From 2015-01-01 -To $script:AsOf @filter
        Get-TileNumber $html 'net-adds' | Should -Be $funnel.NetAdds
    }

    It 'compares the share with China''s target only in a report of China alone' {
        $china = Get-TileText (Get-HeadlineHtml $script:Plain 'China') 'partner-share'
        $china | Should -Match 'against a 50.0 % target'
        $china | Should -Match 'On track|Behind'
        foreach ($region in @('China', 'Western Europe'), @('*')) {
            $text = Get-TileText (Get-HeadlineHtml $script:Plain $region) 'partner-share'
            $text | Should -Not -Match 'against|On track|Behind'
            $text | Should -Match 'regional targets \(China\): see Target progress'
        }
    }
}

Describe 'A -Region value that matches nothing' {
    It 'is warned about with the closest regions, as Measure-PartnerRevenue warns (<Region>)' -ForEach @(
        @{ Region = @('Westren Europe'); Value = 'Westren Europe'; Closest = "'Western Europe', 'Eastern Europe'" }
        @{ Region = @('Western Europe', 'Chna'); Value = 'Chna'; Closest = "'China'" }
    ) {
        $file = Join-Path (Get-TestFolder $script:Plain) "typo-$([guid]::NewGuid().ToString('N').Substring(0, 6)).html"
        $null = Export-PartnerReport -Database $script:Plain -Path $file -AsOf $script:AsOf -Region $Region -WarningVariable warned -WarningAction SilentlyContinue
        $file | Should -Exist
        @($warned) | Should -HaveCount 1
        "$($warned[0])" | Should -BeLike "*'$Value'; closest: $Closest*"
        $null = Measure-PartnerRevenue -Database $script:Plain -Year 2015 -Region $Value -WarningVariable measured -WarningAction SilentlyContinue
        "$($measured[0])" | Should -BeLike "*closest: $Closest*"
    }

    It 'is not warned about when it names a region in use, in any case, or is a wildcard' {
        $file = Join-Path (Get-TestFolder $script:Plain) 'known.html'
        $null = Export-PartnerReport -Database $script:Plain -Path $file -AsOf $script:AsOf -Region 'eastern europe', 'China', 'Nowhere*' -WarningVariable warned -WarningAction SilentlyContinue
        @($warned) | Should -HaveCount 0
    }
}

Describe 'What the figures cover' {
    It 'shows a tier without partners as 0.0 % of a total above 0, not n/a' {
        $html = Get-HeadlineHtml $script:Plain
        $rows = Get-TableRows $html 'tier-distribution-numbers'
        $counts = Measure-Partner -Database $script:Plain -AsOf $script:AsOf -GroupBy Tier
        $total = ($counts | Measure-Object Count -Sum).Sum
        $total | Should -BeGreaterThan 0
        $empty = @($rows | Where-Object { $_[1].Number -eq 0 })
        $empty.Count | Should -BeGreaterThan 0
        foreach ($row in $empty) { $row[2].Text | Should -Be '0.0 %'; $row[2].Number | Should -Be 0 }
    }

    It 'labels the quarter of a day that is not its last as to that day, and no other (<AsOf>)' -ForEach @(
        @{ AsOf = '2015-07-02'; Labels = @('Q1', 'Q2', 'Q3 (to 2 Jul)', 'Q4') }
        @{ AsOf = '2015-06-30'; Labels = @('Q1', 'Q2', 'Q3', 'Q4') }
        @{ AsOf = '2015-02-28'; Labels = @('Q1 (to 28 Feb)', 'Q2', 'Q3', 'Q4') }
    ) {
        $file = Export-TestReport -Database $script:Plain -With @{ AsOf = $AsOf }
        $html = Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8
        @(Get-TableRows $html 'share-by-quarter-numbers' | ForEach-Object { $_[0].Text }) | Should -Be $Labels
        @(Get-TableRows $html 'attribution-by-quarter-numbers' | ForEach-Object { $_[0].Text }) | Should -Be $Labels
    }

    It 'says which days the figures of an earlier year cover, and that the lists are of the day measured' {
        $file = Export-TestReport -Database $script:Plain -With @{ AsOf = $script:AsOf; Year = 2014 }
        $html = Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8
        $headline = [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml $html 'section-headline'))
        $headline | Should -Match 'Figures of 2014-01-01 to 2014-12-31'
        $headline | Should -Match 'Tiers, certifications and deals are as of 2015-07-02'
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml $html 'section-tiers')) | Should -Match 'These are of 2015-07-02, not of 2014'
        $same = Get-Content -Raw -LiteralPath (Export-TestReport -Database $script:Plain -With @{ AsOf = $script:AsOf }).FullName -Encoding utf8
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml $same 'section-headline')) | Should -Match 'Figures of 2015-01-01 to 2015-07-02'
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml $same 'section-headline')) | Should -Not -Match 'as of'
    }
}

Describe 'A report whose revenue is all in one region' {
    It 'says so in words, and says nothing of it when there are several' {
        $db = New-TestDatabase
        $null = Add-Partner -Database $db -Name 'Solo' -Region 'Nordics' -Country SE -Status Active -JoinedOn 2014-01-10
        Add-PartnerRevenue -Database $db -Partner 'Solo' -Date 2015-02-15 -Amount 1000 -Currency USD -Segment Enterprise
        $html = Get-HeadlineHtml $db
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml $html 'section-regions')) | Should -Match 'All of it is in one region, Nordics\.'
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml (Get-HeadlineHtml $script:Plain) 'section-regions')) | Should -Not -Match 'one region'
        [System.Net.WebUtility]::HtmlDecode((Get-ElementHtml (Get-HeadlineHtml $script:Plain 'China') 'section-regions')) | Should -Match 'All of it is in one region, China\.'
    }
}
