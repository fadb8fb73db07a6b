# The default views: what they show, money and percentages per culture, the formatted companions, -GroupBy,
# UTC timestamps, strict mode. The setup is Views.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'Views.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
        $lines[0] | Should -Match '^Date\s+PartnerName\s+Amount\s+Region\s+Segment\s+Channel\s+Reference\s+Attribution$'
        $lines[2] | Should -Match '^2015-03-31 Acme Europe\s+1,234,567\.50 USD Western\s+Enterprise Partner\s+Fulfilled$'
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
        # 1 + n + n(n-1)/2: 1 + 11 + 55 = 67 for revenue (Attribution the 11th key, issue 19), 1 + 6 + 15 = 22 for partners
        $count | Should -Be @{ 'PartnerOps.RevenueMeasure' = 67; 'PartnerOps.PartnerMeasure' = 22 }[$_]
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
        ([xml](Get-Content -Raw $written)).Configuration.ViewDefinitions.View.Count | Should -Be (67 + 1 + 22 + 1)
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
