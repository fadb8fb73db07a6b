<#
Measure-PartnerFunnel (issue 17) on ten partners whose every figure below is computed by hand. Reporting currency
USD; EUR->USD 1.1 for 2024 only. A partner "is a partner" on day D: joined on or before D, not ended by D, and Onboarding,
Active or Suspended on D (its dated statuses). Status changes (Set-Partner -EffectiveDate), in date order:

  Name     Region          Type         Added as (JoinedOn)         then
  Alpha    Western Europe  Reseller     Active 2020-01-01           Tier Gold 2025-05-05 (a Tier change: no funnel figure)
  Beta     Western Europe  Reseller     Prospect 2024-06-01         Onboarding 2025-02-10, Active 2025-05-01
  Gamma    Nordics         Distributor  Active 2018-03-01           Terminated 2025-01-01 'Merged'
  Delta    Nordics         Reseller     Prospect 2025-03-01         -
  Epsilon  western europe  Distributor  Onboarding 2024-11-01       Active 2025-01-01, Suspended 2025-08-01
  Zeta     Western Europe  Reseller     Prospect 2024-02-01         Terminated 2025-03-15 'No fit' (never a partner: not Ended)
  Eta      Nordics         Reseller     Prospect 2025-02-01         Onboarding 2025-07-01, Active 2025-12-31
  Theta    Western Europe  Distributor  Active 2021-01-01           Terminated 2025-11-30 (no reason)
  Iota     Nordics         Reseller     Onboarding 2024-09-01       Active 2025-01-15
  Kappa    Western Europe  Reseller     Prospect 2023-01-01         Active 2025-09-01

Revenue: Alpha 2025-03-03 100 USD; Beta 2025-06-15 10 USD; Gamma 2023-12-31 100 EUR (outside its last 12 months),
2024-01-01 200 EUR (= 220 USD), 2024-12-31 300 USD; Eta 2025-12-31 20 USD; Theta 2024-11-29 1 EUR (outside),
2024-11-30 500 EUR (= 550 USD), 2025-06-01 1000 USD; Iota 2024-12-20 5 USD (before it was Active: 0 days); Kappa
2025-10-10 7 USD. RevenueLost: Gamma 520 (ended 2025-01-01), Theta 1550 (ended 2025-11-30).

Stays that ended in 2025, in days: Prospect: Beta 254, Zeta 408, Eta 150, Kappa 974 (median (254 + 408) / 2 = 331);
Onboarding: Beta 80, Epsilon 61, Eta 183, Iota 136 (median (80 + 136) / 2 = 108). First Active in 2025: Beta 05-01,
Epsilon 01-01, Eta 12-31, Iota 01-15, Kappa 09-01; first revenue after it: Beta 45 days, Eta 0, Iota -26 -> 0, Kappa 39,
Epsilon none: Activated 4 of 5, median (0 + 39) / 2 = 19.5.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Alpha'; Type = 'Reseller'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2020-01-01' }
        @{ Name = 'Beta'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Western Europe'; JoinedOn = '2024-06-01' }
        @{ Name = 'Gamma'; Type = 'Distributor'; Status = 'Active'; Region = 'Nordics'; JoinedOn = '2018-03-01' }
        @{ Name = 'Delta'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Nordics'; JoinedOn = '2025-03-01' }
        @{ Name = 'Epsilon'; Type = 'Distributor'; Status = 'Onboarding'; Region = 'western europe'; JoinedOn = '2024-11-01' }
        @{ Name = 'Zeta'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Western Europe'; JoinedOn = '2024-02-01' }
        @{ Name = 'Eta'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Nordics'; JoinedOn = '2025-02-01' }
        @{ Name = 'Theta'; Type = 'Distributor'; Status = 'Active'; Region = 'Western Europe'; JoinedOn = '2021-01-01' }
        @{ Name = 'Iota'; Type = 'Reseller'; Status = 'Onboarding'; Region = 'Nordics'; JoinedOn = '2024-09-01' }
        @{ Name = 'Kappa'; Type = 'Reseller'; Status = 'Prospect'; Region = 'Western Europe'; JoinedOn = '2023-01-01' }
    )
    # In date order per partner (a change is never dated before the partner's current one).
    $changes = @(
        @{ Name = 'Alpha'; EffectiveDate = '2025-05-05'; Tier = 'Gold' }
        @{ Name = 'Beta'; EffectiveDate = '2025-02-10'; Status = 'Onboarding' }
        @{ Name = 'Beta'; EffectiveDate = '2025-05-01'; Status = 'Active' }
        @{ Name = 'Gamma'; EffectiveDate = '2025-01-01'; Status = 'Terminated'; Reason = 'Merged' }
        @{ Name = 'Epsilon'; EffectiveDate = '2025-01-01'; Status = 'Active' }
        @{ Name = 'Epsilon'; EffectiveDate = '2025-08-01'; Status = 'Suspended' }
        @{ Name = 'Zeta'; EffectiveDate = '2025-03-15'; Status = 'Terminated'; Reason = 'No fit' }
        @{ Name = 'Eta'; EffectiveDate = '2025-07-01'; Status = 'Onboarding' }
        @{ Name = 'Eta'; EffectiveDate = '2025-12-31'; Status = 'Active' }
        @{ Name = 'Theta'; EffectiveDate = '2025-11-30'; Status = 'Terminated' }
        @{ Name = 'Iota'; EffectiveDate = '2025-01-15'; Status = 'Active' }
        @{ Name = 'Kappa'; EffectiveDate = '2025-09-01'; Status = 'Active' }
    )
    foreach ($change in $changes) {
        Set-Partner -Database $db @change
    }
    $revenue = @(
        @{ Partner = 'Alpha'; Date = '2025-03-03'; Amount = 100; Currency = 'USD' }
        @{ Partner = 'Beta'; Date = '2025-06-15'; Amount = 10; Currency = 'USD' }
        @{ Partner = 'Gamma'; Date = '2023-12-31'; Amount = 100; Currency = 'EUR' }
        @{ Partner = 'Gamma'; Date = '2024-01-01'; Amount = 200; Currency = 'EUR' }
        @{ Partner = 'Gamma'; Date = '2024-12-31'; Amount = 300; Currency = 'USD' }
        @{ Partner = 'Eta'; Date = '2025-12-31'; Amount = 20; Currency = 'USD' }
        @{ Partner = 'Theta'; Date = '2024-11-29'; Amount = 1; Currency = 'EUR' }
        @{ Partner = 'Theta'; Date = '2024-11-30'; Amount = 500; Currency = 'EUR' }
        @{ Partner = 'Theta'; Date = '2025-06-01'; Amount = 1000; Currency = 'USD' }
        @{ Partner = 'Iota'; Date = '2024-12-20'; Amount = 5; Currency = 'USD' }
        @{ Partner = 'Kappa'; Date = '2025-10-10'; Amount = 7; Currency = 'USD' }
    )
    foreach ($record in $revenue) {
        Add-PartnerRevenue -Database $db @record
    }
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2024 -Rate 1.1

    # One line per measure: its keys, period and every figure ('-' for null); decimals as they are (0.4, 331, 19.5).
    function Show-Funnel([object[]] $Measures, [string[]] $Keys = @()) {
        foreach ($m in $Measures) {
            $t = { param($v) if ($null -eq $v) { '-' } else { [string]$v } }
            $k = @($Keys | ForEach-Object { & $t $m.$_ }) -join ' '
            $reasons = @($m.EndedByReason.GetEnumerator() | ForEach-Object { "$($_.Key):$($_.Value)" }) -join ','
            ('{0}{1:yyyy-MM-dd}..{2:yyyy-MM-dd} | P{3} O{4} A{5} S{6} | start {7} end {8} net {9} | joined {10} ended {11} [{12}] churn {13} ' +
             '| lost {14} {15} | entered {16}/{17}/{18}/{19} | conv {20} {21} | days {22} {23} | new {24} activated {25} rate {26} days {27}') -f
                $(if ($k) { "$k | " }), $m.From, $m.To, $m.Prospects, $m.Onboarding, $m.Active, $m.Suspended, $m.AtStart, $m.AtEnd, $m.NetAdds,
                $m.Joined, $m.Ended, $reasons, (& $t $m.ChurnRate), $m.RevenueLost.ToString('0.00', [cultureinfo]::InvariantCulture), $m.Currency,
                $m.EnteredProspect, $m.EnteredOnboarding, $m.EnteredActive, $m.EnteredSuspended,
                (& $t $m.ProspectToOnboarding), (& $t $m.OnboardingToActive), (& $t $m.MedianDaysProspect), (& $t $m.MedianDaysOnboarding),
                $m.NewlyActive, $m.Activated, (& $t $m.ActivationRate), (& $t $m.MedianDaysToFirstRevenue)
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-PartnerFunnel on ten partners' {
    It 'measures 2025 as a whole' {
        # At the start (2024-12-31): Alpha, Gamma, Epsilon, Theta, Iota. At the end: Active Alpha, Beta, Eta, Iota, Kappa;
        # Suspended Epsilon; Prospect Delta. Joined Beta, Eta, Kappa; Ended Gamma, Theta. Prospect some time in 2025: Beta,
        # Zeta, Kappa, Delta, Eta, of which Beta, Eta, Kappa moved on; Onboarding: Epsilon, Iota, Beta, Eta, all moved on.
        $m = @(Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31)
        $m.Count | Should -Be 1
        Show-Funnel $m | Should -Be ('2025-01-01..2025-12-31 | P1 O0 A5 S1 | start 5 end 6 net 1 | joined 3 ended 2 [(none):1,Merged:1] churn 0.4 ' +
            '| lost 2070.00 USD | entered 2/2/5/1 | conv 0.6 1 | days 331 108 | new 5 activated 4 rate 0.8 days 19.5')
        $m[0].PSTypeNames | Should -Contain 'PartnerOps.FunnelMeasure'
        $m[0].RevenueLost | Should -BeOfType [decimal]
        $m[0].Database | Should -Not -BeNullOrEmpty
    }

    It 'splits 2025 into quarters, each with its own start and end' {
        $m = @(Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -GroupBy Quarter)
        Show-Funnel $m Quarter | Should -Be @(
            # Q1: start 5 (as the year); end Alpha, Epsilon, Theta, Iota Active, Beta Onboarding; Prospects Delta, Eta, Kappa.
            ('1 | 2025-01-01..2025-03-31 | P3 O1 A4 S0 | start 5 end 5 net 0 | joined 1 ended 1 [Merged:1] churn 0.2 ' +
             '| lost 520.00 USD | entered 2/1/2/0 | conv 0.2 0.666667 | days 331 98.5 | new 2 activated 1 rate 0.5 days 0')
            ('2 | 2025-04-01..2025-06-30 | P3 O0 A5 S0 | start 5 end 5 net 0 | joined 0 ended 0 [] churn 0 ' +
             '| lost 0.00 USD | entered 0/0/1/0 | conv 0 1 | days - 80 | new 1 activated 1 rate 1 days 45')
            ('3 | 2025-07-01..2025-09-30 | P1 O1 A5 S1 | start 5 end 7 net 2 | joined 2 ended 0 [] churn 0 ' +
             '| lost 0.00 USD | entered 0/1/1/1 | conv 0.666667 0 | days 562 - | new 1 activated 0 rate 0 days -')
            ('4 | 2025-10-01..2025-12-31 | P1 O0 A5 S1 | start 7 end 6 net -1 | joined 0 ended 1 [(none):1] churn 0.142857 ' +
             '| lost 1550.00 USD | entered 0/0/1/0 | conv 0 1 | days - 183 | new 1 activated 1 rate 1 days 0')
        )
    }

    It 'splits by year, clipped to -From and -To (a Prospect counts only once it exists)' {
        # 2024-07-01..2024-12-31: start Alpha, Gamma, Theta; Epsilon and Iota joined; Delta and Eta (Prospect from 2025)
        # are not yet Prospects. 2025-01-01..2025-03-31 is the first quarter above.
        $m = @(Measure-PartnerFunnel -Database $db -From 2024-07-01 -To 2025-03-31 -GroupBy Year)
        Show-Funnel $m Year | Should -Be @(
            ('2024 | 2024-07-01..2024-12-31 | P3 O2 A3 S0 | start 3 end 5 net 2 | joined 2 ended 0 [] churn 0 ' +
             '| lost 0.00 USD | entered 0/2/0/0 | conv 0 0 | days - - | new 0 activated 0 rate - days -')
            ('2025 | 2025-01-01..2025-03-31 | P3 O1 A4 S0 | start 5 end 5 net 0 | joined 1 ended 1 [Merged:1] churn 0.2 ' +
             '| lost 520.00 USD | entered 2/1/2/0 | conv 0.2 0.666667 | days 331 98.5 | new 2 activated 1 rate 0.5 days 0')
        )
    }

    It 'groups by region (spellings of one key together, shown one way), the groups adding up to the whole' {
        $m = @(Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -GroupBy Region)
        Show-Funnel $m Region | Should -Be @(
            ('Nordics | 2025-01-01..2025-12-31 | P1 O0 A2 S0 | start 2 end 2 net 0 | joined 1 ended 1 [Merged:1] churn 0.5 ' +
             '| lost 520.00 USD | entered 2/1/2/0 | conv 0.5 1 | days 150 159.5 | new 2 activated 2 rate 1 days 0')
            ('Western Europe | 2025-01-01..2025-12-31 | P0 O0 A3 S1 | start 3 end 4 net 1 | joined 2 ended 1 [(none):1] churn 0.333333 ' +
             '| lost 1550.00 USD | entered 0/1/3/1 | conv 0.666667 1 | days 408 70.5 | new 3 activated 2 rate 0.666667 days 42')
        )
    }

    It 'groups by type and year together' {
        $m = @(Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -GroupBy Type, Year)
        ($m | ForEach-Object { '{0} {1}: start {2} end {3} joined {4} ended {5} P{6} A{7} S{8} lost {9} new {10} activated {11}' -f $_.Type, $_.Year,
            $_.AtStart, $_.AtEnd, $_.Joined, $_.Ended, $_.Prospects, $_.Active, $_.Suspended, $_.RevenueLost.ToString('0.00', [cultureinfo]::InvariantCulture),
            $_.NewlyActive, $_.Activated }) | Should -Be @(
            'Reseller 2025: start 2 end 5 joined 3 ended 0 P1 A5 S0 lost 0.00 new 4 activated 4'
            'Distributor 2025: start 3 end 1 joined 0 ended 2 P0 A0 S1 lost 2070.00 new 1 activated 0'
        )
        $m[0].Type | Should -BeOfType [PartnerOps.PartnerType]
        $m[0].Year | Should -BeOfType [int]
    }

    It 'filters by region pattern and type' {
        $m = @(Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -Region 'nord*' -Type Reseller)
        ('{0} {1} {2} {3} {4}' -f $m[0].AtStart, $m[0].AtEnd, $m[0].Joined, $m[0].Prospects, $m[0].Ended) | Should -Be '1 2 1 1 0'
    }

    It 'counts a change on -From in the period and one the day before not (<From>)' -ForEach @(
        # One day: Gamma's EndedOn (2025-01-01) is the first day it is no partner; Epsilon became Active that day.
        @{ From = '2025-01-01'; To = '2025-01-01'; Expected = '2025-01-01..2025-01-01 | P3 O1 A3 S0 | start 5 end 4 net -1 | joined 0 ended 1 [Merged:1] churn 0.2 ' +
            '| lost 520.00 USD | entered 0/0/1/0 | conv 0 0.5 | days - 61 | new 1 activated 0 rate 0 days -' }
        # The last day: Eta became Active and sold on 2025-12-31.
        @{ From = '2025-12-31'; To = '2025-12-31'; Expected = '2025-12-31..2025-12-31 | P1 O0 A5 S1 | start 6 end 6 net 0 | joined 0 ended 0 [] churn 0 ' +
            '| lost 0.00 USD | entered 0/0/1/0 | conv 0 1 | days - 183 | new 1 activated 1 rate 1 days 0' }
    ) {
        Show-Funnel @(Measure-PartnerFunnel -Database $db -From $From -To $To) | Should -Be $Expected
    }

    It 'shows the keys and the main figures in its default view' {
        $text = Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -GroupBy Region, Year | Out-String -Width 120
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Group\s+AtStart\s+Joined\s+Ended\s+NetAdds\s+Prospects\s+Onboarding\s+Active\s+ActivationRate$'
        # Nordics: start 2, joined 1, ended 1, net 0, Prospects 1, Onboarding 0, Active 2, activation 100%.
        $lines[2] | Should -Match '^Region=Nordics\s+2\s+1\s+1\s+0\s+1\s+0\s+2\s+100[.,]0\s?%$'
        $lines[3] | Should -Match '^Year=2025\s*$'
    }

    It 'defaults to the year to date' {
        $m = @(Measure-PartnerFunnel -Database $db)
        $m[0].From | Should -Be ([datetime]::new([datetime]::Today.Year, 1, 1))
        $m[0].To | Should -Be ([datetime]::Today)
    }
}

Describe 'Measure-PartnerFunnel currencies' {
    It 'converts RevenueLost to -Currency with each record''s year''s rate' {
        # Gamma: 200 EUR + 300 USD / 1.1 (2024) = 472.7272... EUR, to the cent.
        $m = Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-06-30 -Currency eur
        $m.RevenueLost | Should -Be 472.73
        $m.Currency | Should -Be 'EUR'
    }

    It 'stops with ExchangeRateMissing naming the pair and year when a rate is missing' {
        # Theta's 1000 USD of 2025 has no USD/EUR rate for 2025.
        { Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-12-31 -Currency EUR -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExchangeRateMissing,*' -ExpectedMessage '*USD to EUR for 2025*'
    }
}

Describe 'Measure-PartnerFunnel bad input' {
    It 'refuses -From after -To, naming both' {
        { Measure-PartnerFunnel -Database $db -From 2025-02-01 -To 2025-01-31 } |
            Should -Throw -ErrorId 'InvalidPartnerValue,*' -ExpectedMessage '*2025-02-01*2025-01-31*'
    }

    It 'refuses a key given twice' {
        { Measure-PartnerFunnel -Database $db -GroupBy Year, Year } | Should -Throw -ErrorId 'InvalidPartnerValue,*' -ExpectedMessage "*'Year'*twice*"
    }

    It 'refuses an unknown key in parameter validation' {
        { Measure-PartnerFunnel -Database $db -GroupBy Month } | Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'refuses a currency that is not ISO 4217' {
        { Measure-PartnerFunnel -Database $db -Currency 'XYZ' } | Should -Throw -ErrorId 'InvalidCurrencyCode,*'
    }

    It 'refuses a date outside 1900-2999' {
        { Measure-PartnerFunnel -Database $db -From 1800-01-01 -To 2025-01-01 } | Should -Throw -ErrorId 'InvalidPartnerValue,*'
    }
}

Describe 'Measure-PartnerFunnel: activated within 90 days' {
    It 'counts a first sale on day 89 and day 90 after the first Active day, not day 91 nor one after To' {
        $db = New-TestDatabase
        foreach ($name in 'Day89', 'Day90', 'Day91', 'Late', 'Never') {
            Add-Partner -Database $db -Name $name -Status Onboarding -JoinedOn 2024-12-01
            Set-Partner -Database $db -Name $name -Status Active -EffectiveDate 2025-01-01
        }
        # 2025-01-01 + 89 days = 2025-03-31; + 90 = 2025-04-01; + 91 = 2025-04-02; Late sells after To (2025-06-30).
        Add-PartnerRevenue -Database $db -Partner Day89 -Date 2025-03-31 -Amount 10
        Add-PartnerRevenue -Database $db -Partner Day90 -Date 2025-04-01 -Amount 10
        Add-PartnerRevenue -Database $db -Partner Day91 -Date 2025-04-02 -Amount 10
        Add-PartnerRevenue -Database $db -Partner Late -Date 2025-07-01 -Amount 10
        $m = Measure-PartnerFunnel -Database $db -From 2025-01-01 -To 2025-06-30
        $m.NewlyActive | Should -Be 5
        $m.Activated | Should -Be 3
        $m.ActivatedWithin90Days | Should -Be 2
        $m.ActivationRate | Should -Be 0.6
        $m.MedianDaysToFirstRevenue | Should -Be 90
    }
}
