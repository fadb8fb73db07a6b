# Deals as they stood on a day (issue 19): expiry is read, never written. ExpiresOn is the last day protected: a deal
# registered on 2026-01-01 for 90 days is Submitted on 2026-04-01 and Expired from 2026-04-02; -ExpiringWithin counts from the
# day read; a deal decided or closed after the day reads as it was before. Decisions and closes are set in the stored columns as
# Approve-/Deny-/Close-PartnerDeal set them. Runs on both backends; every day is given, so nothing depends on today.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # "Customer|Status|DecidedOn|ClosedOn|Reason" ('-' for none).
    function Format-DayRow {
        process {
            $day = { param($d) if ($null -eq $d) { '-' } else { $d.ToString('yyyy-MM-dd') } }
            "$($_.Customer)|$($_.Status)|$(& $day $_.DecidedOn)|$(& $day $_.ClosedOn)|$(if ($_.Reason) { $_.Reason } else { '-' })"
        }
    }

    function Get-OnDay([string] $AsOf, [hashtable] $Filter = @{}) { @(Get-PartnerDeal -Database $script:db -AsOf $AsOf @Filter | Format-DayRow) }

    $script:db = New-TestDatabase
    Add-Partner -Database $db -Name 'Acme' -JoinedOn 2015-01-10
    Add-Partner -Database $db -Name 'Globex' -JoinedOn 2015-01-10
    $script:x = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Expiring Co' -CustomerCountry GB -RegisteredOn 2026-01-01 -PassThru
    $script:v = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Approved Then Expired' -CustomerCountry ES -RegisteredOn 2026-01-01 -ValidDays 30 -PassThru
    $script:y = Register-PartnerDeal -Database $db -Partner Globex -Customer 'Won Co' -CustomerCountry DE -RegisteredOn 2026-01-10 -PassThru
    $script:z = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Denied Co' -CustomerCountry FR -RegisteredOn 2026-02-01 -PassThru
    $script:w = Register-PartnerDeal -Database $db -Partner Globex -Customer 'Lost Co' -CustomerCountry IT -RegisteredOn 2026-02-01 -PassThru
    Invoke-RawSql -Database $db -Sql @"
UPDATE deals SET status = 'Approved', decided_on = '2026-01-10' WHERE id = $($v.Id);
UPDATE deals SET status = 'Won', decided_on = '2026-01-20', closed_on = '2026-03-05' WHERE id = $($y.Id);
UPDATE deals SET status = 'Denied', decided_on = '2026-02-10', reason = 'No budget', reason_on = '2026-02-10' WHERE id = $($z.Id);
UPDATE deals SET status = 'Lost', decided_on = '2026-02-05', closed_on = '2026-02-20', reason = 'Went with a competitor', reason_on = '2026-02-20' WHERE id = $($w.Id);
"@
}

AfterAll {
    Remove-TestFolders
}

Describe 'The status of a deal on a day' {
    It 'is not listed before its registration' {
        Get-OnDay '2025-12-31' | Should -BeNullOrEmpty
        Get-PartnerDeal -Database $db -AsOf 2025-12-31 -Id $x.Id | Should -BeNullOrEmpty
    }

    It 'is Submitted from RegisteredOn through ExpiresOn, the last day protected, and Expired the day after' {
        $x.ExpiresOn | Should -Be ([datetime]'2026-04-01')
        Get-OnDay '2026-01-01' @{ Id = $x.Id } | Should -Be 'Expiring Co|Submitted|-|-|-'
        Get-OnDay '2026-04-01' @{ Id = $x.Id } | Should -Be 'Expiring Co|Submitted|-|-|-'
        Get-OnDay '2026-04-02' @{ Id = $x.Id } | Should -Be 'Expiring Co|Expired|-|-|-'
    }

    It 'reads an approved deal Approved from its decision to its ExpiresOn, then Expired' {
        Get-OnDay '2026-01-09' @{ Id = $v.Id } | Should -Be 'Approved Then Expired|Submitted|-|-|-'
        Get-OnDay '2026-01-10' @{ Id = $v.Id } | Should -Be 'Approved Then Expired|Approved|2026-01-10|-|-'
        Get-OnDay '2026-01-31' @{ Id = $v.Id } | Should -Be 'Approved Then Expired|Approved|2026-01-10|-|-'
        Get-OnDay '2026-02-01' @{ Id = $v.Id } | Should -Be 'Approved Then Expired|Expired|2026-01-10|-|-'
    }

    It 'reads a won deal Submitted, Approved, then Won from its close, after its ExpiresOn too' {
        Get-OnDay '2026-01-19' @{ Id = $y.Id } | Should -Be 'Won Co|Submitted|-|-|-'
        Get-OnDay '2026-01-20' @{ Id = $y.Id } | Should -Be 'Won Co|Approved|2026-01-20|-|-'
        Get-OnDay '2026-03-04' @{ Id = $y.Id } | Should -Be 'Won Co|Approved|2026-01-20|-|-'
        Get-OnDay '2026-03-05' @{ Id = $y.Id } | Should -Be 'Won Co|Won|2026-01-20|2026-03-05|-'
        Get-OnDay '2026-12-31' @{ Id = $y.Id } | Should -Be 'Won Co|Won|2026-01-20|2026-03-05|-'
    }

    It 'reads a denied or lost deal as before until the day of its denial or loss, with its reason from then' {
        Get-OnDay '2026-02-09' @{ Id = $z.Id } | Should -Be 'Denied Co|Submitted|-|-|-'
        Get-OnDay '2026-02-10' @{ Id = $z.Id } | Should -Be 'Denied Co|Denied|2026-02-10|-|No budget'
        Get-OnDay '2026-02-04' @{ Id = $w.Id } | Should -Be 'Lost Co|Submitted|-|-|-'
        Get-OnDay '2026-02-05' @{ Id = $w.Id } | Should -Be 'Lost Co|Approved|2026-02-05|-|-'
        Get-OnDay '2026-02-20' @{ Id = $w.Id } | Should -Be 'Lost Co|Lost|2026-02-05|2026-02-20|Went with a competitor'
        Get-OnDay '2026-06-01' @{ Id = $w.Id } | Should -Be 'Lost Co|Lost|2026-02-05|2026-02-20|Went with a competitor'
    }

    It 'filters by the status on the day' {
        Get-OnDay '2026-02-01' @{ Status = 'Expired' } | Should -Be @('Approved Then Expired|Expired|2026-01-10|-|-')
        Get-OnDay '2026-02-07' @{ Status = 'Approved', 'Submitted' } | Should -Be @(
            'Expiring Co|Submitted|-|-|-'
            'Won Co|Approved|2026-01-20|-|-'
            'Denied Co|Submitted|-|-|-'
            'Lost Co|Approved|2026-02-05|-|-'
        )
        Get-OnDay '2026-06-01' @{ Status = 'won', 'LOST', 'denied' } | Should -Be @(
            'Won Co|Won|2026-01-20|2026-03-05|-'
            'Denied Co|Denied|2026-02-10|-|No budget'
            'Lost Co|Lost|2026-02-05|2026-02-20|Went with a competitor'
        )
    }
}

Describe 'Get-PartnerDeal -ExpiringWithin' {
    It 'lists the deals held on the day whose ExpiresOn is at most that many days later' {
        Get-OnDay '2026-03-02' @{ ExpiringWithin = 30 } | Should -Be @('Expiring Co|Submitted|-|-|-')
        Get-OnDay '2026-03-02' @{ ExpiringWithin = 29 } | Should -BeNullOrEmpty
        Get-OnDay '2026-04-01' @{ ExpiringWithin = 0 } | Should -Be @('Expiring Co|Submitted|-|-|-')
        Get-OnDay '2026-04-02' @{ ExpiringWithin = 30 } | Should -BeNullOrEmpty
        Get-OnDay '2025-12-31' @{ ExpiringWithin = 365 } | Should -BeNullOrEmpty
    }

    It 'leaves out the deals decided against or closed by the day, and counts an approved one until it expires' {
        # On 2026-01-25: Expiring Co (to 04-01), Approved Then Expired (to 01-31), Won Co (approved, to 04-10).
        Get-OnDay '2026-01-25' @{ ExpiringWithin = 6 } | Should -Be @('Approved Then Expired|Approved|2026-01-10|-|-')
        Get-OnDay '2026-01-25' @{ ExpiringWithin = 75 } | Should -Be @(
            'Expiring Co|Submitted|-|-|-'
            'Approved Then Expired|Approved|2026-01-10|-|-'
            'Won Co|Approved|2026-01-20|-|-'
        )
        # On 2026-03-05 Won Co is won, on 2026-02-20 Lost Co lost, on 2026-02-10 Denied Co denied.
        Get-OnDay '2026-03-05' @{ ExpiringWithin = 3650 } | Should -Be @('Expiring Co|Submitted|-|-|-')
    }

    It 'refuses a negative number of days' {
        { Get-PartnerDeal -Database $db -ExpiringWithin -1 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PartnerOps.Commands.GetPartnerDealCommand'
    }
}

Describe 'The reason of a deal on a day, given by the cmdlets' {
    # Made by the cmdlets (a new ExpiresOn is given today), so these days count from today.
    BeforeAll {
        $script:Today = [DateTime]::UtcNow.Date
        function script:Day([int] $Offset) { $script:Today.AddDays($Offset).ToString('yyyy-MM-dd') }
        $script:e = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Delayed Co' -CustomerCountry NL -RegisteredOn (Day -100) -ValidDays 29 -PassThru
        Set-PartnerDeal -Database $db -Id $e.Id -ExpiresOn (Day 30) -Reason 'Customer delayed'
        $script:d = Register-PartnerDeal -Database $db -Partner Acme -Customer 'Refused Co' -CustomerCountry NL -RegisteredOn (Day -100) -ValidDays 200 -PassThru
        Deny-PartnerDeal -Database $db -Id $d.Id -Reason 'Existing customer' -Date (Day -40)
        $script:l = Register-PartnerDeal -Database $db -Partner Globex -Customer 'Gone Co' -CustomerCountry NL -RegisteredOn (Day -100) -ValidDays 200 -PassThru
        Set-PartnerDeal -Database $db -Id $l.Id -ExpiresOn (Day 150) -Reason 'Longer tender'
        Close-PartnerDeal -Database $db -Id $l.Id -Lost -Reason 'Budget cut'
    }

    It 'shows an extension''s reason from the day it was given, not on earlier days' {
        Get-OnDay (Day -80) @{ Id = $e.Id } | Should -Be 'Delayed Co|Submitted|-|-|-'
        Get-OnDay (Day -1) @{ Id = $e.Id } | Should -BeLike 'Delayed Co|*|-|-|-'
        Get-OnDay (Day 0) @{ Id = $e.Id } | Should -Be 'Delayed Co|Submitted|-|-|Customer delayed'
    }

    It 'shows a dated denial''s reason from its -Date, and a later reason replaces an earlier one from its own day' {
        Get-OnDay (Day -41) @{ Id = $d.Id } | Should -Be 'Refused Co|Submitted|-|-|-'
        Get-OnDay (Day -40) @{ Id = $d.Id } | Should -Be "Refused Co|Denied|$(Day -40)|-|Existing customer"
        Get-OnDay (Day -1) @{ Id = $l.Id } | Should -Be 'Gone Co|Submitted|-|-|-'
        Get-OnDay (Day 0) @{ Id = $l.Id } | Should -Be "Gone Co|Lost|-|$(Day 0)|Budget cut"
    }
}
