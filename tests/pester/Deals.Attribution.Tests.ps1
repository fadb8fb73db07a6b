# Revenue attribution (issue 19): Sourced, Influenced or Fulfilled on a partner's revenue record, none on direct revenue, through
# Add-PartnerRevenue, Import-PartnerRevenue, Get-PartnerRevenue and Measure-PartnerRevenue as users drive them (CSV in and out,
# bad input per item, -GroupBy/-ShareOf/-Attribution). Runs on both backends; every expected row and sum is written out by hand.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A record as "Partner|Date|Amount|Attribution|Reference" ('(direct)' and '-' for none).
    function Format-Revenue {
        process {
            $partner = if ($_.PartnerName) { $_.PartnerName } else { '(direct)' }
            $amount = $_.Amount.ToString('0.00', [cultureinfo]::InvariantCulture)
            "$partner|$($_.Date.ToString('yyyy-MM-dd'))|$amount $($_.Currency)|$(if ($null -ne $_.Attribution) { $_.Attribution } else { '-' })|$(if ($_.Reference) { $_.Reference } else { '-' })"
        }
    }

    # Every record with its attribution and the history's count: equal before and after means a refused item changed nothing.
    function Get-RevenueState([string] $Database) {
        (@(Get-PartnerRevenue -Database $Database | Format-Revenue) + "history: $(@(Get-PartnerHistory -Database $Database).Count)") -join "`n"
    }

    # A measure as "keys|Total Currency|Count|Share" (keys joined with '/', '-' for a null key such as direct revenue's attribution).
    function Format-Measure([string[]] $Keys) {
        process {
            $m = $_
            $k = ($Keys | ForEach-Object { if ($null -eq $m.$_) { '-' } else { "$($m.$_)" } }) -join '/'
            "$k|$($m.Total.ToString('0.00', [cultureinfo]::InvariantCulture)) $($m.Currency)|$($m.Count)|$($m.Share.ToString('0.000000', [cultureinfo]::InvariantCulture))"
        }
    }

    # Acme and Beta (EUR) and six records: Acme 100 Sourced (2025), 50 (default Fulfilled, 2025), 25 Fulfilled (2026);
    # Beta 200 Influenced (2025, given in lower case), 300 Sourced (2026, piped row in upper case); direct 400 (2025).
    function New-AttributionDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency EUR
        Add-Partner -Database $db -Name Acme -Region 'Western Europe'
        Add-Partner -Database $db -Name Beta -Region China
        Add-PartnerRevenue -Database $db -Partner Acme -Date 2025-01-10 -Amount 100 -Attribution Sourced -Reference 'A-1'
        Add-PartnerRevenue -Database $db -Partner Acme -Date 2025-02-10 -Amount 50 -Reference 'A-2'
        Add-PartnerRevenue -Database $db -Partner Beta -Date 2025-03-10 -Amount 200 -Attribution 'influenced'
        [pscustomobject]@{ PartnerName = 'Beta'; Date = '2026-01-10'; Amount = '300'; Attribution = 'SOURCED'; Reference = 'B-2' } | Add-PartnerRevenue -Database $db
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2025-04-10 -Amount 400 -Reference 'D-1'
        Add-PartnerRevenue -Database $db -Partner Acme -Date 2026-02-10 -Amount 25 -Attribution Fulfilled
        $db
    }

    $script:Expected = @(
        'Acme|2025-01-10|100.00 EUR|Sourced|A-1'
        'Acme|2025-02-10|50.00 EUR|Fulfilled|A-2'
        'Beta|2025-03-10|200.00 EUR|Influenced|-'
        '(direct)|2025-04-10|400.00 EUR|-|D-1'
        'Beta|2026-01-10|300.00 EUR|Sourced|B-2'
        'Acme|2026-02-10|25.00 EUR|Fulfilled|-')
}

AfterAll {
    Remove-TestFolders
}

Describe 'Attribution of revenue records' {
    BeforeAll {
        $db = New-AttributionDatabase
    }

    It 'is Fulfilled for a partner''s record unless given (any case), and none for direct revenue' {
        @(Get-PartnerRevenue -Database $db | Format-Revenue) | Should -Be $script:Expected
        (Get-PartnerRevenue -Database $db -Direct).Attribution | Should -BeNullOrEmpty
        (Get-PartnerRevenue -Database $db -Partner Beta)[0].Attribution | Should -BeOfType ([PartnerOps.RevenueAttribution])
    }

    It 'is in the record''s history entry, and -PassThru returns it' {
        $record = Add-PartnerRevenue -Database $db -Partner Beta -Date 2027-01-01 -Amount 1 -Attribution Influenced -Reference 'H-1' -PassThru
        $record.Attribution | Should -Be 'Influenced'
        $entry = Get-PartnerHistory -Database $db -Entity Revenue -Operation Insert -First 1
        $entry.EntityId | Should -Be "$($record.Id)"
        ($entry.Changes | Where-Object Property -EQ 'Attribution').New | Should -Be 'Influenced'
        $record | Remove-PartnerRevenue -Database $db -Confirm:$false
        @(Get-PartnerRevenue -Database $db | Format-Revenue) | Should -Be $script:Expected
    }

    It 'is refused for direct revenue, naming the value, and nothing is stored' {
        $before = Get-RevenueState $db
        Add-PartnerRevenue -Database $db -Direct -Region China -Date 2025-05-01 -Amount 10 -Attribution Sourced -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRevenueValue,*'
        $failures[0].Exception.Message | Should -BeExactly "Attribution 'Sourced' is not valid: direct revenue has no attribution (only a partner's revenue is Sourced, Influenced or Fulfilled)."
        Get-RevenueState $db | Should -Be $before
    }

    It 'is refused when it is none of the three, naming the value and listing them; the other piped rows are booked' {
        $before = Get-RevenueState $db
        @(
            [pscustomobject]@{ PartnerName = 'Acme'; Date = '2027-03-01'; Amount = '1'; Attribution = 'Resold' }
            [pscustomobject]@{ PartnerName = ''; Date = '2027-03-02'; Amount = '2'; Region = 'China'; Attribution = 'Fulfilled' }
        ) | Add-PartnerRevenue -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidRevenueValue,*' }
        $failures[0].Exception.Message | Should -BeExactly "Attribution 'Resold' is not valid: it is none of Sourced, Influenced, Fulfilled."
        $failures[1].Exception.Message | Should -BeLike "Attribution 'Fulfilled' is not valid: direct revenue has no attribution*"
        Get-RevenueState $db | Should -Be $before

        # A bad row between two good ones: the good ones are booked, each with its own attribution.
        @(
            [pscustomobject]@{ PartnerName = 'Acme'; Date = '2027-04-01'; Amount = '1'; Attribution = 'Influenced'; Reference = 'P-1' }
            [pscustomobject]@{ PartnerName = 'Acme'; Date = '2027-04-02'; Amount = '2'; Attribution = 'Partly' }
            [pscustomobject]@{ PartnerName = 'Beta'; Date = '2027-04-03'; Amount = '3'; Attribution = ''; Reference = 'P-3' }
        ) | Add-PartnerRevenue -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -BeLike "Attribution 'Partly' is not valid*"
        @(Get-PartnerRevenue -Database $db -Year 2027 | Format-Revenue) | Should -Be @('Acme|2027-04-01|1.00 EUR|Influenced|P-1', 'Beta|2027-04-03|3.00 EUR|Fulfilled|P-3')
        Get-PartnerRevenue -Database $db -Year 2027 | Remove-PartnerRevenue -Database $db -Confirm:$false
    }

    It 'selects records with -Attribution (direct revenue never matches)' {
        @(Get-PartnerRevenue -Database $db -Attribution Sourced | Format-Revenue) | Should -Be @($script:Expected[0], $script:Expected[4])
        @(Get-PartnerRevenue -Database $db -Attribution Fulfilled, Influenced -Year 2025 | Format-Revenue) | Should -Be $script:Expected[1..2]
        @(Get-PartnerRevenue -Database $db -Direct -Attribution Fulfilled) | Should -BeNullOrEmpty
        # A filter's value is bound as the other enum filters are (-Channel, Get-Partner -Tier): the binding names it.
        { Get-PartnerRevenue -Database $db -Attribution Bogus } | Should -Throw "*'Bogus' is not a valid RevenueAttribution; valid values are Sourced, Influenced, Fulfilled.*"
    }

    It 'is shown by the default view' {
        $lines = @((Get-PartnerRevenue -Database $db -Year 2025 | Out-String -Width 130) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match 'Reference\s+Attribution$'
        $lines[2] | Should -Match '^2025-01-10 Acme .* A-1\s+Sourced$'
        # Direct revenue's Attribution cell is empty (its Region wraps to a second line).
        @($lines -match 'D-1') | Should -Match '^2025-04-10 \(direct\) .* D-1\s*$'
    }
}

Describe 'Measure-PartnerRevenue by attribution' {
    BeforeAll {
        $db = New-AttributionDatabase
    }

    It 'sums each attribution, direct revenue under an empty key (1075.00 in all)' {
        # Sourced 100 + 300, Influenced 200, Fulfilled 50 + 25, direct 400; shares of 1075.
        @(Measure-PartnerRevenue -Database $db -GroupBy Attribution | Format-Measure Attribution) | Should -Be @(
            'Sourced|400.00 EUR|2|0.372093'
            'Influenced|200.00 EUR|1|0.186047'
            'Fulfilled|75.00 EUR|2|0.069767'
            '-|400.00 EUR|1|0.372093')
    }

    It 'answers how much partner revenue was partner-sourced, year by year' {
        # 2025: 350 of partner revenue (100 Sourced, 200 Influenced, 50 Fulfilled); 2026: 325 (300 Sourced, 25 Fulfilled).
        @(Measure-PartnerRevenue -Database $db -Channel Partner -GroupBy Attribution, Year | Format-Measure Attribution, Year) | Should -Be @(
            'Sourced/2025|100.00 EUR|1|0.285714'
            'Sourced/2026|300.00 EUR|1|0.923077'
            'Influenced/2025|200.00 EUR|1|0.571429'
            'Fulfilled/2025|50.00 EUR|1|0.142857'
            'Fulfilled/2026|25.00 EUR|1|0.076923')
    }

    It 'takes shares within each attribution with -ShareOf Attribution' {
        @(Measure-PartnerRevenue -Database $db -Channel Partner -GroupBy Attribution, Year -ShareOf Attribution | Format-Measure Attribution, Year) | Should -Be @(
            'Sourced/2025|100.00 EUR|1|0.250000'
            'Sourced/2026|300.00 EUR|1|0.750000'
            'Influenced/2025|200.00 EUR|1|1.000000'
            'Fulfilled/2025|50.00 EUR|1|0.666667'
            'Fulfilled/2026|25.00 EUR|1|0.333333')
    }

    It 'measures only the attributions asked for with -Attribution, and piped records by their own attribution' {
        # Sourced and Influenced: 100 + 200 in 2025, 300 in 2026; with Year the only key, shares are of the 600 measured.
        @(Measure-PartnerRevenue -Database $db -Attribution Sourced, Influenced -GroupBy Year | Format-Measure Year) | Should -Be @(
            '2025|300.00 EUR|2|0.500000', '2026|300.00 EUR|1|0.500000')
        @(Get-PartnerRevenue -Database $db | Measure-PartnerRevenue -Database $db -GroupBy Attribution | Format-Measure Attribution) |
            Should -Be @(Measure-PartnerRevenue -Database $db -GroupBy Attribution | Format-Measure Attribution)
    }

    It 'shows Attribution as a column of the measure view, empty for direct revenue' {
        $lines = @((Measure-PartnerRevenue -Database $db -GroupBy Attribution | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Attribution\s+Total\s+Share\s+Count$'
        $lines[2] | Should -Match '^Sourced\s+400\.00 EUR\s+37\.2 %\s+2$'
        $lines[5] | Should -Match '^\s+400\.00 EUR\s+37\.2 %\s+1$'
    }
}

Describe 'Attribution in files' {
    BeforeAll {
        $db = New-AttributionDatabase
        $folder = Get-TestFolder $db
    }

    It 'round-trips through Export-Csv and Import-PartnerRevenue, and through Import-Csv | Add-PartnerRevenue' {
        $csv = Join-Path $folder 'revenue.csv'
        Get-PartnerRevenue -Database $db | Export-Csv -LiteralPath $csv
        foreach ($load in { param($to) $null = Import-PartnerRevenue -Database $to -Path $csv }, { param($to) Import-Csv -LiteralPath $csv | Add-PartnerRevenue -Database $to }) {
            $copy = New-TestDatabasePath
            $null = New-PartnerDatabase -Path $copy -Currency EUR
            Add-Partner -Database $copy -Name Acme -Region 'Western Europe'
            Add-Partner -Database $copy -Name Beta -Region China
            & $load $copy
            @(Get-PartnerRevenue -Database $copy | Format-Revenue) | Should -Be $script:Expected
        }
    }

    It 'round-trips through ConvertTo-Json (which writes an attribution as its number) into Import-PartnerRevenue and ConvertFrom-Json | Add-PartnerRevenue' {
        $json = Join-Path $folder 'revenue.json'
        Get-PartnerRevenue -Database $db | ConvertTo-Json | Set-Content -LiteralPath $json
        (Get-Content -LiteralPath $json -Raw) | Should -Match '"Attribution": 0\b'
        foreach ($load in { param($to) $null = Import-PartnerRevenue -Database $to -Path $json }, { param($to) Get-Content -LiteralPath $json -Raw | ConvertFrom-Json | Add-PartnerRevenue -Database $to }) {
            $copy = New-TestDatabasePath
            $null = New-PartnerDatabase -Path $copy -Currency EUR
            Add-Partner -Database $copy -Name Acme -Region 'Western Europe'
            Add-Partner -Database $copy -Name Beta -Region China
            & $load $copy
            @(Get-PartnerRevenue -Database $copy | Format-Revenue) | Should -Be $script:Expected
        }
    }

    It 'is read from the Attribution column of Import-PartnerRevenue (any case; empty: the default); bad rows fail naming line and value' {
        $csv = Join-Path $folder 'attribution.csv'
        Set-Content -LiteralPath $csv -Encoding utf8NoBOM -Value @(
            'PartnerName,Date,Amount,Region,Reference,ATTRIBUTION'
            'Acme,2028-01-01,1,,I-1,influenced'
            'Beta,2028-01-02,2,,I-2,'
            ',2028-01-03,3,China,I-3,'
            ',2028-01-04,4,China,I-4,Sourced'
            'Acme,2028-01-05,5,,I-5,Resold')
        $before = Get-RevenueState $db
        $result = Import-PartnerRevenue -Database $db -Path $csv -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 3
        $result.Failed | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*' }
        $failures[0].Exception.Message | Should -BeExactly "Line 5, column Attribution: 'Sourced' is not valid: direct revenue has no attribution (only a partner's revenue is Sourced, Influenced or Fulfilled)."
        $failures[1].Exception.Message | Should -BeExactly "Line 6, column Attribution: 'Resold' is not valid: it is none of Sourced, Influenced, Fulfilled."
        @(Get-PartnerRevenue -Database $db -Year 2028 | Format-Revenue) | Should -Be @(
            'Acme|2028-01-01|1.00 EUR|Influenced|I-1', 'Beta|2028-01-02|2.00 EUR|Fulfilled|I-2', '(direct)|2028-01-03|3.00 EUR|-|I-3')
        (Get-RevenueState $db) -split "`n" | Where-Object { $_ -notlike '*|2028-*' -and $_ -notlike 'history:*' } |
            Should -Be (($before -split "`n") | Where-Object { $_ -notlike 'history:*' })
    }

    It 'is changed by -Mode Upsert, with an Update entry; a row that changes nothing is skipped' {
        $csv = Join-Path $folder 'upsert.csv'
        Set-Content -LiteralPath $csv -Encoding utf8NoBOM -Value @(
            'PartnerName,Date,Amount,Reference,Attribution'
            'Acme,2028-01-01,1,I-1,Sourced'
            'Beta,2028-01-02,2,I-2,Fulfilled')
        $result = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        $result.Updated | Should -Be 1
        $result.Skipped | Should -Be 1
        @(Get-PartnerRevenue -Database $db -Year 2028 -Partner Acme | Format-Revenue) | Should -Be 'Acme|2028-01-01|1.00 EUR|Sourced|I-1'
        $entry = Get-PartnerHistory -Database $db -Entity Revenue -Operation Update -First 1
        @($entry.Changes | ForEach-Object { "$($_.Property): $($_.Old) -> $($_.New)" }) | Should -Be 'Attribution: Influenced -> Sourced'
    }

    It 'is kept by -Mode Upsert when the Attribution column is absent or its cell empty; a given one replaces it; a new record is Fulfilled' {
        # Issue 19: a routine re-import must not turn a won deal's Sourced revenue into Fulfilled.
        $absent = Join-Path $folder 'upsert-absent.csv'
        Set-Content -LiteralPath $absent -Encoding utf8NoBOM -Value @(
            'PartnerName,Date,Amount,Reference'
            'Acme,2025-01-10,130,A-1')
        $result = Import-PartnerRevenue -Database $db -Path $absent -Mode Upsert
        $result.Updated | Should -Be 1
        $empty = Join-Path $folder 'upsert-empty.csv'
        Set-Content -LiteralPath $empty -Encoding utf8NoBOM -Value @(
            'PartnerName,Date,Amount,Reference,Attribution'
            'Beta,2026-01-10,310,B-2,'
            'Acme,2025-02-10,50,A-2,Influenced'
            'Acme,2029-01-01,7,N-1,'
            'Acme,2029-01-02,8,N-2,sourced'
            'Acme,2029-01-02,9,N-2,')
        $null = Import-PartnerRevenue -Database $db -Path $empty -Mode Upsert
        @(Get-PartnerRevenue -Database $db | Where-Object Reference -in A-1, A-2, B-2, N-1, N-2 | Format-Revenue) | Should -Be @(
            'Acme|2025-01-10|130.00 EUR|Sourced|A-1'
            'Acme|2025-02-10|50.00 EUR|Influenced|A-2'
            'Beta|2026-01-10|310.00 EUR|Sourced|B-2'
            'Acme|2029-01-01|7.00 EUR|Fulfilled|N-1'
            'Acme|2029-01-02|9.00 EUR|Sourced|N-2')
        $entry = Get-PartnerHistory -Database $db -Entity Revenue -Operation Update | Where-Object { $_.Changes.Property -contains 'Amount' } | Select-Object -First 1
        @($entry.Changes.Property) | Should -Not -Contain 'Attribution'
    }
}
