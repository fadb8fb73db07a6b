# Dot-sourced by Check-SampleData.ps1 once the partners are replayed ($byName, Get-ValueOn) and the revenue references
# read ($references): reads deals.csv and checks what loading it (Register-PartnerDeal, then Approve-/Deny-/Close-PartnerDeal
# on each deal's dates) needs and what issue 19's rules say: each deal's partner in the programme now and Active on the
# day it registered, values as the module takes them, references unique (also among revenue's, as a won deal books one),
# a story that fits its Outcome (decided on a deal-desk day and closed within its protection, lost on a Friday, won only
# once approved), no partner holding two deals for one customer and segment, and never two partners holding an approved
# deal for the same customer at once.
# Defines $dealFacts for the report.

$deals = Read-SampleCsv 'deals.csv' Partner, Customer, CustomerCountry, Segment, Product, Amount, Currency, ExpectedClose, Reference, RegisteredOn, ExpiresOn, Outcome, DecidedOn, ClosedOn, WonAmount, Reason
$dealEnd = [datetime]'2015-12-31'
$dealStatuses = 'Submitted', 'Approved', 'Denied', 'Won', 'Lost', 'Expired'
$dealCurrency = { param($p) if ($p.Row.Region -ne 'Western Europe') { 'USD' } elseif ($p.Row.Country -in 'GB', 'IE') { 'GBP' } else { 'EUR' } }
$claims = @{}
$wonUsd = 0d
foreach ($d in $deals) {
    $what = "deal $($d.Reference)"
    Assert ($d.Reference -cmatch '^DR-\d{4}-\d{5}$' -and $references.Add($d.Reference)) "${what}: Reference is not DR-<year>-<number> or not unique (among deals and revenue)"
    Assert ($byName.ContainsKey($d.Partner)) "$what names unknown partner '$($d.Partner)'"
    $p = $byName[$d.Partner]
    Assert ($p.Status -cin $partnerStatuses) "${what}: partner $($d.Partner) is $($p.Status) now; only partners in the programme register deals"
    $registered = ConvertTo-Date $d.RegisteredOn "$what RegisteredOn"
    Assert ($registered -ge [datetime]'2012-01-01' -and $registered -le $dealEnd) "$what registered $($d.RegisteredOn), outside 2012-2015"
    Assert ((Get-ValueOn $p.Statuses $registered) -eq 'Active' -and $registered -ge $p.JoinedOn) "$what registered $($d.RegisteredOn), when $($d.Partner) was not Active"
    Assert ($d.Customer.Trim().Length -ge 1 -and $d.Customer.Length -le 200 -and $d.Customer -ceq $d.Customer.Trim()) "${what}: Customer '$($d.Customer)'"
    Assert ($d.CustomerCountry -ceq $p.Row.Country) "${what}: CustomerCountry $($d.CustomerCountry) is not its partner's country"
    Assert ($d.Segment -cin $segments -and $d.Product.Length -le 200) "${what}: Segment '$($d.Segment)' or Product '$($d.Product)'"
    Assert (($d.Amount -eq '') -eq ($d.Currency -eq '')) "${what}: Amount and Currency both or neither"
    Assert ($d.Amount -eq '' -or ($d.Amount -match '^\d+\.\d{2}$' -and [decimal] $d.Amount -gt 0 -and $d.Currency -ceq (& $dealCurrency $p))) "${what}: Amount '$($d.Amount)' $($d.Currency)"
    $expires = ConvertTo-Date $d.ExpiresOn "$what ExpiresOn"
    $null = ConvertTo-Date $d.ExpectedClose "$what ExpectedClose"
    Assert ($expires -gt $registered) "$what expires $($d.ExpiresOn), not after it registered"
    $last = if ($expires -lt $dealEnd) { $expires } else { $dealEnd }
    $decided = if ($d.DecidedOn) { ConvertTo-Date $d.DecidedOn "$what DecidedOn" } else { $null }
    $closed = if ($d.ClosedOn) { ConvertTo-Date $d.ClosedOn "$what ClosedOn" } else { $null }
    Assert ($null -eq $decided -or ($decided -ge $registered -and $decided -le $last)) "$what decided $($d.DecidedOn), outside its protection"
    Assert ($null -eq $closed -or ($closed -ge $registered -and $closed -le $last -and ($null -eq $decided -or $closed -ge $decided))) "$what closed $($d.ClosedOn), outside its protection or before its decision"
    Assert ($null -eq $decided -or $decided.DayOfWeek -in 'Monday', 'Thursday') "$what decided $($d.DecidedOn), not at a deal desk (Monday, Thursday)"
    Assert ($null -eq $closed -or $d.WonAmount -or $closed.DayOfWeek -eq 'Friday') "$what lost $($d.ClosedOn), not at a pipeline review (Friday)"
    $expected = if ($null -ne $closed) { if ($d.WonAmount) { 'Won' } else { 'Lost' } } elseif ($d.Reason) { 'Denied' } elseif ($expires -lt $dealEnd) { 'Expired' } elseif ($null -ne $decided) { 'Approved' } else { 'Submitted' }
    Assert ($d.Outcome -ceq $expected) "$what has Outcome $($d.Outcome), but its dates say $expected"
    Assert ($d.Outcome -ne 'Won' -or ($null -ne $decided -and $d.Amount -ne '' -and $d.WonAmount -match '^\d+\.\d{2}$' -and $d.Reason -eq '')) "$what won without approval, amount or with a Reason"
    Assert ($d.Outcome -notin 'Lost', 'Denied' -or ($d.Reason -ne '' -and $d.WonAmount -eq '')) "$what is $($d.Outcome) without a Reason"
    Assert ($d.Outcome -ne 'Denied' -or $null -ne $decided) "$what is Denied without DecidedOn"
    if ($d.Outcome -eq 'Won') { $wonUsd += [double] $d.WonAmount * $(if ($d.Currency -eq 'USD') { 1d } else { [double] $rates["$($d.Currency)|$($closed.Year)"] }) }

    # Held: from registration to the day before it was denied or closed, or to ExpiresOn; approved-held from DecidedOn.
    $heldTo = $expires
    if ($d.Outcome -eq 'Denied') { $heldTo = $decided.AddDays(-1) } elseif ($null -ne $closed) { $heldTo = $closed.AddDays(-1) }
    $key = "$($d.CustomerCountry)|$(($d.Customer.Normalize([Text.NormalizationForm]::FormKC).ToLowerInvariant() -replace '\s+', ' '))"
    if (-not $claims.ContainsKey($key)) { $claims[$key] = [Collections.Generic.List[object]]::new() }
    $approvedFrom = if ($null -ne $decided -and $d.Outcome -ne 'Denied') { $decided } else { $null }
    $claims[$key].Add([pscustomobject]@{ Deal = $d; From = $registered; To = $heldTo; ApprovedFrom = $approvedFrom })
}
$conflicting = 0
foreach ($list in $claims.Values) {
    for ($i = 0; $i -lt $list.Count; $i++) {
        for ($j = 0; $j -lt $list.Count; $j++) {
            $a = $list[$i]; $b = $list[$j]
            if ($i -eq $j -or $b.From -lt $a.From -or $b.From -gt $a.To) { continue }   # b registered while a held
            if ($a.Deal.Partner -eq $b.Deal.Partner) {
                Assert ($a.Deal.Segment -ne $b.Deal.Segment) "$($b.Deal.Reference): $($b.Deal.Partner) already holds $($a.Deal.Reference) for that customer and segment"
                continue
            }
            $conflicting++
            foreach ($pair in @(@($a, $b), @($b, $a))) {
                $x = $pair[0]; $y = $pair[1]
                Assert ($null -eq $x.ApprovedFrom -or $null -eq $y.ApprovedFrom -or $y.ApprovedFrom -gt $x.To -or $y.ApprovedFrom -lt $x.ApprovedFrom) "$($y.Deal.Reference) approved while $($x.Deal.Reference) of another partner held that customer approved"
            }
        }
    }
}
Assert ($deals.Count -ge 1000 -and $deals.Count -le 5000) "$($deals.Count) deals, expected one to a few thousand"
Assert ($conflicting -ge 40) "$conflicting deals claim a customer another partner holds, expected at least 40"
foreach ($s in $dealStatuses) { Assert (@($deals | Where-Object Outcome -ceq $s).Count -gt 0) "no deal ended $s" }
$dealFacts = [pscustomobject]@{
    Count = $deals.Count; Conflicting = $conflicting; WonUsd = $wonUsd
    ByStatus = ($dealStatuses | ForEach-Object { $s = $_; "$s $(@($deals | Where-Object Outcome -ceq $s).Count)" }) -join ', '
    NoAmount = @($deals | Where-Object Amount -EQ '').Count
}
