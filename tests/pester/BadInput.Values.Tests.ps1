# Issue 6, bad input: bad values given as parameters and piped between good items, text stored exactly,
# wildcards and SQL in filters, ambiguous dates. The setup is BadInput.Helpers.ps1.
BeforeDiscovery {
    # A 10,000-character value, and how a message shows it.
    $Long = 'L' * 10000
    $LongShown = ('L' * 40) + '… (10,000 characters)'
}

BeforeAll { . (Join-Path $PSScriptRoot 'BadInput.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'A bad value given as a parameter' {
    BeforeAll {
        $db = New-SeededDatabase
    }

    It '<Cmdlet> <Case>: <Id>, naming the value, and nothing changes' -ForEach @(
        @{ Cmdlet = 'Add-Partner'; Case = 'an empty name'; Id = 'InvalidPartnerValue'; Shown = "Name ''"; Run = { Add-Partner -Database $db -Name '' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a name of spaces'; Id = 'InvalidPartnerValue'; Shown = "Name '   '"; Run = { Add-Partner -Database $db -Name '   ' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a 10,000-character name'; Id = 'InvalidPartnerValue'; Shown = "'$LongShown'"; Run = { Add-Partner -Database $db -Name $Long } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a NUL in the name'; Id = 'InvalidPartnerValue'; Shown = "'A``u{0}B'"; Run = { Add-Partner -Database $db -Name "A`0B" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an escape and a bell in the name'; Id = 'InvalidPartnerValue'; Shown = "'A``u{1B}[31mB``u{7}'"; Run = { Add-Partner -Database $db -Name "A`e[31mB`a" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a line break in the name'; Id = 'InvalidPartnerValue'; Shown = "'One``u{A}Two'"; Run = { Add-Partner -Database $db -Name "One`nTwo" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a replacement character in the name'; Id = 'InvalidPartnerValue'; Shown = "'M$([char]0xFFFD)ller'"; Run = { Add-Partner -Database $db -Name "M$([char]0xFFFD)ller" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a name differing only in case'; Id = 'PartnerAlreadyExists'; Shown = "'ACME'"; Run = { Add-Partner -Database $db -Name 'ACME' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a name differing only in surrounding spaces'; Id = 'PartnerAlreadyExists'; Shown = "'acme'"; Run = { Add-Partner -Database $db -Name "  acme`t" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an invalid enum value'; Id = 'ParameterArgumentTransformationError'; Shown = "'Resseler'"; Run = { Add-Partner -Database $db -Name 'New' -Type 'Resseler' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an unknown country'; Id = 'InvalidCountryCode'; Shown = "'ZZ'"; Run = { Add-Partner -Database $db -Name 'New' -Country 'ZZ' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an alpha-3 country'; Id = 'InvalidCountryCode'; Shown = "'DEU'"; Run = { Add-Partner -Database $db -Name 'New' -Country 'DEU' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'SQL as the country'; Id = 'InvalidCountryCode'; Shown = "''; DROP TABLE partners; --'"; Run = { Add-Partner -Database $db -Name 'New' -Country "'; DROP TABLE partners; --" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'JoinedOn 0001-01-01'; Id = 'InvalidPartnerValue'; Shown = "'0001-01-01'"; Run = { Add-Partner -Database $db -Name 'New' -JoinedOn '0001-01-01' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'JoinedOn 9999-12-31'; Id = 'InvalidPartnerValue'; Shown = "'9999-12-31'"; Run = { Add-Partner -Database $db -Name 'New' -JoinedOn '9999-12-31' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'JoinedOn 10000-01-01'; Id = 'ParameterArgumentTransformationError'; Shown = "'10000-01-01'"; Run = { Add-Partner -Database $db -Name 'New' -JoinedOn '10000-01-01' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'JoinedOn 2015-02-30'; Id = 'ParameterArgumentTransformationError'; Shown = "'2015-02-30'"; Run = { Add-Partner -Database $db -Name 'New' -JoinedOn '2015-02-30' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'EndedOn before JoinedOn'; Id = 'InvalidPartnerValue'; Shown = "'2013-12-31'"; Run = { Add-Partner -Database $db -Name 'New' -JoinedOn 2014-01-01 -EndedOn 2013-12-31 } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a 10,000-character region'; Id = 'InvalidPartnerValue'; Shown = "'$LongShown'"; Run = { Add-Partner -Database $db -Name 'New' -Region $Long } }
        @{ Cmdlet = 'Add-Partner'; Case = '10,000-character notes'; Id = 'InvalidPartnerValue'; Shown = "'$LongShown'"; Run = { Add-Partner -Database $db -Name 'New' -Notes $Long } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a NUL in the notes'; Id = 'InvalidPartnerValue'; Shown = "'a``u{0}b'"; Run = { Add-Partner -Database $db -Name 'New' -Notes "a`0b" } }

        @{ Cmdlet = 'Set-Partner'; Case = 'a new name of spaces'; Id = 'InvalidPartnerValue'; Shown = "Name '  '"; Run = { Set-Partner -Database $db -Name 'Acme' -NewName '  ' } }
        @{ Cmdlet = 'Set-Partner'; Case = 'a 10,000-character new name'; Id = 'InvalidPartnerValue'; Shown = "'$LongShown'"; Run = { Set-Partner -Database $db -Name 'Acme' -NewName $Long } }
        @{ Cmdlet = 'Set-Partner'; Case = 'a tab in the new name'; Id = 'InvalidPartnerValue'; Shown = "'Ac``u{9}me'"; Run = { Set-Partner -Database $db -Name 'Acme' -NewName "Ac`tme" } }
        @{ Cmdlet = 'Set-Partner'; Case = "another partner's name in other case and spaces"; Id = 'PartnerAlreadyExists'; Shown = "'OTHER'"; Run = { Set-Partner -Database $db -Name 'Acme' -NewName ' OTHER ' } }
        @{ Cmdlet = 'Set-Partner'; Case = 'an invalid enum value'; Id = 'ParameterArgumentTransformationError'; Shown = "'Diamond'"; Run = { Set-Partner -Database $db -Name 'Acme' -Tier 'Diamond' } }
        @{ Cmdlet = 'Set-Partner'; Case = 'an unknown country'; Id = 'InvalidCountryCode'; Shown = "'QQ'"; Run = { Set-Partner -Database $db -Name 'Acme' -Country 'QQ' } }
        @{ Cmdlet = 'Set-Partner'; Case = 'JoinedOn 0001-01-01'; Id = 'InvalidPartnerValue'; Shown = "'0001-01-01'"; Run = { Set-Partner -Database $db -Name 'Acme' -JoinedOn '0001-01-01' } }
        @{ Cmdlet = 'Set-Partner'; Case = 'a wildcard as the name (names are exact)'; Id = 'PartnerNotFound'; Shown = "'Ac*'"; Run = { Set-Partner -Database $db -Name 'Ac*' -Tier Gold } }
        @{ Cmdlet = 'Set-Partner'; Case = 'SQL as the name'; Id = 'PartnerNotFound'; Shown = "'x' OR '1'='1'"; Run = { Set-Partner -Database $db -Name "x' OR '1'='1" -Tier Gold } }

        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an absurd amount'; Id = 'InvalidAmount'; Shown = '1000000000000000 USD'; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1e15 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an absurd negative amount'; Id = 'InvalidAmount'; Shown = '-79228162514264337593543950335'; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount ([decimal]::MinValue) } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a fraction of a cent'; Id = 'InvalidAmount'; Shown = '10.005 USD'; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 10.005 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an amount with a misplaced thousands separator'; Id = 'ParameterArgumentTransformationError'; Shown = "'1,00.00'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount '1,00.00' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an unknown currency'; Id = 'InvalidCurrencyCode'; Shown = "'XYZ'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Currency 'XYZ' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'SQL as the currency'; Id = 'InvalidCurrencyCode'; Shown = "''; DROP TABLE revenue; --'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Currency "'; DROP TABLE revenue; --" } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'date 0001-01-01'; Id = 'InvalidRevenueValue'; Shown = "'0001-01-01'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date '0001-01-01' -Amount 1 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'date 9999-12-31'; Id = 'InvalidRevenueValue'; Shown = "'9999-12-31'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date '9999-12-31' -Amount 1 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'date 2015-02-30'; Id = 'ParameterArgumentTransformationError'; Shown = "'2015-02-30'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date '2015-02-30' -Amount 1 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a 10,000-character segment'; Id = 'InvalidRevenueValue'; Shown = "'$LongShown'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Segment $Long } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a NUL in the segment'; Id = 'InvalidRevenueValue'; Shown = "'Ent``u{0}erprise'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Segment "Ent`0erprise" } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a 10,000-character region'; Id = 'InvalidRevenueValue'; Shown = "'$LongShown'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Region $Long } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a 10,000-character reference'; Id = 'InvalidRevenueValue'; Shown = "'$LongShown'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Reference $Long } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a reference differing only in surrounding spaces'; Id = 'RevenueReferenceExists'; Shown = "'R-1'"; Run = { Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-02-01 -Amount 1 -Reference ' R-1 ' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a 10,000-character partner name'; Id = 'PartnerNotFound'; Shown = "'$LongShown'"; Run = { Add-PartnerRevenue -Database $db -Partner $Long -Date 2015-02-01 -Amount 1 } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a wildcard as the partner (names are exact)'; Id = 'PartnerNotFound'; Shown = "'A?me'"; Run = { Add-PartnerRevenue -Database $db -Partner 'A?me' -Date 2015-02-01 -Amount 1 } }

        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a zero rate'; Id = 'InvalidExchangeRate'; Shown = 'Rate 0 '; Run = { Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 0 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a negative rate'; Id = 'InvalidExchangeRate'; Shown = 'Rate -1.1 '; Run = { Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate -1.1 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'an absurd rate'; Id = 'InvalidExchangeRate'; Shown = 'Rate 1000000000000 '; Run = { Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1e12 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'an unknown currency'; Id = 'InvalidCurrencyCode'; Shown = "'GBX'"; Run = { Set-PartnerExchangeRate -Database $db -From GBX -To USD -Year 2015 -Rate 1 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a year out of range'; Id = 'InvalidExchangeRate'; Shown = 'Year 10000 '; Run = { Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 10000 -Rate 1 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a year that is not a number'; Id = 'ParameterArgumentTransformationError'; Shown = "'MMXV'"; Run = { Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 'MMXV' -Rate 1 } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'the same currency on both sides, in other case'; Id = 'InvalidExchangeRate'; Shown = 'both USD'; Run = { Set-PartnerExchangeRate -Database $db -From usd -To USD -Year 2015 -Rate 1 } }

        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'a negative count'; Id = 'InvalidTargetValue'; Shown = "'-1'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value -1 } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'a fractional count'; Id = 'InvalidTargetValue'; Shown = "'1.5'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 1.5 } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'a share given as a percentage'; Id = 'InvalidTargetValue'; Shown = "'100'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerRevenueShare -Year 2016 -Value 100 } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'an absurd revenue'; Id = 'InvalidTargetValue'; Shown = "'79228162514264337593543950335'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value ([decimal]::MaxValue) } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'an invalid metric'; Id = 'ParameterArgumentTransformationError'; Shown = "'Partners'"; Run = { Set-PartnerTarget -Database $db -Metric 'Partners' -Year 2016 -Value 1 } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'an unknown currency'; Id = 'InvalidCurrencyCode'; Shown = "'ZZZ'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value 1 -Currency ZZZ } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'year 0'; Id = 'InvalidTargetValue'; Shown = "Year '0'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 0 -Value 1 } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'a 10,000-character region'; Id = 'InvalidTargetValue'; Shown = "'$LongShown'"; Run = { Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 1 -Region $Long } }
    ) {
        $before = Get-DatabaseState $db
        $errors = Get-CommandErrors $Run
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        $errors[0].Exception.Message.Length | Should -BeLessThan 400 -Because 'a long value is shown shortened'
        Get-DatabaseState $db | Should -BeExactly $before
    }
}

Describe 'A bad item in the pipeline, between good ones' {
    BeforeAll {
        $db = New-SeededDatabase
        $script:n = 0
    }

    It '<Cmdlet> <Case>: one <Id> error targeted at the item, and both good items are stored' -ForEach @(
        @{ Cmdlet = 'Add-Partner'; Case = 'an empty name'; Id = 'InvalidPartnerValue'; Shown = "Name ''"; Bad = @{ Name = '' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a name of spaces'; Id = 'InvalidPartnerValue'; Shown = "Name ' '"; Bad = @{ Name = ' ' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a 10,000-character name'; Id = 'InvalidPartnerValue'; Shown = "'$LongShown'"; Bad = @{ Name = $Long } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a control character'; Id = 'InvalidPartnerValue'; Shown = "'Bell``u{7}'"; Bad = @{ Name = "Bell`a" } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a duplicate differing in case and spaces'; Id = 'PartnerAlreadyExists'; Shown = "'oTHER'"; Bad = @{ Name = ' oTHER ' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an invalid enum value'; Id = 'ParameterArgumentTransformationError'; Shown = "'Gone'"; Bad = @{ Name = 'Enum'; Status = 'Gone' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an unknown country'; Id = 'InvalidCountryCode'; Shown = "'UK'"; Bad = @{ Name = 'Country'; Country = 'UK' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'an impossible date'; Id = 'ParameterArgumentTransformationError'; Shown = "'2015-02-29'"; Bad = @{ Name = 'Date'; JoinedOn = '2015-02-29' } }
        @{ Cmdlet = 'Add-Partner'; Case = 'a date out of range'; Id = 'InvalidPartnerValue'; Shown = "'0001-01-01'"; Bad = @{ Name = 'Date'; JoinedOn = '0001-01-01' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an amount that is not a number'; Id = 'ParameterArgumentTransformationError'; Shown = "'12abc'"; Bad = @{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '12abc' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an absurd negative amount'; Id = 'InvalidAmount'; Shown = '-100000000000000000000'; Bad = @{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '-1e20' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an unknown currency'; Id = 'InvalidCurrencyCode'; Shown = "'US'"; Bad = @{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '1'; Currency = 'US' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'a date out of range'; Id = 'InvalidRevenueValue'; Shown = "'0001-01-01'"; Bad = @{ PartnerName = 'Acme'; Date = '0001-01-01'; Amount = '1' } }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'an unknown partner'; Id = 'PartnerNotFound'; Shown = "'Acme%'"; Bad = @{ PartnerName = 'Acme%'; Date = '2015-03-01'; Amount = '1' } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a zero rate'; Id = 'InvalidExchangeRate'; Shown = 'Rate 0 '; Bad = @{ From = 'EUR'; To = 'USD'; Year = '2010'; Rate = '0' } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'a year that is not a number'; Id = 'ParameterArgumentTransformationError'; Shown = "'20l5'"; Bad = @{ From = 'EUR'; To = 'USD'; Year = '20l5'; Rate = '1.1' } }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Case = 'an unknown currency'; Id = 'InvalidCurrencyCode'; Shown = "'EURO'"; Bad = @{ From = 'EURO'; To = 'USD'; Year = '2010'; Rate = '1.1' } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'an invalid metric'; Id = 'ParameterArgumentTransformationError'; Shown = "'Revenue'"; Bad = @{ Metric = 'Revenue'; Year = '2010'; Value = '1' } }
        @{ Cmdlet = 'Set-PartnerTarget'; Case = 'a negative count'; Id = 'InvalidTargetValue'; Shown = "'-10'"; Bad = @{ Metric = 'PartnerCount'; Year = '2010'; Value = '-10' } }
    ) {
        $script:n++
        # Two good items that differ from every other case's (names, references, years), around the bad one.
        $good = switch ($Cmdlet) {
            'Add-Partner' { { param($i) @{ Name = "Good $i" } } }
            'Add-PartnerRevenue' { { param($i) @{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '1.25'; Reference = "G-$i" } } }
            'Set-PartnerExchangeRate' { { param($i) @{ From = 'GBP'; To = 'USD'; Year = "$(1900 + $i)"; Rate = '1.1' } } }   # GBP: EUR is refused before 1999
            'Set-PartnerTarget' { { param($i) @{ Metric = 'PartnerCount'; Year = "$(1900 + $i)"; Value = '5' } } }
        }
        $items = @(
            [pscustomobject](& $good (2 * $n))
            [pscustomobject]$Bad
            [pscustomobject](& $good (2 * $n + 1))
        )
        $count = { @(& "Get-$($Cmdlet -replace '^(Add|Set)-', '')" -Database $db).Count }
        $before = & $count

        $errors = Get-CommandErrors { $items | & $Cmdlet -Database $db }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        $errors[0].Exception.Message.Length | Should -BeLessThan 400
        [object]::ReferenceEquals($errors[0].TargetObject, $items[1]) -or [object]::ReferenceEquals($errors[0].TargetObject.PSObject.BaseObject, $items[1].PSObject.BaseObject) |
            Should -BeTrue -Because 'the piped item is the TargetObject'
        & $count | Should -Be ($before + 2)
    }
}

Describe 'Text that must be stored and returned exactly' {
    BeforeAll {
        $db = New-TestDatabasePath
        $texts = @(
            'Rocket 🚀 Partners 🤝🏽'
            'شركة الشرق الأوسط للتقنية'
            'חברת ישראל בע"מ'
            'Mixed עברית and English ١٢٣'
            'Zalgo Z̑ͤa̅l̽g͂o'
            "x'); DROP TABLE partners; --"
            'Robert"); DELETE FROM revenue WHERE ("1"="1'
            '[*?%_] all the wildcards'
            '100% _under_ score'
            'Back`tick [a-c] range'
        )
        foreach ($text in $texts) {
            Add-Partner -Database $db -Name $text -Region $text -Notes "$text`nsecond line" -Country DE
            Add-PartnerRevenue -Database $db -Partner $text -Date 2015-01-01 -Amount -12.34 -Segment $text -Reference $text
        }
        Add-Partner -Database $db -Name 'Plain'
    }

    It 'stores <_> exactly as name, region, notes, segment and reference' -ForEach @(
        'Rocket 🚀 Partners 🤝🏽', 'شركة الشرق الأوسط للتقنية', 'חברת ישראל בע"מ', 'Mixed עברית and English ١٢٣', 'Zalgo Z̑ͤa̅l̽g͂o',
        "x'); DROP TABLE partners; --", 'Robert"); DELETE FROM revenue WHERE ("1"="1', '[*?%_] all the wildcards', '100% _under_ score', 'Back`tick [a-c] range'
    ) {
        $text = $_
        $text.IsNormalized([Text.NormalizationForm]::FormC) | Should -BeTrue -Because 'names are stored NFC; this checks text already in that form'
        $p = @(Get-Partner -Database $db -Name ([WildcardPattern]::Escape($text)))
        $p.Count | Should -Be 1
        $p[0].Name | Should -BeExactly $text
        $p[0].Region | Should -BeExactly $text
        $p[0].Notes | Should -BeExactly "$text`nsecond line"
        $r = @(Get-PartnerRevenue -Database $db -Partner ([WildcardPattern]::Escape($text)))
        $r.Count | Should -Be 1
        $r[0].PartnerName | Should -BeExactly $text
        $r[0].Segment | Should -BeExactly $text
        $r[0].Reference | Should -BeExactly $text
        $r[0].Amount | Should -Be ([decimal]'-12.34') -Because 'a negative amount is a credit note, stored exactly'
    }

    It 'leaves every table in place after SQL-looking text' {
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 11
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 10
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'brings the same text back through Export-Csv and Import-Partner, and through JSON' {
        $folder = New-TestFolder
        Get-Partner -Database $db | Export-Csv "$folder/p.csv"
        Get-Partner -Database $db | ConvertTo-Json | Set-Content "$folder/p.json"
        (Import-Partner "$folder/p.csv" -Database "$folder/csv.db").Failed | Should -Be 0
        (Import-Partner "$folder/p.json" -Database "$folder/json.db").Failed | Should -Be 0
        $expected = (Get-Partner -Database $db).ForEach({ "$($_.Name)|$($_.Region)|$($_.Notes)" })
        (Get-Partner -Database "$folder/csv.db").ForEach({ "$($_.Name)|$($_.Region)|$($_.Notes)" }) | Should -BeExactly $expected
        (Get-Partner -Database "$folder/json.db").ForEach({ "$($_.Name)|$($_.Region)|$($_.Notes)" }) | Should -BeExactly $expected
    }
}

Describe 'Wildcards and SQL in string filters' {
    BeforeAll {
        $db = New-TestDatabase
        foreach ($name in 'Acme', 'A_me', 'A%me', 'A*me', '[x] Bracket', "O'Brien") {
            Add-Partner -Database $db -Name $name -Region "$name region"
            Add-PartnerRevenue -Database $db -Partner $name -Date 2015-01-01 -Amount 1 -Segment "$name seg"
        }
    }

    It 'Get-Partner -Name <Pattern> gives <Expected>' -ForEach @(
        @{ Pattern = 'A_me'; Expected = @('A_me') }
        @{ Pattern = 'a%ME'; Expected = @('A%me') }
        @{ Pattern = 'A?me'; Expected = @('A%me', 'A*me', 'A_me', 'Acme') }
        @{ Pattern = 'A`*me'; Expected = @('A*me') }
        @{ Pattern = 'A[c_]me'; Expected = @('A_me', 'Acme') }
        @{ Pattern = '`[x`] Bracket'; Expected = @('[x] Bracket') }
        @{ Pattern = '[x] Bracket'; Expected = @() }
        @{ Pattern = "O'Brien"; Expected = @("O'Brien") }
        @{ Pattern = "*' OR '1'='1*"; Expected = @() }
        @{ Pattern = '%'; Expected = @() }
        @{ Pattern = '_*'; Expected = @() }
    ) {
        $found = @(Get-Partner -Database $db -Name $Pattern -ErrorAction SilentlyContinue)
        $found.Name | Sort-Object | Should -BeExactly ($Expected | Sort-Object)
    }

    It 'Get-Partner -Name with an exact name that looks like SQL or LIKE is PartnerNotFound naming it: <_>' -ForEach @(
        "' OR '1'='1", '%', '_', "'; DROP TABLE partners; --"
    ) {
        $errors = Get-CommandErrors { Get-Partner -Database $db -Name $_ }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $errors[0].Exception.Message | Should -BeLike "*'$([WildcardPattern]::Escape($_))'*"
        $errors[0].TargetObject | Should -BeExactly $_
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 6
    }

    It '<Command> matches literally or as a documented wildcard, never as SQL' -ForEach @(
        @{ Command = 'Get-Partner -Region "A_me region"'; Run = { (Get-Partner -Database $db -Region 'A_me region').Name }; Expected = @('A_me') }
        @{ Command = 'Get-Partner -Region "%"'; Run = { (Get-Partner -Database $db -Region '%').Name }; Expected = @() }
        @{ Command = 'Get-Partner -Region "'' OR 1=1 --"'; Run = { (Get-Partner -Database $db -Region "' OR 1=1 --").Name }; Expected = @() }
        @{ Command = 'Get-Partner -Region "A?me*"'; Run = { (Get-Partner -Database $db -Region 'A?me*').Name }; Expected = @('A%me', 'A*me', 'A_me', 'Acme') }
        @{ Command = 'Get-PartnerRevenue -Segment "%"'; Run = { (Get-PartnerRevenue -Database $db -Segment '%').PartnerName }; Expected = @() }
        @{ Command = 'Get-PartnerRevenue -Segment "A%me seg"'; Run = { (Get-PartnerRevenue -Database $db -Segment 'A%me seg').PartnerName }; Expected = @('A%me') }
        @{ Command = 'Get-PartnerRevenue -Region "_*"'; Run = { (Get-PartnerRevenue -Database $db -Region '_*').PartnerName }; Expected = @() }
        @{ Command = 'Get-PartnerRevenue -Partner "A_me"'; Run = { (Get-PartnerRevenue -Database $db -Partner 'A_me').PartnerName }; Expected = @('A_me') }
        @{ Command = 'Get-PartnerRevenue -Partner "A``*me"'; Run = { (Get-PartnerRevenue -Database $db -Partner 'A`*me').PartnerName }; Expected = @('A*me') }
        @{ Command = 'Get-PartnerHistory -Partner "A%me"'; Run = { @(Get-PartnerHistory -Database $db -Partner 'A%me' | Where-Object Entity -EQ 'Partner').Count }; Expected = @(1) }
        @{ Command = 'Get-PartnerHistory -Partner "O''Brien"'; Run = { @(Get-PartnerHistory -Database $db -Partner "O'Brien" | Where-Object Entity -EQ 'Partner').Count }; Expected = @(1) }
    ) {
        @(& $Run) | Sort-Object | Should -BeExactly ($Expected | Sort-Object)
    }

    It '<Command> with SQL as an exact partner is PartnerNotFound' -ForEach @(
        @{ Command = 'Get-PartnerRevenue'; Run = { Get-PartnerRevenue -Database $db -Partner "' OR 1=1 --" } }
        @{ Command = 'Get-PartnerHistory'; Run = { Get-PartnerHistory -Database $db -Partner "' OR 1=1 --" } }
    ) {
        $errors = Get-CommandErrors $Run
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $errors[0].Exception.Message | Should -BeLike "*'' OR 1=1 --'*"
    }
}

Describe 'Ambiguous dates' {
    It 'Add-Partner reads 03/04/2015 in the session culture (<Culture>: <Expected>) after ISO' -ForEach @(
        @{ Culture = 'en-US'; Expected = '2015-03-04' }
        @{ Culture = 'en-GB'; Expected = '2015-04-03' }
    ) {
        $db = New-TestDatabase
        $saved = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = $Culture
            [pscustomobject]@{ Name = 'Ambiguous'; JoinedOn = '03/04/2015' }, [pscustomobject]@{ Name = 'Iso'; JoinedOn = '2015-03-04' } | Add-Partner -Database $db
        }
        finally {
            [cultureinfo]::CurrentCulture = $saved
        }
        (Get-Partner -Database $db -Name 'Ambiguous').JoinedOn.ToString('yyyy-MM-dd') | Should -Be $Expected
        (Get-Partner -Database $db -Name 'Iso').JoinedOn.ToString('yyyy-MM-dd') | Should -Be '2015-03-04'
    }

    It 'Import-Partner reads 03/04/2015 in the -Culture given (<Culture>: <Expected>)' -ForEach @(
        @{ Culture = 'en-US'; Expected = '2015-03-04' }
        @{ Culture = 'en-GB'; Expected = '2015-04-03' }
    ) {
        $db = New-TestDatabase
        $csv = New-InputFile 'dates.csv' -Text "Name,JoinedOn`nAmbiguous,03/04/2015`n"
        (Import-Partner $csv -Database $db -Culture $Culture).Inserted | Should -Be 1
        (Get-Partner -Database $db).JoinedOn.ToString('yyyy-MM-dd') | Should -Be $Expected
    }
}
