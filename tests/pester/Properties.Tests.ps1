# Property tests through the cmdlets: random partners (FsCheck, with the generators the xunit properties use,
# tests/PartnerOps.Tests/Properties/PartnerGenerators.cs) round-trip exactly through Add-Partner and Get-Partner,
# and random files never make Import-Partner fail in an undocumented way.
# The seed is printed; set $env:PARTNEROPS_PROPERTY_SEED to it to replay a failure.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # FsCheck and FSharp.Core as tests/pester/restore/Pester.csproj downloads them.
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) { $packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim() }
    $fsharp = Join-Path $packages 'fsharp.core/5.0.2/lib/netstandard2.0/FSharp.Core.dll'
    $fscheck = Join-Path $packages 'fscheck/3.6.0/lib/netstandard2.0/FsCheck.dll'
    foreach ($dll in $fsharp, $fscheck) {
        if (-not (Test-Path $dll)) { throw "'$dll' is missing: run 'dotnet restore tests/pester/restore/Pester.csproj'." }
    }
    Add-Type -Path $fsharp, $fscheck
    if (-not ('PartnerOps.Properties.PartnerGenerators' -as [type])) {
        Add-Type -Path (Join-Path $PSScriptRoot '../PartnerOps.Tests/Properties/PartnerGenerators.cs') -ReferencedAssemblies @(
            [PartnerOps.Partner].Assembly.Location, $fscheck, $fsharp, 'System.Linq', 'System.Collections', 'System.Runtime', 'netstandard', 'System.Text.Encoding.Extensions')
    }

    $script:Seed = if ($env:PARTNEROPS_PROPERTY_SEED) { [uint64]$env:PARTNEROPS_PROPERTY_SEED } else { [uint64]20260515 }
    Write-Host "Properties.Tests.ps1: seed $script:Seed (replay with `$env:PARTNEROPS_PROPERTY_SEED = '$script:Seed')"

    # Count values of a generator at the given size, the same for the same seed. (Gen.Sample's arguments after the
    # generator are the number of values, the seed and the size, whatever its documentation says.)
    function Get-Sample($Generator, [int] $Count, [int] $Size, [uint64] $Salt) {
        $values = [FsCheck.Fluent.Gen]::Sample($Generator, $Count, [FsCheck.Rnd]::new($script:Seed + $Salt), $Size)
        @($values)
    }
}

AfterAll {
    Remove-TestFolders
}

Describe 'Random partners piped into Add-Partner come back from Get-Partner exactly' {
    BeforeAll {
        $db = New-TestDatabase
        $today = (Get-Date).Date
        $generated = Get-Sample ([PartnerOps.Properties.PartnerGenerators]::Partner) -Count 300 -Size 30 -Salt 1
        # Names are unique ignoring case: keep the first of each.
        $seen = [Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
        $cases = @($generated | Where-Object { $seen.Add($_.NameKey) })

        # As rows from Import-Csv would come: only the properties given (a missing one takes its default).
        $rows = foreach ($case in $cases) {
            $row = [ordered]@{ Name = $case.Name }
            foreach ($property in 'Type', 'Tier', 'Status', 'Region', 'Country', 'JoinedOn', 'EndedOn', 'Notes') {
                if ($null -ne $case.$property) { $row[$property] = $case.$property }
            }
            [pscustomobject]$row
        }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $added = @($rows | Add-Partner -Database $db -PassThru -ErrorVariable addErrors -ErrorAction SilentlyContinue)
        $stored = @{}
        Get-Partner -Database $db | ForEach-Object { $stored[$_.Id] = $_ }
        Write-Host "  $($cases.Count) partners added and read back in $([int]$clock.Elapsed.TotalMilliseconds) ms"
    }

    It 'generates a few hundred partners, of every kind' {
        $cases.Count | Should -BeGreaterThan 250
        @($cases | Where-Object { $_.ExpectedName.Length -eq 200 }).Count | Should -BeGreaterThan 0 -Because 'the longest names are tried'
        @($cases | Where-Object { $_.Name -match '[*?\[\]]' }).Count | Should -BeGreaterThan 0 -Because 'wildcard characters are tried'
        @($cases | Where-Object { $_.Name -match '\p{Cs}' }).Count | Should -BeGreaterThan 0 -Because 'characters outside the BMP (emoji) are tried'
        @($cases | Where-Object { $_.Name -match '\p{Mn}' }).Count | Should -BeGreaterThan 0 -Because 'combining marks are tried'
        @($cases | Where-Object { $_.JoinedOn -and ($_.JoinedOn.Year -eq 1900 -or $_.JoinedOn.Year -eq 2999) }).Count | Should -BeGreaterThan 0 -Because 'the first and last years partners may have are tried'
        foreach ($property in 'Type', 'Tier', 'Status') {
            @($cases | Where-Object { $null -ne $_.$property } | ForEach-Object $property | Sort-Object -Unique).Count |
                Should -Be ([enum]::GetValues([type]"PartnerOps.Partner$property").Count) -Because "every $property is tried"
        }
    }

    It 'adds every one without an error' {
        $addErrors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } | Should -BeNullOrEmpty
        $added.Count | Should -Be $cases.Count
        $stored.Count | Should -Be $cases.Count
    }

    It 'stores every property as the documented rules say (trimmed NFC name and region, upper-case country, date-only dates, defaults)' {
        $failures = for ($i = 0; $i -lt $cases.Count; $i++) {
            $expected = $cases[$i].Expected($today)
            $actual = $stored[$added[$i].Id]
            if (-not $actual) { "partner $i ($($cases[$i])) was not read back"; continue }
            $differences = [PartnerOps.Properties.PartnerCase]::Differences($expected, $actual)
            if ($differences) { "partner $i, given $($cases[$i]):`n$differences" }
        }
        $failures | Select-Object -First 3 | Should -BeNullOrEmpty
    }

    It 'finds every partner by its name, wildcard characters escaped, and by that name followed by *' {
        $failures = foreach ($partner in $added) {
            $escaped = [WildcardPattern]::Escape($partner.Name)
            $exact = @(Get-Partner -Database $db -Name $escaped -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
            if ($exact.Count -ne 1 -or $exact[0].Id -ne $partner.Id) {
                "-Name $([PartnerOps.Properties.PartnerCase]::Show($escaped)) gave $($exact.Count) partner(s) $($lookupErrors | Select-Object -First 1)"
            }
            $prefix = @(Get-Partner -Database $db -Name "$escaped*" | Where-Object Id -EQ $partner.Id)
            if ($prefix.Count -ne 1) { "-Name $([PartnerOps.Properties.PartnerCase]::Show("$escaped*")) did not find it" }
        }
        $failures | Select-Object -First 3 | Should -BeNullOrEmpty
    }

    It 'keeps the database sound' {
        Test-PartnerDatabase -Database $db | Should -BeTrue
    }
}

Describe 'Random files fed to Import-Partner' {
    BeforeAll {
        $folder = New-TestFolder
        $files = [Collections.Generic.List[object]]::new()
        $salt = 10
        foreach ($delimiter in ',', ';', "`t") {
            foreach ($bytes in (Get-Sample ([PartnerOps.Properties.PartnerGenerators]::ImportBytes($delimiter)) -Count 12 -Size 40 -Salt ($salt++))) {
                $name = 'file{0:D2}{1}' -f $files.Count, $(if ($files.Count % 4 -eq 3) { '.json' } else { '.csv' })
                [IO.File]::WriteAllBytes((Join-Path $folder $name), [byte[]]$bytes)
                $files.Add([pscustomobject]@{ Name = $name; Delimiter = [string]$delimiter; Base64 = [Convert]::ToBase64String([byte[]]$bytes) })
            }
        }

        # In a child pwsh: a crash there fails these tests instead of ending the test run.
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $outcomes = Invoke-ChildPwshJson -ImportModule -Command @"
`$ProgressPreference = 'SilentlyContinue'
`$folder = $(ConvertTo-PSLiteral $folder)
`$files = $(ConvertTo-PSLiteral ($files | Select-Object Name, Delimiter | ConvertTo-Json -Compress)) | ConvertFrom-Json
foreach (`$file in `$files) {
    `$db = Join-Path `$folder (`$file.Name + '.db')
    Add-Partner -Database `$db -Name Acme
    `$outcome = [ordered]@{ Name = `$file.Name; Result = `$null; RowErrorIds = @(); Terminating = `$null; ExceptionType = `$null; Sound = `$null; Partners = `$null }
    try {
        `$result = Import-Partner -Path (Join-Path `$folder `$file.Name) -Database `$db -Delimiter `$file.Delimiter -FailedRowPath (Join-Path `$folder (`$file.Name + '.failed.csv')) -ErrorVariable rowErrors -ErrorAction SilentlyContinue
        `$outcome.Result = @(`$result | ForEach-Object { [ordered]@{ Type = `$_.GetType().FullName; Read = `$_.Read; Inserted = `$_.Inserted; Failed = `$_.Failed } })
        `$outcome.RowErrorIds = @(`$rowErrors | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { `$_.FullyQualifiedErrorId.Split(',')[0] } else { 'not an ErrorRecord: ' + `$_.GetType().FullName } })
    }
    catch {
        `$outcome.Terminating = `$_.FullyQualifiedErrorId.Split(',')[0]
        `$outcome.ExceptionType = `$_.Exception.GetType().FullName + ': ' + `$_.Exception.Message
    }
    `$outcome.Sound = [bool](Test-PartnerDatabase -Database `$db)
    `$outcome.Partners = (Get-PartnerDatabase -Database `$db).PartnerCount
    [pscustomobject]`$outcome
}
"@
        Write-Host "  $($files.Count) random files imported in $([int]$clock.Elapsed.TotalMilliseconds) ms (in a child pwsh)"
        $byName = @{}
        $files | ForEach-Object { $byName[$_.Name] = $_ }

        function Get-Because($Outcome) {
            $file = $byName[$Outcome.Name]
            "$($Outcome.Name) (delimiter $([int][char]$file.Delimiter), bytes as base64: $($file.Base64)) must end as documented"
        }
    }

    It 'imports every file to an end' {
        @($outcomes).Count | Should -Be $files.Count
    }

    It 'returns one ImportResult, or stops with ImportFileInvalid (ImportHeaderInvalid for a header without a Name column) and nothing else' {
        foreach ($outcome in $outcomes) {
            if ($outcome.Terminating) {
                $outcome.Terminating | Should -BeIn @('ImportFileInvalid', 'ImportHeaderInvalid') -Because "$(Get-Because $outcome) ($($outcome.ExceptionType))"
                $outcome.Result | Should -BeNullOrEmpty -Because (Get-Because $outcome)
            }
            else {
                @($outcome.Result).Count | Should -Be 1 -Because (Get-Because $outcome)
                $outcome.Result[0].Type | Should -Be 'PartnerOps.ImportResult' -Because (Get-Because $outcome)
            }
        }
    }

    It 'reports each rejected row as one ImportRowInvalid error' {
        foreach ($outcome in $outcomes | Where-Object { -not $_.Terminating }) {
            @($outcome.RowErrorIds | Where-Object { $_ -ne 'ImportRowInvalid' }) | Should -BeNullOrEmpty -Because (Get-Because $outcome)
            @($outcome.RowErrorIds).Count | Should -Be $outcome.Result[0].Failed -Because (Get-Because $outcome)
            $outcome.Partners | Should -Be (1 + $outcome.Result[0].Inserted) -Because (Get-Because $outcome)
        }
    }

    It 'leaves a database that passes Test-PartnerDatabase' {
        foreach ($outcome in $outcomes) {
            $outcome.Sound | Should -BeTrue -Because (Get-Because $outcome)
        }
    }

    It 'meets files of every kind: some import rows, some fail rows, some are refused as a whole' {
        Write-Host "  files that imported rows: $(@($outcomes | Where-Object { $_.Result -and $_.Result[0].Inserted -gt 0 }).Count), with failed rows: $(@($outcomes | Where-Object { $_.Result -and $_.Result[0].Failed -gt 0 }).Count), refused whole: $(@($outcomes | Where-Object Terminating).Count)"
        @($outcomes | Where-Object { $_.Result -and $_.Result[0].Inserted -gt 0 }).Count | Should -BeGreaterThan 0
        @($outcomes | Where-Object { $_.Result -and $_.Result[0].Failed -gt 0 }).Count | Should -BeGreaterThan 0
        @($outcomes | Where-Object Terminating).Count | Should -BeGreaterThan 0
    }
}
