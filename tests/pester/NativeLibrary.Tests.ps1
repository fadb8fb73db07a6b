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

# FileOnly: loading SQLite's native library (e_sqlite3) from the module folder.
Describe 'The native SQLite library' -Tag 'FileOnly' {
    It 'is shipped in the module folder for this platform' {
        Test-Path (Join-Path (Split-Path $script:ModuleManifest) "$platform/$nativeFile") | Should -BeTrue
    }
}

# FileOnly: loading SQLite's native library (e_sqlite3) from the module folder.
Describe 'A copy of the module without its native library' -Tag 'FileOnly' {
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

# FileOnly: loading SQLite's native library (e_sqlite3) from the module folder.
Describe 'An intact copy of the module in another folder' -Tag 'FileOnly' {
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

# FileOnly: loading SQLite's native library (e_sqlite3) from the module folder.
Describe 'Loading the native library when the first database is opened, not at import' -Tag 'FileOnly' {
    It 'imports without loading SQLite, and loads it for the first command that opens a database' {
        $db = New-TestDatabasePath
        $result = Invoke-ChildPwshJson -Command @"
`$loaded = { @([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -like 'SQLitePCLRaw*').Count }
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest) -ErrorAction Stop
`$atImport = & `$loaded
Add-Partner -Database $(ConvertTo-PSLiteral $db) -Name 'First Use'
@{ AtImport = `$atImport; AfterFirstCommand = & `$loaded; Name = (Get-Partner -Database $(ConvertTo-PSLiteral $db)).Name }
"@
        $result.AtImport | Should -Be 0
        $result.AfterFirstCommand | Should -BeGreaterThan 0
        $result.Name | Should -Be 'First Use'
    }

    It 'removes a module that never opened a database without loading SQLite to clear its pools' {
        $result = Invoke-ChildPwshJson -Command @"
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest) -ErrorAction Stop
Remove-Module PartnerOps -ErrorAction Stop
@{ Loaded = @([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -like 'SQLitePCLRaw*').Count }
"@
        $result.Loaded | Should -Be 0
    }
}

# FileOnly: loading SQLite's native library (e_sqlite3) from the module folder.
Describe 'A copy of the module whose native library is there but cannot be loaded' -Tag 'FileOnly' {
    BeforeAll {
        $manifest = Copy-BuiltModule
        # Not a shared library: the loader refuses it (an ELF, Mach-O or PE header is expected).
        [IO.File]::WriteAllText((Join-Path (Split-Path $manifest) "$platform/$nativeFile"), 'not a library')
        $db = New-TestDatabasePath
        $result = Invoke-ChildPwshJson -Command @"
Import-Module $(ConvertTo-PSLiteral $manifest) -ErrorAction Stop
`$Error.Clear()
try { Add-Partner -Database $(ConvertTo-PSLiteral $db) -Name 'Never' -ErrorAction Stop } catch { }
@{ Imported = [bool](Get-Module PartnerOps); Messages = @(`$Error | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { `$_.Exception.Message } else { `$_.Message } }) }
"@
    }

    It 'imports (the file is there), and fails the first command that opens a database' {
        $result.Imported | Should -BeTrue
        @($result.Messages).Count | Should -BeGreaterThan 0
    }

    It 'says which platform and which file, and that the file exists but could not be loaded' {
        $result.Messages[0] | Should -Match ([regex]::Escape($platform))
        $result.Messages[0] | Should -Match ([regex]::Escape($nativeFile))
        $result.Messages[0] | Should -Match 'exists but could not be loaded'
        $result.Messages[0] | Should -Not -Match 'type initializer'
    }
}
