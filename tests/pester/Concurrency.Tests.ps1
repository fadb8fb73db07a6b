BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

# Runbooks run unattended and several at once: no "database is locked".
Describe 'Several sessions writing to one database at the same time' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $folder = Get-TestFolder $db
        $writers = foreach ($w in 1..4) {
            Start-ChildPwsh -OutputPrefix (Join-Path $folder "writer$w") -Command @"
`$ProgressPreference = 'SilentlyContinue'   # as a runbook would: progress would reach stderr as CLIXML
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
1..3000 | ForEach-Object { [pscustomobject]@{ Name = 'Writer $w Partner ' + `$_ } } | Add-Partner -Database $(ConvertTo-PSLiteral $db)
`$Error | ForEach-Object { [Console]::Error.WriteLine(`$_.ToString()) }
exit `$Error.Count
"@
        }
        # A reader in this session meanwhile.
        $readsWhileWriting = 0
        while (@($writers | Where-Object { -not $_.HasExited }).Count -gt 0 -and $readsWhileWriting -lt 50) {
            $null = Get-Partner -Database $db -Name 'Writer 1*' -First 10
            $readsWhileWriting++
            Start-Sleep -Milliseconds 50
        }
        # A hang guard, not a speed check: 12,000 pipelined writes on a loaded 2-core machine (PostgreSQL: 3 round trips each) took 43-120 s.
        $writers | Wait-Process -Timeout 400
        $errors = Get-ChildItem $folder -Filter 'writer*.err.txt' | Get-Content
    }

    It 'lets every writer finish without an error' {
        $errors | Should -BeNullOrEmpty
        $writers.ExitCode | Should -Be @(0, 0, 0, 0)
    }

    It 'stores every partner of every writer' {
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 12000
        foreach ($w in 1..4) {
            @(Get-Partner -Database $db -Name "Writer $w Partner *").Count | Should -Be 3000
        }
    }

    It 'leaves a database that passes Test-PartnerDatabase' {
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}
