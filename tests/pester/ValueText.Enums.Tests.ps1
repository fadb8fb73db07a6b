# Enum values and Booleans read from text: one reading on both paths. The setup is ValueText.Helpers.ps1.
BeforeAll { . (Join-Path $PSScriptRoot 'ValueText.Helpers.ps1') }
AfterAll { Remove-TestFolders }

# Issue 12 follow-up: enum values and Booleans read one way on both paths. Text names an enum value by its name only
# ('3', '03' and ' 1' are refused naming the valid names: a person's "Tier 1" is not Silver); a JSON number (what
# ConvertTo-Json writes for an enum) is the value with that number on both paths. A JSON true is not an amount.
Describe 'Enum values and Booleans: one reading on both paths' {
    BeforeAll {
        # One partner row through both paths: piped as Import-Csv gives it to Add-Partner, and written as CSV for Import-Partner.
        function Invoke-PartnerBothPaths {
            param([string] $Csv)
            $folder = New-TestFolder
            Set-Content -LiteralPath "$folder/in.csv" -Value $Csv -Encoding utf8NoBOM
            $pipeErrors = $null
            Import-Csv "$folder/in.csv" | Add-Partner -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
            $importErrors = $null
            $null = Import-Partner "$folder/in.csv" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue
            $stored = { param($db) if (Test-Path $db) { @(Get-Partner -Database $db | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) -join ';' } }
            [pscustomobject]@{
                Pipe = if ($pipeErrors) { 'error: ' + $pipeErrors[0].Exception.Message } else { & $stored "$folder/pipe.db" }
                Import = if ($importErrors) { 'error: ' + $importErrors[0].Exception.Message } else { & $stored "$folder/import.db" }
            }
        }
    }

    It 'CSV <Column> = ''<Text>'' is refused on both paths, naming the value and the valid names' -ForEach @(
        @{ Column = 'Status'; Text = '0'; Valid = 'Prospect, Onboarding, Active, Suspended, Terminated' }
        @{ Column = 'Tier'; Text = '1'; Valid = 'Registered, Silver, Gold, Platinum' }
        @{ Column = 'Tier'; Text = '03'; Valid = 'Registered, Silver, Gold, Platinum' }
        @{ Column = 'Type'; Text = '3'; Valid = 'Reseller, Distributor, SystemIntegrator, ServiceProvider, Consultancy, SoftwareVendor, Training, Other' }
        @{ Column = 'Type'; Text = '-1'; Valid = 'Reseller, Distributor, SystemIntegrator, ServiceProvider, Consultancy, SoftwareVendor, Training, Other' }
    ) {
        $row = [ordered]@{ Name = 'N1'; Type = 'Reseller'; Tier = 'Gold'; Status = 'Active' }
        $row[$Column] = $Text
        $result = Invoke-PartnerBothPaths ("Name,Type,Tier,Status`n" + (@($row.Values) -join ','))

        $result.Pipe | Should -BeLike "error: *'$Text' is not a valid Partner$Column; valid values are $Valid (give the name, not a number).*"
        $result.Import | Should -BeLike "error: *column ${Column}: '$Text' is not a $Column; valid values are $Valid (give the name, not a number).*"
    }

    It 'the tester''s example: CSV Type,Tier,Status = 3,1,0 stores nothing on either path' {
        $result = Invoke-PartnerBothPaths "Name,Type,Tier,Status`nN1,3,1,0"
        $result.Pipe | Should -BeLike 'error: *(give the name, not a number).'
        $result.Import | Should -BeLike "error: *column Type: '3' is not a Type;*"
    }

    It 'names in any case and with spaces are read the same on both paths' {
        $result = Invoke-PartnerBothPaths "Name,Type,Tier,Status`nN1, serviceprovider ,SILVER,prospect"
        $result.Pipe | Should -BeExactly 'N1 ServiceProvider Silver Prospect'
        $result.Import | Should -BeExactly 'N1 ServiceProvider Silver Prospect'
    }

    It 'JSON <Json>: <Expected> on both paths' -ForEach @(
        # By hand: PartnerTier is Registered 0, Silver 1, Gold 2, Platinum 3; a JSON number is that value, a JSON string is text.
        @{ Json = '"Tier":2'; Expected = 'N1 Other Gold Active' }
        @{ Json = '"Tier":"2"'; Expected = 'error' }
        @{ Json = '"Tier":2.0'; Expected = 'error' }
        @{ Json = '"Tier":4'; Expected = 'error' }
        @{ Json = '"Tier":true'; Expected = 'error' }
    ) {
        $folder = New-TestFolder
        Set-Content -LiteralPath "$folder/in.json" -Value "[{`"Name`":`"N1`",$Json}]" -Encoding utf8NoBOM
        $pipeErrors = $null
        Get-Content -Raw "$folder/in.json" | ConvertFrom-Json | Add-Partner -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
        $importErrors = $null
        $null = Import-Partner "$folder/in.json" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue
        if ($Expected -eq 'error') {
            $pipeErrors.Count | Should -Be 1
            $pipeErrors[0].Exception.Message | Should -BeLike "*parameter 'Tier'*is not a valid PartnerTier; valid values are Registered, Silver, Gold, Platinum*"
            $importErrors.Count | Should -Be 1
            $importErrors[0].Exception.Message | Should -BeLike '*column Tier: * is not a Tier; valid values are Registered, Silver, Gold, Platinum*'
            @(Get-Partner -Database "$folder/import.db").Count | Should -Be 0
        }
        else {
            $pipeErrors.Count | Should -Be 0
            $importErrors.Count | Should -Be 0
            (Get-Partner -Database "$folder/pipe.db" | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) | Should -BeExactly $Expected
            (Get-Partner -Database "$folder/import.db" | ForEach-Object { "$($_.Name) $($_.Type) $($_.Tier) $($_.Status)" }) | Should -BeExactly $Expected
        }
    }

    It '<Culture>: JSON "Amount":<Json> is refused on both paths, storing nothing' -ForEach @(
        @{ Culture = 'en-US'; Json = 'true' }
        @{ Culture = 'de-DE'; Json = 'false' }
        @{ Culture = 'fr-FR'; Json = 'true' }
        @{ Culture = 'en-GB'; Json = 'true' }
    ) {
        Use-Culture $Culture {
            $folder = New-TestFolder
            $text = "[{`"PartnerName`":`"`",`"Date`":`"2015-01-01`",`"Amount`":$Json,`"Region`":`"EU`"}]"
            Set-Content -LiteralPath "$folder/in.json" -Value $text -Encoding utf8NoBOM
            $pipeErrors = $null
            $text | ConvertFrom-Json | Add-PartnerRevenue -Database "$folder/pipe.db" -ErrorVariable pipeErrors -ErrorAction SilentlyContinue
            $importErrors = $null
            $null = Import-PartnerRevenue "$folder/in.json" -Database "$folder/import.db" -ErrorVariable importErrors -ErrorAction SilentlyContinue

            $shown = (Get-Culture).TextInfo.ToTitleCase($Json)
            $pipeErrors[0].Exception.Message | Should -BeLike "*parameter 'Amount'*$shown (System.Boolean) is not a number*"
            $importErrors[0].Exception.Message | Should -BeLike "*column Amount: '$shown' is not a number*"
            @(Get-PartnerRevenue -Database "$folder/import.db").Count | Should -Be 0
            if (Test-Path "$folder/pipe.db") { @(Get-PartnerRevenue -Database "$folder/pipe.db").Count | Should -Be 0 }
        }
    }
}
