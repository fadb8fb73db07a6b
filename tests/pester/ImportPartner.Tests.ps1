BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Writes lines to a file (UTF-8 without BOM) in a fresh test folder and returns its path.
    function New-ImportFile {
        param([string] $Name = 'partners.csv', [string[]] $Line)
        $path = Join-Path (New-TestFolder) $Name
        [IO.File]::WriteAllText($path, ($Line -join "`n") + "`n")
        $path
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Import-Partner of a CSV file' {
    BeforeAll {
        $db = New-TestDatabase
        $csv = New-ImportFile -Line @(
            'Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes'
            "`"Müller, Schmidt & Co`",Reseller,Gold,Active,Western Europe,de,2014-03-31,,`"two lines,`nwith a comma`""
            'Digital China,Distributor,Platinum,Terminated,China,CN,2011-01-10,2015-06-30,'
            'Plain Partner,,,,,,,,'
        )
        $result = Import-Partner $csv -Database $db
        $stored = @{}
        Get-Partner -Database $db | ForEach-Object { $stored[$_.Name] = $_ }
    }

    It 'returns one PartnerOps.ImportResult' {
        @($result).Count | Should -Be 1
        $result | Should -BeOfType ([PartnerOps.ImportResult])
    }

    It 'says what it did: Path, Read, Inserted, Updated, Skipped, Failed, Duration' {
        $result.Path | Should -Be (Resolve-Path $csv).Path
        $result.Read | Should -Be 3
        $result.Inserted | Should -Be 3
        $result.Updated | Should -Be 0
        $result.Skipped | Should -Be 0
        $result.Failed | Should -Be 0
        $result.Duration | Should -BeOfType ([timespan])
        $result.Duration | Should -BeGreaterThan ([timespan]::Zero)
    }

    It 'stores every row as Add-Partner would' {
        $stored.Keys | Sort-Object | Should -Be @('Digital China', 'Müller, Schmidt & Co', 'Plain Partner')
        $p = $stored['Müller, Schmidt & Co']
        $p.Type | Should -Be ([PartnerOps.PartnerType]::Reseller)
        $p.Country | Should -BeExactly 'DE'
        $p.JoinedOn | Should -Be ([datetime]'2014-03-31')
        $p.Notes | Should -BeExactly "two lines,`nwith a comma"
        $stored['Digital China'].EndedOn | Should -Be ([datetime]'2015-06-30')
        $stored['Plain Partner'].Tier | Should -Be ([PartnerOps.PartnerTier]::Registered)
        $stored['Plain Partner'].JoinedOn | Should -Be (Get-Date).Date
    }

    It 'has a table view with Path, Read, Inserted, Updated, Skipped, Failed, Blank and Duration' {
        $view = Get-FormatData -TypeName 'PartnerOps.ImportResult'
        $view | Should -Not -BeNullOrEmpty
        $view.FormatViewDefinition[0].Control.Headers.Label | Should -Be @('Path', 'Read', 'Inserted', 'Updated', 'Skipped', 'Failed', 'Blank', 'Duration')
        $table = $result | Format-Table | Out-String -Width 80
        $table | Should -Match 'Inserted'
        $table | Should -Match 'partners\.csv +3 +3 +0 +0 +0 +0 +00:00:'
    }

    It 'says in -Verbose how many rows it read and how long it took' {
        $verbose = Import-Partner $csv -Database (New-TestDatabase) -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Read 3 row\(s\) from .* in [\d.,]+ s \([\d,.]+ rows/s\): 3 inserted'
    }

    It 'takes -Path by position and from Get-ChildItem, and wildcards' {
        $folder = New-TestFolder
        'Name', 'One' | Set-Content (Join-Path $folder 'a.csv')
        'Name', 'Two' | Set-Content (Join-Path $folder 'b.csv')
        $target = New-TestDatabasePath
        $results = Get-ChildItem $folder -Filter *.csv | Import-Partner -Database $target
        $results.Inserted | Should -Be @(1, 1)
        (Import-Partner (Join-Path $folder '*.csv') -Database $target -Mode Skip).Skipped | Should -Be @(1, 1)
    }
}

Describe 'Import-Partner -Mode' {
    BeforeEach {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Alpha' -Region 'Old Region' -Country FR
        $csv = New-ImportFile -Line 'Name,Region,Country', 'ALPHA,New Region,DE', 'Beta,New Region,GB'
    }

    It 'Insert (the default) rejects a name already stored with one ImportRowInvalid error saying it already exists' {
        $result = Import-Partner $csv -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 1
        $result.Failed | Should -Be 1
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        $err[0].Exception.Message | Should -BeLike "Line 2, column Name: 'ALPHA' already exists*"
        (Get-Partner -Database $db -Name Alpha).Region | Should -BeExactly 'Old Region'
    }

    It 'Upsert updates the stored partner' {
        $result = Import-Partner $csv -Database $db -Mode Upsert
        $result.Inserted, $result.Updated, $result.Failed | Should -Be @(1, 1, 0)
        $alpha = Get-Partner -Database $db -Name Alpha
        $alpha.Name | Should -BeExactly 'ALPHA'
        $alpha.Region | Should -BeExactly 'New Region'
        $alpha.Country | Should -BeExactly 'DE'
    }

    It 'Skip leaves the stored partner as it is' {
        $result = Import-Partner $csv -Database $db -Mode Skip
        $result.Inserted, $result.Skipped, $result.Failed | Should -Be @(1, 1, 0)
        (Get-Partner -Database $db -Name Alpha).Region | Should -BeExactly 'Old Region'
    }
}

Describe 'Import-Partner with bad rows' {
    BeforeAll {
        $db = New-TestDatabase
        $csv = New-ImportFile -Line @(
            'Name,Type,Country,JoinedOn'
            'Good One,Reseller,DE,2014-01-01'
            'Bad Country,Reseller,XX,2014-01-01'
            'Bad Type,Resseler,DE,2014-01-01'
            'Bad Date,Reseller,DE,31/12/2014'
            'Good Two,Reseller,GB,2014-01-01'
        )
        $result = Import-Partner $csv -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
    }

    It 'writes one non-terminating ImportRowInvalid error per bad row, InvalidData, and goes on' {
        $err.Count | Should -Be 3
        $err | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
            $_.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
        }
        $result.Failed | Should -Be 3
        (Get-Partner -Database $db).Name | Should -Be @('Good One', 'Good Two')
    }

    It 'names the line, the column and the value in each message' {
        $err[0].Exception.Message | Should -BeLike "Line 3, column Country: 'XX' is not an ISO 3166-1 alpha-2 country code*"
        $err[1].Exception.Message | Should -BeLike "Line 4, column Type: 'Resseler' is not a Type; valid values are Reseller, *"
        $err[2].Exception.Message | Should -BeLike "Line 5, column JoinedOn: '31/12/2014' is not a date*"
    }

    It 'targets the row as read, with its Line and Reason' {
        $err[0].TargetObject.Name | Should -BeExactly 'Bad Country'
        $err[0].TargetObject.Country | Should -BeExactly 'XX'
        $err[0].TargetObject.Line | Should -Be 3
        $err[0].TargetObject.Reason | Should -BeLike 'column Country:*'
    }

    It 'stops at the first bad row with -ErrorAction Stop, as any non-terminating error does' {
        { Import-Partner $csv -Database (New-TestDatabase) -ErrorAction Stop } | Should -Throw -ErrorId 'ImportRowInvalid,*'
    }
}

Describe 'Import-Partner -Atomic' {
    It 'writes nothing when a row fails, says so in the result and a warning, and still reports every error' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Existing'
        $csv = New-ImportFile -Line 'Name,Country', 'New One,DE', 'Bad,XX', 'existing,DE', 'New Two,GB'
        $result = Import-Partner $csv -Database $db -Atomic -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue
        $result.RolledBack | Should -BeTrue
        $result.Read, $result.Inserted, $result.Failed | Should -Be @(4, 0, 2)
        $err.Count | Should -Be 2
        $warn.Count | Should -Be 1
        $warn[0].Message | Should -Match 'Nothing was imported'
        (Get-Partner -Database $db).Name | Should -Be @('Existing')
    }

    It 'writes everything when no row fails' {
        $db = New-TestDatabase
        $result = Import-Partner (New-ImportFile -Line 'Name', 'A', 'B') -Database $db -Atomic
        $result.RolledBack | Should -BeFalse
        $result.Inserted | Should -Be 2
    }
}

Describe 'Import-Partner -FailedRowPath' {
    It 'writes the rejected rows as read with Line and Reason; fixed, the file imports as it is' {
        $db = New-TestDatabase
        $csv = New-ImportFile -Line 'Name,Country,Notes', 'Good,DE,', 'Bad Country,XX,"a note, with a comma"', 'Also Bad,YY,'
        $failed = Join-Path (Split-Path $csv) 'failed.csv'
        $null = Import-Partner $csv -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue

        $rows = Import-Csv $failed
        $rows.Count | Should -Be 2
        ($rows[0].PSObject.Properties.Name -join ',') | Should -Be 'Name,Country,Notes,Line,Reason'
        $rows[0].Name | Should -BeExactly 'Bad Country'
        $rows[0].Notes | Should -BeExactly 'a note, with a comma'
        $rows[0].Line | Should -Be 3
        $rows[0].Reason | Should -BeLike "column Country: 'XX' is not*"

        $rows | ForEach-Object { $_.Country = 'GB'; $_ } | Export-Csv $failed
        $again = Import-Partner $failed -Database $db -FailedRowPath (Join-Path (Split-Path $csv) 'failed-again.csv')
        $again.Inserted, $again.Failed | Should -Be @(2, 0)
        (Get-Partner -Database $db -Name 'Bad Country').Notes | Should -BeExactly 'a note, with a comma'
    }

    It 'refuses to write the rejected rows over the file being imported' {
        $csv = New-ImportFile -Line 'Name', 'A'
        { Import-Partner $csv -Database (New-TestDatabase) -FailedRowPath $csv } | Should -Throw -ErrorId 'FailedRowPathIsImportFile,*'
        Get-Content $csv | Should -Be @('Name', 'A')
    }
}

Describe 'Import-Partner failures of the whole file' {
    It 'a missing file is a terminating ImportFileNotFound error (ObjectNotFound)' {
        $db = New-TestDatabasePath
        $caught = $null
        try { Import-Partner (Join-Path (New-TestFolder) 'missing.csv') -Database $db -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ImportFileNotFound,*'
        $caught.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'a wildcard that matches nothing is ImportFileNotFound' {
        { Import-Partner (Join-Path (New-TestFolder) '*.csv') -Database (New-TestDatabase) } | Should -Throw -ErrorId 'ImportFileNotFound,*'
    }

    It 'a file without a Name or PartnerName column is one terminating error before anything is written' {
        $db = New-TestDatabasePath
        $csv = New-ImportFile -Line 'Company,Country', 'Alpha,DE', 'Beta,GB'
        $caught = $null
        try { Import-Partner $csv -Database $db -ErrorAction SilentlyContinue } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'ImportHeaderInvalid,*'
        $caught.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
        $caught.Exception.Message | Should -Match 'no Name \(or PartnerName\) column'
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'an empty file is zero rows' {
        $result = Import-Partner (New-ImportFile -Line @()) -Database (New-TestDatabase)
        $result.Read | Should -Be 0
        $result.Failed | Should -Be 0
    }
}

Describe 'Import-Partner -WhatIf' {
    It 'imports nothing and creates no database' {
        $db = New-TestDatabasePath
        $csv = New-ImportFile -Line 'Name', 'A'
        $output = Import-Partner $csv -Database $db -WhatIf
        $output | Should -BeNullOrEmpty
        Test-TestDatabase $db | Should -BeFalse
    }
}

Describe 'Import-Partner of other formats' {
    It 'reads a JSON array of objects when the file ends in .json' {
        $db = New-TestDatabase
        $json = Join-Path (New-TestFolder) 'partners.json'
        @(
            [pscustomobject]@{ Name = 'Json One'; Type = 'Reseller'; Country = 'de'; JoinedOn = [datetime]'2014-03-31' }
            [pscustomobject]@{ PartnerName = 'Json Two'; Tier = 'Gold'; Notes = 'from "JSON"' }
        ) | ConvertTo-Json | Set-Content $json
        $result = Import-Partner $json -Database $db
        $result.Inserted | Should -Be 2
        (Get-Partner -Database $db -Name 'Json One').JoinedOn | Should -Be ([datetime]'2014-03-31')
        (Get-Partner -Database $db -Name 'Json Two').Notes | Should -BeExactly 'from "JSON"'
    }

    It 'reads another delimiter and encoding' {
        $db = New-TestDatabase
        $csv = Join-Path (New-TestFolder) 'semicolon.csv'
        'Name;Country;Notes', 'Müller GmbH;DE;Straße 1, Köln' | Set-Content $csv -Encoding latin1
        $result = Import-Partner $csv -Database $db -Delimiter ';' -Encoding latin1
        $result.Inserted | Should -Be 1
        (Get-Partner -Database $db).Notes | Should -BeExactly 'Straße 1, Köln'
    }
}

# ISO dates do not depend on the session's culture; other dates are read in the session's culture (as Export-Csv
# writes them, and as Import-Csv | Add-Partner reads them), or in -Culture's (issue 12: it was invariant only).
Describe 'Import-Partner in a de-DE session' {
    BeforeAll {
        $folder = New-TestFolder
        $result = Invoke-ChildPwshJson -ImportModule -Command @"
try { [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo('de-DE') } catch { return @{ Skipped = `$true } }
`$folder = $(ConvertTo-PSLiteral $folder)
'Name,JoinedOn', 'Iso,2014-03-01', 'German,01.03.2014', 'Slashed,03/01/2014' | Set-Content "`$folder/in.csv"
`$default = Import-Partner "`$folder/in.csv" -Database "`$folder/a.db" -ErrorAction SilentlyContinue -ErrorVariable err
`$withCulture = Import-Partner "`$folder/in.csv" -Database "`$folder/b.db" -Culture en-US -ErrorAction SilentlyContinue
@{
    Skipped = `$false
    DefaultInserted = `$default.Inserted; DefaultError = "`$(`$err[0].Exception.Message)"
    IsoDate = (Get-Partner -Database "`$folder/a.db" -Name Iso).JoinedOn.ToString('yyyy-MM-dd')
    CultureInserted = `$withCulture.Inserted
    GermanDate = (Get-Partner -Database "`$folder/a.db" -Name German).JoinedOn.ToString('yyyy-MM-dd')
    SlashedDate = (Get-Partner -Database "`$folder/b.db" -Name Slashed).JoinedOn.ToString('yyyy-MM-dd')
}
"@
    }

    It 'reads ISO dates whatever the session culture' {
        if ($result.Skipped) { Set-ItResult -Skipped -Because 'culture de-DE is not available here' }
        $result.IsoDate | Should -Be '2014-03-01'
    }

    It 'reads the session culture''s own dates without -Culture, another culture''s with -Culture, and says so otherwise' {
        if ($result.Skipped) { Set-ItResult -Skipped -Because 'culture de-DE is not available here' }
        # de-DE: 01.03.2014 is 1 March; 03/01/2014 is no German form. -Culture en-US: 03/01/2014 is 1 March, 01.03.2014 no form.
        $result.DefaultInserted | Should -Be 2
        $result.DefaultError | Should -Match "'03/01/2014' is not a date.*de-DE.*-Culture"
        $result.GermanDate | Should -Be '2014-03-01'
        $result.CultureInserted | Should -Be 2
        $result.SlashedDate | Should -Be '2014-03-01'
    }
}

Describe 'Round trip: Get-Partner | Export-Csv, then Import-Partner into another database' {
    BeforeAll {
        $properties = 'Name', 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes'
        $a = New-TestDatabase 'a.db'
        $b = New-TestDatabase 'b.db'
        $csv = Join-Path (Get-TestFolder $a) 'p.csv'
        Add-TestPartner -Database $a -Partner @(
            @{ Name = 'Full, Partner "Quoted"'; Type = 'SystemIntegrator'; Tier = 'Platinum'; Status = 'Active'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2014-03-31'; Notes = "Line one, with a comma`nline two" }
            @{ Name = 'Ended Distributor'; Type = 'Distributor'; Tier = 'Gold'; Status = 'Terminated'; Region = 'China'; Country = 'CN'; JoinedOn = '2012-07-01'; EndedOn = '2015-02-28'; Notes = 'effectively over' }
            @{ Name = 'Bare Minimum'; Status = 'Prospect' }
            @{ Name = 'Ünïcödé Partner'; Type = 'Training'; Tier = 'Silver'; Status = 'Suspended'; Country = 'FR'; JoinedOn = '2016-12-31' }
        )
        Get-Partner -Database $a | Export-Csv -Path $csv
        $result = Import-Partner $csv -Database $b
        $source = Get-Partner -Database $a | Select-Object $properties
        $copy = Get-Partner -Database $b | Select-Object $properties
    }

    It 'brings every partner across' {
        $result.Inserted | Should -Be 4
        $result.Failed | Should -Be 0
        $copy.Name | Should -Be $source.Name
    }

    It 'gives identical <_> values' -ForEach @('Name', 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes') {
        for ($i = 0; $i -lt $source.Count; $i++) {
            $copy[$i].$_ | Should -Be $source[$i].$_ -Because "partner '$($source[$i].Name)' must keep its $_"
        }
    }
}

Describe 'Import-Partner stopped midway' {
    It 'stops promptly after some batches were committed, keeps exactly those, and leaves the database usable' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $rows = 400000
        $csv = Join-Path (New-TestFolder) 'big.csv'
        $text = [System.Text.StringBuilder]::new("Name,Country`n")
        foreach ($i in 1..$rows) { $null = $text.Append('Partner ').Append($i).Append(",DE`n") }
        [IO.File]::WriteAllText($csv, $text.ToString())

        # One script, not a batch of statements: stopping a batch between its statements can crash PowerShell's
        # batch worker when the runspace is then disposed.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; Import-Partner -Path '$csv' -Database '$db'")
        $async = $ps.BeginInvoke()
        # Stopped only once a batch is committed (another connection sees rows), so that there is something to keep.
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while ((Get-PartnerDatabase -Database $db).PartnerCount -eq 0 -and -not $async.IsCompleted -and [datetime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 5
        }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $ps.InvocationStateInfo.State | Should -Be 'Stopped' -Because 'the import must still have been running when stopped'
        # EndInvoke reports the stop (a .NET method call wraps it).
        $stopped = { $null = $ps.EndInvoke($async) } | Should -Throw -PassThru
        $stopped.Exception.InnerException | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
        $warnings = @($ps.Streams.Warning | ForEach-Object Message)
        $ps.Dispose()

        $count = (Get-PartnerDatabase -Database $db).PartnerCount
        $count | Should -BeGreaterThan 0
        $count | Should -BeLessThan $rows
        # The warning gives the committed count, which is exactly what is stored: the first $count rows of the file.
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike "Import-Partner was stopped: $($count.ToString('N0')) row(s) of '$csv' up to line $(($count + 1).ToString('N0')) were committed and are kept*"
        (Get-Partner -Database $db -Name "Partner $count").Name | Should -Be "Partner $count"
        Get-Partner -Database $db -Name "Partner $($count + 1)" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-PartnerDatabase -Database $db | Should -BeTrue
        (Import-Partner $csv -Database $db -Mode Skip).Inserted | Should -Be ($rows - $count)
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be $rows
    }
}
