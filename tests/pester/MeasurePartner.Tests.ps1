<#
Measure-Partner (issue 13, part 2). Eight partners whose counts are known by construction; the day 2015-12-31, a year
earlier 2014-12-31. A partner counts on a day when it joined on or before it, had not ended by it (EndedOn empty or
later) and is not a Prospect.
  Alpha   Western Europe DE Reseller    Gold       Active      joined 2014-03-01                     both days
  Beta    western europe FR Distributor Silver     Active      joined 2015-02-01                     2015 only
  Gamma   China          CN Reseller    Registered Active      joined 2013-05-01                     both days
  Delta   China          CN Reseller    Registered Suspended   joined 2015-07-01                     2015 only
  Epsilon Nordics        SE Reseller    Registered Terminated  joined 2013-01-01, ended 2015-06-30   2014 only
  Zeta    Western Europe DE Reseller    Registered Prospect    joined 2014-01-01                     never
  Eta     (none)         -  Training    Registered Onboarding  joined 2015-12-31 (the day itself)    2015 only
  Theta   China          CN Distributor Gold       Terminated  joined 2014-06-01, ended 2015-12-31   2014 only (ended by the day)
  2015-12-31: Alpha, Beta, Gamma, Delta, Eta = 5.  2014-12-31: Alpha, Gamma, Epsilon, Theta = 4.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Alpha'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2014-03-01' }
        @{ Name = 'Beta'; Type = 'Distributor'; Tier = 'Silver'; Status = 'Active'; Region = 'western europe'; Country = 'FR'; JoinedOn = '2015-02-01' }
        @{ Name = 'Gamma'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Active'; Region = 'China'; Country = 'CN'; JoinedOn = '2013-05-01' }
        @{ Name = 'Delta'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Suspended'; Region = 'China'; Country = 'CN'; JoinedOn = '2015-07-01' }
        @{ Name = 'Epsilon'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Terminated'; Region = 'Nordics'; Country = 'SE'; JoinedOn = '2013-01-01'; EndedOn = '2015-06-30' }
        @{ Name = 'Zeta'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Prospect'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2014-01-01' }
        @{ Name = 'Eta'; Type = 'Training'; Tier = 'Registered'; Status = 'Onboarding'; JoinedOn = '2015-12-31' }
        @{ Name = 'Theta'; Type = 'Distributor'; Tier = 'Gold'; Status = 'Terminated'; Region = 'China'; Country = 'CN'; JoinedOn = '2014-06-01'; EndedOn = '2015-12-31' }
    )

    # "keys | Count Share PreviousCount Growth" per measure, keys in -GroupBy order; an empty key shows as (none).
    function Show-Counts([object[]] $Measures, [string[]] $Keys) {
        foreach ($m in $Measures) {
            $k = @($Keys | ForEach-Object { if ($null -eq $m.$_) { '(none)' } else { [string]$m.$_ } }) -join ' '
            '{0} | {1} {2} {3} {4}' -f $k, $m.Count, $m.Share, $m.PreviousCount, $m.Growth
        }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Measure-Partner counts as of a day, with the count a year earlier' {
    It 'gives one PartnerOps.PartnerMeasure of everything without -GroupBy' {
        $m = Measure-Partner -Database $db -AsOf 2015-12-31
        # The key set's type name picks its view; the base type is the fallback.
        $m.psobject.TypeNames[0] | Should -Be 'PartnerOps.PartnerMeasure#'
        $m.psobject.TypeNames[1] | Should -Be 'PartnerOps.PartnerMeasure'
        $m.psobject.Properties.Name | Should -Be @('Count', 'Share', 'PreviousCount', 'Growth', 'AsOf', 'Database')
        # 5 now, 4 a year earlier: (5 - 4) / 4 = 0.25
        $m.Count | Should -Be 5
        $m.PreviousCount | Should -Be 4
        $m.Growth | Should -Be 0.25
        $m.Share | Should -Be 1
        $m.AsOf | Should -Be ([datetime]'2015-12-31')
        $m.Database | Should -Be $db
    }

    It 'groups by Region by its key, shows one spelling, and keeps a region that lost its partners with Count 0' {
        $m = Measure-Partner -Database $db -GroupBy Region -AsOf 2015-12-31
        $m[0].psobject.Properties.Name | Should -Be @('Region', 'Count', 'Share', 'PreviousCount', 'Growth', 'AsOf', 'Database')
        # China: Gamma, Delta / Gamma, Theta -> 2, 2/5 = 0.4, 2, 0. Nordics: - / Epsilon -> 0, 0, 1, -1.
        # Western Europe (the smaller spelling of 'Western Europe' and 'western europe'): Alpha, Beta / Alpha -> 2, 0.4, 1, 1.
        # No region: Eta / - -> 1, 0.2, 0, null (sorted last).
        Show-Counts $m Region | Should -Be @('China | 2 0.4 2 0', 'Nordics | 0 0 1 -1', 'Western Europe | 2 0.4 1 1', '(none) | 1 0.2 0 ')
        $m[3].Growth | Should -BeNullOrEmpty
    }

    It 'prints as a table whose key column follows -GroupBy, at <_> columns' -ForEach @(80, 120, 200) {
        $m = Measure-Partner -Database $db -GroupBy Region, Status -AsOf 2015-12-31
        $m[0].psobject.TypeNames[0] | Should -Be 'PartnerOps.PartnerMeasure#Region#Status'
        $text = ($m | Out-String -Width $_) -split "`r?`n"
        $header = $text | Where-Object { $_ -match '^\s*Region\s' } | Select-Object -First 1
        $header | Should -Not -BeNullOrEmpty
        foreach ($column in 'Region', 'Status', 'Count', 'Share') { $header | Should -Match "\b$column\b" }
        # Western Europe, Active: Alpha and Beta of the 5 counted -> 2, 40.0 %
        ($text | Where-Object { $_ -match '^Western Europe\s+Active\s' }) | Should -Match '\s2\s.*40\.0\s?%'
        ($text -join "`n") | Should -Not -Match ([char]0x2026)
    }

    It 'groups by the joining Year: shares of all counted alone, within the joining year with other keys' {
        # 2013: Gamma / Gamma, Epsilon -> 1, 1/5, 2, -0.5; 2014: Alpha / Alpha, Theta -> 1, 0.2, 2, -0.5; 2015: Beta, Delta, Eta / -
        Show-Counts (Measure-Partner -Database $db -GroupBy Year -AsOf 2015-12-31) Year | Should -Be @('2013 | 1 0.2 2 -0.5', '2014 | 1 0.2 2 -0.5', '2015 | 3 0.6 0 ')
        # Within the joining year: 2013 has 1 partner counted, 2014 1, 2015 3 (1/3 = 0.333333)
        Show-Counts (Measure-Partner -Database $db -GroupBy Region, Year -AsOf 2015-12-31) Region, Year | Should -Be @(
            'China 2013 | 1 1 1 0', 'China 2014 | 0 0 1 -1', 'China 2015 | 1 0.333333 0 ', 'Nordics 2013 | 0 0 1 -1'
            'Western Europe 2014 | 1 1 1 0', 'Western Europe 2015 | 1 0.333333 0 ', '(none) 2015 | 1 0.333333 0 ')
    }

    It 'groups by Status, Type, Tier and Country, sorted by their order' {
        # Issue 17: each day groups by the status of that day (was the current status). Active: Alpha, Beta, Gamma / Alpha,
        # Gamma, and Epsilon and Theta, Active until their EndedOn -> 3, 0.6, 4, -0.25; none is Terminated on a day it counts.
        Show-Counts (Measure-Partner -Database $db -GroupBy Status -AsOf 2015-12-31) Status | Should -Be @(
            'Onboarding | 1 0.2 0 ', 'Active | 3 0.6 4 -0.25', 'Suspended | 1 0.2 0 ')
        # Reseller Registered: Gamma, Delta / Gamma, Epsilon; Reseller Gold: Alpha / Alpha; Distributor Silver: Beta / -;
        # Distributor Gold: - / Theta; Training Registered: Eta / -
        Show-Counts (Measure-Partner -Database $db -GroupBy Type, Tier -AsOf 2015-12-31) Type, Tier | Should -Be @(
            'Reseller Registered | 2 0.4 2 0', 'Reseller Gold | 1 0.2 1 0', 'Distributor Silver | 1 0.2 0 ', 'Distributor Gold | 0 0 1 -1', 'Training Registered | 1 0.2 0 ')
        Show-Counts (Measure-Partner -Database $db -GroupBy Country -AsOf 2015-12-31) Country | Should -Be @(
            'CN | 2 0.4 2 0', 'DE | 1 0.2 1 0', 'FR | 1 0.2 0 ', 'SE | 0 0 1 -1', '(none) | 1 0.2 0 ')
    }

    It 'applies the filters of Get-Partner to both days: <Case>' -ForEach @(
        # Resellers: Alpha, Gamma, Delta / Alpha, Gamma, Epsilon
        @{ Case = '-Type Reseller'; Filters = @{ Type = 'Reseller' }; Count = 3; Previous = 3 }
        # Alpha, Beta / Alpha
        @{ Case = "-Region 'WESTERN*'"; Filters = @{ Region = 'WESTERN*' }; Count = 2; Previous = 1 }
        # Gamma, Delta / Gamma, Theta
        @{ Case = '-Country cn'; Filters = @{ Country = 'cn' }; Count = 2; Previous = 2 }
        # Alpha / Alpha, Theta
        @{ Case = '-Tier Gold'; Filters = @{ Tier = 'Gold' }; Count = 1; Previous = 2 }
        # Alpha, Beta, Gamma / Alpha, Gamma, Epsilon, Theta (issue 17: -Status compares the status of each day; Epsilon and
        # Theta were Active until their EndedOn)
        @{ Case = '-Status Active'; Filters = @{ Status = 'Active' }; Count = 3; Previous = 4 }
        # Alpha, Gamma (exact) / Alpha, Gamma; 'Ep*' adds Epsilon a year earlier
        @{ Case = "-Name 'a*', Gamma, 'Ep*'"; Filters = @{ Name = 'a*', 'Gamma', 'Ep*' }; Count = 2; Previous = 3 }
        # Joined after 2014-03-01: Beta, Delta, Eta / Theta
        @{ Case = '-JoinedAfter 2014-03-01'; Filters = @{ JoinedAfter = '2014-03-01' }; Count = 3; Previous = 1 }
        # Joined before 2014-03-01: Gamma / Gamma, Epsilon
        @{ Case = '-JoinedBefore 2014-03-01'; Filters = @{ JoinedBefore = '2014-03-01' }; Count = 1; Previous = 2 }
    ) {
        $m = Measure-Partner -Database $db -AsOf 2015-12-31 @Filters
        $m.Count | Should -Be $Count
        $m.PreviousCount | Should -Be $Previous
        @(Get-Partner -Database $db -AsOf 2015-12-31 @Filters).Count | Should -Be $Count
        @(Get-Partner -Database $db -AsOf 2014-12-31 @Filters).Count | Should -Be $Previous
    }

    It 'adds up to (Get-Partner -AsOf D @filters).Count on <Day> for every filter set' -ForEach @(
        @{ Day = '2012-12-31' }, @{ Day = '2013-06-30' }, @{ Day = '2014-12-31' }, @{ Day = '2015-06-30' }, @{ Day = '2015-12-31' }, @{ Day = '2016-02-29' }
    ) {
        foreach ($filters in @(@{}, @{ Type = 'Reseller' }, @{ Region = '*europe'; Status = 'Active', 'Suspended' }, @{ Country = 'CN', 'SE' }, @{ JoinedAfter = '2013-12-31' })) {
            $expected = @(Get-Partner -Database $db -AsOf $Day @filters).Count
            ((Measure-Partner -Database $db -AsOf $Day -GroupBy Region, Status @filters).ForEach({ $_.Count }) | Measure-Object -Sum).Sum + 0  # (an array's own Count would hide the property) | Should -Be $expected -Because ($filters | Out-String)
            (Measure-Partner -Database $db -AsOf $Day @filters).Count | Should -Be $expected
        }
    }

    It 'compares 29 February with 28 February a year earlier' {
        $leap = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $leap -Currency USD
        Add-Partner -Database $leap -Name 'Early' -JoinedOn 2015-02-28
        Add-Partner -Database $leap -Name 'Late' -JoinedOn 2015-03-01
        $m = Measure-Partner -Database $leap -AsOf 2016-02-29
        # 2016-02-29: Early, Late (2); 2015-02-28: Early (1); growth (2 - 1) / 1 = 1
        $m.Count | Should -Be 2
        $m.PreviousCount | Should -Be 1
        $m.Growth | Should -Be 1
    }

    It 'writes no measure when -GroupBy finds no group, and one of 0 without -GroupBy' {
        @(Measure-Partner -Database $db -GroupBy Region -AsOf 1950-01-01).Count | Should -Be 0
        $m = Measure-Partner -Database $db -AsOf 1950-01-01
        $m.Count | Should -Be 0
        $m.Share | Should -BeNullOrEmpty
        $m.Growth | Should -BeNullOrEmpty
    }

    It 'reads -AsOf text in the session culture <Culture> (<Text>)' -ForEach @(
        @{ Culture = 'en-US'; Text = '12/31/2015' }, @{ Culture = 'en-GB'; Text = '31/12/2015' }
        @{ Culture = 'de-DE'; Text = '31.12.2015' }, @{ Culture = 'fr-FR'; Text = '31/12/2015' }
    ) {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            $m = Measure-Partner -Database $db -AsOf $Text -GroupBy Region
            $m[0].AsOf | Should -Be ([datetime]::new(2015, 12, 31))
            $m.ForEach({ $_.Count }) | Should -Be @(2, 0, 2, 1)
            $m.Growth | Should -Be @(0, -1, 1, $null)
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}

Describe 'Measure-Partner without -AsOf' {
    It 'counts as of today in the session''s time zone <Zone>' -ForEach @(
        @{ Zone = 'America/Los_Angeles' }, @{ Zone = 'UTC' }, @{ Zone = 'Pacific/Auckland' }, @{ Zone = 'Asia/Tokyo' }
    ) {
        $savedTz = $env:TZ
        try {
            $env:TZ = $Zone
            [TimeZoneInfo]::ClearCachedData()
            # Today in that zone, from the clock and the zone's rules (not from the module).
            $today = [TimeZoneInfo]::ConvertTimeBySystemTimeZoneId([datetime]::UtcNow, $Zone).Date
            $m = Measure-Partner -Database $db
            $m.AsOf | Should -Be $today
            # Every partner counted today: Alpha, Beta, Gamma, Delta, Eta (none ended after 2015, Zeta a Prospect).
            $m.Count | Should -Be 5
        }
        finally {
            $env:TZ = $savedTz
            [TimeZoneInfo]::ClearCachedData()
        }
    }
}

Describe 'Measure-Partner refuses bad input' {
    It 'refuses a -GroupBy key given twice with InvalidPartnerValue naming it' {
        $thrown = { Measure-Partner -Database $db -GroupBy Region, Year, region } | Should -Throw -ErrorId 'InvalidPartnerValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "GroupBy 'Region'*twice*Region, Country, Type, Tier, Status, Year*"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses an unknown -GroupBy key naming it and the allowed ones: <Key>' -ForEach @(@{ Key = 'Segment' }, @{ Key = 'Partner' }, @{ Key = 'Yeer' }) {
        $thrown = { Measure-Partner -Database $db -GroupBy Region, $Key } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "*'$Key' is not a valid PartnerGroupKey; valid values are Region, Country, Type, Tier, Status, Year*"
    }

    It 'refuses an -AsOf outside the years 1900 to 2999: <Day>' -ForEach @(@{ Day = '1899-12-31' }, @{ Day = '1066-10-14' }, @{ Day = '3000-01-01' }) {
        $thrown = { Measure-Partner -Database $db -AsOf $Day } | Should -Throw -ErrorId 'InvalidPartnerValue,*' -PassThru
        $thrown.Exception.Message | Should -BeLike "AsOf '$Day' is not valid: a date must be between the years 1900 and 2999*"
    }

    It 'refuses an empty -AsOf rather than counting as of today' {
        { Measure-Partner -Database $db -AsOf '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'writes PartnerNotFound for an exact name that names no partner, and counts the others' {
        $m = Measure-Partner -Database $db -AsOf 2015-12-31 -Name 'Alpha', 'Alhpa' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $errors[0].Exception.Message | Should -BeLike "*'Alhpa'*"
        $m.Count | Should -Be 1
    }

    It 'refuses a country that is not an ISO code with InvalidCountryCode' {
        { Measure-Partner -Database $db -Country 'XX' } | Should -Throw -ErrorId 'InvalidCountryCode,*'
    }
}

Describe 'Measure-Partner tab completion' {
    It 'completes <Line>' -ForEach @(
        @{ Line = "Measure-Partner -GroupBy Re"; Expected = @('Region') }
        @{ Line = "Measure-Partner -GroupBy Region, St"; Expected = @('Status') }
        @{ Line = "Measure-Partner -Region n"; Expected = @('Nordics') }
        @{ Line = "Measure-Partner -Name Ze"; Expected = @('Zeta') }
    ) {
        $full = $Line -replace '^Measure-Partner', "Measure-Partner -Database '$db'"
        (TabExpansion2 -inputScript $full -cursorColumn $full.Length).CompletionMatches.CompletionText | Should -Be $Expected
    }
}

Describe 'Measure-Partner on the sample data' {
    BeforeAll {
        $samples = Join-Path $PSScriptRoot '../../samples/channel'
        $sample = New-TestDatabasePath 'sample.db'
        $null = New-PartnerDatabase -Path $sample -Currency USD
        $null = Import-Partner -Database $sample -Path "$samples/partners.csv"
        $csv = Import-Csv "$samples/partners.csv"

        # The counts computed here from partners.csv, independently of the module: joined on or before the day, EndedOn empty
        # or after it, not a Prospect; ISO dates compare as text.
        function Get-HandCount([string] $Day, [string] $Key) {
            $counts = @{}
            foreach ($p in $csv) {
                if ($p.JoinedOn -le $Day -and (-not $p.EndedOn -or $p.EndedOn -gt $Day) -and $p.Status -ne 'Prospect') {
                    $k = if ($Key) { $p.$Key } else { '' }
                    $counts[$k] += 1
                }
            }
            $counts
        }
    }

    It 'counts each region on <Day> and a year earlier as partners.csv does' -ForEach @(@{ Day = '2013-12-31'; Before = '2012-12-31' }, @{ Day = '2015-12-31'; Before = '2014-12-31' }, @{ Day = '2016-06-30'; Before = '2015-06-30' }) {
        $hand = Get-HandCount $Day Region
        $before = Get-HandCount $Before Region
        $m = Measure-Partner -Database $sample -GroupBy Region -AsOf $Day
        $m | Should -Not -BeNullOrEmpty
        foreach ($measure in $m) {
            $measure.Count | Should -Be ([int]$hand[$measure.Region]) -Because $measure.Region
            $measure.PreviousCount | Should -Be ([int]$before[$measure.Region]) -Because $measure.Region
        }
        @($m.Region) | Sort-Object | Should -Be (@($hand.Keys + $before.Keys) | Sort-Object -Unique)
    }

    It 'gives Western Europe 807 partners on 2015-12-31 (the issue''s figure), all statuses but Prospect counted' {
        ((Measure-Partner -Database $sample -GroupBy Region -AsOf 2015-12-31) | Where-Object Region -EQ 'Western Europe').Count | Should -Be 807
        (Get-HandCount '2015-12-31' Region)['Western Europe'] | Should -Be 807
    }

    It 'adds up to (Get-Partner -AsOf D @filters).Count on the sample data' {
        foreach ($day in '2012-06-30', '2014-12-31', '2016-12-31') {
            foreach ($filters in @(@{}, @{ Region = 'Western Europe' }, @{ Type = 'Reseller', 'Distributor'; Tier = 'Gold' }, @{ Status = 'Active'; Country = 'DE', 'FR', 'CN' }, @{ Name = 'S*' })) {
                $expected = @(Get-Partner -Database $sample -AsOf $day @filters).Count
                ((Measure-Partner -Database $sample -AsOf $day -GroupBy Region, Type, Year @filters).ForEach({ $_.Count }) | Measure-Object -Sum).Sum + 0 | Should -Be $expected -Because "$day $($filters | ConvertTo-Json -Compress)"
            }
        }
    }
}
