# The sample data's report in a real browser (Debian's chromium, headless), on both backends: the DOM chromium builds from
# the file shows every chart's <svg> with the bars and points the data calls for, and a screenshot of the page is written to
# out/report-screenshot.png (CI keeps out/; README's docs/images/report.png is a copy of it). Skipped, with the reason, when
# chromium is not installed (.ci/run installs it).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'
    $script:Chromium = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $script:Why = if (-not $script:Chromium) { 'chromium is not installed (apt-get install -y chromium; .ci/run installs it)' }
    $script:Screenshot = Join-Path $PSScriptRoot '../../out/report-screenshot.png'

    function Skip-Because([string] $Reason) {
        if ($Reason) { Set-ItResult -Skipped -Because $Reason; return $true }
        $false
    }

    # Runs headless chromium on the file with these switches (a profile of its own, no network of its own accord) and
    # returns what it printed to standard output.
    function Invoke-Chromium([string] $File, [string[]] $Switches) {
        $userData = New-TestFolder
        $uri = [System.Uri]::new('file://' + $File.Replace('\', '/')).AbsoluteUri
        $arguments = @('--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
            '--disable-dev-shm-usage', "--user-data-dir=$userData") + $Switches + $uri
        $output = & $script:Chromium.Source @arguments 2>$null
        if ($LASTEXITCODE) { throw "chromium exited with $LASTEXITCODE for $uri" }
        if (-not $output -and $Switches -contains '--dump-dom') { throw "chromium printed no DOM for $uri" }
        $output -join "`n"
    }

    # How many marks of each kind a chart's drawing holds (the classes the renderer documents: one <rect class="bar ..."> per
    # bar, one <polygon class="marker reference"> per reference marker, one <ellipse|rect|polygon class="point ..."> per point of a line, by its marker shape).
    function Get-Marks([string] $Html, [string] $Chart) {
        $figure = Get-ElementHtml $Html "chart-$Chart"
        if (-not $figure) { throw "No chart '$Chart' in the page." }
        $svg = [regex]::Match($figure, '<svg\b.*?</svg>', 'Singleline').Value
        [pscustomobject]@{
            Svg     = [bool]$svg
            Bars    = [regex]::Matches($svg, '<rect\b[^>]*\sclass="bar\b').Count
            Markers = [regex]::Matches($svg, '<polygon\b[^>]*\sclass="marker\b').Count
            Points  = [regex]::Matches($svg, '<(ellipse|rect|polygon)\b[^>]*\sclass="point\b').Count
            Lines   = [regex]::Matches($svg, '<polyline\b[^>]*\sclass="line\b').Count
        }
    }

    if (-not $script:Why) {
        $script:Sample = New-SampleReportDatabase
        $script:File = Export-TestReport -Database $script:Sample -Name 'report.html' -With @{ AsOf = $script:AsOf }
        $script:Html = Get-Content -Raw -LiteralPath $script:File.FullName -Encoding utf8
        $script:Dom = Invoke-Chromium $script:File.FullName '--dump-dom'
        $script:Charts = @([regex]::Matches($script:Html, '<figure[^>]*\sid="chart-(?<id>[^"]+)"') | ForEach-Object { $_.Groups['id'].Value })
    }
}

AfterAll { Remove-TestFolders }

Describe 'The sample report in headless chromium' {
    It 'loads the page: chromium''s DOM has the report''s title, sections and figures' {
        if (Skip-Because $script:Why) { return }
        $script:Dom | Should -Match '<h1>Partner programme report</h1>'
        foreach ($id in 'headline', 'targets', 'share', 'recruitment', 'regions', 'tiers', 'concentration') {
            $script:Dom | Should -Match "id=""section-$id"""
        }
        $script:Charts.Count | Should -BeGreaterOrEqual 8
    }

    It 'shows every chart as an inline SVG with the marks the file holds, none lost in parsing' {
        if (Skip-Because $script:Why) { return }
        foreach ($chart in $script:Charts) {
            $written = Get-Marks $script:Html $chart
            $shown = Get-Marks $script:Dom $chart
            $shown.Svg | Should -BeTrue -Because "chart '$chart' is an inline <svg> in the browser's DOM"
            ($shown.Bars + $shown.Points) | Should -BeGreaterThan 0 -Because "chart '$chart' draws bars or points"
            $shown.Bars | Should -Be $written.Bars -Because "chart '$chart'"
            $shown.Markers | Should -Be $written.Markers -Because "chart '$chart'"
            $shown.Points | Should -Be $written.Points -Because "chart '$chart'"
            $shown.Lines | Should -Be $written.Lines -Because "chart '$chart'"
        }
    }

    It 'draws a bar and an expected-by-now marker per target of Measure-PartnerTarget' {
        if (Skip-Because $script:Why) { return }
        $targets = @(Measure-PartnerTarget -Database $script:Sample -Year 2015 -AsOf $script:AsOf)
        $marks = Get-Marks $script:Dom 'target-progress'
        $marks.Bars | Should -Be $targets.Count
        $marks.Markers | Should -Be $targets.Count
    }

    It 'draws a bar per funnel stage and per country of the top 10, and a bar per joined, ended and net of each month' {
        if (Skip-Because $script:Why) { return }
        (Get-Marks $script:Dom 'funnel').Bars | Should -Be 4 -Because 'Prospect, Onboarding, Active, Suspended'
        # The ten largest countries (direct revenue, which has none, is a group of its own), as Measure-PartnerRevenue -Top 10 finds them.
        $countries = @(Measure-PartnerRevenue -Database $script:Sample -Year 2015 -To $script:AsOf -GroupBy Country -Top 10)
        (Get-Marks $script:Dom 'revenue-by-country').Bars | Should -Be $countries.Count
        # January to July 2015 (the month of 2 July included): three series of one bar per month each.
        (Get-Marks $script:Dom 'net-adds-by-month').Bars | Should -Be (3 * 7)
    }

    It 'draws a point per quarter measured of the partner share line, and the attribution split per quarter' {
        if (Skip-Because $script:Why) { return }
        # A point per quarter with revenue (a quarter of direct revenue only has a share of 0): 2015 to 2 July, 2014 whole.
        $quarters = @(Measure-PartnerRevenue -Database $script:Sample -Year 2015 -To $script:AsOf -GroupBy Quarter) +
            @(Measure-PartnerRevenue -Database $script:Sample -Year 2014 -GroupBy Quarter)
        $share = Get-Marks $script:Dom 'share-by-quarter'
        $share.Points | Should -Be $quarters.Count -Because 'one point per quarter of 2014, and of 2015 up to 2 July, with revenue'
        # Sourced, influenced and fulfilled partner revenue of each quarter of 2015 up to the one of 2 July (Q1 to Q3): a bar
        # each, one of no height where nothing was booked; the quarter after it has no figure yet, so no bar.
        $measured = [Math]::Ceiling($script:AsOf.Month / 3)
        (Get-Marks $script:Dom 'attribution-by-quarter').Bars | Should -Be (3 * $measured)
        $split = @(Measure-PartnerRevenue -Database $script:Sample -Year 2015 -To $script:AsOf -GroupBy Quarter, Attribution -Channel Partner)
        $split.Count | Should -BeLessOrEqual (3 * $measured)
    }

    It 'writes a screenshot of the page (a PNG of 1280 pixels width) to out/report-screenshot.png' {
        if (Skip-Because $script:Why) { return }
        $null = New-Item -ItemType Directory -Force (Split-Path $script:Screenshot)
        Remove-Item -LiteralPath $script:Screenshot -ErrorAction SilentlyContinue
        $png = Join-Path (New-TestFolder) 'report.png'
        $null = Invoke-Chromium $script:File.FullName "--screenshot=$png", '--window-size=1280,2400', '--hide-scrollbars'
        $png | Should -Exist
        $bytes = [System.IO.File]::ReadAllBytes($png)
        [System.BitConverter]::ToString($bytes, 0, 8) | Should -Be '89-50-4E-47-0D-0A-1A-0A'
        # The IHDR chunk: width and height, big-endian, from byte 16.
        $width = [System.Buffers.Binary.BinaryPrimitives]::ReadInt32BigEndian([byte[]]$bytes[16..19])
        $width | Should -Be 1280
        Copy-Item -LiteralPath $png -Destination $script:Screenshot -Force
        Write-Host ("    screenshot: {0} ({1:N0} bytes)" -f (Resolve-Path $script:Screenshot), $bytes.Length)
    }
}
