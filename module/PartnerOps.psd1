@{
    RootModule           = 'PartnerOps.dll'
    # Stamped by build.ps1 from VersionPrefix in Directory.Build.props; do not edit here.
    ModuleVersion        = '0.0.0'
    GUID                 = '6f0c7a2e-3d41-4b8e-9a57-2c1f4e8b9d35'
    Author               = 'PartnerOps contributors'
    CompanyName          = 'PartnerOps'
    Copyright            = '(c) PartnerOps contributors. MIT licence.'
    Description          = 'Run a vendor''s channel-partner programme from PowerShell: partners, their lifecycle, revenue and targets, in a SQLite database.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('PartnerOps.format.ps1xml', 'PartnerOps.Measures.format.ps1xml')
    TypesToProcess       = @('PartnerOps.types.ps1xml')
    CmdletsToExport      = @(
        'New-PartnerDatabase'
        'Connect-PartnerDatabase'
        'Get-PartnerDatabase'
        'Test-PartnerDatabase'
        'Backup-PartnerDatabase'
        'Copy-PartnerDatabase'
        'Get-Partner'
        'Add-Partner'
        'Set-Partner'
        'Remove-Partner'
        'Add-PartnerRevenue'
        'Get-PartnerRevenue'
        'Remove-PartnerRevenue'
        'Measure-PartnerRevenue'
        'Measure-Partner'
        'Set-PartnerExchangeRate'
        'Get-PartnerExchangeRate'
        'Set-PartnerTarget'
        'Get-PartnerTarget'
        'Remove-PartnerTarget'
        'Measure-PartnerTarget'
        'Measure-PartnerFunnel'
        'Get-PartnerHistory'
        'Get-PartnerStatusHistory'
        'Import-Partner'
        'Import-PartnerRevenue'
        'Set-PartnerTierRule'
        'Get-PartnerTierRule'
        'Remove-PartnerTierRule'
        'Add-PartnerCertification'
        'Get-PartnerCertification'
        'Remove-PartnerCertification'
        'Add-PartnerContact'
        'Get-PartnerContact'
        'Set-PartnerContact'
        'Remove-PartnerContact'
        'Test-PartnerTier'
        'Invoke-PartnerTierReview'
        'Measure-PartnerScorecard'
        'Register-PartnerDeal'
        'Get-PartnerDeal'
        'Remove-PartnerDeal'
        'Approve-PartnerDeal'
        'Deny-PartnerDeal'
        'Close-PartnerDeal'
        'Set-PartnerDeal'
        'Measure-PartnerDeal'
        'Export-PartnerReport'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Partners', 'Channel', 'SQLite', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # No LicenseUri, ProjectUri or HelpInfoUri: the project has no public site yet, and a link to one that does not exist
            # breaks Get-Help -Online and the gallery page. The licence is the LICENSE file shipped beside this manifest.
            ReleaseNotes = '0.1.0: partners, revenue records with exact money, yearly exchange rates, targets, Measure-PartnerRevenue and Measure-PartnerTarget; help, views and tab completion.'
        }
    }
}
