# Dot-sourced by every test file: imports the built module and gives each test a fresh database path.
$script:ModuleManifest = $env:PARTNEROPS_TEST_MODULE
if (-not $script:ModuleManifest) {
    $script:ModuleManifest = Join-Path $PSScriptRoot '../../out/PartnerOps/PartnerOps.psd1'
}
Import-Module $script:ModuleManifest -Force

function New-TestDatabasePath {
    param([string] $Name = 'test.db')
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("partnerops-pester-" + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory $folder
    Join-Path $folder $Name
}

# Runs a script in a fresh pwsh -NoProfile (the same pwsh as this one) and returns its output lines.
function Invoke-ChildPwsh {
    param([Parameter(Mandatory)] [string] $Command)
    $exe = [System.Environment]::ProcessPath
    $dll = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $dll = @(Join-Path $PSHOME 'pwsh.dll') }
    & $exe @dll -NoProfile -NonInteractive -Command $Command 2>&1
}
