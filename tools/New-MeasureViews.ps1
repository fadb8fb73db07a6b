#Requires -Version 7.2
<#
.SYNOPSIS
    Writes module/PartnerOps.Measures.format.ps1xml: the table views of PartnerOps.RevenueMeasure and PartnerOps.PartnerMeasure.
.DESCRIPTION
    A measure's key columns follow -GroupBy. The cmdlet puts a type name for its set of keys first in the object's
    TypeNames ([PartnerOps.Commands.MeasureView]::TypeNameFor: 'PartnerOps.RevenueMeasure#Region#Year', keys in the
    order of $Measures below), and this script writes one table view for every key set of up to $MaxKeys keys (the
    same number as MeasureView.MaxKeysWithView), plus a view of the base type for larger sets, which shows the keys
    together in one Group column. Columns: the keys in the order below, then the figures in the order below.

    Run it after changing the description below; Views.Content.Tests.ps1 fails when the checked-in file is not what it writes.
.PARAMETER OutputPath
    Where to write the file (default: module/PartnerOps.Measures.format.ps1xml).
#>
[CmdletBinding()]
param([string] $OutputPath = (Join-Path $PSScriptRoot '../module/PartnerOps.Measures.format.ps1xml'))

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$MaxKeys = 2
$view = '[PartnerOps.Commands.RevenueMeasureView]'

# Each key: its column width and how its cell is written. 'Partner' keys are empty for direct revenue: "(direct)"; a 'Text' key
# of direct revenue (its Attribution, issue 19) is an empty cell.
# Text is wrapped at word boundaries to the width (never cut); numbers are right-aligned.
$Measures = [ordered]@{
    'PartnerOps.RevenueMeasure' = @{
        Keys    = [ordered]@{
            Partner = @{ Width = 25; Kind = 'Partner' }; Region = @{ Width = 14; Kind = 'Text' }; Country = @{ Width = 7; Kind = 'Partner' }
            Type = @{ Width = 11; Kind = 'Partner' }; Tier = @{ Width = 10; Kind = 'Partner' }; Segment = @{ Width = 10; Kind = 'Text' }
            Channel = @{ Width = 7; Kind = 'Text' }; Attribution = @{ Width = 11; Kind = 'Text' }; Year = @{ Width = 4; Kind = 'Number' }
            Quarter = @{ Width = 7; Kind = 'Number' }; Month = @{ Width = 5; Kind = 'Number' }
        }
        # Total carries its currency ("1,994,512,910.28 USD"): one column fewer than a Currency column of its own.
        Figures = @(
            @{ Label = 'Total'; Width = 22; Cell = "$view::Wrap($view::TotalText(`$_) + ' ' + `$_.Currency, 22)" }
            @{ Label = 'Share'; Width = 7; Cell = "$view::ShareText(`$_)" }
            @{ Label = 'Growth'; Width = 8; Cell = "$view::GrowthText(`$_)"; When = 'Year' }
            @{ Label = 'Count'; Width = 9; Cell = "$view::Number(`$_.Count)" }
        )
        GroupBy = $null
    }
    'PartnerOps.PartnerMeasure' = @{
        Keys    = [ordered]@{
            Region = @{ Width = 20; Kind = 'Text' }; Country = @{ Width = 7; Kind = 'Text' }; Type = @{ Width = 11; Kind = 'Text' }
            Tier = @{ Width = 10; Kind = 'Text' }; Status = @{ Width = 10; Kind = 'Text' }; Year = @{ Width = 4; Kind = 'Number' }
        }
        Figures = @(
            @{ Label = 'Count'; Width = 9; Cell = "$view::Number(`$_.Count)" }
            @{ Label = 'Share'; Width = 7; Cell = "$view::ShareText(`$_)" }
            @{ Label = 'Growth'; Width = 8; Cell = "$view::GrowthText(`$_)" }
            @{ Label = 'PreviousCount'; Width = 13; Cell = "$view::Number(`$_.PreviousCount)" }
        )
        # Every measure of one call has the same AsOf: shown once above the table.
        GroupBy = @{ Label = 'As of'; Cell = "$view::Date(`$_.AsOf)" }
    }
}

# Every set of up to $MaxKeys keys, each in the keys' order: by size, then in the order of their first differing key.
function Get-KeySets([string[]] $Keys) {
    $sets = foreach ($mask in 0..([math]::Pow(2, $Keys.Count) - 1)) {
        $set = @(for ($i = 0; $i -lt $Keys.Count; $i++) { if ($mask -band (1 -shl $i)) { $Keys[$i] } })
        if ($set.Count -le $MaxKeys) {
            [pscustomobject]@{ Keys = $set; Order = (@($set | ForEach-Object { [array]::IndexOf($Keys, $_).ToString('00') }) -join '') }
        }
    }
    $sets | Sort-Object { $_.Keys.Count }, Order
}

function Get-ViewXml([string] $Name, [string] $TypeName, [object[]] $Columns, $GroupBy) {
    $esc = { param($s) [System.Security.SecurityElement]::Escape($s) }
    $lines = @("    <View>", "      <Name>$Name</Name>", "      <ViewSelectedBy><TypeName>$TypeName</TypeName></ViewSelectedBy>")
    if ($GroupBy) {
        $lines += "      <GroupBy><ScriptBlock>$(& $esc $GroupBy.Cell)</ScriptBlock><Label>$($GroupBy.Label)</Label></GroupBy>"
    }
    $lines += '      <TableControl>', '        <TableHeaders>'
    foreach ($c in $Columns) {
        $align = if ($c.Right) { '<Alignment>Right</Alignment>' } else { '' }
        $lines += "          <TableColumnHeader><Label>$($c.Label)</Label><Width>$($c.Width)</Width>$align</TableColumnHeader>"
    }
    $lines += '        </TableHeaders>', '        <TableRowEntries>', '          <TableRowEntry>', '            <Wrap />', '            <TableColumnItems>'
    foreach ($c in $Columns) {
        $lines += "              <TableColumnItem><ScriptBlock>$(& $esc $c.Cell)</ScriptBlock></TableColumnItem>"
    }
    $lines += '            </TableColumnItems>', '          </TableRowEntry>', '        </TableRowEntries>', '      </TableControl>', '    </View>'
    $lines
}

$body = foreach ($type in $Measures.Keys) {
    $measure = $Measures[$type]
    $keyNames = [string[]] $measure.Keys.Keys
    foreach ($keySet in Get-KeySets $keyNames) {
        & {
            $set = @($keySet.Keys)
            $columns = @(foreach ($key in $set) {
                $k = $measure.Keys[$key]
                $cell = switch ($k.Kind) {
                    'Partner' { "$view::PartnerKey(`$_.$key, $($k.Width))" }
                    'Text' { "$view::Wrap(`$_.$key, $($k.Width))" }
                    'Number' { "`$_.$key" }
                }
                @{ Label = $key; Width = $k.Width; Right = $k.Kind -eq 'Number'; Cell = $cell }
            })
            $columns += @($measure.Figures | Where-Object { -not $_.ContainsKey('When') -or $set -contains $_.When } |
                ForEach-Object { @{ Label = $_.Label; Width = $_.Width; Right = $true; Cell = $_.Cell } })
            $name = "$type#$($set -join '#')"
            Get-ViewXml -Name $name -TypeName $name -Columns $columns -GroupBy $measure.GroupBy
        }
    }
    # More keys than have a view of their own: the keys together in one Group column, then every figure.
    $columns = @(@{ Label = 'Group'; Width = 25; Right = $false; Cell = "$view::GroupCell(`$_, 25)" }) +
        @($measure.Figures | ForEach-Object { @{ Label = $_.Label; Width = $_.Width; Right = $true; Cell = $_.Cell } })
    Get-ViewXml -Name $type -TypeName $type -Columns $columns -GroupBy $measure.GroupBy
}

$text = (@(
    '<?xml version="1.0" encoding="utf-8"?>'
    "<!-- Generated by tools/New-MeasureViews.ps1: do not edit here; change the script and run it. -->"
    '<Configuration>'
    '  <ViewDefinitions>'
    $body
    '  </ViewDefinitions>'
    '</Configuration>'
) -join "`n") + "`n"
[IO.File]::WriteAllText([IO.Path]::GetFullPath($OutputPath), $text, [Text.UTF8Encoding]::new($false))
