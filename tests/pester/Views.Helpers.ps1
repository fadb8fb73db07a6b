# The setup every Views.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')
$db = New-TestDatabase
Add-Partner -Database $db -Name 'Acme Europe' -Type Reseller -Tier Gold -Region 'Western Europe' -Country DE -JoinedOn 2014-03-31

# Sample-like long names (the Demo's are up to 50 characters).
$long = 'Zhonghua Pacific Systems Integration Co Ltd'
$huameng = 'Huameng Cloud Services Co Ltd'
$m = New-TestDatabasePath
Add-Partner -Database $m -Name $long -Type Distributor -Tier Gold -Region China -Country CN -JoinedOn 2013-01-15
Add-Partner -Database $m -Name $huameng -Type SystemIntegrator -Tier Platinum -Status Onboarding -Region 'Middle East & Africa' -Country AE -JoinedOn 2014-03-31
Add-PartnerRevenue -Database $m -Partner $long -Date 2014-05-01 -Amount 1000000 -Region China -Reference 'INV-2014-000001'
Add-PartnerRevenue -Database $m -Partner $long -Date 2015-03-31 -Amount 1234567.5 -Region China -Reference 'INV-2015-000001'
Add-PartnerRevenue -Database $m -Partner $huameng -Date 2015-06-30 -Amount 765432.5 -Region 'Middle East & Africa' -Reference 'INV-2015-000002'
Add-PartnerRevenue -Database $m -Direct -Date 2015-01-15 -Amount 1000000 -Region China -Segment Carrier
Set-PartnerTarget -Database $m -Metric PartnerRevenue -Region China -Year 2015 -Value 3000000 -Currency USD
Set-PartnerExchangeRate -Database $m -From EUR -To USD -Year 2015 -Rate 1.0825

$ellipsis = [string][char]0x2026

# The header line of a table printed by Out-String (the line above the dashes).
function Get-HeaderLine([string] $Text) {
    $lines = @($Text -split '\r?\n')
    $lines[[array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' }) - 1]
}

function Invoke-InCulture([string] $Culture, [scriptblock] $Script) {
    $saved = [cultureinfo]::CurrentCulture
    try {
        [cultureinfo]::CurrentCulture = $Culture
        & $Script
    }
    finally {
        [cultureinfo]::CurrentCulture = $saved
    }
}

# A measure as Measure-Partner writes it (that cmdlet is on another branch): the keys, then the figures.
function New-PartnerMeasure([System.Collections.Specialized.OrderedDictionary] $Keys, $Count, $Share, $PreviousCount, $Growth) {
    $properties = [ordered]@{}
    foreach ($key in $Keys.Keys) { $properties[$key] = $Keys[$key] }
    $properties.Count = [long] $Count
    $properties.Share = [decimal] $Share
    $properties.PreviousCount = [long] $PreviousCount
    $properties.Growth = [decimal] $Growth
    $properties.AsOf = [datetime] '2015-12-31'
    $properties.Database = 'test.db'
    $item = [pscustomobject] $properties
    $item.PSTypeNames.Insert(0, 'PartnerOps.PartnerMeasure')
    $item.PSTypeNames.Insert(0, [PartnerOps.Commands.MeasureView]::TypeNameFor('PartnerOps.PartnerMeasure', [string[]] $Keys.Keys))
    $item
}
