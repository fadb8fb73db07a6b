# Script blocks on pipeline parameters: run once per piped object, never taken as text.
# The setup is PipelineBinding.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'PipelineBinding.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'Script blocks on parameters that take pipeline input run once per piped object' {
    BeforeAll {
        function New-ThreePartnerDatabase {
            $db = New-TestDatabase
            Add-Partner -Database $db -Name 'Alpha' -Tier Silver -Region 'China'
            Add-Partner -Database $db -Name 'Beta' -Region 'West'
            Add-Partner -Database $db -Name 'Gamma' -Tier Platinum
            $db
        }
    }

    It 'the issue''s example: Set-Partner -NewName { ''Z'' + $_.Name } renames each partner from its own name' {
        $db = New-ThreePartnerDatabase
        $ids = (Get-Partner -Database $db).Id

        Get-Partner -Database $db | Set-Partner -Database $db -NewName { 'Z' + $_.Name }

        $after = Get-Partner -Database $db
        ($after | ForEach-Object { "$($_.Id) $($_.Name) $($_.Tier)" }) -join ';' |
            Should -BeExactly "$($ids[0]) ZAlpha Silver;$($ids[1]) ZBeta Registered;$($ids[2]) ZGamma Platinum"
    }

    It 'Set-Partner -NewName: a result that is not one value fails that partner alone' {
        $db = New-ThreePartnerDatabase
        $errors = Get-CommandErrors { Get-Partner -Database $db | Set-Partner -Database $db -NewName { if ($_.Name -eq 'Beta') { 'B1', 'B2' } else { $_.Name + ' Ltd' } } }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter 'NewName'*2 values ('B1', 'B2')*"
        $errors[0].TargetObject.Name | Should -BeExactly 'Beta'
        (Get-Partner -Database $db).Name -join ';' | Should -BeExactly 'Alpha Ltd;Beta;Gamma Ltd'
    }

    It 'Set-Partner takes Name and NewName columns from rows (an empty NewName fails its row); Partner objects (no NewName) are not renamed' {
        $db = New-ThreePartnerDatabase
        $csv = Join-Path (New-TestFolder) 'renames.csv'
        Set-Content -LiteralPath $csv -Value "Name,NewName`nalpha,Alpha Holdings`nBeta,`nGAMMA,Gamma GmbH"
        $errors = Get-CommandErrors { Import-Csv $csv | Set-Partner -Database $db }
        Get-Partner -Database $db | Set-Partner -Database $db -Notes 'checked'

        # The row with an empty NewName is an error of its own (no partner is renamed to nothing); the others go on.
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $errors[0].Exception.Message | Should -BeLike "*'NewName'*"
        $errors[0].TargetObject.Name | Should -BeExactly 'Beta'

        (Get-Partner -Database $db | ForEach-Object { "$($_.Name)|$($_.Notes)" }) -join ';' |
            Should -BeExactly 'Alpha Holdings|checked;Beta|checked;Gamma GmbH|checked'
    }

    It 'Add-Partner: -Region and -Notes computed from each row' {
        $db = New-TestDatabase
        @(
            [pscustomobject]@{ Name = 'North One'; Area = 'emea'; Source = 'fair' }
            [pscustomobject]@{ Name = 'South Two'; Area = 'apac'; Source = 'web' }
        ) | Add-Partner -Database $db -Region { $_.Area.ToUpperInvariant() } -Notes { "from $($_.Source)" }

        (Get-Partner -Database $db | ForEach-Object { "$($_.Name)|$($_.Region)|$($_.Notes)" }) -join ';' |
            Should -BeExactly 'North One|EMEA|from fair;South Two|APAC|from web'
    }

    It 'Add-PartnerRevenue: -Amount, -Reference and -Date computed from each piped partner' {
        $db = New-ThreePartnerDatabase
        $ids = (Get-Partner -Database $db).Id

        Get-Partner -Database $db | Add-PartnerRevenue -Database $db -Date { '2015-0' + ($_.Name.Length - 1) + '-15' } -Amount { [decimal]$_.Name.Length * 100 + 0.25d } -Currency EUR -Reference { 'R-' + $_.Name }

        # By hand: Alpha, Gamma have 5 letters (month 04, 500.25); Beta 4 (month 03, 400.25).
        (Get-PartnerRevenue -Database $db | Sort-Object PartnerId | ForEach-Object { "$($_.PartnerId) $($_.Reference) $($_.Date.ToString('yyyy-MM-dd')) $($_.Amount) $($_.Currency)" }) -join ';' |
            Should -BeExactly "$($ids[0]) R-Alpha 2015-04-15 500.25 EUR;$($ids[1]) R-Beta 2015-03-15 400.25 EUR;$($ids[2]) R-Gamma 2015-04-15 500.25 EUR"
    }

    It 'Set-PartnerExchangeRate: -Year and -Rate computed from each row' {
        $db = New-TestDatabase
        @([pscustomobject]@{ Y = 2014; Milli = 1105 }, [pscustomobject]@{ Y = 2015; Milli = 1250 }) |
            Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year { $_.Y + 1 } -Rate { [decimal]$_.Milli / 1000 }

        # By hand: 1105 / 1000 = 1.105 for 2015, 1250 / 1000 = 1.25 for 2016.
        (Get-PartnerExchangeRate -Database $db | Sort-Object Year | ForEach-Object { "$($_.Year) $($_.Rate)" }) -join ';' | Should -BeExactly '2015 1.105;2016 1.25'
    }

    It 'Set-PartnerTarget: -Value and -Region computed from each row; a list result fails that row alone' {
        $db = New-TestDatabase
        $rows = @(
            [pscustomobject]@{ Year = 2015; Area = 'West'; Count = 4 }
            [pscustomobject]@{ Year = 2016; Area = 'West'; Count = 3 }
            [pscustomobject]@{ Year = 2017; Area = 'West'; Count = 5 }
        )
        $errors = Get-CommandErrors { $rows | Set-PartnerTarget -Database $db -Metric PartnerCount -Value { $_.Count * 2 } -Region { if ($_.Year -eq 2016) { 'West', 'East' } else { $_.Area } } }

        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike "*parameter 'Region'*2 values ('West', 'East')*"
        # By hand: 4 * 2 = 8 for 2015, 5 * 2 = 10 for 2017; 2016 refused.
        (Get-PartnerTarget -Database $db | Sort-Object Year | ForEach-Object { "$($_.Year) $($_.Region) $($_.Value)" }) -join ';' | Should -BeExactly '2015 West 8;2017 West 10'
    }
}

Describe 'A script block is never taken as text' {
    BeforeAll {
        $db = New-SeededDatabase
    }

    It '<Command>' -ForEach @(
        @{ Command = "Set-Partner -Name Acme -Notes { 'x' }"; Parameter = 'Notes' }
        @{ Command = "Set-Partner -Name Acme -Region { 'x' }"; Parameter = 'Region' }
        @{ Command = "Set-Partner -Name Acme -Tier { 'Gold' }"; Parameter = 'Tier' }
        @{ Command = "Get-Partner -Name Acme | Set-Partner -Country { 'FR' }"; Parameter = 'Country' }
        @{ Command = "Get-Partner -Region { 'West' }"; Parameter = 'Region' }
        @{ Command = "Get-PartnerRevenue -From { '2015-01-01' }"; Parameter = 'From' }
        @{ Command = "Measure-PartnerRevenue -Currency { 'EUR' }"; Parameter = 'Currency' }
        @{ Command = "Get-PartnerExchangeRate -To { 'USD' }"; Parameter = 'To' }
        @{ Command = "Add-PartnerRevenue -Partner { 'Acme' } -Date 2015-02-01 -Amount 1"; Parameter = 'Partner' }
        @{ Command = "Get-PartnerRevenue -Partner 'Other', { 'Acme' }"; Parameter = 'Partner' }
    ) {
        $before = Get-DatabaseState $db
        $errors = Get-CommandErrors ([scriptblock]::Create(($Command -replace '(\| )?(\S+-Partner\S*)', '$1$2 -Database $db')))

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Parameter'*A script block ({ '*' })*"
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'a script block without piped input is PowerShell''s error on <Parameter>, nothing stored' -ForEach @(
        @{ Parameter = 'NewName'; Run = { Set-Partner -Database $db -Name Acme -NewName { 'Z' } } }
        @{ Parameter = 'Name'; Run = { Add-Partner -Database $db -Name { 'Z' } } }
        @{ Parameter = 'Currency'; Run = { Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-02-01 -Amount 1 -Currency { 'EUR' } } }
    ) {
        $before = Get-DatabaseState $db
        $errors = Get-CommandErrors $Run
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ScriptBlockArgumentNoInput,*'
        $errors[0].Exception.Message | Should -BeLike "*'$Parameter'*"
        Get-DatabaseState $db | Should -BeExactly $before
    }
}
