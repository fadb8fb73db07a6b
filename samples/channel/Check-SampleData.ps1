#Requires -Version 7.0
<#
.SYNOPSIS
    Reads the channel sample CSV files back with Import-Csv, prints the key facts and throws on any violation.

.DESCRIPTION
    Checks partners.csv, status-changes.csv, revenue.csv, exchange-rates.csv, targets.csv, contacts.csv,
    certifications.csv, tier-rules.csv and deals.csv (SampleDealChecks.ps1) (as written by
    New-SampleData.ps1): exact headers, UTF-8 without BOM, invariant formats, valid values, unique names
    (case-insensitive) and references; every status change in date order, from JoinedOn on, each from the value
    the partner has then (partners.csv, then the changes before it), nothing after an end; revenue only while a
    partner and from the day it became Active; the 700 Western Europe partners on 2015-01-01 and 807 on 2015-12-31
    under the dated rule (a partner on day D: joined, not ended, and Onboarding, Active or Suspended that day); the
    lifecycle and activation facts of 2015; the shape of 2015 enterprise revenue (total, partner share, China share)
    and the one distributor relationship that ended, with its reason. Dot-sources SampleFacts.ps1 (the lifecycle).

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./samples/channel/Check-SampleData.ps1   (from the clone's folder)
#>
[CmdletBinding()]
param(
    # Folder that holds the CSV files; default: the folder of this script.
    [string] $Path = $PSScriptRoot
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$inv = [System.Globalization.CultureInfo]::InvariantCulture

function Assert([bool] $Condition, [string] $Message) { if (-not $Condition) { throw "Check failed: $Message" } }

function Read-SampleCsv([string] $FileName, [string[]] $Columns) {
    $file = Join-Path $Path $FileName
    Assert (Test-Path -LiteralPath $file) "$FileName is missing"
    $bytes = [System.IO.File]::ReadAllBytes($file)
    Assert (-not ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF)) "$FileName starts with a BOM"
    $text = [System.Text.UTF8Encoding]::new($false, $true).GetString($bytes)   # throws on invalid UTF-8
    $header = ($text -split "`n", 2)[0].TrimEnd("`r")
    Assert ($header -ceq ($Columns -join ',')) "$FileName header is '$header', expected '$($Columns -join ',')'"
    @(Import-Csv -LiteralPath $file -Encoding utf8)
}

function ConvertTo-Date([string] $Text, [string] $What) {
    $d = [datetime]::MinValue
    Assert ([datetime]::TryParseExact($Text, 'yyyy-MM-dd', $inv, [System.Globalization.DateTimeStyles]::None, [ref] $d)) "$What '$Text' is not yyyy-MM-dd"
    $d
}

function Format-Usd([decimal] $Value) { $Value.ToString('#,##0.00', $inv) + ' USD' }
function Format-Percent([decimal] $Value) { ($Value * 100).ToString('0.00', $inv) + ' %' }

$regions = [ordered]@{
    'Western Europe'       = 'GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'BE', 'IE', 'AT', 'CH', 'SE', 'DK', 'NO', 'FI', 'PT'
    'China'                = @('CN')
    'North America'        = 'US', 'CA'
    'Asia Pacific'         = 'JP', 'AU', 'SG', 'IN', 'KR', 'MY', 'TH', 'NZ'
    'Eastern Europe'       = 'PL', 'CZ', 'HU', 'RO', 'UA'
    'Middle East & Africa' = 'AE', 'SA', 'ZA', 'NG', 'EG', 'KE'
    'Latin America'        = 'BR', 'MX', 'AR', 'CL', 'CO'
}
$types = 'Reseller', 'Distributor', 'SystemIntegrator', 'ServiceProvider', 'Consultancy', 'SoftwareVendor', 'Training', 'Other'
$tiers = 'Registered', 'Silver', 'Gold', 'Platinum'
$statuses = 'Prospect', 'Onboarding', 'Active', 'Suspended', 'Terminated'
$segments = 'Enterprise', 'Carrier', 'Consumer'
$years = 2012..2015

#region Files

$partners = Read-SampleCsv 'partners.csv' Name, Type, Tier, Status, Region, Country, JoinedOn, EndedOn, StatusDate, EndReason, Notes
$changes = Read-SampleCsv 'status-changes.csv' Partner, Attribute, From, To, EffectiveDate, Reason
$revenue = Read-SampleCsv 'revenue.csv' PartnerName, Date, Amount, Currency, Segment, Region, Reference
$rateRows = Read-SampleCsv 'exchange-rates.csv' From, To, Year, Rate
$targets = Read-SampleCsv 'targets.csv' Metric, Region, Year, Value, Currency
$revenueBytes = (Get-Item -LiteralPath (Join-Path $Path 'revenue.csv')).Length

#endregion

#region Partners

$byName = [System.Collections.Generic.Dictionary[string, object]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($p in $partners) {
    Assert ($p.Name.Length -ge 1 -and $p.Name.Length -le 200 -and $p.Name -ceq $p.Name.Trim()) "partner name '$($p.Name)' is empty, too long or not trimmed"
    Assert (-not $byName.ContainsKey($p.Name)) "partner name '$($p.Name)' is not unique (case-insensitive)"
    Assert ($p.Type -cin $types) "$($p.Name): Type '$($p.Type)'"
    Assert ($p.Tier -cin $tiers) "$($p.Name): Tier '$($p.Tier)'"
    Assert ($p.Status -cin $statuses) "$($p.Name): Status '$($p.Status)'"
    Assert ($regions.Contains($p.Region)) "$($p.Name): Region '$($p.Region)'"
    Assert ($p.Country -cin $regions[$p.Region]) "$($p.Name): Country '$($p.Country)' is not in $($p.Region)"
    $joined = ConvertTo-Date $p.JoinedOn "$($p.Name) JoinedOn"
    Assert ($joined -ge [datetime]'2011-01-01' -and $joined -le [datetime]'2015-12-31') "$($p.Name): JoinedOn $($p.JoinedOn) outside 2011-2015"
    $ended = $null
    $statusDate = ConvertTo-Date $p.StatusDate "$($p.Name) StatusDate"
    if ($p.Status -eq 'Terminated') {
        $ended = ConvertTo-Date $p.EndedOn "$($p.Name) EndedOn"
        Assert ($ended -ge $joined) "$($p.Name): EndedOn $($p.EndedOn) before JoinedOn $($p.JoinedOn)"
        Assert ($statusDate -eq $ended -and $p.EndReason -ne '') "$($p.Name): Terminated with StatusDate $($p.StatusDate), EndedOn $($p.EndedOn), EndReason '$($p.EndReason)'"
    } else {
        Assert ($p.EndedOn -eq '' -and $p.EndReason -eq '') "$($p.Name): EndedOn or EndReason set but Status is $($p.Status)"
        Assert ($statusDate -eq $joined) "$($p.Name): StatusDate $($p.StatusDate) is not JoinedOn $($p.JoinedOn) (each partner as it was added)"
    }
    $first = @(if ($p.Status -eq 'Terminated') { [pscustomobject]@{ Value = 'Active'; Date = $joined; Reason = '' } })
    $byName[$p.Name] = [pscustomobject]@{
        Row = $p; JoinedOn = $joined; EndedOn = $ended; Status = $p.Status; Tier = $p.Tier; EndReason = $p.EndReason
        Statuses = [System.Collections.Generic.List[object]] @($first + [pscustomobject]@{ Value = $p.Status; Date = $statusDate; Reason = $p.EndReason })
        Tiers = [System.Collections.Generic.List[object]] @([pscustomobject]@{ Value = $p.Tier; Date = $joined; Reason = '' })
        FirstActive = $null; PartnerFrom = $null; FirstSale = $null
    }
}
foreach ($t in $types) { Assert (@($partners | Where-Object Type -ceq $t).Count -gt 0) "no partner of Type $t" }
foreach ($s in $statuses) { Assert (@($partners | Where-Object Status -ceq $s).Count + @($changes | Where-Object To -ceq $s).Count -gt 0) "no partner with Status $s" }

# Replays status-changes.csv over partners.csv (Status, Tier, Since, EndedOn, dated lists) and checks every change.
. (Join-Path $PSScriptRoot 'SampleFacts.ps1')

$weStart = Get-PartnersOn ([datetime]'2015-01-01') 'Western Europe'
$weEnd = Get-PartnersOn ([datetime]'2015-12-31') 'Western Europe'
$weJoined2015 = @($byName.Values | Where-Object { $_.Row.Region -eq 'Western Europe' -and $null -ne $_.PartnerFrom -and $_.PartnerFrom -gt [datetime]'2015-01-01' }).Count
$weEnded2015 = @($byName.Values | Where-Object { $_.Row.Region -eq 'Western Europe' -and $null -ne $_.EndedOn -and $_.EndedOn -ge [datetime]'2015-01-02' -and $_.EndedOn -le [datetime]'2015-12-31' -and $null -ne $_.PartnerFrom }).Count
Assert ($weStart -eq 700) "Western Europe partners on 2015-01-01: $weStart, expected exactly 700"
Assert ($weEnd -eq 807) "Western Europe partners on 2015-12-31: $weEnd, expected 807"
# What a database loaded from partners.csv alone counts (tests do: each partner as it was added, its only status).
$weEndCsvOnly = @($partners | Where-Object { $_.Region -eq 'Western Europe' -and $_.Status -ne 'Prospect' -and $_.JoinedOn -le '2015-12-31' -and (-not $_.EndedOn -or $_.EndedOn -gt '2015-12-31') }).Count
Assert ($weEndCsvOnly -eq 807) "Western Europe partners on 2015-12-31 from partners.csv alone: $weEndCsvOnly, expected 807"
Assert ($partners.Count -ge 1100 -and $partners.Count -le 1200) "total partners $($partners.Count), expected 1,100-1,200"

$weDistributorsEnded = @($byName.Values | Where-Object { $_.Row.Region -eq 'Western Europe' -and $_.Row.Type -eq 'Distributor' -and $_.Status -eq 'Terminated' } | ForEach-Object Row)
Assert ($weDistributorsEnded.Count -eq 1) "$($weDistributorsEnded.Count) terminated Western Europe distributors, expected 1"
$meridian = $weDistributorsEnded[0]
Assert ($meridian.Name -ceq 'Meridian Distribution Europe') "the terminated Western Europe distributor is '$($meridian.Name)'"
Assert ($meridian.JoinedOn -eq '2011-02-01' -and $meridian.EndedOn -eq '2015-09-30' -and $meridian.Notes -ceq 'Relationship effectively over' -and
    $meridian.EndReason -ceq 'Relationship effectively over') `
    "Meridian Distribution Europe: JoinedOn $($meridian.JoinedOn), EndedOn $($meridian.EndedOn), Notes '$($meridian.Notes)', EndReason '$($meridian.EndReason)'"
$bigNames = @($partners | Where-Object Notes -like 'Announced as a strategic partner*')
Assert ($bigNames.Count -ge 8 -and $bigNames.Count -le 12) "$($bigNames.Count) big-name partners, expected about 10"

#endregion

#region Exchange rates and targets

$rates = @{}
foreach ($r in $rateRows) {
    Assert ($r.To -ceq 'USD' -and $r.From -cin 'GBP', 'EUR') "exchange rate $($r.From)->$($r.To)"
    $rates["$($r.From)|$($r.Year)"] = [decimal]::Parse($r.Rate, [System.Globalization.NumberStyles]::AllowDecimalPoint, $inv)
}
foreach ($c in 'GBP', 'EUR') { foreach ($y in $years) { Assert ($rates.ContainsKey("$c|$y")) "no $c->USD rate for $y" } }
Assert ($rateRows.Count -eq 8) "$($rateRows.Count) exchange rates, expected 8"
Assert ($targets.Count -eq 4) "$($targets.Count) targets, expected 4"
$targetText = ($targets | ForEach-Object { "$($_.Metric),$($_.Region),$($_.Year),$($_.Value),$($_.Currency)" }) -join ';'
Assert ($targetText -ceq 'PartnerCount,Western Europe,2015,1000,;PartnerRevenueShare,,2015,1,;PartnerCount,China,2015,200,;PartnerRevenue,China,2015,2000000000,USD') "targets are '$targetText'"

#endregion

#region Revenue

$references = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$enterprise = @{}   # "year|channel|china" -> USD
$segmentTotal = @{} # "segment" -> USD, all years
$channelTotal = @{} # "year|channel" -> USD, every segment
$meridianYears = [System.Collections.Generic.SortedSet[int]]::new()
$directRows = 0
foreach ($r in $revenue) {
    $what = "revenue $($r.Reference)"
    Assert ($r.Reference -match '^INV-\d{4}-\d{6}$') "$what has Reference '$($r.Reference)'"
    Assert ($references.Add($r.Reference)) "Reference $($r.Reference) is not unique"
    $date = ConvertTo-Date $r.Date "$what Date"
    Assert ($date.Year -in $years) "$what is dated $($r.Date), outside 2012-2015"
    Assert ($r.Amount -match '^\d+(\.\d{1,2})?$') "$what Amount '$($r.Amount)' is not a plain invariant number with at most 2 decimals"
    $amount = [decimal]::Parse($r.Amount, [System.Globalization.NumberStyles]::AllowDecimalPoint, $inv)
    Assert ($amount -gt 0) "$what Amount $($r.Amount) is not positive"
    Assert ($r.Segment -cin $segments) "$what Segment '$($r.Segment)'"
    Assert ($regions.Contains($r.Region)) "$what Region '$($r.Region)'"
    if ($r.PartnerName -eq '') {
        $directRows++
        $allowed = if ($r.Region -eq 'Western Europe') { 'USD', 'EUR', 'GBP' } else { @('USD') }
        Assert ($r.Currency -cin $allowed) "$what (direct, $($r.Region)) in $($r.Currency)"
    } else {
        Assert ($byName.ContainsKey($r.PartnerName)) "$what names unknown partner '$($r.PartnerName)'"
        $p = $byName[$r.PartnerName]
        Assert ($r.Region -ceq $p.Row.Region) "$what Region '$($r.Region)' differs from $($r.PartnerName)'s '$($p.Row.Region)'"
        Assert ($null -ne $p.FirstActive -and $date -ge $p.FirstActive) "$what on $($r.Date) is before $($r.PartnerName) was first Active ($($p.FirstActive))"
        if ($null -eq $p.FirstSale -or $date -lt $p.FirstSale) { $p.FirstSale = $date }
        Assert ($null -eq $p.EndedOn -or $date -lt $p.EndedOn) "$what on $($r.Date) is not before $($r.PartnerName) ended ($($p.Row.EndedOn))"
        $expected = if ($p.Row.Region -ne 'Western Europe') { 'USD' } elseif ($p.Row.Country -in 'GB', 'IE') { 'GBP' } else { 'EUR' }
        Assert ($r.Currency -ceq $expected) "$what of $($r.PartnerName) ($($p.Row.Country)) in $($r.Currency), expected $expected"
        if ($r.PartnerName -ceq 'Meridian Distribution Europe') { [void] $meridianYears.Add($date.Year) }
    }
    $usd = if ($r.Currency -eq 'USD') { $amount } else { $amount * $rates["$($r.Currency)|$($date.Year)"] }
    $segmentTotal[$r.Segment] = $(if ($segmentTotal.ContainsKey($r.Segment)) { $segmentTotal[$r.Segment] } else { 0d }) + $usd
    $key = "$($date.Year)|$(if ($r.PartnerName) { 'Partner' } else { 'Direct' })"
    $channelTotal[$key] = $(if ($channelTotal.ContainsKey($key)) { $channelTotal[$key] } else { 0d }) + $usd
    if ($r.Segment -eq 'Enterprise') {
        $key = "$($date.Year)|$(if ($r.PartnerName) { 'Partner' } else { 'Direct' })|$(if ($r.Region -eq 'China') { 'China' } else { 'Other' })"
        $enterprise[$key] = $(if ($enterprise.ContainsKey($key)) { $enterprise[$key] } else { 0d }) + $usd
    }
}
Assert ($revenue.Count -ge 5000 -and $revenue.Count -le 8000) "$($revenue.Count) revenue rows, expected 5,000-8,000"
Assert ($revenueBytes -lt 600KB) "revenue.csv is $revenueBytes bytes, expected under 600 KB"
Assert (($meridianYears -join ',') -eq '2012,2013,2014,2015') "Meridian Distribution Europe has revenue in $($meridianYears -join ', '), expected 2012-2015"
foreach ($s in $segments) { Assert ($segmentTotal.ContainsKey($s)) "no revenue in Segment $s" }
Assert ($segmentTotal['Carrier'] -lt $segmentTotal['Enterprise'] -and $segmentTotal['Consumer'] -lt $segmentTotal['Enterprise']) 'Carrier or Consumer is not smaller than Enterprise'

function Get-Enterprise([int] $Year, [string] $Channel = '*', [string] $Area = '*') {
    $sum = 0d
    foreach ($key in $enterprise.Keys) { if ($key -like "$Year|$Channel|$Area") { $sum += $enterprise[$key] } }
    $sum
}
$yearRows = foreach ($y in $years) {
    $total = Get-Enterprise $y
    [pscustomobject]@{
        Year = $y; EnterpriseUsd = $total.ToString('#,##0', $inv)
        PartnerShare = Format-Percent ((Get-Enterprise $y 'Partner') / $total); ChinaShare = Format-Percent ((Get-Enterprise $y '*' 'China') / $total)
    }
}
$total2015 = Get-Enterprise 2015
$partnerShare = (Get-Enterprise 2015 'Partner') / $total2015
$chinaShare = (Get-Enterprise 2015 '*' 'China') / $total2015
$allShare2015 = $channelTotal['2015|Partner'] / ($channelTotal['2015|Partner'] + $channelTotal['2015|Direct'])
Assert ([decimal]::Round($allShare2015, 3) -eq 0.807d) "2015 revenue of every segment through partners: $(Format-Percent $allShare2015), expected 80.7 % (Measure-PartnerRevenue -GroupBy Channel, Year)"
Assert ($total2015 -ge 2.9e9 -and $total2015 -le 3.3e9) "Enterprise 2015 revenue $(Format-Usd $total2015), expected 2.9-3.3bn"
Assert ($partnerShare -ge 0.75 -and $partnerShare -le 0.81) "Enterprise 2015 partner share $(Format-Percent $partnerShare), expected 75-81 %"
Assert ($chinaShare -ge 0.57 -and $chinaShare -le 0.63) "Enterprise 2015 China share $(Format-Percent $chinaShare), expected 57-63 %"
for ($i = 1; $i -lt $years.Count; $i++) {
    Assert ((Get-Enterprise $years[$i]) -gt (Get-Enterprise $years[$i - 1])) "Enterprise revenue does not grow from $($years[$i - 1]) to $($years[$i])"
}

#endregion

#region Lifecycle

$facts = Get-LifecycleFacts ([datetime]'2015-01-01') ([datetime]'2015-12-31')
Assert ($facts.NewlyActive -ge 100 -and $facts.SoldWithin90 -gt $facts.NewlyActive / 3 -and $facts.SoldWithin90 -lt $facts.Activated -and $facts.Activated -lt $facts.NewlyActive) `
    "2015: $($facts.NewlyActive) newly Active, $($facts.Activated) sold by year end, $($facts.SoldWithin90) within 90 days (expected some fast, some slow, some not yet)"
Assert ($facts.NotActivatedWithin90 -ge 10) "$($facts.NotActivatedWithin90) partners Active on 2015-12-31 for 90 days or more without a sale, expected at least 10"
Assert ($facts.Converted -ge 20 -and $facts.ProspectsClosed -ge 3 -and $facts.StillProspects -ge 3) `
    "2015 prospects: $($facts.Converted) converted, $($facts.ProspectsClosed) closed, $($facts.StillProspects) still prospects"
Assert ($facts.Suspensions -ge 5 -and $facts.Promotions -ge 20) "2015: $($facts.Suspensions) suspensions, $($facts.Promotions) promotions"
$weFacts = $byName.Values | Where-Object { $_.Row.Region -eq 'Western Europe' }
$weProspectRoute = @($weFacts | Where-Object { $_.Row.Status -eq 'Prospect' -and (Test-PartnerOn $_ ([datetime]'2015-12-31')) }).Count
$weChangedEnds = @($weFacts | Where-Object { $_.Row.Status -ne 'Prospect' -and $_.Row.Status -ne 'Terminated' -and $null -ne $_.EndedOn }).Count
Assert ($weProspectRoute -eq $weChangedEnds) "Western Europe: $weProspectRoute partners from prospects, $weChangedEnds ended through a status change (partners.csv alone then counts 807 too)"

#endregion

#region Contacts, certifications and tier rules

$contacts = Read-SampleCsv 'contacts.csv' Partner, Name, Email, Role, Phone, StartedOn, EndedOn
$certifications = Read-SampleCsv 'certifications.csv' Partner, Contact, Name, EarnedOn, ExpiresOn
$tierRules = Read-SampleCsv 'tier-rules.csv' Tier, Region, Type, MinRevenue, Currency, RevenueMonths, MinCertified, Certification, MinMonthsActive
$contactByKey = [System.Collections.Generic.Dictionary[string, object]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($c in $contacts) {
    Assert ($byName.ContainsKey($c.Partner)) "contact $($c.Email) names unknown partner '$($c.Partner)'"
    Assert ($c.Email -cmatch '^[a-z0-9.-]+@[a-z0-9-]+\.example$') "contact e-mail '$($c.Email)' is not one address of the .example domain"
    Assert ($c.Name -ne '' -and $c.Role -ne '') "contact $($c.Email) has no name or role"
    Assert ($c.Phone -eq '' -or $c.Phone -match '^\+[0-9]{1,3}( [0-9]+)+$') "contact $($c.Email) phone '$($c.Phone)'"
    $key = "$($c.Partner)|$($c.Email)"
    Assert (-not $contactByKey.ContainsKey($key)) "contact e-mail $($c.Email) twice for $($c.Partner)"
    $p = $byName[$c.Partner]
    $started = ConvertTo-Date $c.StartedOn "contact $($c.Email) StartedOn"
    Assert ($started -ge $p.JoinedOn) "contact $($c.Email) started $($c.StartedOn), before its partner joined ($($p.Row.JoinedOn))"
    $ended = if ($c.EndedOn -ne '') { ConvertTo-Date $c.EndedOn "contact $($c.Email) EndedOn" } else { $null }
    Assert ($null -eq $ended -or $ended -gt $started) "contact $($c.Email) ended $($c.EndedOn), not after it started"
    Assert ($null -eq $p.EndedOn -or ($null -ne $ended -and $ended -le $p.EndedOn)) "contact $($c.Email) of ended partner $($c.Partner) has not left by $($p.Row.EndedOn)"
    $contactByKey[$key] = [pscustomobject]@{ Row = $c; StartedOn = $started; EndedOn = $ended }
}
$certKeys = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$quarterStart = [datetime]'2015-07-01'
$expiringInQ3 = 0
foreach ($r in $certifications) {
    $key = "$($r.Partner)|$($r.Contact)"
    Assert ($contactByKey.ContainsKey($key)) "certification $($r.Name) names unknown contact $($r.Contact) of '$($r.Partner)'"
    $holder = $contactByKey[$key]
    $earned = ConvertTo-Date $r.EarnedOn "certification of $($r.Contact) EarnedOn"
    $expires = ConvertTo-Date $r.ExpiresOn "certification of $($r.Contact) ExpiresOn"
    Assert ($r.Name -cmatch '^(Networking|Security|Data Center|Collaboration|Sales) (Associate|Professional)$') "certification name '$($r.Name)'"
    Assert ($expires -eq $earned.AddYears(3)) "$($r.Contact) $($r.Name): ExpiresOn $($r.ExpiresOn) is not three years after EarnedOn $($r.EarnedOn)"
    Assert ($earned -gt $holder.StartedOn -and ($null -eq $holder.EndedOn -or $earned -lt $holder.EndedOn)) "$($r.Contact) $($r.Name) earned $($r.EarnedOn) outside the contact's time"
    Assert ($earned -le [datetime]'2015-12-31') "$($r.Contact) $($r.Name) earned after 2015"
    Assert ($certKeys.Add("$key|$($r.Name)|$($r.EarnedOn)")) "$($r.Contact) $($r.Name) earned $($r.EarnedOn) twice"
    $current = $holder.StartedOn -le $quarterStart -and ($null -eq $holder.EndedOn -or $quarterStart -lt $holder.EndedOn)
    if ($current -and $earned -le $quarterStart -and $expires -gt $quarterStart -and $expires -le [datetime]'2015-09-30') { $expiringInQ3++ }
}
Assert ($contacts.Count -ge 4000 -and $certifications.Count -ge 4000) "$($contacts.Count) contacts, $($certifications.Count) certifications, expected 4,000 or more each"
Assert ($expiringInQ3 -ge 20) "$expiringInQ3 certifications of current contacts expire in the third quarter of 2015, expected at least 20"
Assert ($tierRules.Count -eq 4) "$($tierRules.Count) tier rules, expected 4"
$ruleText = ($tierRules | ForEach-Object { "$($_.Tier),$($_.Region),$($_.MinRevenue) $($_.Currency)/$($_.RevenueMonths),$($_.MinCertified) $($_.Certification),$($_.MinMonthsActive)" }) -join ';'
Assert ($ruleText -ceq 'Silver,,250000 USD/12,2 ,3;Gold,,600000 USD/12,4 Networking*,6;Gold,Western Europe,500000 EUR/12,4 Networking*,6;Platinum,,5000000 USD/12,7 Networking*,12') "tier rules are '$ruleText'"

#endregion

#region Deals ($dealFacts)
. (Join-Path $PSScriptRoot 'SampleDealChecks.ps1')
#endregion

#region Report

$partnerCounts = ($regions.Keys | ForEach-Object { $r = $_; "$r $(@($partners | Where-Object Region -eq $r).Count)" }) -join ', '
$statusCounts = ($statuses | ForEach-Object { $s = $_; "$s $(@($partners | Where-Object Status -eq $s).Count)" }) -join ', '
$statusNow = ($statuses | ForEach-Object { $s = $_; "$s $(@($byName.Values | Where-Object Status -eq $s).Count)" }) -join ', '
$tierNow = ($tiers | ForEach-Object { $t = $_; "$t $(@($byName.Values | Where-Object Tier -eq $t).Count)" }) -join ', '
$changeCounts = ($changes | Group-Object Attribute, To | ForEach-Object { "$($_.Name -replace ', ', ' -> ') $($_.Count)" }) -join ', '
$typeCounts = ($types | ForEach-Object { $t = $_; "$t $(@($partners | Where-Object Type -eq $t).Count)" }) -join ', '
$tierCounts = ($tiers | ForEach-Object { $t = $_; "$t $(@($partners | Where-Object Tier -eq $t).Count)" }) -join ', '
$segmentText = ($segments | ForEach-Object { "$_ $(Format-Usd $segmentTotal[$_])" }) -join ', '
$gbp2015 = $total2015 / $rates['GBP|2015']

@"
Partners: $($partners.Count) in all
  by region: $partnerCounts
  by status as added: $statusCounts
  by status now:      $statusNow
  by type:   $typeCounts
  by tier as added:   $tierCounts
  by tier now:        $tierNow
  names unique (case-insensitive): yes
Status changes: $($changes.Count) in date order, each from the value it changes ($changeCounts)
Western Europe partners on 2015-01-01: $weStart (joined during 2015: $weJoined2015, ended: $weEnded2015; on 2015-12-31: $weEnd; target 1000)
  partners.csv alone on 2015-12-31: $weEndCsvOnly ($weProspectRoute came in as prospects, $weChangedEnds ended through a status change)
Terminated Western Europe distributor: $($meridian.Name), joined $($meridian.JoinedOn), ended $($meridian.EndedOn), '$($meridian.EndReason)', revenue in $($meridianYears -join ', ')
2015 lifecycle (all regions): $($facts.Joined) joined, $($facts.Ended) ended ($($facts.EndedByReason))
  prospects: $($facts.Prospects) during the year, $($facts.Converted) moved on to Onboarding, $($facts.ProspectsClosed) closed, $($facts.StillProspects) still prospects on 2015-12-31
  newly Active: $($facts.NewlyActive); sold by 2015-12-31: $($facts.Activated), within 90 days of becoming Active: $($facts.SoldWithin90)
  Active on 2015-12-31 for 90 days or more without a sale: $($facts.NotActivatedWithin90)
  suspensions: $($facts.Suspensions); tier promotions: $($facts.Promotions)
Big-name partners: $($bigNames.Count)
Contacts: $($contacts.Count) ($(@($contacts | Where-Object EndedOn -ne '').Count) ended), e-mails unique per partner: yes
Certifications: $($certifications.Count), each valid three years; of current contacts, $expiringInQ3 expire from 2015-07-01 to 2015-09-30
Tier rules: $($tierRules.Count) ($ruleText)
Deals: $($dealFacts.Count) registered 2012-2015, on 2015-12-31: $($dealFacts.ByStatus); $($dealFacts.NoAmount) without an amount
  claiming a customer another partner held: $($dealFacts.Conflicting); won: $(Format-Usd ([decimal] [Math]::Round($dealFacts.WonUsd, 2))) at the rates of their close year
Revenue: $($revenue.Count) rows ($($revenue.Count - $directRows) partner, $directRows direct), $revenueBytes bytes; references unique: yes; all partner revenue from Active on, before the end: yes
  all years, in USD: $segmentText
Enterprise 2015 in USD: $(Format-Usd $total2015) (= $($gbp2015.ToString('#,##0.00', $inv)) GBP at $($rates['GBP|2015']))
  partner share: $(Format-Percent $partnerShare) (target 100 %; of every segment: $(Format-Percent $allShare2015))
  China share:   $(Format-Percent $chinaShare)
Enterprise by year:
"@
$yearRows | Format-Table -AutoSize | Out-String -Width 120 | ForEach-Object TrimEnd
'All checks passed.'

#endregion
