# The test cases ObjectOrigin.*.Tests.ps1 build -ForEach blocks from: each part that uses them dot-sources this
# file in its BeforeDiscovery.
# (c) Names that are wildcard patterns, and the partners such a pattern would match instead.
$TrickyNames = 'Acme [EU]', 'Acme E', 'Rock`n Roll', 'Star*', 'Starlight', 'Q?'
$AllNames = 'Acme [EU]', 'Acme E', 'Acme U', 'Rock`n Roll', 'Rockn Roll', 'Star*', 'Starlight', 'Q?', 'QA'

# (a) Pipelines run with the default database set to $D (a copy of Main), on objects of $a (another copy of Main)
# or of $eur (a copy of Euro).
$DefaultCases = @(
    @{ Does = 'a command given neither -Database nor an object works on the default (the default really is $D)'
        Script = 'Add-Partner -Name Delta -PassThru'
        Expected = 'errors [] warnings [] output [partner 4 Delta Registered] from [D] a [unchanged] D [+partner 4 Delta Registered] eur [unchanged]' }
    @{ Does = 'Set-Partner changes a piped partner in its own database'
        Script = 'Get-Partner -Database $a -Name Bravo | Set-Partner -Tier Gold'
        Expected = 'errors [] warnings [] output [] from [] a [-partner 2 Bravo Registered, +partner 2 Bravo Gold] D [unchanged] eur [unchanged]' }
    @{ Does = 'Set-Partner changes the partner a piped revenue record names, in its database'
        Script = 'Get-PartnerRevenue -Database $a -Partner Alpha | Set-Partner -Tier Gold'
        Expected = 'errors [] warnings [] output [] from [] a [-partner 1 Alpha Silver, +partner 1 Alpha Gold] D [unchanged] eur [unchanged]' }
    @{ Does = 'Set-Partner changes the partner a piped history entry names, in its database'
        Script = 'Get-PartnerHistory -Database $a -Partner Bravo | Set-Partner -Tier Gold'
        Expected = 'errors [] warnings [] output [] from [] a [-partner 2 Bravo Registered, +partner 2 Bravo Gold] D [unchanged] eur [unchanged]' }
    @{ Does = 'Remove-Partner removes a piped partner from its own database; the default keeps its partner Id 1'
        Script = 'Get-Partner -Database $a -Name Alpha | Remove-Partner -Force -Confirm:$false'
        Expected = 'errors [] warnings [] output [] from [] a [-partner 1 Alpha Silver, -revenue 3 Alpha#1 2017-05-01 100.00 USD] D [unchanged] eur [unchanged]' }
    @{ Does = 'Get-Partner reads a piped partner from its own database'
        Script = 'Get-Partner -Database $a -Name Bravo | Get-Partner'
        Expected = 'errors [] warnings [] output [partner 2 Bravo Registered] from [a] a [unchanged] D [unchanged] eur [unchanged]' }
    @{ Does = 'Get-PartnerRevenue reads the revenue of a piped partner from its own database'
        Script = 'Get-Partner -Database $a -Name Charlie | Get-PartnerRevenue'
        Expected = 'errors [] warnings [] output [2 Charlie#3 2016-04-01 300.00 USD] from [a] a [unchanged] D [unchanged] eur [unchanged]' }
    @{ Does = 'Add-PartnerRevenue books revenue for a piped partner in its own database'
        Script = 'Get-Partner -Database $a -Name Bravo | Add-PartnerRevenue -Date 2017-06-01 -Amount 42'
        Expected = 'errors [] warnings [] output [] from [] a [+revenue 4 Bravo#2 2017-06-01 42.00 USD] D [unchanged] eur [unchanged]' }
    @{ Does = 'Get-PartnerHistory reads the history of a piped partner from its own database'
        Script = 'Get-Partner -Database $a -Name Charlie | Get-PartnerHistory'
        Expected = 'errors [] warnings [] output [history 5; history 4] from [a] a [unchanged] D [unchanged] eur [unchanged]' }
    @{ Does = 'Remove-PartnerRevenue removes a piped record from its own database'
        Script = 'Get-PartnerRevenue -Database $a -Partner Charlie | Remove-PartnerRevenue -Confirm:$false'
        Expected = 'errors [] warnings [] output [] from [] a [-revenue 2 Charlie#3 2016-04-01 300.00 USD] D [unchanged] eur [unchanged]' }
    @{ Does = 'Remove-PartnerTarget removes a piped target from its own database'
        Script = 'Get-PartnerTarget -Database $a | Where-Object Metric -EQ PartnerRevenue | Remove-PartnerTarget -Confirm:$false'
        Expected = 'errors [] warnings [] output [] from [] a [-target 2 PartnerRevenue 2016 1000] D [unchanged] eur [unchanged]' }
    @{ Does = 'Measure-PartnerRevenue measures piped records with the reporting currency and rates of their database (in the default: 370.00 USD)'
        Script = 'Get-PartnerRevenue -Database $eur | Measure-PartnerRevenue'
        Expected = 'errors [] warnings [] output [measure 3 185.00 EUR] from [eur] a [unchanged] D [unchanged] eur [unchanged]' }
    @{ Does = 'Measure-PartnerRevenue measures a piped partner in its own database, with its currency and rates'
        Script = 'Get-Partner -Database $eur -Name Alpha | Measure-PartnerRevenue'
        Expected = 'errors [] warnings [] output [measure 1 125.00 EUR] from [eur] a [unchanged] D [unchanged] eur [unchanged]' }
    @{ Does = 'Set-PartnerTarget writes a piped target to its own database'
        Script = 'Get-PartnerTarget -Database $a | Where-Object Metric -EQ PartnerCount | Set-PartnerTarget -Value 7'
        Expected = 'errors [] warnings [] output [] from [] a [-target 1 PartnerCount 2016 3, +target 1 PartnerCount 2016 7] D [unchanged] eur [unchanged]' }
    @{ Does = 'Set-PartnerExchangeRate writes a piped rate to its own database'
        Script = 'Get-PartnerExchangeRate -Database $a | Where-Object From -EQ GBP | Set-PartnerExchangeRate -Rate 4'
        Expected = 'errors [] warnings [] output [] from [] a [-rate GBP USD 2016 2, +rate GBP USD 2016 4] D [unchanged] eur [unchanged]' }
    @{ Does = 'Add-PartnerRevenue books a CSV row of a partner in the default, matched there by name: rows are data, with one warning naming both databases'
        Script = 'Get-Partner -Database $a -Name Bravo | ConvertTo-Csv | ConvertFrom-Csv | Add-PartnerRevenue -Date 2017-06-01 -Amount 42'
        Expected = 'errors [] warnings [a D] output [] from [] a [unchanged] D [+revenue 4 Bravo#2 2017-06-01 42.00 USD] eur [unchanged]' }
    @{ Does = 'Add-Partner adds CSV rows with a Database column to the default, with one warning naming both databases'
        Script = 'Get-Partner -Database $a | ConvertTo-Csv | ConvertFrom-Csv | ForEach-Object { $_.Name = "$($_.Name) Copy"; $_ } | Add-Partner'
        Expected = 'errors [] warnings [a D] output [] from [] a [unchanged] D [+partner 4 Alpha Copy Silver, +partner 5 Bravo Copy Registered, +partner 6 Charlie Copy Platinum] eur [unchanged]' }
    @{ Does = 'Add-Partner -Database adds CSV rows with a Database column to the database typed, without a warning'
        Script = 'Get-Partner -Database $a | ConvertTo-Csv | ConvertFrom-Csv | ForEach-Object { $_.Name = "$($_.Name) Copy"; $_ } | Add-Partner -Database $D'
        Expected = 'errors [] warnings [] output [] from [] a [unchanged] D [+partner 4 Alpha Copy Silver, +partner 5 Bravo Copy Registered, +partner 6 Charlie Copy Platinum] eur [unchanged]' }
    @{ Does = 'Set-PartnerTarget writes JSON rows of targets to the default: rows are data, with one warning naming both databases'
        Script = 'Get-PartnerTarget -Database $a | ConvertTo-Json | ConvertFrom-Json | Set-PartnerTarget -Value 7'
        Expected = 'errors [] warnings [a D] output [] from [] a [unchanged] D [-target 1 PartnerCount 2016 3, -target 2 PartnerRevenue 2016 1000, +target 1 PartnerCount 2016 7, +target 2 PartnerRevenue 2016 7] eur [unchanged]' }
    @{ Does = 'a typed -Database naming the default outranks a partner''s own database: the partner is matched there by name'
        Script = 'Get-Partner -Database $a -Name Bravo | Set-Partner -Database $D -Tier Gold'
        Expected = 'errors [] warnings [] output [] from [] a [unchanged] D [-partner 2 Bravo Registered, +partner 2 Bravo Gold] eur [unchanged]' }
    @{ Does = 'a typed -Database naming the default outranks a record''s own database: the record is refused'
        Script = 'Get-PartnerRevenue -Database $a -Partner Charlie | Remove-PartnerRevenue -Database $D -Confirm:$false'
        Expected = 'errors [ObjectFromOtherDatabase] warnings [] output [] from [] a [unchanged] D [unchanged] eur [unchanged]' }
)

# (b) Pipelines on a copy of Main ($db), in which a record's own Id read as a partner's would pick another partner.
$IdCases = @(
    @{ Pipeline = 'Get-PartnerRevenue -Year 2016 | Set-Partner'; Says = 'makes only Charlie Gold (revenue record 2 is Charlie''s; partner 2 is Bravo)'
        Run = { param($db) Get-PartnerRevenue -Database $db -Year 2016 | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 3 Charlie Platinum, +partner 3 Charlie Gold]' }
    @{ Pipeline = 'Get-PartnerRevenue -Year 2017 | Set-Partner'; Says = 'makes only Alpha Gold (revenue record 3 is Alpha''s; partner 3 is Charlie)'
        Run = { param($db) Get-PartnerRevenue -Database $db -Year 2017 | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 1 Alpha Silver, +partner 1 Alpha Gold]' }
    @{ Pipeline = 'Get-PartnerRevenue -Direct | Set-Partner'; Says = 'changes nobody (direct revenue record 1 has no partner) and gives InputObjectInvalid'
        Run = { param($db) Get-PartnerRevenue -Database $db -Direct | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerRevenue -Direct | Remove-Partner -Force'; Says = 'removes nobody and gives InputObjectInvalid'
        Run = { param($db) Get-PartnerRevenue -Database $db -Direct | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerRevenue -Direct | Get-Partner'; Says = 'gets nobody and gives InputObjectInvalid'
        Run = { param($db) Get-PartnerRevenue -Database $db -Direct | Get-Partner -Database $db }
        Expected = 'errors [InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerRevenue -Year 2016 | Remove-Partner -Force'; Says = 'removes Charlie, not Bravo'
        Run = { param($db) Get-PartnerRevenue -Database $db -Year 2016 | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [] output [] changes [-partner 3 Charlie Platinum, -revenue 2 Charlie#3 2016-04-01 300.00 USD]' }
    @{ Pipeline = 'Get-PartnerRevenue -Year 2016 | Get-Partner'; Says = 'gets Charlie'
        Run = { param($db) Get-PartnerRevenue -Database $db -Year 2016 | Get-Partner -Database $db }
        Expected = 'errors [] output [partner 3 Charlie Platinum] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerRevenue -Year 2016 | Get-PartnerRevenue'; Says = 'gets Charlie''s revenue'
        Run = { param($db) Get-PartnerRevenue -Database $db -Year 2016 | Get-PartnerRevenue -Database $db }
        Expected = 'errors [] output [2 Charlie#3 2016-04-01 300.00 USD] changes [unchanged]' }
    @{ Pipeline = 'Alpha''s history entry (Id 2) | Set-Partner'; Says = 'makes only Alpha Gold, not Bravo'
        Run = { param($db) Get-PartnerHistory -Database $db -Partner Alpha -Entity Partner | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 1 Alpha Silver, +partner 1 Alpha Gold]' }
    @{ Pipeline = 'Bravo''s history entry (Id 3) | Remove-Partner'; Says = 'removes Bravo, not Charlie'
        Run = { param($db) Get-PartnerHistory -Database $db -Partner Bravo -Entity Partner | Remove-Partner -Database $db -Confirm:$false }
        Expected = 'errors [] output [] changes [-partner 2 Bravo Registered]' }
    @{ Pipeline = 'Alpha''s revenue history entry (Id 6) | Get-Partner'; Says = 'gets Alpha (there is no partner 6)'
        Run = { param($db) Get-PartnerHistory -Database $db -Partner Alpha -Entity Revenue | Get-Partner -Database $db }
        Expected = 'errors [] output [partner 1 Alpha Silver] changes [unchanged]' }
    @{ Pipeline = 'Bravo''s history entry (Id 3) | Get-PartnerHistory'; Says = 'gets Bravo''s history, not Charlie''s'
        Run = { param($db) Get-PartnerHistory -Database $db -Partner Bravo | Get-PartnerHistory -Database $db }
        Expected = 'errors [] output [history 3] changes [unchanged]' }
    @{ Pipeline = 'the history entries of direct revenue, targets and rates (Ids 10-7, 1) | Set-Partner'; Says = 'changes nobody (not Alpha, partner 1) and gives five InputObjectInvalid'
        Run = { param($db) Get-PartnerHistory -Database $db | Where-Object { $null -eq $_.PartnerId } | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'the history entries of direct revenue, targets and rates | Remove-Partner -Force'; Says = 'removes nobody and gives five InputObjectInvalid'
        Run = { param($db) Get-PartnerHistory -Database $db | Where-Object { $null -eq $_.PartnerId } | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'the history entries of direct revenue, targets and rates | Get-Partner'; Says = 'gets nobody and gives five InputObjectInvalid'
        Run = { param($db) Get-PartnerHistory -Database $db | Where-Object { $null -eq $_.PartnerId } | Get-Partner -Database $db }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerTarget | Set-Partner'; Says = 'changes neither Alpha (1) nor Bravo (2) and gives InputObjectInvalid for each target'
        Run = { param($db) Get-PartnerTarget -Database $db | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerTarget | Remove-Partner -Force'; Says = 'removes neither Alpha nor Bravo and gives InputObjectInvalid for each target'
        Run = { param($db) Get-PartnerTarget -Database $db | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerTarget | Get-Partner'; Says = 'gets nobody and gives InputObjectInvalid for each target'
        Run = { param($db) Get-PartnerTarget -Database $db | Get-Partner -Database $db }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Measure-PartnerRevenue -GroupBy Partner | Set-Partner'; Says = 'makes Alpha and Charlie Gold and refuses the direct group with InputObjectInvalid'
        Run = { param($db) Measure-PartnerRevenue -Database $db -GroupBy Partner | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid] output [] changes [-partner 1 Alpha Silver, -partner 3 Charlie Platinum, +partner 1 Alpha Gold, +partner 3 Charlie Gold]' }
    @{ Pipeline = 'Measure-PartnerRevenue -GroupBy Partner | Remove-Partner -Force'; Says = 'removes Alpha and Charlie and refuses the direct group'
        Run = { param($db) Measure-PartnerRevenue -Database $db -GroupBy Partner | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [InputObjectInvalid] output [] changes [-partner 1 Alpha Silver, -partner 3 Charlie Platinum, -revenue 2 Charlie#3 2016-04-01 300.00 USD, -revenue 3 Alpha#1 2017-05-01 100.00 USD]' }
    @{ Pipeline = 'Measure-PartnerRevenue -GroupBy Partner | Get-Partner'; Says = 'gets Alpha and Charlie and refuses the direct group'
        Run = { param($db) Measure-PartnerRevenue -Database $db -GroupBy Partner | Get-Partner -Database $db }
        Expected = 'errors [InputObjectInvalid] output [partner 1 Alpha Silver; partner 3 Charlie Platinum] changes [unchanged]' }
    @{ Pipeline = 'Measure-PartnerRevenue -GroupBy Year | Set-Partner'; Says = 'changes nobody and gives InputObjectInvalid for each of the three years'
        Run = { param($db) Measure-PartnerRevenue -Database $db -GroupBy Year | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerTarget | Measure-PartnerRevenue'; Says = 'measures nothing (not partner 1 or 2) and gives InvalidRevenueValue for each target'
        Run = { param($db) Get-PartnerTarget -Database $db | Measure-PartnerRevenue -Database $db }
        Expected = 'errors [InvalidRevenueValue, InvalidRevenueValue] output [] changes [unchanged]' }
    @{ Pipeline = 'Bravo''s history entry (Id 3) | Measure-PartnerRevenue'; Says = 'measures the revenue of the partner it names, Bravo (none), not Charlie''s'
        Run = { param($db) Get-PartnerHistory -Database $db -Partner Bravo | Measure-PartnerRevenue -Database $db }
        Expected = 'errors [] output [measure 0 0 USD] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerExchangeRate | Set-Partner'; Says = 'changes nobody and gives InputObjectInvalid for each rate'
        Run = { param($db) Get-PartnerExchangeRate -Database $db | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [InputObjectInvalid, InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'Get-PartnerDatabase | Remove-Partner -Force'; Says = 'removes nobody and gives InputObjectInvalid'
        Run = { param($db) Get-PartnerDatabase -Database $db | Remove-Partner -Database $db -Force -Confirm:$false }
        Expected = 'errors [InputObjectInvalid] output [] changes [unchanged]' }
    @{ Pipeline = 'revenue rows from Import-Csv | Set-Partner'; Says = 'makes Charlie and Alpha Gold by the rows'' PartnerId, not Bravo and Charlie by their Id'
        Run = { param($db) Get-PartnerRevenue -Database $db -Channel Partner | ConvertTo-Csv | ConvertFrom-Csv | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 1 Alpha Silver, -partner 3 Charlie Platinum, +partner 1 Alpha Gold, +partner 3 Charlie Gold]' }
    @{ Pipeline = '[PartnerOps.Partner]@{ Name = ''Charlie'' } | Set-Partner'; Says = 'makes Charlie Gold: a hand-built partner (Id 0) is identified by its name'
        Run = { param($db) [PartnerOps.Partner]@{ Name = 'Charlie' } | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 3 Charlie Platinum, +partner 3 Charlie Gold]' }
    @{ Pipeline = '2, ''Charlie'' | Set-Partner'; Says = 'takes a piped number for a partner id and a piped string for a name, as typed'
        Run = { param($db) 2, 'Charlie' | Set-Partner -Database $db -Tier Gold }
        Expected = 'errors [] output [] changes [-partner 2 Bravo Registered, -partner 3 Charlie Platinum, +partner 2 Bravo Gold, +partner 3 Charlie Gold]' }
)

# (d) One pipeline per cmdlet that takes piped module objects, run on objects in every form. Pick chooses the
# objects from a catalog of the fixture's records (read when asked for, or as a job returned them); Run gets them
# and the fixture's path.
$SerializedCases = @(
    @{ Cmdlet = 'Set-Partner'; Objects = 'partner Bravo'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
        Run = { param($in, $db) $in | Set-Partner -Tier Gold -PassThru }
        Expected = 'errors [] output [partner 2 Bravo Gold] from [fixture] changes [-partner 2 Bravo Registered, +partner 2 Bravo Gold]' }
    @{ Cmdlet = 'Set-Partner'; Objects = 'Charlie''s revenue record (Id 2)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Set-Partner -Tier Gold -PassThru }
        Expected = 'errors [] output [partner 3 Charlie Gold] from [fixture] changes [-partner 3 Charlie Platinum, +partner 3 Charlie Gold]' }
    @{ Cmdlet = 'Set-Partner'; Objects = 'Alpha''s history entry (Id 2)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.History | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Set-Partner -Tier Gold -PassThru }
        Expected = 'errors [] output [partner 1 Alpha Gold] from [fixture] changes [-partner 1 Alpha Silver, +partner 1 Alpha Gold]' }
    @{ Cmdlet = 'Set-Partner'; Objects = 'Charlie''s measure (-GroupBy Partner)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Run = { param($in, $db) $in | Set-Partner -Tier Gold -PassThru }
        Expected = 'errors [] output [partner 3 Charlie Gold] from [fixture] changes [-partner 3 Charlie Platinum, +partner 3 Charlie Gold]' }
    @{ Cmdlet = 'Remove-Partner'; Objects = 'partner Bravo'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
        Run = { param($in, $db) $in | Remove-Partner -Confirm:$false }
        Expected = 'errors [] output [] from [] changes [-partner 2 Bravo Registered]' }
    @{ Cmdlet = 'Get-Partner'; Objects = 'partner Charlie'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Charlie' }
        Run = { param($in, $db) $in | Get-Partner }
        Expected = 'errors [] output [partner 3 Charlie Platinum] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Get-Partner'; Objects = 'Bravo''s history entry (Id 3)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.History | Where-Object Id -EQ 3 }
        Run = { param($in, $db) $in | Get-Partner }
        Expected = 'errors [] output [partner 2 Bravo Registered] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Get-PartnerRevenue'; Objects = 'partner Alpha'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Alpha' }
        Run = { param($in, $db) $in | Get-PartnerRevenue }
        Expected = 'errors [] output [3 Alpha#1 2017-05-01 100.00 USD] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Get-PartnerRevenue'; Objects = 'Charlie''s revenue record (Id 2)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Get-PartnerRevenue }
        Expected = 'errors [] output [2 Charlie#3 2016-04-01 300.00 USD] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Add-PartnerRevenue'; Objects = 'partner Bravo'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
        Run = { param($in, $db) $in | Add-PartnerRevenue -Database $db -Date 2017-06-01 -Amount 42 -PassThru }
        Expected = 'errors [] output [4 Bravo#2 2017-06-01 42.00 USD] from [fixture] changes [+revenue 4 Bravo#2 2017-06-01 42.00 USD]' }
    @{ Cmdlet = 'Add-PartnerRevenue'; Objects = 'Charlie''s revenue record (Id 2), copied'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Add-PartnerRevenue -Database $db -PassThru }
        Expected = 'errors [] output [4 Charlie#3 2016-04-01 300.00 USD] from [fixture] changes [+revenue 4 Charlie#3 2016-04-01 300.00 USD]' }
    @{ Cmdlet = 'Remove-PartnerRevenue'; Objects = 'Charlie''s revenue record (Id 2)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Remove-PartnerRevenue -Confirm:$false }
        Expected = 'errors [] output [] from [] changes [-revenue 2 Charlie#3 2016-04-01 300.00 USD]' }
    @{ Cmdlet = 'Get-PartnerHistory'; Objects = 'partner Charlie'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Charlie' }
        Run = { param($in, $db) $in | Get-PartnerHistory }
        Expected = 'errors [] output [history 5; history 4] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Get-PartnerHistory'; Objects = 'Alpha''s revenue record (Id 3)'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 3 }
        Run = { param($in, $db) $in | Get-PartnerHistory }
        Expected = 'errors [] output [history 6; history 2] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Remove-PartnerTarget'; Objects = 'target 2'; Template = 'Main'; Picked = 1
        Pick = { param($c) $c.Targets | Where-Object Id -EQ 2 }
        Run = { param($in, $db) $in | Remove-PartnerTarget -Confirm:$false }
        Expected = 'errors [] output [] from [] changes [-target 2 PartnerRevenue 2016 1000]' }
    @{ Cmdlet = 'Measure-PartnerRevenue'; Objects = 'the revenue records of the EUR database'; Template = 'Euro'; Picked = 3
        Pick = { param($c) $c.Revenue }
        Run = { param($in, $db) $in | Measure-PartnerRevenue }
        Expected = 'errors [] output [measure 3 185.00 EUR] from [fixture] changes [unchanged]' }
    @{ Cmdlet = 'Measure-PartnerRevenue'; Objects = 'partner Alpha of the EUR database'; Template = 'Euro'; Picked = 1
        Pick = { param($c) $c.Partners | Where-Object Name -EQ 'Alpha' }
        Run = { param($in, $db) $in | Measure-PartnerRevenue }
        Expected = 'errors [] output [measure 1 125.00 EUR] from [fixture] changes [unchanged]' }
)

# (d) A stale Bravo: renamed to 'Bravo Old' (keeping Id 2), and a new Bravo added (Id 4).
$StalePartnerCases = @(
    @{ Cmdlet = 'Set-Partner'; Run = { param($in, $db) $in | Set-Partner -Tier Gold -PassThru } }
    @{ Cmdlet = 'Remove-Partner'; Run = { param($in, $db) $in | Remove-Partner -Force -Confirm:$false } }
    @{ Cmdlet = 'Add-PartnerRevenue'; Run = { param($in, $db) $in | Add-PartnerRevenue -Database $db -Date 2017-06-01 -Amount 42 -PassThru } }
    @{ Cmdlet = 'Get-Partner'; Run = { param($in, $db) $in | Get-Partner } }
    @{ Cmdlet = 'Get-PartnerRevenue'; Run = { param($in, $db) $in | Get-PartnerRevenue } }
    @{ Cmdlet = 'Get-PartnerHistory'; Run = { param($in, $db) $in | Get-PartnerHistory } }
    # A measure of nothing may be written; no record of either partner may be counted in it.
    @{ Cmdlet = 'Measure-PartnerRevenue'; Run = { param($in, $db) $in | Measure-PartnerRevenue | Where-Object Count -GT 0 } }
)

# (d) Alpha's revenue record 3 (2017-05-01, 100 USD), the newest, removed, and another record added in its place (Id 3).
$StaleRevenueCases = @(
    @{ Replacement = 'Bravo''s record of the same date and amount'; Add = { param($db) Add-PartnerRevenue -Database $db -Partner Bravo -Date 2017-05-01 -Amount 100 }; Line = '3 Bravo#2 2017-05-01 100.00 USD' }
    @{ Replacement = 'direct revenue of the same date and amount'; Add = { param($db) Add-PartnerRevenue -Database $db -Direct -Region Nordics -Date 2017-05-01 -Amount 100 }; Line = '3 direct 2017-05-01 100.00 USD' }
    @{ Replacement = 'Alpha''s record of another amount'; Add = { param($db) Add-PartnerRevenue -Database $db -Partner Alpha -Date 2017-05-01 -Amount 101 }; Line = '3 Alpha#1 2017-05-01 101.00 USD' }
    @{ Replacement = 'Alpha''s record of another date'; Add = { param($db) Add-PartnerRevenue -Database $db -Partner Alpha -Date 2017-05-02 -Amount 100 }; Line = '3 Alpha#1 2017-05-02 100.00 USD' }
    @{ Replacement = 'Alpha''s record in another currency'; Add = { param($db) Add-PartnerRevenue -Database $db -Partner Alpha -Date 2017-05-01 -Amount 100 -Currency EUR }; Line = '3 Alpha#1 2017-05-01 100.00 EUR' }
)

# (d) Target 2 (PartnerRevenue 2016, all regions), the newest, removed, and another target set in its place (Id 2).
$StaleTargetCases = @(
    @{ Replacement = 'a target of another year'; Set = { param($db) Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2017 -Value 1000 }; Line = '2 PartnerRevenue 2017 1000' }
    @{ Replacement = 'a target of another metric'; Set = { param($db) Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Value 1000 }; Line = '2 PartnerCount 2017 1000' }
    @{ Replacement = 'a target of another region'; Set = { param($db) Set-PartnerTarget -Database $db -Metric PartnerRevenue -Year 2016 -Region Nordics -Value 1000 }; Line = '2 PartnerRevenue 2016 Nordics 1000' }
)

# (e) Main's partners Alpha (1), Bravo (2), Charlie (3), in that order, piped with -Database naming a copy of Other,
# where Alpha is 3, Charlie 2 and there is no Bravo.
$OtherPartnerCases = @(
    @{ Cmdlet = 'Set-Partner'; Run = { param($in, $b) $in | Set-Partner -Database $b -Tier Gold -PassThru }
        Expected = 'errors [PartnerNotFound] output [partner 3 Alpha Gold; partner 2 Charlie Gold] from [b] b [-partner 2 Charlie Registered, -partner 3 Alpha Registered, +partner 2 Charlie Gold, +partner 3 Alpha Gold] a [unchanged]' }
    @{ Cmdlet = 'Remove-Partner'; Run = { param($in, $b) $in | Remove-Partner -Database $b -Force -Confirm:$false }
        Expected = 'errors [PartnerNotFound] output [] from [] b [-partner 2 Charlie Registered, -partner 3 Alpha Registered, -revenue 3 Alpha#3 2017-05-01 100.00 USD] a [unchanged]' }
    @{ Cmdlet = 'Get-Partner'; Run = { param($in, $b) $in | Get-Partner -Database $b }
        Expected = 'errors [PartnerNotFound] output [partner 3 Alpha Registered; partner 2 Charlie Registered] from [b] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Get-PartnerRevenue'; Run = { param($in, $b) $in | Get-PartnerRevenue -Database $b }
        Expected = 'errors [PartnerNotFound] output [3 Alpha#3 2017-05-01 100.00 USD] from [b] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Get-PartnerHistory'; Run = { param($in, $b) $in | Get-PartnerHistory -Database $b }
        Expected = 'errors [PartnerNotFound] output [history 6; history 4; history 3] from [b] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Add-PartnerRevenue'; Run = { param($in, $b) $in | Add-PartnerRevenue -Database $b -Date 2018-01-01 -Amount 77 -PassThru }
        Expected = 'errors [PartnerNotFound] output [4 Alpha#3 2018-01-01 77.00 USD; 5 Charlie#2 2018-01-01 77.00 USD] from [b] b [+revenue 4 Alpha#3 2018-01-01 77.00 USD, +revenue 5 Charlie#2 2018-01-01 77.00 USD] a [unchanged]' }
    @{ Cmdlet = 'Measure-PartnerRevenue'; Run = { param($in, $b) $in | Measure-PartnerRevenue -Database $b }
        Expected = 'errors [PartnerNotFound] output [measure 1 100.00 USD] from [b] b [unchanged] a [unchanged]' }
)

# (e) Records of Main piped with -Database naming a copy of Other, followed by one object of Other (Own), which is
# still worked on. Pick chooses Main's records from its catalog, Own Other's object from Other's.
$OtherRecordCases = @(
    @{ Cmdlet = 'Set-Partner'; Records = 'Charlie''s revenue record, Alpha''s history entry and Charlie''s measure'
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2; $c.History | Where-Object Id -EQ 2; $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Own = { param($c) $c.Partners | Where-Object Name -EQ 'Zulu' }
        Run = { param($in, $b) $in | Set-Partner -Database $b -Tier Gold }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [] b [-partner 1 Zulu Registered, +partner 1 Zulu Gold] a [unchanged]' }
    @{ Cmdlet = 'Remove-Partner'; Records = 'Charlie''s revenue record, Alpha''s history entry and Charlie''s measure'
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2; $c.History | Where-Object Id -EQ 2; $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Own = { param($c) $c.Partners | Where-Object Name -EQ 'Zulu' }
        Run = { param($in, $b) $in | Remove-Partner -Database $b -Force -Confirm:$false }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [] b [-partner 1 Zulu Registered, -revenue 2 Zulu#1 2016-01-01 1.00 USD] a [unchanged]' }
    @{ Cmdlet = 'Get-Partner'; Records = 'Charlie''s revenue record, Alpha''s history entry and Charlie''s measure'
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2; $c.History | Where-Object Id -EQ 2; $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Own = { param($c) $c.Partners | Where-Object Name -EQ 'Zulu' }
        Run = { param($in, $b) $in | Get-Partner -Database $b }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [partner 1 Zulu Registered] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Get-PartnerRevenue'; Records = 'Charlie''s revenue record, Alpha''s history entry and Charlie''s measure'
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2; $c.History | Where-Object Id -EQ 2; $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Own = { param($c) $c.Partners | Where-Object Name -EQ 'Zulu' }
        Run = { param($in, $b) $in | Get-PartnerRevenue -Database $b }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [2 Zulu#1 2016-01-01 1.00 USD] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Get-PartnerHistory'; Records = 'Charlie''s revenue record, Alpha''s history entry and Charlie''s measure'
        Pick = { param($c) $c.Revenue | Where-Object Id -EQ 2; $c.History | Where-Object Id -EQ 2; $c.Measures | Where-Object Partner -EQ 'Charlie' }
        Own = { param($c) $c.Partners | Where-Object Name -EQ 'Zulu' }
        Run = { param($in, $b) $in | Get-PartnerHistory -Database $b }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [history 5; history 2] b [unchanged] a [unchanged]' }
    @{ Cmdlet = 'Remove-PartnerRevenue'; Records = 'revenue records 1 (identical to Other''s record 1) and 2'
        Pick = { param($c) $c.Revenue | Where-Object Id -In 1, 2 }
        Own = { param($c) $c.Revenue | Where-Object Id -EQ 3 }
        Run = { param($in, $b) $in | Remove-PartnerRevenue -Database $b -Confirm:$false }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [] b [-revenue 3 Alpha#3 2017-05-01 100.00 USD] a [unchanged]' }
    @{ Cmdlet = 'Remove-PartnerTarget'; Records = 'target 1 (identical to Other''s target 1)'
        Pick = { param($c) $c.Targets | Where-Object Id -EQ 1 }
        Own = { param($c) $c.Targets | Where-Object Id -EQ 2 }
        Run = { param($in, $b) $in | Remove-PartnerTarget -Database $b -Confirm:$false }
        Expected = 'errors [ObjectFromOtherDatabase] output [] b [-target 2 PartnerCount 2017 5] a [unchanged]' }
    @{ Cmdlet = 'Measure-PartnerRevenue'; Records = 'the three revenue records'
        Pick = { param($c) $c.Revenue }
        Own = { param($c) $c.Revenue | Where-Object Id -EQ 2 }
        Run = { param($in, $b) $in | Measure-PartnerRevenue -Database $b }
        Expected = 'errors [ObjectFromOtherDatabase, ObjectFromOtherDatabase, ObjectFromOtherDatabase] output [measure 1 1.00 USD] b [unchanged] a [unchanged]' }
)
