# A stop keeps what was reported (Ctrl+C, [powershell]::Stop()): with -PassThru an item is stored exactly when it
# was passed on downstream (the next command took it), and without -PassThru the items finished before the stop are
# kept whole.
# Long pipelined writes in a [powershell] instance are stopped at many random moments, from before the first batch
# commits (batches are 1000 items or 200 ms) to well after it, and what was passed on (logged by Export-Csv; with
# Select-Object between, what Select-Object took, as PowerShell counts it) is compared with what the database holds
# afterwards, exactly. A failure says how the run ended (Format-Run), as the log of a CI run is all there is to go on.
# This is the fault it guards against: SQLite rolled back the open batch when a stop interrupted a statement, so up to
# 1,000 items already passed on were lost (and their ids given to the next partners added); and an item written but
# not yet passed on stayed written.
# The stop moments come from a fixed seed, printed; set $env:PARTNEROPS_STOP_SEED to replay with another. The last test
# prints where the stops landed (and checks they were spread), so it needs the others to have run before it.
BeforeDiscovery {
    $seed = if ($env:PARTNEROPS_STOP_SEED) { [int]$env:PARTNEROPS_STOP_SEED } else { 20260611 }
    Write-Host "StopKeepsReported.Tests.ps1: seed $seed (replay with `$env:PARTNEROPS_STOP_SEED = '$seed')"
    $random = [Random]::new($seed)

    # How long a pipeline runs before it is stopped, evenly spread on a log scale: every other stop of each instance
    # comes after 50-200 ms (the first batch still open: it commits after 200 ms or 1000 items), the others after
    # 200 ms-1.5 s, when batches were committed.
    function New-StopMoment([int] $Stop) {
        if ($Stop % 2) { [int][Math]::Round(50 * [Math]::Pow(4, $random.NextDouble())) }
        else { [int][Math]::Round(200 * [Math]::Pow(7.5, $random.NextDouble())) }
    }
    function New-Stops([int] $Count, [scriptblock] $More = { @{} }) {
        foreach ($n in 1..$Count) {
            $stop = @{ Stop = $n; Sleep = New-StopMoment $n }
            $stop += & $More
            $stop
        }
    }

    $tiers = 'Silver', 'Gold', 'Platinum'
    $setStops = @(New-Stops 10 { @{ Tier = $tiers[$random.Next(3)] } })
    $addStops = @(New-Stops 10)
    $revenueStops = @(New-Stops 8 { @{ Amount = 1 + $random.Next(999) } })
    $removeStops = @(New-Stops 8)
    $chainStops = @(New-Stops 8 { @{ Tier = $tiers[$random.Next(3)] } })
    $firstStops = @(New-Stops 6 { @{ First = 1 + $random.Next(2000) } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'StopKeepsReported.Helpers.ps1')

    # The templates the stopped pipelines work on, copied per stop. Large: 12,000 partners P00001..P12000 (Id 1..12000,
    # Registered; Get-Partner lists them in that order), each with one revenue record of 10 (Id 1..12000, in 2015): more
    # than Set-Partner or Remove-Partner get through in 1.5 s on a fast machine. Small: 100 partners S001..S100, for
    # pipelines fed from an endless input, where a small file keeps the checks after each stop quick.
    $folder = New-TestFolder
    function New-Template([string] $Name, [string] $Format, [int] $Count, [switch] $WithRevenue) {
        $path = Join-Path $folder "$Name.db"
        $names = foreach ($i in 1..$Count) { $Format -f $i }
        [IO.File]::WriteAllLines("$path.partners.csv", [string[]]@('Name') + $names)
        $null = Import-Partner -Database $path -Path "$path.partners.csv"
        if ($WithRevenue) {
            [IO.File]::WriteAllLines("$path.revenue.csv", [string[]]@('PartnerName,Date,Amount') + @(foreach ($name in $names) { "$name,2015-03-01,10" }))
            $null = Import-PartnerRevenue -Database $path -Path "$path.revenue.csv"
        }
        $path
    }
    $script:LargeCount = 12000
    $script:Large = New-Template 'large' 'P{0:D5}' $script:LargeCount -WithRevenue
    $script:SmallCount = 100
    $script:Small = New-Template 'small' 'S{0:D3}' $script:SmallCount
    # The files alone hold the databases, ready to be copied.
    Close-PooledConnections

    # One runspace with the module (and Trace-PipelineCount) imported, where every pipeline runs and is stopped, as in a
    # [powershell] instance of a host; this process then checks the file (the module keeps its connections per process,
    # as a session would).
    $script:Runspace = [runspacefactory]::CreateRunspace()
    $script:Runspace.Open()
    Import-StopProbe $script:Runspace
    $ps = [powershell]::Create()
    $ps.Runspace = $script:Runspace
    $null = $ps.AddScript('param($Module, $Db, $Log) Import-Module $Module
        1..20 | ForEach-Object { [pscustomobject]@{ Name = "W$_" } } | Add-Partner -Database $Db -PassThru |
            Set-Partner -Database $Db -Tier Gold -PassThru | Add-PartnerRevenue -Database $Db -Date 2016-01-01 -Amount 1 -PassThru |
            Export-Csv $Log').AddParameters(@{ Module = $script:ModuleManifest; Db = (Join-Path $folder 'warm-up.db'); Log = (Join-Path $folder 'warm-up.csv') })
    $null = $ps.Invoke()   # warms up: the first stops are not slowed by loading code
    $ps.Dispose()

    # Where each stop landed, printed at the end.
    $script:Landings = [Collections.Generic.List[object]]::new()

    # 'N1,N2,...,N<Count>': the names of the first Count inputs, joined.
    function Get-Names([string] $Prefix, [int] $Count) {
        @(for ($i = 1; $i -le $Count; $i++) { "$Prefix$i" }) -join ','
    }

    # The highest id among those given as 'Id:...' keys, or $Floor.
    function Get-HighestId([string[]] $Keys, [long] $Floor) {
        $highest = $Floor
        foreach ($key in $Keys) { $id = [long]$key.Split(':')[0]; if ($id -gt $highest) { $highest = $id } }
        $highest
    }

    # After the stop the next record gets a new id: none that was passed on is reused, ids only grow.
    function Assert-NewIdAfterStop {
        param([long] $NextId, [string[]] $PassedOn, [long] $Floor)
        $passedIds = @($PassedOn | ForEach-Object { [long]$_.Split(':')[0] })
        $passedIds -contains $NextId | Should -BeFalse -Because "id $NextId was passed on before the stop, and still names that record"
        $NextId | Should -BeGreaterThan (Get-HighestId $PassedOn $Floor)
    }
}

AfterAll {
    if ($script:Runspace) { $script:Runspace.Dispose() }
    Remove-TestFolders
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'Set-Partner -PassThru stopped at a random moment stores exactly the changes it passed on' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of Get-Partner | Set-Partner -Tier <Tier> -PassThru | Export-Csv' -ForEach $setStops {
        $run = Invoke-StoppedPipeline -Template $script:Large -Sleep $Sleep -Parameters @{ Tier = $Tier } -Pipeline '
            param($Db, $Log, $Tier)
            Get-Partner -Database $Db | Set-Partner -Database $Db -Tier $Tier -PassThru | Export-Csv $Log'
        $passedOn = @(Read-PassedOn $run.Log Id, Name, Tier)
        Assert-CleanStop $run 'Set-Partner -PassThru' $passedOn.Count

        @($passedOn | Where-Object { -not $_.EndsWith(":$Tier") }).Count | Should -Be 0
        $changed = @(Get-Partner -Database $run.Database -Tier Silver, Gold, Platinum | ForEach-Object { "$($_.Id):$($_.Name):$($_.Tier)" })
        Assert-SameItems -PassedOn $passedOn -Stored $changed -Item 'changed partner' -Run $run
        # Each change passed on has its history entry, and no other has one.
        $updates = @(Get-PartnerHistory -Database $run.Database -Operation Update -Entity Partner | ForEach-Object { "$($_.EntityId)" })
        Assert-SameItems -PassedOn @($passedOn | ForEach-Object { $_.Split(':')[0] }) -Stored $updates -Item 'history entry of a change' -Run $run
        (Get-PartnerDatabase -Database $run.Database).PartnerCount | Should -Be $script:LargeCount
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'Add-Partner -PassThru stopped at a random moment stores exactly the partners it passed on' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of 1..100000 | Add-Partner -PassThru | Export-Csv; the next partner added gets a new id' -ForEach $addStops {
        $run = Invoke-StoppedPipeline -Template $script:Small -Sleep $Sleep -Pipeline '
            param($Db, $Log)
            1..100000 | ForEach-Object { [pscustomobject]@{ Name = "N$_" } } | Add-Partner -Database $Db -PassThru | Export-Csv $Log'
        $passedOn = @(Read-PassedOn $run.Log Id, Name)
        Assert-CleanStop $run 'Add-Partner -PassThru' $passedOn.Count

        $added = @(Get-Partner -Database $run.Database -Name 'N*' | ForEach-Object { "$($_.Id):$($_.Name)" })
        Assert-SameItems -PassedOn $passedOn -Stored $added -Item 'partner' -Run $run
        # The partners added are the first inputs, in order, with no gap: N1, N2, ...
        ($passedOn | ForEach-Object { $_.Split(':')[1] }) -join ',' | Should -BeExactly (Get-Names 'N' $passedOn.Count)
        (Get-PartnerDatabase -Database $run.Database).PartnerCount | Should -Be ($script:SmallCount + $passedOn.Count)

        $next = Add-Partner -Database $run.Database -Name 'Added after the stop' -PassThru
        Assert-NewIdAfterStop -NextId $next.Id -PassedOn $passedOn -Floor $script:SmallCount
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'Add-PartnerRevenue -PassThru stopped at a random moment stores exactly the records it passed on' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of rows naming partners | Add-PartnerRevenue -Amount <Amount> -PassThru | Export-Csv; the next record gets a new id' -ForEach $revenueStops {
        $run = Invoke-StoppedPipeline -Template $script:Small -Sleep $Sleep -Parameters @{ Amount = $Amount } -Pipeline '
            param($Db, $Log, $Amount)
            1..100000 | ForEach-Object { [pscustomobject]@{ PartnerName = "S{0:D3}" -f (1 + $_ % 100) } } |
                Add-PartnerRevenue -Database $Db -Date 2016-06-30 -Amount $Amount -PassThru | Export-Csv $Log'
        $passedOn = @(Read-PassedOn $run.Log Id, PartnerId, PartnerName, Amount)
        Assert-CleanStop $run 'Add-PartnerRevenue -PassThru' $passedOn.Count

        $added = @(Get-PartnerRevenue -Database $run.Database | ForEach-Object { "$($_.Id):$($_.PartnerId):$($_.PartnerName):$($_.Amount.ToString('0.00', [cultureinfo]::InvariantCulture))" })
        Assert-SameItems -PassedOn $passedOn -Stored $added -Item 'revenue record' -Run $run
        # The totals agree: only the records passed on were counted.
        $total = (Measure-PartnerRevenue -Database $run.Database).Total
        [decimal]$total | Should -Be ($Amount * $passedOn.Count)

        $next = Add-PartnerRevenue -Database $run.Database -Partner S001 -Date 2017-01-01 -Amount 1 -PassThru
        Assert-NewIdAfterStop -NextId $next.Id -PassedOn $passedOn -Floor 0
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'Remove-Partner stopped at a random moment keeps whole what it finished' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of Get-Partner | Remove-Partner -Force: the partners finished are removed, each fully, the others fully there' -ForEach $removeStops {
        # -Verbose says which partner Remove-Partner starts on (ShouldProcess' "Performing the operation"), so every
        # partner announced before the last one was finished before the stop.
        $run = Invoke-StoppedPipeline -Template $script:Large -Sleep $Sleep -Pipeline '
            param($Db, $Log)
            Get-Partner -Database $Db | Remove-Partner -Database $Db -Force -Confirm:$false -Verbose'
        $announced = @($run.Verbose | Where-Object { $_ -like 'Performing the operation "Remove partner"*' } | ForEach-Object { [regex]::Match($_, '\(Id (\d+)\)').Groups[1].Value })
        $info = Get-PartnerDatabase -Database $run.Database
        $removed = $script:LargeCount - $info.PartnerCount
        Assert-CleanStop $run 'Remove-Partner' $removed

        # Get-Partner passes them on by name, P00001 (Id 1) first.
        $announced -join ',' | Should -BeExactly (@(1..$script:LargeCount | Select-Object -First $announced.Count) -join ',')
        # Every partner finished before the stop stays removed; only the one it was working on may be undone.
        $removed | Should -BeIn @(($announced.Count - 1), $announced.Count) -Because "Remove-Partner had started on $($announced.Count) partners when the stop came"
        # The partners removed are the first ones piped, with no gap, and the others are all there: the first left is
        # the next one, and as many are left as were not removed.
        (Get-Partner -Database $run.Database -First 1).Id | Should -Be ($removed + 1)
        $deleted = @(Get-PartnerHistory -Database $run.Database -Operation Delete -Entity Partner | ForEach-Object { "$($_.EntityId)" })
        Assert-SameItems -PassedOn @(1..$script:LargeCount | Select-Object -First $removed | ForEach-Object { "$_" }) -Stored $deleted -Item 'history entry of a removed partner' -Run $run
        # Fully removed: the partner and its revenue record, with a history entry each; fully there: with its record.
        $info.RevenueCount | Should -Be $info.PartnerCount
        [decimal](Measure-PartnerRevenue -Database $run.Database).Total | Should -Be (10 * $info.PartnerCount)
        @(Get-PartnerHistory -Database $run.Database -Operation Delete -Entity Revenue).Count | Should -Be $removed
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'A chain of two writers stopped at a random moment: each stores exactly what it passed on' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of Add-Partner -PassThru | Set-Partner -Tier <Tier> -PassThru | Export-Csv' -ForEach $chainStops {
        $run = Invoke-StoppedPipeline -Template $script:Small -Sleep $Sleep -Parameters @{ Tier = $Tier } -Pipeline '
            param($Db, $Log, $Tier)
            1..100000 | ForEach-Object { [pscustomobject]@{ Name = "C$_" } } | Add-Partner -Database $Db -PassThru |
                Set-Partner -Database $Db -Tier $Tier -PassThru | Export-Csv $Log'
        $passedOn = @(Read-PassedOn $run.Log Id, Name, Tier)
        Assert-CleanStop $run 'Add-Partner -PassThru | Set-Partner -PassThru' $passedOn.Count

        # Set-Partner passed on exactly the partners stored with the new tier.
        $added = @(Get-Partner -Database $run.Database -Name 'C*' | Sort-Object Id)
        $changed = @($added | Where-Object Tier -NE Registered | ForEach-Object { "$($_.Id):$($_.Name):$($_.Tier)" })
        Assert-SameItems -PassedOn $passedOn -Stored $changed -Item 'changed partner' -Run $run
        @($passedOn | Where-Object { -not $_.EndsWith(":$Tier") }).Count | Should -Be 0
        # Add-Partner passed on each of those to Set-Partner, and at most one more, the last, which Set-Partner took when
        # the stop came and did not pass on: stored, unchanged.
        $unchanged = @($added | Where-Object Tier -EQ Registered)
        $unchanged.Count | Should -BeLessOrEqual 1
        @($unchanged | Where-Object Id -LT (Get-HighestId $passedOn 0)).Count | Should -Be 0
        $added.Name -join ',' | Should -BeExactly (Get-Names 'C' $added.Count)

        $next = Add-Partner -Database $run.Database -Name 'Added after the stop' -PassThru
        Assert-NewIdAfterStop -NextId $next.Id -PassedOn $passedOn -Floor $script:SmallCount
        $next.Id | Should -BeGreaterThan (Get-HighestId @($added | ForEach-Object { "$($_.Id)" }) $script:SmallCount)
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'Select-Object -First downstream counts as taking the item' -Tag 'FileOnly' {
    It 'stop <Stop>, after <Sleep> ms of Set-Partner -PassThru | Select-Object -First <First> | Export-Csv' -ForEach $firstStops {
        $run = Invoke-StoppedPipeline -Template $script:Large -Sleep $Sleep -Parameters @{ First = $First } -CountTaken -Pipeline '
            param($Db, $Log, $First, $Probe)
            Get-Partner -Database $Db | Set-Partner -Database $Db -Tier Gold -PassThru | Select-Object -First $First | Export-Csv $Log |
                Trace-PipelineCount -Into $Probe'
        $passedOn = @(Read-PassedOn $run.Log Id, Name, Tier)
        Assert-CleanStop $run 'Set-Partner -PassThru | Select-Object -First' $passedOn.Count

        # Set-Partner (position 2) passes each item on to Select-Object (3), which hands it to Export-Csv (4). The item
        # is passed on once Select-Object took it (PowerShell counts it just before Select-Object's process block), and
        # so it stays; a stop landing after that and before Export-Csv takes it (Select-Object's WriteObject checks for
        # a stop first) leaves that one item stored and not logged. So the log is compared with what Select-Object took.
        # No counts: Trace-PipelineCount's begin block never ran, the stop came before the pipeline began.
        $selected = if ($run.Taken) { $run.Taken[3] } else { 0 }
        $exported = if ($run.Taken) { $run.Taken[4] } else { 0 }
        $passedOn.Count | Should -Be $exported -Because "Export-Csv logs every item it takes ($(Format-Run $run))"
        $selected - $exported | Should -BeIn 0, 1 -Because "Select-Object hands each item on before it takes the next ($(Format-Run $run))"
        $selected | Should -BeLessOrEqual $First
        # Get-Partner lists P00001 (Id 1) first: Select-Object took the first partners, and Export-Csv logged the first of these.
        $taken = @(for ($id = 1; $id -le $selected; $id++) { '{0}:P{0:D5}:Gold' -f $id })
        $passedOn -join ',' | Should -BeExactly (@($taken | Select-Object -First $exported) -join ',') -Because (Format-Run $run)
        $changed = @(Get-Partner -Database $run.Database -Tier Silver, Gold, Platinum | ForEach-Object { "$($_.Id):$($_.Name):$($_.Tier)" })
        Assert-SameItems -PassedOn $taken -Stored $changed -Item 'changed partner (taken by Select-Object)' -Run $run
    }

    Context 'with no stop: the pipeline ends when Select-Object has its N items' {
        It 'Set-Partner -PassThru | Select-Object -First <_> changes exactly the <_> partners returned' -ForEach 1, 1000 {
            $first = $_
            $db = New-TestDatabasePath
            Copy-Item $script:Large $db
            $returned = @(Get-Partner -Database $db | Set-Partner -Database $db -Tier Platinum -PassThru | Select-Object -First $first)
            $returned.Count | Should -Be $first
            $returned.Name -join ',' | Should -BeExactly (@(1..$first | ForEach-Object { 'P{0:D5}' -f $_ }) -join ',')
            $changed = @(Get-Partner -Database $db -Tier Silver, Gold, Platinum | ForEach-Object { "$($_.Id):$($_.Tier)" })
            Assert-SameItems -PassedOn @($returned | ForEach-Object { "$($_.Id):Platinum" }) -Stored $changed -Item 'changed partner'
            Test-PartnerDatabase -Database $db | Should -BeTrue
        }

        It 'Add-Partner -PassThru | Select-Object -First <_> adds exactly the <_> partners returned, and the next gets a new id' -ForEach 1, 1000 {
            $first = $_
            $db = New-TestDatabasePath
            Copy-Item $script:Small $db
            $returned = @(1..5000 | ForEach-Object { [pscustomobject]@{ Name = "N$_" } } | Add-Partner -Database $db -PassThru | Select-Object -First $first)
            $returned.Count | Should -Be $first
            $added = @(Get-Partner -Database $db -Name 'N*' | ForEach-Object { "$($_.Id):$($_.Name)" })
            Assert-SameItems -PassedOn @($returned | ForEach-Object { "$($_.Id):$($_.Name)" }) -Stored $added -Item 'partner'
            $next = Add-Partner -Database $db -Name 'Added after' -PassThru
            $next.Id | Should -Be ($script:SmallCount + $first + 1)
            Test-PartnerDatabase -Database $db | Should -BeTrue
        }

        It 'Add-PartnerRevenue -PassThru | Select-Object -First <_> adds exactly the <_> records returned' -ForEach 1, 1000 {
            $first = $_
            $db = New-TestDatabasePath
            Copy-Item $script:Large $db
            $returned = @(Get-Partner -Database $db | Add-PartnerRevenue -Database $db -Date 2016-06-30 -Amount 3 -PassThru | Select-Object -First $first)
            $returned.Count | Should -Be $first
            $added = @(Get-PartnerRevenue -Database $db -Year 2016 | ForEach-Object { "$($_.Id):$($_.PartnerName)" })
            Assert-SameItems -PassedOn @($returned | ForEach-Object { "$($_.Id):$($_.PartnerName)" }) -Stored $added -Item 'revenue record'
            (Measure-PartnerRevenue -Database $db -Year 2016).Total | Should -Be (3 * $first)
            Test-PartnerDatabase -Database $db | Should -BeTrue
        }
    }
}

# FileOnly: every run works on a copy of a template database file (Copy-Item), on SQLite whatever the backend.
Describe 'The stop moments' -Tag 'FileOnly' {
    It 'were spread over the runs: some stops came before the first batch committed, some after' {
        $stops = @($script:Landings | Where-Object Phase -NE 'after the pipeline finished')
        $table = $script:Landings | Group-Object Instance | ForEach-Object {
            $counts = $_.Group | Group-Object Phase | ForEach-Object { "$($_.Count) $($_.Name)" }
            "  $($_.Name): $($counts -join '; ')"
        }
        Write-Host "Where the stops landed ($($stops.Count) stops; stopped after $(($stops.StoppedAfter | Measure-Object -Minimum).Minimum)-$(($stops.StoppedAfter | Measure-Object -Maximum).Maximum) ms):`n$($table -join "`n")"

        $stops.Count | Should -BeGreaterOrEqual 40
        @($stops | Where-Object Phase -In 'before the first item', 'in the first batch, before it committed').Count | Should -BeGreaterOrEqual 5 -Because 'stops before the first batch commits must be tried'
        @($stops | Where-Object Phase -EQ 'after the first batch committed').Count | Should -BeGreaterOrEqual 10 -Because 'stops after batches were committed must be tried'
    }
}
