# Ctrl+C on a server: the running statement is cancelled (NpgsqlCommand.Cancel), the command stops within a second or two
# as on SQLite (Stopping.Tests.ps1), and the database is left consistent and usable (issue 16).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')
    $rows = 400000
    $csv = New-PartnerCsv -Count $rows
    # The statements other sessions are running in the test database (this file's commands are the only client).
    $activeStatements = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()"
}

AfterAll {
    Remove-TestFolders
}

Describe 'Ctrl+C during an import on a server' -Tag 'ServerOnly' {
    BeforeAll {
        $db = New-TestDatabase
        # The module imported and the database opened first, in the same runspace, so that the wait below is importing.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; `$null = Get-PartnerDatabase -Database '$db'").Invoke()
        $ps.Commands.Clear()
        $null = $ps.AddScript("Import-Partner -Path '$csv' -Database '$db'")
        $running = $ps.BeginInvoke()
        # Until the server runs the import's statement (COPY or the merge), 30 s at most.
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        do {
            Start-Sleep -Milliseconds 100
            $active = Get-RawScalar $db $activeStatements
        } until ($running.IsCompleted -or [int]$active -gt 0 -or [datetime]::UtcNow -gt $deadline)
        Start-Sleep -Milliseconds 300
        $wasRunning = -not $running.IsCompleted
        $stop = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stopSeconds = $stop.Elapsed.TotalSeconds
        $state = $ps.InvocationStateInfo.State
        $errors = @($ps.Streams.Error)
        try { $null = $ps.EndInvoke($running) } catch [System.Management.Automation.PipelineStoppedException] { }
        $ps.Dispose()
    }

    It 'stops the import within two seconds, as Stopped, with no error' {
        $wasRunning | Should -BeTrue -Because 'the import should still be running when Ctrl+C comes (else this test proves nothing)'
        $stopSeconds | Should -BeLessThan 2
        $state | Should -Be 'Stopped'
        $errors | Should -BeNullOrEmpty
    }

    It 'leaves no statement of the import running on the server' {
        Start-Sleep -Milliseconds 500
        Get-RawScalar $db $activeStatements | Should -Be 0
    }

    It 'leaves a consistent database that -Mode Skip then completes' {
        Test-PartnerDatabase -Database $db | Should -BeTrue
        $kept = (Get-PartnerDatabase -Database $db).PartnerCount
        $kept | Should -BeLessThan $rows
        $result = Import-Partner -Path $csv -Database $db -Mode Skip
        $result.Skipped | Should -Be $kept
        $result.Inserted | Should -Be ($rows - $kept)
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be $rows
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}
