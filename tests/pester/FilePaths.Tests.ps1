# Every parameter that names a file the module reads or writes (besides -Database: SafeFiles.Tests.ps1) takes a path as
# PowerShell users mean it, relative to $PWD, and refuses a value that names no file of the file system (a URI, a server's
# location, a path of another provider, a drive that does not exist) with its own error id, naming the parameter and the
# value, before anything is read, written or created: not in the PowerShell location, and not in the process's folder.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FilePaths.Helpers.ps1')
}

AfterAll {
    Remove-Item Env:PARTNEROPS_PATHTEST -ErrorAction SilentlyContinue
    Remove-Variable -Name pathtest -Scope Global -ErrorAction SilentlyContinue
    Remove-Item Function:pathtest -ErrorAction SilentlyContinue
    Remove-TestFolders
}

Describe 'A file parameter given something that is not a file' {
    It '<Command> refuses <Case>, naming the parameter and the value, and changes nothing' -ForEach @(
        foreach ($command in 'Import-Partner -Path', 'Import-Partner -LiteralPath', 'Import-PartnerRevenue -Path', 'Import-Partner -FailedRowPath',
            'Import-PartnerRevenue -FailedRowPath', 'Backup-PartnerDatabase -DestinationPath', 'Export-PartnerReport -Path') {
            @{ Command = $command; Case = 'a PostgreSQL server''s location'; Value = 'postgresql://reporter:s3cret@127.0.0.1:1/partners'; Named = 'postgresql://reporter@127.0.0.1:1/partners'; Says = 'location of a PostgreSQL server' }
            @{ Command = $command; Case = 'a file: URI'; Value = 'file:///tmp/partnerops-paths/x.csv'; Named = 'file:///tmp/partnerops-paths/x.csv'; Says = "is a URI; give the path of a file instead ('/tmp/partnerops-paths/x.csv')" }
            @{ Command = $command; Case = 'an https: URI'; Value = 'https://example.com/partners.csv'; Named = 'https://example.com/partners.csv'; Says = 'is a URI' }
            @{ Command = $command; Case = 'an environment variable'; Value = 'Env:PARTNEROPS_PATHTEST'; Named = 'Env:PARTNEROPS_PATHTEST'; Says = 'of the Environment provider' }
            @{ Command = $command; Case = 'a variable'; Value = 'Variable:\pathtest'; Named = 'Variable:\pathtest'; Says = 'of the Variable provider' }
            @{ Command = $command; Case = 'a function'; Value = 'Function:pathtest'; Named = 'Function:pathtest'; Says = 'of the Function provider' }
            @{ Command = $command; Case = 'a drive that does not exist'; Value = 'nodrive:\partners.csv'; Named = 'nodrive:\partners.csv'; Says = 'not a usable path' }
            @{ Command = $command; Case = 'an Npgsql connection string'; Value = 'Host=h;Database=d;Username=u;Password=s3cret'; Named = 'postgresql://u@h:5432/d'; Says = 'location of a PostgreSQL server' }
            @{ Command = $command; Case = 'an https: URI with a password'; Value = 'https://user:s3cret@example.com/partners.csv'; Named = 'https://user:***@example.com/partners.csv'; Says = 'is a URI' }
            @{ Command = $command; Case = 'a server location misspelt, with a password'; Value = 'postgresql:/user:s3cret@h/db'; Named = 'postgresql:/user:***@h/db'; Says = 'not a usable path' }
        }
    ) {
        $parameter = ($Command -split ' ')[1]
        $before = Get-DatabaseState $script:Db
        $inFolder = Get-Names $script:Folder
        $inProcessFolder = Get-Names ([Environment]::CurrentDirectory)
        $failure = $null
        try { $null = & $script:Commands[$Command] $Value -ErrorAction Stop 3>$null } catch { $failure = $_ }

        $failure | Should -Not -BeNullOrEmpty -Because "$Command '$Value' names no file"
        $failure.FullyQualifiedErrorId | Should -BeLike "$($script:ErrorIds[$Command]),*"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike "$parameter '$([WildcardPattern]::Escape($Named))'*"
        $failure.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Says))*"
        $failure.Exception.Message | Should -Not -BeLike '*s3cret*'
        "$($failure.TargetObject)" | Should -Not -BeLike '*s3cret*'
        $failure.Exception.Message | Should -Not -BeLike '*A PartnerOps database is a file*' -Because 'the value is not a database location'
        Get-DatabaseState $script:Db | Should -Be $before
        Get-Names $script:Folder | Should -Be $inFolder
        Get-Names ([Environment]::CurrentDirectory) | Should -Be $inProcessFolder -Because 'nothing is written relative to the process''s folder'
        Test-Path -LiteralPath '/tmp/partnerops-paths' | Should -BeFalse
        Get-ChildItem -LiteralPath $script:Folder, ([Environment]::CurrentDirectory) -Force -Name | Should -Not -BeLike '*s3cret*'
    }

    It '<Command> refuses a path that is no full path of this system: <Case>' -Skip:$IsWindows -ForEach @(
        foreach ($command in 'Import-Partner -Path', 'Import-Partner -FailedRowPath', 'Backup-PartnerDatabase -DestinationPath', 'Export-PartnerReport -Path') {
            @{ Command = $command; Case = 'a Windows network path'; Value = '\\server\share\partners.csv'; Says = 'Windows network (UNC) path' }
            @{ Command = $command; Case = 'a Windows device path'; Value = '\\?\C:\partners.csv'; Says = 'Windows network (UNC) path' }
            @{ Command = $command; Case = 'a Windows drive path'; Value = 'C:\partners.csv'; Says = 'Windows drive path' }
        }
    ) {
        $before = Get-DatabaseState $script:Db
        $inProcessFolder = Get-Names ([Environment]::CurrentDirectory)
        $failure = $null
        try { $null = & $script:Commands[$Command] $Value -ErrorAction Stop 3>$null } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike "$($script:ErrorIds[$Command]),*"
        $failure.Exception.Message | Should -BeLike "$(($Command -split ' ')[1]) '$([WildcardPattern]::Escape($Value))'*$Says*"
        Get-DatabaseState $script:Db | Should -Be $before
        Get-Names ([Environment]::CurrentDirectory) | Should -Be $inProcessFolder
        Get-Names $script:Folder | Should -Not -BeLike '*server*'
    }

    It '<Command> refuses ~ while the location is in another provider' -ForEach @(
        @{ Command = 'Import-Partner -Path' }
        @{ Command = 'Import-Partner -FailedRowPath' }
        @{ Command = 'Export-PartnerReport -Path' }
    ) {
        Push-Location Env:
        try {
            $failure = $null
            try { $null = & $script:Commands[$Command] '~/partners.csv' -ErrorAction Stop 3>$null } catch { $failure = $_ }
        }
        finally { Pop-Location }
        $failure.FullyQualifiedErrorId | Should -BeLike "$($script:ErrorIds[$Command]),*"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike "$(($Command -split ' ')[1]) '~/partners.csv' is not a usable path*"
    }

    It 'Import-Partner -Path refuses a wildcard of another provider that matches <Pattern>' -ForEach @(
        @{ Pattern = 'Env:PARTNEROPS_PATH*'; Provider = 'Environment' }
        @{ Pattern = 'Function:pathtes?'; Provider = 'Function' }
        @{ Pattern = 'Variable:path*'; Provider = 'Variable' }
    ) {
        $before = Get-DatabaseState $script:Db
        $inProcessFolder = Get-Names ([Environment]::CurrentDirectory)
        { Import-Partner -Path $Pattern -Database $script:Db } |
            Should -Throw -ErrorId 'ImportFileNotFound,*' -ExpectedMessage "-Path '$([WildcardPattern]::Escape($Pattern))' is a path of the $Provider provider*"
        Get-DatabaseState $script:Db | Should -Be $before
        Get-Names ([Environment]::CurrentDirectory) | Should -Be $inProcessFolder
    }

    It 'Backup-PartnerDatabase -DestinationPath of a server points to Copy-PartnerDatabase' {
        { Backup-PartnerDatabase -Database $script:Db -DestinationPath 'postgresql://postgres@127.0.0.1:1/copy' } |
            Should -Throw -ErrorId 'DatabaseInvalid,*' -ExpectedMessage '*use Copy-PartnerDatabase -Destination*'
    }
}

Describe 'Where a database location came from, named when it is refused' {
    It 'names <Source>' -ForEach @(
        @{ Source = '-Database'; Command = { Get-Partner -Database 'Env:PARTNEROPS_PATHTEST' } }
        @{ Source = '-Path'; Command = { New-PartnerDatabase -Path 'Variable:\pathtest' } }
        @{ Source = '-Source'; Command = { Copy-PartnerDatabase -Source 'Env:PARTNEROPS_PATHTEST' -Destination (Join-Path $script:Folder 'copy.db') } }
        @{ Source = '-Destination'; Command = { Copy-PartnerDatabase -Source $script:Db -Destination 'Function:pathtest' } }
        @{ Source = '-Path'; Command = { Connect-PartnerDatabase -Path 'Env:PARTNEROPS_PATHTEST' } }
    ) {
        $Command | Should -Throw -ErrorId 'DatabaseInvalid,*' -ExpectedMessage "$Source '*' is a path of the * provider*"
        Test-Path -LiteralPath (Join-Path $script:Folder 'copy.db') | Should -BeFalse
    }

    It 'names $env:PARTNEROPS_DATABASE' {
        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_DATABASE = 'Env:HOME' } -Command @'
try { Get-Partner | Out-Null; 'read' } catch { $_.FullyQualifiedErrorId + '|' + $_.Exception.Message }
'@
        $result | Should -BeLike 'DatabaseInvalid,*|$env:PARTNEROPS_DATABASE ''Env:HOME'' is a path of the Environment provider*'
    }
}
