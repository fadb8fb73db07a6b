# Running the examples DocBlocks.ps1 finds: one fresh pwsh per document (DocBlocks.ps1 says how they run).
# Dot-sourced by DocBlocks.ps1.

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
