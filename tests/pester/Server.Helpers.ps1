# Dot-sourced by the Server.*.Tests.ps1 files: what only a PostgreSQL server can show (several hosts' processes at once, a
# server that goes away, passwords, schemas that are not PartnerOps'). They run in the PostgreSql pass only (-Tag
# 'ServerOnly'); run by hand, set PARTNEROPS_TEST_BACKEND=PostgreSql and PARTNEROPS_TEST_SERVER as build.ps1 does.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')
if ($script:Backend -ne 'PostgreSql') {
    throw 'The Server.*.Tests.ps1 files need a server: PARTNEROPS_TEST_BACKEND=PostgreSql and PARTNEROPS_TEST_SERVER=postgresql://postgres@host:port/dbname.'
}

# A CSV file of $Count partners named '<Prefix> 000001' on, in a new test folder; its path.
function New-PartnerCsv {
    param([Parameter(Mandatory)] [int] $Count, [string] $Prefix = 'Partner')
    $csv = Join-Path (New-TestFolder) 'partners.csv'
    $text = [Text.StringBuilder]::new("Name,Region`n")
    foreach ($i in 1..$Count) { $null = $text.Append($Prefix).Append(' ').Append($i.ToString('000000')).Append(",Region $($i % 7)`n") }
    [IO.File]::WriteAllText($csv, $text.ToString())
    $csv
}

# Everything an error record can show a user or a log: its text, its exception's (inner ones and stack included), the
# target, the category, the details and the script line, as one string.
function Get-ErrorRecordText {
    param([Parameter(Mandatory)] [System.Management.Automation.ErrorRecord] $ErrorRecord)
    @(
        $ErrorRecord | Format-List * -Force | Out-String -Width 500
        $ErrorRecord.Exception | Format-List * -Force | Out-String -Width 500
        $ErrorRecord.Exception.ToString()
        "$($ErrorRecord.TargetObject)"
        "$($ErrorRecord.CategoryInfo)"
        "$($ErrorRecord.ErrorDetails)"
        $ErrorRecord.InvocationInfo.PositionMessage
    ) -join "`n"
}

# The location of a schema in another cluster's database: '<server>?schema=t_<guid>' (that cluster drops it with itself).
function New-ClusterDatabasePath {
    param([Parameter(Mandatory)] $Cluster)
    "$($Cluster.Server)?schema=t_$([guid]::NewGuid().ToString('N'))"
}
