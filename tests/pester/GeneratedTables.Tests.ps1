# The Unicode tables of the name key (src/PartnerOps.Core/Model/NameKeyTables.g.cs) are generated: the committed file is
# exactly what tools/Generate-NameKeyTables.ps1 writes from the Unicode Character Database, and stays a short source file.
BeforeAll {
    $script:Root = Join-Path $PSScriptRoot '../..'
    $script:Committed = Join-Path $script:Root 'src/PartnerOps.Core/Model/NameKeyTables.g.cs'
    $script:Ucd = '/usr/share/unicode'
}

Describe 'NameKeyTables.g.cs' {
    It 'is what the generator writes from the Unicode Character Database' {
        if (-not (Test-Path (Join-Path $script:Ucd 'CaseFolding.txt'))) {
            Set-ItResult -Skipped -Because "the Unicode Character Database is not at $($script:Ucd) (apt-get install unicode-data)"
            return
        }

        $out = Join-Path $TestDrive 'NameKeyTables.g.cs'
        & (Join-Path $script:Root 'tools/Generate-NameKeyTables.ps1') -UcdPath $script:Ucd -OutFile $out 6>$null
        [IO.File]::ReadAllText($out) | Should -BeExactly ([IO.File]::ReadAllText($script:Committed))
    }

    It 'is a source file of at most 400 lines (several entries a line)' {
        @(Get-Content -LiteralPath $script:Committed).Count | Should -BeLessOrEqual 400
    }
}
