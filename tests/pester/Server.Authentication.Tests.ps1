# A server that wants a password (a cluster of this file's own, initdb -A scram-sha-256 --pwfile): the right one from
# -Credential, the location or PGPASSWORD opens it; a wrong one is AuthenticationFailed, and no password ever shows in a
# message, an error record, -Verbose or -Debug output, an object or the history (issue 16). Each case runs in a fresh pwsh,
# so that no password remembered by an earlier command helps.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')
    $script:Right = 'Right-Pass-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Wrong = 'Wrong-Pass-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Cluster = Start-PostgreSqlCluster -Bin (Find-PostgreSqlBin).Bin -Database 'postgres' -Password $script:Right
    $script:Db = New-ClusterDatabasePath $script:Cluster
    $withPassword = $script:Db -replace '^postgresql://postgres@', "postgresql://postgres:$script:Right@"

    # A child script's prelude: the module, Get-ErrorRecordText, and $records to collect the verbose and debug lines.
    $prelude = @"
`$ProgressPreference = 'SilentlyContinue'
`$DebugPreference = 'Continue'; `$VerbosePreference = 'Continue'
function Get-ErrorRecordText { ${function:Get-ErrorRecordText} }
`$records = [System.Collections.Generic.List[string]]::new()
`$failure = `$null
"@
    $epilogue = @'
@{
    Id       = if ($failure) { $failure.FullyQualifiedErrorId }
    Category = if ($failure) { "$($failure.CategoryInfo.Category)" }
    Text     = if ($failure) { Get-ErrorRecordText $failure }
    Streams  = $records -join "`n"
    Output   = $output | Format-List * -Force | Out-String -Width 500
}
'@
    # No password from elsewhere: no PGPASSWORD unless the case sets one, and an empty password file.
    $noPasswords = Join-Path (New-TestFolder) 'pgpass'
    Set-Content -LiteralPath $noPasswords -Value ''
    function Invoke-AuthenticationCase([string] $Body, [hashtable] $Environment = @{}) {
        $merged = @{ PGPASSWORD = $null; PGPASSFILE = $noPasswords }
        foreach ($name in $Environment.Keys) { $merged[$name] = $Environment[$name] }
        Invoke-ChildPwshJson -ImportModule -Environment $merged -Command ($prelude + "`n" + $Body + "`n" + $epilogue)
    }
}

AfterAll {
    Remove-TestFolders
    if ($script:Cluster) { Stop-PostgreSqlCluster $script:Cluster }
}

Describe 'A server that wants a password' -Tag 'ServerOnly' {
    It 'opens with the right password from New-PartnerDatabase -Credential, and shows it nowhere' {
        $case = Invoke-AuthenticationCase @"
`$credential = [pscredential]::new('postgres', (ConvertTo-SecureString '$script:Right' -AsPlainText -Force))
`$output = @(try {
    New-PartnerDatabase -Path '$script:Db' -Credential `$credential 4>&1 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.InformationalRecord]) { `$records.Add("`$_") } else { `$_ } }
    Add-Partner -Database '$script:Db' -Name 'Credential' -PassThru 4>&1 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.InformationalRecord]) { `$records.Add("`$_") } else { `$_ } }
    Get-PartnerHistory -Database '$script:Db'
} catch { `$failure = `$_ })
"@
        $case.Id | Should -BeNullOrEmpty -Because $case.Text
        $case.Output | Should -Match 'Credential'
        $case.Output | Should -Match ([regex]::Escape($script:Db))
        $case.Output | Should -Not -Match $script:Right
        $case.Streams | Should -Not -Match $script:Right
    }

    It 'opens with the right password in the location, and shows it nowhere: not in Database, the streams or the history' {
        $case = Invoke-AuthenticationCase @"
`$output = @(try {
    Add-Partner -Database '$withPassword' -Name 'Located' -PassThru 4>&1 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.InformationalRecord]) { `$records.Add("`$_") } else { `$_ } }
    Get-PartnerDatabase -Database '$withPassword'
    Get-PartnerHistory -Database '$withPassword'
} catch { `$failure = `$_ })
"@
        $case.Id | Should -BeNullOrEmpty -Because $case.Text
        $case.Output | Should -Match 'Located'
        $case.Output | Should -Match ([regex]::Escape($script:Db))
        $case.Output | Should -Not -Match $script:Right
        $case.Streams | Should -Not -Match $script:Right
    }

    It 'opens with the right PGPASSWORD' {
        $case = Invoke-AuthenticationCase -Environment @{ PGPASSWORD = $script:Right } @"
`$output = @(try { Get-Partner -Database '$script:Db' -Name 'Located' } catch { `$failure = `$_ })
"@
        $case.Id | Should -BeNullOrEmpty -Because $case.Text
        $case.Output | Should -Match 'Located'
    }

    It 'refuses a location with no password from anywhere with AuthenticationFailed, saying where one is given' {
        $case = Invoke-AuthenticationCase ("`$output = @(try { Get-Partner -Database '$script:Db' -ErrorAction Stop } catch { `$failure = `$_ })")
        $case.Id | Should -BeLike 'AuthenticationFailed,*' -Because $case.Text
        $case.Category | Should -Be 'AuthenticationError'
        $case.Text | Should -Match 'none was given'
        $case.Text | Should -Match '-Credential'
    }

    It 'refuses a wrong password <Source> with AuthenticationFailed (AuthenticationError), and shows it nowhere' -ForEach @(
        @{ Source = 'in the location'; Environment = @{}; Body = {
                param($Db, $Wrong)
                "`$location = '$($Db -replace '^postgresql://postgres@', "postgresql://postgres:$Wrong@")'`n" +
                '$output = @(try { Get-Partner -Database $location -ErrorAction Stop 4>&1 5>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.InformationalRecord]) { $records.Add("$_") } else { $_ } } } catch { $failure = $_ })'
            } }
        @{ Source = 'from Connect-PartnerDatabase -Credential'; Environment = @{}; Body = {
                param($Db, $Wrong)
                "`$credential = [pscredential]::new('postgres', (ConvertTo-SecureString '$Wrong' -AsPlainText -Force))`n" +
                "`$output = @(try { Connect-PartnerDatabase -Path '$Db' -Credential `$credential -ErrorAction Stop 4>&1 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.InformationalRecord]) { `$records.Add(`"`$_`") } else { `$_ } }`n" +
                '    Get-Partner -ErrorAction Stop 4>&1 5>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.InformationalRecord]) { $records.Add("$_") } else { $_ } } } catch { $failure = $_ })'
            } }
        @{ Source = 'from PGPASSWORD'; Environment = @{ PGPASSWORD = 'wrong' }; Body = {
                param($Db, $Wrong)
                "`$output = @(try { Add-Partner -Database '$Db' -Name 'Never' -ErrorAction Stop 4>&1 5>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.InformationalRecord]) { `$records.Add(`"`$_`") } else { `$_ } } } catch { `$failure = `$_ })"
            } }
    ) {
        $caseEnvironment = @{}
        foreach ($name in $Environment.Keys) { $caseEnvironment[$name] = if ($Environment[$name] -eq 'wrong') { $script:Wrong } else { $Environment[$name] } }
        $case = Invoke-AuthenticationCase -Environment $caseEnvironment (& $Body $script:Db $script:Wrong)
        $case.Id | Should -BeLike 'AuthenticationFailed,*' -Because $case.Text
        $case.Category | Should -Be 'AuthenticationError'
        $case.Text | Should -Match ([regex]::Escape($script:Db)) -Because 'the message names the server (without the password)'
        $case.Text | Should -Not -Match $script:Wrong
        $case.Text | Should -Not -Match $script:Right
        $case.Streams | Should -Not -Match $script:Wrong
        @(Get-Partner -Database ($script:Db -replace '^postgresql://postgres@', "postgresql://postgres:$script:Right@")).Name | Should -Not -Contain 'Never'
    }
}
