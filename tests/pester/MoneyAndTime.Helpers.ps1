<#
Issue 12, kind 5: money and time that came out wrong. Every expected value below was computed by hand (the
computation is in the comment beside it), half away from zero, the module's rule; none is read back from the module.
#>

# The setup every MoneyAndTime.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

# A fresh USD database; returns its path.
function New-MoneyDatabase {
    param([string] $Currency = 'USD')
    $path = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $path -Currency $Currency
    $path
}

# Runs a script block in each culture, restoring the session's afterwards.
function Invoke-InCulture {
    param([string] $Name, [scriptblock] $Script)
    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo($Name)
        & $Script
    }
    finally {
        [cultureinfo]::CurrentCulture = $saved
    }
}
