# ShouldProcess: its texts name their targets, a database created implicitly says so, -Force and
# ConfirmImpact High. The setup is SmallFaults.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'SmallFaults.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Every ShouldProcess text names its target fully' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Acme' -Region 'Western Europe'
        $null = Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount 10.5 -Currency EUR
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000
        $null = New-PartnerDatabase -Path (Join-Path (Get-TestFolder $db) 'jpy.db') -Currency JPY
        $samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/channel')).Path
        $folder = Get-TestFolder $db
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

# FileOnly: the warning names a new database file, relative paths resolved.
Describe 'Creating a database implicitly says so' -Tag 'FileOnly' {
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
