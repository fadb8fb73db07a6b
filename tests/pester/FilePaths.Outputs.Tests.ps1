# The outputs of file parameters (FilePaths.Tests.ps1 has the values that name no file): no command writes over its
# database's files or its input (also through links, or a file piped in later), long names, names that look like
# connection strings, a -FailedRowPath that cannot be written, brackets in -Path, and relative paths against $PWD.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FilePaths.Helpers.ps1')
}

AfterAll {
    Remove-Item Env:PARTNEROPS_PATHTEST -ErrorAction SilentlyContinue
    Remove-Variable -Name pathtest -Scope Global -ErrorAction SilentlyContinue
    Remove-Item Function:pathtest -ErrorAction SilentlyContinue
    Remove-TestFolders
}

Describe 'A file parameter naming a file the command reads or the database itself' -Tag 'FileOnly' {
    BeforeEach {
        $script:Own = New-TestFolder
        $script:OwnDb = Join-Path $script:Own 'own.db'
        $null = New-PartnerDatabase -Path $script:OwnDb
        Add-Partner -Database $script:OwnDb -Name 'Must Stay' -Region 'Western Europe' -Country DE
        Copy-Item -LiteralPath $script:Csv -Destination (Join-Path $script:Own 'in.csv')
        $script:Input = Join-Path $script:Own 'in.csv'
        $script:InputText = Get-Content -Raw -LiteralPath $script:Input
    }

    It 'refuses <Case>, leaving the database whole' -ForEach @(
        @{ Case = '-FailedRowPath the database'; Id = 'FailedRowPathInvalid'; Run = { Import-Partner -Path $script:Input -Database $script:OwnDb -FailedRowPath $script:OwnDb } }
        @{ Case = '-FailedRowPath its -wal file'; Id = 'FailedRowPathInvalid'; Run = { Import-Partner -Path $script:Input -Database $script:OwnDb -FailedRowPath "$script:OwnDb-wal" } }
        @{ Case = '-FailedRowPath its -journal file (not there)'; Id = 'FailedRowPathInvalid'; Run = { Import-Partner -Path $script:Input -Database $script:OwnDb -FailedRowPath "$script:OwnDb-journal" } }
        @{ Case = 'Export-PartnerReport -Path the database'; Id = 'ReportPathInvalid'; Run = { Export-PartnerReport -Database $script:OwnDb -Path $script:OwnDb } }
        @{ Case = 'Export-PartnerReport -Path its -shm file'; Id = 'ReportPathInvalid'; Run = { Export-PartnerReport -Database $script:OwnDb -Path "$script:OwnDb-shm" } }
        @{ Case = 'Export-PartnerReport -Path a link to the database'; Id = 'ReportPathInvalid'; Link = $true; Run = { Export-PartnerReport -Database $script:OwnDb -Path (Join-Path $script:Own 'link.db') } }
        @{ Case = '-FailedRowPath a link to the database'; Id = 'FailedRowPathInvalid'; Link = $true; Run = { Import-Partner -Path $script:Input -Database $script:OwnDb -FailedRowPath (Join-Path $script:Own 'link.db') } }
        @{ Case = 'Backup-PartnerDatabase -DestinationPath its -wal file'; Id = 'DatabaseAlreadyExists'; Run = { Backup-PartnerDatabase -Database $script:OwnDb -DestinationPath "$script:OwnDb-wal" -Force } }
        @{ Case = 'Copy-PartnerDatabase -Destination its -shm file'; Id = 'DatabaseAlreadyExists'; Run = { Copy-PartnerDatabase -Source $script:OwnDb -Destination "$script:OwnDb-shm" -Force -Confirm:$false } }
    ) {
        if ($Link) {
            if ($IsWindows) { Set-ItResult -Skipped -Because 'symbolic links need a privilege on Windows'; return }
            $null = New-Item -ItemType SymbolicLink -Path (Join-Path $script:Own 'link.db') -Target $script:OwnDb
        }
        $before = Get-DatabaseState $script:OwnDb
        { & $Run -ErrorAction Stop 3>$null } | Should -Throw -ErrorId "$Id,*" -ExpectedMessage '*-wal, -shm or -journal*'
        Close-PooledConnections
        Get-DatabaseState $script:OwnDb | Should -Be $before
        Test-Path -LiteralPath "$script:OwnDb-journal" | Should -BeFalse
    }

    It 'refuses <Case>, where the database is named through a link and the output names its real file' -Skip:$IsWindows -ForEach @(
        @{ Case = '-FailedRowPath the real -wal file'; Id = 'FailedRowPathInvalid'; Run = { param($Db, $Real) Import-Partner -Path $script:Input -Database $Db -FailedRowPath "$Real-wal" } }
        @{ Case = 'Export-PartnerReport -Path the real -journal file'; Id = 'ReportPathInvalid'; Run = { param($Db, $Real) Export-PartnerReport -Database $Db -Path "$Real-journal" } }
        @{ Case = 'Backup-PartnerDatabase -DestinationPath the real -wal file'; Id = 'DatabaseAlreadyExists'; Run = { param($Db, $Real) Backup-PartnerDatabase -Database $Db -DestinationPath "$Real-wal" -Force } }
        @{ Case = 'Copy-PartnerDatabase -Destination the real -journal file'; Id = 'DatabaseAlreadyExists'; Run = { param($Db, $Real) Copy-PartnerDatabase -Source $Db -Destination "$Real-journal" -Force -Confirm:$false } }
        @{ Case = 'Export-PartnerReport -Path the -journal file through a link to the folder'; Id = 'ReportPathInvalid'; Run = { param($Db, $Real) Export-PartnerReport -Database $Real -Path (Join-Path $script:LinkedFolder 'own.db-journal') } }
    ) {
        $linkedDb = Join-Path (New-TestFolder) 'elsewhere.db'
        $null = New-Item -ItemType SymbolicLink -Path $linkedDb -Target $script:OwnDb
        $script:LinkedFolder = Join-Path (New-TestFolder) 'linked-folder'
        $null = New-Item -ItemType SymbolicLink -Path $script:LinkedFolder -Target $script:Own
        $before = Get-DatabaseState $script:OwnDb
        { & $Run $linkedDb $script:OwnDb -ErrorAction Stop 3>$null } | Should -Throw -ErrorId "$Id,*" -ExpectedMessage '*-wal, -shm or -journal*'
        Close-PooledConnections
        Get-DatabaseState $script:OwnDb | Should -Be $before
        Test-Path -LiteralPath "$script:OwnDb-journal" | Should -BeFalse
    }

    It 'reports the size of the file a link leads to' -Skip:$IsWindows {
        $link = Join-Path (New-TestFolder) 'link.db'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $script:OwnDb
        (Get-PartnerDatabase -Database $link).SizeBytes | Should -Be (Get-PartnerDatabase -Database $script:OwnDb).SizeBytes
        (Get-PartnerDatabase -Database $link).SizeBytes | Should -BeGreaterThan 4096
    }

    It 'refuses -FailedRowPath <Case> of the file being imported, leaving it as it was' -ForEach @(
        @{ Case = 'a symbolic link'; Type = 'SymbolicLink' }
        @{ Case = 'a hard link'; Type = 'HardLink' }
    ) {
        if ($IsWindows -and $Type -eq 'SymbolicLink') { Set-ItResult -Skipped -Because 'symbolic links need a privilege on Windows'; return }
        $link = Join-Path $script:Own 'in-link.csv'
        $null = New-Item -ItemType $Type -Path $link -Target $script:Input
        { Import-Partner -Path $script:Input -Database $script:OwnDb -FailedRowPath $link } | Should -Throw -ErrorId 'FailedRowPathIsImportFile,*'
        Get-Content -Raw -LiteralPath $script:Input | Should -BeExactly $script:InputText
        @(Get-Partner -Database $script:OwnDb).Name | Should -Be @('Must Stay')
    }

    It 'leaves an existing failed-row file as it was when the database cannot be opened' {
        $rejected = Join-Path $script:Own 'rejected.csv'
        'Name,Line,Reason' | Set-Content -LiteralPath $rejected
        $broken = Join-Path $script:Own 'broken.db'
        'not a database' | Set-Content -LiteralPath $broken
        { Import-Partner -Path $script:Input -Database $broken -FailedRowPath $rejected } | Should -Throw -ErrorId 'DatabaseInvalid,*'
        Get-Content -LiteralPath $rejected | Should -Be 'Name,Line,Reason'
    }
}

Describe 'A -FailedRowPath that is one of the files piped in' {
    It 'is refused when it arrives, still whole, and the rejected rows of the files before it are kept beside it' {
        $db = New-TestDatabase
        $folder = New-TestFolder
        "Name,Region,Country`nOne,Western Europe,FR`n,Western Europe,FR" | Set-Content -LiteralPath (Join-Path $folder 'p1.csv')
        "Name,Region,Country`nTwo,Western Europe,FR`n,Western Europe,DE" | Set-Content -LiteralPath (Join-Path $folder 'p2.csv')
        "Name,Region,Country`nThree,Western Europe,FR" | Set-Content -LiteralPath (Join-Path $folder 'p3.csv')
        $third = Get-Content -Raw -LiteralPath (Join-Path $folder 'p3.csv')
        $failure = $null
        try { Get-ChildItem -LiteralPath $folder -Filter 'p*.csv' | Sort-Object Name | Import-Partner -Database $db -FailedRowPath (Join-Path $folder 'p3.csv') -ErrorAction SilentlyContinue | Out-Null }
        catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'FailedRowPathIsImportFile,*'
        Get-Content -Raw -LiteralPath (Join-Path $folder 'p3.csv') | Should -BeExactly $third
        @(Get-Partner -Database $db).Name | Should -Be @('One', 'Two')
        $failure.Exception.Message | Should -Match "rejected rows are in '([^']+)'"
        $kept = ([regex]::Match($failure.Exception.Message, "rejected rows are in '([^']+)'")).Groups[1].Value
        @(Import-Csv -LiteralPath $kept).Line | Should -Be @('3', '3')
    }

    It 'writes the rows into an existing failed-row file, keeping its mode and the link that leads to it' -Skip:$IsWindows {
        $db = New-TestDatabase
        $folder = New-TestFolder
        $real = Join-Path $folder 'real-rejected.csv'
        'old rows' | Set-Content -LiteralPath $real
        & chmod 600 $real
        $link = Join-Path $folder 'rejected.csv'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $real
        $null = Import-Partner -Path $script:Csv -Database $db -FailedRowPath $link -ErrorAction SilentlyContinue
        (Get-Item -LiteralPath $link).LinkType | Should -Be 'SymbolicLink'
        (Get-Item -LiteralPath $real).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
        @(Import-Csv -LiteralPath $real).Count | Should -Be 1
    }

    It 'leaves no file of its own beside the failed-row file after an import' {
        $db = New-TestDatabase
        $folder = New-TestFolder
        $null = Import-Partner -Path $script:Csv -Database $db -FailedRowPath (Join-Path $folder 'rejected.csv') -ErrorAction SilentlyContinue
        Get-ChildItem -LiteralPath $folder -Force -Name | Should -Be @('rejected.csv')
        @(Import-Csv -LiteralPath (Join-Path $folder 'rejected.csv')).Count | Should -Be 1
    }
}

Describe 'Names that look like something else' {
    It 'imports a real file named <Name> with -<Parameter>' -ForEach @(
        @{ Name = 'Host=h.csv'; Parameter = 'Path' }
        @{ Name = 'Host=h.csv'; Parameter = 'LiteralPath' }
        @{ Name = 'a=b;Server=c.csv'; Parameter = 'LiteralPath' }
    ) {
        $db = New-TestDatabase
        $folder = New-TestFolder
        Copy-Item -LiteralPath $script:Csv -Destination (Join-Path $folder $Name)
        Push-Location -LiteralPath $folder
        $named = @{ $Parameter = $Name }
        try { $result = Import-Partner -Database $db @named -ErrorAction SilentlyContinue }
        finally { Pop-Location }
        $result.Inserted | Should -Be 1
    }

    It 'refuses //server/share as a Windows network path on <Os>' -Skip:$IsWindows -TestCases @(@{ Os = 'Linux and macOS' }) {
        { Export-PartnerReport -Database $script:Db -Path '//server/share/report.html' } |
            Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage '*Windows network (UNC) path*'
        Test-Path -LiteralPath '/server' | Should -BeFalse
    }
}

Describe 'Long file names' {
    BeforeAll {
        $script:Long = New-TestFolder
        # 250 characters: a legal name, too long for SQLite's '-journal' (255 at most), and for a partial name grown from it.
        $script:LongName = ('r' * 246) + '.csv'
    }

    It 'writes the rejected rows to a failed-row file of a 250-character name' {
        $db = New-TestDatabase
        $failed = Join-Path $script:Long $script:LongName
        $result = Import-Partner -Path $script:Csv -Database $db -FailedRowPath $failed -ErrorAction SilentlyContinue
        $result.Failed | Should -Be 1
        @(Import-Csv -LiteralPath $failed).Count | Should -Be 1
        Get-ChildItem -LiteralPath $script:Long -Force -Name | Should -Be @($script:LongName)
    }

    It 'writes the report to a file of a 250-character name' {
        $report = Join-Path (New-TestFolder) (('r' * 245) + '.html')
        (Export-PartnerReport -Database $script:Db -Path $report -AsOf 2015-07-02).FullName | Should -Be $report
        Get-ChildItem -LiteralPath (Split-Path $report) -Force -Name | Should -Be @(Split-Path $report -Leaf)
    }

    It 'refuses a new database file of a 250-character name with <Command>, naming the limit, and leaves no file' -Tag 'FileOnly' -ForEach @(
        @{ Command = 'New-PartnerDatabase'; Run = { param($Path) New-PartnerDatabase -Path $Path } }
        @{ Command = 'Backup-PartnerDatabase'; Run = { param($Path) Backup-PartnerDatabase -Database $script:Db -DestinationPath $Path } }
        @{ Command = 'Copy-PartnerDatabase'; Run = { param($Path) Copy-PartnerDatabase -Source $script:Db -Destination $Path } }
        @{ Command = 'Add-Partner'; Run = { param($Path) Add-Partner -Database $Path -Name 'Nowhere' } }
    ) {
        $folder = New-TestFolder
        $path = Join-Path $folder (('d' * 247) + '.db')
        { & $Run $path -ErrorAction Stop 3>$null } | Should -Throw -ErrorId 'DatabaseInvalid,*' -ExpectedMessage '*at most 247*'
        Get-ChildItem -LiteralPath $folder -Force -Name | Should -BeNullOrEmpty
    }
}

Describe 'A -FailedRowPath that cannot be written' {
    It 'is refused before a database is created: <Case>' -ForEach @(
        @{ Case = 'a folder'; Path = { $script:Folder }; Named = { $script:Folder } }
        @{ Case = 'under a file'; Path = { Join-Path $script:Csv 'rejected.csv' }; Named = { Join-Path $script:Csv 'rejected.csv' } }
    ) {
        $missing = New-TestDatabasePath
        $path = & $Path
        $failure = $null
        try { Import-Partner -Path $script:Csv -Database $missing -FailedRowPath $path -ErrorAction Stop 3>$null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'FailedRowPathInvalid,*'
        "$($failure.TargetObject)" | Should -Be $path
        $failure.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape((& $Named)))*"
        Test-TestDatabase $missing | Should -BeFalse
    }

    It 'refuses a read-only failed-row file (even for root, who could write it) and leaves it as it was' {
        $readOnly = Join-Path (New-TestFolder) 'protected.csv'
        'kept,as,it,was' | Set-Content -LiteralPath $readOnly
        Set-ItemProperty -LiteralPath $readOnly -Name IsReadOnly -Value $true
        $db = New-TestDatabasePath
        { Import-Partner -Path $script:Csv -Database $db -FailedRowPath $readOnly } | Should -Throw -ErrorId 'FailedRowPathInvalid,*' -ExpectedMessage '*read-only*'
        Get-Content -LiteralPath $readOnly | Should -Be 'kept,as,it,was'
        Test-TestDatabase $db | Should -BeFalse
    }

    It 'creates nothing under -WhatIf, not even its folder' {
        $new = Join-Path $script:Folder 'whatif/sub/rejected.csv'
        Import-Partner -Path $script:Csv -Database $script:Db -FailedRowPath $new -WhatIf
        Join-Path $script:Folder 'whatif' | Should -Not -Exist
    }
}

Describe 'Import -Path with [ and ] in a file name' {
    BeforeAll {
        $script:Brackets = New-TestFolder
        Copy-Item -LiteralPath $script:Csv -Destination (Join-Path $script:Brackets 'partners[1].csv')
    }

    It 'reads the file when the brackets are escaped with a backtick' {
        $db = New-TestDatabase
        $result = Import-Partner -Path (Join-Path $script:Brackets 'partners`[1`].csv') -Database $db -ErrorAction SilentlyContinue
        $result.Path | Should -Be (Join-Path $script:Brackets 'partners[1].csv')
        $result.Inserted | Should -Be 1
    }

    It 'says to use -LiteralPath when the brackets, read as a wildcard, match nothing' {
        $db = New-TestDatabase
        { Import-Partner -Path (Join-Path $script:Brackets 'partners[1].csv') -Database $db } |
            Should -Throw -ErrorId 'ImportFileNotFound,*' -ExpectedMessage '*-LiteralPath*'
    }
}

Describe 'A relative file parameter' {
    BeforeEach {
        $script:Here = New-TestFolder
        Copy-Item -LiteralPath $script:Csv, $script:RevenueCsv -Destination $script:Here
        $script:ProcessFolderBefore = Get-Names ([Environment]::CurrentDirectory)
        Push-Location -LiteralPath $script:Here
    }

    AfterEach {
        Pop-Location
        Get-Names ([Environment]::CurrentDirectory) | Should -Be $script:ProcessFolderBefore -Because 'nothing is written relative to the process''s folder'
    }

    It 'is read from the PowerShell location: Import-Partner -Path, and -FailedRowPath written there' {
        $db = New-TestDatabase
        $result = Import-Partner -Path 'partners.csv' -Database $db -FailedRowPath 'rejected.csv' -ErrorAction SilentlyContinue
        $result.Path | Should -Be (Join-Path $script:Here 'partners.csv')
        $result.Inserted | Should -Be 1
        $result.Failed | Should -Be 1
        Join-Path $script:Here 'rejected.csv' | Should -Exist
    }

    It 'is read from the PowerShell location: Import-PartnerRevenue -LiteralPath' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kept Partner'
        (Import-PartnerRevenue -LiteralPath 'revenue.csv' -Database $db).Inserted | Should -Be 1
    }

    It 'is written in the PowerShell location: Backup-PartnerDatabase -DestinationPath and Export-PartnerReport -Path' {
        (Backup-PartnerDatabase -Database $script:Db -DestinationPath 'backup.db').Path | Should -Be (Join-Path $script:Here 'backup.db')
        @(Get-Partner -Database (Join-Path $script:Here 'backup.db')).Name | Should -Contain 'Kept Partner'
        (Export-PartnerReport -Database $script:Db -Path 'report.html' -AsOf 2015-07-02).FullName | Should -Be (Join-Path $script:Here 'report.html')
    }
}
