# Dates read from text: one answer on both paths, time zones, every cmdlet the same way.
# The setup is ValueText.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'ValueText.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Dates: one answer on both paths' {
    It '<Culture>: Date <Text> is stored as <Stored>' -ForEach @(
        # The session culture's own forms, read exactly: day first in en-GB, de-DE and fr-FR, month first in en-US.
        @{ Culture = 'en-US'; Text = '03/04/2015'; Stored = '2015-03-04 1.00 EUR' }
        @{ Culture = 'en-US'; Text = '3/4/2015 11:59:59 PM'; Stored = '2015-03-04 1.00 EUR' }
        @{ Culture = 'en-GB'; Text = '03/04/2015'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'en-GB'; Text = '03/04/2015 23:00:00'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'de-DE'; Text = '03.04.2015'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'fr-FR'; Text = '03/04/2015 00:00:00'; Stored = '2015-04-03 1.00 EUR' }
        # ISO in every culture, with or without a time, an offset or Z: the calendar day written.
        @{ Culture = 'en-US'; Text = '2015-04-03'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'de-DE'; Text = ' 2015-04-03 '; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'fr-FR'; Text = '2015-04-03T23:59:59'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'en-GB'; Text = '2015-04-03 08:00'; Stored = '2015-04-03 1.00 EUR' }
        @{ Culture = 'en-GB'; Text = '2015-04-03T00:00:00.0000000Z'; Stored = '2015-04-03 1.00 EUR' }
    ) {
        $result = Use-Culture $Culture { Invoke-BothPaths -Date $Text }
        $result.Pipe | Should -BeExactly $Stored
        $result.Import | Should -BeExactly $Stored
    }

    It '<Culture>: Date <Text> is refused on both paths, naming the forms tried' -ForEach @(
        # de-DE writes 03.04.2015; a slashed date is another culture's, and which one cannot be guessed.
        @{ Culture = 'de-DE'; Text = '03/04/2015'; Forms = "de-DE's (31.03.2015 or 31.03.2015 00:00:00)" }
        @{ Culture = 'en-US'; Text = '31/03/2015'; Forms = "en-US's (3/31/2015 or 3/31/2015 12:00:00`u{202F}AM)" }
        @{ Culture = 'en-GB'; Text = '2015-02-29'; Forms = "en-GB's (31/03/2015 or 31/03/2015 00:00:00)" }
        @{ Culture = 'fr-FR'; Text = '2015-04-03T25:00:00'; Forms = "fr-FR's (31/03/2015 or 31/03/2015 00:00:00)" }
    ) {
        $result = Use-Culture $Culture { Invoke-BothPaths -Date $Text }
        foreach ($said in $result.Pipe, $result.Import) {
            $said | Should -BeLike "*'$Text' is not a date: the forms read are ISO 8601 (2015-03-31, optionally with a time and an offset or Z), \/Date(milliseconds)\/ and $Forms; an import reads another culture's with -Culture.*"
        }
        $result.Import | Should -BeLike 'error: Line 2, column Date:*'
    }

    It 'Import -Culture en-GB reads 03/04/2015 as 3 April in an en-US session, which reads it as 4 March without' {
        $folder = New-TestFolder
        Use-Culture 'en-US' {
            "PartnerName,Date,Amount,Currency,Region`n,03/04/2015,1,EUR,EU" | Set-Content "$folder/in.csv"
            $null = Import-PartnerRevenue "$folder/in.csv" -Database "$folder/gb.db" -Culture en-GB
            $null = Import-PartnerRevenue "$folder/in.csv" -Database "$folder/us.db"
        }
        Get-StoredRevenue "$folder/gb.db" | Should -Be @('2015-04-03 1.00 EUR')
        Get-StoredRevenue "$folder/us.db" | Should -Be @('2015-03-04 1.00 EUR')
    }
}

Describe 'Dates in time zones: the calendar day the text names, on both paths' {
    It '<Zone>: <Text> is stored as <Stored>' -ForEach @(
        # An offset or Z never moves the day: 1 April as written, in every zone.
        foreach ($zone in 'America/Los_Angeles', 'UTC', 'Asia/Tokyo') {
            @{ Zone = $zone; Text = '2014-04-01T00:00:00+02:00'; Stored = '2014-04-01 1.00 EUR' }
            @{ Zone = $zone; Text = '2014-04-01T23:30:00-08:00'; Stored = '2014-04-01 1.00 EUR' }
            @{ Zone = $zone; Text = '2014-04-01T00:00:00Z'; Stored = '2014-04-01 1.00 EUR' }
            # \/Date(ms+hhmm)\/: 1396303200000 ms is 2014-03-31T22:00Z (1396310400 s is 2014-04-01T00:00Z, less 7200 s);
            # at +02:00 that is midnight of 1 April.
            @{ Zone = $zone; Text = '/Date(1396303200000+0200)/'; Stored = '2014-04-01 1.00 EUR' }
            @{ Zone = $zone; Text = '\/Date(1396303200000+0200)\/'; Stored = '2014-04-01 1.00 EUR' }
        }
        # \/Date(ms)\/ without an offset, as Windows PowerShell's ConvertTo-Json writes local midnight of 1 April 2014:
        # 2014-04-01T00:00Z is 1396310400000 ms; Los Angeles is UTC-7 (PDT since 9 March) so its midnight is 7 h later,
        # 1396335600000; Tokyo is UTC+9, 9 h earlier, 1396278000000. Each is read as the day in the session's zone.
        @{ Zone = 'America/Los_Angeles'; Text = '/Date(1396335600000)/'; Stored = '2014-04-01 1.00 EUR' }
        @{ Zone = 'UTC'; Text = '/Date(1396310400000)/'; Stored = '2014-04-01 1.00 EUR' }
        @{ Zone = 'Asia/Tokyo'; Text = '/Date(1396278000000)/'; Stored = '2014-04-01 1.00 EUR' }
        # The UTC writer's midnight is 09:00 on 1 April in Tokyo, and 17:00 on 31 March in Los Angeles.
        @{ Zone = 'Asia/Tokyo'; Text = '/Date(1396310400000)/'; Stored = '2014-04-01 1.00 EUR' }
        @{ Zone = 'America/Los_Angeles'; Text = '/Date(1396310400000)/'; Stored = '2014-03-31 1.00 EUR' }
    ) {
        $result = Use-TimeZone $Zone { Use-Culture 'en-US' { Invoke-BothPaths -Date $Text } }
        $result.Pipe | Should -BeExactly $Stored
        $result.Import | Should -BeExactly $Stored
    }

    It '<Zone>: -Date ''2014-04-01T00:00:00+02:00'' given on the command line is 1 April' -ForEach @(
        @{ Zone = 'America/Los_Angeles' }
        @{ Zone = 'UTC' }
        @{ Zone = 'Pacific/Auckland' }
    ) {
        $db = New-TestDatabasePath
        Use-TimeZone $Zone { Add-PartnerRevenue -Database $db -Direct -Region EU -Date '2014-04-01T00:00:00+02:00' -Amount 1 -Currency EUR }
        Get-StoredRevenue $db | Should -Be @('2014-04-01 1.00 EUR')
    }

    It '<Zone>: Windows PowerShell JSON (\/Date(ms)\/ of local midnight) gives 1 April through ConvertFrom-Json | Add-PartnerRevenue and Import-PartnerRevenue' -ForEach @(
        @{ Zone = 'America/Los_Angeles'; Ms = '1396335600000' }
        @{ Zone = 'UTC'; Ms = '1396310400000' }
        @{ Zone = 'Asia/Tokyo'; Ms = '1396278000000' }
    ) {
        $folder = New-TestFolder
        $json = '[{"PartnerName":"","Date":"\/Date(' + $Ms + ')\/","Amount":1,"Currency":"EUR","Region":"EU"}]'
        Set-Content "$folder/wp.json" $json
        Use-TimeZone $Zone {
            # PowerShell 7's ConvertFrom-Json makes a DateTime of kind Utc of it: its day here is the writer's day.
            $json | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/pipe.db"
            $null = Import-PartnerRevenue "$folder/wp.json" -Database "$folder/import.db"
        }
        Get-StoredRevenue "$folder/pipe.db" | Should -Be @('2014-04-01 1.00 EUR')
        Get-StoredRevenue "$folder/import.db" | Should -Be @('2014-04-01 1.00 EUR')
    }

    It '<Zone>: date objects piped are their own day: DateTimeOffset at its offset, DateTime of kind Utc in this zone, others as they are' -ForEach @(
        # [datetime] 2014-03-31T23:00Z is 16:00 on 31 March in Los Angeles (PDT, UTC-7), 23:00 in UTC, 08:00 on 1 April in Tokyo.
        @{ Zone = 'America/Los_Angeles'; Utc = '2014-03-31' }
        @{ Zone = 'UTC'; Utc = '2014-03-31' }
        @{ Zone = 'Asia/Tokyo'; Utc = '2014-04-01' }
    ) {
        $db = New-TestDatabasePath
        Use-TimeZone $Zone {
            [pscustomobject]@{ PartnerName = ''; Date = [datetimeoffset]::new(2014, 4, 1, 0, 0, 0, [timespan]::FromHours(2)); Amount = 1; Currency = 'EUR'; Region = 'EU' },
            [pscustomobject]@{ PartnerName = ''; Date = [datetime]::SpecifyKind([datetime]::new(2014, 3, 31, 23, 0, 0), 'Utc'); Amount = 2; Currency = 'EUR'; Region = 'EU' },
            [pscustomobject]@{ PartnerName = ''; Date = [datetime]::SpecifyKind([datetime]::new(2014, 4, 2, 23, 59, 0), 'Local'); Amount = 3; Currency = 'EUR'; Region = 'EU' },
            [pscustomobject]@{ PartnerName = ''; Date = [datetime]::new(2014, 4, 3, 0, 0, 0); Amount = 4; Currency = 'EUR'; Region = 'EU' } | Add-PartnerRevenue -Database $db
        }
        # In the order given (amounts 1 to 4), whatever the dates' order.
        Get-StoredRevenue $db | Sort-Object { $_.Split(' ')[1] } | Should -Be @('2014-04-01 1.00 EUR', "$Utc 2.00 EUR", '2014-04-02 3.00 EUR', '2014-04-03 4.00 EUR')
    }

    It 'Los Angeles: ConvertFrom-Json moves a date with an offset to the local day before the module sees it; -DateKind String or Offset, or Import-PartnerRevenue, keep the day written' {
        $folder = New-TestFolder
        $json = '[{"PartnerName":"","Date":"2014-04-01T00:00:00+02:00","Amount":1,"Currency":"EUR","Region":"EU"}]'
        Set-Content "$folder/in.json" $json
        Use-TimeZone 'America/Los_Angeles' {
            # PowerShell itself: 2014-03-31T22:00Z is 15:00 on 31 March in Los Angeles, a DateTime of kind Local.
            $json | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/shifted.db"
            $json | ConvertFrom-Json -DateKind String | Add-PartnerRevenue -Database "$folder/string.db"
            $json | ConvertFrom-Json -DateKind Offset | Add-PartnerRevenue -Database "$folder/offset.db"
            $null = Import-PartnerRevenue "$folder/in.json" -Database "$folder/import.db"
        }
        Get-StoredRevenue "$folder/shifted.db" | Should -Be @('2014-03-31 1.00 EUR')
        Get-StoredRevenue "$folder/string.db" | Should -Be @('2014-04-01 1.00 EUR')
        Get-StoredRevenue "$folder/offset.db" | Should -Be @('2014-04-01 1.00 EUR')
        Get-StoredRevenue "$folder/import.db" | Should -Be @('2014-04-01 1.00 EUR')
    }
}

Describe 'Every cmdlet that reads a date or a number from text reads it the same way' {
    It '<Culture>: Set-Partner, the Get-Partner and Get-PartnerRevenue filters and a piped revenue row read the culture''s own forms' -ForEach @(
        @{ Culture = 'en-US'; Ended = '12/31/2015'; After = '1/2/2015'; Amount = '1,234.50' }
        @{ Culture = 'en-GB'; Ended = '31/12/2015'; After = '02/01/2015'; Amount = '1,234.50' }
        @{ Culture = 'de-DE'; Ended = '31.12.2015'; After = '02.01.2015'; Amount = '1.234,50' }
        @{ Culture = 'fr-FR'; Ended = '31/12/2015'; After = '02/01/2015'; Amount = "1`u{202F}234,50" }
    ) {
        $folder = New-TestFolder
        $db = "$folder/a.db"
        Use-Culture $Culture {
            Add-Partner -Database $db -Name 'Early' -JoinedOn 2015-01-02
            Add-Partner -Database $db -Name 'Later' -JoinedOn 2015-01-03
            Set-Partner -Database $db -Name 'Later' -Status Terminated -EndedOn $Ended
            # After 2 January, the day itself excluded: only Later (joined 3 January).
            $script:joinedAfter = @(Get-Partner -Database $db -JoinedAfter $After).Name
            [pscustomobject]@{ PartnerName = 'Early'; Date = $After; Amount = $Amount; Currency = 'EUR' } | Add-PartnerRevenue -Database $db
            $script:from = @(Get-PartnerRevenue -Database $db -From $After -To $After).Count
            # Rows of revenue measured as given: the amount read in the culture, 1234.50.
            $script:measured = ([pscustomobject]@{ Id = 9; PartnerId = 1; PartnerName = 'Early'; Date = $After; Amount = $Amount; Currency = 'USD'; Segment = 'Enterprise'; Region = 'EU' } |
                Measure-PartnerRevenue -Database $db).Total
        }
        (Get-Partner -Database $db -Name 'Later').EndedOn.ToString('yyyy-MM-dd', $Inv) | Should -Be '2015-12-31'
        $joinedAfter | Should -Be @('Later')
        Get-StoredRevenue $db | Should -Be @('2015-01-02 1234.50 EUR')
        $from | Should -Be 1
        $measured | Should -Be 1234.50
    }

    It '<Zone>: Get-PartnerHistory -Since reads a time with an offset as that instant, and a time without one as local time' -ForEach @(
        @{ Zone = 'America/Los_Angeles' }
        @{ Zone = 'UTC' }
        @{ Zone = 'Asia/Tokyo' }
    ) {
        $db = New-TestDatabasePath
        Use-TimeZone $Zone {
            Add-Partner -Database $db -Name 'Acme'
            $now = [datetimeoffset]::UtcNow
            # An hour ago, written with an offset (+00:00) and as local time without one: both include the change.
            $script:withOffset = @(Get-PartnerHistory -Database $db -Since $now.AddHours(-1).ToString('yyyy-MM-ddTHH:mm:sszzz', $Inv)).Count
            $script:local = @(Get-PartnerHistory -Database $db -Since $now.AddHours(-1).LocalDateTime.ToString('yyyy-MM-dd HH:mm:ss', $Inv)).Count
            # An hour ahead: none.
            $script:ahead = @(Get-PartnerHistory -Database $db -Since $now.AddHours(1).ToString('yyyy-MM-ddTHH:mm:ssZ', $Inv).Replace('+00:00Z', 'Z')).Count
        }
        $withOffset | Should -Be 1
        $local | Should -Be 1
        $ahead | Should -Be 0
    }
}
