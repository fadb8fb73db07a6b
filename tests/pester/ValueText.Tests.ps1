# Issue 12, kind 1 (and the date and number instances of kinds 5 and 6): one reading of every date and number.
# The pipeline (Import-Csv | Add-PartnerRevenue, a parameter given as text) and the bulk import (Import-PartnerRevenue)
# read text with one parser, so every input gives the same stored value, or the same error, on both paths.
# Expected values are written by hand in the tests; the comments say how they were worked out.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Inv = [cultureinfo]::InvariantCulture

    # Runs $Script with the session's culture set to $Name, restoring it after.
    function Use-Culture {
        param([string] $Name, [scriptblock] $Script)
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = [cultureinfo]::new($Name)
            & $Script
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }

    # The revenue stored, one "yyyy-MM-dd amount currency" line each, as a user reads it back.
    function Get-StoredRevenue {
        param([string] $Database)
        @(Get-PartnerRevenue -Database $Database | ForEach-Object {
            '{0} {1} {2}' -f $_.Date.ToString('yyyy-MM-dd', $Inv), $_.Amount.ToString($Inv), $_.Currency
        })
    }

    function Get-StoredPartners {
        param([string] $Database)
        @(Get-Partner -Database $Database | Sort-Object Name | ForEach-Object {
            '{0} {1} {2}' -f $_.Name, $_.JoinedOn.ToString('yyyy-MM-dd', $Inv), $(if ($_.EndedOn) { $_.EndedOn.ToString('yyyy-MM-dd', $Inv) } else { '-' })
        })
    }

    <#
    One row of direct revenue (PartnerName empty) given as text, through both paths in the current culture and time zone:
    piped as Import-Csv would give it to Add-PartnerRevenue, and written to a CSV file for Import-PartnerRevenue. Each
    path's result is the stored record ("yyyy-MM-dd amount currency") or "error: " and its message.
    #>
    function Invoke-BothPaths {
        param([string] $Date = '2015-03-31', [string] $Amount = '1', [string] $Currency = 'EUR', [string[]] $ImportArgs = @())
        $folder = New-TestFolder
        # Both databases created on purpose (not by the paths themselves, with a warning each).
        $null = New-PartnerDatabase -Path "$folder/pipe.db"
        $null = New-PartnerDatabase -Path "$folder/import.db"
        $row = [pscustomobject][ordered]@{ PartnerName = ''; Date = $Date; Amount = $Amount; Currency = $Currency; Region = 'EU' }

        $pipeErrors = $null
        $row | Add-PartnerRevenue -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
        $pipe = if ($pipeErrors) { 'error: ' + $pipeErrors[0].Exception.Message } else { Get-StoredRevenue "$folder/pipe.db" }

        $row | ConvertTo-Csv | Set-Content -LiteralPath "$folder/in.csv" -Encoding utf8NoBOM
        $importErrors = $null
        $null = Import-PartnerRevenue "$folder/in.csv" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue @ImportArgs
        $import = if ($importErrors) { 'error: ' + $importErrors[0].Exception.Message } else { Get-StoredRevenue "$folder/import.db" }
        [pscustomobject]@{ Pipe = "$pipe"; Import = "$import" }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'A file Export-Csv wrote in the session''s culture imports the same on both paths' {
    It '<Culture>: Get-Partner/Get-PartnerRevenue | Export-Csv, then Import-Partner/Import-PartnerRevenue and Import-Csv | Add-*' -ForEach @(
        @{ Culture = 'en-US' }
        @{ Culture = 'en-GB' }
        @{ Culture = 'de-DE' }
        @{ Culture = 'fr-FR' }
    ) {
        $folder = New-TestFolder
        Use-Culture $Culture {
            $source = "$folder/source.db"
            # Days of 12 or less on both sides (3 April, 5 November, 4 March, 12 December) are the ones a wrong culture misreads.
            Add-Partner -Database $source -Name 'Acme' -JoinedOn 2015-04-03
            Add-Partner -Database $source -Name 'Borealis' -JoinedOn 2014-11-05 -Status Terminated -EndedOn 2015-12-12
            Add-PartnerRevenue -Database $source -Partner 'Acme' -Date 2015-03-04 -Amount 1234.5 -Currency EUR
            Add-PartnerRevenue -Database $source -Partner 'Acme' -Date 2015-12-31 -Amount 1000000 -Currency EUR
            Add-PartnerRevenue -Database $source -Partner 'Borealis' -Date 2015-01-02 -Amount 0.125 -Currency KWD
            Add-PartnerRevenue -Database $source -Partner 'Borealis' -Date 2015-02-01 -Amount -12.3 -Currency EUR
            Get-Partner -Database $source | Export-Csv "$folder/partners.csv"
            Get-PartnerRevenue -Database $source | Export-Csv "$folder/revenue.csv"

            $partners = Import-Partner "$folder/partners.csv" -Database "$folder/import.db"
            $revenue = Import-PartnerRevenue "$folder/revenue.csv" -Database "$folder/import.db"
            Import-Csv "$folder/partners.csv" | Add-Partner -Database "$folder/pipe.db" -WarningAction SilentlyContinue
            Import-Csv "$folder/revenue.csv" | Add-PartnerRevenue -Database "$folder/pipe.db" -WarningAction SilentlyContinue
            $script:exported = Get-Content "$folder/revenue.csv" -Raw
            $partners.Inserted | Should -Be 2
            $partners.Failed | Should -Be 0
            $revenue.Inserted | Should -Be 4
            $revenue.Failed | Should -Be 0
        }

        # The file really is in the culture's forms (what PowerShell 7.6's Export-Csv writes), not ISO.
        $expectedDate = @{ 'en-US' = "3/4/2015 12:00:00`u{202F}AM"; 'en-GB' = '04/03/2015 00:00:00'; 'de-DE' = '04.03.2015 00:00:00'; 'fr-FR' = '04/03/2015 00:00:00' }[$Culture]
        $expectedAmount = @{ 'en-US' = '"1234.50"'; 'en-GB' = '"1234.50"'; 'de-DE' = '"1234,50"'; 'fr-FR' = '"1234,50"' }[$Culture]
        $exported | Should -BeLike "*`"$expectedDate`",*"
        $exported | Should -BeLike "*$expectedAmount*"

        foreach ($db in "$folder/import.db", "$folder/pipe.db") {
            Get-StoredPartners $db | Should -Be @('Acme 2015-04-03 -', 'Borealis 2014-11-05 2015-12-12')
            # Amounts keep their currency's minor digits: 1234.5 EUR is 1234.50, 0.125 KWD has three. In date order.
            Get-StoredRevenue $db | Should -Be @('2015-01-02 0.125 KWD', '2015-02-01 -12.30 EUR', '2015-03-04 1234.50 EUR', '2015-12-31 1000000.00 EUR')
        }
    }

    It '<Culture>: a revenue file exported in the session''s culture removes the records it lists (Import-Csv | Remove-PartnerRevenue)' -ForEach @(
        @{ Culture = 'en-US' }
        @{ Culture = 'de-DE' }
    ) {
        $folder = New-TestFolder
        Use-Culture $Culture {
            Add-PartnerRevenue -Database "$folder/a.db" -Direct -Region EU -Date 2015-03-04 -Amount 1234.5 -Currency EUR
            Add-PartnerRevenue -Database "$folder/a.db" -Direct -Region EU -Date 2015-03-05 -Amount 7 -Currency EUR
            Get-PartnerRevenue -Database "$folder/a.db" | Select-Object -First 1 | Export-Csv "$folder/r.csv"
            Import-Csv "$folder/r.csv" | Remove-PartnerRevenue -Confirm:$false -WarningAction SilentlyContinue
        }
        Get-StoredRevenue "$folder/a.db" | Should -Be @('2015-03-05 7.00 EUR')
    }
}

Describe 'Numbers: one answer on both paths' {
    It '<Culture>: Amount <Text> is stored as <Stored>' -ForEach @(
        # Excel's exponent form: 1.23457 × 10^11 = 123,457,000,000.
        @{ Culture = 'en-US'; Text = '1.23457E+11'; Stored = '2015-03-31 123457000000.00 EUR' }
        @{ Culture = 'en-GB'; Text = '1.23457E+11'; Stored = '2015-03-31 123457000000.00 EUR' }
        @{ Culture = 'de-DE'; Text = '1.23457E+11'; Stored = '2015-03-31 123457000000.00 EUR' }
        @{ Culture = 'de-DE'; Text = '1,23457E+11'; Stored = '2015-03-31 123457000000.00 EUR' }
        @{ Culture = 'fr-FR'; Text = '1,5E3'; Stored = '2015-03-31 1500.00 EUR' }
        # Thousands separators in the culture's own form, between groups of three.
        @{ Culture = 'en-US'; Text = '1,234.50'; Stored = '2015-03-31 1234.50 EUR' }
        @{ Culture = 'de-DE'; Text = '1.234.567,5'; Stored = '2015-03-31 1234567.50 EUR' }
        @{ Culture = 'fr-FR'; Text = '1 234,5'; Stored = '2015-03-31 1234.50 EUR' }
        @{ Culture = 'fr-FR'; Text = "1`u{202F}234,5"; Stored = '2015-03-31 1234.50 EUR' }
        @{ Culture = 'fr-FR'; Text = "1`u{00A0}234,5"; Stored = '2015-03-31 1234.50 EUR' }
        # '.' where it cannot be a thousands separator (not before exactly three digits) is the decimal point.
        @{ Culture = 'de-DE'; Text = '1234.5'; Stored = '2015-03-31 1234.50 EUR' }
        @{ Culture = 'de-DE'; Text = '12.50'; Stored = '2015-03-31 12.50 EUR' }
        # en-US reads 12.500 as 12.5 both ways; fr-FR's thousands separator is a space, so '.' is only a decimal point.
        @{ Culture = 'en-US'; Text = '12.500'; Stored = '2015-03-31 12.50 EUR' }
        @{ Culture = 'fr-FR'; Text = '12.500'; Stored = '2015-03-31 12.50 EUR' }
        # Signs and surrounding spaces.
        @{ Culture = 'en-GB'; Text = ' -7.25 '; Stored = '2015-03-31 -7.25 EUR' }
        @{ Culture = 'de-DE'; Text = '+7,25'; Stored = '2015-03-31 7.25 EUR' }
    ) {
        $result = Use-Culture $Culture { Invoke-BothPaths -Amount $Text }
        $result.Pipe | Should -BeExactly $Stored
        $result.Import | Should -BeExactly $Stored
    }

    It '<Culture>: Amount <Text> is refused on both paths, naming <Shown>' -ForEach @(
        # German reads 12.500 as twelve thousand five hundred, the invariant form as twelve and a half.
        @{ Culture = 'de-DE'; Text = '12.500'; Shown = "*'12.500' reads as 12.5 in the invariant form*and as 12500 in de-DE*write it without thousands separators (12,5 or 12500)*" }
        @{ Culture = 'de-DE'; Text = '1.234'; Shown = "*'1.234' reads as 1.234 in the invariant form*and as 1234 in de-DE*" }
        # en-US: a comma is a thousands separator only before three digits, so 1,5 is never fifteen.
        @{ Culture = 'en-US'; Text = '1,5'; Shown = "*'1,5' is not a number: the forms read are 1234.5 (the invariant form*and en-US's form such as 1,234,567.5*" }
        @{ Culture = 'en-GB'; Text = '1,23,456'; Shown = "*'1,23,456' is not a number*" }
        @{ Culture = 'de-DE'; Text = '1,234.5'; Shown = "*'1,234.5' is not a number*de-DE's form such as 1.234.567,5 or 1234,5*" }
        @{ Culture = 'fr-FR'; Text = '12abc'; Shown = "*'12abc' is not a number*" }
        # Grouping and an exponent together is neither form (1.234E+3 alone is the invariant 1234).
        @{ Culture = 'de-DE'; Text = '1.234,5E+3'; Shown = "*'1.234,5E+3' is not a number*" }
    ) {
        $result = Use-Culture $Culture { Invoke-BothPaths -Amount $Text }
        $result.Pipe | Should -BeLike $Shown
        $result.Import | Should -BeLike $Shown
        $result.Import | Should -BeLike 'error: Line 2, column Amount:*'
    }

    It 'Import -Culture says which reading: <Text> with -Culture <Given> in a <Culture> session is <Stored>' -ForEach @(
        # The culture given wins a conflict: German 12.500 is 12,500.
        @{ Culture = 'en-US'; Given = 'de-DE'; Text = '12.500'; Stored = '2015-03-31 12500.00 EUR' }
        @{ Culture = 'de-DE'; Given = 'de-DE'; Text = '12.500'; Stored = '2015-03-31 12500.00 EUR' }
        # ... and the invariant form still reads what the culture cannot (1.5 is no German thousands grouping).
        @{ Culture = 'en-US'; Given = 'de-DE'; Text = '1.5'; Stored = '2015-03-31 1.50 EUR' }
        # -Culture en-US in a German session: 12.500 is twelve and a half.
        @{ Culture = 'de-DE'; Given = 'en-US'; Text = '12.500'; Stored = '2015-03-31 12.50 EUR' }
        @{ Culture = 'de-DE'; Given = 'en-GB'; Text = '1,234.5'; Stored = '2015-03-31 1234.50 EUR' }
    ) {
        $folder = New-TestFolder
        Use-Culture $Culture {
            [pscustomobject][ordered]@{ PartnerName = ''; Date = '2015-03-31'; Amount = $Text; Currency = 'EUR'; Region = 'EU' } | ConvertTo-Csv | Set-Content "$folder/in.csv"
            (Import-PartnerRevenue "$folder/in.csv" -Database "$folder/a.db" -Culture $Given).Inserted | Should -Be 1
        }
        Get-StoredRevenue "$folder/a.db" | Should -Be @($Stored)
    }

    It 'de-DE: a JSON number is the invariant form on both paths (12.500 is 12.5); a JSON string is text (refused as ambiguous)' {
        $folder = New-TestFolder
        Use-Culture 'de-DE' {
            Set-Content "$folder/n.json" '[{"PartnerName":"","Date":"2015-03-31","Amount":12.500,"Currency":"EUR","Region":"EU"}]'
            Set-Content "$folder/s.json" '[{"PartnerName":"","Date":"2015-03-31","Amount":"12.500","Currency":"EUR","Region":"EU"}]'
            $null = Import-PartnerRevenue "$folder/n.json" -Database "$folder/import.db"
            Get-Content "$folder/n.json" -Raw | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/pipe.db"
            $null = Import-PartnerRevenue "$folder/s.json" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue
            Get-Content "$folder/s.json" -Raw | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
            $script:importErrors = $importErrors
            $script:pipeErrors = $pipeErrors
        }
        Get-StoredRevenue "$folder/import.db" | Should -Be @('2015-03-31 12.50 EUR')
        Get-StoredRevenue "$folder/pipe.db" | Should -Be @('2015-03-31 12.50 EUR')
        $importErrors[0].Exception.Message | Should -BeLike "*'12.500' reads as 12.5 in the invariant form*12500 in de-DE*"
        $pipeErrors[0].Exception.Message | Should -BeLike "*'12.500' reads as 12.5 in the invariant form*12500 in de-DE*"
        $pipeErrors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
    }

    It 'de-DE: Set-PartnerExchangeRate and Set-PartnerTarget read numbers the same way (<Text>)' -ForEach @(
        @{ Text = '1,25'; Rate = '1.25' }
        @{ Text = '1.25'; Rate = '1.25' }
    ) {
        $db = New-TestDatabase
        Use-Culture 'de-DE' {
            Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate $Text
            { Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate '1.500' } | Should -Throw "*'1.500' reads as 1.5 in the invariant form*1500 in de-DE*"
            { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value '2.000' } | Should -Throw "*'2.000' reads as 2 in the invariant form*2000 in de-DE*"
            { Set-PartnerTarget -Database $db -Metric PartnerCount -Year '2.015' -Value 1 } | Should -Throw "*'2.015' is not a whole number*"
        }
        (Get-PartnerExchangeRate -Database $db).Rate.ToString($Inv) | Should -Be $Rate
        Get-PartnerTarget -Database $db | Should -BeNullOrEmpty
    }
}

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

# Issue 12 follow-up: enum values and Booleans read one way on both paths. Text names an enum value by its name only
# ('3', '03' and ' 1' are refused naming the valid names: a person's "Tier 1" is not Silver); a JSON number (what
# ConvertTo-Json writes for an enum) is the value with that number on both paths. A JSON true is not an amount.
Describe 'Enum values and Booleans: one reading on both paths' {
    BeforeAll {
        # One partner row through both paths: piped as Import-Csv gives it to Add-Partner, and written as CSV for Import-Partner.
        function Invoke-PartnerBothPaths {
            param([string] $Csv)
            $folder = New-TestFolder
            Set-Content -LiteralPath "$folder/in.csv" -Value $Csv -Encoding utf8NoBOM
            $pipeErrors = $null
            Import-Csv "$folder/in.csv" | Add-Partner -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
            $importErrors = $null
            $null = Import-Partner "$folder/in.csv" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue
            $stored = { param($db) if (Test-Path $db) { @(Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) -join ';' } }
            [pscustomobject]@{
                Pipe = if ($pipeErrors) { 'error: ' + $pipeErrors[0].Exception.Message } else { & $stored "$folder/pipe.db" }
                Import = if ($importErrors) { 'error: ' + $importErrors[0].Exception.Message } else { & $stored "$folder/import.db" }
            }
        }
    }

    It 'CSV <Column> = ''<Text>'' is refused on both paths, naming the value and the valid names' -ForEach @(
        @{ Column = 'Status'; Text = '0'; Valid = 'Prospect, Onboarding, Active, Suspended, Terminated' }
        @{ Column = 'Tier'; Text = '1'; Valid = 'Registered, Silver, Gold, Platinum' }
        @{ Column = 'Tier'; Text = '03'; Valid = 'Registered, Silver, Gold, Platinum' }
        @{ Column = 'Type'; Text = '3'; Valid = 'Reseller, Distributor, SystemIntegrator, ServiceProvider, Consultancy, SoftwareVendor, Training, Other' }
        @{ Column = 'Type'; Text = '-1'; Valid = 'Reseller, Distributor, SystemIntegrator, ServiceProvider, Consultancy, SoftwareVendor, Training, Other' }
    ) {
        $row = [ordered]@{ Name = 'N1'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active' }
        $row[$Column] = $Text
        $result = Invoke-PartnerBothPaths ("Name,Type,Tier,Status`n" + (@($row.Values) -join ','))

        $result.Pipe | Should -BeLike "error: *'$Text' is not a valid Partner$Column; valid values are $Valid (give the name, not a number).*"
        $result.Import | Should -BeLike "error: *column ${Column}: '$Text' is not a $Column; valid values are $Valid (give the name, not a number).*"
    }

    It 'the tester''s example: CSV Type,Tier,Status = 3,1,0 stores nothing on either path' {
        $result = Invoke-PartnerBothPaths "Name,Type,Tier,Status`nN1,3,1,0"
        $result.Pipe | Should -BeLike 'error: *(give the name, not a number).'
        $result.Import | Should -BeLike "error: *column Type: '3' is not a Type;*"
    }

    It 'names in any case and with spaces are read the same on both paths' {
        $result = Invoke-PartnerBothPaths "Name,Type,Tier,Status`nN1, serviceprovider ,SILVER,prospect"
        $result.Pipe | Should -BeExactly 'N1 ServiceProvider Silver Prospect'
        $result.Import | Should -BeExactly 'N1 ServiceProvider Silver Prospect'
    }

    It 'JSON <Json>: <Expected> on both paths' -ForEach @(
        # By hand: PartnerTier is Registered 0, Silver 1, Gold 2, Platinum 3; a JSON number is that value, a JSON string is text.
        @{ Json = '"Tier":2'; Expected = 'N1 Other Gold Active' }
        @{ Json = '"Tier":"2"'; Expected = 'error' }
        @{ Json = '"Tier":2.0'; Expected = 'error' }
        @{ Json = '"Tier":4'; Expected = 'error' }
        @{ Json = '"Tier":true'; Expected = 'error' }
    ) {
        $folder = New-TestFolder
        Set-Content -LiteralPath "$folder/in.json" -Value "[{`"Name`":`"N1`",$Json}]" -Encoding utf8NoBOM
        $pipeErrors = $null
        Get-Content -Raw "$folder/in.json" | ConvertFrom-Json | Add-Partner -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
        $importErrors = $null
        $null = Import-Partner "$folder/in.json" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue
        if ($Expected -eq 'error') {
            $pipeErrors.Count | Should -Be 1
            $pipeErrors[0].Exception.Message | Should -BeLike "*parameter 'Tier'*is not a valid PartnerTier; valid values are Registered, Silver, Gold, Platinum*"
            $importErrors.Count | Should -Be 1
            $importErrors[0].Exception.Message | Should -BeLike '*column Tier: * is not a Tier; valid values are Registered, Silver, Gold, Platinum*'
            @(Get-Partner -Database "$folder/import.db").Count | Should -Be 0
        }
        else {
            $pipeErrors.Count | Should -Be 0
            $importErrors.Count | Should -Be 0
            (Get-Partner -Database "$folder/pipe.db" | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) | Should -BeExactly $Expected
            (Get-Partner -Database "$folder/import.db" | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) | Should -BeExactly $Expected
        }
    }

    It '<Culture>: JSON "Amount":<Json> is refused on both paths, storing nothing' -ForEach @(
        @{ Culture = 'en-US'; Json = 'true' }
        @{ Culture = 'de-DE'; Json = 'false' }
        @{ Culture = 'fr-FR'; Json = 'true' }
        @{ Culture = 'en-GB'; Json = 'true' }
    ) {
        Use-Culture $Culture {
            $folder = New-TestFolder
            $text = "[{`"PartnerName`":`"`",`"Date`":`"2015-01-01`",`"Amount`":$Json,`"Region`":`"EU`"}]"
            Set-Content -LiteralPath "$folder/in.json" -Value $text -Encoding utf8NoBOM
            $pipeErrors = $null
            $text | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
            $importErrors = $null
            $null = Import-PartnerRevenue "$folder/in.json" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue

            $shown = (Get-Culture).TextInfo.ToTitleCase($Json)
            $pipeErrors[0].Exception.Message | Should -BeLike "*parameter 'Amount'*$shown (System.Boolean) is not a number*"
            $importErrors[0].Exception.Message | Should -BeLike "*column Amount: '$shown' is not a number*"
            @(Get-PartnerRevenue -Database "$folder/import.db").Count | Should -Be 0
            if (Test-Path "$folder/pipe.db") { @(Get-PartnerRevenue -Database "$folder/pipe.db").Count | Should -Be 0 }
        }
    }
}

Describe 'A number below one with three decimals in a culture that groups with a point (0.499 KWD in de-DE)' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Gulf Trading' -Region 'Middle East' -Country KW
        $saved = [cultureinfo]::CurrentCulture
    }

    AfterAll { [cultureinfo]::CurrentCulture = $saved }

    It 'reads <Text> as <Expected> in <Culture> on both paths (a grouped number never starts with 0)' -ForEach @(
        @{ Culture = 'de-DE'; Text = '0.499'; Expected = 0.499; Reference = 'Z1' }
        @{ Culture = 'de-DE'; Text = '-0.125'; Expected = -0.125; Reference = 'Z2' }
        @{ Culture = 'de-DE'; Text = '0,499'; Expected = 0.499; Reference = 'Z3' }
        @{ Culture = 'fr-FR'; Text = '0.499'; Expected = 0.499; Reference = 'Z4' }
    ) {
        [cultureinfo]::CurrentCulture = $Culture
        try {
            $piped = [pscustomobject]@{ PartnerName = 'Gulf Trading'; Date = '2015-01-01'; Amount = $Text; Currency = 'KWD'; Reference = "$Reference-P" } |
                Add-PartnerRevenue -Database $db -PassThru
            $piped.Amount | Should -Be ([decimal] $Expected)
            $csv = Join-Path (Split-Path $db) "$Reference.csv"
            Set-Content -LiteralPath $csv -Value @('PartnerName;Date;Amount;Currency;Reference', "Gulf Trading;2015-01-01;$Text;KWD;$Reference-I")
            $result = Import-PartnerRevenue -LiteralPath $csv -Database $db -Delimiter ';'
            $result.Inserted | Should -Be 1
            (Get-PartnerRevenue -Database $db | Where-Object Reference -EQ "$Reference-I").Amount | Should -Be ([decimal] $Expected)
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }

    It 'still refuses 1.585 in de-DE, naming both readings and the ways out' {
        [cultureinfo]::CurrentCulture = 'de-DE'
        try {
            { Add-PartnerRevenue -Database $db -Partner 'Gulf Trading' -Date 2015-01-02 -Amount '1.585' -Currency KWD -Reference 'Z9' -ErrorAction Stop } |
                Should -Throw -ExpectedMessage '*''1.585'' reads as 1.585 in the invariant form*and as 1585 in de-DE*(1.5850)*`[decimal`]''1.585''*'
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
    }
}
