BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Seven partners that differ in every filterable property; the tests below only read them.
    function New-FixtureDatabase {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @(
            @{ Name = 'Zeta Software'; Type = 'SoftwareVendor'; Tier = 'Silver'; Status = 'Suspended'; Region = 'North America'; Country = 'US'; JoinedOn = '2015-01-01' }
            @{ Name = 'Alpha Systems'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2014-03-01' }
            @{ Name = 'Gamma Integrators'; Type = 'SystemIntegrator'; Tier = 'Platinum'; Status = 'Onboarding'; Region = 'China'; Country = 'CN'; JoinedOn = '2016-01-10' }
            @{ Name = 'beta Distribution'; Type = 'Distributor'; Tier = 'Silver'; Status = 'Active'; Region = 'Western Europe'; Country = 'GB'; JoinedOn = '2015-06-15' }
            @{ Name = 'Delta Services'; Type = 'ServiceProvider'; Tier = 'Registered'; Status = 'Prospect'; Region = 'China'; Country = 'CN'; JoinedOn = '2014-01-01' }
            @{ Name = 'Eta Training'; Type = 'Training'; Tier = 'Registered'; Status = 'Active'; Region = 'north america'; Country = 'CA'; JoinedOn = '2017-09-09' }
            @{ Name = 'Epsilon Consulting'; Type = 'Consultancy'; Tier = 'Gold'; Status = 'Terminated'; Region = 'Eastern Europe'; Country = 'PL'; JoinedOn = '2013-05-05'; EndedOn = '2015-05-05' }
        )
        $db
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-Partner by name' {
    BeforeAll {
        $db = New-FixtureDatabase
    }

    It 'returns every partner sorted by name, ignoring case' {
        (Get-Partner -Database $db).Name | Should -Be @(
            'Alpha Systems', 'beta Distribution', 'Delta Services', 'Epsilon Consulting', 'Eta Training', 'Gamma Integrators', 'Zeta Software')
    }

    It 'matches an exact name case-insensitively' {
        (Get-Partner -Database $db -Name 'ALPHA systems').Name | Should -BeExactly 'Alpha Systems'
    }

    It 'takes several names at once' {
        (Get-Partner -Database $db -Name 'Zeta Software', 'alpha systems').Name | Should -Be @('Alpha Systems', 'Zeta Software')
    }

    It 'takes the name as the first positional parameter' {
        (Get-Partner 'Eta Training' -Database $db).Name | Should -Be 'Eta Training'
    }

    It 'takes names from the pipeline by value' {
        ('alpha systems', 'BETA DISTRIBUTION' | Get-Partner -Database $db).Name | Should -Be @('Alpha Systems', 'beta Distribution')
    }

    It 'matches wildcards case-insensitively' {
        (Get-Partner -Database $db -Name 'e*').Name | Should -Be @('Epsilon Consulting', 'Eta Training')
        (Get-Partner -Database $db -Name '*SYSTEMS', '?eta*').Name | Should -Be @('Alpha Systems', 'beta Distribution', 'Zeta Software')
    }

    It 'writes a PartnerNotFound error (ObjectNotFound) and no output when an exact name has no match' {
        $err = $null
        $out = Get-Partner -Database $db -Name 'Nobody Inc' -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $err[0].TargetObject | Should -BeExactly 'Nobody Inc'
        $err[0].Exception.Message | Should -Match 'Nobody Inc'
    }

    It 'writes nothing at all when a wildcard has no match' {
        $err = $null
        $out = Get-Partner -Database $db -Name 'Nobody*' -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'returns the found names and one error for the missing one when several are given' {
        $err = $null
        $out = Get-Partner -Database $db -Name 'Alpha Systems', 'Nobody Inc', 'Eta Training' -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be @('Alpha Systems', 'Eta Training')
        $err.Count | Should -Be 1
        $err[0].TargetObject | Should -BeExactly 'Nobody Inc'
    }

    It 'finds a partner by Id' {
        $alpha = Get-Partner -Database $db -Name 'Alpha Systems'
        (Get-Partner -Database $db -Id $alpha.Id).Name | Should -Be 'Alpha Systems'
    }
}

Describe 'Get-Partner filters' {
    BeforeAll {
        $db = New-FixtureDatabase
    }

    It 'filters by several types' {
        (Get-Partner -Database $db -Type Reseller, Distributor).Name | Should -Be @('Alpha Systems', 'beta Distribution')
    }

    It 'filters by several tiers' {
        (Get-Partner -Database $db -Tier Gold, Platinum).Name | Should -Be @('Alpha Systems', 'Epsilon Consulting', 'Gamma Integrators')
    }

    It 'filters by several statuses' {
        (Get-Partner -Database $db -Status Active, Suspended).Name | Should -Be @('Alpha Systems', 'beta Distribution', 'Eta Training', 'Zeta Software')
    }

    It 'filters by region case-insensitively' {
        (Get-Partner -Database $db -Region 'NORTH AMERICA').Name | Should -Be @('Eta Training', 'Zeta Software')
    }

    It 'filters by several regions, with wildcards' {
        (Get-Partner -Database $db -Region 'western europe', '*ASIA', 'c?ina').Name |
            Should -Be @('Alpha Systems', 'beta Distribution', 'Delta Services', 'Gamma Integrators')
    }

    It 'filters by several countries given in any case' {
        (Get-Partner -Database $db -Country de, Cn).Name | Should -Be @('Alpha Systems', 'Delta Services', 'Gamma Integrators')
    }

    It 'stops with InvalidCountryCode when a country filter is not a code' {
        { Get-Partner -Database $db -Country 'Germany' } | Should -Throw -ErrorId 'InvalidCountryCode,*'
    }

    It 'filters by join date with -JoinedAfter and -JoinedBefore' {
        (Get-Partner -Database $db -JoinedAfter '2014-12-31' -JoinedBefore '2016-01-01').Name | Should -Be @('beta Distribution', 'Zeta Software')
        (Get-Partner -Database $db -JoinedAfter '2016-01-01').Name | Should -Be @('Eta Training', 'Gamma Integrators')
        (Get-Partner -Database $db -JoinedBefore '2014-01-31').Name | Should -Be @('Delta Services', 'Epsilon Consulting')
    }

    It 'combines different filters with AND' {
        (Get-Partner -Database $db -Region 'China' -Status Onboarding).Name | Should -Be 'Gamma Integrators'
        (Get-Partner -Database $db -Name '*a*' -Tier Silver -Country GB).Name | Should -Be 'beta Distribution'
    }

    It 'with -AsOf returns partners that had joined, had not ended and were not prospects on that date' {
        # Delta is a Prospect; Epsilon ended on 2015-05-05; beta joined on 2015-06-15.
        (Get-Partner -Database $db -AsOf '2015-05-04').Name | Should -Be @('Alpha Systems', 'Epsilon Consulting', 'Zeta Software')
        (Get-Partner -Database $db -AsOf '2015-05-05').Name | Should -Be @('Alpha Systems', 'Zeta Software')
    }

    It 'with -AsOf counts a partner that joined on that very date' {
        (Get-Partner -Database $db -AsOf '2015-06-15').Name | Should -Be @('Alpha Systems', 'beta Distribution', 'Zeta Software')
    }
}

Describe 'Get-Partner paging' {
    BeforeAll {
        $db = New-FixtureDatabase
    }

    It 'returns the first N in name order with -First' {
        (Get-Partner -Database $db -First 2).Name | Should -Be @('Alpha Systems', 'beta Distribution')
    }

    It 'skips the first N in name order with -Skip' {
        (Get-Partner -Database $db -Skip 2 -First 2).Name | Should -Be @('Delta Services', 'Epsilon Consulting')
        (Get-Partner -Database $db -Skip 5).Name | Should -Be @('Gamma Integrators', 'Zeta Software')
    }

    It 'writes the total count of all matches first with -IncludeTotalCount' {
        $out = @(Get-Partner -Database $db -Status Active -First 1 -IncludeTotalCount)
        $out.Count | Should -Be 2
        $out[0] | Should -Be 3
        $out[1].Name | Should -Be 'Alpha Systems'
    }

    It 'writes no PartnerNotFound error for an exact name that exists outside the page' {
        $err = $null
        $out = Get-Partner -Database $db -Name 'Alpha Systems', 'Zeta Software' -Skip 1 -ErrorVariable err -ErrorAction SilentlyContinue
        $out.Name | Should -Be 'Zeta Software'
        $err | Should -BeNullOrEmpty
    }
}

Describe 'Get-Partner output objects' {
    BeforeAll {
        $db = New-FixtureDatabase
    }

    It 'are PartnerOps.Partner as Get-Member shows' {
        (Get-Partner -Database $db | Get-Member).TypeName | Select-Object -Unique | Should -Be 'PartnerOps.Partner'
    }

    # Type names as text: -ForEach data is built at discovery, before BeforeAll imports the module.
    It 'have the property <Property> of type <Type>' -ForEach @(
        @{ Property = 'Id'; Type = 'System.Int64' }
        @{ Property = 'Name'; Type = 'System.String' }
        @{ Property = 'Type'; Type = 'PartnerOps.PartnerType' }
        @{ Property = 'Tier'; Type = 'PartnerOps.PartnerTier' }
        @{ Property = 'Status'; Type = 'PartnerOps.PartnerStatus' }
        @{ Property = 'Region'; Type = 'System.String' }
        @{ Property = 'Country'; Type = 'System.String' }
        @{ Property = 'JoinedOn'; Type = 'System.DateTime' }
        @{ Property = 'EndedOn'; Type = 'System.Nullable[System.DateTime]' }
        @{ Property = 'Notes'; Type = 'System.String' }
        @{ Property = 'CreatedAt'; Type = 'System.DateTime' }
        @{ Property = 'UpdatedAt'; Type = 'System.DateTime' }
    ) {
        $member = Get-Partner -Database $db -First 1 | Get-Member -Name $Property -MemberType Property
        $member | Should -Not -BeNullOrEmpty
        [PartnerOps.Partner].GetProperty($Property).PropertyType | Should -Be ([type]$Type)
    }

    It 'have the documented enum values' {
        [enum]::GetNames([PartnerOps.PartnerType]) | Should -Be @('Reseller', 'Distributor', 'SystemIntegrator', 'ServiceProvider', 'Consultancy', 'SoftwareVendor', 'Training', 'Other')
        [enum]::GetNames([PartnerOps.PartnerTier]) | Should -Be @('Registered', 'Silver', 'Gold', 'Platinum')
        [enum]::GetNames([PartnerOps.PartnerStatus]) | Should -Be @('Prospect', 'Onboarding', 'Active', 'Suspended', 'Terminated')
    }

    It 'carry CreatedAt and UpdatedAt in UTC' {
        $p = Get-Partner -Database $db -Name 'Alpha Systems'
        $p.CreatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $p.UpdatedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $p.CreatedAt | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-10))
        $p.CreatedAt | Should -BeLessOrEqual ([datetime]::UtcNow.AddMinutes(1))
    }
}

Describe 'Get-Partner on a database that is not there' {
    It 'stops with DatabaseNotFound and does not create the file' {
        $db = New-TestDatabasePath
        { Get-Partner -Database $db } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Test-TestDatabase $db | Should -BeFalse
    }
}

Describe 'Get-Partner streaming over 20,000 partners' {
    BeforeAll {
        $db = New-TestDatabasePath
        1..20000 | ForEach-Object { [pscustomobject]@{ Name = 'Co {0:d5}' -f $_ } } | Add-Partner -Database $db
        $null = Get-Partner -Database $db -First 1   # warm up, so timings below compare reading and not loading

        # A child script: run $Read, remove the module, and count the files under $Database still open.
        # -NoCollect: without a garbage collection first, so a handle only a finalizer would release counts too.
        function Get-OpenFileCountScript([string] $Database, [string] $Read, [switch] $NoCollect) {
            "`$db = $(ConvertTo-PSLiteral $Database)`n$Read`nRemove-Module PartnerOps`n" +
            $(if (-not $NoCollect) { "[GC]::Collect(); [GC]::WaitForPendingFinalizers()`n" }) +
            '@(Get-ChildItem "/proc/$PID/fd" | Where-Object { $_.LinkTarget -like "$db*" }).Count'
        }
    }

    It 'stores all of them' {
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 20000
    }

    It 'gives one partner to Select-Object -First 1' {
        $out = @(Get-Partner -Database $db | Select-Object -First 1)
        $out.Count | Should -Be 1
        $out[0].Name | Should -Be 'Co 00001'
    }

    It 'hands over the first partner long before it could have read them all' {
        # Timed to the first partner's arrival in the next command (Measure-FirstArrival). What a command costs before its
        # first row (opening the database, on a server a few round trips) is measured by a command that reads one partner,
        # and set aside: reading is streamed when the first of all partners comes after a small part of the time reading all
        # of them takes beyond that. Best of three each, so that one slow moment decides nothing.
        $best = { param($Command) (1..3 | ForEach-Object { & $Command } | Measure-Object -Minimum).Minimum }
        $one = & $best { (Measure-Command { $null = Get-Partner -Database $db -Id 1 }).TotalMilliseconds }
        $first = Measure-FirstArrival { Get-Partner -Database $db }
        $all = & $best { (Measure-Command { $null = Get-Partner -Database $db }).TotalMilliseconds }
        ($first - $one) | Should -BeLessThan (($all - $one) / 4) -Because "one partner took $one ms, the first of all arrived after $first ms, all took $all ms"
    }

    # Remove-Module closes every pooled connection; only a connection the cmdlet never disposed stays open.
    # Linux only: the open files are counted in /proc.
    # FileOnly: the database file's handles in /proc/<pid>/fd.
    It 'releases the database file after a complete read once the module is removed' -Tag 'FileOnly' -Skip:(-not (Test-Path "/proc/$PID/fd")) {
        $open = Invoke-ChildPwshJson -ImportModule -Command (Get-OpenFileCountScript $db '$null = Get-Partner -Database $db -First 3')
        $open | Should -Be 0
    }

    # FileOnly: the database file's handles in /proc/<pid>/fd.
    It 'releases the database file after piped writes (their prepared statements finalized) once the module is removed' -Tag 'FileOnly' -Skip:(-not (Test-Path "/proc/$PID/fd")) {
        $copy = Join-Path (New-TestFolder) 'writes.db'
        Copy-Item $db $copy
        $open = Invoke-ChildPwshJson -ImportModule -Command (Get-OpenFileCountScript $copy -NoCollect "1..50 | ForEach-Object { [pscustomobject]@{ Name = `"Written `$_`" } } | Add-Partner -Database `$db; Add-Partner -Database `$db -Name 'Written 1' -ErrorAction SilentlyContinue")
        $open | Should -Be 0
    }

    # FileOnly: the database file's handles in /proc/<pid>/fd.
    It 'releases the database file when Select-Object -First stops it early' -Tag 'FileOnly' -Skip:(-not (Test-Path "/proc/$PID/fd")) {
        $open = Invoke-ChildPwshJson -ImportModule -Command (Get-OpenFileCountScript $db '$null = Get-Partner -Database $db | Select-Object -First 1')
        $open | Should -Be 0 -Because 'a stopped Get-Partner must not keep the database open (on Windows that would lock the file)'
    }
}
