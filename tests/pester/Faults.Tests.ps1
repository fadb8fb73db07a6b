BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # A CSV of partners 'Partner 1'..'Partner N'.
    function New-PartnerCsv([int] $Count) {
        $csv = Join-Path (New-TestFolder) "partners-$Count.csv"
        $text = [System.Text.StringBuilder]::new("Name,Country,Region`n")
        foreach ($i in 1..$Count) { $null = $text.Append('Partner ').Append($i).Append(",DE,Western Europe`n") }
        [IO.File]::WriteAllText($csv, $text.ToString())
        $csv
    }
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: watches the database's -wal file for the first batch (Server.Outage.Tests.ps1: a server gone mid-import).
Describe 'A process killed in the middle of an import' -Tag 'FileOnly' {
    It 'leaves a database that passes every check and holds whole batches; -Mode Skip then completes it' {
        $csv = New-PartnerCsv 300000
        $db = New-TestDatabasePath
        $prefix = Join-Path (New-TestFolder) 'killed'
        $process = Start-ChildPwsh -OutputPrefix $prefix -Command "Import-Module '$script:ModuleManifest'; Import-Partner -Path '$csv' -Database '$db' | Out-Null"
        # Kill it once the first batch is committed (a reader sees its rows), long before the end.
        $deadline = [datetime]::UtcNow.AddSeconds(60)
        while (-not $process.HasExited -and [datetime]::UtcNow -lt $deadline -and
            -not ((Test-Path "$db-wal") -and (Get-PartnerDatabase -Database $db -ErrorAction SilentlyContinue).PartnerCount -gt 0)) {
            Start-Sleep -Milliseconds 20
        }
        $process.HasExited | Should -BeFalse -Because 'the import should still be running when it is killed'
        Stop-Process -Id $process.Id -Force
        $process.WaitForExit()
        Close-PooledConnections   # the checks below open the killed file afresh

        Test-PartnerDatabase -Database $db | Should -BeTrue
        $kept = (Get-PartnerDatabase -Database $db).PartnerCount
        $kept | Should -BeGreaterThan 0
        $kept | Should -BeLessThan 300000
        # Whole batches only: the rows kept are the file's first rows, with no gap.
        (Get-Partner -Database $db -Name "Partner $kept").Name | Should -BeExactly "Partner $kept"
        Get-Partner -Database $db -Name "Partner $($kept + 1)" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $result = Import-Partner -Path $csv -Database $db -Mode Skip
        $result.Inserted | Should -Be (300000 - $kept)
        $result.Skipped | Should -Be $kept
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 300000
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}

Describe 'A reader during a large import' {
    It 'reads all along without an error, and sees the count only grow' {
        $csv = New-PartnerCsv 200000
        $db = New-TestDatabasePath
        $null = New-PartnerDatabase -Path $db
        $prefix = Join-Path (New-TestFolder) 'import'
        $process = Start-ChildPwsh -OutputPrefix $prefix -Command "Import-Module '$script:ModuleManifest'; Import-Partner -Path '$csv' -Database '$db' | Out-Null"
        $counts = [System.Collections.Generic.List[long]]::new()
        while (-not $process.HasExited) {
            $counts.Add((Get-PartnerDatabase -Database $db).PartnerCount)
            Start-Sleep -Milliseconds 50
        }
        $process.ExitCode | Should -Be 0
        $counts.Count | Should -BeGreaterThan 1
        for ($i = 1; $i -lt $counts.Count; $i++) { $counts[$i] | Should -BeGreaterOrEqual $counts[$i - 1] }
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 200000
    }
}

Describe 'The session culture' {
    It 'gives identical results in <_>' -ForEach @('en-US', 'de-DE', 'ar-SA', 'th-TH') {
        $culture = $_
        $db = New-TestDatabasePath
        $script = @"
[cultureinfo]::CurrentCulture = '$culture'
Add-Partner -Database '$db' -Name 'Müller & Söhne' -Region 'Western Europe' -Country DE -JoinedOn '2014-03-31'
[pscustomobject]@{ PartnerName = 'Müller & Söhne'; Date = '2015-12-31'; Amount = '1234.56' } | Add-PartnerRevenue -Database '$db'
Add-PartnerRevenue -Database '$db' -Direct -Region China -Date 2015-02-28 -Amount 10.5
`$m = Measure-PartnerRevenue -Database '$db' -GroupBy Region, Year
`$p = Get-Partner -Database '$db'
@{
    Joined = `$p.JoinedOn.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
    Totals = @(`$m | ForEach-Object { '{0}|{1}|{2}' -f `$_.Region, `$_.Year, `$_.Total.ToString([cultureinfo]::InvariantCulture) })
    Dates = @(Get-PartnerRevenue -Database '$db' | ForEach-Object { `$_.Date.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture) })
    AsOf = @(Get-Partner -Database '$db' -AsOf 2014-04-01).Count
}
"@
        $result = Invoke-ChildPwshJson -ImportModule -Command $script
        $result.Joined | Should -BeExactly '2014-03-31'
        $result.Totals | Should -Be @('China|2015|10.50', 'Western Europe|2015|1234.56')
        $result.Dates | Should -Be @('2015-02-28', '2015-12-31')
        $result.AsOf | Should -Be 1
    }
}
