# One value per parameter: a one-element list binds as its element; a piped property or an argument that is
# not one value is refused. The setup is PipelineBinding.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'PipelineBinding.Helpers.ps1') }
AfterAll { Remove-TestFolders }

Describe 'A one-element list binds as its element' {
    It 'the issue''s example: ConvertFrom-Json ["EUR"] and ["PO-1"] store 100.00 EUR with reference PO-1 in <_>' -ForEach @('en-US', 'en-GB', 'de-DE', 'fr-FR') {
        $saved = Get-TestCulture
        try {
            [System.Globalization.CultureInfo]::CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo($_)
            $db = New-TestDatabase
            Add-Partner -Database $db -Name 'X'
            '{"PartnerName":"X","Date":"2015-04-01","Amount":"100","Currency":["EUR"],"Reference":["PO-1"]}' | ConvertFrom-Json |
                Add-PartnerRevenue -Database $db

            $stored = @(Get-PartnerRevenue -Database $db)
            $stored.Count | Should -Be 1
            # By hand: "100" is one hundred; the currency and reference are the single elements of the JSON arrays.
            $stored[0].Amount | Should -Be 100.00
            $stored[0].Currency | Should -BeExactly 'EUR'
            $stored[0].Reference | Should -BeExactly 'PO-1'
            $stored[0].Date | Should -Be ([datetime]'2015-04-01')
            $stored[0].PartnerName | Should -BeExactly 'X'
        }
        finally {
            [System.Globalization.CultureInfo]::CurrentCulture = $saved
        }
    }

    It 'Add-Partner takes every text, enum and date property as a one-element JSON array' {
        $db = New-TestDatabase
        '[{"Name":["Solo"],"Type":["Distributor"],"Tier":["Gold"],"Status":["Onboarding"],"Region":["North East"],"Country":["de"],"JoinedOn":["2014-03-01"],"Notes":["a note"]}]' |
            ConvertFrom-Json | Add-Partner -Database $db

        $p = Get-Partner -Database $db -Name 'Solo'
        "$($p.Type) $($p.Tier) $($p.Status)" | Should -BeExactly 'Distributor Gold Onboarding'
        $p.Region | Should -BeExactly 'North East'
        $p.Country | Should -BeExactly 'DE'
        $p.JoinedOn | Should -Be ([datetime]'2014-03-01')
        $p.Notes | Should -BeExactly 'a note'
    }

    It 'Set-PartnerExchangeRate and Set-PartnerTarget take one-element arrays for text, year, number and enum' {
        $db = New-TestDatabasePath
        '{"From":["EUR"],"To":["USD"],"Year":[2015],"Rate":["1.105"]}' | ConvertFrom-Json | Set-PartnerExchangeRate -Database $db
        '{"Metric":["PartnerRevenue"],"Year":["2016"],"Region":["West"],"Value":[2500.5],"Currency":["EUR"]}' | ConvertFrom-Json | Set-PartnerTarget -Database $db

        $rate = @(Get-PartnerExchangeRate -Database $db)
        $rate.Count | Should -Be 1
        "$($rate[0].From)>$($rate[0].To) $($rate[0].Year) $($rate[0].Rate)" | Should -BeExactly 'EUR>USD 2015 1.105'
        $target = @(Get-PartnerTarget -Database $db)
        $target.Count | Should -Be 1
        "$($target[0].Metric) $($target[0].Year) $($target[0].Region) $($target[0].Currency)" | Should -BeExactly 'PartnerRevenue 2016 West EUR'
        $target[0].Value | Should -Be 2500.5
    }

    It 'a one-element array given as an argument is its element' {
        $db = New-TestDatabasePath
        Add-Partner -Database $db -Name @('Solo') -Region @('EMEA') -Notes @('n')
        Add-PartnerRevenue -Database $db -Partner 'Solo' -Date 2015-01-01 -Amount 7 -Currency @('GBP') -Reference @('R-7')
        $p = Get-Partner -Database $db -Name 'Solo'
        "$($p.Name)|$($p.Region)|$($p.Notes)" | Should -BeExactly 'Solo|EMEA|n'
        $r = Get-PartnerRevenue -Database $db
        "$($r.Amount) $($r.Currency) $($r.Reference)" | Should -BeExactly '7.00 GBP R-7'
    }
}

Describe 'A piped property that is not one value fails its item alone' {
    BeforeAll {
        $script:n = 0
        $script:NE = @{ code = 'NE' }
        $script:Obj = [pscustomobject]@{ code = 'NE' }
    }

    # Each case: a good item, the bad one (one property replaced), another good item. The bad one gives one
    # ParameterArgumentTransformationError naming the parameter and showing the value, targeted at the item; both
    # good items are stored as given; nothing of the bad one is.
    It '<Cmdlet> -<Property> given <Case>' -ForEach @(
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Currency'; Case = 'two values'; Value = @('EUR', 'USD'); Shown = "2 values ('EUR', 'USD')" }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Reference'; Case = 'an empty array'; Value = @(); Shown = 'An empty list' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Region'; Case = 'a hashtable'; Value = @{ code = 'NE' }; Shown = 'A hashtable (@{code=NE})' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Segment'; Case = 'a [pscustomobject]'; Value = [pscustomobject]@{ s = 'Cloud' }; Shown = 'An object (@{s=Cloud})' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Date'; Case = 'two dates'; Value = @('2015-01-01', '2015-02-01'); Shown = "2 values ('2015-01-01', '2015-02-01')" }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Amount'; Case = 'two amounts'; Value = @(1, 2); Shown = '2 values (1, 2)' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Reference'; Case = 'a script block'; Value = { 'R-9' }; Shown = "A script block ({ 'R-9' })" }
        @{ Cmdlet = 'Add-Partner'; Property = 'Name'; Case = 'two names'; Value = @('Bad A', 'Bad B'); Shown = "2 values ('Bad A', 'Bad B')" }
        @{ Cmdlet = 'Add-Partner'; Property = 'Region'; Case = 'a hashtable'; Value = @{ code = 'NE' }; Shown = 'A hashtable (@{code=NE})' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Region'; Case = 'a nested object'; Value = [pscustomobject]@{ code = 'NE' }; Shown = 'An object (@{code=NE})' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Country'; Case = 'an empty array'; Value = @(); Shown = 'An empty list' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Notes'; Case = 'a script block'; Value = { 'note' }; Shown = "A script block ({ 'note' })" }
        @{ Cmdlet = 'Add-Partner'; Property = 'Notes'; Case = 'a folder (Get-Item)'; Value = (Get-Item ([IO.Path]::GetTempPath())); Shown = 'An object of type System.IO.DirectoryInfo (' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Type'; Case = 'two types'; Value = @('Reseller', 'Distributor'); Shown = "2 values ('Reseller', 'Distributor')" }
        @{ Cmdlet = 'Add-Partner'; Property = 'Tier'; Case = 'a hashtable'; Value = @{ t = 'Gold' }; Shown = 'A hashtable (@{t=Gold})' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Status'; Case = 'a [pscustomobject]'; Value = [pscustomobject]@{ s = 'Active' }; Shown = 'An object (@{s=Active})' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = 'an empty array'; Value = @(); Shown = 'An empty list' }
        @{ Cmdlet = 'Add-Partner'; Property = 'EndedOn'; Case = 'two dates'; Value = @('2015-01-01', '2016-01-01'); Shown = "2 values ('2015-01-01', '2016-01-01')" }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'From'; Case = 'two currencies'; Value = @('GBP', 'CHF'); Shown = "2 values ('GBP', 'CHF')" }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'To'; Case = 'a hashtable'; Value = @{ c = 'USD' }; Shown = 'A hashtable (@{c=USD})' }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'Year'; Case = 'two years'; Value = @(2015, 2016); Shown = '2 values (2015, 2016)' }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'Rate'; Case = 'an empty array'; Value = @(); Shown = 'An empty list' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Metric'; Case = 'two metrics'; Value = @('PartnerCount', 'PartnerRevenue'); Shown = "2 values ('PartnerCount', 'PartnerRevenue')" }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Year'; Case = 'a hashtable'; Value = @{ y = 2016 }; Shown = 'A hashtable (@{y=2016})' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Region'; Case = 'two regions'; Value = @('West', 'East'); Shown = "2 values ('West', 'East')" }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Value'; Case = 'an empty array'; Value = @(); Shown = 'An empty list' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Currency'; Case = 'a [pscustomobject]'; Value = [pscustomobject]@{ c = 'EUR' }; Shown = 'An object (@{c=EUR})' }
    ) {
        $db = New-SeededDatabase
        $good = switch ($Cmdlet) {
            'Add-Partner' { { param($i) [ordered]@{ Name = "Good $i"; Region = 'South'; Country = 'FR'; Type = 'Reseller'; Tier = 'Silver'; JoinedOn = '2015-06-01' } } }
            'Add-PartnerRevenue' { { param($i) [ordered]@{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '10.50'; Currency = 'EUR'; Segment = 'Cloud'; Region = 'West'; Reference = "G-$i" } } }
            'Set-PartnerExchangeRate' { { param($i) [ordered]@{ From = 'EUR'; To = 'USD'; Year = "$(2000 + $i)"; Rate = '1.1' } } }
            'Set-PartnerTarget' { { param($i) [ordered]@{ Metric = 'PartnerCount'; Year = "$(2000 + $i)"; Region = 'West'; Value = '5'; Currency = $null } } }
        }
        $bad = & $good 9
        $bad[$Property] = $Value
        $items = @([pscustomobject](& $good 1), [pscustomobject]$bad, [pscustomobject](& $good 2))

        $errors = Get-CommandErrors { $items | & $Cmdlet -Database $db }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Property'*$([WildcardPattern]::Escape($Shown))*"
        [object]::ReferenceEquals($errors[0].TargetObject.PSObject.BaseObject, $items[1].PSObject.BaseObject) | Should -BeTrue -Because 'the piped item is the target'
        switch ($Cmdlet) {
            'Add-Partner' {
                # Acme and Other were there; Good 1 and Good 2 are added exactly as given, nothing else.
                (Get-Partner -Database $db | Sort-Object Id | ForEach-Object { "$($_.Name)|$($_.Region)|$($_.Country)|$($_.Type)|$($_.Tier)|$($_.JoinedOn.ToString('yyyy-MM-dd'))" }) -join ';' |
                    Should -BeExactly ('Acme|West|DE|Other|Registered|2014-01-01;Other|East|GB|Other|Registered|2014-01-01;' +
                        'Good 1|South|FR|Reseller|Silver|2015-06-01;Good 2|South|FR|Reseller|Silver|2015-06-01')
            }
            'Add-PartnerRevenue' {
                # R-1 was booked without currency, segment or region: the database's USD, Enterprise, Acme's West.
                (Get-PartnerRevenue -Database $db | Sort-Object Id | ForEach-Object { "$($_.Reference)|$($_.Amount)|$($_.Currency)|$($_.Segment)|$($_.Region)|$($_.Date.ToString('yyyy-MM-dd'))" }) -join ';' |
                    Should -BeExactly 'R-1|100.00|USD|Enterprise|West|2015-01-01;G-1|10.50|EUR|Cloud|West|2015-03-01;G-2|10.50|EUR|Cloud|West|2015-03-01'
            }
            'Set-PartnerExchangeRate' {
                (Get-PartnerExchangeRate -Database $db | Sort-Object Year | ForEach-Object { "$($_.From)>$($_.To) $($_.Year) $($_.Rate)" }) -join ';' |
                    Should -BeExactly 'EUR>USD 2001 1.1;EUR>USD 2002 1.1'
            }
            'Set-PartnerTarget' {
                (Get-PartnerTarget -Database $db | Sort-Object Year | ForEach-Object { "$($_.Metric) $($_.Region) $($_.Year) $($_.Value)" }) -join ';' |
                    Should -BeExactly 'PartnerCount West 2001 5;PartnerCount West 2002 5'
            }
        }
    }

    It 'a piped row naming its partner by a hashtable or a list fails with InputObjectInvalid naming the property' -ForEach @(
        @{ Cmdlet = 'Set-Partner'; Row = [pscustomobject]@{ Name = @{ n = 'Acme' } }; Shown = 'The Name of the piped object is a hashtable (@{n=Acme})' }
        @{ Cmdlet = 'Remove-Partner'; Row = [pscustomobject]@{ PartnerName = [pscustomobject]@{ n = 'Acme' } }; Shown = 'The PartnerName of the piped object is an object (@{n=Acme})' }
        @{ Cmdlet = 'Get-Partner'; Row = [pscustomobject]@{ Name = @('Acme', 'Other') }; Shown = "The Name of the piped object holds 2 values ('Acme', 'Other')" }
        @{ Cmdlet = 'Add-PartnerRevenue'; Row = [pscustomobject]@{ PartnerName = @{ n = 'Acme' }; Date = '2015-05-01'; Amount = '1' }; Shown = 'The PartnerName of the piped object is a hashtable' }
    ) {
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        $extra = if ($Cmdlet -eq 'Set-Partner') { @{ Tier = 'Gold' } } elseif ($Cmdlet -eq 'Remove-Partner') { @{ Confirm = $false } } else { @{} }

        $errors = Get-CommandErrors { $Row, [pscustomobject]@{ Name = 'Other' } | & $Cmdlet -Database $db @extra }

        if ($Cmdlet -eq 'Add-PartnerRevenue') {
            # The second item has no Date or Amount: PowerShell's own binding error. Only the first is ours.
            $errors = @($errors | Where-Object FullyQualifiedErrorId -Like 'InputObjectInvalid,*')
        }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        if ($Cmdlet -eq 'Set-Partner') {
            # By hand: Other (no tier given, Registered) is made Gold; Acme stays Registered.
            (Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Tier)" }) -join ';' | Should -BeExactly 'Acme Registered;Other Gold'
        }
        elseif ($Cmdlet -eq 'Remove-Partner') {
            (Get-Partner -Database $db).Name | Should -BeExactly @('Acme')
        }
        else {
            Get-DatabaseState $db | Should -BeExactly $before
        }
    }
}

Describe 'An argument that is not one value is refused naming the parameter' {
    BeforeAll {
        $db = New-SeededDatabase
    }

    It '<Command>' -ForEach @(
        @{ Command = "Add-PartnerRevenue -Partner Acme -Date 2015-02-01 -Amount 1 -Currency @('EUR','USD')"; Parameter = 'Currency'; Shown = "2 values ('EUR', 'USD')" }
        @{ Command = 'Add-PartnerRevenue -Partner Acme -Date 2015-02-01 -Amount 1 -Region @{a=1}'; Parameter = 'Region'; Shown = 'A hashtable (@{a=1})' }
        @{ Command = "Add-PartnerRevenue -Partner Acme -Date @('2015-02-01','2015-03-01') -Amount 1"; Parameter = 'Date'; Shown = "2 values ('2015-02-01', '2015-03-01')" }
        @{ Command = "Add-Partner -Name 'New' -Notes @('line 1','line 2')"; Parameter = 'Notes'; Shown = "2 values ('line 1', 'line 2')" }
        @{ Command = "Add-Partner -Name 'New' -Region ([pscustomobject]@{code='NE'})"; Parameter = 'Region'; Shown = 'An object (@{code=NE})' }
        @{ Command = "Add-Partner -Name 'New' -Tier @()"; Parameter = 'Tier'; Shown = 'An empty list' }
        @{ Command = "Add-Partner -Database `$db -Name 'New' -Region (Get-Partner -Database `$db -Name Acme)"; Parameter = 'Region'; Shown = 'An object of type PartnerOps.Partner (Acme)' }
        @{ Command = "Set-Partner -Name Acme -Region @{code='NE'}"; Parameter = 'Region'; Shown = 'A hashtable (@{code=NE})' }
        @{ Command = "Set-Partner -Name Acme -Country @('DE','FR')"; Parameter = 'Country'; Shown = "2 values ('DE', 'FR')" }
        @{ Command = "Set-Partner -Name Acme -NewName @('A','B')"; Parameter = 'NewName'; Shown = "2 values ('A', 'B')" }
        @{ Command = "Set-Partner -Name @('Acme','Other') -Tier Gold"; Parameter = 'Name'; Shown = "2 values ('Acme', 'Other')" }
        @{ Command = "Remove-Partner -Name @('Acme','Other') -Force"; Parameter = 'Name'; Shown = "2 values ('Acme', 'Other')" }
        @{ Command = "Set-Partner -Name Acme -JoinedOn (Get-Date 2015-01-01), (Get-Date 2015-02-01)"; Parameter = 'JoinedOn'; Shown = '2 values' }
        @{ Command = "Set-PartnerExchangeRate -From @('EUR','GBP') -To USD -Year 2015 -Rate 1.1"; Parameter = 'From'; Shown = "2 values ('EUR', 'GBP')" }
        @{ Command = 'Set-PartnerExchangeRate -From EUR -To USD -Year 2015 -Rate @{r=1.1}'; Parameter = 'Rate'; Shown = 'A hashtable (@{r=1.1})' }
        @{ Command = "Set-PartnerTarget -Metric PartnerCount -Year 2016 -Value 5 -Region ([pscustomobject]@{r='West'})"; Parameter = 'Region'; Shown = 'An object (@{r=West})' }
        @{ Command = "Remove-PartnerTarget -Metric PartnerCount -Year 2015 -Region @('West','East') -Confirm:`$false"; Parameter = 'Region'; Shown = "2 values ('West', 'East')" }
        @{ Command = "Get-PartnerExchangeRate -From @('EUR','GBP')"; Parameter = 'From'; Shown = "2 values ('EUR', 'GBP')" }
        @{ Command = "Measure-PartnerRevenue -Currency @('EUR','USD')"; Parameter = 'Currency'; Shown = "2 values ('EUR', 'USD')" }
        @{ Command = 'Get-Partner -Region @{code=''West''}'; Parameter = 'Region'; Shown = 'A hashtable (@{code=West})' }
        @{ Command = "Get-PartnerRevenue -Segment 'Cloud', @{s=1}"; Parameter = 'Segment'; Shown = 'A hashtable (@{s=1})' }
        @{ Command = "Get-Partner -Database @(`$db, `$db)"; Parameter = 'Database'; Shown = '2 values' }
    ) {
        $before = Get-DatabaseState $db
        $run = [scriptblock]::Create($(if ($Command -like '*-Database*') { $Command } else { "$Command -Database `$db" }))

        $errors = Get-CommandErrors $run

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Parameter'*$([WildcardPattern]::Escape($Shown))*"
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'New-PartnerDatabase -Currency @(''EUR'',''USD'') creates no database' {
        $path = New-TestDatabasePath
        $errors = Get-CommandErrors { New-PartnerDatabase -Path $path -Currency @('EUR', 'USD') }
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike "*parameter 'Currency'*2 values ('EUR', 'USD')*"
        Test-TestDatabase $path | Should -BeFalse
    }

    # FileOnly: a database file given as a FileInfo and a PathInfo.
    It 'a path parameter still takes a FileInfo (Get-Item) and a PathInfo (Resolve-Path)' -Tag 'FileOnly' {
        (Get-Partner -Database (Get-Item $db)).Name | Should -BeExactly @('Acme', 'Other')
        (Get-Partner -Database (Resolve-Path $db)).Name | Should -BeExactly @('Acme', 'Other')
    }
}
