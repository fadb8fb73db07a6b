# Issue 12, kind 2 (CSV headers that were silently misread) and kind 6's failed-row file and encodings:
# a column given twice, spaces around quotes, unknown columns, Excel's sep= line, #TYPE lines, blank rows,
# -FailedRowPath over several files, and Windows-1252 text. Expected values are written by hand; where
# Import-Csv is the reference, its own reading of the same file is compared too.

# The setup every CsvHeaders.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

# Writes text (UTF-8 without BOM, lines as given) or bytes to a file in a fresh folder and returns its path.
function New-InputFile {
    param([string] $Name, [string] $Text, [byte[]] $Bytes)
    $path = Join-Path (New-TestFolder) $Name
    if ($PSBoundParameters.ContainsKey('Bytes')) { [IO.File]::WriteAllBytes($path, $Bytes) }
    else { [IO.File]::WriteAllText($path, $Text) }
    $path
}

# The partners of a database as "Name|Country|Region|Notes" lines, sorted.
function Get-PartnerLines {
    param([string] $Database)
    Get-Partner -Database $Database | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Name, $_.Country, $_.Region, $_.Notes } | Sort-Object
}

# Runs a script block and returns every error it gave, terminating or not.
function Get-AllErrors {
    param([scriptblock] $Script)
    $errors = @()
    try { & $Script -ErrorVariable +errors -ErrorAction SilentlyContinue | Out-Null } catch { $errors += $_ }
    $errors
}
