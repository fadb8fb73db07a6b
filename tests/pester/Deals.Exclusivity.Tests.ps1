# The exclusive protection of approved deals over periods (issue 19): an approval is refused when another partner's deal for the
# same customer (matched ignoring case, accents and spacing) and country is Approved on any day from the approval's -Date to the
# deal's ExpiresOn, whichever was approved first or dated earlier; a deal closed as won or lost is approved up to the day before
# its close; Set-PartnerDeal -ExpiresOn extending an approved deal (held or expired) is refused when the days it adds meet
# another partner's approved days. Every refusal is PartnerDealStateInvalid naming the other deal, its partner and the days both
# would be approved, and writes nothing. Runs on both backends; days are counted from today (decisions cannot be dated later).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $script:Today = [DateTime]::UtcNow.Date
    function Day([int] $Offset) { $script:Today.AddDays($Offset).ToString('yyyy-MM-dd') }

    $script:Matched = 'Customers are matched ignoring case, accents and spacing, within their country.'

    # "Id|Partner|Customer|Status|DecidedOn|ClosedOn|ExpiresOn" of every deal, and the history's count: equal before and after
    # means nothing was written.
    function Get-DealState([string] $Database) {
        $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
        @(Get-PartnerDeal -Database $Database | ForEach-Object {
                "$($_.Id)|$($_.Partner)|$($_.Customer)|$($_.Status)|$(& $day $_.DecidedOn)|$(& $day $_.ClosedOn)|$(& $day $_.ExpiresOn)"
            }) + "history: $(@(Get-PartnerHistory -Database $Database).Count)" -join "`n"
    }

    # One refused action: a single PartnerDealStateInvalid error with the message given, and nothing written.
    function Assert-Refused([string] $Database, [scriptblock] $Action, [string] $Message) {
        $before = Get-DealState $Database
        $e = @(& $Action)
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealStateInvalid,*'
        $e[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $e[0].Exception.Message | Should -Be $Message
        Get-DealState $Database | Should -Be $before
    }

    function Register-TestDeal([string] $Partner, [string] $Customer, [int] $Registered, [int] $ValidDays, [string] $Country = 'DE') {
        Register-PartnerDeal -Database $script:db -Partner $Partner -Customer $Customer -CustomerCountry $Country -RegisteredOn (Day $Registered) -ValidDays $ValidDays -WarningAction SilentlyContinue
    }

    $script:db = New-TestDatabase
    foreach ($name in 'Acme', 'Globex') { Add-Partner -Database $db -Name $name -JoinedOn 2015-01-10 }
    Register-TestDeal 'Acme' 'Contoso GmbH' -100 90                                # 1: protected until -10
    Register-TestDeal 'Globex' 'CONTOSO  GMBH' -60 90                              # 2: approved on -50 below, protected until 30
    Register-TestDeal 'Acme' 'Fabrikam' -100 90                                    # 3: approved on -90 below, protected until -10
    Register-TestDeal 'Globex' 'fabrikam' -40 90                                   # 4: protected until 50
    Register-TestDeal 'Acme' 'Northwind' -80 90                                    # 5: approved on -70, lost on -20 below
    Register-TestDeal 'Globex' "N$([char]0xD6)RTHWIND" -75 90                      # 6: protected until 15
    Register-TestDeal 'Acme' "Soci$([char]0xE9)t$([char]0xE9) G$([char]0xE9)n$([char]0xE9)rale" -100 60 'FR' # 7: approved on -95 below, protected until -40
    Register-TestDeal 'Globex' 'SOCIETE GENERALE' -35 90 'FR'                      # 8: approved on -30 below, protected until 55
    Register-TestDeal 'Acme' 'Litware' -20 30                                      # 9: approved on -20 below, protected until 10
    Register-TestDeal 'Globex' 'Litware' -60 90                                    # 10: approved on -60, won on -25 below
    Approve-PartnerDeal -Database $db -Id 2 -Date (Day -50)
    Approve-PartnerDeal -Database $db -Id 3 -Date (Day -90)
    Approve-PartnerDeal -Database $db -Id 5 -Date (Day -70)
    Close-PartnerDeal -Database $db -Id 5 -Lost -Reason 'Customer chose Globex' -Date (Day -20)
    Approve-PartnerDeal -Database $db -Id 7 -Date (Day -95)
    Approve-PartnerDeal -Database $db -Id 8 -Date (Day -30)
    Approve-PartnerDeal -Database $db -Id 10 -Date (Day -60)
    Close-PartnerDeal -Database $db -Id 10 -Won -Amount 1000 -Currency EUR -Date (Day -25)
    Approve-PartnerDeal -Database $db -Id 9 -Date (Day -20)
}

AfterAll {
    Remove-TestFolders
}

Describe 'Approving a deal while another partner''s deal for the customer is approved on one of its days' {
    It 'refuses a back-dated approval whose protection runs into another partner''s later approval, naming it and the days both would be approved' {
        Assert-Refused $db { Approve-PartnerDeal -Database $db -Id 1 -Date (Day -95) -ErrorVariable e -ErrorAction SilentlyContinue; $e } (
            "Deal 1 'Contoso GmbH' (DE) of Acme cannot be approved on $(Day -95) (protected until $(Day -10)): deal 2 'CONTOSO  GMBH' (DE) of Globex is approved " +
            "from $(Day -50) to $(Day 30), so both would be approved from $(Day -50) to $(Day -10), and an approved deal's protection is exclusive. $Matched " +
            "Deny this deal or close it as lost: that deal's approved days last as long as this deal's protection.")
    }

    It 'refuses an approval dated on the last day of another partner''s approved deal, and takes it from the day after' {
        Assert-Refused $db { Approve-PartnerDeal -Database $db -Id 4 -Date (Day -10) -ErrorVariable e -ErrorAction SilentlyContinue; $e } (
            "Deal 4 'fabrikam' (DE) of Globex cannot be approved on $(Day -10) (protected until $(Day 50)): deal 3 'Fabrikam' (DE) of Acme is approved " +
            "from $(Day -90) to $(Day -10), so both would be approved from $(Day -10) to $(Day -10), and an approved deal's protection is exclusive. $Matched " +
            "Deny this deal or close it as lost, or approve it on a day after $(Day -10).")
        Approve-PartnerDeal -Database $db -Id 4 -Date (Day -9)
        (Get-PartnerDeal -Database $db -Id 4).DecidedOn | Should -Be ([datetime] (Day -9))
    }

    It 'ends a deal''s approved days the day before it was closed: refused on the day before the close, approved on the close day' {
        Assert-Refused $db { Approve-PartnerDeal -Database $db -Id 6 -Date (Day -21) -ErrorVariable e -ErrorAction SilentlyContinue; $e } (
            "Deal 6 'N$([char]0xD6)RTHWIND' (DE) of Globex cannot be approved on $(Day -21) (protected until $(Day 15)): deal 5 'Northwind' (DE) of Acme is approved " +
            "from $(Day -70) to $(Day -21), so both would be approved from $(Day -21) to $(Day -21), and an approved deal's protection is exclusive. $Matched " +
            "Deny this deal or close it as lost, or approve it on a day after $(Day -21).")
        Approve-PartnerDeal -Database $db -Id 6 -Date (Day -20)
        (Get-PartnerDeal -Database $db -Id 6 -AsOf (Day -20)).Status | Should -Be 'Approved'
        (Get-PartnerDeal -Database $db -Id 5 -AsOf (Day -20)).Status | Should -Be 'Lost'
    }

    It 'approved the same customer after the other partner''s deal was won (its approved days end the day before)' {
        # Deal 9 was approved on -20 above, after Globex's deal 10 was won on -25.
        @(Get-PartnerDeal -Database $db -Customer 'Litware' -AsOf (Day -20) | ForEach-Object { "$($_.Id):$($_.Status)" }) | Should -Be @('10:Won', '9:Approved')
    }

    It 'leaves no day with two partners approved for one customer' {
        foreach ($offset in -95, -50, -30, -21, -20, -10, -9, 0) {
            $approved = @(Get-PartnerDeal -Database $db -AsOf (Day $offset) -Status Approved)
            $keys = @($approved | ForEach-Object { "$($_.CustomerCountry)|$($_.Customer.Normalize([Text.NormalizationForm]::FormD) -replace '\p{Mn}', '' -replace '\s+', ' ')".ToLowerInvariant().Trim() })
            $keys.Count | Should -Be @($keys | Sort-Object -Unique).Count -Because "day $(Day $offset): $($approved.Id -join ',')"
        }
    }
}

Describe 'Extending an approved deal into another partner''s approved days' {
    It 'extends an expired approved deal up to the day before the other partner''s approval' {
        Set-PartnerDeal -Database $db -Id 7 -ExpiresOn (Day -31) -Reason 'Customer asked for more time'
        (Get-PartnerDeal -Database $db -Id 7).ExpiresOn | Should -Be ([datetime] (Day -31))
    }

    It 'refuses to extend it onto the other partner''s approved days, naming that deal and the days both would be approved' {
        Assert-Refused $db { Set-PartnerDeal -Database $db -Id 7 -ExpiresOn (Day 20) -Reason 'Customer asked again' -ErrorVariable e -ErrorAction SilentlyContinue; $e } (
            "Deal 7 'Soci$([char]0xE9)t$([char]0xE9) G$([char]0xE9)n$([char]0xE9)rale' (FR) of Acme cannot be extended to $(Day 20) on $(Day 0) (approved on $(Day -95)): " +
            "deal 8 'SOCIETE GENERALE' (FR) of Globex is approved from $(Day -30) to $(Day 55), so both would be approved from $(Day -30) to $(Day 20), and an " +
            "approved deal's protection is exclusive. $Matched Keep its ExpiresOn before $(Day -30), or close that deal first.")
    }

    It 'extends an approved deal that holds its customer when no other partner''s approved days follow' {
        Set-PartnerDeal -Database $db -Id 9 -ExpiresOn (Day 40) -Reason 'Tender moved'
        (Get-PartnerDeal -Database $db -Id 9).ExpiresOn | Should -Be ([datetime] (Day 40))
    }

    It 'counts the other partner''s deal, once closed, as approved up to the day before its close' {
        Close-PartnerDeal -Database $db -Id 8 -Lost -Reason 'Customer postponed' -Date (Day -29)
        Assert-Refused $db { Set-PartnerDeal -Database $db -Id 7 -ExpiresOn (Day 20) -Reason 'Customer asked again' -ErrorVariable e -ErrorAction SilentlyContinue; $e } (
            "Deal 7 'Soci$([char]0xE9)t$([char]0xE9) G$([char]0xE9)n$([char]0xE9)rale' (FR) of Acme cannot be extended to $(Day 20) on $(Day 0) (approved on $(Day -95)): " +
            "deal 8 'SOCIETE GENERALE' (FR) of Globex is approved from $(Day -30) to $(Day -30), so both would be approved from $(Day -30) to $(Day -30), and an " +
            "approved deal's protection is exclusive. $Matched Keep its ExpiresOn before $(Day -30), or close that deal first.")
    }
}
