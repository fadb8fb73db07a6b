# Runbooks on several hosts writing to one server database at once: four writer processes (each 500 partners through a
# pipeline, then 500 revenue records) and a reader lose nothing, and give no error but DatabaseBusy (issue 16).
BeforeAll {
    . (Join-Path $PSScriptRoot 'Server.Helpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'Four writer processes and a reader on one server database' -Tag 'ServerOnly' {
    BeforeAll {
        $db = New-TestDatabase
        $folder = Get-TestFolder $db
        $writers = foreach ($w in 1..4) {
            Start-ChildPwsh -OutputPrefix (Join-Path $folder "writer$w") -Command @"
`$ProgressPreference = 'SilentlyContinue'   # as a runbook would: progress would reach stderr as CLIXML
Import-Module $(ConvertTo-PSLiteral $script:ModuleManifest)
`$db = $(ConvertTo-PSLiteral $db)
`$partners = @(1..500 | ForEach-Object { [pscustomobject]@{ Name = 'Writer $w Partner ' + `$_; Region = 'Region ' + (`$_ % 5) } } |
    Add-Partner -Database `$db -PassThru)
`$records = @(1..500 | ForEach-Object { [pscustomobject]@{ PartnerName = 'Writer $w Partner ' + `$_; Date = '2015-{0:00}-15' -f (1 + `$_ % 12); Amount = `$_ } } |
    Add-PartnerRevenue -Database `$db -PassThru)
'@@COUNTS@@' + (@{ Partners = @(`$partners.Name); Records = `$records.Count; Amount = [decimal](`$records | Measure-Object Amount -Sum).Sum } | ConvertTo-Json -Compress)
`$Error | ForEach-Object { [Console]::Error.WriteLine('@@ERROR@@' + `$_.FullyQualifiedErrorId + ' ' + `$_.ToString()) }
exit 0
"@
        }
        # A reader in this session meanwhile: every read answers (or is DatabaseBusy), and the count only grows.
        $readerErrors = [System.Collections.Generic.List[string]]::new()
        $counts = [System.Collections.Generic.List[long]]::new()
        $readsWhileWriting = 0
        while (@($writers | Where-Object { -not $_.HasExited }).Count -gt 0) {
            try {
                $null = Get-Partner -Database $db -Name 'Writer 1*' -First 10
                $counts.Add((Get-PartnerDatabase -Database $db).PartnerCount)
                $null = Measure-PartnerRevenue -Database $db -GroupBy Region
                $readsWhileWriting++
            }
            catch {
                if ($_.FullyQualifiedErrorId -notlike 'DatabaseBusy,*') { $readerErrors.Add("$($_.FullyQualifiedErrorId) $_") }
            }
            Start-Sleep -Milliseconds 50
        }
        $writers | Wait-Process -Timeout 300
        $reported = foreach ($w in 1..4) {
            $line = Get-Content (Join-Path $folder "writer$w.out.txt") | Where-Object { $_.StartsWith('@@COUNTS@@') } | Select-Object -Last 1
            if ($line) { $line.Substring('@@COUNTS@@'.Length) | ConvertFrom-Json }
        }
        $errorLines = @(foreach ($w in 1..4) { Get-Content (Join-Path $folder "writer$w.err.txt") | Where-Object { $_ } })
    }

    It 'lets every writer finish and report what it wrote' {
        $writers.ExitCode | Should -Be @(0, 0, 0, 0)
        @($reported).Count | Should -Be 4 -Because "each writer prints its counts (stderr: $($errorLines -join '; '))"
    }

    It 'gives no error other than DatabaseBusy, in the writers or the reader' {
        @($errorLines | Where-Object { $_ -notlike '@@ERROR@@DatabaseBusy,*' }) | Should -BeNullOrEmpty
        $readerErrors | Should -BeNullOrEmpty
    }

    It 'read while the writers wrote, and the partner count only grew' {
        $readsWhileWriting | Should -BeGreaterThan 3
        for ($i = 1; $i -lt $counts.Count; $i++) { $counts[$i] | Should -BeGreaterOrEqual $counts[$i - 1] }
    }

    It 'stores every partner a writer passed on, and no other' {
        $stored = @(Get-Partner -Database $db | ForEach-Object Name | Sort-Object)
        $stored | Should -Be @($reported | ForEach-Object { $_.Partners } | Sort-Object)
        if (-not $errorLines) { $stored.Count | Should -Be 2000 }
    }

    It 'stores every revenue record a writer passed on, with its amount' {
        $records = ($reported | Measure-Object Records -Sum).Sum
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be $records
        @(Get-PartnerRevenue -Database $db).Count | Should -Be $records
        (Measure-PartnerRevenue -Database $db).Total | Should -Be ([decimal]($reported | Measure-Object Amount -Sum).Sum)
        if (-not $errorLines) { $records | Should -Be 2000 }
    }

    It 'leaves a database that passes Test-PartnerDatabase (the totals agree with the records)' {
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}
