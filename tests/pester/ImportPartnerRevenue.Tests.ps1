BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-RevenueImportDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency USD
        Add-Partner -Database $db -Name 'Acme Europe' -Region 'Western Europe'
        Add-Partner -Database $db -Name 'Great Wall Systems' -Region China
        $db
    }

    function New-Csv([string] $Folder, [string[]] $Lines, [string] $Name = 'revenue.csv') {
        $path = Join-Path $Folder $Name
        $Lines | Set-Content -Path $path -Encoding utf8
        $path
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Import-PartnerRevenue' {
    BeforeAll {
        $db = New-RevenueImportDatabase
        $csv = New-Csv (Get-TestFolder $db) @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference,Extra'
            'acme europe,2015-01-15,100.25,EUR,,,R-1,ignored'
            ',2015-01-16,50,,Consumer,China,R-2,'
            'Nobody Ltd,2015-01-17,1,,,,R-3,'
            'Great Wall Systems,2015-01-18,12.345,,,,R-4,'
            'Great Wall Systems,17/01/2015,7,,,,R-5,'
            ',2015-01-19,8,,,,R-6,'
            'Great Wall Systems,2015-01-20,9,XXX,,,R-7,'
            'Great Wall Systems,2015-01-21,1234.5,,Carrier,,R-8,'
        )
        $result = Import-PartnerRevenue -Database $db -Path $csv -ErrorVariable errors -ErrorAction SilentlyContinue
        $stored = @{}
        Get-PartnerRevenue -Database $db | ForEach-Object { $stored[$_.Reference] = $_ }
    }

    It 'writes one ImportResult with the counts' {
        $result | Should -BeOfType ([PartnerOps.ImportResult])
        $result.Read, $result.Inserted, $result.Failed | Should -Be @(8, 3, 5)
    }

    It 'stores the good rows exactly, with the documented defaults' {
        $stored.Keys | Sort-Object | Should -Be @('R-1', 'R-2', 'R-8')
        $stored['R-1'].PartnerName | Should -BeExactly 'Acme Europe'
        $stored['R-1'].Amount | Should -Be 100.25
        $stored['R-1'].Currency | Should -BeExactly 'EUR'
        $stored['R-1'].Region | Should -BeExactly 'Western Europe'
        $stored['R-1'].Segment | Should -BeExactly 'Enterprise'
        $stored['R-2'].Channel | Should -Be 'Direct'
        $stored['R-2'].Region | Should -BeExactly 'China'
        $stored['R-8'].Amount.ToString([cultureinfo]::InvariantCulture) | Should -BeExactly '1234.50'
        $stored['R-8'].Currency | Should -BeExactly 'USD'
    }

    It 'gives one ImportRowInvalid error per bad row, naming the line, the column and the value' {
        $errors.Count | Should -Be 5
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*' }
        $messages = $errors.Exception.Message
        $messages | Should -Contain ($messages -like "Line 4, column PartnerName: there is no partner named 'Nobody Ltd'*")[0]
        ($messages -like "Line 5, column Amount: Amount 12.345 USD is not valid*").Count | Should -Be 1
        ($messages -like "Line 6, column Date: '17/01/2015' is not a date*").Count | Should -Be 1
        ($messages -like 'Line 7, column Region: direct revenue*needs a region*').Count | Should -Be 1
        ($messages -like "Line 8, column Currency: Currency 'XXX' is not an ISO 4217*").Count | Should -Be 1
    }

    It 'keeps the revenue totals and the history in step' {
        Test-PartnerDatabase -Database $db | Should -BeTrue
        (Measure-PartnerRevenue -Database $db -Channel Direct).Total | Should -Be 50
        @(Get-PartnerHistory -Database $db -Entity Revenue -Operation Insert).Count | Should -Be 3
    }

    It 'refuses a Reference already stored in Insert mode, and writes the row''s fix file' {
        $failed = Join-Path (Get-TestFolder $db) 'failed.csv'
        $again = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Amount,Reference', 'Acme Europe,2015-02-01,5,R-1', 'Acme Europe,2015-02-02,6,R-9') 'again.csv'
        $r = Import-PartnerRevenue -Database $db -Path $again -FailedRowPath $failed -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Inserted, $r.Failed | Should -Be @(1, 1)
        $err[0].Exception.Message | Should -BeLike "Line 2, column Reference: 'R-1' already exists*"
        $rows = @(Import-Csv $failed)
        $rows.Count | Should -Be 1
        $rows[0].Reference | Should -BeExactly 'R-1'
        $rows[0].Line | Should -Be 2
    }

    It 'updates the record with the same Reference in Upsert mode, and leaves it in Skip mode' {
        $change = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Amount,Reference', 'Great Wall Systems,2015-03-03,999.99,R-1') 'change.csv'
        (Import-PartnerRevenue -Database $db -Path $change -Mode Skip).Skipped | Should -Be 1
        (Get-PartnerRevenue -Database $db | Where-Object Reference -EQ 'R-1').Amount | Should -Be 100.25
        (Import-PartnerRevenue -Database $db -Path $change -Mode Upsert).Updated | Should -Be 1
        $r1 = Get-PartnerRevenue -Database $db | Where-Object Reference -EQ 'R-1'
        $r1.PartnerName, $r1.Amount, $r1.Region | Should -Be @('Great Wall Systems', 999.99, 'China')
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'writes nothing of a file with a bad row under -Atomic' {
        $before = (Get-PartnerDatabase -Database $db).RevenueCount
        $atomic = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Amount', 'Acme Europe,2015-04-01,1', 'Nobody Ltd,2015-04-01,1') 'atomic.csv'
        $r = Import-PartnerRevenue -Database $db -Path $atomic -Atomic -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $r.RolledBack | Should -BeTrue
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be $before
    }

    It 'stops before writing anything when a required column is missing' {
        $noAmount = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Value', 'Acme Europe,2015-04-01,1') 'noamount.csv'
        { Import-PartnerRevenue -Database $db -Path $noAmount } | Should -Throw -ErrorId 'ImportHeaderInvalid,*' -ExpectedMessage '*no Amount column*'
    }

    It 'reads a JSON array of objects' {
        $json = Join-Path (Get-TestFolder $db) 'revenue.json'
        '[{"PartnerName":"Acme Europe","Date":"2015-05-05","Amount":"42.42","Reference":"J-1"},{"PartnerName":"","Date":"2015-05-06","Amount":"1","Region":"China"}]' |
            Set-Content -Path $json -Encoding utf8
        (Import-PartnerRevenue -Database $db -Path $json).Inserted | Should -Be 2
        (Get-PartnerRevenue -Database $db | Where-Object Reference -EQ 'J-1').Amount | Should -Be 42.42
    }

    It 'reads numbers culture-invariantly whatever the session culture, and with -Culture in that culture' {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'de-DE'
            $plain = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Amount,Reference', 'Acme Europe,2015-06-01,1.5,C-1') 'c1.csv'
            (Import-PartnerRevenue -Database $db -Path $plain).Inserted | Should -Be 1
            $german = New-Csv (Get-TestFolder $db) @('PartnerName;Date;Amount;Reference', 'Acme Europe;01.06.2015;2,5;C-2') 'c2.csv'
            (Import-PartnerRevenue -Database $db -Path $german -Delimiter ';' -Culture de-DE).Inserted | Should -Be 1
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
        (Get-PartnerRevenue -Database $db | Where-Object Reference -In 'C-1', 'C-2').Amount | Should -Be @(1.5, 2.5)
    }

    It 'reports a missing file as ImportFileNotFound' {
        { Import-PartnerRevenue -Database $db -Path (Join-Path (Get-TestFolder $db) 'missing.csv') } | Should -Throw -ErrorId 'ImportFileNotFound,*'
    }

    It 'imports nothing with -WhatIf' {
        $before = (Get-PartnerDatabase -Database $db).RevenueCount
        $whatif = New-Csv (Get-TestFolder $db) @('PartnerName,Date,Amount', 'Acme Europe,2015-04-01,1') 'whatif.csv'
        Import-PartnerRevenue -Database $db -Path $whatif -WhatIf
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be $before
    }
}

Describe 'Import-PartnerRevenue and Get-PartnerRevenue | Export-Csv' {
    It 'round-trips a database''s revenue into another one' {
        $source = New-RevenueImportDatabase
        Add-PartnerRevenue -Database $source -Partner 'Acme Europe' -Date 2015-01-01 -Amount 10.10 -Currency GBP -Reference 'A'
        Add-PartnerRevenue -Database $source -Direct -Region China -Date 2015-02-02 -Amount 20 -Segment Carrier -Reference 'B'
        $file = Join-Path (Get-TestFolder $source) 'export.csv'
        Get-PartnerRevenue -Database $source | Export-Csv -Path $file
        $copy = New-RevenueImportDatabase
        (Import-PartnerRevenue -Database $copy -Path $file).Inserted | Should -Be 2
        $project = { $_ | Select-Object PartnerName, Date, Amount, Currency, Segment, Region, Reference | ConvertTo-Json -Compress }
        @(Get-PartnerRevenue -Database $copy | ForEach-Object $project) | Should -Be @(Get-PartnerRevenue -Database $source | ForEach-Object $project)
    }
}
