# Typed values a parameter cannot take, and values that are not one partner, are refused.
# The setup is PipelineBinding.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'PipelineBinding.Helpers.ps1') }
AfterAll { Remove-TestFolders }

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
