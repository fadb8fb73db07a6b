# Export-PartnerReport on the sample data (samples/channel, loaded as samples/Demo.ps1 loads it), on both backends: the
# numbers the page shows (data-value of the tiles and table cells) are those of Measure-PartnerRevenue,
# Measure-PartnerTarget and Measure-PartnerFunnel on the same day; the file is self-contained; a PDF is a PDF.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'
    $script:Sample = New-SampleReportDatabase
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $script:File = Export-TestReport -Database $script:Sample -With @{ AsOf = $script:AsOf }
    $script:Seconds = $clock.Elapsed.TotalSeconds
    $script:Html = Get-Content -Raw -LiteralPath $script:File.FullName -Encoding utf8
    # The figures the report shows, as the cmdlets give them for the same year to the same day.
    $year = @{ Database = $script:Sample; Year = 2015; To = $script:AsOf }
    $script:Channels = Measure-PartnerRevenue @year -GroupBy Channel
    $script:Total = Measure-PartnerRevenue @year -GroupBy Year
    $script:Regions = Measure-PartnerRevenue @year -GroupBy Region, Year
    $script:Targets = @(Measure-PartnerTarget -Database $script:Sample -Year 2015 -AsOf $script:AsOf)
    $script:Funnel = Measure-PartnerFunnel -Database $script:Sample -From 2015-01-01 -To $script:AsOf
}

AfterAll { Remove-TestFolders }

Describe 'The report of the sample data' {
    It 'returns the FileInfo of the file written' {
        $script:File | Should -BeOfType [System.IO.FileInfo]
        $script:File.FullName | Should -Exist
        $script:File.Length | Should -Be (Get-Item -LiteralPath $script:File.FullName).Length
        $script:File.Length | Should -BeGreaterThan 0
    }

    It 'is one HTML page under 1 MB (size and time printed; the time is held to 3 s by the bench, not here)' {
        Write-Host ("    sample report ({0}): {1:N0} bytes written in {2:N2} s" -f $script:Backend, $script:File.Length, $script:Seconds)
        $script:File.Length | Should -BeLessThan 1MB
        $script:Html | Should -Match '^<!DOCTYPE html>'
        $script:Html | Should -Match '<html lang="en">'
        $script:Html | Should -Match '<meta charset="utf-8">'
    }

    It 'holds every section, in order' {
        $sections = [regex]::Matches($script:Html, '<section[^>]*\sid="section-(?<id>[^"]+)"') | ForEach-Object { $_.Groups['id'].Value }
        $sections | Should -Be @('headline', 'targets', 'share', 'recruitment', 'regions', 'tiers', 'concentration')
    }

    It 'shows revenue of the year to the day as Measure-PartnerRevenue -GroupBy Year totals it' {
        $script:Total | Should -HaveCount 1
        Get-TileNumber $script:Html 'revenue' | Should -Be $script:Total.Total
    }

    It 'shows the partner share of revenue as Measure-PartnerRevenue -GroupBy Channel gives it' {
        $partner = $script:Channels | Where-Object Channel -EQ 'Partner'
        $partner.Share | Should -BeGreaterThan 0
        Get-TileNumber $script:Html 'partner-share' | Should -Be $partner.Share
    }

    It 'shows the partners of the day as Measure-Partner counts them, and that the count targets are regional' {
        # The sample's count targets are regional (Western Europe, China): the programme as a whole has none.
        @($script:Targets | Where-Object { $_.Metric -eq 'PartnerCount' -and -not $_.Region }) | Should -HaveCount 0
        Get-TileNumber $script:Html 'partners' | Should -Be (Measure-Partner -Database $script:Sample -AsOf $script:AsOf).Count
        Get-ElementHtml $script:Html 'tile-partners' | Should -Match 'regional targets \((China, Western Europe|Western Europe, China)\)'
    }

    It 'shows a region''s partners against its count target as Measure-PartnerTarget -Region measures them, with the status as text' {
        $file = Export-TestReport -Database $script:Sample -With @{ AsOf = $script:AsOf; Region = 'Western Europe' }
        $html = Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8
        $count = Measure-PartnerTarget -Database $script:Sample -Year 2015 -AsOf $script:AsOf -Region 'Western Europe' | Where-Object Metric -EQ 'PartnerCount'
        $count | Should -HaveCount 1
        Get-TileNumber $html 'partners' | Should -Be (Measure-Partner -Database $script:Sample -AsOf $script:AsOf -Region 'Western Europe').Count
        Get-ElementHtml $html 'tile-partners' | Should -Match "target [0-9,]+ [A-Za-z, ]*partners for the regions matching Western Europe: $($count.Actual.ToString('N0', [cultureinfo]::InvariantCulture)) now"
        Get-ElementHtml $html 'tile-partners' | Should -Match ([regex]::Escape($(if ($count.OnTrack) { 'On track' } else { 'Behind' })))
        $revenue = Measure-PartnerRevenue -Database $script:Sample -Year 2015 -To $script:AsOf -GroupBy Year -Region 'Western Europe'
        Get-TileNumber $html 'revenue' | Should -Be $revenue.Total
    }

    It 'shows the net adds of the year as Measure-PartnerFunnel measures them' {
        Get-TileNumber $script:Html 'net-adds' | Should -Be $script:Funnel.NetAdds
        $script:Funnel.NetAdds | Should -Be ($script:Funnel.AtEnd - $script:Funnel.AtStart)
    }

    It 'lists revenue by region with this year''s and last year''s totals of Measure-PartnerRevenue -GroupBy Region, Year' {
        $rows = @(Get-TableRows $script:Html 'revenue-by-region')
        $rows.Count | Should -Be @($script:Regions).Count
        foreach ($row in $rows) {
            $measure = $script:Regions | Where-Object { "$($_.Region)" -eq $row[0].Text -or (-not $_.Region -and $row[0].Text -eq '(no region)') }
            $measure | Should -HaveCount 1 -Because "region '$($row[0].Text)' is one group of the measure"
            $row[1].Number | Should -Be $measure.Total
            $row[2].Number | Should -Be $measure.PreviousTotal
            $row[3].Number | Should -Be $measure.Growth
            $row[4].Number | Should -Be $measure.Share
        }
        # Largest first, as a reader scans it.
        $totals = $rows | ForEach-Object { $_[1].Number }
        $totals | Should -Be @($totals | Sort-Object -Descending)
    }

    It 'lists each target with the Target, Actual and status of Measure-PartnerTarget' {
        $rows = @(Get-TableRows $script:Html 'target-progress-numbers')
        $rows.Count | Should -Be $script:Targets.Count
        $script:Targets.Count | Should -BeGreaterThan 0
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $target = $script:Targets[$i]
            $row = $rows[$i]
            $row[0].Text | Should -Match ([regex]::Escape("$($target.Metric)"))
            $row[1].Number | Should -Be $target.Target
            $row[2].Number | Should -Be $target.Actual
            $row[-1].Text | Should -Be $(if ($target.OnTrack) { 'On track' } else { 'Behind' })
        }
    }

    It 'shows the funnel''s partners per stage and conversions as Measure-PartnerFunnel gives them' {
        $rows = @(Get-TableRows $script:Html 'funnel-numbers')
        $byStage = @{}
        foreach ($row in $rows) { $byStage[$row[0].Text] = $row }
        $byStage['Prospect'][1].Number | Should -Be $script:Funnel.Prospects
        $byStage['Onboarding'][1].Number | Should -Be $script:Funnel.Onboarding
        $byStage['Active'][1].Number | Should -Be $script:Funnel.Active
        $byStage['Suspended'][1].Number | Should -Be $script:Funnel.Suspended
        $byStage['Prospect'][3].Number | Should -Be $script:Funnel.ProspectToOnboarding
        $byStage['Onboarding'][3].Number | Should -Be $script:Funnel.OnboardingToActive
    }

    It 'draws every chart, each with its title, text alternative and table of numbers (no chart of the sample is empty)' {
        $figures = [regex]::Matches($script:Html, '<figure[^>]*\sid="chart-(?<id>[^"]+)"') | ForEach-Object { $_.Groups['id'].Value }
        $figures | Should -Be @('target-progress', 'share-by-quarter', 'attribution-by-quarter', 'funnel', 'net-adds-by-month', 'revenue-by-country', 'tier-distribution', 'concentration')
        foreach ($id in $figures) {
            $figure = Get-ElementHtml $script:Html "chart-$id"
            $figure | Should -Match '<svg[^>]*role="img"' -Because "chart '$id' is drawn"
            $figure | Should -Match '<title[^>]*>[^<]+</title>'
            $figure | Should -Match '<desc[^>]*>[^<]+</desc>'
            $figure | Should -Match '<details><summary>Numbers</summary>'
            $figure | Should -Not -Match 'class="empty"'
        }
    }

    It 'references nothing outside the file: no http(s) address, no protocol-relative URL, no import, no script' {
        $script:Html | Should -Not -Match '(?i)https?:'
        $script:Html | Should -Not -Match '(?i)\s(src|href|xlink:href|action|poster|data)\s*=\s*["'']?//'
        $script:Html | Should -Not -Match '(?i)url\(\s*["'']?(//|[a-z]+:)'
        $script:Html | Should -Not -Match '(?i)@import'
        $script:Html | Should -Not -Match '(?i)<(script|link|iframe|img|object|embed)\b'
    }

    It 'has the same numbers with -Region naming every region (a filter that keeps everything)' {
        $regions = @($script:Regions | ForEach-Object Region | Where-Object { $_ })
        $file = Export-TestReport -Database $script:Sample -With @{ AsOf = $script:AsOf; Region = $regions }
        $html = Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8
        $filtered = Measure-PartnerRevenue -Database $script:Sample -Year 2015 -To $script:AsOf -GroupBy Year -Region $regions
        Get-TileNumber $html 'revenue' | Should -Be $filtered.Total
    }
}

Describe 'The PDF of the sample data' {
    BeforeAll {
        $script:Pdf = Export-TestReport -Database $script:Sample -Name 'report.pdf' -With @{ AsOf = $script:AsOf; Format = 'Pdf' }
        $script:PdfBytes = [System.IO.File]::ReadAllBytes($script:Pdf.FullName)
        $script:PdfText = [System.Text.Encoding]::Latin1.GetString($script:PdfBytes)
    }

    It 'is a PDF: starts with %PDF- and ends with %%EOF, under 1 MB' {
        Write-Host ("    sample PDF ({0}): {1:N0} bytes" -f $script:Backend, $script:Pdf.Length)
        $script:Pdf | Should -BeOfType [System.IO.FileInfo]
        [System.Text.Encoding]::ASCII.GetString($script:PdfBytes, 0, 5) | Should -Be '%PDF-'
        $script:PdfText.TrimEnd() | Should -Match '%%EOF$'
        $script:Pdf.Length | Should -BeLessThan 1MB
    }

    It 'holds the tiles'' labels and the sections'' headings as text' {
        foreach ($text in 'Partners', 'Partner share of revenue', 'Net partner adds') {
            $script:PdfText | Should -Match ([regex]::Escape($text)) -Because "the PDF shows '$text'"
        }
    }
}
