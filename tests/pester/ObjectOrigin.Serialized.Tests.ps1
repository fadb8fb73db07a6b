# Issue 11, rule 5: serialized objects and exported rows work like live ones.
# Setup and fixtures: ObjectOrigin.Helpers.ps1 (cases: ObjectOrigin.Cases.ps1).
BeforeDiscovery { . (Join-Path $PSScriptRoot 'ObjectOrigin.Cases.ps1') }
BeforeAll { . (Join-Path $PSScriptRoot 'ObjectOrigin.Helpers.ps1') }
AfterAll { Undo-ObjectOriginSetup }

Describe 'Serialized objects and exported rows work like live ones' {
    It 'a job returns Deserialized.PartnerOps objects (the Job form is what it says)' {
        $fixture = Get-JobFixture Main
        @($fixture.Catalog.Partners + $fixture.Catalog.Revenue + $fixture.Catalog.History + $fixture.Catalog.Measures) |
            ForEach-Object { $_.PSObject.TypeNames[0] -replace '#.*$' } | Select-Object -Unique |
            Should -Be @('Deserialized.PartnerOps.Partner', 'Deserialized.PartnerOps.PartnerRevenue', 'Deserialized.PartnerOps.HistoryEntry', 'Deserialized.PartnerOps.RevenueMeasure')
        Format-Output $fixture.Catalog.Partners | Should -BeExactly 'partner 1 Alpha Silver; partner 2 Bravo Registered; partner 3 Charlie Platinum'
        Format-Output $fixture.Catalog.Measures | Should -BeExactly 'measure 1 100.00 USD; measure 1 300.00 USD; measure 1 10.00 USD'
    }

    It '<Cmdlet> with <Objects> gives the same result for live, Clixml, job, JSON and CSV objects' -ForEach $SerializedCases {
        $forms = 'Live', 'Clixml', 'Job', 'Json', 'Csv'
        $lines = foreach ($form in $forms) {
            $fixture = Get-FormFixture -Template $Template -Form $form -Pick $Pick
            $r = Invoke-Collecting { & $Run $fixture.Objects $fixture.Database }
            "${form} ($($fixture.Objects.Count)): errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] " +
            "from [$(Format-Origin $r.Output @{ $fixture.Database = 'fixture' })] changes [$(Get-Changes $fixture.Database $Template)]"
        }
        $lines | Should -Be @($forms | ForEach-Object { "$_ ($Picked): $Expected" })
    }

    It '<Cmdlet> gives PartnerNotFound for a stale Bravo of every form after Bravo was renamed and a new Bravo added, and changes neither' -ForEach $StalePartnerCases {
        $pick = { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Set-Partner -Database $database -Name 'Bravo' -NewName 'Bravo Old'
            Add-Partner -Database $database -Name 'Bravo'
        }
        $renamed = '-partner 2 Bravo Registered, +partner 2 Bravo Old Registered, +partner 4 Bravo Registered'
        Get-Changes $db Main | Should -BeExactly $renamed
        $newest = Get-NewestChange $db

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { & $Run $stale[$form] $target }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] changes [$(Get-Changes $target Main)] newest change $(Get-NewestChange $target)"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [PartnerNotFound] output [] changes [$renamed] newest change $newest" })
    }

    It 'Set-, Remove- and Get-Partner give PartnerNotFound for a stale Charlie of every form after Charlie was removed and Delta got its Id 3' {
        $pick = { param($c) $c.Partners | Where-Object Name -EQ 'Charlie' }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-Partner -Database $database -Name 'Charlie' -Force -Confirm:$false
            Add-Partner -Database $database -Name 'Delta' -Tier Gold
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            # Its dated status rows (schema 12) move with it: set aside, the id changed, put back (the same SQL on both backends).
            Invoke-RawSql -Database $database -Sql ("CREATE TEMP TABLE moved AS SELECT * FROM status_changes WHERE partner_id = (SELECT id FROM partners WHERE name = 'Delta'); " +
                "DELETE FROM status_changes WHERE partner_id = (SELECT id FROM partners WHERE name = 'Delta'); UPDATE partners SET id = 3 WHERE name = 'Delta'; " +
                "UPDATE moved SET partner_id = 3; INSERT INTO status_changes SELECT * FROM moved; DROP TABLE moved;")
        }
        $replaced = '-partner 3 Charlie Platinum, -revenue 2 Charlie#3 2016-04-01 300.00 USD, +partner 3 Delta Gold'
        Get-Changes $db Main | Should -BeExactly $replaced
        $newest = Get-NewestChange $db

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting {
                $stale[$form] | Set-Partner -Tier Platinum
                $stale[$form] | Remove-Partner -Force -Confirm:$false
                $stale[$form] | Get-Partner
            }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] changes [$(Get-Changes $target Main)] newest change $(Get-NewestChange $target)"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [PartnerNotFound, PartnerNotFound, PartnerNotFound] output [] changes [$replaced] newest change $newest" })
    }

    It 'Remove-PartnerRevenue gives RevenueNotFound for a stale record 3 of every form whose Id went to <Replacement>, and keeps that record' -ForEach $StaleRevenueCases {
        $pick = { param($c) $c.Revenue | Where-Object Id -EQ 3 }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-PartnerRevenue -Database $database -Id 3 -Confirm:$false
            & $Add $database
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            Invoke-RawSql -Database $database -Sql 'UPDATE revenue SET id = 3 WHERE id = (SELECT max(id) FROM revenue)'
        }
        $replaced = "-revenue 3 Alpha#1 2017-05-01 100.00 USD, +revenue $Line"
        Get-Changes $db Main | Should -BeExactly $replaced

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { $stale[$form] | Remove-PartnerRevenue -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $target Main)]"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [RevenueNotFound] changes [$replaced]" })
    }

    It 'Remove-PartnerTarget gives TargetNotFound for a stale target 2 of every form whose Id went to <Replacement>, and keeps that target' -ForEach $StaleTargetCases {
        $pick = { param($c) $c.Targets | Where-Object Id -EQ 2 }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-PartnerTarget -Database $database -Id 2 -Confirm:$false
            & $Set $database
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            Invoke-RawSql -Database $database -Sql 'UPDATE targets SET id = 2 WHERE id = (SELECT max(id) FROM targets)'
        }
        $replaced = "-target 2 PartnerRevenue 2016 1000, +target $Line"
        Get-Changes $db Main | Should -BeExactly $replaced

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { $stale[$form] | Remove-PartnerTarget -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $target Main)]"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [TargetNotFound] changes [$replaced]" })
    }

    It 'Remove-PartnerTarget removes a target 2 of every form whose value was changed since: metric, year and region still match' {
        $lines = foreach ($form in 'Live', 'Clixml', 'Job', 'Json', 'Csv') {
            $fixture = Get-FormFixture -Template Main -Form $form -Pick { param($c) $c.Targets | Where-Object Id -EQ 2 }
            Set-PartnerTarget -Database $fixture.Database -Metric PartnerRevenue -Year 2016 -Value 2000
            $r = Invoke-Collecting { $fixture.Objects | Remove-PartnerTarget -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $fixture.Database Main)]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Job', 'Json', 'Csv' | ForEach-Object { "${_}: errors [] changes [-target 2 PartnerRevenue 2016 1000]" })
    }

    It 'Add-PartnerRevenue books revenue for a Clixml or job partner in its own database when -Database is not given' {
        $lines = foreach ($form in 'Clixml', 'Job') {
            $fixture = Get-FormFixture -Template Main -Form $form -Pick { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
            $r = Invoke-Collecting { $fixture.Objects | Add-PartnerRevenue -Date 2017-06-01 -Amount 42 -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] from [$(Format-Origin $r.Output @{ $fixture.Database = 'fixture' })] changes [$(Get-Changes $fixture.Database Main)]"
        }
        $lines | Should -Be @('Clixml', 'Job' | ForEach-Object { "${_}: errors [] from [fixture] changes [+revenue 4 Bravo#2 2017-06-01 42.00 USD]" })
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Assert-DefaultDatabaseUnchanged
    }
}
