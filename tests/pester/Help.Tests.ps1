BeforeDiscovery {
    $manifest = $env:PARTNEROPS_TEST_MODULE
    if (-not $manifest) { $manifest = Join-Path $PSScriptRoot '../../out/PartnerOps/PartnerOps.psd1' }
    $cmdlets = @((Import-PowerShellDataFile $manifest).CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $common = [System.Management.Automation.Cmdlet]::CommonParameters

    # The parameters help must describe: all but the common ones and those hidden with DontShow.
    function Get-DocumentedParameter([System.Management.Automation.CommandInfo] $Command) {
        $Command.Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        }
    }

    function Get-Text($Paragraphs) { (@($Paragraphs) | ForEach-Object { $_.Text }) -join "`n" }
}

Describe 'The help of <_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module PartnerOps
        $help = Get-Help $name -Full
        $helpParameters = @{}
        foreach ($parameter in @($help.parameters.parameter)) { $helpParameters[$parameter.name] = $parameter }
    }

    It 'is the module''s own help, not the syntax PowerShell makes up' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '<CommonParameters>'
        $help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($name))\s"
        Get-Text $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code, one of them a pipeline' {
        $examples = @($help.examples.example | Where-Object { $_.code -and $_.code.Trim() })
        $examples.Count | Should -BeGreaterOrEqual 2
        @($examples | Where-Object { $_.code -match '\|' }).Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            Get-Text $example.remarks | Should -Not -BeNullOrEmpty -Because "example '$($example.title)' should say what it does"
        }
    }

    It 'has examples that are valid PowerShell' {
        foreach ($example in $help.examples.example) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$null, [ref]$errors)
            $errors | Should -BeNullOrEmpty -Because "example '$($example.title)' should parse"
        }
    }

    It 'describes every parameter' {
        foreach ($parameter in Get-DocumentedParameter $command) {
            $helpParameters.Keys | Should -Contain $parameter.Name
            Get-Text $helpParameters[$parameter.Name].description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'gives each parameter the pipeline input, Required, position and wildcards of the cmdlet' {
        foreach ($parameter in Get-DocumentedParameter $command) {
            $sets = @($parameter.ParameterSets.Values)
            $documented = $helpParameters[$parameter.Name]
            $because = "-$($parameter.Name) of $name"

            $documented.required | Should -Be ([string](@($sets | Where-Object { -not $_.IsMandatory }).Count -eq 0)).ToLowerInvariant() -Because $because

            $position = @($sets | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -First 1)
            $documented.position | Should -Be $(if ($position.Count) { [string]$position[0] } else { 'named' }) -Because $because

            $byValue = [bool]@($sets | Where-Object ValueFromPipeline).Count
            $byPropertyName = [bool]@($sets | Where-Object ValueFromPipelineByPropertyName).Count
            $documented.pipelineInput -match 'ByValue' | Should -Be $byValue -Because $because
            $documented.pipelineInput -match 'ByPropertyName' | Should -Be $byPropertyName -Because $because
            $documented.pipelineInput -like 'True*' | Should -Be ($byValue -or $byPropertyName) -Because $because

            $wildcards = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            $documented.globbing | Should -Be ([string]$wildcards).ToLowerInvariant() -Because $because
        }
    }

    It 'shows a syntax for each parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'names the error ids it gives, its output, and links to about_PartnerOps' {
        Get-Text $help.alertSet.alert | Should -Match '\b(Partner|Database|Revenue|Target|Invalid|ExchangeRate)\w+ \((ObjectNotFound|ResourceExists|InvalidArgument|InvalidData|InvalidOperation|ResourceBusy)'
        @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
        @($help.relatedLinks.navigationLink.linkText) | Should -Contain 'about_PartnerOps'
    }
}

Describe 'Get-Help -Parameter' {
    It 'says that Get-Partner -Name accepts wildcards' {
        $parameter = Get-Help Get-Partner -Parameter Name
        $parameter.globbing | Should -Be 'true'
        ($parameter | Out-String) | Should -Match 'Accept wildcard characters\?\s+true'
    }

    It 'says that Get-Partner takes piped objects through -InputObject, and -Name only as typed (position 0)' {
        $parameter = Get-Help Get-Partner -Parameter Name
        $parameter.pipelineInput | Should -Match 'false'
        $parameter.position | Should -Be '0'
        $parameter.aliases | Should -Be 'PartnerName'
        $piped = Get-Help Get-Partner -Parameter InputObject
        $piped.pipelineInput | Should -Match 'ByValue'
        $piped.description.Text | Should -Match 'literally'
    }

    It 'describes -WhatIf and -Confirm of the cmdlets that change data' {
        foreach ($name in 'Add-Partner', 'Remove-Partner', 'Set-PartnerTarget') {
            Get-Text (Get-Help $name -Parameter Confirm).description | Should -Not -BeNullOrEmpty
            Get-Text (Get-Help $name -Parameter WhatIf).description | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'about_PartnerOps' {
    BeforeAll {
        $about = Get-Help about_PartnerOps | Out-String
    }

    It 'is found by Get-Help' {
        $about | Should -Match 'about_PartnerOps'
    }

    It 'says how the database is chosen: <_>' -ForEach @('-Database', 'Connect-PartnerDatabase', 'PARTNEROPS_DATABASE', 'XDG_DATA_HOME', 'LOCALAPPDATA', 'PartnerOps/partnerops.db') {
        $about | Should -Match ([regex]::Escape($_))
    }

    It 'says how to use the module in a runbook: <_>' -ForEach @("`$ErrorActionPreference = 'Stop'", '-Confirm:$false', "`$ConfirmPreference = 'None'", 'FullyQualifiedErrorId', 'PartnerNotFound', 'PartnerAlreadyExists', 'DatabaseBusy', 'DatabaseNotFound') {
        $about | Should -Match ([regex]::Escape($_))
    }

    It 'describes bulk import through the pipeline' {
        $about | Should -Match '(?i)bulk import'
        $about | Should -Match ([regex]::Escape('Import-Csv partners.csv | Add-Partner'))
        $about | Should -Match ([regex]::Escape('| Add-PartnerRevenue'))
    }

    It 'describes measures and targets: <_>' -ForEach @('Measure-PartnerRevenue', 'Set-PartnerTarget', 'Measure-PartnerTarget', 'Set-PartnerExchangeRate') {
        $about | Should -Match ([regex]::Escape($_))
    }
}
