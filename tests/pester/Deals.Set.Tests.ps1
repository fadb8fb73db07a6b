# Set-PartnerDeal (issue 19): a deal's estimate, expected close, product and segment, and its protection moved with a reason,
# through the module as users drive it: the changes stored and shown, no change writing nothing, bad values per item, an expired
# deal extended (held again) unless another partner's approved deal or the partner's own deal for the customer and segment
# holds it, and -WhatIf. Runs on both backends; expected rows are written out by hand as
# "Id|Status|Amount|Currency|ExpectedClose|Product|Segment|ExpiresOn|Reason" ('-' for none).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $script:Today = [DateTime]::UtcNow.Date
    $script:T = $Today.ToString('yyyy-MM-dd')
    function Day([int] $Offset) { $script:Today.AddDays($Offset).ToString('yyyy-MM-dd') }

    function Format-Deal {
        process {
            $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
            $text = { param($t) if ($t) { $t } else { '-' } }
            "$($_.Id)|$($_.Status)|$(& $text $_.Amount)|$(& $text $_.Currency)|$(& $day $_.ExpectedClose)|$(& $text $_.Product)|$($_.Segment)|$(& $day $_.ExpiresOn)|$(& $text $_.Reason)"
        }
    }

    function Get-Deal([string] $Database, [long] $Id) { Get-PartnerDeal -Database $Database -Id $Id | Format-Deal }

    function Get-DealState([string] $Database) {
        @(Get-PartnerDeal -Database $Database | Format-Deal) + "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }

    function Register-TestDeal([string] $Database, [string] $Partner, [string] $Customer, [int] $Registered, [string] $Segment = 'Enterprise') {
        Register-PartnerDeal -Database $Database -Partner $Partner -Customer $Customer -CustomerCountry 'DE' -Segment $Segment -RegisteredOn (Day $Registered) -ValidDays 90 -WarningAction SilentlyContinue
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Set-PartnerDeal' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Globex' -JoinedOn 2015-01-10
        Register-PartnerDeal -Database $db -Partner 'Acme' -Customer 'Contoso' -CustomerCountry 'DE' -Amount 50000 -Currency EUR -ExpectedClose (Day 30) -Product 'Servers' -RegisteredOn (Day -30) # 1
        Register-TestDeal $db 'Acme' 'Fabrikam' -100       # 2: expired 10 days ago
        Register-TestDeal $db 'Globex' 'Fabrikam' -5       # 3: approved below: Globex holds Fabrikam
        Register-TestDeal $db 'Acme' 'Litware' -100        # 4: expired, nobody else holds Litware
        Register-TestDeal $db 'Acme' 'Northwind' -100      # 5: expired
        Register-TestDeal $db 'Acme' 'Northwind' -5        # 6: Acme holds Northwind (Enterprise) again
        Register-TestDeal $db 'Acme' 'Tailspin' -10 'SMB'  # 7
        Register-TestDeal $db 'Acme' 'Tailspin' -10        # 8: the same customer in Enterprise
        Register-TestDeal $db 'Acme' 'Woodgrove' -10       # 9: denied below
        Approve-PartnerDeal -Database $db -Id 3
        Deny-PartnerDeal -Database $db -Id 9 -Reason 'Existing customer'
    }

    It 'changes the estimate, expected close, product and segment and returns the deal with -PassThru' {
        Set-PartnerDeal -Database $db -Id 1 -Amount 60000 -PassThru | Format-Deal | Should -Be "1|Submitted|60000.00|EUR|$(Day 30)|Servers|Enterprise|$(Day 60)|-"
        Set-PartnerDeal -Database $db -Id 1 -Amount 1250.5 -Currency usd -ExpectedClose (Day 45) -Product ' Storage ' -Segment 'Public Sector'
        Get-Deal $db 1 | Should -Be "1|Submitted|1250.50|USD|$(Day 45)|Storage|Public Sector|$(Day 60)|-"
        Set-PartnerDeal -Database $db -Id 1 -ExpectedClose $null -Product ''
        Get-Deal $db 1 | Should -Be "1|Submitted|1250.50|USD|-|-|Public Sector|$(Day 60)|-"
    }

    It 'writes nothing for a change that leaves every value as it is' {
        $before = Get-DealState $db
        Set-PartnerDeal -Database $db -Id 1 -Segment 'Public Sector' -Amount 1250.50 -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*no change, nothing written*' } | Should -Not -BeNullOrEmpty
        Get-DealState $db | Should -Be $before
    }

    It 'moves ExpiresOn with its reason: shortened, the deal reads Expired; extended, it is held again' {
        Set-PartnerDeal -Database $db -Id 1 -ExpiresOn (Day -1) -Reason 'Customer paused the project'
        Get-Deal $db 1 | Should -Be "1|Expired|1250.50|USD|-|-|Public Sector|$(Day -1)|Customer paused the project"
        Set-PartnerDeal -Database $db -Id 4 -ExpiresOn (Day 20) -Reason ' Tender moved to next quarter ' -PassThru | Format-Deal |
            Should -Be "4|Submitted|-|-|-|-|Enterprise|$(Day 20)|Tender moved to next quarter"
        (Get-PartnerDeal -Database $db -Id 4 -AsOf (Day 21)).Status | Should -Be 'Expired'
    }

    It 'refuses bad values per item, naming each, and writes nothing' -TestCases @(
        @{ Params = @{ ExpiresOn = '2030-01-01' }; Id = 'InvalidPartnerValue'; Message = "Reason '' is not valid: a change of ExpiresOn needs a reason (one line of text)." }
        @{ Params = @{ Reason = 'Because' }; Id = 'InvalidPartnerValue'; Message = "Reason 'Because' is not valid: a reason goes with a new ExpiresOn (give -ExpiresOn too); Deny-PartnerDeal and Close-PartnerDeal -Lost take their own." }
        @{ Params = @{ ExpiresOn = '2000-01-01'; Reason = 'Back' }; Id = 'InvalidPartnerValue'; Message = 'ExpiresOn ''2000-01-01'' is not valid: a deal cannot expire before it was registered (RegisteredOn {R}).' }
        @{ Params = @{ Currency = 'USD' }; Id = 'InvalidAmount'; Message = "Currency 'USD' was given without an amount: give -Amount with -Currency, or neither." }
        @{ Params = @{ Amount = -1 }; Id = 'InvalidAmount'; Message = "Amount -1 USD is not valid: a deal's estimated amount must be greater than zero." }
        @{ Params = @{ Amount = 1; Currency = 'XYZ' }; Id = 'InvalidCurrencyCode'; Message = '*XYZ*' }
        @{ Params = @{ Product = 'a' * 201 }; Id = 'InvalidPartnerValue'; Message = "Product 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (201 characters)' is not valid: a product has at most 200 characters (this one has 201)." }
    ) {
        $before = Get-DealState $db
        Set-PartnerDeal -Database $db -Id 1 @Params -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $e[0].Exception.Message | Should -BeLike $Message.Replace('{R}', (Day -30))
        Get-DealState $db | Should -Be $before
    }

    It 'refuses an amount for a deal with no currency, unless -Currency is given' {
        Set-PartnerDeal -Database $db -Id 4 -Amount 5 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCurrencyCode,*'
        $e[0].Exception.Message | Should -Be 'Amount 5 was given without a currency: give -Currency with -Amount, or neither.'
        Set-PartnerDeal -Database $db -Id 4 -Amount 5 -Currency GBP
        (Get-PartnerDeal -Database $db -Id 4 | Format-Deal) | Should -BeLike '4|Submitted|5.00|GBP|*'
    }

    It 'refuses to extend an expired deal while another partner''s approved deal holds the customer' {
        $before = Get-DealState $db
        Set-PartnerDeal -Database $db -Id 2 -ExpiresOn (Day 30) -Reason 'Customer asked' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].Exception.Message | Should -Be ("Deal 2 'Fabrikam' (DE) of Acme cannot be held again (extended) on ${T}: partner 'Globex' holds an Approved deal for this customer " +
            "(deal 3, approved on $T, protected until $(Day 85)), and an approved deal's protection is exclusive. Customers are matched ignoring case, accents " +
            "and spacing, within their country. An expired deal is held again only while no other " +
            "partner's approved deal holds the customer: wait until that deal is closed or has expired.")
        Get-DealState $db | Should -Be $before
        # Moved but still in the past, it holds nothing and is taken.
        Set-PartnerDeal -Database $db -Id 2 -ExpiresOn (Day -2) -Reason 'Corrected'
        Get-Deal $db 2 | Should -Be "2|Expired|-|-|-|-|Enterprise|$(Day -2)|Corrected"
    }

    It 'refuses to extend an expired deal or change a segment when the partner holds the customer in that segment (PartnerDealExists)' {
        $before = Get-DealState $db
        Set-PartnerDeal -Database $db -Id 5 -ExpiresOn (Day 10) -Reason 'Again' -ErrorVariable e1 -ErrorAction SilentlyContinue
        Set-PartnerDeal -Database $db -Id 7 -Segment 'enterprise' -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealExists,*'
        $e1[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $e1[0].Exception.Message | Should -Be ("Partner 'Acme' already holds the customer 'Northwind' (DE) in segment 'Enterprise' with deal 6 (Submitted, protected until $(Day 85)): " +
            "deal 5 'Northwind' (DE) of Acme cannot hold it too; give another segment, or close one of the two deals. Customers are matched ignoring case, " +
            "accents and spacing, within their country.")
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealExists,*'
        $e2[0].Exception.Message | Should -BeLike "Partner 'Acme' already holds the customer 'Tailspin' (DE) in segment 'enterprise' with deal 8 (Submitted, *"
        Get-DealState $db | Should -Be $before
    }

    It 'refuses a denied deal' {
        Set-PartnerDeal -Database $db -Id 9 -Product 'X' -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].Exception.Message | Should -BeLike "Deal 9 'Woodgrove' (DE) of Acme was denied on ${T}: it cannot be changed (Set-PartnerDeal);*"
    }

    It 'changes piped deals, and -WhatIf changes nothing' {
        $before = Get-DealState $db
        Get-PartnerDeal -Database $db -Customer 'Tailspin' | Set-PartnerDeal -ExpiresOn (Day 100) -Reason 'Longer tender' -WhatIf
        Get-DealState $db | Should -Be $before
        Get-PartnerDeal -Database $db -Customer 'Tailspin' | Set-PartnerDeal -Product 'Network'
        (Get-PartnerDeal -Database $db -Customer 'Tailspin').Product | Should -Be @('Network', 'Network')
    }

    It 'records each change in the history (entity Deal)' {
        $entry = @(Get-PartnerHistory -Database $db -Entity Deal -Operation Update | Where-Object { "$($_.EntityId)" -eq '4' })[1]
        ($entry.Changes | ForEach-Object { "$($_.Property):$($_.Old)>$($_.New)" }) -join ', ' | Should -Be "ExpiresOn:$(Day -10)>$(Day 20), Reason:>Tender moved to next quarter"
    }
}

Describe 'Set-PartnerDeal -ExpiresOn and the deal''s decision' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Register-TestDeal $db 'Acme' 'Wingtip' -40 # 1: approved 20 days ago, protected until 50 days from now
        Register-TestDeal $db 'Acme' 'Adatum' -40  # 2: approved 20 days ago
        Approve-PartnerDeal -Database $db -Id 1 -Date (Day -20)
        Approve-PartnerDeal -Database $db -Id 2 -Date (Day -20)
    }

    It 'refuses an ExpiresOn <Name> (InvalidPartnerValue naming the deal, the day and <Names>) and writes nothing' -TestCases @(
        @{ Name = 'the day before the approval'; Offset = -21; Names = 'the decision day'; Message = "ExpiresOn '{D}' is not valid: deal 1 'Wingtip' (DE) of Acme cannot expire before its decision on {A} (DecidedOn: it was approved that day, and an expired deal cannot be approved); give an ExpiresOn on or after {A}. Nothing was written." }
        @{ Name = 'between registration and approval'; Offset = -35; Names = 'the decision day'; Message = "ExpiresOn '{D}' is not valid: deal 1 'Wingtip' (DE) of Acme cannot expire before its decision on {A} (*" }
        @{ Name = 'before the registration'; Offset = -41; Names = 'RegisteredOn'; Message = "ExpiresOn '{D}' is not valid: a deal cannot expire before it was registered (RegisteredOn {R})." }
    ) {
        $before = Get-DealState $db
        Set-PartnerDeal -Database $db -Id 1 -ExpiresOn (Day $Offset) -Reason 'Shortened' -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $e[0].Exception.Message | Should -BeLike $Message.Replace('{D}', (Day $Offset)).Replace('{A}', (Day -20)).Replace('{R}', (Day -40))
        Get-DealState $db | Should -Be $before
    }

    It 'takes an ExpiresOn on the approval day: approved that one day, Expired after it' {
        Set-PartnerDeal -Database $db -Id 2 -ExpiresOn (Day -20) -Reason 'Customer signed elsewhere' -PassThru | Format-Deal |
            Should -Be "2|Expired|-|-|-|-|Enterprise|$(Day -20)|Customer signed elsewhere"
        (Get-PartnerDeal -Database $db -Id 2 -AsOf (Day -20)).Status | Should -Be 'Approved'
        (Get-PartnerDeal -Database $db -Id 2 -AsOf (Day -19)).Status | Should -Be 'Expired'
    }
}
