<#
Issue 18: Set-/Get-/Remove-PartnerTierRule, on every backend. The database's reporting currency is EUR.
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-RuleDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency EUR
        $db
    }

    # Each rule as one line: tier, region, type and every condition ('-' for none).
    function Get-RuleLines([string] $Database) {
        @(Get-PartnerTierRule -Database $Database -WarningAction SilentlyContinue | ForEach-Object {
            $r = $_
            (@($r.Tier, $r.Region, $r.Type, $r.MinRevenue, $r.Currency, $r.RevenueMonths, $r.MinCertified, $r.Certification, $r.MinMonthsActive) |
                ForEach-Object { if ($null -eq $_) { '-' } else { [string]::Format([cultureinfo]::InvariantCulture, '{0}', $_) } }) -join '|'
        })
    }

    function Get-RuleHistory([string] $Database) {
        @(Get-PartnerHistory -Database $Database -Entity TierRule | Sort-Object Id | ForEach-Object {
            "$($_.Operation) " + (($_.Changes | ForEach-Object { "$($_.Property)=$($_.Old)>$($_.New)" }) -join ' ')
        })
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Set-PartnerTierRule' {
    It 'adds a rule in the reporting currency over 12 months, keeps the conditions not given, and a Set that changes nothing writes nothing' {
        $db = New-RuleDatabase
        $rule = Set-PartnerTierRule -Database $db -Tier Gold -Region ' Western Europe ' -MinRevenue 500000 -MinCertified 4 -Certification 'Networking*' -PassThru
        $rule.GetType().FullName | Should -Be 'PartnerOps.TierRule'
        ($rule.Tier, $rule.Region, $rule.Type, $rule.MinRevenue, $rule.Currency, $rule.RevenueMonths) | Should -Be @('Gold', 'Western Europe', $null, 500000, 'EUR', 12)
        $rule.Database | Should -Not -BeNullOrEmpty

        # Another spelling of the region is the same rule; only -MinMonthsActive is given: the rest stays.
        Set-PartnerTierRule -Database $db -Tier Gold -Region 'WESTERN europe' -MinMonthsActive 6
        Get-RuleLines $db | Should -Be @('Gold|Western Europe|-|500000.00|EUR|12|4|Networking*|6')

        $before = (Get-PartnerTierRule -Database $db).UpdatedAt
        $verbose = Set-PartnerTierRule -Database $db -Tier Gold -Region 'Western Europe' -MinRevenue 500000.00 -MinCertified 4 -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain (
            'The tier rule Gold (Western Europe, all types): revenue 500000.00 EUR in 12 months, 4 certified ''Networking*'', 6 months active is stored already: no change, nothing written.')
        (Get-PartnerTierRule -Database $db).UpdatedAt | Should -Be $before
        Get-RuleHistory $db | Should -Be @(
            'Insert Tier=>Gold Region=>Western Europe MinRevenue=>500000.00 Currency=>EUR RevenueMonths=>12 MinCertified=>4 Certification=>Networking*'
            'Update MinMonthsActive=>6')
    }

    It 'removes a condition given as $null: the revenue condition goes with its currency and months' {
        $db = New-RuleDatabase
        Set-PartnerTierRule -Database $db -Tier Silver -Type Reseller -MinRevenue 1000.5 -Currency usd -RevenueMonths 6 -MinCertified 1
        Set-PartnerTierRule -Database $db -Tier Silver -Type Reseller -MinRevenue $null
        Get-RuleLines $db | Should -Be @('Silver|-|Reseller|-|-|-|1|-|-')
        (Get-RuleHistory $db)[-1] | Should -Be 'Update MinRevenue=1000.50> Currency=USD> RevenueMonths=6>'
    }

    It 'takes rules from CSV rows and from another database''s rules, row for row' {
        $db = New-RuleDatabase
        $csv = Join-Path (New-TestFolder) 'rules.csv'
        @(
            [pscustomobject]@{ Tier = 'Platinum'; Region = ''; Type = ''; MinRevenue = '2000000'; Currency = 'USD'; RevenueMonths = '24'; MinCertified = '10'; Certification = ''; MinMonthsActive = '24' }
            [pscustomobject]@{ Tier = 'Gold'; Region = 'China'; Type = 'Distributor'; MinRevenue = '1234.567'; Currency = 'KWD'; RevenueMonths = ''; MinCertified = ''; Certification = ''; MinMonthsActive = '' }
            [pscustomobject]@{ Tier = 'Gold'; Region = ''; Type = ''; MinRevenue = ''; Currency = ''; RevenueMonths = ''; MinCertified = '3'; Certification = 'Sec*'; MinMonthsActive = '' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        Import-Csv -LiteralPath $csv | Set-PartnerTierRule -Database $db
        $expected = @(
            'Gold|-|-|-|-|-|3|Sec*|-'
            'Gold|China|Distributor|1234.567|KWD|12|-|-|-'
            'Platinum|-|-|2000000.00|USD|24|10|-|24')
        Get-RuleLines $db | Should -Be $expected

        $copy = New-RuleDatabase
        Get-PartnerTierRule -Database $db | Set-PartnerTierRule -Database $copy
        Get-RuleLines $copy | Should -Be $expected
        $exported = Join-Path (New-TestFolder) 'exported.csv'
        Get-PartnerTierRule -Database $db | Export-Csv -LiteralPath $exported -NoTypeInformation
        $third = New-RuleDatabase
        Import-Csv -LiteralPath $exported | Set-PartnerTierRule -Database $third
        Get-RuleLines $third | Should -Be $expected
    }

    It 'refuses each bad row with TierRuleInvalid naming the value and the problem, and sets the good ones' {
        $db = New-RuleDatabase
        Set-PartnerTierRule -Database $db -Tier Gold -MinCertified 2
        $state = Get-DatabaseState $db
        $rows = @(
            @{ Tier = 'Silver'; MinRevenue = '-1' }
            @{ Tier = 'Silver'; MinRevenue = '100.005'; Currency = 'USD' }
            @{ Tier = 'Silver'; MinRevenue = '100'; RevenueMonths = '121' }
            @{ Tier = 'Silver'; MinCertified = '2.5' }
            @{ Tier = 'Silver'; MinMonthsActive = '-3' }
            @{ Tier = 'Silver'; Certification = 'Networking*'; MinMonthsActive = '1' }
            @{ Tier = 'Registered'; MinCertified = '1' }
            @{ Tier = 'Silver'; Region = 'China' }
            @{ Tier = 'Silver'; MinCertified = '1'; Currency = 'USD' }
            @{ Tier = 'Gold'; MinCertified = '-1' }
        )
        $rows | ForEach-Object { [pscustomobject]$_ } | Set-PartnerTierRule -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 10
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TierRuleInvalid,*' }
        $failures | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
        $failures[0].Exception.Message | Should -Be "MinRevenue '-1' is not valid: a revenue threshold is an amount, 0 or more."
        $failures[1].Exception.Message | Should -Be "MinRevenue '100.005' is not valid: a revenue threshold is an amount of its currency: USD has 2 decimal places, so it cannot hold a smaller fraction."
        $failures[2].Exception.Message | Should -Be "RevenueMonths '121' is not valid: months of revenue counted is a whole number, from 1 to 120."
        $failures[3].Exception.Message | Should -Be "MinCertified '2.5' is not valid: a number of certified contacts is a whole number, 0 or more."
        $failures[4].Exception.Message | Should -Be "MinMonthsActive '-3' is not valid: a number of whole months is a whole number, 0 or more."
        $failures[5].Exception.Message | Should -BeLike "Certification 'Networking*' is not valid: the certifications a rule counts need -MinCertified*"
        $failures[6].Exception.Message | Should -BeLike "Tier 'Registered' is not valid: Registered is the programme's entry tier*"
        $failures[7].Exception.Message | Should -Be 'The tier rule Silver (China, all types) has no condition: give -MinRevenue, -MinCertified or -MinMonthsActive (a rule without any would qualify every partner).'
        $failures[8].Exception.Message | Should -BeLike "Currency 'USD' is not valid: *"
        $failures[9].Exception.Message | Should -BeLike "MinCertified '-1' is not valid: *"
        # The piped row is each error's target; nothing stored changed.
        $failures[0].TargetObject.MinRevenue | Should -Be '-1'
        Get-DatabaseState $db | Should -Be $state
    }

    It 'refuses an unknown currency with InvalidCurrencyCode' {
        $db = New-RuleDatabase
        Set-PartnerTierRule -Database $db -Tier Gold -MinRevenue 10 -Currency XYZ -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCurrencyCode,*'
        Get-RuleLines $db | Should -Be @()
    }

    It 'changes nothing with -WhatIf, and names the rule and the conditions given' {
        $db = New-RuleDatabase
        Close-PooledConnections
        $text = (Invoke-ChildPwsh @"
Import-Module '$script:ModuleManifest'
Set-PartnerTierRule -Database '$db' -Tier Gold -Region China -MinRevenue 500000 -Currency usd -MinCertified 4 -Certification 'Net*' -WhatIf
Remove-PartnerTierRule -Database '$db' -Tier Gold -Type Reseller -WhatIf
"@) -join "`n"
        $text | Should -BeLikeExactly '*What if: Performing the operation "Set tier rule" on target "Gold (China, all types): MinRevenue = 500000, Currency = USD, MinCertified = 4, Certification = ''Net`*''".*'
        $text | Should -BeLikeExactly '*What if: Performing the operation "Remove tier rule" on target "Gold (all regions, Reseller)".*'
        Get-RuleLines $db | Should -Be @()
    }
}

Describe 'Get-PartnerTierRule and Remove-PartnerTierRule' {
    BeforeAll {
        $db = New-RuleDatabase
        Set-PartnerTierRule -Database $db -Tier Platinum -MinCertified 8
        Set-PartnerTierRule -Database $db -Tier Gold -Region China -MinCertified 4
        Set-PartnerTierRule -Database $db -Tier Gold -Type Reseller -MinCertified 3
        Set-PartnerTierRule -Database $db -Tier Gold -MinCertified 2
        Set-PartnerTierRule -Database $db -Tier Silver -MinRevenue 100
    }

    It 'lists the rules by tier, region and type, narrowed by each' {
        (Get-PartnerTierRule -Database $db | ForEach-Object { "$_" }) | Should -Be @(
            'Silver (all regions, all types)', 'Gold (all regions, all types)', 'Gold (all regions, Reseller)', 'Gold (China, all types)', 'Platinum (all regions, all types)')
        (Get-PartnerTierRule Gold -Database $db -Region 'CH*' | ForEach-Object { "$_" }) | Should -Be @('Gold (China, all types)')
        (Get-PartnerTierRule -Database $db -Type Reseller | ForEach-Object { "$_" }) | Should -Be @('Gold (all regions, Reseller)')
        Get-PartnerTierRule -Database $db -Tier Gold -Type Distributor -WarningVariable warned -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $warned[0].Message | Should -BeLike 'No tier rule matches in *'
    }

    It 'refuses a rule that is not stored with TierRuleInvalid (ObjectNotFound) listing the tier''s rules, and removes the others' {
        $state = Get-DatabaseState $db
        Remove-PartnerTierRule -Database $db -Tier Gold -Region Japan -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TierRuleInvalid,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -BeLike "There is no tier rule Gold (Japan, all types) in '*': the rules of Gold are Gold (all regions, all types); Gold (all regions, Reseller); Gold (China, all types). Nothing was removed; Get-PartnerTierRule lists the rules."
        Get-DatabaseState $db | Should -Be $state

        $rules = @(Get-PartnerTierRule -Database $db -Tier Gold -Region China)
        Remove-PartnerTierRule -Database $db -Tier Gold -Region 'china' -Confirm:$false
        # The piped rule was removed since: refused as not stored.
        $rules | Remove-PartnerTierRule -Confirm:$false -ErrorVariable again -ErrorAction SilentlyContinue
        $again[0].FullyQualifiedErrorId | Should -BeLike 'TierRuleInvalid,*'
        $again[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        Get-PartnerTierRule -Database $db -Tier Gold | Remove-PartnerTierRule -Confirm:$false
        (Get-PartnerTierRule -Database $db | ForEach-Object { "$_" }) | Should -Be @('Silver (all regions, all types)', 'Platinum (all regions, all types)')
        @(Get-PartnerHistory -Database $db -Entity TierRule -Operation Delete).Count | Should -Be 3
    }
}
