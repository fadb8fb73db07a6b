<#
.SYNOPSIS
    Shows PartnerOps answering a channel manager's questions from the sample data in samples/channel,
    on a fresh database in a temporary folder. build.ps1 -Task Demo runs it.
.DESCRIPTION
    Each Show 'question' { code } step is also a step of the README's tour: build.ps1 -Task Readme copies the
    questions and the code into README.md (tools/DocBlocks.ps1, Update-ReadmeTour) and writes what the code prints
    under it, and tests/pester/Readme.Tests.ps1 fails when the two differ. The steps use $samples, $folder and $db,
    which the README's first block defines the same way; output is rendered as there, at 120 columns.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'   # tables laid out as in the README (Write-Host keeps its colours)
Import-Module (Join-Path $ModulePath 'PartnerOps.psd1')

# Prints the question, the code and what it prints, every stream as the console shows it.
function Show([string] $Question, [scriptblock] $Command) {
    Write-Host ''
    Write-Host "# $Question" -ForegroundColor Green
    Write-Host "PS> $($Command.ToString().Trim())" -ForegroundColor Yellow
    & $Command *>&1 | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { "$($_.InvocationInfo.MyCommand.Name): $($_.Exception.Message)" }
        elseif ($_ -is [System.Management.Automation.WarningRecord]) { "WARNING: $($_.Message)" }
        elseif ($_ -is [System.Management.Automation.InformationRecord]) { "$($_.MessageData)" }
        else { $_ }
    } | Out-String -Width 120 | ForEach-Object TrimEnd | Write-Host
}

$samples = Join-Path $PSScriptRoot 'channel'
$folder = Join-Path ([IO.Path]::GetTempPath()) "partnerops-tour-$(Get-Random -Minimum 100000 -Maximum 1000000)"
$null = New-Item -ItemType Directory $folder
$db = Join-Path $folder 'partners.db'
Write-Host "Demo database: $db (a temporary folder)" -ForegroundColor Cyan

Show 'A new database, reporting in USD, used by every command that follows' {
    New-PartnerDatabase -Path $db -Currency USD | Out-Null
    Connect-PartnerDatabase -Path $db | Select-Object Path, SchemaVersion, Currency
}
Show 'Load the sample partners as they were added and their dated changes since, revenue (bulk import), exchange rates and targets (CSV rows piped in)' {
    Import-Partner "$samples/partners.csv"
    # Their changes since, in date order (Group-Object sorts by date first): one Set-Partner per change and day, its partners piped in
    Import-Csv "$samples/status-changes.csv" | Group-Object EffectiveDate, Attribute, To, Reason | ForEach-Object {
        $change = $_.Group[0]
        $dated = @{ $change.Attribute = $change.To; EffectiveDate = $change.EffectiveDate }    # -Status or -Tier
        if ($change.Reason) { $dated.Reason = $change.Reason }
        $_.Group.Partner | Set-Partner @dated
    }
    Import-PartnerRevenue "$samples/revenue.csv"    # after the partners: each row names its partner
    Import-Csv "$samples/exchange-rates.csv" | Set-PartnerExchangeRate
    Import-Csv "$samples/targets.csv" | Set-PartnerTarget
}
Show 'Load the partners'' people, their certifications and the programme''s tier rules (CSV rows piped in)' {
    Import-Csv "$samples/contacts.csv" | Add-PartnerContact
    Import-Csv "$samples/certifications.csv" | Add-PartnerCertification    # Contact is the e-mail of a contact of Partner
    Import-Csv "$samples/tier-rules.csv" | Set-PartnerTierRule
    Get-PartnerTierRule
}
Show 'The exchange rates of 2015' {
    Get-PartnerExchangeRate -Year 2015
}
Show 'The targets of 2015' {
    Get-PartnerTarget -Year 2015
}
Show 'How many partners did each region have at the start of 2015 (700 in Western Europe), and a year before?' {
    Measure-Partner -GroupBy Region -AsOf 2015-01-01
}
Show 'How many of Western Europe''s are active (the count target counts Active ones), and how far from the 1,000 promised for 2015?' {
    Measure-PartnerTarget -Year 2015 -Region 'Western Europe' -AsOf 2015-01-01 | Format-List Metric, Region, Statuses, Target, Actual, Gap, Progress
}
Show 'Half way through 2015, for every target?' {
    Measure-PartnerTarget -Year 2015 -AsOf 2015-07-02
}
Show 'Will Western Europe reach 1,000 partners this year? Where 2015 is heading, as seen on 2 July' {
    Measure-PartnerTarget -Year 2015 -Region 'Western Europe' -AsOf 2015-07-02 |
        Format-List Metric, Region, Statuses, Actual, Expected, Target, Projected, ProjectionMethod, OnTrack
}
Show 'How did Western Europe''s partners move through the funnel in 2015, quarter by quarter?' {
    Measure-PartnerFunnel -From 2015-01-01 -To 2015-12-31 -Region 'Western Europe' -GroupBy Quarter |
        Format-Table Quarter, AtStart, Joined, Ended, AtEnd, Prospects, Onboarding, ProspectToOnboarding, OnboardingToActive, MedianDaysOnboarding
}
Show 'And every region over the year' {
    Measure-PartnerFunnel -From 2015-01-01 -To 2015-12-31 -GroupBy Region
}
Show 'How many new partners sold within 90 days? Those first Active in 2015, and how soon they sold' {
    Measure-PartnerFunnel -From 2015-01-01 -To 2015-12-31 | Format-List NewlyActive, ActivatedWithin90Days, Activated, ActivationRate, MedianDaysToFirstRevenue
}
Show 'Which partners have been Active for 90 days or more without a sale, at the end of 2015?' {
    Get-Partner -NotActivatedWithin 90 -AsOf 2015-12-31 | Measure-Object | Select-Object Count
    Get-Partner -NotActivatedWithin 90 -AsOf 2015-12-31 -Region 'Western Europe' |
        Select-Object -First 5 | Format-Table Name, Country, Tier, @{ n = 'Joined'; e = { $_.JoinedOn.ToString('yyyy-MM-dd') } }
}
Show 'Why did partners leave in 2015, and how much revenue left with them?' {
    $year = Measure-PartnerFunnel -From 2015-01-01 -To 2015-12-31
    $year.EndedByReason
    $year | Format-Table Ended, @{ n = 'ChurnRate'; e = { $_.ChurnRate.ToString('P1') } }, @{ n = 'RevenueLost'; e = { $_.RevenueLost.ToString('N2') }; a = 'Right' }, Currency
}
Show 'Two partners'' dated history: one that came in as a prospect, one suspended, reinstated and promoted twice' {
    Get-PartnerStatusHistory -Partner 'Trøndelag Connect Solutions AS', "O'Brien, Fitzgerald and Partners Ltd"
}
Show 'The same two as they stood on 1 July 2015' {
    'Trøndelag Connect Solutions AS', "O'Brien, Fitzgerald and Partners Ltd" | Get-Partner -AsOf 2015-07-01 |
        Format-Table Name, Status, @{ n = 'StatusSince'; e = { $_.StatusSince.ToString('yyyy-MM-dd') } }, Tier, @{ n = 'TierSince'; e = { $_.TierSince.ToString('yyyy-MM-dd') } }
}
Show 'Which Gold partners no longer qualify for Gold, as on 1 July 2015?' {
    $gold = Test-PartnerTier -Tier Gold -AsOf 2015-07-01
    $gold | Group-Object Recommendation -NoElement | Format-Table Name, Count
    $gold | Where-Object Recommendation -EQ Downgrade | Sort-Object RevenueGap -Descending | Select-Object -First 5
}
Show 'What one of them lacks, and what it measured' {
    Test-PartnerTier -Partner 'Keystone Nett AB' -AsOf 2015-07-01 |
        Format-List Partner, Region, CurrentTier, QualifiedTier, Recommendation, NextTier, Revenue, RevenueGap, RevenueCurrency, Certified, CertifiedMissing, MonthsActive, MonthsMissing
}
Show 'Whose certifications expire this quarter (from 1 July 2015)?' {
    $expiring = Get-PartnerCertification -AsOf 2015-07-01 -ExpiringWithin 91
    "$(@($expiring).Count) certifications of current contacts; the partners with the most:"
    $expiring | Group-Object Partner | Sort-Object Count, Name -Descending | Select-Object -First 5 | Format-Table Count, Name
}
Show 'Which Gold partners of Western Europe need a business review? The lowest scores, and how one was scored' {
    $scores = Measure-PartnerScorecard -Region 'Western Europe' -Tier Gold -AsOf 2015-07-01
    $scores | Select-Object -First 5 | Format-Table
    $scores | Where-Object Score -GT 0 | Select-Object -First 1 -ExpandProperty Components
}
Show 'And at the end of 2015? (The share target is of all revenue; the next answer is of enterprise revenue only.)' {
    Measure-PartnerTarget -Year 2015 -AsOf 2015-12-31
}
Show 'What share of 2015 enterprise revenue comes through partners?' {
    Measure-PartnerRevenue -GroupBy Channel -Year 2015 -Segment Enterprise
}
Show 'How much of it comes from each region (60% from China)?' {
    Measure-PartnerRevenue -GroupBy Region -Year 2015 -Segment Enterprise
}
Show 'The same total in pounds (1 GBP = 1.55 USD in 2015)' {
    Measure-PartnerRevenue -Year 2015 -Segment Enterprise -Currency GBP
}
Show 'How did enterprise revenue grow year on year?' {
    Measure-PartnerRevenue -GroupBy Year -Segment Enterprise
}
Show 'How did each partner type grow on 2014?' {
    Measure-PartnerRevenue -GroupBy Type, Year -Year 2015 -Channel Partner
}
Show 'Which partners brought the most in 2015?' {
    Measure-PartnerRevenue -GroupBy Partner -Year 2015 -Channel Partner -Top 5
}
Show 'Which distributor relationships ended, and why?' {
    Get-Partner -Type Distributor -Status Terminated |
        Format-Table Name, Region, @{ n = 'Joined'; e = { $_.JoinedOn.ToString('yyyy-MM-dd') } }, @{ n = 'Ended'; e = { $_.EndedOn.ToString('yyyy-MM-dd') } }, EndReason
}
Show "That distributor's revenue, year by year" {
    Get-Partner -Name 'Meridian Distribution Europe' | Measure-PartnerRevenue -GroupBy Year -Currency EUR
}
Show 'Partners, found with wildcards and filters' {
    Get-Partner -Name '*Cloud*' -Region China -Tier Gold, Platinum
}
Show 'A Gold partner of Western Europe, before its promotion' {
    Get-Partner -Name 'Keystone Nett AB'
}
Show 'Promote it to Platinum from 30 December 2015, and book a deal for it in the same pipeline' {
    Get-Partner -Name 'Keystone Nett AB' | Set-Partner -Tier Platinum -EffectiveDate 2015-12-30 -PassThru |
        Add-PartnerRevenue -Date 2015-12-30 -Amount 1250000 -Reference 'DEAL-2015-DEMO' -PassThru
}
Show 'The partner after its promotion' {
    Get-Partner -Name 'Keystone Nett AB'
}
Show 'Its revenue records of December' {
    Get-PartnerRevenue -Partner 'Keystone Nett AB' -From 2015-12-01 -To 2015-12-31
}
Show 'Taking the demo deal out again' {
    Get-PartnerRevenue -Partner 'Keystone Nett AB' | Where-Object Reference -EQ 'DEAL-2015-DEMO' | Remove-PartnerRevenue -Confirm:$false
    Get-PartnerRevenue -Partner 'Keystone Nett AB' -From 2015-12-01 | Measure-Object | Select-Object Count
}
Show 'A partner with revenue is not deleted by accident' {
    Remove-Partner -Name 'Keystone Nett AB' -Confirm:$false -ErrorAction Continue 2>&1 | ForEach-Object { "error id: $($_.FullyQualifiedErrorId)" }
}
Show 'Who changed what: the history of that partner (the deal added and removed, the promotion)' {
    Get-PartnerHistory -Partner 'Keystone Nett AB' -First 3
}
Show 'The year-end tier review: upgrades at once, downgrades only after 90 days below the tier''s rule (Keystone''s new tier stays)' {
    $changes = Invoke-PartnerTierReview -AsOf 2015-12-31 -Confirm:$false
    $changes | Group-Object From, To -NoElement | Sort-Object Count -Descending | Format-Table Count, Name
    $changes | Where-Object Partner -Like 'K*' | Select-Object -First 3
}
Show 'Load the deals partners registered from 2012 to 2015: register each, then approve or deny it on the day the deal desk decided, then close it' {
    $deals = Import-Csv "$samples/deals.csv"
    $deals | Register-PartnerDeal -WarningVariable claimed -WarningAction SilentlyContinue    # a warning when another partner holds the customer
    "$(@($claimed).Count) deals were registered for a customer another partner held, such as: $($claimed[0].Message)"
    # The decisions and closes of one day (and reason) in one pipeline, the deals found by their reference
    $byReference = @{}
    Get-PartnerDeal | ForEach-Object { $byReference[$_.Reference] = $_ }
    $deals | Where-Object { $_.DecidedOn -and $_.Outcome -ne 'Denied' } | Group-Object DecidedOn | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Approve-PartnerDeal -Date $_.Name
    }
    $deals | Where-Object Outcome -EQ Denied | Group-Object DecidedOn, Reason | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Deny-PartnerDeal -Date $_.Group[0].DecidedOn -Reason $_.Group[0].Reason
    }
    $deals | Where-Object Outcome -EQ Lost | Group-Object ClosedOn, Reason | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Close-PartnerDeal -Lost -Date $_.Group[0].ClosedOn -Reason $_.Group[0].Reason
    }
    $deals | Where-Object Outcome -EQ Won | ForEach-Object { $byReference[$_.Reference] | Close-PartnerDeal -Won -Amount $_.WonAmount -Date $_.ClosedOn }
    Measure-PartnerDeal -GroupBy Status -AsOf 2015-12-31 | Format-Table Status, Registered, @{ n = 'Amount'; e = { $_.RegisteredAmount.ToString('N2') }; a = 'Right' }, Currency
}
Show 'Where did the deals stand at the end of 2015, region by region?' {
    Measure-PartnerDeal -GroupBy Region -AsOf 2015-12-31
}
Show 'Which deals expire in the next 30 days, as on 1 November 2015?' {
    Get-PartnerDeal -AsOf 2015-11-01 -ExpiringWithin 30
}
Show 'Which partners claim the same customers, as on 1 November 2015?' {
    Get-PartnerDeal -AsOf 2015-11-01 -Conflicting | Sort-Object Customer, RegisteredOn
}
Show 'How much partner revenue was partner-sourced (won deals) rather than fulfilled?' {
    Measure-PartnerRevenue -Channel Partner -GroupBy Attribution, Year -Year 2014, 2015
}
Show 'The report a head of channel reads, as of 2 July 2015: one HTML file with every chart, opened in any browser' {
    $report = Export-PartnerReport -Path (Join-Path $folder 'partner-report.html') -AsOf 2015-07-02
    '{0} ({1:N0} KB)' -f $report.FullName, ($report.Length / 1KB)
}
Show 'Check the database and back it up while it is in use' {
    Test-PartnerDatabase -Detailed
    Backup-PartnerDatabase -DestinationPath (Join-Path $folder 'backup.db') | Select-Object Path, PartnerCount, RevenueCount
}

Remove-Module PartnerOps
Remove-Item $folder -Recurse -Force
