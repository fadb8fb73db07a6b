BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

# Driven in a child pwsh whose environment the test controls, so the real user profile is never touched.
# FileOnly: which database file a command picks (the default file under HOME/XDG, relative paths).
Describe 'Choosing the database when -Database is not given' -Tag 'FileOnly' -Skip:(-not $IsLinux) {
    BeforeAll {
        $root = New-TestFolder
        $xdg = Join-Path $root 'xdg'
        $homeFolder = Join-Path $root 'home'
        $envDb = Join-Path $root 'env.db'
        $connectedDb = Join-Path $root 'connected.db'
        $explicitDb = Join-Path $root 'explicit.db'
        $homeDefault = Join-Path $homeFolder '.local/share/PartnerOps/partnerops.db'
        $xdgDefault = Join-Path $xdg 'PartnerOps/partnerops.db'

        $result = Invoke-ChildPwshJson -ImportModule -Environment @{ PARTNEROPS_DATABASE = $null; XDG_DATA_HOME = $null; HOME = $homeFolder } -Command @"
`$r = [ordered]@{}
try { `$null = Get-Partner; `$r.MissingReadError = 'none' } catch { `$r.MissingReadError = `$_.FullyQualifiedErrorId }
`$r.MissingReadCreated = Test-Path $(ConvertTo-PSLiteral $homeDefault)

Add-Partner -Name 'InHomeDefault'
`$r.HomeDefault = (Get-PartnerDatabase).Path

`$env:XDG_DATA_HOME = $(ConvertTo-PSLiteral $xdg)
Add-Partner -Name 'InXdgDefault'
`$r.XdgDefault = (Get-PartnerDatabase).Path

`$env:PARTNEROPS_DATABASE = $(ConvertTo-PSLiteral $envDb)
Add-Partner -Name 'InEnv'
`$r.Env = (Get-PartnerDatabase).Path

`$null = New-PartnerDatabase -Path $(ConvertTo-PSLiteral $connectedDb)
Set-Location $(ConvertTo-PSLiteral $root)
`$r.ConnectOutput = (Connect-PartnerDatabase -Path 'connected.db').Path
Set-Location /
Add-Partner -Name 'InConnected'
`$r.Connected = (Get-PartnerDatabase).Path

Add-Partner -Database $(ConvertTo-PSLiteral $explicitDb) -Name 'InExplicit'
`$r.Explicit = (Get-PartnerDatabase -Database $(ConvertTo-PSLiteral $explicitDb)).Path
`$r.StillConnected = (Get-PartnerDatabase).Path
try { `$null = Connect-PartnerDatabase -Path $(ConvertTo-PSLiteral (Join-Path $root 'missing.db')); `$r.FailedConnectError = 'none' } catch { `$r.FailedConnectError = `$_.FullyQualifiedErrorId }
`$r.AfterFailedConnect = (Get-PartnerDatabase).Path

`$r.Reconnected = (Connect-PartnerDatabase).Path
`$r.AfterReconnect = (Get-PartnerDatabase).Path

foreach (`$name in 'HomeDefault', 'XdgDefault', 'Env', 'Connected', 'Explicit') {
    `$r["Names`$name"] = @((Get-Partner -Database `$r[`$name]).Name)
}
`$r
"@
    }

    It 'stops a read with DatabaseNotFound when the per-user default database is missing, and does not create it' {
        $result.MissingReadError | Should -BeLike 'DatabaseNotFound,*'
        $result.MissingReadCreated | Should -BeFalse
    }

    It 'creates the per-user default under $HOME/.local/share when XDG_DATA_HOME is not set' {
        $result.HomeDefault | Should -Be $homeDefault
        $result.NamesHomeDefault | Should -Be @('InHomeDefault')
    }

    It 'uses $env:XDG_DATA_HOME/PartnerOps/partnerops.db as the per-user default' {
        $result.XdgDefault | Should -Be $xdgDefault
        $result.NamesXdgDefault | Should -Be @('InXdgDefault')
    }

    It 'prefers $env:PARTNEROPS_DATABASE to the per-user default' {
        $result.Env | Should -Be $envDb
        $result.NamesEnv | Should -Be @('InEnv')
    }

    It 'prefers the Connect-PartnerDatabase database to $env:PARTNEROPS_DATABASE' {
        $result.Connected | Should -Be $connectedDb
        $result.NamesConnected | Should -Be @('InConnected')
    }

    It 'resolves a relative Connect-PartnerDatabase path once, against the location at the time' {
        $result.ConnectOutput | Should -Be $connectedDb
    }

    It 'prefers -Database to the Connect-PartnerDatabase database, for that command only' {
        $result.Explicit | Should -Be $explicitDb
        $result.NamesExplicit | Should -Be @('InExplicit')
        $result.StillConnected | Should -Be $connectedDb
    }

    It 'keeps the previous connection when Connect-PartnerDatabase fails on a missing file' {
        $result.FailedConnectError | Should -BeLike 'DatabaseNotFound,*'
        $result.AfterFailedConnect | Should -Be $connectedDb
    }

    It 'goes back to $env:PARTNEROPS_DATABASE after Connect-PartnerDatabase without -Path' {
        $result.Reconnected | Should -Be $envDb
        $result.AfterReconnect | Should -Be $envDb
    }
}

# FileOnly: which database file a command picks (the default file under HOME/XDG, relative paths).
Describe 'Relative database paths' -Tag 'FileOnly' {
    BeforeEach {
        $folder = New-TestFolder
        $name = 'rel-' + [guid]::NewGuid().ToString('N') + '.db'
        Push-Location $folder
    }

    AfterEach {
        Pop-Location
    }

    It 'resolves a relative -Database against the PowerShell location, not the process directory' {
        [Environment]::CurrentDirectory | Should -Not -Be $folder
        Add-Partner -Database $name -Name 'Here'
        Test-Path (Join-Path $folder $name) | Should -BeTrue
        Test-Path (Join-Path ([Environment]::CurrentDirectory) $name) | Should -BeFalse
        (Get-PartnerDatabase -Database $name).Path | Should -Be (Join-Path $folder $name)
        (Get-Partner -Database (Join-Path $folder $name)).Name | Should -Be 'Here'
    }

    It 'resolves relative paths with folders for New-, Test- and Backup-PartnerDatabase' {
        $null = New-PartnerDatabase -Path "./sub/$name"
        Test-Path (Join-Path $folder "sub/$name") | Should -BeTrue
        Test-PartnerDatabase -Database "sub/$name" | Should -BeTrue
        $copy = Backup-PartnerDatabase -Database "sub/$name" -DestinationPath "copy-$name"
        $copy.Path | Should -Be (Join-Path $folder "copy-$name")
    }
}
