# Export-PartnerReport and what is already at -Path, on both backends (the report file is local either way): a symbolic link
# is written through and stays, a FIFO, device or folder is refused and left as it is, a read-only file is refused, and a
# replaced file keeps its mode (and owner, as root).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Report.Helpers.ps1')
    $ProgressPreference = 'SilentlyContinue'
    $script:AsOf = [datetime]'2015-07-02'
    $script:Db = New-TestDatabase
    $script:WindowsReason = 'Unix only: FIFOs, /dev/null and file modes do not exist on Windows, and a symbolic link there needs administrator rights.'
    Add-Partner -Database $script:Db -Name 'Acme' -Region 'Western Europe' -Country GB -Status Active -Tier Silver -JoinedOn 2014-01-01 | Out-Null

    function Export-FilesReport([string] $Path) {
        Export-PartnerReport -Database $script:Db -Path $Path -AsOf $script:AsOf -WarningAction SilentlyContinue
    }

    # The kind of a path as ls -ld shows it first: - file, l link, p FIFO, c character device, d folder.
    function Get-PathKind([string] $Path) { (& ls -ld -- $Path)[0] }
}

AfterAll { Remove-TestFolders }

Describe 'A symbolic link at -Path' {
    It 'writes the report into the file the link points to; the link stays' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $folder = New-TestFolder
        $null = New-Item -ItemType Directory (Join-Path $folder 'web')
        $real = Join-Path $folder 'web/partner-report.html'
        Set-Content -LiteralPath $real 'OLD'
        $link = Join-Path $folder 'partner-report.html'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target 'web/partner-report.html'

        $item = Export-FilesReport $link

        $item.FullName | Should -Be $link
        Get-PathKind $link | Should -Be 'l'
        (Get-Item -LiteralPath $link).LinkTarget | Should -Be 'web/partner-report.html'
        Get-Content -LiteralPath $real -Raw | Should -Match '^<!DOCTYPE html>'
        @(Get-ChildItem -Force (Join-Path $folder 'web')).Name | Should -Be 'partner-report.html'
    }

    It 'makes the target of a dangling link when its folder exists' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $folder = New-TestFolder
        $real = Join-Path $folder 'first-run.html'
        $link = Join-Path $folder 'link.html'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $real

        $null = Export-FilesReport $link

        Get-PathKind $real | Should -Be '-'
        Get-Content -LiteralPath $real -Raw | Should -Match '^<!DOCTYPE html>'
        (Get-Item -LiteralPath $link).LinkTarget | Should -Be $real
    }

    It 'refuses a dangling link into a missing folder, naming the link and its target' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $folder = New-TestFolder
        $real = Join-Path $folder 'gone/report.html'
        $link = Join-Path $folder 'link.html'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $real

        { Export-FilesReport $link } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*'$link' is a symbolic link to '$real'*does not exist*"
        Test-Path -LiteralPath (Join-Path $folder 'gone') | Should -BeFalse
        (Get-Item -LiteralPath $link).LinkTarget | Should -Be $real
    }

    It 'refuses a link to a folder, naming it, and writes nothing into the folder' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $folder = New-TestFolder
        $reports = (New-Item -ItemType Directory (Join-Path $folder 'reports')).FullName
        $link = Join-Path $folder 'reports-link'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target $reports

        { Export-FilesReport $link } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*$link*is a folder*"
        Get-ChildItem -Force $reports | Should -BeNullOrEmpty
        Get-PathKind $link | Should -Be 'l'
    }
}

Describe 'A -Path that is not a regular file' {
    It 'refuses a FIFO, naming it, and leaves it a FIFO' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $folder = New-TestFolder
        $fifo = Join-Path $folder 'fifo.html'
        & mkfifo $fifo
        { Export-FilesReport $fifo } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*'$fifo' is a FIFO (named pipe), not a regular file*"
        Get-PathKind $fifo | Should -Be 'p'
        @(Get-ChildItem -Force $folder).Name | Should -Be 'fifo.html'
    }

    It 'refuses /dev/null, naming it a character device, and /dev/null stays one' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        { Export-FilesReport '/dev/null' } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*'/dev/null' is a character device, not a regular file*"
        Get-PathKind '/dev/null' | Should -Be 'c'
        @(Get-ChildItem -Force /dev -Filter '.null.*') | Should -BeNullOrEmpty
    }

    It 'refuses a link to /dev/null, naming the link and the device' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $link = Join-Path (New-TestFolder) 'null.html'
        $null = New-Item -ItemType SymbolicLink -Path $link -Target '/dev/null'
        { Export-FilesReport $link } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*'$link' (a symbolic link to '/dev/null') is a character device*"
        Get-PathKind '/dev/null' | Should -Be 'c'
        Get-PathKind $link | Should -Be 'l'
    }
}

Describe 'An existing report file' {
    It 'keeps its mode 0600 when it is replaced' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        $path = Join-Path (New-TestFolder) 'private.html'
        Set-Content -LiteralPath $path 'OLD'
        & chmod 600 $path
        $null = Export-FilesReport $path
        Get-Content -LiteralPath $path -Raw | Should -Match '^<!DOCTYPE html>'
        (Get-Item -LiteralPath $path).UnixFileMode | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')
    }

    It 'keeps its owner and group when the report is written as root' {
        if ($IsWindows) { Set-ItResult -Skipped -Because $script:WindowsReason; return }
        if ([Environment]::UserName -ne 'root') { Set-ItResult -Skipped -Because 'only root may give a file another owner'; return }
        $path = Join-Path (New-TestFolder) 'owned.html'
        Set-Content -LiteralPath $path 'OLD'
        & chown 65534:65534 $path
        & chmod 640 $path
        $null = Export-FilesReport $path
        (& stat -c '%u:%g:%a' $path) | Should -Be '65534:65534:640'
        Get-Content -LiteralPath $path -Raw | Should -Match '^<!DOCTYPE html>'
    }

    It 'is refused when it is read-only, naming it, and is left as it was' {
        $path = Join-Path (New-TestFolder) 'locked.html'
        Set-Content -LiteralPath $path 'OLD'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        { Export-FilesReport $path } | Should -Throw -ErrorId 'ReportPathInvalid,*' -ExpectedMessage "*'$path' is a read-only file*"
        Get-Content -LiteralPath $path -Raw | Should -Be "OLD$([Environment]::NewLine)"
        (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $false
    }
}
