BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: pages of an index in the database file overwritten.
Describe 'A read that fails while its rows stream' -Tag 'FileOnly' {
    BeforeAll {
        # 20,000 partners, then one page of the name index (which Get-Partner reads in order) zeroed, half-way through.
        $db = New-TestDatabasePath
        $csv = Join-Path (Get-TestFolder $db) 'partners.csv'
        Set-Content $csv (@('Name') + (1..20000 | ForEach-Object { 'Partner {0:D5}' -f $_ }))
        $null = Import-Partner $csv -Database $db
        [Microsoft.Data.Sqlite.SqliteConnection]::ClearAllPools() # the last connection checkpoints the -wal file into the database
        $bytes = [IO.File]::ReadAllBytes($db)
        $size = $bytes[16] * 256 + $bytes[17] # the page size, from the file header
        $indexPages = @(for ($page = 1; $page -lt $bytes.Length / $size; $page++) {
            # 0x0A: an index leaf page; the name keys are case-folded (lower case).
            if ($bytes[$page * $size] -eq 0x0A -and [Text.Encoding]::ASCII.GetString($bytes, $page * $size, $size).Contains('partner ')) { $page }
        })
        [Array]::Clear($bytes, $indexPages[[int]($indexPages.Count / 2)] * $size, $size)
        [IO.File]::WriteAllBytes($db, $bytes)
    }

    It 'gives the partners read before it, then a terminating DatabaseInvalid error, never a raw SqliteException' {
        $rows = [Collections.Generic.List[object]]::new()
        $failure = $null
        try {
            Get-Partner -Database $db | ForEach-Object { $rows.Add($_) }
        }
        catch {
            $failure = $_
        }

        $rows.Count | Should -BeGreaterThan 0
        $rows.Count | Should -BeLessThan 20000
        $rows.Name -join ',' | Should -BeExactly ((1..$rows.Count | ForEach-Object { 'Partner {0:D5}' -f $_ }) -join ',')
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeExactly 'DatabaseInvalid,PartnerOps.Commands.GetPartnerCommand'
        $failure.Exception | Should -BeOfType ([PartnerOps.PartnerOpsException])
        $failure.Exception.Message | Should -Match ([regex]::Escape($db))
        $failure.Exception.Message | Should -Match 'malformed'
    }
}
