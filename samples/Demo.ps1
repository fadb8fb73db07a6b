param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'PartnerOps.psd1')
$db = Join-Path ([IO.Path]::GetTempPath()) "partnerops-demo-$PID.db"
New-PartnerDatabase -Path $db -Force -Confirm:$false
Connect-PartnerDatabase -Path $db | Out-Null
Add-Partner -Name 'Acme Reseller' -Type Reseller -Region 'Western Europe' -Country DE -PassThru
Get-Partner
