# Dot-sourced by New-SampleData.ps1 after the contacts: the deals partners registered (issue 19, deal registration).
# Uses its own [System.Random]::new(2019), so every other file is the same as without them.
#
# What it makes:
#   $dealRows   Partner,Customer,CustomerCountry,Segment,Product,Amount,Currency,ExpectedClose,Reference,RegisteredOn,
#               ExpiresOn,Outcome,DecidedOn,ClosedOn,WonAmount,Reason: the deals of every partner in the programme now
#               (Onboarding, Active or Suspended at the end of 2015: only those may register), registered on days it was
#               Active in 2012-2015, in its revenue currency, for customers (invented, in its country) that no other deal
#               has, except the conflicts: about one deal in twelve is a second partner of the same country claiming a
#               customer another partner holds, spelled another way (case, decomposed accents); it is denied or
#               left to expire. Outcome is where each deal stood on 2015-12-31 (Submitted, Approved, Denied, Won, Lost,
#               Expired); DecidedOn the day it was approved or denied at the vendor's deal desk (Mondays and Thursdays;
#               empty: never decided); ClosedOn the day it was won (any day) or lost (reported on a Friday), always
#               within its protection (RegisteredOn to ExpiresOn); WonAmount what a won deal booked;
#               Reason that of a denial or a loss. Load order: register all, then approve/deny on DecidedOn, then close.

$drng = [System.Random]::new(2019)

function Get-DealInt([int] $Min, [int] $MaxInclusive) { $script:drng.Next($Min, $MaxInclusive + 1) }
function Test-DealChance([double] $P) { $script:drng.NextDouble() -lt $P }
function Get-DealItem([object[]] $Items) { $Items[$script:drng.Next($Items.Count)] }

$dealStart = D 2012 1 1
$dealEnd = D 2015 12 31
# Deals a partner registers per year Active, by tier (a big name twice as many).
$dealsPerYear = @{ Registered = 0.2; Silver = 0.45; Gold = 0.9; Platinum = 1.8 }
# The usual size of a deal (USD), by tier: amounts are this times 0.2 to 4, in the partner's currency at 2015's rate.
$dealSize = @{ Registered = 40000; Silver = 90000; Gold = 180000; Platinum = 400000 }
$sectors = @{
    en     = 'Logistics', 'Health Trust', 'Building Society', 'Insurance', 'Energy', 'Retail Group', 'Manufacturing', 'Foods', 'Water', 'Transport', 'Pharma', 'Airports', 'Steel', 'Media', 'University'
    de     = 'Logistik', 'Klinikum', 'Sparkasse', 'Versicherung', 'Stadtwerke', 'Handel', 'Maschinenbau', 'Lebensmittel', 'Verkehrsbetriebe', 'Chemie', 'Stahlwerk', 'Verlag'
    fr     = 'Logistique', 'Hôpitaux', 'Banque Régionale', 'Assurances', 'Énergie', 'Distribution', 'Industries', 'Alimentaire', 'Transports', 'Pharmacie', 'Aéroports'
    nl     = 'Logistiek', 'Ziekenhuis', 'Verzekeringen', 'Energie', 'Retail', 'Industrie', 'Voeding', 'Vervoer', 'Waterbedrijf'
    es     = 'Logística', 'Hospitales', 'Caja Rural', 'Seguros', 'Energía', 'Distribución', 'Industrias', 'Alimentación', 'Transportes', 'Farmacéutica'
    it     = 'Logistica', 'Ospedali', 'Banca Popolare', 'Assicurazioni', 'Energia', 'Distribuzione', 'Industrie', 'Alimentari', 'Trasporti', 'Farmaceutici'
    pt     = 'Logística', 'Hospitais', 'Seguros', 'Energia', 'Distribuição', 'Indústrias', 'Alimentos', 'Transportes', 'Farmacêutica'
    nordic = 'Logistik', 'Sjukhus', 'Försäkring', 'Energi', 'Handel', 'Industri', 'Livsmedel', 'Transport', 'Vatten'
    cn     = 'Logistics', 'Hospital', 'Commercial Bank', 'Insurance', 'Power Grid', 'Retail', 'Manufacturing', 'Food', 'Metro', 'Pharmaceutical', 'Steel'
}
$products = 'Campus network refresh', 'Data center fabric', 'SD-WAN rollout', 'Wi-Fi 6 for all sites', 'Firewall replacement', 'Unified communications',
    'Private 5G pilot', 'Storage consolidation', 'Branch routers', 'Cloud migration services', 'Video conferencing rooms', 'Security operations centre',
    'Core switching upgrade', 'Hyperconverged infrastructure', 'Managed network services'
$lostReasons = 'Customer chose a competitor', 'Budget cut', 'Project cancelled', 'No decision by the customer', 'Lost on price'
$denyReasons = 'Customer served directly by the vendor', 'Not enough information about the opportunity', 'Outside the partner''s territory'
$conflictReason = 'Customer registered by another partner'

# The key customers are told apart by here: the module's (case, width, composed or decomposed accents folded), with a run of
# spaces as one space too, so that no two customers differ by their spaces only.
function Get-CustomerKey([string] $Name) { ($Name.Normalize([Text.NormalizationForm]::FormKC).ToLowerInvariant() -replace '\s+', ' ').Trim() }

function Get-DealCurrency([object] $P) {
    if ($P.Region -ne 'Western Europe') { 'USD' } elseif ($P.Country -in 'GB', 'IE') { 'GBP' } else { 'EUR' }
}

function New-CustomerName([string] $Country) {
    $suffix = Get-DealItem $script:legalSuffix[$Country]
    if ($Country -eq 'CN') { return "$(Get-DealItem $script:chinaCity) $(Get-DealItem $script:chinaBrand) $(Get-DealItem $script:sectors.cn) $suffix" }
    $lang = $script:language[$Country]
    $place = if ((Test-DealChance 0.7) -and $script:prefixByCountry.ContainsKey($Country)) { Get-DealItem $script:prefixByCountry[$Country] } else { Get-DealItem $script:genericPrefix }
    "$place $(Get-DealItem $script:sectors[$lang]) $suffix"
}

# The same customer spelled as another partner would: with its accents decomposed, in capitals or in small letters.
function Get-CustomerVariant([string] $Name) {
    $decomposed = $Name.Normalize([Text.NormalizationForm]::FormD)
    if ($decomposed -ne $Name -and (Test-DealChance 0.5)) { return $decomposed }
    if (Test-DealChance 0.5) { return $Name.ToUpperInvariant() }
    $Name.ToLowerInvariant()
}

function Get-StatusOn([object] $P, [datetime] $Day) {
    $status = $null
    foreach ($s in $P.Statuses) { if ($s.Date -le $Day) { $status = $s.Status } }
    $status
}

# Registrations are decided at the vendor's deal desk, on Mondays and Thursdays: the first such day on or after a day.
function Get-DeskDay([datetime] $Day) {
    while ($Day.DayOfWeek -notin 'Monday', 'Thursday') { $Day = $Day.AddDays(1) }
    $Day
}

# Losses are reported at the partners' weekly pipeline review, on Fridays: one of the Fridays in [From, To], or $null.
function Get-Friday([datetime] $From, [datetime] $To) {
    $first = $From.AddDays((5 - [int] $From.DayOfWeek + 7) % 7)
    if ($first -gt $To) { return $null }
    $first.AddDays(7 * $script:drng.Next(0, [int] [Math]::Floor(($To - $first).Days / 7) + 1))
}

# A deal's story from its registration: how it was decided and closed, all within its protection, nothing after 2015.
function Complete-Deal([object] $Deal, [bool] $Conflicting) {
    $r = $Deal.RegisteredOn; $expires = $Deal.ExpiresOn
    $last = if ($expires -lt $script:dealEnd) { $expires } else { $script:dealEnd }
    $roll = $script:drng.NextDouble()
    if ($Conflicting) {
        # The second claim is denied at one of the next four deal desks, or left to expire.
        if ($roll -lt 0.7) { $Deal.DecidedOn = Get-DeskDay $r.AddDays((Get-DealInt 1 14)); $Deal.Reason = $script:conflictReason }
    } elseif ($roll -lt 0.08) {
        $Deal.DecidedOn = Get-DeskDay $r.AddDays((Get-DealInt 1 7)); $Deal.Reason = Get-DealItem $script:denyReasons
    } elseif ($roll -lt 0.9) {
        $Deal.DecidedOn = Get-DeskDay $r.AddDays((Get-DealInt 1 7))
        $outcome = $script:drng.NextDouble()
        $closeFrom = $Deal.DecidedOn.AddDays(7)
        if ($closeFrom -le $last -and $outcome -lt 0.82) {
            $closed = $closeFrom.AddDays($script:drng.Next(0, ($last - $closeFrom).Days + 1))
            if ($outcome -lt 0.52 -and $null -ne $Deal.Amount) {
                $Deal.ClosedOn = $closed
                $Deal.WonAmount = [decimal]::Round($Deal.Amount * [decimal] (0.7 + 0.45 * $script:drng.NextDouble()), 2)
            } elseif ($null -ne ($friday = Get-Friday $closeFrom $last)) {
                $Deal.ClosedOn = $friday; $Deal.Reason = Get-DealItem $script:lostReasons
            }
        }
    } elseif ($roll -lt 0.95 -and $null -ne ($friday = Get-Friday $r.AddDays(5) $last)) {
        # Lost before anyone decided (the customer went elsewhere early).
        $Deal.ClosedOn = $friday; $Deal.Reason = Get-DealItem $script:lostReasons
    }
    if ($null -ne $Deal.DecidedOn -and $Deal.DecidedOn -gt $last) { $Deal.DecidedOn = $null; $Deal.Reason = $null }
    $Deal.Outcome = if ($null -ne $Deal.ClosedOn) { if ($null -ne $Deal.WonAmount) { 'Won' } else { 'Lost' } }
                   elseif ($null -ne $Deal.Reason) { 'Denied' }
                   elseif ($expires -lt $script:dealEnd) { 'Expired' }
                   elseif ($null -ne $Deal.DecidedOn) { 'Approved' } else { 'Submitted' }
}

$deals = [Collections.Generic.List[object]]::new()
$customerKeys = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
$inProgramme = 'Onboarding', 'Active', 'Suspended'
foreach ($p in $partners) {
    if ($null -eq $p.FirstActive -or $p.Statuses[-1].Status -notin $inProgramme) { continue }
    $from = if ($p.FirstActive -gt $dealStart) { $p.FirstActive } else { $dealStart }
    $to = if ($null -ne $p.SalesEnd -and $p.SalesEnd -lt $dealEnd) { $p.SalesEnd } else { $dealEnd }
    if ($to -lt $from) { continue }
    $rate = $dealsPerYear[$p.Tier] * $(if ($p.Big) { 2 } else { 1 })
    $count = [int] [Math]::Floor(($to - $from).Days / 365.0 * $rate + $drng.NextDouble())
    $currency = Get-DealCurrency $p
    $toCurrency = if ($currency -eq 'USD') { 1d } else { 1d / $rates[$currency][2015] }
    for ($i = 0; $i -lt $count; $i++) {
        $registered = $from.AddDays($drng.Next(0, ($to - $from).Days + 1))
        if ((Get-StatusOn $p $registered) -ne 'Active') { continue }   # registered only on days it was Active
        $tries = 0
        do {
            if (++$tries -gt 500) { throw "Internal error: no new customer name for $($p.Country) after 500 tries" }
            $customer = New-CustomerName $p.Country
        } until ($customerKeys.Add("$($p.Country)|$(Get-CustomerKey $customer)"))
        $amount = if (Test-DealChance 0.06) { $null } else {
            $u = $drng.NextDouble()
            [decimal] [Math]::Round($dealSize[$p.Tier] * (0.2 + 3.8 * $u * $u) * $toCurrency / 1000) * 1000
        }
        $valid = Get-DealItem @(90, 90, 90, 90, 60, 120)
        $deals.Add([pscustomobject]@{
            Seq = $deals.Count; Partner = $p.Name; Customer = $customer; CustomerCountry = $p.Country; Country = $p.Country; Owner = $p
            Segment = Get-DealItem @('Enterprise', 'Enterprise', 'Enterprise', 'Enterprise', 'Enterprise', 'Enterprise', 'Carrier', 'Consumer')
            Product = Get-DealItem $products; Amount = $amount; Currency = $(if ($null -eq $amount) { '' } else { $currency })
            ExpectedClose = $registered.AddDays((Get-DealInt 30 150)); Reference = ''; RegisteredOn = $registered
            ExpiresOn = $registered.AddDays($valid); Outcome = ''; DecidedOn = $null; ClosedOn = $null; WonAmount = $null; Reason = $null
        })
    }
}

# Conflicts: another partner of the same country, Active that day, claims a customer while its first deal is held.
$byCountry = $partners | Where-Object { $null -ne $_.FirstActive -and $_.Statuses[-1].Status -in $inProgramme } | Group-Object Country -AsHashTable
$firsts = @($deals)
foreach ($first in $firsts) { Complete-Deal $first $false }
foreach ($first in $firsts) {
    if (-not (Test-DealChance 0.1)) { continue }
    $heldUntil = @($first.ExpiresOn, $dealEnd) | Sort-Object | Select-Object -First 1
    foreach ($end in $first.ClosedOn, $(if ($first.Outcome -eq 'Denied') { $first.DecidedOn })) { if ($null -ne $end -and $end -le $heldUntil) { $heldUntil = $end.AddDays(-1) } }
    if ($heldUntil -le $first.RegisteredOn) { continue }
    $registered = $first.RegisteredOn.AddDays((Get-DealInt 1 ([Math]::Min(30, ($heldUntil - $first.RegisteredOn).Days))))
    $others = @($byCountry[$first.Country] | Where-Object { $_.Name -ne $first.Partner -and (Get-StatusOn $_ $registered) -eq 'Active' })
    if ($others.Count -eq 0) { continue }
    $p = Get-DealItem $others
    $currency = Get-DealCurrency $p
    $amount = if ($null -eq $first.Amount) { $null } elseif ($currency -eq $first.Currency) { $first.Amount } else { [decimal] [Math]::Round($first.Amount * [decimal] (Get-DealItem 0.8, 1, 1.25) / 1000) * 1000 }
    $second = [pscustomobject]@{
        Seq = $deals.Count; Partner = $p.Name; Customer = Get-CustomerVariant $first.Customer; CustomerCountry = $first.Country; Country = $first.Country; Owner = $p
        Segment = $first.Segment; Product = $first.Product; Amount = $amount; Currency = $(if ($null -eq $amount) { '' } else { $currency })
        ExpectedClose = $first.ExpectedClose; Reference = ''; RegisteredOn = $registered; ExpiresOn = $registered.AddDays(90)
        Outcome = ''; DecidedOn = $null; ClosedOn = $null; WonAmount = $null; Reason = $null
    }
    Complete-Deal $second $true
    $deals.Add($second)
}

# In registration order, each with its reference DR-<year>-<number>.
$dealRows = [Collections.Generic.List[object]]::new()
$n = 0
foreach ($d in ($deals | Sort-Object { $_.RegisteredOn }, { $_.Seq })) {
    $n++
    $d.Reference = 'DR-{0}-{1:00000}' -f $d.RegisteredOn.Year, $n
    foreach ($money in 'Amount', 'WonAmount') { if ($null -ne $d.$money) { $d.$money = $d.$money.ToString('0.00', $inv) } }
    $dealRows.Add($d)
}
