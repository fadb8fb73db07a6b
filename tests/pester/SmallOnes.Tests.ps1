BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    function New-ThreePartnerDatabase {
        $db = New-TestDatabase
        Add-TestPartner -Database $db -Partner @(
            @{ Name = 'Alpha'; Tier = 'Silver'; Region = 'China'; JoinedOn = '2014-01-01' }
            @{ Name = 'Beta'; Tier = 'Registered'; Region = 'Western Europe'; JoinedOn = '2015-01-01' }
            @{ Name = 'Gamma'; Tier = 'Platinum'; JoinedOn = '2016-01-01' }
        )
        $db
    }

    # Each partner as 'Id Name Tier', in Id order: what a test compares before and after.
    function Get-PartnerSummary([string] $Database) {
        Get-Partner -Database $Database | ForEach-Object { '{0} {1} {2}' -f $_.Id, $_.Name, $_.Tier }
    }

    # What Tab offers at the end of a command line.
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: a folder where the database file should be.
Describe 'A folder given as the database file' -Tag 'FileOnly' {
    BeforeAll {
        $script:Database = New-ThreePartnerDatabase
        $script:Csv = Join-Path (New-TestFolder) 'partners.csv'
        Set-Content -Path $script:Csv -Value @('Name,Tier', 'Imported,Gold')

        # Runs a command that must stop with DatabaseInvalid naming $Shown as a folder (-ErrorAction SilentlyContinue
        # would swallow a non-terminating error, so the throw shows it is terminating), and returns the error.
        function Assert-FolderRefused([scriptblock] $Command, [string] $Shown, [string] $Role = 'database') {
            $failure = $Command | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
            $failure.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
            $failure.Exception.Message | Should -BeLike "The $Role '$Shown' is a folder, not a file.*"
            $failure
        }
    }

    BeforeEach {
        $script:Folder = New-TestFolder
    }

    It 'stops <Command> with DatabaseInvalid (InvalidArgument) saying it is a folder, and creates nothing in it' -TestCases @(
        @{ Command = 'Get-Partner'; Run = { param($f) Get-Partner -Database $f -ErrorAction SilentlyContinue } }
        @{ Command = 'Get-Partner -Name'; Run = { param($f) Get-Partner -Database $f -Name 'Alpha' -ErrorAction SilentlyContinue } }
        @{ Command = 'Add-Partner'; Run = { param($f) Add-Partner -Database $f -Name 'New' -ErrorAction SilentlyContinue } }
        @{ Command = 'Add-Partner (piped)'; Run = { param($f) 'One', 'Two' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | Add-Partner -Database $f -ErrorAction SilentlyContinue } }
        @{ Command = 'Set-Partner'; Run = { param($f) Set-Partner -Database $f -Name 'Alpha' -Tier Gold -ErrorAction SilentlyContinue } }
        @{ Command = 'Set-Partner (piped partner)'; Run = { param($f) Get-Partner -Database $script:Database -Name 'Alpha' | Set-Partner -Database $f -Tier Gold -ErrorAction SilentlyContinue } }
        @{ Command = 'Import-Partner'; Run = { param($f) Import-Partner -Database $f -Path $script:Csv -ErrorAction SilentlyContinue } }
        @{ Command = 'Get-PartnerDatabase'; Run = { param($f) Get-PartnerDatabase -Database $f -ErrorAction SilentlyContinue } }
        @{ Command = 'Remove-Partner'; Run = { param($f) Remove-Partner -Database $f -Name 'Alpha' -Confirm:$false -ErrorAction SilentlyContinue } }
        @{ Command = 'Add-PartnerRevenue'; Run = { param($f) Add-PartnerRevenue -Database $f -Partner 'Alpha' -Date 2015-01-01 -Amount 1 -ErrorAction SilentlyContinue } }
        @{ Command = 'Get-PartnerRevenue'; Run = { param($f) Get-PartnerRevenue -Database $f -ErrorAction SilentlyContinue } }
        @{ Command = 'Measure-PartnerRevenue'; Run = { param($f) Measure-PartnerRevenue -Database $f -ErrorAction SilentlyContinue } }
        @{ Command = 'Set-PartnerExchangeRate'; Run = { param($f) Set-PartnerExchangeRate -Database $f -From GBP -To USD -Year 2015 -Rate 1.2 -ErrorAction SilentlyContinue } }
    ) {
        param($Command, $Run)
        $null = Assert-FolderRefused { & $Run $script:Folder } -Shown $script:Folder
        @(Get-ChildItem -Force $script:Folder) | Should -HaveCount 0
        Get-PartnerSummary $script:Database | Should -Be @('1 Alpha Silver', '2 Beta Registered', '3 Gamma Platinum')
    }

    It 'stops Connect-PartnerDatabase given a folder <Form> with DatabaseInvalid saying it is a folder, and creates nothing in it' -TestCases @(
        @{ Form = '-Path'; Run = { param($f) Connect-PartnerDatabase -Path $f -ErrorAction SilentlyContinue } }
        @{ Form = 'by position'; Run = { param($f) Connect-PartnerDatabase $f -ErrorAction SilentlyContinue } }
    ) {
        param($Form, $Run)
        $null = Assert-FolderRefused { & $Run $script:Folder } -Shown $script:Folder
        @(Get-ChildItem -Force $script:Folder) | Should -HaveCount 0
    }

    It 'leaves the session on the database it was connected to when Connect-PartnerDatabase is given a folder' {
        # In a child pwsh: this session's own connected database is not for this test to change.
        $folder = $script:Folder
        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_DATABASE = $null } -Command @"
`$null = Connect-PartnerDatabase -Path $(ConvertTo-PSLiteral $script:Database)
try { `$null = Connect-PartnerDatabase -Path $(ConvertTo-PSLiteral $folder); `$id = 'no error' } catch { `$id = `$_.FullyQualifiedErrorId }
[pscustomobject]@{ ErrorId = `$id; Path = (Get-PartnerDatabase).Path; Names = @((Get-Partner).Name) }
"@
        $result.ErrorId | Should -BeLike 'DatabaseInvalid,*'
        $result.Path | Should -BeExactly $script:Database
        $result.Names | Should -Be @('Alpha', 'Beta', 'Gamma')
        @(Get-ChildItem -Force $folder) | Should -HaveCount 0
    }

    It 'stops New-PartnerDatabase -Path with a folder with DatabaseInvalid, with and without -Force, and creates nothing in it' {
        $folder = $script:Folder
        $null = Assert-FolderRefused { New-PartnerDatabase -Path $folder -ErrorAction SilentlyContinue } -Shown $folder
        $null = Assert-FolderRefused { New-PartnerDatabase -Path $folder -Force -Confirm:$false -ErrorAction SilentlyContinue } -Shown $folder
        @(Get-ChildItem -Force $folder) | Should -HaveCount 0
        Test-Path -PathType Container $folder | Should -BeTrue -Because '-Force must not remove the folder'
    }

    It 'stops Backup-PartnerDatabase -DestinationPath with a folder with DatabaseInvalid naming the backup destination, and writes nothing' {
        $folder = $script:Folder
        $before = (Get-FileHash $script:Database).Hash
        $failure = Assert-FolderRefused { Backup-PartnerDatabase -Database $script:Database -DestinationPath $folder -ErrorAction SilentlyContinue } -Shown $folder -Role 'backup destination'
        $failure.Exception.Message | Should -BeLike "*such as '$(Join-Path $folder 'partnerops-backup.db')'*"
        @(Get-ChildItem -Force $folder) | Should -HaveCount 0
        @(Get-ChildItem -Force (Split-Path $folder) | Where-Object Name -Like "$(Split-Path -Leaf $folder)*") | Should -HaveCount 1 -Because 'no partial file is left beside the folder'
        @(Get-ChildItem -Force (Split-Path $folder) -Filter '.partnerops-*') | Should -HaveCount 0 -Because 'no partial file is left beside the folder'
        (Get-FileHash $script:Database).Hash | Should -Be $before
    }

    It 'refuses the folder named <Form>' -TestCases @(
        @{ Form = 'with a trailing separator'; Name = { param($f) $f + [IO.Path]::DirectorySeparatorChar }; Location = $null }
        @{ Form = 'relative to the current location'; Name = { param($f) Split-Path -Leaf $f }; Location = 'parent' }
        @{ Form = 'as "."'; Name = { param($f) '.' }; Location = 'folder' }
        @{ Form = 'as "./sub/.."'; Name = { param($f) './sub/..' }; Location = 'folder' }
    ) {
        param($Form, $Name, $Location)
        $folder = $script:Folder
        $null = New-Item -ItemType Directory (Join-Path $folder 'sub')
        $given = & $Name $folder
        switch ($Location) {
            'parent' { Push-Location (Split-Path $folder) }
            'folder' { Push-Location $folder }
            default { Push-Location $PWD }
        }
        try {
            $failure = { Get-Partner -Database $given -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
            $failure.Exception.Message | Should -BeLike "The database '$folder*' is a folder, not a file.*"
            $failure = { Add-Partner -Database $given -Name 'New' -ErrorAction SilentlyContinue } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'DatabaseInvalid,*'
        }
        finally {
            Pop-Location
        }
        @(Get-ChildItem -Force $folder).Name | Should -Be @('sub')
        @(Get-ChildItem -Force (Join-Path $folder 'sub')) | Should -HaveCount 0
    }

    It 'stops Test-PartnerDatabase for a folder with DatabaseInvalid (InvalidArgument): a wrong path is not a damaged database' {
        $folder = $script:Folder
        { Test-PartnerDatabase -Database $folder } | Should -Throw -ErrorId 'DatabaseInvalid,*' -ExpectedMessage "*'$folder' is a folder*"
        { Test-PartnerDatabase -Database $folder -Detailed -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'DatabaseInvalid,*'
        @(Get-ChildItem -Force $folder) | Should -HaveCount 0
    }

    It 'fails the Integrity check of Test-PartnerDatabase for a file that is not a database, and says which database the finding is about' {
        $file = Join-Path (New-TestFolder) 'notes.db'
        Set-Content -LiteralPath $file -Value ('not a database ' * 200)
        Test-PartnerDatabase -Database $file | Should -BeFalse
        $finding = @(Test-PartnerDatabase -Database $file -Detailed)
        $finding.Count | Should -Be 1
        $finding[0].Check | Should -Be 'Integrity'
        $finding[0].Passed | Should -BeFalse
        $finding[0].Database | Should -BeExactly $file
    }
}

Describe 'Tab completion from the database in $PSDefaultParameterValues' {
    BeforeAll {
        $script:Defaulted = New-TestDatabasePath 'defaulted.db'
        Add-Partner -Database $script:Defaulted -Name 'Acme North' -Region 'Western Europe'
        Add-Partner -Database $script:Defaulted -Name 'Acorn Trading' -Region 'West Africa'
        Add-Partner -Database $script:Defaulted -Name 'Zenith' -Region 'North America'
        $script:Other = New-TestDatabasePath 'other.db'
        Add-Partner -Database $script:Other -Name 'Acute Other' -Region 'Westland Other'
    }

    BeforeEach {
        # Restored in AfterEach: the defaults of the whole session are set on purpose here.
        $script:SavedDefaults = @{}
        foreach ($key in $global:PSDefaultParameterValues.Keys) { $script:SavedDefaults[$key] = $global:PSDefaultParameterValues[$key] }
    }

    AfterEach {
        $global:PSDefaultParameterValues.Clear()
        foreach ($key in $script:SavedDefaults.Keys) { $global:PSDefaultParameterValues[$key] = $script:SavedDefaults[$key] }
    }

    It 'completes Get-Partner -Name and Set-Partner -Region from the database of ''*-Partner*:Database''' {
        $global:PSDefaultParameterValues['*-Partner*:Database'] = $script:Defaulted
        Get-Completion 'Get-Partner -Name Ac' | Should -Be @("'Acme North'", "'Acorn Trading'")
        Get-Completion 'Set-Partner -Region We' | Should -Be @("'West Africa'", "'Western Europe'")
        Get-Completion 'Remove-Partner -Name ze' | Should -Be @('Zenith')
    }

    It 'completes Get-Partner -Name and -Region from the database of ''Get-Partner:Database''' {
        $global:PSDefaultParameterValues['Get-Partner:Database'] = $script:Defaulted
        Get-Completion 'Get-Partner -Name Ac' | Should -Be @("'Acme North'", "'Acorn Trading'")
        Get-Completion 'Get-Partner -Region We' | Should -Be @("'West Africa'", "'Western Europe'")
    }

    It 'completes from -Database on the line rather than from the default' {
        $global:PSDefaultParameterValues['*-Partner*:Database'] = $script:Defaulted
        Get-Completion "Get-Partner -Database '$script:Other' -Name Ac" | Should -Be @("'Acute Other'")
        Get-Completion "Set-Partner -Database '$script:Other' -Region We" | Should -Be @("'Westland Other'")
    }

    It 'uses a default given as a script block' {
        $global:PSDefaultParameterValues['*-Partner*:Database'] = [scriptblock]::Create("'$script:Defaulted'")
        Get-Completion 'Set-Partner -Name Ac' | Should -Be @("'Acme North'", "'Acorn Trading'")
    }

    It 'completes Set-Partner from the session''s database, not from a default given to Get-Partner only' {
        # In a child pwsh whose session database is $env:PARTNEROPS_DATABASE (this session's may be connected elsewhere).
        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_DATABASE = $script:Other } -Command @"
`$PSDefaultParameterValues['Get-Partner:Database'] = $(ConvertTo-PSLiteral $script:Defaulted)
function Get-Completion([string] `$Line) { @((TabExpansion2 -inputScript `$Line -cursorColumn `$Line.Length).CompletionMatches.CompletionText) }
[pscustomobject]@{
    GetName = Get-Completion 'Get-Partner -Name Ac'
    SetRegion = Get-Completion 'Set-Partner -Region We'
    SetName = Get-Completion 'Set-Partner -Name Ac'
}
"@
        $result.GetName | Should -Be @("'Acme North'", "'Acorn Trading'")
        $result.SetRegion | Should -Be @("'Westland Other'")
        $result.SetName | Should -Be @("'Acute Other'")
    }
}

Describe 'Tab completion of names that hold wildcard characters' {
    BeforeAll {
        $script:Tricky = New-TestDatabase 'tricky.db'
        'Acme [EU]', 'Acme E', 'Back`tick Co', 'Star*' | ForEach-Object { Add-Partner -Database $script:Tricky -Name $_ }
    }

    It 'escapes them where the parameter takes wildcards, so the completed text finds exactly the partner shown' {
        $completed = @(Get-Completion "Get-Partner -Database '$script:Tricky' -Name Ac")
        # By name key (lower case since issue 12): '[' (U+005B) before 'e' (U+0065), as Sort-Object puts them.
        $completed | Should -Be @("'Acme ``[EU``]'", "'Acme E'")
        (Get-Partner -Database $script:Tricky -Name 'Acme `[EU`]').Name | Should -BeExactly 'Acme [EU]'
        @(Get-Completion "Get-PartnerRevenue -Database '$script:Tricky' -Partner Ba") | Should -Be @("'Back````tick Co'")
        (Get-Partner -Database $script:Tricky -Name 'Back``tick Co').Name | Should -BeExactly 'Back`tick Co'
        @(Get-Completion "Measure-PartnerRevenue -Database '$script:Tricky' -Partner St") | Should -Be @("'Star``*'")
    }

    It 'leaves them as they are where the parameter takes an exact name' {
        @(Get-Completion "Set-Partner -Database '$script:Tricky' -Name Ac") | Should -Be @("'Acme [EU]'", "'Acme E'")
        @(Get-Completion "Add-PartnerRevenue -Database '$script:Tricky' -Partner St") | Should -Be @("'Star*'")
    }
}

# FileOnly: a database path whose folder is a file.
Describe 'A path whose folder is a file' -Tag 'FileOnly' {
    It 'is refused with DatabaseInvalid naming the file that stands where a folder should be, and nothing is written' {
        $file = New-TestDatabasePath 'partners.db'
        Add-Partner -Database $file -Name 'Acme'
        $hash = (Get-FileHash -LiteralPath $file).Hash
        foreach ($run in @({ Add-Partner -Database (Join-Path $file 'sub.db') -Name 'X' }, { New-PartnerDatabase -Path (Join-Path $file 'a/b.db') }, { Backup-PartnerDatabase -Database $file -DestinationPath (Join-Path $file 'copy.db') })) {
            $run | Should -Throw -ErrorId 'DatabaseInvalid,*' -ExpectedMessage "*'$file' is a file, not a folder*"
        }
        (Get-FileHash -LiteralPath $file).Hash | Should -Be $hash
    }
}

Describe 'A hand-built partner object' {
    It 'joins today when piped to Add-Partner without a JoinedOn, and keeps one it has' {
        $db = New-TestDatabase
        $added = @(
            [PartnerOps.Partner]@{ Name = 'X' }
            [PartnerOps.Partner]@{ Name = 'Y'; Tier = 'Gold'; Region = 'China' }
            [PartnerOps.Partner]@{ Name = 'Z'; JoinedOn = [datetime]'2015-03-01' }
        ) | Add-Partner -Database $db -PassThru
        $today = (Get-Date).Date
        $stored = Get-Partner -Database $db
        $stored.Name | Should -Be @('X', 'Y', 'Z')
        $stored.JoinedOn | Should -Be @($today, $today, [datetime]'2015-03-01')
        $stored.Tier | Should -Be @('Registered', 'Gold', 'Registered')
        $stored.Region | Should -Be @($null, 'China', $null)
        $added.Id | Should -Be @(1, 2, 3)
        $added.JoinedOn | Should -Be @($today, $today, [datetime]'2015-03-01')
    }

    It 'is found by its Name in Set-Partner (its Id is 0), and changes that partner only' {
        $db = New-ThreePartnerDatabase
        $changed = @([PartnerOps.Partner]@{ Name = 'Gamma' }, [PartnerOps.Partner]@{ Name = 'Beta' } |
            Set-Partner -Database $db -Tier Gold -PassThru)
        $changed.Id | Should -Be @(3, 2)
        Get-PartnerSummary $db | Should -Be @('1 Alpha Silver', '2 Beta Gold', '3 Gamma Gold')
        (Get-Partner -Database $db -Name 'Beta').Region | Should -BeExactly 'Western Europe' -Because 'only -Tier was given'
    }

    It 'whose Name is no partner gives PartnerNotFound in Set-Partner and Remove-Partner, and changes nothing' {
        $db = New-ThreePartnerDatabase
        $err = $null
        [PartnerOps.Partner]@{ Name = 'Nobody' } | Set-Partner -Database $db -Tier Gold -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err = $null
        [PartnerOps.Partner]@{ Name = 'Nobody' } | Remove-Partner -Database $db -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        Get-PartnerSummary $db | Should -Be @('1 Alpha Silver', '2 Beta Registered', '3 Gamma Platinum')
    }

    It 'is removed by its Name in Remove-Partner' {
        $db = New-ThreePartnerDatabase
        [PartnerOps.Partner]@{ Name = 'Alpha' } | Remove-Partner -Database $db -Confirm:$false
        Get-PartnerSummary $db | Should -Be @('2 Beta Registered', '3 Gamma Platinum')
    }
}

Describe '-InputObject with an array' {
    It 'Set-Partner -InputObject @(Get-Partner ...) changes each partner of the array and only those' {
        $db = New-ThreePartnerDatabase
        $out = @(Set-Partner -Database $db -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Gamma') -Tier Gold -PassThru)
        $out.Name | Should -Be @('Alpha', 'Gamma')
        Get-PartnerSummary $db | Should -Be @('1 Alpha Gold', '2 Beta Registered', '3 Gamma Gold')
    }

    It 'Set-Partner -InputObject with a one-item array changes that partner' {
        $db = New-ThreePartnerDatabase
        Set-Partner -Database $db -InputObject @(Get-Partner -Database $db -Name 'Beta') -Region 'Nordics'
        (Get-Partner -Database $db).Region | Should -Be @('China', 'Nordics', $null)
    }

    It 'Remove-Partner -InputObject @(Get-Partner ...) removes each partner of the array and only those' {
        $db = New-ThreePartnerDatabase
        Remove-Partner -Database $db -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Beta') -Confirm:$false
        Get-PartnerSummary $db | Should -Be @('3 Gamma Platinum')
    }

    It 'Set-Partner -InputObject with an array mixing a live, a hand-built and a missing partner changes the two found and reports the third' {
        $db = New-ThreePartnerDatabase
        $err = $null
        $items = @((Get-Partner -Database $db -Name 'Alpha'), [PartnerOps.Partner]@{ Name = 'Gamma' }, [PartnerOps.Partner]@{ Name = 'Nobody' })
        Set-Partner -Database $db -InputObject $items -Tier Gold -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'PartnerNotFound,*'
        $err[0].TargetObject.Name | Should -BeExactly 'Nobody'
        Get-PartnerSummary $db | Should -Be @('1 Alpha Gold', '2 Beta Registered', '3 Gamma Gold')
    }

    It 'Get-PartnerRevenue -InputObject @(Get-Partner ...) reads the revenue of each partner of the array' {
        $db = New-ThreePartnerDatabase
        Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date 2015-01-01 -Amount 5
        Add-PartnerRevenue -Database $db -Partner 'Beta' -Date 2015-01-01 -Amount 7
        Add-PartnerRevenue -Database $db -Partner 'Gamma' -Date 2015-01-01 -Amount 9
        $revenue = @(Get-PartnerRevenue -Database $db -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Gamma'))
        $revenue.PartnerName | Should -Be @('Alpha', 'Gamma')
        $revenue.Amount | Should -Be @(5, 9)
    }
}
