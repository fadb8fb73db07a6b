#Requires -Version 7.0
<#
.SYNOPSIS
    Writes the channel-programme sample data set (partners, revenue, exchange rates, targets) as CSV files.

.DESCRIPTION
    A deterministic, invented data set modelled on public figures about one vendor's channel programme:
    700 partners in Western Europe at the start of 2015 with a target of 1,000; 78% of 2015 enterprise revenue
    through partners with a goal of 100%; 2015 enterprise revenue of 3.1bn USD (2bn GBP), 60% of it from China;
    a distributor relationship that "is effectively over"; big-name partners announced as they join; dated
    lifecycles (prospects that converted or did not, onboarding, suspensions, promotions, ends with reasons) and
    new partners of whom some sell within 90 days of becoming Active and some do not (SampleLifecycle.ps1).

    Every company name is made up from word lists. The same seed ([System.Random]::new(2015)) always gives the
    same files, byte for byte, on every platform: all amounts are computed in [decimal], dates and numbers are
    written with the invariant culture, files are UTF-8 without a BOM with LF line endings.

    Files written next to this script (or to -OutputPath):
        partners.csv        Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,StatusDate,EndReason,Notes
                            (each partner as it was added; load with Import-Partner)
        status-changes.csv  Partner,Attribute,From,To,EffectiveDate,Reason
                            (what changed later, in date order; replay with Set-Partner -EffectiveDate)
        revenue.csv         PartnerName,Date,Amount,Currency,Segment,Region,Reference
        exchange-rates.csv  From,To,Year,Rate
        targets.csv         Metric,Region,Year,Value,Currency
        contacts.csv        Partner,Name,Email,Role,Phone,StartedOn,EndedOn (load with Add-PartnerContact)
        certifications.csv  Partner,Contact,Name,EarnedOn,ExpiresOn (Contact is the e-mail; load with Add-PartnerCertification)
        tier-rules.csv      Tier,Region,Type,MinRevenue,Currency,RevenueMonths,MinCertified,Certification,MinMonthsActive
        deals.csv           registered deals, with how each was decided and closed (SampleDeals.ps1)

    Check-SampleData.ps1 reads them back and asserts the facts.

.EXAMPLE
    cd /work/wt-samples && dotnet tool restore && dotnet pwsh ./samples/channel/New-SampleData.ps1
#>
[CmdletBinding()]
param(
    # Folder the CSV files are written to; default: the folder of this script.
    [string] $OutputPath = $PSScriptRoot
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$inv = [System.Globalization.CultureInfo]::InvariantCulture
$rng = [System.Random]::new(2015)

#region Random helpers (everything random goes through $rng, in a fixed order)

function Get-RandomInt([int] $Min, [int] $MaxInclusive) { $script:rng.Next($Min, $MaxInclusive + 1) }

function Get-RandomItem([object[]] $Items) { $Items[$script:rng.Next($Items.Count)] }

function Get-RandomDate([datetime] $From, [datetime] $To) {
    if ($To -lt $From) { throw "Empty date range $($From.ToString('yyyy-MM-dd', $inv))..$($To.ToString('yyyy-MM-dd', $inv))" }
    $From.AddDays($script:rng.Next(0, ($To - $From).Days + 1))
}

# Picks a key of an ordered dictionary with probability proportional to its value (string keys only: an int key would index by position).
function Get-RandomWeighted([System.Collections.Specialized.OrderedDictionary] $Weights) {
    $total = 0.0
    foreach ($w in $Weights.Values) { $total += [double] $w }
    $r = $script:rng.NextDouble() * $total
    $last = $null
    foreach ($key in $Weights.Keys) {
        $last = $key
        $r -= [double] $Weights[$key]
        if ($r -lt 0) { return $key }
    }
    $last
}

# A skewed positive weight between 0.25 and 4.25 (many small deals, a few big ones), as a decimal.
# Only + and * on doubles, then rounded into a decimal, so the result is the same on every platform.
function Get-DealWeight {
    $u = $script:rng.NextDouble()
    [decimal] [Math]::Round(0.25 + 4.0 * $u * $u * $u, 6)
}

function D([int] $Year, [int] $Month, [int] $Day) { [datetime]::new($Year, $Month, $Day) }

#endregion

#region Reference data

$regions = [ordered]@{
    'Western Europe'       = [ordered]@{ GB = 20; DE = 19; FR = 14; NL = 8; IT = 8; ES = 7; BE = 4; CH = 4; IE = 3; AT = 3; SE = 3; DK = 2; NO = 2; FI = 2; PT = 2 }
    'China'                = [ordered]@{ CN = 1 }
    'North America'        = [ordered]@{ US = 85; CA = 15 }
    'Asia Pacific'         = [ordered]@{ JP = 22; AU = 22; SG = 14; IN = 14; KR = 10; MY = 7; TH = 6; NZ = 5 }
    'Eastern Europe'       = [ordered]@{ PL = 40; CZ = 20; HU = 15; RO = 15; UA = 10 }
    'Middle East & Africa' = [ordered]@{ AE = 28; SA = 20; ZA = 25; NG = 10; EG = 9; KE = 8 }
    'Latin America'        = [ordered]@{ BR = 40; MX = 30; AR = 10; CL = 10; CO = 10 }
}

$typeWeights = [ordered]@{ Reseller = 38; SystemIntegrator = 25; ServiceProvider = 9; Consultancy = 8; SoftwareVendor = 7; Training = 5; Other = 4; Distributor = 4 }
$tierWeights = [ordered]@{ Registered = 52; Silver = 28; Gold = 14; Platinum = 6 }

# Word lists for company names: $legalSuffix, $language, $localTech, $enTech, $typeBiz, $prefixByCountry, $genericPrefix,
# $surnames, $partnersPhrase, $surnameLanguage, $chinaCity, $chinaBrand, $chinaIndustry.
. (Join-Path $PSScriptRoot 'SampleWords.ps1')

# Names that must appear (they exercise CSV quoting and non-ASCII text); each goes to the first ordinary Active partner in its country.
$fixedNames = [ordered]@{
    'Müller & Söhne IT GmbH'            = 'DE'
    "O'Neill Data Services Ltd"         = 'IE'
    'Smith, Jones and Partners Ltd'     = 'GB'
    'Nordic Cloud Systems AB'           = 'SE'
    'Atlas Networks GmbH'               = 'AT'
    'Lefèvre & Fils Informatique SAS'   = 'FR'
    'Shenzhen Huaxin Technology Co'     = 'CN'
    "Xi'an Kunlun Software Co Ltd"      = 'CN'
    'Peña, Núñez y Asociados SL'        = 'ES'
    'Øresund Datateknik A/S'            = 'DK'
}

# Big-name partners, announced as they join (all names invented).
$bigNames = @(
    @{ Name = 'Helvion Global Services';                     Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = D 2011 1 17 }
    @{ Name = 'Corvanta Consulting Group';                   Type = 'Consultancy';      Tier = 'Platinum'; Region = 'Western Europe'; Country = 'GB'; JoinedOn = D 2011 3 7 }
    @{ Name = 'Quillon Digital';                             Type = 'SystemIntegrator'; Tier = 'Gold';     Region = 'Western Europe'; Country = 'FR'; JoinedOn = D 2015 3 16 }
    @{ Name = 'Tessaract Integration Partners';              Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'Western Europe'; Country = 'NL'; JoinedOn = D 2015 6 1 }
    @{ Name = 'Zhonghua Pacific Systems Integration Co Ltd'; Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2011 2 14 }
    @{ Name = 'Longtai Digital Group Co Ltd';                Type = 'Reseller';         Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2012 9 3 }
    @{ Name = 'Huameng Cloud Services Co Ltd';               Type = 'ServiceProvider';  Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2015 4 20 }
    @{ Name = 'Amberline Technologies Inc';                  Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'North America';  Country = 'US'; JoinedOn = D 2011 1 24 }
    @{ Name = 'Pinnacrest Federal Systems LLC';              Type = 'SystemIntegrator'; Tier = 'Gold';     Region = 'North America';  Country = 'US'; JoinedOn = D 2014 5 12 }
    @{ Name = 'Solenne Asia Pacific Pte Ltd';                Type = 'Reseller';         Tier = 'Platinum'; Region = 'Asia Pacific';   Country = 'SG'; JoinedOn = D 2013 10 7 }
)

$asOf = D 2015 1 1
$programmeStart = D 2011 1 1
$programmeEnd = D 2015 12 31

#endregion

#region Partners

$partners = [System.Collections.Generic.List[object]]::new()
$seq = 0

function Add-SamplePartner {
    param([string] $Region, [string] $Country, [string] $Type, [string] $Tier, [string] $Status, [datetime] $JoinedOn,
          [Nullable[datetime]] $EndedOn, [string] $Notes = '', [string] $Name = '', [switch] $Big)
    $script:seq++
    $script:partners.Add([pscustomobject]@{
        Seq = $script:seq; Name = $Name; Type = $Type; Tier = $Tier; Status = $Status; Region = $Region; Country = $Country
        JoinedOn = $JoinedOn; EndedOn = $EndedOn; Notes = $Notes; Big = [bool] $Big; Fixed = ($Name -ne '')
    })
}

function Get-JoinDate([datetime] $From, [datetime] $To, [System.Collections.Specialized.OrderedDictionary] $YearWeights) {
    # A year by weight (again until it is within the range), then a day in that year clipped to the range.
    do { $year = [int] (Get-RandomWeighted $YearWeights) } while ($year -lt $From.Year -or $year -gt $To.Year)
    $start = [datetime]::new($year, 1, 1); if ($start -lt $From) { $start = $From }
    $end = [datetime]::new($year, 12, 31); if ($end -gt $To) { $end = $To }
    Get-RandomDate $start $end
}

function Get-Country([string] $Region) { Get-RandomWeighted $script:regions[$Region] }

function Get-PartnerType([switch] $NotDistributor) {
    do { $t = Get-RandomWeighted $script:typeWeights } while ($NotDistributor -and $t -eq 'Distributor')
    $t
}

$notesActive = '', '', '', '', '', '', '', '', '', '', '', '', 'Co-sell agreement', 'Certified for the enterprise portfolio', 'Key account: public sector',
    'Joined through the partner summit', 'Focus: SMB, mid-market', 'Also resells services', 'Renewed agreement'

# --- Western Europe -------------------------------------------------------------------------------------------------
# Partners on 2015-01-01 (700 exactly): the distributor that ends, two big names at launch, and 697 more.
Add-SamplePartner -Name 'Meridian Distribution Europe' -Region 'Western Europe' -Country 'NL' -Type Distributor -Tier Gold -Status Terminated `
    -JoinedOn (D 2011 2 1) -EndedOn (D 2015 9 30) -Notes 'Relationship effectively over'
foreach ($b in $bigNames) {
    if ($b.Region -eq 'Western Europe' -and $b.JoinedOn -le $asOf) {
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn `
            -Notes 'Announced as a strategic partner at launch' -Big
    }
}
$weCountedYears = [ordered]@{ '2011' = 20; '2012' = 22; '2013' = 26; '2014' = 32 }
$ordinaryCounted = 700 - $partners.Count
for ($i = 0; $i -lt $ordinaryCounted; $i++) {
    $country = Get-Country 'Western Europe'
    $joined = Get-JoinDate $programmeStart (D 2014 12 31) $weCountedYears
    $status = 'Active'; $ended = $null; $notes = Get-RandomItem $notesActive
    $type = Get-PartnerType
    if ($i -eq 0) { $joined = $programmeStart }                    # joined the day the programme started
    elseif ($i -eq 1) { $joined = $asOf }                          # joined on the very day counted
    elseif ($i -lt 9) {                                            # ended during 2015: still a partner on 2015-01-01
        $status = 'Terminated'; $type = Get-PartnerType -NotDistributor
        $ended = if ($i -eq 2) { D 2015 1 2 } else { Get-RandomDate (D 2015 1 2) $programmeEnd }
        $notes = Get-RandomItem 'Agreement not renewed', 'Acquired by a competitor', 'Ended by mutual agreement', 'Ceased trading'
    }
    elseif ($i -lt 17) { $status = 'Suspended'; $notes = Get-RandomItem 'Suspended pending compliance review', 'Suspended: certification lapsed', 'Payment terms breached, suspended' }
    elseif ($i -lt 20) { $status = 'Onboarding'; $joined = Get-RandomDate (D 2014 10 1) (D 2014 12 31); $notes = 'Onboarding: certification in progress' }
    Add-SamplePartner -Region 'Western Europe' -Country $country -Type $type -Tier (Get-RandomWeighted $tierWeights) -Status $status `
        -JoinedOn $joined -EndedOn $ended -Notes $notes
}

# Joining during 2015: two big names and 114 more.
foreach ($b in $bigNames) {
    if ($b.Region -eq 'Western Europe' -and $b.JoinedOn -gt $asOf) {
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn `
            -Notes "Announced as a strategic partner on joining, $($b.JoinedOn.ToString('MMMM yyyy', $inv))" -Big
    }
}
for ($i = 0; $i -lt 114; $i++) {
    $joined = Get-RandomDate (D 2015 1 2) $programmeEnd
    $status = 'Active'; $ended = $null; $notes = Get-RandomItem $notesActive; $type = Get-PartnerType
    if ($i -eq 0) { $status = 'Terminated'; $type = Get-PartnerType -NotDistributor; $joined = D 2015 2 9; $ended = D 2015 11 30; $notes = 'Left after a failed pilot' }
    elseif ($joined -ge (D 2015 10 1) -and $rng.NextDouble() -lt 0.4) { $status = 'Onboarding'; $notes = 'Onboarding: certification in progress' }
    $tier = if ($status -eq 'Onboarding') { Get-RandomItem 'Registered', 'Registered', 'Silver' } else { Get-RandomWeighted ([ordered]@{ Registered = 65; Silver = 25; Gold = 10 }) }
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type $type -Tier $tier -Status $status -JoinedOn $joined -EndedOn $ended -Notes $notes
}

# Ended on or before 2015-01-01 (not counted then).
for ($i = 0; $i -lt 12; $i++) {
    $joined = Get-RandomDate $programmeStart (D 2013 12 31)
    $ended = if ($i -eq 0) { $asOf } else { Get-RandomDate ($joined.AddDays(90)) (D 2014 12 31) }
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type (Get-PartnerType -NotDistributor) `
        -Tier (Get-RandomWeighted ([ordered]@{ Registered = 70; Silver = 25; Gold = 5 })) -Status Terminated -JoinedOn $joined -EndedOn $ended `
        -Notes (Get-RandomItem 'Agreement not renewed', 'Acquired by a competitor', 'Ended by mutual agreement', 'Ceased trading', 'Moved to a competing vendor')
}

# Prospects (never partners, whatever their date).
for ($i = 0; $i -lt 8; $i++) {
    $joined = Get-RandomDate (D 2014 6 1) $programmeEnd
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type (Get-PartnerType) -Tier Registered -Status Prospect `
        -JoinedOn $joined -Notes (Get-RandomItem 'Met at the partner summit', 'Referred by a distributor', 'Applied online', '')
}

# --- Other regions --------------------------------------------------------------------------------------------------
$otherCounts = [ordered]@{ 'China' = 148; 'North America' = 88; 'Asia Pacific' = 33; 'Eastern Europe' = 31; 'Middle East & Africa' = 31; 'Latin America' = 31 }
$otherYears = [ordered]@{ '2011' = 14; '2012' = 19; '2013' = 22; '2014' = 24; '2015' = 21 }
foreach ($region in $otherCounts.Keys) {
    $count = $otherCounts[$region]
    foreach ($b in $bigNames) {
        if ($b.Region -ne $region) { continue }
        $note = if ($b.JoinedOn.Year -eq 2011) { 'Announced as a strategic partner at launch' } else { "Announced as a strategic partner on joining, $($b.JoinedOn.ToString('MMMM yyyy', $inv))" }
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn -Notes $note -Big
        $count--
    }
    for ($i = 0; $i -lt $count; $i++) {
        $status = Get-RandomWeighted ([ordered]@{ Active = 88; Prospect = 3; Onboarding = 2; Suspended = 2; Terminated = 5 })
        $ended = $null; $notes = Get-RandomItem $notesActive; $tier = Get-RandomWeighted $tierWeights
        switch ($status) {
            'Prospect'   { $joined = Get-RandomDate (D 2014 9 1) $programmeEnd; $tier = 'Registered'; $notes = Get-RandomItem 'Applied online', 'Met at the partner summit', '' }
            'Onboarding' { $joined = Get-RandomDate (D 2015 6 1) $programmeEnd; $tier = Get-RandomItem 'Registered', 'Silver'; $notes = 'Onboarding: certification in progress' }
            'Terminated' {
                $joined = Get-JoinDate $programmeStart (D 2014 6 30) $otherYears
                $ended = Get-RandomDate ($joined.AddDays(90)) $programmeEnd
                $notes = Get-RandomItem 'Agreement not renewed', 'Ended by mutual agreement', 'Ceased trading', 'Moved to a competing vendor'
            }
            'Suspended'  { $joined = Get-JoinDate $programmeStart $programmeEnd $otherYears; $notes = 'Suspended pending compliance review' }
            default      { $joined = Get-JoinDate $programmeStart $programmeEnd $otherYears }
        }
        Add-SamplePartner -Region $region -Country (Get-Country $region) -Type (Get-PartnerType) -Tier $tier -Status $status -JoinedOn $joined -EndedOn $ended -Notes $notes
    }
}

# --- Names ----------------------------------------------------------------------------------------------------------
$usedNames = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($p in $partners) { if ($p.Name -and -not $usedNames.Add($p.Name)) { throw "Duplicate fixed name $($p.Name)" } }
foreach ($fixed in $fixedNames.Keys) {
    $target = $partners | Where-Object { $_.Country -eq $fixedNames[$fixed] -and -not $_.Fixed -and $_.Status -eq 'Active' } | Select-Object -First 1
    if (-not $usedNames.Add($fixed)) { throw "Duplicate fixed name $fixed" }
    $target.Name = $fixed; $target.Fixed = $true
}

function New-CompanyName([object] $Partner) {
    $c = $Partner.Country
    $suffix = Get-RandomItem $script:legalSuffix[$c]
    if ($c -eq 'CN') {
        $brand = Get-RandomItem $script:chinaBrand; $industry = Get-RandomItem $script:chinaIndustry
        if ($script:rng.NextDouble() -lt 0.85) { return "$(Get-RandomItem $script:chinaCity) $brand $industry $suffix" }
        return "$brand $industry $suffix"
    }
    $lang = $script:language[$c]
    $prefix = if ($script:rng.NextDouble() -lt 0.6) { Get-RandomItem $script:prefixByCountry[$c] } else { Get-RandomItem $script:genericPrefix }
    $biz = Get-RandomItem $script:typeBiz[$Partner.Type]
    $sLang = $script:surnameLanguage[$c]
    $r = $script:rng.NextDouble()
    if ($sLang -and $r -ge 0.70) {
        $s1 = Get-RandomItem $script:surnames[$sLang]
        do { $s2 = Get-RandomItem $script:surnames[$sLang] } while ($s2 -eq $s1)
        if ($r -lt 0.84) { return "$s1 $(Get-RandomItem $script:localTech[$lang]) $suffix" }
        if ($r -lt 0.92) { return "$s1 & $s2 $biz $suffix" }
        if ($r -lt 0.95 -and $lang -eq 'de') { return "$s1 & Söhne $(Get-RandomItem $script:localTech['de']) $suffix" }
        return "$s1, $s2 $($script:partnersPhrase[$sLang]) $suffix"
    }
    if ($r -lt 0.40) { return "$prefix $(Get-RandomItem $script:enTech) $biz $suffix" }
    if ($r -lt 0.55) { return "$prefix $biz $suffix" }
    return "$prefix $(Get-RandomItem $script:localTech[$lang]) $suffix"
}

foreach ($p in $partners) {
    if ($p.Name) { continue }
    do { $name = New-CompanyName $p } until ($usedNames.Add($name))
    $p.Name = $name
}

$weOnAsOf = @($partners | Where-Object { $_.Region -eq 'Western Europe' -and $_.Status -ne 'Prospect' -and $_.JoinedOn -le $asOf -and ($null -eq $_.EndedOn -or $_.EndedOn -gt $asOf) }).Count
if ($weOnAsOf -ne 700) { throw "Internal error: $weOnAsOf Western Europe partners on 2015-01-01, not 700" }

# Dated Status and Tier changes that end where each partner is now; revenue windows (FirstSale, SalesEnd).
. (Join-Path $PSScriptRoot 'SampleLifecycle.ps1')

#endregion

#region Revenue
# $revenue: every revenue row (partner and direct), in date order, with its Reference.
. (Join-Path $PSScriptRoot 'SampleRevenue.ps1')
#endregion

#region Contacts, certifications and tier rules
# $contactRows, $certificationRows, $tierRuleRows.
. (Join-Path $PSScriptRoot 'SampleQuality.ps1')
#endregion

#region Deals ($dealRows: the deals partners registered, decided and closed; own seed)
. (Join-Path $PSScriptRoot 'SampleDeals.ps1')
#endregion

#region Writing

function ConvertTo-CsvField([AllowNull()] [object] $Value) {
    $s = if ($null -eq $Value) { '' } elseif ($Value -is [datetime]) { $Value.ToString('yyyy-MM-dd', $inv) }
         elseif ($Value -is [IFormattable]) { $Value.ToString($null, $inv) } else { [string] $Value }
    if ($s.IndexOfAny([char[]] (',"' + "`r`n")) -ge 0 -or $s -ne $s.Trim()) { return '"' + $s.Replace('"', '""') + '"' }
    $s
}

function Write-SampleCsv([string] $FileName, [string[]] $Columns, [object[]] $Rows) {
    $sb = [System.Text.StringBuilder]::new()
    [void] $sb.Append(($Columns -join ',')).Append("`n")
    foreach ($row in $Rows) {
        [void] $sb.Append((($Columns | ForEach-Object { ConvertTo-CsvField $row.$_ }) -join ',')).Append("`n")
    }
    $path = Join-Path $OutputPath $FileName
    [System.IO.File]::WriteAllText($path, $sb.ToString(), [System.Text.UTF8Encoding]::new($false))
    [pscustomobject]@{ File = $FileName; Rows = $Rows.Count; Bytes = (Get-Item -LiteralPath $path).Length }
}

$null = New-Item -ItemType Directory -Force -Path $OutputPath

# partners.csv: every partner as it was added (its first Status and Tier, dated JoinedOn), except a partner whose whole
# lifecycle is Active from JoinedOn then Terminated, added as Terminated with EndedOn (= StatusDate) and EndReason.
$partnerRows = $partners | Sort-Object { $_.JoinedOn }, { $_.Seq } | ForEach-Object {
    $ended = if ($_.Direct) { $_.EndedOn } else { $null }
    [pscustomobject]@{
        Name = $_.Name; Type = $_.Type; Tier = $_.Tiers[0].Tier; Status = $(if ($_.Direct) { 'Terminated' } else { $_.Statuses[0].Status })
        Region = $_.Region; Country = $_.Country; JoinedOn = $_.JoinedOn; EndedOn = $ended
        StatusDate = $(if ($_.Direct) { $_.EndedOn } else { $_.Statuses[0].Date }); EndReason = $(if ($_.Direct) { $_.EndReason } else { '' }); Notes = $_.Notes
    }
}
# status-changes.csv: every later change (Get-PartnerStatusHistory's columns), in date order; replayed with Set-Partner.
$changeRows = @(foreach ($p in $partners) {
    if ($p.Direct) { continue }
    for ($i = 1; $i -lt $p.Statuses.Count; $i++) {
        [pscustomobject]@{ Partner = $p.Name; Attribute = 'Status'; From = $p.Statuses[$i - 1].Status; To = $p.Statuses[$i].Status
                           EffectiveDate = $p.Statuses[$i].Date; Reason = $p.Statuses[$i].Reason; Seq = $p.Seq; Order = 0 }
    }
    for ($i = 1; $i -lt $p.Tiers.Count; $i++) {
        [pscustomobject]@{ Partner = $p.Name; Attribute = 'Tier'; From = $p.Tiers[$i - 1].Tier; To = $p.Tiers[$i].Tier
                           EffectiveDate = $p.Tiers[$i].Date; Reason = ''; Seq = $p.Seq; Order = 1 }
    }
}) | Sort-Object { $_.EffectiveDate }, { $_.Seq }, { $_.Order }
$revenueRows = $revenue | ForEach-Object {
    [pscustomobject]@{ PartnerName = $_.PartnerName; Date = $_.Date; Amount = $_.Amount.ToString('0.00', $inv); Currency = $_.Currency
                       Segment = $_.Segment; Region = $_.Region; Reference = $_.Reference }
}
# Rates with four decimals: 1.585 would read as 1585 too in a culture that groups thousands with '.' (de-DE), and the
# module refuses text with two readings; 1.5850 has one in every culture, so the samples import in any session.
$rateRows = foreach ($from in $rates.Keys) { foreach ($year in $years) { [pscustomobject]@{ From = $from; To = 'USD'; Year = $year; Rate = ([decimal] $rates[$from][$year]).ToString('0.0000', $inv) } } }
$targetRows = @(
    [pscustomobject]@{ Metric = 'PartnerCount';        Region = 'Western Europe'; Year = 2015; Value = '1000';       Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerRevenueShare'; Region = '';               Year = 2015; Value = '1';          Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerCount';        Region = 'China';          Year = 2015; Value = '200';        Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerRevenue';      Region = 'China';          Year = 2015; Value = '2000000000'; Currency = 'USD' }
)

Write-SampleCsv 'partners.csv' Name, Type, Tier, Status, Region, Country, JoinedOn, EndedOn, StatusDate, EndReason, Notes $partnerRows
Write-SampleCsv 'status-changes.csv' Partner, Attribute, From, To, EffectiveDate, Reason $changeRows
Write-SampleCsv 'revenue.csv' PartnerName, Date, Amount, Currency, Segment, Region, Reference $revenueRows
Write-SampleCsv 'exchange-rates.csv' From, To, Year, Rate $rateRows
Write-SampleCsv 'targets.csv' Metric, Region, Year, Value, Currency $targetRows
Write-SampleCsv 'contacts.csv' Partner, Name, Email, Role, Phone, StartedOn, EndedOn $contactRows
Write-SampleCsv 'certifications.csv' Partner, Contact, Name, EarnedOn, ExpiresOn ($certificationRows | Sort-Object { $_.EarnedOn }, { $_.Partner }, { $_.Contact }, { $_.Name })
Write-SampleCsv 'tier-rules.csv' Tier, Region, Type, MinRevenue, Currency, RevenueMonths, MinCertified, Certification, MinMonthsActive $tierRuleRows
Write-SampleCsv 'deals.csv' Partner, Customer, CustomerCountry, Segment, Product, Amount, Currency, ExpectedClose, Reference, RegisteredOn, ExpiresOn, Outcome, DecidedOn, ClosedOn, WonAmount, Reason $dealRows

#endregion
