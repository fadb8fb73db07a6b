<#
Issue 18: bad input to the contact, certification, tier-rule and scorecard cmdlets, on every backend: each refused value gives the
module's error (TierRuleInvalid for tier rules, InvalidPartnerValue for contacts, certifications and weights) naming the value and
the problem; nothing stored changes and the next piped row is still processed.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A database (reporting currency EUR) with Acme in North America, its contact Ann and her certification 'Networking Pro'.
    function New-QualityDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency EUR
        Add-Partner -Database $db -Name Acme -Region 'North America' -Type Reseller
        Add-PartnerContact -Database $db -Partner Acme -Name Ann -Email ann@acme.example
        Add-PartnerCertification -Database $db -Partner Acme -Contact ann@acme.example -Name 'Networking Pro' -EarnedOn 2025-01-01
        $db
    }

    # What a user reads back of rules, contacts and certifications, as one string.
    function Get-QualityState([string] $Database) {
        @(
            Get-PartnerTierRule -Database $Database -WarningAction SilentlyContinue | Select-Object Tier, Region, Type, MinRevenue, Currency, RevenueMonths, MinCertified, Certification, MinMonthsActive
            Get-PartnerContact -Database $Database | Select-Object Email, Name, Role
            Get-PartnerCertification -Database $Database | Select-Object Name, EarnedOn, ExpiresOn
            "history: $(@(Get-PartnerHistory -Database $Database).Count)"
        ) | ConvertTo-Json -Depth 3 -Compress
    }

    # The error of a command that stops (a filter refused before anything is read), as "<id>|<message>".
    function Get-Refusal([scriptblock] $Command) {
        try { & $Command; 'no error' } catch { "$(($_.FullyQualifiedErrorId -split ',')[0])|$($_.Exception.Message)" }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Numbers out of range' {
    It 'refuses a threshold beyond its limit in a CSV row by name, and sets the next row' {
        $db = New-QualityDatabase
        $before = Get-QualityState $db
        $rows = @"
Tier,MinRevenue,MinCertified,MinMonthsActive
Platinum,7922816251426433759354395033,,
Platinum,,3000000000,
Platinum,,,3000000000
Gold,1000,,
"@ | ConvertFrom-Csv
        $rows | Set-PartnerTierRule -Database $db -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad | Should -HaveCount 3
        $bad | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Should -Be @('TierRuleInvalid', 'TierRuleInvalid', 'TierRuleInvalid')
        $bad[0].Exception.Message | Should -BeLike "MinRevenue '7922816251426433759354395033' is not valid: a revenue threshold is at most * EUR."
        $bad[1].Exception.Message | Should -Be "MinCertified '3000000000' is not valid: a number of certified contacts is too large: it is at most 2147483647."
        $bad[2].Exception.Message | Should -Be "MinMonthsActive '3000000000' is not valid: a number of whole months is too large: it is at most 2147483647."
        $bad[0].TargetObject | Should -Be $rows[0]
        @(Get-PartnerTierRule -Database $db | ForEach-Object { "$($_.Tier) $($_.MinRevenue)" }) | Should -Be @('Gold 1000.00')
        @(Get-PartnerTierRule -Database $db -Tier Platinum -WarningAction SilentlyContinue) | Should -HaveCount 0
        $before | Should -Not -Be (Get-QualityState $db) # the Gold rule only
    }

    It 'says a number beyond the decimal range is too large, naming it, typed or as text' {
        $db = New-QualityDatabase
        $before = Get-QualityState $db
        { Set-PartnerTierRule -Database $db -Tier Gold -MinRevenue '1e40' -ErrorAction Stop } |
            Should -Throw "*'1e40' is too large: a number here is at most 79,228,162,514,264,337,593,543,950,335 in size*"
        { Set-PartnerTierRule -Database $db -Tier Gold -MinRevenue 1e300 -ErrorAction Stop } | Should -Throw "*'1E+300' is too large*"
        Get-QualityState $db | Should -Be $before
    }

    It 'refuses weights too large for a scorecard by the limit, not a raw overflow' {
        $db = New-QualityDatabase
        Get-Refusal { Measure-PartnerScorecard -Database $db -AsOf 2026-06-30 -Weights @{ Revenue = [decimal]::MaxValue; Growth = [decimal]::MaxValue } } |
            Should -BeLike "InvalidPartnerValue|Weights value '79228162514264337593543950335' of * is not valid: it is too large; a weight is at most 1,000,000 (only the weights' ratios count: @{Revenue=2; Growth=1} is @{Revenue=0.4; Growth=0.2})."
        Get-Refusal { Measure-PartnerScorecard -Database $db -AsOf 2026-06-30 -Weights @{ Revenue = 1e300 } } |
            Should -BeLike "InvalidPartnerValue|Weights value '1E+300' of Revenue is not valid: it is too large; a weight is at most 1,000,000 *"
        Get-Refusal { Measure-PartnerScorecard -Database $db -AsOf 2026-06-30 -Weights @{ Growth = '1e40' } } |
            Should -BeLike "InvalidPartnerValue|Weights value '1e40' of Growth is not valid: it is too large*"
        { Measure-PartnerScorecard -Database $db -AsOf 2026-06-30 -Weights @{ Revenue = 1000000; Growth = 1 } -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Not -Throw
    }
}

Describe 'Wildcard patterns' {
    It 'refuses a tier rule certification pattern that -like would reject, and stores a valid one' {
        $db = New-QualityDatabase
        $before = Get-QualityState $db
        $rows = @"
Tier,MinCertified,Certification
Platinum,1,[abc
Gold,1,Net[wW]ork*
"@ | ConvertFrom-Csv
        $rows | Set-PartnerTierRule -Database $db -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad | Should -HaveCount 1
        ($bad[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'TierRuleInvalid'
        $bad[0].Exception.Message | Should -Be ("Certification '[abc' is not valid: it is not a valid wildcard pattern: the '[' at position 1 opens a set " +
            "that is never closed with ']' (write ``[ for a literal '[').")
        @(Get-PartnerTierRule -Database $db | ForEach-Object { "$($_.Tier) $($_.Certification)" }) | Should -Be @('Gold Net[wW]ork*')
        $before | Should -Not -Be (Get-QualityState $db)
    }

    It 'refuses such a pattern in every wildcard filter of the Get- cmdlets, naming the parameter' {
        $db = New-QualityDatabase
        Get-Refusal { Get-PartnerContact -Database $db -Name '[abc' } | Should -Match ("^" + [regex]::Escape("InvalidPartnerValue|-Name '[abc' is not valid: it is not a valid wildcard pattern"))
        Get-Refusal { Get-PartnerContact -Database $db -Email 'ann*[' } | Should -Match ("^" + [regex]::Escape("InvalidPartnerValue|-Email 'ann*[' is not valid: it is not a valid wildcard pattern: the '[' at position 5"))
        Get-Refusal { Get-PartnerContact -Database $db -Role '[]' } | Should -Match ("^" + [regex]::Escape("InvalidPartnerValue|-Role '[]' is not valid"))
        Get-Refusal { Get-PartnerCertification -Database $db -Name '[abc' } | Should -Match ("^" + [regex]::Escape("InvalidPartnerValue|-Name '[abc' is not valid"))
        Get-Refusal { Get-PartnerCertification -Database $db -Contact '[abc' } | Should -Match ("^" + [regex]::Escape("InvalidPartnerValue|-Contact '[abc' is not valid"))
        Get-Refusal { Get-PartnerTierRule -Database $db -Region '[North' } | Should -Match ("^" + [regex]::Escape("TierRuleInvalid|-Region '[North' is not valid"))
        # Valid patterns, and escaped brackets, still match.
        (Get-PartnerContact -Database $db -Name '[A]nn' -Email '*@acme.example').Email | Should -Be 'ann@acme.example'
        (Get-PartnerCertification -Database $db -Name 'Networking`[*').Count | Should -Be 0
        (Get-PartnerCertification -Database $db -Name '[]N]etworking*').Name | Should -Be 'Networking Pro'
    }
}

Describe 'A rule for a region no partner has' {
    It 'is stored with a warning naming the close regions in use' {
        $db = New-QualityDatabase
        $warnings = Set-PartnerTierRule -Database $db -Tier Gold -Region 'Nort America' -MinMonthsActive 3 3>&1
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Be "The tier rule Gold (Nort America, all types) applies to no partner yet: No partner has region 'Nort America'; closest: 'North America'."
        (Get-PartnerTierRule -Database $db).Region | Should -Be 'Nort America'
        @(Set-PartnerTierRule -Database $db -Tier Gold -Region 'north america' -MinMonthsActive 3 3>&1) | Should -HaveCount 0
    }
}

Describe 'Emails and empty cells' {
    It 'refuses a domain label with a hyphen at an end and a local part over 64 characters' {
        $db = New-QualityDatabase
        $before = Get-QualityState $db
        $long = ('x' * 65) + '@acme.example'
        $rows = @(
            [pscustomobject]@{ Partner = 'Acme'; Name = 'A'; Email = 'a@-c.example' }
            [pscustomobject]@{ Partner = 'Acme'; Name = 'B'; Email = 'b@c-.example' }
            [pscustomobject]@{ Partner = 'Acme'; Name = 'C'; Email = $long }
        )
        $rows | Add-PartnerContact -Database $db -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Should -Be @('InvalidPartnerValue', 'InvalidPartnerValue', 'InvalidPartnerValue')
        $bad[0].Exception.Message | Should -Be "Email 'a@-c.example' is not valid: the domain label '-c' starts or ends with '-', which a domain name cannot (RFC 1035)."
        $bad[1].Exception.Message | Should -Be "Email 'b@c-.example' is not valid: the domain label 'c-' starts or ends with '-', which a domain name cannot (RFC 1035)."
        $bad[2].Exception.Message | Should -BeLike "Email 'xxxxxxxxxx* is not valid: the part before '@' has at most 64 characters (RFC 5321; this one has 65)."
        Get-QualityState $db | Should -Be $before
        Add-PartnerContact -Database $db -Partner Acme -Name D -Email (('x' * 64) + '@a-b.example')
        @(Get-PartnerContact -Database $db).Count | Should -Be 2
    }

    It 'refuses empty mandatory cells with the module error of that row, and adds the next row' {
        $db = New-QualityDatabase
        $contacts = @"
Partner,Name,Email
Acme,Bob,
Acme,,cid@acme.example
Acme,Dee,dee@acme.example
"@ | ConvertFrom-Csv
        $contacts | Add-PartnerContact -Database $db -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Should -Be @('InvalidPartnerValue', 'InvalidPartnerValue')
        $bad[0].Exception.Message | Should -BeLike "Email '' is not valid: *"
        $bad[1].Exception.Message | Should -BeLike "Name '' is not valid: *"
        $bad[0].TargetObject | Should -Be $contacts[0]
        $bad[1].TargetObject | Should -Be $contacts[1]
        @(Get-PartnerContact -Database $db).Email | Should -Be @('ann@acme.example', 'dee@acme.example')

        $certifications = @"
Partner,Contact,Name,EarnedOn
Acme,ann@acme.example,,2025-02-01
Acme,ann@acme.example,Security Pro,
Acme,ann@acme.example,Cloud Pro,2025-03-01
"@ | ConvertFrom-Csv
        $certifications | Add-PartnerCertification -Database $db -ErrorVariable bad2 -ErrorAction SilentlyContinue
        # The empty date is refused as the row is read, the empty name as it is written (later): each names its own row.
        $bad2 | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Should -Be @('InvalidPartnerValue', 'InvalidPartnerValue')
        $noName = @($bad2 | Where-Object { $_.Exception.Message -like "Name '' is not valid: *" })
        $noDate = @($bad2 | Where-Object { $_.Exception.Message -like "EarnedOn '' is not valid: a certification needs the day it was earned*" })
        $noName.TargetObject | Should -Be $certifications[0]
        $noDate.TargetObject | Should -Be $certifications[1]
        @(Get-PartnerCertification -Database $db | Sort-Object Name).Name | Should -Be @('Cloud Pro', 'Networking Pro')

        $rules = @"
Tier,MinMonthsActive
,3
Gold,6
"@ | ConvertFrom-Csv
        $rules | Set-PartnerTierRule -Database $db -ErrorVariable bad3 -ErrorAction SilentlyContinue
        $bad3 | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Should -Be @('TierRuleInvalid')
        $bad3[0].Exception.Message | Should -Be "Tier '' is not valid: a tier rule needs its tier; give Silver, Gold or Platinum."
        $bad3[0].TargetObject | Should -Be $rules[0]
        @(Get-PartnerTierRule -Database $db | ForEach-Object { "$($_.Tier) $($_.MinMonthsActive)" }) | Should -Be @('Gold 6')
    }
}

Describe 'Completion of stored values' {
    It 'completes Set-PartnerTierRule -Certification with the stored certification names' {
        $db = New-QualityDatabase
        $line = "Set-PartnerTierRule -Database '$db' -Tier Gold -MinCertified 1 -Certification Net"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Networking Pro'")
    }
}
