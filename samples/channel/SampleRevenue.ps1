# Dot-sourced by New-SampleData.ps1 after the partners and their lifecycles: the revenue rows ($revenue), from the
# partner deals (from each partner's first sale to its SalesEnd, SampleLifecycle.ps1) and direct deals, each group scaled
# to its USD total (the enterprise shape by channel and China, the other segments by channel), converted to the row's
# currency and rounded to cents. Uses $rng (after the partners' names); defines $years and $rates (exchange-rates.csv).

$years = 2012..2015
$rates = [ordered]@{
    'GBP' = @{ 2012 = 1.585d; 2013 = 1.565d; 2014 = 1.648d; 2015 = 1.55d }
    'EUR' = @{ 2012 = 1.286d; 2013 = 1.328d; 2014 = 1.329d; 2015 = 1.11d }
}

# Enterprise shape (USD): total, share through partners, share from China, and the part of China's revenue that is through partners.
$enterprise = @{
    2012 = @{ Total = 1600000000d; Partner = 0.70d; China = 0.54d; ChinaPartner = 0.78d }
    2013 = @{ Total = 2000000000d; Partner = 0.73d; China = 0.56d; ChinaPartner = 0.79d }
    2014 = @{ Total = 2500000000d; Partner = 0.76d; China = 0.58d; ChinaPartner = 0.80d }
    2015 = @{ Total = 3100000000d; Partner = 0.78d; China = 0.60d; ChinaPartner = 0.80d }
}
$otherSegments = @{
    Carrier  = @{ 2012 = 310000000d; 2013 = 345000000d; 2014 = 385000000d; 2015 = 420000000d }
    Consumer = @{ 2012 = 150000000d; 2013 = 170000000d; 2014 = 190000000d; 2015 = 215000000d }
}
# The part of those through partners (so that 80.7% of all 2015 revenue is through partners).
$otherPartnerShare = @{
    Carrier  = @{ 2012 = 0.845d; 2013 = 0.925d; 2014 = 0.928d; 2015 = 0.943d }
    Consumer = @{ 2012 = 0.860d; 2013 = 0.862d; 2014 = 0.910d; 2015 = 0.934d }
}

$tierDeals = @{ Registered = 1.2; Silver = 1.8; Gold = 3.0; Platinum = 4.5 }
$tierSize = @{ Registered = 1d; Silver = 2d; Gold = 4d; Platinum = 8d }
$regionSize = @{ 'Western Europe' = 1d; 'China' = 1d; 'North America' = 1.5d; 'Asia Pacific' = 1d; 'Eastern Europe' = 0.6d; 'Middle East & Africa' = 0.8d; 'Latin America' = 0.7d }
$segmentMix = @{
    ServiceProvider = [ordered]@{ Enterprise = 60; Carrier = 35; Consumer = 5 }
    Distributor     = [ordered]@{ Enterprise = 75; Carrier = 5; Consumer = 20 }
    Reseller        = [ordered]@{ Enterprise = 84; Carrier = 3; Consumer = 13 }
    Other           = [ordered]@{ Enterprise = 80; Carrier = 10; Consumer = 10 }
}
$defaultMix = [ordered]@{ Enterprise = 92; Carrier = 5; Consumer = 3 }

$deals = [System.Collections.Generic.List[object]]::new()
$dealSeq = 0

function Get-Bucket([string] $Segment, [int] $Year, [bool] $IsPartner, [string] $Region) {
    if ($Segment -ne 'Enterprise') { return "$Segment|$Year|$(if ($IsPartner) { 'Partner' } else { 'Direct' })" }
    "Enterprise|$Year|$(if ($IsPartner) { 'Partner' } else { 'Direct' })|$(if ($Region -eq 'China') { 'China' } else { 'Other' })"
}

function Add-Deal([string] $PartnerName, [datetime] $Date, [string] $Currency, [string] $Segment, [string] $Region, [decimal] $Weight) {
    $script:dealSeq++
    $script:deals.Add([pscustomobject]@{
        Seq = $script:dealSeq; PartnerName = $PartnerName; Date = $Date; Currency = $Currency; Segment = $Segment; Region = $Region
        Weight = $Weight; Bucket = (Get-Bucket $Segment $Date.Year ($PartnerName -ne '') $Region); Amount = 0d; Reference = ''
    })
}

function Get-PartnerCurrency([object] $Partner) {
    if ($Partner.Region -ne 'Western Europe') { return 'USD' }
    if ($Partner.Country -in 'GB', 'IE') { return 'GBP' }
    'EUR'
}

# Partner revenue: from its first sale (on or after the day it became Active) to SalesEnd (before EndedOn, or before a
# suspension it is still in); none for partners never Active or that never sell (SampleLifecycle.ps1).
foreach ($p in $partners) {
    if ($null -eq $p.FirstSale) { continue }
    $isMeridian = $p.Name -eq 'Meridian Distribution Europe'
    $perYear = $tierDeals[$p.Tier]
    if ($p.Big) { $perYear = 6.0 } elseif ($isMeridian) { $perYear = 4.0 }
    $size = $tierSize[$p.Tier] * $regionSize[$p.Region]
    if ($p.Big) { $size *= 5d } elseif ($isMeridian) { $size *= 3d }
    $mix = if ($segmentMix.ContainsKey($p.Type)) { $segmentMix[$p.Type] } else { $defaultMix }
    foreach ($year in $years) {
        $from = [datetime]::new($year, 1, 1); if ($p.FirstSale -gt $from) { $from = $p.FirstSale }
        $to = [datetime]::new($year, 12, 31); if ($p.SalesEnd -lt $to) { $to = $p.SalesEnd }
        if ($to -lt $from) { continue }
        if ($from -eq $p.FirstSale) {
            # The first sale itself (its ActivatedOn): one deal that day.
            Add-Deal -PartnerName $p.Name -Date $from -Currency (Get-PartnerCurrency $p) -Segment (Get-RandomWeighted $mix) -Region $p.Region `
                -Weight ($size * (Get-DealWeight))
        }
        $daysInYear = if ([datetime]::IsLeapYear($year)) { 366 } else { 365 }
        $expected = $perYear * (($to - $from).Days + 1) / $daysInYear
        $n = [int] [Math]::Floor($expected + $rng.NextDouble())
        if ($n -eq 0 -and ($isMeridian -or $p.Big)) { $n = 1 }
        for ($k = 0; $k -lt $n; $k++) {
            $segment = Get-RandomWeighted $mix
            if ($isMeridian -and $k -eq 0) { $segment = 'Enterprise' }
            Add-Deal -PartnerName $p.Name -Date (Get-RandomDate $from $to) -Currency (Get-PartnerCurrency $p) -Segment $segment -Region $p.Region `
                -Weight ($size * (Get-DealWeight))
        }
    }
}

# Direct revenue: Region always set; USD, and in Western Europe also EUR and GBP.
$directRows = [ordered]@{
    'China' = 28; 'Western Europe' = 24; 'North America' = 20; 'Asia Pacific' = 10; 'Eastern Europe' = 5; 'Middle East & Africa' = 6; 'Latin America' = 5
}
$directRegionWeights = [ordered]@{
    'China' = 30; 'Western Europe' = 25; 'North America' = 20; 'Asia Pacific' = 10; 'Eastern Europe' = 5; 'Middle East & Africa' = 5; 'Latin America' = 5
}
foreach ($year in $years) {
    $from = [datetime]::new($year, 1, 1); $to = [datetime]::new($year, 12, 31)
    $plan = [System.Collections.Generic.List[object]]::new()
    foreach ($region in $directRows.Keys) { for ($k = 0; $k -lt $directRows[$region]; $k++) { $plan.Add(@($region, 'Enterprise')) } }
    foreach ($segment in 'Carrier', 'Consumer') { for ($k = 0; $k -lt 9; $k++) { $plan.Add(@((Get-RandomWeighted $directRegionWeights), $segment)) } }
    foreach ($item in $plan) {
        $region = $item[0]; $segment = $item[1]
        $currency = if ($region -eq 'Western Europe') { Get-RandomWeighted ([ordered]@{ USD = 50; EUR = 30; GBP = 20 }) } else { 'USD' }
        Add-Deal -PartnerName '' -Date (Get-RandomDate $from $to) -Currency $currency -Segment $segment -Region $region `
            -Weight ($regionSize[$region] * 3d * (Get-DealWeight))
    }
}

# Scale each bucket to its USD target, then convert to the row's currency, rounded to cents.
$bucketTarget = @{}
foreach ($year in $years) {
    $e = $enterprise[$year]
    $china = $e.Total * $e.China
    $chinaPartner = $china * $e.ChinaPartner
    $partner = $e.Total * $e.Partner
    $bucketTarget["Enterprise|$year|Partner|China"] = $chinaPartner
    $bucketTarget["Enterprise|$year|Direct|China"] = $china - $chinaPartner
    $bucketTarget["Enterprise|$year|Partner|Other"] = $partner - $chinaPartner
    $bucketTarget["Enterprise|$year|Direct|Other"] = $e.Total - $partner - ($china - $chinaPartner)
    foreach ($segment in $otherSegments.Keys) {
        $throughPartners = [decimal]::Round($otherSegments[$segment][$year] * $otherPartnerShare[$segment][$year], 2)
        $bucketTarget["$segment|$year|Partner"] = $throughPartners
        $bucketTarget["$segment|$year|Direct"] = $otherSegments[$segment][$year] - $throughPartners
    }
}
$bucketWeight = @{}
foreach ($d in $deals) { $bucketWeight[$d.Bucket] = $(if ($bucketWeight.ContainsKey($d.Bucket)) { $bucketWeight[$d.Bucket] } else { 0d }) + $d.Weight }
foreach ($key in $bucketTarget.Keys) { if (-not $bucketWeight.ContainsKey($key)) { throw "Internal error: no rows for $key" } }
foreach ($d in $deals) {
    $usd = $d.Weight * $bucketTarget[$d.Bucket] / $bucketWeight[$d.Bucket]
    $rate = if ($d.Currency -eq 'USD') { 1d } else { $rates[$d.Currency][$d.Date.Year] }
    $d.Amount = [Math]::Round($usd / $rate, 2, [MidpointRounding]::AwayFromZero)
    if ($d.Amount -le 0) { throw "Internal error: amount $($d.Amount)" }
}

# In date order; references numbered per year in that order.
$revenue = @($deals | Sort-Object { $_.Date }, { $_.Seq })
$counter = @{}
foreach ($d in $revenue) {
    $y = $d.Date.Year
    $counter[$y] = $(if ($counter.ContainsKey($y)) { $counter[$y] } else { 0 }) + 1
    $d.Reference = 'INV-{0}-{1:000000}' -f $y, $counter[$y]
}

