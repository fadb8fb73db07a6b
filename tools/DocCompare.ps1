# Comparing the output the examples print with what a document shows, rewriting it, and making the README tour
# from samples/Demo.ps1 (DocBlocks.ps1 says what may differ). Dot-sourced by DocBlocks.ps1.

<#
.SYNOPSIS
    One output line as a document shows it: the clone's folder as /home/me/PartnerOps, a tour folder
    (<any folder>/partnerops-tour-<6 digits>) in the temporary folder /tmp, the user name as me (padded to the name's length).
#>
function Get-DocDisplayLine {
    param([AllowEmptyString()] [string] $Line, [string] $CloneRoot)
    $l = $Line
    if ($CloneRoot) { $l = $l.Replace($CloneRoot.TrimEnd('/', '\'), '/home/me/PartnerOps') }
    $l = $l -replace '(?<![\w.-])[^\s''"(]*[/\\](partnerops-tour-\d{6})', '/tmp/$1'
    $user = [Environment]::UserName
    # Padded to the name's length, so that a table's columns stay where they were.
    if ($user -and $user -ne 'me') { $l = $l -replace "(?<![\w/-])$([regex]::Escape($user))(?![\w/-])", 'me'.PadRight($user.Length) }
    $l
}

<#
.SYNOPSIS
    One output line as compared: as displayed (Get-DocDisplayLine), with the tour folder's digits, durations, time
    stamps and today's date replaced by placeholders, runs of spaces made one and trailing spaces removed.
#>
function Get-DocNormalLine {
    param([AllowEmptyString()] [string] $Line, [string] $CloneRoot)
    $l = Get-DocDisplayLine $Line $CloneRoot
    $l = $l -replace 'partnerops-tour-\d{6}', 'partnerops-tour-NNNNNN'
    # A path cut on the left by a view (…255764/more.csv) shows some of the folder's digits; one wrapped inside its
    # column at a '-' (in /tmp/partnerops-, then tour-255764/ on the next line) shows them at the start of a line.
    $l = $l -replace '(…[A-Za-z-]*)\d{1,6}(?=[/\\])', '$1NNNNNN'
    $l = $l -replace '(?<![\w-])tour-\d{6}(?=[/\\])', 'tour-NNNNNN'
    $l = $l -replace '\b\d{2}:\d{2}:\d{2}\.\d{1,7}\b', '<duration>'
    $l = $l -replace '\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?Z?', '<timestamp>'
    foreach ($today in @([DateTime]::UtcNow.ToString('yyyy-MM-dd'), [DateTime]::Now.ToString('yyyy-MM-dd')) | Select-Object -Unique) {
        $l = $l.Replace($today, '<today>')
    }
    ($l -replace '\s{2,}', ' ').TrimEnd()
}

function Get-DocTrimmed([string[]] $Lines) {
    $list = @($Lines | ForEach-Object { "$_".TrimEnd() })
    $s = 0; $e = $list.Count - 1
    while ($s -le $e -and -not $list[$s]) { $s++ }
    while ($e -ge $s -and -not $list[$e]) { $e-- }
    if ($s -le $e) { $list[$s..$e] }
}

<#
.SYNOPSIS
    Whether two outputs differ only in where a view wrapped text that depends on the machine: the clone's folder or the
    user name (shown as /home/me/PartnerOps and me) is longer or shorter here than in the document, so a cell holding it
    wraps at other points. Only then are the outputs compared as one text each: lines joined (with nothing after a line
    that ends at a wrap point, / \ - =, else with a space), then normalized as lines are. Anything else differing still
    differs.
#>
function Test-DocSameUnwrapped {
    param([string[]] $Want, [string[]] $Got, [string] $CloneRoot)
    $join = {
        param([string[]] $Lines)
        $sb = [System.Text.StringBuilder]::new()
        foreach ($l in $Lines) {
            $t = $l.Trim()
            if ($sb.Length -gt 0 -and $sb[$sb.Length - 1] -notin '/', '\', '-', '=') { $null = $sb.Append(' ') }
            $null = $sb.Append($t)
        }
        $sb.ToString()
    }
    # The machine's text is put in as the document shows it after the lines are joined, since it may itself be wrapped.
    $g = (& $join $Got)
    $user = [Environment]::UserName
    $machineText = ($CloneRoot -and $g.Contains($CloneRoot.TrimEnd('/', '\'))) -or
        ($user -and $user -ne 'me' -and $g -match "(?<![\w/-])$([regex]::Escape($user))(?![\w/-])")
    if (-not $machineText) { return $false }
    if ($CloneRoot) { $g = $g.Replace($CloneRoot.TrimEnd('/', '\'), '/home/me/PartnerOps') }
    (Get-DocNormalLine (& $join $Want) '') -ceq (Get-DocNormalLine $g '')
}

<#
.SYNOPSIS
    Compares a block's shown output with what it printed. Returns $null when they agree, else a message naming the
    document, the block's line and the first differing line.
#>
function Compare-DocBlock {
    param($Block, [string[]] $Actual, [string] $CloneRoot)
    $want = @(Get-DocTrimmed $Block.Expected)
    $got = @(Get-DocTrimmed $Actual)
    $max = [Math]::Max($want.Count, $got.Count)
    for ($i = 0; $i -lt $max; $i++) {
        $w = if ($i -lt $want.Count) { Get-DocNormalLine $want[$i] $CloneRoot } else { $null }
        $g = if ($i -lt $got.Count) { Get-DocNormalLine $got[$i] $CloneRoot } else { $null }
        if ($w -cne $g) {
            if (Test-DocSameUnwrapped $want $got $CloneRoot) { return $null }
            $shown = if ($null -eq $w) { '(nothing: the document shows no more lines)' } else { "'$($want[$i])'" }
            $printed = if ($null -eq $g) { '(nothing: the block printed no more lines)' } else { "'$($got[$i])'" }
            return "$($Block.Document), the block at line $($Block.Line): output line $($i + 1) differs.`n  shown:   $shown`n  printed: $printed"
        }
    }
    $null
}

<#
.SYNOPSIS
    The document's lines with every run block's output replaced by what it printed (clone folder and user name as
    Get-DocNormalLine shows them). A block whose output agrees (Compare-DocBlock) is left as it is, so the diff shows
    only what changed.
#>
function Update-DocOutput {
    param([string[]] $Lines, [object[]] $Blocks, [hashtable] $Actual, [string] $CloneRoot)
    $out = [System.Collections.Generic.List[string]]::new([string[]]$Lines)
    # From the last block up, so that earlier line numbers stay right.
    for ($b = $Blocks.Count - 1; $b -ge 0; $b--) {
        $block = $Blocks[$b]
        if ($block.SkipReason -or -not $Actual.ContainsKey($b)) { continue }
        if (-not (Compare-DocBlock $block $Actual[$b] $CloneRoot)) { continue }
        $printed = @(Get-DocTrimmed $Actual[$b] | ForEach-Object { Get-DocDisplayLine $_ $CloneRoot })
        $new = [System.Collections.Generic.List[string]]::new()
        if ($block.Kind -eq 'Markdown') {
            if ($printed.Count) {
                $new.Add("$($block.Indent)``````text")
                foreach ($l in $printed) { $new.Add($(if ($l) { "$($block.Indent)$l" } else { '' })) }
                $new.Add("$($block.Indent)``````")
            }
            if ($block.OutputFirst -ge 0) {
                $out.RemoveRange($block.OutputFirst, $block.OutputLast - $block.OutputFirst + 1)
                if (-not $printed.Count) {
                    # No output any more: drop the fence and the blank line before it.
                    if ($block.OutputFirst -gt 0 -and -not $out[$block.OutputFirst - 1].Trim()) { $out.RemoveAt($block.OutputFirst - 1) }
                }
                else { $out.InsertRange($block.OutputFirst, $new) }
            }
            elseif ($printed.Count) {
                $new.Insert(0, '')
                $out.InsertRange($block.InsertAfter + 1, $new)
            }
        }
        else {
            # A blank line between the code and its output, as the console leaves one under a table's command.
            if ($printed.Count) { $new.Add('') }
            foreach ($l in $printed) { $new.Add($(if ($l) { "$($block.Indent)$l" } else { '' })) }
            if ($block.OutputFirst -ge 0) {
                $out.RemoveRange($block.OutputFirst, $block.OutputLast - $block.OutputFirst + 1)
                $out.InsertRange($block.OutputFirst, $new)
            }
            elseif ($printed.Count) {
                $out.InsertRange($block.InsertAfter + 1, $new)
            }
        }
    }
    , $out.ToArray()
}

<#
.SYNOPSIS
    The steps of samples/Demo.ps1: each Show 'question' { code } call, as question and code (indent removed).
#>
function Get-DemoStep {
    param([Parameter(Mandatory)] [string] $Path)
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    if ($errors) { throw "$Path does not parse: $($errors[0].Message)" }
    $calls = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Show' }, $true)
    foreach ($call in $calls) {
        $question = $call.CommandElements[1].SafeGetValue()
        $body = $call.CommandElements[2].ScriptBlock.EndBlock.Extent
        # The body's lines with the indent of its first line removed.
        $text = $body.Text
        $startColumn = $body.StartColumnNumber - 1
        $lines = $text -split "`r?`n"
        $lines = @($lines[0]) + @($lines | Select-Object -Skip 1 | ForEach-Object {
            if ($_.Length -ge $startColumn -and -not $_.Substring(0, $startColumn).Trim()) { $_.Substring($startColumn) } else { $_.TrimStart() }
        })
        [pscustomobject]@{ Question = $question; Code = ($lines -join "`n").Trim() }
    }
}

$script:TourStart = '<!-- The tour: made from samples/Demo.ps1 by build.ps1 -Task Readme; change the Demo, not these lines. -->'
$script:TourEnd = '<!-- End of the tour. -->'

<#
.SYNOPSIS
    The README's lines with the tour (between the two tour markers) made anew from samples/Demo.ps1. A step whose
    code is unchanged keeps its output fence; a new or changed step gets its output when the blocks run.
#>
function Update-ReadmeTour {
    param([string[]] $Lines, [string] $DemoPath)
    $start = [Array]::IndexOf($Lines, $script:TourStart)
    $end = [Array]::IndexOf($Lines, $script:TourEnd)
    if ($start -lt 0 -or $end -lt $start) { throw "README.md lacks the tour markers '$script:TourStart' and '$script:TourEnd'." }
    $old = @(Get-MarkdownBlock 'README.md' $Lines | Where-Object { $_.Line -gt $start -and $_.Line -lt $end + 1 })
    $kept = @{}
    foreach ($b in $old) {
        if ($b.OutputFirst -lt 0) { continue }
        # Keyed by the question (the line above the code) and the code: two steps may run the same code.
        $above = $b.Line - 3
        while ($above -gt 0 -and -not $Lines[$above].Trim()) { $above-- }
        $kept["$($Lines[$above])`n$($b.Code)"] = $Lines[$b.OutputFirst..$b.OutputLast]
    }
    $tour = foreach ($step in Get-DemoStep $DemoPath) {
        $step.Question
        ''
        '```powershell'
        $step.Code -split "`n"
        '```'
        $key = "$($step.Question)`n$($step.Code)"
        if ($kept.ContainsKey($key)) { ''; $kept[$key] }
        ''
    }
    , (@($Lines[0..$start]) + '' + @($tour) + @($Lines[$end..($Lines.Count - 1)]))
}
