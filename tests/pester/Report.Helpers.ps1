# The setup every Report.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

$script:Samples = (Resolve-Path (Join-Path $PSScriptRoot '../../samples/channel')).Path

# Loads the sample data of samples/channel into a database as samples/Demo.ps1 loads it: the partners with their dated
# changes, revenue, exchange rates, targets, contacts, certifications, tier rules, and the deals with the deal desk's
# decisions and closes.
function Import-ReportSample([string] $Database) {
    $samples = $script:Samples
    $ProgressPreference = 'SilentlyContinue'
    $null = Import-Partner -Database $Database -Path "$samples/partners.csv"
    Import-Csv "$samples/status-changes.csv" | Group-Object EffectiveDate, Attribute, To, Reason | ForEach-Object {
        $change = $_.Group[0]
        $dated = @{ $change.Attribute = $change.To; EffectiveDate = $change.EffectiveDate }
        if ($change.Reason) { $dated.Reason = $change.Reason }
        $_.Group.Partner | Set-Partner -Database $Database @dated
    }
    $null = Import-PartnerRevenue -Database $Database -Path "$samples/revenue.csv"
    Import-Csv "$samples/exchange-rates.csv" | Set-PartnerExchangeRate -Database $Database
    Import-Csv "$samples/targets.csv" | Set-PartnerTarget -Database $Database
    Import-Csv "$samples/contacts.csv" | Add-PartnerContact -Database $Database
    Import-Csv "$samples/certifications.csv" | Add-PartnerCertification -Database $Database
    Import-Csv "$samples/tier-rules.csv" | Set-PartnerTierRule -Database $Database
    $rows = Import-Csv "$samples/deals.csv"
    $rows | Register-PartnerDeal -Database $Database -WarningAction SilentlyContinue
    $byReference = @{}
    Get-PartnerDeal -Database $Database | ForEach-Object { $byReference[$_.Reference] = $_ }
    $rows | Where-Object { $_.DecidedOn -and $_.Outcome -ne 'Denied' } | Group-Object DecidedOn | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Approve-PartnerDeal -Database $Database -Date $_.Name
    }
    $rows | Where-Object Outcome -EQ Denied | Group-Object DecidedOn, Reason | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Deny-PartnerDeal -Database $Database -Date $_.Group[0].DecidedOn -Reason $_.Group[0].Reason
    }
    $rows | Where-Object Outcome -EQ Lost | Group-Object ClosedOn, Reason | ForEach-Object {
        $_.Group.Reference | ForEach-Object { $byReference[$_] } | Close-PartnerDeal -Database $Database -Lost -Date $_.Group[0].ClosedOn -Reason $_.Group[0].Reason
    }
    $rows | Where-Object Outcome -EQ Won | ForEach-Object { $byReference[$_.Reference] | Close-PartnerDeal -Database $Database -Won -Amount $_.WonAmount -Date $_.ClosedOn }
}

# A test database holding the sample data (Import-ReportSample). Loading it through the cmdlets takes a minute, so it is
# loaded once into a SQLite file kept in out/test-data, named by the module build and the sample files it was made from
# (a new build or changed samples make a new one; the old ones are removed), and each test database is a copy of that
# file: the file itself, or on a server Copy-PartnerDatabase of it. Returns the test database's location.
function New-SampleReportDatabase {
    $build = (Get-Item (Join-Path (Split-Path $script:ModuleManifest) 'PartnerOps.Core.dll')).LastWriteTimeUtc.Ticks
    $sources = @(Get-ChildItem $script:Samples -Filter *.csv | Sort-Object Name | ForEach-Object { (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash }) -join ''
    $sourceHash = [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::ASCII.GetBytes($sources))).Substring(0, 12)
    $folder = Join-Path $PSScriptRoot '../../out/test-data'
    $cache = Join-Path $folder "report-sample-$build-$sourceHash.db"
    if (-not (Test-Path -LiteralPath $cache)) {
        $file = Join-Path (New-TestFolder) 'sample.db'
        $null = New-PartnerDatabase -Path $file
        Import-ReportSample $file
        [PartnerOps.Data.PartnerDatabases]::ReleasePooledConnections($file)   # the file alone holds it (no -wal beside it)
        $null = New-Item -ItemType Directory -Force $folder
        Get-ChildItem $folder -Filter 'report-sample-*.db' | Remove-Item -ErrorAction SilentlyContinue
        # Copied beside, then moved: a test run on the other backend at the same time never reads half a file.
        Copy-Item -LiteralPath $file "$cache.$PID"
        Move-Item -LiteralPath "$cache.$PID" $cache -Force
    }
    $db = New-TestDatabasePath -Name 'sample.db'
    if ($script:Backend -eq 'Sqlite') { Copy-Item -LiteralPath $cache $db }
    else { $null = Copy-PartnerDatabase -Source $cache -Destination $db -Confirm:$false }
    $db
}

# Writes the report of a database into the test folder (a new file each call unless -Name is given) and returns its FileInfo.
function Export-TestReport {
    param([Parameter(Mandatory)] [string] $Database, [string] $Name, [hashtable] $With = @{})
    if (-not $Name) { $Name = "report-$([guid]::NewGuid().ToString('N').Substring(0, 8)).html" }
    $path = Join-Path (Get-TestFolder $Database) $Name
    $ProgressPreference = 'SilentlyContinue'
    Export-PartnerReport -Database $Database -Path $path @With
}

# The start tag of the element with this id, as text (its attributes), or $null.
function Get-ElementTag([string] $Html, [string] $Id) {
    $match = [regex]::Match($Html, "<[a-zA-Z][^>]*\sid=""$([regex]::Escape($Id))""[^>]*>")
    if ($match.Success) { $match.Value }
}

# An attribute of a start tag, HTML-decoded; $null when the tag does not have it.
function Get-TagAttribute([string] $Tag, [string] $Name) {
    $match = [regex]::Match($Tag, "\s$([regex]::Escape($Name))=""(?<v>[^""]*)""")
    if ($match.Success) { [System.Net.WebUtility]::HtmlDecode($match.Groups['v'].Value) }
}

# A tile's number (its data-value, invariant), or $null when the tile has none. Fails when there is no such tile.
function Get-TileNumber([string] $Html, [string] $Id) {
    $tag = Get-ElementTag $Html "tile-$Id"
    if (-not $tag) { throw "The report has no tile 'tile-$Id'." }
    $value = Get-TagAttribute $tag 'data-value'
    if ($null -ne $value) { [decimal]::Parse($value, [cultureinfo]::InvariantCulture) }
}

# The rows of a table (<table id="table-{Id}">): each row a list of cells, each cell its Text (decoded) and Number
# (data-value, or $null). Fails when there is no such table.
function Get-TableRows([string] $Html, [string] $Id) {
    $match = [regex]::Match($Html, "<table[^>]*\sid=""table-$([regex]::Escape($Id))""[^>]*>(?<body>.*?)</table>", 'Singleline')
    if (-not $match.Success) { throw "The report has no table 'table-$Id'." }
    $body = $match.Groups['body'].Value
    foreach ($row in [regex]::Matches($body, '<tr>(?<cells>.*?)</tr>', 'Singleline')) {
        $cells = @(foreach ($cell in [regex]::Matches($row.Groups['cells'].Value, '<td(?<attributes>[^>]*)>(?<text>.*?)</td>', 'Singleline')) {
                $value = Get-TagAttribute "<td$($cell.Groups['attributes'].Value)>" 'data-value'
                [pscustomobject]@{
                    Text   = [System.Net.WebUtility]::HtmlDecode(($cell.Groups['text'].Value -replace '<[^>]+>', ''))
                    Number = if ($null -ne $value) { [decimal]::Parse($value, [cultureinfo]::InvariantCulture) }
                }
            })
        if ($cells.Count) { , $cells }
    }
}

# The text of the class="empty" paragraphs of the page (decoded), in order.
function Get-EmptyMessages([string] $Html) {
    foreach ($match in [regex]::Matches($Html, '<p class="empty">(?<text>.*?)</p>', 'Singleline')) {
        [System.Net.WebUtility]::HtmlDecode($match.Groups['text'].Value)
    }
}

# The HTML of one element with its content, from its start tag (by id) to the matching end tag of the same name.
function Get-ElementHtml([string] $Html, [string] $Id) {
    $tag = Get-ElementTag $Html $Id
    if (-not $tag) { return $null }
    $name = [regex]::Match($tag, '^<(?<n>[a-zA-Z0-9]+)').Groups['n'].Value
    $start = $Html.IndexOf($tag)
    $depth = 0
    foreach ($match in [regex]::Matches($Html.Substring($start), "</?$name\b[^>]*>")) {
        $depth += if ($match.Value.StartsWith('</')) { -1 } else { 1 }
        if ($depth -eq 0) { return $Html.Substring($start, $match.Index + $match.Length) }
    }
    $Html.Substring($start)
}
