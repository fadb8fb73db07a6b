# Issue 6, bad input: malformed CSV and JSON files for Import-Partner and Import-PartnerRevenue.
# The setup is BadInput.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'BadInput.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Malformed CSV for Import-Partner' {
    It '<Case>: ImportRowInvalid for line <Line>, naming <Shown>; the good rows are stored' -ForEach @(
        @{ Case = 'a quote inside an unquoted field'; Text = "Name,Country`nGood A,DE`nBro`"ken,DE`nGood B,GB`n"; Line = 3; Shown = 'quote'; Good = @('Good A', 'Good B') }
        @{ Case = 'text after a closing quote'; Text = "Name,Country`nGood A,DE`n`"Bro`"ken,DE`nGood B,GB`n"; Line = 3; Shown = 'closing quote'; Good = @('Good A', 'Good B') }
        @{ Case = 'a quote never closed'; Text = "Name,Country`nGood A,DE`n`"Broken,DE`nGood B,GB`n"; Line = 3; Shown = 'not closed'; Good = @('Good A') }
        @{ Case = 'a row with too few cells'; Text = "Name,Country,Notes`nGood A,DE,x`nShort`nGood B,GB,y`n"; Line = 3; Shown = '1 cell(s) where the header has 3'; Good = @('Good A', 'Good B') }
        @{ Case = 'a row with too many cells'; Text = "Name,Country`nGood A,DE`nLong,DE,Köln,extra`nGood B,GB`n"; Line = 3; Shown = "'Köln'"; Good = @('Good A', 'Good B') }
        @{ Case = 'a NUL in a field'; Text = "Name,Country`nGood A,DE`nN`0ul,DE`nGood B,GB`n"; Line = 3; Shown = "'N``u{0}ul'"; Good = @('Good A', 'Good B') }
        @{ Case = 'a control character in a field'; Text = "Name,Country`nGood A,DE`nEsc`e[2J,DE`nGood B,GB`n"; Line = 3; Shown = "'Esc``u{1B}[2J'"; Good = @('Good A', 'Good B') }
        @{ Case = 'a 10,000-character name'; Text = "Name,Country`nGood A,DE`n$('L' * 10000),DE`nGood B,GB`n"; Line = 3; Shown = "'$(('L' * 40) + '… (10,000 characters)')'"; Good = @('Good A', 'Good B') }
        @{ Case = 'an empty name'; Text = "Name,Country`nGood A,DE`n  ,DE`nGood B,GB`n"; Line = 3; Shown = 'cannot be empty'; Good = @('Good A', 'Good B') }
        @{ Case = 'an invalid enum value'; Text = "Name,Tier`nGood A,Gold`nBad,Diamond`nGood B,`n"; Line = 3; Shown = "'Diamond'"; Good = @('Good A', 'Good B') }
        @{ Case = 'an unknown country'; Text = "Name,Country`nGood A,DE`nBad,EU`nGood B,GB`n"; Line = 3; Shown = "'EU'"; Good = @('Good A', 'Good B') }
        @{ Case = 'JoinedOn 0001-01-01'; Text = "Name,JoinedOn`nGood A,2014-01-01`nBad,0001-01-01`nGood B,`n"; Line = 3; Shown = "'0001-01-01'"; Good = @('Good A', 'Good B') }
        @{ Case = 'JoinedOn 9999-12-31'; Text = "Name,JoinedOn`nGood A,2014-01-01`nBad,9999-12-31`nGood B,`n"; Line = 3; Shown = "'9999-12-31'"; Good = @('Good A', 'Good B') }
        @{ Case = 'JoinedOn 10000-01-01'; Text = "Name,JoinedOn`nGood A,2014-01-01`nBad,10000-01-01`nGood B,`n"; Line = 3; Shown = "'10000-01-01'"; Good = @('Good A', 'Good B') }
        @{ Case = 'JoinedOn 2015-02-30'; Text = "Name,JoinedOn`nGood A,2014-01-01`nBad,2015-02-30`nGood B,`n"; Line = 3; Shown = "'2015-02-30'"; Good = @('Good A', 'Good B') }
        @{ Case = 'a name repeated in other case'; Text = "Name`nGood A`nGOOD a`nGood B`n"; Line = 3; Shown = "'GOOD a'"; Good = @('Good A', 'Good B') }
        @{ Case = 'a name repeated with spaces around it'; Text = "Name`nGood A`n`"  Good A  `"`nGood B`n"; Line = 3; Shown = "'Good A'"; Good = @('Good A', 'Good B') }
        @{ Case = "SQL in a field"; Text = "Name,Country`nGood A,DE`nBad,`"'; DROP TABLE partners; --`"`nGood B,GB`n"; Line = 3; Shown = "''; DROP TABLE partners; --'"; Good = @('Good A', 'Good B') }
    ) {
        $db = New-TestDatabase
        $csv = New-InputFile 'in.csv' -Text $Text
        $failed = Join-Path (Split-Path $csv) 'failed.csv'
        $result = Import-Partner $csv -Database $db -FailedRowPath $failed -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line $Line,*$([WildcardPattern]::Escape($Shown))*"
        $err[0].Exception.Message.Length | Should -BeLessThan 400
        $err[0].TargetObject.Line | Should -Be $Line
        $result.Failed | Should -Be 1
        @(Get-Partner -Database $db).Name | Should -BeExactly $Good
        $rows = @(Import-Csv $failed)
        $rows.Count | Should -Be 1
        $rows[0].Line | Should -Be $Line
        $rows[0].Reason | Should -Not -BeNullOrEmpty
    }

    # A header without the needed columns is ImportHeaderInvalid (cmdlets.md, wave 2); a file that is not text is ImportFileInvalid.
    It '<Case>: one terminating <Id> naming <Shown>, and nothing is written' -ForEach @(
        @{ Case = 'a semicolon file read with the default comma'; Bytes = [Text.Encoding]::UTF8.GetBytes("Name;Country`nGood A;DE`nGood B;GB`n"); Shown = "-Delimiter ';'"; Id = 'ImportHeaderInvalid' }
        @{ Case = 'a file of other columns'; Bytes = [Text.Encoding]::UTF8.GetBytes("Company,Land`nGood A,DE`n"); Shown = 'no Name (or PartnerName) column'; Id = 'ImportHeaderInvalid' }
        @{ Case = 'binary garbage'; Bytes = [byte[]](0..255) * 4; Shown = 'NUL characters'; Id = 'ImportFileInvalid' }
        @{ Case = 'UTF-16 without a byte-order mark'; Bytes = [Text.Encoding]::Unicode.GetBytes("Name,Country`nGood A,DE`n"); Shown = '-Encoding unicode'; Id = 'ImportFileInvalid' }
    ) {
        $db = New-TestDatabasePath
        $file = New-InputFile 'in.csv' -Bytes $Bytes
        $errors = Get-CommandErrors { Import-Partner $file -Database $db }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        $errors[0].Exception.Message | Should -Not -Match '[\x00-\x08\x0B\x0C\x0E-\x1F]' -Because 'the message shows no raw control characters'
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'reads <Case>' -ForEach @(
        @{ Case = 'UTF-16 LE with a byte-order mark'; Bytes = [Text.Encoding]::Unicode.GetPreamble() + [Text.Encoding]::Unicode.GetBytes("Name,Notes`nÄrzte 🚀,مرحبا`n"); Encoding = $null }
        @{ Case = 'UTF-16 BE with a byte-order mark'; Bytes = [Text.Encoding]::BigEndianUnicode.GetPreamble() + [Text.Encoding]::BigEndianUnicode.GetBytes("Name,Notes`nÄrzte 🚀,مرحبا`n"); Encoding = $null }
        @{ Case = 'UTF-16 without a byte-order mark, given -Encoding unicode'; Bytes = [Text.Encoding]::Unicode.GetBytes("Name,Notes`nÄrzte 🚀,مرحبا`n"); Encoding = 'unicode' }
        @{ Case = 'a semicolon file given -Delimiter'; Bytes = [Text.Encoding]::UTF8.GetBytes("Name;Notes`nÄrzte 🚀;مرحبا`n"); Delimiter = ';' }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'in.csv' -Bytes $Bytes
        $options = @{}
        if ($Encoding) { $options.Encoding = $Encoding }
        if ($Delimiter) { $options.Delimiter = $Delimiter }
        $result = Import-Partner $file -Database $db @options
        $result.Inserted, $result.Failed | Should -Be @(1, 0)
        $p = Get-Partner -Database $db
        $p.Name | Should -BeExactly 'Ärzte 🚀'
        $p.Notes | Should -BeExactly 'مرحبا'
    }

    It 'rejects a row whose bytes are not UTF-8 rather than storing replacement characters' {
        $db = New-TestDatabase
        $bytes = [Text.Encoding]::UTF8.GetBytes("Name`nGood A`n") + [byte[]](0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A) + [Text.Encoding]::UTF8.GetBytes("Good B`n")
        $file = New-InputFile 'latin1.csv' -Bytes $bytes
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 3,*encoding*"
        $result.Inserted | Should -Be 2
        (Get-Partner -Database $db).Name | Should -BeExactly @('Good A', 'Good B')
    }
}

Describe 'Malformed JSON for Import-Partner' {
    It '<Case>: ImportRowInvalid naming <Shown>; the good objects are stored' -ForEach @(
        @{ Case = 'a list of two names'; Json = '[{"Name":"Good A"},{"Name":["x","y"]},{"Name":"Good B"}]'; Shown = 'property ''Name'' holds 2 values (["x","y"])' }
        @{ Case = 'a null name'; Json = '[{"Name":"Good A"},{"Name":null},{"Name":"Good B"}]'; Shown = 'cannot be empty' }
        @{ Case = 'an invalid enum value'; Json = '[{"Name":"Good A"},{"Name":"Bad","Type":"Foo"},{"Name":"Good B"}]'; Shown = "'Foo'" }
        @{ Case = 'a control character'; Json = '[{"Name":"Good A"},{"Name":"Bad\u0007"},{"Name":"Good B"}]'; Shown = "'Bad``u{7}'" }
        @{ Case = 'an impossible date'; Json = '[{"Name":"Good A"},{"Name":"Bad","JoinedOn":"2015-02-30"},{"Name":"Good B"}]'; Shown = "'2015-02-30'" }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'in.json' -Text $Json
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        $result.Inserted | Should -Be 2
        (Get-Partner -Database $db).Name | Should -BeExactly @('Good A', 'Good B')
    }

    It '<Case> is one terminating ImportFileInvalid and stores nothing' -ForEach @(
        @{ Case = 'broken JSON'; Bytes = [Text.Encoding]::UTF8.GetBytes('[{"Name":"Good A"},{"Name":"Good B"') }
        @{ Case = 'binary garbage'; Bytes = [byte[]](0..255) }
    ) {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $before = Get-DatabaseState -Database $db
        $file = New-InputFile 'in.json' -Bytes $Bytes
        $errors = Get-CommandErrors { Import-Partner $file -Database $db }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ImportFileInvalid,*'
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($file))*"
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 0
        Get-DatabaseState -Database $db | Should -BeExactly $before
    }
}

Describe 'Malformed CSV for Import-PartnerRevenue' {
    BeforeAll {
        $db = New-SeededDatabase
    }

    It '<Case>: ImportRowInvalid for line 3, naming <Shown>; the good rows are stored' -ForEach @(
        @{ Case = 'an amount that is not a number'; Row = 'Acme,2015-05-01,12abc,,,,'; Shown = "'12abc'" }
        @{ Case = 'an absurd amount'; Row = 'Acme,2015-05-01,-100000000000000000000,,,,'; Shown = '-100000000000000000000' }
        @{ Case = 'a fraction of a yen'; Row = 'Acme,2015-05-01,10.5,JPY,,,'; Shown = '10.5 JPY' }
        @{ Case = 'an unknown currency'; Row = 'Acme,2015-05-01,1,US$,,,'; Shown = "'US$'" }
        @{ Case = 'a date out of range'; Row = 'Acme,1899-12-31,1,,,,'; Shown = "'1899-12-31'" }
        @{ Case = 'an impossible date'; Row = 'Acme,2015-13-01,1,,,,'; Shown = "'2015-13-01'" }
        @{ Case = 'an unknown partner'; Row = "`"Acme'; --`",2015-05-01,1,,,,"; Shown = "'Acme'; --'" }
        @{ Case = 'direct revenue without a region'; Row = ',2015-05-01,1,,,,'; Shown = 'needs a region' }
        @{ Case = 'a 10,000-character segment'; Row = "Acme,2015-05-01,1,,$('S' * 10000),,"; Shown = "'$(('S' * 40) + '… (10,000 characters)')'" }
        @{ Case = 'a control character in the region'; Row = "Acme,2015-05-01,1,,,`"We`bst`","; Shown = "'We``u{8}st'" }
        @{ Case = 'a ragged row'; Row = 'Acme,2015-05-01'; Shown = 'cell(s)' }
    ) {
        $before = (Get-PartnerDatabase -Database $db).RevenueCount
        $csv = New-InputFile 'revenue.csv' -Text (@(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            "Acme,2015-05-01,1.50,,,,OK-$([guid]::NewGuid())"
            $Row
            "Other,2015-05-02,2.50,,,,OK-$([guid]::NewGuid())"
        ) -join "`n")
        $result = Import-PartnerRevenue $csv -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 3,*$([WildcardPattern]::Escape($Shown))*"
        $err[0].Exception.Message.Length | Should -BeLessThan 400
        $result.Inserted, $result.Failed | Should -Be @(2, 1)
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be ($before + 2)
    }

    It 'names the missing columns of a semicolon file read with the default comma, and writes nothing' {
        $before = Get-DatabaseState $db
        $csv = New-InputFile 'semicolon.csv' -Text "PartnerName;Date;Amount`nAcme;2015-05-01;1`n"
        $errors = Get-CommandErrors { Import-PartnerRevenue $csv -Database $db }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ImportHeaderInvalid,*'
        $errors[0].Exception.Message | Should -BeLike "*no PartnerName, Date, Amount column*-Delimiter ';'*"
        Get-DatabaseState $db | Should -BeExactly $before
    }
}
