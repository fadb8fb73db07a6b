BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $db = New-TestDatabase
    Add-Partner -Database $db -Name 'Acme Europe' -Type Reseller -Tier Gold -Region 'Western Europe' -Country DE -JoinedOn 2014-03-31

    # Sample-like long names (the Demo's are up to 50 characters).
    $long = 'Zhonghua Pacific Systems Integration Co Ltd'
    $huameng = 'Huameng Cloud Services Co Ltd'
    $m = New-TestDatabasePath
    Add-Partner -Database $m -Name $long -Type Distributor -Tier Gold -Region China -Country CN -JoinedOn 2013-01-15
    Add-Partner -Database $m -Name $huameng -Type SystemIntegrator -Tier Platinum -Status Onboarding -Region 'Middle East & Africa' -Country AE -JoinedOn 2014-03-31
    Add-PartnerRevenue -Database $m -Partner $long -Date 2014-05-01 -Amount 1000000 -Region China -Reference 'INV-2014-000001'
    Add-PartnerRevenue -Database $m -Partner $long -Date 2015-03-31 -Amount 1234567.5 -Region China -Reference 'INV-2015-000001'
    Add-PartnerRevenue -Database $m -Partner $huameng -Date 2015-06-30 -Amount 765432.5 -Region 'Middle East & Africa' -Reference 'INV-2015-000002'
    Add-PartnerRevenue -Database $m -Direct -Date 2015-01-15 -Amount 1000000 -Region China -Segment Carrier
    Set-PartnerTarget -Database $m -Metric PartnerRevenue -Region China -Year 2015 -Value 3000000 -Currency USD
    Set-PartnerExchangeRate -Database $m -From EUR -To USD -Year 2015 -Rate 1.0825

    $ellipsis = [string][char]0x2026

    # The header line of a table printed by Out-String (the line above the dashes).
    function Get-HeaderLine([string] $Text) {
        $lines = @($Text -split '\r?\n')
        $lines[[array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' }) - 1]
    }

    function Invoke-InCulture([string] $Culture, [scriptblock] $Script) {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            & $Script
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }

    # A measure as Measure-Partner writes it (that cmdlet is on another branch): the keys, then the figures.
    function New-PartnerMeasure([System.Collections.Specialized.OrderedDictionary] $Keys, $Count, $Share, $PreviousCount, $Growth) {
        $properties = [ordered]@{}
        foreach ($key in $Keys.Keys) { $properties[$key] = $Keys[$key] }
        $properties.Count = [long] $Count
        $properties.Share = [decimal] $Share
        $properties.PreviousCount = [long] $PreviousCount
        $properties.Growth = [decimal] $Growth
        $properties.AsOf = [datetime] '2015-12-31'
        $properties.Database = 'test.db'
        $item = [pscustomobject] $properties
        $item.PSTypeNames.Insert(0, 'PartnerOps.PartnerMeasure')
        $item.PSTypeNames.Insert(0, [PartnerOps.Commands.MeasureView]::TypeNameFor('PartnerOps.PartnerMeasure', [string[]] $Keys.Keys))
        $item
    }
}

AfterAll {
    Remove-TestFolders
}

# A terminal of N columns prints N - 1 of them (a line that fills the width wraps), so a view "at N columns" is rendered
# with Out-String -Width (N - 1), as the console shows it.
Describe 'Default views' {
    It 'has a view for <_>' -ForEach @(
        'PartnerOps.Partner', 'PartnerOps.PartnerRevenue', 'PartnerOps.RevenueMeasure', 'PartnerOps.ExchangeRate',
        'PartnerOps.PartnerTarget', 'PartnerOps.TargetProgress', 'PartnerOps.ImportResult', 'PartnerOps.DatabaseInfo',
        'PartnerOps.DatabaseFinding', 'PartnerOps.HistoryEntry', 'PartnerOps.PartnerMeasure'
    ) {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }

    It 'has only real table views (and a list view for partners), no drawn tables, for <_>' -ForEach @(
        'PartnerOps.Partner', 'PartnerOps.PartnerRevenue', 'PartnerOps.RevenueMeasure', 'PartnerOps.RevenueMeasure#Region#Year',
        'PartnerOps.ExchangeRate', 'PartnerOps.PartnerTarget', 'PartnerOps.TargetProgress', 'PartnerOps.ImportResult',
        'PartnerOps.DatabaseFinding', 'PartnerOps.HistoryEntry', 'PartnerOps.PartnerMeasure',
        'PartnerOps.PartnerMeasure#Region#Year'
    ) {
        $controls = @((Get-FormatData -TypeName $_).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name })
        $controls[0] | Should -Be 'TableControl'
        $controls | Should -Not -Contain 'CustomControl'
    }

    It 'shows a partner as Name, Type, Tier, Status, Region, Country, JoinedOn, without the timestamps' {
        $text = Get-Partner -Database $db | Out-String -Width 120
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Type\s+Tier\s+Status\s+Region\s+Country\s+JoinedOn$'
        # Region wraps at its word boundary: 'Western' on the row, 'Europe' under it.
        $lines[2] | Should -Match '^Acme Europe\s+Reseller\s+Gold\s+Active\s+Western\s+DE\s+2014-03-31$'
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -Be 'Western Europe'
        $text | Should -Not -Match 'CreatedAt|UpdatedAt'
    }

    It 'shows revenue with its date as yyyy-MM-dd and the amount right-aligned with separators and its currency' {
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-03-31 -Amount 1234567.5
        $lines = @((Get-PartnerRevenue -Database $db | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Date\s+PartnerName\s+Amount\s+Region\s+Segment\s+Channel\s+Reference$'
        $lines[2] | Should -Match '^2015-03-31 Acme Europe\s+1,234,567\.50 USD Western\s+Enterprise Partner\s*$'
    }

    It 'shows target progress with shares as percentages' {
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2015 -Value 1
        $text = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-12-31 | Out-String -Width 120
        # 1,234,567.50 of 1,234,567.50 came through partners: 100.0 % of a 100.0 % target.
        $text | Should -Match 'Partner\s+\(all\s+2015\s+100\.0 %\s+100\.0 %\s+100\.0 % True'
        Get-ColumnText -Text $text -Label Metric -Width 12 | Should -Be 'Partner RevenueShare'
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -Be '(all regions)'
    }
}

Describe 'Each view at 80, 120 and 200 columns: key columns there, whole, nothing cut' {
    It 'Get-Partner at <_> columns: Name to Country, long names whole' -ForEach 80, 120, 200 {
        $text = Get-Partner -Database $m | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Name\s+Type\s+Tier\s+Status\s+Region\s+Country\b'
        $names = Get-ColumnText -Text $text -Label Name -Width 25
        $names | Should -BeLike "*$huameng*"
        $names | Should -BeLike "*$long*"
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -BeLike '*Middle East & Africa*'
        Get-ColumnText -Text $text -Label Type -Width 11 | Should -BeLike '*System Integrator*'   # SystemIntegrator, wrapped between its words
        if ($_ -ge 100) { Get-HeaderLine $text | Should -Match '\bJoinedOn$' }
    }

    It 'Format-List of a partner shows CreatedAt and UpdatedAt marked as UTC' {
        $p = Get-Partner -Database $m -Name $long
        $text = $p | Format-List | Out-String -Width 80
        $p.CreatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $p.UpdatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $text | Should -Match ('CreatedAt \(UTC\) : ' + [regex]::Escape($p.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss')) + 'Z')
        $text | Should -Match ('UpdatedAt \(UTC\) : ' + [regex]::Escape($p.UpdatedAt.ToString('yyyy-MM-dd HH:mm:ss')) + 'Z')
        $text | Should -Match "Name\s+: $long"
    }

    It 'Get-PartnerRevenue at <_> columns: Date, PartnerName, Amount, Region whole' -ForEach 80, 120, 200 {
        $text = Get-PartnerRevenue -Database $m -Year 2015 | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Date\s+PartnerName\s+Amount\s+Region\s+Segment\b'
        $names = Get-ColumnText -Text $text -Label PartnerName -Width 24
        $names | Should -BeLike "*$long*"
        $names | Should -BeLike "*(direct)*"
        Get-ColumnText -Text $text -Label Amount -Width 21 -Right | Should -BeLike '*1,234,567.50 USD*'
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -BeLike '*Middle East & Africa*'
        if ($_ -ge 100) { Get-ColumnText -Text $text -Label Reference -Width 11 -Glue '' | Should -BeLike '*INV-2015-000002*' }
    }

    It 'Measure-PartnerRevenue -GroupBy Partner -Top 5 at <_> columns: the names whole, Total and Share' -ForEach 80, 120, 200 {
        $text = Measure-PartnerRevenue -Database $m -GroupBy Partner -Top 5 | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Partner\s+Total\s+Share\s+Count$'
        $partners = Get-ColumnText -Text $text -Label Partner -Width 25
        # Largest first: 1,000,000 + 1,234,567.50 = 2,234,567.50; direct 1,000,000.00; Huameng 765,432.50 (of 4,000,000.00).
        $partners | Should -Be "$long (direct) $huameng"
        Get-ColumnText -Text $text -Label Total -Width 22 -Right | Should -Be '2,234,567.50 USD 1,000,000.00 USD 765,432.50 USD'
        # 2,234,567.50 / 4,000,000 = 0.558642 -> 55.9 %; 0.25 -> 25.0 %; 0.191358 -> 19.1 % (invariant culture: 'n %')
        Get-ColumnText -Text $text -Label Share -Width 7 -Right | Should -Be '55.9 % 25.0 % 19.1 %'
    }

    It 'Measure-PartnerRevenue -GroupBy Region, Year at <_> columns: Region, Year, Total, Share, Growth' -ForEach 80, 120, 200 {
        $text = Measure-PartnerRevenue -Database $m -GroupBy Year, Region -Year 2015 | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Region\s+Year\s+Total\s+Share\s+Growth\s+Count$'
        Get-ColumnText -Text $text -Label Region -Width 14 | Should -Be 'China Middle East & Africa'
        # China 2015: 1,234,567.50 + 1,000,000 = 2,234,567.50 of 3,000,000.00 = 74.5 %; 2014: 1,000,000 -> growth 1.234568 = 123.5 %.
        # Middle East & Africa: 765,432.50 = 25.5 %, nothing in 2014: no growth.
        Get-ColumnText -Text $text -Label Total -Width 22 -Right | Should -Be '2,234,567.50 USD 765,432.50 USD'
        Get-ColumnText -Text $text -Label Share -Width 7 -Right | Should -Be '74.5 % 25.5 %'
        Get-ColumnText -Text $text -Label Growth -Width 8 -Right | Should -Be '123.5 %'
    }

    It 'Measure-PartnerRevenue without -GroupBy at <_> columns: Total, Share, Count' -ForEach 80, 120, 200 {
        $text = Measure-PartnerRevenue -Database $m | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^\s*Total\s+Share\s+Count$'
        # 1,000,000 + 1,234,567.50 + 765,432.50 + 1,000,000 = 4,000,000.00 in 4 records
        $text | Should -Match '4,000,000\.00 USD 100\.0 %\s+4\s'
    }

    It 'Measure-PartnerRevenue with more keys than have a view at <_> columns: the keys in one Group column' -ForEach 80, 120, 200 {
        $text = Measure-PartnerRevenue -Database $m -GroupBy Region, Channel, Segment -Year 2015 -Region China | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Group\s+Total\s+Share\s+Growth\s+Count$'
        # China 2015: Partner/Enterprise 1,234,567.50; Direct/Carrier 1,000,000.00 (sorted by the keys: Partner before Direct)
        Get-ColumnText -Text $text -Label Group -Width 25 | Should -Be 'Region=China Segment=Enterprise Channel=Partner Region=China Segment=Carrier Channel=Direct'
        Get-ColumnText -Text $text -Label Total -Width 22 -Right | Should -Be '1,234,567.50 USD 1,000,000.00 USD'
    }

    It 'Measure-PartnerTarget at <_> columns: the as-of date, Metric, Region, Year, Target, Actual, Progress, OnTrack' -ForEach 80, 120, 200 {
        $text = Measure-PartnerTarget -Database $m -Year 2015 -AsOf 2015-07-02 | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        $text | Should -Match 'As of: 2015-07-02'
        Get-HeaderLine $text | Should -Match '^Metric\s+Region\s+Year\s+Target\s+Actual\s+Progress\s+OnTrack\b'
        # Partner revenue of China by 2015-07-02: 1,234,567.50 (the direct 1,000,000 does not count) of 3,000,000.00: 41.2 %.
        $text | Should -Match 'Partner\s+China\s+2015\s+3,000,000\.00\s+1,234,567\.50\s+41\.2 % False'
        Get-ColumnText -Text $text -Label Metric -Width 12 | Should -Be 'Partner Revenue (USD)'
        if ($_ -ge 120) { Get-HeaderLine $text | Should -Match 'OnTrack\s+Expected\s+Projected\b' }
        if ($_ -ge 200) {
            Get-HeaderLine $text | Should -Match 'Projected\s+Gap$'
            # Gap: 3,000,000.00 - 1,234,567.50
            Get-ColumnText -Text $text -Label Gap -Width 16 -Right | Should -Be '1,765,432.50'
        }
    }

    It 'TargetProgress with Statuses and Projected (from another branch) at <_> columns shows the counted statuses' -ForEach 80, 120, 200 {
        $progress = [pscustomobject]@{
            Metric = [PartnerOps.TargetMetric]::PartnerCount; Region = 'Western Europe'; Year = 2015; Target = 1000d; Actual = 807d; Gap = 193d
            Progress = 0.807d; Expected = 499.5d; OnTrack = $true; Currency = $null; AsOf = [datetime] '2015-07-02'
            Statuses = [PartnerOps.PartnerStatus[]] ('Active', 'Onboarding'); Projected = 1612d; Database = 'test.db'
        }
        $progress.PSTypeNames.Insert(0, 'PartnerOps.TargetProgress')
        $text = $progress | Out-String -Width ($_ - 1)
        $text | Should -Match 'As of: 2015-07-02'
        Get-ColumnText -Text $text -Label Metric -Width 12 | Should -Be 'PartnerCount (Active, Onboarding)'
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -Be 'Western Europe'
        $text | Should -Match 'PartnerCount\s+Western\s+2015\s+1,000\s+807\s+80\.7 % True'
        if ($_ -ge 120) {
            Get-ColumnText -Text $text -Label Expected -Width 19 -Right | Should -Be '499.5'
            Get-ColumnText -Text $text -Label Projected -Width 19 -Right | Should -Be '1,612'
        }
        # A revenue target has no statuses: the metric column shows its currency instead.
        $progress.Metric = [PartnerOps.TargetMetric]::PartnerRevenue
        $progress.Statuses = $null
        $progress.Currency = 'EUR'
        Get-ColumnText -Text ($progress | Out-String -Width ($_ - 1)) -Label Metric -Width 12 | Should -Be 'Partner Revenue (EUR)'
    }

    It 'Get-PartnerTarget at <_> columns: Metric, Region, Year, Value, Currency' -ForEach 80, 120, 200 {
        $text = Get-PartnerTarget -Database $m | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^Metric\s+Region\s+Year\s+Value\s+Currency\s+Id$'
        $text | Should -Match 'PartnerRevenue\s+China\s+2015\s+3,000,000\.00\s+USD\s+1'
    }

    It 'Get-PartnerExchangeRate at <_> columns' -ForEach 80, 120, 200 {
        $text = Get-PartnerExchangeRate -Database $m | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^From\s+To\s+Year\s+Rate$'
        $text | Should -Match 'EUR\s+USD\s+2015\s+1\.0825'
    }

    It 'Get-PartnerHistory at <_> columns: the UTC time marked, every change whole (no Metric=…)' -ForEach 80, 120, 200 {
        $entries = @(Get-PartnerHistory -Database $m -Entity Target)
        $text = $entries | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Timestamp \(UTC\)\s+Operation\s+Entity\s+EntityId\s+Changes\b'
        $text | Should -Match ([regex]::Escape($entries[0].Timestamp.ToString('yyyy-MM-dd HH:mm:ss')) + 'Z Insert')
        $changes = Get-ColumnText -Text $text -Label Changes -Width 22
        foreach ($change in 'Metric=PartnerRevenue', 'Region=China', 'Year=2015') {
            $changes | Should -BeLike "*$change*"
        }
    }

    It 'Import-Partner''s result at <_> columns: the file name on the row, the folder under it, every count' -ForEach 80, 120, 200 {
        $folder = New-TestFolder
        $csv = Join-Path $folder 'people.csv'
        Set-Content $csv "Name`nOne`nTwo" -Encoding utf8
        $text = Import-Partner $csv -Database (New-TestDatabase) | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        Get-HeaderLine $text | Should -Match '^Path\s+Read\s+Inserted\s+Updated\s+Skipped\s+Failed\s+Blank\s+Duration$'
        $text | Should -Match 'people\.csv\s+2\s+2\s+0\s+0\s+0\s+0\s+00:00:'
        (Get-ColumnText -Text $text -Label Path -Width 20 -Glue '') | Should -BeLike "*in $folder*"
    }

    It 'Get-PartnerDatabase at <_> columns: a list (one database), the whole path, currency and counts' -ForEach 80, 120, 200 {
        @((Get-FormatData -TypeName 'PartnerOps.DatabaseInfo').FormatViewDefinition.Control)[0].GetType().Name | Should -Be 'ListControl'
        $lines = (Get-PartnerDatabase -Database $m | Out-String -Width ($_ - 1)) -split "`r?`n"
        $lines | Should -Contain "Path          : $m"
        $lines | Should -Contain 'Currency      : USD'
        $lines | Should -Contain 'PartnerCount  : 2'
        $lines | Should -Contain 'RevenueCount  : 4'
        ($lines -match '^(SchemaVersion|SizeBytes|JournalMode)\s+: \S').Count | Should -Be 3
    }

    It 'Test-PartnerDatabase -Detailed at <_> columns' -ForEach 80, 120, 200 {
        $text = Test-PartnerDatabase -Database $m -Detailed | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^Check\s+Passed\s+Detail$'
        $text | Should -Match 'Integrity\s+True\s+ok'
    }

    It 'PartnerMeasure (Measure-Partner, from another branch) by Region and Year at <_> columns' -ForEach 80, 120, 200 {
        $items = @(
            New-PartnerMeasure ([ordered]@{ Region = 'Middle East & Africa'; Year = 2015 }) 193 0.193 200 -0.035
            New-PartnerMeasure ([ordered]@{ Region = 'Western Europe'; Year = 2015 }) 807 0.807 700 0.152857
        )
        $items[0].PSTypeNames[0] | Should -Be 'PartnerOps.PartnerMeasure#Region#Year'
        $text = $items | Out-String -Width ($_ - 1)
        $text | Should -Not -Match $ellipsis
        $text | Should -Match 'As of: 2015-12-31'
        Get-HeaderLine $text | Should -Match '^Region\s+Year\s+Count\s+Share\s+Growth\s+PreviousCount$'
        # The Region column of a partner count is 20 wide: 'Middle East & Africa' on one line.
        Get-ColumnText -Text $text -Label Region -Width 20 -Glue '|' | Should -Be 'Middle East & Africa|Western Europe'
        # (193 - 200) / 200 = -0.035 -> -3.5 %; (807 - 700) / 700 = 0.152857 -> 15.3 %
        Get-ColumnText -Text $text -Label Growth -Width 8 -Right | Should -Be '-3.5 % 15.3 %'
        Get-ColumnText -Text $text -Label Share -Width 7 -Right | Should -Be '19.3 % 80.7 %'
        Get-ColumnText -Text $text -Label Count -Width 9 -Right | Should -Be '193 807'
    }

    It 'PartnerMeasure with more keys than have a view at <_> columns: the keys in one Group column' -ForEach 80, 120, 200 {
        $item = New-PartnerMeasure ([ordered]@{ Year = 2015; Type = [PartnerOps.PartnerType]::SystemIntegrator; Region = 'Western Europe' }) 12 1 10 0.2
        $item.PSTypeNames[0] | Should -Be 'PartnerOps.PartnerMeasure'
        $text = $item | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^Group\s+Count\s+Share\s+Growth\s+PreviousCount$'
        Get-ColumnText -Text $text -Label Group -Width 25 | Should -Be 'Region=Western Europe Type=SystemIntegrator Year=2015'
        $text | Should -Match '\s12\s+100\.0 %\s+20\.0 %\s+10'
    }
}

Describe 'Money and percentages in the views and their companions, in <Culture>' -ForEach @(
    @{ Culture = 'en-US'; China = '2,234,567.50'; Share = '74.5%'; Growth = '123.5%'; Target = '3,000,000.00'; Actual = '1,234,567.50'; Gap = '1,765,432.50'; Progress = '41.2%' }
    @{ Culture = 'en-GB'; China = '2,234,567.50'; Share = '74.5%'; Growth = '123.5%'; Target = '3,000,000.00'; Actual = '1,234,567.50'; Gap = '1,765,432.50'; Progress = '41.2%' }
    @{ Culture = 'de-DE'; China = '2.234.567,50'; Share = '74,5 %'; Growth = '123,5 %'; Target = '3.000.000,00'; Actual = '1.234.567,50'; Gap = '1.765.432,50'; Progress = '41,2 %' }
    @{ Culture = 'fr-FR'; China = "2$([char]0x202F)234$([char]0x202F)567,50"; Share = '74,5 %'; Growth = '123,5 %'
        Target = "3$([char]0x202F)000$([char]0x202F)000,00"; Actual = "1$([char]0x202F)234$([char]0x202F)567,50"; Gap = "1$([char]0x202F)765$([char]0x202F)432,50"; Progress = '41,2 %' }
) {
    # China 2015: 2,234,567.50 of 3,000,000.00 (0.744856); growth on 2014's 1,000,000.00: 1.234568.
    It 'shows them in the default view' {
        $text = Invoke-InCulture $Culture { Measure-PartnerRevenue -Database $m -GroupBy Region, Year -Year 2015 | Out-String -Width 80 }
        Get-ColumnText -Text $text -Label Total -Width 22 -Right | Should -BeLike "$China USD *"
        Get-ColumnText -Text $text -Label Share -Width 7 -Right | Should -BeLike "$Share *"
        Get-ColumnText -Text $text -Label Growth -Width 8 -Right | Should -Be $Growth
    }

    It 'shows them with Format-Table Region, TotalText, ShareText and Select-Object' {
        $measures = Measure-PartnerRevenue -Database $m -GroupBy Region, Year -Year 2015
        $text = Invoke-InCulture $Culture { $measures | Format-Table Region, TotalText, ShareText, GrowthText | Out-String -Width 80 }
        $text | Should -Match ('China\s+' + [regex]::Escape($China) + '\s+' + [regex]::Escape($Share) + '\s+' + [regex]::Escape($Growth))
        $selected = Invoke-InCulture $Culture { $measures | Select-Object Region, Total, TotalText, ShareText, PreviousTotalText }
        $selected[0].TotalText | Should -Be $China
        $selected[0].ShareText | Should -Be $Share
        $selected[0].Total | Should -Be 2234567.50
        $selected[0].Total | Should -BeOfType [decimal]
        $selected[0].PreviousTotalText | Should -Be (Invoke-InCulture $Culture { (1000000d).ToString('N2') })
    }

    It 'gives TargetProgress companions: Target, Actual, Gap, Progress' {
        $measured = Measure-PartnerTarget -Database $m -Year 2015 -AsOf 2015-12-31
        $texts = Invoke-InCulture $Culture { $measured | Select-Object TargetText, ActualText, GapText, ProgressText }
        # 3,000,000.00 target; 1,234,567.50 partner revenue; gap 3,000,000.00 - 1,234,567.50 = 1,765,432.50; 1,234,567.50 / 3,000,000 = 41.2 %
        $texts.TargetText | Should -Be $Target
        $texts.ActualText | Should -Be $Actual
        $texts.GapText | Should -Be $Gap
        $texts.ProgressText | Should -Be $Progress
        $view = Invoke-InCulture $Culture { $measured | Out-String -Width 80 }
        $view | Should -Match ([regex]::Escape($Target) + '\s+' + [regex]::Escape($Actual) + '\s+' + [regex]::Escape($Progress) + ' False')
    }
}

Describe 'The formatted companions' {
    It 'keep the figures exact and numeric, and stay out of Export-Csv and ConvertTo-Json' {
        $measures = Measure-PartnerRevenue -Database $m -GroupBy Region -Year 2015
        $measures[0].Share | Should -BeOfType [decimal]
        $csv = $measures | ConvertTo-Csv
        $csv[0] | Should -Not -Match 'Text'
        $json = $measures | ConvertTo-Json
        $json | Should -Not -Match 'TotalText|ShareText'
        ($measures | Sort-Object Total -Descending)[0].Region | Should -Be 'China'
    }

    It 'are found by Get-Member -Force' {
        $names = (Measure-PartnerRevenue -Database $m -GroupBy Year | Get-Member -Force -MemberType CodeProperty).Name
        foreach ($name in 'TotalText', 'ShareText', 'GrowthText', 'PreviousTotalText', 'AverageText', 'MinimumText', 'MaximumText') {
            $names | Should -Contain $name
        }
        $names = (Measure-PartnerTarget -Database $m -Year 2015 | Get-Member -Force -MemberType CodeProperty).Name
        foreach ($name in 'TargetText', 'ActualText', 'GapText', 'ProgressText', 'ExpectedText', 'ProjectedText') {
            $names | Should -Contain $name
        }
    }

    It 'are null where the figure is: no growth without a year before' {
        $measure = Measure-PartnerRevenue -Database $m -GroupBy Region, Year -Year 2015 -Region 'Middle East & Africa'
        $measure.Growth | Should -BeNullOrEmpty
        $measure.GrowthText | Should -BeNullOrEmpty
    }

    It 'works on a PartnerMeasure: ShareText and GrowthText' {
        $item = New-PartnerMeasure ([ordered]@{ Region = 'Western Europe' }) 807 0.807 700 0.152857
        $item.ShareText | Should -Be '80.7 %'
        $item.GrowthText | Should -Be '15.3 %'
    }
}

Describe 'The measure views follow -GroupBy' {
    It 'puts the key set''s type name first: <Expected>' -ForEach @(
        @{ Keys = @('Year', 'Region'); Expected = 'PartnerOps.RevenueMeasure#Region#Year' }
        @{ Keys = @('Region', 'Year'); Expected = 'PartnerOps.RevenueMeasure#Region#Year' }
        @{ Keys = @('Channel'); Expected = 'PartnerOps.RevenueMeasure#Channel' }
        @{ Keys = @(); Expected = 'PartnerOps.RevenueMeasure#' }
        @{ Keys = @('Month', 'Partner'); Expected = 'PartnerOps.RevenueMeasure#Partner#Month' }
        @{ Keys = @('Region', 'Channel', 'Year'); Expected = 'PartnerOps.RevenueMeasure' }
    ) {
        $measure = @(if ($Keys) { Measure-PartnerRevenue -Database $m -GroupBy $Keys } else { Measure-PartnerRevenue -Database $m })[0]
        $measure.PSTypeNames[0] | Should -Be $Expected
        $measure.PSTypeNames | Should -Contain 'PartnerOps.RevenueMeasure'
        Get-FormatData -TypeName $Expected | Should -Not -BeNullOrEmpty
    }

    It 'has a view for every key set of up to MaxKeysWithView keys of <_>' -ForEach 'PartnerOps.RevenueMeasure', 'PartnerOps.PartnerMeasure' {
        $keys = [PartnerOps.Commands.MeasureView]::KeyOrder[$_]
        $max = [PartnerOps.Commands.MeasureView]::MaxKeysWithView
        $max | Should -Be 2
        $count = 0
        foreach ($mask in 0..([math]::Pow(2, $keys.Count) - 1)) {
            $set = @(for ($i = 0; $i -lt $keys.Count; $i++) { if ($mask -band (1 -shl $i)) { $keys[$i] } })
            if ($set.Count -le $max) {
                $name = [PartnerOps.Commands.MeasureView]::TypeNameFor($_, [string[]] $set)
                $name | Should -Be ("$_#" + ($set -join '#'))
                Get-FormatData -TypeName $name | Should -Not -BeNullOrEmpty -Because "$name needs a view"
                $count++
            }
        }
        # 1 + n + n(n-1)/2: 1 + 10 + 45 = 56 for revenue, 1 + 6 + 15 = 22 for partners
        $count | Should -Be @{ 'PartnerOps.RevenueMeasure' = 56; 'PartnerOps.PartnerMeasure' = 22 }[$_]
    }

    It 'refuses a key the measure does not have, naming it' {
        { [PartnerOps.Commands.MeasureView]::TypeNameFor('PartnerOps.PartnerMeasure', [string[]] @('Region', 'Segment')) } |
            Should -Throw "*'Segment' is not a key of PartnerOps.PartnerMeasure*"
    }

    It 'has a checked-in PartnerOps.Measures.format.ps1xml that is what tools/New-MeasureViews.ps1 writes' {
        $written = Join-Path (New-TestFolder) 'measures.format.ps1xml'
        & (Join-Path $PSScriptRoot '../../tools/New-MeasureViews.ps1') -OutputPath $written
        $checkedIn = Join-Path $PSScriptRoot '../../module/PartnerOps.Measures.format.ps1xml'
        (Get-FileHash $written).Hash | Should -Be (Get-FileHash $checkedIn).Hash -Because 'run tools/New-MeasureViews.ps1 after changing it'
        ([xml](Get-Content -Raw $written)).Configuration.ViewDefinitions.View.Count | Should -Be (56 + 1 + 22 + 1)
    }
}

Describe 'UTC timestamps are shown as UTC in <_>' -ForEach 'America/Los_Angeles', 'UTC', 'Asia/Tokyo' {
    BeforeAll {
        $savedTz = $env:TZ
        $env:TZ = $_
        [TimeZoneInfo]::ClearCachedData()
    }

    AfterAll {
        $env:TZ = $savedTz
        if ($null -eq $savedTz) { Remove-Item env:TZ -ErrorAction SilentlyContinue }
        [TimeZoneInfo]::ClearCachedData()
    }

    It 'shows CreatedAt, UpdatedAt and the history time as the UTC time of the change, marked Z' {
        $tz = New-TestDatabase
        $before = [DateTime]::UtcNow.AddSeconds(-2)
        Add-Partner -Database $tz -Name 'Clock Partner'
        $after = [DateTime]::UtcNow.AddSeconds(1)
        $p = Get-Partner -Database $tz -Name 'Clock Partner'
        $p.CreatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $p.CreatedAt | Should -BeGreaterOrEqual $before
        $p.CreatedAt | Should -BeLessOrEqual $after
        $utc = $p.CreatedAt.ToString('yyyy-MM-dd HH:mm:ss') + 'Z'
        ($p | Format-List | Out-String) | Should -Match ('CreatedAt \(UTC\) : ' + [regex]::Escape($utc))
        $entry = Get-PartnerHistory -Database $tz
        $entry.Timestamp.Kind | Should -Be ([DateTimeKind]::Utc)
        ($entry | Out-String -Width 120) | Should -Match ([regex]::Escape($entry.Timestamp.ToString('yyyy-MM-dd HH:mm:ss') + 'Z') + ' Insert')
        # Format-List of a history entry marks its time as UTC too.
        ($entry | Format-List | Out-String) | Should -Match ('Timestamp \(UTC\) : ' + [regex]::Escape($entry.Timestamp.ToString('yyyy-MM-dd HH:mm:ss') + 'Z'))
        if ([TimeZoneInfo]::Local.BaseUtcOffset -ne [TimeSpan]::Zero) {
            $local = $p.CreatedAt.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss')
            ($p | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($local))
            ($entry | Format-List | Out-String) | Should -Not -Match ([regex]::Escape($entry.Timestamp.ToLocalTime().ToString('yyyy-MM-dd HH:mm:ss')))
        }
    }
}

Describe 'The views under Set-StrictMode -Version Latest' {
    It 'still fill every cell (no property a view reads is missing)' {
        $text = & {
            Set-StrictMode -Version Latest
            @(
                Measure-PartnerRevenue -Database $m -GroupBy Region, Channel, Segment -Year 2015 -Region China
                Measure-PartnerRevenue -Database $m -GroupBy Region -Year 2015
            ) | ForEach-Object { $_ | Out-String -Width 120 }
            Measure-PartnerTarget -Database $m -Year 2015 | Out-String -Width 200
            Get-PartnerTarget -Database $m | Out-String -Width 120
        }
        $all = $text -join "`n"
        # Group view (three keys): China's partner revenue; one key: China's whole 2015; the target's actual and metric.
        $all | Should -Match 'Region=China\s+1,234,567\.50 USD\s+55\.2 %'
        $all | Should -Match 'China\s+2,234,567\.50 USD\s+74\.5 %'
        $all | Should -Match 'Partner\s+China\s+2015\s+3,000,000\.00\s+1,234,567\.50\s+41\.2 % False'
        $all | Should -Match 'PartnerRevenue\s+China\s+2015\s+3,000,000\.00\s+USD'
    }
}

Describe 'Where a cell breaks when its text is wider than its column' {
    BeforeAll {
        $w = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $w -Currency USD
        Add-Partner -Database $w -Name 'Tandem Compute Supply GmbH' -Type ServiceProvider -Region 'Western Europe' -Country DE -JoinedOn 2014-01-01
        Add-Partner -Database $w -Name 'Danube Cloud Solutions SpA' -Type SystemIntegrator -Region 'Western Europe' -Country IT -JoinedOn 2014-01-01
        Set-PartnerTarget -Database $w -Metric PartnerRevenue -Year 2015 -Value 12000000000 -Currency USD
        Set-PartnerTarget -Database $w -Metric PartnerRevenueShare -Year 2015 -Value 0.5
    }

    It 'a partner name breaks at a space, never inside a word such as GmbH or SpA (a name is not split like an enum value)' {
        $text = Get-Partner -Database $w | Out-String -Width 79
        $names = Get-ColumnText -Text $text -Label Name -Width 25 -Glue '|'
        $names | Should -Be 'Danube Cloud Solutions|SpA|Tandem Compute Supply|GmbH'
        # An enum value (Type) does break between its words: ServiceProvider as Service / Provider.
        Get-ColumnText -Text $text -Label Type -Width 11 -Glue '|' | Should -Be 'System|Integrator|Service|Provider'
    }

    It 'a long amount breaks after a digit group separator in <_>, so its first line never reads as a whole number' -ForEach @('en-US', 'de-DE') {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $g = [cultureinfo]::CurrentCulture.NumberFormat.NumberGroupSeparator
            $d = [cultureinfo]::CurrentCulture.NumberFormat.NumberDecimalSeparator
            $text = Measure-PartnerTarget -Database $w -Year 2015 -AsOf 2015-12-31 | Out-String -Width 79
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        # 12,000,000,000.00 is 17 characters, the Target column 16: 12,000,000, then 000.00 (en-US); 12.000.000. then 000,00 (de-DE).
        $cells = Get-ColumnText -Text $text -Label Target -Width 16 -Right -Glue '|'
        $cells | Should -BeLike "12${g}000${g}000${g}|000${d}00|*"
    }

    It 'an enum key of a measure (Type) breaks at capitals too, not inside a word (<_>)' -ForEach @('Measure-PartnerRevenue', 'Measure-Partner') {
        Add-PartnerRevenue -Database $w -Partner 'Tandem Compute Supply GmbH' -Date 2015-05-05 -Amount 10 -ErrorAction SilentlyContinue
        $measure = Get-Command $_ -Module PartnerOps
        $text = & $measure -Database $w -GroupBy Type | Out-String -Width 79
        # ServiceProvider and SystemIntegrator in a column of 11
        (Get-ColumnText -Text $text -Label Type -Width 11 -Glue '|') | Should -Match '^(Service\|Provider|System\|Integrator)(\||$)'
        $text | Should -Not -Match 'ServiceProv|SystemInteg'
    }

    It 'a history change breaks after = (Metric= then PartnerRevenueShare), not inside the metric' {
        # The newest target entry: the PartnerRevenueShare target, set last.
        $text = Get-PartnerHistory -Database $w | Where-Object { "$($_.Entity)" -eq 'Target' } | Select-Object -First 1 | Out-String -Width 79
        $changes = Get-ColumnText -Text $text -Label Changes -Width 22 -Glue '|'
        $changes | Should -Match '(^|\|)Metric=\|PartnerRevenueShare(\||$)'
    }
}
