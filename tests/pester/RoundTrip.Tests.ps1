BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'Round trip through Export-Csv and Import-Csv' {
    BeforeAll {
        $properties = 'Name', 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes'
        $a = New-TestDatabase 'a.db'
        $b = New-TestDatabase 'b.db'
        $csv = Join-Path (Get-TestFolder $a) 'p.csv'
        Add-TestPartner -Database $a -Partner @(
            @{ Name = 'Full, Partner "Quoted"'; Type = 'SystemIntegrator'; Tier = 'Platinum'; Status = 'Active'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = '2014-03-31'; Notes = "Line one, with a comma`nline two" }
            @{ Name = 'Ended Distributor'; Type = 'Distributor'; Tier = 'Gold'; Status = 'Terminated'; Region = 'China'; Country = 'CN'; JoinedOn = '2012-07-01'; EndedOn = '2015-02-28'; Notes = 'effectively over' }
            @{ Name = 'Bare Minimum'; Status = 'Prospect' }
            @{ Name = 'Ünïcödé Partner'; Type = 'Training'; Tier = 'Silver'; Status = 'Suspended'; Country = 'FR'; JoinedOn = '2016-12-31' }
        )
        Get-Partner -Database $a | Export-Csv -Path $csv
        Import-Csv -Path $csv | Add-Partner -Database $b
        $source = Get-Partner -Database $a | Select-Object $properties
        $copy = Get-Partner -Database $b | Select-Object $properties
    }

    It 'brings every partner across' {
        $copy.Name | Should -Be $source.Name
        @($copy).Count | Should -Be 4
    }

    It 'gives identical <_> values' -ForEach @('Name', 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes') {
        for ($i = 0; $i -lt $source.Count; $i++) {
            $copy[$i].$_ | Should -Be $source[$i].$_ -Because "partner '$($source[$i].Name)' must keep its $_"
        }
    }

    It 'keeps a Terminated partner''s EndedOn' {
        $ended = $copy | Where-Object Name -EQ 'Ended Distributor'
        $ended.Status | Should -Be ([PartnerOps.PartnerStatus]::Terminated)
        $ended.EndedOn | Should -Be ([datetime]'2015-02-28')
    }

    It 'keeps empty Notes, Region and EndedOn empty rather than turning them into text or dates' {
        $bare = $copy | Where-Object Name -EQ 'Bare Minimum'
        $bare.Notes | Should -BeNullOrEmpty
        $bare.Region | Should -BeNullOrEmpty
        $bare.Country | Should -BeNullOrEmpty
        $bare.EndedOn | Should -BeNullOrEmpty
    }

    It 'keeps multi-line notes with commas exactly' {
        ($copy | Where-Object Name -Like 'Full*').Notes | Should -BeExactly "Line one, with a comma`nline two"
    }
}

Describe 'Partner objects piped from one database into Add-Partner of another' {
    It 'keep every writable value' {
        $properties = 'Name', 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes'
        $a = New-TestDatabase 'a.db'
        $b = New-TestDatabase 'b.db'
        Add-TestPartner -Database $a -Partner @(
            @{ Name = 'Object One'; Type = 'Consultancy'; Tier = 'Gold'; Status = 'Terminated'; Region = 'China'; Country = 'CN'; JoinedOn = '2013-02-03'; EndedOn = '2014-05-06'; Notes = 'x' }
            @{ Name = 'Object Two'; Status = 'Onboarding'; JoinedOn = '2016-11-12' }
        )
        Get-Partner -Database $a | Add-Partner -Database $b
        $expected = Get-Partner -Database $a | Select-Object $properties | ConvertTo-Json
        Get-Partner -Database $b | Select-Object $properties | ConvertTo-Json | Should -Be $expected
    }
}

# Export-Csv writes dates in the session's culture; a day-first culture must not come back with day and month swapped.
Describe 'Round trip through CSV in a session with culture <_>' -ForEach @('en-GB', 'de-DE') {
    BeforeAll {
        $culture = $_
        $folder = New-TestFolder
        $result = Invoke-ChildPwshJson -ImportModule -Command @"
try { [cultureinfo]::CurrentCulture = [cultureinfo]::GetCultureInfo('$culture') } catch { return @{ Skipped = `$true } }
`$folder = $(ConvertTo-PSLiteral $folder)
Add-Partner -Database "`$folder/a.db" -Name 'Early In The Month' -JoinedOn '2014-03-01' -Status Terminated -EndedOn '2015-04-02'
Get-Partner -Database "`$folder/a.db" | Export-Csv -Path "`$folder/p.csv"
Import-Csv -Path "`$folder/p.csv" | Add-Partner -Database "`$folder/b.db"
`$p = Get-Partner -Database "`$folder/b.db"
@{ Skipped = `$false; JoinedOn = `$p.JoinedOn.ToString('yyyy-MM-dd'); EndedOn = `$p.EndedOn.ToString('yyyy-MM-dd') }
"@
    }

    It 'keeps JoinedOn and EndedOn' {
        if ($result.Skipped) { Set-ItResult -Skipped -Because "culture $culture is not available here" }
        $result.JoinedOn | Should -Be '2014-03-01'
        $result.EndedOn | Should -Be '2015-04-02'
    }
}
