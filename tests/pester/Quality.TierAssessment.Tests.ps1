<#
Issue 18: Test-PartnerTier, worked out by hand, on both backends. Reporting currency USD; assessed on 2026-06-30 (the
12-month window: 2025-06-30 < date <= 2026-06-30). Rates USD->EUR 2025 0.9, 2026 0.8.
  Rules:    Silver   (all)              10,000.00 USD, 1 certified (any)
            Gold     (all)              50,000.00 USD, 2 certified 'Networking*', 12 months active
            Gold     (Western Europe)   40,000.00 EUR, 1 certified 'Networking*'            (replaces the global Gold there)
            Platinum (Distributor)     100,000.00 USD, 24 months active                      (none for other types)
  Partners (Active since JoinedOn unless said; contacts started 2020-01-01):
    Exact     Reseller, North America, Registered, 2024-01-01: 10,000.00 USD on 2025-07-01 and 500.00 on 2025-06-30 (out);
              one contact with 'Security Specialist'                    -> Silver exactly on it, Upgrade; Gold lacks 40,000.00, 2
    Cent      Reseller, North America, Silver: 9,999.99 USD on 2026-06-30; one certified -> Registered, Downgrade; Silver lacks 0.01
    Expired   Reseller, North America, Silver: 20,000 USD; its one certification expires on 2026-06-30 -> 0 certified, Downgrade
    Departed  Reseller, North America, Silver: 20,000 USD; its certified contact ended on 2026-06-30, another's certification
              is earned on 2026-07-01                                   -> 0 certified, Downgrade
    Euro      SystemIntegrator, Western Europe, Silver, 2020-01-01: 30,000 USD on 2025-12-15 (x0.9 = 27,000 EUR) and 25,000 USD
              on 2026-03-01 (x0.8 = 20,000 EUR) = 47,000.00 EUR; one 'Networking Professional' -> Gold by the regional rule
    Dist      Distributor, Asia Pacific, Gold, Onboarding 2024-01-15, Active 2024-06-30: 120,000 USD on 2026-01-10; two
              contacts with 'Networking Associate'                      -> 24 months: Platinum, Upgrade; on 2026-06-29 23: Keep
    Newbie    Prospect (not in the programme); Gone: Terminated 2025-01-01
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')


    # A tier rule, a contact of a partner (by name) and a certification of a contact (by email), through their cmdlets.
    function Set-TestTierRule([string] $Database, [string] $Tier, [string] $Region, [string] $Type, $MinRevenue, [string] $Currency, $MinCertified, [string] $Certification, $MinMonthsActive) {
        $given = @{ Database = $Database; Tier = $Tier }
        if ($Region) { $given.Region = $Region }
        if ($Type) { $given.Type = $Type }
        if ($null -ne $MinRevenue) { $given.MinRevenue = $MinRevenue; $given.Currency = $Currency; $given.RevenueMonths = 12 }
        if ($null -ne $MinCertified) { $given.MinCertified = $MinCertified }
        if ($Certification) { $given.Certification = $Certification }
        if ($null -ne $MinMonthsActive) { $given.MinMonthsActive = $MinMonthsActive }
        Set-PartnerTierRule @given -ErrorAction Stop
    }

    function Add-TestContact([string] $Database, [string] $Partner, [string] $Email, [string] $Started = '2020-01-01', [string] $Ended) {
        Add-PartnerContact -Database $Database -Partner $Partner -Name 'Person' -Email $Email -StartedOn $Started -ErrorAction Stop
        if ($Ended) { Set-PartnerContact -Database $Database -Partner $Partner -Email $Email -EndedOn $Ended -Confirm:$false -ErrorAction Stop }
    }

    function Add-TestCertification([string] $Database, [string] $Email, [string] $Name, [string] $Earned, [string] $Expires) {
        $given = @{ Database = $Database; Contact = $Email; Name = $Name; EarnedOn = $Earned }
        if ($Expires) { $given.ExpiresOn = $Expires }
        Add-PartnerCertification @given -ErrorAction Stop
    }

    $script:Db = New-TestDatabase
    $db = $script:Db
    Set-PartnerExchangeRate -Database $db -From USD -To EUR -Year 2025 -Rate 0.9
    Set-PartnerExchangeRate -Database $db -From USD -To EUR -Year 2026 -Rate 0.8
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Exact'; Type = 'Reseller'; Region = 'North America'; Tier = 'Registered'; Status = 'Active'; JoinedOn = '2024-01-01' }
        @{ Name = 'Cent'; Type = 'Reseller'; Region = 'North America'; Tier = 'Silver'; Status = 'Active'; JoinedOn = '2024-01-01' }
        @{ Name = 'Expired'; Type = 'Reseller'; Region = 'North America'; Tier = 'Silver'; Status = 'Active'; JoinedOn = '2024-01-01' }
        @{ Name = 'Departed'; Type = 'Reseller'; Region = 'North America'; Tier = 'Silver'; Status = 'Active'; JoinedOn = '2024-01-01' }
        @{ Name = 'Euro'; Type = 'SystemIntegrator'; Region = 'Western Europe'; Tier = 'Silver'; Status = 'Active'; JoinedOn = '2020-01-01' }
        @{ Name = 'Dist'; Type = 'Distributor'; Region = 'Asia Pacific'; Tier = 'Gold'; Status = 'Onboarding'; JoinedOn = '2024-01-15' }
        @{ Name = 'Newbie'; Type = 'Reseller'; Region = 'North America'; Status = 'Prospect'; JoinedOn = '2026-01-01' }
        @{ Name = 'Gone'; Type = 'Reseller'; Region = 'North America'; Tier = 'Silver'; Status = 'Terminated'; JoinedOn = '2020-01-01'; EndedOn = '2025-01-01' }
    )
    Set-Partner -Database $db -Name Dist -Status Active -EffectiveDate 2024-06-30

    Add-PartnerRevenue -Database $db -Partner Exact -Date 2025-07-01 -Amount 10000.00
    Add-PartnerRevenue -Database $db -Partner Exact -Date 2025-06-30 -Amount 500.00
    Add-PartnerRevenue -Database $db -Partner Cent -Date 2026-06-30 -Amount 9999.99
    Add-PartnerRevenue -Database $db -Partner Expired -Date 2026-01-01 -Amount 20000
    Add-PartnerRevenue -Database $db -Partner Departed -Date 2026-01-01 -Amount 20000
    Add-PartnerRevenue -Database $db -Partner Euro -Date 2025-12-15 -Amount 30000
    Add-PartnerRevenue -Database $db -Partner Euro -Date 2026-03-01 -Amount 25000
    Add-PartnerRevenue -Database $db -Partner Dist -Date 2026-01-10 -Amount 120000

    Add-TestContact $db Exact 'alice@exact.example'
    Add-TestCertification $db 'alice@exact.example' 'Security Specialist' '2025-01-01'
    Add-TestContact $db Cent 'carl@cent.example'
    Add-TestCertification $db 'carl@cent.example' 'Security Specialist' '2025-01-01'
    Add-TestContact $db Expired 'bob@expired.example'
    Add-TestCertification $db 'bob@expired.example' 'Security Specialist' '2024-06-30' '2026-06-30'
    Add-TestContact $db Departed 'carol@departed.example' -Ended '2026-06-30'
    Add-TestCertification $db 'carol@departed.example' 'Security Specialist' '2025-01-01'
    Add-TestContact $db Departed 'dave@departed.example'
    Add-TestCertification $db 'dave@departed.example' 'Security Specialist' '2026-07-01'
    Add-TestContact $db Euro 'eve@euro.example'
    Add-TestCertification $db 'eve@euro.example' 'Networking Professional' '2025-01-01' '2027-01-01'
    Add-TestContact $db Dist 'finn@dist.example'
    Add-TestCertification $db 'finn@dist.example' 'Networking Associate' '2025-01-01'
    Add-TestContact $db Dist 'gina@dist.example'
    Add-TestCertification $db 'gina@dist.example' 'Networking Associate' '2025-02-01'

    Set-TestTierRule $db Silver -MinRevenue 10000 -Currency USD -MinCertified 1
    Set-TestTierRule $db Gold -MinRevenue 50000 -Currency USD -MinCertified 2 -Certification 'Networking*' -MinMonthsActive 12
    Set-TestTierRule $db Gold -Region 'Western Europe' -MinRevenue 40000 -Currency EUR -MinCertified 1 -Certification 'Networking*'
    Set-TestTierRule $db Platinum -Type Distributor -MinRevenue 100000 -Currency USD -MinMonthsActive 24

    $script:All = @(Test-PartnerTier -Database $db -AsOf 2026-06-30)
    function Get-Assessment([string] $Name) { $script:All | Where-Object Partner -eq $Name }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Test-PartnerTier on 2026-06-30' {
    It 'assesses the partners in the programme that day, in name order' {
        $script:All.Partner | Should -Be @('Cent', 'Departed', 'Dist', 'Euro', 'Exact', 'Expired')
        $script:All[0].PSObject.TypeNames[0] | Should -Be 'PartnerOps.TierAssessment'
        $script:All | ForEach-Object { $_.AsOf | Should -Be ([datetime]'2026-06-30'); $_.Database | Should -Be $script:Db }
    }

    It 'a partner exactly on the revenue threshold meets it (a record on the window''s first day is outside it)' {
        $a = Get-Assessment Exact
        $a.CurrentTier | Should -Be 'Registered'
        $a.QualifiedTier | Should -Be 'Silver'
        $a.Recommendation | Should -Be 'Upgrade'
        $a.NextTier | Should -Be 'Gold'
        $a.Revenue | Should -Be 10000.00
        $a.RevenueGap | Should -Be 40000.00
        $a.RevenueCurrency | Should -Be 'USD'
        $a.Certified | Should -Be 0
        $a.CertifiedMissing | Should -Be 2
        $a.MonthsActive | Should -Be 29
        $a.MonthsMissing | Should -Be 0
    }

    It 'a partner a cent under it does not (a record on the day itself counts)' {
        $a = Get-Assessment Cent
        $a.QualifiedTier | Should -Be 'Registered'
        $a.Recommendation | Should -Be 'Downgrade'
        # The next tier up from where it stands is its own: it lacks one cent of Silver's 10,000.00 USD, nothing else.
        $a.NextTier | Should -Be 'Silver'
        $a.Revenue | Should -Be 9999.99
        $a.RevenueGap | Should -Be 0.01
        $a.Certified | Should -Be 1
        $a.CertifiedMissing | Should -Be 0
        $a.MonthsMissing | Should -BeNullOrEmpty
    }

    It 'a certification that expires on the day does not count' {
        $a = Get-Assessment Expired
        $a.QualifiedTier | Should -Be 'Registered'
        $a.Recommendation | Should -Be 'Downgrade'
    }

    It 'a certification of a contact who left on the day does not count, nor one earned later' {
        $a = Get-Assessment Departed
        $a.QualifiedTier | Should -Be 'Registered'
        $a.Recommendation | Should -Be 'Downgrade'
        # Silver, its own tier, is what it must regain: its 20,000.00 USD meet 10,000.00; the one certified person it needs is missing.
        $a.NextTier | Should -Be 'Silver'
        $a.RevenueGap | Should -Be 0
        $a.Certified | Should -Be 0
        $a.CertifiedMissing | Should -Be 1
    }

    It 'a regional rule in another currency replaces the global one: revenue converted with each year''s rate' {
        $a = Get-Assessment Euro
        $a.QualifiedTier | Should -Be 'Gold'
        $a.Recommendation | Should -Be 'Upgrade'
        $a.NextTier | Should -BeNullOrEmpty
        $a.Revenue | Should -Be 47000.00
        $a.RevenueCurrency | Should -Be 'EUR'
        $a.Certified | Should -Be 1
        $a.RevenueGap | Should -BeNullOrEmpty
    }

    It 'months active count from the first day Active: 24 on 2026-06-30, 23 the day before' {
        $a = Get-Assessment Dist
        $a.MonthsActive | Should -Be 24
        $a.QualifiedTier | Should -Be 'Platinum'
        $a.Recommendation | Should -Be 'Upgrade'

        $before = Test-PartnerTier -Database $script:Db -Partner Dist -AsOf 2026-06-29
        $before.MonthsActive | Should -Be 23
        $before.QualifiedTier | Should -Be 'Gold'
        $before.Recommendation | Should -Be 'Keep'
        $before.NextTier | Should -Be 'Platinum'
        $before.MonthsMissing | Should -Be 1
        $before.RevenueGap | Should -Be 0
        $before.CertifiedMissing | Should -BeNullOrEmpty
    }

    It 'the same on PostgreSQL and SQLite: the default table shows the recommendation and the gaps' {
        $text = $script:All | Out-String -Width 200
        $text | Should -Match 'Exact\s+Registered\s+Silver\s+Upgrade\s+Gold\s+40[,.]000[.,]00 USD\s+2\s+0'
    }
}

Describe 'Choosing partners' {
    It '-Tier keeps the partners with that tier on the day' {
        @(Test-PartnerTier -Database $script:Db -AsOf 2026-06-30 -Tier Gold).Partner | Should -Be @('Dist')
        @(Test-PartnerTier -Database $script:Db -AsOf 2024-03-01 -Tier Gold).Count | Should -Be 1
    }

    It '-Region (wildcards) and -Type narrow them' {
        @(Test-PartnerTier -Database $script:Db -AsOf 2026-06-30 -Region 'western*').Partner | Should -Be @('Euro')
        @(Test-PartnerTier -Database $script:Db -AsOf 2026-06-30 -Type Reseller).Partner | Should -Be @('Cent', 'Departed', 'Exact', 'Expired')
    }

    It 'piped partners are assessed together' {
        @(Get-Partner -Database $script:Db -Name Exact, Euro | Test-PartnerTier -AsOf 2026-06-30).Partner | Should -Be @('Euro', 'Exact')
        @(Test-PartnerTier -Database $script:Db -Partner 'E*' -AsOf 2026-06-30).Partner | Should -Be @('Euro', 'Exact', 'Expired')
    }

    It 'before Dist was Active it has no months: Onboarding on 2024-03-01' {
        $a = Test-PartnerTier -Database $script:Db -Partner Dist -AsOf 2024-03-01
        $a.MonthsActive | Should -Be 0
        $a.QualifiedTier | Should -Be 'Registered'
    }
}

Describe 'Bad input' {
    It 'a named partner not in the programme on the day is InvalidPartnerValue naming its status: <Name>' -ForEach @(
        @{ Name = 'Newbie'; Why = 'its status that day is Prospect' }
        @{ Name = 'Gone'; Why = 'it ended on 2025-01-01 (status Terminated)' }
    ) {
        $out = @(Test-PartnerTier -Database $script:Db -Partner $Name, Exact -AsOf 2026-06-30 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $out.Partner | Should -Be @('Exact')
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'InvalidPartnerValue,PartnerOps.Commands.TestPartnerTierCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($errors[0])" | Should -Be "Partner '$Name' is not in the programme on 2026-06-30: $Why. Test-PartnerTier looks at Onboarding, Active and Suspended partners only."
    }

    It 'a partner that had not joined yet is named so' {
        $null = Test-PartnerTier -Database $script:Db -Partner Newbie -AsOf 2025-06-30 -ErrorVariable errors -ErrorAction SilentlyContinue
        "$($errors[0])" | Should -BeLike "Partner 'Newbie' is not in the programme on 2025-06-30: it joined on 2026-01-01, after that day.*"
    }

    It 'an unknown partner is PartnerNotFound, the others are assessed' {
        $out = @(Test-PartnerTier -Database $script:Db -Partner Nobody, Cent -AsOf 2026-06-30 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $out.Partner | Should -Be @('Cent')
        $errors[0].FullyQualifiedErrorId | Should -Be 'PartnerNotFound,PartnerOps.Commands.TestPartnerTierCommand'
        "$($errors[0])" | Should -BeLike "*'Nobody'*"
    }

    It 'an -AsOf that is not a date is refused before anything is read' {
        { Test-PartnerTier -Database $script:Db -AsOf 'someday' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,PartnerOps.Commands.TestPartnerTierCommand'
    }
}

Describe 'Partners no rule applies to, and a missing rate' {
    BeforeAll {
        $script:Other = New-TestDatabase -Name 'other.db'
        Add-TestPartner -Database $script:Other -Partner @(
            @{ Name = 'North'; Type = 'Reseller'; Region = 'North America'; Status = 'Active'; JoinedOn = '2024-01-01' }
            @{ Name = 'Nowhere'; Type = 'Training'; Status = 'Active'; JoinedOn = '2024-01-01' }
            @{ Name = 'West'; Type = 'Reseller'; Region = 'Western Europe'; Status = 'Active'; JoinedOn = '2024-01-01' }
        )
        Set-TestTierRule $script:Other Silver -Region 'Western Europe' -MinRevenue 1000 -Currency EUR
        Add-PartnerRevenue -Database $script:Other -Partner West -Date 2026-01-01 -Amount 2000 -Currency EUR
    }

    It 'gives them no QualifiedTier and Keep, and warns once naming how many and their region and type' {
        $out = @(Test-PartnerTier -Database $script:Other -AsOf 2026-06-30 -WarningVariable warnings -WarningAction SilentlyContinue)
        ($out | Where-Object Partner -eq West).QualifiedTier | Should -Be 'Silver'
        $unruled = @($out | Where-Object Partner -ne West)
        $unruled.Partner | Should -Be @('North', 'Nowhere')
        $unruled | ForEach-Object { $_.QualifiedTier | Should -BeNullOrEmpty; $_.Recommendation | Should -Be 'Keep'; $_.NextTier | Should -BeNullOrEmpty }
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 partner(s) had no applicable tier rule*Their combinations: no region and type Training (1), region 'North America' and type Reseller (1).*"
    }

    It 'revenue that cannot be converted to a rule''s currency is ExchangeRateMissing naming the pair and year' {
        Add-PartnerRevenue -Database $script:Other -Partner West -Date 2025-12-01 -Amount 10 -Currency GBP
        { Test-PartnerTier -Database $script:Other -AsOf 2026-06-30 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExchangeRateMissing,PartnerOps.Commands.TestPartnerTierCommand' -ExpectedMessage '*from GBP to EUR for 2025*'
    }
}
