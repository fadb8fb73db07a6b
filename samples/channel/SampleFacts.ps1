# Dot-sourced by Check-SampleData.ps1 once partners.csv is read into $byName (each partner as it was added) and
# status-changes.csv into $changes: replays the changes in file order as Set-Partner -EffectiveDate would, checking
# each one, and defines the dated rule the module uses (design: a status on day D is that of the latest change on or
# before D; a partner on D has joined, has not ended, and is Onboarding, Active or Suspended that day).

$partnerStatuses = 'Onboarding', 'Active', 'Suspended'

$lastDate = [datetime]::MinValue
$line = 1
foreach ($c in $changes) {
    $line++
    $what = "status-changes.csv line $line ($($c.Partner): $($c.Attribute) $($c.From) -> $($c.To) on $($c.EffectiveDate))"
    Assert ($byName.ContainsKey($c.Partner)) "$what names an unknown partner"
    $p = $byName[$c.Partner]
    $date = ConvertTo-Date $c.EffectiveDate "$what EffectiveDate"
    Assert ($date -ge $lastDate) "$what is before the line above it (the file is in date order, the order it is loaded in)"
    $lastDate = $date
    Assert ($date -ge $p.JoinedOn) "$what is before JoinedOn $($p.Row.JoinedOn)"
    Assert ($p.Status -ne 'Terminated') "$what comes after the partner ended"
    if ($c.Attribute -ceq 'Status') {
        Assert ($c.To -cin $statuses -and $c.From -ceq $p.Status -and $c.To -cne $c.From) "$what, but the partner is $($p.Status) then"
        Assert ($date -gt $p.Statuses[-1].Date) "$what is not after the day its status began ($($p.Statuses[-1].Date.ToString('yyyy-MM-dd', $inv)))"
        $needsReason = $c.To -in 'Terminated', 'Suspended'
        Assert (($c.Reason -ne '') -eq $needsReason) "$what has Reason '$($c.Reason)' (an end or a suspension has one, other changes none)"
        $p.Statuses.Add([pscustomobject]@{ Value = $c.To; Date = $date; Reason = $c.Reason })
        $p.Status = $c.To
        if ($c.To -eq 'Terminated') { $p.EndedOn = $date; $p.EndReason = $c.Reason }
    } elseif ($c.Attribute -ceq 'Tier') {
        Assert ($c.To -cin $tiers -and $c.From -ceq $p.Tier -and $c.To -cne $c.From) "$what, but the partner is $($p.Tier) then"
        Assert ($date -gt $p.Tiers[-1].Date -and $c.Reason -eq '') "$what is not after the day its tier began, or has a Reason"
        $p.Tiers.Add([pscustomobject]@{ Value = $c.To; Date = $date; Reason = '' })
        $p.Tier = $c.To
    } else {
        Assert $false "$($what): Attribute '$($c.Attribute)' is not Status or Tier"
    }
}

foreach ($p in $byName.Values) {
    $active = @($p.Statuses | Where-Object Value -EQ 'Active')
    if ($active.Count -gt 0) { $p.FirstActive = $active[0].Date }
    $in = @($p.Statuses | Where-Object { $_.Value -in $partnerStatuses })
    if ($in.Count -gt 0) { $p.PartnerFrom = if ($in[0].Date -gt $p.JoinedOn) { $in[0].Date } else { $p.JoinedOn } }
}

# The value a dated list (Statuses, Tiers) has on a day: the latest on or before it, else the first.
function Get-ValueOn([object] $List, [datetime] $Date) {
    $value = $List[0].Value
    foreach ($e in $List) { if ($e.Date -le $Date) { $value = $e.Value } else { break } }
    $value
}

function Test-PartnerOn([object] $P, [datetime] $Date) {
    $P.JoinedOn -le $Date -and ($null -eq $P.EndedOn -or $P.EndedOn -gt $Date) -and (Get-ValueOn $P.Statuses $Date) -in $partnerStatuses
}

function Get-PartnersOn([datetime] $Date, [string] $Region) {
    @($byName.Values | Where-Object { $_.Row.Region -eq $Region -and (Test-PartnerOn $_ $Date) }).Count
}

# The lifecycle facts of [From, To] (after the revenue is read: FirstSale is each partner's first revenue date).
function Get-LifecycleFacts([datetime] $From, [datetime] $To) {
    $all = @($byName.Values)
    $cohort = @($all | Where-Object { $null -ne $_.FirstActive -and $_.FirstActive -ge $From -and $_.FirstActive -le $To })
    $activated = @($cohort | Where-Object { $null -ne $_.FirstSale -and $_.FirstSale -le $To })
    $within90 = @($activated | Where-Object { ($_.FirstSale - $_.FirstActive).Days -le 90 })
    $notActivated = @($all | Where-Object {
        (Get-ValueOn $_.Statuses $To) -eq 'Active' -and $_.FirstActive -le $To.AddDays(-90) -and ($null -eq $_.FirstSale -or $_.FirstSale -gt $To)
    })
    # Prospects: a stay as Prospect that overlaps [From, To]; converted: left Prospect for Onboarding in [From, To].
    $prospects = @($all | Where-Object {
        $s = $_.Statuses
        @(for ($i = 0; $i -lt $s.Count; $i++) {
            $end = if ($i + 1 -lt $s.Count) { $s[$i + 1].Date.AddDays(-1) } else { [datetime]::MaxValue }
            if ($s[$i].Value -eq 'Prospect' -and $s[$i].Date -le $To -and $end -ge $From) { $i }
        }).Count -gt 0
    })
    $left = { param($p, $target) for ($i = 1; $i -lt $p.Statuses.Count; $i++) { if ($p.Statuses[$i - 1].Value -eq 'Prospect' -and $p.Statuses[$i].Value -eq $target -and $p.Statuses[$i].Date -ge $From -and $p.Statuses[$i].Date -le $To) { $p } } }
    $ended = @($all | Where-Object { $null -ne $_.PartnerFrom -and $null -ne $_.EndedOn -and $_.EndedOn -ge $From -and $_.EndedOn -le $To })
    $promotions = @($all | ForEach-Object { $_.Tiers | Select-Object -Skip 1 } | Where-Object { $_.Date -ge $From -and $_.Date -le $To })
    $suspended = @($all | ForEach-Object { $_.Statuses } | Where-Object { $_.Value -eq 'Suspended' -and $_.Date -ge $From -and $_.Date -le $To })
    [pscustomobject]@{
        NewlyActive = $cohort.Count; Activated = $activated.Count; SoldWithin90 = $within90.Count; NotActivatedWithin90 = $notActivated.Count
        Prospects = $prospects.Count; Converted = @($all | ForEach-Object { & $left $_ 'Onboarding' }).Count
        ProspectsClosed = @($all | ForEach-Object { & $left $_ 'Terminated' }).Count
        StillProspects = @($all | Where-Object { $_.JoinedOn -le $To -and (Get-ValueOn $_.Statuses $To) -eq 'Prospect' }).Count
        Joined = @($all | Where-Object { $null -ne $_.PartnerFrom -and $_.PartnerFrom -ge $From -and $_.PartnerFrom -le $To }).Count
        Ended = $ended.Count
        EndedByReason = ($ended | Group-Object EndReason | Sort-Object @{ e = 'Count'; Descending = $true }, Name | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '
        Suspensions = $suspended.Count; Promotions = $promotions.Count
    }
}
