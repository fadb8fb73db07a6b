BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Issue 11: any number of values in a filter (SQLite allows 32,766 parameters in one statement). One database of
    # 42,000 partners: partner i is 'Partner 0000i' with id i, and has one revenue record of i USD (id i). Every value
    # is a function of i, so each test can say exactly which records must come back.
    $script:Count = 42000
    $countries = 'US', 'DE', 'FR', 'JP', 'BR', 'IN'
    $statuses = 'Prospect', 'Onboarding', 'Active', 'Suspended'

    # $Names[i] is partner i's name; $SaleKeys[i] sorts its revenue record as Get-PartnerRevenue does (date, then id).
    $script:Names = [string[]]::new($script:Count + 1)
    $script:SaleKeys = [string[]]::new($script:Count + 1)
    $db = New-TestDatabase
    $folder = Get-TestFolder $db
    $partners = [Text.StringBuilder]::new("Name,Type,Status,Region,Country,JoinedOn`n")
    $revenue = [Text.StringBuilder]::new("PartnerName,Date,Amount,Segment,Region`n")
    foreach ($i in 1..$script:Count) {
        $name = $script:Names[$i] = 'Partner {0:D5}' -f $i
        $date = '{0:D4}-{1:D2}-{2:D2}' -f (2000 + $i % 40), (1 + $i % 12), (1 + $i % 28)
        $script:SaleKeys[$i] = '{0} {1:D5}' -f $date, $i
        $null = $partners.AppendLine(('{0},Reseller,{1},Region {2:D4},{3},2015-01-01' -f $name, $statuses[$i % 4], ($i % 2000), $countries[$i % 6]))
        $null = $revenue.AppendLine(('{0},{1},{2},Segment {3:D3},Zone {4:D3}' -f $name, $date, $i, ($i % 500), ($i % 1000)))
    }

    [IO.File]::WriteAllText("$folder/partners.csv", $partners.ToString())
    [IO.File]::WriteAllText("$folder/revenue.csv", $revenue.ToString())
    $null = Import-Partner "$folder/partners.csv" -Database $db
    $null = Import-PartnerRevenue "$folder/revenue.csv" -Database $db
    1900..2999 | ForEach-Object { [pscustomobject]@{ From = 'GBP'; To = 'USD'; Year = $_; Rate = 1.25 } } | Set-PartnerExchangeRate -Database $db
    foreach ($year in 2000..2009) {
        0..49 | ForEach-Object { [pscustomobject]@{ Metric = 'PartnerCount'; Region = 'Zone {0:D3}' -f $_; Year = $year; Value = $_ } } | Set-PartnerTarget -Database $db
    }

    # The revenue records of these partners, in Get-PartnerRevenue's order (date, then id), as partner ids.
    function Get-ExpectedRevenue([int[]] $Ids) {
        $sorted = [int[]]$Ids.Clone()
        [Array]::Sort([string[]]$script:SaleKeys[$Ids], $sorted, [StringComparer]::Ordinal)
        $sorted -join ','
    }

    # The total of these partners' records: partner i's is i.
    function Get-Sum([int[]] $Ids) { [decimal][Linq.Enumerable]::Sum([long[]]$Ids) }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Get-Partner with many values' {
    It 'Get-Partner -Id (1..40000) returns exactly those 40,000 partners, by name' {
        $found = Get-Partner -Database $db -Id (1..40000)
        $found.Count | Should -Be 40000
        $found.Id -join ',' | Should -BeExactly ((1..40000) -join ',')
        $found[39999].Name | Should -BeExactly 'Partner 40000'
    }

    It 'Get-Partner -Name with 40,000 exact names in any case returns exactly them, and one PartnerNotFound for each of the 7 missing' {
        $names = foreach ($i in 2001..42000) { if ($i % 2) { $script:Names[$i].ToUpperInvariant() } else { $script:Names[$i].ToLowerInvariant() } }
        $missing = 1..7 | ForEach-Object { "Nobody $_" }
        $err = $null
        $found = Get-Partner -Database $db -Name ($names + $missing) -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Count | Should -Be 40000
        $found.Id -join ',' | Should -BeExactly ((2001..42000) -join ',')
        $err.Count | Should -Be 7
        @($err | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object -Unique) | Should -Be @('PartnerNotFound')
        @($err.TargetObject) | Should -Be $missing
    }

    It 'Get-Partner -Name with 3,000 wildcard patterns returns exactly the partners they match' {
        $patterns = @(
            foreach ($k in 0..999) { 'partner 1{0:D3}?' -f $k }          # 10000..19999
            foreach ($k in 0..999) { 'PARTNER 2{0:D3}*' -f $k }          # 20000..29999
            foreach ($k in 0..999) { 'Partner 3{0:D3}[02468]' -f $k }    # the even ones of 30000..39998
            '*41000', '?artner 4100[5-7]'                                 # no literal prefix: 41000, 41005..41007
        )
        $expected = @(10000..29999) + @(30000..39999 | Where-Object { $_ % 2 -eq 0 }) + @(41000, 41005, 41006, 41007)
        $found = Get-Partner -Database $db -Name $patterns
        $found.Count | Should -Be $expected.Count
        $found.Id -join ',' | Should -BeExactly ($expected -join ',')
    }

    It 'Get-Partner -Region with 2,051 exact and wildcard regions returns exactly the partners in them' {
        $regions = @(
            foreach ($k in 0..499) { 'region {0:D4}' -f $k; 'REGION {0:D4}' -f $k; 'Region {0:D4}' -f $k; 'rEGION {0:D4}' -f $k }
            foreach ($k in 0..49) { 'Region 1{0:D2}?' -f $k }             # Region 1000..1499
            '*[5]55'                                                      # Region 0555, 1555
        )
        $regions.Count | Should -Be 2051
        $expected = 1..$script:Count | Where-Object { $r = $_ % 2000; $r -lt 500 -or ($r -ge 1000 -and $r -lt 1500) -or $r -eq 555 -or $r -eq 1555 }
        $found = Get-Partner -Database $db -Region $regions
        $found.Count | Should -Be @($expected).Count
        $found.Id -join ',' | Should -BeExactly ($expected -join ',')
    }

    It 'Get-Partner -Country and -Status with 40,000 values each return exactly the partners with those values' {
        $countries = foreach ($n in 1..40000) { ('de', 'FR', 'Jp')[$n % 3] }
        $statuses = foreach ($n in 1..40000) { ('Active', 'Suspended')[$n % 2] }
        $expected = 1..$script:Count | Where-Object { ($_ % 6) -in 1, 2, 3 -and ($_ % 4) -in 2, 3 }
        $found = Get-Partner -Database $db -Country $countries -Status $statuses
        $found.Count | Should -Be @($expected).Count
        $found.Id -join ',' | Should -BeExactly ($expected -join ',')
    }
}

Describe 'Revenue with many values' {
    It 'Get-PartnerRevenue -Partner with 40,000 ids returns exactly their records' {
        $found = Get-PartnerRevenue -Database $db -Partner (1..40000)
        $found.Count | Should -Be 40000
        $found.PartnerId -join ',' | Should -BeExactly (Get-ExpectedRevenue (1..40000))
    }

    It 'Get-PartnerRevenue -Partner with 40,000 names and a wildcard returns exactly their records' {
        $names = $script:Names[2001..42000] + 'partner 0000?'
        $found = Get-PartnerRevenue -Database $db -Partner $names
        $found.Count | Should -Be 40009
        $found.PartnerId -join ',' | Should -BeExactly (Get-ExpectedRevenue ((1..9) + (2001..42000)))
    }

    It 'Measure-PartnerRevenue -Partner with 40,000 ids, or with their names, measures exactly their records' {
        $byId = Measure-PartnerRevenue -Database $db -Partner (1..40000)
        $byId.Count | Should -Be 40000
        $byId.Total | Should -Be (Get-Sum (1..40000))
        $byName = Measure-PartnerRevenue -Database $db -Partner $script:Names[1..40000]
        $byName.Count | Should -Be 40000
        $byName.Total | Should -Be (Get-Sum (1..40000))
    }

    It 'Get-PartnerRevenue and Measure-PartnerRevenue with 2,000 -Segment and 2,000 -Region patterns give exactly the matching records' {
        $segments = @(
            foreach ($k in 0..249) { 'segment {0:D3}' -f $k; 'SEGMENT {0:D3}' -f $k; 'Segment {0:D3}' -f $k; 'sEGMENT {0:D3}' -f $k }
            foreach ($k in 0..999) { 'Segment 3{0}?' -f ($k % 10) }       # Segment 300..399
        )
        $zones = @(
            foreach ($k in 0..499) { 'zone {0:D3}' -f $k; 'ZONE {0:D3}' -f $k }
            foreach ($k in 0..999) { 'Zone 9{0}?' -f ($k % 10) }          # Zone 900..999
        )
        $segments.Count, $zones.Count | Should -Be 2000, 2000
        $expected = 1..$script:Count | Where-Object { $s = $_ % 500; $z = $_ % 1000; ($s -lt 250 -or $s -ge 300 -and $s -lt 400) -and ($z -lt 500 -or $z -ge 900) }
        $found = Get-PartnerRevenue -Database $db -Segment $segments -Region $zones
        $found.Count | Should -Be @($expected).Count
        $found.PartnerId -join ',' | Should -BeExactly (Get-ExpectedRevenue $expected)

        $measure = Measure-PartnerRevenue -Database $db -Segment $segments -Region $zones
        $measure.Count | Should -Be @($expected).Count
        $measure.Total | Should -Be (Get-Sum $expected)
    }
}

Describe 'History, targets and exchange rates with many values' {
    It 'Get-PartnerHistory -Partner with 40,000 ids returns exactly the changes of those partners, newest first' {
        $found = Get-PartnerHistory -Database $db -Partner (1..40000) -Entity Partner
        $found.Count | Should -Be 40000
        $found.PartnerId -join ',' | Should -BeExactly ((40000..1) -join ',')
        @($found.Operation | Sort-Object -Unique) | Should -Be @('Insert')
    }

    It 'Get-PartnerTarget -Year with 40,001 years and -Region with 2,000 patterns returns exactly those targets' {
        $regions = @(
            foreach ($k in 0..999) { 'ZONE {0:D3}' -f ($k % 20) }         # Zone 000..019
            foreach ($k in 0..999) { 'zone 04?' }                         # Zone 040..049
        )
        $years = -20000..20000 | Where-Object { $_ % 2 -eq 0 -or $_ -gt 2006 }
        @($years).Count | Should -BeGreaterThan 20000
        $found = Get-PartnerTarget -Database $db -Year (1000..41000) -Region $regions
        $found.Count | Should -Be 300
        $expected = foreach ($year in 2000..2009) { foreach ($k in (0..19) + (40..49)) { '{0} Zone {1:D3}' -f $year, $k } }
        ($found | ForEach-Object { '{0} {1}' -f $_.Year, $_.Region }) -join ',' | Should -BeExactly ($expected -join ',')

        $someYears = Get-PartnerTarget -Database $db -Year $years -Region 'zone 001'
        $someYears.Year -join ',' | Should -BeExactly ((2000, 2002, 2004, 2006, 2007, 2008, 2009) -join ',')
    }

    It 'Get-PartnerExchangeRate -Year with 40,001 years returns exactly the rates of those years' {
        $years = -40000..40000 | Where-Object { $_ % 2 -eq 0 }
        @($years).Count | Should -Be 40001
        $found = Get-PartnerExchangeRate -Database $db -Year $years
        $found.Count | Should -Be 550
        $found.Year -join ',' | Should -BeExactly ((1900..2998 | Where-Object { $_ % 2 -eq 0 }) -join ',')
    }
}
