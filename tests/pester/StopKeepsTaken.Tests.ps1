# A stop that lands while a command downstream holds an item a writer passed on (-PassThru) keeps that item: the
# next command took it, so it was passed on (README: "Select-Object -First downstream takes the item, so it stays"),
# even though the stop ends the pipeline before the item reaches the end of it. And only the items the next command
# took are kept: not the one the writer was working on.
# StopKeepsReported.Tests.ps1 once failed in CI on a loaded machine because it took the last command's log (Export-Csv,
# after Select-Object) for what Set-Partner passed on; a stop between Select-Object taking an item and handing it to
# Export-Csv left one item stored and not logged. That window is narrow (about 2 stops in 100 landed in it on a loaded
# 2-core machine); here a command that pauses on each item (ForEach-Object { Start-Sleep }) after Select-Object makes
# it most of the time, so most stops land in it, for each pipelined writer with -PassThru, on each backend. PowerShell's own count of the items each command took
# (Trace-PipelineCount, see StopKeepsReported.Helpers.ps1) says which items were passed on.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'StopKeepsReported.Helpers.ps1')

    $script:Runspace = [runspacefactory]::CreateRunspace()
    $script:Runspace.Open()
    Import-StopProbe $script:Runspace

    # The pipeline after each writer (at position 2): Select-Object at 3 takes the writer's items, ForEach-Object at 4
    # holds each for 30 ms, Export-Csv at 5 logs those that got through, Trace-PipelineCount at 6 hands over the counts.
    $script:Downstream = '| Select-Object -First 1000000 | ForEach-Object { Start-Sleep -Milliseconds 30; $_ } | Export-Csv $Log | Trace-PipelineCount -Into $Probe'

    # Warms up: the first stops are not slowed by loading code.
    $ps = [powershell]::Create()
    $ps.Runspace = $script:Runspace
    $null = $ps.AddScript("param(`$Db, `$Log, `$Probe)
        1..20 | ForEach-Object { [pscustomobject]@{ Name = `"W`$_`" } } | Add-Partner -Database `$Db -PassThru |
            Set-Partner -Database `$Db -Tier Gold -PassThru | Add-PartnerRevenue -Database `$Db -Date 2016-01-01 -Amount 1 -PassThru $script:Downstream").AddParameters(
        @{ Db = (New-TestDatabase); Log = (Join-Path (New-TestFolder) 'warm-up.csv'); Probe = @{} })
    $null = $ps.Invoke()
    $ps.Dispose()

    # A database of $Count partners P0001..P<Count> (Id 1..Count, Get-Partner lists them in that order), on this pass's backend.
    function New-PartnersDatabase([int] $Count) {
        $db = New-TestDatabase
        $csv = Join-Path (Get-TestFolder $db) 'partners.csv'
        [IO.File]::WriteAllLines($csv, [string[]]@('Name') + @(foreach ($i in 1..$Count) { 'P{0:D4}' -f $i }))
        $null = Import-Partner -Database $db -Path $csv
        $db
    }

    # Checks a stopped run: the writer's next command (Select-Object) took exactly the items stored, the first ones
    # piped; Export-Csv logged the first of them, and at most one more was held downstream when the stop came.
    # $Stored: the stored items in input order, each as the logged columns joined by ':'; $Names: their names, and
    # $Expected the names of the first inputs. Records in $script:Stops where the stop landed.
    function Assert-KeepsTaken([string] $Writer, $Run, [string[]] $Stored, [string[]] $Names, [scriptblock] $Expected, [string[]] $Column) {
        $passedOn = @(Read-PassedOn $Run.Log $Column)
        $Stored = @($Stored)
        Assert-CleanStop $Run $null $passedOn.Count
        if ($null -eq $Run.Taken) {
            # Trace-PipelineCount's begin block never ran: the stop came before the pipeline began, nothing was written.
            $Stored.Count + $passedOn.Count | Should -Be 0 -Because "the pipeline had not begun ($(Format-Run $Run $passedOn.Count $Stored.Count))"
            $script:Stops.Add([pscustomobject]@{ Writer = $Writer; StoppedAfter = $Run.StoppedAfter; Taken = 0; Logged = 0; Held = $false })
            return
        }
        $selected = $Run.Taken[3]
        $exported = $Run.Taken[5]
        $passedOn.Count | Should -Be $exported -Because "Export-Csv logs every item it takes ($(Format-Run $Run $passedOn.Count $Stored.Count))"
        $selected - $exported | Should -BeIn 0, 1 -Because "the commands after the writer hold one item at a time ($(Format-Run $Run $passedOn.Count $Stored.Count))"
        $Stored.Count | Should -Be $selected -Because "the items the next command took are stored, and no other ($(Format-Run $Run $passedOn.Count $Stored.Count))"
        @($Names) -join ',' | Should -BeExactly (@(& $Expected $selected) -join ',')
        $passedOn -join ',' | Should -BeExactly (@($Stored | Select-Object -First $exported) -join ',') -Because (Format-Run $Run $passedOn.Count $Stored.Count)
        $script:Stops.Add([pscustomobject]@{ Writer = $Writer; StoppedAfter = $Run.StoppedAfter; Taken = $selected; Logged = $exported; Held = $selected -gt $exported })
    }

    # Where each run's stop landed: while an item was held downstream (Held) in most runs, or the race was not tried.
    $script:Stops = [Collections.Generic.List[object]]::new()
}

AfterAll {
    if ($script:Runspace) { $script:Runspace.Dispose() }
    Remove-TestFolders
}

Describe 'A stop while a command downstream holds an item the writer passed on keeps that item, and only the items taken' {
    It 'Add-Partner -PassThru stopped after <_> ms' -ForEach 100, 250, 500, 900 {
        $db = New-TestDatabase
        $run = Invoke-StoppedPipeline -Database $db -Sleep $_ -CountTaken -Pipeline "
            param(`$Db, `$Log, `$Probe)
            1..100000 | ForEach-Object { [pscustomobject]@{ Name = `"N`$_`" } } | Add-Partner -Database `$Db -PassThru $script:Downstream"
        $added = @(Get-Partner -Database $db | Sort-Object Id)
        Assert-KeepsTaken 'Add-Partner' $run @($added | ForEach-Object { "$($_.Id):$($_.Name)" }) $added.Name { param($n) for ($i = 1; $i -le $n; $i++) { "N$i" } } Id, Name
    }

    It 'Set-Partner -PassThru stopped after <_> ms' -ForEach 100, 250, 500, 900 {
        $db = New-PartnersDatabase 1000
        $run = Invoke-StoppedPipeline -Database $db -Sleep $_ -CountTaken -Pipeline "
            param(`$Db, `$Log, `$Probe)
            Get-Partner -Database `$Db | Set-Partner -Database `$Db -Tier Gold -PassThru $script:Downstream"
        $changed = @(Get-Partner -Database $db -Tier Silver, Gold, Platinum | Sort-Object Id)
        Assert-KeepsTaken 'Set-Partner' $run @($changed | ForEach-Object { "$($_.Id):$($_.Name):$($_.Tier)" }) $changed.Name { param($n) for ($i = 1; $i -le $n; $i++) { 'P{0:D4}' -f $i } } Id, Name, Tier
        @(Get-PartnerHistory -Database $db -Operation Update -Entity Partner).Count | Should -Be $changed.Count -Because 'each change kept has its history entry, and no other has one'
    }

    It 'Add-PartnerRevenue -PassThru stopped after <_> ms' -ForEach 100, 250, 500, 900 {
        $db = New-PartnersDatabase 1000
        $run = Invoke-StoppedPipeline -Database $db -Sleep $_ -CountTaken -Pipeline "
            param(`$Db, `$Log, `$Probe)
            Get-Partner -Database `$Db | Add-PartnerRevenue -Database `$Db -Date 2016-06-30 -Amount 3 -PassThru $script:Downstream"
        $added = @(Get-PartnerRevenue -Database $db | Sort-Object Id)
        Assert-KeepsTaken 'Add-PartnerRevenue' $run @($added | ForEach-Object { "$($_.Id):$($_.PartnerName)" }) $added.PartnerName { param($n) for ($i = 1; $i -le $n; $i++) { 'P{0:D4}' -f $i } } Id, PartnerName
        [decimal](Measure-PartnerRevenue -Database $db).Total | Should -Be (3 * $added.Count)
    }

    It 'most stops landed while an item was held downstream (the race was tried)' {
        $held = @($script:Stops | Where-Object Held).Count
        $table = $script:Stops | ForEach-Object { "  $($_.Writer), stopped after $($_.StoppedAfter) ms: Select-Object took $($_.Taken), Export-Csv logged $($_.Logged)$(if ($_.Held) { ' (one held downstream, stored)' })" }
        Write-Host "An item was held downstream when the stop came in $held of $($script:Stops.Count) runs:`n$($table -join "`n")"
        $script:Stops.Count | Should -Be 12 -Because 'every run above recorded where its stop landed'
        $held | Should -BeGreaterOrEqual 3 -Because "a 30 ms pause per item after Select-Object holds an item most of the time"
    }
}
