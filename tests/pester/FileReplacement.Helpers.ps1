# The setup every FileReplacement.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

# What a fresh pwsh (another process) finds in a database: its partners in Id order and whether it passes the checks.
function Get-ViewOfNewProcess([string] $Database) {
    Invoke-ChildPwshJson -ImportModule -Command @"
`$ProgressPreference = 'SilentlyContinue'
`$partners = @(Get-Partner -Database $(ConvertTo-PSLiteral $Database) | Sort-Object Id)
[pscustomobject]@{
    Partners = @(`$partners | ForEach-Object { '{0} {1}' -f `$_.Id, `$_.Name })
    Passed = Test-PartnerDatabase -Database $(ConvertTo-PSLiteral $Database)
}
"@
}

# Each partner as 'Id Name', in Id order.
function Get-PartnerSummary([string] $Database) {
    Get-Partner -Database $Database | Sort-Object Id | ForEach-Object { '{0} {1}' -f $_.Id, $_.Name }
}

function Get-Inode([string] $Path) { (Get-Item -LiteralPath $Path -ErrorAction SilentlyContinue).UnixStat.Inode }

# A database holding these partners in its file alone (no -wal beside it): what a backup or a file from elsewhere is.
function New-StandaloneDatabase([string] $Path, [string[]] $Names) {
    $Names | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $Path
    Close-PooledConnections
    Test-Path "$Path-wal" | Should -BeFalse -Because 'the file alone holds the database'
}
