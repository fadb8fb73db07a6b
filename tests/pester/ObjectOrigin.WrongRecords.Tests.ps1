# What a new user found, each a kind of wrong record; and, last, that nothing of this file's was written to the
# default database. Setup and fixtures: ObjectOrigin.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'ObjectOrigin.Helpers.ps1') }
AfterAll { Undo-ObjectOriginSetup }

Describe 'What a new user found, each a kind of wrong record' {
    It 'a removed partner''s id is never given again: its history stays its own, and its stale objects change and remove nobody' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Keep Me'
        Add-Partner -Database $db -Name 'Old Partner [2014]'
        $before = @(Get-PartnerHistory -Database $db -Partner 'Old Partner `[2014`]')
        $before[0].PartnerName | Should -BeExactly 'Old Partner [2014]'
        $object = Get-Partner -Database $db -Name 'Old Partner `[2014`]'
        Remove-Partner -Database $db -Name 'Old Partner [2014]' -Force -Confirm:$false
        (Add-Partner -Database $db -Name 'Brand New Partner' -PassThru).Id | Should -Be 3 -Because 'Id 2 stays the removed partner''s'
        @(Get-PartnerHistory -Database $db -Partner 'Brand New Partner').Operation | Should -Be @('Insert') -Because 'the old partner''s history is not the new one''s'
        $after = @(Get-PartnerHistory -Database $db -Partner 2)
        @($after.Operation) | Should -Be @('Delete', 'Insert')
        @($after.PartnerName | Where-Object { $_ }) | Should -HaveCount 0 -Because 'read after the removal, the entries name no partner'

        $r = Invoke-Collecting { $before | Set-Partner -Notes 'touched'; $object | Set-Partner -Notes 'touched' }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('PartnerNotFound', 'PartnerNotFound')
        $r = Invoke-Collecting { $after | Remove-Partner -Force -Confirm:$false }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('InputObjectInvalid', 'InputObjectInvalid')
        (Get-Partner -Database $db -Name 'Brand New Partner').Notes | Should -BeNullOrEmpty
        (Get-Partner -Database $db).Name | Should -Be @('Brand New Partner', 'Keep Me')
    }

    It 'a removed revenue record''s or target''s id is never given again: typed ids stay their record''s' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme'
        $first = Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-01-01 -Amount 1 -PassThru
        Remove-PartnerRevenue -Database $db -Id $first.Id -Confirm:$false
        (Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-02-01 -Amount 2 -PassThru).Id | Should -BeGreaterThan $first.Id
        $target = Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 3 -PassThru
        Remove-PartnerTarget -Database $db -Id $target.Id -Confirm:$false
        (Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Value 4 -PassThru).Id | Should -BeGreaterThan $target.Id
        $r = Invoke-Collecting { Remove-PartnerRevenue -Database $db -Id $first.Id -Confirm:$false }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('RevenueNotFound')
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 1
    }

    It 'Measure-PartnerRevenue refuses a partner of another database than the one it measures, unless -Database says where to measure' {
        $a = New-TestDatabase 'a.db'
        $b = New-TestDatabase 'b.db'
        'Contoso', 'Northwind' | ForEach-Object { Add-Partner -Database $a -Name $_ }
        Add-Partner -Database $b -Name 'Northwind'
        Add-PartnerRevenue -Database $a -Partner Northwind -Date 2015-01-01 -Amount 999999
        Add-PartnerRevenue -Database $a -Partner Contoso -Date 2015-01-01 -Amount 7
        Add-PartnerRevenue -Database $b -Partner Northwind -Date 2015-01-01 -Amount 5
        $pair = @(Get-Partner -Database $a -Name Contoso) + @(Get-Partner -Database $b -Name Northwind)
        $r = Invoke-Collecting { $pair | Measure-PartnerRevenue -GroupBy Partner }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('ObjectFromOtherDatabase')
        @($r.Output | ForEach-Object { '{0} {1}' -f $_.Partner, $_.Total }) | Should -Be @('Contoso 7.00') -Because "a.db's Northwind is not b.db's"
        @($pair | Measure-PartnerRevenue -Database $b -GroupBy Partner -ErrorAction SilentlyContinue | ForEach-Object { '{0} {1}' -f $_.Partner, $_.Total }) |
            Should -Be @('Northwind 5.00') -Because '-Database b.db measures there, matching Contoso by name (not there) and Northwind'
        @([pscustomobject]@{ PartnerName = 'Contoso' } | Measure-PartnerRevenue -Database $a | ForEach-Object Total) | Should -Be @(7) -Because 'a row naming a partner restricts the measure too'
    }

    It 'a partner object given to -Name is refused, saying to pipe it, instead of being read as its name in the default database' {
        $a = New-TestDatabase 'a.db'
        $d = New-TestDatabase 'd.db'
        'Acme [EU]', 'Acme E' | ForEach-Object { Add-Partner -Database $a -Name $_; Add-Partner -Database $d -Name $_ }
        $p = Get-Partner -Database $a -Name 'Acme `[EU`]'
        { Get-Partner -Database $d -Name $p } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Name takes names*pipe the object*'
        { Set-Partner -Database $d -Name $p -Tier Gold } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Name takes names*'
        { Remove-Partner -Database $d -Name @('Acme E', $p) -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        @(Get-Partner -Database $d | ForEach-Object { '{0} {1}' -f $_.Name, $_.Tier }) | Should -Be @('Acme [EU] Registered', 'Acme E Registered') # by key: '[' before 'e
    }

    It 'an object whose database was moved away fails alone: nothing is created at its old path, and objects of other databases are still worked on' {
        $folder = New-TestFolder
        $gone = Join-Path $folder 'gone.db'
        $kept = Join-Path $folder 'kept.db'
        Add-Partner -Database $gone -Name 'Fabrikam'
        Add-Partner -Database $kept -Name 'Contoso'
        $items = @(Get-Partner -Database $gone) + @(Get-Partner -Database $kept)
        Close-PooledConnections
        Move-Item -LiteralPath $gone -Destination (Join-Path $folder 'archive.db')
        Remove-Item -LiteralPath "$gone-wal", "$gone-shm" -ErrorAction SilentlyContinue
        foreach ($run in @(
                { $items | Add-PartnerRevenue -Date 2015-01-01 -Amount 10 },
                { $items | Set-Partner -Tier Gold },
                { $items | Add-Partner })) {
            $r = Invoke-Collecting $run
            @($r.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'DatabaseNotFound,*' }).Count | Should -Be 1
            Test-Path -LiteralPath $gone | Should -BeFalse -Because 'a database an object came from is never created again'
        }
        (Get-PartnerDatabase -Database $kept).RevenueCount | Should -Be 1
        (Get-Partner -Database $kept -Name Contoso).Tier | Should -Be 'Gold'
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Assert-DefaultDatabaseUnchanged
    }
}
