# Shared by FilePaths.Tests.ps1 and FilePaths.Outputs.Tests.ps1 (dot-sourced in their BeforeAll): a database with one
# partner, CSV files to import, an environment variable, variable and function to name, and each file parameter's command.
# The body runs in the caller's scope (dot-sourced), so $script: variables land in the test file's scope.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')
$script:Db = New-TestDatabase
Add-Partner -Database $script:Db -Name 'Kept Partner' -Region 'Western Europe' -Country DE
$script:Folder = New-TestFolder
$script:Csv = Join-Path $script:Folder 'partners.csv'
"Name,Region,Country`nNew Partner,Western Europe,FR`n,Western Europe,FR" | Set-Content -LiteralPath $script:Csv
$script:RevenueCsv = Join-Path $script:Folder 'revenue.csv'
"PartnerName,Date,Amount,Currency,Reference`nKept Partner,2015-01-15,100,USD,INV-PATHS-1" | Set-Content -LiteralPath $script:RevenueCsv
$env:PARTNEROPS_PATHTEST = 'a value'
Set-Variable -Name pathtest -Value 'a value' -Scope Global
function global:pathtest { 'a function' }

# Each command with the parameter under test set to $Value; every other parameter names a usable file.
$script:Commands = @{
    'Import-Partner -Path'                  = { param($Value) Import-Partner -Path $Value -Database $script:Db }
    'Import-Partner -LiteralPath'           = { param($Value) Import-Partner -LiteralPath $Value -Database $script:Db }
    'Import-PartnerRevenue -Path'           = { param($Value) Import-PartnerRevenue -Path $Value -Database $script:Db }
    'Import-Partner -FailedRowPath'         = { param($Value) Import-Partner -Path $script:Csv -Database $script:Db -FailedRowPath $Value }
    'Import-PartnerRevenue -FailedRowPath'  = { param($Value) Import-PartnerRevenue -Path $script:RevenueCsv -Database $script:Db -FailedRowPath $Value }
    'Backup-PartnerDatabase -DestinationPath' = { param($Value) Backup-PartnerDatabase -Database $script:Db -DestinationPath $Value }
    'Export-PartnerReport -Path'            = { param($Value) Export-PartnerReport -Database $script:Db -Path $Value -AsOf 2015-07-02 }
}
$script:ErrorIds = @{
    'Import-Partner -Path'                    = 'ImportFileNotFound'
    'Import-Partner -LiteralPath'             = 'ImportFileNotFound'
    'Import-PartnerRevenue -Path'             = 'ImportFileNotFound'
    'Import-Partner -FailedRowPath'           = 'FailedRowPathInvalid'
    'Import-PartnerRevenue -FailedRowPath'    = 'FailedRowPathInvalid'
    'Backup-PartnerDatabase -DestinationPath' = 'DatabaseInvalid'
    'Export-PartnerReport -Path'              = 'ReportPathInvalid'
}

# The names in a folder, to show that a refused command left nothing there.
function Get-Names([string] $Folder) { @(Get-ChildItem -LiteralPath $Folder -Force -Name | Sort-Object) -join '|' }
