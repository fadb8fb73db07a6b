# Issue 11, rule 6: records from another database are refused; partners are matched there by name.
# Setup and fixtures: ObjectOrigin.Helpers.ps1 (cases: ObjectOrigin.Cases.ps1).
BeforeDiscovery { . (Join-Path $PSScriptRoot 'ObjectOrigin.Cases.ps1') }
BeforeAll { . (Join-Path $PSScriptRoot 'ObjectOrigin.Helpers.ps1') }
AfterAll { Undo-ObjectOriginSetup }

Describe 'Objects of another database' {
    It '<Cmdlet> -Database naming Other matches live, Clixml and CSV partners there by name, gives PartnerNotFound for the one not there, and goes on' -ForEach $OtherPartnerCases {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(Get-Partner -Database $a) $form)
            $r = Invoke-Collecting { & $Run $in $b }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] from [$(Format-Origin $r.Output @{ $a = 'a'; $b = 'b' })] " +
            "b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Csv' | ForEach-Object { "${_}: $Expected" })
    }

    It '<Cmdlet> -Database naming Other refuses <Records> of every form with ObjectFromOtherDatabase (InvalidArgument), writes nothing for them and goes on' -ForEach $OtherRecordCases {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(& $Pick (Get-Catalog $a)) $form) + @(& $Own (Get-Catalog $b))
            $r = Invoke-Collecting { & $Run $in $b }
            $categories = @($r.Errors | ForEach-Object { "$($_.CategoryInfo.Category)" } | Select-Object -Unique) -join ', '
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)] categories [$categories]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object { "${_}: $Expected categories [InvalidArgument]" })
    }

    It 'Measure-PartnerRevenue without -Database measures in the first piped record''s database and refuses the records of another' {
        $a = New-Fixture Main
        $eur = New-Fixture Euro
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $eur) $form) + @(ConvertTo-Form @(Get-PartnerRevenue -Database $a -Partner Charlie) $form)
            $r = Invoke-Collecting { $in | Measure-PartnerRevenue }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] from [$(Format-Origin $r.Output @{ $a = 'main'; $eur = 'eur' })]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object { "${_}: errors [ObjectFromOtherDatabase] output [measure 3 185.00 EUR] from [eur]" })
        Get-Changes $a Main | Should -BeExactly 'unchanged'
        Get-Changes $eur Euro | Should -BeExactly 'unchanged'
    }

    It 'Add-PartnerRevenue -Database naming Other copies Main''s revenue records of every form, matching their partners there by name' {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $a) $form)
            $r = Invoke-Collecting { $in | Add-PartnerRevenue -Database $b -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)]"
        }
        # Charlie is 3 in Main and 2 in Other, where 3 is Alpha.
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object {
                "${_}: errors [] output [4 direct 2015-03-01 10.00 USD; 5 Charlie#2 2016-04-01 300.00 USD; 6 Alpha#3 2017-05-01 100.00 USD] " +
                'b [+revenue 4 direct 2015-03-01 10.00 USD, +revenue 5 Charlie#2 2016-04-01 300.00 USD, +revenue 6 Alpha#3 2017-05-01 100.00 USD] a [unchanged]'
            })
    }

    It 'Add-PartnerRevenue -Database naming Main copies Other''s revenue records of every form and gives PartnerNotFound for Zulu''s' {
        $b = New-Fixture Other
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $a = New-Fixture Main
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $b) $form)
            $r = Invoke-Collecting { $in | Add-PartnerRevenue -Database $a -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] a [$(Get-Changes $a Main)] b [$(Get-Changes $b Other)]"
        }
        # Alpha is 3 in Other and 1 in Main.
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object {
                "${_}: errors [PartnerNotFound] output [4 direct 2015-03-01 10.00 USD; 5 Alpha#1 2017-05-01 100.00 USD] a [+revenue 4 direct 2015-03-01 10.00 USD, +revenue 5 Alpha#1 2017-05-01 100.00 USD] b [unchanged]"
            })
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Assert-DefaultDatabaseUnchanged
    }
}
