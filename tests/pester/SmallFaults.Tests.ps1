# Issue 13, part 3 (small faults) and the import error flood of part 4: each Describe is one kind of fault, tested on
# several instances. Expected values are worked out by hand in the comments, never taken from the module's own output.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Runs a script in a child pwsh -NonInteractive whose standard input is closed (as in a scheduled runbook), with the
    # module imported; returns its exit code and everything it printed (stdout and stderr).
    function Invoke-ClosedStdinPwsh {
        param([Parameter(Mandatory)] [string] $Command)
        $pwsh = Get-PwshCommandLine
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh.Exe)
        foreach ($a in $pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$script:ModuleManifest'; $Command")) { $info.ArgumentList.Add($a) }
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($info)
        $process.StandardInput.Close()   # closed stdin: nothing can answer a prompt
        $err = $process.StandardError.ReadToEndAsync()
        $out = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $out + $err.Result }
    }

    # How many history entries a database holds.
    function Get-HistoryCount([string] $Database) { @(Get-PartnerHistory -Database $Database).Count }

    # One value read with SQL on a connection of its own (for what the objects do not show, such as a target's updated_at).
    function Get-RawValue([string] $Database, [string] $Sql) {
        $connection = Open-RawConnection -Database $Database
        try { $command = $connection.CreateCommand(); $command.CommandText = $Sql; $command.ExecuteScalar() }
        finally { $connection.Dispose() }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A change that changes nothing changes nothing' {
    BeforeEach {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Acme' -Type Reseller -Tier Gold -Status Active -Region 'Western Europe' -Country DE -JoinedOn 2015-03-01 -Notes 'key account'
        $before = Get-Partner -Database $db -Name 'Acme'
        $historyBefore = Get-HistoryCount $db
        Start-Sleep -Milliseconds 20   # a write now would give UpdatedAt a later time
    }

    It 'Set-Partner -<Parameter> with the value the partner has writes nothing: UpdatedAt stays, no history' -ForEach @(
        @{ Parameter = 'Tier'; Value = 'Gold' }
        @{ Parameter = 'Type'; Value = 'Reseller' }
        @{ Parameter = 'Status'; Value = 'Active' }
        @{ Parameter = 'Region'; Value = 'Western Europe' }
        @{ Parameter = 'Country'; Value = 'DE' }
        @{ Parameter = 'JoinedOn'; Value = '2015-03-01' }
        @{ Parameter = 'Notes'; Value = 'key account' }
        @{ Parameter = 'NewName'; Value = 'Acme' }
    ) {
        $splat = @{ $Parameter = $Value }
        $verbose = Set-Partner -Database $db -Name 'Acme' @splat -Verbose 4>&1 | ForEach-Object Message
        $after = Get-Partner -Database $db -Name 'Acme'
        $after.UpdatedAt | Should -Be $before.UpdatedAt
        Get-HistoryCount $db | Should -Be $historyBefore
        ($verbose -join "`n") | Should -Match "Partner 'Acme' \(Id $($before.Id)\) already has these values: no change, nothing written\."
        ($verbose -join "`n") | Should -Match 'Updated 0 partner\(s\)'
    }

    It 'returns the stored partner with -PassThru all the same' {
        $passed = Set-Partner -Database $db -Name 'Acme' -Tier Gold -PassThru
        $passed.Id | Should -Be $before.Id
        $passed.Tier | Should -Be 'Gold'
        $passed.UpdatedAt | Should -Be $before.UpdatedAt
    }

    It 'several values that are all the same write nothing; one that differs writes one change' {
        Set-Partner -Database $db -Name 'Acme' -Tier Gold -Type Reseller -Country DE
        (Get-Partner -Database $db -Name 'Acme').UpdatedAt | Should -Be $before.UpdatedAt
        Set-Partner -Database $db -Name 'Acme' -Tier Platinum -Type Reseller
        $after = Get-Partner -Database $db -Name 'Acme'
        $after.Tier | Should -Be 'Platinum'
        $after.UpdatedAt | Should -BeGreaterThan $before.UpdatedAt
        # One Update entry, with only Tier changed (Gold -> Platinum).
        Get-HistoryCount $db | Should -Be ($historyBefore + 1)
        $entry = Get-PartnerHistory -Database $db | Select-Object -First 1
        $entry.Operation | Should -Be 'Update'
        @($entry.Changes).Property | Should -Be @('Tier')
    }

    It 'a new spelling of the name or the region is a change (it is what is stored and shown)' {
        Set-Partner -Database $db -Name 'Acme' -NewName 'ACME'
        (Get-Partner -Database $db -Name 'Acme').Name | Should -BeExactly 'ACME'
        Get-HistoryCount $db | Should -Be ($historyBefore + 1)
    }

    It 'Set-PartnerTarget with the value stored writes nothing; another value does' {
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000000 -Currency EUR
        $stamp = Get-RawValue $db 'SELECT updated_at FROM targets'
        $history = Get-HistoryCount $db
        Start-Sleep -Milliseconds 20
        $verbose = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000000 -Currency EUR -PassThru -Verbose 4>&1
        @($verbose | Where-Object { $_ -is [PartnerOps.PartnerTarget] }).Count | Should -Be 1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'is stored already: no change, nothing written'
        Get-HistoryCount $db | Should -Be $history
        Get-RawValue $db 'SELECT updated_at FROM targets' | Should -Be $stamp
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1200000 -Currency EUR
        Get-HistoryCount $db | Should -Be ($history + 1)
        (Get-PartnerTarget -Database $db).Value | Should -Be 1200000
    }

    It 'Set-PartnerExchangeRate with the rate stored writes nothing; another rate does' {
        $null = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1095
        $history = Get-HistoryCount $db
        $verbose = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1095 -Verbose 4>&1 | ForEach-Object Message
        ($verbose -join "`n") | Should -Match 'is stored already: no change, nothing written'
        Get-HistoryCount $db | Should -Be $history
        $null = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.12
        Get-HistoryCount $db | Should -Be ($history + 1)
    }

    It 'Import-Partner -Mode Upsert of rows identical to the stored partners counts them as Skipped and writes nothing' {
        $csv = Join-Path (New-TestFolder) 'partners.csv'
        # Acme as stored, Beta new, Gamma new: 1 skipped (Acme), 2 inserted.
        Set-Content -LiteralPath $csv -Value @(
            'Name,Type,Tier,Status,Region,Country,JoinedOn,Notes'
            'Acme,Reseller,Gold,Active,Western Europe,DE,2015-03-01,key account'
            'Beta,Distributor,Silver,Active,Nordics,SE,2016-01-01,'
            'Gamma,Reseller,Registered,Active,Nordics,NO,2016-02-01,'
        )
        $first = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($first.Inserted, $first.Updated, $first.Skipped) | Should -Be @(2, 0, 1)
        $history = Get-HistoryCount $db
        $stamps = (Get-Partner -Database $db).UpdatedAt
        Start-Sleep -Milliseconds 20
        # Again: all three rows hold what is stored: 3 skipped, nothing updated, no history.
        $again = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($again.Read, $again.Inserted, $again.Updated, $again.Skipped, $again.Failed) | Should -Be @(3, 0, 0, 3, 0)
        Get-HistoryCount $db | Should -Be $history
        (Get-Partner -Database $db).UpdatedAt | Should -Be $stamps
        # One value changed (Beta's tier): 1 updated, 2 skipped.
        (Get-Content -LiteralPath $csv) -replace 'Beta,Distributor,Silver', 'Beta,Distributor,Gold' | Set-Content -LiteralPath $csv
        $changed = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($changed.Updated, $changed.Skipped) | Should -Be @(1, 2)
        (Get-Partner -Database $db -Name Beta).Tier | Should -Be 'Gold'
    }

    It 'Import-PartnerRevenue -Mode Upsert of records identical to the stored ones counts them as Skipped and writes nothing' {
        $csv = Join-Path (New-TestFolder) 'revenue.csv'
        Set-Content -LiteralPath $csv -Value @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            'Acme,2015-01-15,100.00,EUR,Enterprise,Western Europe,INV-1'
            'Acme,2015-02-15,250.50,EUR,Enterprise,Western Europe,INV-2'
        )
        $null = Import-PartnerRevenue -Database $db -Path $csv
        $history = Get-HistoryCount $db
        $again = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        ($again.Inserted, $again.Updated, $again.Skipped) | Should -Be @(0, 0, 2)
        Get-HistoryCount $db | Should -Be $history
        # INV-2 now 300.00: 1 updated, 1 skipped; the total is 100.00 + 300.00 = 400.00.
        (Get-Content -LiteralPath $csv) -replace '250\.50', '300.00' | Set-Content -LiteralPath $csv
        $changed = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        ($changed.Updated, $changed.Skipped) | Should -Be @(1, 1)
        (Measure-PartnerRevenue -Database $db -Currency EUR).Total | Should -Be 400.00
    }

    It 'Set-Partner from piped rows (Import-Csv | Set-Partner) with unchanged values writes nothing' {
        [pscustomobject]@{ Name = 'Acme' } | Set-Partner -Database $db -Tier Gold -Region 'Western Europe'
        (Get-Partner -Database $db -Name 'Acme').UpdatedAt | Should -Be $before.UpdatedAt
        Get-HistoryCount $db | Should -Be $historyBefore
    }
}

Describe 'Every ShouldProcess text names its target fully' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Acme' -Region 'Western Europe'
        $null = Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount 10.5 -Currency EUR
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000
        $null = New-PartnerDatabase -Path (Join-Path (Split-Path $db) 'jpy.db') -Currency JPY
        $samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/channel')).Path
        $folder = Split-Path $db
        Close-PooledConnections
        # -WhatIf writes to the host: run every command in a child pwsh and read what it printed, per culture.
        $script:WhatIf = @{}
        foreach ($culture in 'en-US', 'en-GB', 'de-DE', 'fr-FR') {
            $script:WhatIf[$culture] = Invoke-ChildPwsh @"
[System.Globalization.CultureInfo]::CurrentCulture = '$culture'
Import-Module '$script:ModuleManifest'
`$db = '$db'
Add-PartnerRevenue -Database `$db -Partner Acme -Date 2015-01-01 -Amount 10.5 -WhatIf
Add-PartnerRevenue -Database `$db -Partner Acme -Date 2015-01-01 -Amount 1234.56 -Currency eur -Reference INV-9 -WhatIf
Add-PartnerRevenue -Database `$db -Direct -Region 'Western Europe' -Date 2015-01-01 -Amount 10 -WhatIf
Add-PartnerRevenue -Database '$folder/jpy.db' -Partner Acme -Date 2015-01-01 -Amount 500 -WhatIf
Add-PartnerRevenue -Database '$folder/not-yet.db' -Partner Acme -Date 2015-01-01 -Amount 7 -WhatIf
Add-Partner -Database `$db -Name 'Beta' -WhatIf
Set-Partner -Database `$db -Name Acme -Tier Gold -JoinedOn 2015-03-01 -WhatIf
Remove-Partner -Database `$db -Name Acme -Force -WhatIf
Remove-PartnerRevenue -Database `$db -Id 1 -WhatIf
Get-PartnerRevenue -Database `$db | Remove-PartnerRevenue -WhatIf
Set-PartnerTarget -Database `$db -Metric PartnerRevenue -Year 2016 -Value 2500.5 -WhatIf
Set-PartnerTarget -Database `$db -Metric PartnerRevenue -Region 'Western Europe' -Year 2016 -Value 100 -Currency GBP -WhatIf
Set-PartnerTarget -Database `$db -Metric PartnerCount -Region 'Western Europe' -Year 2016 -Value 40 -WhatIf
Remove-PartnerTarget -Database `$db -Id 1 -WhatIf
Remove-PartnerTarget -Database `$db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -WhatIf
Set-PartnerExchangeRate -Database `$db -From EUR -To USD -Year 2015 -Rate 1.1095 -WhatIf
Import-Partner -Database `$db -Path '$samples/partners.csv' -Mode Upsert -WhatIf
Import-PartnerRevenue -Database `$db -Path '$samples/revenue.csv' -Atomic -WhatIf
New-PartnerDatabase -Path '$folder/new.db' -Currency GBP -WhatIf
New-PartnerDatabase -Path `$db -Force -WhatIf
Backup-PartnerDatabase -Database `$db -DestinationPath '$folder/copy.db' -WhatIf
"@
        }
    }

    It 'names every target in full in <_>' -ForEach 'en-US', 'en-GB', 'de-DE', 'fr-FR' {
        $text = $script:WhatIf[$_] -join "`n"
        $expected = @(
            # Money with its currency: the database's reporting currency (USD) when none is given; amounts in invariant form.
            'Performing the operation "Add revenue" on target "2015-01-01 10.5 USD by Acme".'
            'Performing the operation "Add revenue" on target "2015-01-01 1234.56 EUR by Acme (Reference INV-9)".'
            'Performing the operation "Add revenue" on target "2015-01-01 10 USD direct in Western Europe".'
            # A JPY database: its reporting currency; a database that does not exist yet would be created with USD.
            'Performing the operation "Add revenue" on target "2015-01-01 500 JPY by Acme".'
            'Performing the operation "Add revenue" on target "2015-01-01 7 USD by Acme".'
            'Performing the operation "Add partner" on target "Beta".'
            'Performing the operation "Set partner properties" on target "Acme (Id 1): Tier = Gold, JoinedOn = 2015-03-01".'
            'Performing the operation "Remove partner" on target "Acme (Id 1) and its 1 revenue record(s)".'
            # The record as stored: date, partner, amount with its currency's two decimals, currency.
            'Performing the operation "Remove revenue" on target "Id 1: 2015-01-01 Acme 10.50 EUR".'
            'Performing the operation "Set target" on target "PartnerRevenue (all regions) 2016 = 2500.5 USD".'
            'Performing the operation "Set target" on target "PartnerRevenue Western Europe 2016 = 100 GBP".'
            'Performing the operation "Set target" on target "PartnerCount Western Europe 2016 = 40".'
            # The target as stored for -Id: its value, money with its currency (1000 in the reporting currency USD).
            'Performing the operation "Remove target" on target "Id 1: PartnerRevenue Western Europe 2015 = 1000 USD".'
            'Performing the operation "Remove target" on target "PartnerRevenue Western Europe 2015".'
            'Performing the operation "Set exchange rate" on target "2015: 1 EUR = 1.1095 USD".'
            "Performing the operation `"Import partners (mode Upsert)`" on target `"$samples/partners.csv`"."
            "Performing the operation `"Import revenue (mode Insert, atomic)`" on target `"$samples/revenue.csv`"."
            "Performing the operation `"Create PartnerOps database (currency GBP)`" on target `"$folder/new.db`"."
            "Performing the operation `"Replace the PartnerOps database and everything in it with a new empty one (currency USD)`" on target `"$db`"."
            "Performing the operation `"Back up $db`" on target `"$folder/copy.db`"."
        )
        foreach ($line in $expected) {
            $text | Should -BeLikeExactly "*What if: $([WildcardPattern]::Escape($line))*"
        }
        # Both Remove-PartnerRevenue forms (by Id and piped) name the record the same way.
        ([regex]::Matches($text, [regex]::Escape('"Id 1: 2015-01-01 Acme 10.50 EUR"'))).Count | Should -Be 2
        $text | Should -Not -Match 'Exception|Error'
    }

    It 'changed nothing and created no database' {
        Test-Path (Join-Path $folder 'not-yet.db') | Should -BeFalse
        Test-Path (Join-Path $folder 'new.db') | Should -BeFalse
        Test-Path (Join-Path $folder 'copy.db') | Should -BeFalse
        @(Get-Partner -Database $db).Name | Should -Be @('Acme')
        @(Get-PartnerRevenue -Database $db).Count | Should -Be 1
    }
}

Describe 'Creating a database implicitly says so' {
    It '<Command> on a missing file warns naming the new file in full and how to avoid it' -ForEach @(
        @{ Command = 'Add-Partner'; Script = { param($db) Add-Partner -Database $db -Name 'Acme' } }
        @{ Command = 'Add-PartnerRevenue'; Script = { param($db) Add-PartnerRevenue -Database $db -Direct -Region 'Nordics' -Date 2015-01-01 -Amount 1 } }
        @{ Command = 'Set-PartnerTarget'; Script = { param($db) Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 10 } }
        @{ Command = 'Set-PartnerExchangeRate'; Script = { param($db) Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1 } }
        @{ Command = 'Import-Partner'; Script = { param($db, $csv) Import-Partner -Database $db -Path $csv } }
    ) {
        $folder = New-TestFolder
        $csv = Join-Path $folder 'p.csv'
        Set-Content -LiteralPath $csv -Value 'Name', 'Acme'
        Push-Location $folder
        try {
            # A relative, mistyped path: the warning names the full path.
            $warnings = @(& $Script 'partnres.db' $csv 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        }
        finally { Pop-Location }
        $full = Join-Path $folder 'partnres.db'
        Test-Path -LiteralPath $full | Should -BeTrue
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLikeExactly "There was no database at '$full', so a new, empty PartnerOps database was created there (reporting currency USD).*"
        "$($warnings[0])" | Should -BeLike '*New-PartnerDatabase*Test-Path -LiteralPath*'
    }

    It 'does not warn when the database exists, nor for New-PartnerDatabase' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -WarningVariable created
        $null = Add-Partner -Database $db -Name 'Acme' -WarningVariable added
        @($created).Count | Should -Be 0
        @($added).Count | Should -Be 0
    }

    It 'a read of a missing file keeps its behaviour: DatabaseNotFound, and no file is created' {
        $db = Join-Path (New-TestFolder) 'missing.db'
        { Get-Partner -Database $db -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        { Measure-PartnerRevenue -Database $db -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        { Set-Partner -Database $db -Name 'Acme' -Tier Gold -ErrorAction Stop } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Test-Path -LiteralPath $db | Should -BeFalse
    }

    It 'the runbook guard (Test-Path before a write) refuses a mistyped path and creates nothing' {
        $db = Join-Path (New-TestFolder) 'mistyped.db'
        $runbook = { if (-not (Test-Path -LiteralPath $db -PathType Leaf)) { throw "No database at $db" }; Add-Partner -Database $db -Name 'Acme' }
        $runbook | Should -Throw "No database at $db"
        Test-Path -LiteralPath $db | Should -BeFalse
    }
}

Describe '-Force skips the extra question; ShouldProcess at ConfirmImpact High decides (stdin closed, -NonInteractive)' {
    BeforeEach {
        $folder = New-TestFolder
        $db = Join-Path $folder 'live.db'
        $null = Add-Partner -Database $db -Name 'Keep me' -WarningAction SilentlyContinue
        $copy = Join-Path $folder 'copy.db'
        $null = New-PartnerDatabase -Path $copy -Currency GBP
        Close-PooledConnections
    }

    It 'New-PartnerDatabase -Force -Confirm:$false replaces the file without any question' {
        $run = Invoke-ClosedStdinPwsh "New-PartnerDatabase -Path '$db' -Force -Confirm:`$false | ForEach-Object { 'replaced ' + `$_.PartnerCount }"
        $run.Output | Should -Not -Match 'NullReference'
        $run.Output | Should -Match 'replaced 0'
        $run.ExitCode | Should -Be 0
        @(Get-Partner -Database $db).Count | Should -Be 0
    }

    It 'New-PartnerDatabase -Force with $ConfirmPreference None replaces the file without any question' {
        $run = Invoke-ClosedStdinPwsh "`$ConfirmPreference = 'None'; `$null = New-PartnerDatabase -Path '$db' -Force; 'done'"
        $run.Output | Should -Not -Match 'NullReference'
        $run.Output | Should -Match 'done'
        @(Get-Partner -Database $db).Count | Should -Be 0
    }

    It 'New-PartnerDatabase -Force alone asks (High impact): with no one to answer, a clear error and the file is kept' {
        $run = Invoke-ClosedStdinPwsh "try { New-PartnerDatabase -Path '$db' -Force -ErrorAction Stop } catch { 'refused: ' + `$_.Exception.GetType().Name + ': ' + `$_.Exception.Message }"
        $run.Output | Should -Not -Match 'NullReference'
        $run.Output | Should -Match 'refused: .*NonInteractive'
        (Get-Partner -Database $db).Name | Should -Be 'Keep me'
    }

    It 'New-PartnerDatabase of a new file asks nothing (as a Medium-impact cmdlet)' {
        $run = Invoke-ClosedStdinPwsh "`$null = New-PartnerDatabase -Path '$folder/fresh.db'; 'created'"
        $run.Output | Should -Match 'created'
        Test-Path -LiteralPath (Join-Path $folder 'fresh.db') | Should -BeTrue
    }

    It 'New-PartnerDatabase -Confirm of a new file asks (and, with no answer, creates nothing)' {
        $run = Invoke-ClosedStdinPwsh "try { New-PartnerDatabase -Path '$folder/asked.db' -Confirm -ErrorAction Stop } catch { 'refused: ' + `$_.Exception.Message }"
        $run.Output | Should -Match 'refused: .*NonInteractive'
        Test-Path -LiteralPath (Join-Path $folder 'asked.db') | Should -BeFalse
    }

    It 'Backup-PartnerDatabase -Force -Confirm:$false replaces the destination without any question' {
        $run = Invoke-ClosedStdinPwsh "Backup-PartnerDatabase -Database '$db' -DestinationPath '$copy' -Force -Confirm:`$false | ForEach-Object { 'copied ' + `$_.PartnerCount + ' ' + `$_.Currency }"
        $run.Output | Should -Not -Match 'NullReference'
        # The copy holds the live database: one partner, currency USD (the GBP file it replaced is gone).
        $run.Output | Should -Match 'copied 1 USD'
    }

    It 'Backup-PartnerDatabase -Force alone asks: with no one to answer, a clear error and the destination is kept' {
        $run = Invoke-ClosedStdinPwsh "try { Backup-PartnerDatabase -Database '$db' -DestinationPath '$copy' -Force -ErrorAction Stop } catch { 'refused: ' + `$_.Exception.Message }"
        $run.Output | Should -Not -Match 'NullReference'
        $run.Output | Should -Match 'refused: .*NonInteractive'
        (Get-PartnerDatabase -Database $copy).Currency | Should -Be 'GBP'
    }

    It 'Backup-PartnerDatabase to a new file asks nothing' {
        $run = Invoke-ClosedStdinPwsh "`$null = Backup-PartnerDatabase -Database '$db' -DestinationPath '$folder/new-copy.db'; 'backed up'"
        $run.Output | Should -Match 'backed up'
        (Get-Partner -Database (Join-Path $folder 'new-copy.db')).Name | Should -Be 'Keep me'
    }

    It 'no cmdlet of the module calls ShouldContinue' {
        $sources = Get-ChildItem (Join-Path $PSScriptRoot '../../src/PartnerOps') -Recurse -Filter *.cs
        @($sources | Select-String -Pattern 'ShouldContinue\(' -SimpleMatch:$false | Where-Object { $_.Line -notmatch '^\s*//' }).Count | Should -Be 0
    }

    It 'New-PartnerDatabase and Backup-PartnerDatabase declare ConfirmImpact High' {
        foreach ($name in 'New-PartnerDatabase', 'Backup-PartnerDatabase') {
            $type = (Get-Command $name).ImplementingType
            $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        }
    }
}

Describe 'The manifest links nothing that does not exist' {
    It 'has no URI on an invalid or example host' {
        $data = Import-PowerShellDataFile $script:ModuleManifest
        $uris = @($data.HelpInfoUri) + @($data.PrivateData.PSData.ProjectUri, $data.PrivateData.PSData.LicenseUri, $data.PrivateData.PSData.IconUri) | Where-Object { $_ }
        foreach ($uri in $uris) {
            ([uri]$uri).Host | Should -Not -Match '(^|\.)(invalid|example|test|localhost)$|^example\.'
        }
        (Get-Content -Raw $script:ModuleManifest) | Should -Not -Match 'example\.invalid'
    }

    It 'Get-Help -Online says there is no online help (rather than opening a broken link)' {
        foreach ($name in 'Add-Partner', 'Import-PartnerRevenue', 'New-PartnerDatabase') {
            { Get-Help $name -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand'
            (Get-Help $name).relatedLinks.navigationLink.uri | Where-Object { $_ } | Should -BeNullOrEmpty
        }
    }
}

Describe 'Partner names sort as people expect, the same in every culture' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        # Added in an order unlike the expected one.
        $names = 'Zürich AG', 'Øresund IT', 'Ångström Labs', 'Élan', 'elan systems', 'Elan', 'Łódź Soft', 'Straße GmbH', 'Strasse Beta',
            'Æther', 'Aether B', '3M', 'acme', 'Acme Z', 'Oslo', 'Lyon', 'Nürnberg', 'Nuremberg', 'Þór Data', 'Thor Apps', 'Ðakovo', 'Dallas'
        $names | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $db
        # By hand, from each name's sort key (case folded, accents dropped, ø o, ł l, ð d, æ ae, þ th, ß ss), ties by name key:
        #  3m; acme; acme z; aether (Æther); aether b; angstrom labs; dakovo (Ðakovo); dallas; elan (Elan, key 'elan'),
        #  elan (Élan, key 'élan': after 'elan'); elan systems; lodz soft; lyon; nuremberg; nurnberg; oresund it; oslo;
        #  strasse beta (key 'strasse beta'); strasse gmbh (Straße: key 'strasse gmbh'); thor apps; thor data (Þór); zurich ag.
        $script:Expected = '3M', 'acme', 'Acme Z', 'Æther', 'Aether B', 'Ångström Labs', 'Ðakovo', 'Dallas', 'Elan', 'Élan', 'elan systems',
            'Łódź Soft', 'Lyon', 'Nuremberg', 'Nürnberg', 'Øresund IT', 'Oslo', 'Strasse Beta', 'Straße GmbH', 'Thor Apps', 'Þór Data', 'Zürich AG'
    }

    It 'Get-Partner lists them in name order in <_>' -ForEach 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'sv-SE' {
        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = $_
            @(Get-Partner -Database $db).Name | Should -BeExactly $script:Expected
        }
        finally { [System.Globalization.CultureInfo]::CurrentCulture = $saved }
    }

    It 'pages in the same order (-Skip and -First)' {
        # Items 6 to 9 of the expected list (1-based): Ångström Labs, Ðakovo, Dallas, Elan.
        @(Get-Partner -Database $db -Skip 5 -First 4).Name | Should -BeExactly @('Ångström Labs', 'Ðakovo', 'Dallas', 'Elan')
    }

    It 'a wildcard filter keeps the order (E* matches name keys starting with e: not Élan, whose key starts with é)' {
        @(Get-Partner -Database $db -Name 'E*').Name | Should -BeExactly @('Elan', 'elan systems')
    }

    It 'a renamed partner moves to its new place' {
        Set-Partner -Database $db -Name 'Zürich AG' -NewName 'Ålesund AG'
        $names = @(Get-Partner -Database $db).Name
        # 'alesund ag' sorts after 'aether b' and before 'angstrom labs'.
        $names[5] | Should -BeExactly 'Ålesund AG'
        $names[6] | Should -BeExactly 'Ångström Labs'
        Set-Partner -Database $db -Name 'Ålesund AG' -NewName 'Zürich AG'
    }

    It 'imported partners (the bulk fast path) take their place too, and the check finds every sort key right' {
        $csv = Join-Path (New-TestFolder) 'more.csv'
        Set-Content -LiteralPath $csv -Value 'Name', 'Ärlig Consulting', 'Œuvre Tech', 'Ørsted Partners', 'Zeta' -Encoding utf8
        $null = Import-Partner -Database $db -Path $csv
        $names = @(Get-Partner -Database $db).Name
        # arlig consulting after angstrom labs, before dakovo; oeuvre tech after nurnberg, before oresund it; orsted partners after oresund it, before oslo.
        $names.IndexOf('Ärlig Consulting') | Should -Be ($names.IndexOf('Ångström Labs') + 1)
        $names.IndexOf('Œuvre Tech') | Should -Be ($names.IndexOf('Nürnberg') + 1)
        $names.IndexOf('Ørsted Partners') | Should -Be ($names.IndexOf('Øresund IT') + 1)
        $names[-1] | Should -BeExactly 'Zürich AG'
        $names[-2] | Should -BeExactly 'Zeta'
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'NameSortKeys').Detail | Should -Be 'ok'
    }

    It 'Measure-PartnerRevenue -GroupBy Partner lists partners in the same order' {
        $m = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $m
        foreach ($name in 'Zürich AG', 'Ångström Labs', 'Élan', 'Elan') {
            $null = Add-Partner -Database $m -Name $name -Region 'Nordics'
            $null = Add-PartnerRevenue -Database $m -Partner $name -Date 2015-01-01 -Amount 10
        }
        @(Measure-PartnerRevenue -Database $m -GroupBy Partner).Partner | Should -BeExactly @('Ångström Labs', 'Elan', 'Élan', 'Zürich AG')
    }

    It 'Test-PartnerDatabase names a partner whose stored sort key another program wrote wrong' {
        $bad = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $bad
        $null = Add-Partner -Database $bad -Name 'Ångström Labs'
        Close-PooledConnections
        Invoke-RawSql -Database $bad -Sql "UPDATE partners SET name_sort = 'zzz' WHERE name = 'Ångström Labs'"
        $finding = Test-PartnerDatabase -Database $bad -Detailed | Where-Object Check -EQ 'NameSortKeys'
        $finding.Passed | Should -BeFalse
        $finding.Detail | Should -BeLike "Partner Id 1 'Ångström Labs' has a stored sort key that is not its name's*"
    }

    It 'tab completion of -Name offers names in the same order' {
        $c = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $c
        'Maz Tech', 'Mäx Data', 'Mats AB' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $c
        $line = "Get-Partner -Database '$c' -Name M"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        # Sort keys: 'mats ab' < 'max data' (Mäx) < 'maz tech'. By name key alone Mäx ('mäx', ä > z) would come last.
        $completions | Should -BeExactly @("'Mats AB'", "'Mäx Data'", "'Maz Tech'")
    }

    It 'lookups by name stay on the name index' {
        (Get-Partner -Database $db -Name 'élan').Name | Should -BeExactly 'Élan'
        (Get-Partner -Database $db -Name 'STRASSE GMBH').Name | Should -BeExactly 'Straße GmbH'
    }
}

Describe 'A database of an earlier schema gets sort keys' {
    It 'is brought to the schema with sort keys on open, its partners listed in name order' {
        $db = Join-Path (New-TestFolder) 'old.db'
        Copy-Item (Join-Path $PSScriptRoot '../fixtures/partnerops-schema1.db') $db
        # The fixture's partners (by hand): Bechtle AG, Digital China, Meridian Distribution, Müller & Söhne IT; add one with an accented initial.
        $null = Add-Partner -Database $db -Name 'Ångström Labs'
        @(Get-Partner -Database $db).Name | Should -BeExactly @('Ångström Labs', 'Bechtle AG', 'Digital China', 'Meridian Distribution', 'Müller & Söhne IT')
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'NameSortKeys').Passed | Should -BeTrue
    }
}

Describe 'An import writes at most -ErrorLimit row errors' {
    BeforeAll {
        $folder = New-TestFolder
        # 250 revenue rows for partners that are not in the database, and 2 direct rows that import.
        $csv = Join-Path $folder 'revenue.csv'
        Set-Content -LiteralPath $csv -Value (@('PartnerName,Date,Amount,Currency,Region') +
            @(foreach ($i in 1..250) { "Missing $i,2015-01-01,1,USD,Nordics" }) + @(',2015-01-01,5,USD,Nordics', ',2015-01-02,6,USD,Nordics'))
    }

    It 'writes 100 errors by default, then one warning with how many more and what to do' {
        $db = Join-Path $folder 'default.db'
        $null = New-PartnerDatabase -Path $db
        $result = Import-PartnerRevenue -Database $db -Path $csv -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings
        @($errors).Count | Should -Be 100
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ImportRowInvalid,*'
        "$($errors[0])" | Should -BeExactly "Line 2, column PartnerName: there is no partner named 'Missing 1'; add it first (Add-Partner or Import-Partner), or leave PartnerName empty for direct revenue."
        ($result.Read, $result.Inserted, $result.Failed) | Should -Be @(252, 2, 250)
        @($warnings).Count | Should -Be 1
        # 250 failed, 100 written: 150 more.
        "$($warnings[0])" | Should -BeExactly ("150 more row(s) of '$csv' failed and were not written as errors (250 failed in all, the ImportResult's Failed; " +
            "-ErrorLimit 100 writes at most 100 per command). To see them all, give -FailedRowPath <file> (each failed row as read, with its Line and Reason), " +
            "or a larger -ErrorLimit. 150 of them name a partner that is not in the database: import the partners first (Import-Partner), or leave PartnerName empty for direct revenue.")
    }

    It '-ErrorLimit <Limit> writes <Limit> errors and counts the rest (<More> more)' -ForEach @(
        @{ Limit = 0; More = 250 }
        @{ Limit = 1; More = 249 }
        @{ Limit = 249; More = 1 }
    ) {
        $db = Join-Path (New-TestFolder) 'limit.db'
        $null = New-PartnerDatabase -Path $db
        $result = Import-PartnerRevenue -Database $db -Path $csv -ErrorLimit $Limit -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings
        @($errors).Count | Should -Be $Limit
        $result.Failed | Should -Be 250
        "$($warnings[0])" | Should -BeLike "$More more row(s) of '$csv' failed and were not written as errors (250 failed in all*-ErrorLimit $Limit writes at most $Limit per command)*"
    }

    It 'a limit at or above the failures writes them all and no warning' {
        $db = Join-Path (New-TestFolder) 'all.db'
        $null = New-PartnerDatabase -Path $db
        $null = Import-PartnerRevenue -Database $db -Path $csv -ErrorLimit 250 -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings
        @($errors).Count | Should -Be 250
        @($warnings).Count | Should -Be 0
    }

    It 'the failed-row file holds every failed row whatever the limit, and the warning names it' {
        $db = Join-Path (New-TestFolder) 'file.db'
        $null = New-PartnerDatabase -Path $db
        $failed = Join-Path (Split-Path $db) 'failed.csv'
        $null = Import-PartnerRevenue -Database $db -Path $csv -ErrorLimit 3 -FailedRowPath $failed -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings
        @($errors).Count | Should -Be 3
        @(Import-Csv -LiteralPath $failed).Count | Should -Be 250
        "$($warnings[0])" | Should -BeLike "*Every failed row is in '$failed', with its Line and Reason.*"
    }

    It 'one limit serves every file of the command (Import-Partner, two files)' {
        $dir = New-TestFolder
        # Each file: 3 rows with an invalid Tier (6 failures in all).
        foreach ($n in 1, 2) {
            Set-Content -LiteralPath (Join-Path $dir "p$n.csv") -Value (@('Name,Tier') + @(foreach ($i in 1..3) { "P$n-$i,Diamond" }))
        }
        $db = Join-Path $dir 'p.db'
        $null = New-PartnerDatabase -Path $db
        $results = Import-Partner -Database $db -Path (Join-Path $dir 'p*.csv') -ErrorLimit 4 -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings
        # 4 written (3 of the first file, 1 of the second), 2 counted in one warning for the second file.
        @($errors).Count | Should -Be 4
        @($results).Failed | Should -Be @(3, 3)
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 more row(s) of '$(Join-Path $dir 'p2.csv')' failed*"
    }

    It 'refuses a negative -ErrorLimit' {
        { Import-Partner -Database (New-TestDatabasePath) -Path $csv -ErrorLimit -1 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

Describe 'Ctrl+C during an import says what was kept' {
    BeforeAll {
        $folder = New-TestFolder
        $script:Csv = Join-Path $folder 'partners.csv'
        # 600,000 partners: several seconds to import, committed in batches (50,000 rows or one second).
        [IO.File]::WriteAllLines($script:Csv, [string[]]@('Name,Region') + @(foreach ($i in 1..600000) { "P$i,Nordics" }))
        $script:RevenueCsv = Join-Path $folder 'revenue.csv'
        [IO.File]::WriteAllLines($script:RevenueCsv, [string[]]@('PartnerName,Date,Amount,Region,Reference') + @(foreach ($i in 1..600000) { ",2015-01-01,1,Nordics,R$i" }))

        # One runspace with the module imported, where each import runs and is stopped (as in a host's session).
        $script:Runspace = [runspacefactory]::CreateRunspace()
        $script:Runspace.Open()
        $ps = [powershell]::Create()
        $ps.Runspace = $script:Runspace
        $null = $ps.AddScript('param($Module) Import-Module $Module').AddParameters(@{ Module = $script:ModuleManifest }).Invoke()
        $ps.Dispose()

        # Runs the import in a [powershell] instance (as a host runs a command), stops it after $Sleep ms (as Ctrl+C
        # does) and returns its warnings, output and state.
        function Invoke-StoppedImport([string] $Script, [int] $Sleep, [hashtable] $Parameters) {
            $ps = [powershell]::Create()
            $ps.Runspace = $script:Runspace
            $null = $ps.AddScript("param(`$Db, `$Csv) $Script").AddParameters($Parameters)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $running = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            Start-Sleep -Milliseconds $Sleep
            $ps.Stop()
            try { $null = $ps.EndInvoke($running) } catch { }
            $run = [pscustomobject]@{
                State    = $ps.InvocationStateInfo.State
                Warnings = @($ps.Streams.Warning | ForEach-Object Message)
                Output   = @($output)
            }
            $ps.Dispose()
            $run
        }
    }

    It 'Import-Partner stopped after <Sleep> ms warns with the committed row count, which is what is stored, and how to carry on' -ForEach @(
        @{ Sleep = 400 }, @{ Sleep = 2500 }
    ) {
        $db = Join-Path (New-TestFolder) 'stopped.db'
        $null = New-PartnerDatabase -Path $db
        $run = Invoke-StoppedImport 'Import-Partner -Database $Db -Path $Csv' $Sleep @{ Db = $db; Csv = $script:Csv }
        $run.State | Should -Be 'Stopped' -Because 'the import must still have been running (else this proves nothing)'
        @($run.Warnings).Count | Should -Be 1
        $stored = (Get-PartnerDatabase -Database $db).PartnerCount
        if ($stored -eq 0) {
            $run.Warnings[0] | Should -BeExactly "Import-Partner was stopped before any row of '$script:Csv' was committed: nothing from it was kept. Run the import again to import it."
        }
        else {
            # Rows P1..Pn are lines 2..n+1 of the file.
            $kept = $stored.ToString('N0')
            $line = ($stored + 1).ToString('N0')
            $run.Warnings[0] | Should -BeExactly ("Import-Partner was stopped: $kept row(s) of '$script:Csv' up to line $line were committed and are kept ($kept inserted, 0 updated, 0 skipped); " +
                "the rows after them were not imported. To carry on, run the same import again with -Mode Skip: the partners already stored (matched by name) are skipped, the others imported.")
        }
        # The result, when the stopping pipeline still took it, says the same.
        foreach ($result in @($run.Output | Where-Object { $_ -is [PartnerOps.ImportResult] })) {
            $result.Stopped | Should -BeTrue
            $result.Inserted | Should -Be $stored
        }
        # Carrying on as the warning says imports the rest: 600,000 in all.
        $rest = Import-Partner -Database $db -Path $script:Csv -Mode Skip
        $rest.Skipped | Should -Be $stored
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 600000
    }

    It 'Import-Partner -Atomic stopped says nothing was kept, and nothing is' {
        $db = Join-Path (New-TestFolder) 'atomic.db'
        $null = New-PartnerDatabase -Path $db
        $run = Invoke-StoppedImport 'Import-Partner -Database $Db -Path $Csv -Atomic' 1500 @{ Db = $db; Csv = $script:Csv }
        $run.State | Should -Be 'Stopped'
        $run.Warnings | Should -BeExactly @("Import-Partner was stopped: nothing from '$script:Csv' was kept (-Atomic undoes the whole file). Run the import again to import it.")
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 0
    }

    AfterAll {
        $script:Runspace.Dispose()
    }

    It 'a pipelined write (rows | Add-Partner) stopped after <Sleep> ms warns with the items kept, which is what is stored' -ForEach @(
        @{ Sleep = 800 }, @{ Sleep = 1600 }, @{ Sleep = 2400 }
    ) {
        $db = Join-Path (New-TestFolder) 'piped.db'
        $null = New-PartnerDatabase -Path $db
        $run = Invoke-StoppedImport '1..1000000 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $Db' $Sleep @{ Db = $db; Csv = $null }
        $run.State | Should -Be 'Stopped'
        $stored = (Get-PartnerDatabase -Database $db).PartnerCount
        if ($stored -eq 0) {
            @($run.Warnings).Count | Should -Be 0
        }
        else {
            $run.Warnings | Should -BeExactly @("Add-Partner was stopped: the $($stored.ToString('N0')) item(s) it wrote to '$db' before the stop are kept, each whole; the items after them were not written.")
        }
    }

    It 'a pipelined Set-Partner stopped warns with the partners it changed, which are the ones changed' {
        $db = Join-Path (New-TestFolder) 'set.db'
        $null = New-PartnerDatabase -Path $db
        $rows = Join-Path (Split-Path $db) 'p.csv'
        [IO.File]::WriteAllLines($rows, [string[]]@('Name') + @(foreach ($i in 1..60000) { "S$i" }))
        $null = Import-Partner -Database $db -Path $rows
        $run = Invoke-StoppedImport 'Get-Partner -Database $Db | Set-Partner -Database $Db -Tier Gold' 1500 @{ Db = $db; Csv = $null }
        $run.State | Should -Be 'Stopped'
        $changed = @(Get-Partner -Database $db -Tier Gold).Count
        $changed | Should -BeLessThan 60000 -Because 'the stop must come before the end (else this proves nothing)'
        if ($changed -gt 0) {
            $run.Warnings | Should -BeExactly @("Set-Partner was stopped: the $($changed.ToString('N0')) item(s) it wrote to '$db' before the stop are kept, each whole; the items after them were not written.")
        }
    }

    It 'Import-PartnerRevenue stopped warns with the count stored and how -Mode Skip treats references' {
        $db = Join-Path (New-TestFolder) 'revenue.db'
        $null = New-PartnerDatabase -Path $db
        $run = Invoke-StoppedImport 'Import-PartnerRevenue -Database $Db -Path $Csv' 2500 @{ Db = $db; Csv = $script:RevenueCsv }
        $run.State | Should -Be 'Stopped'
        $stored = (Get-PartnerDatabase -Database $db).RevenueCount
        @($run.Warnings).Count | Should -Be 1
        if ($stored -gt 0) {
            $run.Warnings[0] | Should -BeLike "Import-PartnerRevenue was stopped: $($stored.ToString('N0')) row(s) of '$script:RevenueCsv' up to line $(($stored + 1).ToString('N0')) were committed and are kept*"
            $run.Warnings[0] | Should -BeLike '*-Mode Skip: the records whose Reference is stored are skipped*Records without a Reference cannot be matched*'
        }
        else {
            $run.Warnings[0] | Should -BeLike 'Import-PartnerRevenue was stopped before any row*nothing from it was kept*'
        }
    }
}
