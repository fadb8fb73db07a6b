#Requires -Version 7.2
<#
.SYNOPSIS
    Builds the module's MAML help file (PartnerOps.dll-Help.xml) from docs/cmdlets/*.md and the cmdlets' own metadata.
.DESCRIPTION
    Reads one Markdown file per exported cmdlet (the format is in docs/cmdlets/README.md) and the real
    parameter metadata of the built module, which is imported in a child pwsh so that this process loads
    (and locks) nothing. Type, parameter sets, aliases, position, Required and pipeline input in the help
    come from the metadata; descriptions, examples, default values and the rest from the Markdown.
    The Markdown's yaml blocks must agree with the metadata, so the source cannot drift either.

    Fails, naming every problem, when an exported cmdlet has no Markdown file, a parameter has no section
    (-WhatIf and -Confirm are described automatically when missing), a section names a parameter the
    cmdlet does not have, a yaml block disagrees with the cmdlet, there are fewer than two examples with
    code, or the synopsis or description is empty. Parameters marked DontShow need no section.
.EXAMPLE
    ./docs/New-MamlHelp.ps1 -DocsPath docs/cmdlets -ModuleManifest out/PartnerOps/PartnerOps.psd1 -OutputPath out/PartnerOps/en-US/PartnerOps.dll-Help.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $DocsPath,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}
$shouldProcessParameters = @('WhatIf', 'Confirm')
$yamlKeys = @('Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters')

#region Metadata (from the built module, in a child pwsh)

function Get-CmdletMetadata([string] $Manifest) {
    $script = @'
$ErrorActionPreference = 'Stop'
function Get-TypeName([type] $Type, [switch] $Full) {
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType() -Full:$Full) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-TypeName $underlying -Full:$Full }
    if ($Full) { $Type.FullName } else { $Type.Name }
}
function Get-ValueType([type] $Type) {
    while ($Type.IsArray) { $Type = $Type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying } else { $Type }
}
$module = Import-Module -Name '@@MANIFEST@@' -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters
$result = foreach ($command in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $parameters = foreach ($parameter in $command.Parameters.Values) {
        if ($parameter.Name -in $common) { continue }
        $valueType = Get-ValueType $parameter.ParameterType
        $validateSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
        [ordered]@{
            Name         = $parameter.Name
            Type         = Get-TypeName $parameter.ParameterType
            TypeFullName = Get-TypeName $parameter.ParameterType -Full
            IsSwitch     = $parameter.SwitchParameter
            Aliases      = @($parameter.Aliases)
            DontShow     = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count
            Wildcards    = [bool]@($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count
            Values       = @(if ($validateSet) { $validateSet.ValidValues } elseif ($valueType.IsEnum) { [enum]::GetNames($valueType) })
            Sets         = @(foreach ($set in $parameter.ParameterSets.GetEnumerator()) {
                    [ordered]@{
                        Name           = $set.Key
                        Mandatory      = $set.Value.IsMandatory
                        Position       = $set.Value.Position
                        ByValue        = $set.Value.ValueFromPipeline
                        ByPropertyName = $set.Value.ValueFromPipelineByPropertyName
                    }
                })
        }
    }
    [ordered]@{
        Name                = $command.Name
        Verb                = $command.Verb
        Noun                = $command.Noun
        DefaultParameterSet = $command.DefaultParameterSet
        ParameterSets       = @($command.ParameterSets | ForEach-Object { [ordered]@{ Name = $_.Name; Parameters = @($_.Parameters.Name | Where-Object { $_ -notin $common }) } })
        Parameters          = @($parameters)
    }
}
'##JSON##' + (ConvertTo-Json -InputObject @($result) -Depth 8 -Compress)
'@
    $script = $script.Replace('@@MANIFEST@@', $Manifest.Replace("'", "''"))
    # The same pwsh as this one; as a .NET tool that is 'dotnet <PSHOME>/pwsh.dll'.
    $exe = [System.Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        $prefix = @(Join-Path $PSHOME 'pwsh.dll')
    }
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    $lines = @(& $exe @prefix -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | ForEach-Object { "$_" })
    $json = $lines | Where-Object { $_.StartsWith('##JSON##') } | Select-Object -Last 1
    if ($LASTEXITCODE -or -not $json) {
        throw "Could not read the cmdlets of '$Manifest' (exit code $LASTEXITCODE):`n$($lines -join "`n")"
    }
    @($json.Substring('##JSON##'.Length) | ConvertFrom-Json)
}

#endregion

#region Markdown

# Plain text for the console: code spans lose their backticks, links keep their text.
function ConvertFrom-Inline([string] $Text) {
    $Text -replace '`([^`]+)`', '$1' -replace '\[([^\]]+)\]\([^)]*\)', '$1'
}

# Splits Markdown lines into paragraphs: blank lines separate them, list items start a line of their own,
# and a fenced block is one paragraph that keeps its lines.
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $fence = $null
    $flush = {
        if ($current.Count) {
            $text = $current -join "`n"
            $paragraphs.Add($(if ($fence) { $text } else { ConvertFrom-Inline $text }))
            $current.Clear()
        }
    }
    foreach ($line in $Lines) {
        if ($fence) {
            if ($line.Trim() -eq $fence) { . $flush; $fence = $null } else { $current.Add($line) }
            continue
        }
        if ($line -match '^\s*(```|~~~)') {
            . $flush
            $fence = $Matches[1]
            continue
        }
        if (-not $line.Trim()) {
            . $flush
            continue
        }
        if ($current.Count -eq 0 -or $line -match '^\s*([-*]|\d+\.)\s') {
            $current.Add($line.Trim())
        }
        else {
            $current[$current.Count - 1] += ' ' + $line.Trim()
        }
    }
    . $flush
    , @($paragraphs)
}

# Splits lines at headings of one level (outside fenced blocks): an ordered map of heading text to its lines.
function Split-Heading([string[]] $Lines, [int] $Level) {
    $sections = [ordered]@{}
    $preamble = [System.Collections.Generic.List[string]]::new()
    $current = $preamble
    $inFence = $false
    $marker = '#' * $Level
    foreach ($line in $Lines) {
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match "^$marker\s+(.+?)\s*#*\s*$" -and $line -notmatch "^$marker#") {
            $current = [System.Collections.Generic.List[string]]::new()
            $sections[$Matches[1]] = $current
            continue
        }
        $current.Add($line)
    }
    [pscustomobject]@{ Preamble = @($preamble); Sections = $sections }
}

# The first fenced block of some lines: its language, its content, and the lines before and after it.
function Split-Fence([string[]] $Lines) {
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -match '^\s*(```|~~~)\s*(\S*)') {
            $fence = $Matches[1]
            $language = $Matches[2]
            for ($j = $i + 1; $j -lt $Lines.Count; $j++) {
                if ($Lines[$j].Trim() -eq $fence) {
                    return [pscustomobject]@{
                        Language = $language
                        Content  = @(if ($j -gt $i + 1) { $Lines[($i + 1)..($j - 1)] })
                        Before   = @(if ($i -gt 0) { $Lines[0..($i - 1)] })
                        After    = @(if ($j -lt $Lines.Count - 1) { $Lines[($j + 1)..($Lines.Count - 1)] })
                    }
                }
            }
            return $null
        }
    }
    $null
}

function Read-CmdletMarkdown([string] $Path) {
    $lines = (Get-Content -Raw -LiteralPath $Path) -replace "`r`n", "`n" -split "`n"
    $top = Split-Heading $lines 1
    $name = @($top.Sections.Keys)[0]
    $body = if ($name) { $top.Sections[$name] } else { @() }
    $sections = (Split-Heading @($body) 2).Sections
    $section = { param($title) if ($sections.Contains($title)) { @($sections[$title]) } else { @() } }

    $examples = foreach ($entry in (Split-Heading (& $section 'EXAMPLES') 3).Sections.GetEnumerator()) {
        $fence = Split-Fence @($entry.Value)
        [pscustomobject]@{
            Title   = $entry.Key
            Code    = if ($fence) { ($fence.Content -join "`n").Trim() } else { '' }
            Remarks = if ($fence) { ConvertTo-Paragraph (@($fence.Before) + @($fence.After)) } else { ConvertTo-Paragraph @($entry.Value) }
        }
    }

    $parameters = [ordered]@{}
    foreach ($entry in (Split-Heading (& $section 'PARAMETERS') 3).Sections.GetEnumerator()) {
        if ($entry.Key -eq 'CommonParameters') { continue }
        $yaml = $null
        $text = @($entry.Value)
        $fence = Split-Fence $text
        if ($fence -and $fence.Language -eq 'yaml') {
            $yaml = @{}
            foreach ($line in $fence.Content) {
                if ($line -match '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { $yaml[$Matches[1]] = $Matches[2] }
            }
            $text = @($fence.Before) + @($fence.After)
        }
        $parameters[$entry.Key -replace '^-', ''] = [pscustomobject]@{ Heading = $entry.Key; Description = ConvertTo-Paragraph $text; Yaml = $yaml }
    }

    $types = {
        param($title)
        $split = Split-Heading (& $section $title) 3
        foreach ($entry in $split.Sections.GetEnumerator()) {
            [pscustomobject]@{ Type = $entry.Key; Description = ConvertTo-Paragraph @($entry.Value) }
        }
        if ($split.Sections.Count -eq 0 -and (ConvertTo-Paragraph $split.Preamble)) {
            [pscustomobject]@{ Type = (ConvertTo-Paragraph $split.Preamble)[0]; Description = @() }
        }
    }

    $links = foreach ($line in & $section 'RELATED LINKS') {
        if ($line -match '\[([^\]]+)\]\(([^)]*)\)') {
            [pscustomobject]@{ Text = $Matches[1]; Uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' } }
        }
        elseif ($line -match '^\s*[-*]?\s*(\S.*?)\s*$') {
            [pscustomobject]@{ Text = $Matches[1]; Uri = '' }
        }
    }

    [pscustomobject]@{
        Path        = $Path
        Name        = $name
        Synopsis    = (ConvertTo-Paragraph (& $section 'SYNOPSIS')) -join ' '
        Description = ConvertTo-Paragraph (& $section 'DESCRIPTION')
        Examples    = @($examples)
        Parameters  = $parameters
        Inputs      = @(& $types 'INPUTS')
        Outputs     = @(& $types 'OUTPUTS')
        Notes       = ConvertTo-Paragraph (& $section 'NOTES')
        Links       = @($links)
    }
}

#endregion

#region What the metadata says, in the words of the yaml block

function Get-SetValue($Parameter, [scriptblock] $Value) {
    $values = @($Parameter.Sets | ForEach-Object { [pscustomobject]@{ Set = $_.Name; Value = & $Value $_ } })
    if (@($values.Value | Select-Object -Unique).Count -le 1) {
        return $values[0].Value
    }
    ($values | ForEach-Object { "$($_.Value) ($($_.Set))" }) -join ', '
}

function Format-Position($Set) { if ($Set.Position -lt 0) { 'Named' } else { [string]$Set.Position } }

function Format-Pipeline($Set) {
    $how = @(if ($Set.ByValue) { 'ByValue' }; if ($Set.ByPropertyName) { 'ByPropertyName' })
    if ($how) { "True ($($how -join ', '))" } else { 'False' }
}

function Get-ParameterFact($Parameter) {
    [ordered]@{
        'Type'                       = $Parameter.Type
        'Parameter Sets'             = if ($Parameter.Sets.Name -contains '__AllParameterSets') { '(All)' } else { ($Parameter.Sets.Name -join ', ') }
        'Aliases'                    = if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'None' }
        'Required'                   = Get-SetValue $Parameter { param($s) [string]$s.Mandatory }
        'Position'                   = Get-SetValue $Parameter { param($s) Format-Position $s }
        'Accept pipeline input'      = Get-SetValue $Parameter { param($s) Format-Pipeline $s }
        'Accept wildcard characters' = [string]$Parameter.Wildcards
    }
}

# Whether the yaml's words say what the metadata says: case, spacing, order of lists and 'both' do not matter.
function Test-SameFact([string] $Key, [string] $Written, [string] $Actual, $Parameter) {
    $normal = {
        param([string] $text)
        $text = $text.ToLowerInvariant() -replace '\s+', ' '
        $text = $text -replace 'true \(both\)', 'true (byvalue, bypropertyname)'
        $text = $text -replace '\(bypropertyname, byvalue\)', '(byvalue, bypropertyname)'
        (($text -split ',\s*(?![^()]*\))') | ForEach-Object Trim | Sort-Object) -join ','
    }
    if ($Key -eq 'Type') {
        return $Written.Trim() -in @($Parameter.Type, $Parameter.TypeFullName)
    }
    (& $normal $Written) -eq (& $normal $Actual)
}

#endregion

#region Checks

function Test-CmdletHelp($Doc, $Command) {
    $file = [IO.Path]::GetFileName($Doc.Path)
    if ($Doc.Name -ne $Command.Name) { "${file}: the title is '# $($Doc.Name)'; it must be '# $($Command.Name)'." }
    if (-not $Doc.Synopsis) { "${file}: '## SYNOPSIS' is missing or empty." }
    if (-not $Doc.Description) { "${file}: '## DESCRIPTION' is missing or empty." }
    $withCode = @($Doc.Examples | Where-Object Code)
    if ($withCode.Count -lt 2) { "${file}: has $($withCode.Count) example(s) with a code block under '## EXAMPLES'; at least 2 are needed." }
    foreach ($example in $Doc.Examples | Where-Object { -not $_.Code }) { "${file}: example '$($example.Title)' has no code block." }

    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = $parameter }
    foreach ($parameter in $Command.Parameters) {
        if (-not $Doc.Parameters.Contains($parameter.Name) -and -not $parameter.DontShow -and $parameter.Name -notin $shouldProcessParameters) {
            "${file}: parameter -$($parameter.Name) has no '### -$($parameter.Name)' section under '## PARAMETERS'."
        }
    }
    foreach ($entry in $Doc.Parameters.GetEnumerator()) {
        $parameter = $byName[$entry.Key]
        if (-not $parameter) {
            "${file}: '### $($entry.Value.Heading)' names a parameter $($Command.Name) does not have."
            continue
        }
        if (-not $entry.Value.Description) { "${file}: -$($entry.Key) has no description." }
        if ($null -eq $entry.Value.Yaml) {
            "${file}: -$($entry.Key) has no ``````yaml block (keys: $($yamlKeys -join ', '))."
            continue
        }
        $facts = Get-ParameterFact $parameter
        foreach ($key in $yamlKeys) {
            if (-not $entry.Value.Yaml.ContainsKey($key)) {
                "${file}: -$($entry.Key): the yaml block lacks '${key}:'" + $(if ($facts.Contains($key)) { " (it is: $($facts[$key]))." } else { '.' })
            }
            elseif ($facts.Contains($key) -and -not (Test-SameFact $key $entry.Value.Yaml[$key] $facts[$key] $parameter)) {
                "${file}: -$($entry.Key): the yaml says '${key}: $($entry.Value.Yaml[$key])', but the cmdlet has '$($facts[$key])'."
            }
        }
        if ($entry.Value.Yaml.ContainsKey('Accepted values')) {
            $written = @($entry.Value.Yaml['Accepted values'] -split ',' | ForEach-Object Trim | Where-Object { $_ })
            if ((($written | Sort-Object) -join ',') -ne ((@($parameter.Values) | Sort-Object) -join ',')) {
                "${file}: -$($entry.Key): the yaml says 'Accepted values: $($written -join ', ')', but the cmdlet accepts '$(@($parameter.Values) -join ', ')'."
            }
        }
    }
}

#endregion

#region MAML

function Write-Para([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    if (-not $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $ns.maml, '')
    }
    foreach ($paragraph in $Paragraphs) {
        $Writer.WriteElementString('maml', 'para', $ns.maml, $paragraph)
    }
}

function Write-Description([System.Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $ns.maml)
    Write-Para $Writer $Paragraphs
    $Writer.WriteEndElement()
}

function Write-TypeElement([System.Xml.XmlWriter] $Writer, [string] $Name) {
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $ns.maml, '')
    $Writer.WriteEndElement()
}

# One command:parameter. $Set is the parameter set of a syntax item, or $null for the parameters section.
function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $Doc, $Set) {
    $sets = if ($Set) { @($Set) } else { @($Parameter.Sets) }
    $position = @($sets | Where-Object { $_.Position -ge 0 } | Select-Object -First 1)
    $how = @(if ($sets | Where-Object ByValue) { 'ByValue' }; if ($sets | Where-Object ByPropertyName) { 'ByPropertyName' })
    $defaultValue = if ($Doc -and $Doc.Yaml -and $Doc.Yaml['Default value']) { $Doc.Yaml['Default value'] } elseif ($Parameter.IsSwitch) { 'False' } else { 'None' }
    $globbing = if ($Doc -and $Doc.Yaml -and $Doc.Yaml['Accept wildcard characters']) { $Doc.Yaml['Accept wildcard characters'] -eq 'True' } else { $Parameter.Wildcards }

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $(if (@($sets | Where-Object { -not $_.Mandatory }).Count) { 'false' } else { 'true' }))
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $(if ($how) { "True ($($how -join ', '))" } else { 'False' }))
    $Writer.WriteAttributeString('position', $(if ($position) { [string]$position[0].Position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $ns.maml, $Parameter.Name)
    # Get-Help takes descriptions from the parameters section only, so syntax items go without.
    Write-Description $Writer $(if ($Doc -and -not $Set) { $Doc.Description } else { @() })
    if ($Set -and $Parameter.Values) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Parameter.Values) {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($Set -and $Parameter.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', $(if ($Parameter.IsSwitch) { 'false' } else { 'true' }))
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($(if ($Parameter.IsSwitch) { 'SwitchParameter' } else { $Parameter.Type }))
        $Writer.WriteEndElement()
    }
    Write-TypeElement $Writer $Parameter.TypeFullName
    $Writer.WriteElementString('dev', 'defaultValue', $ns.dev, $defaultValue)
    $Writer.WriteEndElement()
}

# What -WhatIf and -Confirm do, for cmdlets whose Markdown does not say.
function Get-ShouldProcessDoc([string] $Name) {
    $text = if ($Name -eq 'WhatIf') {
        'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    }
    else {
        'Prompts you for confirmation before running the cmdlet. -Confirm:$false (or $ConfirmPreference = ''None'') makes sure nothing prompts.'
    }
    [pscustomobject]@{ Description = @($text); Yaml = @{ 'Default value' = 'False'; 'Accept wildcard characters' = 'False' } }
}

function Write-Command([System.Xml.XmlWriter] $Writer, $Doc, $Command) {
    $byName = @{}
    foreach ($parameter in $Command.Parameters) { $byName[$parameter.Name] = $parameter }
    $docOf = {
        param($name)
        if ($Doc.Parameters.Contains($name)) { $Doc.Parameters[$name] } elseif ($name -in $shouldProcessParameters) { Get-ShouldProcessDoc $name }
    }

    $Writer.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix])
    }

    $Writer.WriteStartElement('command', 'details', $ns.command)
    $Writer.WriteElementString('command', 'name', $ns.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $ns.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $ns.command, $Command.Noun)
    Write-Description $Writer @($Doc.Synopsis)
    $Writer.WriteEndElement()

    Write-Description $Writer $Doc.Description

    # One syntax item per parameter set, the default first; positional parameters by position, then the
    # mandatory ones, then the rest, -WhatIf and -Confirm last. DontShow parameters are not shown.
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    $sets = @($Command.ParameterSets | Sort-Object { $_.Name -ne $Command.DefaultParameterSet })
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $Writer.WriteElementString('maml', 'name', $ns.maml, $Command.Name)
        $entries = foreach ($name in $set.Parameters) {
            $parameter = $byName[$name]
            if (-not $parameter -or $parameter.DontShow) { continue }
            $inSet = @($parameter.Sets | Where-Object { $_.Name -eq $set.Name -or $_.Name -eq '__AllParameterSets' })[0]
            $rank = if ($name -in $shouldProcessParameters) { 3 } elseif ($inSet.Position -ge 0) { 0 } elseif ($inSet.Mandatory) { 1 } else { 2 }
            [pscustomobject]@{ Parameter = $parameter; Set = $inSet; Rank = $rank; Position = $inSet.Position }
        }
        foreach ($entry in @($entries) | Sort-Object Rank, Position -Stable) {
            Write-Parameter $Writer $entry.Parameter (& $docOf $entry.Parameter.Name) $entry.Set
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    # Parameters in the Markdown's order, then -WhatIf and -Confirm when it leaves them out.
    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    $order = @($Doc.Parameters.Keys) + @($shouldProcessParameters | Where-Object { $byName.ContainsKey($_) -and -not $Doc.Parameters.Contains($_) })
    foreach ($name in $order) {
        Write-Parameter $Writer $byName[$name] (& $docOf $name) $null
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Entries = $Doc.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Entries = $Doc.Outputs })) {
        $Writer.WriteStartElement('command', $kind.List, $ns.command)
        foreach ($entry in $kind.Entries) {
            $Writer.WriteStartElement('command', $kind.Item, $ns.command)
            Write-TypeElement $Writer $entry.Type
            Write-Description $Writer $entry.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
    $Writer.WriteStartElement('maml', 'alert', $ns.maml)
    Write-Para $Writer $Doc.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Doc.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        $Writer.WriteElementString('maml', 'title', $ns.maml, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('dev', 'code', $ns.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $ns.dev)
        # The empty last paragraph puts a blank line between one example and the next title.
        Write-Para $Writer (@($example.Remarks) + '')
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Doc.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $ns.maml, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $ns.maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

$DocsPath = (Resolve-Path -LiteralPath $DocsPath).Path
$ModuleManifest = (Resolve-Path -LiteralPath $ModuleManifest).Path
$OutputPath = [IO.Path]::GetFullPath($OutputPath, (Get-Location).ProviderPath)

$commands = Get-CmdletMetadata $ModuleManifest
$problems = [System.Collections.Generic.List[object]]::new()
$docs = @{}
foreach ($command in $commands) {
    $file = Join-Path $DocsPath "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $file)) {
        $shown = [IO.Path]::GetRelativePath((Get-Location).ProviderPath, $file)
        if ($shown.StartsWith('..')) { $shown = $file }
        $problems.Add(@{ Target = $file; Message = "$($command.Name) has no help: $shown is missing. Write it in the format of docs/cmdlets/README.md." })
        continue
    }
    $doc = Read-CmdletMarkdown $file
    $docs[$command.Name] = $doc
    foreach ($problem in Test-CmdletHelp $doc $command) { $problems.Add(@{ Target = $file; Message = $problem }) }
}
foreach ($file in Get-ChildItem -LiteralPath $DocsPath -Filter '*-*.md') {
    if ($file.BaseName -notin $commands.Name) {
        $problems.Add(@{ Target = $file.FullName; Message = "$($file.Name) describes a cmdlet the module does not export ($($file.BaseName))." })
    }
}
if ($problems.Count) {
    # One error per problem, targeted at its file, then one that stops the build.
    $ErrorActionPreference = 'Continue'
    foreach ($problem in $problems) {
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                [System.IO.InvalidDataException]::new($problem.Message), 'CmdletHelpIncomplete', 'InvalidData', $problem.Target))
    }
    $ErrorActionPreference = 'Stop'
    throw "The help of $([IO.Path]::GetFileName($ModuleManifest)) is incomplete: $($problems.Count) problem(s), each written as an error above. No help file was written."
}

$null = New-Item -ItemType Directory -Force (Split-Path $OutputPath)
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        Write-Command $writer $docs[$command.Name] $command
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
Write-Verbose "Wrote help for $($commands.Count) cmdlet(s) to '$OutputPath'."
