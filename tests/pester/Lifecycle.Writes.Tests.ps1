# Writing dated Status and Tier changes (issue 17): Add-Partner/Import-Partner's StatusDate, TierDate and EndReason,
# Set-Partner -EffectiveDate and -Reason, Upsert rows, and -Reason's completion. Runs on both backends; every expected row is
# written out by hand: "<attribute> <from>><to> <effective day>[ <reason>]", '-' for no from value.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A partner's status_changes rows (TestHelpers' Get-StatusRows), Status rows then Tier rows, each in date order.
    function Get-PartnerStatusRows([string] $Database, [string] $Name) {
        @(Get-StatusRows -Database $Database | ForEach-Object {
                $field = $_ -split '\|'
                if ($field[0] -ceq $Name) {
                    [pscustomobject]@{ Attribute = $field[1]; Day = $field[4]; Text = "$($field[1]) $($field[2])>$($field[3]) $($field[4])" + $(if ($field[5] -ne '-') { " $($field[5])" }) }
                }
            } | Sort-Object -Stable Attribute, Day | ForEach-Object Text)
    }

    function Get-Day([datetime] $Date) { $Date.ToString('yyyy-MM-dd') }

    # One partner as Add-Partner -PassThru stores it, plus the database: Active Registered from 2015-01-10.
    function New-OnePartnerDatabase {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kestrel' -JoinedOn 2015-01-10
        $db
    }

    $script:Today = (Get-Date).Date
}

AfterAll {
    Remove-TestFolders
}

Describe 'Add-Partner dates the first Status and Tier' {
    It 'dates both on JoinedOn when no date is given' {
        $db = New-OnePartnerDatabase
        $p = Get-Partner -Database $db -Name Kestrel
        $p.StatusSince | Should -Be ([datetime]'2015-01-10')
        $p.TierSince | Should -Be ([datetime]'2015-01-10')
        $p.EndReason | Should -BeNullOrEmpty
        Get-PartnerStatusRows $db Kestrel | Should -Be @('Status ->Active 2015-01-10', 'Tier ->Registered 2015-01-10')
    }

    It 'takes -StatusDate for the status and, without -TierDate, for the tier' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Lumen' -Status Onboarding -Tier Silver -JoinedOn 2015-01-10 -StatusDate 2015-03-01
        $p = Get-Partner -Database $db -Name Lumen
        $p.StatusSince, $p.TierSince | Should -Be @([datetime]'2015-03-01', [datetime]'2015-03-01')
        Get-PartnerStatusRows $db Lumen | Should -Be @('Status ->Onboarding 2015-03-01', 'Tier ->Silver 2015-03-01')
    }

    It 'takes -TierDate for the tier alone' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Lumen' -Tier Gold -JoinedOn 2015-01-10 -TierDate 2016-02-29
        $p = Get-Partner -Database $db -Name Lumen
        $p.StatusSince, $p.TierSince | Should -Be @([datetime]'2015-01-10', [datetime]'2016-02-29')
        Get-PartnerStatusRows $db Lumen | Should -Be @('Status ->Active 2015-01-10', 'Tier ->Gold 2016-02-29')
    }

    It 'makes a Terminated partner a partner from JoinedOn until EndedOn, with its reason' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Meridian' -JoinedOn 2009-04-01 -Status Terminated -EndedOn 2015-09-30 -EndReason '  Acquired by a competitor '
        $p = Get-Partner -Database $db -Name Meridian
        $p.StatusSince, $p.EndedOn, $p.TierSince | Should -Be @([datetime]'2015-09-30', [datetime]'2015-09-30', [datetime]'2009-04-01')
        $p.EndReason | Should -BeExactly 'Acquired by a competitor'
        Get-PartnerStatusRows $db Meridian | Should -Be @(
            'Status ->Active 2009-04-01', 'Status Active>Terminated 2015-09-30 Acquired by a competitor', 'Tier ->Registered 2009-04-01')
    }

    It 'ends a Terminated partner on its -StatusDate when no EndedOn is given, and accepts both when they agree' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'A' -JoinedOn 2010-01-01 -Status Terminated -StatusDate 2012-06-30
        Add-Partner -Database $db -Name 'B' -JoinedOn 2010-01-01 -Status Terminated -StatusDate 2013-01-31 -EndedOn 2013-01-31
        (Get-Partner -Database $db -Name A).EndedOn | Should -Be ([datetime]'2012-06-30')
        Get-PartnerStatusRows $db A | Should -Be @('Status ->Active 2010-01-01', 'Status Active>Terminated 2012-06-30', 'Tier ->Registered 2010-01-01')
        Get-PartnerStatusRows $db B | Should -Be @('Status ->Active 2010-01-01', 'Status Active>Terminated 2013-01-31', 'Tier ->Registered 2010-01-01')
    }

    It 'reads StatusSince, TierSince and EndReason from piped rows, and ignores ActivatedOn' {
        $db = New-TestDatabase
        [pscustomobject]@{ Name = 'Row'; JoinedOn = '2014-05-05'; StatusSince = '2014-06-01'; TierSince = '2014-07-01'; Tier = 'Silver'; ActivatedOn = '2014-08-01' },
        [pscustomobject]@{ Name = 'Ended'; JoinedOn = '2014-05-05'; Status = 'Terminated'; EndedOn = '2015-01-01'; EndReason = 'Fraud' } |
            Add-Partner -Database $db -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        Get-PartnerStatusRows $db Row | Should -Be @('Status ->Active 2014-06-01', 'Tier ->Silver 2014-07-01')
        (Get-Partner -Database $db -Name Ended).EndReason | Should -BeExactly 'Fraud'
    }

    It 'keeps StatusSince, TierSince and EndReason when partners are copied with Get-Partner | Add-Partner' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Meridian' -JoinedOn 2009-04-01 -Status Terminated -EndedOn 2015-09-30 -EndReason 'Merged' -Tier Gold -TierDate 2011-01-01
        Add-Partner -Database $db -Name 'Lumen' -JoinedOn 2015-01-10 -StatusDate 2015-03-01
        $copy = New-TestDatabase
        Get-Partner -Database $db | Add-Partner -Database $copy
        Get-Partner -Database $copy | ForEach-Object { '{0} {1:yyyy-MM-dd} {2:yyyy-MM-dd} {3}' -f $_.Name, $_.StatusSince, $_.TierSince, $_.EndReason } |
            Should -Be @('Lumen 2015-03-01 2015-03-01 ', 'Meridian 2015-09-30 2011-01-01 Merged')
    }

    It 'refuses <Case> with InvalidPartnerValue, naming the value, and adds nothing' -ForEach @(
        @{ Case = 'a StatusDate before JoinedOn'; Given = @{ JoinedOn = '2015-01-10'; StatusDate = '2015-01-09' }; Text = "StatusDate '2015-01-09'*before it joined (JoinedOn 2015-01-10)*" }
        @{ Case = 'a TierDate before JoinedOn'; Given = @{ JoinedOn = '2015-01-10'; TierDate = '2014-12-31' }; Text = "TierDate '2014-12-31'*JoinedOn 2015-01-10*" }
        @{ Case = 'a StatusDate before a JoinedOn not given (today)'; Given = @{ StatusDate = '2000-01-01' }; Text = "StatusDate '2000-01-01'*before it joined*" }
        @{ Case = 'a StatusDate in 1899'; Given = @{ JoinedOn = '1900-01-01'; StatusDate = '1899-12-31' }; Text = "StatusDate '1899-12-31'*between the years 1900 and 2999*" }
        @{ Case = 'a StatusDate in 3000'; Given = @{ StatusDate = '3000-01-01' }; Text = "StatusDate '3000-01-01'*between the years 1900 and 2999*" }
        @{ Case = 'a StatusDate of 0001-01-01'; Given = @{ StatusDate = '0001-01-01' }; Text = "StatusDate '0001-01-01'*between the years*" }
        @{ Case = 'a TierDate in 3000'; Given = @{ TierDate = '3000-01-01' }; Text = "TierDate '3000-01-01'*between the years 1900 and 2999*" }
        @{ Case = 'a Terminated StatusDate other than EndedOn'; Given = @{ JoinedOn = '2010-01-01'; Status = 'Terminated'; StatusDate = '2012-01-01'; EndedOn = '2012-01-02' }; Text = "StatusDate '2012-01-01'*its EndedOn (2012-01-02)*" }
        @{ Case = 'a Terminated StatusDate before JoinedOn'; Given = @{ JoinedOn = '2010-01-01'; Status = 'Terminated'; StatusDate = '2009-12-31' }; Text = "StatusDate '2009-12-31'*JoinedOn 2010-01-01*" }
        @{ Case = 'an EndReason without Status Terminated'; Given = @{ Status = 'Suspended'; EndReason = 'Late' }; Text = "EndReason 'Late'*only with Status Terminated*Suspended*" }
        @{ Case = 'an EndReason of 201 characters'; Given = @{ Status = 'Terminated'; EndReason = 'x' * 201 }; Text = "EndReason 'xxxx*at most 200 characters (this one has 201)*" }
        @{ Case = 'an EndReason with a line break'; Given = @{ Status = 'Terminated'; EndReason = "Bought`nout" }; Text = 'EndReason ''Bought``u{A}out''*control character*' }
        @{ Case = 'an EndReason with a control character'; Given = @{ Status = 'Terminated'; EndReason = "Bad`u{7}" }; Text = 'EndReason ''Bad``u{7}''*control character*' }
    ) {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Refused' @Given -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -BeLike $Text
        @(Get-Partner -Database $db) | Should -HaveCount 0
    }
}

Describe 'Set-Partner dates the changes it makes' {
    It 'dates a Status change with -EffectiveDate and keeps the tier''s date' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Suspended -EffectiveDate 2016-05-01 -Reason 'Late payments'
        $p = Get-Partner -Database $db -Name Kestrel
        $p.StatusSince, $p.TierSince | Should -Be @([datetime]'2016-05-01', [datetime]'2015-01-10')
        $p.EndReason | Should -BeNullOrEmpty
        Get-PartnerStatusRows $db Kestrel | Should -Be @(
            'Status ->Active 2015-01-10', 'Status Active>Suspended 2016-05-01 Late payments', 'Tier ->Registered 2015-01-10')
    }

    It 'dates a Status and a Tier change of one call on the same day' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Onboarding -Tier Gold -EffectiveDate 2015-02-01
        Set-Partner -Database $db -Name Kestrel -Tier Platinum -EffectiveDate 2015-02-01
        $p = Get-Partner -Database $db -Name Kestrel
        $p.StatusSince, $p.TierSince | Should -Be @([datetime]'2015-02-01', [datetime]'2015-02-01')
        Get-PartnerStatusRows $db Kestrel | Should -Be @(
            'Status ->Active 2015-01-10', 'Status Active>Onboarding 2015-02-01',
            'Tier ->Registered 2015-01-10', 'Tier Registered>Gold 2015-02-01', 'Tier Gold>Platinum 2015-02-01')
    }

    It 'dates a change today without -EffectiveDate, or on a since-date that is later' {
        $db = New-OnePartnerDatabase
        $future = $script:Today.AddDays(10)
        Add-Partner -Database $db -Name 'Future' -JoinedOn $future
        Set-Partner -Database $db -Name Kestrel -Tier Silver
        Set-Partner -Database $db -Name Future -Status Onboarding
        (Get-Partner -Database $db -Name Kestrel).TierSince | Should -Be $script:Today
        Get-PartnerStatusRows $db Future | Should -Be @("Status ->Active $(Get-Day $future)", "Status Active>Onboarding $(Get-Day $future)", "Tier ->Registered $(Get-Day $future)")
    }

    It 'ends the relationship on the effective day, with the reason as EndReason' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EffectiveDate 2017-03-31 -Reason 'Acquired'
        $p = Get-Partner -Database $db -Name Kestrel
        $p.EndedOn, $p.StatusSince | Should -Be @([datetime]'2017-03-31', [datetime]'2017-03-31')
        $p.EndReason | Should -BeExactly 'Acquired'
        Get-PartnerStatusRows $db Kestrel | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2017-03-31 Acquired', 'Tier ->Registered 2015-01-10')
    }

    It 'dates a termination by -EndedOn alone, or by both when they agree' {
        $db = New-OnePartnerDatabase
        Add-Partner -Database $db -Name 'Other' -JoinedOn 2015-01-10
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EndedOn 2016-01-31
        Set-Partner -Database $db -Name Other -Status Terminated -EndedOn 2016-02-29 -EffectiveDate 2016-02-29
        (Get-Partner -Database $db -Name Kestrel).StatusSince | Should -Be ([datetime]'2016-01-31')
        (Get-Partner -Database $db -Name Other).StatusSince | Should -Be ([datetime]'2016-02-29')
        Get-PartnerStatusRows $db Other | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-02-29', 'Tier ->Registered 2015-01-10')
    }

    It 'reopens a Terminated partner: EndedOn and EndReason cleared, the change dated' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EffectiveDate 2016-01-31 -Reason 'Dormant'
        Set-Partner -Database $db -Name Kestrel -Status Active -EffectiveDate 2016-06-01
        $p = Get-Partner -Database $db -Name Kestrel
        $p.EndedOn | Should -BeNullOrEmpty
        $p.EndReason | Should -BeNullOrEmpty
        $p.StatusSince | Should -Be ([datetime]'2016-06-01')
        Get-PartnerStatusRows $db Kestrel | Should -Be @(
            'Status ->Active 2015-01-10', 'Status Active>Terminated 2016-01-31 Dormant', 'Status Terminated>Active 2016-06-01', 'Tier ->Registered 2015-01-10')
    }

    It 'moves the termination with a new -EndedOn of a Terminated partner' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EffectiveDate 2016-01-31 -Reason 'Dormant'
        Set-Partner -Database $db -Name Kestrel -EndedOn 2016-03-15
        $p = Get-Partner -Database $db -Name Kestrel
        $p.EndedOn, $p.StatusSince | Should -Be @([datetime]'2016-03-15', [datetime]'2016-03-15')
        $p.EndReason | Should -BeExactly 'Dormant'
        Get-PartnerStatusRows $db Kestrel | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-03-15 Dormant', 'Tier ->Registered 2015-01-10')
    }

    It 'writes nothing for a Status or Tier it already has, whatever the date' {
        $db = New-OnePartnerDatabase
        $before = (Get-Partner -Database $db -Name Kestrel).UpdatedAt
        Set-Partner -Database $db -Name Kestrel -Status Active -Tier Registered -EffectiveDate 2020-01-01
        (Get-Partner -Database $db -Name Kestrel).UpdatedAt | Should -Be $before
        Get-PartnerStatusRows $db Kestrel | Should -Be @('Status ->Active 2015-01-10', 'Tier ->Registered 2015-01-10')
    }

    It 'refuses <Case> with InvalidPartnerValue and changes nothing' -ForEach @(
        @{ Case = 'a Status change before StatusSince'; Given = @{ Status = 'Suspended'; EffectiveDate = '2015-01-09' }; Text = "EffectiveDate '2015-01-09'*Status has been Active since 2015-01-10*" }
        @{ Case = 'a Tier change before TierSince'; Given = @{ Tier = 'Gold'; EffectiveDate = '2014-01-01' }; Text = "EffectiveDate '2014-01-01'*Tier has been Registered since 2015-01-10*" }
        @{ Case = 'a termination by -EndedOn before StatusSince'; Before = @{ Status = 'Onboarding'; EffectiveDate = '2015-02-01' }
           Given = @{ Status = 'Terminated'; EndedOn = '2015-01-10'; JoinedOn = '2015-01-01' }; Text = "EndedOn '2015-01-10'*Status has been Onboarding since 2015-02-01*" }
        @{ Case = 'an -EffectiveDate without -Status or -Tier'; Given = @{ Notes = 'x'; EffectiveDate = '2016-01-01' }; Text = "EffectiveDate '2016-01-01'*give -Status or -Tier*" }
        @{ Case = 'an -EffectiveDate in 1899'; Given = @{ Status = 'Suspended'; EffectiveDate = '1899-12-31' }; Text = "EffectiveDate '1899-12-31'*between the years 1900 and 2999*" }
        @{ Case = 'an -EffectiveDate in 3000'; Given = @{ Tier = 'Gold'; EffectiveDate = '3000-01-01' }; Text = "EffectiveDate '3000-01-01'*between the years 1900 and 2999*" }
        @{ Case = '-EndedOn and -EffectiveDate on different days'; Given = @{ Status = 'Terminated'; EndedOn = '2016-01-31'; EffectiveDate = '2016-02-01' }; Text = "EndedOn '2016-01-31'*-EffectiveDate (2016-02-01)*different days*" }
        @{ Case = 'a -Reason without -Status'; Given = @{ Tier = 'Gold'; Reason = 'Promoted' }; Text = "Reason 'Promoted'*give -Status*" }
        @{ Case = 'a -Reason of 201 characters'; Given = @{ Status = 'Terminated'; Reason = 'y' * 201 }; Text = "Reason 'yyyy*at most 200 characters (this one has 201)*" }
        @{ Case = 'a -Reason with a line break'; Given = @{ Status = 'Terminated'; Reason = "a`r`nb" }; Text = 'Reason ''a``u{D}``u{A}b''*control character*' }
        @{ Case = 'a -Reason with an escape character'; Given = @{ Status = 'Suspended'; Reason = "`e[31m" }; Text = 'Reason ''``u{1B}`[31m''*control character*' }
    ) {
        $db = New-OnePartnerDatabase
        if ($Before) { Set-Partner -Database $db -Name Kestrel @Before }
        $state = Get-DatabaseState $db
        Set-Partner -Database $db -Name Kestrel @Given -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -BeLike $Text
        Get-DatabaseState $db | Should -Be $state
    }

    It 'refuses a new EndedOn before the change that preceded the termination' {
        $db = New-OnePartnerDatabase
        Set-Partner -Database $db -Name Kestrel -Status Suspended -EffectiveDate 2016-01-01
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EffectiveDate 2016-06-30
        $state = Get-DatabaseState $db
        Set-Partner -Database $db -Name Kestrel -EndedOn 2015-12-31 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failures[0].Exception.Message | Should -BeLike "EndedOn '2015-12-31'*changed on 2016-01-01*"
        Get-DatabaseState $db | Should -Be $state
        Get-PartnerStatusRows $db Kestrel | Should -Contain 'Status Suspended>Terminated 2016-06-30'
    }
}

Describe 'Import-Partner dates Status and Tier' {
    It 'reads StatusDate, TierDate and EndReason columns, and their Export-Csv names, from <Format>' -ForEach @(
        @{ Format = 'CSV'; Extension = 'csv' }
        @{ Format = 'JSON'; Extension = 'json' }
    ) {
        $db = New-TestDatabase
        $path = Join-Path (Get-TestFolder $db) "dated.$Extension"
        $rows = @(
            [pscustomobject]@{ Name = 'Dated'; JoinedOn = '2015-01-10'; Status = 'Onboarding'; StatusDate = '2015-02-01'; TierDate = '2015-03-01'; EndReason = '' }
            [pscustomobject]@{ Name = 'Ended'; JoinedOn = '2015-01-10'; Status = 'Terminated'; StatusDate = '2016-01-31'; TierDate = ''; EndReason = 'Merged' }
        )
        if ($Extension -eq 'csv') { $rows | Export-Csv $path } else { $rows | ConvertTo-Json | Set-Content $path }
        $result = Import-Partner $path -Database $db
        $result.Inserted | Should -Be 2
        Get-PartnerStatusRows $db Dated | Should -Be @('Status ->Onboarding 2015-02-01', 'Tier ->Registered 2015-03-01')
        Get-PartnerStatusRows $db Ended | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-01-31 Merged', 'Tier ->Registered 2015-01-10')
        (Get-Partner -Database $db -Name Ended).EndedOn | Should -Be ([datetime]'2016-01-31')

        $copy = New-TestDatabase
        $export = Join-Path (Get-TestFolder $copy) "export.$Extension"
        if ($Extension -eq 'csv') { Get-Partner -Database $db | Export-Csv $export } else { Get-Partner -Database $db | ConvertTo-Json | Set-Content $export }
        $copied = Import-Partner $export -Database $copy -WarningVariable warnings
        $copied.Inserted | Should -Be 2
        $warnings | Should -BeNullOrEmpty
        Get-PartnerStatusRows $copy Dated | Should -Be @('Status ->Onboarding 2015-02-01', 'Tier ->Registered 2015-03-01')
        (Get-Partner -Database $copy -Name Ended).EndReason | Should -BeExactly 'Merged'
    }

    It 'fails the rows whose dates or reason are refused, naming the column' {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'bad.csv'
        @(
            'Name,JoinedOn,Status,StatusDate,TierDate,EndReason,EndedOn'
            'Early,2015-01-10,Active,2015-01-09,,,'
            'EarlyTier,2015-01-10,Active,,2014-01-01,,'
            'Reasoned,2015-01-10,Active,,,Why,'
            'Disagrees,2015-01-10,Terminated,2016-01-01,,,2016-01-02'
            'Good,2015-01-10,Active,2015-01-11,,,'
        ) | Set-Content $csv
        $result = Import-Partner $csv -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Inserted, $result.Failed | Should -Be @(1, 4)
        $failures | ForEach-Object { $_.FullyQualifiedErrorId } | Should -BeLike 'ImportRowInvalid,*'
        $failures[0].Exception.Message | Should -BeLike "Line 2, column StatusDate: '2015-01-09' is not valid: *before it joined (JoinedOn 2015-01-10)*"
        $failures[1].Exception.Message | Should -BeLike "Line 3, column TierDate: '2014-01-01' is not valid: *JoinedOn 2015-01-10*"
        $failures[2].Exception.Message | Should -BeLike "Line 4, column EndReason: 'Why' is not valid: *only with Status Terminated*"
        $failures[3].Exception.Message | Should -BeLike "Line 5, column StatusDate: '2016-01-01' is not valid: *its EndedOn (2016-01-02)*"
        (Get-Partner -Database $db).Name | Should -Be 'Good'
    }

    It 'refuses a header with both StatusDate and StatusSince' {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'twice.csv'
        'Name,StatusDate,StatusSince', 'X,2015-01-01,2015-01-01' | Set-Content $csv
        { Import-Partner $csv -Database $db } | Should -Throw -ErrorId 'ImportHeaderInvalid,*'
    }

    It 'dates the changes of Upsert rows as Set-Partner does' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Dated' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Today' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Same' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Ends' -JoinedOn 2015-01-10 -Status Terminated -EndedOn 2016-01-31 -EndReason 'Dormant'
        $csv = Join-Path (Get-TestFolder $db) 'upsert.csv'
        @(
            'Name,JoinedOn,Status,Tier,StatusDate,TierDate,EndedOn,EndReason'
            'Dated,2015-01-10,Suspended,Gold,2016-04-01,2016-05-01,,'
            'Today,2015-01-10,Onboarding,Silver,,,,'
            'Same,2015-01-10,Active,Registered,2019-01-01,,,'
            'Ends,2015-01-10,Terminated,Registered,,,2016-02-29,Other'
        ) | Set-Content $csv
        $result = Import-Partner $csv -Database $db -Mode Upsert
        $result.Updated, $result.Skipped | Should -Be @(3, 1)
        Get-PartnerStatusRows $db Dated | Should -Be @(
            'Status ->Active 2015-01-10', 'Status Active>Suspended 2016-04-01', 'Tier ->Registered 2015-01-10', 'Tier Registered>Gold 2016-05-01')
        $day = Get-Day $script:Today
        Get-PartnerStatusRows $db Today | Should -Be @('Status ->Active 2015-01-10', "Status Active>Onboarding $day", 'Tier ->Registered 2015-01-10', "Tier Registered>Silver $day")
        Get-PartnerStatusRows $db Same | Should -Be @('Status ->Active 2015-01-10', 'Tier ->Registered 2015-01-10')
        Get-PartnerStatusRows $db Ends | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-02-29 Other', 'Tier ->Registered 2015-01-10')
        $ends = Get-Partner -Database $db -Name Ends
        $ends.StatusSince, $ends.EndedOn | Should -Be @([datetime]'2016-02-29', [datetime]'2016-02-29')
        $ends.EndReason | Should -BeExactly 'Other'
    }
}

Describe 'Import-Partner -Mode Upsert keeps changes in date order' {
    It 'fails a row whose change is dated before the value it replaces, and dates an undated one on a later since-date' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kept' -JoinedOn 2015-01-10
        Set-Partner -Database $db -Name Kept -Status Suspended -EffectiveDate 2016-01-01
        Add-Partner -Database $db -Name 'TierKept' -JoinedOn 2015-01-10 -Tier Gold -TierDate 2016-06-01
        $future = $script:Today.AddDays(10)
        Add-Partner -Database $db -Name 'Future' -JoinedOn $future
        $csv = Join-Path (Get-TestFolder $db) 'order.csv'
        @(
            'Name,JoinedOn,Status,Tier,StatusDate,TierDate'
            'Kept,2015-01-10,Active,Registered,2015-12-31,'
            'TierKept,2015-01-10,Active,Silver,,2016-05-31'
            "Future,$(Get-Day $future),Onboarding,Registered,,"
        ) | Set-Content $csv
        $result = Import-Partner $csv -Database $db -Mode Upsert -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Updated, $result.Failed | Should -Be @(1, 2)
        $failures[0].Exception.Message | Should -BeLike "Line 2, column StatusDate: '2015-12-31' is not valid: the partner's Status has been Suspended since 2016-01-01*"
        $failures[1].Exception.Message | Should -BeLike "Line 3, column TierDate: '2016-05-31' is not valid: the partner's Tier has been Gold since 2016-06-01*"
        Get-PartnerStatusRows $db Kept | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Suspended 2016-01-01', 'Tier ->Registered 2015-01-10')
        Get-PartnerStatusRows $db TierKept | Should -Be @('Status ->Active 2015-01-10', 'Tier ->Gold 2016-06-01')
        Get-PartnerStatusRows $db Future | Should -Be @("Status ->Active $(Get-Day $future)", "Status Active>Onboarding $(Get-Day $future)", "Tier ->Registered $(Get-Day $future)")
    }
}

Describe 'Tab completion of -Reason' {
    It 'offers each stored reason once, matching what was typed' {
        $db = New-OnePartnerDatabase
        Add-Partner -Database $db -Name 'B' -Status Terminated -JoinedOn 2015-01-01 -EndedOn 2016-01-01 -EndReason 'Acquired by a competitor'
        Add-Partner -Database $db -Name 'C' -Status Terminated -JoinedOn 2015-01-01 -EndedOn 2016-01-01 -EndReason 'Acquired by a competitor'
        Set-Partner -Database $db -Name Kestrel -Status Suspended -EffectiveDate 2016-01-01 -Reason 'Audit'
        $line = "Set-Partner -Database '$db' -Name Kestrel -Reason "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Acquired by a competitor'", 'Audit')
        $line = "Set-Partner -Database '$db' -Name Kestrel -Reason acq"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Acquired by a competitor'")
    }
}
