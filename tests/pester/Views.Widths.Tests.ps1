# The views at 80, 120 and 200 columns, and where a cell breaks when its text is wider than its column.
# The setup is Views.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'Views.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
        # A server's location is longer than a narrow list has room for: its value goes on under the label's width.
        if ($script:Backend -eq 'PostgreSql') { $lines = ($lines -join "`n") -replace "\n {16}(?=\S)", '' -split "`n" }
        $lines | Should -Contain "Path          : $m"
        $lines | Should -Contain 'Currency      : USD'
        $lines | Should -Contain 'PartnerCount  : 2'
        $lines | Should -Contain 'RevenueCount  : 4'
        ($lines -match '^(SchemaVersion|SizeBytes|JournalMode)\s+: \S').Count | Should -Be 3
    }

    It 'Test-PartnerDatabase -Detailed at <_> columns' -ForEach 80, 120, 200 {
        $text = Test-PartnerDatabase -Database $m -Detailed | Out-String -Width ($_ - 1)
        Get-HeaderLine $text | Should -Match '^Check\s+Passed\s+Detail$'
        # A server has no Integrity finding (SQLite's integrity check reads a file's own pages): its first is ForeignKey.
        $text | Should -Match $(if ($script:Backend -eq 'Sqlite') { 'Integrity\s+True\s+ok' } else { 'ForeignKey\s+True\s+ok' })
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
