# Server locations as users give them (cmdlets.md, wave 2, "Database locations"), checked without a server: a URI or an Npgsql
# connection string selects PostgreSQL, anything else is a file; a password in a location never shows in an error, its target,
# -Verbose or a warning; the PostgreSQL backend is loaded only when a server is named, into a load context of its own. Port 1 on
# 127.0.0.1 has no server, so each command fails with ServerUnavailable before any SQL runs.
BeforeDiscovery {
    $script:Secret = 'Sup3r-S3cret-pw'
    # Every form a password can take in a location: URI user info (escaped too), a Password keyword, its Pwd synonym.
    $script:Locations = @(
        @{ Name = 'a URI with user:password'; Location = "postgresql://ops:$Secret@127.0.0.1:1/partners" }
        @{ Name = 'a postgres:// URI with an escaped password'; Location = "postgres://ops:$([uri]::EscapeDataString($Secret + '@/'))@127.0.0.1:1/partners?schema=emea" }
        @{ Name = 'a connection string with Password'; Location = "Host=127.0.0.1;Port=1;Database=partners;Username=ops;Password=$Secret" }
        @{ Name = 'a connection string with Pwd'; Location = "Server=127.0.0.1;Port=1;Database=partners;User ID=ops;Pwd=$Secret" }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Secret = 'Sup3r-S3cret-pw'

    # Everything a failed command shows of itself: what Verbose and Warning wrote, the error's text, its target, its fully
    # qualified id and inner exception. $Command runs with -ErrorAction Stop and -Verbose.
    function Get-Shown {
        param([scriptblock] $Command)
        $failure = $null
        $streams = try { & $Command 4>&1 3>&1 | Out-String } catch { $failure = $_; '' }
        [pscustomobject]@{
            Error = $failure
            Text  = $streams + "$failure | $($failure.TargetObject) | $($failure.FullyQualifiedErrorId) | $($failure.Exception.InnerException) | $($failure.Exception.InnerException.InnerException)"
        }
    }
}

AfterAll { Remove-TestFolders }

Describe 'A password in a server location' {
    It 'is never shown when <Name> cannot be reached (Get-Partner)' -ForEach $Locations {
        $shown = Get-Shown { Get-Partner -Database $Location -ErrorAction Stop -Verbose }
        $shown.Error.FullyQualifiedErrorId | Should -BeLike 'ServerUnavailable,*'
        $shown.Error.CategoryInfo.Category | Should -Be 'ConnectionError'
        $shown.Text | Should -Not -BeLike "*$Secret*"
        $shown.Text | Should -Not -BeLike "*$([uri]::EscapeDataString($Secret))*"
        "$($shown.Error.TargetObject)" | Should -BeLike 'postgresql://ops@127.0.0.1:1/partners*'
    }

    It 'is never shown when <Name> cannot be reached (Add-Partner, a write)' -ForEach $Locations {
        $shown = Get-Shown { Add-Partner -Database $Location -Name Contoso -Type Reseller -ErrorAction Stop -Verbose }
        $shown.Error.FullyQualifiedErrorId | Should -BeLike 'ServerUnavailable,*'
        $shown.Text | Should -Not -BeLike "*$Secret*"
    }

    It 'is never shown when <Name> is the session default ($env:PARTNEROPS_DATABASE)' -ForEach $Locations {
        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_DATABASE = $Location } -Command @'
try { Get-PartnerDatabase -ErrorAction Stop -Verbose 4>&1 | Out-String } catch { @{ Id = $_.FullyQualifiedErrorId; Text = "$_ | $($_.TargetObject)" } }
'@
        $result.Id | Should -BeLike 'ServerUnavailable,*'
        $result.Text | Should -Not -BeLike "*$Secret*"
    }

    It 'is never shown when New-PartnerDatabase is given <Name>' -ForEach $Locations {
        $shown = Get-Shown { New-PartnerDatabase -Path $Location -ErrorAction Stop -Verbose }
        $shown.Error.FullyQualifiedErrorId | Should -BeLike 'ServerUnavailable,*'
        $shown.Text | Should -Not -BeLike "*$Secret*"
    }
}

Describe 'A server location that cannot be used' {
    It 'is refused with DatabaseInvalid naming the problem, without its password: <Name>' -ForEach @(
        @{ Name = 'no host'; Location = "postgresql://ops:$Secret@/partners"; Problem = '*host*' }
        @{ Name = 'no database'; Location = "postgresql://ops:$Secret@127.0.0.1:5432/"; Problem = '*no database*' }
        @{ Name = 'a port that is not a number'; Location = "postgresql://ops:$Secret@127.0.0.1:port/partners"; Problem = '*port*' }
        @{ Name = 'an unknown keyword'; Location = "Host=127.0.0.1;Database=partners;Password=$Secret;Flavour=mint"; Problem = '*flavour*' }
    ) {
        $shown = Get-Shown { Get-Partner -Database $Location -ErrorAction Stop -Verbose }
        $shown.Error.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
        "$($shown.Error)" | Should -BeLike $Problem
        $shown.Text | Should -Not -BeLike "*$Secret*"
    }

    It 'refuses -Credential for a file, which needs none' {
        $db = New-TestDatabasePath
        $credential = [pscredential]::new('ops', (ConvertTo-SecureString $Secret -AsPlainText -Force))
        { New-PartnerDatabase -Path $db -Credential $credential -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSetting,*'
        Test-Path $db | Should -BeFalse
    }

    It 'treats a file name with = in it as a file' {
        $folder = New-TestFolder
        $info = New-PartnerDatabase -Path (Join-Path $folder 'a=b.db')
        $info.Backend | Should -Be 'Sqlite'
        Test-Path (Join-Path $folder 'a=b.db') | Should -BeTrue
    }
}

Describe 'Loading the PostgreSQL backend' {
    It 'is not done by Import-Module or by commands on a file' {
        $db = New-TestDatabase
        $result = Invoke-ChildPwshJson -ImportModule -Command @"
`$null = Get-Partner -Database $(ConvertTo-PSLiteral $db)
@{ Loaded = [PartnerOps.Data.ServerBackend]::IsLoaded; Assemblies = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { `$_.GetName().Name }) }
"@
        $result.Loaded | Should -BeFalse
        $result.Assemblies | Should -Not -Contain 'Npgsql'
        $result.Assemblies | Should -Not -Contain 'PartnerOps.PostgreSql'
    }

    It 'puts Npgsql and its Microsoft.Extensions libraries in a load context of their own, on the first server command' {
        $result = Invoke-ChildPwshJson -ImportModule -Command @'
$null = Get-Partner -Database 'postgresql://ops@127.0.0.1:1/partners' -ErrorAction SilentlyContinue
$contexts = @{}
foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName().Name
    if ($name -in 'Npgsql', 'PartnerOps.PostgreSql', 'Microsoft.Extensions.Logging.Abstractions', 'PartnerOps.Core', 'PartnerOps') {
        $contexts[$name] = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
    }
}
$contexts
'@
        $result.Npgsql | Should -Be 'PartnerOps.PostgreSql'
        $result.'PartnerOps.PostgreSql' | Should -Be 'PartnerOps.PostgreSql'
        $result.'Microsoft.Extensions.Logging.Abstractions' | Should -Be 'PartnerOps.PostgreSql'
        $result.'PartnerOps.Core' | Should -Be 'Default'
        $result.PartnerOps | Should -Be 'Default'
    }
}
