# Import-Csv | Add-Partner and Import-Csv | Add-PartnerRevenue write on a writer thread of their own, so that the
# pipeline thread binds the next rows meanwhile. What must not change: each error is written for its own row (in input
# order, no later than the end of the command), -PassThru passes the records on in input order with their ids, a stop
# keeps whole items in input order, and a read later in the same pipeline sees what was written before it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # As in a user's session: errors do not stop a command (the test runner sets 'Stop', under which Add-Partner writes on
    # the pipeline thread, so that it stops at the first error).
    $ErrorActionPreference = 'Continue'

    # Rows N1..N<Count> as CSV text read back by Import-Csv; the rows numbered in $Bad end before they begin (the
    # partner rules refuse them when the row is written, not PowerShell when it binds the row).
    function New-PartnerRows([int] $Count, [int[]] $Bad = @(), [string] $Prefix = 'N') {
        $lines = @('Name,Tier,Status,JoinedOn,EndedOn') + @(foreach ($i in 1..$Count) {
            "$Prefix$i,Gold,$(if ($i -in $Bad) { 'Terminated,2020-01-01,2019-01-01' } else { 'Active,2020-01-01,' })"
        })
        $lines | ConvertFrom-Csv
    }

    # The threads of this process, by name (Linux: /proc); empty where that cannot be read.
    function Get-ThreadNames {
        if (-not (Test-Path /proc/self/task)) { return @() }
        @(Get-ChildItem /proc/self/task | ForEach-Object { (Get-Content "$_/comm" -Raw -ErrorAction Ignore) } | ForEach-Object { "$_".Trim() })
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Import-Csv | Add-Partner writes on a writer thread' {
    BeforeEach {
        $db = New-TestDatabase
    }

    It 'writes the rows on a thread other than the pipeline''s' -Skip:(-not (Test-Path /proc/self/task)) {
        $seen = [Collections.Generic.List[string]]::new()
        $i = 0
        New-PartnerRows 3000 | ForEach-Object { if (++$i -eq 2500) { $seen.AddRange([string[]](Get-ThreadNames)) }; $_ } | Add-Partner -Database $db
        $seen | Should -Contain 'PartnerOps writ'   # Linux keeps 15 characters of a thread's name
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 3000
    }

    It 'writes each error for its own row, in input order, and every good row' {
        $bad = 7, 700, 1999
        $rows = @(New-PartnerRows 2000 -Bad $bad)
        $errors = @()
        $rows | Add-Partner -Database $db -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 3
        @($errors | ForEach-Object { $_.TargetObject.Name }) -join ',' | Should -BeExactly 'N7,N700,N1999'
        foreach ($e in $errors) {
            $e.FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue*'
            [object]::ReferenceEquals($e.TargetObject, ($rows | Where-Object Name -EQ $e.TargetObject.Name)) | Should -BeTrue -Because 'the target is the piped row itself'
        }
        $stored = @(Get-Partner -Database $db | Sort-Object Id)
        $stored.Count | Should -Be 1997
        ($stored.Name -join ',') | Should -BeExactly ((1..2000 | Where-Object { $_ -notin $bad } | ForEach-Object { "N$_" }) -join ',')
    }

    It 'writes the errors of a name given twice (a database failure) for the second row only' {
        $rows = @(New-PartnerRows 1500) + @([pscustomobject]@{ Name = 'n20'; Tier = 'Gold' })
        $errors = @()
        $rows | Add-Partner -Database $db -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PartnerAlreadyExists*'
        [object]::ReferenceEquals($errors[0].TargetObject, $rows[-1]) | Should -BeTrue
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 1500
    }

    It 'has written the errors when the command ends, before the next statement runs' {
        $log = [Collections.Generic.List[string]]::new()
        & {
            New-PartnerRows 300 -Bad 299 | Add-Partner -Database $db
            $log.Add('after')
        } 2>&1 | ForEach-Object { $log.Add($(if ($_ -is [Management.Automation.ErrorRecord]) { "error $($_.TargetObject.Name)" } else { "$_" })) }
        $log -join ';' | Should -BeExactly 'error N299;after'
    }

    It 'with -ErrorAction Stop stops at the first bad row and writes none after it' {
        { New-PartnerRows 3000 -Bad 1200 | Add-Partner -Database $db -ErrorAction Stop } | Should -Throw
        $stored = @(Get-Partner -Database $db | Sort-Object Id)
        $stored.Count | Should -Be 1199
        $stored[-1].Name | Should -Be 'N1199'
    }

    It 'with $ErrorActionPreference = ''Stop'' in the caller''s scope stops at the first bad row too' {
        function Add-Rows { $ErrorActionPreference = 'Stop'; New-PartnerRows 3000 -Bad 1200 | Add-Partner -Database $db }
        { Add-Rows } | Should -Throw
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 1199
    }

    It '-PassThru passes the partners on in input order, with their ids, and the errors for the bad rows' {
        $errors = @()
        $passed = @(New-PartnerRows 2500 -Bad 10, 2000 | Add-Partner -Database $db -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue)
        $passed.Count | Should -Be 2498
        ($passed.Name -join ',') | Should -BeExactly ((1..2500 | Where-Object { $_ -notin 10, 2000 } | ForEach-Object { "N$_" }) -join ',')
        $ids = @($passed.Id)
        for ($i = 1; $i -lt $ids.Count; $i++) { $ids[$i] | Should -BeGreaterThan $ids[$i - 1] }
        foreach ($p in $passed | Select-Object -First 5) { (Get-Partner -Database $db -Id $p.Id).Name | Should -Be $p.Name }
        @($errors.TargetObject.Name) -join ',' | Should -BeExactly 'N10,N2000'
    }

    It 'a read upstream in the same pipeline sees every row written before it' {
        $found = [Collections.Generic.List[string]]::new()
        1..400 | ForEach-Object {
            if ($_ % 100 -eq 0) { $found.Add("$(@(Get-Partner -Database $db).Count)") }
            [pscustomobject]@{ Name = "R$_" }
        } | Add-Partner -Database $db
        $found -join ',' | Should -BeExactly '99,199,299,399'
    }

    It 'writes to the connected database (Connect-PartnerDatabase) as with -Database' {
        $null = Connect-PartnerDatabase -Path $db
        try {
            $errors = @()
            New-PartnerRows 1200 -Bad 5 -Prefix C | Add-Partner -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.TargetObject.Name | Should -Be 'C5'
        }
        finally {
            $null = Connect-PartnerDatabase -Path (New-TestDatabase)   # leave no session default behind
        }
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 1199
    }

    It 'names the rows it refused when an error upstream ends the pipeline before their errors could be written (<_>)' -ForEach 'name given twice', 'ended before joined' {
        # The last rows reach the writer thread but the command never gets another item, nor its end: their errors are
        # said in a warning at its close, not dropped unsaid; the good rows before them stay written.
        $bad = if ($_ -eq 'name given twice') { 'N3,Gold,Active,2020-01-01,' } else { 'Late,Gold,Terminated,2020-01-01,2019-01-01' }
        $csv = Join-Path (New-TestFolder) 'rows.csv'
        Set-Content -LiteralPath $csv -Value (@('Name,Tier,Status,JoinedOn,EndedOn') + @(1..40 | ForEach-Object { "N$_,Gold,Active,2020-01-01," }) + $bad)
        $output = @(Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Continue'
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
try { & { Import-Csv $(ConvertTo-PSLiteral $csv); throw 'the source failed' } | Add-Partner -Database $(ConvertTo-PSLiteral $db) } catch { 'CAUGHT: ' + `$_ }
"@ | ForEach-Object { "$_" }) -join "`n"
        $output | Should -Match 'CAUGHT: the source failed'
        $output | Should -Match 'Add-Partner ended early, before it could report these 1 item\(s\) it did not write'
        $output | Should -Match ([regex]::Escape(($bad -split ',')[0]))
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 40
    }
}

Describe 'Import-Csv | Add-PartnerRevenue writes on a writer thread' {
    BeforeAll {
        $template = New-TestDatabase
        1..50 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $template
    }

    BeforeEach {
        $db = New-TestDatabasePath
        # A file is copied; a server's schema cannot be, so it is filled the same way.
        if ($script:Backend -eq 'Sqlite') { Copy-Item $template $db }
        else { $null = New-PartnerDatabase -Path $db; 1..50 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $db }
    }

    It 'writes each error for its own row, in input order, and books every good row' {
        $lines = @('PartnerName,Date,Amount,Reference') + @(foreach ($i in 1..2000) {
            $partner = if ($i -eq 15) { 'Nobody' } else { 'P' + (1 + $i % 50) }
            $reference = if ($i -eq 1500) { 'INV-3' } else { "INV-$i" }
            "$partner,2016-01-01,2.50,$reference"
        })
        $rows = @($lines | ConvertFrom-Csv)
        $errors = @()
        $rows | Add-PartnerRevenue -Database $db -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] }) -join ',' | Should -BeExactly 'PartnerNotFound,RevenueReferenceExists'
        [object]::ReferenceEquals($errors[0].TargetObject, $rows[14]) | Should -BeTrue
        [object]::ReferenceEquals($errors[1].TargetObject, $rows[1499]) | Should -BeTrue
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 1998
        (Measure-PartnerRevenue -Database $db).Total | Should -Be (2.5 * 1998)
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It '-PassThru passes the records on in input order, with their ids' {
        $passed = @(1..1500 | ForEach-Object { [pscustomobject]@{ PartnerName = 'P' + (1 + $_ % 50); Date = '2016-02-01'; Amount = $_; Reference = "R$_" } } |
            Add-PartnerRevenue -Database $db -PassThru)
        ($passed.Reference -join ',') | Should -BeExactly ((1..1500 | ForEach-Object { "R$_" }) -join ',')
        ($passed.Id -join ',') | Should -BeExactly ((1..1500) -join ',')
    }

    It 'writes to the connected database (Connect-PartnerDatabase) as with -Database' {
        $null = Connect-PartnerDatabase -Path $db
        try {
            1..1200 | ForEach-Object { [pscustomobject]@{ PartnerName = 'P1'; Date = '2016-03-01'; Amount = 1 } } | Add-PartnerRevenue
        }
        finally {
            $null = Connect-PartnerDatabase -Path (New-TestDatabase)   # leave no session default behind
        }
        (Measure-PartnerRevenue -Database $db -Partner P1).Total | Should -Be 1200
    }
}

Describe 'A stopped Add-Partner or Add-PartnerRevenue keeps whole items, the first ones, in input order' {
    BeforeAll {
        $script:Runspace = [runspacefactory]::CreateRunspace()
        $script:Runspace.Open()
        $ps = [powershell]::Create(); $ps.Runspace = $script:Runspace
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'").Invoke()
        $ps.Dispose()
    }

    AfterAll {
        $script:Runspace.Dispose()
    }

    It 'stopped after <_> ms: Add-Partner kept N1..Nk, no gap, and says how many' -ForEach 150, 400, 900 {
        $db = New-TestDatabase
        $ps = [powershell]::Create(); $ps.Runspace = $script:Runspace
        $null = $ps.AddScript('param($Db) 1..1000000 | ForEach-Object { [pscustomobject]@{ Name = "N$_" } } | Add-Partner -Database $Db').AddParameter('Db', $db)
        $running = $ps.BeginInvoke()
        Start-Sleep -Milliseconds $_
        $ps.Stop()
        try { $null = $ps.EndInvoke($running) } catch [Management.Automation.PipelineStoppedException] { }
        $warnings = @($ps.Streams.Warning | ForEach-Object Message)
        $ps.Streams.Error.Count | Should -Be 0
        $ps.Dispose()

        Test-PartnerDatabase -Database $db | Should -BeTrue
        $stored = @(Get-Partner -Database $db | Sort-Object Id)
        $stored.Count | Should -BeLessThan 1000000
        ($stored.Name -join ',') | Should -BeExactly (@(for ($i = 1; $i -le $stored.Count; $i++) { "N$i" }) -join ',')
        @(Get-PartnerHistory -Database $db -Entity Partner).Count | Should -Be $stored.Count
        if ($stored.Count -gt 0) {
            $warnings -join ' ' | Should -Match ("the {0:N0} item\(s\) it wrote" -f $stored.Count)
        }
    }

    It 'stopped after <_> ms: Add-PartnerRevenue kept whole records, the first ones, with their totals' -ForEach 200, 700 {
        $db = New-TestDatabase
        1..10 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $db
        $ps = [powershell]::Create(); $ps.Runspace = $script:Runspace
        $null = $ps.AddScript('param($Db) 1..1000000 | ForEach-Object { [pscustomobject]@{ PartnerName = "P$(1 + $_ % 10)"; Date = "2016-01-01"; Amount = 1; Reference = "R$_" } } | Add-PartnerRevenue -Database $Db').AddParameter('Db', $db)
        $running = $ps.BeginInvoke()
        Start-Sleep -Milliseconds $_
        $ps.Stop()
        try { $null = $ps.EndInvoke($running) } catch [Management.Automation.PipelineStoppedException] { }
        $ps.Streams.Error.Count | Should -Be 0
        $ps.Dispose()

        Test-PartnerDatabase -Database $db | Should -BeTrue
        $stored = @(Get-PartnerRevenue -Database $db | Sort-Object Id)
        ($stored.Reference -join ',') | Should -BeExactly (@(for ($i = 1; $i -le $stored.Count; $i++) { "R$i" }) -join ',')
        [decimal](Measure-PartnerRevenue -Database $db).Total | Should -Be $stored.Count
    }
}
