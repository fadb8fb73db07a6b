# Piped rows: columns Set-Partner does not apply, and a row with both Name and PartnerName.
# The setup is PipelineBinding.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'PipelineBinding.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Set-Partner warns of piped rows'' columns it does not apply' {
    BeforeAll {
        function Get-Warnings {
            param([scriptblock] $Command)
            $ErrorActionPreference = 'Continue'
            , @(& $Command 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        }
    }

    It 'the issue''s example: Import-Csv set.csv (Name,Tier,Notes) | Set-Partner -PassThru changes nothing and says so once, with the way to apply them' {
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        $csv = Join-Path (New-TestFolder) 'set.csv'
        Set-Content -LiteralPath $csv -Value "Name,Tier,Notes`nAcme,Gold,key account`nOther,Silver,"

        $warnings = Get-Warnings { Import-Csv $csv | Set-Partner -Database $db -PassThru | Out-Null }

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*columns that Set-Partner does not take from rows*: Tier, Notes.*'
        $warnings[0].Message | Should -BeLike '*ForEach-Object { Set-Partner -Name $_.Name -Tier $_.Tier -Notes $_.Notes }*'
        # Set-Partner with no change given still touches nothing the rows hold.
        (Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Tier) [$($_.Notes)]" }) -join ';' | Should -BeExactly 'Acme Registered [];Other Registered []'

        # The way the warning gives applies each row's values.
        Import-Csv $csv | ForEach-Object { Set-Partner -Database $db -Name $_.Name -Tier $_.Tier -Notes $_.Notes }
        (Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Tier) [$($_.Notes)]" }) -join ';' | Should -BeExactly 'Acme Gold [key account];Other Silver []'
    }

    It 'rows of different shapes: every column not applied is named once; a parameter given is applied, so not named' {
        $db = New-SeededDatabase
        $rows = @(
            [pscustomobject]@{ Name = 'Acme'; Tier = 'Gold'; Country = 'FR' }
            [pscustomobject]@{ PartnerName = 'Other'; Country = 'IT'; Owner = 'kim' }
        )
        $warnings = Get-Warnings { $rows | Set-Partner -Database $db -Tier Platinum }

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLike '*so their values were not applied: Country, Owner.*ForEach-Object { Set-Partner -Name $_.Name -Country $_.Country }*'
        (Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Tier) $($_.Country)" }) -join ';' | Should -BeExactly 'Acme Platinum DE;Other Platinum GB'
    }

    It 'no warning for <Case>' -ForEach @(
        @{ Case = 'Partner objects'; Run = { param($db) Get-Partner -Database $db | Set-Partner -Database $db -Notes 'n' } }
        @{ Case = 'partners through Export-Csv and Import-Csv (their columns are their values)'; Run = { param($db) Get-Partner -Database $db | ConvertTo-Csv | ConvertFrom-Csv | Set-Partner -Database $db -Notes 'n' } }
        @{ Case = 'rows with Name and NewName'; Run = { param($db) [pscustomobject]@{ Name = 'Acme'; NewName = 'Acme Ltd' } | Set-Partner -Database $db } }
        @{ Case = 'rows with PartnerId and Database'; Run = { param($db) [pscustomobject]@{ PartnerId = 2; Database = $db } | Set-Partner -Database $db -Notes 'n' } }
        @{ Case = 'Remove-Partner with other columns (a removal applies no values)'; Run = { param($db) [pscustomobject]@{ Name = 'Other'; Tier = 'Gold'; Reason = 'closed' } | Remove-Partner -Database $db -Confirm:$false } }
    ) {
        $db = New-SeededDatabase
        $warnings = Get-Warnings { & $Run $db }
        $warnings.Count | Should -Be 0
    }
}

Describe 'A piped row with both Name and PartnerName (two properties for the one -Name)' {
    BeforeAll {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
    }

    It 'refuses a row whose Name and PartnerName are two names, and goes on with the next row' {
        $rows = @(
            [pscustomobject]@{ Name = 'Kept Ltd'; PartnerName = 'Lost Ltd'; Region = 'R'; Country = 'DE' }
            [pscustomobject]@{ Name = 'Next Ltd'; Region = 'R'; Country = 'DE' }
            '[{"PartnerName":"Json Lost","Name":"Json Kept","Region":"R","Country":"DE"}]' | ConvertFrom-Json
        )
        $rows | Add-Partner -Database $db -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 2
        $failures | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeExactly 'InputObjectInvalid,PartnerOps.Commands.AddPartnerCommand' }
        $failures[0].Exception.Message | Should -BeLike "*Name 'Kept Ltd' and PartnerName 'Lost Ltd'*"
        $failures[1].Exception.Message | Should -BeLike "*Name 'Json Kept' and PartnerName 'Json Lost'*"
        (Get-Partner -Database $db).Name | Should -Be @('Next Ltd')
    }

    It 'takes a row whose Name and PartnerName are one name (as the name key compares them)' {
        [pscustomobject]@{ Name = 'Großhandel Süd'; PartnerName = 'GROSSHANDEL SÜD '; Region = 'R'; Country = 'DE' } | Add-Partner -Database $db
        [pscustomobject]@{ Name = 'Same Co'; PartnerName = 'Same Co'; Region = 'R'; Country = 'DE' } | Add-Partner -Database $db
        [pscustomobject]@{ Name = 'Only Name'; PartnerName = ''; Region = 'R'; Country = 'DE' } | Add-Partner -Database $db
        (Get-Partner -Database $db).Name | Should -Be @('Großhandel Süd', 'Next Ltd', 'Only Name', 'Same Co')
    }
}
