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
        $whatIf[1] | Should -BeLike '*After (Id 3): Gold -> Silver (TierReview, downgrade: below the Gold rule since 2026-08-01)*'
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
        $failed[0].Exception.Message | Should -BeLike "EffectiveDate '2026-08-15' is not valid: the partner's Tier has been Silver since 2026-09-01*"
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
