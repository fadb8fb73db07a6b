# A server that goes away in the middle of an import (pg_ctl stop -m immediate, on a cluster of this file's own, never the
# run's): the import fails with a clear ServerUnavailable, nothing is half-written, and after a restart
# Import-Partner -Mode Skip finishes the job (issue 16).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')
    $rows = 400000
    $csv = New-PartnerCsv -Count $rows
    $script:Cluster = Start-PostgreSqlCluster -Bin (Find-PostgreSqlBin).Bin -Database 'outage'
}

AfterAll {
    Remove-TestFolders
    if ($script:Cluster) { Stop-PostgreSqlCluster $script:Cluster }
}

Describe 'The server stopped in the middle of an import' -Tag 'ServerOnly' {
    BeforeAll {
        $db = New-ClusterDatabasePath $script:Cluster
        $null = New-PartnerDatabase -Path $db
        Add-Partner -Database $db -Name 'Before the import'
        Close-PooledConnections
        $out = Join-Path (New-TestFolder) 'import'
        $process = Start-ChildPwsh -OutputPrefix $out -Command @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
`$null = Get-PartnerDatabase -Database $(ConvertTo-PSLiteral $db)
'@@STARTED@@'
try { `$null = Import-Partner -Path $(ConvertTo-PSLiteral $csv) -Database $(ConvertTo-PSLiteral $db) -ErrorAction Stop; '@@FINISHED@@' }
catch { '@@ERROR@@' + (@{ Id = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Message = `$_.Exception.Message } | ConvertTo-Json -Compress) }
"@
        # Until the server runs the import's statements (30 s at most), then a moment more, then the server goes.
        $busy = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()"
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        do {
            Start-Sleep -Milliseconds 100
            $active = [int](Invoke-PostgreSqlClusterSql $script:Cluster $busy)
        } until ($process.HasExited -or $active -gt 0 -or [datetime]::UtcNow -gt $deadline)
        Start-Sleep -Milliseconds 300
        $wasRunning = -not $process.HasExited
        Stop-PostgreSqlServer $script:Cluster
        $exited = $process.WaitForExit(60000)
        $lines = @(Get-Content "$out.out.txt")
        $failure = $lines | Where-Object { $_.StartsWith('@@ERROR@@') } | Select-Object -First 1 | ForEach-Object { $_.Substring('@@ERROR@@'.Length) | ConvertFrom-Json }
        $null = Start-PostgreSqlServer $script:Cluster
    }

    It 'fails the import with ServerUnavailable (ConnectionError), naming the server, within a minute' {
        $wasRunning | Should -BeTrue -Because 'the import should still be running when the server stops (else this test proves nothing)'
        $exited | Should -BeTrue
        $lines | Should -Contain '@@STARTED@@'
        $lines | Should -Not -Contain '@@FINISHED@@'
        $failure.Id | Should -BeLike 'ServerUnavailable,*'
        $failure.Category | Should -Be 'ConnectionError'
        $failure.Message | Should -BeLike "*127.0.0.1:$($script:Cluster.Port)*"
    }

    It 'leaves nothing half-written: a consistent database, every partner whole' {
        @(Test-PartnerDatabase -Database $db -Detailed | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Check): $($_.Detail)" }) |
            Should -BeNullOrEmpty
        $stored = @(Get-Partner -Database $db)
        $stored.Count | Should -Be (Get-PartnerDatabase -Database $db).PartnerCount
        @($stored | Where-Object { $_.Name -ne 'Before the import' -and ($_.Name -notmatch '^Partner \d{6}$' -or $_.Region -ne "Region $([int]$_.Name.Substring(8) % 7)") }) |
            Should -BeNullOrEmpty
        $stored.Count | Should -BeLessThan ($rows + 1)
    }

    It 'finishes the job with Import-Partner -Mode Skip after the restart' {
        $kept = (Get-PartnerDatabase -Database $db).PartnerCount - 1
        $result = Import-Partner -Path $csv -Database $db -Mode Skip
        $result.Skipped | Should -Be $kept
        $result.Inserted | Should -Be ($rows - $kept)
        $result.Failed | Should -Be 0
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be ($rows + 1)
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}
