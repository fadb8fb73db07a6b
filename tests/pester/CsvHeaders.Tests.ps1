# Issue 12, kind 2 (CSV headers that were silently misread) and kind 6's failed-row file and encodings:
# a column given twice, spaces around quotes, unknown columns, Excel's sep= line, #TYPE lines, blank rows,
# -FailedRowPath over several files, and Windows-1252 text. Expected values are written by hand; where
# Import-Csv is the reference, its own reading of the same file is compared too.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Writes text (UTF-8 without BOM, lines as given) or bytes to a file in a fresh folder and returns its path.
    function New-InputFile {
        param([string] $Name, [string] $Text, [byte[]] $Bytes)
        $path = Join-Path (New-TestFolder) $Name
        if ($PSBoundParameters.ContainsKey('Bytes')) { [IO.File]::WriteAllBytes($path, $Bytes) }
        else { [IO.File]::WriteAllText($path, $Text) }
        $path
    }

    # The partners of a database as "Name|Country|Region|Notes" lines, sorted.
    function Get-PartnerLines {
        param([string] $Database)
        Get-Partner -Database $Database | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Name, $_.Country, $_.Region, $_.Notes } | Sort-Object
    }

    # Runs a script block and returns every error it gave, terminating or not.
    function Get-AllErrors {
        param([scriptblock] $Script)
        $errors = @()
        try { & $Script -ErrorVariable +errors -ErrorAction SilentlyContinue | Out-Null } catch { $errors += $_ }
        $errors
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A column given twice is one ImportHeaderInvalid before anything is written' {
    It '<Case>' -ForEach @(
        @{ Case = 'Name,Country,Region,Country'; Cmdlet = 'Import-Partner'; Text = "Name,Country,Region,Country`nAcme,DE,NE,FR`n"; Shown = "'Country' (2 times: columns 2, 4)" }
        @{ Case = 'name, NAME (case and a space)'; Cmdlet = 'Import-Partner'; Text = "name, NAME`nAcme,Other`n"; Shown = "'name' (2 times: columns 1, 2)" }
        @{ Case = 'a quoted column with spaces inside the quotes'; Cmdlet = 'Import-Partner'; Text = "Name,`" Notes `",Notes`nAcme,a,b`n"; Shown = "'Notes' (2 times: columns 2, 3)" }
        @{ Case = 'two columns twice, with a semicolon'; Cmdlet = 'Import-Partner'; Text = "Name;Region;REGION;name`nAcme;NE;SE;B`n"; Delimiter = ';'; Shown = "'Name' (2 times: columns 1, 4), 'Region' (2 times: columns 2, 3)" }
        @{ Case = 'Amount twice in a revenue file'; Cmdlet = 'Import-PartnerRevenue'; Text = "PartnerName,Date,Amount,amount `nAcme,2015-01-01,1,2`n"; Shown = "'Amount' (2 times: columns 3, 4)" }
    ) {
        $db = New-TestDatabasePath
        $file = New-InputFile 'twice.csv' -Text $Text
        $options = @{}
        if ($Delimiter) { $options.Delimiter = $Delimiter }
        $errors = @(Get-AllErrors { & $Cmdlet $file -Database $db @options })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "ImportHeaderInvalid,*"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -BeLike "*'$file'*$([WildcardPattern]::Escape($Shown))*nothing was imported*"
        Test-Path $db | Should -BeFalse -Because 'the header is checked before the database is opened'
    }

    It 'is ImportHeaderInvalid also for a file without the needed column (cmdlets.md: "none of the needed ones")' {
        $file = New-InputFile 'noname.csv' -Text "Company,Country`nAcme,DE`n"
        { Import-Partner $file -Database (New-TestDatabase) } | Should -Throw -ErrorId 'ImportHeaderInvalid,*' -ExpectedMessage '*no Name (or PartnerName) column*'
    }

    It 'a JSON object with a property twice (<Case>) fails that row alone; the other objects are stored' -ForEach @(
        @{ Case = 'Country and country'; Json = '[{"Name":"Good A"},{"Name":"Bad","country":"DE","Country":"FR"},{"Name":"Good B","Country":"GB"}]'; Shown = "property 'Country' appears more than once in the object (as 'country' and 'Country')" }
        @{ Case = 'the same name exactly'; Json = '[{"Name":"Good A"},{"Name":"Bad","Notes":"x","Notes":"y"},{"Name":"Good B","Country":"GB"}]'; Shown = "property 'Notes' appears more than once in the object (twice)" }
        @{ Case = 'Name and " name "'; Json = '[{"Name":"Good A"},{"Name":"Bad"," name ":"Other"},{"Name":"Good B","Country":"GB"}]'; Shown = "property 'name' appears more than once" }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'twice.json' -Text $Json
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 1, *$([WildcardPattern]::Escape($Shown))*"
        $result.Inserted, $result.Failed | Should -Be @(2, 1)
        Get-PartnerLines $db | Should -Be @('Good A|||', 'Good B|GB||')
    }

    It 'a JSON object with both Name and PartnerName fails that object alone (one field named twice); objects with one of them are stored' {
        # Behaviour changed (fault 5 of the second review): Name and PartnerName in one object were "Name wins unless empty".
        $db = New-TestDatabase
        $file = New-InputFile 'alias.json' -Text '[{"PartnerName":"Lost","Name":"Alpha"},{"Name":"Beta"},{"PartnerName":"Gamma"}]'
        $result = Import-Partner $file -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(2, 1)
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 1, *properties 'PartnerName' and 'Name' both name the field Name*"
        Get-PartnerLines $db | Should -Be @('Beta|||', 'Gamma|||')
    }
}

Describe 'Spaces and quotes are read as Import-Csv reads them (<Culture>)' -ForEach @(
    @{ Culture = 'en-US' }, @{ Culture = 'en-GB' }, @{ Culture = 'de-DE' }, @{ Culture = 'fr-FR' }
) {
    BeforeAll {
        $saved = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = $Culture
        # Each line written out: spaces before opening quotes, after closing quotes, tabs, quotes in a quoted
        # cell with spaces around it, unquoted values with trailing spaces.
        $rows = @(
            '"Name", "Country", "Region", "Notes"'
            '"Acme" , "de",  NE , "a ""b"" c"  '
            "  Beta  ,`t`"FR`"`t,West ,  keep  me  "
            'Gamma,GB,,tail  '
            '"Delta, Inc.", "US" ,"North America",	"x"'
        )
        $comma = New-InputFile 'spaces.csv' -Text (($rows -join "`r`n") + "`r`n")
        $semicolonRows = @(
            '"Name"; "Country"; "Region"; "Notes"'
            '"Acme" ; "de";  NE ; "a ""b"" c"  '
            "  Beta  ;`t`"FR`"`t;West ;  keep  me  "
            'Gamma;GB;;tail  '
            '"Delta, Inc."; "US" ;"North America";	"x"'
        )
        $semicolon = New-InputFile 'spaces-semicolon.csv' -Text (($semicolonRows -join "`r`n") + "`r`n")
    }

    AfterAll {
        [cultureinfo]::CurrentCulture = $saved
    }

    It 'stores the values written by hand: <Delimiter>' -ForEach @(@{ Delimiter = ',' }, @{ Delimiter = ';' }) {
        $file = if ($Delimiter -eq ',') { $comma } else { $semicolon }
        $db = New-TestDatabase
        $result = Import-Partner $file -Database $db -Delimiter $Delimiter
        $result.Inserted, $result.Failed | Should -Be @(4, 0)
        # Import-Csv's rules: spaces before a value and after a closing quote are dropped; after an unquoted
        # value the first trailing space is kept ('tail  ' -> 'tail '), all of it when text follows a space
        # inside ('  keep  me  ' -> 'keep  me  '). Name, Country and Region are trimmed by Add-Partner's rules.
        Get-PartnerLines $db | Should -Be @(
            'Acme|DE|NE|a "b" c'
            'Beta|FR|West|keep  me  '
            'Delta, Inc.|US|North America|x'
            'Gamma|GB||tail '
        )
    }

    It 'stores what Import-Csv | Add-Partner stores from the same file: <Delimiter>' -ForEach @(@{ Delimiter = ',' }, @{ Delimiter = ';' }) {
        $file = if ($Delimiter -eq ',') { $comma } else { $semicolon }
        $viaImport = New-TestDatabase
        $viaPipeline = New-TestDatabase
        $null = Import-Partner $file -Database $viaImport -Delimiter $Delimiter
        Import-Csv $file -Delimiter $Delimiter | Add-Partner -Database $viaPipeline
        Get-PartnerLines $viaImport | Should -Be (Get-PartnerLines $viaPipeline)
        # and the columns Import-Csv sees are the ones imported
        (Import-Csv $file -Delimiter $Delimiter | Select-Object -First 1).PSObject.Properties.Name | Should -Be @('Name', 'Country', 'Region', 'Notes')
    }

    It 'gives back a rejected row as Import-Csv reads it, in the failed-row file' {
        $file = New-InputFile 'bad.csv' -Text "`"Name`", `"Country`", `"Notes`"`n `"Bad`" , `"XX`" ,  two  words  `n"
        $failed = Join-Path (Split-Path $file) 'failed.csv'
        $null = Import-Partner $file -Database (New-TestDatabase) -FailedRowPath $failed -ErrorAction SilentlyContinue
        $row = Import-Csv $failed
        $row.Name | Should -BeExactly 'Bad'
        $row.Country | Should -BeExactly 'XX'
        $row.Notes | Should -BeExactly 'two  words  '
        $row.Line | Should -Be 2
    }
}

Describe 'Columns the import does not know give one warning' {
    It '<Case>' -ForEach @(
        @{ Case = 'a typo (Contry) in a partner file'; Cmdlet = 'Import-Partner'; Name = 'p.csv'; Text = "Name,Contry,Type`nAcme,DE,Reseller`n"
           Unknown = "'Contry'"; Missing = 'Tier, Status, Region, Country, JoinedOn, EndedOn, Notes' }
        @{ Case = 'two unknown columns and a nameless one'; Cmdlet = 'Import-Partner'; Name = 'p.csv'; Text = "Name,Regoin,,Notes,Shoe`nAcme,NE,x,n,44`n"
           Unknown = "'Regoin', column 3 (no name), 'Shoe'"; Missing = 'Type, Tier, Status, Region, Country, JoinedOn, EndedOn' }
        @{ Case = 'a typo (Curency) in a revenue file'; Cmdlet = 'Import-PartnerRevenue'; Name = 'r.csv'; Text = "PartnerName,Date,Amount,Curency,Region`n,2015-01-01,1.50,EUR,NE`n"
           Unknown = "'Curency'"; Missing = 'Currency, Segment, Reference' }
        @{ Case = 'an unknown JSON property'; Cmdlet = 'Import-Partner'; Name = 'p.json'; Text = '[{"Name":"Acme","Contry":"DE"},{"Name":"Beta","Tpye":"Reseller","Country":"FR"}]'
           Unknown = "'Contry', 'Tpye'"; Missing = 'Type, Tier, Status, Region, JoinedOn, EndedOn, Notes' }
    ) {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db   # an existing database: creating one would add its own warning
        $file = New-InputFile $Name -Text $Text
        $result = & $Cmdlet $file -Database $db -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Failed | Should -Be 0
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeExactly ("'$file' has $(if ($Unknown.Contains(',')) { 'columns' } else { 'a column' }) that the import does not know, so " +
            "$(if ($Unknown.Contains(',')) { 'their values are' } else { 'its values are' }) not imported: $Unknown. The columns it reads that the file lacks: $Missing. Rename a misspelt column to import its values.")
    }

    It 'says nothing for the columns Get-Partner | Export-Csv writes (Id, CreatedAt, UpdatedAt, Database), nor for Windows PowerShell''s #TYPE line' {
        $source = New-TestDatabase
        Add-TestPartner -Database $source -Partner @{ Name = 'Acme'; Country = 'DE'; Region = 'NE'; Notes = 'n' }, @{ Name = 'Beta' }
        $export = Join-Path (New-TestFolder) 'export.csv'
        Get-Partner -Database $source | Export-Csv $export
        # Windows PowerShell 5.1's Export-Csv writes a #TYPE line first.
        $typed = Join-Path (Split-Path $export) 'typed.csv'
        (@('#TYPE PartnerOps.Partner') + (Get-Content $export)) | Set-Content $typed
        foreach ($file in $export, $typed) {
            $target = New-TestDatabasePath
            $null = New-PartnerDatabase -Path $target   # an existing database: creating one would add its own warning
            $result = Import-Partner $file -Database $target -WarningVariable warnings
            $warnings.Count | Should -Be 0
            $result.Read | Should -Be 2
        }
    }

    It 'says nothing for the columns Get-PartnerRevenue | Export-Csv writes' {
        $source = New-TestDatabasePath
        Add-Partner -Database $source -Name 'Acme'
        Add-PartnerRevenue -Database $source -PartnerName 'Acme' -Date '2015-03-01' -Amount 10 -Currency EUR -Reference 'R-1'
        $export = Join-Path (New-TestFolder) 'revenue.csv'
        Get-PartnerRevenue -Database $source | Export-Csv $export
        (Import-Csv $export | Select-Object -First 1).PSObject.Properties.Name | Should -Contain 'Channel'
        $null = Import-PartnerRevenue $export -Database $source -Mode Skip -WarningVariable warnings
        $warnings.Count | Should -Be 0
    }
}

Describe 'Excel''s sep= line and #TYPE and comment lines' {
    It 'honours <Case>' -ForEach @(
        @{ Case = 'sep=; without -Delimiter'; Bytes = [Text.Encoding]::UTF8.GetBytes("sep=;`r`nName;Country;Notes`r`nAcme;DE;a,b`r`nBad;XX;`r`n"); Options = @{} }
        @{ Case = 'sep=; with -Delimiter ;'; Bytes = [Text.Encoding]::UTF8.GetBytes("sep=;`r`nName;Country;Notes`r`nAcme;DE;a,b`r`nBad;XX;`r`n"); Options = @{ Delimiter = ';' } }
        @{ Case = 'sep=; after a UTF-8 byte-order mark (as Excel saves)'; Bytes = [byte[]](0xEF, 0xBB, 0xBF) + [Text.Encoding]::UTF8.GetBytes("sep=;`nName;Country;Notes`nAcme;DE;a,b`nBad;XX;`n"); Options = @{} }
        @{ Case = 'a tab as sep= in UTF-16 with a byte-order mark'; Bytes = [byte[]](0xFF, 0xFE) + [Text.Encoding]::Unicode.GetBytes("sep=`t`nName`tCountry`tNotes`nAcme`tDE`ta,b`nBad`tXX`t`n"); Options = @{} }
        @{ Case = 'SEP=| in upper case'; Bytes = [Text.Encoding]::UTF8.GetBytes("SEP=|`nName|Country|Notes`nAcme|DE|a,b`nBad|XX|`n"); Options = @{} }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'excel.csv' -Bytes $Bytes
        $result = Import-Partner $file -Database $db @Options -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Read, $result.Inserted, $result.Failed | Should -Be @(2, 1, 1)
        Get-PartnerLines $db | Should -Be @('Acme|DE||a,b')
        # the sep= line counts as line 1, so the bad row is line 4
        $err[0].Exception.Message | Should -BeLike "Line 4, column Country: 'XX'*"
    }

    It 'refuses a sep= line that disagrees with -Delimiter, naming both, and writes nothing' {
        $db = New-TestDatabasePath
        $file = New-InputFile 'excel.csv' -Text "sep=;`nName;Country`nAcme;DE`n"
        $errors = @(Get-AllErrors { Import-Partner $file -Database $db -Delimiter ',' })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ImportFileInvalid,*'
        $errors[0].Exception.Message | Should -BeExactly "'$file' begins with the line 'sep=;', which makes ';' its delimiter, but -Delimiter ',' was given. Leave out -Delimiter (the file's own line then decides), or give -Delimiter ';'. Nothing was imported."
        Test-Path $db | Should -BeFalse
    }

    It 'writes the failed-row file with the same sep= line, so it imports again as it is' {
        $file = New-InputFile 'excel.csv' -Text "sep=;`nName;Country`nBad;XX`n"
        $failed = Join-Path (Split-Path $file) 'failed.csv'
        $db = New-TestDatabase
        $null = Import-Partner $file -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        Get-Content $failed | Should -Be @('sep=;', 'Name;Country;Line;Reason', "Bad;XX;3;column Country: 'XX' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).")
        (Get-Content $failed -Raw).Replace('Bad;XX', 'Fixed;DE') | Set-Content $failed
        $again = Import-Partner $failed -Database $db -WarningVariable warnings
        $again.Inserted | Should -Be 1
        $warnings.Count | Should -Be 0
        Get-PartnerLines $db | Should -Be @('Fixed|DE||')
    }

    It 'skips <Case> before the header, as Import-Csv does' -ForEach @(
        @{ Case = 'a #TYPE line'; Lines = @('#TYPE Selected.System.Management.Automation.PSCustomObject', 'Name,Country', 'Acme,DE', '#1 Partner,FR') }
        @{ Case = '#TYPE and comment lines'; Lines = @('#TYPE PartnerOps.Partner', '# exported 2015-03-01', '#, with a comma', 'Name,Country', 'Acme,DE', '#1 Partner,FR') }
        @{ Case = 'a W3C #Fields: header'; Lines = @('#Software: a tool', '#Fields: Name,Country', 'Acme,DE', '#1 Partner,FR') }
    ) {
        $db = New-TestDatabase
        $file = New-InputFile 'typed.csv' -Text (($Lines -join "`n") + "`n")
        $result = Import-Partner $file -Database $db
        $result.Inserted | Should -Be 2
        # a '#' after the header is data
        Get-PartnerLines $db | Should -Be @('#1 Partner|FR||', 'Acme|DE||')
        (Import-Csv $file | ForEach-Object { "$($_.Name)|$($_.Country)||" } | Sort-Object) | Should -Be (Get-PartnerLines $db)
    }
}

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
        Test-Path $db | Should -BeFalse
        Get-Content $failed | Should -Be @('Name,Country,Line,Reason', 'Old,XX,2,old')
    }

    It 'keeps one file''s failed-row file as before: no File column' {
        $failed = Join-Path (New-TestFolder) 'rejected.csv'
        $null = Import-Partner $a -Database (New-TestDatabase) -FailedRowPath $failed -ErrorAction SilentlyContinue
        (Get-Content $failed)[0] | Should -BeExactly 'Name,Country,Line,Reason'
    }
}

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
        Test-Path $db | Should -BeFalse
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
