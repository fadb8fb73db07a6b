BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $manifestData = Import-PowerShellDataFile $script:ModuleManifest
}

AfterAll {
    Remove-TestFolders
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $script:ModuleManifest -ErrorAction Stop
        $info.Name | Should -Be 'PartnerOps'
    }

    It 'carries the version stamped by the build, not the placeholder' {
        $manifestData.ModuleVersion | Should -Not -Be '0.0.0'
        (Get-Module PartnerOps).Version | Should -Be ([version]$manifestData.ModuleVersion)
    }

    It 'lists CmdletsToExport explicitly, without wildcards' {
        $manifestData.CmdletsToExport | Should -Not -BeNullOrEmpty
        $manifestData.CmdletsToExport | ForEach-Object { $_ | Should -Not -Match '[*?\[]' }
    }

    It 'lists exactly the cmdlets the module exports' {
        $exported = (Get-Module PartnerOps).ExportedCmdlets.Keys | Sort-Object
        $manifestData.CmdletsToExport | Sort-Object | Should -Be $exported
    }

    It 'lists every cmdlet class in PartnerOps.dll' {
        $assembly = [PartnerOps.Commands.AddPartnerCommand].Assembly
        $implemented = $assembly.GetExportedTypes() | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
        } | Sort-Object
        $manifestData.CmdletsToExport | Sort-Object | Should -Be $implemented
    }

    It 'includes the cmdlets built so far' {
        $expected = 'New-PartnerDatabase', 'Connect-PartnerDatabase', 'Get-PartnerDatabase', 'Test-PartnerDatabase',
            'Backup-PartnerDatabase', 'Get-Partner', 'Add-Partner', 'Set-Partner', 'Remove-Partner',
            'Add-PartnerRevenue', 'Get-PartnerRevenue', 'Remove-PartnerRevenue', 'Measure-PartnerRevenue',
            'Set-PartnerExchangeRate', 'Get-PartnerExchangeRate', 'Set-PartnerTarget', 'Get-PartnerTarget', 'Remove-PartnerTarget',
            'Measure-PartnerTarget',
            'Import-Partner', 'Import-PartnerRevenue'
        foreach ($name in $expected) {
            $manifestData.CmdletsToExport | Should -Contain $name
        }
    }

    It 'exports no functions, aliases or variables' {
        @($manifestData.FunctionsToExport).Count | Should -Be 0
        @($manifestData.AliasesToExport).Count | Should -Be 0
        @($manifestData.VariablesToExport).Count | Should -Be 0
    }

    It 'declares CompatiblePSEditions Core and Desktop' {
        $manifestData.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
    }

    It 'loads its format file, with a view keyed on PartnerOps.Partner' {
        $manifestData.FormatsToProcess | Should -Contain 'PartnerOps.format.ps1xml'
        Get-FormatData -TypeName 'PartnerOps.Partner' | Should -Not -BeNullOrEmpty
    }
}

Describe 'Every data-changing cmdlet' {
    It '<_> supports -WhatIf and -Confirm' -ForEach @('New-PartnerDatabase', 'Backup-PartnerDatabase', 'Add-Partner', 'Set-Partner', 'Remove-Partner',
        'Add-PartnerRevenue', 'Remove-PartnerRevenue', 'Set-PartnerExchangeRate', 'Set-PartnerTarget', 'Remove-PartnerTarget', 'Import-Partner', 'Import-PartnerRevenue') {
        $command = Get-Command $_
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It '<_> has a -Database parameter' -ForEach @('Connect-PartnerDatabase', 'Get-PartnerDatabase', 'Test-PartnerDatabase', 'Backup-PartnerDatabase',
        'Get-Partner', 'Add-Partner', 'Set-Partner', 'Remove-Partner', 'Add-PartnerRevenue', 'Get-PartnerRevenue', 'Remove-PartnerRevenue',
        'Measure-PartnerRevenue', 'Set-PartnerExchangeRate', 'Get-PartnerExchangeRate', 'Set-PartnerTarget', 'Get-PartnerTarget',
        'Remove-PartnerTarget', 'Measure-PartnerTarget', 'Get-PartnerHistory', 'Import-Partner', 'Import-PartnerRevenue') {
        (Get-Command $_).Parameters.Keys | Should -Contain 'Database'
    }
}
