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
        # The child's answer is the version this build's schema has (Schema.CurrentVersion; 9 with issue 15's first step).
        $output | Should -Be "$([PartnerOps.Sqlite.Schema]::CurrentVersion)"
    }
}
