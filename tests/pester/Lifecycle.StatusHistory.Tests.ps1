<#
Issue 17: Get-PartnerStatusHistory. Two partners, added Zulu first so that the name order (Alpha, Zulu)
differs from the id order:
  Zulu   joined 2014-06-01  Active, Gold; Terminated @2015-06-30 with reason 'Acquired by a competitor'
  Alpha  joined 2015-01-01  Prospect, Registered; Onboarding @2015-03-01, Active @2015-05-01, Silver @2015-06-01,
                            Suspended @2015-09-01, Active @2015-10-01
#>
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    $started = [datetime]::UtcNow.AddSeconds(-1)
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Zulu'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active'; JoinedOn = '2014-06-01' }
        @{ Name = 'Alpha'; Type = 'Reseller'; Status = 'Prospect'; JoinedOn = '2015-01-01' }
    )
    Set-Partner -Database $db -Name Alpha -Status Onboarding -EffectiveDate 2015-03-01
    Set-Partner -Database $db -Name Alpha -Status Active -EffectiveDate 2015-05-01
    Set-Partner -Database $db -Name Alpha -Tier Silver -EffectiveDate 2015-06-01
    Set-Partner -Database $db -Name Alpha -Status Suspended -EffectiveDate 2015-09-01
    Set-Partner -Database $db -Name Alpha -Status Active -EffectiveDate 2015-10-01
    Set-Partner -Database $db -Name Zulu -Status Terminated -EffectiveDate 2015-06-30 -Reason 'Acquired by a competitor'
    $finished = [datetime]::UtcNow.AddSeconds(1)

    # "Partner Attribute From>To Date" per change; an empty From shows as -.
    function Show-Changes([object[]] $Changes) {
        foreach ($c in $Changes) {
            '{0} {1} {2}>{3} {4:yyyy-MM-dd}' -f $c.Partner, $c.Attribute, $(if ($null -eq $c.From) { '-' } else { $c.From }), $c.To, $c.EffectiveDate
        }
    }

    $alpha = @(
        'Alpha Status ->Prospect 2015-01-01', 'Alpha Tier ->Registered 2015-01-01', 'Alpha Status Prospect>Onboarding 2015-03-01',
        'Alpha Status Onboarding>Active 2015-05-01', 'Alpha Tier Registered>Silver 2015-06-01', 'Alpha Status Active>Suspended 2015-09-01',
        'Alpha Status Suspended>Active 2015-10-01')
    $zulu = @('Zulu Status ->Active 2014-06-01', 'Zulu Tier ->Gold 2014-06-01', 'Zulu Status Active>Terminated 2015-06-30')

    # Within a day the order is the order of recording: a partner's first Status and Tier rows share JoinedOn, and which the
    # insert records first is the backend's own; the test compares each day's rows as a set.
    function Sort-WithinDay([string[]] $Lines) {
        $Lines | Sort-Object { ($_ -split ' ')[0] }, { ($_ -split ' ')[-1] }, { $_ }
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-PartnerStatusHistory' {
    It 'lists every change in partner name order, then by effective date, as PartnerOps.StatusChange' {
        $changes = Get-PartnerStatusHistory -Database $db
        $changes[0].psobject.TypeNames[0] | Should -Be 'PartnerOps.StatusChange'
        $lines = @(Show-Changes $changes)
        $lines.Count | Should -Be 10
        # Name order first: all of Alpha (added second) before Zulu.
        @($lines | ForEach-Object { ($_ -split ' ')[0] }) | Should -Be (@('Alpha') * 7 + @('Zulu') * 3)
        # Effective dates never go back within a partner.
        $dates = @($changes | ForEach-Object EffectiveDate)
        for ($i = 1; $i -lt 7; $i++) { $dates[$i] | Should -BeGreaterOrEqual $dates[$i - 1] }
        Sort-WithinDay $lines | Should -Be (Sort-WithinDay ($alpha + $zulu))
        # Ids grow within a day, in the order recorded.
        for ($i = 1; $i -lt $changes.Count; $i++) {
            if ($changes[$i].PartnerId -eq $changes[$i - 1].PartnerId -and $changes[$i].EffectiveDate -eq $changes[$i - 1].EffectiveDate) {
                $changes[$i].Id | Should -BeGreaterThan $changes[$i - 1].Id
            }
        }
    }

    It 'gives each property its shape: dates, the reason, the user, RecordedAt in UTC, the database' {
        $end = Get-PartnerStatusHistory -Database $db -Partner Zulu -Attribute Status | Select-Object -Last 1
        $end.Attribute | Should -Be ([PartnerOps.StatusAttribute]::Status)
        $end.From | Should -Be 'Active'
        $end.To | Should -Be 'Terminated'
        $end.EffectiveDate | Should -Be ([datetime]'2015-06-30')
        $end.EffectiveDate.TimeOfDay | Should -Be ([timespan]::Zero)
        $end.Reason | Should -Be 'Acquired by a competitor'
        $end.PartnerId | Should -Be (Get-Partner -Database $db -Name Zulu).Id
        # The user is the history's: the same as the change's history entry.
        $end.User | Should -Be (Get-PartnerHistory -Database $db -Partner Zulu -Operation Update -First 1).User
        $end.RecordedAt.Kind | Should -Be ([DateTimeKind]::Utc)
        $end.RecordedAt | Should -BeGreaterOrEqual $started
        $end.RecordedAt | Should -BeLessOrEqual $finished
        $end.Database | Should -Be $db
        $first = Get-PartnerStatusHistory -Database $db -Partner Zulu -Attribute Tier
        $first.From | Should -BeNullOrEmpty
        $first.Reason | Should -BeNullOrEmpty
    }

    It 'selects by -Partner (<Case>)' -ForEach @(
        @{ Case = 'a name'; Partner = 'alpha' }
        @{ Case = 'a wildcard'; Partner = 'A*' }
        @{ Case = 'a partner object'; Object = $true }
    ) {
        $partner = if ($Object) { Get-Partner -Database $db -Name Alpha } else { $Partner }
        Show-Changes (Get-PartnerStatusHistory -Database $db -Partner $partner -Attribute Status) |
            Should -Be @($alpha | Where-Object { $_ -like 'Alpha Status*' })
    }

    It 'selects by id, and by several partners in name order' {
        $id = (Get-Partner -Database $db -Name Zulu).Id
        Sort-WithinDay (Show-Changes (Get-PartnerStatusHistory -Database $db -Partner $id)) | Should -Be (Sort-WithinDay $zulu)
        @(Get-PartnerStatusHistory -Database $db -Partner Zulu, Alpha -Attribute Tier | ForEach-Object Partner) | Should -Be @('Alpha', 'Alpha', 'Zulu')
    }

    It 'takes partners from the pipeline' {
        $lines = Get-Partner -Database $db | Get-PartnerStatusHistory -Attribute Tier
        Show-Changes $lines | Should -Be @('Alpha Tier ->Registered 2015-01-01', 'Alpha Tier Registered>Silver 2015-06-01', 'Zulu Tier ->Gold 2014-06-01')
        Show-Changes ('Zulu' | Get-PartnerStatusHistory -Database $db -Attribute Status -From 2015-01-01) | Should -Be 'Zulu Status Active>Terminated 2015-06-30'
    }

    It 'restricts EffectiveDate to -From and -To, both inclusive' {
        Show-Changes (Get-PartnerStatusHistory -Database $db -Partner Alpha -From 2015-05-01 -To 2015-09-01) |
            Should -Be @('Alpha Status Onboarding>Active 2015-05-01', 'Alpha Tier Registered>Silver 2015-06-01', 'Alpha Status Active>Suspended 2015-09-01')
        Show-Changes (Get-PartnerStatusHistory -Database $db -From 2015-06-02 -To 2015-06-30) | Should -Be 'Zulu Status Active>Terminated 2015-06-30'
        @(Get-PartnerStatusHistory -Database $db -From 2016-01-01).Count | Should -Be 0
    }

    It 'writes PartnerNotFound for a name or id that is no partner, and goes on' {
        $found = Get-PartnerStatusHistory -Database $db -Partner 'Nobody', 'Zulu', 99999 -Attribute Tier -ErrorVariable failures -ErrorAction SilentlyContinue
        Show-Changes $found | Should -Be 'Zulu Tier ->Gold 2014-06-01'
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*' }
        # A wildcard that matches nothing is no error.
        @(Get-PartnerStatusHistory -Database $db -Partner 'Q*' -ErrorVariable none).Count | Should -Be 0
        $none.Count | Should -Be 0
    }

    It 'shows Partner, Attribute, From, To and EffectiveDate at 80 columns, Reason and User wider' {
        $text = Get-PartnerStatusHistory -Database $db -Partner Zulu | Out-String -Width 79
        $header = ($text -split "`n" | Where-Object { $_ -match '\S' })[0]
        foreach ($column in 'Partner', 'Attribute', 'From', 'To', 'EffectiveDate') { $header | Should -Match "\b$column\b" }
        $text | Should -Match 'Zulu\s+Status\s+Active\s+Terminated\s+2015-06-30'
        $wide = Get-PartnerStatusHistory -Database $db -Partner Zulu | Out-String -Width 160
        $wide | Should -Match 'Acquired by a'
        ($wide -split "`n" | Where-Object { $_ -match '\S' })[0] | Should -Match '\bUser\b'
    }

    It 'removes a partner''s changes with the partner' {
        $gone = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $gone -Currency USD
        Add-TestPartner -Database $gone -Partner @(@{ Name = 'Kilo'; Type = 'Reseller'; JoinedOn = '2015-01-01' }, @{ Name = 'Lima'; Type = 'Reseller'; JoinedOn = '2015-01-01' })
        Set-Partner -Database $gone -Name Kilo -Status Suspended -EffectiveDate 2015-02-01
        Remove-Partner -Database $gone -Name Kilo -Confirm:$false
        @(Get-PartnerStatusHistory -Database $gone | ForEach-Object Partner | Sort-Object -Unique) | Should -Be @('Lima')
        [int](Get-RawScalar -Database $gone -Sql 'SELECT count(*) FROM status_changes') | Should -Be 2
    }
}
