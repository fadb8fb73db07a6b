<#
Issue 19's deal views at 80, 120 and 200 columns: the key columns there and whole (long partner and customer names wrapped,
never cut), the status on the day read, how many other partners' deals conflict, the amount as money with the currency's decimals
and its code; the list view with every property. Worked out by hand, read on 2026-02-15:
  Zhonghua Pacific Systems Integration Co Ltd registers 'Contoso Retail Group International Holdings' (GB) on 2026-01-05 for
            1,234,567.5 EUR (ExpiresOn 2026-04-05), Segment 'Public Sector'.
  Kestrel Systems registers the same customer on 2026-01-10 (ExpiresOn 2026-04-10), no amount: one conflict each.
  Kestrel Systems registers 'Fabrikam' (DE) for 5000 JPY on 2026-01-01 with ValidDays 30: Expired on 2026-02-15.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:D = New-TestDatabase
    $script:Long = 'Zhonghua Pacific Systems Integration Co Ltd'
    $script:Customer = 'Contoso Retail Group International Holdings'
    Add-Partner -Database $D -Name $script:Long -Region China -JoinedOn 2020-01-01
    Add-Partner -Database $D -Name 'Kestrel Systems' -Region 'Western Europe' -JoinedOn 2020-01-01
    $script:Fab = Register-PartnerDeal -Database $D -Partner 'Kestrel Systems' -Customer 'Fabrikam' -CustomerCountry DE -Amount 5000 -Currency JPY -RegisteredOn 2026-01-01 -ValidDays 30 -PassThru
    $script:First = Register-PartnerDeal -Database $D -Partner $script:Long -Customer $script:Customer -CustomerCountry GB -Segment 'Public Sector' `
        -Amount 1234567.5 -Currency EUR -Reference 'ZP-2026-0001' -RegisteredOn 2026-01-05 -PassThru
    $script:Second = Register-PartnerDeal -Database $D -Partner 'Kestrel Systems' -Customer $script:Customer -CustomerCountry GB -RegisteredOn 2026-01-10 -PassThru -WarningAction SilentlyContinue

    $script:Ellipsis = [string][char]0x2026

    # The text at a terminal of $Columns columns (Out-String prints one fewer), checked to cut nothing and run past nothing.
    function Show-AtWidth($Items, [int] $Columns) {
        $text = $Items | Out-String -Width ($Columns - 1)
        $text | Should -Not -Match $script:Ellipsis
        @(($text -split '\r?\n') | Where-Object { $_.Length -gt $Columns - 1 }) | Should -BeNullOrEmpty
        $text
    }

    function Get-HeaderLine([string] $Text) {
        $lines = @($Text -split '\r?\n')
        $lines[[array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' }) - 1]
    }
}

AfterAll { Remove-TestFolders }

Describe 'The deal views at 80, 120 and 200 columns' {
    It 'Get-PartnerDeal at <_> columns: Id to Conflicts whole; the amount and segment from wider terminals' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Get-PartnerDeal -Database $script:D -AsOf 2026-02-15) $_
        Get-HeaderLine $text | Should -Match '^\s*Id\s+Partner\s+Customer\s+Country\s+Status\s+ExpiresOn\s+Conflicts\b'
        Get-ColumnText -Text $text -Label Id -Width 7 -Right | Should -Be "$($script:Fab.Id) $($script:First.Id) $($script:Second.Id)"
        Get-ColumnText -Text $text -Label Partner -Width 15 | Should -Be "Kestrel Systems $script:Long Kestrel Systems"
        Get-ColumnText -Text $text -Label Customer -Width 16 | Should -Be "Fabrikam $script:Customer $script:Customer"
        Get-ColumnText -Text $text -Label Country -Width 7 | Should -Be 'DE GB GB'
        Get-ColumnText -Text $text -Label Status -Width 9 | Should -Be 'Expired Submitted Submitted'
        Get-ColumnText -Text $text -Label ExpiresOn -Width 10 | Should -Be '2026-01-31 2026-04-05 2026-04-10'
        Get-ColumnText -Text $text -Label Conflicts -Width 9 -Right | Should -Be '0 1 1'
        if ($_ -ge 120) {
            Get-HeaderLine $text | Should -Match 'Conflicts\s+Amount\s+Segment$'
            Get-ColumnText -Text $text -Label Amount -Width 21 -Right -Glue '|' | Should -Be ((5000).ToString('N0') + ' JPY|' + (1234567.5).ToString('N2') + ' EUR')
            Get-ColumnText -Text $text -Label Segment -Width 16 | Should -Be 'Enterprise Public Sector Enterprise'
        }
        else { Get-HeaderLine $text | Should -Match 'Conflicts$' }
    }

    It 'Format-List shows every property, the amount with its currency and the conflicting ids' {
        $text = $script:First | Format-List | Out-String -Width 119
        $lines = @($text -split '\r?\n' | Where-Object { $_ -match ':' } | ForEach-Object { ($_ -replace '\s+:\s', ': ').TrimEnd() })
        $lines | Should -Contain "Partner: $script:Long"
        $lines | Should -Contain "Customer: $script:Customer"
        $lines | Should -Contain 'CustomerCountry: GB'
        $lines | Should -Contain 'Region: China'
        $lines | Should -Contain "Amount: $((1234567.5).ToString('N2')) EUR"
        $lines | Should -Contain 'Reference: ZP-2026-0001'
        $lines | Should -Contain 'RegisteredOn: 2026-01-05'
        $lines | Should -Contain 'ExpiresOn: 2026-04-05'
        $lines | Should -Contain 'Status: Expired'
        (Get-PartnerDeal -Database $script:D -AsOf 2026-02-15 -Id $script:First.Id | Format-List | Out-String -Width 119) | Should -Match "ConflictsWith\s+:\s+$($script:Second.Id)\b"
    }
}
