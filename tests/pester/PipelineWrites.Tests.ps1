BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

# Each PartnerOps command has its own connection and batches its writes into transactions. In one pipeline
# they run on one thread, so a batch held open by one must not block (or hide rows from) the next.
Describe 'PartnerOps writers chained in one pipeline' {
    BeforeEach {
        $db = New-TestDatabase
        $timer = [Diagnostics.Stopwatch]::StartNew()
    }

    AfterEach {
        # Waiting on a lock would take the 30-second busy timeout.
        $timer.Elapsed.TotalSeconds | Should -BeLessThan 10
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }

    It 'Add-Partner -PassThru | Set-Partner: every new partner is updated' {
        1..50 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } |
            Add-Partner -Database $db -PassThru | Set-Partner -Database $db -Tier Gold
        @(Get-Partner -Database $db -Tier Gold).Count | Should -Be 50
    }

    It 'Set-Partner -PassThru | Add-PartnerRevenue: revenue is booked for each updated partner' {
        1..20 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $db
        Get-Partner -Database $db | Set-Partner -Database $db -Region China -PassThru |
            Add-PartnerRevenue -Database $db -Date 2015-01-01 -Amount 10
        (Measure-PartnerRevenue -Database $db -Region China).Total | Should -Be 200
    }

    It 'Add-Partner -PassThru | Add-PartnerRevenue -PassThru | Remove-PartnerRevenue: three writers at once' {
        1..30 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } |
            Add-Partner -Database $db -PassThru |
            Add-PartnerRevenue -Database $db -Date 2015-01-01 -Amount 1 -PassThru |
            Remove-PartnerRevenue -Database $db -Confirm:$false
        @(Get-Partner -Database $db).Count | Should -Be 30
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 0
    }

    It 'a reader downstream of a writer sees what the writer passed on' {
        $seen = 1..10 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } |
            Add-Partner -Database $db -PassThru | ForEach-Object { Get-Partner -Database $db -Name $_.Name }
        @($seen).Count | Should -Be 10
    }

    It 'a stopped chain keeps what each writer reported' {
        $added = 1..100 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } |
            Add-Partner -Database $db -PassThru | Set-Partner -Database $db -Tier Silver -PassThru | Select-Object -First 5
        $added.Count | Should -Be 5
        @(Get-Partner -Database $db -Tier Silver).Count | Should -BeGreaterOrEqual 5
        $added | ForEach-Object { (Get-Partner -Database $db -Name $_.Name).Tier | Should -Be 'Silver' }
    }
}
