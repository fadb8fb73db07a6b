<#
.SYNOPSIS
    An unattended runbook: adds the partners of a CSV file, ends long-suspended relationships,
    and reports what it rejected. Exit code 0 on success, 1 when the database is missing or PartnerOps itself failed.
.EXAMPLE
    pwsh -NoProfile -File samples/Runbook.ps1 -CsvPath new-partners.csv -Database /srv/partnerops/partners.db -ModulePath ./out/PartnerOps
#>
param(
    [Parameter(Mandatory)] [string] $CsvPath,
    [Parameter(Mandatory)] [string] $Database,
    [string] $ModulePath = 'PartnerOps'
)

$ErrorActionPreference = 'Stop'   # anything unexpected stops the runbook
$ConfirmPreference = 'None'       # nothing may prompt
$ProgressPreference = 'SilentlyContinue'   # no one watches the progress bar
Import-Module $ModulePath

# A write to a missing database file creates it (with a warning): a mistyped -Database must stop the runbook instead.
if (-not (Test-Path -LiteralPath $Database -PathType Leaf)) {
    [Console]::Error.WriteLine("No PartnerOps database at '$Database'; create it with New-PartnerDatabase first.")
    exit 1
}

try {
    # Bad rows are reported one by one (ids such as PartnerAlreadyExists, InvalidCountryCode); good rows are stored.
    Import-Csv $CsvPath | Add-Partner -Database $Database -ErrorAction SilentlyContinue -ErrorVariable rejected
    Get-Partner -Database $Database -Status Suspended -JoinedBefore 2014-01-01 |
        Set-Partner -Database $Database -Status Terminated
}
catch {
    # Terminating: DatabaseNotFound, DatabaseInvalid, DatabaseBusy, DatabaseSchemaTooNew, ...
    [Console]::Error.WriteLine("PartnerOps failed: $($_.FullyQualifiedErrorId): $($_.Exception.Message)")
    exit 1
}

foreach ($e in $rejected) {
    "rejected: $($e.TargetObject.Name): $($e.FullyQualifiedErrorId.Split(',')[0]): $($e.Exception.Message)"
}
"partners: $((Get-Partner -Database $Database | Measure-Object).Count), rejected: $($rejected.Count)"
