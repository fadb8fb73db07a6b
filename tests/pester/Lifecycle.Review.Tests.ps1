# Faults a review of issue 17 found, each as a kind, on both backends: a -Status that no partner of a day can have warns
# instead of answering nothing silently (Get-Partner -AsOf, Measure-Partner); a status-history period that ends before it
# begins is an error; Format-List of a partner shows its dated values.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Db = New-TestDatabase
    Add-Partner -Database $script:Db -Name 'Bravo' -Status Prospect -JoinedOn 2023-06-01
    Set-Partner -Database $script:Db -Name 'Bravo' -Status Active -EffectiveDate 2024-02-01
    Add-Partner -Database $script:Db -Name 'Charlie' -JoinedOn 2022-01-01 -Status Terminated -EndedOn 2024-07-15 -EndReason 'Ceased trading'
}

AfterAll {
    Remove-TestFolders
}

Describe 'A status no partner of a day has' {
    It 'Get-Partner -Status <Status> -AsOf warns that it matches nothing as of a day' -ForEach @(
        @{ Status = 'Prospect' }, @{ Status = 'Terminated' }, @{ Status = 'Prospect', 'Terminated' }
    ) {
        $found = @(Get-Partner -Database $script:Db -Status $Status -AsOf 2024-01-15 -WarningVariable warnings -WarningAction SilentlyContinue)
        $found.Count | Should -Be 0
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "-Status $($Status -join ', ') matches nothing as of a day: *Measure-PartnerFunnel*"
    }

    It 'Get-Partner -Status Prospect without -AsOf lists the current prospects, without a warning' {
        $null = Add-Partner -Database $script:Db -Name 'Delta' -Status Prospect -JoinedOn 2024-01-01
        @(Get-Partner -Database $script:Db -Status Prospect -WarningVariable warnings).Name | Should -Be @('Delta')
        $warnings.Count | Should -Be 0
        Remove-Partner -Database $script:Db -Name 'Delta' -Confirm:$false
    }

    It 'Get-Partner -Status Active, Prospect -AsOf warns of Prospect alone and lists the Active' {
        @(Get-Partner -Database $script:Db -Status Active, Prospect -AsOf 2024-03-01 -WarningVariable warnings -WarningAction SilentlyContinue).Name | Should -Be @('Bravo', 'Charlie')
        "$($warnings[0])" | Should -BeLike '-Status Prospect matches nothing as of a day:*'
    }

    It 'Measure-Partner -Status Terminated warns the same way' {
        $null = Measure-Partner -Database $script:Db -Status Terminated -AsOf 2024-03-01 -WarningVariable warnings -WarningAction SilentlyContinue
        "$($warnings[0])" | Should -BeLike '-Status Terminated matches nothing as of a day:*'
    }
}

Describe 'Get-PartnerStatusHistory with a period that ends before it begins' {
    It 'is InvalidPartnerValue naming both days: -From <From> -To <To>' -ForEach @(
        @{ From = '2024-12-01'; To = '2024-01-01' }, @{ From = '2024-01-02'; To = '2024-01-01' }
    ) {
        { Get-PartnerStatusHistory -Database $script:Db -From $From -To $To -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPartnerValue,PartnerOps.Commands.GetPartnerStatusHistoryCommand' -ExpectedMessage "-From $From is after -To ${To}:*"
    }

    It 'a one-day period is fine' {
        @(Get-PartnerStatusHistory -Database $script:Db -From 2024-02-01 -To 2024-02-01).Count | Should -Be 1
    }
}

Describe 'Format-List of a partner' {
    It 'shows StatusSince, TierSince, EndReason and ActivatedOn as days' {
        $text = Get-Partner -Database $script:Db -Name 'Charlie' | Format-List | Out-String
        $text | Should -Match 'StatusSince\s+: 2024-07-15'
        $text | Should -Match 'TierSince\s+: 2022-01-01'
        $text | Should -Match 'EndReason\s+: Ceased trading'
        $text | Should -Match 'ActivatedOn\s+: *\r?\n'
    }
}
