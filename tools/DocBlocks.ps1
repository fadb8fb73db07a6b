<#
.SYNOPSIS
    Finds the PowerShell examples of README.md and about_PartnerOps, runs them as written and compares (or rewrites)
    the output each document shows. Dot-sourced by tests/pester/Readme.Tests.ps1 (compare) and by
    build.ps1 -Task Readme (rewrite); both use the same functions, so what the test checks is what the task writes.
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

function ConvertTo-DocLiteral([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

<#
.SYNOPSIS
    Runs the blocks not marked as skipped in one fresh pwsh and returns, per block, the lines it printed.
.PARAMETER StartIn
    The folder the session starts in.
.PARAMETER Prelude
    Code run before the first block (for about_PartnerOps: the module import and an empty folder).
.OUTPUTS
    A hashtable: block index -> string[] (the rendered output, trailing spaces removed). A key 'stderr' holds what
    the child wrote to its standard error, if anything.
#>
function Invoke-DocBlock {
    param(
        [Parameter(Mandatory)] [AllowEmptyCollection()] [object[]] $Blocks,
        [Parameter(Mandatory)] [string] $StartIn,
        [string] $Prelude = '',
        [Parameter(Mandatory)] [string] $ScratchFolder,
        # Code run after the last block, its output not kept (for the README: removing the tour's folder).
        [string] $Epilogue = ''
    )
    $script = [System.Text.StringBuilder]::new()
    $null = $script.AppendLine(@"
`$ProgressPreference = 'SilentlyContinue'
`$PSStyle.OutputRendering = 'PlainText'
[System.Globalization.CultureInfo]::CurrentCulture = 'en-US'
[System.Globalization.CultureInfo]::CurrentUICulture = 'en-US'
`$env:XDG_DATA_HOME = $(ConvertTo-DocLiteral (Join-Path $ScratchFolder 'xdg'))
Remove-Item Env:PARTNEROPS_DATABASE -ErrorAction SilentlyContinue
Set-Location -LiteralPath $(ConvertTo-DocLiteral $StartIn)
function __DocRecord {
    process {
        `$r = `$_
        if (`$r -is [System.Management.Automation.ErrorRecord]) {
            `$message = if (`$r.ErrorDetails -and `$r.ErrorDetails.Message) { `$r.ErrorDetails.Message } else { `$r.Exception.Message }
            `$command = if (`$r.InvocationInfo -and `$r.InvocationInfo.MyCommand) { `$r.InvocationInfo.MyCommand.Name } else { '' }
            if (`$command) { "`${command}: `$message" } else { "Exception: `$message" }
        }
        elseif (`$r -is [System.Management.Automation.WarningRecord]) { "WARNING: `$(`$r.Message)" }
        elseif (`$r -is [System.Management.Automation.VerboseRecord]) { "VERBOSE: `$(`$r.Message)" }
        elseif (`$r -is [System.Management.Automation.DebugRecord]) { "DEBUG: `$(`$r.Message)" }
        elseif (`$r -is [System.Management.Automation.InformationRecord]) { "`$(`$r.MessageData)" }
        else { `$r }
    }
}
$Prelude
"@)
    for ($b = 0; $b -lt $Blocks.Count; $b++) {
        if ($Blocks[$b].SkipReason) { continue }
        $null = $script.AppendLine(@"
'@@DOCBLOCK $b@@'
try { . ([scriptblock]::Create($(ConvertTo-DocLiteral $Blocks[$b].Code))) *>&1 | __DocRecord | Out-String -Width $script:DocWidth }
catch { `$_ | __DocRecord | Out-String -Width $script:DocWidth }
"@)
    }
    $null = $script.AppendLine("'@@DOCBLOCK end@@'")
    if ($Epilogue) { $null = $script.AppendLine("try { `$null = & { $Epilogue } *>&1 } catch { }") }
    $file = Join-Path $ScratchFolder 'doc-blocks.ps1'
    [IO.File]::WriteAllText($file, $script.ToString(), [Text.UTF8Encoding]::new($false))
    $exe = [System.Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @(Join-Path $PSHOME 'pwsh.dll') }
    $errFile = Join-Path $ScratchFolder 'doc-blocks.err.txt'
    $lines = & $exe @prefix -NoProfile -NonInteractive -File $file 2> $errFile
    $result = @{}
    $current = $null
    $buffer = [System.Collections.Generic.List[string]]::new()
    foreach ($l in @($lines) + '@@DOCBLOCK end@@') {
        if ("$l" -match '^@@DOCBLOCK (?<n>\d+|end)@@$') {
            if ($null -ne $current) { $result[$current] = @($buffer | ForEach-Object TrimEnd) }
            $buffer.Clear()
            $current = if ($Matches.n -eq 'end') { $null } else { [int]$Matches.n }
            if ($Matches.n -eq 'end') { break }
            continue
        }
        $buffer.AddRange([string[]]@("$l" -split "`r?`n"))
    }
    $stderr = if (Test-Path $errFile) { (Get-Content -Raw $errFile) } else { '' }
    if ($stderr -and $stderr.Trim()) { $result['stderr'] = $stderr.Trim() }
    $result
}

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

<#
.SYNOPSIS
    The code run before about_PartnerOps's examples: the built module imported, and an empty folder
    <ScratchFolder>/partnerops-tour-<6 digits> as the current location (shown as /tmp/partnerops-tour-NNNNNN).
#>
function Get-AboutPrelude {
    param([Parameter(Mandatory)] [string] $ModuleManifest, [Parameter(Mandatory)] [string] $ScratchFolder)
    $folder = Join-Path $ScratchFolder "partnerops-tour-$(Get-Random -Minimum 100000 -Maximum 1000000)"
    "Import-Module $(ConvertTo-DocLiteral $ModuleManifest)`nSet-Location -LiteralPath (New-Item -ItemType Directory $(ConvertTo-DocLiteral $folder)).FullName"
}

# After the README's blocks: the tour's folder (its first block's $folder) removed, the module's files closed first.
$script:ReadmeEpilogue = @'
Set-Location -LiteralPath ([IO.Path]::GetTempPath())
Remove-Module PartnerOps -ErrorAction SilentlyContinue
if ($folder -and (Split-Path -Leaf $folder) -match '^partnerops-tour-\d{6}$') { Remove-Item -LiteralPath $folder -Recurse -Force }
'@

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
