# Npgsql's dependencies clash with older copies another module or the host loaded first (a FileLoadException "manifest
# definition does not match" with Microsoft.Extensions.Logging.Abstractions 6.0, reproduced for issue 16). The backend and
# Npgsql load into a private AssemblyLoadContext, so that preloaded copy cannot break the first PostgreSQL command.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')
    # The older copy, as tests/pester/restore/Pester.csproj downloads it.
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) { $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    $script:OldLogging = Join-Path $packages 'microsoft.extensions.logging.abstractions/6.0.0/lib/netstandard2.0/Microsoft.Extensions.Logging.Abstractions.dll'
    if (-not (Test-Path $script:OldLogging)) { throw "'$script:OldLogging' is missing: run 'dotnet restore tests/pester/restore/Pester.csproj'." }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Microsoft.Extensions.Logging.Abstractions 6.0 loaded before the module' -Tag 'ServerOnly' {
    It 'breaks neither the first PostgreSQL command nor the ones after it, and stays loaded as it was' {
        $db = New-TestDatabasePath
        $result = Invoke-ChildPwshJson -Command @"
Add-Type -Path $(ConvertTo-PSLiteral $script:OldLogging)
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
`$created = New-PartnerDatabase -Path $(ConvertTo-PSLiteral $db)
Add-Partner -Database $(ConvertTo-PSLiteral $db) -Name 'After the old copy'
@{
    Path     = `$created.Path
    Names    = @(Get-Partner -Database $(ConvertTo-PSLiteral $db) | ForEach-Object Name)
    Versions = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Microsoft.Extensions.Logging.Abstractions' } |
        ForEach-Object { "`$(`$_.GetName().Version)" })
    Preloaded = "`$([Microsoft.Extensions.Logging.Abstractions.NullLogger].Assembly.GetName().Version)"
    Errors   = @(`$Error | ForEach-Object { "`$(`$_.FullyQualifiedErrorId): `$_" })
}
"@
        $result.Errors | Should -BeNullOrEmpty
        $result.Path | Should -Be $db
        $result.Names | Should -Be @('After the old copy')
        # The preloaded copy still answers for the type name in the default context; Npgsql's own copy sits beside it.
        $result.Preloaded | Should -Be '6.0.0.0'
        $result.Versions | Should -Contain '6.0.0.0'
    }
}
