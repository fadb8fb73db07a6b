# Issue 6: bad input, everywhere. Every input cmdlet gets the same kinds of bad values; each gives its documented
# error id with the offending value in the message (a long value shortened: its first 40 characters, "…" and its
# length; a control character as a `u{..} escape), and the database keeps only the good items.

# The setup every BadInput.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

$script:Long = 'L' * 10000

# A database with one of everything, for the bad values to bounce off.
function New-SeededDatabase {
    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-Partner -Database $db -Name 'Acme' -Region 'West' -Country DE -JoinedOn 2014-01-01
    Add-Partner -Database $db -Name 'Other' -Region 'East' -Country GB -JoinedOn 2014-01-01
    Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount 100 -Reference 'R-1'
    Set-PartnerExchangeRate -Database $db -From GBP -To USD -Year 2015 -Rate 1.55
    Set-PartnerTarget -Database $db -Metric PartnerCount -Year 2015 -Value 10
    $db
}

# Runs a command and returns every error it gave, terminating or not.
function Get-CommandErrors {
    param([scriptblock] $Command)
    $ErrorActionPreference = 'Continue' # the test runner's 'Stop' would end the pipeline at the first bad item
    $errors = @()
    try {
        $errors = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
    catch {
        $errors += $_
    }
    , $errors
}

# Writes bytes (or UTF-8 text, no BOM) to a file in a fresh test folder and returns its path.
function New-InputFile {
    param([string] $Name, [string] $Text, [byte[]] $Bytes)
    $path = Join-Path (New-TestFolder) $Name
    if ($PSBoundParameters.ContainsKey('Text')) { $Bytes = [Text.UTF8Encoding]::new($false).GetBytes($Text) }
    [IO.File]::WriteAllBytes($path, $Bytes)
    $path
}
