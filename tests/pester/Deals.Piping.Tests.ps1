# Piping to the deal cmdlets (issue 19): a piped text or number is refused naming the value and what to use instead
# (-Reference, -Id, or deals from Get-PartnerDeal), by every deal cmdlet and by the other cmdlets sharing that message; a row
# with only a Reference column (a CSV of references) names its deal as -Reference does. Runs on both backends; every expected
# message and row is written out by hand, and a refused item changes nothing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Every deal as "Reference|Status", the revenue records and the history's count: equal before and after means nothing was written.
    function Get-DealState([string] $Database) {
        @(Get-PartnerDeal -Database $Database | ForEach-Object { "$($_.Reference)|$($_.Status)" }) +
            @(Get-PartnerRevenue -Database $Database | ForEach-Object { "$($_.Id)|$($_.Amount)" }) +
            "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }

    # Each deal cmdlet, as a user pipes to it (a reason where one is needed).
    $script:DealCmdlets = [ordered]@{
        'Approve-PartnerDeal' = @{}
        'Deny-PartnerDeal' = @{ Reason = 'Served directly' }
        'Close-PartnerDeal' = @{ Lost = $true; Reason = 'Budget cut' }
        'Set-PartnerDeal' = @{ Product = 'Storage' }
        'Remove-PartnerDeal' = @{ Confirm = $false }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Piping to the deal cmdlets' {
    BeforeAll {
        $script:db = New-TestDatabase
        $today = [DateTime]::UtcNow.Date
        Add-Partner -Database $db -Name 'Acme' -Region 'EMEA' -JoinedOn 2015-01-10
        foreach ($deal in @('G-A', 'Alpha AG'), @('G-B', 'Bravo AG'), @('G-C', 'Charlie AG')) {
            Register-PartnerDeal -Database $db -Partner Acme -Customer $deal[1] -CustomerCountry DE -Reference $deal[0] -RegisteredOn $today.AddDays(-5)
        }
        Add-PartnerRevenue -Database $db -Partner Acme -Date 2025-01-10 -Amount 100 -Reference 'R-1'
    }

    It 'refuses a piped text by <_>, naming it and what to use instead; nothing is written' -ForEach @('Approve-PartnerDeal', 'Deny-PartnerDeal', 'Close-PartnerDeal', 'Set-PartnerDeal', 'Remove-PartnerDeal') {
        $more = $script:DealCmdlets[$_]
        $before = Get-DealState $db
        'G-A' | & $_ -Database $db @more -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $failures[0].Exception.Message | Should -BeExactly "The text 'G-A' is not a deal; use -Reference 'G-A' or -Id, or pipe deals (Get-PartnerDeal)."
        Get-DealState $db | Should -Be $before
    }

    It 'refuses a piped number by <_>, naming it and -Id; nothing is written' -ForEach @('Approve-PartnerDeal', 'Close-PartnerDeal', 'Remove-PartnerDeal') {
        $more = $script:DealCmdlets[$_]
        $before = Get-DealState $db
        42 | & $_ -Database $db @more -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $failures[0].Exception.Message | Should -BeExactly 'The number 42 is not a deal; use -Id 42, or pipe deals (Get-PartnerDeal).'
        Get-DealState $db | Should -Be $before
    }

    It 'refuses an object that is neither a deal nor a row of references, and goes on with the next item' {
        $before = Get-DealState $db
        $out = @([pscustomobject]@{ Customer = 'Alpha AG' }, 'G-B') | Approve-PartnerDeal -Database $db -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        @($failures.Exception.Message) | Should -Be @(
            'The object is not a deal; pipe deals (Get-PartnerDeal).'
            "The text 'G-B' is not a deal; use -Reference 'G-B' or -Id, or pipe deals (Get-PartnerDeal).")
        Get-DealState $db | Should -Be $before
    }

    It 'names the value in the message shared with the other record cmdlets (a revenue record)' {
        $before = Get-DealState $db
        'R-1' | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $failures[0].Exception.Message | Should -BeExactly "The text 'R-1' is not a revenue record; pipe revenue records (Get-PartnerRevenue)."
        Get-DealState $db | Should -Be $before
    }

    It 'takes rows with only a Reference column, as -Reference does; an unknown one is PartnerDealNotFound and the next row goes on' {
        $csv = Join-Path (Get-TestFolder $db) 'references.csv'
        Set-Content -LiteralPath $csv -Encoding utf8NoBOM -Value @('Reference', 'G-A', 'G-X', 'G-C')
        $out = Import-Csv -LiteralPath $csv | Approve-PartnerDeal -Database $db -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        @($out | ForEach-Object { "$($_.Reference)|$($_.Status)" }) | Should -Be @('G-A|Approved', 'G-C|Approved')
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealNotFound,*'
        $failures[0].Exception.Message | Should -BeLike "*'G-X'*"
        @(Get-PartnerDeal -Database $db | ForEach-Object { "$($_.Reference)|$($_.Status)" }) | Should -Be @('G-A|Approved', 'G-B|Submitted', 'G-C|Approved')
    }
}

Describe 'Deals through Export-Csv' {
    BeforeAll {
        $script:cdb = New-TestDatabase
        $today = [DateTime]::UtcNow.Date
        foreach ($partner in 'Acme', 'Beta', 'Gamma') { Add-Partner -Database $cdb -Name $partner -Region 'EMEA' -JoinedOn 2015-01-10 }
        # Ids 1-3 claim Initech (DE), each conflicting with the two others; id 4 claims Hooli alone.
        foreach ($deal in @('Acme', 'Initech'), @('Beta', 'Initech'), @('Gamma', 'Initech'), @('Acme', 'Hooli')) {
            Register-PartnerDeal -Database $cdb -Partner $deal[0] -Customer $deal[1] -CustomerCountry DE -RegisteredOn $today.AddDays(-5) -WarningAction SilentlyContinue
        }
    }

    It 'writes ConflictsWith as the ids, which stay ids in PowerShell' {
        $deal = Get-PartnerDeal -Database $cdb -Id 1
        $deal.ConflictsWith.Count | Should -Be 2
        $deal.ConflictsWith -contains 3 | Should -BeTrue
        $deal.ConflictsWith[0] | Should -Be 2
        ($deal.ConflictsWith | Measure-Object -Sum).Sum | Should -Be 5
        $csv = Join-Path (Get-TestFolder $cdb) 'deals.csv'
        Get-PartnerDeal -Database $cdb | Export-Csv -LiteralPath $csv
        @(Import-Csv -LiteralPath $csv | ForEach-Object { "$($_.Id)|$($_.ConflictsWith)" }) | Should -Be @('1|2, 3', '2|1, 3', '3|1, 2', '4|')
        (Get-Content -LiteralPath $csv -Raw) | Should -Not -Match 'System\.'
    }

    It 'is taken back by Import-Csv | Register-PartnerDeal into another database' {
        $csv = Join-Path (Get-TestFolder $cdb) 'deals.csv'
        $copy = New-TestDatabase
        foreach ($partner in 'Acme', 'Beta', 'Gamma') { Add-Partner -Database $copy -Name $partner -Region 'EMEA' -JoinedOn 2015-01-10 }
        Import-Csv -LiteralPath $csv | Register-PartnerDeal -Database $copy -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -BeNullOrEmpty
        @(Get-PartnerDeal -Database $copy | ForEach-Object { "$($_.Partner)|$($_.Customer)|$($_.ConflictsWith -join ', ')" }) | Should -Be @(
            'Acme|Initech|2, 3', 'Beta|Initech|1, 3', 'Gamma|Initech|1, 2', 'Acme|Hooli|')
    }
}
