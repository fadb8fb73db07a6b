# The rules that keep dated Status and Tier changes undoable and consistent (issue 17): no change dated after today, no
# termination silently moved by clearing EndedOn, no JoinedOn after the first dated change, a reason corrected rather than
# dropped, a Terminated partner's Tier dated from JoinedOn, an empty -EffectiveDate refused by the module. Each on every path that can write it (Set-Partner, Add-Partner, Import-Csv | Add-Partner,
# Import-Partner Insert and Upsert); runs on both backends. Expected rows: "<attribute> <from>><to> <day>[ <reason>]".
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function Get-PartnerStatusRows([string] $Database, [string] $Name) {
        @(Get-StatusRows -Database $Database | ForEach-Object {
                $field = $_ -split '\|'
                if ($field[0] -ceq $Name) {
                    [pscustomobject]@{ Attribute = $field[1]; Day = $field[4]; Text = "$($field[1]) $($field[2])>$($field[3]) $($field[4])" + $(if ($field[5] -ne '-') { " $($field[5])" }) }
                }
            } | Sort-Object -Stable Attribute, Day | ForEach-Object Text)
    }

    # Kestrel: Active Registered from 2015-01-10; Ended: Terminated on 2016-06-30 ('Dormant'); Paused: Suspended since 2016-01-01 ('Audit').
    function New-RulesDatabase {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Kestrel' -JoinedOn 2015-01-10
        Add-Partner -Database $db -Name 'Ended' -JoinedOn 2015-01-10 -Status Terminated -EndedOn 2016-06-30 -EndReason 'Dormant'
        Add-Partner -Database $db -Name 'Paused' -JoinedOn 2015-01-10
        Set-Partner -Database $db -Name Paused -Status Suspended -EffectiveDate 2016-01-01 -Reason 'Audit'
        $db
    }

    # Runs a write expected to fail once with $Id; the database must be as it was.
    function Assert-Refused([string] $Database, [scriptblock] $Run, [string] $Id, [string] $Text) {
        $state = Get-DatabaseState $Database
        $failures = @(& $Run 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failures[0].Exception.Message | Should -BeLike $Text
        Get-DatabaseState $Database | Should -Be $state
    }

    function Write-Csv([string] $Database, [string[]] $Lines) {
        $csv = Join-Path (Get-TestFolder $Database) "rows$([guid]::NewGuid().ToString('N')).csv"
        $Lines | Set-Content $csv
        $csv
    }

    $script:Today = (Get-Date).Date
    $script:Tomorrow = $script:Today.AddDays(1).ToString('yyyy-MM-dd')
}

AfterAll {
    Remove-TestFolders
}

Describe 'A change cannot be dated after today' {
    It 'Set-Partner refuses <Case>' -ForEach @(
        @{ Case = 'a Status change dated tomorrow'; Given = @{ Name = 'Kestrel'; Status = 'Suspended'; EffectiveDate = 'tomorrow' } }
        @{ Case = 'a Tier change dated 2030-01-01'; Given = @{ Name = 'Kestrel'; Tier = 'Gold'; EffectiveDate = '2030-01-01' } }
        @{ Case = 'a termination dated by -EffectiveDate tomorrow'; Given = @{ Name = 'Kestrel'; Status = 'Terminated'; EffectiveDate = 'tomorrow' } }
        @{ Case = 'a reopening dated 2099-12-31'; Given = @{ Name = 'Ended'; Status = 'Active'; EffectiveDate = '2099-12-31' } }
    ) {
        $db = New-RulesDatabase
        if ($Given.EffectiveDate -eq 'tomorrow') { $Given.EffectiveDate = $script:Tomorrow }
        Assert-Refused $db { Set-Partner -Database $db @Given -ErrorAction Continue } 'InvalidPartnerValue' "EffectiveDate '$($Given.EffectiveDate)' is not valid: a change cannot be dated after today*"
    }

    It 'Add-Partner refuses <Case>' -ForEach @(
        @{ Case = 'a StatusDate tomorrow'; Given = @{ JoinedOn = '2015-01-10'; StatusDate = 'tomorrow' }; Column = 'StatusDate' }
        @{ Case = 'a TierDate in 2030'; Given = @{ JoinedOn = '2015-01-10'; TierDate = '2030-01-01' }; Column = 'TierDate' }
        @{ Case = 'a TierDate after a future JoinedOn'; Given = @{ JoinedOn = '2030-01-01'; TierDate = '2030-02-01' }; Column = 'TierDate' }
        @{ Case = 'a Terminated partner''s TierDate after today'; Given = @{ JoinedOn = '2015-01-10'; Status = 'Terminated'; EndedOn = '2030-01-01'; TierDate = '2029-01-01' }; Column = 'TierDate' }
    ) {
        $db = New-RulesDatabase
        if ($Given.StatusDate -eq 'tomorrow') { $Given.StatusDate = $script:Tomorrow }
        $value = if ($Column -eq 'StatusDate') { $Given.StatusDate } else { $Given.TierDate }
        Assert-Refused $db { Add-Partner -Database $db -Name 'New' @Given -ErrorAction Continue } 'InvalidPartnerValue' "$Column '$value' is not valid: it is after today*"
        [pscustomobject](@{ Name = 'Piped' } + $Given) | ForEach-Object { $row = $_ }
        Assert-Refused $db { $row | Add-Partner -Database $db -ErrorAction Continue } 'InvalidPartnerValue' "$Column '$value'*after today*"
    }

    It 'Import-Partner fails the rows dated after today, in Insert and Upsert' {
        foreach ($mode in 'Insert', 'Upsert') {
            $db = New-RulesDatabase
            $state = Get-DatabaseState $db
            $csv = Write-Csv $db @(
                'Name,JoinedOn,Status,Tier,StatusDate,TierDate'
                "Kestrel,2015-01-10,Suspended,Registered,$script:Tomorrow,"
                'Fresh,2015-01-10,Active,Gold,,2030-01-01'
            )
            $result = Import-Partner $csv -Database $db -Mode $mode -ErrorVariable failures -ErrorAction SilentlyContinue
            $result.Failed | Should -Be 2
            $failures | ForEach-Object { $_.FullyQualifiedErrorId } | Should -BeLike 'ImportRowInvalid,*'
            $failures[0].Exception.Message | Should -BeLike "Line 2, column StatusDate: '$script:Tomorrow' is not valid: it is after today*"
            $failures[1].Exception.Message | Should -BeLike "Line 3, column TierDate: '2030-01-01' is not valid: it is after today*"
            Get-DatabaseState $db | Should -Be $state
        }
    }

    It 'still takes a future JoinedOn as StatusDate and TierDate, and a scheduled end that -EndedOn can move' {
        $db = New-RulesDatabase
        Add-Partner -Database $db -Name 'Future' -JoinedOn 2030-01-01 -StatusDate 2030-01-01 -TierDate 2030-01-01 -Tier Silver
        Get-PartnerStatusRows $db Future | Should -Be @('Status ->Active 2030-01-01', 'Tier ->Silver 2030-01-01')
        Add-Partner -Database $db -Name 'Scheduled' -JoinedOn 2015-01-10 -Status Terminated -EndedOn 2030-06-30 -EndReason 'Contract ends'
        Set-Partner -Database $db -Name Scheduled -EndedOn 2030-03-31
        Get-PartnerStatusRows $db Scheduled | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2030-03-31 Contract ends', 'Tier ->Registered 2015-01-10')
        Set-Partner -Database $db -Name Kestrel -Status Terminated -EndedOn 2031-01-01
        (Get-Partner -Database $db -Name Kestrel).EndedOn | Should -Be ([datetime]'2031-01-01')
    }
}

Describe 'Set-Partner -EndedOn $null on a partner that stays Terminated' {
    It 'is refused, saying how to reopen or move the end: <Case>' -ForEach @(
        @{ Case = '-EndedOn $null'; Given = @{ EndedOn = $null } }
        @{ Case = '-EndedOn '''''; Given = @{ EndedOn = '' } }
        @{ Case = '-Status Terminated -EndedOn $null'; Given = @{ Status = 'Terminated'; EndedOn = $null } }
        @{ Case = '-EndedOn $null with a new tier'; Given = @{ EndedOn = $null; Tier = 'Gold' } }
    ) {
        $db = New-RulesDatabase
        Assert-Refused $db { Set-Partner -Database $db -Name Ended @Given -ErrorAction Continue } 'InvalidPartnerValue' "EndedOn '' is not valid: the partner stays Terminated*to reopen the relationship give another -Status; to move the end give the new -EndedOn*"
    }

    It 'still reopens the relationship with another -Status and -EndedOn $null' {
        $db = New-RulesDatabase
        Set-Partner -Database $db -Name Ended -Status Active -EndedOn $null -EffectiveDate 2017-01-01
        $p = Get-Partner -Database $db -Name Ended
        $p.Status, $p.EndedOn | Should -Be @('Active', $null)
    }
}

Describe 'A JoinedOn after the first dated change' {
    It 'is refused by Set-Partner: <Case>' -ForEach @(
        @{ Case = 'after the first Status'; Name = 'Kestrel'; Given = @{ JoinedOn = '2015-02-01' } }
        @{ Case = 'after the first of several changes'; Name = 'Paused'; Given = @{ JoinedOn = '2015-06-01' } }
        @{ Case = 'after a Terminated partner''s first Status'; Name = 'Ended'; Given = @{ JoinedOn = '2016-01-01' } }
        @{ Case = 'with a Tier change of the same call'; Name = 'Kestrel'; Given = @{ JoinedOn = '2015-03-01'; Tier = 'Gold'; EffectiveDate = '2015-02-01' } }
    ) {
        $db = New-RulesDatabase
        Assert-Refused $db { Set-Partner -Database $db -Name $Name @Given -ErrorAction Continue } 'InvalidPartnerValue' "JoinedOn '$($Given.JoinedOn)' is not valid: *a partner has no status or tier before it joined*"
    }

    It 'is still taken on or before the first change' {
        $db = New-RulesDatabase
        Set-Partner -Database $db -Name Kestrel -JoinedOn 2015-01-10 -Notes 'same day'
        Set-Partner -Database $db -Name Paused -JoinedOn 2014-01-01
        (Get-Partner -Database $db -Name Paused).JoinedOn | Should -Be ([datetime]'2014-01-01')
    }
}

Describe 'A reason given with the Status a partner already has corrects it' {
    It 'replaces the reason of the current Status change: <Name>' -ForEach @(
        @{ Name = 'Ended'; Status = 'Terminated'; Reason = 'Acquired by a competitor'; Row = 'Status Active>Terminated 2016-06-30 Acquired by a competitor'; EndReason = 'Acquired by a competitor' }
        @{ Name = 'Paused'; Status = 'Suspended'; Reason = 'Review'; Row = 'Status Active>Suspended 2016-01-01 Review'; EndReason = $null }
    ) {
        $db = New-RulesDatabase
        $before = Get-Partner -Database $db -Name $Name
        Set-Partner -Database $db -Name $Name -Status $Status -Reason $Reason
        $after = Get-Partner -Database $db -Name $Name
        $after.EndReason | Should -Be $EndReason
        $after.UpdatedAt | Should -BeGreaterThan $before.UpdatedAt
        $after.StatusSince | Should -Be $before.StatusSince
        Get-PartnerStatusRows $db $Name | Should -Contain $Row
        @(Get-PartnerStatusRows $db $Name | Where-Object { $_ -like 'Status *' }) | Should -HaveCount 2
    }

    It 'writes nothing when the Terminated partner already has that reason' {
        $db = New-RulesDatabase
        $state = Get-DatabaseState $db
        Set-Partner -Database $db -Name Ended -Status Terminated -Reason ' Dormant '
        Get-DatabaseState $db | Should -Be $state
    }
}

Describe 'A Terminated partner''s Tier is dated from JoinedOn' {
    It 'dates the Tier on JoinedOn, not on the end, by <Path>' -ForEach @(
        @{ Path = 'Add-Partner -StatusDate' }
        @{ Path = 'Import-Csv | Add-Partner' }
        @{ Path = 'Import-Partner' }
    ) {
        $db = New-TestDatabase
        switch ($Path) {
            'Add-Partner -StatusDate' { Add-Partner -Database $db -Name 'Gone' -JoinedOn 2012-01-01 -Status Terminated -StatusDate 2014-06-30 -Tier Gold }
            'Import-Csv | Add-Partner' { Import-Csv (Write-Csv $db 'Name,JoinedOn,Status,Tier,StatusDate', 'Gone,2012-01-01,Terminated,Gold,2014-06-30') | Add-Partner -Database $db }
            'Import-Partner' { $null = Import-Partner (Write-Csv $db 'Name,JoinedOn,Status,Tier,StatusDate', 'Gone,2012-01-01,Terminated,Gold,2014-06-30') -Database $db }
        }
        Get-PartnerStatusRows $db Gone | Should -Be @('Status ->Active 2012-01-01', 'Status Active>Terminated 2014-06-30', 'Tier ->Gold 2012-01-01')
    }
}

Describe 'Set-Partner -EffectiveDate with no date' {
    It 'is refused with the module''s message: <Case>' -ForEach @(
        @{ Case = "''"; Value = '' }
        @{ Case = '$null'; Value = $null }
        @{ Case = "'  '"; Value = '  ' }
    ) {
        $db = New-RulesDatabase
        Assert-Refused $db { Set-Partner -Database $db -Name Kestrel -Status Suspended -EffectiveDate $Value -ErrorAction Continue } 'InvalidPartnerValue' "EffectiveDate '' is not valid: it is empty*leave -EffectiveDate out for today*"
    }
}

Describe 'Import-Partner -Mode Upsert applies the same rules to stored partners' {
    It 'fails a row whose JoinedOn is after the partner''s first dated change, and takes one on or before it' {
        $db = New-RulesDatabase
        $csv = Write-Csv $db @(
            'Name,JoinedOn,Status'
            'Kestrel,2015-02-01,Active'
            'Paused,2015-06-01,Suspended'
            'Ended,2014-01-01,Terminated'
        )
        $result = Import-Partner $csv -Database $db -Mode Upsert -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Updated, $result.Failed | Should -Be @(1, 2)
        $failures | ForEach-Object { $_.FullyQualifiedErrorId } | Should -BeLike 'ImportRowInvalid,*'
        $failures[0].Exception.Message | Should -BeLike "Line 2, column JoinedOn: '2015-02-01' is not valid: *first dated Status or Tier change dates from 2015-01-10*no status or tier before it joined*"
        $failures[1].Exception.Message | Should -BeLike "Line 3, column JoinedOn: '2015-06-01' is not valid: *dates from 2015-01-10*"
        (Get-Partner -Database $db -Name Kestrel).JoinedOn | Should -Be ([datetime]'2015-01-10')
        (Get-Partner -Database $db -Name Ended).JoinedOn | Should -Be ([datetime]'2014-01-01')
    }

    It 'corrects the EndReason of a partner that stays Terminated, and skips a row with the same reason' {
        $db = New-RulesDatabase
        Add-Partner -Database $db -Name 'Gone' -JoinedOn 2015-01-10 -Status Terminated -EndedOn 2016-01-31 -EndReason 'Merged'
        $before = Get-Partner -Database $db -Name Ended
        $csv = Write-Csv $db @(
            'Name,JoinedOn,Status,EndedOn,EndReason'
            'Ended,2015-01-10,Terminated,2016-06-30,Acquired by a competitor'
            'Gone,2015-01-10,Terminated,2016-01-31,Merged'
        )
        $result = Import-Partner $csv -Database $db -Mode Upsert
        $result.Updated, $result.Skipped | Should -Be @(1, 1)
        $after = Get-Partner -Database $db -Name Ended
        $after.EndReason | Should -BeExactly 'Acquired by a competitor'
        $after.UpdatedAt | Should -BeGreaterThan $before.UpdatedAt
        Get-PartnerStatusRows $db Ended | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-06-30 Acquired by a competitor', 'Tier ->Registered 2015-01-10')
        Get-PartnerStatusRows $db Gone | Should -Be @('Status ->Active 2015-01-10', 'Status Active>Terminated 2016-01-31 Merged', 'Tier ->Registered 2015-01-10')
    }
}

Describe 'A change dated before the value it replaces, for one of many partners' {
    It 'Set-Partner names the partner it refuses, and changes the others' {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @(
            @{ Name = 'Early'; Tier = 'Silver'; JoinedOn = '2015-01-10'; Status = 'Active' }
            @{ Name = 'Late'; Tier = 'Silver'; JoinedOn = '2015-01-10'; Status = 'Active' })
        Set-Partner -Database $db -Name Late -Tier Gold -EffectiveDate 2020-06-01
        Get-Partner -Database $db | Set-Partner -Database $db -Tier Platinum -EffectiveDate 2020-01-01 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPartnerValue,*'
        $failed[0].Exception.Message | Should -Be ("EffectiveDate '2020-01-01' is not valid for partner 'Late' (Id 2): its Tier has been Gold since 2020-06-01, " +
            'and changes are recorded in date order: a change of its Tier cannot take effect before 2020-06-01.')
        @(Get-Partner -Database $db | Sort-Object Id | ForEach-Object { "$($_.Name)=$($_.Tier)" }) | Should -Be @('Early=Platinum', 'Late=Gold')
    }
}
