# CSV encodings: Windows-1252 files, the failed-row file's characters, bytes with no character, byte-order
# marks against -Encoding. The setup is CsvHeaders.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'CsvHeaders.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Windows-1252 files' {
    BeforeAll {
        # 'It’s €5 “net”' in Windows-1252: ’ 0x92, € 0x80, “ 0x93, ” 0x94.
        $bytes = [Text.Encoding]::ASCII.GetBytes("Name,Notes`nCafe,It") + [byte[]]0x92 + [Text.Encoding]::ASCII.GetBytes('s ') + [byte[]]0x80 +
            [Text.Encoding]::ASCII.GetBytes('5 ') + [byte[]]0x93 + [Text.Encoding]::ASCII.GetBytes('net') + [byte[]]0x94 + [Text.Encoding]::ASCII.GetBytes("`n")
        $file = New-InputFile 'windows.csv' -Bytes $bytes
        $notes = "It$([char]0x2019)s $([char]0x20AC)5 $([char]0x201C)net$([char]0x201D)"
    }

    It 'read as latin1, the row fails with a reason that says -Encoding 1252' {
        $db = New-TestDatabase
        $result = Import-Partner $file -Database $db -Encoding latin1 -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Failed | Should -Be 1
        $err[0].Exception.Message | Should -BeLike 'Line 2, column Notes:*`u{92}*U+0092*iso-8859-1 (latin1, code page 28591)*-Encoding 1252*'
    }

    It 'reads it with -Encoding <Encoding>' -ForEach @(
        @{ Encoding = '1252' }, @{ Encoding = 'windows-1252' }, @{ Encoding = 'Windows-1252 object' }
    ) {
        $db = New-TestDatabase
        $value = if ($Encoding -eq 'Windows-1252 object') { [Text.Encoding]::GetEncoding(1252) } else { $Encoding }
        $result = Import-Partner $file -Database $db -Encoding $value
        $result.Inserted | Should -Be 1
        (Get-Partner -Database $db).Notes | Should -BeExactly $notes
    }

    It 'reads it with -Encoding ansi in <Culture>, whose ANSI code page is 1252, as Get-Content -Encoding ansi does' -ForEach @(
        @{ Culture = 'en-US' }, @{ Culture = 'en-GB' }, @{ Culture = 'de-DE' }, @{ Culture = 'fr-FR' }
    ) {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $db = New-TestDatabase
            $result = Import-Partner $file -Database $db -Encoding ansi
            $result.Inserted | Should -Be 1
            (Get-Partner -Database $db).Notes | Should -BeExactly $notes
            (Get-Content $file -Encoding ansi)[1] | Should -BeExactly "Cafe,$notes"
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }

    It 'writes the failed-row file as UTF-8 with a byte-order mark, which Import-Csv -Encoding 1252 and Import-Partner -Encoding 1252 read right (the mark wins)' {
        # Behaviour changed (fault 1 of the second review): it was written in the input's encoding.
        $bad = New-InputFile 'bad.csv' -Bytes ([Text.Encoding]::ASCII.GetBytes("Name,Country,Notes`nCafe,XX,") + [byte[]](0x80, 0x0A))
        $failed = Join-Path (Split-Path $bad) 'failed.csv'
        $null = Import-Partner $bad -Database (New-TestDatabase) -Encoding 1252 -FailedRowPath $failed -ErrorAction SilentlyContinue
        [IO.File]::ReadAllBytes($failed)[0..3] | Should -Be @(0xEF, 0xBB, 0xBF, [byte][char]'N')
        (Import-Csv $failed -Encoding 1252).Notes | Should -BeExactly ([string][char]0x20AC)
        (Get-Content $failed -Raw).Replace('Cafe,XX', 'Cafe,FR') | Set-Content $failed -Encoding utf8BOM
        $db = New-TestDatabase
        (Import-Partner $failed -Database $db -Encoding 1252).Inserted | Should -Be 1
        Get-PartnerLines $db | Should -Be @("Cafe|FR||$([char]0x20AC)")
    }

    It 'offers ansi in tab completion' {
        $completions = (TabExpansion2 -inputScript 'Import-Partner x.csv -Encoding an' -cursorColumn 'Import-Partner x.csv -Encoding an'.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'ansi'
    }
}

# ---- Second review of issue 12's kinds 2 and 6 (faults 1-7 of the fresh tester) ----

Describe 'The shared failed-row file never replaces a character (fault 1)' {
    BeforeAll {
        # Text of the second and third files, typed here; the failed-row file must give them back exactly.
        $lodz = "$([char]0x141)$([char]0xF3)d$([char]0x17A) Sp. z o.o."   # Łódź Sp. z o.o.
        $beijing = "$([char]0x5317)$([char]0x4EAC)$([char]0x79D1)$([char]0x6280)"  # 北京科技
        $aero = "$([char]0xC6)r$([char]0xF8) $([char]0xD8)l ApS"          # Ærø Øl ApS
    }

    It 'with -Encoding <Encoding> for an ASCII first file, a UTF-16 file with a BOM and a UTF-8 file with a BOM' -ForEach @(
        @{ Encoding = 'latin1' }, @{ Encoding = '1252' }, @{ Encoding = 'ascii' }
    ) {
        $folder = New-TestFolder
        $first = Join-Path $folder 'w.csv'
        [IO.File]::WriteAllText($first, "Name,Country`nAcme,XX`n", [Text.Encoding]::ASCII)
        $pl = Join-Path $folder 'pl.csv'
        [IO.File]::WriteAllText($pl, "Name,Country`n$lodz,XX`n$beijing,YY`n", [Text.UnicodeEncoding]::new($false, $true))
        $dk = Join-Path $folder 'dk.csv'
        [IO.File]::WriteAllText($dk, "Name,Country`n$aero,ZZ`n", [Text.UTF8Encoding]::new($true))
        $failed = Join-Path $folder 'rej.csv'
        $db = New-TestDatabase
        $results = Import-Partner $first, $pl, $dk -Encoding $Encoding -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        $results.Failed | Should -Be @(1, 2, 1)
        [IO.File]::ReadAllBytes($failed)[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        $rows = Import-Csv $failed
        $rows.Name | Should -BeExactly @('Acme', $lodz, $beijing, $aero)
        $rows.Line | Should -Be @('2', '2', '3', '2')
        # Fixed and imported again with the same -Encoding: the byte-order mark wins, the names are stored exactly.
        (Get-Content $failed -Raw -Encoding utf8).Replace(',XX,', ',PL,').Replace(',YY,', ',CN,').Replace(',ZZ,', ',DK,') | Set-Content $failed -Encoding utf8BOM -NoNewline
        $again = Import-Partner $failed -Encoding $Encoding -Database $db
        $again.Inserted, $again.Failed | Should -Be @(4, 0)
        (Get-Partner -Database $db).Name | Sort-Object | Should -BeExactly (@('Acme', $lodz, $beijing, $aero) | Sort-Object)
    }

    It 'a JSON file''s rejected rows in a shared file with a 1252 CSV file keep their characters' {
        $folder = New-TestFolder
        $csv = Join-Path $folder 'a.csv'
        [IO.File]::WriteAllBytes($csv, [byte[]]([Text.Encoding]::ASCII.GetBytes("Name,Country`nCaf") + 0xE9 + [Text.Encoding]::ASCII.GetBytes(",XX`n")))
        $json = Join-Path $folder 'b.json'
        [IO.File]::WriteAllText($json, "[{`"Name`":`"$beijing`",`"Country`":`"YY`"}]", [Text.UTF8Encoding]::new($true))
        $failed = Join-Path $folder 'rej.csv'
        $null = Import-Partner $csv, $json -Encoding 1252 -Database (New-TestDatabase) -FailedRowPath $failed -ErrorAction SilentlyContinue
        # 0xE9 in Windows-1252 is é (U+00E9).
        (Import-Csv $failed).Name | Should -BeExactly @("Caf$([char]0xE9)", $beijing)
    }
}

Describe 'Bytes an encoding has no character for are an error, never ''?'' (fault 2)' {
    BeforeAll {
        # 'Müller Straße €' in UTF-8: ü C3 BC, ß C3 9F, € E2 82 AC; none is ASCII, so ASCII has no character for them.
        $utf8 = "M$([char]0xFC)ller Stra$([char]0xDF)e $([char]0x20AC)"
    }

    It 'refuses the row for -Encoding <Encoding>, stores the others and changes nothing stored' -ForEach @(
        @{ Encoding = 'ascii' }, @{ Encoding = 'us-ascii' }, @{ Encoding = '20127' }, @{ Encoding = 'ASCIIEncoding object' }
    ) {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'Kept'; Country = 'DE' }
        $file = New-InputFile 'a.csv' -Text "Name,Country,Notes`nPlain,DE,ok`n$utf8,DE,x`nKept,FR,y`n"
        $value = if ($Encoding -eq 'ASCIIEncoding object') { [Text.ASCIIEncoding]::new() } else { $Encoding }
        $result = Import-Partner $file -Database $db -Encoding $value -Mode Upsert -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Read, $result.Inserted, $result.Updated, $result.Failed | Should -Be @(3, 1, 1, 1)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 3, *column Name holds bytes that are not us-ascii (code page 20127) text*-Encoding*"
        Get-PartnerLines $db | Should -Be @('Kept|FR||y', 'Plain|DE||ok')
        (Get-Partner -Database $db).Name | Should -Not -Contain 'M??ller Stra??e ???'
    }

    It 'refuses a revenue row whose Reference has such bytes; nothing of it is stored' {
        $db = New-TestDatabase
        $file = New-InputFile 'r.csv' -Text "PartnerName,Date,Amount,Currency,Region,Reference`n,2015-01-01,1.50,EUR,NE,PO-1`n,2015-01-02,2.50,EUR,NE,PO-M$([char]0xFC)ller`n"
        $result = Import-PartnerRevenue $file -Database $db -Encoding ascii -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 1)
        $err[0].Exception.Message | Should -BeLike 'Line 3, *column Reference holds bytes that are not us-ascii*'
        (Get-PartnerRevenue -Database $db).Reference | Should -Be @('PO-1')
    }

    It 'refuses a header with such bytes as ImportFileInvalid; nothing is written' {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'Kept' }
        $file = New-InputFile 'h.csv' -Text "Name,L$([char]0xE4)nd`nA,DE`n"
        { Import-Partner $file -Database $db -Encoding ascii } | Should -Throw -ErrorId 'ImportFileInvalid,*' -ExpectedMessage '*its header holds bytes that are not us-ascii*'
        (Get-Partner -Database $db).Name | Should -Be @('Kept')
    }

    It 'refuses a JSON value with such bytes for -Encoding ascii' {
        $db = New-TestDatabase
        $file = New-InputFile 'a.json' -Text "[{`"Name`":`"Plain`"},{`"Name`":`"$utf8`"}]"
        $result = Import-Partner $file -Database $db -Encoding ascii -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 1)
        $err[0].Exception.Message | Should -BeLike "*property 'Name' holds bytes that are not us-ascii*"
        Get-PartnerLines $db | Should -Be @('Plain|||')
    }

    It 'refuses a Shift-JIS (932) row whose lead byte has no trail byte' {
        # 0x81 is a Shift-JIS lead byte; 0x20 (space) cannot follow it, so 932 has no character for it.
        $db = New-TestDatabase
        $bytes = [Text.Encoding]::ASCII.GetBytes("Name,Notes`nGood,ok`nBad,ab") + [byte[]](0x81, 0x20) + [Text.Encoding]::ASCII.GetBytes("cd`n")
        $file = New-InputFile 'sjis.csv' -Bytes $bytes
        $result = Import-Partner $file -Database $db -Encoding 932 -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 1)
        $err[0].Exception.Message | Should -BeLike 'Line 3, *column Notes holds bytes that are not shift_jis (code page 932) text*'
        Get-PartnerLines $db | Should -Be @('Good|||ok')
    }
}

Describe 'A byte-order mark wins over -Encoding, as in Import-Csv (fault 3)' {
    It '<Bom> with -Encoding <Encoding>' -ForEach @(
        @{ Bom = 'UTF-8 BOM'; Encoding = 'latin1' }, @{ Bom = 'UTF-8 BOM'; Encoding = '1252' }, @{ Bom = 'UTF-8 BOM'; Encoding = 'ascii' }
        @{ Bom = 'UTF-16 LE BOM'; Encoding = 'latin1' }, @{ Bom = 'UTF-16 BE BOM'; Encoding = '1252' }
        @{ Bom = 'UTF-32 LE BOM'; Encoding = 'latin1' }, @{ Bom = 'UTF-32 BE BOM'; Encoding = 'ascii' }
    ) {
        $encoding = switch ($Bom) {
            'UTF-8 BOM' { [Text.UTF8Encoding]::new($true) }
            'UTF-16 LE BOM' { [Text.UnicodeEncoding]::new($false, $true) }
            'UTF-16 BE BOM' { [Text.UnicodeEncoding]::new($true, $true) }
            'UTF-32 LE BOM' { [Text.UTF32Encoding]::new($false, $true) }
            'UTF-32 BE BOM' { [Text.UTF32Encoding]::new($true, $true) }
        }
        $name = "M$([char]0xFC)ller $([char]0x141)$([char]0xF3)d$([char]0x17A)"   # Müller Łódź
        $file = Join-Path (New-TestFolder) 'bom.csv'
        [IO.File]::WriteAllText($file, "Name,Country`n$name,PL`n", $encoding)
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db   # an existing database: creating one would add its own warning
        $result = Import-Partner $file -Database $db -Encoding $Encoding -WarningVariable warnings
        $result.Inserted | Should -Be 1
        $warnings.Count | Should -Be 0
        Get-PartnerLines $db | Should -BeExactly @("$name|PL||")
        # Import-Csv reads the same file the same way.
        (Import-Csv $file -Encoding $Encoding).Name | Should -BeExactly $name
    }

    It 'a JSON file with a <Bom> and -Encoding <Encoding>' -ForEach @(
        @{ Bom = 'UTF-8 BOM'; Encoding = 'latin1' }, @{ Bom = 'UTF-16 LE BOM'; Encoding = 'ascii' }, @{ Bom = 'UTF-32 LE BOM'; Encoding = '1252' }
    ) {
        $encoding = switch ($Bom) {
            'UTF-8 BOM' { [Text.UTF8Encoding]::new($true) }
            'UTF-16 LE BOM' { [Text.UnicodeEncoding]::new($false, $true) }
            'UTF-32 LE BOM' { [Text.UTF32Encoding]::new($false, $true) }
        }
        $name = "$([char]0x5317)$([char]0x4EAC) M$([char]0xFC)ller"   # 北京 Müller
        $file = Join-Path (New-TestFolder) 'bom.json'
        [IO.File]::WriteAllText($file, "[{`"Name`":`"$name`",`"Country`":`"CN`"}]", $encoding)
        $db = New-TestDatabase
        (Import-Partner $file -Database $db -Encoding $Encoding).Inserted | Should -Be 1
        Get-PartnerLines $db | Should -BeExactly @("$name|CN||")
    }

    It 'a UTF-8 BOM before a sep= line with -Encoding latin1' {
        $file = Join-Path (New-TestFolder) 'bomsep.csv'
        [IO.File]::WriteAllText($file, "sep=;`nName;Country`nK$([char]0xF6)ln;DE`n", [Text.UTF8Encoding]::new($true))
        $db = New-TestDatabase
        (Import-Partner $file -Database $db -Encoding latin1).Inserted | Should -Be 1
        Get-PartnerLines $db | Should -BeExactly @("K$([char]0xF6)ln|DE||")
    }
}
