<#
Issue 18's views (contacts, certifications, tier rules, tier assessments, scorecards and their components) at 80, 120 and
200 columns: the key columns there and whole, long names and emails wrapped (never cut), money with thousands separators,
the currency's decimals and its code, nothing past the width. Worked out by hand; database currency USD, read on 2026-06-30.
  Rates EUR->USD 1.25 in 2025 and 2026. Every amount is booked in EUR.
  Rules:    Silver (China, Distributor): 1 certified. Gold (all): 500,000.00 EUR in 12 months, 1 certified in the long
            certification. Platinum (all): 5,000,000.00 EUR in 12 months, 2 certified.
  Zhonghua Pacific Systems Integration Co Ltd (Silver, Distributor, China): 3,364,881.85 EUR on 2026-03-31 (4,206,102.3125
            USD: 4,206,102.31), 2,400,000 EUR on 2025-03-31 (3,000,000.00 USD); one contact certified.
            Tier: Gold met, Upgrade; Platinum lacks 5,000,000 - 3,364,881.85 = 1,635,118.15 EUR and 1 certified.
            Score: Revenue 1 (both others below) x 40 = 40; Growth 1,206,102.31 / 3,000,000 = 0.402034 (+40.2 %),
            (0.5 + 0.201017) x 20 = 14.02; Certified 1 of 1 required: 20; Activation 91 days, (365 - 91) / 275 x 20 = 19.93:
            93.9.
  Kestrel Systems (Gold, Reseller): 800,000 EUR on 2026-05-01 (1,000,000.00 USD), 1,000,000 EUR on 2025-05-01 (1,250,000.00
            USD); no contact. Tier: Gold's certification lacking: Registered, Downgrade; of its own Gold it lacks no revenue
            (0.00 EUR) and 1 certified.
            Score: Revenue 0.5 x 40 = 20; Growth -0.2 (-20.0 %), 0.4 x 20 = 8; Certified 0 of 1 required: 0; Activation 60 days:
            20: 48.0.
  Idle Networks (Registered, Reseller): nothing booked. Tier: Keep; Gold lacks 500,000.00 EUR. Score 0.0: no growth and no
            activation (empty cells), Certified 0 of 0 required (no Registered rule) rates 0 of at least 1.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Q = New-TestDatabase
    $q = $script:Q
    $script:Long = 'Zhonghua Pacific Systems Integration Co Ltd'
    $script:Person = 'Maximilian Alexander von Whitfield'
    $script:Email = 'maximilian.alexander.zhou-whitfield@zhonghua-pacific-systems.example'
    $script:Course = 'Microsoft Certified Azure Solutions Architect Expert'
    Set-PartnerExchangeRate -Database $q -From EUR -To USD -Year 2025 -Rate 1.25
    Set-PartnerExchangeRate -Database $q -From EUR -To USD -Year 2026 -Rate 1.25
    Add-Partner -Database $q -Name $script:Long -Type Distributor -Tier Silver -Status Active -Region China -Country CN -JoinedOn 2020-01-01
    Add-Partner -Database $q -Name 'Kestrel Systems' -Type Reseller -Tier Gold -Status Active -Region 'Western Europe' -Country DE -JoinedOn 2020-01-01
    Add-Partner -Database $q -Name 'Idle Networks' -Type Reseller -Status Active -Region 'Western Europe' -Country FR -JoinedOn 2020-01-01
    Add-PartnerContact -Database $q -Partner $script:Long -Name $script:Person -Email $script:Email -Role 'Channel Partner Manager' -Phone '+86 21 5555 0100'
    Add-PartnerCertification -Database $q -Contact $script:Email -Name $script:Course -EarnedOn 2025-01-01 -ExpiresOn 2027-01-01
    Set-PartnerTierRule -Database $q -Tier Silver -Region China -Type Distributor -MinCertified 1
    Set-PartnerTierRule -Database $q -Tier Gold -MinRevenue 500000 -Currency EUR -RevenueMonths 12 -MinCertified 1 -Certification $script:Course
    Set-PartnerTierRule -Database $q -Tier Platinum -MinRevenue 5000000 -Currency EUR -RevenueMonths 12 -MinCertified 2
    Add-PartnerRevenue -Database $q -Partner $script:Long -Date 2026-03-31 -Amount 3364881.85 -Currency EUR
    Add-PartnerRevenue -Database $q -Partner $script:Long -Date 2025-03-31 -Amount 2400000 -Currency EUR
    Add-PartnerRevenue -Database $q -Partner 'Kestrel Systems' -Date 2026-05-01 -Amount 800000 -Currency EUR
    Add-PartnerRevenue -Database $q -Partner 'Kestrel Systems' -Date 2025-05-01 -Amount 1000000 -Currency EUR

    $script:Ellipsis = [string][char]0x2026

    # The text at a terminal of $Columns columns (Out-String prints one fewer), checked to cut nothing and run past nothing.
    function Show-AtWidth($Items, [int] $Columns) {
        $text = $Items | Out-String -Width ($Columns - 1)
        $text | Should -Not -Match $script:Ellipsis
        @(($text -split '\r?\n') | Where-Object { $_.Length -gt $Columns - 1 }) | Should -BeNullOrEmpty
        $text
    }

    function Get-HeaderLine([string] $Text) {
        $lines = @($Text -split '\r?\n')
        $lines[[array]::FindIndex([string[]] $lines, [Predicate[string]] { param($l) $l -match '^\s*-+( +-+)*\s*$' }) - 1]
    }
}

AfterAll { Remove-TestFolders }

Describe 'Issue 18 views at 80, 120 and 200 columns' {
    It 'Get-PartnerContact at <_> columns: Partner, Name, Email and Role whole; the rest from wider terminals' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Get-PartnerContact -Database $script:Q) $_
        Get-HeaderLine $text | Should -Match '^Partner\s+Name\s+Email\s+Role\b'
        Get-ColumnText -Text $text -Label Partner -Width 17 | Should -Be $script:Long
        Get-ColumnText -Text $text -Label Name -Width 17 | Should -Be $script:Person
        # An email breaks after '-' or at the width: its lines joined give it back.
        Get-ColumnText -Text $text -Label Email -Width 28 -Glue '' | Should -Be $script:Email
        Get-ColumnText -Text $text -Label Role -Width 14 | Should -Be 'Channel Partner Manager'
        if ($_ -ge 120) {
            Get-HeaderLine $text | Should -Match 'Role\s+Current\s+StartedOn\s+EndedOn\s+Phone$'
            Get-ColumnText -Text $text -Label Current -Width 7 | Should -Be 'True'
        }
        else { Get-HeaderLine $text | Should -Match 'Role$' }
    }

    It 'Get-PartnerCertification at <_> columns: Partner, Contact, Name, ExpiresOn, Valid whole' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Get-PartnerCertification -Database $script:Q -AsOf 2026-06-30) $_
        Get-HeaderLine $text | Should -Match '^Partner\s+Contact\s+Name\s+ExpiresOn\s+Valid\b'
        Get-ColumnText -Text $text -Label Partner -Width 18 | Should -Be $script:Long
        Get-ColumnText -Text $text -Label Contact -Width 22 -Glue '' | Should -Be $script:Email
        Get-ColumnText -Text $text -Label Name -Width 20 | Should -Be $script:Course
        Get-ColumnText -Text $text -Label ExpiresOn -Width 10 | Should -Be '2027-01-01'
        Get-ColumnText -Text $text -Label Valid -Width 5 | Should -Be 'True'
        if ($_ -ge 120) {
            Get-ColumnText -Text $text -Label EarnedOn -Width 10 | Should -Be '2025-01-01'
            Get-ColumnText -Text $text -Label ContactName -Width 20 | Should -Be $script:Person
        }
    }

    It 'Get-PartnerTierRule at <_> columns: MinRevenue as money with its currency, the certification whole' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Get-PartnerTierRule -Database $script:Q) $_
        Get-HeaderLine $text | Should -Match '^Tier\s+Region\s+Type\s+MinRevenue\s+RevenueMonths\s+MinCertified\b'
        Get-HeaderLine $text | Should -Not -Match 'Currency'
        $money = Get-ColumnText -Text $text -Label MinRevenue -Width 17 -Right -Glue '|'
        $money | Should -BeLike '*500,000.00 EUR*'
        $money | Should -BeLike '*5,000,000.00 EUR*'
        Get-ColumnText -Text $text -Label Region -Width 11 | Should -BeLike '*China*(all regions)*'
        Get-ColumnText -Text $text -Label Type -Width 11 | Should -BeLike '*Distributor*(all types)*'
        if ($_ -ge 120) {
            Get-HeaderLine $text | Should -Match 'MinCertified\s+Certification\s+MinMonthsActive$'
            Get-ColumnText -Text $text -Label Certification -Width 22 | Should -Be $script:Course
        }
        else { Get-HeaderLine $text | Should -Match 'MinCertified$' }
    }

    It 'Test-PartnerTier at <_> columns: the day, the tiers and the recommendation; RevenueGap as money in one column' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Test-PartnerTier -Database $script:Q -AsOf 2026-06-30) $_
        $text | Should -Match 'As of: 2026-06-30'
        Get-HeaderLine $text | Should -Match '^Partner\s+CurrentTier\s+QualifiedTier\s+Recommendation\s+NextTier\b'
        Get-ColumnText -Text $text -Label Partner -Width 29 | Should -Be "Idle Networks Kestrel Systems $script:Long"
        Get-ColumnText -Text $text -Label Recommendation -Width 14 | Should -Be 'Keep Downgrade Upgrade'
        Get-ColumnText -Text $text -Label NextTier -Width 8 | Should -Be 'Gold Gold Platinum'
        if ($_ -ge 120) {
            Get-HeaderLine $text | Should -Match 'NextTier\s+RevenueGap\s+CertifiedMissing\b'
            Get-HeaderLine $text | Should -Not -Match 'Currency'
            # Gold: 500,000.00 - 0 and met (800,000.00); Platinum: 5,000,000.00 - 3,364,881.85
            Get-ColumnText -Text $text -Label RevenueGap -Width 22 -Right | Should -Be '500,000.00 EUR 0.00 EUR 1,635,118.15 EUR'
            Get-ColumnText -Text $text -Label CertifiedMissing -Width 16 -Right | Should -Be '1 1 1'
        }
        else { Get-HeaderLine $text | Should -Match 'NextTier$' }
        if ($_ -ge 200) {
            Get-HeaderLine $text | Should -Match 'CertifiedMissing\s+MonthsMissing\s+Revenue\s+Certified\s+MonthsActive\s+Region\s+Type$'
            Get-ColumnText -Text $text -Label Revenue -Width 19 -Right | Should -Be '0.00 EUR 800,000.00 EUR 3,364,881.85 EUR'
        }
    }

    It 'Measure-PartnerScorecard at <_> columns: the day, whole names, the score and points' -ForEach 80, 120, 200 {
        $text = Show-AtWidth (Measure-PartnerScorecard -Database $script:Q -AsOf 2026-06-30) $_
        $text | Should -Match 'As of: 2026-06-30'
        Get-HeaderLine $text | Should -Match '^Partner\s+Tier\s+Score\s+Revenue\s+Growth\s+Certified\s+Activation\b'
        Get-ColumnText -Text $text -Label Partner -Width 23 | Should -Be "Idle Networks Kestrel Systems $script:Long"
        Get-ColumnText -Text $text -Label Score -Width 6 -Right | Should -Be '0.0 48.0 93.9'
        Get-ColumnText -Text $text -Label Growth -Width 7 -Right | Should -Be '0.0 8.0 14.0'
    }

    It 'a score''s components at <_> columns: each Value by its unit' -ForEach 80, 120, 200 {
        $scores = @(Measure-PartnerScorecard -Database $script:Q -AsOf 2026-06-30)
        $values = foreach ($partner in $script:Long, 'Kestrel Systems', 'Idle Networks') {
            $text = Show-AtWidth ($scores | Where-Object Partner -eq $partner).Components $_
            Get-HeaderLine $text | Should -Match '^Name\s+Value\s+Rating\s+Weight\s+Points$'
            Get-ColumnText -Text $text -Label Value -Width 22 -Right -Glue '|'
        }
        $values[0] | Should -Be '4,206,102.31 USD|+40.2 %|1 of 1 required|91 days'
        $values[1] | Should -Be '1,000,000.00 USD|-20.0 %|0 of 1 required|60 days'
        # No revenue before (no growth) and none ever (no activation): empty cells.
        $values[2] | Should -Be '0.00 USD|0 of 0 required'
    }

    It 'Get-PartnerHistory at <_> columns: the new entities'' names whole in Entity' -ForEach 80, 120, 200 {
        foreach ($entity in 'Contact', 'Certification', 'TierRule') {
            $text = Show-AtWidth @(Get-PartnerHistory -Database $script:Q -Entity $entity -First 1) $_
            Get-ColumnText -Text $text -Label Entity -Width 13 | Should -Be $entity
        }
    }
}
