# Issue 11, rules 1-4: objects name their database, piped objects are worked on there, records are known by
# their own kind of id, names from objects are literal.
# Setup and fixtures: ObjectOrigin.Helpers.ps1 (cases: ObjectOrigin.Cases.ps1).
BeforeDiscovery { . (Join-Path $PSScriptRoot 'ObjectOrigin.Cases.ps1') }
BeforeAll { . (Join-Path $PSScriptRoot 'ObjectOrigin.Helpers.ps1') }
AfterAll { Undo-ObjectOriginSetup }

Describe 'Every object the module returns names the database it came from' {
    It 'has the full path of the file as its Database, for every kind of object read through a relative path' {
        $folder = New-TestFolder
        Set-Content -LiteralPath (Join-Path $folder 'more.csv') -Value "Name`nImported"
        Push-Location -LiteralPath $folder
        try {
            $null = New-PartnerDatabase -Path ./named.db -Currency USD
            $objects = [ordered]@{
                Partner = Add-Partner -Database ./named.db -Name 'Alpha' -PassThru
                PartnerRevenue = Add-PartnerRevenue -Database ./named.db -Partner 'Alpha' -Date '2016-01-01' -Amount 5 -PassThru
                PartnerTarget = Set-PartnerTarget -Database ./named.db -Metric PartnerCount -Year 2016 -Value 1 -PassThru
                ExchangeRate = Set-PartnerExchangeRate -Database ./named.db -From GBP -To USD -Year 2016 -Rate 2 -PassThru
                HistoryEntry = Get-PartnerHistory -Database ./named.db -First 1
                RevenueMeasure = Measure-PartnerRevenue -Database ./named.db
                TargetProgress = Measure-PartnerTarget -Database ./named.db
                DatabaseInfo = Get-PartnerDatabase -Database ./named.db
                DatabaseFinding = Test-PartnerDatabase -Database ./named.db -Detailed | Select-Object -First 1
                ImportResult = Import-Partner -Database ./named.db -Path ./more.csv
            }
        }
        finally {
            Pop-Location
        }
        $named = Join-Path $folder 'named.db'
        $lines = foreach ($kind in $objects.Keys) { "${kind}: $(@($objects[$kind]).Count) $(@($objects[$kind]).Database)" }
        $lines | Should -Be @($objects.Keys | ForEach-Object { "${_}: 1 $named" })
    }

    It 'a partner read through ./x.db is changed in that file after the location moved to a folder with another x.db' {
        $first = New-TestFolder
        $second = New-TestFolder
        Copy-Item -LiteralPath $script:Templates.Main -Destination (Join-Path $first 'x.db')
        Copy-Item -LiteralPath $script:Templates.Main -Destination (Join-Path $second 'x.db')
        Push-Location -LiteralPath $first
        try { $bravo = Get-Partner -Database ./x.db -Name 'Bravo' } finally { Pop-Location }
        Push-Location -LiteralPath $second
        try { $bravo | Set-Partner -Tier Gold } finally { Pop-Location }

        Get-Changes (Join-Path $first 'x.db') Main | Should -BeExactly '-partner 2 Bravo Registered, +partner 2 Bravo Gold'
        Get-Changes (Join-Path $second 'x.db') Main | Should -BeExactly 'unchanged'
    }
}

Describe 'A piped object is worked on in its own database, not in the default (each of $env:PARTNEROPS_DATABASE, Connect-PartnerDatabase, $PSDefaultParameterValues)' {
    BeforeAll {
        # Each default is set in a runspace of its own: Connect-PartnerDatabase cannot be undone, and the others are
        # set and undone there around each pipeline, so this session's defaults stay as they were.
        $defaults = [ordered]@{
            '$env:PARTNEROPS_DATABASE' = @('$saved = $env:PARTNEROPS_DATABASE; $env:PARTNEROPS_DATABASE = $D', '$env:PARTNEROPS_DATABASE = $saved')
            'Connect-PartnerDatabase' = @('$null = Connect-PartnerDatabase -Path $D', '')
            '$PSDefaultParameterValues' = @('$PSDefaultParameterValues[''*-Partner*:Database''] = $D', '$PSDefaultParameterValues.Remove(''*-Partner*:Database'')')
        }
        # Only measured, never written: one copy serves every test.
        $eur = New-Fixture Euro
        $runspaces = @{}
        foreach ($default in $defaults.Keys) {
            $runspaces[$default] = [runspacefactory]::CreateRunspace()
            $runspaces[$default].Open()
            $imported = Invoke-InRunspace -Runspace $runspaces[$default] -Script "Import-Module $(ConvertTo-PSLiteral (Resolve-Path -LiteralPath $script:ModuleManifest).Path)"
            $imported.Errors.Count | Should -Be 0
        }
    }

    AfterAll {
        foreach ($runspace in $runspaces.Values) { $runspace.Dispose() }
    }

    It '<Does>' -ForEach $DefaultCases {
        $lines = foreach ($default in $defaults.Keys) {
            $a = New-Fixture Main
            $D = New-Fixture Main
            $labels = @{ $a = 'a'; $D = 'D'; $eur = 'eur' }
            $prelude, $finally = $defaults[$default]
            $r = Invoke-InRunspace -Runspace $runspaces[$default] -Variables @{ a = $a; D = $D; eur = $eur } -Script "$prelude`ntry {`n$Script`n}`nfinally {`n$finally`n}"
            # The databases a warning names, in the order it names them.
            $warned = @($r.Warnings | ForEach-Object { $message = $_.Message; $labels.Keys | Where-Object { $message.Contains("'$_'") } | Sort-Object { $message.IndexOf("'$_'") } | ForEach-Object { $labels[$_] } }) -join ' '
            "${default}: errors [$(Format-ErrorIds $r.Errors)] warnings [$warned] output [$(Format-Output $r.Output)] from [$(Format-Origin $r.Output $labels)] " +
            "a [$(Get-Changes $a Main)] D [$(Get-Changes $D Main)] eur [$(Get-Changes $eur Euro)]"
        }
        $lines | Should -Be @($defaults.Keys | ForEach-Object { "${_}: $Expected" })
    }
}

Describe 'A record is never taken for a partner by its own Id' {
    It '<Pipeline> <Says>' -ForEach $IdCases {
        $db = New-Fixture Main
        $r = Invoke-Collecting { & $Run $db }
        "errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] changes [$(Get-Changes $db Main)]" | Should -BeExactly $Expected
    }

    It 'InputObjectInvalid is an InvalidArgument error that targets the piped record' {
        $db = New-Fixture Main
        $r = Invoke-Collecting { Get-PartnerRevenue -Database $db -Direct | Set-Partner -Database $db -Tier Gold }
        Format-ErrorIds $r.Errors | Should -BeExactly 'InputObjectInvalid'
        $r.Errors[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        Format-Output $r.Errors[0].TargetObject | Should -BeExactly '1 direct 2015-03-01 10.00 USD'
    }

    It 'Get-PartnerRevenue -Direct | Remove-Partner -Force -WhatIf names nobody and gives InputObjectInvalid' {
        $db = New-Fixture Main
        $transcript = New-ScratchFile 'txt'
        $null = Start-Transcript -LiteralPath $transcript
        try {
            $r = Invoke-Collecting { Get-PartnerRevenue -Database $db -Direct | Remove-Partner -Database $db -Force -WhatIf }
            # For comparison, a record that names a partner: the transcript holds its What-if line.
            $null = Get-PartnerRevenue -Database $db -Year 2016 | Remove-Partner -Database $db -Force -WhatIf
        }
        finally {
            $null = Stop-Transcript
        }
        Format-ErrorIds $r.Errors | Should -BeExactly 'InputObjectInvalid'
        $whatIf = @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' })
        $whatIf.Count | Should -Be 1
        $whatIf[0] | Should -BeLike '*Charlie (Id 3)*'
        Get-Changes $db Main | Should -BeExactly 'unchanged'
    }
}

Describe 'Names that come from objects are matched literally' {
    BeforeAll {
        $names = New-Fixture Names
        $sources = 'a Partner from Get-Partner', 'a CSV row with Name', 'a JSON row with Name', 'a CSV row with PartnerName', 'a JSON row with PartnerName'

        # The partner named $Name, as the source gives it.
        function New-NamedInput {
            param([string] $Source, [string] $Database, [string] $Name)
            switch ($Source) {
                'a Partner from Get-Partner' { Get-Partner -Database $Database | Where-Object Name -CEQ $Name }
                'a CSV row with Name' { [pscustomobject]@{ Name = $Name } | ConvertTo-Csv | ConvertFrom-Csv }
                'a JSON row with Name' { [pscustomobject]@{ Name = $Name } | ConvertTo-Json | ConvertFrom-Json }
                'a CSV row with PartnerName' { [pscustomobject]@{ PartnerName = $Name } | ConvertTo-Csv | ConvertFrom-Csv }
                'a JSON row with PartnerName' { [pscustomobject]@{ PartnerName = $Name } | ConvertTo-Json | ConvertFrom-Json }
                default { throw "Unknown source $Source" }
            }
        }
    }

    It 'Get-Partner, Get-PartnerRevenue and Get-PartnerHistory find exactly <_> when a partner, a row''s Name or its PartnerName gives it' -ForEach $AllNames {
        $name = $_
        $i = [array]::IndexOf($script:AllNames, $name) + 1
        $lines = foreach ($source in $sources) {
            $in = @(New-NamedInput -Source $source -Database $names -Name $name)
            $r = Invoke-Collecting {
                $in | Get-Partner -Database $names
                $in | Get-PartnerRevenue -Database $names
                $in | Get-PartnerHistory -Database $names
            }
            "${source} ($($in.Count)): errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)]"
        }
        # The partner (Id $i), its revenue record $i of $i USD, and the history of both: entries 9 + $i and $i.
        $lines | Should -Be @($sources | ForEach-Object { "$_ (1): errors [] output [partner $i $name Registered; $i $name#$i 2016-01-01 $i.00 USD; history $(9 + $i); history $i]" })
    }

    It 'Set-Partner changes exactly <_> when a partner, a row''s Name or its PartnerName gives it' -ForEach $TrickyNames {
        $name = $_
        $i = [array]::IndexOf($script:AllNames, $name) + 1
        $lines = foreach ($source in 'a Partner from Get-Partner', 'a CSV row with Name', 'a JSON row with PartnerName') {
            $db = New-Fixture Names
            $r = Invoke-Collecting { New-NamedInput -Source $source -Database $db -Name $name | Set-Partner -Database $db -Tier Gold }
            "${source}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $db Names)]"
        }
        $lines | Should -Be @('a Partner from Get-Partner', 'a CSV row with Name', 'a JSON row with PartnerName' |
                ForEach-Object { "${_}: errors [] changes [-partner $i $name Registered, +partner $i $name Gold]" })
    }

    It 'Remove-Partner removes exactly <_> when a partner, a row''s Name or its PartnerName gives it' -ForEach $TrickyNames {
        $name = $_
        $i = [array]::IndexOf($script:AllNames, $name) + 1
        $lines = foreach ($source in 'a Partner from Get-Partner', 'a JSON row with Name', 'a CSV row with PartnerName') {
            $db = New-Fixture Names
            $r = Invoke-Collecting { New-NamedInput -Source $source -Database $db -Name $name | Remove-Partner -Database $db -Force -Confirm:$false }
            "${source}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $db Names)]"
        }
        $lines | Should -Be @('a Partner from Get-Partner', 'a JSON row with Name', 'a CSV row with PartnerName' |
                ForEach-Object { "${_}: errors [] changes [-partner $i $name Registered, -revenue $i $name#$i 2016-01-01 $i.00 USD]" })
    }

    It 'a piped string is a wildcard pattern for Get-Partner, and an exact name for Set-Partner' {
        $db = New-Fixture Names
        $lines = foreach ($text in 'Acme [EU]', 'Star*', 'Q?', 'Rock`n Roll') {
            "$text gets [$(Format-Output ($text | Get-Partner -Database $names))]"
        }
        $lines | Should -Be @(
            'Acme [EU] gets [partner 2 Acme E Registered; partner 3 Acme U Registered]'
            'Star* gets [partner 6 Star* Registered; partner 7 Starlight Registered]'
            'Q? gets [partner 8 Q? Registered; partner 9 QA Registered]'
            'Rock`n Roll gets [partner 5 Rockn Roll Registered]'
        )
        'Acme [EU]', 'Star*', 'Q?', 'Rock`n Roll' | Set-Partner -Database $db -Tier Gold
        Get-Changes $db Names | Should -BeExactly (@(
                '-partner 1 Acme [EU] Registered', '-partner 4 Rock`n Roll Registered', '-partner 6 Star* Registered', '-partner 8 Q? Registered'
                '+partner 1 Acme [EU] Gold', '+partner 4 Rock`n Roll Gold', '+partner 6 Star* Gold', '+partner 8 Q? Gold'
            ) -join ', ')
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Assert-DefaultDatabaseUnchanged
    }
}
