# Deal registration (issue 19): Register-PartnerDeal, Get-PartnerDeal and Remove-PartnerDeal as users drive them (typed, CSV in
# and out, Get-Partner piped, bad input per item, -WhatIf, -PassThru, history). Runs on both backends; every expected row is
# written out by hand as "Partner|Customer|Country|Segment|Product|Amount|ExpectedClose|Reference|Status|RegisteredOn|ExpiresOn"
# ('-' for none).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $script:Today = [datetime]::UtcNow.Date

    # Partners of every status: Acme (Active, Western Europe), Globex (Onboarding), Initech (Suspended), Hooli (Prospect),
    # Gone Ltd (Terminated).
    function New-DealDatabase {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -Region 'Western Europe' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Globex' -Status Onboarding -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Initech' -Status Suspended -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Hooli' -Status Prospect -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Gone Ltd' -Status Terminated -JoinedOn 2015-01-10 -EndedOn 2025-12-31
        $db
    }

    function Format-Deal {
        process {
            $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
            $text = { param($t) if ($t) { $t } else { '-' } }
            $amount = if ($null -eq $_.Amount) { '-' } else { "$($_.Amount.ToString([cultureinfo]::InvariantCulture)) $($_.Currency)" }
            "$($_.Partner)|$($_.Customer)|$($_.CustomerCountry)|$($_.Segment)|$(& $text $_.Product)|$amount|$(& $day $_.ExpectedClose)|$(& $text $_.Reference)|$($_.Status)|$(& $day $_.RegisteredOn)|$(& $day $_.ExpiresOn)"
        }
    }

    function Get-AllDeals([string] $Database) { @(Get-PartnerDeal -Database $Database | Format-Deal) }

    # Every deal row and the history's count: equal before and after means a refused command changed nothing.
    function Get-DealState([string] $Database) {
        (Get-AllDeals $Database) + "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }

    function Get-Day([datetime] $Day) { $Day.ToString('yyyy-MM-dd') }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Register-PartnerDeal' {
    BeforeAll {
        $script:db = New-DealDatabase
    }

    It 'registers a deal Submitted for 90 days from today, its values trimmed, and returns it with -PassThru' {
        $d = Register-PartnerDeal -Database $db -Partner ' acme ' -Customer '  Contoso  Retail ' -CustomerCountry ' gb ' -Segment ' Public Sector ' `
            -Product ' Cloud migration ' -Amount 1234.5 -Currency eur -ExpectedClose 2027-03-31 -Reference ' ACME-1 ' -PassThru
        $d.PSObject.TypeNames[0] | Should -Be 'PartnerOps.PartnerDeal'
        $d | Format-Deal | Should -Be "Acme|Contoso  Retail|GB|Public Sector|Cloud migration|1234.50 EUR|2027-03-31|ACME-1|Submitted|$(Get-Day $Today)|$(Get-Day $Today.AddDays(90))"
        $d.Id | Should -BeGreaterThan 0
        $d.PartnerId | Should -Be (Get-Partner -Database $db -Name Acme).Id
        $d.Region | Should -Be 'Western Europe'
        $d.ConflictsWith.Count | Should -Be 0
        $d.DecidedOn | Should -BeNullOrEmpty
        $d.Database | Should -Be (Get-Partner -Database $db -Name Acme).Database
        Get-PartnerDeal -Database $db -Id $d.Id | Format-Deal | Should -Be ($d | Format-Deal)
    }

    It 'protects until RegisteredOn plus ValidDays, or until the ExpiresOn given, the segment Enterprise by default' {
        $a = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Northwind' -CustomerCountry US -RegisteredOn 2026-01-01 -PassThru
        $b = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Northwind' -CustomerCountry US -Segment SMB -RegisteredOn 2026-01-01 -ValidDays 1 -PassThru
        $c = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Northwind' -CustomerCountry US -Segment Retail -RegisteredOn 2026-01-01 -ExpiresOn 2026-01-01 -PassThru
        @($a, $b, $c | Format-Deal) | Should -Be @(
            'Acme|Northwind|US|Enterprise|-|-|-|-|Expired|2026-01-01|2026-04-01'
            'Acme|Northwind|US|SMB|-|-|-|-|Expired|2026-01-01|2026-01-02'
            'Acme|Northwind|US|Retail|-|-|-|-|Expired|2026-01-01|2026-01-01'
        )
    }

    It 'registers for Onboarding and Suspended partners and refuses Prospect and Terminated ones, naming them' {
        Register-PartnerDeal -Database $db -Partner Globex -Customer 'Fabrikam' -CustomerCountry DE
        Register-PartnerDeal -Database $db -Partner Initech -Customer 'Fabrikam' -CustomerCountry FR
        $before = Get-DealState $db
        Register-PartnerDeal -Database $db -Partner Hooli -Customer 'Fabrikam' -CustomerCountry DE -ErrorVariable failures -ErrorAction SilentlyContinue
        Register-PartnerDeal -Database $db -Partner 'Gone Ltd' -Customer 'Fabrikam' -CustomerCountry DE -ErrorVariable +failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidPartnerValue,PartnerOps.Commands.RegisterPartnerDealCommand'
        $failures[0].Exception.Message | Should -Be "Partner 'Hooli' cannot register deals: its status is Prospect; only Onboarding, Active and Suspended partners (those in the programme) register deals."
        $failures[1].Exception.Message | Should -Be "Partner 'Gone Ltd' cannot register deals: its status is Terminated; only Onboarding, Active and Suspended partners (those in the programme) register deals."
        Get-DealState $db | Should -Be $before
        @(Get-PartnerDeal -Database $db -Customer fabrikam | Format-Deal) | Should -Be @(
            "Globex|Fabrikam|DE|Enterprise|-|-|-|-|Submitted|$(Get-Day $Today)|$(Get-Day $Today.AddDays(90))"
            "Initech|Fabrikam|FR|Enterprise|-|-|-|-|Submitted|$(Get-Day $Today)|$(Get-Day $Today.AddDays(90))"
        )
    }

    It 'refuses the bad rows of a CSV file one error each, naming the value, and registers the others' {
        $file = Join-Path (Get-TestFolder $db) 'bad-deals.csv'
        $tomorrow = Get-Day $Today.AddDays(1)
        @(
            'Partner,Customer,CustomerCountry,Amount,Currency,ValidDays,RegisteredOn,ExpiresOn,Reference'
            'Acme,Good One,NL,100,USD,,,,'
            'Acme,,NL,,,,,,'
            'Acme,Bad Country,UK,,,,,,'
            'Acme,No Amount,NL,,USD,,,,'
            'Acme,No Currency,NL,10,,,,,'
            'Acme,Negative,NL,-5,USD,,,,'
            'Acme,Too Precise,NL,10.005,USD,,,,'
            'Acme,Zero Days,NL,,,0,,,'
            "Acme,Tomorrow,NL,,,,$tomorrow,,"
            'Acme,Backwards,NL,,,,2026-03-01,2026-02-28,'
            'Nobody Ltd,Ghost,NL,,,,,,'
            "Acme,Long Reference,NL,,,,,,$('r' * 101)"
            'Acme,Good Two,BE,,,,2026-11-02,,'
        ) | Set-Content $file
        $before = @(Get-AllDeals $db)
        Import-Csv $file | Register-PartnerDeal -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' }) | Should -Be @(
            'InvalidPartnerValue', 'InvalidCountryCode', 'InvalidAmount', 'InvalidCurrencyCode', 'InvalidAmount', 'InvalidAmount',
            'InvalidPartnerValue', 'InvalidPartnerValue', 'InvalidPartnerValue', 'PartnerNotFound', 'InvalidPartnerValue')
        @($failures | ForEach-Object { $_.Exception.Message })[0..8] | Should -Be @(
            "Customer '' is not valid: a deal needs the customer's name."
            "CustomerCountry 'UK' is not an ISO 3166-1 alpha-2 country code (UK is not an ISO 3166-1 code; the code of the United Kingdom is GB)."
            "Currency 'USD' was given without an amount: give -Amount with -Currency, or neither."
            "Amount 10 was given without a currency: give -Currency with -Amount, or neither."
            "Amount -5 USD is not valid: a deal's estimated amount must be greater than zero."
            "Amount 10.005 USD is not valid: USD has 2 decimal places, so it cannot hold a smaller fraction."
            "ValidDays '0' is not valid: a registration protects a deal for 1 to 3650 days."
            "RegisteredOn '$tomorrow' is not valid: a deal cannot be registered after today ($(Get-Day $Today))."
            "ExpiresOn '2026-02-28' is not valid: a deal cannot expire before it was registered (RegisteredOn 2026-03-01)."
        )
        $failures[9].Exception.Message | Should -BeLike "*'Nobody Ltd'*"
        $failures[10].Exception.Message | Should -Be "Reference '$('r' * 40)… (101 characters)' is not valid: a reference has at most 100 characters (this one has 101)."
        $failures[1].TargetObject.Customer | Should -Be 'Bad Country'
        @(Get-AllDeals $db) | Should -Be @(
            @($before | Select-Object -First 3)
            "Acme|Good Two|BE|Enterprise|-|-|-|-|Submitted|2026-11-02|2027-01-31"
            @($before | Select-Object -Skip 3)
            "Acme|Good One|NL|Enterprise|-|100.00 USD|-|-|Submitted|$(Get-Day $Today)|$(Get-Day $Today.AddDays(90))"
        )
    }

    It 'refuses a reference another deal has, PartnerDealExists naming that deal, and writes nothing' {
        $first = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Litware' -CustomerCountry IE -Reference 'REF-7' -PassThru
        $before = Get-DealState $db
        Register-PartnerDeal -Database $db -Partner Globex -Customer 'Tailspin' -CustomerCountry IE -Reference ' REF-7 ' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerDealExists,PartnerOps.Commands.RegisterPartnerDealCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].Exception.Message | Should -Be "Reference 'REF-7' is already used by deal $($first.Id) of partner 'Acme': a deal's reference is unique; nothing was written."
        Get-DealState $db | Should -Be $before
    }

    It 'refuses the customer and segment the partner already holds, but not another segment nor after the held deal expired' {
        $held = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Adventure Works' -CustomerCountry CA -RegisteredOn 2026-10-01 -ValidDays 30 -PassThru
        $before = Get-DealState $db
        Register-PartnerDeal -Database $db -Partner Acme -Customer "ADVENTURE$([char]0xA0)WORKS" -CustomerCountry ca -RegisteredOn 2026-10-31 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerDealExists,PartnerOps.Commands.RegisterPartnerDealCommand'
        $failures[0].Exception.Message | Should -Be ("Partner 'Acme' already holds customer 'Adventure Works' (CA) in segment 'Enterprise' on 2026-10-31: deal $($held.Id) of partner 'Acme' " +
            "(Submitted, registered 2026-10-01, expires 2026-10-31); nothing was written. Customers are matched ignoring case, accents and spacing, within their " +
            "country. A denied, lost, won or expired deal does not block a new one.")
        Get-DealState $db | Should -Be $before
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'ADVENTURE WORKS' -CustomerCountry CA -Segment SMB -RegisteredOn 2026-10-31
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'adventure works' -CustomerCountry CA -RegisteredOn 2026-11-01
        @(Get-PartnerDeal -Database $db -Customer 'adventure works' | Format-Deal) | Should -Be @(
            'Acme|Adventure Works|CA|Enterprise|-|-|-|-|Expired|2026-10-01|2026-10-31'
            'Acme|ADVENTURE WORKS|CA|SMB|-|-|-|-|Expired|2026-10-31|2027-01-29'.Replace('Expired', $(if ($Today -le [datetime]'2027-01-29') { 'Submitted' } else { 'Expired' }))
            'Acme|adventure works|CA|Enterprise|-|-|-|-|Expired|2026-11-01|2027-01-30'.Replace('Expired', $(if ($Today -le [datetime]'2027-01-30') { 'Submitted' } else { 'Expired' }))
        )
    }

    It 'registers nothing with -WhatIf' {
        $before = Get-DealState $db
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Wingtip' -CustomerCountry AU -WhatIf | Should -BeNullOrEmpty
        Get-DealState $db | Should -Be $before
    }

    It 'registers for the partner piped from Get-Partner' {
        $d = Get-Partner -Database $db -Name Initech | Register-PartnerDeal -Customer 'Proseware' -CustomerCountry SE -RegisteredOn 2026-11-15 -ValidDays 10 -PassThru
        $d | Format-Deal | Should -Be "Initech|Proseware|SE|Enterprise|-|-|-|-|$(if ($Today -le [datetime]'2026-11-25') { 'Submitted' } else { 'Expired' })|2026-11-15|2026-11-25"
    }
    It 'checks the partner on RegisteredOn: its status that day, its JoinedOn and EndedOn, naming them and the day' {
        $db = New-DealDatabase
        Add-Partner -Database $db -Name 'Late Co' -Status Prospect -JoinedOn 2024-01-01
        Set-Partner -Database $db -Name 'Late Co' -Status Active -EffectiveDate 2025-01-01
        Set-Partner -Database $db -Name 'Late Co' -Status Terminated -EffectiveDate 2026-01-01 -Reason 'Left'
        $before = Get-DealState $db
        $failures = foreach ($day in '2023-12-31', '2024-06-01', '2026-01-01') {
            Register-PartnerDeal -Database $db -Partner 'Late Co' -Customer 'Early Co' -CustomerCountry DE -RegisteredOn $day -ErrorVariable e -ErrorAction SilentlyContinue; $e
        }
        @($failures | ForEach-Object { ($_.FullyQualifiedErrorId -replace ',.*') + ': ' + $_.Exception.Message }) | Should -Be @(
            "InvalidPartnerValue: Partner 'Late Co' cannot register a deal on 2023-12-31 (RegisteredOn): on 2023-12-31 it was not yet a partner: it joined the programme on 2024-01-01 (JoinedOn); nothing was written."
            "InvalidPartnerValue: Partner 'Late Co' cannot register a deal on 2024-06-01 (RegisteredOn): its status on 2024-06-01 was Prospect; only Onboarding, Active and Suspended partners (those in the programme) register deals; nothing was written."
            "InvalidPartnerValue: Partner 'Late Co' cannot register a deal on 2026-01-01 (RegisteredOn): its status on 2026-01-01 was Terminated; only Onboarding, Active and Suspended partners (those in the programme) register deals; nothing was written.")
        Get-DealState $db | Should -Be $before
        Register-PartnerDeal -Database $db -Partner 'Late Co' -Customer 'Early Co' -CustomerCountry DE -RegisteredOn 2025-12-31 -ValidDays 1
        @(Get-AllDeals $db) | Should -Be @('Late Co|Early Co|DE|Enterprise|-|-|-|-|Expired|2025-12-31|2026-01-01')
    }
}

Describe 'Deals through CSV' {
    It 'round-trips through Get-PartnerDeal | Export-Csv and Import-Csv | Register-PartnerDeal into another database' {
        $db = New-DealDatabase
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Contoso, Ltd "UK"' -CustomerCountry GB -Segment 'Public Sector' -Product 'ERP' `
            -Amount 250000 -Currency GBP -ExpectedClose 2027-03-31 -Reference 'A-1' -RegisteredOn 2026-11-01 -ExpiresOn 2027-02-28
        Register-PartnerDeal -Database $db -Partner Globex -Customer 'Größe AG' -CustomerCountry DE -Amount 5000 -Currency JPY -RegisteredOn 2026-10-15
        $file = Join-Path (Get-TestFolder $db) 'deals.csv'
        Get-PartnerDeal -Database $db | Export-Csv $file -NoTypeInformation
        $other = New-DealDatabase
        Import-Csv $file | Register-PartnerDeal -Database $other -WarningVariable said -WarningAction SilentlyContinue
        $said | Should -BeNullOrEmpty
        Get-AllDeals $other | Should -Be (Get-AllDeals $db)
        @(Get-AllDeals $other) | Should -Be @(
            "Globex|Größe AG|DE|Enterprise|-|5000 JPY|-|-|$(if ($Today -le [datetime]'2027-01-13') { 'Submitted' } else { 'Expired' })|2026-10-15|2027-01-13"
            "Acme|Contoso, Ltd `"UK`"|GB|Public Sector|ERP|250000.00 GBP|2027-03-31|A-1|$(if ($Today -le [datetime]'2027-02-28') { 'Submitted' } else { 'Expired' })|2026-11-01|2027-02-28"
        )
    }
    It 'says that a row''s ExpiresOn came with -ValidDays, and registers with it once Select-Object drops the column (help example 2)' {
        $db = New-DealDatabase
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Row Co' -CustomerCountry GB -RegisteredOn 2026-09-01 -ExpiresOn 2026-09-20
        Get-PartnerDeal -Database $db | Export-Csv ($file = Join-Path (Get-TestFolder $db) 'export.csv') -NoTypeInformation
        $other = New-DealDatabase
        Import-Csv $file | Register-PartnerDeal -Database $other -ValidDays 60 -ErrorVariable failures -ErrorAction SilentlyContinue
        @($failures.FullyQualifiedErrorId) | Should -Be @('InvalidPartnerValue,PartnerOps.Commands.RegisterPartnerDealCommand')
        $failures[0].Exception.Message | Should -Be ("ValidDays '60' is not valid: the piped row also has an ExpiresOn column ('2026-09-20'), and a deal takes ValidDays or ExpiresOn, not both: " +
            "drop the column (Import-Csv ... | Select-Object -ExcludeProperty ExpiresOn | Register-PartnerDeal -ValidDays 60), or leave out -ValidDays to keep the row's ExpiresOn.")
        Get-AllDeals $other | Should -BeNullOrEmpty
        Import-Csv $file | Select-Object -ExcludeProperty ExpiresOn | Register-PartnerDeal -Database $other -ValidDays 60
        Get-AllDeals $other | Should -Be @('Acme|Row Co|GB|Enterprise|-|-|-|-|Expired|2026-09-01|2026-10-31')
    }
}

Describe 'Two sessions registering the same customers at once' {
    It 'lets one of them register each customer and gives the other PartnerDealExists: the check runs in the write transaction' {
        $db = New-DealDatabase
        $folder = Get-TestFolder $db
        $writers = foreach ($w in 1..2) {
            Start-ChildPwsh -OutputPrefix (Join-Path $folder "register$w") -Command @"
`$ProgressPreference = 'SilentlyContinue'
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
1..200 | ForEach-Object { [pscustomobject]@{ Partner = 'Acme'; Customer = "Race `$_"; CustomerCountry = 'GB' } } |
    Register-PartnerDeal -Database $(ConvertTo-PSLiteral $db) -ErrorVariable failed -ErrorAction SilentlyContinue
`$failed | ForEach-Object { `$_.FullyQualifiedErrorId -replace ',.*' }
"@
        }
        $writers | Wait-Process -Timeout 120
        Get-ChildItem $folder -Filter 'register*.err.txt' | Get-Content | Should -BeNullOrEmpty
        $refused = @(Get-ChildItem $folder -Filter 'register*.out.txt' | Get-Content | Where-Object { $_ })
        $refused.Count | Should -Be 200
        @($refused | Sort-Object -Unique) | Should -Be @('PartnerDealExists')
        @(Get-PartnerDeal -Database $db).Count | Should -Be 200
        @(Get-PartnerDeal -Database $db | Group-Object Customer | Where-Object Count -GT 1) | Should -BeNullOrEmpty
    }
}

Describe 'Deals piped from Get-PartnerDeal' {
    It 'registers the piped deals in the database given, as they were registered' {
        $db = New-DealDatabase
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Piped Co' -CustomerCountry NL -Amount 99.95 -Currency EUR -RegisteredOn 2026-11-20 -ValidDays 5
        $other = New-DealDatabase
        $copied = @(Get-PartnerDeal -Database $db | Register-PartnerDeal -Database $other -PassThru)
        $copied.Database | Should -Be @((Get-Partner -Database $other -Name Acme).Database)
        Get-AllDeals $other | Should -Be (Get-AllDeals $db)
        Get-AllDeals $other | Should -Be @("Acme|Piped Co|NL|Enterprise|-|99.95 EUR|-|-|$(if ($Today -le [datetime]'2026-11-25') { 'Submitted' } else { 'Expired' })|2026-11-20|2026-11-25")
    }

    It 'says that a decided deal''s status is not carried, and registers it Submitted' {
        $db = New-DealDatabase
        $d = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Decided Co' -CustomerCountry NL -RegisteredOn 2026-11-20 -PassThru
        # Approving is Approve-PartnerDeal's; here the stored columns are set as it sets them.
        Invoke-RawSql -Database $db -Sql "UPDATE deals SET status = 'Approved', decided_on = '2026-11-21' WHERE id = $($d.Id)"
        $other = New-DealDatabase
        $copied = Get-PartnerDeal -Database $db | Register-PartnerDeal -Database $other -PassThru -WarningVariable said -WarningAction SilentlyContinue
        @($said | ForEach-Object { "$_" }) | Should -Be @(
            "Deal $($copied.Id) of partner 'Acme' was registered as Submitted; the piped deal's Status Approved (and its decision, close and reason) is not carried " +
            'by a registration: decide it again with Approve-, Deny- or Close-PartnerDeal.')
        $copied.DecidedOn | Should -BeNullOrEmpty
        Get-Partner -Database $other -Name Acme | Register-PartnerDeal -Customer 'Other Co' -CustomerCountry NL -WarningVariable fromPartner -WarningAction SilentlyContinue
        $fromPartner | Should -BeNullOrEmpty
    }
}

Describe 'Remove-PartnerDeal' {
    BeforeAll {
        $script:db = New-DealDatabase
        $script:a = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Contoso' -CustomerCountry GB -Reference 'R-A' -PassThru
        $script:b = Register-PartnerDeal -Database $db -Partner Globex -Customer 'Fabrikam' -CustomerCountry DE -Reference 'R-B' -PassThru
        $script:c = Register-PartnerDeal -Database $db -Partner Initech -Customer 'Northwind' -CustomerCountry US -PassThru
    }

    It 'removes nothing with -WhatIf' {
        $before = Get-DealState $db
        Remove-PartnerDeal -Database $db -Id $a.Id -WhatIf
        Get-PartnerDeal -Database $db | Remove-PartnerDeal -WhatIf
        Get-DealState $db | Should -Be $before
    }

    It 'gives PartnerDealNotFound naming the id or reference, and removes nothing' {
        $before = Get-DealState $db
        Remove-PartnerDeal -Database $db -Id 999 -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        Remove-PartnerDeal -Database $db -Reference 'R-Z' -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerDealNotFound,PartnerOps.Commands.RemovePartnerDealCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.Message | Should -Be "No deal with Id 999 was found in '$((Get-Partner -Database $db -Name Acme).Database)'. Get-PartnerDeal lists the deals."
        $failures[1].Exception.Message | Should -Be "No deal with the reference 'R-Z' was found in '$((Get-Partner -Database $db -Name Acme).Database)'. Get-PartnerDeal lists the deals."
        Get-DealState $db | Should -Be $before
    }

    It 'lists the deals of the partners piped or named, one PartnerNotFound for a partner that does not exist' {
        @(Get-Partner -Database $db -Name Globex, Initech | Get-PartnerDeal | ForEach-Object Customer) | Should -Be @('Fabrikam', 'Northwind')
        @(Get-PartnerDeal -Database $db -Partner 'Acme', 'Nobody Ltd' -ErrorVariable failures -ErrorAction SilentlyContinue | ForEach-Object Customer) | Should -Be @('Contoso')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerNotFound,PartnerOps.Commands.GetPartnerDealCommand'
        @(Get-PartnerDeal -Database $db -Reference 'R-B', 'R-A' | ForEach-Object Customer) | Should -Be @('Contoso', 'Fabrikam')
        @(Get-PartnerDeal -Database $db -Id $a.Id, 999 -Reference 'R-Z' -ErrorVariable failures -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
        @($failures | ForEach-Object { $_.Exception.Message -replace " in '.*'", '' }) | Should -Be @(
            'No deal with Id 999 was found. Get-PartnerDeal lists the deals.'
            "No deal with the reference 'R-Z' was found. Get-PartnerDeal lists the deals.")
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerDealNotFound,PartnerOps.Commands.GetPartnerDealCommand'
        Get-PartnerDeal -Database $db -Id $a.Id -Partner Globex -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'removes the deals of CSV rows exported by Get-PartnerDeal, in the database each row names' {
        $other = New-DealDatabase
        Register-PartnerDeal -Database $other -Partner Acme -Customer 'Row One' -CustomerCountry GB
        Register-PartnerDeal -Database $other -Partner Globex -Customer 'Row Two' -CustomerCountry GB
        $file = Join-Path (Get-TestFolder $other) 'remove.csv'
        Get-PartnerDeal -Database $other -Customer 'Row One' | Export-Csv $file -NoTypeInformation
        Import-Csv $file | Remove-PartnerDeal -Confirm:$false
        @(Get-PartnerDeal -Database $other | ForEach-Object Customer) | Should -Be @('Row Two')
    }

    It 'removes by -Reference, by -Id and piped, each recorded in the history as entity Deal' {
        Remove-PartnerDeal -Database $db -Reference ' R-B ' -Confirm:$false
        Remove-PartnerDeal -Database $db -Id $a.Id -Confirm:$false
        Get-PartnerDeal -Database $db -Partner Initech | Remove-PartnerDeal -Confirm:$false
        Get-AllDeals $db | Should -BeNullOrEmpty
        $entries = @(Get-PartnerHistory -Database $db -Entity Deal)
        @($entries | ForEach-Object { "$($_.Operation) $($_.EntityId)" }) | Should -Be @(
            "Delete $($c.Id)", "Delete $($a.Id)", "Delete $($b.Id)", "Insert $($c.Id)", "Insert $($b.Id)", "Insert $($a.Id)")
        $entries[0].PartnerId | Should -Be $c.PartnerId
        $inserted = @($entries[5].Changes | ForEach-Object { "$($_.Property)=$($_.New)" })
        $inserted | Should -Contain 'Customer=Contoso'
        $inserted | Should -Contain 'Reference=R-A'
        $inserted | Should -Contain 'Status=Submitted'
    }

    It 'refuses a piped deal that was removed, and a piped object of another database' {
        $other = New-DealDatabase
        $d = Register-PartnerDeal -Database $other -Partner Acme -Customer 'Litware' -CustomerCountry IE -PassThru
        $d | Remove-PartnerDeal -Confirm:$false
        $d | Remove-PartnerDeal -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $e = Register-PartnerDeal -Database $other -Partner Acme -Customer 'Tailspin' -CustomerCountry IE -PassThru
        $e | Remove-PartnerDeal -Database $db -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -Be 'PartnerDealNotFound,PartnerOps.Commands.RemovePartnerDealCommand'
        $failures[0].Exception.Message | Should -BeLike "No deal with Id $($d.Id) was found in '*' (the deal $($d.Id)): it was removed. Get-PartnerDeal lists the deals."
        $failures[1].FullyQualifiedErrorId | Should -Be 'ObjectFromOtherDatabase,PartnerOps.Commands.RemovePartnerDealCommand'
        @(Get-PartnerDeal -Database $other | Format-Deal) | Should -Be @("Acme|Tailspin|IE|Enterprise|-|-|-|-|Submitted|$(Get-Day $Today)|$(Get-Day $Today.AddDays(90))")
    }

    It 'keeps the revenue record of a won deal, and says so when asked' {
        $other = New-DealDatabase
        $d = Register-PartnerDeal -Database $other -Partner Acme -Customer 'Won Co' -CustomerCountry GB -RegisteredOn 2026-01-05 -PassThru
        $r = Add-PartnerRevenue -Database $other -Partner Acme -Date 2026-02-01 -Amount 100 -Currency USD -PassThru
        # Closing a deal as won is Close-PartnerDeal's; here the stored columns are set as it sets them.
        Invoke-RawSql -Database $other -Sql "UPDATE deals SET status = 'Won', decided_on = '2026-01-10', closed_on = '2026-02-01', revenue_id = $($r.Id) WHERE id = $($d.Id)"
        Close-PooledConnections
        # -WhatIf writes to the host: a child pwsh prints it.
        $text = (Invoke-ChildPwsh @"
Import-Module '$script:ModuleManifest'
Remove-PartnerDeal -Database '$other' -Id $($d.Id) -WhatIf
"@) -join "`n"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Remove deal"" on target ""deal $($d.Id) 'Won Co' (GB) of Acme (Won); its revenue record $($r.Id) stays"".*"
        Remove-PartnerDeal -Database $other -Id $d.Id -Confirm:$false
        Get-PartnerDeal -Database $other | Should -BeNullOrEmpty
        @(Get-PartnerRevenue -Database $other).Id | Should -Be @($r.Id)
    }
}

Describe 'Tab completion of deals' {
    BeforeAll {
        $script:db = New-DealDatabase
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Contoso Retail' -CustomerCountry GB -Reference 'ACME-001'
        Register-PartnerDeal -Database $db -Partner Globex -Customer 'CONTOSO RETAIL' -CustomerCountry GB -Reference 'GLX-7' -WarningAction SilentlyContinue
        Register-PartnerDeal -Database $db -Partner Globex -Customer 'Contoso Bank' -CustomerCountry IE -Reference 'ACME-002'
        Register-PartnerDeal -Database $db -Partner Acme -Customer 'Fabrikam' -CustomerCountry DE
        function Get-Completion([string] $Line) {
            (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
        }
    }

    It 'completes -Customer with the stored customers, one spelling per key, ignoring case' {
        Get-Completion "Get-PartnerDeal -Database '$db' -Customer cont" | Should -Be @("'Contoso Bank'", "'CONTOSO RETAIL'")
        Get-Completion "Register-PartnerDeal -Database '$db' -Customer F" | Should -Be @('Fabrikam')
    }

    It 'completes -Reference with the stored references' {
        Get-Completion "Remove-PartnerDeal -Database '$db' -Reference ACME" | Should -Be @("'ACME-001'", "'ACME-002'")
        Get-Completion "Get-PartnerDeal -Database '$db' -Reference G" | Should -Be @("'GLX-7'")
    }
}
