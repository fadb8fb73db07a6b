<#
The safety net of issue 14: tests that kill the faults (mutations) a copy of the code survived, each taken as a kind
(every parameter, every boundary, every import kind), through the cmdlets a user runs. Each was checked by putting the
fault into the code, seeing the test fail, and taking it out again.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A database created on purpose (no "there was no database" warning).
    function New-SafetyDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $db
    }

    function New-SafetyFile([string] $Name, [string] $Text) {
        $path = Join-Path (New-TestFolder) $Name
        [IO.File]::WriteAllText($path, $Text)
        $path
    }

    # The changes of a history entry as 'Property=old>new' strings.
    function Format-Changes($Entry) {
        $Entry.Changes | ForEach-Object { '{0}={1}>{2}' -f $_.Property, $_.Old, $_.New }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Share when some groups are negative (credit notes)' {
    BeforeAll {
        $db = New-SafetyDatabase
        Add-PartnerRevenue -Database $db -Direct -Region China -Date 2015-03-01 -Amount 300
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-03-01 -Amount -100
        Add-PartnerRevenue -Database $db -Direct -Region China -Date 2016-03-01 -Amount 50
        Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2016-03-01 -Amount 150
    }

    It 'divides by the signed total of everything measured, so the shares add up to 1' {
        # China 350, Western Europe 50: 350 / 400 = 0.875, 50 / 400 = 0.125. Over absolute values (300 + 100 + 50 + 150 = 600 by
        # record, or 350 + 50 by group) the first year's credit would count as a sale.
        $m = Measure-PartnerRevenue -Database $db -GroupBy Region -Year 2015
        # 2015 alone: China 300, Western Europe -100, total 200: 300 / 200 = 1.5, -100 / 200 = -0.5.
        ($m | Where-Object Region -EQ 'China').Share | Should -Be 1.5
        ($m | Where-Object Region -EQ 'Western Europe').Share | Should -Be -0.5
    }

    It 'divides by the signed total of each partition (-ShareOf Year)' {
        $m = Measure-PartnerRevenue -Database $db -GroupBy Year, Region -ShareOf Year
        # 2015: 300 / 200, -100 / 200; 2016: 50 / 200, 150 / 200.
        $m | ForEach-Object { '{0} {1} {2}' -f $_.Year, $_.Region, $_.Share } | Sort-Object |
            Should -Be @('2015 China 1.5', '2015 Western Europe -0.5', '2016 China 0.25', '2016 Western Europe 0.75')
    }
}

Describe 'The totals shortcut at year boundaries: -From and -To on any day' {
    BeforeAll {
        $db = New-SafetyDatabase
        # One record per boundary day, amounts powers of two, so that every total names the days it covers.
        $days = [ordered]@{
            '2014-12-31' = 1; '2015-01-01' = 2; '2015-06-30' = 4; '2015-07-01' = 8
            '2015-12-15' = 16; '2015-12-16' = 32; '2015-12-31' = 64; '2016-01-01' = 128
        }
        foreach ($day in $days.Keys) {
            Add-PartnerRevenue -Database $db -Direct -Region China -Date $day -Amount $days[$day]
        }
    }

    It 'Measure-PartnerRevenue -From <From> -To <To> totals <Total>' -ForEach @(
        @{ From = '2015-01-01'; To = '2015-12-31'; Total = 126 }   # a whole year: 2+4+8+16+32+64
        @{ From = '2015-01-01'; To = '2015-12-15'; Total = 30 }    # a December -To that is not the 31st: 2+4+8+16
        @{ From = '2015-01-01'; To = '2015-12-30'; Total = 62 }    # 2+4+8+16+32
        @{ From = '2015-01-02'; To = '2015-12-31'; Total = 124 }   # a -From after the 1st of January: 4+8+16+32+64
        @{ From = '2015-01-01'; To = '2015-06-30'; Total = 6 }     # the first half: 2+4
        @{ From = '2015-07-01'; To = '2015-12-31'; Total = 120 }   # the second half: 8+16+32+64
        @{ From = '2015-12-01'; To = '2015-12-31'; Total = 112 }   # December: 16+32+64
        @{ From = '2015-06-01'; To = '2015-06-30'; Total = 4 }     # a month in between
        @{ From = '2014-12-31'; To = '2015-01-01'; Total = 3 }     # across New Year: 1+2
        @{ From = '2015-12-31'; To = '2015-12-31'; Total = 64 }
        @{ From = '2015-01-01'; To = '2015-01-01'; Total = 2 }
        @{ From = '2014-01-01'; To = '2016-12-31'; Total = 255 }   # whole years around everything
        @{ From = '2014-12-31'; To = '2016-01-01'; Total = 255 }
        @{ From = $null; To = '2015-12-15'; Total = 31 }           # -To alone: 1+2+4+8+16
        @{ From = $null; To = '2014-12-31'; Total = 1 }
        @{ From = '2015-01-01'; To = $null; Total = 254 }          # -From alone: everything but 2014
        @{ From = '2016-01-01'; To = $null; Total = 128 }
    ) {
        $range = @{}
        if ($From) { $range.From = $From }
        if ($To) { $range.To = $To }
        (Measure-PartnerRevenue -Database $db @range).Total | Should -Be $Total
        (Measure-PartnerRevenue -Database $db @range -GroupBy Year | Measure-Object Total -Sum).Sum | Should -Be $Total
        (Get-PartnerRevenue -Database $db @range | Measure-Object Amount -Sum).Sum | Should -Be $Total
    }
}

Describe 'Set-Partner applies each of its parameters' {
    BeforeEach {
        $db = New-SafetyDatabase
        Add-Partner -Database $db -Name 'Acme' -Type Reseller -Tier Registered -Status Active -Region China -Country CN -JoinedOn 2014-02-01 -Notes 'old note'
        $id = (Get-Partner -Database $db -Name 'Acme').Id
    }

    It 'Set-Partner -<Parameter> <Value> by <By> changes <Property>' -ForEach @(
        foreach ($by in 'Name', 'Id', 'Pipeline') {
            @{ By = $by; Parameter = 'Type'; Value = 'Distributor'; Property = 'Type'; Expected = 'Distributor' }
            @{ By = $by; Parameter = 'Tier'; Value = 'Gold'; Property = 'Tier'; Expected = 'Gold' }
            @{ By = $by; Parameter = 'Status'; Value = 'Suspended'; Property = 'Status'; Expected = 'Suspended' }
            @{ By = $by; Parameter = 'Region'; Value = 'Western Europe'; Property = 'Region'; Expected = 'Western Europe' }
            @{ By = $by; Parameter = 'Country'; Value = 'DE'; Property = 'Country'; Expected = 'DE' }
            @{ By = $by; Parameter = 'JoinedOn'; Value = '2013-05-06'; Property = 'JoinedOn'; Expected = [datetime]'2013-05-06' }
            @{ By = $by; Parameter = 'EndedOn'; Value = '2016-07-08'; Property = 'EndedOn'; Expected = [datetime]'2016-07-08' }
            @{ By = $by; Parameter = 'Notes'; Value = 'new note'; Property = 'Notes'; Expected = 'new note' }
            @{ By = $by; Parameter = 'NewName'; Value = 'Acme Renamed'; Property = 'Name'; Expected = 'Acme Renamed' }
        }
    ) {
        $change = @{ $Parameter = $Value }
        switch ($By) {
            'Name' { $passed = Set-Partner -Database $db -Name 'Acme' @change -PassThru }
            'Id' { $passed = Set-Partner -Database $db -Id $id @change -PassThru }
            'Pipeline' { $passed = Get-Partner -Database $db -Name 'Acme' | Set-Partner @change -PassThru }
        }
        $passed.$Property | Should -Be $Expected
        $stored = Get-Partner -Database $db -Id $id
        $stored.$Property | Should -Be $Expected
        # Nothing else changed.
        $before = @{ Name = 'Acme'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Active'; Region = 'China'; Country = 'CN'
            JoinedOn = [datetime]'2014-02-01'; EndedOn = $null; Notes = 'old note' }
        foreach ($other in $before.Keys | Where-Object { $_ -ne $Property }) {
            $stored.$other | Should -Be $before[$other] -Because "only $Property was set"
        }
        $entry = @(Get-PartnerHistory -Database $db)[0]
        "$($entry.Operation) $($entry.Entity)" | Should -Be 'Update Partner'
        $entry.Changes.Property | Should -Be @($Property)
    }
}

Describe 'An Upsert import records each change it makes in the history' {
    It 'Import-Partner -Mode Upsert (<Format>) changing <Field> records Update Partner <Field>=<Old>><New>' -ForEach @(
        foreach ($format in 'csv', 'json') {
            @{ Format = $format; Field = 'Type'; Old = 'Reseller'; New = 'Distributor' }
            @{ Format = $format; Field = 'Tier'; Old = 'Registered'; New = 'Platinum' }
            @{ Format = $format; Field = 'Status'; Old = 'Active'; New = 'Suspended' }
            @{ Format = $format; Field = 'Region'; Old = 'China'; New = 'Latin America' }
            @{ Format = $format; Field = 'Country'; Old = 'CN'; New = 'BR' }
            @{ Format = $format; Field = 'JoinedOn'; Old = '2014-02-01'; New = '2013-01-15' }
            @{ Format = $format; Field = 'EndedOn'; Old = ''; New = '2016-09-30' }
            @{ Format = $format; Field = 'Notes'; Old = 'old note'; New = 'new note' }
        }
    ) {
        $db = New-SafetyDatabase
        Add-Partner -Database $db -Name 'Acme' -Type Reseller -Tier Registered -Status Active -Region China -Country CN -JoinedOn 2014-02-01 -Notes 'old note'
        $row = [ordered]@{ Name = 'Acme'; Type = 'Reseller'; Tier = 'Registered'; Status = 'Active'; Region = 'China'; Country = 'CN'
            JoinedOn = '2014-02-01'; EndedOn = ''; Notes = 'old note' }
        $row[$Field] = $New
        $rows = @([pscustomobject]$row, [pscustomobject]@{ Name = 'Newcomer'; Type = 'Other'; Tier = 'Silver'; Status = 'Active'; Region = 'China'
                Country = 'CN'; JoinedOn = '2015-01-01'; EndedOn = ''; Notes = '' })
        $text = if ($Format -eq 'csv') { ($rows | ConvertTo-Csv -NoTypeInformation) -join "`n" } else { ConvertTo-Json -InputObject $rows }
        $file = New-SafetyFile "partners.$Format" $text

        $result = Import-Partner $file -Database $db -Mode Upsert
        $result.Inserted, $result.Updated, $result.Failed | Should -Be @(1, 1, 0)
        (Get-Partner -Database $db -Name 'Acme').$Field | Should -Be $(if ($Field -in 'JoinedOn', 'EndedOn') { [datetime]$New } else { $New })

        $updates = @(Get-PartnerHistory -Database $db -Operation Update)
        $updates.Count | Should -Be 1
        $updates[0].Entity | Should -Be 'Partner'
        $updates[0].PartnerName | Should -Be 'Acme'
        Format-Changes $updates[0] | Should -Be @("$Field=$Old>$New")
        @(Get-PartnerHistory -Database $db -Operation Insert).Count | Should -Be 2   # Acme by Add-Partner, Newcomer by the import
    }

    It 'Import-PartnerRevenue -Mode Upsert (<Format>) changing <Field> records Update Revenue <Field>=<Old>><New>' -ForEach @(
        foreach ($format in 'csv', 'json') {
            @{ Format = $format; Field = 'Amount'; Old = '100.00'; New = '250.50' }
            @{ Format = $format; Field = 'Date'; Old = '2015-04-01'; New = '2015-05-02' }
            @{ Format = $format; Field = 'Segment'; Old = 'Enterprise'; New = 'Carrier' }
            @{ Format = $format; Field = 'Region'; Old = 'China'; New = 'Western Europe' }
        }
    ) {
        $db = New-SafetyDatabase
        Add-PartnerRevenue -Database $db -Direct -Region China -Date 2015-04-01 -Amount 100 -Segment Enterprise -Reference 'R-1'
        $row = [ordered]@{ PartnerName = ''; Date = '2015-04-01'; Amount = '100.00'; Currency = 'USD'; Segment = 'Enterprise'; Region = 'China'; Reference = 'R-1' }
        $row[$Field] = $New
        $rows = @([pscustomobject]$row)
        $text = if ($Format -eq 'csv') { ($rows | ConvertTo-Csv -NoTypeInformation) -join "`n" } else { ConvertTo-Json -InputObject $rows }
        $file = New-SafetyFile "revenue.$Format" $text

        $result = Import-PartnerRevenue $file -Database $db -Mode Upsert
        $result.Updated, $result.Failed | Should -Be @(1, 0)
        $updates = @(Get-PartnerHistory -Database $db -Operation Update)
        $updates.Count | Should -Be 1
        $updates[0].Entity | Should -Be 'Revenue'
        Format-Changes $updates[0] | Should -Be @("$Field=$Old>$New")
    }
}

Describe '-Atomic undoes the whole file when a row fails validation' {
    It '<Cmdlet> (<Format>) with the invalid row <Where> imports nothing and says so' -ForEach @(
        foreach ($case in @(
                @{ Cmdlet = 'Import-Partner'; Valid = @{ Name = 'A'; Country = 'DE' }, @{ Name = 'B'; Country = 'GB' }; Invalid = @{ Name = 'Bad'; Country = 'XX' } }
                @{ Cmdlet = 'Import-PartnerRevenue'; Valid = @{ PartnerName = ''; Region = 'China'; Date = '2015-04-01'; Amount = '1' }, @{ PartnerName = ''; Region = 'China'; Date = '2015-04-02'; Amount = '2' }
                    Invalid = @{ PartnerName = ''; Region = 'China'; Date = 'not a date'; Amount = '3' } })) {
            foreach ($format in 'csv', 'json') {
                foreach ($where in 'first', 'middle', 'last') {
                    @{ Cmdlet = $case.Cmdlet; Format = $format; Where = $where; Valid = $case.Valid; Invalid = $case.Invalid }
                }
            }
        }
    ) {
        $db = New-SafetyDatabase
        $rows = switch ($Where) {
            'first' { $Invalid, $Valid[0], $Valid[1] }
            'middle' { $Valid[0], $Invalid, $Valid[1] }
            'last' { $Valid[0], $Valid[1], $Invalid }
        }
        $rows = @($rows | ForEach-Object { [pscustomobject]$_ })
        $text = if ($Format -eq 'csv') { ($rows | ConvertTo-Csv -NoTypeInformation) -join "`n" } else { ConvertTo-Json -InputObject $rows }
        $file = New-SafetyFile "rows.$Format" $text
        $before = Get-DatabaseState -Database $db

        $result = & $Cmdlet $file -Database $db -Atomic -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warn -WarningAction SilentlyContinue

        $result.RolledBack | Should -BeTrue
        $result.Read, $result.Inserted, $result.Failed | Should -Be @(3, 0, 1)
        $err.Count | Should -Be 1
        $warn.Count | Should -Be 1
        $warn[0].Message | Should -Match 'Nothing was imported'
        Get-DatabaseState -Database $db | Should -BeExactly $before
    }
}

Describe 'Get-PartnerHistory -Since is a point in time, whatever the session''s time zone' {
    It 'in <Zone>, -Since <Case> finds <Count>' -ForEach @(
        foreach ($zone in 'Asia/Tokyo', 'America/Los_Angeles', 'UTC') {
            @{ Zone = $zone; Case = 'Get-Date 5 minutes ago'; Since = { (Get-Date).AddMinutes(-5) }; Count = 'all' }
            @{ Zone = $zone; Case = 'Get-Date in 5 minutes'; Since = { (Get-Date).AddMinutes(5) }; Count = 'none' }
            @{ Zone = $zone; Case = 'UTC 5 minutes ago'; Since = { [datetime]::UtcNow.AddMinutes(-5) }; Count = 'all' }
            @{ Zone = $zone; Case = 'UTC in 5 minutes'; Since = { [datetime]::UtcNow.AddMinutes(5) }; Count = 'none' }
            @{ Zone = $zone; Case = 'text with Z, 5 minutes ago'; Since = { [datetime]::UtcNow.AddMinutes(-5).ToString('yyyy-MM-ddTHH:mm:ssZ') }; Count = 'all' }
            @{ Zone = $zone; Case = 'text with Z, in 5 minutes'; Since = { [datetime]::UtcNow.AddMinutes(5).ToString('yyyy-MM-ddTHH:mm:ssZ') }; Count = 'none' }
            @{ Zone = $zone; Case = 'local text, 5 minutes ago'; Since = { (Get-Date).AddMinutes(-5).ToString('yyyy-MM-dd HH:mm:ss') }; Count = 'all' }
            @{ Zone = $zone; Case = 'local text, in 5 minutes'; Since = { (Get-Date).AddMinutes(5).ToString('yyyy-MM-dd HH:mm:ss') }; Count = 'none' }
            @{ Zone = $zone; Case = 'DateTimeOffset in 5 minutes'; Since = { [DateTimeOffset]::Now.AddMinutes(5) }; Count = 'none' }
            @{ Zone = $zone; Case = 'DateTimeOffset 5 minutes ago'; Since = { [DateTimeOffset]::Now.AddMinutes(-5) }; Count = 'all' }
        }
    ) {
        $db = New-SafetyDatabase
        Add-Partner -Database $db -Name 'Acme'
        Set-Partner -Database $db -Name 'Acme' -Tier Gold
        Use-TimeZone $Zone {
            $found = @(Get-PartnerHistory -Database $db -Since (& $Since))
            $found.Count | Should -Be $(if ($Count -eq 'all') { 2 } else { 0 })
        }
    }
}

Describe 'A date parameter given a UTC time takes its day in the session''s time zone' {
    BeforeAll {
        $db = New-SafetyDatabase
        foreach ($day in '2014-12-30', '2014-12-31', '2015-01-01', '2015-01-02') {
            Add-Partner -Database $db -Name "Joined $day" -JoinedOn $day
            Add-PartnerRevenue -Database $db -Direct -Region China -Date $day -Amount ([int]$day.Substring(8))
        }
        # 20:00 UTC on 31 December 2014 is 05:00 on 1 January 2015 in Tokyo (UTC+9).
        $utc = [datetime]::new(2014, 12, 31, 20, 0, 0, [DateTimeKind]::Utc)
    }

    It '<Name> reads it as 1 January 2015 in Tokyo' -ForEach @(
        @{ Name = 'Get-Partner -JoinedAfter'; Query = { param($d) (Get-Partner -Database $db -JoinedAfter $d).Name -join ',' } }
        @{ Name = 'Get-Partner -JoinedBefore'; Query = { param($d) (Get-Partner -Database $db -JoinedBefore $d).Name -join ',' } }
        @{ Name = 'Get-Partner -AsOf'; Query = { param($d) (Get-Partner -Database $db -AsOf $d).Name -join ',' } }
        @{ Name = 'Get-PartnerRevenue -From'; Query = { param($d) (Get-PartnerRevenue -Database $db -From $d).Amount -join ',' } }
        @{ Name = 'Get-PartnerRevenue -To'; Query = { param($d) (Get-PartnerRevenue -Database $db -To $d).Amount -join ',' } }
        @{ Name = 'Measure-PartnerRevenue -To'; Query = { param($d) (Measure-PartnerRevenue -Database $db -To $d).Total } }
        @{ Name = 'Measure-Partner -AsOf'; Query = { param($d) (Measure-Partner -Database $db -AsOf $d).Count } }
    ) {
        Use-TimeZone 'Asia/Tokyo' {
            $newYear = & $Query '2015-01-01'
            # The data tells the two days apart, so reading the wrong day would show.
            & $Query '2014-12-31' | Should -Not -Be $newYear
            & $Query $utc | Should -Be $newYear
        }
    }
}
