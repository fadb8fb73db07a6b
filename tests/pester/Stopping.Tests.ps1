BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A database whose revenue takes SQLite several seconds to group by partner and month (read from the records).
    $db = New-TestDatabasePath
    Add-Partner -Database $db -Name 'Seed'
    # Filled without the totals triggers and indexes, for speed: only the records are read here.
    Invoke-RawSql -Database $db -Sql @'
DROP TRIGGER revenue_totals_insert; DROP INDEX revenue_partner; DROP INDEX revenue_date;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO partners (name, name_key, type, tier, status, joined_on, created_at, updated_at)
SELECT 'P' || i, 'P' || i, 'Other', 'Registered', 'Active', '2011-01-01', '2011-01-01', '2011-01-01' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, created_at)
SELECT 1 + i % 200000, '2015-' || printf('%02d', 1 + i % 12) || '-01', i, 'USD', 'Enterprise', 'ENTERPRISE', 'R', 'R', '2015-01-01' FROM n;
COMMIT;
'@
}

AfterAll {
    Remove-TestFolders
}

Describe 'Ctrl+C' {
    It 'stops a long measure within a second or two' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; Measure-PartnerRevenue -Database '$db' -GroupBy Partner, Month")
        $running = $ps.BeginInvoke()
        Start-Sleep -Milliseconds 700
        $running.IsCompleted | Should -BeFalse -Because 'the measure should still be running (else this test proves nothing)'
        $stop = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stop.Elapsed.TotalSeconds | Should -BeLessThan 2
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        try { $null = $ps.EndInvoke($running) } catch { }   # stopped: EndInvoke reports it
        $ps.Dispose()
    }

    It 'leaves the database usable afterwards' {
        Add-Partner -Database $db -Name 'After the stop'
        Get-Partner -Database $db -Name 'After the stop' | Should -Not -BeNullOrEmpty
    }
}
