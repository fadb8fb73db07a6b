# Conflicting deal registrations (issue 19): a customer is matched by its match key (the partner name key with accents removed
# and runs of spaces as one: case, width, accents and any kind or number of spaces ignored) plus its country; another partner's deal that
# holds it (Submitted or Approved, not expired) on the day makes a conflict: registered all the same, with a warning naming the
# other deals, listed in ConflictsWith and by Get-PartnerDeal -Conflicting. A denied or expired deal no longer conflicts. Runs on
# both backends; every day is given (-RegisteredOn, -AsOf), so nothing depends on today.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # "Id:Partner:Customer:Country:Status:ConflictsWith" with the ids replaced by the deals' names below.
    function Format-Conflict {
        process {
            $name = $script:Names[$_.Id]
            $others = @($_.ConflictsWith | ForEach-Object { $script:Names[$_] }) -join ','
            "${name}:$($_.Partner):$($_.Customer):$($_.CustomerCountry):$($_.Status):$others"
        }
    }

    function Get-Conflicts([string] $AsOf) { @(Get-PartnerDeal -Database $script:db -AsOf $AsOf -Conflicting | Format-Conflict) }

    $script:db = New-TestDatabase
    foreach ($name in 'Acme', 'Globex', 'Initech', 'Umbrella') { Add-Partner -Database $db -Name $name -JoinedOn 2015-01-10 }
    $script:Names = @{}
    $script:Warnings = @{}

    # Registers a deal named $Key (for the expected rows), keeping its warnings.
    function Add-Deal([string] $Key, [hashtable] $Values) {
        $deal = Register-PartnerDeal -Database $script:db @Values -PassThru -WarningVariable said -WarningAction SilentlyContinue
        $script:Names[$deal.Id] = $Key
        $script:Warnings[$Key] = @($said | ForEach-Object { "$_" })
        $deal
    }

    $script:a = Add-Deal 'a' @{ Partner = 'Acme'; Customer = 'Contoso Retail'; CustomerCountry = 'GB'; RegisteredOn = '2026-01-05'; ExpiresOn = '2026-06-30' }
    $script:b = Add-Deal 'b' @{ Partner = 'Globex'; Customer = 'CONTOSO RETAIL'; CustomerCountry = 'gb'; RegisteredOn = '2026-01-10' }
    $script:c = Add-Deal 'c' @{ Partner = 'Initech'; Customer = "contoso$([char]0xA0)retail"; CustomerCountry = 'GB'; RegisteredOn = '2026-01-15' }
    $script:d = Add-Deal 'd' @{ Partner = 'Umbrella'; Customer = 'Contoso Retail'; CustomerCountry = 'IE'; RegisteredOn = '2026-01-15' }
    $script:i = Add-Deal 'i' @{ Partner = 'Acme'; Customer = 'Contoso Retail'; CustomerCountry = 'GB'; Segment = 'SMB'; RegisteredOn = '2026-01-20' }
    $script:e = Add-Deal 'e' @{ Partner = 'Acme'; Customer = "Caf$([char]0xE9) Noir"; CustomerCountry = 'FR'; RegisteredOn = '2026-02-01' }
    $script:f = Add-Deal 'f' @{ Partner = 'Globex'; Customer = "CAFE$([char]0x301) NOIR"; CustomerCountry = 'FR'; RegisteredOn = '2026-02-02' }
    $script:g = Add-Deal 'g' @{ Partner = 'Globex'; Customer = "M$([char]0xFC)ller AG"; CustomerCountry = 'DE'; RegisteredOn = '2026-02-03' }
    $script:h = Add-Deal 'h' @{ Partner = 'Initech'; Customer = 'Muller AG'; CustomerCountry = 'DE'; RegisteredOn = '2026-02-03' }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Registering a customer another partner holds' {
    It 'registers it Submitted, with a warning naming each other partner''s deal that holds the customer that day' {
        $Warnings['a'] | Should -BeNullOrEmpty
        $Warnings['b'] | Should -Be @(
            "Deal $($b.Id) of partner 'Globex' was registered as Submitted, but other partners hold customer 'CONTOSO RETAIL' (GB) on 2026-01-10: " +
            "deal $($a.Id) of partner 'Acme' (Submitted, expires 2026-06-30). Customers are matched ignoring case, accents and spacing, within their country. " +
            "Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        $Warnings['c'] | Should -Be @(
            "Deal $($c.Id) of partner 'Initech' was registered as Submitted, but other partners hold customer 'contoso retail' (GB) on 2026-01-15: " +
            "deal $($a.Id) of partner 'Acme' (Submitted, expires 2026-06-30); deal $($b.Id) of partner 'Globex' (Submitted, expires 2026-04-10). " +
            "Customers are matched ignoring case, accents and spacing, within their country. Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        $c.Customer | Should -Be 'contoso retail'
        $c.Status | Should -Be 'Expired'
    }

    It 'matches case, any kind of space, composed or decomposed accents and plain for accented letters (Muller for M*ller), but not another country' {
        $Warnings['d'] | Should -BeNullOrEmpty
        $Warnings['f'] | Should -Be @(
            "Deal $($f.Id) of partner 'Globex' was registered as Submitted, but other partners hold customer 'CAF$([char]0xC9) NOIR' (FR) on 2026-02-02: " +
            "deal $($e.Id) of partner 'Acme' (Submitted, expires 2026-05-02). Customers are matched ignoring case, accents and spacing, within their country. " +
            "Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        $Warnings['g'] | Should -BeNullOrEmpty
        $Warnings['h'] | Should -Be @(
            "Deal $($h.Id) of partner 'Initech' was registered as Submitted, but other partners hold customer 'Muller AG' (DE) on 2026-02-03: " +
            "deal $($g.Id) of partner 'Globex' (Submitted, expires 2026-05-04). Customers are matched ignoring case, accents and spacing, within their country. " +
            "Approve one of them (Approve-PartnerDeal) for exclusive protection.")
    }

    It 'counts only other partners: the same partner in another segment is no conflict of its own deal' {
        $Warnings['i'] | Should -Be @(
            "Deal $($i.Id) of partner 'Acme' was registered as Submitted, but other partners hold customer 'Contoso Retail' (GB) on 2026-01-20: " +
            "deal $($b.Id) of partner 'Globex' (Submitted, expires 2026-04-10); deal $($c.Id) of partner 'Initech' (Submitted, expires 2026-04-15). " +
            "Customers are matched ignoring case, accents and spacing, within their country. Approve one of them (Approve-PartnerDeal) for exclusive protection.")
    }
}

Describe 'Get-PartnerDeal -Conflicting' {
    It 'lists the held deals with their conflicts on the day, each naming the other partners'' deals' {
        Get-Conflicts '2026-02-15' | Should -Be @(
            'a:Acme:Contoso Retail:GB:Submitted:b,c'
            'b:Globex:CONTOSO RETAIL:GB:Submitted:a,c,i'
            'c:Initech:contoso retail:GB:Submitted:a,b,i'
            'i:Acme:Contoso Retail:GB:Submitted:b,c'
            "e:Acme:Caf$([char]0xE9) Noir:FR:Submitted:f"
            "f:Globex:CAF$([char]0xC9) NOIR:FR:Submitted:e"
            "g:Globex:M$([char]0xFC)ller AG:DE:Submitted:h"
            'h:Initech:Muller AG:DE:Submitted:g'
        )
    }

    It 'shows ConflictsWith on every deal read, empty for one without a conflict' {
        @(Get-PartnerDeal -Database $db -AsOf 2026-02-15 -Partner Umbrella, Initech | Format-Conflict) | Should -Be @(
            'c:Initech:contoso retail:GB:Submitted:a,b,i'
            'd:Umbrella:Contoso Retail:IE:Submitted:'
            'h:Initech:Muller AG:DE:Submitted:g'
        )
    }

    It 'no longer counts a deal denied by the day' {
        # Denying is Deny-PartnerDeal's; here the stored columns are set as it sets them.
        Invoke-RawSql -Database $db -Sql "UPDATE deals SET status = 'Denied', decided_on = '2026-02-20', reason = 'Duplicate' WHERE id = $($c.Id)"
        (Get-Conflicts '2026-02-19')[0..3] | Should -Be @(
            'a:Acme:Contoso Retail:GB:Submitted:b,c'
            'b:Globex:CONTOSO RETAIL:GB:Submitted:a,c,i'
            'c:Initech:contoso retail:GB:Submitted:a,b,i'
            'i:Acme:Contoso Retail:GB:Submitted:b,c'
        )
        (Get-Conflicts '2026-02-20')[0..2] | Should -Be @(
            'a:Acme:Contoso Retail:GB:Submitted:b'
            'b:Globex:CONTOSO RETAIL:GB:Submitted:a,i'
            'i:Acme:Contoso Retail:GB:Submitted:b'
        )
        @(Get-PartnerDeal -Database $db -AsOf 2026-02-20 -Id $c.Id | Format-Conflict) | Should -Be @('c:Initech:contoso retail:GB:Denied:')
    }

    It 'no longer counts a deal after its last day protected: on 2026-04-10 Globex''s deal holds, on 2026-04-11 it is Expired' {
        (Get-Conflicts '2026-04-10')[0..2] | Should -Be @(
            'a:Acme:Contoso Retail:GB:Submitted:b'
            'b:Globex:CONTOSO RETAIL:GB:Submitted:a,i'
            'i:Acme:Contoso Retail:GB:Submitted:b'
        )
        Get-Conflicts '2026-04-11' | Should -Be @(
            "e:Acme:Caf$([char]0xE9) Noir:FR:Submitted:f"
            "f:Globex:CAF$([char]0xC9) NOIR:FR:Submitted:e"
            "g:Globex:M$([char]0xFC)ller AG:DE:Submitted:h"
            'h:Initech:Muller AG:DE:Submitted:g'
        )
        @(Get-PartnerDeal -Database $db -AsOf 2026-04-11 -Id $b.Id | Format-Conflict) | Should -Be @('b:Globex:CONTOSO RETAIL:GB:Expired:')
    }

    It 'warns a new registration only of the deals that hold the customer that day' {
        $j = Add-Deal 'j' @{ Partner = 'Umbrella'; Customer = 'contoso retail'; CustomerCountry = 'GB'; RegisteredOn = '2026-04-11' }
        $Warnings['j'] | Should -Be @(
            "Deal $($j.Id) of partner 'Umbrella' was registered as Submitted, but other partners hold customer 'contoso retail' (GB) on 2026-04-11: " +
            "deal $($a.Id) of partner 'Acme' (Submitted, expires 2026-06-30); deal $($i.Id) of partner 'Acme' (Submitted, expires 2026-04-20). " +
            "Customers are matched ignoring case, accents and spacing, within their country. Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        Get-Conflicts '2026-04-11' | Should -Be @(
            'a:Acme:Contoso Retail:GB:Submitted:j'
            'i:Acme:Contoso Retail:GB:Submitted:j'
            "e:Acme:Caf$([char]0xE9) Noir:FR:Submitted:f"
            "f:Globex:CAF$([char]0xC9) NOIR:FR:Submitted:e"
            "g:Globex:M$([char]0xFC)ller AG:DE:Submitted:h"
            'h:Initech:Muller AG:DE:Submitted:g'
            'j:Umbrella:contoso retail:GB:Submitted:a,i'
        )
    }
}

Describe 'Variants of a customer name written with other spaces, letter case or accents' {
    BeforeAll {
        $script:fr = New-TestDatabase
        foreach ($name in 'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark') { Add-Partner -Database $fr -Name $name -JoinedOn 2015-01-10 }
        $script:SG = "Soci$([char]0xE9)t$([char]0xE9) G$([char]0xE9)n$([char]0xE9)rale"
        $script:FrWarnings = @{}
        # Deals 1 to 6, registered on 2026-03-01 to 2026-03-06.
        $variants = @(
            , @('Acme', $SG, 'FR')
            , @('Globex', "Soci$([char]0xE9)t$([char]0xE9)  G$([char]0xE9)n$([char]0xE9)rale", 'FR')          # two spaces
            , @('Initech', 'Societe Generale', 'FR')                                                          # no accents
            , @('Umbrella', "SOCIE$([char]0x301)TE$([char]0x301) GE$([char]0x301)NE$([char]0x301)RALE", 'FR') # decomposed accents, capitals
            , @('Stark', "soci$([char]0xE9)t$([char]0xE9)$([char]0xA0)$([char]0xA0)g$([char]0xE9)n$([char]0xE9)rale", 'FR') # two no-break spaces
            , @('Stark', $SG, 'BE')                                                                           # another country
        )
        foreach ($id in 1..6) {
            $partner, $customer, $country = $variants[$id - 1]
            $null = Register-PartnerDeal -Database $fr -Partner $partner -Customer $customer -CustomerCountry $country -RegisteredOn "2026-03-0$id" -WarningVariable said -WarningAction SilentlyContinue
            $script:FrWarnings[$id] = @($said | ForEach-Object { "$_" })
        }
    }

    It 'stores each name as given and warns of every other partner''s deal for the same customer, however written' {
        @(Get-PartnerDeal -Database $fr | ForEach-Object { "$($_.Id):$($_.Customer)" }) | Should -Be @(
            "1:$SG"
            "2:Soci$([char]0xE9)t$([char]0xE9)  G$([char]0xE9)n$([char]0xE9)rale"
            '3:Societe Generale'
            "4:SOCI$([char]0xC9)T$([char]0xC9) G$([char]0xC9)N$([char]0xC9)RALE"
            "5:soci$([char]0xE9)t$([char]0xE9)  g$([char]0xE9)n$([char]0xE9)rale"
            "6:$SG")
        $FrWarnings[1] | Should -BeNullOrEmpty
        $FrWarnings[3] | Should -Be @(
            "Deal 3 of partner 'Initech' was registered as Submitted, but other partners hold customer 'Societe Generale' (FR) on 2026-03-03: " +
            "deal 1 of partner 'Acme' (Submitted, expires 2026-05-30); deal 2 of partner 'Globex' (Submitted, expires 2026-05-31). " +
            "Customers are matched ignoring case, accents and spacing, within their country. Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        foreach ($id in 2, 4, 5) { @($FrWarnings[$id]).Count | Should -Be 1 -Because "deal $id conflicts" }
        $FrWarnings[5] | Should -BeLike '*: deal 1 of partner ''Acme'' (*); deal 2 of partner ''Globex'' (*); deal 3 of partner ''Initech'' (*); deal 4 of partner ''Umbrella'' (*). *'
        $FrWarnings[6] | Should -BeNullOrEmpty
    }

    It 'lists them all as conflicting with each other, but not the same name in another country' {
        @(Get-PartnerDeal -Database $fr -AsOf 2026-03-10 -Conflicting | ForEach-Object { "$($_.Id):$($_.ConflictsWith -join ',')" }) | Should -Be @(
            '1:2,3,4,5', '2:1,3,4,5', '3:1,2,4,5', '4:1,2,3,5', '5:1,2,3,4')
        (Get-PartnerDeal -Database $fr -Id 6 -AsOf 2026-03-10).ConflictsWith | Should -BeNullOrEmpty
    }

    It 'refuses the same partner''s second deal for the customer written otherwise (PartnerDealExists), naming the one it holds' {
        Register-PartnerDeal -Database $fr -Partner Globex -Customer "SOCIETE$([char]0xA0)generale" -CustomerCountry FR -RegisteredOn 2026-03-10 -ErrorVariable e -ErrorAction SilentlyContinue
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDealExists,*'
        $e[0].Exception.Message | Should -Be ("Partner 'Globex' already holds customer 'Soci$([char]0xE9)t$([char]0xE9)  G$([char]0xE9)n$([char]0xE9)rale' (FR) in segment 'Enterprise' on 2026-03-10: " +
            "deal 2 of partner 'Globex' (Submitted, registered 2026-03-02, expires 2026-05-31); nothing was written. Customers are matched ignoring case, accents and " +
            "spacing, within their country. A denied, lost, won or expired deal does not block a new one.")
        @(Get-PartnerDeal -Database $fr).Count | Should -Be 6
    }

    It 'keeps -Customer patterns on the name as partner names match it: case and kind of space ignored, accents and runs of spaces not' {
        @(Get-PartnerDeal -Database $fr -Customer "soci$([char]0xE9)t$([char]0xE9) g$([char]0xE9)n$([char]0xE9)rale").Id | Should -Be @(1, 4, 6)
        @(Get-PartnerDeal -Database $fr -Customer 'Societe Generale').Id | Should -Be @(3)
        @(Get-PartnerDeal -Database $fr -Customer 'Soci*').Id | Should -Be @(1, 2, 3, 4, 5, 6)
    }
}

Describe 'A back-dated registration is checked over its whole protection, RegisteredOn to ExpiresOn' {
    BeforeAll {
        $script:bd = New-TestDatabase
        foreach ($name in 'Acme', 'Globex', 'Initech', 'Kestrel') { Add-Partner -Database $bd -Name $name -JoinedOn 2015-01-10 }
        function Get-Refusal([hashtable] $Values) {
            $before = @(Get-PartnerDeal -Database $script:bd | ForEach-Object { "$($_.Id):$($_.Status)" }) + @(Get-PartnerHistory -Database $script:bd).Count
            Register-PartnerDeal -Database $script:bd @Values -ErrorVariable e -ErrorAction SilentlyContinue
            @(Get-PartnerDeal -Database $script:bd | ForEach-Object { "$($_.Id):$($_.Status)" }) + @(Get-PartnerHistory -Database $script:bd).Count | Should -Be $before
            @($e | ForEach-Object { ($_.FullyQualifiedErrorId -replace ',.*') + ': ' + $_.Exception.Message })
        }
        $script:Rules = 'Customers are matched ignoring case, accents and spacing, within their country. A denied, lost, won or expired deal does not block a new one.'
        $script:h1 = Register-PartnerDeal -Database $bd -Partner Acme -Customer Hooli -CustomerCountry US -RegisteredOn 2026-11-01 -Reference H-1 -PassThru
        $script:dc = Register-PartnerDeal -Database $bd -Partner Acme -Customer 'Denied Co' -CustomerCountry US -RegisteredOn 2026-09-01 -PassThru
        Deny-PartnerDeal -Database $bd -Id $dc.Id -Reason 'No' -Date 2026-09-10
    }

    It 'refuses the same partner''s deal for a customer and segment it holds from a later day of the period, naming that deal (PartnerDealExists)' {
        Get-Refusal @{ Partner = 'Acme'; Customer = 'HOOLI'; CustomerCountry = 'US'; RegisteredOn = '2026-10-01'; Reference = 'H-2' } | Should -Be @(
            "PartnerDealExists: Partner 'Acme' already holds customer 'Hooli' (US) in segment 'Enterprise' from 2026-11-01, within the new deal's protection (2026-10-01 to 2026-12-30): " +
            "deal $($h1.Id) of partner 'Acme' (registered 2026-11-01, expires 2027-01-30); nothing was written. $Rules To register the earlier deal, give it an ExpiresOn before 2026-11-01.")
        $h0 = Register-PartnerDeal -Database $bd -Partner Acme -Customer 'HOOLI' -CustomerCountry US -RegisteredOn 2026-10-01 -ExpiresOn 2026-10-31 -Reference H-0 -PassThru
        $h0.Status | Should -Be 'Expired'
        (Register-PartnerDeal -Database $bd -Partner Acme -Customer Hooli -CustomerCountry US -Segment SMB -RegisteredOn 2026-10-01 -PassThru).Segment | Should -Be 'SMB'
        # Its last day (2026-10-01) is the first day of deal H-0.
        Get-Refusal @{ Partner = 'Acme'; Customer = 'Hooli'; CustomerCountry = 'US'; RegisteredOn = '2026-09-01'; ValidDays = 30 } | Should -Be @(
            "PartnerDealExists: Partner 'Acme' already holds customer 'HOOLI' (US) in segment 'Enterprise' from 2026-10-01, within the new deal's protection (2026-09-01 to 2026-10-01): " +
            "deal $($h0.Id) of partner 'Acme' (registered 2026-10-01, expires 2026-10-31); nothing was written. $Rules To register the earlier deal, give it an ExpiresOn before 2026-10-01.")
    }

    It 'counts a denied deal as held up to the day before its denial' {
        Get-Refusal @{ Partner = 'Acme'; Customer = 'Denied Co'; CustomerCountry = 'US'; RegisteredOn = '2026-08-01'; ExpiresOn = '2026-09-09' } | Should -BeLike `
            "PartnerDealExists: Partner 'Acme' already holds customer 'Denied Co' (US) in segment 'Enterprise' from 2026-09-01, *: deal $($dc.Id) of partner 'Acme' (registered 2026-09-01, expires 2026-11-30); *"
        (Register-PartnerDeal -Database $bd -Partner Acme -Customer 'Denied Co' -CustomerCountry US -RegisteredOn 2026-09-10 -PassThru).RegisteredOn | Should -Be ([datetime]'2026-09-10')
    }

    It 'warns of every other partner''s deal held on a day of the period, those held later with their RegisteredOn, and of no other' {
        $ua = Register-PartnerDeal -Database $bd -Partner Acme -Customer Umbrella -CustomerCountry GB -RegisteredOn 2026-11-01 -PassThru
        $ui = Register-PartnerDeal -Database $bd -Partner Initech -Customer Umbrella -CustomerCountry GB -RegisteredOn 2026-09-15 -ExpiresOn 2026-10-10 -PassThru -WarningVariable wi
        $ug = Register-PartnerDeal -Database $bd -Partner Globex -Customer UMBRELLA -CustomerCountry GB -RegisteredOn 2026-08-01 -PassThru -WarningVariable wg -WarningAction SilentlyContinue
        Deny-PartnerDeal -Database $bd -Id $ug.Id -Reason 'No' -Date 2026-09-20
        $uk = Register-PartnerDeal -Database $bd -Partner Kestrel -Customer umbrella -CustomerCountry GB -RegisteredOn 2026-10-01 -PassThru -WarningVariable wk -WarningAction SilentlyContinue
        $wi | Should -BeNullOrEmpty
        @($wg | ForEach-Object { "$_" }) | Should -Be @(
            "Deal $($ug.Id) of partner 'Globex' was registered as Submitted, but other partners hold customer 'UMBRELLA' (GB) later in its protection (to 2026-10-30): " +
            "deal $($ui.Id) of partner 'Initech' (registered 2026-09-15, expires 2026-10-10). Customers are matched ignoring case, accents and spacing, within their country. " +
            "Approve one of them (Approve-PartnerDeal) for exclusive protection.")
        @($wk | ForEach-Object { "$_" }) | Should -Be @(
            "Deal $($uk.Id) of partner 'Kestrel' was registered as Submitted, but other partners hold customer 'umbrella' (GB) on 2026-10-01: " +
            "deal $($ui.Id) of partner 'Initech' (Submitted, expires 2026-10-10); and later in its protection (to 2026-12-30): " +
            "deal $($ua.Id) of partner 'Acme' (registered 2026-11-01, expires 2027-01-30). Customers are matched ignoring case, accents and spacing, within their country. " +
            "Approve one of them (Approve-PartnerDeal) for exclusive protection.")
    }
}
