<#
.SYNOPSIS
    Shows PartnerOps at work on a fresh database in a temporary folder. build.ps1 -Task Demo runs it.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'PartnerOps.psd1')

function Show([string] $Title, [scriptblock] $Command) {
    Write-Host ''
    Write-Host "PS> $($Command.ToString().Trim())" -ForegroundColor Yellow
    & $Command | Out-String -Width 120 | Write-Host -NoNewline
}

$folder = Join-Path ([IO.Path]::GetTempPath()) "partnerops-demo-$PID"
$null = New-Item -ItemType Directory -Force $folder
$db = Join-Path $folder 'partners.db'
Write-Host "Demo database: $db (a temporary folder)" -ForegroundColor Cyan

Show 'create' { New-PartnerDatabase -Path $db -Currency USD }
Show 'connect' { Connect-PartnerDatabase -Path $db | Select-Object Path, SchemaVersion, Currency }
Show 'import' { Import-Csv (Join-Path $PSScriptRoot 'partners.csv') | Add-Partner -PassThru }
Show 'one more' { Add-Partner -Name 'Huawei Enterprise Partner Co' -Type Distributor -Tier Gold -Region China -Country CN -JoinedOn 2015-02-01 -PassThru }
Show 'wildcards' { Get-Partner -Name 'B*', '*China*' }
Show 'filters' { Get-Partner -Region 'western europe' -Status Active, Onboarding }
Show 'as of a date' { Get-Partner -AsOf 2014-01-01 | Measure-Object | Select-Object Count }
Show 'end a relationship' { Set-Partner -Name 'SHI International' -Status Terminated -EndedOn 2015-06-30 -PassThru | Format-List Name, Status, EndedOn }
Show 'promote a tier' { Get-Partner -Region China -Tier Silver | Set-Partner -Tier Gold -PassThru }
Show 'paging' { Get-Partner -First 3 -Skip 2 -IncludeTotalCount }
Show 'an exact name that is not there' { Get-Partner -Name 'No Such Partner' -ErrorAction Continue 2>&1 | ForEach-Object { "error id: $($_.FullyQualifiedErrorId)" } }
Show 'check and back up' { Test-PartnerDatabase -Detailed }
Show 'backup' { Backup-PartnerDatabase -DestinationPath (Join-Path $folder 'backup.db') | Select-Object Path, PartnerCount }
