# What a fresh session has right after Import-Module (issue 15 made the import lighter): every view, the measure views
# included, before any command ran, and the first measure shown with its view; SQLite itself is loaded by the first command
# that opens a database (NativeLibrary.Tests.ps1).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $db = New-TestDatabase
    Add-PartnerRevenue -Database $db -Direct -Date 2015-01-15 -Amount 1000 -Region China -Segment Carrier
    Add-PartnerRevenue -Database $db -Direct -Date 2015-02-15 -Amount 500.5 -Region 'Western Europe'
    Close-PooledConnections
    $fresh = Invoke-ChildPwshJson -ImportModule -Command @"
`$before = @{}
foreach (`$name in 'PartnerOps.Partner', 'PartnerOps.RevenueMeasure#Region#Year', 'PartnerOps.PartnerMeasure#Region', 'PartnerOps.RevenueMeasure') {
    `$before[`$name] = @((Get-FormatData -TypeName `$name).FormatViewDefinition.Control | ForEach-Object { `$_.GetType().Name })
}
`$measure = @(Measure-PartnerRevenue -Database $(ConvertTo-PSLiteral $db) -GroupBy Region, Year)
@{
    Before    = `$before
    TypeName  = `$measure[0].PSTypeNames[0]
    View      = @((Get-FormatData -TypeName `$measure[0].PSTypeNames[0]).FormatViewDefinition.Control | ForEach-Object { `$_.GetType().Name })
    Table     = `$measure | Format-Table | Out-String -Width 120
    ShareText = `$measure[0].ShareText
}
"@
}

AfterAll { Remove-TestFolders }

Describe 'A fresh session right after Import-Module' {
    It 'has the table view of <_> before any command ran' -ForEach 'PartnerOps.Partner', 'PartnerOps.RevenueMeasure#Region#Year', 'PartnerOps.PartnerMeasure#Region', 'PartnerOps.RevenueMeasure' {
        @($fresh.Before.$_)[0] | Should -Be 'TableControl'
    }

    It 'shows its first measure with the view of its key set' {
        $fresh.TypeName | Should -Be 'PartnerOps.RevenueMeasure#Region#Year'
        @($fresh.View)[0] | Should -Be 'TableControl'
        $lines = @($fresh.Table -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Region\s+Year\s+Total\s+Share\s+Growth\s+Count\s*$'
        $fresh.Table | Should -Match 'China\s+2015\s+1,000\.00 USD'
    }

    It 'has the formatted companions of a measure (type data)' {
        $fresh.ShareText | Should -Match '^\d+(\.\d)? ?%$'
    }
}
