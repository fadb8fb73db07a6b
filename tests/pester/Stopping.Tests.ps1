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

# FileOnly: its database is filled by raw SQLite SQL (Server.Stopping.Tests.ps1 stops commands on a server).
Describe 'Ctrl+C' -Tag 'FileOnly' {
    It 'stops a long measure within a second or two' {
        # The module imported first, in the same runspace, so that the 700 ms below are 700 ms of measuring (on a busy
        # machine an import in the same script could take most of them).
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; `$null = Get-PartnerDatabase -Database '$db'").Invoke()
        $ps.Commands.Clear()
        $null = $ps.AddScript("Measure-PartnerRevenue -Database '$db' -GroupBy Partner, Month")
        $running = $ps.BeginInvoke()
        Start-Sleep -Milliseconds 700
        $running.IsCompleted | Should -BeFalse -Because 'the measure should still be running (else this test proves nothing)'
        $stop = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stop.Elapsed.TotalSeconds | Should -BeLessThan 2
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        # A stopped measure reports the stop (EndInvoke throws it), and no error.
        $stopped = { $null = $ps.EndInvoke($running) } | Should -Throw -PassThru
        $stopped.Exception.InnerException | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
        $ps.Streams.Error.Count | Should -Be 0
        $ps.Dispose()
    }

    It 'stops <Command> whose query had not started yet when Ctrl+C came (<Delay> ms after the start)' -ForEach @(
        foreach ($delay in 0, 10, 40, 120, 300) { @{ Delay = $delay; Command = 'Measure-PartnerRevenue' } }
        # A read that sorts every record before its first row (the date index is dropped above).
        foreach ($delay in 0, 40) { @{ Delay = $delay; Command = 'Get-PartnerRevenue' } }) {
        # SQLite's interrupt is lost when no statement is running: a stop that came while the command was still opening the
        # database would have let the whole query run (half a minute on a busy machine). The stop must hold for statements
        # that start later.
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; `$null = Get-PartnerDatabase -Database '$db'").Invoke()
        $ps.Commands.Clear()
        $null = $ps.AddScript($(if ($Command -eq 'Get-PartnerRevenue') { "Get-PartnerRevenue -Database '$db' -Skip 2999999" } else { "Measure-PartnerRevenue -Database '$db' -GroupBy Partner, Month" }))
        $running = $ps.BeginInvoke()
        if ($Delay) { Start-Sleep -Milliseconds $Delay }
        $stop = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $stop.Elapsed.TotalSeconds | Should -BeLessThan 2
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Streams.Error.Count | Should -Be 0
        try { $null = $ps.EndInvoke($running) } catch [System.Management.Automation.PipelineStoppedException] { }
        $ps.Dispose()
    }

    It 'leaves the database usable afterwards: unchanged, consistent, writable, and measurable again' {
        # (RevenueCount reads the totals cells, which this database was filled without.)
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 200001
        # Sound (the totals check would fail by construction: the records were inserted without their totals).
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -In 'Integrity', 'ForeignKey').Passed | Should -Be @($true, $true)
        Add-Partner -Database $db -Name 'After the stop'
        (Get-Partner -Database $db -Name 'After the stop').Name | Should -BeExactly 'After the stop'
        # Not left interrupted by the stop: Seed's records (read from the records, every quarter) are i = 200000 k, k = 1..15,
        # amounts in cents: 200000 * (1 + ... + 15) = 24,000,000 cents = 240,000.00.
        $seed = Measure-PartnerRevenue -Database $db -Partner Seed -Quarter 1, 2, 3, 4
        $seed.Count | Should -Be 15
        $seed.Total | Should -Be 240000
    }
}
