<#
Issue 13, part 2: the statuses a partner-count target counts, TargetProgress's Statuses/AsOf/Projected, the warning when
no target matches, the missing-rate hint through the reporting currency, and the "closest known values" warnings of exact
region/segment/country filters.

The fixture (New-Fixture; USD reporting currency, EUR->USD 2015 = 1.2):
  Western Europe: Anna GmbH  DE Active      joined 2014-01-01
                  Bora SA    FR Onboarding  joined 2015-02-01
                  Cerro SL   ES Suspended   joined 2013-05-01
                  Ende AG    DE Terminated  joined 2012-01-01, ended 2015-09-30
                  Fresh Ltd  GB Active      joined 2015-06-01
                  Pros       -- Prospect    joined 2015-01-10
  Eastern Europe: Dvor sp    PL Active      joined 2015-03-01
  Réunion:        Île Réunion RE Active     joined 2014-01-01
  Revenue 2015 (all Western Europe): Anna 1000 EUR (= 1200 USD) 2015-03-01 Enterprise; Fresh 500 USD 2015-06-15 Großkunden;
  direct 500 USD 2015-04-01 Enterprise.
#>

# The setup every TargetsAndHints.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

function New-Fixture {
    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-TestPartner -Database $db -Partner @(
        @{ Name = 'Anna GmbH'; Region = 'Western Europe'; Country = 'DE'; Status = 'Active'; JoinedOn = '2014-01-01' }
        @{ Name = 'Bora SA'; Region = 'Western Europe'; Country = 'FR'; Status = 'Onboarding'; JoinedOn = '2015-02-01' }
        @{ Name = 'Cerro SL'; Region = 'Western Europe'; Country = 'ES'; Status = 'Suspended'; JoinedOn = '2013-05-01' }
        @{ Name = 'Ende AG'; Region = 'Western Europe'; Country = 'DE'; Status = 'Terminated'; JoinedOn = '2012-01-01'; EndedOn = '2015-09-30' }
        @{ Name = 'Fresh Ltd'; Region = 'Western Europe'; Country = 'GB'; Status = 'Active'; JoinedOn = '2015-06-01' }
        @{ Name = 'Pros'; Region = 'Western Europe'; Status = 'Prospect'; JoinedOn = '2015-01-10' }
        @{ Name = 'Dvor sp'; Region = 'Eastern Europe'; Country = 'PL'; Status = 'Active'; JoinedOn = '2015-03-01' }
        @{ Name = "`u{CE}le R`u{E9}union"; Region = "R`u{E9}union"; Country = 'RE'; Status = 'Active'; JoinedOn = '2014-01-01' }
    )
    Set-PartnerExchangeRate -Database $db -From EUR -To USD -Year 2015 -Rate 1.2
    Add-PartnerRevenue -Database $db -Partner 'Anna GmbH' -Date 2015-03-01 -Amount 1000 -Currency EUR -Segment Enterprise
    Add-PartnerRevenue -Database $db -Partner 'Fresh Ltd' -Date 2015-06-15 -Amount 500 -Segment "Gro`u{DF}kunden"
    Add-PartnerRevenue -Database $db -Direct -Region 'Western Europe' -Date 2015-04-01 -Amount 500 -Segment Enterprise
    $db
}

# The target's row as stored (what no cmdlet shows: updated_at), read through a connection of its own (on a server, psql's
# text of each column, NULL as $null).
function Get-TargetRow([string] $Database) {
    if (Test-ServerLocation $Database) {
        foreach ($line in Invoke-RawPsql $Database "SELECT metric, region, year, value, statuses, updated_at FROM targets ORDER BY id") {
            $v = @($line -split '\|' | ForEach-Object { if ($_ -eq '@@NULL@@') { $null } else { $_ } })
            [pscustomobject]@{ Metric = $v[0]; Region = $v[1]; Year = [long]$v[2]; Value = $v[3]; Statuses = $v[4]; UpdatedAt = $v[5] }
        }
        return
    }
    $c = Open-RawConnection -Database $Database
    try {
        $cmd = $c.CreateCommand()
        $cmd.CommandText = 'SELECT metric, region, year, value, statuses, updated_at FROM targets ORDER BY id'
        $r = $cmd.ExecuteReader()
        while ($r.Read()) {
            [pscustomobject]@{ Metric = $r.GetString(0); Region = $r.GetValue(1); Year = $r.GetInt64(2); Value = $r.GetString(3)
                Statuses = $r.GetValue(4); UpdatedAt = $r.GetString(5) }
        }
    }
    finally { $c.Dispose() }
}

# What a command wrote: its output, and the text of its warnings (stream 3, merged here and taken apart).
function Get-Warnings([scriptblock] $Command) {
    $all = @(& $Command 3>&1)
    [pscustomobject]@{
        Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
    }
}
