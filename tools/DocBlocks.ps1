<#
.SYNOPSIS
    Finds the PowerShell examples of README.md and about_PartnerOps, runs them as written and compares (or rewrites)
    the output each document shows. Dot-sourced by tests/pester/Readme.Tests.ps1 (compare) and by
    build.ps1 -Task Readme (rewrite); both use the same functions, so what the test checks is what the task writes.
    This file finds the blocks; it dot-sources DocRun.ps1 (running them) and DocCompare.ps1 (comparing and
    rewriting their output, and the README tour made from samples/Demo.ps1).
.DESCRIPTION
    The blocks of a document.
      README.md: a ```powershell fence is a block, run as written. The ```text fence that follows it (only blank lines
      between) is the output it shows; none means it prints nothing. A block whose nearest line above is
        *(Not run by the README test: <reason>)*
      is not run; the test reports it as skipped with that reason.
      about_PartnerOps.help.txt: an example is a line indented 8 spaces or more that starts with "PS> ", with the
      lines ">> " below it at the same indent (the console's continuation prompt); the indented lines after it, up to
      the next "PS> " or the next line indented less, are its output. A text line above the examples with
        (Not run by the README test: <reason>)
      marks the examples under it as not run.
    How they run.
      One fresh pwsh -NoProfile -NonInteractive per document, en-US culture, plain-text rendering, output at
      $DocWidth (120) columns, started in the clone's folder (README: its first block imports ./out/PartnerOps, as a
      user does after the two commands) or, for about_PartnerOps, in an empty temporary folder with the built module
      imported. Blocks are dot-sourced in order into one scope, so a variable a block sets is there for the next,
      as at a prompt. Every stream is shown as the console shows it: "WARNING: ", "VERBOSE: ", an error as
      "<Command>: <message>" (ConciseView), Write-Host text as it is. $env:XDG_DATA_HOME points into the temporary
      folder and $env:PARTNEROPS_DATABASE is removed, so no example can reach the user's own database.
    What is allowed to differ (Get-DocNormalLine), applied to both sides before comparing:
      - a duration (00:00:00.081) and a time stamp (2026-11-28 07:37:15), and today's date (UTC or local) in ISO form;
      - the README tour's temporary folder, partnerops-tour-<6 digits> (also where a view cuts a path: …255764/more.csv);
        the clone's folder (shown as /home/me/PartnerOps);
        the user name (shown as me);
      - runs of spaces (a path or a user name of another length moves a table's columns) and leading/trailing blank
        lines of a block.
#>

Set-StrictMode -Version Latest

# The width every example's output is rendered at (README, "A README that runs as written").
$script:DocWidth = 120
$script:MarkdownSkip = '^\s*\*\(Not run by the README test: (?<reason>.+)\)\*\s*$'
$script:AboutSkip = '\(Not run by the README test: (?<reason>[^)]+)\)'

. (Join-Path $PSScriptRoot 'DocRun.ps1')
. (Join-Path $PSScriptRoot 'DocCompare.ps1')

function New-DocBlock {
    param($Document, $Line, $Code, $SkipReason, $Expected, $OutputFirst, $OutputLast, $InsertAfter, $Indent, $Kind)
    [pscustomobject]@{
        Document    = $Document      # file name, for messages
        Line        = $Line          # 1-based line of the block's first line of code
        Code        = $Code          # the code as written (indent removed)
        SkipReason  = $SkipReason    # $null, or why the block is not run
        Expected    = $Expected      # the output lines the document shows (indent removed), @() for none
        OutputFirst = $OutputFirst   # 0-based index of the first line of the output shown (fence included for Markdown), or -1
        OutputLast  = $OutputLast    # 0-based index of its last line, or -1
        InsertAfter = $InsertAfter   # 0-based index after which new output goes when none is shown
        Indent      = $Indent        # the block's indent, for rewriting
        Kind        = $Kind          # Markdown or About
    }
}

# The ``` fences of a Markdown file: language, indent, first/last line index, body (indent removed).
function Get-MarkdownFence([string[]] $Lines) {
    $fences = [System.Collections.Generic.List[object]]::new()
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -match '^(?<ind>\s*)```(?<lang>[A-Za-z0-9_-]*)\s*$') {
            $indent = $Matches.ind
            $lang = $Matches.lang
            $end = $i + 1
            while ($end -lt $Lines.Count -and $Lines[$end] -notmatch '^\s*```\s*$') { $end++ }
            if ($end -ge $Lines.Count) { throw "An unclosed ``````$lang fence at line $($i + 1)." }
            $body = @(for ($j = $i + 1; $j -lt $end; $j++) {
                $l = $Lines[$j]
                if ($l.StartsWith($indent)) { $l.Substring($indent.Length) } else { $l.TrimStart() }
            })
            $fences.Add([pscustomobject]@{ Lang = $lang; Indent = $indent; First = $i; Last = $end; Body = $body })
            $i = $end
        }
    }
    $fences
}

function Get-MarkdownBlock([string] $Name, [string[]] $Lines) {
    $fences = @(Get-MarkdownFence $Lines)
    for ($f = 0; $f -lt $fences.Count; $f++) {
        $fence = $fences[$f]
        if ($fence.Lang -ne 'powershell') { continue }
        $reason = $null
        $above = $fence.First - 1
        while ($above -ge 0 -and -not $Lines[$above].Trim()) { $above-- }
        if ($above -ge 0 -and $Lines[$above] -match $script:MarkdownSkip) { $reason = $Matches.reason }
        $expected = @()
        $first = -1; $last = -1
        if ($f + 1 -lt $fences.Count -and $fences[$f + 1].Lang -eq 'text') {
            $next = $fences[$f + 1]
            $between = @(for ($j = $fence.Last + 1; $j -lt $next.First; $j++) { $Lines[$j] })
            if (-not ($between | Where-Object { $_.Trim() })) {
                $expected = $next.Body
                $first = $next.First; $last = $next.Last
            }
        }
        New-DocBlock -Document $Name -Line ($fence.First + 2) -Code ($fence.Body -join "`n") -SkipReason $reason `
            -Expected $expected -OutputFirst $first -OutputLast $last -InsertAfter $fence.Last -Indent $fence.Indent -Kind Markdown
    }
}

function Get-AboutBlock([string] $Name, [string[]] $Lines) {
    $reason = $null
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        if ($line -notmatch '^(?<ind> {8,})PS> (?<code>.*)$') {
            # A text line (indented less than an example) sets or clears the marker for the examples under it.
            if ($line.Trim() -and $line -notmatch '^ {8,}') {
                $reason = if ($line -match $script:AboutSkip) { $Matches.reason } else { $null }
            }
            elseif ($line.Trim() -and $line -match $script:AboutSkip) { $reason = $Matches.reason }
            continue
        }
        $indent = $Matches.ind
        $codeLines = [System.Collections.Generic.List[string]]::new()
        $codeLines.Add($Matches.code)
        $start = $i
        while ($i + 1 -lt $Lines.Count -and $Lines[$i + 1].StartsWith("$indent>> ")) {
            $i++
            $codeLines.Add($Lines[$i].Substring($indent.Length + 3))
        }
        $codeEnd = $i
        $j = $i + 1
        $lastOut = -1
        while ($j -lt $Lines.Count) {
            $l = $Lines[$j]
            if ($l.StartsWith("${indent}PS> ")) { break }
            if ($l.Trim() -and -not $l.StartsWith($indent)) { break }
            if ($l.Trim()) { $lastOut = $j }
            $j++
        }
        $expected = @()
        $first = -1; $last = -1
        if ($lastOut -ge 0) {
            $first = $codeEnd + 1; $last = $lastOut
            $expected = @(for ($k = $first; $k -le $last; $k++) {
                if ($Lines[$k].Length -ge $indent.Length) { $Lines[$k].Substring($indent.Length) } else { '' }
            })
        }
        New-DocBlock -Document $Name -Line ($start + 1) -Code ($codeLines -join "`n") -SkipReason $reason -Expected $expected `
            -OutputFirst $first -OutputLast $last -InsertAfter $codeEnd -Indent $indent -Kind About
        $i = if ($lastOut -ge 0) { $lastOut } else { $codeEnd }
    }
}

<#
.SYNOPSIS
    The examples of one document (README.md or an about_*.help.txt), in order.
#>
function Get-DocBlock {
    param([Parameter(Mandatory)] [string] $Path)
    $lines = [IO.File]::ReadAllLines($Path)
    $name = Split-Path -Leaf $Path
    if ($Path -like '*.md') { Get-MarkdownBlock $name $lines } else { Get-AboutBlock $name $lines }
}
