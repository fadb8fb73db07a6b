BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $db = New-TestDatabasePath
    Add-Partner -Database $db -Name 'Acme Europe' -Type Reseller -Tier Gold -Region 'Western Europe' -Country DE -JoinedOn 2014-03-31
}

AfterAll {
    Remove-TestFolders
}

Describe 'Default views' {
    It 'has a view for <_>' -ForEach @(
        'PartnerOps.Partner', 'PartnerOps.PartnerRevenue', 'PartnerOps.RevenueMeasure', 'PartnerOps.ExchangeRate',
        'PartnerOps.PartnerTarget', 'PartnerOps.TargetProgress', 'PartnerOps.ImportResult', 'PartnerOps.DatabaseInfo',
        'PartnerOps.DatabaseFinding', 'PartnerOps.HistoryEntry'
    ) {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty
    }

    It 'shows a partner as Name, Type, Tier, Status, Region, Country, JoinedOn, without the timestamps' {
        $lines = @((Get-Partner -Database $db | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Type\s+Tier\s+Status\s+Region\s+Country\s+JoinedOn$'
        $lines[2] | Should -Match '^Acme Europe\s+Reseller\s+Gold\s+Active\s+Western Europe\s+DE\s+2014-03-31$'
        ($lines -join "`n") | Should -Not -Match 'CreatedAt|UpdatedAt'
    }

    It 'shows revenue with its date as yyyy-MM-dd and the amount right-aligned with separators' {
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-03-31 -Amount 1234567.5
        $lines = @((Get-PartnerRevenue -Database $db | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Date\s+PartnerName\s+Channel\s+Amount\s+Currency'
        $lines[2] | Should -Match '^2015-03-31 Acme Europe\s+Partner\s+1,234,567\.50 USD'
    }

    It 'shows target progress with shares as percentages' {
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2015 -Value 1
        $text = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-12-31 | Out-String -Width 120
        $text | Should -Match 'PartnerRevenueShare\s+\(all regions\)\s+2015\s+100\.0 %\s+100\.0 %'
    }
}
