# JSON lists and objects, lookup names and aliases as the import and the failed-row file read them.
# The setup is CsvHeaders.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'CsvHeaders.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'JSON lists and objects, lookup names and aliases in the failed-row file are read as the pipeline reads them (issue 12, fix 5)' {
    It 'a one-element list in a known property is its element, on the import and the pipeline path alike' {
        # Country ["CN"] -> CN, Region ["NE"] -> NE, Notes [42] -> 42 (a JSON number, its text); address and tags are unknown
        # properties and are ignored whatever they hold (named in the warning).
        $json = '[{"Name":"Alpha","Country":["CN"],"Region":["NE"],"Notes":[42],"address":{"city":"Hamburg"},"tags":["cloud","b2b"]}]'
        $file = New-InputFile 'p.json' -Text $json
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db   # an existing database: creating one would add its own warning
        $result = Import-Partner $file -Database $db -WarningVariable warnings -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 0
        $result.Inserted, $result.Failed | Should -Be @(1, 0)
        Get-PartnerLines $db | Should -Be @('Alpha|CN|NE|42')
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "*not know*'address', 'tags'*"
        # The pipeline stores the same values from the same objects.
        $db2 = New-TestDatabase
        $json.Replace('"address":{"city":"Hamburg"},"tags":["cloud","b2b"]', '"Type":"Reseller"') | ConvertFrom-Json | Add-Partner -Database $db2 | Out-Null
        Get-PartnerLines $db2 | Should -Be @('Alpha|CN|NE|42')
    }

    It 'a one-element list in a revenue file''s Currency, Reference, Amount and PartnerName is its element' {
        $db = New-TestDatabase
        Add-Partner -Name 'Kestrel Data Ltd' -Database $db | Out-Null
        $file = New-InputFile 'r.json' -Text '[{"PartnerName":["Kestrel Data Ltd"],"Date":["2024-01-02"],"Amount":[12.5],"Currency":["EUR"],"Reference":["PO-1"],"meta":{"a":[1]}}]'
        $result = Import-PartnerRevenue $file -Database $db -WarningAction SilentlyContinue
        $result.Inserted | Should -Be 1
        $r = Get-PartnerRevenue -Database $db
        # 12.5 EUR is 12.50; reference PO-1; the partner found by its name.
        $r.PartnerName, $r.Amount, $r.Currency, $r.Reference | Should -Be @('Kestrel Data Ltd', 12.50, 'EUR', 'PO-1')
    }

    It '<Case> in a known property fails the row with ImportRowInvalid naming the property and showing <Shown>' -ForEach @(
        @{ Case = 'two values'; Value = '["EUR","USD"]'; Shown = 'holds 2 values (["EUR","USD"])' }
        @{ Case = 'an empty list'; Value = '[]'; Shown = 'holds an empty list ([])' }
        @{ Case = 'an object'; Value = '{"code":"EUR"}'; Shown = 'holds a JSON object ({"code":"EUR"})' }
        @{ Case = 'a list of null'; Value = '[null]'; Shown = 'holds a list holding only null ([null])' }
        @{ Case = 'a list of one list of two values'; Value = '[["EUR","USD"]]'; Shown = 'holds 2 values ([["EUR","USD"]])' }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'r.json' -Text ('[{"PartnerName":"","Region":"NE","Date":"2024-01-02","Amount":1,"Currency":' + $Value + '},{"PartnerName":"","Region":"NE","Date":"2024-01-03","Amount":2,"Currency":"EUR"}]')
        $result = Import-PartnerRevenue $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 1)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "*property 'Currency' $([WildcardPattern]::Escape($Shown))*"
        # The pipeline refuses the same value for Currency (SingleValue): the refused row stores nothing there either.
        (Get-PartnerRevenue -Database $db).Amount | Should -Be @(2.00)
    }

    It 'an array item that is not an object is shown in its reason' {
        $file = New-InputFile 'p.json' -Text '[["x",1],7,{"Name":"Good"}]'
        $db = New-TestDatabase
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 2)
        $err[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape('the array item is not a JSON object (["x",1])'))*"
        $err[1].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape('the array item is not a JSON object (7)'))*"
    }

    It 'a rejected JSON row is written as it was read: a one-element list as its element, anything else as its JSON text' {
        # Row 1 fails on Country (two values); its Region ["NE"] is written as NE, its Country as ["DE","FR"].
        # Row 2 fails on Name (empty); its Country ["CN"] is written as CN, not left empty.
        $file = New-InputFile 'p.json' -Text '[{"Name":"Alpha","Region":["NE"],"Country":["DE","FR"]},{"Name":"","Country":["CN"]},{"Name":"Beta","Country":"DE"}]'
        $failed = Join-Path (Split-Path $file) 'rejected.csv'
        $db = New-TestDatabase
        $result = Import-Partner $file -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 2)
        $rows = @(Import-Csv $failed)
        $rows.Count | Should -Be 2
        $rows[0].Name, $rows[0].Country, $rows[0].Region | Should -Be @('Alpha', '["DE","FR"]', 'NE')
        $rows[1].Name, $rows[1].Country | Should -Be @('', 'CN')
        # Re-imported as it is, both fail again visibly, the first showing the value.
        $again = Import-Partner $failed -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $again.Failed | Should -Be 2
        $err[0].Exception.Message | Should -BeExactly 'Line 2, column Country: ''["DE","FR"]'' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).'
        # Fixed in the file, they store the values they were read with.
        (Get-Content $failed -Raw).Replace('"[""DE"",""FR""]"', 'FR').Replace(',,,,,CN,', 'Gamma,,,,,CN,') | Set-Content $failed
        $fixed = Import-Partner $failed -Database $db
        $fixed.Inserted | Should -Be 2
        Get-PartnerLines $db | Should -Be @('Alpha|FR|NE|', 'Beta|DE||', 'Gamma|CN||')
    }

    It 'a lookup name with <Case> finds the partner on the import and the pipeline path' -ForEach @(
        @{ Case = 'U+200B ZERO WIDTH SPACE'; Char = [char]0x200B }
        @{ Case = 'U+00AD SOFT HYPHEN'; Char = [char]0x00AD }
        @{ Case = 'U+2060 WORD JOINER'; Char = [char]0x2060 }
        @{ Case = 'U+FEFF'; Char = [char]0xFEFF }
    ) {
        $db = New-TestDatabase
        Add-Partner -Name 'Kestrel Data Ltd' -Database $db | Out-Null
        $name = "Kestrel Da$($Char)ta Ltd"
        $file = New-InputFile 'r.csv' -Text "PartnerName,Date,Amount,Currency`n$name,2024-01-02,10.50,EUR`n"
        $result = Import-PartnerRevenue $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 0
        $result.Inserted | Should -Be 1
        Import-Csv $file | Add-PartnerRevenue -Database $db | Out-Null
        # Both rows are booked on the one partner, named as stored.
        $rows = @(Get-PartnerRevenue -Database $db)
        $rows.Count | Should -Be 2
        $rows.PartnerName | Should -Be @('Kestrel Data Ltd', 'Kestrel Data Ltd')
        # A name being stored (a new partner, or the Name of an Upsert/Skip row, which is written) still refuses it.
        $pfile = New-InputFile 'p.csv' -Text "Name,Country`n$name,DE`n"
        foreach ($mode in 'Insert', 'Upsert', 'Skip') {
            $presult = Import-Partner $pfile -Database $db -Mode $mode -ErrorVariable perr -ErrorAction SilentlyContinue
            $presult.Failed | Should -Be 1
            $perr[0].Exception.Message | Should -BeLike '*invisible character*'
        }
    }

    It 'a shared failed-row file writes <First> and <Second> in one column, the first file''s, and imports again as it is' -ForEach @(
        @{ First = 'Name'; Second = 'PartnerName' }
        @{ First = 'PartnerName'; Second = 'Name' }
        @{ First = 'name'; Second = ' PARTNERNAME ' }
    ) {
        $folder = New-TestFolder
        $a = Join-Path $folder 'a.csv'; $b = Join-Path $folder 'b.csv'
        [IO.File]::WriteAllText($a, "$First,Country`nBad A,XX`n")
        [IO.File]::WriteAllText($b, "$Second,Country`nBad B,YY`n")
        $failed = Join-Path $folder 'rejected.csv'
        $db = New-TestDatabase
        $null = Import-Partner $a, $b -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        (Get-Content $failed)[0] | Should -BeExactly "$First,Country,Line,Reason,File"
        $rows = @(Import-Csv $failed)
        $rows.Country | Should -Be @('XX', 'YY')
        $rows.($First.Trim()) | Should -Be @('Bad A', 'Bad B')
        # Re-imported as it is: both rows are read and fail again on Country, no ImportHeaderInvalid.
        $again = Import-Partner $failed -Database $db -ErrorAction SilentlyContinue
        $again.Read, $again.Failed | Should -Be @(2, 2)
    }

    It 'a shared failed-row file over revenue files whose PartnerName is spelt differently keeps one column' {
        $folder = New-TestFolder
        $a = Join-Path $folder 'a.csv'; $b = Join-Path $folder 'b.csv'
        [IO.File]::WriteAllText($a, "PartnerName,Date,Amount,Currency`nNobody A,2024-01-02,1.00,EUR`n")
        [IO.File]::WriteAllText($b, "partnername,Date,Amount,Currency`nNobody B,2024-01-03,2.00,EUR`n")
        $failed = Join-Path $folder 'rejected.csv'
        $db = New-TestDatabase
        $null = Import-PartnerRevenue $a, $b -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        (Get-Content $failed)[0] | Should -BeExactly 'PartnerName,Date,Amount,Currency,Line,Reason,File'
        (Import-Csv $failed).PartnerName | Should -Be @('Nobody A', 'Nobody B')
        $again = Import-PartnerRevenue $failed -Database $db -ErrorAction SilentlyContinue
        $again.Read, $again.Failed | Should -Be @(2, 2)
    }
}

Describe 'A JSON list of one list reads as the pipeline reads it' {
    BeforeAll {
        $folder = New-TestFolder
    }

    It 'stores [["DE"]] as DE and [["x"]] as x on both paths, and refuses <Value> on both, naming <What>' -ForEach @(
        @{ Value = '[[]]'; What = 'an empty list' }
        @{ Value = '[["DE","FR"]]'; What = '2 values' }
        @{ Value = '[[{"a":1}]]'; What = 'object' }
    ) {
        $json = Join-Path $folder "nested-$([guid]::NewGuid()).json"
        Set-Content -LiteralPath $json -Value ('[{"Name":"Nested One","Country":[["DE"]],"Notes":[["x"]]},{"Name":"Nested Two","Country":' + $Value + '}]')
        $imported = New-TestDatabase
        $result = Import-Partner -LiteralPath $json -Database $imported -ErrorVariable importErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $result.Inserted | Should -Be 1
        $result.Failed | Should -Be 1
        $importErrors[0].Exception.Message | Should -BeLike "*property 'Country' holds*$What*"

        $piped = New-TestDatabase
        Get-Content -Raw -LiteralPath $json | ConvertFrom-Json | Add-Partner -Database $piped -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
        $pipeErrors.Count | Should -Be 1
        $pipeErrors[0].Exception.Message | Should -BeLike "*$What*"

        foreach ($db in $imported, $piped) {
            $stored = @(Get-Partner -Database $db)
            '{0}|{1}|{2}' -f $stored[0].Name, $stored[0].Country, $stored[0].Notes | Should -BeExactly 'Nested One|DE|x'
        }
    }
}
