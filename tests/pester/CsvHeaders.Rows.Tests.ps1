# CSV rows and failed-row files: blank rows, -FailedRowPath over several files, delimiters the reader cannot
# take, two columns for one field, a failed-row file that starts with sep=. The setup is CsvHeaders.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'CsvHeaders.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Rows whose cells are all empty are skipped and counted as Blank' {
    It 'skips <Case> and counts them; -Atomic keeps the file' -ForEach @(
        @{ Case = 'Excel''s ,,, rows'; Delimiter = ','; Lines = @('Name,Country,Region,Notes', 'Acme,DE,NE,', ',,,', 'Beta,FR,,', ',,,'); Blank = 2 }
        @{ Case = 'cells of spaces and tabs, quoted empty cells and short rows'; Delimiter = ','; Lines = @('Name,Country,Region,Notes', '  ,  , ,', "`t,`"`",`"`",", 'Acme,DE,NE,', ',', '', 'Beta,FR,,', '   '); Blank = 4 } # the line of 3 spaces counts (it did not before the second review); the empty line does not
        @{ Case = ';;; with a semicolon'; Delimiter = ';'; Lines = @('Name;Country;Region;Notes', ';;;', 'Acme;DE;NE;', ';;;;;', 'Beta;FR;;'); Blank = 2 }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'blank.csv' -Text (($Lines -join "`r`n") + "`r`n")
        $result = Import-Partner $file -Database $db -Delimiter $Delimiter -Atomic
        $result.Read, $result.Inserted, $result.Failed, $result.Blank, $result.RolledBack | Should -Be @(2, 2, 0, $Blank, $false)
        Get-PartnerLines $db | Should -Be @('Acme|DE|NE|', 'Beta|FR||')
    }

    It 'does not take a row with a quote in a cell for blank' {
        # """" is a quoted cell holding one quote: the row has a value, and fails for its empty Name.
        $db = New-TestDatabase
        $file = New-InputFile 'quote.csv' -Text "Name,Notes`nAcme,`n,`"`"`"`"`n"
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Read, $result.Inserted, $result.Failed, $result.Blank | Should -Be @(2, 1, 1, 0)
        $err[0].Exception.Message | Should -BeLike 'Line 3, column Name:*'
    }

    It 'counts blank rows of a revenue file too' {
        $db = New-TestDatabase
        $file = New-InputFile 'blank.csv' -Text "PartnerName,Date,Amount,Currency,Segment,Region,Reference`n,2015-01-01,1.50,EUR,,NE,R1`n,,,,,,`n"
        $result = Import-PartnerRevenue $file -Database $db -Atomic
        $result.Read, $result.Inserted, $result.Blank | Should -Be @(1, 1, 1)
    }

    It 'shows Blank in the table view' {
        $file = New-InputFile 'b.csv' -Text "Name`nAcme`n,`n"
        $table = Import-Partner $file -Database (New-TestDatabase) | Format-Table | Out-String -Width 80
        $table | Should -Match 'Blank'
        $table | Should -Match 'b\.csv +1 +1 +0 +0 +0 +1 +00:00:'
    }
}

Describe '-FailedRowPath over several files keeps every file''s rejected rows' {
    BeforeAll {
        $folder = New-TestFolder
        [IO.File]::WriteAllText((Join-Path $folder 'a.csv'), "Name,Country`nA good,DE`nA bad,XX`nA worse,YY`n")
        [IO.File]::WriteAllText((Join-Path $folder 'b.csv'), "Name,Country,Notes`nB bad,ZZ,note b`nB good,FR,`n")
        [IO.File]::WriteAllText((Join-Path $folder 'c.csv'), "country,name,Shoe`nQQ,C bad,44`nGB,C good,45`n,,`n")
        $a = Join-Path $folder 'a.csv'; $b = Join-Path $folder 'b.csv'; $c = Join-Path $folder 'c.csv'
        function Reason($code) { "column Country: '$code' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo)." }
        # By hand: the first file's columns, then Notes (b.csv) and Shoe (c.csv) added; Line, Reason, File at the end.
        $expected = @(
            "Name,Country,Notes,Shoe,Line,Reason,File"
            "A bad,XX,,,3,`"$(Reason XX)`",$a"
            "A worse,YY,,,4,`"$(Reason YY)`",$a"
            "B bad,ZZ,note b,,2,`"$(Reason ZZ)`",$b"
            "C bad,QQ,,44,2,`"$(Reason QQ)`",$c"
        )
    }

    It 'by a wildcard' {
        $db = New-TestDatabase
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $results = Import-Partner (Join-Path $folder '*.csv') -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $results.Failed | Should -Be @(2, 1, 1)
        Get-Content $failed | Should -Be $expected
    }

    It 'by piped files' {
        $db = New-TestDatabasePath
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $null = Get-ChildItem $folder -Filter *.csv | Sort-Object Name | Import-Partner -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        Get-Content $failed | Should -Be $expected
    }

    It 'and imports again once fixed, with no warning for Line, Reason and File' {
        $db = New-TestDatabase
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $null = Import-Partner (Join-Path $folder '*.csv') -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $fixed = Import-Csv $failed | ForEach-Object { $_.Country = 'DE'; $_ }
        $fixed | Export-Csv $failed
        $result = Import-Partner $failed -Database $db -WarningVariable warnings
        $result.Inserted | Should -Be 4
        # Shoe is the one unknown column, and it came from c.csv.
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike "*not imported: 'Shoe'.*"
        # 3 good rows of the files, then the 4 fixed ones
        (Get-Partner -Database $db).Count | Should -Be 7
    }

    It 'with JSON and CSV files together' {
        $mixed = New-TestFolder
        [IO.File]::WriteAllText((Join-Path $mixed '1.json'), '[{"Name":"J bad","Country":"XX"},{"Name":"J good"}]')
        [IO.File]::WriteAllText((Join-Path $mixed '2.csv'), "Name,Country`nK bad,YY`n")
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $null = Import-Partner (Join-Path $mixed '*') -Database (New-TestDatabase) -FailedRowPath $failed -ErrorAction SilentlyContinue
        $rows = Import-Csv $failed
        $rows.Name | Should -Be @('J bad', 'K bad')
        $rows.File | Should -Be @((Join-Path $mixed '1.json'), (Join-Path $mixed '2.csv'))
        $rows.Line | Should -Be @('1', '2')
    }

    It 'refuses a wildcard that matches the failed-row file before importing any file, leaving that file as it was' {
        $own = New-TestFolder
        [IO.File]::WriteAllText((Join-Path $own 'a.csv'), "Name,Country`nA good,DE`nA bad,XX`n")
        $failed = Join-Path $own 'rejected.csv'
        [IO.File]::WriteAllText($failed, "Name,Country,Line,Reason`nOld,XX,2,old`n")
        $db = New-TestDatabasePath
        { Import-Partner (Join-Path $own '*.csv') -Database $db -FailedRowPath $failed } | Should -Throw -ErrorId 'FailedRowPathIsImportFile,*' -ExpectedMessage '*one of the files being imported*Nothing was imported.'
        Test-TestDatabase $db | Should -BeFalse
        Get-Content $failed | Should -Be @('Name,Country,Line,Reason', 'Old,XX,2,old')
    }

    It 'keeps one file''s failed-row file as before: no File column' {
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $null = Import-Partner $a -Database (New-TestDatabase) -FailedRowPath $failed -ErrorAction SilentlyContinue
        (Get-Content $failed)[0] | Should -BeExactly 'Name,Country,Line,Reason'
    }
}

Describe 'A delimiter the reader cannot take is one clear error (fault 4)' {
    It '-Delimiter <Shown>: ImportFileInvalid naming it and the Import-Csv way; nothing written' -ForEach @(
        @{ Shown = 'U+061B'; Delimiter = [char]0x061B }, @{ Shown = 'section sign'; Delimiter = [char]0xA7 }, @{ Shown = 'quote'; Delimiter = [char]'"' }
    ) {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'Kept' }
        $file = New-InputFile 'x.csv' -Text "Name$($Delimiter)Country`nA$($Delimiter)DE`n"
        $hex = '{0:X4}' -f [int]$Delimiter
        { Import-Partner $file -Database $db -Delimiter $Delimiter } | Should -Throw -ErrorId 'ImportFileInvalid,*' `
            -ExpectedMessage "-Delimiter '$Delimiter' makes '$Delimiter' (U+$hex) the delimiter of*Nothing was imported. Read the file with Import-Csv*-Delimiter '$Delimiter' | Add-Partner*"
        (Get-Partner -Database $db).Name | Should -Be @('Kept')
    }

    It 'Import-PartnerRevenue -Delimiter U+061B too' {
        $d = [char]0x061B
        $db = New-TestDatabasePath
        $file = New-InputFile 'r.csv' -Text "PartnerName$($d)Date$($d)Amount$($d)Currency$($d)Region`n$($d)2015-01-01$($d)1.50$($d)EUR$($d)NE`n"
        { Import-PartnerRevenue $file -Database $db -Delimiter $d } | Should -Throw -ErrorId 'ImportFileInvalid,*' -ExpectedMessage "-Delimiter '$d' makes '$d' (U+061B)*(or | Add-PartnerRevenue)*"
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'the way out the error gives works: Import-Csv -Delimiter U+061B | Add-Partner' {
        $db = New-TestDatabase
        $d = [char]0x061B
        $file = New-InputFile 'fa.csv' -Text "Name$($d)Country`nA$($d)DE`nB$($d)FR`n"
        Import-Csv $file -Delimiter $d | Add-Partner -Database $db
        Get-PartnerLines $db | Should -Be @('A|DE||', 'B|FR||')
    }

    It 'a sep= line naming <Shown> is ImportFileInvalid too' -ForEach @(
        @{ Shown = 'U+061B'; Delimiter = [char]0x061B }, @{ Shown = 'section sign'; Delimiter = [char]0xA7 }
    ) {
        $file = New-InputFile 'sep.csv' -Text "sep=$Delimiter`nName$($Delimiter)Country`nA$($Delimiter)DE`n"
        { Import-Partner $file -Database (New-TestDatabase) } | Should -Throw -ErrorId 'ImportFileInvalid,*' -ExpectedMessage "Its first line 'sep=$Delimiter' makes '$Delimiter'*Import-Csv*"
    }

    It 'without -Delimiter, a header separated by U+061B gets a hint naming it' {
        $d = [char]0x061B
        $file = New-InputFile 'fa.csv' -Text "Name$($d)Country`nA$($d)DE`n"
        { Import-Partner $file -Database (New-TestDatabase) } | Should -Throw -ErrorId 'ImportHeaderInvalid,*' -ExpectedMessage "*looks separated by '$d' (U+061B*Import-Csv <file> -Delimiter '$d'*"
    }
}

Describe 'Two columns that name one field are one column twice (fault 5)' {
    It '<Case>: ImportHeaderInvalid naming both; nothing written' -ForEach @(
        @{ Case = 'PartnerName,Name'; Header = 'PartnerName,Country,Name'; Shown = "'Name' (2 times, as 'PartnerName' and 'Name': columns 1, 3)" }
        @{ Case = 'name, PARTNERNAME '; Header = 'name,Country, PARTNERNAME '; Shown = "'Name' (2 times, as 'name' and 'PARTNERNAME': columns 1, 3)" }
        @{ Case = 'PartnerName twice and Name'; Header = 'PartnerName,Name,partnername'; Shown = "'Name' (3 times, as 'PartnerName' and 'Name': columns 1, 2, 3)" }
    ) {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'Kept' }
        $file = New-InputFile 'alias.csv' -Text "$Header`nA,DE,B`n"
        { Import-Partner $file -Database $db } | Should -Throw -ErrorId 'ImportHeaderInvalid,*' -ExpectedMessage "*$([WildcardPattern]::Escape($Shown))*"
        (Get-Partner -Database $db).Name | Should -Be @('Kept')
    }

    It 'a JSON object with <Case> fails that object alone' -ForEach @(
        @{ Case = 'name and PartnerName'; Json = '[{"name":"A","PartnerName":"B"},{"PartnerName":"Good"}]'; Shown = "properties 'name' and 'PartnerName' both name the field Name" }
        @{ Case = 'PartnerName and an empty Name'; Json = '[{"PartnerName":"A","Name":""},{"PartnerName":"Good"}]'; Shown = "properties 'PartnerName' and 'Name' both name the field Name" }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'alias.json' -Text $Json
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 1)
        $err[0].Exception.Message | Should -BeLike "Line 1, *$Shown*"
        Get-PartnerLines $db | Should -Be @('Good|||')
    }

    It 'a revenue file''s PartnerId column is still ignored, as its help says' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db   # an existing database: creating one would add its own warning
        $file = New-InputFile 'r.csv' -Text "PartnerId,PartnerName,Date,Amount,Currency,Region`n99,,2015-01-01,1.50,EUR,NE`n"
        $result = Import-PartnerRevenue $file -Database $db -WarningVariable warnings
        $result.Inserted | Should -Be 1
        $warnings.Count | Should -Be 0
        ((Get-Help Import-PartnerRevenue).Description.Text -join ' ' -replace '\s+', ' ') | Should -Match 'Export-Csv writes \(Id, PartnerId, Channel, Year, Quarter, Month, Database\) and a failed-row file''s Line, Reason and File are ignored'
    }
}

Describe 'Every row of blank cells is counted in Blank; an empty line is not a row (fault 6)' {
    It '<Case>' -ForEach @(
        # Blank counts: each listed line that holds only spaces, tabs, delimiters or "" is one; empty lines are none.
        @{ Case = 'spaces, tabs, mixed'; Text = "Name,Country`n   `n`t`n `t `nA,DE`n"; Delimiter = ','; Blank = 3 }
        @{ Case = 'spaces with "" and ,,,'; Text = "Name,Country`n  `n`"`",`"`"`n,,,`nA,DE`n"; Delimiter = ','; Blank = 3 }
        @{ Case = 'empty lines are not counted'; Text = "Name,Country`n`nA,DE`n`n`n  `n"; Delimiter = ','; Blank = 1 }
        @{ Case = 'semicolons and CRLF'; Text = "Name;Country`r`n `r`n;`r`nA;DE`r`n`r`n"; Delimiter = ';'; Blank = 2 }
        @{ Case = 'blank lines before the header'; Text = "`n   `nName,Country`n`t`nA,DE`n"; Delimiter = ','; Blank = 1 }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'b.csv' -Text $Text
        $result = Import-Partner $file -Database $db -Delimiter $Delimiter -Atomic
        $result.Read, $result.Inserted, $result.Failed, $result.Blank | Should -Be @(1, 1, 0, $Blank)
        Get-PartnerLines $db | Should -Be @('A|DE||')
    }

    It 'in a revenue file too' {
        $file = New-InputFile 'r.csv' -Text "PartnerName,Date,Amount,Currency,Region`n  `n,2015-01-01,1.50,EUR,NE`n`t`n"
        $result = Import-PartnerRevenue $file -Database (New-TestDatabase) -Atomic
        $result.Read, $result.Inserted, $result.Blank | Should -Be @(1, 1, 2)
    }
}

Describe 'A failed-row file that starts with sep= (fault 7)' {
    It 'reads back with the README''s command (Get-Content | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter <Shown>) and imports again as it is' -ForEach @(
        @{ Shown = ';'; Delimiter = ';' }, @{ Shown = '|'; Delimiter = '|' }, @{ Shown = 'tab'; Delimiter = "`t" }
    ) {
        $file = New-InputFile 'excel.csv' -Text "sep=$Delimiter`nName$($Delimiter)Country`nBad$($Delimiter)XX`nGood$($Delimiter)DE`n"
        $failed = Join-Path (Split-Path $file) 'rejected.csv'
        $db = New-TestDatabase
        $null = Import-Partner $file -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        $rows = Get-Content $failed | Select-Object -Skip 1 | ConvertFrom-Csv -Delimiter $Delimiter
        $rows.Name, $rows.Country, $rows.Line | Should -Be @('Bad', 'XX', '3')
        (Get-Content $failed -Raw).Replace("Bad$($Delimiter)XX", "Fixed$($Delimiter)FR") | Set-Content $failed
        (Import-Partner $failed -Database $db).Inserted | Should -Be 1
        Get-PartnerLines $db | Should -Be @('Fixed|FR||', 'Good|DE||')
    }
}
