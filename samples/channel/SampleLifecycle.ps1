# Dot-sourced by New-SampleData.ps1 after the partners and their names are made, before the revenue: gives every partner
# a dated lifecycle (its Status and Tier changes) that ends in the Status, Tier, JoinedOn and EndedOn it was made with.
# Uses its own [System.Random]::new(2017), so the partners and their names are the same as without lifecycles.
#
# What each partner gets (properties added to the partner objects of $partners):
#   Statuses     [(Status, Date, Reason)] in date order, the first on JoinedOn; the last is the partner's Status
#   Tiers        [(Tier, Date)] in date order, the first on JoinedOn; the last is the partner's Tier
#   Direct       $true when partners.csv alone says it all: Active from JoinedOn, then Terminated on EndedOn (what
#                Add-Partner records for a partner added as Terminated), with EndReason; nothing in status-changes.csv
#   EndReason    the reason of the Terminated change, else $null
#   FirstActive  the first day Active, or $null (never Active)
#   FirstSale    the day of its first revenue record (revenue starts then), or $null: it never sells
#   SalesEnd     the last day it may have revenue: the day before EndedOn, or before a final suspension, else 2015-12-31
# Western Europe keeps its counts under the dated rule (700 partners on 2015-01-01, 807 on 2015-12-31); and as many of
# its partners come in as prospects during 2015 as end through a status change, so partners.csv alone (every partner as
# it was added) counts 807 on 2015-12-31 too.

$lrng = [System.Random]::new(2017)

function Get-LifeInt([int] $Min, [int] $MaxInclusive) { $script:lrng.Next($Min, $MaxInclusive + 1) }
function Test-LifeChance([double] $P) { $script:lrng.NextDouble() -lt $P }
function Get-LifeItem([object[]] $Items) { $Items[$script:lrng.Next($Items.Count)] }

$lifeEnd = D 2015 12 31
$weProspectRoute = 10     # Western Europe partners that came in as prospects during 2015 ...
$weChangedEnds = 10       # ... and Western Europe partners that ended through a status change (the two must be equal)
$lowerTier = @{ Silver = 'Registered'; Gold = 'Silver'; Platinum = 'Gold' }
$suspendReason = @{
    'Suspended pending compliance review' = 'Pending compliance review'
    'Suspended: certification lapsed'     = 'Certification lapsed'
    'Payment terms breached, suspended'   = 'Payment terms breached'
}
$prospectEndReasons = 'Did not qualify', 'Chose another vendor', 'No response after follow-up'

function Add-LifeStatus([object] $P, [string] $Status, [datetime] $Date, [string] $Reason = '') {
    if ($P.Statuses.Count -gt 0 -and $Date -le $P.Statuses[-1].Date) { throw "Internal error: $($P.Name): $Status on $Date is not after the last status" }
    $P.Statuses.Add([pscustomobject]@{ Status = $Status; Date = $Date; Reason = $Reason })
    if ($Status -eq 'Active' -and $null -eq $P.FirstActive) { $P.FirstActive = $Date }
}

# The days between two dates, when there are at least two (room for a change strictly between them), else -1.
function Get-Room([datetime] $From, [datetime] $To) { ($To - $From).Days - 1 }

# Prospects are taken on, onboarded partners made Active and suspended ones reinstated in the programme's monthly
# enrolment run, on the 1st (the 2nd in January): the first run on or after the day given, or that day when no run falls
# before $Before.
function Get-EnrolmentDay([datetime] $Date, [datetime] $Before) {
    $run = if ($Date.Day -eq 1) { $Date } else { [datetime]::new($Date.Year, $Date.Month, 1).AddMonths(1) }
    if ($run.Month -eq 1) { $run = $run.AddDays(1) }
    if ($run -lt $Before) { $run } else { $Date }
}

# Promotions take effect on the first day of a quarter (the quarterly tier review) after the day given, if before $Before.
function Get-ReviewDay([datetime] $Date, [datetime] $Before) {
    $review = [datetime]::new($Date.Year, [int] ([Math]::Floor(($Date.Month - 1) / 3)) * 3 + 1, 1).AddMonths(3)
    if ($review -lt $Before) { $review } else { $null }
}

foreach ($p in $partners) {
    $p | Add-Member -NotePropertyMembers @{
        Statuses = [System.Collections.Generic.List[object]]::new(); Tiers = [System.Collections.Generic.List[object]]::new()
        Direct = $false; EndReason = $null; FirstActive = $null; FirstSale = $null; SalesEnd = $null; Route = ''
    }
}

# --- Which path each partner took -----------------------------------------------------------------------------------
# Routes: Direct (Active -> Terminated, in partners.csv), Changed (an end through status changes), Prospect (came in as
# a prospect), Onboarding (onboarded, then Active: partners that joined from 2014 on), Plain (Active from JoinedOn).
# Named partners keep the plain path.
$plainNames = @('Keystone Nett AB', 'Meridian Distribution Europe')
$weEnds = 0; $weOtherEnds = 0; $weProspects = 0
foreach ($p in $partners) {
    $we = $p.Region -eq 'Western Europe'
    $p.Route = switch ($p.Status) {
        'Terminated' {
            $edge = $p.EndedOn -in (D 2015 1 1), (D 2015 1 2)
            if ($p.Name -in $plainNames -or $edge) { 'Direct' }
            elseif ($we -and $p.Notes -eq 'Left after a failed pilot') { 'Changed' }
            elseif ($we) { if ($weOtherEnds -lt $weChangedEnds - 1 -and (Test-LifeChance 0.65)) { $weOtherEnds++; 'Changed' } else { 'Direct' } }
            elseif (Test-LifeChance 0.5) { 'Changed' } else { 'Direct' }
        }
        'Prospect' { 'Prospect' }
        default {
            $room = Get-Room $p.JoinedOn $lifeEnd
            $canProspect = -not $p.Big -and $p.Name -notin $plainNames -and $p.Status -ne 'Suspended' -and $room -ge 60 -and
                $(if ($we) { $p.JoinedOn -gt (D 2015 1 1) } else { $p.JoinedOn -ge (D 2014 1 1) })
            if ($canProspect -and $we -and $weProspects -lt $weProspectRoute -and (Test-LifeChance 0.2)) { $weProspects++; 'Prospect' }
            elseif ($canProspect -and -not $we -and (Test-LifeChance 0.35)) { 'Prospect' }
            elseif ($p.Big -or $p.Name -in $plainNames -or $p.JoinedOn -lt (D 2014 1 1) -or $room -lt 2) { 'Plain' }
            else { 'Onboarding' }
        }
    }
    if ($we -and $p.Status -eq 'Terminated' -and $p.Route -eq 'Changed') { $weEnds++ }
}
if ($weEnds -ne $weChangedEnds -or $weProspects -ne $weProspectRoute) {
    throw "Internal error: Western Europe: $weEnds ends through status changes, $weProspects partners from prospects (both must be $weChangedEnds)"
}

# --- Status lifecycles ----------------------------------------------------------------------------------------------
foreach ($p in $partners) {
    $j = $p.JoinedOn
    $last = if ($null -ne $p.EndedOn) { $p.EndedOn } else { $lifeEnd }
    switch ($p.Status) {
        'Prospect' {
            Add-LifeStatus $p Prospect $j
            # Some prospects were closed: never a partner (partners.csv has them as Prospect; the end is a status change).
            $room = Get-Room $j $lifeEnd
            if ($room -ge 90 -and (Test-LifeChance 0.5)) {
                $p.Status = 'Terminated'; $p.EndedOn = $j.AddDays((Get-LifeInt 60 ([Math]::Min(240, $room))))
                $p.EndReason = Get-LifeItem $prospectEndReasons
                Add-LifeStatus $p Terminated $p.EndedOn $p.EndReason
            }
        }
        'Terminated' {
            $p.EndReason = $p.Notes
            if ($p.Route -eq 'Direct') { $p.Direct = $true; Add-LifeStatus $p Active $j }
            else {
                # Onboarded (joined from 2014 on, when there is room), Active, maybe suspended first, then ended.
                $room = Get-Room $j $p.EndedOn
                if ($room -ge 40 -and $j -ge (D 2014 1 1)) {
                    Add-LifeStatus $p Onboarding $j
                    Add-LifeStatus $p Active (Get-EnrolmentDay ($j.AddDays((Get-LifeInt 14 ([Math]::Min(90, [int] ($room / 2)))))) ($p.EndedOn.AddDays(-30)))
                }
                else { Add-LifeStatus $p Active $j }
                $room = Get-Room $p.Statuses[-1].Date $p.EndedOn
                if ($room -ge 30 -and (Test-LifeChance 0.5)) {
                    Add-LifeStatus $p Suspended ($p.EndedOn.AddDays(-(Get-LifeInt 15 ([Math]::Min(120, [int] ($room / 2)))))) (Get-LifeItem @($suspendReason.Values | Sort-Object))
                }
            }
            Add-LifeStatus $p Terminated $p.EndedOn $p.EndReason
        }
        default {
            # Prospect, Onboarding, Active, Suspended: how it came in, then where it is now.
            $room = Get-Room $j $last
            if ($p.Route -eq 'Prospect') {
                Add-LifeStatus $p Prospect $j
                $onboarded = $j.AddDays((Get-LifeInt 20 ([Math]::Min(150, $room - 30))))
                Add-LifeStatus $p Onboarding (Get-EnrolmentDay $onboarded ($j.AddDays($room - 15)))
            } elseif ($p.Route -eq 'Onboarding' -or $p.Status -eq 'Onboarding') { Add-LifeStatus $p Onboarding $j }
            else { Add-LifeStatus $p Active $j }
            $since = $p.Statuses[-1].Date
            $room = Get-Room $since $last
            if ($p.Status -ne 'Onboarding' -and $p.Statuses[-1].Status -eq 'Onboarding') {
                $activated = $since.AddDays((Get-LifeInt 1 ([Math]::Max(1, [Math]::Min(120, [int] ($room * 2 / 3))))))
                Add-LifeStatus $p Active (Get-EnrolmentDay $activated ($since.AddDays([Math]::Max(1, [int] ($room * 5 / 6)))))
            }
            $since = $p.Statuses[-1].Date; $room = Get-Room $since $last
            if ($p.Status -eq 'Suspended') {
                $reason = if ($suspendReason.ContainsKey($p.Notes)) { $suspendReason[$p.Notes] } else { 'Pending compliance review' }
                Add-LifeStatus $p Suspended ($since.AddDays((Get-LifeInt 1 ([Math]::Max(1, $room))))) $reason
            } elseif ($p.Status -eq 'Active' -and $p.Statuses[-1].Status -eq 'Active' -and $room -ge 400 -and -not $p.Big -and $p.Name -notin $plainNames -and (Test-LifeChance 0.04)) {
                # Suspended for a while, then reinstated.
                $from = $since.AddDays((Get-LifeInt 120 ($room - 200)))
                Add-LifeStatus $p Suspended $from (Get-LifeItem @($suspendReason.Values | Sort-Object))
                Add-LifeStatus $p Active (Get-EnrolmentDay ($from.AddDays((Get-LifeInt 20 90))) $last)
            }
        }
    }
    if ($p.Statuses[-1].Status -ne $p.Status) { throw "Internal error: $($p.Name) ends $($p.Statuses[-1].Status), not $($p.Status)" }
}

# --- Tier lifecycles: promotions, a year or so apart, while a partner (none for partners.csv's ended ones) -----------
foreach ($p in $partners) {
    $start = if ($null -ne $p.FirstActive) { $p.FirstActive } else { $p.JoinedOn }
    $end = if ($null -ne $p.EndedOn) { $p.EndedOn.AddDays(-1) } else { $lifeEnd }
    $steps = [System.Collections.Generic.List[string]]::new(); $steps.Add($p.Tier)
    $promote = -not $p.Direct -and -not $p.Big -and $p.Name -notin $plainNames -and $null -ne $p.FirstActive -and $p.Tier -ne 'Registered' -and (Test-LifeChance 0.45)
    if ($promote) {
        $steps.Insert(0, $lowerTier[$p.Tier])
        if ($steps[0] -ne 'Registered' -and (Test-LifeChance 0.4)) { $steps.Insert(0, $lowerTier[$steps[0]]) }
    }
    $p.Tiers.Add([pscustomobject]@{ Tier = $steps[0]; Date = $p.JoinedOn })
    $date = $start
    for ($i = 1; $i -lt $steps.Count; $i++) {
        $room = Get-Room $date $end
        if ($room -lt 60) { break }
        $date = Get-ReviewDay ($date.AddDays((Get-LifeInt ([Math]::Min(90, [int] ($room / 2))) ([Math]::Min(420, [int] ($room * 2 / 3)))))) $end
        if ($null -eq $date) { break }
        $p.Tiers.Add([pscustomobject]@{ Tier = $steps[$i]; Date = $date })
    }
    if ($p.Tiers[-1].Tier -ne $p.Tier) {
        # Not enough time for every step: it came in at the tier it has.
        $p.Tiers.Clear(); $p.Tiers.Add([pscustomobject]@{ Tier = $p.Tier; Date = $p.JoinedOn })
    }
}

# --- Revenue windows: the first sale after becoming Active (some new partners are slow, some never sell) -------------
foreach ($p in $partners) {
    if ($null -eq $p.FirstActive) { continue }
    $p.SalesEnd = if ($null -ne $p.EndedOn) { $p.EndedOn.AddDays(-1) } elseif ($p.Status -eq 'Suspended') { $p.Statuses[-1].Date.AddDays(-1) } else { $lifeEnd }
    $a = $p.FirstActive
    $delay = if ($p.Big -or $p.Name -eq 'Meridian Distribution Europe') { Get-LifeInt 3 30 }
             elseif ($a -lt (D 2014 1 1)) { Get-LifeInt 5 60 }
             else {
                 $kind = Get-LifeInt 1 100
                 if ($kind -le 60) { Get-LifeInt 5 85 } elseif ($kind -le 85) { Get-LifeInt 95 240 } else { -1 }
             }
    if ($delay -lt 0) { continue }   # never sells
    $first = $a.AddDays($delay)
    if ($first -le $p.SalesEnd) { $p.FirstSale = $first }
}
