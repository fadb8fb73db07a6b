# Export-PartnerReport, on both backends: target bars say their status as text and as colour, and a PDF table holds a long
# name whole (its cells wrap, nothing is cut with "…").
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'
    $script:LongRegion = 'Nordic and Baltic Countries with Iceland, Greenland and the Faroe Islands (North Sales Area)'

    # Two partners of a long-named region with revenue, a count target far out of reach (behind) and a revenue target met (on track).
    function New-RenderingDatabase {
        $db = New-TestDatabase
        foreach ($n in 1, 2) {
            $null = Add-Partner -Database $db -Name "Partner $n" -Region $script:LongRegion -Country GB -Status Active -Tier Silver -JoinedOn 2013-03-01
            Add-PartnerRevenue -Database $db -Partner "Partner $n" -Date 2015-02-10 -Amount 5000 -Currency USD -Segment Enterprise
        }
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 50
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2015 -Value 1000 -Currency USD
        $db
    }
}

AfterAll { Remove-TestFolders }

Describe 'Target progress chart' {
    It 'shows a behind target and an on-track one with their status as text beside each bar and in two colours' {
        $db = New-RenderingDatabase
        $targets = @(Measure-PartnerTarget -Database $db -Year 2015 -AsOf $script:AsOf)
        @($targets | Where-Object OnTrack).Count | Should -Be 1
        $file = Export-TestReport -Database $db -With @{ AsOf = $script:AsOf }
        $figure = Get-ElementHtml (Get-Content -Raw -LiteralPath $file.FullName -Encoding utf8) 'chart-target-progress'
        $svg = [System.Net.WebUtility]::HtmlDecode([regex]::Match($figure, '<svg\b.*?</svg>', 'Singleline').Value)
        foreach ($target in $targets) {
            $status = if ($target.OnTrack) { 'On track' } else { 'Behind' }
            $svg | Should -Match ([regex]::Escape("$($target.Metric) 2015 all regions · $status</text>"))
        }
        # One bar per target: the on-track one green, the behind one red.
        [regex]::Matches($svg, '<rect class="bar series-\d"').Count | Should -Be $targets.Count
        [regex]::Matches($svg, '<rect class="bar series-0"[^>]*fill:rgb\(46,125,50\)').Count | Should -Be 1
        [regex]::Matches($svg, '<rect class="bar series-1"[^>]*fill:rgb\(179,38,30\)').Count | Should -Be 1
        $figure | Should -Match 'Actual \(% of target\), on track</li>'
        $figure | Should -Match 'Actual \(% of target\), behind</li>'
    }
}

Describe 'PDF tables' {
    It 'wraps a long region name in the region table instead of cutting it' {
        $pdftotext = Get-Command pdftotext -ErrorAction SilentlyContinue
        if (-not $pdftotext) { Set-ItResult -Skipped -Because 'pdftotext (poppler-utils) is not installed'; return }
        $db = New-RenderingDatabase
        $file = Export-TestReport -Database $db -Name 'long.pdf' -With @{ AsOf = $script:AsOf; Format = 'Pdf' }
        $text = (& $pdftotext.Source -raw $file.FullName -) -join ' '
        $text | Should -Not -Match '…'
        $words = @($text -split '\s+')
        foreach ($word in $script:LongRegion -split ' ') {
            $words | Should -Contain $word
        }
    }
}
