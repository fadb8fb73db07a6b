# Issue 13, part 2: the statuses a partner-count target counts, TargetProgress's Statuses/AsOf/Projected, the
# warning when no target matches. The setup and its fixture are TargetsAndHints.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'TargetsAndHints.Helpers.ps1') }
AfterAll { Close-PooledConnections; Remove-TestFolders }

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
        Test-TestDatabase $other | Should -BeFalse
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

# FileOnly: the SQLite schema step that added the targets' statuses.
Describe 'Targets stored before their statuses were kept (the schema step)' -Tag 'FileOnly' {
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
        # Active in Western Europe on 2015-07-02: Anna (2014-01-01), Fresh (2015-06-01), and Ende AG = 3; on 2014-12-31: Anna,
        # Ende = 2. (Issue 17: the status of the day is counted; Ende AG was Active until its EndedOn, 2015-09-30. Before,
        # its current status, Terminated, kept it out: 2 and 1.)
        $p.Actual | Should -Be 3
        # Expected = 2 + (10 - 2) * 183 / 365 = 2 + 4.0110 = 6.0110 -> 6.01 (2 July 2015 is day 183 of 365)
        $p.Expected | Should -Be 6.01
        # Projected = 3 + (3 - 2) * (365 - 183) / 183 = 3 + 0.99454 = 3.99454 -> 3.99
        $p.Projected | Should -Be 3.99
        $p.AsOf | Should -Be ([datetime]'2015-07-02')
    }

    It 'counts Onboarding and Suspended when the target says so' {
        Set-PartnerTarget -Database $db -Metric PartnerCount -Region 'Western Europe' -Year 2015 -Value 10 -Status Active, Onboarding, Suspended
        try {
            $p = Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-07-02 | Where-Object Metric -eq PartnerCount
            # Anna, Bora (Onboarding, 2015-02-01), Cerro (Suspended), Fresh, and Ende AG (issue 17: Active on the day, until
            # 2015-09-30) = 5; on 2014-12-31: Anna, Cerro, Ende = 3. (Before: 4 and 2.)
            $p.Actual | Should -Be 5
            # Projected = 5 + (5 - 3) * 182 / 183 = 6.98907 -> 6.99
            $p.Projected | Should -Be 6.99
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
