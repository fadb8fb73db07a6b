BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # The folder and file name the module ships the native SQLite library under for this process.
    $arch = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $platform = if ($IsWindows) { "win-$arch" } elseif ($IsMacOS) { "osx-$arch" } else { "linux-$arch" }
    $nativeFile = if ($IsWindows) { 'e_sqlite3.dll' } elseif ($IsMacOS) { 'e_sqlite3.dylib' } else { 'e_sqlite3.so' }

    # A copy of the built module folder, so the test can change it without touching out/.
    function Copy-BuiltModule {
        $target = Join-Path (New-TestFolder) 'PartnerOps'
        Copy-Item (Split-Path $script:ModuleManifest) $target -Recurse
        Join-Path $target 'PartnerOps.psd1'
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'The native SQLite library' {
    It 'is shipped in the module folder for this platform' {
        Test-Path (Join-Path (Split-Path $script:ModuleManifest) "$platform/$nativeFile") | Should -BeTrue
    }
}

Describe 'A copy of the module without its native library' {
    BeforeAll {
        $manifest = Copy-BuiltModule
        Remove-Item (Join-Path (Split-Path $manifest) "$platform/$nativeFile")
        $result = Invoke-ChildPwshJson -Command @"
`$Error.Clear()
try { Import-Module $(ConvertTo-PSLiteral $manifest) } catch { }
@{ Count = `$Error.Count; Messages = @(`$Error | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { `$_.Exception.Message } else { `$_.Message } }) }
"@
    }

    It 'fails to import with exactly one error' {
        $result.Count | Should -Be 1
    }

    It 'says which platform and which file it looked for' {
        $result.Messages[0] | Should -Match ([regex]::Escape($platform))
        $result.Messages[0] | Should -Match ([regex]::Escape($nativeFile))
    }

    It 'does not surface a type initializer failure' {
        $result.Messages[0] | Should -Not -Match 'TypeInitializationException'
        $result.Messages[0] | Should -Not -Match 'type initializer'
    }
}

Describe 'An intact copy of the module in another folder' {
    BeforeAll {
        $manifest = Copy-BuiltModule
        $db = New-TestDatabasePath
        $result = Invoke-ChildPwshJson -Command @"
Import-Module $(ConvertTo-PSLiteral $manifest) -ErrorAction Stop
Add-Partner -Database $(ConvertTo-PSLiteral $db) -Name 'Relocated' -Country 'se'
`$p = Get-Partner -Database $(ConvertTo-PSLiteral $db)
@{ ModulePath = (Get-Module PartnerOps).ModuleBase; Name = `$p.Name; Country = `$p.Country; Healthy = Test-PartnerDatabase -Database $(ConvertTo-PSLiteral $db) }
"@
    }

    It 'imports in a fresh pwsh -NoProfile from that folder' {
        $result.ModulePath | Should -Be (Split-Path $manifest)
    }

    It 'adds and reads partners' {
        $result.Name | Should -Be 'Relocated'
        $result.Country | Should -Be 'SE'
        $result.Healthy | Should -BeTrue
    }
}
