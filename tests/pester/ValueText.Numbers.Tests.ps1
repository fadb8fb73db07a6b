# Numbers read from text: one answer on both paths (parameters and imports).
# The setup is ValueText.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'ValueText.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
            $csv = Join-Path (Get-TestFolder $db) "$Reference.csv"
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
