# Rejected rows keep their lifecycle values, and a failed-row file pipes back in (issue 17): a JSON import's failed-row file
# gives back StatusDate, TierDate and EndReason with the rest of each row (nothing dropped), and its Reason column (why the
# row was rejected) is never taken for a partner's EndReason when the file is piped into Add-Partner. Both backends.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'A failed-row file keeps every column it was given' {
    It 'a JSON row rejected by Import-Partner comes back with its StatusDate, TierDate and EndReason' {
        $db = New-TestDatabase
        $folder = Get-TestFolder $db
        $json = Join-Path $folder 'partners.json'
        $failed = Join-Path $folder 'failed.csv'
        Set-Content -LiteralPath $json -Encoding utf8 -Value (@(
                [ordered]@{ Name = 'Ended Well'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2014-06-30'; StatusDate = '2014-06-30'; EndReason = 'Acquired'; TierDate = '2012-01-01' },
                [ordered]@{ Name = 'Bad Country'; Country = 'XX'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2014-06-30'; StatusDate = '2014-06-30'; EndReason = 'Ceased trading'; TierDate = '2013-02-01' },
                [ordered]@{ Name = 'Bad Date'; Status = 'Active'; JoinedOn = '2015-01-01'; StatusDate = '2014-01-01'; TierDate = '2015-03-01' }
            ) | ConvertTo-Json)
        $result = Import-Partner -Database $db -Path $json -FailedRowPath $failed -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 1
        $result.Failed | Should -Be 2
        $rows = @(Import-Csv -LiteralPath $failed)
        $rows.Count | Should -Be 2
        $rows[0].Name | Should -BeExactly 'Bad Country'
        $rows[0].StatusDate | Should -BeExactly '2014-06-30'
        $rows[0].TierDate | Should -BeExactly '2013-02-01'
        $rows[0].EndReason | Should -BeExactly 'Ceased trading'
        $rows[1].Name | Should -BeExactly 'Bad Date'
        $rows[1].StatusDate | Should -BeExactly '2014-01-01'
        $rows[1].TierDate | Should -BeExactly '2015-03-01'
        $rows[1].Reason | Should -BeLike '*StatusDate*'
    }
}

Describe 'A failed-row file piped into Add-Partner' {
    It 'adds a <Status> row without taking its rejection Reason for an EndReason' -ForEach @(
        @{ Status = 'Active' }, @{ Status = 'Prospect' }, @{ Status = 'Suspended' }
    ) {
        $db = New-TestDatabase
        $row = [pscustomobject]@{ Name = "Fixed $Status"; Status = $Status; JoinedOn = '2015-02-01'; Line = '3'; Reason = "Line 3: the country 'XX' is not an ISO 3166-1 code." }
        $added = $row | Add-Partner -Database $db -PassThru
        $added.Status | Should -Be $Status
        $added.EndReason | Should -BeNullOrEmpty
        @(Get-PartnerStatusHistory -Database $db -Partner "Fixed $Status" | Where-Object Reason).Count | Should -Be 0
    }

    It 'adds a Terminated row with its EndReason, not its rejection Reason' {
        $db = New-TestDatabase
        $row = [pscustomobject]@{ Name = 'Fixed Ended'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2014-06-30'; EndReason = 'Acquired'; Line = '2'; Reason = 'Line 2: rejected before.' }
        $added = $row | Add-Partner -Database $db -PassThru
        $added.EndReason | Should -BeExactly 'Acquired'
    }

    It 'adds a Terminated row without an EndReason as ended for no reason given' {
        $db = New-TestDatabase
        $row = [pscustomobject]@{ Name = 'Fixed Ended'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2014-06-30'; Line = '2'; Reason = 'Line 2: rejected before.' }
        $added = $row | Add-Partner -Database $db -PassThru
        $added.EndReason | Should -BeNullOrEmpty
    }
}
