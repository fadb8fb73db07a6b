# Imports: at most -ErrorLimit row errors; Ctrl+C says what was kept. The setup is SmallFaults.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'SmallFaults.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
        $failed = Join-Path (Get-TestFolder $db) 'failed.csv'
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
        # does) and returns its warnings, output and state. $Sleep -1: once its first batch is committed (seen from
        # another connection), whatever the machine's speed: an import is stopped with whole batches behind it.
        function Invoke-StoppedImport([string] $Script, [int] $Sleep, [hashtable] $Parameters) {
            $ps = [powershell]::Create()
            $ps.Runspace = $script:Runspace
            $null = $ps.AddScript("param(`$Db, `$Csv) $Script").AddParameters($Parameters)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $running = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            if ($Sleep -ge 0) { Start-Sleep -Milliseconds $Sleep }
            else {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                do {
                    Start-Sleep -Milliseconds 10
                    $info = Get-PartnerDatabase -Database $Parameters.Db
                } until ($info.PartnerCount + $info.RevenueCount -gt 0 -or $running.IsCompleted -or [DateTime]::UtcNow -gt $deadline)
            }
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

    It 'Import-Partner stopped after <Sleep> ms (-1: once a batch is committed) warns with the committed row count, which is what is stored, and how to carry on' -ForEach @(
        @{ Sleep = 400 }, @{ Sleep = -1 }
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
        $rows = Join-Path (Get-TestFolder $db) 'p.csv'
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
        $run = Invoke-StoppedImport 'Import-PartnerRevenue -Database $Db -Path $Csv' -1 @{ Db = $db; Csv = $script:RevenueCsv }
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
