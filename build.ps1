#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests and demonstrates the PartnerOps module.
.DESCRIPTION
    Tasks:
      Build  publishes the cmdlets and lays out the importable module at out/PartnerOps.
      Test   Build, then the Pester tests twice, in two child pwsh at once against out/PartnerOps, the xunit tests before
             the SQLite pass while the PostgreSQL pass (the longest) runs already:
             on SQLite (all but the tests tagged ServerOnly), and on PostgreSQL (all but those tagged FileOnly) in a
             throwaway cluster started for the run (initdb in a temp folder, 127.0.0.1, a free port, fsync off; the
             highest /usr/lib/postgresql/*/bin, or $env:PARTNEROPS_TEST_PGBIN; as root through runuser -u postgres)
             and stopped and removed at the end, also on failure or Ctrl+C; xunit gets it too (PARTNEROPS_TEST_SERVER,
             for its PgFact tests). Without PostgreSQL that pass counts its tests as skipped and says why. Ends with the counts per pass, the failed tests' full names (xunit: class
             and method; Pester: file, then the test's path), then the line 'tests: N passed, N failed, N skipped'
             (every pass together), and exits non-zero on any failure.
             -Only Readme,Views (say) runs only those Pester files (tests/pester/<name>.Tests.ps1, or the parts
             <name>.*.Tests.ps1 of a file split by subject, e.g. Views.Widths), on both backends, and no xunit.
      Demo   Build, then shows the module at work on a database in a temporary folder.
      Readme Build, then runs every PowerShell block of README.md and about_PartnerOps (the tour's steps made
             anew from samples/Demo.ps1) and writes what they print into the output blocks, in place; blocks
             whose output still agrees are left as they are (tools/DocBlocks.ps1; Readme.Tests.ps1 checks).
      Package  Build, then packs out/PartnerOps into out/PartnerOps.<version>.nupkg (Compress-PSResource),
             a package the PowerShell Gallery would take; Install-PSResource installs it from a folder repository.
      Bench  Build, then bench/Invoke-Benchmark.ps1 in a child pwsh: the imports against the sqlite3 CLI and
             the other measures of bench/README.md, on -Rows generated partners and revenue records (default
             1,000,000), each against a baseline of the same run and held to its target (the summary says met or
             missed); results also in out/bench/results.json.
      Mutate Stryker.NET (tools/stryker-config.json) mutates src/PartnerOps.Core and runs the xunit tests that cover
             each mutant; reports (html, json) in out/mutation/reports; prints the mutation score per Core folder and
             the whole, and the files and mutators where most mutants survive. On demand only: not part of Test.
             -Only Model,Measures (folders of src/PartnerOps.Core, or paths with wildcards such as Import/*Mapper*)
             mutates only those files (Stryker's --mutate), to keep a run short.
      Clean  removes out/ and the projects' bin/ and obj/ folders.
    Every step stops the build when it fails.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench -Rows 100000
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Mutate -Only Model
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Readme', 'Package', 'Bench', 'Mutate', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Bench only: how many partners to generate and import.
    [ValidateRange(1000, 100000000)]
    [int] $Rows = 1000000,

    # Bench: run only these benchmarks (see bench/Invoke-Benchmark.ps1). Test: run only these Pester files
    # (tests/pester/<name>.Tests.ps1, or all of its parts <name>.*.Tests.ps1), without xunit. Mutate: mutate only
    # these folders or paths of src/PartnerOps.Core.
    [string[]] $Only
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'PartnerOps'
$publishDir = Join-Path $out 'publish'
$publishServerDir = Join-Path $out 'publish-postgresql'
$resultsDir = Join-Path $out 'test-results'
$solution = Join-Path $root 'PartnerOps.sln'
# Child processes run the same pwsh as this script; as a .NET tool that is 'dotnet <PSHOME>/pwsh.dll'.
$pwsh = @([System.Environment]::ProcessPath)
if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') {
    $pwsh += Join-Path $PSHOME 'pwsh.dll'
}

# Everything the module folder holds, and nothing else. A new dependency must be added here on purpose.
$moduleFiles = @(
    'PartnerOps.dll'
    'PartnerOps.Core.dll'
    'Dapper.dll'
    'Microsoft.Data.Sqlite.dll'
    'CsvHelper.dll'
    # Export-PartnerReport's charts (OxyPlot.Core, netstandard2.0 build, no dependency of its own).
    'OxyPlot.dll'
    'System.Text.Json.dll'
    'System.Text.Encodings.Web.dll'
    'SQLitePCLRaw.batteries_v2.dll'
    'SQLitePCLRaw.core.dll'
    'SQLitePCLRaw.provider.e_sqlite3.dll'
    # netstandard2.0 shims: unused on PowerShell 7 (the runtime has newer ones), needed by Windows PowerShell 5.1.
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Buffers.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Reflection.Emit.ILGeneration.dll'
    'System.Reflection.Emit.Lightweight.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Threading.Tasks.Extensions.dll'
    'linux-x64/e_sqlite3.so'
    'linux-arm64/e_sqlite3.so'
    'osx-x64/e_sqlite3.dylib'
    'osx-arm64/e_sqlite3.dylib'
    'win-x64/e_sqlite3.dll'
    'win-x86/e_sqlite3.dll'
    'win-arm64/e_sqlite3.dll'
)

# The PostgreSQL backend and the libraries only it needs, in the module's dependencies/ folder: loaded on first use into a
# private AssemblyLoadContext (src/PartnerOps.Core/Data/ServerBackend.cs), never at Import-Module. System.* ones are there for
# Windows PowerShell 5.1 only (PowerShell 7 uses the runtime's own). PartnerOps.Core, Dapper and the shims above come from the
# module folder.
$dependencyFiles = @(
    'PartnerOps.PostgreSql.dll'
    'Npgsql.dll'
    'Microsoft.Extensions.Logging.Abstractions.dll'
    'Microsoft.Extensions.DependencyInjection.Abstractions.dll'
    'Microsoft.Bcl.HashCode.dll'
    'System.Collections.Immutable.dll'
    'System.Diagnostics.DiagnosticSource.dll'
    'System.Threading.Channels.dll'
)

# The Test task's passes and counts (tools/TestRun.ps1; the PostgreSQL cluster: tools/PostgreSqlCluster.ps1).
. (Join-Path $root 'tools/TestRun.ps1')

function Invoke-Step {
    param([string] $Name, [scriptblock] $Command)
    Write-Host "==> $Name" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE) {
        throw "Step '$Name' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))
    $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Get-PesterModulePath {
    Invoke-Step 'Restore Pester 5.7.1 from NuGet' {
        dotnet restore (Join-Path $root 'tests/pester/restore/Pester.csproj') --verbosity quiet
    }
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) {
        throw "Pester was restored, but '$path' is missing."
    }
    $path
}

# The cmdlets' help, from docs/cmdlets/*.md and the built cmdlets' metadata; fails when a cmdlet's help is missing or out of date.
function New-ModuleHelp([string] $Manifest) {
    Write-Host '==> Help from docs/cmdlets' -ForegroundColor Cyan
    & (Join-Path $root 'docs/New-MamlHelp.ps1') -DocsPath (Join-Path $root 'docs/cmdlets') -ModuleManifest $Manifest `
        -OutputPath (Join-Path $moduleOut 'en-US/PartnerOps.dll-Help.xml')
}

function Invoke-Build {
    Invoke-Step 'Publish PartnerOps' {
        dotnet publish (Join-Path $root 'src/PartnerOps/PartnerOps.csproj') -c $Configuration -o $publishDir --nologo --verbosity quiet
    }

    if (Test-Path $moduleOut) {
        Remove-Item $moduleOut -Recurse -Force
    }
    $null = New-Item -ItemType Directory $moduleOut

    $published = Get-ChildItem $publishDir -Recurse -File -Include *.dll, *.so, *.dylib |
        ForEach-Object { [IO.Path]::GetRelativePath($publishDir, $_.FullName).Replace('\', '/') }
    $unexpected = $published | Where-Object { $_ -notin $moduleFiles }
    if ($unexpected) {
        throw "The publish output has files the module does not list: $($unexpected -join ', '). Add them to `$moduleFiles in build.ps1 or drop the dependency."
    }
    foreach ($file in $moduleFiles) {
        $source = Join-Path $publishDir $file
        if (-not (Test-Path $source)) {
            throw "The publish output lacks '$file'."
        }
        $target = Join-Path $moduleOut $file
        $null = New-Item -ItemType Directory -Force (Split-Path $target)
        Copy-Item $source $target
    }

    Invoke-Step 'Publish PartnerOps.PostgreSql' {
        dotnet publish (Join-Path $root 'src/PartnerOps.PostgreSql/PartnerOps.PostgreSql.csproj') -c $Configuration -o $publishServerDir --nologo --verbosity quiet
    }
    $dependencies = Join-Path $moduleOut 'dependencies'
    $null = New-Item -ItemType Directory $dependencies
    $publishedServer = Get-ChildItem $publishServerDir -File -Filter *.dll | ForEach-Object Name
    # What the backend's publish output holds beyond the module folder's files must be listed, as for the module folder.
    $unexpected = $publishedServer | Where-Object { $_ -notin $dependencyFiles -and $_ -notin $moduleFiles }
    if ($unexpected) {
        throw "The PostgreSQL backend's publish output has files neither list names: $($unexpected -join ', '). Add them to `$dependencyFiles in build.ps1 or drop the dependency."
    }
    foreach ($file in $dependencyFiles) {
        $source = Join-Path $publishServerDir $file
        if (-not (Test-Path $source)) {
            throw "The PostgreSQL backend's publish output lacks '$file'."
        }
        Copy-Item $source (Join-Path $dependencies $file)
    }

    Copy-Item (Join-Path $root 'module/*') $moduleOut -Recurse
    Copy-Item (Join-Path $root 'LICENSE') (Join-Path $moduleOut 'LICENSE.txt')
    $version = Get-ModuleVersion
    $manifest = Join-Path $moduleOut 'PartnerOps.psd1'
    (Get-Content -Raw $manifest) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'" |
        Set-Content -NoNewline $manifest
    New-ModuleHelp $manifest
    $null = Test-ModuleManifest $manifest
    Write-Host "Module $version laid out at $manifest"
}

function Invoke-Test {
    Invoke-Build
    $pester = Get-PesterModulePath
    if (Test-Path $resultsDir) {
        Remove-Item $resultsDir -Recurse -Force
    }
    $null = New-Item -ItemType Directory $resultsDir
    $files = if ($Only) {
        foreach ($name in $Only -split ',') {
            # A file, else the parts of a file split by subject (ObjectOrigin: ObjectOrigin.Piped.Tests.ps1, ...).
            $file = Join-Path $root "tests/pester/$($name.Trim()).Tests.ps1"
            $parts = @(Get-ChildItem (Join-Path $root 'tests/pester') -Filter "$($name.Trim()).*.Tests.ps1" | ForEach-Object FullName)
            if (Test-Path $file) { $file }
            elseif ($parts) { $parts }
            else { throw "-Only ${name}: there is no $file, nor any $($name.Trim()).*.Tests.ps1." }
        }
    }
    # One throwaway PostgreSQL cluster for the run (xunit's PgFact tests and the Pester pass on PostgreSQL), removed in the end.
    $server = Start-TestServer
    try {
        # xunit runs while the PostgreSQL pass (the longest) has started already.
        $xunitRun = if (-not $Only) { {
            Write-Host "==> xunit$(if ($server.Cluster) { " (PARTNEROPS_TEST_SERVER=$($server.Cluster.Server))" })" -ForegroundColor Cyan
            $env:PARTNEROPS_TEST_SERVER = if ($server.Cluster) { $server.Cluster.Server }
            try {
                dotnet test $solution -c $Configuration --nologo `
                    --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $resultsDir | Out-Host
                $xunitExit = $LASTEXITCODE
            }
            finally { Remove-Item env:PARTNEROPS_TEST_SERVER -ErrorAction SilentlyContinue }
            $trxFile = Join-Path $resultsDir 'xunit.trx'
            if (-not (Test-Path $trxFile)) {
                throw "xunit did not run (exit code $xunitExit): no $trxFile."
            }
            $xunit = Get-TrxCounts $trxFile
            $xunit.ExitCode = $xunitExit
            $xunit
        } }
        else {
            Write-Host "==> Pester: $($files -join ', ')" -ForegroundColor Cyan
        }
        $runs = @(Invoke-PesterPasses -PesterPath $pester -ResultsDir $resultsDir -Server $server -Files $files -First $xunitRun)
    }
    finally {
        Stop-TestServer $server
    }
    Write-TestSummary $runs $resultsDir
    $passed = ($runs | Measure-Object Passed -Sum).Sum
    if (@($runs | Where-Object { $_.Failed -gt 0 -or $_.ExitCode -ne 0 }).Count -gt 0 -or $passed -eq 0) {
        exit 1
    }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-Step 'Demo (child pwsh -NoProfile)' {
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'samples/Demo.ps1') -ModulePath $moduleOut
    }
}

# Runs the blocks of README.md and about_PartnerOps and writes what they print into their output blocks (the tour made
# anew from samples/Demo.ps1 first); `git diff` then shows what changed. The same functions as Readme.Tests.ps1.
function Invoke-Readme {
    Invoke-Build
    . (Join-Path $root 'tools/DocBlocks.ps1')
    $scratch = Join-Path ([IO.Path]::GetTempPath()) "partnerops-readme-$([guid]::NewGuid().ToString('N'))"
    $null = New-Item -ItemType Directory $scratch
    try {
        $readme = Join-Path $root 'README.md'
        $lines = Update-ReadmeTour -Lines ([IO.File]::ReadAllLines($readme)) -DemoPath (Join-Path $root 'samples/Demo.ps1')
        foreach ($doc in @(
                @{ Path = $readme; Lines = $lines; StartIn = $root; Prelude = ''; Epilogue = $ReadmeEpilogue }
                @{ Path = (Join-Path $root 'module/en-US/about_PartnerOps.help.txt'); Lines = $null; StartIn = $scratch
                   Prelude = (Get-AboutPrelude -ModuleManifest (Join-Path $moduleOut 'PartnerOps.psd1') -ScratchFolder $scratch); Epilogue = '' })) {
            Write-Host "==> Running the blocks of $($doc.Path)" -ForegroundColor Cyan
            if (-not $doc.Lines) { $doc.Lines = [IO.File]::ReadAllLines($doc.Path) }
            $blocks = @(if ($doc.Path -like '*.md') { Get-MarkdownBlock 'README.md' $doc.Lines } else { Get-AboutBlock (Split-Path -Leaf $doc.Path) $doc.Lines })
            $docScratch = Join-Path $scratch ([IO.Path]::GetFileNameWithoutExtension($doc.Path))
            $null = New-Item -ItemType Directory $docScratch
            $actual = Invoke-DocBlock -Blocks @($blocks) -StartIn $doc.StartIn -Prelude $doc.Prelude -ScratchFolder $docScratch -Epilogue $doc.Epilogue
            if ($actual.ContainsKey('stderr')) { Write-Warning "The blocks wrote to standard error:`n$($actual['stderr'])" }
            $changed = @(for ($b = 0; $b -lt $blocks.Count; $b++) {
                if (-not $blocks[$b].SkipReason -and (Compare-DocBlock $blocks[$b] $actual[$b] $root)) { $blocks[$b].Line }
            })
            $new = Update-DocOutput -Lines $doc.Lines -Blocks $blocks -Actual $actual -CloneRoot $root
            $text = ($new -join "`n") + "`n"
            $old = [IO.File]::ReadAllText($doc.Path).Replace("`r`n", "`n")
            if ($text -ne $old) {
                [IO.File]::WriteAllText($doc.Path, $text, [Text.UTF8Encoding]::new($false))
                Write-Host "Rewrote $($doc.Path): the output of the blocks at lines $($changed -join ', ') (as the file was before)."
            }
            else { Write-Host "$($doc.Path): every block prints what it shows." }
        }
    }
    finally {
        Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-Package {
    Invoke-Build
    $package = Join-Path $out "PartnerOps.$(Get-ModuleVersion).nupkg"
    Remove-Item $package -ErrorAction SilentlyContinue
    Write-Host '==> Compress-PSResource' -ForegroundColor Cyan
    Compress-PSResource -Path $moduleOut -DestinationPath $out
    if (-not (Test-Path $package)) {
        throw "Compress-PSResource did not write '$package'."
    }
    Write-Host "Package: $package"
}

function Invoke-Bench {
    Invoke-Build
    $tool = Join-Path $out 'bench-tool'
    Invoke-Step 'Build bench/PartnerOps.Bench' {
        dotnet build (Join-Path $root 'bench/PartnerOps.Bench/PartnerOps.Bench.csproj') -c Release -o $tool --nologo --verbosity quiet
    }
    Invoke-Step "Benchmark, $Rows rows (child pwsh -NoProfile)" {
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $root 'bench/Invoke-Benchmark.ps1') `
            -ModulePath $moduleOut -BenchTool (Join-Path $tool 'PartnerOps.Bench.dll') -Rows $Rows -ResultPath (Join-Path $out 'bench/results.json') `
            @(if ($Only) { '-Only', ($Only -join ',') })
    }
}

# Stryker.NET over Core with the xunit tests (tools/stryker-config.json: coverage per test, so a mutant runs only the
# tests that reach it), then the score per folder from its JSON report (tools/MutationScore.ps1, checked by Mutate.Tests.ps1).
function Invoke-Mutate {
    . (Join-Path $root 'tools/MutationScore.ps1')
    $mutationDir = Join-Path $out 'mutation'
    if (Test-Path $mutationDir) {
        Remove-Item $mutationDir -Recurse -Force
    }
    $config = Join-Path $root 'tools/stryker-config.json'
    $globs = @(ConvertTo-MutateGlob -Only $Only -Exclude (Get-MutateExclusion $config))
    $arguments = @('--config-file', $config, '--output', $mutationDir, '--skip-version-check')
    foreach ($glob in $globs) { $arguments += '--mutate', $glob }
    $scope = if ($globs) { " ($($globs -join ' '))" } else { '' }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    # Stryker finds the project to mutate among the test project's references, from the test project's folder.
    Push-Location (Join-Path $root 'tests/PartnerOps.Tests')
    try {
        Invoke-Step "Stryker.NET over src/PartnerOps.Core$scope" { dotnet stryker @arguments }
    }
    finally {
        Pop-Location
    }
    $report = Join-Path $mutationDir 'reports/mutation-report.json'
    if (-not (Test-Path $report)) {
        throw "Stryker wrote no JSON report at '$report'."
    }
    $coreRoot = Join-Path $root 'src/PartnerOps.Core'
    Write-Host "==> Mutation score per folder of src/PartnerOps.Core ($([int]$watch.Elapsed.TotalMinutes) min)" -ForegroundColor Cyan
    Get-MutationScore -ReportPath $report -ProjectRoot $coreRoot |
        Format-Table Folder, @{ Name = 'Score %'; Expression = { if ($null -eq $_.Score) { 'n/a' } else { '{0:N2}' -f $_.Score } }; Align = 'Right' },
            Killed, Timeout, Survived, NoCoverage, NotCounted -AutoSize | Out-Host
    Write-Host '==> Most surviving mutants (file, mutator)' -ForegroundColor Cyan
    Get-SurvivingMutant -ReportPath $report -ProjectRoot $coreRoot | Select-Object -First 15 | Format-Table -AutoSize | Out-Host
    Write-Host "Reports: $(Join-Path $mutationDir 'reports/mutation-report.html') and $report"
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Readme' { Invoke-Readme }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
    'Mutate' { Invoke-Mutate }
    'Clean' {
        foreach ($folder in @($out) + (Get-ChildItem $root -Directory -Recurse -Include bin, obj | Where-Object FullName -NotLike "$out*").FullName) {
            if (Test-Path $folder) { Remove-Item $folder -Recurse -Force }
        }
    }
}
