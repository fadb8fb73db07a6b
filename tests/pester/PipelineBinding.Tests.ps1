# Issue 12, kind 3: values PowerShell cannot hand over as one value. A piped property or an argument that holds a
# list, a hashtable, an object or a script block is never dropped (the parameter left at its default), flattened
# (joined with spaces, or 'System.Collections.Hashtable', '@{code=NE}') or taken as its source text: a one-element
# list is its element, anything else is refused naming the parameter and the value, for that item alone. Script
# blocks on parameters that take pipeline input by property name run once per piped object (delay-bind).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Partners Acme (1, West, DE) and Other (2, East, GB); one revenue record of Acme; reporting currency USD.
    function New-SeededDatabase {
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db -Currency USD
        Add-Partner -Database $db -Name 'Acme' -Region 'West' -Country DE -JoinedOn 2014-01-01
        Add-Partner -Database $db -Name 'Other' -Region 'East' -Country GB -JoinedOn 2014-01-01
        Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount 100 -Reference 'R-1'
        $db
    }

    # Runs a command and returns every error it gave, terminating or not.
    function Get-CommandErrors {
        param([scriptblock] $Command)
        $ErrorActionPreference = 'Continue' # the runner's 'Stop' would end the pipeline at the first bad item
        $errors = @()
        try {
            $errors = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
        catch {
            $errors += $_
        }
        , $errors
    }

    function Get-TestCulture { [System.Globalization.CultureInfo]::CurrentCulture }
}

AfterAll {
    Remove-TestFolders
}

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
        Test-Path $path | Should -BeFalse
    }

    It 'a path parameter still takes a FileInfo (Get-Item) and a PathInfo (Resolve-Path)' {
        (Get-Partner -Database (Get-Item $db)).Name | Should -BeExactly @('Acme', 'Other')
        (Get-Partner -Database (Resolve-Path $db)).Name | Should -BeExactly @('Acme', 'Other')
    }
}

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

# Issue 12 follow-up (kinds 1 and 3): typed values. A value of a type the parameter cannot take (a Boolean, a [char],
# a number for a date, a fractional year, a date for an enum) is refused naming the value and its type, for that item
# alone; PowerShell would otherwise convert it loosely (True as 1, '5' as 53, 42067 as .NET ticks, 2015.5 as 2016) or,
# on an optional parameter piped by property name, skip it without a word and store the default.
Describe 'Typed values a parameter cannot take are refused, never converted loosely or defaulted' {
    # Each case: the bad item, then a good one. The bad one gives one ParameterArgumentTransformationError naming the
    # parameter and the value with its type; the good one is stored as given; nothing of the bad one is.
    It '<Cmdlet> piped <Property> = <Case>' -ForEach @(
        @{ Cmdlet = 'Add-Partner'; Property = 'Tier'; Case = 'JSON 99'; Json = '99'; Shown = '99 (System.Int64) is not a valid PartnerTier; valid values are Registered, Silver, Gold, Platinum.' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Status'; Case = 'JSON -1'; Json = '-1'; Shown = '-1 (System.Int64) is not a valid PartnerStatus; valid values are Prospect, Onboarding, Active, Suspended, Terminated.' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = 'JSON true'; Json = 'true'; Shown = 'True (System.Boolean) is not a date' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Type'; Case = '3.7'; Value = 3.7; Shown = '3.7 (System.Double) is not a valid PartnerType' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Type'; Case = 'a PartnerTier'; Later = { [PartnerOps.PartnerTier]::Gold }; Shown = 'Gold (PartnerOps.PartnerTier) is not a valid PartnerType' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = 'a GUID'; Value = [guid]'0f8fad5b-d9cb-469f-a165-70867728950e'; Shown = '0f8fad5b-d9cb-469f-a165-70867728950e (System.Guid) is not a date' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Tier'; Case = '$true'; Value = $true; Shown = 'True (System.Boolean) is not a valid PartnerTier' }
        @{ Cmdlet = 'Add-Partner'; Property = 'Status'; Case = 'a date'; Value = [datetime]'2015-01-02'; Shown = '01/02/2015 00:00:00 (System.DateTime) is not a valid PartnerStatus' }
        @{ Cmdlet = 'Add-Partner'; Property = 'EndedOn'; Case = 'a time span'; Value = [timespan]::FromDays(1); Shown = '1.00:00:00 (System.TimeSpan) is not a date' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = '42067 (a spreadsheet day)'; Value = 42067; Shown = '42067 (System.Int32) is not a date' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = 'Unix milliseconds'; Value = 1420070400000; Shown = '1420070400000 (System.Int64) is not a date' }
        @{ Cmdlet = 'Add-Partner'; Property = 'JoinedOn'; Case = '.NET ticks'; Value = 635556672000000000; Shown = '635556672000000000 (System.Int64) is not a date' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Amount'; Case = 'JSON true'; Json = 'true'; Shown = 'True (System.Boolean) is not a number' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Amount'; Case = 'a [char]'; Value = '5'[0]; Shown = "'5' (System.Char) is not a number" }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Amount'; Case = 'a date'; Value = [datetime]'2015-01-02'; Shown = '(System.DateTime) is not a number' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Date'; Case = '42067'; Value = 42067; Shown = '42067 (System.Int32) is not a date' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Property = 'Date'; Case = '$false'; Value = $false; Shown = 'False (System.Boolean) is not a date' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Year'; Case = '2015.5'; Value = 2015.5; Shown = '2015.5 (System.Double) is not a whole number (it is not rounded)' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Year'; Case = '[decimal] 2015.5'; Value = 2015.5d; Shown = '2015.5 (System.Decimal) is not a whole number (it is not rounded)' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Year'; Case = 'text 2015.5'; Value = '2015.5'; Shown = "'2015.5' is not a whole number" }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Value'; Case = '$true'; Value = $true; Shown = 'True (System.Boolean) is not a number' }
        @{ Cmdlet = 'Set-PartnerTarget'; Property = 'Metric'; Case = 'JSON 7'; Json = '7'; Shown = '7 (System.Int64) is not a valid TargetMetric' }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'Rate'; Case = '$true'; Value = $true; Shown = 'True (System.Boolean) is not a number' }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'Year'; Case = 'a [char]'; Value = '7'[0]; Shown = "'7' (System.Char) is not a whole number" }
        @{ Cmdlet = 'Set-PartnerExchangeRate'; Property = 'Year'; Case = '$true'; Value = $true; Shown = 'True (System.Boolean) is not a whole number' }
    ) {
        $db = New-SeededDatabase
        $good = switch ($Cmdlet) {
            'Add-Partner' { [ordered]@{ Name = 'Good'; Type = 'Reseller'; Tier = 'Silver'; Status = 'Active'; JoinedOn = '2015-06-01'; EndedOn = '' } }
            'Add-PartnerRevenue' { [ordered]@{ PartnerName = 'Acme'; Date = '2015-03-01'; Amount = '10.50'; Currency = 'EUR'; Reference = 'G-1' } }
            'Set-PartnerTarget' { [ordered]@{ Metric = 'PartnerCount'; Year = '2001'; Region = 'West'; Value = '5' } }
            'Set-PartnerExchangeRate' { [ordered]@{ From = 'EUR'; To = 'USD'; Year = '2001'; Rate = '1.1' } }
        }
        if ($Json) {
            $bad = [ordered]@{} + $good
            $bad[$Property] = '@@'
            $badItem = ([pscustomobject]$bad | ConvertTo-Json -Compress).Replace('"@@"', $Json) | ConvertFrom-Json
        }
        else {
            $bad = [ordered]@{} + $good
            $bad[$Property] = if ($Later) { & $Later } else { $Value } # a module type is known only once the tests run
            $badItem = [pscustomobject]$bad
        }
        if ($Cmdlet -eq 'Add-Partner') { $badItem.Name = 'Bad' }
        if ($Cmdlet -eq 'Add-PartnerRevenue') { $badItem.Reference = 'B-1' }
        if ($Cmdlet -like 'Set-*') { $badItem.Year = if ($Property -eq 'Year') { $badItem.Year } else { '2009' } }

        $errors = Get-CommandErrors { $badItem, [pscustomobject]$good | & $Cmdlet -Database $db }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Property'*$([WildcardPattern]::Escape($Shown))*"
        [object]::ReferenceEquals($errors[0].TargetObject.PSObject.BaseObject, $badItem.PSObject.BaseObject) | Should -BeTrue
        switch ($Cmdlet) {
            'Add-Partner' {
                # Acme and Other were there; only Good is added, as given. Bad is not stored with a default in its place.
                (Get-Partner -Database $db | Sort-Object Id | ForEach-Object { "$($_.Name)|$($_.Type)|$($_.Tier)|$($_.Status)|$($_.JoinedOn.ToString('yyyy-MM-dd'))" }) -join ';' |
                    Should -BeExactly 'Acme|Other|Registered|Active|2014-01-01;Other|Other|Registered|Active|2014-01-01;Good|Reseller|Silver|Active|2015-06-01'
            }
            'Add-PartnerRevenue' {
                (Get-PartnerRevenue -Database $db | ForEach-Object { "$($_.Reference)|$($_.Amount)|$($_.Currency)|$($_.Date.ToString('yyyy-MM-dd'))" }) -join ';' |
                    Should -BeExactly 'R-1|100.00|USD|2015-01-01;G-1|10.50|EUR|2015-03-01'
            }
            'Set-PartnerTarget' {
                (Get-PartnerTarget -Database $db | ForEach-Object { "$($_.Metric) $($_.Region) $($_.Year) $($_.Value)" }) -join ';' | Should -BeExactly 'PartnerCount West 2001 5'
            }
            'Set-PartnerExchangeRate' {
                (Get-PartnerExchangeRate -Database $db | ForEach-Object { "$($_.From)>$($_.To) $($_.Year) $($_.Rate)" }) -join ';' | Should -BeExactly 'EUR>USD 2001 1.1'
            }
        }
    }

    It 'argument: <Command>' -ForEach @(
        @{ Command = 'Set-PartnerExchangeRate -From EUR -To USD -Year 2015 -Rate $true'; Parameter = 'Rate'; Shown = 'True (System.Boolean) is not a number' }
        @{ Command = 'Set-PartnerTarget -Metric PartnerCount -Year 2015 -Value $true'; Parameter = 'Value'; Shown = 'True (System.Boolean) is not a number' }
        @{ Command = "Add-PartnerRevenue -Partner Acme -Date 2015-02-01 -Amount '5'[0]"; Parameter = 'Amount'; Shown = "'5' (System.Char) is not a number" }
        @{ Command = 'Add-PartnerRevenue -Partner Acme -Date 2015-02-01 -Amount $false'; Parameter = 'Amount'; Shown = 'False (System.Boolean) is not a number' }
        @{ Command = 'Set-PartnerTarget -Metric PartnerCount -Year 2014.6 -Value 1'; Parameter = 'Year'; Shown = '2014.6 (System.Double) is not a whole number (it is not rounded)' }
        @{ Command = 'Set-PartnerExchangeRate -From EUR -To USD -Year 2015.5d -Rate 1.1'; Parameter = 'Year'; Shown = '2015.5 (System.Decimal) is not a whole number' }
        @{ Command = 'Remove-PartnerTarget -Metric PartnerCount -Year 2014.6 -Confirm:$false'; Parameter = 'Year'; Shown = '2014.6 (System.Double) is not a whole number' }
        @{ Command = 'Get-PartnerTarget -Year 2015, 2015.5'; Parameter = 'Year'; Shown = '2015.5 (System.Double) is not a whole number' }
        @{ Command = 'Get-PartnerExchangeRate -Year 2015.5'; Parameter = 'Year'; Shown = '2015.5 (System.Double) is not a whole number' }
        @{ Command = 'Get-PartnerRevenue -Year 2015.5'; Parameter = 'Year'; Shown = '2015.5 (System.Double) is not a whole number' }
        @{ Command = 'Get-PartnerRevenue -Quarter 1.5'; Parameter = 'Quarter'; Shown = '1.5 (System.Double) is not a whole number' }
        @{ Command = "Measure-PartnerRevenue -Top '2.5'"; Parameter = 'Top'; Shown = "'2.5' is not a whole number" }
        @{ Command = 'Get-Partner -Id 1.5'; Parameter = 'Id'; Shown = '1.5 (System.Double) is not a whole number' }
        @{ Command = 'Set-Partner -Id 1.5 -Tier Gold'; Parameter = 'Id'; Shown = '1.5 (System.Double) is not a whole number' }
        @{ Command = 'Remove-Partner -Id 1.5 -Confirm:$false'; Parameter = 'Id'; Shown = '1.5 (System.Double) is not a whole number' }
        @{ Command = 'Remove-PartnerRevenue -Id 1, 1.5 -Confirm:$false'; Parameter = 'Id'; Shown = '1.5 (System.Double) is not a whole number' }
        @{ Command = 'Set-Partner -Name Acme -JoinedOn 42067'; Parameter = 'JoinedOn'; Shown = '42067 (System.Int32) is not a date' }
        @{ Command = 'Set-Partner -Name Acme -Tier $true'; Parameter = 'Tier'; Shown = 'True (System.Boolean) is not a valid PartnerTier' }
        @{ Command = "Set-Partner -Name Acme -Tier '1'"; Parameter = 'Tier'; Shown = "'1' is not a valid PartnerTier; valid values are Registered, Silver, Gold, Platinum (give the name, not a number)." }
        @{ Command = 'Get-PartnerRevenue -From 20150101'; Parameter = 'From'; Shown = '20150101 (System.Int32) is not a date' }
        @{ Command = "Get-Partner -Tier Gold, '1'"; Parameter = 'Tier'; Shown = "'1' is not a valid PartnerTier; valid values are Registered, Silver, Gold, Platinum (give the name, not a number)." }
        @{ Command = "Get-Partner -Status '0'"; Parameter = 'Status'; Shown = "'0' is not a valid PartnerStatus" }
        @{ Command = 'Get-Partner -Type $true'; Parameter = 'Type'; Shown = 'True (System.Boolean) is not a valid PartnerType' }
        @{ Command = "Get-PartnerTarget -Metric '0'"; Parameter = 'Metric'; Shown = "'0' is not a valid TargetMetric" }
        @{ Command = "Remove-PartnerTarget -Metric '1' -Year 2015 -Confirm:`$false"; Parameter = 'Metric'; Shown = "'1' is not a valid TargetMetric" }
    ) {
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        $errors = Get-CommandErrors ([scriptblock]::Create("$Command -Database `$db"))

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Parameter'*$([WildcardPattern]::Escape($Shown))*"
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'whole numbers of any type are taken as they are: <Case>' -ForEach @(
        @{ Case = '2016.0 (a double)'; Year = 2016.0; Stored = 2016 }
        @{ Case = '[decimal] 2017'; Year = 2017d; Stored = 2017 }
        @{ Case = '[long] 2018'; Year = [long]2018; Stored = 2018 }
        @{ Case = 'text '' 2019 '''; Year = ' 2019 '; Stored = 2019 }
        @{ Case = 'JSON 2020'; Year = ('{"Y":2020}' | ConvertFrom-Json).Y; Stored = 2020 }
    ) {
        $db = New-TestDatabase
        [pscustomobject]@{ Metric = 'PartnerCount'; Year = $Year; Value = 3 } | Set-PartnerTarget -Database $db
        Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year $Year -Rate 1.25
        (Get-PartnerTarget -Database $db).Year | Should -Be $Stored
        (Get-PartnerExchangeRate -Database $db).Year | Should -Be $Stored
    }

    It 'a piped target row whose Year is <Case> is refused by Remove-PartnerTarget, never rounded or wrapped to another year' -ForEach @(
        @{ Case = '2016.5'; Year = 2016.5; Shown = 'The Year 2016.5 (System.Double) of the piped target' }
        @{ Case = '$true'; Year = $true; Shown = 'The Year True (System.Boolean) of the piped target' }
        @{ Case = '2^32 + 2016'; Year = 4294969312; Shown = "The Year '4294969312' of the piped target" }
    ) {
        $db = New-SeededDatabase
        Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 3
        $id = (Get-PartnerTarget -Database $db).Id
        $before = Get-DatabaseState $db
        $row = [pscustomobject]@{ Id = $id; Metric = 'PartnerCount'; Year = $Year; Region = $null; Value = 3 }

        $errors = Get-CommandErrors { $row | Remove-PartnerTarget -Database $db -Confirm:$false }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $errors[0].Exception.Message | Should -BeLike "$([WildcardPattern]::Escape($Shown))*"
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'enum filters take names in any case, several at once' {
        $db = New-SeededDatabase
        Set-Partner -Database $db -Name Other -Tier Gold
        (Get-Partner -Database $db -Tier 'gold', 'Registered' | ForEach-Object { "$($_.Name) $($_.Tier)" }) -join ';' | Should -BeExactly 'Acme Registered;Other Gold'
        (Get-Partner -Database $db -Tier GOLD).Name | Should -BeExactly 'Other'
    }

    It 'the module''s own JSON (ConvertTo-Json writes enums as numbers) and Export-Clixml still bind their enums' {
        $db = New-SeededDatabase
        Set-Partner -Database $db -Name Other -Type Consultancy -Tier Gold -Status Onboarding
        $folder = New-TestFolder
        Get-Partner -Database $db -Name Other | Export-Clixml "$folder/p.xml"
        $target = New-TestDatabase
        Get-Partner -Database $db -Name Other | ConvertTo-Json | ConvertFrom-Json | Add-Partner -Database $target
        Import-Clixml "$folder/p.xml" | ForEach-Object { $_.Name = 'Other 2'; $_ } | Add-Partner -Database $target
        (Get-Partner -Database $target | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) -join ';' |
            Should -BeExactly 'Other Consultancy Gold Onboarding;Other 2 Consultancy Gold Onboarding'
    }
}

Describe 'A value that is not one partner is refused where one partner is needed' {
    It 'piped <Case> to <Cmdlet>' -ForEach @(
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'JSON "PartnerName":[]'; Row = { '{"PartnerName":[],"Date":"2015-01-01","Amount":"5","Region":"R","Reference":"E1"}' | ConvertFrom-Json }; Shown = 'The PartnerName of the piped object is an empty list (@())' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'JSON "PartnerName":[null]'; Row = { '{"PartnerName":[null],"Date":"2015-01-01","Amount":"5","Region":"R"}' | ConvertFrom-Json }; Shown = 'The PartnerName of the piped object is a list holding only $null' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'PartnerName = @()'; Row = { [pscustomobject]@{ PartnerName = @(); Date = '2015-01-01'; Amount = '5'; Region = 'R' } }; Shown = 'The PartnerName of the piped object is an empty list (@())' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'PartnerId = @()'; Row = { [pscustomobject]@{ PartnerId = @(); Date = '2015-01-01'; Amount = '5'; Region = 'R' } }; Shown = 'The PartnerId of the piped object is an empty list (@())' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'PartnerId = @($null), PartnerName = '''''; Row = { [pscustomobject]@{ PartnerId = @($null); PartnerName = ''; Date = '2015-01-01'; Amount = '5'; Region = 'R' } }; Shown = 'The PartnerId of the piped object is a list holding only $null' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'PartnerId = 1.5'; Row = { [pscustomobject]@{ PartnerId = 1.5; Date = '2015-01-01'; Amount = '5'; Region = 'R' } }; Shown = 'The PartnerId 1.5 (System.Double) of the piped object is not a whole number' }
        @{ Cmdlet = 'Add-PartnerRevenue'; Case = 'PartnerId = $true'; Row = { [pscustomobject]@{ PartnerId = $true; Date = '2015-01-01'; Amount = '5'; Region = 'R' } }; Shown = 'The PartnerId True (System.Boolean) of the piped object is not a whole number' }
        @{ Cmdlet = 'Set-Partner'; Case = 'Name = @()'; Row = { [pscustomobject]@{ Name = @() } }; Shown = 'The Name of the piped object is an empty list (@())' }
        @{ Cmdlet = 'Remove-Partner'; Case = 'PartnerName = @($null)'; Row = { [pscustomobject]@{ PartnerName = @($null) } }; Shown = 'The PartnerName of the piped object is a list holding only $null' }
        @{ Cmdlet = 'Remove-Partner'; Case = 'PartnerId = 2.5'; Row = { [pscustomobject]@{ PartnerId = 2.5 } }; Shown = 'The PartnerId 2.5 (System.Double) of the piped object is not a whole number' }
    ) {
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        $extra = if ($Cmdlet -eq 'Set-Partner') { @{ Tier = 'Gold' } } elseif ($Cmdlet -eq 'Remove-Partner') { @{ Confirm = $false; Force = $true } } else { @{} }
        $row = & $Row

        $errors = Get-CommandErrors { $row | & $Cmdlet -Database $db @extra }

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectInvalid,*'
        $errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Shown))*"
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'the import refuses "PartnerName":[] too (a nested array), storing nothing' {
        $folder = New-TestFolder
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        Set-Content -LiteralPath "$folder/r.json" -Value '[{"PartnerName":[],"Date":"2015-01-01","Amount":"5","Region":"R","Reference":"E1"}]'
        $result = Import-PartnerRevenue "$folder/r.json" -Database $db -ErrorAction SilentlyContinue
        $result.Failed | Should -Be 1
        $result.Inserted | Should -Be 0
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'argument: <Command>' -ForEach @(
        @{ Command = "Add-PartnerRevenue -Partner 'Acme', 'Other' -Date 2015-02-01 -Amount 1"; Parameter = 'Partner'; Shown = "2 values ('Acme', 'Other') were given where one is needed" }
        @{ Command = 'Add-PartnerRevenue -Partner @() -Date 2015-02-01 -Amount 1 -Region R'; Parameter = 'Partner'; Shown = 'An empty list (@()) was given where one value is needed' }
        @{ Command = "Add-PartnerRevenue -Date 2015-02-01 -Amount 1 -Partner (Get-Partner -Database `$db)"; Parameter = 'Partner'; Shown = '2 values' }
        @{ Command = "Remove-Partner -Name { 'Acme' } -Confirm:`$false"; Parameter = 'Name'; Shown = "A script block ({ 'Acme' }) is not a value" }
        @{ Command = "Set-Partner -Name { 'Acme' } -Tier Gold"; Parameter = 'Name'; Shown = "A script block ({ 'Acme' }) is not a value" }
        @{ Command = "Remove-Partner -Name @{ n = 'Acme' } -Confirm:`$false"; Parameter = 'Name'; Shown = 'A hashtable (@{n=Acme})' }
        @{ Command = 'Add-PartnerRevenue -Partner Acme -Date 2015-02-01 -Amount 1 -Reference @($null)'; Parameter = 'Reference'; Shown = 'A list holding only $null' }
    ) {
        $db = New-SeededDatabase
        $before = Get-DatabaseState $db
        $errors = Get-CommandErrors ([scriptblock]::Create("$Command -Database `$db"))

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $errors[0].Exception.Message | Should -BeLike "*parameter '$Parameter'*$([WildcardPattern]::Escape($Shown))*"
        $errors[0].Exception.Message | Should -Not -BeLike '*Specified method is not supported*'
        Get-DatabaseState $db | Should -BeExactly $before
    }

    It 'the partner filters still take several partners: Get-PartnerRevenue -Partner ''Acme'', ''Other''' {
        $db = New-SeededDatabase
        Add-PartnerRevenue -Database $db -Partner Other -Date 2015-02-01 -Amount 3
        (Get-PartnerRevenue -Database $db -Partner 'Acme', 'Other' | ForEach-Object { "$($_.PartnerName) $($_.Amount)" }) -join ';' | Should -BeExactly 'Acme 100.00;Other 3.00'
    }
}

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
