# Deal transitions (issue 19): Approve-, Deny- and Close-PartnerDeal (and Set-PartnerDeal's place in the state machine) through
# the module as users drive them: every allowed transition, every refused one with its own text, -WhatIf, pipelines with a
# refused deal in the middle, -Date boundaries and the exclusive protection of an approved deal. Runs on both backends; every
# expected row is written out by hand as "Id|Partner|Customer|Status|DecidedOn|ClosedOn|Reason" ('-' for none).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $script:Today = [DateTime]::UtcNow.Date
    $script:T = $Today.ToString('yyyy-MM-dd')

    function Format-Deal {
        process {
            $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
            "$($_.Id)|$($_.Partner)|$($_.Customer)|$($_.Status)|$(& $day $_.DecidedOn)|$(& $day $_.ClosedOn)|$(if ($_.Reason) { $_.Reason } else { '-' })"
        }
    }

    function Get-Deal([string] $Database, [long] $Id, $AsOf) {
        if ($AsOf) { Get-PartnerDeal -Database $Database -Id $Id -AsOf $AsOf | Format-Deal } else { Get-PartnerDeal -Database $Database -Id $Id | Format-Deal }
    }

    # Every deal as stored, the revenue records and the history's count: equal before and after means nothing was written.
    function Get-DealState([string] $Database) {
        @(Get-PartnerDeal -Database $Database | Format-Deal) + @(Get-PartnerRevenue -Database $Database | ForEach-Object { "$($_.Id)|$($_.Amount)" }) +
            "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }

    # One transition of the state machine on deal $Id, as a user types it (today unless -Date).
    function Invoke-DealAction([string] $Database, [long] $Id, [string] $Action) {
        $common = @{ Database = $Database; Id = $Id; ErrorAction = 'Stop' }
        switch ($Action) {
            'Approve' { Approve-PartnerDeal @common }
            'Deny' { Deny-PartnerDeal @common -Reason 'Not a new customer' }
            'CloseWon' { Close-PartnerDeal @common -Won -Amount 100 -Currency EUR -Date $script:T }
            'CloseLost' { Close-PartnerDeal @common -Lost -Reason 'Budget cut' }
            'Update' { Set-PartnerDeal @common -Product 'Storage arrays' }
        }
    }

    function Register-TestDeal([string] $Database, [string] $Partner, [string] $Customer, [string] $Country = 'DE', [datetime] $RegisteredOn = $script:Today.AddDays(-30), [int] $ValidDays = 90, [string] $Segment) {
        $more = @{}
        if ($Segment) { $more.Segment = $Segment }
        Register-PartnerDeal -Database $Database -Partner $Partner -Customer $Customer -CustomerCountry $Country -RegisteredOn $RegisteredOn -ValidDays $ValidDays @more -WarningAction SilentlyContinue
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'The state machine of a deal' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -Region 'EMEA' -JoinedOn 2015-01-10
        # Registered 30 days ago for 90 days (held until 60 days from now): 1 Alpha .. 6 Foxtrot. Registered 100 days ago for 90
        # days (expired 10 days ago): 7 Golf (never decided) and 8 Hotel (approved 95 days ago).
        foreach ($customer in 'Alpha AG', 'Bravo AG', 'Charlie AG', 'Delta AG', 'Echo AG', 'Foxtrot AG') { Register-TestDeal $db 'Acme' $customer }
        Register-TestDeal $db 'Acme' 'Golf AG' -RegisteredOn $Today.AddDays(-100)
        Register-TestDeal $db 'Acme' 'Hotel AG' -RegisteredOn $Today.AddDays(-100)
        Approve-PartnerDeal -Database $db -Id 8 -Date $Today.AddDays(-95)
        $script:Expired = $Today.AddDays(-10).ToString('yyyy-MM-dd')
        $script:HotelApproved = $Today.AddDays(-95).ToString('yyyy-MM-dd')
    }

    It 'approves a Submitted deal: Approved from today, shown with -PassThru' {
        $deal = Approve-PartnerDeal -Database $db -Id 1 -PassThru
        $deal.PSObject.TypeNames[0] | Should -Be 'PartnerOps.PartnerDeal'
        $deal | Format-Deal | Should -Be "1|Acme|Alpha AG|Approved|$T|-|-"
        Get-Deal $db 1 | Should -Be "1|Acme|Alpha AG|Approved|$T|-|-"
        Get-Deal $db 1 -AsOf $Today.AddDays(-1) | Should -Be '1|Acme|Alpha AG|Submitted|-|-|-'
    }

    It 'denies a Submitted deal with its reason (trimmed)' {
        Deny-PartnerDeal -Database $db -Id 2 -Reason '  Customer is served directly ' | Should -BeNullOrEmpty
        Get-Deal $db 2 | Should -Be "2|Acme|Bravo AG|Denied|$T|-|Customer is served directly"
    }

    It 'closes a Submitted deal as lost' {
        Close-PartnerDeal -Database $db -Id 3 -Lost -Reason 'Budget cut'
        Get-Deal $db 3 | Should -Be "3|Acme|Charlie AG|Lost|-|$T|Budget cut"
    }

    It 'closes an Approved deal as won, and as lost' {
        Approve-PartnerDeal -Database $db -Id 4
        Approve-PartnerDeal -Database $db -Id 5
        Close-PartnerDeal -Database $db -Id 4 -Won -Amount 1200 -Currency EUR -Date $Today | Format-Deal | Should -BeNullOrEmpty
        Close-PartnerDeal -Database $db -Id 5 -Lost -Reason 'Competitor was cheaper' -PassThru | Format-Deal | Should -Be "5|Acme|Echo AG|Lost|$T|$T|Competitor was cheaper"
        Get-Deal $db 4 | Should -Be "4|Acme|Delta AG|Won|$T|$T|-"
    }

    It 'changes a Submitted, an Approved and an Expired deal (Set-PartnerDeal)' {
        Set-PartnerDeal -Database $db -Id 6 -Product 'Storage arrays' -PassThru | ForEach-Object Product | Should -Be 'Storage arrays'
        Set-PartnerDeal -Database $db -Id 1 -Product 'Backup' -PassThru | ForEach-Object Product | Should -Be 'Backup'
        Set-PartnerDeal -Database $db -Id 7 -Product 'Cloud' -PassThru | ForEach-Object { "$($_.Status)|$($_.Product)" } | Should -Be 'Expired|Cloud'
    }

    It 'records each transition in the history (entity Deal)' {
        $entries = @(Get-PartnerHistory -Database $db -Entity Deal -Operation Update | Where-Object { "$($_.EntityId)" -eq '5' })
        $entries.Count | Should -Be 2
        ($entries[0].Changes | Where-Object Property -eq 'Status' | ForEach-Object { "$($_.Old)>$($_.New)" }) | Should -Be 'Approved>Lost'
        ($entries[1].Changes | Where-Object Property -eq 'Status' | ForEach-Object { "$($_.Old)>$($_.New)" }) | Should -Be 'Submitted>Approved'
    }

    Context 'refused transitions' {
        It '<Name>: <Action> is PartnerDealStateInvalid with its own text and writes nothing' -TestCases @(
            @{ Name = 'Submitted'; Id = 6; Action = 'CloseWon'; Message = "Deal 6 'Foxtrot AG' (DE) of Acme is Submitted on {T}: it cannot be closed as won before it is approved; approve it first (Approve-PartnerDeal), or close it as lost. Allowed on {T}: Approve-PartnerDeal, Deny-PartnerDeal, Close-PartnerDeal -Lost, Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Approved'; Id = 1; Action = 'Approve'; Message = "Deal 1 'Alpha AG' (DE) of Acme is Approved already (approved on {T}): it cannot be approved again; close it as won or lost when it ends. Allowed on {T}: Close-PartnerDeal -Won, Close-PartnerDeal -Lost, Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Approved'; Id = 1; Action = 'Deny'; Message = "Deal 1 'Alpha AG' (DE) of Acme is Approved (approved on {T}): it cannot be denied after its approval; close it as lost instead (Close-PartnerDeal -Lost -Reason). Allowed on {T}: Close-PartnerDeal -Won, Close-PartnerDeal -Lost, Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Expired'; Id = 7; Action = 'Approve'; Message = "Deal 7 'Golf AG' (DE) of Acme is Expired on {T} (its protection ended on {E}): it cannot be approved; extend it first with Set-PartnerDeal -ExpiresOn -Reason. Allowed on {T}: Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Expired'; Id = 7; Action = 'Deny'; Message = "Deal 7 'Golf AG' (DE) of Acme is Expired on {T} (its protection ended on {E}): it cannot be denied; extend it first with Set-PartnerDeal -ExpiresOn -Reason. Allowed on {T}: Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Expired'; Id = 7; Action = 'CloseWon'; Message = "Deal 7 'Golf AG' (DE) of Acme is Expired on {T} (its protection ended on {E}): it cannot be closed as won; extend it first with Set-PartnerDeal -ExpiresOn -Reason. Allowed on {T}: Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Expired'; Id = 7; Action = 'CloseLost'; Message = "Deal 7 'Golf AG' (DE) of Acme is Expired on {T} (its protection ended on {E}): it cannot be closed as lost; extend it first with Set-PartnerDeal -ExpiresOn -Reason. Allowed on {T}: Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Expired after approval'; Id = 8; Action = 'CloseWon'; Message = "Deal 8 'Hotel AG' (DE) of Acme is Expired on {T} (its protection ended on {E}): it cannot be closed as won; extend it first with Set-PartnerDeal -ExpiresOn -Reason. Allowed on {T}: Set-PartnerDeal, Remove-PartnerDeal." }
            @{ Name = 'Denied'; Id = 2; Action = 'Approve'; Message = "Deal 2 'Bravo AG' (DE) of Acme was denied on {T}: it cannot be approved; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Denied'; Id = 2; Action = 'Deny'; Message = "Deal 2 'Bravo AG' (DE) of Acme was denied on {T}: it cannot be denied; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Denied'; Id = 2; Action = 'CloseWon'; Message = "Deal 2 'Bravo AG' (DE) of Acme was denied on {T}: it cannot be closed as won; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Denied'; Id = 2; Action = 'CloseLost'; Message = "Deal 2 'Bravo AG' (DE) of Acme was denied on {T}: it cannot be closed as lost; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Denied'; Id = 2; Action = 'Update'; Message = "Deal 2 'Bravo AG' (DE) of Acme was denied on {T}: it cannot be changed (Set-PartnerDeal); a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Won'; Id = 4; Action = 'Approve'; Message = "Deal 4 'Delta AG' (DE) of Acme was won on {T}: it cannot be approved; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)." }
            @{ Name = 'Won'; Id = 4; Action = 'Deny'; Message = "Deal 4 'Delta AG' (DE) of Acme was won on {T}: it cannot be denied; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)." }
            @{ Name = 'Won'; Id = 4; Action = 'CloseWon'; Message = "Deal 4 'Delta AG' (DE) of Acme was won on {T}: it cannot be closed as won; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)." }
            @{ Name = 'Won'; Id = 4; Action = 'CloseLost'; Message = "Deal 4 'Delta AG' (DE) of Acme was won on {T}: it cannot be closed as lost; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)." }
            @{ Name = 'Won'; Id = 4; Action = 'Update'; Message = "Deal 4 'Delta AG' (DE) of Acme was won on {T}: it cannot be changed (Set-PartnerDeal); a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)." }
            @{ Name = 'Lost'; Id = 3; Action = 'Approve'; Message = "Deal 3 'Charlie AG' (DE) of Acme was lost on {T}: it cannot be approved; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Lost'; Id = 3; Action = 'Deny'; Message = "Deal 3 'Charlie AG' (DE) of Acme was lost on {T}: it cannot be denied; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Lost'; Id = 3; Action = 'CloseWon'; Message = "Deal 3 'Charlie AG' (DE) of Acme was lost on {T}: it cannot be closed as won; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Lost'; Id = 3; Action = 'CloseLost'; Message = "Deal 3 'Charlie AG' (DE) of Acme was lost on {T}: it cannot be closed as lost; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
            @{ Name = 'Lost after approval'; Id = 5; Action = 'Update'; Message = "Deal 5 'Echo AG' (DE) of Acme was lost on {T}: it cannot be changed (Set-PartnerDeal); a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only." }
        ) {
            $before = Get-DealState $db
            $failure = $null
            try { Invoke-DealAction $db $Id $Action } catch { $failure = $_ }
            $failure | Should -Not -BeNullOrEmpty
            $failure.FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidOperation'
            $failure.Exception.Message | Should -Be $Message.Replace('{T}', $T).Replace('{E}', $Expired)
            Get-DealState $db | Should -Be $before
        }
    }

    It '-WhatIf refuses what the run refuses: <Name> <Action> is the same PartnerDealStateInvalid, nothing written' -TestCases @(
        @{ Name = 'Won'; Id = 4; Action = 'Approve' }
        @{ Name = 'Won'; Id = 4; Action = 'Update' }
        @{ Name = 'Lost'; Id = 3; Action = 'Deny' }
        @{ Name = 'Denied'; Id = 2; Action = 'CloseLost' }
        @{ Name = 'Approved'; Id = 1; Action = 'Approve' }
        @{ Name = 'Expired'; Id = 7; Action = 'CloseWon' }
        @{ Name = 'Submitted'; Id = 6; Action = 'CloseWon' }
    ) {
        $before = Get-DealState $db
        $run = $null
        try { Invoke-DealAction $db $Id $Action } catch { $run = $_ }
        $whatIf = $null
        $WhatIfPreference = $true
        try { Invoke-DealAction $db $Id $Action } catch { $whatIf = $_ } finally { $WhatIfPreference = $false }
        $whatIf | Should -Not -BeNullOrEmpty
        $whatIf.FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $whatIf.Exception.Message | Should -BeExactly $run.Exception.Message
        Get-DealState $db | Should -Be $before
    }

    It '-WhatIf over every deal piped: one error per deal its status refuses, none for those it allows' {
        $before = Get-DealState $db
        Get-PartnerDeal -Database $db | Approve-PartnerDeal -WhatIf -ErrorVariable e -ErrorAction SilentlyContinue
        # 1 Approved, 2 Denied, 3 Lost, 4 Won, 5 Lost, 7 and 8 Expired are refused; 6 (Submitted) would be approved.
        @($e | ForEach-Object { $_.TargetObject.Id } | Sort-Object) -join ',' | Should -Be '1,2,3,4,5,7,8'
        @($e | Where-Object { $_.FullyQualifiedErrorId -notlike 'PartnerDealStateInvalid,*' }).Count | Should -Be 0
        Close-PartnerDeal -Database $db -Id 6 -Won -Amount 5 -Currency EUR -Date $Today.AddDays(-40) -WhatIf -ErrorVariable d -ErrorAction SilentlyContinue
        $d[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $d[0].Exception.Message | Should -BeLike "Date '$($Today.AddDays(-40).ToString('yyyy-MM-dd'))' is not valid: deal 6 * was registered on *"
        Get-DealState $db | Should -Be $before
    }

    It 'says what -WhatIf would do and writes nothing' {
        $before = Get-DealState $db
        Approve-PartnerDeal -Database $db -Id 6 -WhatIf
        Deny-PartnerDeal -Database $db -Id 6 -Reason 'No' -WhatIf
        Close-PartnerDeal -Database $db -Id 1 -Won -Amount 10 -Currency EUR -Date $Today -WhatIf
        Close-PartnerDeal -Database $db -Id 1 -Lost -Reason 'No' -WhatIf
        Set-PartnerDeal -Database $db -Id 6 -ExpiresOn $Today.AddDays(200) -Reason 'Longer' -WhatIf
        Get-DealState $db | Should -Be $before
    }

    It 'names the deal, its status and the day to -WhatIf' {
        Close-PooledConnections
        # -WhatIf writes to the host: a child pwsh prints it.
        $text = (Invoke-ChildPwsh @"
Import-Module '$script:ModuleManifest'
Approve-PartnerDeal -Database '$db' -Id 6 -Date $T -WhatIf
Close-PartnerDeal -Database '$db' -Id 1 -Won -Amount 1234.5 -Currency EUR -Date $T -WhatIf
Deny-PartnerDeal -Database '$db' -Id 6 -Reason 'Existing customer' -WhatIf
Set-PartnerDeal -Database '$db' -Id 6 -ExpiresOn $T -Reason 'Shorter' -Amount 10 -Currency USD -WhatIf
"@) -join "`n"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Approve deal"" on target ""deal 6 'Foxtrot AG' (DE) of Acme (Submitted today), dated $T"".*"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Close deal as won"" on target ""deal 1 'Alpha AG' (DE) of Acme (Approved today), dated ${T}: won, 1234.5 EUR booked as the partner's revenue (Attribution Sourced)"".*"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Deny deal"" on target ""deal 6 'Foxtrot AG' (DE) of Acme (Submitted today): Existing customer"".*"
        $text | Should -BeLikeExactly "*What if: Performing the operation ""Set deal properties"" on target ""deal 6 'Foxtrot AG' (DE) of Acme (Submitted today): Amount = 10, Currency = USD, ExpiresOn = $T, Reason = Shorter"".*"
    }

    It 'asks nothing with -Confirm:$false and approves' {
        Approve-PartnerDeal -Database $db -Id 6 -Confirm:$false
        Get-Deal $db 6 | Should -Be "6|Acme|Foxtrot AG|Approved|$T|-|-"
    }
}

Describe 'Refused input of the transitions' {
    BeforeAll {
        $script:db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
        Register-TestDeal $db 'Acme' 'Kilo GmbH' -RegisteredOn 2025-03-01 -ValidDays 30
        Register-TestDeal $db 'Acme' 'Lima GmbH' -RegisteredOn 2025-03-01 -ValidDays 30
    }

    It 'refuses a -Date before the registration or after today (InvalidPartnerValue naming it) and writes nothing' {
        $before = Get-DealState $db
        $tomorrow = $Today.AddDays(1).ToString('yyyy-MM-dd')
        Approve-PartnerDeal -Database $db -Id 1 -Date 2025-02-28 -ErrorVariable e1 -ErrorAction SilentlyContinue
        Deny-PartnerDeal -Database $db -Id 1 -Reason 'No' -Date $tomorrow -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $e1[0].Exception.Message | Should -Be "Date '2025-02-28' is not valid: deal 1 'Kilo GmbH' (DE) of Acme was registered on 2025-03-01; a decision or close cannot be dated before it."
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $e2[0].Exception.Message | Should -Be "Date '$tomorrow' is not valid: a deal's decision or close cannot be dated after today ($T)."
        Get-DealState $db | Should -Be $before
    }

    It 'refuses an empty or multi-line reason' {
        Deny-PartnerDeal -Database $db -Id 1 -Reason ' ' -Date 2025-03-02 -ErrorVariable e1 -ErrorAction SilentlyContinue
        Close-PartnerDeal -Database $db -Id 1 -Lost -Reason "two`nlines" -Date 2025-03-02 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e1[0].Exception.Message | Should -Be "Reason ' ' is not valid: a denial needs a reason (one line of text)."
        $e2[0].Exception.Message | Should -Be 'Reason ''two`u{A}lines'' is not valid: it holds the control character `u{A} at position 4; it must be one line of visible text.'
        Get-Deal $db 1 | Should -Be '1|Acme|Kilo GmbH|Expired|-|-|-'
    }

    It 'stops before any deal without -Won or -Lost, with both, or without what each needs' -TestCases @(
        @{ Params = @{ Won = $true; Lost = $true; Reason = 'x' }; Problem = 'give -Won or -Lost, not both' }
        @{ Params = @{}; Problem = 'give -Won (with -Amount and -Date) or -Lost (with -Reason)' }
        @{ Params = @{ Won = $true; Amount = 5 }; Problem = '-Won needs -Amount (the amount won) and -Date (the day it was won)' }
        @{ Params = @{ Lost = $true }; Problem = '-Lost needs -Reason (why the deal was lost)' }
        @{ Params = @{ Lost = $true; Reason = 'x'; Amount = 5 }; Problem = '-Amount and -Currency go with -Won; a lost deal has no amount won' }
    ) {
        $before = Get-DealState $db
        { Close-PartnerDeal -Database $db -Id 1 @Params } | Should -Throw -ErrorId 'InvalidPartnerValue*' -ExpectedMessage "Close-PartnerDeal: $Problem. Nothing was written."
        Get-DealState $db | Should -Be $before
    }

    It 'reads the status on -Date: the last day of protection, the day after it, and the registration day' {
        Approve-PartnerDeal -Database $db -Id 1 -Date 2025-04-01 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -BeLike "Deal 1 'Kilo GmbH' (DE) of Acme is Expired on 2025-04-01 (its protection ended on 2025-03-31): it cannot be approved;*"
        Approve-PartnerDeal -Database $db -Id 1 -Date 2025-03-31
        Approve-PartnerDeal -Database $db -Id 2 -Date 2025-03-01
        Get-Deal $db 1 -AsOf 2025-03-30 | Should -Be '1|Acme|Kilo GmbH|Submitted|-|-|-'
        Get-Deal $db 1 -AsOf 2025-03-31 | Should -Be '1|Acme|Kilo GmbH|Approved|2025-03-31|-|-'
        Get-Deal $db 1 -AsOf 2025-04-01 | Should -Be '1|Acme|Kilo GmbH|Expired|2025-03-31|-|-'
        Get-Deal $db 2 -AsOf 2025-03-01 | Should -Be '2|Acme|Lima GmbH|Approved|2025-03-01|-|-'
    }

    It 'refuses a change dated before the deal''s approval, and closes it on a later day' {
        Close-PartnerDeal -Database $db -Id 1 -Lost -Reason 'Too late' -Date 2025-03-15 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].Exception.Message | Should -Be "Deal 1 'Kilo GmbH' (DE) of Acme was approved on 2025-03-31, after 2025-03-15: it cannot be closed as lost on 2025-03-15; a deal's changes are recorded in date order, so date it on or after 2025-03-31."
        Close-PartnerDeal -Database $db -Id 2 -Lost -Reason 'Customer stopped the project' -Date 2025-03-20
        Get-Deal $db 2 -AsOf 2025-03-19 | Should -Be '2|Acme|Lima GmbH|Approved|2025-03-01|-|-'
        Get-Deal $db 2 | Should -Be '2|Acme|Lima GmbH|Lost|2025-03-01|2025-03-20|Customer stopped the project'
    }

    It 'names a deal that does not exist (PartnerDealNotFound)' {
        Approve-PartnerDeal -Database $db -Id 99 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealNotFound,*'
        $e[0].Exception.Message | Should -BeLike '*99*'
    }
}

Describe 'Exclusive protection of an approved deal' {
    BeforeAll {
        $script:db = New-TestDatabase
        foreach ($name in 'Acme', 'Globex', 'Initech') { Add-Partner -Database $db -Name $name -JoinedOn 2015-01-10 }
        Register-TestDeal $db 'Acme' 'Contoso GmbH'                 # 1
        Register-TestDeal $db 'Globex' "CONTOSO$([char]0xA0)gmbh"   # 2: the same customer, written otherwise (stored 'CONTOSO gmbh')
        Register-TestDeal $db 'Globex' 'Contoso GmbH' -Country 'AT' # 3: another country, another customer
        Register-TestDeal $db 'Initech' 'Contoso GmbH'              # 4
        Register-TestDeal $db 'Acme' 'Contoso GmbH' -Segment 'SMB'  # 5: Acme's own second deal, another segment
        Approve-PartnerDeal -Database $db -Id 1
        $script:Until = $Today.AddDays(60).ToString('yyyy-MM-dd')
    }

    It 'refuses to approve another partner''s deal for the customer, naming the approved one, and writes nothing' {
        $before = Get-DealState $db
        Approve-PartnerDeal -Database $db -Id 2 -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].Exception.Message | Should -Be ("Deal 2 'CONTOSO gmbh' (DE) of Globex cannot be approved on $T (protected until $Until): deal 1 'Contoso GmbH' (DE) of Acme " +
            "is approved from $T to $Until, so both would be approved from $T to $Until, and an approved deal's protection is exclusive. Customers are matched " +
            "ignoring case, accents and spacing, within their country. Deny this deal or close it as lost: that deal's approved days last as long as this deal's protection.")
        Get-DealState $db | Should -Be $before
    }

    It 'approves the same customer in another country, and the same partner''s other segment' {
        Approve-PartnerDeal -Database $db -Id 3
        Approve-PartnerDeal -Database $db -Id 5
        (Get-PartnerDeal -Database $db -Status Approved).Id | Should -Be @(1, 3, 5)
    }

    It 'still denies or closes the other partners'' deals' {
        Deny-PartnerDeal -Database $db -Id 4 -Reason 'Acme holds the customer'
        Get-Deal $db 4 | Should -Be "4|Initech|Contoso GmbH|Denied|$T|-|Acme holds the customer"
    }

    It 'approves when no other partner''s approved deal holds the customer any longer' {
        Close-PartnerDeal -Database $db -Id 1 -Lost -Reason 'Customer chose Globex'
        # Acme's other approved deal (SMB) still holds the customer: refused again, then approved once that one is lost too.
        Approve-PartnerDeal -Database $db -Id 2 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].Exception.Message | Should -BeLike "*: deal 5 'Contoso GmbH' (DE) of Acme is approved from $T to $Until, *"
        Close-PartnerDeal -Database $db -Id 5 -Lost -Reason 'Customer chose Globex'
        Approve-PartnerDeal -Database $db -Id 2
        Get-Deal $db 2 | Should -Be "2|Globex|CONTOSO gmbh|Approved|$T|-|-"
    }
}

Describe 'Pipelines of deals' {
    BeforeAll {
        $script:db = New-TestDatabase
        foreach ($name in 'Acme', 'Globex') { Add-Partner -Database $db -Name $name -JoinedOn 2015-01-10 }
        Register-TestDeal $db 'Globex' 'Northwind'   # 1
        Approve-PartnerDeal -Database $db -Id 1
        Register-TestDeal $db 'Acme' 'Adventure Works' # 2
        Register-TestDeal $db 'Acme' 'Northwind'       # 3: Globex's approved deal holds the customer
        Register-TestDeal $db 'Acme' 'Tailspin'        # 4
    }

    It 'approves the piped deals, refuses the one in the middle with one error, and leaves it unchanged' {
        Get-PartnerDeal -Database $db -Partner 'Acme' | Approve-PartnerDeal -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].Exception.Message | Should -BeLike "Deal 3 'Northwind' (DE) of Acme cannot be approved on $T (protected until *): deal 1 'Northwind' (DE) of Globex is approved from *"
        $e[0].TargetObject.Id | Should -Be 3
        Get-PartnerDeal -Database $db -Partner 'Acme' | Format-Deal | Should -Be @(
            "2|Acme|Adventure Works|Approved|$T|-|-"
            "3|Acme|Northwind|Submitted|-|-|-"
            "4|Acme|Tailspin|Approved|$T|-|-"
        )
    }

    It 'takes rows of an exported CSV file (a review sheet) by their Id' {
        $csv = Join-Path (Get-TestFolder $db) 'review.csv'
        Get-PartnerDeal -Database $db -Partner 'Acme' | Export-Csv -LiteralPath $csv -NoTypeInformation
        Import-Csv -LiteralPath $csv | Where-Object Status -eq 'Submitted' | Deny-PartnerDeal -Database $db -Reason 'Globex holds the customer'
        Get-PartnerDeal -Database $db -Partner 'Acme' | Format-Deal | Should -Be @(
            "2|Acme|Adventure Works|Approved|$T|-|-"
            "3|Acme|Northwind|Denied|$T|-|Globex holds the customer"
            "4|Acme|Tailspin|Approved|$T|-|-"
        )
    }

    It 'closes piped deals by reference and passes each on' {
        Register-PartnerDeal -Database $db -Partner 'Acme' -Customer 'Fabrikam' -CustomerCountry 'FR' -Reference 'CRM-5' -RegisteredOn $Today.AddDays(-3)
        $closed = @(Close-PartnerDeal -Database $db -Reference 'CRM-5' -Lost -Reason 'No budget' -PassThru)
        $closed | Format-Deal | Should -Be "5|Acme|Fabrikam|Lost|-|$T|No budget"
    }
}
