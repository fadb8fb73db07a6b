BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Runs a script in a new runspace with the module and returns its PowerShell instance (output and streams).
    function Invoke-InRunspace([string] $Script) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript("Import-Module '$script:ModuleManifest'; $Script")
        $null = $ps.Invoke()
        $ps
    }
}

AfterAll {
    Remove-TestFolders
}

Describe '-Verbose' {
    It 'says which database file is used and what was written, with the time taken' {
        $db = New-TestDatabasePath
        $messages = @(1..3 | ForEach-Object { [pscustomobject]@{ Name = "P$_" } } | Add-Partner -Database $db -Verbose 4>&1 | ForEach-Object { "$_" })
        $messages | Should -Contain "Using database '$db'."
        $messages[-1] | Should -Match '^Added 3 partner\(s\) in \d+ ms\.$'
    }
}

Describe 'SQL shown as debug output' {
    BeforeAll {
        $db = New-TestDatabasePath
    }

    It 'shows each statement with its values when debug output is on' {
        $DebugPreference = 'Continue'
        $debug = @(Add-Partner -Database $db -Name 'Traced' 5>&1 | ForEach-Object { "$_" })
        $DebugPreference = 'SilentlyContinue'
        if ($script:Backend -eq 'Sqlite') { $debug | Should -Contain 'SQL: BEGIN IMMEDIATE;' }
        else { @($debug -match '^SQL: .*pg_advisory_xact_lock').Count | Should -Be 1 -Because 'a write on a server starts with its advisory lock' }
        ($debug -match "(?s)^SQL: INSERT INTO partners .*'Traced'").Count | Should -Be 1
    }

    It 'shows nothing otherwise' {
        @(Get-Partner -Database $db 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }

    It 'survives a pipeline stopped downstream (SQLite reports statements from inside its own calls)' {
        $ps = Invoke-InRunspace "`$DebugPreference = 'Continue'; 1..20 | ForEach-Object { [pscustomobject]@{ Name = `"S`$_`" } } | Add-Partner -Database '$db' -PassThru | Select-Object -First 2"
        $ps.HadErrors | Should -BeFalse
        @($ps.Streams.Debug).Count | Should -BeGreaterThan 0
        $ps.Dispose()
        (Get-Partner -Database $db -Name 'S*' | Measure-Object).Count | Should -BeGreaterOrEqual 2
    }

    It 'does not follow the connection back into the pool' {
        $DebugPreference = 'Continue'
        $null = Get-Partner -Database $db -Name Traced 5>&1
        $DebugPreference = 'SilentlyContinue'
        @(Get-Partner -Database $db -Name Traced 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -Be 0
    }
}

Describe 'Progress' {
    # FileOnly: SQLite's backup API copies pages (a server's backup reads rows).
    It 'Backup-PartnerDatabase reports the pages copied' -Tag 'FileOnly' {
        $db = New-TestDatabasePath
        1..200 | ForEach-Object { [pscustomobject]@{ Name = "P$_"; Notes = 'x' * 2000 } } | Add-Partner -Database $db
        $ps = Invoke-InRunspace "Backup-PartnerDatabase -Database '$db' -DestinationPath '$db.copy' | Out-Null"
        $ps.HadErrors | Should -BeFalse
        $records = @($ps.Streams.Progress | Where-Object Activity -EQ 'Backup-PartnerDatabase')
        $ps.Dispose()
        $records.Count | Should -BeGreaterThan 1
        ($records.PercentComplete | Measure-Object -Maximum).Maximum | Should -Be 100
        ($records | Where-Object StatusDescription -Match '^\d[\d,]* of \d[\d,]* pages$').Count | Should -BeGreaterThan 0
    }

    It 'a long pipelined write says how far it has come every second, and that it is done' {
        $db = New-TestDatabasePath
        # At least 2.4 s whatever the machine's speed (a pause every 1,000 rows), so progress is due at least twice.
        $ps = Invoke-InRunspace "1..16000 | ForEach-Object { if (`$_ % 1000 -eq 0) { Start-Sleep -Milliseconds 150 }; [pscustomobject]@{ Name = `"P`$_`" } } | Add-Partner -Database '$db'"
        $ps.HadErrors | Should -BeFalse
        $records = @($ps.Streams.Progress | Where-Object Activity -EQ 'Add-Partner')
        $ps.Dispose()
        $records.Count | Should -BeGreaterThan 1
        $records[0].StatusDescription | Should -Match '^[\d,]+ written so far$'
        $records[-1].RecordType | Should -Be 'Completed'
    }
}
