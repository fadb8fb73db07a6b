BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Runbook = Join-Path $PSScriptRoot '../../samples/Runbook.ps1'
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: samples/Runbook.ps1 on database files, a mistyped file name included.
Describe 'The README runbook (samples/Runbook.ps1)' -Tag 'FileOnly' {
    It 'stores the good rows, reports each bad one with its id, and ends a long suspension, without prompting' {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        Close-PooledConnections
        $csv = Join-Path (Get-TestFolder $db) 'new.csv'
        @(
            [pscustomobject]@{ Name = 'Good One'; Country = 'DE'; Status = 'Active'; JoinedOn = '2012-01-01' }
            [pscustomobject]@{ Name = 'Sleepy Ltd'; Country = 'GB'; Status = 'Suspended'; JoinedOn = '2012-05-01' }
            [pscustomobject]@{ Name = 'Bad Country'; Country = 'XX'; Status = 'Active'; JoinedOn = '2013-01-01' }
            [pscustomobject]@{ Name = 'good one'; Country = 'FR'; Status = 'Active'; JoinedOn = '2013-01-01' }
        ) | Export-Csv $csv -NoTypeInformation

        $output = Invoke-ChildPwsh "& '$script:Runbook' -CsvPath '$csv' -Database '$db' -ModulePath '$script:ModuleManifest'; exit `$LASTEXITCODE"

        $LASTEXITCODE | Should -Be 0
        $output | Should -Contain 'partners: 2, rejected: 2'
        @($output | Where-Object { "$_" -like 'rejected: *' }) | Should -BeExactly @(
            "rejected: Bad Country: InvalidCountryCode: Country 'XX' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo)."
            "rejected: good one: PartnerAlreadyExists: A partner named 'good one' already exists: Id 1 'Good One' (names are unique ignoring case, including ß as ss and İ as i, the kind of space and invisible characters)."
        )
        (Get-Partner -Database $db -Name 'Sleepy Ltd').Status | Should -Be 'Terminated'
    }

    It 'refuses a database path that does not exist (a typo) with exit code 1, before writing anything' {
        $db = New-TestDatabasePath
        $typo = Join-Path (Get-TestFolder $db) 'partnres.db'
        $csv = Join-Path (Get-TestFolder $db) 'new.csv'
        [pscustomobject]@{ Name = 'Any'; Country = 'DE' } | Export-Csv $csv -NoTypeInformation

        $output = Invoke-ChildPwsh "& '$script:Runbook' -CsvPath '$csv' -Database '$typo' -ModulePath '$script:ModuleManifest'; exit `$LASTEXITCODE"

        $LASTEXITCODE | Should -Be 1
        ($output | Out-String) | Should -Match ([regex]::Escape("No PartnerOps database at '$typo'; create it with New-PartnerDatabase first."))
        Test-Path $typo | Should -BeFalse
        @(Get-ChildItem (Get-TestFolder $db) -Filter 'partnres.db*').Count | Should -Be 0
    }

    It 'exits with 1 and names the error id when the database is not a PartnerOps database' {
        $db = New-TestDatabasePath
        Set-Content $db 'not a database'
        $csv = Join-Path (Get-TestFolder $db) 'new.csv'
        [pscustomobject]@{ Name = 'Any' } | Export-Csv $csv -NoTypeInformation

        $output = Invoke-ChildPwsh "& '$script:Runbook' -CsvPath '$csv' -Database '$db' -ModulePath '$script:ModuleManifest'; exit `$LASTEXITCODE"

        $LASTEXITCODE | Should -Be 1
        ($output | Out-String) | Should -Match 'PartnerOps failed: DatabaseInvalid'
        Get-Content $db | Should -Be 'not a database'
    }
}
