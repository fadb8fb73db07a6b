BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-ThreePartnerDatabase {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @(
            @{ Name = 'Alpha'; Tier = 'Silver'; Region = 'China'; Country = 'CN'; JoinedOn = '2014-01-01'; Notes = 'first' }
            @{ Name = 'Beta'; Tier = 'Registered'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2015-01-01' }
            @{ Name = 'Gamma'; Tier = 'Platinum'; JoinedOn = '2016-01-01' }
        )
        $db
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Set-Partner' {
    It 'changes every partner that Get-Partner pipes to it' {
        $db = New-ThreePartnerDatabase
        Get-Partner -Database $db | Set-Partner -Database $db -Tier Gold
        (Get-Partner -Database $db).Tier | Should -Be @('Gold', 'Gold', 'Gold')
    }

    It 'changes only the properties it is given' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -Name 'Alpha' -Status Suspended
        $p = Get-Partner -Database $db -Name 'Alpha'
        $p.Status | Should -Be ([PartnerOps.PartnerStatus]::Suspended)
        $p.Tier | Should -Be ([PartnerOps.PartnerTier]::Silver)
        $p.Region | Should -BeExactly 'China'
        $p.Country | Should -BeExactly 'CN'
        $p.Notes | Should -BeExactly 'first'
        $p.JoinedOn | Should -Be ([datetime]'2014-01-01')
    }

    It 'finds the partner by name case-insensitively' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -Name 'bEtA' -Region 'Eastern Europe'
        (Get-Partner -Database $db -Name 'Beta').Region | Should -BeExactly 'Eastern Europe'
    }

    It 'finds the partner by -Id' {
        $db = New-ThreePartnerDatabase
        $gamma = Get-Partner -Database $db -Name 'Gamma'
        Set-Partner -Database $db -Id $gamma.Id -Country 'fr'
        (Get-Partner -Database $db -Name 'Gamma').Country | Should -BeExactly 'FR'
    }

    It 'renames with -NewName and keeps the Id' {
        $db = New-ThreePartnerDatabase
        $before = Get-Partner -Database $db -Name 'Alpha'
        Set-Partner -Database $db -Name 'Alpha' -NewName 'Alpha Holdings'
        $after = Get-Partner -Database $db -Name 'Alpha Holdings'
        $after.Id | Should -Be $before.Id
        Get-Partner -Database $db -Name 'Alpha' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a -NewName that another partner has, ignoring case, with PartnerAlreadyExists' {
        $db = New-ThreePartnerDatabase
        $err = $null
        Set-Partner -Database $db -Name 'Alpha' -NewName 'BETA' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerAlreadyExists,*'
        (Get-Partner -Database $db).Name | Should -Be @('Alpha', 'Beta', 'Gamma')
    }

    It 'sets EndedOn to today with -Status Terminated' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -Name 'Beta' -Status Terminated
        $p = Get-Partner -Database $db -Name 'Beta'
        $p.Status | Should -Be ([PartnerOps.PartnerStatus]::Terminated)
        $p.EndedOn | Should -Be (Get-Date).Date
    }

    It 'takes an explicit -EndedOn with -Status Terminated' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -Name 'Beta' -Status Terminated -EndedOn '2016-06-30'
        (Get-Partner -Database $db -Name 'Beta').EndedOn | Should -Be ([datetime]'2016-06-30')
    }

    It 'outputs nothing without -PassThru' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -Name 'Alpha' -Tier Gold | Should -BeNullOrEmpty
    }

    It 'outputs the changed PartnerOps.Partner with -PassThru' {
        $db = New-ThreePartnerDatabase
        $out = @(Set-Partner -Database $db -Name 'Alpha' -Tier Gold -PassThru)
        $out.Count | Should -Be 1
        $out[0] | Should -BeOfType ([PartnerOps.Partner])
        $out[0].PSObject.TypeNames[0] | Should -Be 'PartnerOps.Partner'
        $out[0].Name | Should -Be 'Alpha'
        $out[0].Tier | Should -Be ([PartnerOps.PartnerTier]::Gold)
    }

    It 'writes a non-terminating PartnerNotFound for an unknown name and still processes the next piped item' {
        $db = New-ThreePartnerDatabase
        $err = $null
        $items = [pscustomobject]@{ Name = 'Nobody' }, [pscustomobject]@{ Name = 'Beta' }
        $items | Set-Partner -Database $db -Tier Platinum -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $err[0].TargetObject.Name | Should -BeExactly 'Nobody' -Because 'the error targets the piped item'
        (Get-Partner -Database $db -Name 'Beta').Tier | Should -Be ([PartnerOps.PartnerTier]::Platinum)
    }

    It 'does not take wildcards in -Name' {
        $db = New-ThreePartnerDatabase
        $err = $null
        Set-Partner -Database $db -Name 'A*' -Tier Gold -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        (Get-Partner -Database $db -Name 'Alpha').Tier | Should -Be ([PartnerOps.PartnerTier]::Silver)
    }

    It 'changes nothing with -WhatIf' {
        $db = New-ThreePartnerDatabase
        Get-Partner -Database $db | Set-Partner -Database $db -Tier Gold -NewName 'Same' -WhatIf
        $after = Get-Partner -Database $db
        $after.Name | Should -Be @('Alpha', 'Beta', 'Gamma')
        $after.Tier | Should -Be @('Silver', 'Registered', 'Platinum')
    }
}

Describe 'Remove-Partner' {
    It 'has ConfirmImpact High' {
        $attribute = (Get-Command Remove-Partner).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)
        $attribute.ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::High)
    }

    It 'removes the named partner with -Confirm:$false' {
        $db = New-ThreePartnerDatabase
        Remove-Partner -Database $db -Name 'beta' -Confirm:$false
        (Get-Partner -Database $db).Name | Should -Be @('Alpha', 'Gamma')
    }

    It 'removes every partner Get-Partner pipes to it' {
        $db = New-ThreePartnerDatabase
        Get-Partner -Database $db -Name '*a' | Remove-Partner -Database $db -Confirm:$false
        Get-Partner -Database $db | Should -BeNullOrEmpty
    }

    It 'removes by -Id' {
        $db = New-ThreePartnerDatabase
        $alpha = Get-Partner -Database $db -Name 'Alpha'
        Remove-Partner -Database $db -Id $alpha.Id -Confirm:$false
        (Get-Partner -Database $db).Name | Should -Be @('Beta', 'Gamma')
    }

    It 'changes nothing with -WhatIf' {
        $db = New-ThreePartnerDatabase
        Get-Partner -Database $db | Remove-Partner -Database $db -WhatIf
        Remove-Partner -Database $db -Name 'Alpha' -WhatIf
        (Get-Partner -Database $db).Name | Should -Be @('Alpha', 'Beta', 'Gamma')
    }

    It 'writes a non-terminating PartnerNotFound for an unknown name and still removes the next piped item' {
        $db = New-ThreePartnerDatabase
        $err = $null
        [pscustomobject]@{ Name = 'Nobody' }, [pscustomobject]@{ Name = 'Gamma' } |
            Remove-Partner -Database $db -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].TargetObject.Name | Should -BeExactly 'Nobody' -Because 'the error targets the piped item'
        (Get-Partner -Database $db).Name | Should -Be @('Alpha', 'Beta')
    }

    It 'stops with DatabaseNotFound on a missing database and does not create it' {
        $db = New-TestDatabasePath
        { Remove-Partner -Database $db -Name 'Alpha' -Confirm:$false } | Should -Throw -ErrorId 'DatabaseNotFound,*'
        Test-TestDatabase $db | Should -BeFalse
    }
}

Describe 'Remove-Partner in an unattended, non-interactive session' {
    BeforeAll {
        $db = New-ThreePartnerDatabase
        $result = Invoke-ChildPwshJson -ImportModule -Command @"
`$db = $(ConvertTo-PSLiteral $db)
# Without -Confirm:`$false a High-impact removal would prompt, which -NonInteractive turns into an error.
`$prompted = `$null
Remove-Partner -Database `$db -Name 'Alpha' -ErrorVariable prompted -ErrorAction SilentlyContinue
`$afterDefault = @((Get-Partner -Database `$db).Name)
`$ConfirmPreference = 'None'
`$errors = `$null
Remove-Partner -Database `$db -Name 'Beta' -ErrorVariable errors
@{ PromptErrors = @(`$prompted).Count; AfterDefault = `$afterDefault; Errors = @(`$errors).Count; Remaining = @((Get-Partner -Database `$db).Name) }
"@
    }

    It 'does not remove without confirmation under the default $ConfirmPreference' {
        $result.PromptErrors | Should -BeGreaterThan 0
        $result.AfterDefault | Should -Be @('Alpha', 'Beta', 'Gamma')
    }

    It 'removes without prompting when $ConfirmPreference is None' {
        $result.Errors | Should -Be 0
        $result.Remaining | Should -Be @('Alpha', 'Gamma')
    }
}
