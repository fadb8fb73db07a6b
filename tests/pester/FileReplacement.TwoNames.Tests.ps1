# One database file reached by two names (symbolic and hard links) in one pipeline.
# The setup is FileReplacement.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'FileReplacement.Helpers.ps1') }
AfterAll { Remove-TestFolders }

# FileOnly: one database file reached by two paths (links, case, relative names).
Describe 'One file under two names in one pipeline' -Tag 'FileOnly' {
    BeforeEach {
        $folder = New-TestFolder
        $same = Join-Path $folder 'same.db'
        $null = New-Item -ItemType Directory (Join-Path $folder 'x')
        1..40 | ForEach-Object { [pscustomobject]@{ Name = "P$_"; Tier = 'Silver' } } | Add-Partner -Database $same
    }

    It 'Get-Partner -Database <Read> | Set-Partner -Database <Read> -PassThru | Add-PartnerRevenue -Database <Write> (<Kind>) finishes quickly with no error and writes exactly what it should' -TestCases @(
        @{ Kind = 'SymbolicLink'; Read = '<folder>/same.db'; Write = '<folder>/link.db'; ExpectedWarnings = 0 }
        @{ Kind = 'SymbolicLink'; Read = '<folder>/link.db'; Write = '<folder>/same.db'; ExpectedWarnings = 0 }
        @{ Kind = 'HardLink'; Read = '<folder>/same.db'; Write = '<folder>/link.db'; ExpectedWarnings = 1 }
        @{ Kind = 'HardLink'; Read = '<folder>/link.db'; Write = '<folder>/same.db'; ExpectedWarnings = 1 }
        @{ Kind = 'SymbolicLink'; Read = './x/../link.db'; Write = 'same.db'; ExpectedWarnings = 0 }
        @{ Kind = 'HardLink'; Read = 'same.db'; Write = './x/../link.db'; ExpectedWarnings = 1 }
        @{ Kind = 'no link'; Read = 'same.db'; Write = './x/../same.db'; ExpectedWarnings = 0 }
        @{ Kind = 'no link'; Read = './x/../same.db'; Write = '<folder>/same.db'; ExpectedWarnings = 0 }
    ) {
        param($Kind, $Read, $Write, $ExpectedWarnings)
        if ($Kind -ne 'no link') {
            $null = New-Item -ItemType $Kind -Path (Join-Path $folder 'link.db') -Value $same
        }
        # Relative names are resolved against the current location, the test folder.
        $readName = $Read.Replace('<folder>', $folder)
        $writeName = $Write.Replace('<folder>', $folder)

        Push-Location $folder
        try {
            $getErr = $setErr = $addErr = $null
            $failure = $null
            $timer = [Diagnostics.Stopwatch]::StartNew()
            $warnings = @(. {
                try {
                    Get-Partner -Database $readName -ErrorVariable getErr |
                        Set-Partner -Database $readName -Tier Gold -PassThru -ErrorVariable setErr |
                        Add-PartnerRevenue -Database $writeName -Date 2015-01-01 -Amount 1 -ErrorVariable addErr
                }
                catch {
                    $failure = $_
                }
                $null = Get-PartnerRevenue -Database $readName -First 1
                $null = Get-Partner -Database $writeName -First 1
            } 3>&1)
            $timer.Stop()
        }
        finally {
            Pop-Location
        }

        $failure | Should -BeNullOrEmpty
        @($getErr) + @($setErr) + @($addErr) | Where-Object { $_ } | Should -BeNullOrEmpty
        $timer.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'no writer waits out the 30 s busy timeout on another name of its own file'
        @(Get-Partner -Database $same -Tier Gold).Count | Should -Be 40
        @(Get-Partner -Database $same -Tier Silver).Count | Should -Be 0
        $info = Get-PartnerDatabase -Database $same
        $info.PartnerCount | Should -Be 40
        $info.RevenueCount | Should -Be 40
        $revenue = @(Get-PartnerRevenue -Database $same)
        @($revenue.PartnerName | Sort-Object -Unique).Count | Should -Be 40
        @($revenue | Where-Object { $_.Amount -ne 1 -or $_.Date -ne [datetime]'2015-01-01' }) | Should -HaveCount 0
        Test-PartnerDatabase -Database $same | Should -BeTrue
        @(Get-ChildItem $folder -Filter '*-wal').Name | Should -Be @('same.db-wal') -Because 'the file is opened by one name, so it has one log'
        $warnings.Count | Should -Be $ExpectedWarnings -Because 'a hard-linked file gives one warning per process, and nothing else warns'
        @($warnings | Where-Object { $_.Message -notlike "The database file '*' has 2 names (hard links).*" }) | Should -HaveCount 0
    }

    It 'gives a new process one hard-link warning, however many commands and names it uses' {
        $link = Join-Path $folder 'link.db'
        $null = New-Item -ItemType HardLink -Path $link -Value $same
        $script = @"
`$ProgressPreference = 'SilentlyContinue'
`$warnings = @(& {
    `$null = Get-Partner -Database $(ConvertTo-PSLiteral $same) -First 1
    Add-Partner -Database $(ConvertTo-PSLiteral $link) -Name 'From child'
    `$null = Get-Partner -Database $(ConvertTo-PSLiteral $link) -First 1
    Set-Partner -Database $(ConvertTo-PSLiteral $same) -Name 'From child' -Tier Gold
    `$null = Get-PartnerDatabase -Database $(ConvertTo-PSLiteral $link)
} 3>&1)
[pscustomobject]@{ Warnings = @(`$warnings | ForEach-Object { `$_.Message }) }
"@
        $child = Invoke-ChildPwshJson -ImportModule -Command $script

        @($child.Warnings).Count | Should -Be 1
        $child.Warnings[0] | Should -BeLike "The database file '$same' has 2 names (hard links).*"
        $fromChild = Get-Partner -Database $same -Name 'From child' -WarningAction SilentlyContinue
        $fromChild.Tier | Should -Be 'Gold'
        Test-PartnerDatabase -Database $same | Should -BeTrue
    }

    <#
    Two processes using two names of one file at once is the case SQLite warns of: each keeps its own log (-wal), so
    writes that overlap can read as 'database disk image is malformed' or corrupt the file. What PartnerOps does about
    it is the warning, which is what this documents; the processes take turns here, so that each gets as far as opening
    the file, and what they write is not asserted.
    #>
    It 'warns each of two processes that have a hard-linked file open by different names at the same time, once each' {
        $link = Join-Path $folder 'link.db'
        $null = New-Item -ItemType HardLink -Path $link -Value $same
        $sameTurnDone = Join-Path $folder 'same-turn-done'
        $linkTurnDone = Join-Path $folder 'link-turn-done'
        $turns = @(
            @{ Name = $same; Leaf = 'same.db'; WaitFor = $null; Signal = $sameTurnDone; ThenWaitFor = $linkTurnDone }
            @{ Name = $link; Leaf = 'link.db'; WaitFor = $sameTurnDone; Signal = $linkTurnDone; ThenWaitFor = $null }
        )
        $processes = foreach ($turn in $turns) {
            $wait = { param($path) if ($path) { "while (-not (Test-Path $(ConvertTo-PSLiteral $path)) -and [DateTime]::UtcNow -lt `$deadline) { Start-Sleep -Milliseconds 20 }" } }
            Start-ChildPwsh -OutputPrefix (Join-Path $folder "process-$($turn.Leaf)") -Command @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
`$deadline = [DateTime]::UtcNow.AddSeconds(60)
`$db = $(ConvertTo-PSLiteral $turn.Name)
$(& $wait $turn.WaitFor)
`$warnings = @(. {
    `$null = Get-Partner -Database `$db
    1..20 | ForEach-Object { [pscustomobject]@{ Name = 'Through $($turn.Leaf) ' + `$_ } } | Add-Partner -Database `$db
} 3>&1)
`$null = New-Item $(ConvertTo-PSLiteral $turn.Signal)
$(& $wait $turn.ThenWaitFor)
`$warnings += @(. {
    `$null = Get-Partner -Database `$db
    Add-Partner -Database `$db -Name 'Through $($turn.Leaf), later'
} 3>&1)
`$warnings | ForEach-Object { 'WARNING: ' + `$_.Message }
"@
        }
        $processes | Wait-Process -Timeout 90
        $sameWarnings = @(Get-Content (Join-Path $folder 'process-same.db.out.txt') | Where-Object { $_ -like 'WARNING: *' })
        $linkWarnings = @(Get-Content (Join-Path $folder 'process-link.db.out.txt') | Where-Object { $_ -like 'WARNING: *' })

        $sameWarnings.Count | Should -Be 1
        $sameWarnings[0] | Should -BeLike "WARNING: The database file '$same' has 2 names (hard links).*another process that opens it by another name would keep a separate log (-wal file), which can corrupt the database*"
        $linkWarnings.Count | Should -Be 1
        $linkWarnings[0] | Should -BeLike "WARNING: The database file '$link' has 2 names (hard links).*another process that opens it by another name would keep a separate log (-wal file), which can corrupt the database*"
    }
}
