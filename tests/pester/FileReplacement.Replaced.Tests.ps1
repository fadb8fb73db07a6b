# A database file removed, recreated or replaced between commands and during a long write.
# The setup is FileReplacement.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'FileReplacement.Helpers.ps1') }
AfterAll { Remove-TestFolders }

# FileOnly: a database file replaced, moved or deleted under the module.
Describe 'The next command works on the file now at the path, after the file was replaced' -Tag 'FileOnly' {
    BeforeAll {
        # Eight databases, each replaced in its own way after its own last command; all are set up first and then
        # checked by one new process (a pwsh takes a second or more to start).
        $script:Scenario = [ordered]@{}
        foreach ($last in 'Write', 'Read') {
            foreach ($means in 'Remove', 'NewDatabase', 'Copy', 'Move') {
                $p = New-TestDatabasePath 'a.db'
                $folder = Split-Path $p
                $script:Scenario["$means $last"] = $s = @{ Path = $p; Backup = (Join-Path $folder 'backup.db'); Other = (Join-Path $folder 'other.db') }
                Add-Partner -Database $p -Name 'Before'
                $null = Backup-PartnerDatabase -Database $p -DestinationPath $s.Backup
                'Other' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $s.Other
            }
        }
        # The backups and the other databases are whole files, with no -wal beside them.
        Close-PooledConnections

        # The session's last command on each file before it is replaced; its connection is kept afterwards.
        foreach ($s in $script:Scenario.Values) { Add-Partner -Database $s.Path -Name 'Lost' }
        foreach ($key in $script:Scenario.Keys -like '* Read') {
            $s = $script:Scenario[$key]
            $s.ReadBefore = @((Get-Partner -Database $s.Path).Name)
        }
        foreach ($s in $script:Scenario.Values) {
            $s.InodeBefore = Get-Inode $s.Path
            $s.FilesBefore = @(Get-ChildItem "$($s.Path)*" | ForEach-Object Name)
        }

        # The replacements.
        $recreated = @($script:Scenario.Keys -like 'NewDatabase *' | ForEach-Object { ConvertTo-PSLiteral $script:Scenario[$_].Path })
        $script:NewDatabaseOutput = @(Invoke-ChildPwsh @"
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
foreach (`$path in $($recreated -join ', ')) { `$null = New-PartnerDatabase -Path `$path -Force -Confirm:`$false; "created `$path" }
"@ | ForEach-Object { "$_" })
        foreach ($key in $script:Scenario.Keys) {
            $s = $script:Scenario[$key]
            switch -Wildcard ($key) {
                'Remove *' { Remove-Item "$($s.Path)*" }
                'Copy *' { Copy-Item $s.Backup $s.Path -Force }
                'Move *' { Move-Item $s.Other $s.Path -Force }
            }
            $s.InodeAfter = Get-Inode $s.Path
        }

        # The next command in this session, and what this session then reads.
        foreach ($s in $script:Scenario.Values) {
            $err = $null
            $s.Added = @(Add-Partner -Database $s.Path -Name 'After' -PassThru -ErrorVariable err -ErrorAction SilentlyContinue)
            $s.Errors = @($err)
            $s.Summary = @(Get-PartnerSummary $s.Path)
            $s.Passed = Test-PartnerDatabase -Database $s.Path
        }

        # What a new process sees in each.
        $paths = @($script:Scenario.Values | ForEach-Object { ConvertTo-PSLiteral $_.Path })
        $views = Invoke-ChildPwshJson -ImportModule -Command @"
`$ProgressPreference = 'SilentlyContinue'
@(foreach (`$path in $($paths -join ', ')) {
    [pscustomobject]@{
        Path = `$path
        Partners = @(Get-Partner -Database `$path | Sort-Object Id | ForEach-Object { '{0} {1}' -f `$_.Id, `$_.Name })
        Passed = Test-PartnerDatabase -Database `$path
    }
})
"@
        foreach ($view in $views) {
            $s = @($script:Scenario.Values | Where-Object Path -EQ $view.Path)[0]
            $s.View = $view
            $s.PassedAfterView = Test-PartnerDatabase -Database $s.Path
        }
    }

    It 'had each file open with its -wal and -shm, read by the session last where meant (so an idle connection was kept), and recreated by the other process' {
        foreach ($key in $script:Scenario.Keys) {
            $script:Scenario[$key].FilesBefore | Should -Be @('a.db', 'a.db-shm', 'a.db-wal') -Because $key
        }
        foreach ($key in $script:Scenario.Keys -like '* Read') {
            $script:Scenario[$key].ReadBefore | Should -Be @('Before', 'Lost') -Because $key
        }
        $script:NewDatabaseOutput | Should -Be @($script:Scenario.Keys -like 'NewDatabase *' | ForEach-Object { "created $($script:Scenario[$_].Path)" })
    }

    It 'after <How>, with the session''s last command a <Last>: the next write goes to the new file, and a new process sees exactly what is there' -TestCases @(
        foreach ($last in 'Write', 'Read') {
            @{ How = 'Remove-Item "$p*" (the file with its -wal and -shm)'; Means = 'Remove'; Last = $last; Inode = 'none'; Expected = @('1 After') }
            @{ How = 'New-PartnerDatabase -Force in another process'; Means = 'NewDatabase'; Last = $last; Inode = 'another'; Expected = @('1 After') }
            @{ How = 'Copy-Item of a backup over it with -Force (in place: the same inode)'; Means = 'Copy'; Last = $last; Inode = 'the same'; Expected = @('1 Before', '2 After') }
            @{ How = 'Move-Item of another database over it with -Force (another inode)'; Means = 'Move'; Last = $last; Inode = 'another'; Expected = @('1 Other', '2 After') }
        }
    ) {
        param($How, $Means, $Last, $Inode, $Expected)
        $s = $script:Scenario["$Means $Last"]
        $inodeNow = if ($null -eq $s.InodeAfter) { 'none' } elseif ($s.InodeAfter -eq $s.InodeBefore) { 'the same' } else { 'another' }
        $inodeNow | Should -Be $Inode

        $s.Errors | Should -BeNullOrEmpty
        $s.Added.Count | Should -Be 1
        '{0} {1}' -f $s.Added[0].Id, $s.Added[0].Name | Should -BeExactly $Expected[-1]
        $s.Added[0].Database | Should -BeExactly $s.Path
        $s.Summary | Should -Be $Expected
        $s.Passed | Should -BeTrue
        $s.View.Partners | Should -Be $Expected
        $s.View.Passed | Should -BeTrue
        $s.PassedAfterView | Should -BeTrue -Because 'the other process left the file whole for this one too'
    }

    It 'reads the file now at the path after each of several replacements in a row, in this session and a new process' {
        $p = New-TestDatabasePath 'a.db'
        $folder = Split-Path $p
        foreach ($name in 'One', 'Two', 'Three') {
            New-StandaloneDatabase -Path (Join-Path $folder "$name.db") -Names $name, "$name bis"
        }
        Add-Partner -Database $p -Name 'Original'

        Move-Item (Join-Path $folder 'One.db') $p -Force
        (Get-Partner -Database $p).Name | Should -Be @('One', 'One bis')
        Copy-Item (Join-Path $folder 'Two.db') $p -Force
        (Get-Partner -Database $p).Name | Should -Be @('Two', 'Two bis')
        Remove-Item "$p*"
        { Get-Partner -Database $p } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Move-Item (Join-Path $folder 'Three.db') $p -Force
        (Get-Partner -Database $p).Name | Should -Be @('Three', 'Three bis')
        Set-Partner -Database $p -Name 'Three' -Tier Gold

        (Get-Partner -Database $p -Tier Gold).Name | Should -Be @('Three')
        $view = Get-ViewOfNewProcess $p
        $view.Partners | Should -Be @('1 Three', '2 Three bis')
        $view.Passed | Should -BeTrue
    }
}

# FileOnly: a database file replaced, moved or deleted under the module.
Describe 'A long pipelined write whose file another process removes or replaces while it runs' -Tag 'FileOnly' {
    BeforeAll {
        $script:Rows = 20000

        <#
        Pipes up to $script:Rows partners into Add-Partner on $Path while another pwsh, once the write has passed its first
        batch, runs $Action (PowerShell text; $p is the path) and then prints the inode and hash of what is at the path.
        Returns the write's terminating error, how far the write got, and what the other process printed.
        #>
        function Invoke-WriteReplacedMidway([string] $Path, [string] $Action) {
            $folder = Split-Path $Path
            $ready = Join-Path $folder 'ready'
            $started = Join-Path $folder 'started'
            $replaced = Join-Path $folder 'replaced'
            $replacer = Start-ChildPwsh -OutputPrefix (Join-Path $folder 'replacer') -Command @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
`$p = $(ConvertTo-PSLiteral $Path)
`$null = New-Item $(ConvertTo-PSLiteral $ready)
`$deadline = [DateTime]::UtcNow.AddSeconds(60)
while (-not (Test-Path $(ConvertTo-PSLiteral $started)) -and [DateTime]::UtcNow -lt `$deadline) { Start-Sleep -Milliseconds 10 }
$Action
'inode ' + (Get-Item -LiteralPath `$p -ErrorAction SilentlyContinue).UnixStat.Inode
'hash ' + (Get-FileHash `$p -ErrorAction SilentlyContinue).Hash
`$null = New-Item $(ConvertTo-PSLiteral $replaced)
"@
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path $ready) -and -not $replacer.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }

            $script:generated = 0
            $script:generatedWhenSeen = $null
            $failure = $null
            try {
                1..$script:Rows | ForEach-Object {
                    $script:generated = $_
                    if ($_ -eq 1500) { $null = New-Item $started }
                    if ($_ % 50 -eq 0 -and $null -eq $script:generatedWhenSeen -and (Test-Path $replaced)) { $script:generatedWhenSeen = $_ }
                    [pscustomobject]@{ Name = "Partner $_" }
                } | Add-Partner -Database $Path -ErrorAction Stop
            }
            catch {
                $failure = $_
            }
            $replacer | Wait-Process -Timeout 60
            $output = @(Get-Content (Join-Path $folder 'replacer.out.txt'))
            [pscustomobject]@{
                Failure = $failure
                Generated = $script:generated
                # Items the pipeline still made after the other process had replaced the file and said so.
                GeneratedAfterReplaced = if ($null -eq $script:generatedWhenSeen) { 0 } else { $script:generated - $script:generatedWhenSeen }
                ReplacerErrors = @(Get-Content (Join-Path $folder 'replacer.err.txt'))
                Inode = (@($output -like 'inode *')[0]) -replace '^inode ?'
                Hash = (@($output -like 'hash *')[0]) -replace '^hash ?'
            }
        }

        function Assert-StoppedAsReplaced($Result, [string] $Path) {
            $Result.ReplacerErrors | Should -BeNullOrEmpty
            $Result.Failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseReplaced,*'
            $Result.Failure.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
            $Result.Failure.Exception.Message | Should -BeLike "The database file '$Path' was removed or replaced by another program while this command was using it*"
            $Result.Generated | Should -BeLessThan $script:Rows
            $Result.GeneratedAfterReplaced | Should -BeLessThan 3000 -Because 'it stops at its next batch (1000 items or 200 ms)'
        }
    }

    It 'stops with DatabaseReplaced at its next batch when another process removes it (Remove-Item "$p*"), and creates nothing at the path' {
        $p = New-TestDatabasePath 'a.db'
        $null = New-PartnerDatabase -Path $p

        $result = Invoke-WriteReplacedMidway -Path $p -Action 'Remove-Item -Path ($p + ''*'')'

        Assert-StoppedAsReplaced $result $p
        $result.Hash | Should -BeNullOrEmpty
        @(Get-ChildItem (Split-Path $p) -Filter 'a.db*').Name | Should -BeNullOrEmpty -Because 'nothing is written at the path any more'
    }

    It 'stops with DatabaseReplaced at its next batch when another process <How>, and leaves the file now at the path untouched' -TestCases @(
        @{ How = 'moves another database over it (Move-Item -Force)'; Action = 'Move-Item -LiteralPath $r -Destination $p -Force'; SameInode = $false; Expected = @('1 Replacement 1', '2 Replacement 2') }
        @{ How = 'recreates it (New-PartnerDatabase -Force)'; Action = '$null = New-PartnerDatabase -Path $p -Force -Confirm:$false'; SameInode = $false; Expected = @() }
    ) {
        # Not among these: a copy over the file IN PLACE while the write runs (Copy-Item -Force keeps the inode). Between
        # commands it is noticed (tested above); during one, the file's changed size and time cannot be told from another
        # process's checkpoint, and SQLite lists copying over a database in use as a way to corrupt it (README, Reliability).
        param($How, $Action, $SameInode, $Expected)
        $p = New-TestDatabasePath 'a.db'
        $replacement = Join-Path (Split-Path $p) 'replacement.db'
        New-StandaloneDatabase -Path $replacement -Names 'Replacement 1', 'Replacement 2'
        $null = New-PartnerDatabase -Path $p
        $inode = Get-Inode $p

        $result = Invoke-WriteReplacedMidway -Path $p -Action ("`$r = $(ConvertTo-PSLiteral $replacement)`n" + $Action)

        ($result.Inode -eq "$inode") | Should -Be $SameInode
        Assert-StoppedAsReplaced $result $p
        (Get-FileHash $p).Hash | Should -Be $result.Hash -Because 'the file now at the path is left byte for byte as the other process left it'
        $view = Get-ViewOfNewProcess $p
        @($view.Partners) | Should -Be $Expected
        $view.Passed | Should -BeTrue
        @(Get-PartnerSummary $p) | Should -Be $Expected
        Test-PartnerDatabase -Database $p | Should -BeTrue
    }
}
