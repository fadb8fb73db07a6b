BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

AfterAll {
    Remove-TestFolders
}

Describe 'Import-Csv | Add-Partner in batches' {
    It 'a bad item in the middle of 20,000 piped rows is the only one missing' {
        $db = New-TestDatabase
        $rows = 1..20000 | ForEach-Object {
            [pscustomobject]@{ Name = "Partner $_"; Country = $(if ($_ -eq 10000) { 'XX' } else { 'DE' }) }
        }
        $rows | Add-Partner -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].TargetObject.Name | Should -BeExactly 'Partner 10000'
        (Get-PartnerDatabase -Database $db).PartnerCount | Should -Be 19999
        Get-Partner -Database $db -Name 'Partner 10000' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $after = Get-Partner -Database $db -Name 'Partner 10001'
        $after.Name, $after.Country | Should -Be @('Partner 10001', 'DE')
        (Get-Partner -Database $db -Name 'Partner 9999').Name | Should -BeExactly 'Partner 9999'
    }
}

Describe 'Import-Partner on awkward CSV' {
    It 'reads quoted fields with commas and newlines, after a byte-order mark, counting lines as the file does' {
        $folder = New-TestFolder
        $csv = Join-Path $folder 'awkward.csv'
        $text = "Name,Notes,Country`r`n" + '"Smith, Jones and Partners",plain,GB' + "`r`n" + '"O''Neill Data","two' + "`n" + 'lines",IE' + "`r`n" + 'Bad Country,x,XX' + "`r`n"
        [IO.File]::WriteAllText($csv, $text, [Text.UTF8Encoding]::new($true))
        $db = Join-Path $folder 'p.db'
        $result = Import-Partner -Path $csv -Database $db -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Inserted | Should -Be 2
        (Get-Partner -Database $db -Name 'Smith, Jones and Partners').Country | Should -Be 'GB'
        (Get-Partner -Database $db -Name "O'Neill Data").Notes | Should -Be "two`nlines"
        $err[0].Exception.Message | Should -BeLike 'Line 5, column Country:*'
    }
}

Describe 'Streaming reads' {
    BeforeAll {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'many.csv'
        'Name,Region' | Set-Content $csv
        1..200000 | ForEach-Object { "Co $_,Western Europe" } | Add-Content $csv
        $null = Import-Partner -Path $csv -Database $db
    }

    It 'Get-Partner | Select-Object -First 1 returns without reading the whole table' {
        $null = Get-Partner -Database $db -First 1   # the first call opens the file and compiles
        $first = Measure-FirstArrival { Get-Partner -Database $db }
        $all = Measure-Command { Get-Partner -Database $db | Out-Null }
        # The first row must come after a small part of the time reading 200,000 takes (both measured here, now).
        $first | Should -BeLessThan ($all.TotalMilliseconds / 10)
    }
}
