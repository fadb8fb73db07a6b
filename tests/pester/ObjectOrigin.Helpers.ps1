# Rules 1-8 of issue 11: every object remembers its database, a piped object is worked on there (unless -Database is
# typed), it identifies its record only by its own kind of id, names from objects are literal, serialized objects and
# exported rows work like live ones, records from another database are refused (partners are matched there by name),
# and -InputObject takes arrays.
#
# Each test works on copies of a few databases built once in BeforeAll (a copy takes a millisecond, a build a dozen
# synced commits), and reports what a pipeline did as one line: its errors, its output, and what changed in each
# database against the template it was copied from ('unchanged' when nothing at all was written, its history
# included). Where the same pipeline runs on objects in several forms (live, Export-Clixml, a job, JSON, CSV) or under
# several defaults, there is one line for each, and all must read the same.
#
# The Main template; its ids are chosen so that reading one kind of id as another picks a wrong partner:
#   revenue  1 direct 2015-03-01 10 USD (Nordics) | 2 Charlie 2016-04-01 300 USD | 3 Alpha 2017-05-01 100 USD
#   partners 1 Alpha Silver | 2 Bravo Registered | 3 Charlie Platinum
#   targets  1 PartnerCount 2016 3 | 2 PartnerRevenue 2016 1000 (USD)
#   rates    EUR->USD 3 and GBP->USD 2 (2016)
#   history  1 direct revenue | 2 Alpha | 3 Bravo | 4 Charlie | 5 Charlie's revenue | 6 Alpha's revenue | 7-8 targets | 9-10 rates
# Other: partners 1 Zulu, 2 Charlie, 3 Alpha (all Registered, no Bravo); revenue 1 direct (identical to Main's 1), 2 Zulu
#   1 USD, 3 Alpha 100 USD; targets 1 PartnerCount 2016 3 (identical to Main's 1), 2 PartnerCount 2017 5;
#   history 1 direct revenue | 2 Zulu | 3 Charlie | 4 Alpha | 5 Zulu's revenue | 6 Alpha's revenue | 7-8 targets.
# Euro (reporting currency EUR): partner 1 Alpha; revenue 1 Alpha 100 GBP, 2 direct 50 EUR, 3 direct 20 USD (2016);
#   rates GBP->EUR 1.25, USD->EUR 0.5: everything measures 185.00 EUR, Alpha 125.00 EUR.
# Names: partners 1-9 whose names are wildcard patterns or what such a pattern matches; partner i has revenue record i
#   of i USD; history 1-9 the partners, 10-18 their revenue.

# The setup every ObjectOrigin.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

$script:Scratch = New-TestFolder

#region Templates

$templateFolder = New-TestFolder
$script:Templates = @{
    Main = Join-Path $templateFolder 'main.db'
    Other = Join-Path $templateFolder 'other.db'
    Euro = Join-Path $templateFolder 'euro.db'
    Names = Join-Path $templateFolder 'names.db'
}

$db = $script:Templates.Main
$null = New-PartnerDatabase -Path $db -Currency USD
Add-PartnerRevenue -Database $db -Direct -Date '2015-03-01' -Amount 10 -Region 'Nordics'
Add-TestPartner -Database $db -Partner @(
    @{ Name = 'Alpha'; Tier = 'Silver' }
    @{ Name = 'Bravo'; Tier = 'Registered' }
    @{ Name = 'Charlie'; Tier = 'Platinum' }
)
Add-PartnerRevenue -Database $db -Partner 'Charlie' -Date '2016-04-01' -Amount 300
Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date '2017-05-01' -Amount 100
Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 3
Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Value 1000
Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2016 -Rate 2
Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2016 -Rate 3

$db = $script:Templates.Other
$null = New-PartnerDatabase -Path $db -Currency USD
Add-PartnerRevenue -Database $db -Direct -Date '2015-03-01' -Amount 10 -Region 'Nordics'
Add-TestPartner -Database $db -Partner @(
    @{ Name = 'Zulu'; Tier = 'Registered' }
    @{ Name = 'Charlie'; Tier = 'Registered' }
    @{ Name = 'Alpha'; Tier = 'Registered' }
)
Add-PartnerRevenue -Database $db -Partner 'Zulu' -Date '2016-01-01' -Amount 1
Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date '2017-05-01' -Amount 100
Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 3
Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Value 5

$db = $script:Templates.Euro
$null = New-PartnerDatabase -Path $db -Currency EUR
Add-TestPartner -Database $db -Partner @(@{ Name = 'Alpha' })
Add-PartnerRevenue -Database $db -Partner 'Alpha' -Date '2016-03-01' -Amount 100 -Currency GBP
Add-PartnerRevenue -Database $db -Direct -Region 'North' -Date '2016-04-01' -Amount 50 -Currency EUR
Add-PartnerRevenue -Database $db -Direct -Region 'North' -Date '2016-04-02' -Amount 20 -Currency USD
Set-PartnerExchangeRate -Database $db -From GBP -To EUR -Year 2016 -Rate 1.25
Set-PartnerExchangeRate -Database $db -From USD -To EUR -Year 2016 -Rate 0.5

$db = $script:Templates.Names
$script:AllNames = 'Acme [EU]', 'Acme E', 'Acme U', 'Rock`n Roll', 'Rockn Roll', 'Star*', 'Starlight', 'Q?', 'QA'
$null = New-PartnerDatabase -Path $db -Currency USD
Add-TestPartner -Database $db -Partner @($script:AllNames | ForEach-Object { @{ Name = $_ } })
$i = 0
$script:AllNames | ForEach-Object { $i++; [pscustomobject]@{ PartnerName = $_; Date = '2016-01-01'; Amount = $i } } | Add-PartnerRevenue -Database $db

Close-PooledConnections

#endregion

#region What a database holds, and what changed in it

function New-Fixture {
    param([Parameter(Mandatory)] [string] $Template)
    $path = Join-Path $script:Scratch ('{0}-{1}.db' -f $Template.ToLowerInvariant(), [guid]::NewGuid().ToString('N').Substring(0, 12))
    Copy-Item -LiteralPath $script:Templates[$Template] -Destination $path
    $path
}

function New-ScratchFile {
    param([string] $Extension)
    Join-Path $script:Scratch ('{0}.{1}' -f [guid]::NewGuid().ToString('N'), $Extension)
}

function Format-RevenueLine {
    param($Revenue)
    $partner = if ("$($Revenue.PartnerId)" -eq '') { 'direct' } else { "$($Revenue.PartnerName)#$($Revenue.PartnerId)" }
    "$($Revenue.Id) $partner $(([datetime]$Revenue.Date).ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)) $($Revenue.Amount) $($Revenue.Currency)"
}

function Get-StateLines {
    param([string] $Database)
    Get-Partner -Database $Database | Sort-Object Id | ForEach-Object { "partner $($_.Id) $($_.Name) $($_.Tier)" }
    Get-PartnerRevenue -Database $Database | Sort-Object Id | ForEach-Object { "revenue $(Format-RevenueLine $_)" }
    Get-PartnerTarget -Database $Database | Sort-Object Id | ForEach-Object {
        'target ' + ((@($_.Id, $_.Metric, $_.Year, $_.Region, $_.Value) | Where-Object { "$_" -ne '' }) -join ' ')
    }
    Get-PartnerExchangeRate -Database $Database | ForEach-Object { "rate $($_.From) $($_.To) $($_.Year) $($_.Rate)" }
}

function Get-NewestChange {
    param([string] $Database)
    (Get-PartnerHistory -Database $Database -First 1).Id
}

$script:TemplateLines = @{}
$script:TemplateNewest = @{}
foreach ($name in $script:Templates.Keys) {
    $script:TemplateLines[$name] = @(Get-StateLines $script:Templates[$name])
    $script:TemplateNewest[$name] = Get-NewestChange $script:Templates[$name]
}

# What changed in a copy of a template: the lines of records gone (-) and new or changed (+), or 'unchanged' when
# nothing at all was written (not even history).
function Get-Changes {
    param([string] $Database, [string] $Template)
    $before = $script:TemplateLines[$Template]
    $after = @(Get-StateLines $Database)
    $diff = @($before | Where-Object { $after -cnotcontains $_ } | ForEach-Object { "-$_" }) +
        @($after | Where-Object { $before -cnotcontains $_ } | ForEach-Object { "+$_" })
    if ($diff.Count -gt 0) {
        return $diff -join ', '
    }
    if ((Get-NewestChange $Database) -ne $script:TemplateNewest[$Template]) {
        return 'history written, records unchanged'
    }
    'unchanged'
}

# The output of a command, one item per object of any form.
function Format-Output {
    param([AllowNull()] [AllowEmptyCollection()] [object[]] $InputObject)
    @(foreach ($o in @($InputObject)) {
            # A measure's first type name is its key set's (PartnerOps.RevenueMeasure#Partner, for its view).
            switch -Wildcard ($o.PSObject.TypeNames[0] -replace '#.*$') {
                '*PartnerOps.Partner' { "partner $($o.Id) $($o.Name) $($o.Tier)" }
                '*PartnerOps.PartnerRevenue' { Format-RevenueLine $o }
                '*PartnerOps.HistoryEntry' { "history $($o.Id)" }
                '*PartnerOps.RevenueMeasure' { "measure $($o.Count) $($o.Total) $($o.Currency)" }
                default { "other $_" }
            }
        }) -join '; '
}

# The databases the output says it came from, by the labels given ('fixture', 'a', ...), each once.
function Format-Origin {
    param([AllowNull()] [AllowEmptyCollection()] [object[]] $InputObject, [hashtable] $Label)
    @(foreach ($o in @($InputObject)) { if ($Label.ContainsKey("$($o.Database)")) { $Label["$($o.Database)"] } else { "elsewhere ($($o.Database))" } }) |
        Select-Object -Unique | Join-String -Separator ', '
}

function Format-ErrorIds {
    param([AllowNull()] [AllowEmptyCollection()] [object[]] $Errors)
    @($Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) -join ', '
}

# Runs a script block and parts what it wrote into Output and (non-terminating) Errors. The suite's runner sets
# $ErrorActionPreference to Stop; here non-terminating errors must stay so, as they are in an interactive session.
function Invoke-Collecting {
    param([Parameter(Mandatory)] [scriptblock] $Script)
    $ErrorActionPreference = 'Continue'
    $all = @(& $Script 2>&1)
    [pscustomobject]@{
        Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

#endregion

#region Objects in other forms

# A fixture's records, read when asked for.
function Get-Catalog {
    param([string] $Database)
    $catalog = [pscustomobject]@{ Database = $Database }
    $catalog | Add-Member -MemberType ScriptProperty -Name Partners -Value { Get-Partner -Database $this.Database }
    $catalog | Add-Member -MemberType ScriptProperty -Name Revenue -Value { Get-PartnerRevenue -Database $this.Database }
    $catalog | Add-Member -MemberType ScriptProperty -Name Targets -Value { Get-PartnerTarget -Database $this.Database }
    $catalog | Add-Member -MemberType ScriptProperty -Name History -Value { Get-PartnerHistory -Database $this.Database }
    $catalog | Add-Member -MemberType ScriptProperty -Name Measures -Value { Measure-PartnerRevenue -Database $this.Database -GroupBy Partner }
    $catalog
}

# Objects as a user gets them back from a file or a conversion; one object at a time, since a CSV file holds one kind.
function ConvertTo-Form {
    param([AllowEmptyCollection()] [object[]] $InputObject, [string] $Form)
    foreach ($item in $InputObject) {
        switch ($Form) {
            'Live' { $item }
            'Clixml' { $file = New-ScratchFile 'xml'; $item | Export-Clixml -LiteralPath $file; Import-Clixml -LiteralPath $file }
            'Json' { $item | ConvertTo-Json -Depth 4 | ConvertFrom-Json }
            'Csv' { $file = New-ScratchFile 'csv'; $item | Export-Csv -LiteralPath $file; Import-Csv -LiteralPath $file }
            default { throw "Unknown form $Form" }
        }
    }
}

# Objects that come back from a job (Deserialized.PartnerOps.*) are made by one job for the whole file, since a job
# costs seconds: started here, received when first needed. It reads every record of databases set aside for the
# tests that use them, one database for each.
$script:JobDatabases = [ordered]@{
    Main = @(1..34 | ForEach-Object { New-Fixture Main })
    Euro = @(1..2 | ForEach-Object { New-Fixture Euro })
}
$script:Job = Start-Job -ScriptBlock {
    param([string] $Module, [string[]] $Databases)
    Import-Module $Module
    foreach ($db in $Databases) {
        Get-Partner -Database $db
        Get-PartnerRevenue -Database $db
        Get-PartnerTarget -Database $db
        Get-PartnerHistory -Database $db
        Measure-PartnerRevenue -Database $db -GroupBy Partner
    }
} -ArgumentList (Resolve-Path -LiteralPath $script:ModuleManifest).Path, @($script:JobDatabases.Values | ForEach-Object { $_ })
$script:JobQueues = $null

# A database set aside for job objects, with the records the job read from it.
function Get-JobFixture {
    param([string] $Template)
    if ($null -eq $script:JobQueues) {
        $received = @(Receive-Job -Job $script:Job -Wait -AutoRemoveJob -ErrorAction Stop)
        $script:JobQueues = @{}
        foreach ($name in $script:JobDatabases.Keys) {
            $queue = [System.Collections.Generic.Queue[object]]::new()
            foreach ($db in $script:JobDatabases[$name]) {
                $mine = @($received | Where-Object Database -EQ $db)
                $ofType = { param($type) @($mine | Where-Object { ($_.PSObject.TypeNames[0] -replace '#.*$') -eq "Deserialized.PartnerOps.$type" }) }
                $queue.Enqueue([pscustomobject]@{
                        Database = $db
                        Catalog = [pscustomobject]@{
                            Database = $db
                            Partners = & $ofType 'Partner'
                            Revenue = & $ofType 'PartnerRevenue'
                            Targets = & $ofType 'PartnerTarget'
                            History = & $ofType 'HistoryEntry'
                            Measures = & $ofType 'RevenueMeasure'
                        }
                    })
            }
            $script:JobQueues[$name] = $queue
        }
    }
    if ($script:JobQueues[$Template].Count -eq 0) {
        throw "No database of template $Template is left for job objects: set more aside in BeforeAll."
    }
    $script:JobQueues[$Template].Dequeue()
}

# A fixture and objects picked from it in a form: Live, Clixml, Json, Csv, or Job (from a database set aside).
function Get-FormFixture {
    param([string] $Template, [string] $Form, [scriptblock] $Pick)
    if ($Form -eq 'Job') {
        $fixture = Get-JobFixture $Template
        return [pscustomobject]@{ Database = $fixture.Database; Objects = @(& $Pick $fixture.Catalog) }
    }
    $db = New-Fixture $Template
    [pscustomobject]@{ Database = $db; Objects = @(ConvertTo-Form @(& $Pick (Get-Catalog $db)) $Form) }
}

#endregion

# Runs a script in a runspace, with $Variables set there first; returns its Output, Errors and Warnings.
function Invoke-InRunspace {
    param([System.Management.Automation.Runspaces.Runspace] $Runspace, [string] $Script, [hashtable] $Variables = @{})
    foreach ($name in $Variables.Keys) {
        $Runspace.SessionStateProxy.SetVariable($name, $Variables[$name])
    }
    $ps = [powershell]::Create()
    try {
        $ps.Runspace = $Runspace
        $output = $ps.AddScript($Script).Invoke()
        [pscustomobject]@{ Output = @($output); Errors = @($ps.Streams.Error); Warnings = @($ps.Streams.Warning) }
    }
    finally {
        $ps.Dispose()
    }
}

# The default database of this file's commands: a copy of Main, so that an object worked on in the default by
# mistake finds partners of the same names and ids there. The last test checks that nothing was written to it.
$script:DefaultDatabase = New-Fixture Main
$script:SavedDefault = $env:PARTNEROPS_DATABASE
$env:PARTNEROPS_DATABASE = $script:DefaultDatabase

# What every part's AfterAll undoes: the session's default database put back, the job a test may leave, the test folders.
# Every part ends by checking that none of its tests wrote to the session's default database: each piped object was
# worked on where it belongs.
function Assert-DefaultDatabaseUnchanged {
    Get-Changes $script:DefaultDatabase Main | Should -BeExactly 'unchanged'
}

function Undo-ObjectOriginSetup {
    $env:PARTNEROPS_DATABASE = $script:SavedDefault
    if ($script:Job) { Remove-Job -Job $script:Job -Force -ErrorAction SilentlyContinue }
    Remove-TestFolders
}
