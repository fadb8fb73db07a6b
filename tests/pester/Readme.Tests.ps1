<#
README.md and about_PartnerOps run as written (issue 13, part 4).

Every powershell block of README.md, and every "PS>" example of module/en-US/about_PartnerOps.help.txt, is run as
written, in order, in one fresh pwsh per document (tools/DocBlocks.ps1, the same code as build.ps1 -Task Readme):
the README's from the clone's folder, whose first block imports ./out/PartnerOps and defines $samples, $folder and
$db; about_PartnerOps's in an empty temporary folder with the built module imported. What each prints, rendered at
120 columns in en-US, must be the output the document shows under it. Allowed to differ (Get-DocNormalLine): durations
(00:00:00.081), time stamps (2026-11-28 07:37:15), today's date, the tour folder's random digits
(partnerops-tour-NNNNNN), the clone's folder (shown as /home/me/PartnerOps), the user name (shown as me), runs of
spaces (padding) and blank lines around a block. A failure names the document, the block's line and the first line
that differs. Blocks marked "(Not run by the README test: <reason>)" are reported as skipped with that reason.
#>

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $root 'tools/DocBlocks.ps1')
    $i = 0
    $readmeCases = @(Get-DocBlock (Join-Path $root 'README.md') | ForEach-Object {
        @{ Index = $i++; Line = $_.Line; SkipReason = $_.SkipReason; FirstCode = ($_.Code -split "`n")[0] }
    })
    $i = 0
    $aboutCases = @(Get-DocBlock (Join-Path $root 'module/en-US/about_PartnerOps.help.txt') | ForEach-Object {
        @{ Index = $i++; Line = $_.Line; SkipReason = $_.SkipReason; FirstCode = ($_.Code -split "`n")[0] }
    })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $script:Root 'tools/DocBlocks.ps1')
    $script:ReadmePath = Join-Path $script:Root 'README.md'
    $script:AboutPath = Join-Path $script:Root 'module/en-US/about_PartnerOps.help.txt'
    $script:ReadmeBlocks = @(Get-DocBlock $script:ReadmePath)
    $script:AboutBlocks = @(Get-DocBlock $script:AboutPath)

    # The README's first block imports ./out/PartnerOps from the clone's folder: that must be the module under test.
    $script:CloneModule = Join-Path $script:Root 'out/PartnerOps/PartnerOps.psd1'
    $script:NotHere = $null
    if (-not (Test-Path $script:CloneModule) -or
        (Resolve-Path $script:CloneModule).Path -ne (Resolve-Path $script:ModuleManifest).Path) {
        $script:NotHere = "the module under test ($script:ModuleManifest) is not this clone's out/PartnerOps, which the README imports"
    }

    $script:Watch = [Diagnostics.Stopwatch]::StartNew()
    $script:ReadmeActual = @{}
    if (-not $script:NotHere) {
        $scratch = New-TestFolder
        $script:ReadmeActual = Invoke-DocBlock -Blocks $script:ReadmeBlocks -StartIn $script:Root -ScratchFolder $scratch -Epilogue $ReadmeEpilogue
    }
    $script:ReadmeSeconds = $script:Watch.Elapsed.TotalSeconds
    $aboutScratch = New-TestFolder
    $prelude = Get-AboutPrelude -ModuleManifest $script:ModuleManifest -ScratchFolder $aboutScratch
    $script:AboutActual = Invoke-DocBlock -Blocks $script:AboutBlocks -StartIn $aboutScratch -Prelude $prelude -ScratchFolder $aboutScratch
    $script:TotalSeconds = $script:Watch.Elapsed.TotalSeconds
    Write-Host ("README blocks ran in {0:N1} s, about_PartnerOps's in {1:N1} s" -f $script:ReadmeSeconds, ($script:TotalSeconds - $script:ReadmeSeconds))
    # The blocks not run, each with the reason the document gives (also the skipped tests' reason).
    foreach ($doc in @(@{ Name = 'README.md'; Blocks = $script:ReadmeBlocks }, @{ Name = 'about_PartnerOps'; Blocks = $script:AboutBlocks })) {
        $skipped = @($doc.Blocks | Where-Object SkipReason)
        Write-Host "$($doc.Name): $($doc.Blocks.Count - $skipped.Count) blocks run, $($skipped.Count) not run"
        foreach ($b in $skipped) { Write-Host "  not run: $($doc.Name) line $($b.Line): $($b.SkipReason)" }
    }
}

AfterAll {
    Remove-TestFolders
}

# FileOnly: the README's blocks make and name their own database files, whatever the backend.
Describe 'README.md runs as written' -Tag 'FileOnly' {
    It 'block <Index> (line <Line>: <FirstCode>) prints what the README shows' -ForEach $readmeCases {
        if ($SkipReason) { Set-ItResult -Skipped -Because "README.md line ${Line}: $SkipReason" ; return }
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        $script:ReadmeActual.ContainsKey($Index) | Should -BeTrue -Because 'every block not marked must have run (the session must not have ended)'
        Compare-DocBlock $script:ReadmeBlocks[$Index] $script:ReadmeActual[$Index] $script:Root | Should -BeNullOrEmpty
    }

    It 'writes nothing to standard error' {
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        $script:ReadmeActual['stderr'] | Should -BeNullOrEmpty
    }

    It 'defines $samples, $folder and $db in its first block, which the tour uses' {
        $first = $script:ReadmeBlocks[0]
        $first.SkipReason | Should -BeNullOrEmpty
        $first.Code | Should -Match '(?m)^Import-Module \./out/PartnerOps$'
        $first.Code | Should -Match '(?m)^\$samples = '
        $first.Code | Should -Match '(?m)^\$folder = '
        $first.Code | Should -Match '(?m)^\$db = '
    }

    It 'shows every command in a block that runs: no text block holds a PS> prompt' {
        $lines = [IO.File]::ReadAllLines($script:ReadmePath)
        $prompts = @(Get-MarkdownFence $lines | Where-Object Lang -NE 'powershell' | Where-Object { $_.Body | Where-Object { $_ -match '^\s*PS> ' } } |
            ForEach-Object { "line $($_.First + 1)" })
        $prompts | Should -BeNullOrEmpty
    }

    It 'uses only shipped files or files its blocks write (no ./partners.csv, ./more.csv from nowhere)' {
        # A file path read by a run block is $samples/..., or a file an earlier block wrote (Set-Content, Export-Csv, -FailedRowPath).
        $written = [System.Collections.Generic.HashSet[string]]::new()
        $missing = foreach ($block in $script:ReadmeBlocks | Where-Object { -not $_.SkipReason }) {
            foreach ($m in [regex]::Matches($block.Code, '(?<verb>Set-Content|Export-Csv|-FailedRowPath|-Path|-DestinationPath)\s+(?<file>\./[\w.-]+)')) {
                $null = $written.Add($m.Groups['file'].Value)
            }
            foreach ($m in [regex]::Matches($block.Code, '(?<verb>Import-Partner|Import-PartnerRevenue|Import-Csv)\s+(?<file>\./[\w.-]+)')) {
                if (-not $written.Contains($m.Groups['file'].Value)) { "line $($block.Line): $($m.Value)" }
            }
        }
        @($missing) | Should -BeNullOrEmpty
    }

    It 'imports revenue only after the partners it names (Import-PartnerRevenue after Import-Partner, in the same database)' {
        $code = ($script:ReadmeBlocks | Where-Object { -not $_.SkipReason } | ForEach-Object Code) -join "`n"
        $revenue = [regex]::Matches($code, 'Import-PartnerRevenue')
        $revenue.Count | Should -BeGreaterThan 0
        foreach ($r in $revenue) {
            $before = $code.Substring(0, $r.Index)
            # The nearest database chosen before this import, and a partner import after that choice.
            $choice = [regex]::Matches($before, 'Connect-PartnerDatabase -Path \S+') | Select-Object -Last 1
            $choice | Should -Not -BeNullOrEmpty
            $before.Substring($choice.Index) | Should -Match 'Import-Partner "\$samples/partners.csv"'
        }
    }

    It 'is the Demo''s steps in its tour (build.ps1 -Task Readme would change nothing)' {
        $lines = [IO.File]::ReadAllLines($script:ReadmePath)
        $made = Update-ReadmeTour -Lines $lines -DemoPath (Join-Path $script:Root 'samples/Demo.ps1')
        ($made -join "`n") | Should -BeExactly ($lines -join "`n")
        @(Get-DemoStep (Join-Path $script:Root 'samples/Demo.ps1')).Count | Should -BeGreaterThan 15
    }

    It 'promotes a partner in the tour that was not at that tier: Gold before, Platinum after, and the history entry' {
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        # samples/channel/partners.csv line 9: Keystone Nett AB,Reseller,Gold,Active,Western Europe,SE,...
        $index = { param($code) for ($i = 0; $i -lt $script:ReadmeBlocks.Count; $i++) { if ($script:ReadmeBlocks[$i].Code -ceq $code) { return $i } } }
        $before = & $index "Get-Partner -Name 'Keystone Nett AB'"
        $before | Should -Not -BeNullOrEmpty
        ($script:ReadmeActual[$before] -match 'Keystone Nett AB') | Should -Match '\bGold\b'
        $after = @(for ($i = $before + 1; $i -lt $script:ReadmeBlocks.Count; $i++) { if ($script:ReadmeBlocks[$i].Code -ceq "Get-Partner -Name 'Keystone Nett AB'") { $i } })[0]
        ($script:ReadmeActual[$after] -match 'Keystone Nett AB') | Should -Match '\bPlatinum\b'
        $history = & $index "Get-PartnerHistory -Partner 'Keystone Nett AB' -First 3"
        ($script:ReadmeActual[$history] -join "`n") | Should -Match 'Tier: Gold -> Platinum'
    }

    It 'quotes the benchmark table''s figure for a million partners in its prose' {
        $text = [IO.File]::ReadAllText($script:ReadmePath)
        $text -match '\| `Import-Partner`, 1,000,000 partners[^|]*\| (?<s>[\d.]+) s \|' | Should -BeTrue
        $table = $Matches.s
        $text -match 'A million partners import in about (?<about>\d+) seconds here \((?<quoted>[\d.]+) s in the table' | Should -BeTrue
        $Matches.quoted | Should -Be $table
        [Math]::Round([double]$table) | Should -Be ([double]$Matches.about)
        $text | Should -Not -Match '3\.4 s|3\.4 seconds'
    }
}

# FileOnly: the README's blocks make and name their own database files, whatever the backend.
Describe 'about_PartnerOps runs as written' -Tag 'FileOnly' {
    It 'example <Index> (line <Line>: <FirstCode>) prints what the topic shows' -ForEach $aboutCases {
        if ($SkipReason) { Set-ItResult -Skipped -Because "about_PartnerOps line ${Line}: $SkipReason"; return }
        $script:AboutActual.ContainsKey($Index) | Should -BeTrue
        Compare-DocBlock $script:AboutBlocks[$Index] $script:AboutActual[$Index] $script:Root | Should -BeNullOrEmpty
    }

    It 'has runnable examples, among them the channel share of 2015' {
        $script:AboutBlocks.Count | Should -BeGreaterThan 5
        @($script:AboutBlocks | Where-Object { $_.Code -match 'Measure-PartnerRevenue -GroupBy Channel -Year 2015' -and -not $_.SkipReason }).Count | Should -BeGreaterOrEqual 1
        [IO.File]::ReadAllText($script:AboutPath) | Should -Not -Match '0\.78'
    }

    It 'writes nothing to standard error' {
        $script:AboutActual['stderr'] | Should -BeNullOrEmpty
    }
}

# FileOnly: the README's blocks make and name their own database files, whatever the backend.
Describe 'The README test can fail' -Tag 'FileOnly' {
    BeforeAll {
        $script:Run = @(for ($i = 0; $i -lt $script:ReadmeBlocks.Count; $i++) {
            if (-not $script:ReadmeBlocks[$i].SkipReason -and $script:ReadmeBlocks[$i].Expected.Count -gt 2) { $i }
        })
    }

    It 'names the document, the block''s line and the first differing line when a shown output is edited' {
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        $i = $script:Run[0]
        $block = $script:ReadmeBlocks[$i]
        $edited = $block.PSObject.Copy()
        $lines = [string[]]$block.Expected.Clone()
        # The last line shown, with a figure changed: 1 -> 2 (or a letter added when it has no digit).
        $k = $lines.Count - 1
        $lines[$k] = if ($lines[$k] -match '\d') { [regex]::Replace($lines[$k], '\d', { param($m) [string](([int]$m.Value + 1) % 10) }, 1) } else { $lines[$k] + 'x' }
        $edited.Expected = $lines
        $message = Compare-DocBlock $edited $script:ReadmeActual[$i] $script:Root
        $message | Should -Match "^README\.md, the block at line $($block.Line): output line \d+ differs"
        $message | Should -Match ([regex]::Escape($lines[$k].Trim()))
    }

    It 'fails when the README shows output a block does not print, and when a block prints output the README leaves out' {
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        $i = $script:Run[0]
        $block = $script:ReadmeBlocks[$i]
        $none = $block.PSObject.Copy(); $none.Expected = @()
        Compare-DocBlock $none $script:ReadmeActual[$i] $script:Root | Should -Match 'the document shows no more lines'
        Compare-DocBlock $block @() $script:Root | Should -Match 'the block printed no more lines'
    }

    It 'allows for durations, time stamps, today''s date, the tour folder, the clone folder, the user and padding, and nothing else' {
        $block = [pscustomobject]@{ Document = 'X.md'; Line = 7; Expected = @(
            '/tmp/partnerops-tour-123456/a.db 00:00:00.081 2026-11-28 07:37:15', '/home/me/PartnerOps/samples me  x') }
        $today = [DateTime]::Now.ToString('yyyy-MM-dd')
        $user = [Environment]::UserName
        Compare-DocBlock $block @("/tmp/partnerops-tour-654321/a.db    00:00:01.5 1999-01-01 23:59:59", "$script:Root/samples $user x") $script:Root |
            Should -BeNullOrEmpty
        $block.Expected = @("ended $today")
        Compare-DocBlock $block @("ended $today") $script:Root | Should -BeNullOrEmpty
        $block.Expected = @('Total 1,000.00', 'two')
        Compare-DocBlock $block @('Total 1,000.01', 'two') $script:Root | Should -Match "^X\.md, the block at line 7: output line 1 differs"
        Compare-DocBlock $block @('Total 1,000.00', 'tw0') $script:Root | Should -Match 'output line 2 differs'
    }

    It 'allows a path in the clone to wrap at other points when the clone''s folder is longer or shorter, and nothing else' {
        # A view's Path column (24 wide) wraps 'in <clone>/samples/channel/' by the clone's folder: the document shows it for
        # /home/me/PartnerOps, a CI clone at /check/work/main prints it wrapped elsewhere.
        $block = [pscustomobject]@{ Document = 'X.md'; Line = 9; Expected = @(
            'partners.csv  1,198 00:00:00.118', 'in /home/me/PartnerOps/', 'samples/channel/', 'revenue.csv  5,330 00:00:00.244') }
        $clone = '/check/work/main'
        Compare-DocBlock $block @('partners.csv  1,198 00:00:01.156', 'in /check/work/main/', 'samples/channel/', 'revenue.csv  5,330 00:00:01.952') $clone |
            Should -BeNullOrEmpty
        $clone = '/a/much/longer/folder/of/the/clone'
        Compare-DocBlock $block @('partners.csv  1,198 00:00:01.156', 'in /a/much/longer/', 'folder/of/the/clone/', 'samples/channel/',
            'revenue.csv  5,330 00:00:01.952') $clone | Should -BeNullOrEmpty
        # Any other difference still fails: a count, a file name, a folder below the clone, a line left out.
        Compare-DocBlock $block @('partners.csv  1,199 00:00:01.156', 'in /check/work/main/', 'samples/channel/', 'revenue.csv  5,330 00:00:01.952') '/check/work/main' |
            Should -Match 'output line 1 differs'
        Compare-DocBlock $block @('partners.csv  1,198 00:00:01.156', 'in /check/work/main/', 'samples/other/', 'revenue.csv  5,330 00:00:01.952') '/check/work/main' |
            Should -Match 'output line 3 differs'
        Compare-DocBlock $block @('partners.csv  1,198 00:00:01.156', 'in /check/work/main/', 'samples/channel/') '/check/work/main' |
            Should -Match 'output line 4 differs'
        # Without the clone's folder in the output, wrapping is compared line by line.
        $block.Expected = @('a b', 'c')
        Compare-DocBlock $block @('a', 'b c') '/check/work/main' | Should -Match 'output line 1 differs'
    }

    It 'rewrites an edited output back to what the block prints (build.ps1 -Task Readme), touching nothing else' {
        if ($script:NotHere) { Set-ItResult -Skipped -Because $script:NotHere; return }
        $lines = [IO.File]::ReadAllLines($script:ReadmePath)
        $i = $script:Run[0]
        $block = $script:ReadmeBlocks[$i]
        $edited = [string[]]$lines.Clone()
        $edited[$block.OutputLast - 1] = 'an edited line'
        $blocks = @(Get-MarkdownBlock 'README.md' $edited)
        Compare-DocBlock $blocks[$i] $script:ReadmeActual[$i] $script:Root | Should -Match 'an edited line'
        $rewritten = Update-DocOutput -Lines $edited -Blocks $blocks -Actual $script:ReadmeActual -CloneRoot $script:Root
        $again = @(Get-MarkdownBlock 'README.md' $rewritten)
        Compare-DocBlock $again[$i] $script:ReadmeActual[$i] $script:Root | Should -BeNullOrEmpty
        # Every other line is as it was.
        $rewritten.Count | Should -Be $lines.Count
        @(for ($k = 0; $k -lt $lines.Count; $k++) { if ($k -lt $block.OutputFirst -or $k -gt $block.OutputLast) { if ($rewritten[$k] -cne $lines[$k]) { $k } } }) |
            Should -BeNullOrEmpty
    }
}

# FileOnly: the README's blocks make and name their own database files, whatever the backend.
Describe 'Every relative link of the README and docs resolves' -Tag 'FileOnly' {
    It '<File> links only to files and headings that exist' -ForEach @(
        @{ File = 'README.md' }, @{ File = 'bench/README.md' }, @{ File = 'samples/channel/README.md' }
        @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs') -Recurse -Filter *.md | ForEach-Object {
            @{ File = [IO.Path]::GetRelativePath((Resolve-Path (Join-Path $PSScriptRoot '../..')).Path, $_.FullName).Replace('\', '/') } })
    ) {
        $path = Join-Path $script:Root $File
        $text = [IO.File]::ReadAllText($path)
        # Code spans and fences are not links.
        $prose = [regex]::Replace($text, '(?s)```.*?```', '')
        $prose = [regex]::Replace($prose, '`[^`\n]*`', '')
        $slug = {
            param([string] $heading)
            ($heading.Trim().ToLowerInvariant() -replace '[^\p{L}\p{Nd}\s_-]', '' -replace '\s', '-')
        }
        $broken = foreach ($m in [regex]::Matches($prose, '\]\((?<target>[^)\s]+)\)')) {
            $target = $m.Groups['target'].Value
            if ($target -match '^[a-z]+:') { continue }   # http:, https:, mailto:
            $file, $anchor = $target.Split('#', 2)
            $targetPath = if ($file) { Join-Path (Split-Path $path) $file } else { $path }
            if (-not (Test-Path $targetPath)) { "$target (no such file)"; continue }
            if ($anchor) {
                $headings = [IO.File]::ReadAllLines($targetPath) | Where-Object { $_ -match '^#{1,6} ' } | ForEach-Object { & $slug ($_ -replace '^#+ ', '') }
                if ($anchor -notin $headings) { "$target (no such heading)" }
            }
        }
        @($broken) | Should -BeNullOrEmpty
        # No link or mention of a design file outside the repository.
        $text | Should -Not -Match 'shared/design'
    }
}
