BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Overwrites $Count bytes at the middle of a file ($PageAligned: starting at a 4 KiB page boundary).
    function Set-CorruptBytes([string] $Path, [int] $Count, [byte] $Value, [switch] $PageAligned) {
        $length = (Get-Item $Path).Length
        $offset = [long]($length / 2)
        if ($PageAligned) { $offset -= $offset % 4096 }
        $stream = [IO.File]::Open($Path, 'Open', 'ReadWrite')
        try {
            $stream.Position = $offset
            $bytes = [byte[]]::new($Count)
            [Array]::Fill($bytes, $Value)
            $stream.Write($bytes, 0, $Count)
        }
        finally {
            $stream.Dispose()
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'New-PartnerDatabase' {
    It 'creates an empty database and outputs its PartnerOps.DatabaseInfo' {
        $db = New-TestDatabasePath
        $info = New-PartnerDatabase -Path $db
        $info | Should -BeOfType ([PartnerOps.DatabaseInfo])
        $info.Path | Should -Be $db
        $info.PartnerCount | Should -Be 0
        Test-TestDatabase $db | Should -BeTrue
    }

    It 'uses USD as the reporting currency by default' {
        $db = New-TestDatabasePath
        (New-PartnerDatabase -Path $db).Currency | Should -BeExactly 'USD'
    }

    It 'stores the -Currency in upper case' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency eur
        (Get-PartnerDatabase -Database $db).Currency | Should -BeExactly 'EUR'
    }

    It 'stops with InvalidCurrencyCode (InvalidArgument) for an unknown currency and creates nothing' {
        $db = New-TestDatabasePath
        $thrown = $null
        try { New-PartnerDatabase -Path $db -Currency XYZ } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidCurrencyCode,*'
        $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $thrown.Exception.Message | Should -Match 'XYZ'
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'refuses an existing database without -Force with DatabaseAlreadyExists and keeps its partners' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Keep Me'
        { New-PartnerDatabase -Path $db } | Should -Throw -ErrorId 'DatabaseAlreadyExists,*'
        (Get-Partner -Database $db).Name | Should -Be 'Keep Me'
    }

    It 'replaces an existing database with -Force -Confirm:$false' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Old'
        $info = New-PartnerDatabase -Path $db -Currency GBP -Force -Confirm:$false
        $info.PartnerCount | Should -Be 0
        $info.Currency | Should -Be 'GBP'
    }

    It 'creates nothing with -WhatIf' {
        $db = New-TestDatabasePath
        New-PartnerDatabase -Path $db -WhatIf
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'replaces nothing with -Force -WhatIf' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Still Here'
        New-PartnerDatabase -Path $db -Force -WhatIf
        (Get-Partner -Database $db).Name | Should -Be 'Still Here'
    }
}

Describe 'Get-PartnerDatabase' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency eur
        Add-TestPartner -Database $db -Partner @{ Name = 'One' }, @{ Name = 'Two' }, @{ Name = 'Three' }
        $info = Get-PartnerDatabase -Database $db
    }

    It 'outputs one PartnerOps.DatabaseInfo' {
        @($info).Count | Should -Be 1
        $info | Should -BeOfType ([PartnerOps.DatabaseInfo])
    }

    It 'reports the full path' {
        $info.Path | Should -Be $db
    }

    It 'reports the current schema version (partners, revenue, rates and targets, ids never reused, name keys, totals within 64 bits, one key per region and segment, counted statuses of targets, name sort keys, import history by batch, totals of imports folded per batch, and what comes after)' {
        # Schema.CurrentVersion, not a number: each issue that adds a step would have to change it (9 with issue 15's first step).
        $info.SchemaVersion | Should -Be ([PartnerOps.Sqlite.Schema]::CurrentVersion)
        $info.SchemaVersion | Should -BeGreaterOrEqual 9
    }

    It 'reports the reporting currency' {
        $info.Currency | Should -BeExactly 'EUR'
    }

    It 'reports the number of partners' {
        $info.PartnerCount | Should -Be 3
    }

    # FileOnly: SQLite's journal mode.
    It 'reports the WAL journal mode' -Tag 'FileOnly' {
        $info.JournalMode | Should -Be 'wal'
    }

    # FileOnly: the size of the database file.
    It 'reports the file size' -Tag 'FileOnly' {
        $info.SizeBytes | Should -Be (Get-Item $db).Length
        $info.SizeBytes | Should -BeGreaterThan 0
    }

    It 'stops with DatabaseNotFound (ObjectNotFound) for a missing file and does not create it' {
        $missing = New-TestDatabasePath
        $thrown = $null
        try { Get-PartnerDatabase -Database $missing } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseNotFound,*'
        $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $thrown.Exception.Message | Should -BeLike "*$missing*"
        Test-TestDatabase $missing | Should -BeFalse
    }
}

# FileOnly: a text file given as the database (Server.Schema.Tests.ps1: a schema that is not PartnerOps').
Describe 'A file that is not a PartnerOps database' -Tag 'FileOnly' {
    BeforeEach {
        $file = New-TestDatabasePath 'notes.txt'
        Set-Content -Path $file -Value "These are my notes.`nNot a database." -NoNewline
        $before = [IO.File]::ReadAllBytes($file)
    }

    It 'makes Get-PartnerDatabase stop with DatabaseInvalid (InvalidData) and leaves the file unchanged' {
        $thrown = $null
        try { Get-PartnerDatabase -Database $file } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
        $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidData)
        [IO.File]::ReadAllBytes($file) | Should -Be $before
    }

    It 'makes Add-Partner stop with DatabaseInvalid and leaves the file unchanged' {
        { Add-Partner -Database $file -Name 'Nope' } | Should -Throw -ErrorId 'DatabaseInvalid,*'
        [IO.File]::ReadAllBytes($file) | Should -Be $before
    }

    It 'makes Test-PartnerDatabase return $false and leaves the file unchanged' {
        Test-PartnerDatabase -Database $file | Should -BeFalse
        [IO.File]::ReadAllBytes($file) | Should -Be $before
    }
}

Describe 'Test-PartnerDatabase' {
    BeforeAll {
        $db = New-TestDatabasePath
        Add-TestPartner -Database $db -Partner @{ Name = 'One' }, @{ Name = 'Two' }
    }

    It 'returns $true for a good database' {
        $result = Test-PartnerDatabase -Database $db
        $result | Should -BeOfType ([bool])
        $result | Should -BeTrue
    }

    It 'returns seven passed findings with -Detailed: Integrity, ForeignKey, Schema, RevenueTotals, SharedNames, SharedTargets and NameSortKeys' {
        $findings = @(Test-PartnerDatabase -Database $db -Detailed)
        # A server has no Integrity finding: SQLite's integrity check reads a file's own pages.
        $first = if ($script:Backend -eq 'Sqlite') { 0 } else { 1 }
        $findings.Count | Should -Be (7 - $first)
        $findings | ForEach-Object { $_ | Should -BeOfType ([PartnerOps.DatabaseFinding]) }
        $findings.Check | Should -Be @('Integrity', 'ForeignKey', 'Schema', 'RevenueTotals', 'SharedNames', 'SharedTargets', 'NameSortKeys')[$first..6]
        $findings.Passed | Should -Be @($true, $true, $true, $true, $true, $true, $true)[$first..6]
        $findings.Detail | Should -Be @('ok', 'ok', "version $((Get-PartnerDatabase -Database $db).SchemaVersion)", 'ok', 'ok', 'ok', 'ok')[$first..6]
    }

    It 'stops with DatabaseNotFound for a missing file' {
        { Test-PartnerDatabase -Database (New-TestDatabasePath) } | Should -Throw -ErrorId 'DatabaseNotFound,*'
    }
}

Describe 'Backup-PartnerDatabase' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency GBP
        # Enough rows for a database of many pages, so that its middle is table data.
        1..3000 | ForEach-Object { [pscustomobject]@{ Name = "Partner $_"; Region = 'Western Europe'; Notes = 'n' * 80 } } |
            Add-Partner -Database $db
    }

    It 'writes a copy with the same partners and outputs the copy''s DatabaseInfo' {
        $copy = Join-Path (New-TestFolder) 'copy.db'
        $info = Backup-PartnerDatabase -Database $db -DestinationPath $copy
        $info | Should -BeOfType ([PartnerOps.DatabaseInfo])
        $info.Path | Should -Be $copy
        $info.PartnerCount | Should -Be 3000
        $info.Currency | Should -Be 'GBP'
        $original = Get-Partner -Database $db | ForEach-Object { "$($_.Id)|$($_.Name)|$($_.Notes)" }
        $copied = Get-Partner -Database $copy | ForEach-Object { "$($_.Id)|$($_.Name)|$($_.Notes)" }
        $copied | Should -Be $original
    }

    It 'refuses an existing destination without -Force with DatabaseAlreadyExists and leaves it unchanged' {
        $copy = Join-Path (New-TestFolder) 'copy.db'
        Set-Content -Path $copy -Value 'do not overwrite'
        $thrown = $null
        try { Backup-PartnerDatabase -Database $db -DestinationPath $copy } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'DatabaseAlreadyExists,*'
        $thrown.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ResourceExists)
        Get-Content $copy | Should -Be 'do not overwrite'
    }

    It 'replaces an existing destination with -Force -Confirm:$false' {
        $copy = Join-Path (New-TestFolder) 'copy.db'
        Set-Content -Path $copy -Value 'old'
        $info = Backup-PartnerDatabase -Database $db -DestinationPath $copy -Force -Confirm:$false
        $info.PartnerCount | Should -Be 3000
        Test-PartnerDatabase -Database $copy | Should -BeTrue
    }

    # FileOnly: a backup written over its own database file.
    It 'refuses to back up a database onto itself' -Tag 'FileOnly' {
        { Backup-PartnerDatabase -Database $db -DestinationPath $db -Force -Confirm:$false } | Should -Throw -ErrorId 'DatabaseAlreadyExists,*'
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 3000
    }

    It 'writes nothing with -WhatIf' {
        $copy = Join-Path (New-TestFolder) 'copy.db'
        Backup-PartnerDatabase -Database $db -DestinationPath $copy -WhatIf
        Test-Path $copy | Should -BeFalse
    }

    It 'makes a copy that passes Test-PartnerDatabase' {
        $copy = Join-Path (New-TestFolder) 'copy.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $copy
        Test-PartnerDatabase -Database $copy | Should -BeTrue
    }
}

# FileOnly: pages of a database file overwritten.
Describe 'Test-PartnerDatabase on a corrupted copy' -Tag 'FileOnly' {
    BeforeAll {
        $db = New-TestDatabasePath
        1..3000 | ForEach-Object { [pscustomobject]@{ Name = "Partner $_"; Notes = 'n' * 80 } } | Add-Partner -Database $db
    }

    It 'returns $false, without throwing, when a page in the middle is overwritten' {
        $copy = New-TestDatabasePath 'copy.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $copy
        Set-CorruptBytes -Path $copy -Count 4096 -Value 0xFF -PageAligned
        $result = $thrown = $null
        try { $result = Test-PartnerDatabase -Database $copy } catch { $thrown = $_ }
        $thrown | Should -BeNullOrEmpty -Because 'a damaged file is a failed check, not a failed command'
        $result | Should -BeFalse
    }

    It 'reports a failed Integrity finding with -Detailed when a page in the middle is overwritten' {
        $copy = New-TestDatabasePath 'copy.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $copy
        Set-CorruptBytes -Path $copy -Count 4096 -Value 0xFF -PageAligned
        $integrity = @(Test-PartnerDatabase -Database $copy -Detailed | Where-Object Check -EQ 'Integrity')
        $integrity.Count | Should -Be 1
        $integrity[0].Passed | Should -BeFalse
    }
}
