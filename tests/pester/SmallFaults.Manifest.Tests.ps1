# The module manifest links nothing that does not exist. The setup is SmallFaults.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'SmallFaults.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'The manifest links nothing that does not exist' {
    It 'has no URI on an invalid or example host' {
        $data = Import-PowerShellDataFile $script:ModuleManifest
        $uris = @($data.HelpInfoUri) + @($data.PrivateData.PSData.ProjectUri, $data.PrivateData.PSData.LicenseUri, $data.PrivateData.PSData.IconUri) | Where-Object { $_ }
        foreach ($uri in $uris) {
            ([uri]$uri).Host | Should -Not -Match '(^|\.)(invalid|example|test|localhost)$|^example\.'
        }
        (Get-Content -Raw $script:ModuleManifest) | Should -Not -Match 'example\.invalid'
    }

    It 'Get-Help -Online says there is no online help (rather than opening a broken link)' {
        foreach ($name in 'Add-Partner', 'Import-PartnerRevenue', 'New-PartnerDatabase') {
            { Get-Help $name -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand'
            (Get-Help $name).relatedLinks.navigationLink.uri | Where-Object { $_ } | Should -BeNullOrEmpty
        }
    }
}
