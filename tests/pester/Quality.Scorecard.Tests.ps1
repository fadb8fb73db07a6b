<#
Issue 18: Measure-PartnerScorecard, worked out by hand, on both backends. Reporting currency USD; scored on 2026-06-30:
the last 12 months 2025-06-30 < date <= 2026-06-30, the 12 before 2024-06-30 < date <= 2025-06-30. EUR->USD 2026: 1.25.
  Rules:    Silver (all): 2 certified; Gold (all): 50,000.00 USD and 4 certified.
  Partners (Reseller, Active since 2020-01-01):
    Alder    Gold: 1,000 USD on 2026-06-01, 800 on 2025-01-15; two certified contacts, one whose certification expires on
             2026-06-30 and one who left on 2026-06-15
             Revenue 1000 (2 of the 3 others below: 0.6667 x 40 = 26.7), Growth 0.25 (0.625 x 20 = 12.5),
             Certified 2 of 4 (0.5 x 20 = 10.0), Activation 29 days (1 x 20 = 20.0): 69.2
    Birch    Silver: 800 EUR on 2026-01-01 (x 1.25 = 1,000 USD); 5 certified
             Revenue 1000 (26.7), Growth none before (1: 20.0), Certified 5 of 2 (1: 20.0), Activation 180 days
             ((365 - 180) / 275 = 0.6727: 13.5): 80.1 (the unrounded points 80.1212)
    Cedar    Silver: 500 on 2025-07-01, 2,000 on 2025-06-30; none certified
             Revenue 500 (1 of 3: 13.3), Growth -0.75 (0.125: 2.5), Certified 0 of 2 (0), Activation 364 days
             (1 / 275: 0.1): 15.9 (13.3333 + 2.5 + 0.0727)
    Dogwood  Registered: no revenue; 1 certified (no rule for Registered: 1 of 0 rates 1)
             Revenue 0 (0), Growth none (0), Certified 20.0, Activation never (0): 20.0
    Newbie   Prospect: not scored
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'Quality.Review.Helpers.ps1')

    $script:Db = New-TestDatabase
    $db = $script:Db
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2026 -Rate 1.25
    Add-TestPartner -Database $db -Partner @(
        'Alder:Gold', 'Birch:Silver', 'Cedar:Silver', 'Dogwood:Registered', 'Newbie:Registered' | ForEach-Object {
            $name, $tier = $_ -split ':'
            @{ Name = $name; Tier = $tier; Type = 'Reseller'; Region = 'North America'; JoinedOn = '2020-01-01'; Status = $(if ($name -eq 'Newbie') { 'Prospect' } else { 'Active' }) }
        })
    Add-ReviewTierRule $db Silver -MinCertified 2
    Add-ReviewTierRule $db Gold 50000 -MinCertified 4
    Add-PartnerRevenue -Database $db -Partner Alder -Date 2026-06-01 -Amount 1000
    Add-PartnerRevenue -Database $db -Partner Alder -Date 2025-01-15 -Amount 800
    Add-PartnerRevenue -Database $db -Partner Birch -Date 2026-01-01 -Amount 800 -Currency EUR
    Add-PartnerRevenue -Database $db -Partner Cedar -Date 2025-07-01 -Amount 500
    Add-PartnerRevenue -Database $db -Partner Cedar -Date 2025-06-30 -Amount 2000
    Add-ReviewCertified $db Alder 'a1@alder.example' 'Networking Associate' '2025-01-01'
    Add-ReviewCertified $db Alder 'a2@alder.example' 'Security Specialist' '2024-01-01' '2027-01-01'
    Add-ReviewCertified $db Alder 'a3@alder.example' 'Security Specialist' '2024-06-30' '2026-06-30'
    Add-ReviewCertified $db Alder 'a4@alder.example' 'Security Specialist' '2024-06-30' -Ended '2026-06-15'
    1..5 | ForEach-Object { Add-ReviewCertified $db Birch "b$_@birch.example" 'Cloud Associate' '2026-01-01' }
    Add-ReviewCertified $db Dogwood 'd1@dogwood.example' 'Cloud Associate' '2026-06-30'

    function Show-Score($s) {
        "$($s.Partner) $($s.Tier) $($s.Score.ToString('0.0', [cultureinfo]::InvariantCulture)): " +
            (($s.Components | ForEach-Object { '{0}={1}/{2}/{3}/{4}' -f $_.Name, $(if ($null -eq $_.Value) { '-' } else { $_.Value.ToString([cultureinfo]::InvariantCulture) }), $_.Rating, $_.Weight, $_.Points.ToString('0.0', [cultureinfo]::InvariantCulture) }) -join ' ')
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-PartnerScorecard' {
    It 'scores every component as worked out by hand, lowest score first' {
        $scores = @(Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30)
        $scores[0].psobject.TypeNames[0] | Should -Be 'PartnerOps.PartnerScore'
        @($scores | ForEach-Object { Show-Score $_ }) | Should -Be @(
            'Cedar Silver 15.9: Revenue=500.00/0.3333/0.4/13.3 Growth=-0.75/0.125/0.2/2.5 Certified=0/0/0.2/0.0 Activation=364/0.0036/0.2/0.1'
            'Dogwood Registered 20.0: Revenue=0/0/0.4/0.0 Growth=-/0/0.2/0.0 Certified=1/1/0.2/20.0 Activation=-/0/0.2/0.0'
            'Alder Gold 69.2: Revenue=1000.00/0.6667/0.4/26.7 Growth=0.25/0.625/0.2/12.5 Certified=2/0.5/0.2/10.0 Activation=29/1/0.2/20.0'
            'Birch Silver 80.1: Revenue=1000.00/0.6667/0.4/26.7 Growth=-/1/0.2/20.0 Certified=5/1/0.2/20.0 Activation=180/0.6727/0.2/13.5')
    }

    It 'names each component''s unit: the reporting currency, fraction, of N required, days' {
        $alder = Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30 -Partner Alder
        @($alder.Components | ForEach-Object Unit) | Should -Be @('USD', 'fraction', 'of 4 required', 'days')
        $alder.AsOf | Should -Be ([datetime]'2026-06-30')
        $alder.Database | Should -Be $script:Db
    }

    It 'scales the weights to sum 1, missing ones weighing 0' {
        $scores = @(Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30 -Weights @{ Revenue = 3; certified = 1 })
        @($scores | ForEach-Object { '{0} {1}' -f $_.Partner, $_.Score.ToString('0.0', [cultureinfo]::InvariantCulture) }) |
            Should -Be @('Cedar 25.0', 'Dogwood 25.0', 'Alder 62.5', 'Birch 75.0')
        @($scores[0].Components | ForEach-Object Weight) | Should -Be @(0.75, 0, 0.25, 0)
    }

    It 'scores only the partners named or piped, and refuses one not in the programme per item' {
        $r = @(Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30 -Partner Birch, Newbie -ErrorVariable failed -ErrorAction SilentlyContinue)
        @($r | ForEach-Object Partner) | Should -Be @('Birch')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failed[0].Exception.Message | Should -BeLike "Partner 'Newbie' is not in the programme on 2026-06-30*Prospect*"
        # Ranked among those scored together: Birch alone rates 0 for Revenue.
        $r[0].Components[0].Rating | Should -Be 0
        @(Get-Partner -Database $script:Db -Name Alder, Cedar | Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30 | ForEach-Object Partner) | Should -Be @('Cedar', 'Alder')
    }

    It 'scores the partners of the tiers asked for' {
        @(Measure-PartnerScorecard -Database $script:Db -AsOf 2026-06-30 -Tier Silver | ForEach-Object Partner) | Should -Be @('Cedar', 'Birch')
    }

    It 'refuses bad weights naming the key or value: <Case>' -ForEach @(
        @{ Case = 'an unknown key'; Weights = @{ Revnue = 1 }; Message = "Weights key 'Revnue' is not valid: it is not a scorecard component; the keys are Revenue, Growth, Certified and Activation." }
        @{ Case = 'a negative weight'; Weights = @{ Growth = -1 }; Message = "Weights value '-1' of Growth is not valid: a weight cannot be negative; give 0 to leave Growth out." }
        @{ Case = 'text that is not a number'; Weights = @{ Growth = 'much' }; Message = "Weights value 'much' of Growth is not valid: a weight is a number of 0 or more, such as 0.25." }
        @{ Case = 'no weight above 0'; Weights = @{ Revenue = 0 }; Message = 'Weights is not valid: no weight is above 0 (Revenue=0, Growth=0, Certified=0, Activation=0)*' }
    ) {
        $thrown = { Measure-PartnerScorecard -Database $script:Db -Weights $Weights } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -BeLike $Message
    }
}
