# Issue 12, kind 4: two names that print the same are one partner (NFKC_Casefold key, İ/ı as i, every space separator a
# space, invisible characters refused), an existing database is migrated without losing a partner; and kind 6's country
# codes (XK accepted, UK/EL refused with the right code suggested). Expected values are written out by hand below.

# The setup every NameKeys.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

function New-Csv([string[]] $Line) {
    $path = Join-Path (New-TestFolder) 'rows.csv'
    [IO.File]::WriteAllLines($path, $Line, [Text.UTF8Encoding]::new($false))
    $path
}

# A schema-3 database as the previous PartnerOps wrote it: the schema's first three steps and the keys it computed
# (the NFC name upper-cased, ToUpperInvariant: ß stays ß, so 'Großhandel Nord GmbH' and 'GROẞHANDEL NORD GMBH' had two keys).
function New-Version3Database([string[]] $Names) {
    $db = New-TestDatabasePath
    $steps = [PartnerOps.Sqlite.Schema]::Migrations
    $rows = for ($i = 0; $i -lt $Names.Count; $i++) {
        $n = $Names[$i].Replace("'", "''")
        "($($i + 1), '$n', '$($Names[$i].Normalize().ToUpperInvariant().Replace("'", "''"))', 'Reseller', 'Silver', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000')"
    }
    Invoke-RawSql -Database $db -Sql ($steps[0] + $steps[1] + $steps[2] + @"
PRAGMA application_id = $([PartnerOps.Sqlite.Schema]::ApplicationId); PRAGMA user_version = 3;
INSERT INTO meta (key, value) VALUES ('currency', 'USD'), ('created_at', '2020-01-01 00:00:00.000');
INSERT INTO partners (id, name, name_key, type, tier, status, joined_on, created_at, updated_at) VALUES $($rows -join ', ');
"@)
    $db
}

# -BeLike with a text that holds a backtick (an escaped invisible character in a message): the text taken literally.
function Lit([string] $Text) { [WildcardPattern]::Escape($Text) }

$sz = "`u{DF}"       # ß
$capSz = "`u{1E9E}"  # ẞ
$nbsp = "`u{A0}"
$zwsp = "`u{200B}"
