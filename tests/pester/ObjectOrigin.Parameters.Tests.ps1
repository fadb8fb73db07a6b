# Issue 11, rule 7: -InputObject takes arrays, and a partner object given as a parameter value belongs to its
# database. Setup and fixtures: ObjectOrigin.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'ObjectOrigin.Helpers.ps1') }
AfterAll { Undo-ObjectOriginSetup }

Describe '-InputObject takes arrays, item by item as the pipeline does' {
    It 'Set-Partner -InputObject @(Alpha, Charlie) changes both and not Bravo' {
        $db = New-Fixture Main
        Set-Partner -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie') -Tier Gold
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 3 Charlie Platinum, +partner 1 Alpha Gold, +partner 3 Charlie Gold'
    }

    It 'Set-Partner -InputObject @(direct revenue, Charlie''s revenue) refuses the first and changes Charlie' {
        $db = New-Fixture Main
        $r = Invoke-Collecting { Set-Partner -InputObject @(Get-PartnerRevenue -Database $db -Direct; Get-PartnerRevenue -Database $db -Year 2016) -Tier Gold }
        Format-ErrorIds $r.Errors | Should -BeExactly 'InputObjectInvalid'
        Get-Changes $db Main | Should -BeExactly '-partner 3 Charlie Platinum, +partner 3 Charlie Gold'
    }

    It 'Set-Partner -InputObject @(a partner of Main, a partner of Other) changes each in its own database' {
        $a = New-Fixture Main
        $b = New-Fixture Other
        Set-Partner -InputObject @(Get-Partner -Database $a -Name 'Alpha'; Get-Partner -Database $b -Name 'Zulu') -Tier Gold
        Get-Changes $a Main | Should -BeExactly '-partner 1 Alpha Silver, +partner 1 Alpha Gold'
        Get-Changes $b Other | Should -BeExactly '-partner 1 Zulu Registered, +partner 1 Zulu Gold'
    }

    It 'Set-Partner -InputObject takes an array of deserialized partners' {
        $db = New-Fixture Main
        $file = New-ScratchFile 'xml'
        Get-Partner -Database $db -Name 'Alpha', 'Bravo' | Export-Clixml -LiteralPath $file
        Set-Partner -InputObject (Import-Clixml -LiteralPath $file) -Tier Gold
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 2 Bravo Registered, +partner 1 Alpha Gold, +partner 2 Bravo Gold'
    }

    It 'Remove-Partner -InputObject @(Alpha, Bravo) removes both' {
        $db = New-Fixture Main
        Remove-Partner -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Bravo') -Force -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 2 Bravo Registered, -revenue 3 Alpha#1 2017-05-01 100.00 USD'
    }

    It 'Get-Partner -InputObject @(Charlie, Alpha) gets both, in that order' {
        $db = New-Fixture Main
        Format-Output (Get-Partner -InputObject @(Get-Partner -Database $db -Name 'Charlie'; Get-Partner -Database $db -Name 'Alpha')) |
            Should -BeExactly 'partner 3 Charlie Platinum; partner 1 Alpha Silver'
    }

    It 'Get-PartnerRevenue -InputObject @(Alpha, Charlie) gets the revenue of both' {
        $db = New-Fixture Main
        Format-Output (Get-PartnerRevenue -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')) |
            Should -BeExactly '3 Alpha#1 2017-05-01 100.00 USD; 2 Charlie#3 2016-04-01 300.00 USD'
    }

    It 'Get-PartnerHistory -InputObject @(Alpha, Charlie) gets the history of both' {
        $db = New-Fixture Main
        Format-Output (Get-PartnerHistory -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')) |
            Should -BeExactly 'history 6; history 2; history 5; history 4'
    }

    It 'Add-PartnerRevenue -InputObject @(Alpha, Charlie) books revenue for both' {
        $db = New-Fixture Main
        $partners = @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')
        $r = Invoke-Collecting { Add-PartnerRevenue -InputObject $partners -Date 2018-01-01 -Amount 5 -PassThru }
        Format-ErrorIds $r.Errors | Should -BeExactly ''
        Format-Output $r.Output | Should -BeExactly '4 Alpha#1 2018-01-01 5.00 USD; 5 Charlie#3 2018-01-01 5.00 USD'
        Get-Changes $db Main | Should -BeExactly '+revenue 4 Alpha#1 2018-01-01 5.00 USD, +revenue 5 Charlie#3 2018-01-01 5.00 USD'
    }

    It 'Remove-PartnerRevenue -InputObject @(record 2, record 3) removes both' {
        $db = New-Fixture Main
        Remove-PartnerRevenue -InputObject @(Get-PartnerRevenue -Database $db -Channel Partner) -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-revenue 2 Charlie#3 2016-04-01 300.00 USD, -revenue 3 Alpha#1 2017-05-01 100.00 USD'
    }

    It 'Remove-PartnerTarget -InputObject @(target 1, target 2) removes both' {
        $db = New-Fixture Main
        Remove-PartnerTarget -InputObject @(Get-PartnerTarget -Database $db) -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-target 1 PartnerCount 2016 3, -target 2 PartnerRevenue 2016 1000'
    }

    It 'Measure-PartnerRevenue -InputObject @(the records of the EUR database) measures them with its currency and rates' {
        $eur = New-Fixture Euro
        Format-Output (Measure-PartnerRevenue -InputObject @(Get-PartnerRevenue -Database $eur)) | Should -BeExactly 'measure 3 185.00 EUR'
    }
}

Describe 'A partner object given as a parameter value belongs to its database, as a piped one does' {
    It 'Add-PartnerRevenue -Partner with a partner of another database books the revenue in that database' {
        $a = New-Fixture Main
        $r = Invoke-Collecting { Add-PartnerRevenue -Partner (Get-Partner -Database $a -Name Bravo) -Date 2017-06-01 -Amount 42 }
        Format-ErrorIds $r.Errors | Should -BeExactly ''
        Get-Changes $a Main | Should -BeExactly '+revenue 4 Bravo#2 2017-06-01 42.00 USD'
        Get-Changes $script:DefaultDatabase Main | Should -BeExactly 'unchanged'
    }

    It 'Get-PartnerRevenue, Get-PartnerHistory and Measure-PartnerRevenue read the -Partner object''s own database, live and deserialized' {
        $a = New-Fixture Main
        $eur = New-Fixture Euro
        $charlie = Get-Partner -Database $a -Name Charlie
        $alpha = Get-Partner -Database $eur -Name Alpha
        $file = Join-Path (New-TestFolder) 'partners.xml'
        @($charlie, $alpha) | Export-Clixml -LiteralPath $file
        $deserialized = Import-Clixml -LiteralPath $file
        foreach ($pair in @(@($charlie, $alpha), $deserialized)) {
            Format-Output (Get-PartnerRevenue -Partner $pair[0]) | Should -BeExactly '2 Charlie#3 2016-04-01 300.00 USD'
            Format-Output (Get-PartnerHistory -Partner $pair[0]) | Should -BeExactly 'history 5; history 4'
            (Measure-PartnerRevenue -Partner $pair[1]).Total | Should -Be 125
            (Measure-PartnerRevenue -Partner $pair[1]).Currency | Should -BeExactly 'EUR'
            # Objects of two databases in one -Partner: each is read where it belongs.
            Format-Output (Get-PartnerRevenue -Partner $pair[0], $pair[1] -Year 2016) | Should -BeExactly '2 Charlie#3 2016-04-01 300.00 USD; 1 Alpha#1 2016-03-01 100.00 GBP'
        }
    }

    It 'with -Database naming another database, a -Partner object is matched there by its name' {
        $a = New-Fixture Main
        $other = New-Fixture Other
        Format-Output (Get-PartnerRevenue -Database $other -Partner (Get-Partner -Database $a -Name Alpha)) | Should -BeExactly '3 Alpha#3 2017-05-01 100.00 USD'
        $r = Invoke-Collecting { Get-PartnerRevenue -Database $other -Partner (Get-Partner -Database $a -Name Bravo) }
        Format-ErrorIds $r.Errors | Should -BeExactly 'PartnerNotFound'
        Format-Output $r.Output | Should -BeExactly ''
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Assert-DefaultDatabaseUnchanged
    }
}
