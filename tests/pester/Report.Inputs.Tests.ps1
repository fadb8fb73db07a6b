# Export-PartnerReport on small databases, on both backends: what has nothing to show says so (never a broken chart), names
# from the data are text, the file is written whole or not at all, and bad input is refused naming the value.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'

    # Partners of these regions (two each, one joined in 2015), a year and a half of their revenue and direct revenue, and
    # unless -NoTargets the 2015 targets of the first region.
    function New-SmallDatabase([string[]] $Regions = @('Western Europe', 'China'), [switch] $NoTargets) {
        $db = New-TestDatabase
        $n = 0
        foreach ($region in $Regions) {
            foreach ($joined in '2013-03-01', '2015-02-01') {
                $n++
                $name = "Partner $n"
                $null = Add-Partner -Database $db -Name $name -Region $region -Country GB -Status Active -Tier Silver -JoinedOn $joined
                foreach ($date in '2014-02-10', '2014-05-20', '2015-01-15', '2015-04-30') {
                    Add-PartnerRevenue -Database $db -Partner $name -Date $date -Amount (1000 * $n) -Currency USD -Segment Enterprise
                }
            }
            Add-PartnerRevenue -Database $db -Direct -Region $region -Date 2015-03-03 -Amount 500 -Currency USD -Segment Enterprise
        }
        if (-not $NoTargets) {
            Set-PartnerTarget -Database $db -Metric PartnerCount -Region $Regions[0] -Year 2015 -Value 10
            Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2015 -Value 0.8
        }
        $db
    }

    function Read-Report($File) { Get-Content -Raw -LiteralPath $File.FullName -Encoding utf8 }

    # Every figure of the page is drawn or says it has nothing to draw: an <svg> with marks, or a class="empty" paragraph.
    function Assert-NoBrokenChart([string] $Html) {
        $ids = @([regex]::Matches($Html, '<figure[^>]*\sid="chart-(?<id>[^"]+)"') | ForEach-Object { $_.Groups['id'].Value })
        foreach ($id in $ids) {
            $figure = Get-ElementHtml $Html "chart-$id"
            $drawn = $figure -match '<svg'
            $empty = $figure -match '<p class="empty">[^<]+</p>'
            ($drawn -xor $empty) | Should -BeTrue -Because "chart '$id' is drawn or says why not, not both, not neither"
            if ($drawn) { $figure | Should -Match 'class="(bar|point|line|marker)[ "]' -Because "chart '$id' has marks" }
        }
    }

    # The files of a folder other than the ones named: what a failed or refused write might have left.
    function Get-OtherFiles([string] $Folder, [string[]] $Except) {
        @(Get-ChildItem -LiteralPath $Folder -Force -File | Where-Object { $_.Name -notin $Except -and $_.Name -notmatch '\.db(-wal|-shm)?$' })
    }
}

AfterAll { Remove-TestFolders }

Describe 'A report with nothing, or little, to show' {
    It 'of an empty database says so in every section and draws no chart' {
        $db = New-TestDatabase
        $html = Read-Report (Export-TestReport -Database $db -With @{ AsOf = $script:AsOf })
        $html | Should -Not -Match '<svg'
        foreach ($id in 'targets', 'share', 'recruitment', 'regions', 'concentration') {
            Get-ElementHtml $html "section-$id" | Should -Match '<p class="empty">[^<]+</p>' -Because "section '$id' says it has nothing to show"
        }
        $messages = @(Get-EmptyMessages $html)
        $messages -match 'Set-PartnerTarget' | Should -Not -BeNullOrEmpty -Because 'the targets section says how to add one'
        $messages -match 'Add-PartnerRevenue|Import-PartnerRevenue' | Should -Not -BeNullOrEmpty
        Get-TileNumber $html 'revenue' | Should -Be 0
        Assert-NoBrokenChart $html
    }

    It 'of a database without targets says so in the targets section and in the tiles, and draws the rest' {
        $db = New-SmallDatabase -NoTargets
        $html = Read-Report (Export-TestReport -Database $db -With @{ AsOf = $script:AsOf })
        $targets = Get-ElementHtml $html 'section-targets'
        $targets | Should -Match '<p class="empty">[^<]*Set-PartnerTarget'
        $targets | Should -Not -Match '<svg'
        Get-ElementHtml $html 'tile-partners' | Should -Match 'no target set'
        Get-ElementHtml $html 'tile-partner-share' | Should -Match 'no target set'
        Get-ElementHtml $html 'chart-share-by-quarter' | Should -Match '<svg'
        Assert-NoBrokenChart $html
    }

    It 'of one region draws its charts with one category, and lists the one region' {
        $db = New-SmallDatabase -Regions 'Western Europe'
        $html = Read-Report (Export-TestReport -Database $db -With @{ AsOf = $script:AsOf })
        $rows = @(Get-TableRows $html 'revenue-by-region')
        $rows | Should -HaveCount 1
        $rows[0][0].Text | Should -Be 'Western Europe'
        $rows[0][1].Number | Should -Be (Measure-PartnerRevenue -Database $db -Year 2015 -To $script:AsOf).Total
        $country = Get-ElementHtml $html 'chart-revenue-by-country'
        $country | Should -Match '<svg'
        # One country (GB) and direct revenue (no country): a bar each, as Measure-PartnerRevenue -GroupBy Country groups them.
        $countries = @(Measure-PartnerRevenue -Database $db -Year 2015 -To $script:AsOf -GroupBy Country)
        $countries | Should -HaveCount 2
        ([regex]::Matches($country, '<rect class="bar series-0"')).Count | Should -Be $countries.Count
        Assert-NoBrokenChart $html
    }
}

Describe 'Names from the data' {
    It 'shows a region named with a script element, an ampersand and quotes as text, and the page has no script element' {
        $evil = '<script>alert(1)</script> & "Q" ''R'''
        $db = New-SmallDatabase -Regions $evil, 'China'
        $file = Export-TestReport -Database $db -With @{ AsOf = $script:AsOf }
        $html = Read-Report $file
        $html | Should -Not -Match '(?i)<script'
        $html | Should -Match ([regex]::Escape('&lt;script&gt;alert(1)&lt;/script&gt; &amp;'))
        $regions = @(Get-TableRows $html 'revenue-by-region' | ForEach-Object { $_[0].Text })
        $regions | Should -Contain $evil
        # The same name as a -Region filter matches it (patterns are escaped by the caller: [ is a wildcard).
        $filtered = Read-Report (Export-TestReport -Database $db -With @{ AsOf = $script:AsOf; Region = [WildcardPattern]::Escape($evil) })
        @(Get-TableRows $filtered 'revenue-by-region' | ForEach-Object { $_[0].Text }) | Should -Be @($evil)
        $filtered | Should -Not -Match '(?i)<script'
    }
}

Describe 'Writing the file' {
    It 'writes nothing with -WhatIf' {
        $db = New-SmallDatabase
        $folder = Get-TestFolder $db
        $path = Join-Path $folder 'whatif.html'
        $result = Export-PartnerReport -Database $db -Path $path -AsOf $script:AsOf -WhatIf
        $result | Should -BeNullOrEmpty
        $path | Should -Not -Exist
        Get-OtherFiles $folder @() | Should -BeNullOrEmpty
    }

    It 'replaces an existing file whole, leaving nothing beside it' {
        $db = New-SmallDatabase
        $folder = Get-TestFolder $db
        $path = Join-Path $folder 'weekly.html'
        # A larger old file: a report written over it in place would keep its tail.
        Set-Content -LiteralPath $path -Value ('x' * 2MB) -NoNewline
        $file = Export-PartnerReport -Database $db -Path $path -AsOf $script:AsOf
        $file.FullName | Should -Be (Get-Item -LiteralPath $path).FullName
        $html = Read-Report $file
        $html | Should -Match '^<!DOCTYPE html>'
        $html.TrimEnd() | Should -Match '</html>$'
        $html | Should -Not -Match 'xxxx'
        $file.Length | Should -Be (Get-Item -LiteralPath $path).Length
        Get-OtherFiles $folder 'weekly.html' | Should -BeNullOrEmpty
        # And again: a weekly runbook writes the same file each week.
        $again = Export-PartnerReport -Database $db -Path $path -AsOf 2015-07-09
        (Read-Report $again) | Should -Match '2015-07-09'
        Get-OtherFiles $folder 'weekly.html' | Should -BeNullOrEmpty
    }

    It 'leaves an existing file as it was when the report cannot be made' {
        $db = New-SmallDatabase
        $folder = Get-TestFolder $db
        $path = Join-Path $folder 'kept.html'
        Set-Content -LiteralPath $path -Value 'last week' -NoNewline
        # No JPY rate: the revenue cannot be converted.
        { Export-PartnerReport -Database $db -Path $path -AsOf $script:AsOf -Currency JPY } | Should -Throw -ErrorId 'ExchangeRateMissing,*'
        Get-Content -Raw -LiteralPath $path | Should -BeExactly 'last week'
        Get-OtherFiles $folder 'kept.html' | Should -BeNullOrEmpty
    }

    It 'writes the format asked for, and warns when the extension does not fit it' {
        $db = New-SmallDatabase
        $folder = Get-TestFolder $db
        $html = Export-PartnerReport -Database $db -Path (Join-Path $folder 'report.pdf') -AsOf $script:AsOf -WarningVariable warnings -WarningAction SilentlyContinue
        [System.IO.File]::ReadAllText($html.FullName) | Should -Match '^<!DOCTYPE html>'
        "$warnings" | Should -Match 'Html'
        "$warnings" | Should -Match '-Format Pdf'
        $pdf = Export-PartnerReport -Database $db -Path (Join-Path $folder 'report.txt') -Format Pdf -AsOf $script:AsOf -WarningVariable pdfWarnings -WarningAction SilentlyContinue
        [System.Text.Encoding]::ASCII.GetString([System.IO.File]::ReadAllBytes($pdf.FullName), 0, 5) | Should -Be '%PDF-'
        "$pdfWarnings" | Should -Match '\.pdf'
        $quiet = Export-PartnerReport -Database $db -Path (Join-Path $folder 'fine.html') -AsOf $script:AsOf -WarningVariable none
        $none | Should -BeNullOrEmpty
        $quiet | Should -BeOfType [System.IO.FileInfo]
    }

    It 'as a PDF shows Windows-1252 names as written, and warns naming the names it shows with ? (the HTML shows them)' {
        $db = New-SmallDatabase -Regions 'Zürich € Straße', 'Łódź 北京'
        $folder = Get-TestFolder $db
        $pdf = Export-PartnerReport -Database $db -Path (Join-Path $folder 'names.pdf') -Format Pdf -AsOf $script:AsOf -WarningVariable pdfWarnings -WarningAction SilentlyContinue
        $pdf | Should -BeOfType [System.IO.FileInfo]
        @($pdfWarnings).Count | Should -Be 1
        "$pdfWarnings" | Should -Match ([regex]::Escape("'Łódź 北京' as '?ód? ??'"))
        "$pdfWarnings" | Should -Not -Match 'Zürich'
        "$pdfWarnings" | Should -Match '-Format Html'
        $html = Export-PartnerReport -Database $db -Path (Join-Path $folder 'names.html') -AsOf $script:AsOf -WarningVariable htmlWarnings
        $htmlWarnings | Should -BeNullOrEmpty
        @(Get-TableRows (Read-Report $html) 'revenue-by-region' | ForEach-Object { $_[0].Text }) | Should -Contain 'Łódź 北京'
    }

    It 'with -Open in a session without a user writes the file and a warning saying it was not opened and why' {
        $db = New-SmallDatabase
        $folder = Get-TestFolder $db
        # A child pwsh started -NonInteractive with its output redirected: a runbook's session.
        $script = @"
`$ProgressPreference = 'SilentlyContinue'
`$file = Export-PartnerReport -Database $(ConvertTo-PSLiteral $db) -Path $(ConvertTo-PSLiteral (Join-Path $folder 'open.html')) -AsOf 2015-07-02 -Open -WarningVariable w -WarningAction SilentlyContinue
[pscustomobject]@{ Name = `$file.Name; Warning = "`$w" }
"@
        $result = Invoke-ChildPwshJson -ImportModule -Command $script
        $result.Name | Should -Be 'open.html'
        $result.Warning | Should -Match 'not opened: .+'
        $result.Warning | Should -Match ([regex]::Escape((Join-Path $folder 'open.html')))
    }
}

Describe 'Bad input names the value' {
    BeforeAll {
        $script:Db = New-SmallDatabase
        $script:Folder = Get-TestFolder $script:Db
        $script:Target = Join-Path $script:Folder 'bad.html'
    }

    It 'refuses -Path <Case> (ReportPathInvalid), naming it' -ForEach @(
        @{ Case = 'that is a folder'; Path = { $script:Folder }; Names = { $script:Folder } }
        @{ Case = 'in a folder that does not exist'; Path = { Join-Path $script:Folder 'missing/report.html' }; Names = { Join-Path $script:Folder 'missing' } }
        @{ Case = 'of another provider'; Path = { 'Env:report' }; Names = { 'Env:report' } }
    ) {
        $path = & $Path
        $names = & $Names
        { Export-PartnerReport -Database $script:Db -Path $path -AsOf $script:AsOf } |
            Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*$([WildcardPattern]::Escape($names))*"
        Get-OtherFiles $script:Folder @() | Should -BeNullOrEmpty
    }

    It 'refuses <Case>, naming <Named>' -ForEach @(
        @{ Case = 'a -Year before 1900'; With = @{ Year = 1800 }; Named = '1800' }
        @{ Case = 'a -Year that is not a number'; With = @{ Year = 'last' }; Named = 'last' }
        @{ Case = 'a -Year after the -AsOf day''s'; With = @{ Year = 2016 }; Named = '2016' }
        @{ Case = 'a -Currency that is no ISO 4217 code'; With = @{ Currency = 'XYZ' }; Named = 'XYZ' }
        @{ Case = 'an -AsOf that is not a date'; With = @{ AsOf = 'someday' }; Named = 'someday' }
        @{ Case = 'an -AsOf before 1900'; With = @{ AsOf = '1850-01-01' }; Named = '1850-01-01' }
    ) {
        $parameters = @{ Database = $script:Db; Path = $script:Target; AsOf = $script:AsOf }
        foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
        $failure = $null
        try { Export-PartnerReport @parameters -ErrorAction Stop } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because "$Case is refused"
        $failure.Exception.Message | Should -Match ([regex]::Escape($Named))
        $script:Target | Should -Not -Exist
        Get-OtherFiles $script:Folder @() | Should -BeNullOrEmpty
    }

    It 'refuses a database that does not exist (DatabaseNotFound) and creates none' -Tag 'FileOnly' {
        $missing = Join-Path $script:Folder 'none.db'
        { Export-PartnerReport -Database $missing -Path $script:Target } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        $missing | Should -Not -Exist
        $script:Target | Should -Not -Exist
    }
}
