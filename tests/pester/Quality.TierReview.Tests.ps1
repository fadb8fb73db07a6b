<#
Issue 18: Invoke-PartnerTierReview, worked out by hand, on both backends. Reporting currency USD. Reviewed on 2026-10-29
with the default grace period of 90 days: 2026-08-01 to 2026-10-29; on a day D the 12-month window is D-12 months < date <= D.
  Rules:    Silver (all) 10,000.00 USD; Gold (all) 50,000.00 USD.
  Partners (Reseller, North America, Active since 2024-01-01 unless said; revenue in USD):
    Up       Silver: 60,000 on 2026-05-01                        -> Gold at once (upgrade)
    Inside   Gold: 55,000 on 2025-08-02, 20,000 on 2026-03-01    -> Silver on 2026-10-29, but on 2026-08-01 its window
                                                                    (after 2025-08-01) still held 75,000: kept
    After    Gold: 55,000 on 2025-08-01, 20,000 on 2026-03-01    -> 2025-08-01 left the window on 2026-08-01: below Gold every
                                                                    day of the grace period: Gold -> Silver
    Recent   Silver, Gold from 2026-09-01: 20,000 on 2026-03-01  -> Silver, but its Gold was given in the grace period: kept
    Held     Silver, Gold from 2026-07-31: 20,000 on 2026-03-01  -> Gold for exactly 90 days, below it all along: Gold -> Silver
    Keep     Silver: 15,000 on 2026-06-01                        -> Keep
    Zero     Gold: no revenue                                    -> Gold -> Registered (a downgrade skips tiers)
    Newbie   Prospect (not in the programme)
    Moved    Gold, Silver from 2026-09-01: no revenue            -> Registered, but its Silver dates from the grace period: kept
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'Quality.Review.Helpers.ps1')

    function New-ReviewDatabase {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @(
            'Up:Silver', 'Inside:Gold', 'After:Gold', 'Recent:Silver', 'Held:Silver', 'Keep:Silver', 'Zero:Gold', 'Newbie:Registered', 'Moved:Gold' | ForEach-Object {
                $name, $tier = $_ -split ':'
                @{ Name = $name; Tier = $tier; Type = 'Reseller'; Region = 'North America'; JoinedOn = '2024-01-01'; Status = $(if ($name -eq 'Newbie') { 'Prospect' } else { 'Active' }) }
            })
        Set-Partner -Database $db -Name Recent -Tier Gold -EffectiveDate 2026-09-01
        Set-Partner -Database $db -Name Held -Tier Gold -EffectiveDate 2026-07-31
        Set-Partner -Database $db -Name Moved -Tier Silver -EffectiveDate 2026-09-01
        Add-ReviewTierRule $db Silver 10000
        Add-ReviewTierRule $db Gold 50000
        @(
            @('Up', '2026-05-01', 60000), @('Inside', '2025-08-02', 55000), @('Inside', '2026-03-01', 20000),
            @('After', '2025-08-01', 55000), @('After', '2026-03-01', 20000), @('Recent', '2026-03-01', 20000),
            @('Held', '2026-03-01', 20000), @('Keep', '2026-06-01', 15000)
        ) | ForEach-Object { Add-PartnerRevenue -Database $db -Partner $_[0] -Date $_[1] -Amount $_[2] }
        $db
    }

    function Show-Change($c) { '{0} {1} {2}>{3} {4:yyyy-MM-dd} {5}' -f $c.Partner, $c.Attribute, $c.From, $c.To, $c.EffectiveDate, $c.Reason }
    function Show-Tiers([string] $Database) { (Get-Partner -Database $Database | Sort-Object Id | ForEach-Object { "$($_.Name)=$($_.Tier)" }) -join ' ' }

    $script:before = 'Up=Silver Inside=Gold After=Gold Recent=Gold Held=Gold Keep=Silver Zero=Gold Newbie=Registered Moved=Silver'
}

AfterAll {
    Remove-TestFolders
}

Describe 'Invoke-PartnerTierReview' {
    It 'upgrades at once, downgrades after the grace period, and returns the StatusChange rows it made' {
        $db = New-ReviewDatabase
        $changes = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false)
        $changes | ForEach-Object { $_.psobject.TypeNames[0] | Should -Be 'PartnerOps.StatusChange' }
        @($changes | ForEach-Object { Show-Change $_ }) | Should -Be @(
            'Up Tier Silver>Gold 2026-10-29 TierReview'
            'After Tier Gold>Silver 2026-10-29 TierReview'
            'Held Tier Gold>Silver 2026-10-29 TierReview'
            'Zero Tier Gold>Registered 2026-10-29 TierReview')
        Show-Tiers $db | Should -Be 'Up=Gold Inside=Gold After=Silver Recent=Gold Held=Silver Keep=Silver Zero=Registered Newbie=Registered Moved=Silver'
    }

    It 'records each change in Get-PartnerStatusHistory with the reason TierReview, as returned' {
        $db = New-ReviewDatabase
        $returned = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false)
        $stored = @(Get-PartnerStatusHistory -Database $db -Attribute Tier | Where-Object Reason -eq 'TierReview')
        @($stored | Sort-Object Id | ForEach-Object { "$($_.Id) $(Show-Change $_) $($_.User)" }) |
            Should -Be @($returned | Sort-Object Id | ForEach-Object { "$($_.Id) $(Show-Change $_) $($_.User)" })
        $stored.Count | Should -Be 4
        (Get-Partner -Database $db -Name After).TierSince | Should -Be ([datetime]'2026-10-29')
    }

    It 'downgrades the partner kept by one day of the grace period when the period is a day shorter' {
        $db = New-ReviewDatabase
        $changes = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -GraceDays 89 -Confirm:$false | ForEach-Object Partner)
        $changes | Should -Be @('Up', 'Inside', 'After', 'Held', 'Zero')
    }

    It 'applies downgrades at once with -GraceDays 0, a tier given recently included' {
        $db = New-ReviewDatabase
        @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -GraceDays 0 -Confirm:$false | ForEach-Object { "$($_.Partner)>$($_.To)" }) |
            Should -Be @('Up>Gold', 'Inside>Silver', 'After>Silver', 'Recent>Silver', 'Held>Silver', 'Zero>Registered', 'Moved>Registered')
    }

    It 'names the partners the grace period kept in -Verbose' {
        $db = New-ReviewDatabase
        $verbose = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Contain "Partner 'Inside' (Id 2) keeps Gold: it qualified for Gold on 2026-08-01, within the 90-day grace period (2026-08-01 to 2026-10-29; it would go to Silver)."
        $verbose | Should -Contain "Partner 'Recent' (Id 4) keeps Gold: it has been Gold since 2026-09-01, less than the 90-day grace period (it would go to Silver)."
        $verbose | Should -Contain "Partner 'Moved' (Id 9) keeps Silver: it has been Silver since 2026-09-01, less than the 90-day grace period (it would go to Registered)."
    }

    It '-WhatIf changes nothing and says what each change would be' {
        $db = New-ReviewDatabase
        $history = @(Get-PartnerStatusHistory -Database $db).Count
        $transcript = Join-Path (Get-TestFolder $db) 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $out = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -WhatIf)
        }
        finally {
            $null = Stop-Transcript
        }
        $out.Count | Should -Be 0
        $whatIf = @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' })
        $whatIf.Count | Should -Be 4
        $whatIf[1] | Should -BeLike '*After (Id 3): Gold -> Silver (TierReview, downgrade: met the Gold rule on no day from 2026-08-01 to 2026-10-29 (90-day grace period))*'
        $whatIf[0] | Should -BeLike '*Up (Id 1): Silver -> Gold (TierReview, upgrade: meets the Gold rule on 2026-10-29)*'
        Show-Tiers $db | Should -Be $script:before
        @(Get-PartnerStatusHistory -Database $db).Count | Should -Be $history
    }

    It 'reviews only the partners named or piped, and refuses one not in the programme per item' {
        $db = New-ReviewDatabase
        $r = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Partner After, Newbie, Keep -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($r | ForEach-Object Partner) | Should -Be @('After')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failed[0].Exception.Message | Should -BeLike "Partner 'Newbie' is not in the programme on 2026-10-29*Prospect*"
        @(Get-Partner -Database $db -Name Zero | Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false | ForEach-Object To) | Should -Be @('Registered')
    }

    It 'refuses a change dated before the tier it replaces for that partner only, and makes the others' {
        $db = New-ReviewDatabase
        # On 2026-08-15 Moved was Gold with no revenue: Registered, dated before its Silver of 2026-09-01, which LifecycleRules refuse.
        # Recent was Silver that day and qualified for it.
        $r = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-08-15 -GraceDays 0 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($r | ForEach-Object { "$($_.Partner)>$($_.To)" }) | Should -Be @('Up>Gold', 'Inside>Silver', 'After>Silver', 'Held>Silver', 'Zero>Registered')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failed[0].Exception.Message | Should -Be ("AsOf '2026-08-15' is not valid for partner 'Moved' (Id 9): its Tier has been Silver since 2026-09-01, " +
            'and changes are recorded in date order: a tier review of it must be dated on or after 2026-09-01.')
        $failed[0].TargetObject | Should -Be 'Moved'
        (Get-Partner -Database $db -Name Moved).Tier | Should -Be 'Silver'
    }

    It 'counts a certification on the days it is valid, its contact current and its name matching the rule' {
        # Silver (all): 1 certified 'Networking*'. Certs' certification expires on 2026-08-15: valid on 2026-08-01 to 2026-08-14;
        # Left's certified contact left on 2026-08-01; Other's certification is 'Security Specialist'.
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @('Certs', 'Left', 'Other' | ForEach-Object { @{ Name = $_; Tier = 'Silver'; JoinedOn = '2024-01-01'; Status = 'Active' } })
        Add-ReviewTierRule $db Silver -MinCertified 1 -Certification 'Networking*'
        Add-ReviewCertified $db Certs 'c@certs.example' 'Networking Associate' '2025-01-01' '2026-08-15'
        Add-ReviewCertified $db Left 'l@left.example' 'Networking Associate' '2025-01-01' -Ended '2026-08-01'
        Add-ReviewCertified $db Other 'o@other.example' 'Security Specialist' '2025-01-01'
        @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -WhatIf:$false -Confirm:$false | ForEach-Object { "$($_.Partner)>$($_.To)" }) |
            Should -Be @('Left>Registered', 'Other>Registered')
        @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -GraceDays 75 -Confirm:$false | ForEach-Object { "$($_.Partner)>$($_.To)" }) |
            Should -Be @('Certs>Registered')
    }

    It 'refuses a grace period outside 0 to 3650 days and changes nothing' -ForEach @(@{ Days = -1 }, @{ Days = 3651 }) {
        $db = New-ReviewDatabase
        { Invoke-PartnerTierReview -Database $db -GraceDays $Days -Confirm:$false } | Should -Throw -ErrorId 'InvalidPartnerValue*' -ExpectedMessage "GraceDays '$Days' is not valid: the grace period is 0 to 3650 days*"
        Show-Tiers $db | Should -Be $script:before
    }
}

Describe 'Invoke-PartnerTierReview: the day of the review' {
    It 'refuses an -AsOf after today once, up front, and assesses nothing' {
        $db = New-ReviewDatabase
        $tomorrow = (Get-Date).Date.AddDays(1).ToString('yyyy-MM-dd')
        $today = (Get-Date).Date.ToString('yyyy-MM-dd')
        $failed = @()
        $r = @(try { Invoke-PartnerTierReview -Database $db -AsOf $tomorrow -Confirm:$false } catch { $failed += $_ })
        $r.Count | Should -Be 0
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject | Should -Be $tomorrow
        $failed[0].Exception.Message | Should -Be ("AsOf '$tomorrow' is not valid: a tier review cannot be dated after today ($today): its changes take effect on AsOf, " +
            'and once recorded no change could be dated before it. Nothing was assessed.')
        Show-Tiers $db | Should -Be $script:before
        # Today itself is a valid day for a review (-WhatIf: nothing written).
        { Invoke-PartnerTierReview -Database $db -AsOf $today -WhatIf -ErrorAction Stop } | Should -Not -Throw
    }

    It 'refuses, per partner and the same under -WhatIf, a change before a Tier change already recorded, naming the partner' {
        # Reviewed on 2026-10-29 (Up -> Gold, After and Held -> Silver, Zero -> Registered). On 2026-10-01 Up qualified for Gold
        # and Zero for Registered, but both changed tier on 2026-10-29: neither can be re-dated on 2026-10-01. After, Held, Inside,
        # Recent and Moved were kept on 2026-10-01 by the grace period (2026-07-04 to 2026-10-01): no change, no error.
        $db = New-ReviewDatabase
        $null = Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false
        $reviewed = Show-Tiers $db
        $history = @(Get-PartnerStatusHistory -Database $db).Count
        $expected = @(
            "AsOf '2026-10-01' is not valid for partner 'Up' (Id 1): its Tier has been Gold since 2026-10-29, and changes are recorded in date order: a tier review of it must be dated on or after 2026-10-29."
            "AsOf '2026-10-01' is not valid for partner 'Zero' (Id 7): its Tier has been Registered since 2026-10-29, and changes are recorded in date order: a tier review of it must be dated on or after 2026-10-29.")
        $transcript = Join-Path (Get-TestFolder $db) 'whatif-before.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $out = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-01 -WhatIf -ErrorVariable whatIfFailed -ErrorAction SilentlyContinue)
        }
        finally {
            $null = Stop-Transcript
        }
        $out.Count | Should -Be 0
        @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' }).Count | Should -Be 0
        @($whatIfFailed | ForEach-Object { $_.Exception.Message }) | Should -Be $expected

        $all = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-01 -Confirm:$false -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue 4>&1)
        @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 0
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*no change*' }).Count | Should -Be 0
        @($failed | ForEach-Object { $_.Exception.Message }) | Should -Be $expected
        @($failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' }) | Should -Be @('InvalidPartnerValue', 'InvalidPartnerValue')
        @($failed | ForEach-Object TargetObject) | Should -Be @('Up', 'Zero')
        Show-Tiers $db | Should -Be $reviewed
        @(Get-PartnerStatusHistory -Database $db).Count | Should -Be $history
        # On the day of the last Tier change the review is allowed again: nothing left to change.
        @(Invoke-PartnerTierReview -Database $db -AsOf 2026-10-29 -Confirm:$false -ErrorAction Stop).Count | Should -Be 0
    }

    It 'a partner given <Tier> on <Given> is <Verdict> on 2026-06-30 with -GraceDays <Grace>' -ForEach @(
        @{ Tier = 'Gold'; Given = '2026-05-15'; Grace = 47; Verdict = 'downgraded' }   # the grace period is 2026-05-15 to 2026-06-30
        @{ Tier = 'Gold'; Given = '2026-05-15'; Grace = 46; Verdict = 'downgraded' }
        @{ Tier = 'Gold'; Given = '2026-05-15'; Grace = 48; Verdict = 'kept' }         # 2026-05-14 to 2026-06-30: not Gold on its first day
        @{ Tier = 'Gold'; Given = '2026-06-30'; Grace = 1; Verdict = 'downgraded' }    # 2026-06-30 only
        @{ Tier = 'Gold'; Given = '2026-06-30'; Grace = 2; Verdict = 'kept' }
        @{ Tier = 'Gold'; Given = '2026-06-30'; Grace = 0; Verdict = 'downgraded' }    # no grace period
        @{ Tier = 'Gold'; Given = '2026-06-29'; Grace = 1; Verdict = 'downgraded' }
    ) {
        # No revenue: P qualifies for Registered every day; Silver 10,000.00 and Gold 50,000.00 USD.
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'P'; Tier = 'Silver'; Type = 'Reseller'; Region = 'North America'; JoinedOn = '2024-01-01'; Status = 'Active' }
        Set-Partner -Database $db -Name P -Tier $Tier -EffectiveDate $Given
        Add-ReviewTierRule $db Silver 10000
        Add-ReviewTierRule $db Gold 50000
        $all = @(Invoke-PartnerTierReview -Database $db -AsOf 2026-06-30 -GraceDays $Grace -Confirm:$false -Verbose 4>&1)
        $changes = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$($_.Partner) $($_.From)>$($_.To) $('{0:yyyy-MM-dd}' -f $_.EffectiveDate)" })
        if ($Verdict -eq 'downgraded') {
            $changes | Should -Be @('P Gold>Registered 2026-06-30')
        }
        else {
            $changes.Count | Should -Be 0
            @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) |
                Should -Contain "Partner 'P' (Id 1) keeps Gold: it has been Gold since $Given, less than the $Grace-day grace period (it would go to Registered)."
            (Get-Partner -Database $db -Name P).Tier | Should -Be 'Gold'
        }
    }

    It 'says on which days of the grace period the partner failed its tier''s rule' {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @{ Name = 'P'; Tier = 'Gold'; Type = 'Reseller'; Region = 'North America'; JoinedOn = '2024-01-01'; Status = 'Active' }
        Add-ReviewTierRule $db Gold 50000
        $transcript = Join-Path (Get-TestFolder $db) 'whatif-reason.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $null = Invoke-PartnerTierReview -Database $db -AsOf 2026-06-30 -WhatIf
        }
        finally {
            $null = Stop-Transcript
        }
        @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' }) |
            Should -BeLike '*P (Id 1): Gold -> Registered (TierReview, downgrade: met the Gold rule on no day from 2026-04-02 to 2026-06-30 (90-day grace period))*'
    }
}
