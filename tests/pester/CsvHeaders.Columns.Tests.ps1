# CSV headers: a column given twice, spaces and quotes, unknown columns, Excel's sep= line and #TYPE and
# comment lines. The setup is CsvHeaders.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'CsvHeaders.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
        Test-TestDatabase $db | Should -BeFalse -Because 'the header is checked before the database is opened'
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
           Unknown = "'Contry'"; Missing = 'Tier, Status, Region, Country, JoinedOn, EndedOn, Notes, StatusDate, TierDate, EndReason' }
        @{ Case = 'two unknown columns and a nameless one'; Cmdlet = 'Import-Partner'; Name = 'p.csv'; Text = "Name,Regoin,,Notes,Shoe`nAcme,NE,x,n,44`n"
           Unknown = "'Regoin', column 3 (no name), 'Shoe'"; Missing = 'Type, Tier, Status, Region, Country, JoinedOn, EndedOn, StatusDate, TierDate, EndReason' }
        @{ Case = 'a typo (Curency) in a revenue file'; Cmdlet = 'Import-PartnerRevenue'; Name = 'r.csv'; Text = "PartnerName,Date,Amount,Curency,Region`n,2015-01-01,1.50,EUR,NE`n"
           Unknown = "'Curency'"; Missing = 'Currency, Segment, Reference, Attribution' }
        @{ Case = 'an unknown JSON property'; Cmdlet = 'Import-Partner'; Name = 'p.json'; Text = '[{"Name":"Acme","Contry":"DE"},{"Name":"Beta","Tpye":"Reseller","Country":"FR"}]'
           Unknown = "'Contry', 'Tpye'"; Missing = 'Type, Tier, Status, Region, JoinedOn, EndedOn, Notes, StatusDate, TierDate, EndReason' }
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
        Test-TestDatabase $db | Should -BeFalse
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
