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

BeforeDiscovery {
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
}

BeforeAll {
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
}

AfterAll {
    $env:PARTNEROPS_DATABASE = $script:SavedDefault
    if ($script:Job) { Remove-Job -Job $script:Job -Force -ErrorAction SilentlyContinue }
    Remove-TestFolders
}

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

Describe 'Serialized objects and exported rows work like live ones' {
    It 'a job returns Deserialized.PartnerOps objects (the Job form is what it says)' {
        $fixture = Get-JobFixture Main
        @($fixture.Catalog.Partners + $fixture.Catalog.Revenue + $fixture.Catalog.History + $fixture.Catalog.Measures) |
            ForEach-Object { $_.PSObject.TypeNames[0] -replace '#.*$' } | Select-Object -Unique |
            Should -Be @('Deserialized.PartnerOps.Partner', 'Deserialized.PartnerOps.PartnerRevenue', 'Deserialized.PartnerOps.HistoryEntry', 'Deserialized.PartnerOps.RevenueMeasure')
        Format-Output $fixture.Catalog.Partners | Should -BeExactly 'partner 1 Alpha Silver; partner 2 Bravo Registered; partner 3 Charlie Platinum'
        Format-Output $fixture.Catalog.Measures | Should -BeExactly 'measure 1 100.00 USD; measure 1 300.00 USD; measure 1 10.00 USD'
    }

    It '<Cmdlet> with <Objects> gives the same result for live, Clixml, job, JSON and CSV objects' -ForEach $SerializedCases {
        $forms = 'Live', 'Clixml', 'Job', 'Json', 'Csv'
        $lines = foreach ($form in $forms) {
            $fixture = Get-FormFixture -Template $Template -Form $form -Pick $Pick
            $r = Invoke-Collecting { & $Run $fixture.Objects $fixture.Database }
            "${form} ($($fixture.Objects.Count)): errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] " +
            "from [$(Format-Origin $r.Output @{ $fixture.Database = 'fixture' })] changes [$(Get-Changes $fixture.Database $Template)]"
        }
        $lines | Should -Be @($forms | ForEach-Object { "$_ ($Picked): $Expected" })
    }

    It '<Cmdlet> gives PartnerNotFound for a stale Bravo of every form after Bravo was renamed and a new Bravo added, and changes neither' -ForEach $StalePartnerCases {
        $pick = { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Set-Partner -Database $database -Name 'Bravo' -NewName 'Bravo Old'
            Add-Partner -Database $database -Name 'Bravo'
        }
        $renamed = '-partner 2 Bravo Registered, +partner 2 Bravo Old Registered, +partner 4 Bravo Registered'
        Get-Changes $db Main | Should -BeExactly $renamed
        $newest = Get-NewestChange $db

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { & $Run $stale[$form] $target }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] changes [$(Get-Changes $target Main)] newest change $(Get-NewestChange $target)"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [PartnerNotFound] output [] changes [$renamed] newest change $newest" })
    }

    It 'Set-, Remove- and Get-Partner give PartnerNotFound for a stale Charlie of every form after Charlie was removed and Delta got its Id 3' {
        $pick = { param($c) $c.Partners | Where-Object Name -EQ 'Charlie' }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-Partner -Database $database -Name 'Charlie' -Force -Confirm:$false
            Add-Partner -Database $database -Name 'Delta' -Tier Gold
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            Invoke-RawSql -Database $database -Sql "UPDATE partners SET id = 3 WHERE name = 'Delta'"
        }
        $replaced = '-partner 3 Charlie Platinum, -revenue 2 Charlie#3 2016-04-01 300.00 USD, +partner 3 Delta Gold'
        Get-Changes $db Main | Should -BeExactly $replaced
        $newest = Get-NewestChange $db

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting {
                $stale[$form] | Set-Partner -Tier Platinum
                $stale[$form] | Remove-Partner -Force -Confirm:$false
                $stale[$form] | Get-Partner
            }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] changes [$(Get-Changes $target Main)] newest change $(Get-NewestChange $target)"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [PartnerNotFound, PartnerNotFound, PartnerNotFound] output [] changes [$replaced] newest change $newest" })
    }

    It 'Remove-PartnerRevenue gives RevenueNotFound for a stale record 3 of every form whose Id went to <Replacement>, and keeps that record' -ForEach $StaleRevenueCases {
        $pick = { param($c) $c.Revenue | Where-Object Id -EQ 3 }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-PartnerRevenue -Database $database -Id 3 -Confirm:$false
            & $Add $database
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            Invoke-RawSql -Database $database -Sql 'UPDATE revenue SET id = 3 WHERE id = (SELECT max(id) FROM revenue)'
        }
        $replaced = "-revenue 3 Alpha#1 2017-05-01 100.00 USD, +revenue $Line"
        Get-Changes $db Main | Should -BeExactly $replaced

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { $stale[$form] | Remove-PartnerRevenue -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $target Main)]"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [RevenueNotFound] changes [$replaced]" })
    }

    It 'Remove-PartnerTarget gives TargetNotFound for a stale target 2 of every form whose Id went to <Replacement>, and keeps that target' -ForEach $StaleTargetCases {
        $pick = { param($c) $c.Targets | Where-Object Id -EQ 2 }
        $db = New-Fixture Main
        $stale = [ordered]@{}
        foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') { $stale[$form] = @(ConvertTo-Form @(& $pick (Get-Catalog $db)) $form) }
        $job = Get-JobFixture Main
        $stale['Job'] = @(& $pick $job.Catalog)
        foreach ($database in $db, $job.Database) {
            Remove-PartnerTarget -Database $database -Id 2 -Confirm:$false
            & $Set $database
            # The module never gives an id again (schema 3); an older PartnerOps or another tool could, so the id is reused by hand.
            Invoke-RawSql -Database $database -Sql 'UPDATE targets SET id = 2 WHERE id = (SELECT max(id) FROM targets)'
        }
        $replaced = "-target 2 PartnerRevenue 2016 1000, +target $Line"
        Get-Changes $db Main | Should -BeExactly $replaced

        $lines = foreach ($form in $stale.Keys) {
            $target = if ($form -eq 'Job') { $job.Database } else { $db }
            $r = Invoke-Collecting { $stale[$form] | Remove-PartnerTarget -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $target Main)]"
        }
        $lines | Should -Be @($stale.Keys | ForEach-Object { "${_}: errors [TargetNotFound] changes [$replaced]" })
    }

    It 'Remove-PartnerTarget removes a target 2 of every form whose value was changed since: metric, year and region still match' {
        $lines = foreach ($form in 'Live', 'Clixml', 'Job', 'Json', 'Csv') {
            $fixture = Get-FormFixture -Template Main -Form $form -Pick { param($c) $c.Targets | Where-Object Id -EQ 2 }
            Set-PartnerTarget -Database $fixture.Database -Metric PartnerRevenue -Year 2016 -Value 2000
            $r = Invoke-Collecting { $fixture.Objects | Remove-PartnerTarget -Confirm:$false }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] changes [$(Get-Changes $fixture.Database Main)]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Job', 'Json', 'Csv' | ForEach-Object { "${_}: errors [] changes [-target 2 PartnerRevenue 2016 1000]" })
    }

    It 'Add-PartnerRevenue books revenue for a Clixml or job partner in its own database when -Database is not given' {
        $lines = foreach ($form in 'Clixml', 'Job') {
            $fixture = Get-FormFixture -Template Main -Form $form -Pick { param($c) $c.Partners | Where-Object Name -EQ 'Bravo' }
            $r = Invoke-Collecting { $fixture.Objects | Add-PartnerRevenue -Date 2017-06-01 -Amount 42 -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] from [$(Format-Origin $r.Output @{ $fixture.Database = 'fixture' })] changes [$(Get-Changes $fixture.Database Main)]"
        }
        $lines | Should -Be @('Clixml', 'Job' | ForEach-Object { "${_}: errors [] from [fixture] changes [+revenue 4 Bravo#2 2017-06-01 42.00 USD]" })
    }
}

Describe 'Objects of another database' {
    It '<Cmdlet> -Database naming Other matches live, Clixml and CSV partners there by name, gives PartnerNotFound for the one not there, and goes on' -ForEach $OtherPartnerCases {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(Get-Partner -Database $a) $form)
            $r = Invoke-Collecting { & $Run $in $b }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] from [$(Format-Origin $r.Output @{ $a = 'a'; $b = 'b' })] " +
            "b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Csv' | ForEach-Object { "${_}: $Expected" })
    }

    It '<Cmdlet> -Database naming Other refuses <Records> of every form with ObjectFromOtherDatabase (InvalidArgument), writes nothing for them and goes on' -ForEach $OtherRecordCases {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(& $Pick (Get-Catalog $a)) $form) + @(& $Own (Get-Catalog $b))
            $r = Invoke-Collecting { & $Run $in $b }
            $categories = @($r.Errors | ForEach-Object { "$($_.CategoryInfo.Category)" } | Select-Object -Unique) -join ', '
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)] categories [$categories]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object { "${_}: $Expected categories [InvalidArgument]" })
    }

    It 'Measure-PartnerRevenue without -Database measures in the first piped record''s database and refuses the records of another' {
        $a = New-Fixture Main
        $eur = New-Fixture Euro
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $eur) $form) + @(ConvertTo-Form @(Get-PartnerRevenue -Database $a -Partner Charlie) $form)
            $r = Invoke-Collecting { $in | Measure-PartnerRevenue }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] from [$(Format-Origin $r.Output @{ $a = 'main'; $eur = 'eur' })]"
        }
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object { "${_}: errors [ObjectFromOtherDatabase] output [measure 3 185.00 EUR] from [eur]" })
        Get-Changes $a Main | Should -BeExactly 'unchanged'
        Get-Changes $eur Euro | Should -BeExactly 'unchanged'
    }

    It 'Add-PartnerRevenue -Database naming Other copies Main''s revenue records of every form, matching their partners there by name' {
        $a = New-Fixture Main
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $b = New-Fixture Other
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $a) $form)
            $r = Invoke-Collecting { $in | Add-PartnerRevenue -Database $b -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] b [$(Get-Changes $b Other)] a [$(Get-Changes $a Main)]"
        }
        # Charlie is 3 in Main and 2 in Other, where 3 is Alpha.
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object {
                "${_}: errors [] output [4 direct 2015-03-01 10.00 USD; 5 Charlie#2 2016-04-01 300.00 USD; 6 Alpha#3 2017-05-01 100.00 USD] " +
                'b [+revenue 4 direct 2015-03-01 10.00 USD, +revenue 5 Charlie#2 2016-04-01 300.00 USD, +revenue 6 Alpha#3 2017-05-01 100.00 USD] a [unchanged]'
            })
    }

    It 'Add-PartnerRevenue -Database naming Main copies Other''s revenue records of every form and gives PartnerNotFound for Zulu''s' {
        $b = New-Fixture Other
        $lines = foreach ($form in 'Live', 'Clixml', 'Json', 'Csv') {
            $a = New-Fixture Main
            $in = @(ConvertTo-Form @(Get-PartnerRevenue -Database $b) $form)
            $r = Invoke-Collecting { $in | Add-PartnerRevenue -Database $a -PassThru }
            "${form}: errors [$(Format-ErrorIds $r.Errors)] output [$(Format-Output $r.Output)] a [$(Get-Changes $a Main)] b [$(Get-Changes $b Other)]"
        }
        # Alpha is 3 in Other and 1 in Main.
        $lines | Should -Be @('Live', 'Clixml', 'Json', 'Csv' | ForEach-Object {
                "${_}: errors [PartnerNotFound] output [4 direct 2015-03-01 10.00 USD; 5 Alpha#1 2017-05-01 100.00 USD] a [+revenue 4 direct 2015-03-01 10.00 USD, +revenue 5 Alpha#1 2017-05-01 100.00 USD] b [unchanged]"
            })
    }
}

Describe '-InputObject takes arrays, item by item as the pipeline does' {
    It 'Set-Partner -InputObject @(Alpha, Charlie) changes both and not Bravo' {
        $db = New-Fixture Main
        Set-Partner -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie') -Tier Gold
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 3 Charlie Platinum, +partner 1 Alpha Gold, +partner 3 Charlie Gold'
    }

    It 'Set-Partner -InputObject @(direct revenue, Charlie''s revenue) refuses the first and changes Charlie' {
        $db = New-Fixture Main
        $r = Invoke-Collecting { Set-Partner -InputObject @(Get-PartnerRevenue -Database $db -Direct; Get-PartnerRevenue -Database $db -Year 2016) -Tier Gold }
        Format-ErrorIds $r.Errors | Should -BeExactly 'InputObjectInvalid'
        Get-Changes $db Main | Should -BeExactly '-partner 3 Charlie Platinum, +partner 3 Charlie Gold'
    }

    It 'Set-Partner -InputObject @(a partner of Main, a partner of Other) changes each in its own database' {
        $a = New-Fixture Main
        $b = New-Fixture Other
        Set-Partner -InputObject @(Get-Partner -Database $a -Name 'Alpha'; Get-Partner -Database $b -Name 'Zulu') -Tier Gold
        Get-Changes $a Main | Should -BeExactly '-partner 1 Alpha Silver, +partner 1 Alpha Gold'
        Get-Changes $b Other | Should -BeExactly '-partner 1 Zulu Registered, +partner 1 Zulu Gold'
    }

    It 'Set-Partner -InputObject takes an array of deserialized partners' {
        $db = New-Fixture Main
        $file = New-ScratchFile 'xml'
        Get-Partner -Database $db -Name 'Alpha', 'Bravo' | Export-Clixml -LiteralPath $file
        Set-Partner -InputObject (Import-Clixml -LiteralPath $file) -Tier Gold
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 2 Bravo Registered, +partner 1 Alpha Gold, +partner 2 Bravo Gold'
    }

    It 'Remove-Partner -InputObject @(Alpha, Bravo) removes both' {
        $db = New-Fixture Main
        Remove-Partner -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Bravo') -Force -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-partner 1 Alpha Silver, -partner 2 Bravo Registered, -revenue 3 Alpha#1 2017-05-01 100.00 USD'
    }

    It 'Get-Partner -InputObject @(Charlie, Alpha) gets both, in that order' {
        $db = New-Fixture Main
        Format-Output (Get-Partner -InputObject @(Get-Partner -Database $db -Name 'Charlie'; Get-Partner -Database $db -Name 'Alpha')) |
            Should -BeExactly 'partner 3 Charlie Platinum; partner 1 Alpha Silver'
    }

    It 'Get-PartnerRevenue -InputObject @(Alpha, Charlie) gets the revenue of both' {
        $db = New-Fixture Main
        Format-Output (Get-PartnerRevenue -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')) |
            Should -BeExactly '3 Alpha#1 2017-05-01 100.00 USD; 2 Charlie#3 2016-04-01 300.00 USD'
    }

    It 'Get-PartnerHistory -InputObject @(Alpha, Charlie) gets the history of both' {
        $db = New-Fixture Main
        Format-Output (Get-PartnerHistory -InputObject @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')) |
            Should -BeExactly 'history 6; history 2; history 5; history 4'
    }

    It 'Add-PartnerRevenue -InputObject @(Alpha, Charlie) books revenue for both' {
        $db = New-Fixture Main
        $partners = @(Get-Partner -Database $db -Name 'Alpha', 'Charlie')
        $r = Invoke-Collecting { Add-PartnerRevenue -InputObject $partners -Date 2018-01-01 -Amount 5 -PassThru }
        Format-ErrorIds $r.Errors | Should -BeExactly ''
        Format-Output $r.Output | Should -BeExactly '4 Alpha#1 2018-01-01 5.00 USD; 5 Charlie#3 2018-01-01 5.00 USD'
        Get-Changes $db Main | Should -BeExactly '+revenue 4 Alpha#1 2018-01-01 5.00 USD, +revenue 5 Charlie#3 2018-01-01 5.00 USD'
    }

    It 'Remove-PartnerRevenue -InputObject @(record 2, record 3) removes both' {
        $db = New-Fixture Main
        Remove-PartnerRevenue -InputObject @(Get-PartnerRevenue -Database $db -Channel Partner) -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-revenue 2 Charlie#3 2016-04-01 300.00 USD, -revenue 3 Alpha#1 2017-05-01 100.00 USD'
    }

    It 'Remove-PartnerTarget -InputObject @(target 1, target 2) removes both' {
        $db = New-Fixture Main
        Remove-PartnerTarget -InputObject @(Get-PartnerTarget -Database $db) -Confirm:$false
        Get-Changes $db Main | Should -BeExactly '-target 1 PartnerCount 2016 3, -target 2 PartnerRevenue 2016 1000'
    }

    It 'Measure-PartnerRevenue -InputObject @(the records of the EUR database) measures them with its currency and rates' {
        $eur = New-Fixture Euro
        Format-Output (Measure-PartnerRevenue -InputObject @(Get-PartnerRevenue -Database $eur)) | Should -BeExactly 'measure 3 185.00 EUR'
    }
}

Describe 'A partner object given as a parameter value belongs to its database, as a piped one does' {
    It 'Add-PartnerRevenue -Partner with a partner of another database books the revenue in that database' {
        $a = New-Fixture Main
        $r = Invoke-Collecting { Add-PartnerRevenue -Partner (Get-Partner -Database $a -Name Bravo) -Date 2017-06-01 -Amount 42 }
        Format-ErrorIds $r.Errors | Should -BeExactly ''
        Get-Changes $a Main | Should -BeExactly '+revenue 4 Bravo#2 2017-06-01 42.00 USD'
        Get-Changes $script:DefaultDatabase Main | Should -BeExactly 'unchanged'
    }

    It 'Get-PartnerRevenue, Get-PartnerHistory and Measure-PartnerRevenue read the -Partner object''s own database, live and deserialized' {
        $a = New-Fixture Main
        $eur = New-Fixture Euro
        $charlie = Get-Partner -Database $a -Name Charlie
        $alpha = Get-Partner -Database $eur -Name Alpha
        $file = Join-Path (New-TestFolder) 'partners.xml'
        @($charlie, $alpha) | Export-Clixml -LiteralPath $file
        $deserialized = Import-Clixml -LiteralPath $file
        foreach ($pair in @(@($charlie, $alpha), $deserialized)) {
            Format-Output (Get-PartnerRevenue -Partner $pair[0]) | Should -BeExactly '2 Charlie#3 2016-04-01 300.00 USD'
            Format-Output (Get-PartnerHistory -Partner $pair[0]) | Should -BeExactly 'history 5; history 4'
            (Measure-PartnerRevenue -Partner $pair[1]).Total | Should -Be 125
            (Measure-PartnerRevenue -Partner $pair[1]).Currency | Should -BeExactly 'EUR'
            # Objects of two databases in one -Partner: each is read where it belongs.
            Format-Output (Get-PartnerRevenue -Partner $pair[0], $pair[1] -Year 2016) | Should -BeExactly '2 Charlie#3 2016-04-01 300.00 USD; 1 Alpha#1 2016-03-01 100.00 GBP'
        }
    }

    It 'with -Database naming another database, a -Partner object is matched there by its name' {
        $a = New-Fixture Main
        $other = New-Fixture Other
        Format-Output (Get-PartnerRevenue -Database $other -Partner (Get-Partner -Database $a -Name Alpha)) | Should -BeExactly '3 Alpha#3 2017-05-01 100.00 USD'
        $r = Invoke-Collecting { Get-PartnerRevenue -Database $other -Partner (Get-Partner -Database $a -Name Bravo) }
        Format-ErrorIds $r.Errors | Should -BeExactly 'PartnerNotFound'
        Format-Output $r.Output | Should -BeExactly ''
    }
}

Describe 'What a new user found, each a kind of wrong record' {
    It 'a removed partner''s id is never given again: its history stays its own, and its stale objects change and remove nobody' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Keep Me'
        Add-Partner -Database $db -Name 'Old Partner [2014]'
        $before = @(Get-PartnerHistory -Database $db -Partner 'Old Partner `[2014`]')
        $before[0].PartnerName | Should -BeExactly 'Old Partner [2014]'
        $object = Get-Partner -Database $db -Name 'Old Partner `[2014`]'
        Remove-Partner -Database $db -Name 'Old Partner [2014]' -Force -Confirm:$false
        (Add-Partner -Database $db -Name 'Brand New Partner' -PassThru).Id | Should -Be 3 -Because 'Id 2 stays the removed partner''s'
        @(Get-PartnerHistory -Database $db -Partner 'Brand New Partner').Operation | Should -Be @('Insert') -Because 'the old partner''s history is not the new one''s'
        $after = @(Get-PartnerHistory -Database $db -Partner 2)
        @($after.Operation) | Should -Be @('Delete', 'Insert')
        @($after.PartnerName | Where-Object { $_ }) | Should -HaveCount 0 -Because 'read after the removal, the entries name no partner'

        $r = Invoke-Collecting { $before | Set-Partner -Notes 'touched'; $object | Set-Partner -Notes 'touched' }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('PartnerNotFound', 'PartnerNotFound')
        $r = Invoke-Collecting { $after | Remove-Partner -Force -Confirm:$false }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('InputObjectInvalid', 'InputObjectInvalid')
        (Get-Partner -Database $db -Name 'Brand New Partner').Notes | Should -BeNullOrEmpty
        (Get-Partner -Database $db).Name | Should -Be @('Brand New Partner', 'Keep Me')
    }

    It 'a removed revenue record''s or target''s id is never given again: typed ids stay their record''s' {
        $db = New-TestDatabase
        Add-Partner -Database $db -Name 'Acme'
        $first = Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-01-01 -Amount 1 -PassThru
        Remove-PartnerRevenue -Database $db -Id $first.Id -Confirm:$false
        (Add-PartnerRevenue -Database $db -Partner Acme -Date 2015-02-01 -Amount 2 -PassThru).Id | Should -BeGreaterThan $first.Id
        $target = Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2016 -Value 3 -PassThru
        Remove-PartnerTarget -Database $db -Id $target.Id -Confirm:$false
        (Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2017 -Value 4 -PassThru).Id | Should -BeGreaterThan $target.Id
        $r = Invoke-Collecting { Remove-PartnerRevenue -Database $db -Id $first.Id -Confirm:$false }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('RevenueNotFound')
        (Get-PartnerDatabase -Database $db).RevenueCount | Should -Be 1
    }

    It 'Measure-PartnerRevenue refuses a partner of another database than the one it measures, unless -Database says where to measure' {
        $a = New-TestDatabase 'a.db'
        $b = New-TestDatabase 'b.db'
        'Contoso', 'Northwind' | ForEach-Object { Add-Partner -Database $a -Name $_ }
        Add-Partner -Database $b -Name 'Northwind'
        Add-PartnerRevenue -Database $a -Partner Northwind -Date 2015-01-01 -Amount 999999
        Add-PartnerRevenue -Database $a -Partner Contoso -Date 2015-01-01 -Amount 7
        Add-PartnerRevenue -Database $b -Partner Northwind -Date 2015-01-01 -Amount 5
        $pair = @(Get-Partner -Database $a -Name Contoso) + @(Get-Partner -Database $b -Name Northwind)
        $r = Invoke-Collecting { $pair | Measure-PartnerRevenue -GroupBy Partner }
        @($r.Errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) | Should -Be @('ObjectFromOtherDatabase')
        @($r.Output | ForEach-Object { '{0} {1}' -f $_.Partner, $_.Total }) | Should -Be @('Contoso 7.00') -Because "a.db's Northwind is not b.db's"
        @($pair | Measure-PartnerRevenue -Database $b -GroupBy Partner -ErrorAction SilentlyContinue | ForEach-Object { '{0} {1}' -f $_.Partner, $_.Total }) |
            Should -Be @('Northwind 5.00') -Because '-Database b.db measures there, matching Contoso by name (not there) and Northwind'
        @([pscustomobject]@{ PartnerName = 'Contoso' } | Measure-PartnerRevenue -Database $a | ForEach-Object Total) | Should -Be @(7) -Because 'a row naming a partner restricts the measure too'
    }

    It 'a partner object given to -Name is refused, saying to pipe it, instead of being read as its name in the default database' {
        $a = New-TestDatabase 'a.db'
        $d = New-TestDatabase 'd.db'
        'Acme [EU]', 'Acme E' | ForEach-Object { Add-Partner -Database $a -Name $_; Add-Partner -Database $d -Name $_ }
        $p = Get-Partner -Database $a -Name 'Acme `[EU`]'
        { Get-Partner -Database $d -Name $p } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Name takes names*pipe the object*'
        { Set-Partner -Database $d -Name $p -Tier Gold } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage '*-Name takes names*'
        { Remove-Partner -Database $d -Name @('Acme E', $p) -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        @(Get-Partner -Database $d | ForEach-Object { '{0} {1}' -f $_.Name, $_.Tier }) | Should -Be @('Acme [EU] Registered', 'Acme E Registered') # by key: '[' before 'e
    }

    It 'an object whose database was moved away fails alone: nothing is created at its old path, and objects of other databases are still worked on' {
        $folder = New-TestFolder
        $gone = Join-Path $folder 'gone.db'
        $kept = Join-Path $folder 'kept.db'
        Add-Partner -Database $gone -Name 'Fabrikam'
        Add-Partner -Database $kept -Name 'Contoso'
        $items = @(Get-Partner -Database $gone) + @(Get-Partner -Database $kept)
        Close-PooledConnections
        Move-Item -LiteralPath $gone -Destination (Join-Path $folder 'archive.db')
        Remove-Item -LiteralPath "$gone-wal", "$gone-shm" -ErrorAction SilentlyContinue
        foreach ($run in @(
                { $items | Add-PartnerRevenue -Date 2015-01-01 -Amount 10 },
                { $items | Set-Partner -Tier Gold },
                { $items | Add-Partner })) {
            $r = Invoke-Collecting $run
            @($r.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'DatabaseNotFound,*' }).Count | Should -Be 1
            Test-Path -LiteralPath $gone | Should -BeFalse -Because 'a database an object came from is never created again'
        }
        (Get-PartnerDatabase -Database $kept).RevenueCount | Should -Be 1
        (Get-Partner -Database $kept -Name Contoso).Tier | Should -Be 'Gold'
    }
}

Describe 'The default database of this file' {
    It 'was not written by any test: every piped object was worked on where it belongs' {
        Get-Changes $script:DefaultDatabase Main | Should -BeExactly 'unchanged'
    }
}
