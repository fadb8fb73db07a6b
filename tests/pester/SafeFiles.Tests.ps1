BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: database files: their modes, paths that are no files, SQLite's lock and busy timeout, PRAGMA user_version (Server.Schema.Tests.ps1 covers the newer schema on a server).
Describe 'Database files readable by their owner only' -Tag 'FileOnly' -Skip:$IsWindows {
    It 'creates the database, its WAL and shared-memory files with mode 600, and the folders it makes with 700' {
        $root = New-TestFolder
        $db = Join-Path $root 'new/deeper/partners.db'
        Add-Partner -Database $db -Name 'First'
        foreach ($file in $db, "$db-wal", "$db-shm") {
            (Get-Item $file).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite') -Because $file
        }
        foreach ($folder in (Join-Path $root 'new'), (Join-Path $root 'new/deeper')) {
            (Get-Item $folder).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite, UserExecute') -Because $folder
        }
    }

    It 'leaves the mode of a folder that was already there' {
        $root = New-TestFolder
        $before = (Get-Item $root).UnixFileMode
        $null = New-PartnerDatabase -Path (Join-Path $root 'p.db')
        (Get-Item $root).UnixFileMode | Should -Be $before
    }

    It 'makes a backup owner-only too' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'First'
        $copy = Join-Path (Split-Path $db) 'copies/backup.db'
        $null = Backup-PartnerDatabase -Database $db -DestinationPath $copy
        (Get-Item $copy).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
    }
}

# FileOnly: database files: their modes, paths that are no files, SQLite's lock and busy timeout, PRAGMA user_version (Server.Schema.Tests.ps1 covers the newer schema on a server).
Describe 'Paths that are not files' -Tag 'FileOnly' {
    It 'refuses <Path> with DatabaseInvalid and creates nothing' -ForEach @(
        @{ Path = 'Env:\PARTNEROPS_TEST' }
        @{ Path = 'Variable:\partners' }
        @{ Path = 'Function:\partners' }
        @{ Path = 'file:///tmp/partnerops-uri.db' }
    ) {
        $thrown = { Add-Partner -Database $Path -Name 'X' } | Should -Throw -ErrorId 'DatabaseInvalid,*' -PassThru
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -BeLike "*'$Path'*"
        Test-Path '/tmp/partnerops-uri.db' | Should -BeFalse
        { New-PartnerDatabase -Path $Path } | Should -Throw -ErrorId 'DatabaseInvalid,*'
    }

    It 'resolves a relative path against the PowerShell location, not the process folder' {
        $folder = New-TestFolder
        Push-Location $folder
        try {
            Add-Partner -Database 'relative.db' -Name 'Here'
        }
        finally {
            Pop-Location
        }
        Test-Path (Join-Path $folder 'relative.db') | Should -BeTrue
        Test-Path (Join-Path ([Environment]::CurrentDirectory) 'relative.db') | Should -BeFalse
    }
}

# FileOnly: database files: their modes, paths that are no files, SQLite's lock and busy timeout, PRAGMA user_version (Server.Schema.Tests.ps1 covers the newer schema on a server).
Describe 'The busy timeout' -Tag 'FileOnly' {
    BeforeAll {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'First'
    }

    It 'is set by PARTNEROPS_BUSY_TIMEOUT: a blocked writer gives up after that many seconds with DatabaseBusy' {
        # This process holds the write lock while a child process tries to write.
        $holder = Open-RawConnection -Database $db -Sql 'BEGIN IMMEDIATE'
        try {
            $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_BUSY_TIMEOUT = '1' } -Command @"
`$timer = [Diagnostics.Stopwatch]::StartNew()
try { Add-Partner -Database $(ConvertTo-PSLiteral $db) -Name 'Blocked'; 'written' }
catch { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Message = `$_.Exception.Message; Seconds = `$timer.Elapsed.TotalSeconds } }
"@
        }
        finally {
            $holder.Dispose() # rolls the held transaction back
        }
        $result.Id | Should -BeLike 'DatabaseBusy,*'
        $result.Category | Should -Be 'ResourceBusy'
        $result.Message | Should -BeLike '*1 seconds*PARTNEROPS_BUSY_TIMEOUT*'
        $result.Seconds | Should -BeLessThan 10
        @(Get-Partner -Database $db).Name | Should -Be @('First')
    }

    It 'refuses a value that is not a number of seconds with InvalidSetting' {
        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_BUSY_TIMEOUT = 'soon' } -Command @"
try { Get-Partner -Database $(ConvertTo-PSLiteral $db) | Out-Null; 'read' } catch { `$_.FullyQualifiedErrorId + '|' + `$_.Exception.Message }
"@
        $result | Should -BeLike "InvalidSetting,*|*PARTNEROPS_BUSY_TIMEOUT 'soon'*"
    }
}

# FileOnly: database files: their modes, paths that are no files, SQLite's lock and busy timeout, PRAGMA user_version (Server.Schema.Tests.ps1 covers the newer schema on a server).
Describe 'A database made by schema version 1' -Tag 'FileOnly' {
    BeforeAll {
        $db = Join-Path (New-TestFolder) 'old.db'
        Copy-Item (Join-Path $PSScriptRoot '../fixtures/partnerops-schema1.db') $db
    }

    It 'is brought to the current schema on open, keeping its partners and currency' {
        $info = Get-PartnerDatabase -Database $db
        $info.SchemaVersion | Should -Be ([PartnerOps.Sqlite.Schema]::CurrentVersion)
        $info.Currency | Should -BeExactly 'EUR'
        @(Get-Partner -Database $db).Name | Should -Be @('Bechtle AG', 'Digital China', 'Meridian Distribution', 'Müller & Söhne IT')
        (Get-Partner -Database $db -Name 'Meridian*').EndedOn | Should -Be ([datetime]'2015-09-30')
    }

    It 'then takes revenue and passes every check' {
        Get-Partner -Database $db -Name 'Bechtle AG' | Add-PartnerRevenue -Database $db -Date 2015-01-01 -Amount 10
        (Measure-PartnerRevenue -Database $db).Total | Should -Be 10
        (Measure-PartnerRevenue -Database $db).Currency | Should -BeExactly 'EUR'
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}

# FileOnly: database files: their modes, paths that are no files, SQLite's lock and busy timeout, PRAGMA user_version (Server.Schema.Tests.ps1 covers the newer schema on a server).
Describe 'A database made by a newer PartnerOps' -Tag 'FileOnly' {
    It '<_> refuses it with DatabaseSchemaTooNew and leaves it byte for byte as it was' -ForEach @('Get-Partner', 'Add-Partner', 'Import-Partner', 'Test-PartnerDatabase') {
        $command = $_
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name 'Kept'
        Close-PooledConnections
        Invoke-RawSql -Database $db -Sql 'PRAGMA user_version = 99'
        $hash = (Get-FileHash $db).Hash
        $csv = Join-Path (New-TestFolder) 'new.csv'
        Set-Content $csv "Name`nNew"
        $run = @{
            'Get-Partner'          = { Get-Partner -Database $db }
            'Add-Partner'          = { Add-Partner -Database $db -Name 'New' }
            'Import-Partner'       = { Import-Partner -Database $db -Path $csv }
            'Test-PartnerDatabase' = { Test-PartnerDatabase -Database $db }
        }[$command]
        $run | Should -Throw -ErrorId 'DatabaseSchemaTooNew,*' -ExpectedMessage "*'$db' has schema version 99, newer than this PartnerOps supports ($([PartnerOps.Sqlite.Schema]::CurrentVersion))*"
        Close-PooledConnections
        (Get-FileHash $db).Hash | Should -Be $hash
        Test-Path "$db-wal" | Should -BeFalse
    }
}
