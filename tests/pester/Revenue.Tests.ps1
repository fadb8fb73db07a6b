BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A database with two partners; returns its path.
    function New-RevenueDatabase {
        param([string] $Currency = 'USD')
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency $Currency
        Add-Partner -Database $db -Name 'Acme Europe' -Type Reseller -Region 'Western Europe' -Country DE
        Add-Partner -Database $db -Name 'Great Wall Systems' -Type Distributor -Region China -Country CN
        $db
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Add-PartnerRevenue' {
    BeforeAll {
        $db = New-RevenueDatabase -Currency EUR
    }

    It 'books revenue for a partner named by -Partner, with the documented defaults' {
        $r = Add-PartnerRevenue -Database $db -Partner 'acme europe' -Date 2015-03-31 -Amount 1250.5 -PassThru
        $r | Should -BeOfType ([PartnerOps.PartnerRevenue])
        $r.PartnerName | Should -BeExactly 'Acme Europe'
        $r.Channel | Should -Be ([PartnerOps.RevenueChannel]::Partner)
        $r.Amount | Should -BeOfType ([decimal])
        $r.Amount | Should -Be 1250.50
        $r.Amount.ToString([cultureinfo]::InvariantCulture) | Should -BeExactly '1250.50'
        $r.Currency | Should -BeExactly 'EUR'
        $r.Segment | Should -BeExactly 'Enterprise'
        $r.Region | Should -BeExactly 'Western Europe'
        $r.Date | Should -Be ([datetime]'2015-03-31')
        $r.Year, $r.Quarter, $r.Month | Should -Be @(2015, 1, 3)
    }

    It 'takes the partner by id' {
        $id = (Get-Partner -Database $db -Name 'Great Wall Systems').Id
        $r = Add-PartnerRevenue -Database $db -Partner $id -Date 2015-01-01 -Amount 10 -Currency usd -PassThru
        $r.PartnerId | Should -Be $id
        $r.Currency | Should -BeExactly 'USD'
        $r.Region | Should -BeExactly 'China'
    }

    It 'takes the partner from a piped Partner object' {
        $r = Get-Partner -Database $db -Name 'Great Wall Systems' | Add-PartnerRevenue -Database $db -Date 2014-06-30 -Amount 99.99 -Segment Carrier -PassThru
        $r.PartnerName | Should -BeExactly 'Great Wall Systems'
        $r.Segment | Should -BeExactly 'Carrier'
    }

    It 'books direct revenue with -Direct and a region' {
        $r = Add-PartnerRevenue -Database $db -Direct -Region China -Date 2015-02-01 -Amount 5 -PassThru
        $r.PartnerId | Should -BeNullOrEmpty
        $r.Channel | Should -Be ([PartnerOps.RevenueChannel]::Direct)
    }

    It 'refuses direct revenue without a region' {
        { Add-PartnerRevenue -Database $db -Direct -Date 2015-02-01 -Amount 5 -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRevenueValue,*'
    }

    It 'refuses a call that names neither a partner nor -Direct' {
        { Add-PartnerRevenue -Database $db -Date 2015-02-01 -Amount 5 } | Should -Throw -ErrorId 'InvalidRevenueValue,*'
    }

    It 'reports an unknown partner as PartnerNotFound, naming it' {
        Add-PartnerRevenue -Database $db -Partner 'Nobody Ltd' -Date 2015-02-01 -Amount 5 -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -BeLike "*'Nobody Ltd'*"
    }

    It 'reports an amount finer than the currency allows as InvalidAmount' {
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-02-01 -Amount 10.005 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike '*10.005*EUR*'
    }

    It 'reports a currency that is not ISO 4217 as InvalidCurrencyCode' {
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-02-01 -Amount 1 -Currency EURO -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCurrencyCode,*'
        $err[0].Exception.Message | Should -BeLike "*'EURO'*"
    }

    It 'refuses a reused reference with RevenueReferenceExists and keeps the first record' {
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-04-01 -Amount 1 -Reference 'INV-1'
        Add-PartnerRevenue -Database $db -Partner 'Great Wall Systems' -Date 2015-04-02 -Amount 2 -Reference 'INV-1' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'RevenueReferenceExists,*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $stored = @(Get-PartnerRevenue -Database $db | Where-Object Reference -EQ 'INV-1')
        $stored.Count | Should -Be 1
        $stored[0].PartnerName | Should -BeExactly 'Acme Europe'
    }

    It 'writes nothing with -WhatIf' {
        $before = (Get-PartnerDatabase -Database $db).RevenueCount
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-02-01 -Amount 1 -WhatIf
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be $before
    }
}

Describe 'Add-PartnerRevenue from CSV rows' {
    BeforeAll {
        $db = New-RevenueDatabase
        $csv = Join-Path (Get-TestFolder $db) 'revenue.csv'
        @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            'Acme Europe,2015-01-15,100.25,EUR,,,R-1'
            ',2015-01-16,50,,Consumer,China,R-2'
            'Nobody Ltd,2015-01-17,1,,,,R-3'
            'Great Wall Systems,2015-01-18,12.345,,,,R-4'
            'Great Wall Systems,2015-01-19,7,,,,R-5'
        ) | Set-Content -Path $csv -Encoding utf8
        $rows = Import-Csv $csv
        Import-Csv $csv | Add-PartnerRevenue -Database $db -ErrorVariable errors -ErrorAction SilentlyContinue
        $stored = @{}
        Get-PartnerRevenue -Database $db | ForEach-Object { $stored[$_.Reference] = $_ }
    }

    It 'stores the good rows and only those' {
        $stored.Keys | Sort-Object | Should -Be @('R-1', 'R-2', 'R-5')
    }

    It 'gives one error per bad row, targeted at the row' {
        $errors.Count | Should -Be 2
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $errors[0].TargetObject.Reference | Should -BeExactly 'R-3'
        $errors[1].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $errors[1].TargetObject.Reference | Should -BeExactly 'R-4'
    }

    It 'reads an empty PartnerName as direct revenue' {
        $stored['R-2'].Channel | Should -Be ([PartnerOps.RevenueChannel]::Direct)
        $stored['R-2'].Region | Should -BeExactly 'China'
        $stored['R-2'].Segment | Should -BeExactly 'Consumer'
    }

    It 'reads amounts exactly' {
        $stored['R-1'].Amount | Should -Be 100.25
        $stored['R-1'].Currency | Should -BeExactly 'EUR'
    }

    It "round-trips through Export-Csv and Import-Csv into another database (in the session culture)" -ForEach @('en-US', 'de-DE') {
        $culture = $_
        $copy = New-RevenueDatabase
        $file = Join-Path (Get-TestFolder $copy) "export-$culture.csv"
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $culture
            Get-PartnerRevenue -Database $db | Export-Csv -Path $file
            Import-Csv $file | Add-PartnerRevenue -Database $copy
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
        $project = { $_ | Select-Object PartnerName, Date, Amount, Currency, Segment, Region, Reference | ConvertTo-Json -Compress }
        @(Get-PartnerRevenue -Database $copy | ForEach-Object $project) | Should -Be @(Get-PartnerRevenue -Database $db | ForEach-Object $project)
    }
}

Describe 'Exact money' {
    It 'totals ten thousand records of 0.10 to exactly 1000.00' {
        $db = New-RevenueDatabase
        1..10000 | ForEach-Object { [pscustomobject]@{ PartnerName = 'Acme Europe'; Date = '2015-05-05'; Amount = '0.10' } } |
            Add-PartnerRevenue -Database $db
        $m = Measure-PartnerRevenue -Database $db
        $m.Count | Should -Be 10000
        $m.Total | Should -BeOfType ([decimal])
        $m.Total | Should -Be 1000.00
        (Get-PartnerRevenue -Database $db | Measure-Object -Property Amount -Sum).Count | Should -Be 10000
        $sum = [decimal]0
        Get-PartnerRevenue -Database $db | ForEach-Object { $sum += $_.Amount }
        $sum | Should -Be ([decimal]'1000.00')
    }

    It 'keeps a total of 3,100,000,000.00 exact' {
        $db = New-RevenueDatabase
        1..31 | ForEach-Object { Add-PartnerRevenue -Database $db -Partner 'Great Wall Systems' -Date 2015-06-30 -Amount 99999999.99 }
        Add-PartnerRevenue -Database $db -Partner 'Great Wall Systems' -Date 2015-06-30 -Amount 0.31
        (Measure-PartnerRevenue -Database $db).Total.ToString([cultureinfo]::InvariantCulture) | Should -BeExactly '3100000000.00'
    }
}

Describe 'Get-PartnerRevenue' {
    BeforeAll {
        $db = New-RevenueDatabase
        Add-Partner -Database $db -Name 'Acme Asia' -Region China -Country CN
        $rows = @(
            @{ Partner = 'Acme Europe'; Date = '2014-02-01'; Amount = 10; Segment = 'Enterprise'; Reference = 'A' }
            @{ Partner = 'Acme Europe'; Date = '2015-05-01'; Amount = 20; Segment = 'Carrier'; Reference = 'B' }
            @{ Partner = 'Great Wall Systems'; Date = '2015-08-15'; Amount = 30; Segment = 'Enterprise'; Reference = 'C' }
            @{ Partner = 'Acme Asia'; Date = '2015-11-30'; Amount = 40; Segment = 'Consumer'; Reference = 'D' }
        )
        foreach ($row in $rows) { Add-PartnerRevenue -Database $db @row }
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-12-31 -Amount 50 -Reference E
    }

    It 'streams every record sorted by date' {
        @(Get-PartnerRevenue -Database $db).Reference -join ',' | Should -BeExactly 'A,B,C,D,E'
    }

    It 'filters by <Name>' -ForEach @(
        @{ Name = 'a partner name'; Arguments = @{ Partner = 'acme europe' }; Expected = 'A,B' }
        @{ Name = 'a partner wildcard'; Arguments = @{ Partner = 'Acme*' }; Expected = 'A,B,D' }
        @{ Name = 'year'; Arguments = @{ Year = 2014 }; Expected = 'A' }
        @{ Name = 'quarter'; Arguments = @{ Quarter = 3, 4 }; Expected = 'C,D,E' }
        @{ Name = 'an inclusive date range'; Arguments = @{ From = '2015-05-01'; To = '2015-11-30' }; Expected = 'B,C,D' }
        @{ Name = 'segment, ignoring case'; Arguments = @{ Segment = 'enterprise' }; Expected = 'A,C,E' }
        @{ Name = 'segment wildcard'; Arguments = @{ Segment = 'C*' }; Expected = 'B,D' }
        @{ Name = 'region'; Arguments = @{ Region = 'china' }; Expected = 'C,D' }
        @{ Name = 'channel'; Arguments = @{ Channel = 'Partner' }; Expected = 'A,B,C,D' }
        @{ Name = '-Direct'; Arguments = @{ Direct = $true }; Expected = 'E' }
    ) {
        @(Get-PartnerRevenue -Database $db @Arguments).Reference -join ',' | Should -BeExactly $Expected
    }

    It "gives a piped partner's revenue" {
        @(Get-Partner -Database $db -Name 'Acme Europe' | Get-PartnerRevenue -Database $db).Reference | Should -Be @('A', 'B')
    }

    It 'gives each piped partner its revenue' {
        @(Get-Partner -Database $db -Name 'Acme*' | Get-PartnerRevenue -Database $db).Reference | Should -Be @('D', 'A', 'B')
    }

    It 'pages with -First, -Skip and -IncludeTotalCount' {
        $page = @(Get-PartnerRevenue -Database $db -Skip 1 -First 2 -IncludeTotalCount)
        $page[0] | Should -Be 5
        $page[1..2].Reference | Should -Be @('B', 'C')
    }

    It 'reports an unknown exact partner name as PartnerNotFound and returns nothing' {
        $out = @(Get-PartnerRevenue -Database $db -Partner 'Nobody Ltd' -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
    }

    It 'returns nothing for a partner wildcard that matches no one' {
        @(Get-PartnerRevenue -Database $db -Partner 'Zz*' -ErrorVariable err).Count | Should -Be 0
        $err.Count | Should -Be 0
    }
}

Describe 'Remove-PartnerRevenue' {
    BeforeEach {
        $db = New-RevenueDatabase
        1..3 | ForEach-Object { Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date "2015-0$_-01" -Amount $_ -Reference "R$_" }
    }

    It 'removes records by -Id' {
        $first = Get-PartnerRevenue -Database $db -First 1
        Remove-PartnerRevenue -Database $db -Id $first.Id -Confirm:$false
        @(Get-PartnerRevenue -Database $db).Reference | Should -Be @('R2', 'R3')
    }

    It 'removes the records piped to it' {
        Get-PartnerRevenue -Database $db -From 2015-02-01 | Remove-PartnerRevenue -Database $db -Confirm:$false
        @(Get-PartnerRevenue -Database $db).Reference | Should -Be @('R1')
        (Measure-PartnerRevenue -Database $db).Total | Should -Be 1
    }

    It 'removes nothing with -WhatIf' {
        Get-PartnerRevenue -Database $db | Remove-PartnerRevenue -Database $db -WhatIf
        @(Get-PartnerRevenue -Database $db).Count | Should -Be 3
    }

    It 'reports a missing id as RevenueNotFound' {
        Remove-PartnerRevenue -Database $db -Id 999 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'RevenueNotFound,*'
        $err[0].Exception.Message | Should -BeLike '*999*'
    }

    It "does not take a piped Partner's Id for a record id" {
        { Get-Partner -Database $db -Name 'Acme Europe' | Remove-PartnerRevenue -Database $db -Confirm:$false -ErrorAction Stop } | Should -Throw
        @(Get-PartnerRevenue -Database $db).Count | Should -Be 3
    }
}

Describe 'Remove-Partner with revenue' {
    BeforeEach {
        $db = New-RevenueDatabase
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-01-01 -Amount 10
        Add-PartnerRevenue -Database $db -Partner 'Great Wall Systems' -Date 2015-01-01 -Amount 20
    }

    It 'refuses a partner that has revenue with PartnerHasRevenue, and keeps both' {
        Remove-Partner -Database $db -Name 'Acme Europe' -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerHasRevenue,*'
        $err[0].Exception.Message | Should -BeLike "*'Acme Europe'*1 revenue record*-Force*"
        (Get-Partner -Database $db -Name 'Acme Europe').Name | Should -BeExactly 'Acme Europe'
        (Get-PartnerRevenue -Database $db -Partner 'Acme Europe').Amount | Should -Be @(10)
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 2
    }

    It 'removes the partner and its revenue with -Force' {
        Remove-Partner -Database $db -Name 'Acme Europe' -Force -Confirm:$false
        @(Get-Partner -Database $db).Name | Should -Be @('Great Wall Systems')
        @(Get-PartnerRevenue -Database $db).PartnerName | Should -Be @('Great Wall Systems')
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'removes a partner without revenue without -Force' {
        Add-Partner -Database $db -Name 'No Sales Yet'
        Remove-Partner -Database $db -Name 'No Sales Yet' -Confirm:$false
        Get-Partner -Database $db -Name 'No*' | Should -BeNullOrEmpty
    }
}

Describe 'Get-PartnerDatabase with revenue' {
    It 'counts revenue records' {
        $db = New-RevenueDatabase
        Add-PartnerRevenue -Database $db -Partner 'Acme Europe' -Date 2015-01-01 -Amount 10
        Add-PartnerRevenue -Database $db -Direct -Region China -Date 2015-01-01 -Amount 10
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 2
    }
}
