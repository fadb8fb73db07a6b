<#
Issue 13, part 2: the statuses a partner-count target counts, TargetProgress's Statuses/AsOf/Projected, the warning when
no target matches, the missing-rate hint through the reporting currency, and the "closest known values" warnings of exact
region/segment/country filters.

The fixture (New-Fixture; USD reporting currency, EUR->USD 2015 = 1.2):
  Western Europe: Anna GmbH  DE Active      joined 2014-01-01
                  Bora SA    FR Onboarding  joined 2015-02-01
                  Cerro SL   ES Suspended   joined 2013-05-01
                  Ende AG    DE Terminated  joined 2012-01-01, ended 2015-09-30
                  Fresh Ltd  GB Active      joined 2015-06-01
                  Pros       -- Prospect    joined 2015-01-10
  Eastern Europe: Dvor sp    PL Active      joined 2015-03-01
  Réunion:        Île Réunion RE Active     joined 2014-01-01
  Revenue 2015 (all Western Europe): Anna 1000 EUR (= 1200 USD) 2015-03-01 Enterprise; Fresh 500 USD 2015-06-15 Großkunden;
  direct 500 USD 2015-04-01 Enterprise.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-Fixture {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency USD
        Add-TestPartner -Database $db -Partner @(
            @{ Name = 'Anna GmbH'; Region = 'Western Europe'; Country = 'DE'; Status = 'Active'; JoinedOn = '2014-01-01' }
            @{ Name = 'Bora SA'; Region = 'Western Europe'; Country = 'FR'; Status = 'Onboarding'; JoinedOn = '2015-02-01' }
            @{ Name = 'Cerro SL'; Region = 'Western Europe'; Country = 'ES'; Status = 'Suspended'; JoinedOn = '2013-05-01' }
            @{ Name = 'Ende AG'; Region = 'Western Europe'; Country = 'DE'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2015-09-30' }
            @{ Name = 'Fresh Ltd'; Region = 'Western Europe'; Country = 'GB'; Status = 'Active'; JoinedOn = '2015-06-01' }
            @{ Name = 'Pros'; Region = 'Western Europe'; Status = 'Prospect'; JoinedOn = '2015-01-10' }
            @{ Name = 'Dvor sp'; Region = 'Eastern Europe'; Country = 'PL'; Status = 'Active'; JoinedOn = '2015-03-01' }
            @{ Name = "`u{CE}le R`u{E9}union"; Region = "R`u{E9}union"; Country = 'RE'; Status = 'Active'; JoinedOn = '2014-01-01' }
        )
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.2
        Add-PartnerRevenue -Database $db -Partner 'Anna GmbH' -Date 2015-03-01 -Amount 1000 -Currency EUR -Segment Enterprise
        Add-PartnerRevenue -Database $db -Partner 'Fresh Ltd' -Date 2015-06-15 -Amount 500 -Segment "Gro`u{DF}kunden"
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-04-01 -Amount 500 -Segment Enterprise
        $db
    }

    # The target's row as stored (what no cmdlet shows: updated_at), read through a connection of its own.
    function Get-TargetRow([string] $Database) {
        $c = Open-RawConnection -Database $Database
        try {
            $cmd = $c.CreateCommand()
            $cmd.CommandText = 'SELECT metric, region, year, value, statuses, updated_at FROM targets ORDER BY id'
            $r = $cmd.ExecuteReader()
            while ($r.Read()) {
                [pscustomobject]@{ Metric = $r.GetString(0); Region = $r.GetValue(1); Year = $r.GetInt64(2); Value = $r.GetString(3)
                    Statuses = $r.GetValue(4); UpdatedAt = $r.GetString(5) }
            }
        }
        finally { $c.Dispose() }
    }

    # What a command wrote: its output, and the text of its warnings (stream 3, merged here and taken apart).
    function Get-Warnings([scriptblock] $Command) {
        $all = @(& $Command 3>&1)
        [pscustomobject]@{
            Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
            Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
        }
    }
}

AfterAll {
    Close-PooledConnections
    Remove-TestFolders
}

Describe 'Set-PartnerTarget -Metric PartnerCount -Status' {
    BeforeAll { $db = New-Fixture }

    It 'counts Active by default, and stores the statuses given' {
        $t = Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10 -PassThru
        @($t.Statuses) | Should -Be @('Active')
        $t = Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10 -Status Suspended, Active, Onboarding -PassThru
        # Stored once each in the enum's order (Prospect, Onboarding, Active, Suspended, Terminated).
        @($t.Statuses | ForEach-Object { "$_" }) | Should -Be @('Onboarding', 'Active', 'Suspended')
        (Get-TargetRow $db).Statuses | Should -Be 'Onboarding,Active,Suspended'
        @((Get-PartnerTarget -Database $db).Statuses | ForEach-Object { "$_" }) | Should -Be @('Onboarding', 'Active', 'Suspended')
    }

    It 'keeps a target''s statuses when its value is set again without -Status' {
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 12
        $row = Get-TargetRow $db
        $row.Value | Should -Be '12'
        $row.Statuses | Should -Be 'Onboarding,Active,Suspended'
    }

    It 'refuses -Status with another metric, naming it, and stores nothing' -ForEach @('PartnerRevenue', 'PartnerRevenueShare') {
        $before = @(Get-TargetRow $db).Count
        Set-PartnerTarget -Database $db -Metric $_ -Year 2016 -Value 0.5 -Status Active -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTargetValue,*'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($e[0])" | Should -Be "Status 'Active' is not valid: only PartnerCount targets count partner statuses, not $_."
        @(Get-TargetRow $db).Count | Should -Be $before
    }

    It 'refuses a status that is not one, naming it' {
        { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 1 -Status Actve -ErrorAction Stop } |
            Should -Throw "*'Actve' is not a valid PartnerStatus; valid values are Prospect, Onboarding, Active, Suspended, Terminated*"
    }

    It 'records a change of statuses in the history, and a Set that changes nothing writes nothing' {
        $other = New-TestDatabase
        Set-PartnerTarget -Database $other -Metric PartnerCount -Region China -Year 2015 -Value 5
        $stamp = (Get-TargetRow $other).UpdatedAt
        Start-Sleep -Milliseconds 20
        # The same value (5.0 is 5) and statuses (Active, the default and the stored one): nothing written.
        Set-PartnerTarget -Database $other -Metric PartnerCount -Region CHINA -Year 2015 -Value 5.0
        Set-PartnerTarget -Database $other -Metric PartnerCount -Region China -Year 2015 -Value 5 -Status Active
        (Get-TargetRow $other).UpdatedAt | Should -Be $stamp
        @(Get-PartnerHistory -Database $other -Entity Target).Count | Should -Be 1

        Set-PartnerTarget -Database $other -Metric PartnerCount -Region China -Year 2015 -Value 5 -Status Active, Onboarding
        (Get-TargetRow $other).UpdatedAt | Should -Not -Be $stamp
        $update = @(Get-PartnerHistory -Database $other -Entity Target -Operation Update)
        $update.Count | Should -Be 1
        $update[0].Changes.Count | Should -Be 1
        $update[0].Changes[0].Property | Should -Be 'Statuses'
        $update[0].Changes[0].Old | Should -Be 'Active'
        $update[0].Changes[0].New | Should -Be 'Onboarding,Active'
    }

    It 'changes nothing with -WhatIf' {
        $other = New-TestDatabasePath
        Set-PartnerTarget -Database $other -Metric PartnerCount -Year 2015 -Value 5 -Status Active, Onboarding -WhatIf
        Test-Path $other | Should -BeFalse
    }

    It 'reads statuses from a CSV cell (Active,Onboarding), and refuses the type name Export-Csv writes for a list' {
        $csv = Join-Path (New-TestFolder) 'targets.csv'
        @(
            [pscustomobject]@{ Metric = 'PartnerCount'; Region = 'North'; Year = 2015; Value = 3; Statuses = 'Suspended, Active' }
            [pscustomobject]@{ Metric = 'PartnerCount'; Region = 'South'; Year = 2015; Value = 4; Statuses = 'PartnerOps.PartnerStatus[]' }
            [pscustomobject]@{ Metric = 'PartnerCount'; Region = 'East'; Year = 2015; Value = 5; Statuses = '' }
        ) | Export-Csv -Path $csv
        $other = New-TestDatabase
        Import-Csv $csv | Set-PartnerTarget -Database $other -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        "$($e[0])" | Should -BeLike "*'PartnerOps.PartnerStatus``[``]' is the type of a list, not partner statuses*'Active,Onboarding'*"
        $e[0].TargetObject.Region | Should -Be 'South'
        # North as given; East's empty cell is "not given": a new target counts Active. South is not stored.
        @(Get-TargetRow $other | ForEach-Object { "$($_.Region)=$($_.Statuses)" }) | Should -Be @('North=Active,Suspended', 'East=Active')
    }

    It 'copies targets to another database with their statuses (Statuses binds by property name)' {
        $copy = New-TestDatabase
        Get-PartnerTarget -Database $db | Set-PartnerTarget -Database $copy
        (Get-TargetRow $copy).Statuses | Should -Be 'Onboarding,Active,Suspended'
    }
}

Describe 'Targets stored before their statuses were kept (the schema step)' {
    It 'keeps what they counted: every partner but a Prospect, Terminated ones not yet ended included' {
        $db = New-Fixture
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 5000
        Close-PooledConnections
        # The table as the step before left it (no statuses column), then the step itself, found by what it does so that the
        # test holds whatever number the step gets.
        $steps = [PartnerOps.Sqlite.Schema]::Migrations
        $step = @(0..($steps.Count - 1) | Where-Object { $steps[$_] -like '*ADD COLUMN statuses*' })
        $step.Count | Should -Be 1
        Invoke-RawSql -Database $db -Sql ('ALTER TABLE targets DROP COLUMN statuses;' + $steps[$step[0]])

        $targets = Get-PartnerTarget -Database $db
        @(($targets | Where-Object Metric -eq PartnerCount).Statuses | ForEach-Object { "$_" }) | Should -Be @('Onboarding', 'Active', 'Suspended', 'Terminated')
        ($targets | Where-Object Metric -eq PartnerRevenue).Statuses | Should -BeNullOrEmpty

        # On 2015-07-02: Anna, Bora, Cerro, Fresh, and Ende (ended 2015-09-30, still a partner then) = 5; not Pros (Prospect).
        # On 2014-12-31 (the baseline): Anna, Cerro, Ende = 3.
        $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 | Where-Object Metric -eq PartnerCount
        $p.Actual | Should -Be 5
        # Expected = 3 + (10 - 3) * 183 / 365 = 3 + 3.5096 = 6.5096 -> 6.51
        $p.Expected | Should -Be 6.51
    }
}

Describe 'Measure-PartnerTarget: Statuses, AsOf and Projected' {
    BeforeAll {
        $db = New-Fixture
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 5000
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Region 'Western Europe' -Year 2015 -Value 0.8
        $cultures = 'en-US', 'en-GB', 'de-DE', 'fr-FR'
    }

    It 'counts exactly the target''s statuses and shows them (<_>)' -ForEach @('en-US', 'en-GB', 'de-DE', 'fr-FR') {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 | Where-Object Metric -eq PartnerCount
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        @($p.Statuses | ForEach-Object { "$_" }) | Should -Be @('Active')
        # Active in Western Europe on 2015-07-02: Anna (2014-01-01), Fresh (2015-06-01) = 2; on 2014-12-31: Anna = 1.
        $p.Actual | Should -Be 2
        # Expected = 1 + (10 - 1) * 183 / 365 = 1 + 4.5123 = 5.5123 -> 5.51 (2 July 2015 is day 183 of 365)
        $p.Expected | Should -Be 5.51
        # Projected = 2 + (2 - 1) * (365 - 183) / 183 = 2 + 0.99454 = 2.99454 -> 2.99
        $p.Projected | Should -Be 2.99
        $p.AsOf | Should -Be ([datetime]'2015-07-02')
    }

    It 'counts Onboarding and Suspended when the target says so' {
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10 -Status Active, Onboarding, Suspended
        try {
            $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 | Where-Object Metric -eq PartnerCount
            # Anna, Bora (Onboarding, 2015-02-01), Cerro (Suspended), Fresh = 4; on 2014-12-31: Anna, Cerro = 2.
            $p.Actual | Should -Be 4
            # Projected = 4 + (4 - 2) * 182 / 183 = 5.98907 -> 5.99
            $p.Projected | Should -Be 5.99
            @($p.Statuses | ForEach-Object { "$_" }) | Should -Be @('Onboarding', 'Active', 'Suspended')
        }
        finally {
            Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10 -Status Active
        }
    }

    It 'projects revenue to the year''s end and takes the share so far as the share''s projection (<_>)' -ForEach @('en-US', 'en-GB', 'de-DE', 'fr-FR') {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            $all = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $revenue = $all | Where-Object Metric -eq PartnerRevenue
        # Partner revenue to 2015-07-02: 1000 EUR * 1.2 + 500 USD = 1700.00 USD.
        $revenue.Actual | Should -Be 1700.00
        # Projected = 1700 * 365 / 183 = 3390.7103... -> 3390.71
        $revenue.Projected | Should -Be 3390.71
        $revenue.Statuses | Should -BeNullOrEmpty
        $share = $all | Where-Object Metric -eq PartnerRevenueShare
        # 1700 of all 2200 (with the 500 direct): 0.772727... -> 0.772727
        $share.Actual | Should -Be 0.772727
        $share.Projected | Should -Be 0.772727
        $share.Statuses | Should -BeNullOrEmpty
    }

    It 'shows the day measured: a date after the year is its last day, there Projected is Actual' {
        $all = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2016-03-01
        $all.AsOf | Sort-Object -Unique | Should -Be ([datetime]'2015-12-31')
        $count = $all | Where-Object Metric -eq PartnerCount
        # Active on 2015-12-31: Anna, Fresh = 2; a whole year elapsed: Projected = 2 + 1 * 0 / 365 = 2.
        $count.Actual | Should -Be 2
        $count.Projected | Should -Be 2
        ($all | Where-Object Metric -eq PartnerRevenue).Projected | Should -Be 1700.00
    }

    It 'measures "now" clipped to the target''s year in every time zone (<_>)' -ForEach @('America/Los_Angeles', 'UTC', 'Asia/Tokyo') {
        $savedTz = $env:TZ
        try {
            $env:TZ = $_
            [TimeZoneInfo]::ClearCachedData()
            $all = Measure-PartnerTarget -Database $db -Year 2015
        }
        finally {
            $env:TZ = $savedTz
            [TimeZoneInfo]::ClearCachedData()
        }
        $all.AsOf | Sort-Object -Unique | Should -Be ([datetime]'2015-12-31')
    }

    It 'has no projection before the year starts' {
        $all = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2014-06-01
        $all.Count | Should -Be 3
        $all | ForEach-Object { $_.Projected | Should -BeNullOrEmpty }
        ($all | Where-Object Metric -eq PartnerCount).AsOf | Should -Be ([datetime]'2014-06-01')
    }
}

Describe 'No target matches: a warning, not silence' {
    BeforeAll {
        $db = New-Fixture
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10
        Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2017 -Value 0.8
        $add = 'Set-PartnerTarget -Metric <PartnerCount|PartnerRevenue|PartnerRevenueShare>'
    }

    It 'Measure-PartnerTarget -Year 2016 names the filter, the years and regions that have targets, and Set-PartnerTarget' {
        $r = Get-Warnings { Measure-PartnerTarget -Database $db -Year 2016 }
        $r.Output.Count | Should -Be 0
        $r.Warnings | Should -Be @("No target matches -Year 2016 in '$db'. Targets exist for the years 2015, 2017 and the regions (all regions), 'Western Europe'. Add one with $add -Year 2016 -Value <value>.")
    }

    It 'Get-PartnerTarget -Metric PartnerRevenue -Year 2015 says the same' {
        $r = Get-Warnings { Get-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2015 }
        $r.Output.Count | Should -Be 0
        $r.Warnings | Should -Be @("No target matches -Metric PartnerRevenue -Year 2015 in '$db'. Targets exist for the years 2015, 2017 and the regions (all regions), 'Western Europe'. Add one with $add -Year 2015 -Value <value>.")
    }

    It 'a database without targets says it has none' {
        $empty = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $empty
        (Get-Warnings { Measure-PartnerTarget -Database $empty }).Warnings |
            Should -Be @("There are no targets in '$empty'. Add one with $add -Year <year> -Value <value>.")
        (Get-Warnings { Get-PartnerTarget -Database $empty -Year 2015 }).Warnings |
            Should -Be @("No target matches -Year 2015 in '$empty': it has no targets at all. Add one with $add -Year 2015 -Value <value>.")
    }

    It 'a region typo also names the closest region that has a target' {
        $r = Get-Warnings { Measure-PartnerTarget -Database $db -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        $r.Warnings[0] | Should -BeLike "No target matches -Region 'Westren Europe' in '*'. Targets exist for the years 2015, 2017*"
        $r.Warnings[1] | Should -Be "No target has region 'Westren Europe'; closest: 'Western Europe'."
        (Get-Warnings { Get-PartnerTarget -Database $db -Region 'Westren Europe' }).Warnings[1] | Should -Be "No target has region 'Westren Europe'; closest: 'Western Europe'."
    }

    It 'Remove-PartnerTarget with a region no target has: TargetNotFound naming the closest region' {
        Remove-PartnerTarget -Database $db -Metric PartnerCount -Region 'Westren Europe' -Year 2015 -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'TargetNotFound,*'
        "$($e[0])" | Should -Be "No target with PartnerCount Westren Europe 2015 was found. No target has region 'Westren Europe'; closest: 'Western Europe'."
        # A region that has targets, but not this one: no hint.
        Remove-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        "$($e[0])" | Should -Be 'No target with PartnerRevenue Western Europe 2015 was found.'
        @(Get-PartnerTarget -Database $db).Count | Should -Be 2
    }

    It 'no warning when targets are found, or for a wildcard that matches nothing beside others that match' {
        (Get-Warnings { Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Get-PartnerTarget -Database $db -Region 'WESTERN europe', 'Nowhere*' }).Warnings | Should -BeNullOrEmpty
        $r = Get-Warnings { Get-PartnerTarget -Database $db -Region 'Western Europe', 'Westren Europe' }
        $r.Output.Count | Should -Be 1
        $r.Warnings | Should -Be @("No target has region 'Westren Europe'; closest: 'Western Europe'.")
    }
}

Describe 'A missing exchange rate asks for the rate(s) missing on the way through the reporting currency' {
    BeforeAll {
        # USD reporting. 2015: a partner's 100 EUR (EUR->USD 1.2); 2016: 100 GBP, no rates; 2017: 100 USD;
        # 2018: 100 CHF with USD->JPY 150 but no CHF rate.
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency USD
        Add-Partner -Database $db -Name 'Euro Partner' -Region 'Western Europe' -JoinedOn 2010-01-01
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.2
        Set-PartnerExchangeRate -Database $db -From USD -To JPY -Year 2018 -Rate 150
        Add-PartnerRevenue -Database $db -Partner 'Euro Partner' -Date 2015-05-05 -Amount 100 -Currency EUR
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2016-05-05 -Amount 100 -Currency GBP
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2017-05-05 -Amount 100 -Currency USD
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2018-05-05 -Amount 100 -Currency CHF

        function Get-RateError([scriptblock] $Command) {
            $thrown = $Command | Should -Throw -ErrorId 'ExchangeRateMissing,*' -PassThru
            $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $thrown.Exception.Message
        }
    }

    It 'EUR to JPY with no JPY rate at all: asks for USD->JPY, not EUR->JPY' {
        $m = Get-RateError { Measure-PartnerRevenue -Database $db -Year 2015 -Currency JPY }
        $m | Should -Be ("There is no exchange rate from EUR to JPY for 2015: conversions go through the reporting currency USD (EUR→USD→JPY), " +
            "and USD→JPY is missing. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>")
    }

    It 'source to reporting missing (CHF->USD), reporting to target present' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2018 -Currency JPY } |
            Should -Be ("There is no exchange rate from CHF to JPY for 2018: conversions go through the reporting currency USD (CHF→USD→JPY), " +
                "and CHF→USD is missing. Add it with: Set-PartnerExchangeRate -From CHF -To USD -Year 2018 -Rate <rate>")
    }

    It 'both missing: asks for both' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2016 -Currency JPY } |
            Should -Be ("There is no exchange rate from GBP to JPY for 2016: conversions go through the reporting currency USD (GBP→USD→JPY), " +
                "and GBP→USD and USD→JPY are missing. Add them with: Set-PartnerExchangeRate -From GBP -To USD -Year 2016 -Rate <rate>; " +
                "Set-PartnerExchangeRate -From USD -To JPY -Year 2016 -Rate <rate>")
    }

    It 'source is the reporting currency: the one rate USD->JPY' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2017 -Currency JPY } |
            Should -Be 'There is no exchange rate from USD to JPY for 2017. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2017 -Rate <rate>'
    }

    It 'target is the reporting currency: the one rate GBP->USD' {
        Get-RateError { Measure-PartnerRevenue -Database $db -Year 2016 } |
            Should -Be 'There is no exchange rate from GBP to USD for 2016. Add it with: Set-PartnerExchangeRate -From GBP -To USD -Year 2016 -Rate <rate>'
    }

    It 'a revenue target in another currency asks for the same leg' {
        Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 100000 -Currency JPY
        try {
            Get-RateError { Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 } |
                Should -BeLike '*(EUR→USD→JPY), and USD→JPY is missing. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>'
        }
        finally { Remove-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Confirm:$false }
    }

    It 'converts once the rate asked for is added: 100 EUR * 1.2 * 150 = 18,000 JPY' {
        Set-PartnerExchangeRate -Database $db -From USD -To JPY -Year 2015 -Rate 150
        (Measure-PartnerRevenue -Database $db -Year 2015 -Currency JPY).Total | Should -Be 18000
    }
}

Describe 'An exact region, segment or country no row has: a warning naming the closest known values' {
    BeforeAll { $db = New-Fixture }

    It 'Get-Partner -Region with a typo' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        # Distances between keys: 'westren europe' -> 'western europe' 1 (a swap), -> 'eastern europe' 3; 14 characters allow 3.
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'Get-Partner -Region matching only by case or by the form of its accent: no warning' {
        # 'RE' + COMBINING ACUTE + 'UNION' has the key of 'Réunion'.
        $r = Get-Warnings { Get-Partner -Database $db -Region "RE`u{301}UNION" }
        $r.Warnings | Should -BeNullOrEmpty
        $r.Output.Name | Should -Be "`u{CE}le R`u{E9}union"
        (Get-Warnings { Get-Partner -Database $db -Region 'western EUROPE' }).Warnings | Should -BeNullOrEmpty
    }

    It 'Get-Partner -Region without the accent: accents count, so a warning naming the accented one' {
        (Get-Warnings { Get-Partner -Database $db -Region 'Reunion' }).Warnings | Should -Be @("No partner has region 'Reunion'; closest: 'R`u{E9}union'.")
    }

    It 'a wildcard gives no warning, even when it matches nothing' {
        (Get-Warnings { Get-Partner -Database $db -Region 'Westren*' }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Get-Partner -Database $db -Region 'West*' }).Output.Count | Should -Be 6
    }

    It 'several values of which one is unknown: the warning names that one, the others still match' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Eastern Europe', 'Westren Europe', 'Asia' }
        $r.Output.Name | Should -Be @('Dvor sp')
        $r.Warnings | Should -Be @(
            "No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'."
            "No partner has region 'Asia', and none of the 3 in use is close to it.")
    }

    It 'Get-Partner -Country: a code no partner has names the close codes held, with their names' {
        $r = Get-Warnings { Get-Partner -Database $db -Country DK }
        $r.Output.Count | Should -Be 0
        # Codes held: DE ES FR GB PL RE; one edit from DK: DE only.
        $r.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).")
        (Get-Warnings { Get-Partner -Database $db -Country de, pl }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Get-Partner -Database $db -Country de, it }).Warnings | Should -Be @("No partner has country 'IT', and none of the 6 in use is close to it.")
    }

    It 'says the same in every culture (<_>): keys and counts do not depend on it' -ForEach @('en-US', 'en-GB', 'de-DE', 'fr-FR', 'tr-TR') {
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $_
            # tr-TR upper-cases i to İ: the key (and the country code, upper-cased invariantly) must not follow it.
            $country = Get-Warnings { Get-Partner -Database $db -Country dk, it }
            $region = Get-Warnings { Get-Partner -Database $db -Region 'EASTERN EUROPE', 'westren europe' }
        }
        finally { [cultureinfo]::CurrentCulture = $saved }
        $country.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).", "No partner has country 'IT', and none of the 6 in use is close to it.")
        $region.Output.Name | Should -Be @('Dvor sp')
        $region.Warnings | Should -Be @("No partner has region 'westren europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'Measure-Partner -Region and -Country: the same warnings, and the counts of the values that match' {
        $r = Get-Warnings { Measure-Partner -Database $db -Region 'Westren Europe' -AsOf 2030-01-01 }
        ($r.Output | Measure-Object Count -Sum).Sum | Should -Be 0
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
        $c = Get-Warnings { Measure-Partner -Database $db -Country dk -GroupBy Country -AsOf 2030-01-01 }
        $c.Warnings | Should -Be @("No partner has country 'DK'; closest: 'DE' (Germany).")
        (Get-Warnings { Measure-Partner -Database $db -Region 'Westren*' -AsOf 2030-01-01 }).Warnings | Should -BeNullOrEmpty
        (Get-Warnings { Measure-Partner -Database $db -Region 'western EUROPE' -AsOf 2030-01-01 }).Warnings | Should -BeNullOrEmpty
    }

    It 'Get-PartnerRevenue -Region and -Segment' {
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        # Revenue is booked in Western Europe only.
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'Enterprize' }
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        # GROSSKUNDEN has the key of Großkunden (ß folds to ss): it matches, no warning.
        $r = Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'GROSSKUNDEN' }
        $r.Warnings | Should -BeNullOrEmpty
        $r.Output.Amount | Should -Be 500
    }

    It 'Get-PartnerRevenue with piped partners: the warning once, after every partner''s records' {
        # Anna GmbH and Fresh Ltd are piped; no record of either has the region 'Westren Europe'.
        $r = Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH', 'Fresh Ltd' | Get-PartnerRevenue -Region 'Westren Europe' }
        $r.Output.Count | Should -Be 0
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH' | Get-PartnerRevenue -Segment 'Enterprize' }
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        # A value that matches gives no warning, piped or not.
        (Get-Warnings { Get-Partner -Database $db -Name 'Anna GmbH' | Get-PartnerRevenue -Segment 'enterprise' }).Warnings | Should -BeNullOrEmpty
    }

    It 'a value with spaces around it matches as the filter reads it (trimmed): no warning, alone or in a list (<_>)' -ForEach @(
        'Get-Partner', 'Get-PartnerRevenue', 'Measure-PartnerRevenue', 'Measure-Partner'
    ) {
        $filtering = Get-Command $_ -Module PartnerOps
        # Revenue is booked in Western Europe only; partners are in Western and Eastern Europe.
        $r = Get-Warnings { & $filtering -Database $db -Region 'western europe', ' Western Europe ' }
        $r.Warnings | Should -BeNullOrEmpty
        $r = Get-Warnings { & $filtering -Database $db -Region ' Western Europe' }
        $r.Warnings | Should -BeNullOrEmpty
    }

    It 'a typo with spaces around it is quoted as the filter reads it (trimmed)' {
        $r = Get-Warnings { Get-Partner -Database $db -Region 'Eastern Europe', ' Westren Europe ' }
        $r.Warnings | Should -Be @("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.")
    }

    It 'a segment with spaces around it in a list: no warning' {
        (Get-Warnings { Get-PartnerRevenue -Database $db -Segment 'Enterprise ', ' GROSSKUNDEN' }).Warnings | Should -BeNullOrEmpty
    }

    It 'Measure-PartnerRevenue -Region and -Segment: the answer as before, with the warning' {
        $r = Get-Warnings { Measure-PartnerRevenue -Database $db -Region 'Westren Europe' }
        $r.Output.Total | Should -Be 0
        $r.Warnings | Should -Be @("No revenue record has region 'Westren Europe'; closest: 'Western Europe'.")
        $r = Get-Warnings { Measure-PartnerRevenue -Database $db -Segment 'Enterprise', 'Enterprize' }
        # Enterprise: 1000 EUR * 1.2 + 500 USD direct = 1700.00 USD.
        $r.Output.Total | Should -Be 1700.00
        $r.Warnings | Should -Be @("No revenue record has segment 'Enterprize'; closest: 'Enterprise'.")
        (Get-Warnings { Measure-PartnerRevenue -Database $db -Segment 'enter*', 'Nothing*' }).Warnings | Should -BeNullOrEmpty
    }
}
