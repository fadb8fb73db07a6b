BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency EUR
    Add-Partner -Database $db -Name 'Acme Europe' -Region 'Western Europe' -Country DE
    Add-Partner -Database $db -Name 'Acme Asia' -Region China -Country CN
    Add-Partner -Database $db -Name "O'Neill Data" -Region 'Western Europe' -Country IE
    Add-Partner -Database $db -Name 'Zenith' -Region 'North America' -Country US
    Add-PartnerRevenue -Database $db -Partner Zenith -Date 2015-01-01 -Amount 1 -Segment Carrier
    Set-PartnerExchangeRate -Database $db -From GBP -To EUR -Year 2015 -Rate 1.3

    # What Tab offers at the end of a command line.
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Tab completion from the database on the command line' {
    It 'completes a partner name prefix to the full names, quoted, ignoring case' {
        Get-Completion "Get-Partner -Database '$db' -Name acm" | Should -Be @("'Acme Asia'", "'Acme Europe'")
    }

    It 'doubles a quote inside a name' {
        Get-Completion "Set-Partner -Database '$db' -Name o" | Should -Be @("'O''Neill Data'")
    }

    It 'leaves a plain name unquoted and completes inside a quote already typed' {
        Get-Completion "Remove-Partner -Database '$db' -Name Ze" | Should -Be @('Zenith')
        Get-Completion "Get-PartnerRevenue -Database '$db' -Partner 'Acme E" | Should -Be @("'Acme Europe'")
    }

    It 'completes partners for Add-PartnerRevenue and Measure-PartnerRevenue' {
        Get-Completion "Add-PartnerRevenue -Database '$db' -Partner Acme" | Should -HaveCount 2
        Get-Completion "Measure-PartnerRevenue -Database '$db' -Partner Z" | Should -Be @('Zenith')
    }

    It 'completes a region prefix to the region' {
        Get-Completion "Get-Partner -Database '$db' -Region west" | Should -Be @("'Western Europe'")
        Get-Completion "Measure-PartnerRevenue -Database '$db' -Region n" | Should -Be @("'North America'")
    }

    It 'offers the countries in use first, then the other ISO codes' {
        $countries = Get-Completion "Add-Partner -Database '$db' -Name X -Country "
        $countries[0..3] | Should -Be @('CN', 'DE', 'IE', 'US')
        $countries | Should -Contain 'FR'
    }

    It 'completes segments, with Enterprise always offered' {
        Get-Completion "Get-PartnerRevenue -Database '$db' -Segment " | Should -Be @('Carrier', 'Enterprise')
    }

    It 'offers the reporting currency and the rates'' currencies first' {
        (Get-Completion "Measure-PartnerRevenue -Database '$db' -Currency ")[0..1] | Should -Be @('EUR', 'GBP')
        Get-Completion "Set-PartnerExchangeRate -Database '$db' -From us" | Should -Be @('USD')
    }

    It 'sees a new region without a restart' {
        Add-Partner -Database $db -Name 'Newcomer' -Region 'Latin America'
        Get-Completion "Get-Partner -Database '$db' -Region lat" | Should -Be @("'Latin America'")
    }
}

Describe 'Tab completion from the session''s database' {
    It 'uses the database of Connect-PartnerDatabase when the line has no -Database' {
        $null = Connect-PartnerDatabase -Path $db
        try {
            Get-Completion 'Get-Partner -Name Zen' | Should -Be @('Zenith')
        }
        finally {
            # Leave no session default behind for the other tests.
            $empty = New-TestDatabasePath
            $null = New-PartnerDatabase -Path $empty
            $null = Connect-PartnerDatabase -Path $empty
        }
    }

    # FileOnly: a relative database file path.
    It 'resolves a relative -Database against the current location' -Tag 'FileOnly' {
        Push-Location (Split-Path $db)
        try {
            Get-Completion "Get-Partner -Database ./$(Split-Path -Leaf $db) -Name Zen" | Should -Be @('Zenith')
        }
        finally {
            Pop-Location
        }
    }

    It 'offers nothing, and throws nothing, for a missing or foreign file' {
        $foreign = Join-Path (New-TestFolder) 'other.db'
        Set-Content -Path $foreign -Value 'not a database'
        Get-Completion "Get-Partner -Database '$foreign' -Name a" | Should -BeNullOrEmpty
        Get-Completion "Get-Partner -Database '/nowhere/x.db' -Name a" | Should -BeNullOrEmpty
        Test-Path '/nowhere/x.db' | Should -BeFalse
    }
}
