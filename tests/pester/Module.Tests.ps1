BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'The built module' {
    It 'imports in a fresh pwsh -NoProfile and runs a cmdlet against a new database' {
        $db = New-TestDatabasePath
        $output = Invoke-ChildPwsh "Import-Module '$script:ModuleManifest'; (New-PartnerDatabase -Path '$db').SchemaVersion"
        $LASTEXITCODE | Should -Be 0
        $output | Should -Be '8'
    }
}
