<#
.SYNOPSIS
    Generates src/PartnerOps.Core/Model/NameKeyTables.g.cs, the Unicode tables of PartnerRules.NameKey, from the
    Unicode Character Database.
.DESCRIPTION
    Reads three files of the Unicode Character Database (https://www.unicode.org/Public/<version>/ucd/):
      CaseFolding.txt             full case folding: the mappings of status C (common) and F (full); S and T are left out
      DerivedCoreProperties.txt   Default_Ignorable_Code_Point (with each range's general category in its comment)
      UnicodeData.txt             general category Zs (space separators) and Cf (format characters)
      PropList.txt                Prepended_Concatenation_Mark (the visible format characters, such as U+0600 ARABIC NUMBER SIGN)
    Debian's package unicode-data installs them in /usr/share/unicode (apt-get install unicode-data). Run again, with the
    newer files, to move to a newer Unicode version; commit the generated file, never edit it by hand.
.EXAMPLE
    dotnet pwsh ./tools/Generate-NameKeyTables.ps1 -UcdPath /usr/share/unicode
#>
param(
    [string] $UcdPath = '/usr/share/unicode',
    [string] $OutFile = (Join-Path $PSScriptRoot '../src/PartnerOps.Core/Model/NameKeyTables.g.cs')
)

$ErrorActionPreference = 'Stop'
$inv = [Globalization.CultureInfo]::InvariantCulture

function Read-Ucd([string] $name) {
    $path = Join-Path $UcdPath $name
    if (-not (Test-Path $path)) { throw "'$path' is missing: install Debian's unicode-data or give -UcdPath." }
    Get-Content -LiteralPath $path -Encoding utf8
}

$folding = Read-Ucd 'CaseFolding.txt'
$version = if ($folding[0] -match 'CaseFolding-(\d+\.\d+\.\d+)\.txt') { $Matches[1] } else { throw 'CaseFolding.txt names no version on its first line.' }
$derived = Read-Ucd 'DerivedCoreProperties.txt'
if (-not ($derived[0] -match "DerivedCoreProperties-$([regex]::Escape($version))\.txt")) { throw "DerivedCoreProperties.txt is not of Unicode $version." }
$data = Read-Ucd 'UnicodeData.txt'

# Full case folding: C and F (a code point has at most one of them; S is the simple alternative of F, T is Turkic).
$folds = [Collections.Generic.List[string]]::new()
foreach ($line in $folding) {
    if ($line -match '^([0-9A-F]+); ([CF]); ([0-9A-F ]+);') {
        # Code points above U+FFFF are written as surrogate pairs.
        $to = -join ($Matches[3].Trim() -split ' ' | ForEach-Object {
            $cp = [Convert]::ToInt32($_, 16)
            -join ([char[]][char]::ConvertFromUtf32($cp) | ForEach-Object { '\u{0:X4}' -f [int]$_ })
        })
        $folds.Add(('{{ 0x{0}, "{1}" }},' -f $Matches[1], $to))
    }
}

# Default_Ignorable_Code_Point ranges; those of general category Cf, Lo (the Hangul fillers) and Cn are refused in names,
# except U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER, which spell Persian, Indic and emoji text right.
$ignorable = [Collections.Generic.List[string]]::new()
$refused = [Collections.Generic.List[string]]::new()
foreach ($line in $derived) {
    if ($line -match '^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*; Default_Ignorable_Code_Point # (\w\w)') {
        $lo = [Convert]::ToInt32($Matches[1], 16)
        $hi = if ($Matches[2]) { [Convert]::ToInt32($Matches[2], 16) } else { $lo }
        $ignorable.Add(('0x{0:X4}, 0x{1:X4},' -f $lo, $hi))
        if ($Matches[3] -in 'Cf', 'Lo', 'Cn') {
            for ($cp = $lo; $cp -le $hi; $cp++) {
                if ($cp -eq 0x200C -or $cp -eq 0x200D) { continue }
                $start = $cp
                while ($cp + 1 -le $hi -and $cp + 1 -ne 0x200C -and $cp + 1 -ne 0x200D) { $cp++ }
                $refused.Add(('0x{0:X4}, 0x{1:X4},' -f $start, $cp))
            }
        }
    }
}

# Format characters (Cf) that are not default ignorable are refused too, except the prepended concatenation marks, which
# print (U+0600 ARABIC NUMBER SIGN and the like): U+FFF9 to U+FFFB (interlinear annotation) and the Egyptian hieroglyph
# format controls U+13430 to U+1343F print nothing or change how the next characters are laid out.
$printed = [Collections.Generic.HashSet[int]]::new()
foreach ($line in (Read-Ucd 'PropList.txt')) {
    if ($line -match '^([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*; Prepended_Concatenation_Mark') {
        $lo = [Convert]::ToInt32($Matches[1], 16)
        $hi = if ($Matches[2]) { [Convert]::ToInt32($Matches[2], 16) } else { $lo }
        for ($cp = $lo; $cp -le $hi; $cp++) { [void]$printed.Add($cp) }
    }
}

$spaces = [Collections.Generic.List[string]]::new()
$format = [Collections.Generic.List[int]]::new()
foreach ($line in $data) {
    $fields = $line -split ';'
    if ($fields[2] -eq 'Zs') { $spaces.Add(('0x{0},' -f $fields[0])) }
    if ($fields[2] -eq 'Cf') { $format.Add([Convert]::ToInt32($fields[0], 16)) }
}

# Merge them into the refused ranges (sorted: NameFolding.InRanges stops at the first range above a code point).
$ranges = [Collections.Generic.List[int[]]]::new()
foreach ($r in $refused) { if ($r -match '0x([0-9A-F]+), 0x([0-9A-F]+)') { $ranges.Add(@([Convert]::ToInt32($Matches[1], 16), [Convert]::ToInt32($Matches[2], 16))) } }
foreach ($cp in $format) {
    if ($printed.Contains($cp) -or $cp -eq 0x200C -or $cp -eq 0x200D) { continue }
    if (@($ranges | Where-Object { $cp -ge $_[0] -and $cp -le $_[1] }).Count -eq 0) { $ranges.Add(@($cp, $cp)) }
}
$refused = [Collections.Generic.List[string]]::new()
$merged = [Collections.Generic.List[int[]]]::new()
foreach ($r in ($ranges | Sort-Object { $_[0] })) {
    if ($merged.Count -gt 0 -and $r[0] -le $merged[$merged.Count - 1][1] + 1) {
        $merged[$merged.Count - 1][1] = [Math]::Max($merged[$merged.Count - 1][1], $r[1])
    } else {
        $merged.Add(@($r[0], $r[1]))
    }
}
foreach ($r in $merged) { $refused.Add(('0x{0:X4}, 0x{1:X4},' -f $r[0], $r[1])) }

# Several entries a line, so that the generated file stays short (under the project's 400 lines a file); the compiled
# tables are the same as with one entry a line.
function Join-Entries([Collections.Generic.List[string]] $entries, [int] $perLine) {
    $lines = for ($i = 0; $i -lt $entries.Count; $i += $perLine) {
        '            ' + ($entries.GetRange($i, [Math]::Min($perLine, $entries.Count - $i)) -join ' ')
    }
    $lines -join "`n"
}

$code = @"
// <auto-generated>
// Generated by tools/Generate-NameKeyTables.ps1 from the Unicode Character Database, version $version
// (CaseFolding.txt, DerivedCoreProperties.txt, UnicodeData.txt). Do not edit: run the script again.
// </auto-generated>
using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>The Unicode tables of <see cref="PartnerRules.NameKey"/> (Unicode $version).</summary>
    internal static class NameKeyTables
    {
        /// <summary>The Unicode version the tables were generated from.</summary>
        public const string UnicodeVersion = "$version";

        /// <summary>Full case folding (CaseFolding.txt, status C and F): code point to its folded text.</summary>
        public static readonly Dictionary<int, string> Folding = new Dictionary<int, string>
        {
$(Join-Entries $folds 6)
        };

        /// <summary>Default_Ignorable_Code_Point, as inclusive ranges (first, last, first, last, ...), sorted.</summary>
        public static readonly int[] Ignorable =
        {
$(Join-Entries $ignorable 4)
        };

        /// <summary>The characters refused in a name, as sorted inclusive ranges: the default ignorables of general category Cf, Lo or Cn, and every other format character (Cf) but the prepended concatenation marks (U+0600 and the like, which print); except U+200C and U+200D.</summary>
        public static readonly int[] Refused =
        {
$(Join-Entries $refused 4)
        };

        /// <summary>The space separators (general category Zs).</summary>
        public static readonly int[] Spaces =
        {
$(Join-Entries $spaces 8)
        };
    }
}
"@
[IO.File]::WriteAllText([IO.Path]::GetFullPath($OutFile), $code.Replace("`r`n", "`n") + "`n", [Text.UTF8Encoding]::new($false))
Write-Host "Wrote $OutFile (Unicode ${version}: $($folds.Count) foldings, $($ignorable.Count) ignorable ranges, $($refused.Count) refused ranges, $($spaces.Count) spaces)"
