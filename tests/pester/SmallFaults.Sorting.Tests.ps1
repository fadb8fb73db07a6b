# Partner names sort as people expect in every culture; databases of an earlier schema get sort keys.
# The setup is SmallFaults.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'SmallFaults.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Partner names sort as people expect, the same in every culture' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        # Added in an order unlike the expected one.
        $names = 'Zürich AG', 'Øresund IT', 'Ångström Labs', 'Élan', 'elan systems', 'Elan', 'Łódź Soft', 'Straße GmbH', 'Strasse Beta',
            'Æther', 'Aether B', '3M', 'acme', 'Acme Z', 'Oslo', 'Lyon', 'Nürnberg', 'Nuremberg', 'Þór Data', 'Thor Apps', 'Ðakovo', 'Dallas'
        $names | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $db
        # By hand, from each name's sort key (case folded, accents dropped, ø o, ł l, ð d, æ ae, þ th, ß ss), ties by name key:
        #  3m; acme; acme z; aether (Æther); aether b; angstrom labs; dakovo (Ðakovo); dallas; elan (Elan, key 'elan'),
        #  elan (Élan, key 'élan': after 'elan'); elan systems; lodz soft; lyon; nuremberg; nurnberg; oresund it; oslo;
        #  strasse beta (key 'strasse beta'); strasse gmbh (Straße: key 'strasse gmbh'); thor apps; thor data (Þór); zurich ag.
        $script:Expected = '3M', 'acme', 'Acme Z', 'Æther', 'Aether B', 'Ångström Labs', 'Ðakovo', 'Dallas', 'Elan', 'Élan', 'elan systems',
            'Łódź Soft', 'Lyon', 'Nuremberg', 'Nürnberg', 'Øresund IT', 'Oslo', 'Strasse Beta', 'Straße GmbH', 'Thor Apps', 'Þór Data', 'Zürich AG'
    }

    It 'Get-Partner lists them in name order in <_>' -ForEach 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'sv-SE' {
        $saved = [System.Globalization.CultureInfo]::CurrentCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = $_
            @(Get-Partner -Database $db).Name | Should -BeExactly $script:Expected
        }
        finally { [System.Globalization.CultureInfo]::CurrentCulture = $saved }
    }

    It 'pages in the same order (-Skip and -First)' {
        # Items 6 to 9 of the expected list (1-based): Ångström Labs, Ðakovo, Dallas, Elan.
        @(Get-Partner -Database $db -Skip 5 -First 4).Name | Should -BeExactly @('Ångström Labs', 'Ðakovo', 'Dallas', 'Elan')
    }

    It 'a wildcard filter keeps the order (E* matches name keys starting with e: not Élan, whose key starts with é)' {
        @(Get-Partner -Database $db -Name 'E*').Name | Should -BeExactly @('Elan', 'elan systems')
    }

    It 'a renamed partner moves to its new place' {
        Set-Partner -Database $db -Name 'Zürich AG' -NewName 'Ålesund AG'
        $names = @(Get-Partner -Database $db).Name
        # 'alesund ag' sorts after 'aether b' and before 'angstrom labs'.
        $names[5] | Should -BeExactly 'Ålesund AG'
        $names[6] | Should -BeExactly 'Ångström Labs'
        Set-Partner -Database $db -Name 'Ålesund AG' -NewName 'Zürich AG'
    }

    It 'imported partners (the bulk fast path) take their place too, and the check finds every sort key right' {
        $csv = Join-Path (New-TestFolder) 'more.csv'
        Set-Content -LiteralPath $csv -Value 'Name', 'Ärlig Consulting', 'Œuvre Tech', 'Ørsted Partners', 'Zeta' -Encoding utf8
        $null = Import-Partner -Database $db -Path $csv
        $names = @(Get-Partner -Database $db).Name
        # arlig consulting after angstrom labs, before dakovo; oeuvre tech after nurnberg, before oresund it; orsted partners after oresund it, before oslo.
        $names.IndexOf('Ärlig Consulting') | Should -Be ($names.IndexOf('Ångström Labs') + 1)
        $names.IndexOf('Œuvre Tech') | Should -Be ($names.IndexOf('Nürnberg') + 1)
        $names.IndexOf('Ørsted Partners') | Should -Be ($names.IndexOf('Øresund IT') + 1)
        $names[-1] | Should -BeExactly 'Zürich AG'
        $names[-2] | Should -BeExactly 'Zeta'
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'NameSortKeys').Detail | Should -Be 'ok'
    }

    It 'Measure-PartnerRevenue -GroupBy Partner lists partners in the same order' {
        $m = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $m
        foreach ($name in 'Zürich AG', 'Ångström Labs', 'Élan', 'Elan') {
            $null = Add-Partner -Database $m -Name $name -Region 'Nordics'
            $null = Add-PartnerRevenue -Database $m -Partner $name -Date 2015-01-01 -Amount 10
        }
        @(Measure-PartnerRevenue -Database $m -GroupBy Partner).Partner | Should -BeExactly @('Ångström Labs', 'Elan', 'Élan', 'Zürich AG')
    }

    It 'Test-PartnerDatabase names a partner whose stored sort key another program wrote wrong' {
        $bad = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $bad
        $null = Add-Partner -Database $bad -Name 'Ångström Labs'
        Close-PooledConnections
        Invoke-RawSql -Database $bad -Sql "UPDATE partners SET name_sort = 'zzz' WHERE name = 'Ångström Labs'"
        $finding = Test-PartnerDatabase -Database $bad -Detailed | Where-Object Check -EQ 'NameSortKeys'
        $finding.Passed | Should -BeFalse
        $finding.Detail | Should -BeLike "Partner Id 1 'Ångström Labs' has a stored sort key that is not its name's*"
    }

    It 'tab completion of -Name offers names in the same order' {
        $c = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $c
        'Maz Tech', 'Mäx Data', 'Mats AB' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $c
        $line = "Get-Partner -Database '$c' -Name M"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        # Sort keys: 'mats ab' < 'max data' (Mäx) < 'maz tech'. By name key alone Mäx ('mäx', ä > z) would come last.
        $completions | Should -BeExactly @("'Mats AB'", "'Mäx Data'", "'Maz Tech'")
    }

    It 'lookups by name stay on the name index' {
        (Get-Partner -Database $db -Name 'élan').Name | Should -BeExactly 'Élan'
        (Get-Partner -Database $db -Name 'STRASSE GMBH').Name | Should -BeExactly 'Straße GmbH'
    }
}

# FileOnly: a SQLite file of schema 1 (tests/fixtures) brought up to date.
Describe 'A database of an earlier schema gets sort keys' -Tag 'FileOnly' {
    It 'is brought to the schema with sort keys on open, its partners listed in name order' {
        $db = Join-Path (New-TestFolder) 'old.db'
        Copy-Item (Join-Path $PSScriptRoot '../fixtures/partnerops-schema1.db') $db
        # The fixture's partners (by hand): Bechtle AG, Digital China, Meridian Distribution, Müller & Söhne IT; add one with an accented initial.
        $null = Add-Partner -Database $db -Name 'Ångström Labs'
        @(Get-Partner -Database $db).Name | Should -BeExactly @('Ångström Labs', 'Bechtle AG', 'Digital China', 'Meridian Distribution', 'Müller & Söhne IT')
        (Test-PartnerDatabase -Database $db -Detailed | Where-Object Check -EQ 'NameSortKeys').Passed | Should -BeTrue
    }
}
