# Issue 12, kind 1 (and the date and number instances of kinds 5 and 6): one reading of every date and number.
# The pipeline (Import-Csv | Add-PartnerRevenue, a parameter given as text) and the bulk import (Import-PartnerRevenue)
# read text with one parser, so every input gives the same stored value, or the same error, on both paths.
# Expected values are written by hand in the tests; the comments say how they were worked out.

# The setup every ValueText.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')
$script:Inv = [cultureinfo]::InvariantCulture

# Runs $Script with the session's culture set to $Name, restoring it after.
function Use-Culture {
    param([string] $Name, [scriptblock] $Script)
    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = [cultureinfo]::new($Name)
        & $Script
    }
    finally {
        [cultureinfo]::CurrentCulture = $saved
    }
}

# The revenue stored, one "yyyy-MM-dd amount currency" line each, as a user reads it back.
function Get-StoredRevenue {
    param([string] $Database)
    @(Get-PartnerRevenue -Database $Database | ForEach-Object {
        '{0} {1} {2}' -f $_.Date.ToString('yyyy-MM-dd', $Inv), $_.Amount.ToString($Inv), $_.Currency
    })
}

function Get-StoredPartners {
    param([string] $Database)
    @(Get-Partner -Database $Database | Sort-Object Name | ForEach-Object {
        '{0} {1} {2}' -f $_.Name, $_.JoinedOn.ToString('yyyy-MM-dd', $Inv), $(if ($_.EndedOn) { $_.EndedOn.ToString('yyyy-MM-dd', $Inv) } else { '-' })
    })
}

<#
One row of direct revenue (PartnerName empty) given as text, through both paths in the current culture and time zone:
piped as Import-Csv would give it to Add-PartnerRevenue, and written to a CSV file for Import-PartnerRevenue. Each
path's result is the stored record ("yyyy-MM-dd amount currency") or "error: " and its message.
#>
function Invoke-BothPaths {
    param([string] $Date = '2015-03-31', [string] $Amount = '1', [string] $Currency = 'EUR', [string[]] $ImportArgs = @())
    $folder = New-TestFolder
    # Both databases created on purpose (not by the paths themselves, with a warning each).
    $null = New-PartnerDatabase -Path "$folder/pipe.db"
    $null = New-PartnerDatabase -Path "$folder/import.db"
    $row = [pscustomobject][ordered]@{ PartnerName = ''; Date = $Date; Amount = $Amount; Currency = $Currency; Region = 'EU' }

    $pipeErrors = $null
    $row | Add-PartnerRevenue -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
    $pipe = if ($pipeErrors) { 'error: ' + $pipeErrors[0].Exception.Message } else { Get-StoredRevenue "$folder/pipe.db" }

    $row | ConvertTo-Csv | Set-Content -LiteralPath "$folder/in.csv" -Encoding utf8NoBOM
    $importErrors = $null
    $null = Import-PartnerRevenue "$folder/in.csv" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue @ImportArgs
    $import = if ($importErrors) { 'error: ' + $importErrors[0].Exception.Message } else { Get-StoredRevenue "$folder/import.db" }
    [pscustomobject]@{ Pipe = "$pipe"; Import = "$import" }
}
