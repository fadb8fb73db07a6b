# A won deal becomes revenue (issue 19): Close-PartnerDeal -Won books the partner's revenue record (the deal's segment and
# reference, the partner's region, Attribution Sourced) and marks the deal Won in one transaction; the record is in
# Get-PartnerRevenue and in Measure-PartnerRevenue; a used reference refuses both; removing the deal keeps the revenue. Runs on
# both backends; amounts are hand-computed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Format-Revenue {
        process { "$($_.PartnerName)|$($_.Date.ToString('yyyy-MM-dd'))|$($_.Amount)|$($_.Currency)|$($_.Segment)|$($_.Region)|$(if ($_.Reference) { $_.Reference } else { '-' })|$($_.Attribution)" }
    }

    function Format-WonDeal {
        process { "$($_.Id)|$($_.Status)|$($_.WonAmount)|$($_.WonCurrency)|$(if ($_.ClosedOn) { $_.ClosedOn.ToString('yyyy-MM-dd') } else { '-' })" }
    }

    # Every deal, every revenue record and the history's count: equal before and after means nothing was written.
    function Get-WonState([string] $Database) {
        @(Get-PartnerDeal -Database $Database | Format-WonDeal) + @(Get-PartnerRevenue -Database $Database | Format-Revenue) +
            "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Close-PartnerDeal -Won' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -Region 'EMEA' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Globex' -Region 'APAC' -JoinedOn 2015-01-10
        $common = @{ Database = $db; RegisteredOn = '2025-01-05'; ValidDays = 180; WarningAction = 'SilentlyContinue' }
        Register-PartnerDeal @common -Partner 'Acme' -Customer 'Contoso' -CustomerCountry 'DE' -Segment 'Public Sector' -Amount 50000 -Currency EUR -Reference 'D-1' # 1
        Register-PartnerDeal @common -Partner 'Acme' -Customer 'Fabrikam' -CustomerCountry 'FR'                                                     # 2: no amount, no reference
        Register-PartnerDeal @common -Partner 'Globex' -Customer 'Tailspin' -CustomerCountry 'JP' -Amount 300 -Currency GBP -Reference 'D-3'        # 3
        Register-PartnerDeal @common -Partner 'Globex' -Customer 'Northwind' -CustomerCountry 'US' -Reference 'INV-77'                               # 4: its reference is a revenue record's
        Register-PartnerDeal @common -Partner 'Acme' -Customer 'Litware' -CustomerCountry 'DE' -Amount 10 -Currency EUR                            # 5
        1..5 | ForEach-Object { Approve-PartnerDeal -Database $db -Id $_ -Date 2025-01-10 }
        Add-PartnerRevenue -Database $db -Partner 'Globex' -Date 2025-03-01 -Amount 70 -Currency USD -Reference 'INV-77'
    }

    It 'books the revenue record and marks the deal Won with the record''s id, amount and currency' {
        $deal = Close-PartnerDeal -Database $db -Id 1 -Won -Amount 48000.40 -Date 2025-02-01 -PassThru
        $deal | Format-WonDeal | Should -Be '1|Won|48000.40|EUR|2025-02-01'
        $revenue = @(Get-PartnerRevenue -Database $db -Partner 'Acme')
        $revenue | Format-Revenue | Should -Be 'Acme|2025-02-01|48000.40|EUR|Public Sector|EMEA|D-1|Sourced'
        $deal.RevenueId | Should -Be $revenue[0].Id
        "$($deal.Amount)|$($deal.Currency)" | Should -Be '50000.00|EUR' # the registered estimate is kept
    }

    It 'takes the reporting currency when the deal has none, and gives no reference when the deal has none' {
        Close-PartnerDeal -Database $db -Id 2 -Won -Amount 1000 -Date 2025-02-02
        Get-PartnerDeal -Database $db -Id 2 | Format-WonDeal | Should -Be '2|Won|1000.00|USD|2025-02-02'
        Get-PartnerRevenue -Database $db -Partner 'Acme' -Segment 'Enterprise' | Format-Revenue | Should -Be 'Acme|2025-02-02|1000.00|USD|Enterprise|EMEA|-|Sourced'
    }

    It 'books the amount in the currency given instead of the deal''s' {
        Close-PartnerDeal -Database $db -Id 3 -Won -Amount 200 -Currency jpy -Date 2025-02-03
        Get-PartnerDeal -Database $db -Id 3 | Format-WonDeal | Should -Be '3|Won|200|JPY|2025-02-03'
        Get-PartnerDeal -Database $db -Id 3 | ForEach-Object { "$($_.Amount)|$($_.Currency)" } | Should -Be '300.00|GBP'
        Get-PartnerRevenue -Database $db -Partner 'Globex' | Where-Object Currency -eq 'JPY' | Format-Revenue | Should -Be 'Globex|2025-02-03|200|JPY|Enterprise|APAC|D-3|Sourced'
    }

    It 'refuses a reference a revenue record has (RevenueReferenceExists naming it) and writes nothing, deal or record' {
        $before = Get-WonState $db
        Close-PartnerDeal -Database $db -Id 4 -Won -Amount 900 -Date 2025-02-04 -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'RevenueReferenceExists,*'
        $e[0].Exception.Message | Should -BeLike "*'INV-77'*"
        Get-WonState $db | Should -Be $before
        (Get-PartnerDeal -Database $db -Id 4 -AsOf 2025-02-04).Status | Should -Be 'Approved'
    }

    It 'refuses an amount that is not greater than zero or not exact in the currency, writing nothing' -TestCases @(
        @{ Amount = 0; Message = 'Amount 0 EUR is not valid: a won deal''s amount must be greater than zero.' }
        @{ Amount = -5; Message = 'Amount -5 EUR is not valid: a won deal''s amount must be greater than zero.' }
        @{ Amount = 1.005; Message = 'Amount 1.005 EUR is not valid: EUR has 2 decimal places, so it cannot hold a smaller fraction.' }
    ) {
        $before = Get-WonState $db
        Close-PartnerDeal -Database $db -Id 5 -Won -Amount $Amount -Date 2025-02-05 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $e[0].Exception.Message | Should -Be $Message
        Get-WonState $db | Should -Be $before
    }

    It 'counts won deals as Sourced partner revenue in Measure-PartnerRevenue' {
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2025 -Rate 1.25
        Set-PartnerExchangeRate -Database $db -From JPY -To USD -Year 2025 -Rate 0.01
        Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2025-03-01 -Amount 500 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region 'EMEA' -Date 2025-03-01 -Amount 250 -Currency USD
        # Sourced: 48000.40 EUR * 1.25 + 1000 USD + 200 JPY * 0.01 = 60000.50 + 1000 + 2 = 61002.50; Fulfilled: 500 + 70 (INV-77).
        $measures = @(Measure-PartnerRevenue -Database $db -GroupBy Attribution)
        $sourced = $measures | Where-Object { "$($_.Attribution)" -eq 'Sourced' }
        "$($sourced.Count)|$($sourced.Total)|$($sourced.Currency)" | Should -Be '3|61002.50|USD'
        $fulfilled = $measures | Where-Object { "$($_.Attribution)" -eq 'Fulfilled' }
        "$($fulfilled.Count)|$($fulfilled.Total)" | Should -Be '2|570.00'
        (Measure-PartnerRevenue -Database $db -Year 2025).Total | Should -Be 61822.50
    }

    It 'keeps the revenue record when the won deal is removed' {
        Remove-PartnerDeal -Database $db -Id 1 -Confirm:$false
        Get-PartnerDeal -Database $db -Id 1 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-PartnerRevenue -Database $db -Partner 'Acme' | Where-Object Currency -eq 'EUR' | Format-Revenue | Should -Be 'Acme|2025-02-01|48000.40|EUR|Public Sector|EMEA|D-1|Sourced'
    }

    It 'records the deal''s close and its revenue record in the history' {
        $deal = @(Get-PartnerHistory -Database $db -Entity Deal -Operation Update | Where-Object { "$($_.EntityId)" -eq '3' })[0]
        ($deal.Changes | ForEach-Object { "$($_.Property):$($_.Old)>$($_.New)" }) -join ', ' |
            Should -Be 'Status:Approved>Won, ClosedOn:>2025-02-03, RevenueId:>4, WonAmount:>200, WonCurrency:>JPY'
        @(Get-PartnerHistory -Database $db -Entity Revenue -Operation Insert).Count | Should -Be 6
    }
}

Describe 'A won deal as it stood before and after its win' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kestrel' -Region 'AMER' -JoinedOn 2015-01-10
        Set-PartnerExchangeRate -Database $db -From USD -To EUR -Year 2026 -Rate 0.8
        Register-PartnerDeal -Database $db -Partner 'Kestrel' -Customer 'Initrode' -CustomerCountry 'US' -Amount 2000 -Currency USD -RegisteredOn 2026-01-10 -ValidDays 200 -Reference 'D3'
        Approve-PartnerDeal -Database $db -Reference 'D3' -Date 2026-01-12
        Close-PartnerDeal -Database $db -Reference 'D3' -Won -Amount 2500 -Currency USD -Date 2026-03-01
    }

    It 'keeps the estimate as Amount and shows the won amount only from the day it was won' {
        Get-PartnerDeal -Database $db -Reference 'D3' -AsOf 2026-02-01 | ForEach-Object { "$($_.Status)|$($_.Amount)|$($_.Currency)|$($_.WonAmount)|$($_.WonCurrency)" } |
            Should -Be 'Approved|2000.00|USD||'
        Get-PartnerDeal -Database $db -Reference 'D3' -AsOf 2026-03-01 | ForEach-Object { "$($_.Status)|$($_.Amount)|$($_.Currency)|$($_.WonAmount)|$($_.WonCurrency)" } |
            Should -Be 'Won|2000.00|USD|2500.00|USD'
        (Get-PartnerRevenue -Database $db -Partner 'Kestrel').Amount | Should -Be 2500
    }

    It 'measures the estimate before the win and the won amount from it' {
        # 2000 USD x 0.8 = 1600 EUR approved on 2026-02-01; won on 2026-03-01: 2500 x 0.8 = 2000 EUR.
        (Measure-PartnerDeal -Database $db -AsOf 2026-02-01 -Currency EUR).ApprovedAmount | Should -Be 1600
        $won = Measure-PartnerDeal -Database $db -AsOf 2026-03-01 -Currency EUR
        "$($won.WonAmount)|$($won.ApprovedAmount)" | Should -Be '2000.00|0'
    }
}
