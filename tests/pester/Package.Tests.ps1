BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'The module as a package' {
    BeforeAll {
        $repository = New-TestFolder
        $moduleFolder = Split-Path $script:ModuleManifest
        Compress-PSResource -Path $moduleFolder -DestinationPath $repository
        $package = Get-ChildItem $repository -Filter 'PartnerOps.*.nupkg'
        $version = (Import-PowerShellDataFile $script:ModuleManifest).ModuleVersion
    }

    It 'is one PartnerOps.<version>.nupkg with the manifest the Gallery reads' {
        $package.Name | Should -BeExactly "PartnerOps.$version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try {
            $entries = $zip.Entries.FullName
            $reader = [IO.StreamReader]::new(($zip.Entries | Where-Object FullName -EQ 'PartnerOps.nuspec').Open())
            $nuspec = [xml]$reader.ReadToEnd()
            $reader.Dispose()
        }
        finally {
            $zip.Dispose()
        }
        $entries | Should -Contain 'PartnerOps.psd1'
        $entries | Should -Contain 'linux-x64/e_sqlite3.so'
        $entries | Should -Contain 'en-US/PartnerOps.dll-Help.xml'
        $entries | Should -Contain 'LICENSE.txt'
        $metadata = $nuspec.package.metadata
        $metadata.version | Should -BeExactly $version
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.authors | Should -Not -BeNullOrEmpty
        # No project site exists yet: the manifest names none (issue 13: no link to example.invalid); the licence is LICENSE.txt.
        $metadata.projectUrl | Should -BeNullOrEmpty
        $metadata.licenseUrl | Should -BeNullOrEmpty
        $metadata.releaseNotes | Should -Not -BeNullOrEmpty
        foreach ($tag in 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS') {
            $metadata.tags -split ' ' | Should -Contain $tag
        }
    }

    It 'installs from a folder repository and works, imported by name in a fresh pwsh' {
        # A fresh HOME: the repository registration and the CurrentUser scope both live under it.
        $home2 = New-TestFolder
        $database = Join-Path (New-TestFolder) 'installed.db'
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PartnerOpsLocal -Uri $(ConvertTo-PSLiteral $repository) -Trusted
Install-PSResource -Name PartnerOps -Repository PartnerOpsLocal -Scope CurrentUser -Quiet
Import-Module PartnerOps
Add-Partner -Database $(ConvertTo-PSLiteral $database) -Name 'Installed Partner'
[pscustomobject]@{
    ModuleBase = (Get-Module PartnerOps).ModuleBase
    Version = "`$((Get-Module PartnerOps).Version)"
    Partners = @(Get-Partner -Database $(ConvertTo-PSLiteral $database)).Name
}
"@
        $result = Invoke-ChildPwshJson -Environment @{ HOME = $home2; XDG_DATA_HOME = $null; XDG_CONFIG_HOME = $null; PSModulePath = $null } -Command $script
        $result.ModuleBase | Should -BeLike "$home2*"
        $result.Version | Should -BeExactly $version
        $result.Partners | Should -Be @('Installed Partner')
    }
}
