# Country codes, and region and segment keys: spellings that print the same, a schema-5 database whose regions
# share a key, the one spelling a measure shows. The setup is NameKeys.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'NameKeys.Helpers.ps1') }
AfterAll { Close-PooledConnections; Remove-TestFolders }

Describe 'Country codes' {
    BeforeEach {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
    }

    It 'accepts XK (Kosovo) in Add-Partner, Set-Partner, Import-Partner and the -Country filter' {
        Add-Partner -Database $db -Name 'Prishtina Tech' -Country xk
        Add-Partner -Database $db -Name 'Tirana Soft' -Country AL
        Set-Partner -Database $db -Name 'Tirana Soft' -Country XK
        $csv = New-Csv 'Name,Country', 'Peja Data,XK'
        (Import-Partner $csv -Database $db).Inserted | Should -Be 1
        (Get-Partner -Database $db -Country XK).Name | Should -Be @('Peja Data', 'Prishtina Tech', 'Tirana Soft')
        (Get-Partner -Database $db -Name 'Prishtina Tech').Country | Should -BeExactly 'XK'
    }

    It 'refuses <Given> suggesting <Right> in Add-Partner, Set-Partner, Import-Partner and Get-Partner -Country' -TestCases @(
        @{ Given = 'UK'; Right = 'GB' }, @{ Given = 'el'; Right = 'GR' }, @{ Given = 'TP'; Right = 'TL' }, @{ Given = 'ZR'; Right = 'CD' }, @{ Given = 'KV'; Right = 'XK' }
    ) {
        $upper = $Given.ToUpperInvariant()
        Add-Partner -Database $db -Name 'A' -Country $Given -ErrorVariable e1 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCountryCode,*'
        $e1[0].Exception.Message | Should -BeLike "Country '$Given' is not an ISO 3166-1 alpha-2 country code ($upper is not an ISO 3166-1 code; the code of * is $Right)."
        Add-Partner -Database $db -Name 'B' -Country FR
        Set-Partner -Database $db -Name 'B' -Country $Given -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception.Message | Should -BeLike "*is $Right)."
        (Get-Partner -Database $db -Name 'B').Country | Should -BeExactly 'FR'
        $csv = New-Csv 'Name,Country', "C,$Given"
        (Import-Partner $csv -Database $db -ErrorVariable e3 -ErrorAction SilentlyContinue).Failed | Should -Be 1
        $e3[0].Exception.Message | Should -BeLike "*is $Right*"
        { Get-Partner -Database $db -Country $Given -ErrorAction Stop } | Should -Throw "*is $Right)."
        @(Get-Partner -Database $db).Name | Should -Be @('B')
    }

    It 'gives no suggestion for a code whose meaning is not clear (EN, GER, EU)' -TestCases @(@{ Given = 'EN' }, @{ Given = 'GER' }, @{ Given = 'EU' }) {
        Add-Partner -Database $db -Name 'A' -Country $Given -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeExactly "Country '$Given' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo)."
    }
}

Describe 'Regions and segments that print the same are one (fault 2)' {
    BeforeEach {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Alpha' -Region "Stra${sz}e" -JoinedOn 2015-01-01
    }

    It 'sums Großkunden, GROSSKUNDEN and GROẞKUNDEN as one segment and refuses a ZWSP inside (<Culture>)' -TestCases @(
        @{ Culture = 'en-US' }, @{ Culture = 'en-GB' }, @{ Culture = 'de-DE' }, @{ Culture = 'fr-FR' }, @{ Culture = 'tr-TR' }
    ) {
        $saved = [Globalization.CultureInfo]::CurrentCulture
        try {
            [Globalization.CultureInfo]::CurrentCulture = $Culture
            Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date 2015-02-01 -Amount 100 -Segment "Gro${sz}kunden"
            Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date 2015-03-01 -Amount 200 -Segment 'GROSSKUNDEN'
            Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date 2015-04-01 -Amount 300 -Segment "GRO${capSz}KUNDEN"
            Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date 2015-05-01 -Amount 400 -Segment "Gro${sz}${zwsp}kunden" -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRevenueValue,*'
            $m = @(Measure-PartnerRevenue -Database $db -GroupBy Segment)
            $m.Count | Should -Be 1
            # 100 + 200 + 300 = 600 over 3 records; the smallest spelling (ordinal): 'GROSSKUNDEN' < 'GROẞKUNDEN' < 'Großkunden'.
            $m[0].Segment | Should -BeExactly 'GROSSKUNDEN'
            $m[0].Total | Should -Be 600
            $m[0].ForEach({ $_.Count }) | Should -Be 3
            $m[0].Minimum | Should -Be 100
            $m[0].Maximum | Should -Be 300
            @(Get-PartnerRevenue -Database $db -Segment 'grosskunden').Count | Should -Be 3
            @(Get-PartnerRevenue -Database $db -Segment "gro${sz}*").Count | Should -Be 3
            Test-PartnerDatabase -Database $db | Should -BeTrue
        }
        finally {
            [Globalization.CultureInfo]::CurrentCulture = $saved
        }
    }

    It 'groups Western Europe with a no-break or ideographic space, and İstanbul Bölge with ISTANBUL BÖLGE, as one region each' {
        Add-PartnerRevenue -Database $db -Direct -Date 2015-01-10 -Amount 10 -Region 'Western Europe'
        Add-PartnerRevenue -Database $db -Direct -Date 2015-01-11 -Amount 20 -Region "Western${nbsp}Europe"
        Add-PartnerRevenue -Database $db -Direct -Date 2015-01-12 -Amount 30 -Region "WESTERN`u{3000}EUROPE"
        Add-PartnerRevenue -Database $db -Direct -Date 2015-01-13 -Amount 1 -Region "`u{130}stanbul B`u{F6}lge"
        Add-PartnerRevenue -Database $db -Direct -Date 2015-01-14 -Amount 2 -Region "ISTANBUL B`u{D6}LGE"
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region | Sort-Object Total)
        $m.Count | Should -Be 2
        # 1 + 2 = 3 under the smallest spelling 'ISTANBUL BÖLGE' (I < İ); 10 + 20 + 30 = 60 under 'WESTERN EUROPE' ('WE' < 'We').
        $m.Region | Should -BeExactly @("ISTANBUL B`u{D6}LGE", 'WESTERN EUROPE')
        $m.Total | Should -Be @(3, 60)
        # The spaces are stored as plain spaces.
        (Get-PartnerRevenue -Database $db -Region 'western europe' | Sort-Object Date).Region | Should -BeExactly @('Western Europe', 'Western Europe', 'WESTERN EUROPE')
        (Measure-PartnerRevenue -Database $db -Region "istanbul b`u{F6}lge").Total | Should -Be 3
    }

    It 'imports revenue and partners with the same keys: one segment and region, spaces stored plain, a ZWSP row refused' {
        $rev = New-Csv 'PartnerName,Date,Amount,Currency,Segment,Region', "Alpha,2015-01-01,10,USD,Gro`u{DF}kunden,Western`u{A0}Europe",
            'Alpha,2015-01-02,20,USD,GROSSKUNDEN,WESTERN EUROPE', "Alpha,2015-01-03,40,USD,Gro`u{DF}`u{200B}kunden,Western Europe",
            "Alpha,2015-01-04,30,USD,gro`u{1E9E}kunden,western`u{3000}europe"
        $r = Import-PartnerRevenue $rev -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $r.Inserted | Should -Be 3
        $r.Failed | Should -Be 1
        $err[0].Exception.Message | Should -BeLike "Line 4, column Segment:*U+200B*position 5,*"
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Segment, Region)
        $m.Count | Should -Be 1
        # 10 + 20 + 30 = 60; smallest spellings: 'GROSSKUNDEN' and 'WESTERN EUROPE'.
        $m[0].Total | Should -Be 60
        ($m[0].Segment, $m[0].Region) | Should -BeExactly @('GROSSKUNDEN', 'WESTERN EUROPE')
        (Get-PartnerRevenue -Database $db | Sort-Object Date).Region | Should -BeExactly @('Western Europe', 'WESTERN EUROPE', 'western europe')
        $partners = New-Csv 'Name,Region', "Beta,Stra`u{DF}e`u{A0}Nord", "Gamma,Stra`u{FFF9}e"
        (Import-Partner $partners -Database $db -ErrorAction SilentlyContinue).Failed | Should -Be 1
        (Get-Partner -Database $db -Region 'STRASSE NORD').Region | Should -BeExactly "Stra`u{DF}e Nord"
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'finds Straße by -Region strasse, STRASSE* and Straße; a target of a region is one per key' {
        (Get-Partner -Database $db -Region 'strasse').Name | Should -Be 'Alpha'
        (Get-Partner -Database $db -Region 'STRASSE*').Name | Should -Be 'Alpha'
        (Get-Partner -Database $db -Region "STRA${capSz}E").Name | Should -Be 'Alpha'
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Region 'strasse' -Value 3
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Region "Stra${sz}e" -Value 5
        $t = @(Get-PartnerTarget -Database $db)
        $t.Count | Should -Be 1
        $t[0].Value | Should -Be 5
        (Get-PartnerTarget -Database $db -Region "STRA${capSz}E").Value | Should -Be 5
        # PartnerCount counts Alpha (region Straße, Active) under the target's region 'strasse'.
        (Measure-PartnerTarget -Database $db -Year 2015 -AsOf 2015-12-31).Actual | Should -Be 1
    }
}

# FileOnly: SQLite databases of schema 5 built by hand, then migrated.
Describe 'A schema-5 database whose regions and segments now share a key (fault 2, schema step 6)' -Tag 'FileOnly' {
    BeforeEach {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        Close-PooledConnections
        # Step 6 changes no table, so a new database set back to version 5 with the keys version 5 computed (the
        # text upper-cased, ToUpperInvariant: ß and İ stay, a no-break space stays) is a version-5 database, once the
        # columns later steps add (targets.statuses, the statuses a count target counts; partners.name_sort and its
        # index; the import history's tables and indexes of step 9; history.source and history.line of step 11) are taken
        # away again.
        # Amounts are cents. Direct revenue (partner_id NULL), year 2015, USD.
        $rows = @(
            @(10000, "Gro${sz}kunden", 'Western Europe'),
            @(20000, 'GROSSKUNDEN', "Western${nbsp}Europe"),
            @(5000, 'Enterprise', "`u{130}stanbul B`u{F6}lge"),
            @(7000, 'enterprise', "ISTANBUL B`u{D6}LGE")
        ) | ForEach-Object {
            "(NULL, '2015-03-01', $($_[0]), 'USD', '$($_[1])', '$($_[1].ToUpperInvariant())', '$($_[2])', '$($_[2].ToUpperInvariant())', '2020-01-01 00:00:00.000')"
        }
        Invoke-RawSql -Database $db -Sql @"
INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, created_at) VALUES $($rows -join ', ');
INSERT INTO targets (id, metric, region, region_key, year, value, currency, created_at, updated_at) VALUES
 (1, 'PartnerRevenue', 'Western Europe', 'WESTERN EUROPE', 2015, '1000', 'USD', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000'),
 (2, 'PartnerRevenue', 'western${nbsp}europe', 'WESTERN${nbsp}EUROPE', 2015, '2000', 'USD', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000'),
 (3, 'PartnerRevenue', 'Western Europe', 'WESTERN EUROPE', 2016, '4000', 'USD', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000');
DROP TABLE deals; ALTER TABLE revenue DROP COLUMN attribution;
DROP TABLE certifications; DROP TABLE contacts; DROP TABLE tier_rules;
ALTER TABLE targets DROP COLUMN statuses;
DROP INDEX partners_name_sort; ALTER TABLE partners DROP COLUMN name_sort;
DROP INDEX history_changes; DROP INDEX history_moved; DROP TABLE history_runs; DROP TABLE history_batches;
ALTER TABLE history DROP COLUMN source; ALTER TABLE history DROP COLUMN line;
DROP TABLE status_changes; ALTER TABLE partners DROP COLUMN status_since; ALTER TABLE partners DROP COLUMN tier_since; ALTER TABLE partners DROP COLUMN status_reason;
PRAGMA user_version = 5;
"@
        $c = Open-RawConnection -Database $db
        try {
            $cmd = $c.CreateCommand(); $cmd.CommandText = 'SELECT count(*) FROM revenue_totals'
            $script:cellsBefore = $cmd.ExecuteScalar()
        }
        finally { $c.Dispose() }
    }

    It 'recomputes the keys and merges the totals cells whose keys now coincide' {
        $script:cellsBefore | Should -Be 4   # four records, four (region, segment) cells under the old keys
        (Get-PartnerDatabase -Database $db).SchemaVersion | Should -Be ([PartnerOps.Sqlite.Schema]::CurrentVersion)
        $seg = @(Measure-PartnerRevenue -Database $db -GroupBy Segment | Sort-Object Total)
        # enterprise: 50.00 + 70.00 = 120.00 under 'Enterprise' ('E' < 'e'); grosskunden: 100.00 + 200.00 = 300.00 under 'GROSSKUNDEN'.
        $seg.Segment | Should -BeExactly @('Enterprise', 'GROSSKUNDEN')
        $seg.Total | Should -Be @(120, 300)
        $seg.ForEach({ $_.Count }) | Should -Be @(2, 2)
        $seg.Minimum | Should -Be @(50, 100)
        $seg.Maximum | Should -Be @(70, 200)
        $reg = @(Measure-PartnerRevenue -Database $db -GroupBy Region | Sort-Object Total)
        # istanbul bölge: 50 + 70 under 'ISTANBUL BÖLGE' (I < İ); western europe: 100 + 200 under 'Western Europe' (space < NBSP).
        $reg.Region | Should -BeExactly @("ISTANBUL B`u{D6}LGE", 'Western Europe')
        $reg.Total | Should -Be @(120, 300)
        $c = Open-RawConnection -Database $db
        try {
            $cmd = $c.CreateCommand(); $cmd.CommandText = "SELECT group_concat(region_key || '|' || segment_key || '|' || count || '|' || total, ';') FROM (SELECT * FROM revenue_totals ORDER BY total)"
            $cmd.ExecuteScalar() | Should -BeExactly "istanbul b`u{F6}lge|enterprise|2|12000;western europe|grosskunden|2|30000"
        }
        finally { $c.Dispose() }
        $checks = @(Test-PartnerDatabase -Database $db -Detailed)
        ($checks | Where-Object Check -EQ RevenueTotals).Passed | Should -BeTrue
        # New records keep adding to the merged cells.
        Add-PartnerRevenue -Database $db -Direct -Date 2015-06-01 -Amount 1 -Segment "GRO${capSz}KUNDEN" -Region 'WESTERN EUROPE'
        (Measure-PartnerRevenue -Database $db -Segment 'grosskunden').Total | Should -Be 301
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ RevenueTotals).Passed | Should -BeTrue
    }

    It 'keeps both targets whose regions now share a key: the older holds it, the pair is a SharedTargets finding' {
        $all = @(Get-PartnerTarget -Database $db | Sort-Object Id)
        $all.Id | Should -Be @(1, 2, 3)
        $all.Value | Should -Be @(1000, 2000, 4000)
        (Get-PartnerTarget -Database $db -Region "WESTERN${nbsp}EUROPE" -Year 2015).Id | Should -Be 1
        $shared = @(Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ SharedTargets)
        $shared.Count | Should -Be 1
        $shared[0].Passed | Should -BeFalse
        $shared[0].Detail | Should -BeLike "Targets Id 1 and Id 2 (PartnerRevenue 2015) have regions that print the same ('Western Europe' and 'western${nbsp}europe'*Remove-PartnerTarget -Id 2*"
        Test-PartnerDatabase -Database $db | Should -BeFalse
        Remove-PartnerTarget -Database $db -Id 2 -Confirm:$false
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ SharedTargets).Detail | Should -Be 'ok'
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}

Describe 'Spellings of one region or segment key are one group, shown one way, in every row of a measure' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Bosporus Bilisim' -Region 'Europe' -Country TR
        # 100 + 200 + 400 in three spellings of one region (İ/I/i), in two years; segments Großkunden/GROSSKUNDEN and SMB.
        $null = Add-PartnerRevenue -Database $db -Partner 'Bosporus Bilisim' -Date 2015-01-01 -Amount 100 -Region 'İstanbul Bölge' -Segment 'Großkunden'
        $null = Add-PartnerRevenue -Database $db -Partner 'Bosporus Bilisim' -Date 2016-01-01 -Amount 200 -Region 'ISTANBUL BÖLGE' -Segment 'GROSSKUNDEN'
        $null = Add-PartnerRevenue -Database $db -Partner 'Bosporus Bilisim' -Date 2016-02-01 -Amount 400 -Region 'istanbul bölge' -Segment 'SMB'
    }

    It 'gives one Region group of 700.00 from the totals' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region)
        $m.Count | Should -Be 1
        $m[0].Total | Should -Be 700.00
        $m[0].Count | Should -Be 3
        $m[0].Region | Should -BeExactly 'ISTANBUL BÖLGE' # the smallest spelling (ordinal): 'I' < 'i' < 'İ'
    }

    It 'shows the one spelling in every row of -GroupBy Region, Year (100.00 in 2015, 600.00 in 2016)' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region, Year)
        $m.Count | Should -Be 2
        ($m | ForEach-Object { '{0}|{1}|{2}' -f $_.Region, $_.Year, $_.Total }) | Should -Be @('ISTANBUL BÖLGE|2015|100.00', 'ISTANBUL BÖLGE|2016|600.00')
    }

    It 'gives one Segment group for Großkunden/GROSSKUNDEN from the records (a -From/-To window): 300.00 and SMB 400.00' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Segment -From 2015-01-01 -To 2016-12-31)
        ($m | ForEach-Object { '{0}|{1}|{2}' -f $_.Segment, $_.Count, $_.Total }) | Should -Be @('GROSSKUNDEN|2|300.00', 'SMB|1|400.00')
    }
}

Describe 'A region keeps one spelling whatever the measure filters (the smallest in the database)' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Kappa Ltd' -Region 'Europe' -Country DE
        $null = Add-PartnerRevenue -Database $db -Partner 'Kappa Ltd' -Amount 10 -Date 2014-05-01 -Region 'İstanbul' -Segment 'Großkunden'
        $null = Add-PartnerRevenue -Database $db -Partner 'Kappa Ltd' -Amount 20 -Date 2015-05-01 -Region 'ISTANBUL' -Segment 'GROSSKUNDEN'
        $null = Add-PartnerRevenue -Database $db -Partner 'Kappa Ltd' -Amount 30 -Date 2016-05-01 -Region 'istanbul' -Segment 'grosskunden'
    }

    It 'shows ISTANBUL and GROSSKUNDEN for -Year <Year> alone (total <Total>)' -ForEach @(
        @{ Year = 2014; Total = 10.00 }, @{ Year = 2015; Total = 20.00 }, @{ Year = 2016; Total = 30.00 }
    ) {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region, Segment -Year $Year)
        $m.Count | Should -Be 1
        '{0}|{1}|{2}' -f $m[0].Region, $m[0].Segment, $m[0].Total | Should -BeExactly "ISTANBUL|GROSSKUNDEN|$($Total.ToString('0.00', [cultureinfo]::InvariantCulture))"
    }

    It 'shows ISTANBUL for a -From/-To window read from the records (2016: 30.00)' {
        $m = @(Measure-PartnerRevenue -Database $db -GroupBy Region -From 2016-01-01 -To 2016-12-31)
        '{0}|{1}' -f $m[0].Region, $m[0].Total | Should -BeExactly 'ISTANBUL|30.00'
    }
}
