# A change that changes nothing changes nothing. The setup is SmallFaults.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'SmallFaults.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'A change that changes nothing changes nothing' {
    BeforeEach {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $null = Add-Partner -Database $db -Name 'Acme' -Type Reseller -Tier Gold -Status Active -Region 'Western Europe' -Country DE -JoinedOn 2015-03-01 -Notes 'key account'
        $before = Get-Partner -Database $db -Name 'Acme'
        $historyBefore = Get-HistoryCount $db
        Start-Sleep -Milliseconds 20   # a write now would give UpdatedAt a later time
    }

    It 'Set-Partner -<Parameter> with the value the partner has writes nothing: UpdatedAt stays, no history' -ForEach @(
        @{ Parameter = 'Tier'; Value = 'Gold' }
        @{ Parameter = 'Type'; Value = 'Reseller' }
        @{ Parameter = 'Status'; Value = 'Active' }
        @{ Parameter = 'Region'; Value = 'Western Europe' }
        @{ Parameter = 'Country'; Value = 'DE' }
        @{ Parameter = 'JoinedOn'; Value = '2015-03-01' }
        @{ Parameter = 'Notes'; Value = 'key account' }
        @{ Parameter = 'NewName'; Value = 'Acme' }
    ) {
        $splat = @{ $Parameter = $Value }
        $verbose = Set-Partner -Database $db -Name 'Acme' @splat -Verbose 4>&1 | ForEach-Object Message
        $after = Get-Partner -Database $db -Name 'Acme'
        $after.UpdatedAt | Should -Be $before.UpdatedAt
        Get-HistoryCount $db | Should -Be $historyBefore
        ($verbose -join "`n") | Should -Match "Partner 'Acme' \(Id $($before.Id)\) already has these values: no change, nothing written\."
        ($verbose -join "`n") | Should -Match 'Updated 0 partner\(s\)'
    }

    It 'returns the stored partner with -PassThru all the same' {
        $passed = Set-Partner -Database $db -Name 'Acme' -Tier Gold -PassThru
        $passed.Id | Should -Be $before.Id
        $passed.Tier | Should -Be 'Gold'
        $passed.UpdatedAt | Should -Be $before.UpdatedAt
    }

    It 'several values that are all the same write nothing; one that differs writes one change' {
        Set-Partner -Database $db -Name 'Acme' -Tier Gold -Type Reseller -Country DE
        (Get-Partner -Database $db -Name 'Acme').UpdatedAt | Should -Be $before.UpdatedAt
        Set-Partner -Database $db -Name 'Acme' -Tier Platinum -Type Reseller
        $after = Get-Partner -Database $db -Name 'Acme'
        $after.Tier | Should -Be 'Platinum'
        $after.UpdatedAt | Should -BeGreaterThan $before.UpdatedAt
        # One Update entry, with only Tier changed (Gold -> Platinum).
        Get-HistoryCount $db | Should -Be ($historyBefore + 1)
        $entry = Get-PartnerHistory -Database $db | Select-Object -First 1
        $entry.Operation | Should -Be 'Update'
        @($entry.Changes).Property | Should -Be @('Tier')
    }

    It 'a new spelling of the name or the region is a change (it is what is stored and shown)' {
        Set-Partner -Database $db -Name 'Acme' -NewName 'ACME'
        (Get-Partner -Database $db -Name 'Acme').Name | Should -BeExactly 'ACME'
        Get-HistoryCount $db | Should -Be ($historyBefore + 1)
    }

    It 'Set-PartnerTarget with the value stored writes nothing; another value does' {
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000000 -Currency EUR
        $stamp = Get-RawScalar $db 'SELECT updated_at FROM targets'
        $history = Get-HistoryCount $db
        Start-Sleep -Milliseconds 20
        $verbose = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1000000 -Currency EUR -PassThru -Verbose 4>&1
        @($verbose | Where-Object { $_ -is [PartnerOps.PartnerTarget] }).Count | Should -Be 1
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'is stored already: no change, nothing written'
        Get-HistoryCount $db | Should -Be $history
        Get-RawScalar $db 'SELECT updated_at FROM targets' | Should -Be $stamp
        $null = Set-PartnerTarget -Database $db -Metric PartnerRevenue -Region 'Western Europe' -Year 2015 -Value 1200000 -Currency EUR
        Get-HistoryCount $db | Should -Be ($history + 1)
        (Get-PartnerTarget -Database $db).Value | Should -Be 1200000
    }

    It 'Set-PartnerExchangeRate with the rate stored writes nothing; another rate does' {
        $null = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1095
        $history = Get-HistoryCount $db
        $verbose = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.1095 -Verbose 4>&1 | ForEach-Object Message
        ($verbose -join "`n") | Should -Match 'is stored already: no change, nothing written'
        Get-HistoryCount $db | Should -Be $history
        $null = Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.12
        Get-HistoryCount $db | Should -Be ($history + 1)
    }

    It 'Import-Partner -Mode Upsert of rows identical to the stored partners counts them as Skipped and writes nothing' {
        $csv = Join-Path (New-TestFolder) 'partners.csv'
        # Acme as stored, Beta new, Gamma new: 1 skipped (Acme), 2 inserted.
        Set-Content -LiteralPath $csv -Value @(
            'Name,Type,Tier,Status,Region,Country,JoinedOn,Notes'
            'Acme,Reseller,Gold,Active,Western Europe,DE,2015-03-01,key account'
            'Beta,Distributor,Silver,Active,Nordics,SE,2016-01-01,'
            'Gamma,Reseller,Registered,Active,Nordics,NO,2016-02-01,'
        )
        $first = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($first.Inserted, $first.Updated, $first.Skipped) | Should -Be @(2, 0, 1)
        $history = Get-HistoryCount $db
        $stamps = (Get-Partner -Database $db).UpdatedAt
        Start-Sleep -Milliseconds 20
        # Again: all three rows hold what is stored: 3 skipped, nothing updated, no history.
        $again = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($again.Read, $again.Inserted, $again.Updated, $again.Skipped, $again.Failed) | Should -Be @(3, 0, 0, 3, 0)
        Get-HistoryCount $db | Should -Be $history
        (Get-Partner -Database $db).UpdatedAt | Should -Be $stamps
        # One value changed (Beta's tier): 1 updated, 2 skipped.
        (Get-Content -LiteralPath $csv) -replace 'Beta,Distributor,Silver', 'Beta,Distributor,Gold' | Set-Content -LiteralPath $csv
        $changed = Import-Partner -Database $db -Path $csv -Mode Upsert
        ($changed.Updated, $changed.Skipped) | Should -Be @(1, 2)
        (Get-Partner -Database $db -Name Beta).Tier | Should -Be 'Gold'
    }

    It 'Import-PartnerRevenue -Mode Upsert of records identical to the stored ones counts them as Skipped and writes nothing' {
        $csv = Join-Path (New-TestFolder) 'revenue.csv'
        Set-Content -LiteralPath $csv -Value @(
            'PartnerName,Date,Amount,Currency,Segment,Region,Reference'
            'Acme,2015-01-15,100.00,EUR,Enterprise,Western Europe,INV-1'
            'Acme,2015-02-15,250.50,EUR,Enterprise,Western Europe,INV-2'
        )
        $null = Import-PartnerRevenue -Database $db -Path $csv
        $history = Get-HistoryCount $db
        $again = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        ($again.Inserted, $again.Updated, $again.Skipped) | Should -Be @(0, 0, 2)
        Get-HistoryCount $db | Should -Be $history
        # INV-2 now 300.00: 1 updated, 1 skipped; the total is 100.00 + 300.00 = 400.00.
        (Get-Content -LiteralPath $csv) -replace '250\.50', '300.00' | Set-Content -LiteralPath $csv
        $changed = Import-PartnerRevenue -Database $db -Path $csv -Mode Upsert
        ($changed.Updated, $changed.Skipped) | Should -Be @(1, 1)
        (Measure-PartnerRevenue -Database $db -Currency EUR).Total | Should -Be 400.00
    }

    It 'Set-Partner from piped rows (Import-Csv | Set-Partner) with unchanged values writes nothing' {
        [pscustomobject]@{ Name = 'Acme' } | Set-Partner -Database $db -Tier Gold -Region 'Western Europe'
        (Get-Partner -Database $db -Name 'Acme').UpdatedAt | Should -Be $before.UpdatedAt
        Get-HistoryCount $db | Should -Be $historyBefore
    }
}
