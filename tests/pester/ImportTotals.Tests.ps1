BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Every revenue_totals cell next to the same cell summed afresh from the records, as lines 'key | kept | fresh'
    # for the cells that differ (region and segment spellings included: SQLite's min(), in UTF-8 byte order).
    function Get-TotalsDifferences([string] $Database) {
        $connection = Open-RawConnection -Database $Database
        try {
            $command = $connection.CreateCommand()
            $command.CommandText = @'
WITH fresh AS (
    SELECT coalesce(partner_id, 0) AS p, CAST(substr(date, 1, 4) AS INTEGER) AS y, coalesce(region_key, '') AS rk, segment_key AS sk, currency AS c,
           printf('%d|%d|%d|%d|%s|%s', count(*), sum(amount), min(amount), max(amount), min(region), min(segment)) AS v
    FROM revenue GROUP BY 1, 2, 3, 4, 5),
kept AS (
    SELECT partner_key AS p, year AS y, region_key AS rk, segment_key AS sk, currency AS c,
           printf('%d|%d|%d|%d|%s|%s', count, total, minimum, maximum, region, segment) AS v
    FROM revenue_totals)
SELECT printf('%d/%d/%s/%s/%s | %s | %s', coalesce(k.p, f.p), coalesce(k.y, f.y), coalesce(k.rk, f.rk), coalesce(k.sk, f.sk), coalesce(k.c, f.c), k.v, f.v)
FROM kept k FULL JOIN fresh f ON f.p = k.p AND f.y = k.y AND f.rk = k.rk AND f.sk = k.sk AND f.c = k.c
WHERE k.v IS NOT f.v
'@
            $reader = $command.ExecuteReader()
            while ($reader.Read()) { $reader.GetString(0) }
            $reader.Dispose()
        }
        finally {
            $connection.Dispose()
        }
    }


    # Spellings that share a key (one cell shows the smallest); 'Ａ…' (U+FF21) sorts before '𝐀…' (U+1D400) in UTF-8
    # although its UTF-16 code unit is larger than the surrogate's.
    $script:Regions = 'China', 'china', 'CHINA', 'Western Europe', 'Ａsia', '𝐀sia', ''
    $script:Segments = 'Enterprise', 'ENTERPRISE', 'Großkunden', 'GROSSKUNDEN', 'Ａ Seg', '𝐀 Seg'
    $script:Currencies = 'USD', 'EUR', 'JPY', 'KWD'
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: reads SQLite's own tables (sqlite_master, the totals folded per import batch) through raw SQLite SQL.
Describe 'Revenue totals after a random mix of imports and changes' -Tag 'FileOnly' {
    It 'equal a fresh SUM of the records after every step (seed <_>)' -ForEach @(15, 2026) {
        $random = [Random]::new($_)
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        foreach ($i in 1..8) {
            $region = $script:Regions[$random.Next(0, $script:Regions.Count)]
            if ($region) { Add-Partner -Database $db -Name "P$i" -Region $region } else { Add-Partner -Database $db -Name "P$i" }
        }
        $folder = New-TestFolder
        $steps = [System.Collections.Generic.List[string]]::new()
        foreach ($step in 1..14) {
            $kind = $random.Next(0, 10)
            if ($kind -lt 6) {
                # An import: references overlap earlier ones, some rows fail (unknown partner, no region for direct revenue, bad amount).
                $mode = 'Insert', 'Upsert', 'Skip' | Get-Random -SetSeed $random.Next()
                $atomic = $random.Next(0, 4) -eq 0
                $lines = [System.Collections.Generic.List[string]]::new()
                $lines.Add('PartnerName,Date,Amount,Currency,Segment,Region,Reference')
                foreach ($r in 1..($random.Next(1, 120))) {
                    $partner = switch ($random.Next(0, 12)) { 0 { '' } 1 { 'Nobody' } default { "p$($random.Next(1, 9))" } }
                    $region = $script:Regions[$random.Next(0, $script:Regions.Count)]
                    $amount = if ($random.Next(0, 40) -eq 0) { 'lots' } else { ($random.Next(-5000, 1000000) / 100).ToString([cultureinfo]::InvariantCulture) }
                    $reference = if ($random.Next(0, 3) -eq 0) { '' } else { "R$($random.Next(1, 300))" }
                    $lines.Add("$partner,$(2013 + $random.Next(0, 4))-0$($random.Next(1, 10))-1$($random.Next(0, 9)),$amount,$($script:Currencies[$random.Next(0, 4)]),$($script:Segments[$random.Next(0, $script:Segments.Count)]),$region,$reference")
                }
                $csv = Join-Path $folder "step-$step.csv"
                Set-Content -Path $csv -Value $lines -Encoding utf8NoBOM
                $null = Import-PartnerRevenue -Database $db -Path $csv -Mode $mode -Atomic:$atomic -ErrorAction SilentlyContinue
                $steps.Add("import $mode atomic=$atomic")
            }
            elseif ($kind -lt 8) {
                $partner = "P$($random.Next(1, 9))"
                # A valid record (JPY has no minor unit: a whole amount), so that it is booked under any error preference.
                $currency = $script:Currencies[$random.Next(0, 4)]
                $amount = $random.Next(1, 100000) / 100
                if ($currency -eq 'JPY') { $amount = [Math]::Floor($amount) + 1 }
                Add-PartnerRevenue -Database $db -Partner $partner -Date "2015-0$($random.Next(1, 10))-01" -Amount $amount `
                    -Segment $script:Segments[$random.Next(0, $script:Segments.Count)] -Currency $currency
                $steps.Add('Add-PartnerRevenue')
            }
            elseif ($kind -lt 9) {
                $records = @(Get-PartnerRevenue -Database $db)
                if ($records.Count) { $records | Get-Random -Count ([Math]::Min(5, $records.Count)) -SetSeed $random.Next() | Remove-PartnerRevenue -Database $db -Confirm:$false }
                $steps.Add('Remove-PartnerRevenue')
            }
            else {
                # A partner's region changes: its later records default to the new one.
                Set-Partner -Database $db -Name "P$($random.Next(1, 9))" -Region $script:Regions[$random.Next(0, $script:Regions.Count - 1)]
                $steps.Add('Set-Partner -Region')
            }

            Get-TotalsDifferences $db | Should -BeNullOrEmpty -Because "the totals must equal the records after: $($steps -join ', ')"
        }

        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'RevenueTotals').Passed | Should -BeTrue
        Get-RawScalar $db "SELECT count(*) FROM meta WHERE key = 'import_folds_totals'" | Should -Be 0
        (Get-PartnerRevenue -Database $db).Count | Should -BeGreaterThan 0
    }

    It 'adds a record through Add-PartnerRevenue after an import to the same cell (the trigger fires again)' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Acme' -Region China
        $csv = Join-Path (New-TestFolder) 'one.csv'
        Set-Content -Path $csv -Value 'PartnerName,Date,Amount,Currency', 'Acme,2015-01-01,10,USD', 'Acme,2015-02-01,5,USD'
        (Import-PartnerRevenue -Database $db -Path $csv).Inserted | Should -Be 2
        Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-03-01 -Amount 1 -Currency USD
        $m = Measure-PartnerRevenue -Database $db -Currency USD
        $m.Count | Should -Be 3
        $m.Total | Should -Be 16
        $m.Minimum | Should -Be 1
        $m.Maximum | Should -Be 10
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
    }
}

# FileOnly: reads SQLite's own tables (sqlite_master, the totals folded per import batch) through raw SQLite SQL.
Describe 'The 64-bit refusal of an import, per line, against stored totals' -Tag 'FileOnly' {
    It 'refuses the line that would overflow a cell already near the limit, counting the rows before it in the batch' {
        # 9,223 records of 999,999,999,999.990 KWD stored; a second file adds 0.010, then the big amount that no longer fits
        # (9,222,999,999,999,907.780 + 999,999,999,999.990 > 9,223,372,036,854,775.807), then a small one that does.
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency KWD
        $folder = New-TestFolder
        $big = Join-Path $folder 'big.csv'
        Set-Content -Path $big -Value (@('PartnerName,Date,Amount,Currency,Segment,Region') + (1..9223 | ForEach-Object { ',2015-02-01,999999999999.990,KWD,Big,EMEA' }))
        (Import-PartnerRevenue -Database $db -Path $big).Inserted | Should -Be 9223
        $more = Join-Path $folder 'more.csv'
        Set-Content -Path $more -Value 'PartnerName,Date,Amount,Currency,Segment,Region', ',2015-03-01,0.010,KWD,Big,EMEA', ',2015-03-02,999999999999.990,KWD,Big,EMEA', ',2015-03-03,5,KWD,Big,EMEA'
        $result = Import-PartnerRevenue -Database $db -Path $more -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 2
        $result.Failed | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].Exception.Message | Should -Match 'Line 3\b'
        $failures[0].Exception.Message | Should -Match '9,222,999,999,999,907\.780 KWD now'
        $failures[0].Exception.Message | Should -Not -Match 'SQLite|po_revenue_total_overflow'
        (Measure-PartnerRevenue -Database $db -Currency KWD).Count | Should -Be 9225
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
    }

    It 'refuses an Upsert row whose update would overflow, with the same message, and keeps the totals exact' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency KWD
        $csv = Join-Path (New-TestFolder) 'upsert.csv'
        $lines = @('PartnerName,Date,Amount,Currency,Segment,Region,Reference') + (1..9223 | ForEach-Object { ",2015-02-01,999999999999.990,KWD,Big,EMEA,R$_" }) +
            @(',2016-01-01,1,KWD,Big,EMEA,MOVE', ',2015-02-01,999999999999.990,KWD,Big,EMEA,MOVE')
        Set-Content -Path $csv -Value $lines
        $result = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 9224
        $result.Failed | Should -Be 1
        $failures[0].Exception.Message | Should -Match 'Line 9226\b'
        $failures[0].Exception.Message | Should -Match 'beyond the largest total'
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
    }
}

# FileOnly: reads SQLite's own tables (sqlite_master, the totals folded per import batch) through raw SQLite SQL.
Describe 'A revenue import seen by a reader and killed' -Tag 'FileOnly' {
    It 'shows readers only committed batches with their totals, and leaves a checked database with all its indexes' {
        $folder = New-TestFolder
        $db = New-TestDatabasePath
        $partners = Join-Path $folder 'partners.csv'
        $text = [System.Text.StringBuilder]::new("Name,Region`n")
        foreach ($i in 1..2000) { $null = $text.Append("Co $i,Region $($i % 7)`n") }
        [IO.File]::WriteAllText($partners, $text.ToString())
        $null = Import-Partner -Path $partners -Database $db
        $revenue = Join-Path $folder 'revenue.csv'
        $text = [System.Text.StringBuilder]::new("PartnerName,Date,Amount,Segment,Reference`n")
        foreach ($i in 1..400000) { $null = $text.Append("Co $(1 + $i % 2000),201$($i % 10)-0$(1 + $i % 9)-1$($i % 10),$($i % 1000).5,S$($i % 5),INV-$i`n") }
        [IO.File]::WriteAllText($revenue, $text.ToString())
        $indexes = Get-RawScalar $db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)"

        $process = Start-ChildPwsh -OutputPrefix (Join-Path $folder 'killed') -Command "Import-Module '$script:ModuleManifest'; Import-PartnerRevenue -Path '$revenue' -Database '$db' | Out-Null"
        $deadline = [datetime]::UtcNow.AddSeconds(90)
        $seen = [System.Collections.Generic.List[string]]::new()
        while (-not $process.HasExited -and [datetime]::UtcNow -lt $deadline) {
            # One read transaction: records, totals and the import's flag as committed.
            $seen.Add((Get-RawScalar $db "SELECT (SELECT count(*) FROM revenue) || '/' || (SELECT coalesce(sum(count), 0) FROM revenue_totals) || '/' || (SELECT count(*) FROM meta WHERE key = 'import_folds_totals')"))
            if ([long]($seen[-1] -split '/')[0] -gt 0) { break }
            Start-Sleep -Milliseconds 20
        }
        $process.HasExited | Should -BeFalse -Because 'the import should still be running when it is killed'
        Stop-Process -Id $process.Id -Force
        $process.WaitForExit()
        Close-PooledConnections

        foreach ($s in $seen) {
            $records, $counted, $flag = $s -split '/'
            $counted | Should -Be $records -Because 'a reader sees the totals of exactly the committed records'
            $flag | Should -Be 0 -Because 'the flag row is never committed'
        }
        Test-PartnerDatabase -Database $db | Should -BeTrue
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
        Get-RawScalar $db "SELECT count(*) FROM meta WHERE key = 'import_folds_totals'" | Should -Be 0
        Get-RawScalar $db "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name)" | Should -BeExactly $indexes
        $kept = Get-RawScalar $db 'SELECT count(*) FROM revenue'
        $kept | Should -BeGreaterThan 0
        $kept | Should -BeLessThan 400000

        $result = Import-PartnerRevenue -Path $revenue -Database $db -Mode Skip
        $result.Inserted + $result.Skipped | Should -Be 400000
        Test-PartnerDatabase -Database $db | Should -BeTrue
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
    }
}

# FileOnly: reads SQLite's own tables (sqlite_master, the totals folded per import batch) through raw SQLite SQL.
Describe 'Partners of a large revenue file, read once from the name index' -Tag 'FileOnly' {
    It 'resolves every name as a lookup would: unknown and shared names fail on their lines, a partner without a region gives none' {
        # 12,000 partners and 12,500 rows: after 10,000 names looked up one by one, the import reads every name key once.
        $folder = New-TestFolder
        $db = New-TestDatabasePath
        $partners = Join-Path $folder 'partners.csv'
        $text = [System.Text.StringBuilder]::new("Name,Region`n")
        foreach ($i in 1..12000) { $null = $text.Append("Co $i,$(if ($i % 3) { "Region $($i % 7)" })`n") }
        [IO.File]::WriteAllText($partners, $text.ToString())
        $null = Import-Partner -Path $partners -Database $db
        # A second partner with the key of 'Co 11999', as names stored before schema 4 that print the same are kept (name_dup set).
        $connection = Open-RawConnection -Database $db
        $command = $connection.CreateCommand()
        $command.CommandText = "SELECT name_key FROM partners WHERE name = 'Co 11999'"
        $key = $command.ExecuteScalar()
        $connection.Dispose()
        Invoke-RawSql -Database $db -Sql "INSERT INTO partners (name, name_key, name_dup, type, tier, status, joined_on, created_at, updated_at) VALUES ('co 11999', '$key', 999999, 'Other', 'Registered', 'Active', '2011-01-01', '2011-01-01', '2011-01-01')"

        $revenue = Join-Path $folder 'revenue.csv'
        $text = [System.Text.StringBuilder]::new("PartnerName,Date,Amount,Segment,Reference`n")
        foreach ($i in 1..12000) { $null = $text.Append("co $(12001 - $i),2015-0$(1 + $i % 9)-01,$($i % 100).25,S$($i % 3),INV-$i`n") }
        $null = $text.Append("Nobody Known,2015-01-01,1,S1,LATE-1`n")       # line 12002: after the switch to the map
        $null = $text.Append("Co 11999,2015-01-01,1,S1,LATE-2`n")          # line 12003: a shared name
        $null = $text.Append("Co 12000,2015-01-01,1,S1,LATE-3`n")          # line 12004: no region of its own
        $null = $text.Append("CO 11998,2015-01-01,1,S1,LATE-4`n")          # line 12005
        [IO.File]::WriteAllText($revenue, $text.ToString())
        $result = Import-PartnerRevenue -Path $revenue -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue

        $result.Failed | Should -Be 3       # line 3 ('co 11999', shared), 12002 (unknown) and 12003 (shared)
        $result.Inserted | Should -Be 12001
        ($failures.Exception.Message -match 'Line 12002\b.*Nobody Known').Count | Should -Be 1
        ($failures.Exception.Message -match 'Line 12003\b.*names more than one partner').Count | Should -Be 1
        ($failures.Exception.Message -match 'Line 3\b.*names more than one partner').Count | Should -Be 1
        Get-RawScalar $db "SELECT count(*) FROM revenue WHERE reference = 'LATE-3' AND region IS NULL AND partner_id = (SELECT id FROM partners WHERE name = 'Co 12000')" | Should -Be 1
        Get-RawScalar $db "SELECT region FROM revenue WHERE reference = 'LATE-4'" | Should -BeExactly "Region $(11998 % 7)"
        Get-RawScalar $db "SELECT region FROM revenue WHERE reference = 'INV-3'" | Should -BeExactly "Region $(11998 % 7)"
        Get-RawScalar $db "SELECT count(*) FROM revenue WHERE reference IN ('INV-2', 'LATE-1', 'LATE-2')" | Should -Be 0
        Get-RawScalar $db "SELECT count(*) FROM revenue r JOIN partners p ON p.id = r.partner_id WHERE r.reference LIKE 'INV-%' AND p.name <> 'Co ' || (12001 - CAST(substr(r.reference, 5) AS INTEGER))" | Should -Be 0
        Get-TotalsDifferences $db | Should -BeNullOrEmpty
    }
}
