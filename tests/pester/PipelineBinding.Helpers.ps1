# Issue 12, kind 3: values PowerShell cannot hand over as one value. A piped property or an argument that holds a
# list, a hashtable, an object or a script block is never dropped (the parameter left at its default), flattened
# (joined with spaces, or 'System.Collections.Hashtable', '@{code=NE}') or taken as its source text: a one-element
# list is its element, anything else is refused naming the parameter and the value, for that item alone. Script
# blocks on parameters that take pipeline input by property name run once per piped object (delay-bind).

# The setup every PipelineBinding.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

# Partners Acme (1, West, DE) and Other (2, East, GB); one revenue record of Acme; reporting currency USD.
function New-SeededDatabase {
    $db = New-TestDatabasePath
    $null = New-PartnerDatabase -Path $db -Currency USD
    Add-Partner -Database $db -Name 'Acme' -Region 'West' -Country DE -JoinedOn 2014-01-01
    Add-Partner -Database $db -Name 'Other' -Region 'East' -Country GB -JoinedOn 2014-01-01
    Add-PartnerRevenue -Database $db -Partner 'Acme' -Date 2015-01-01 -Amount 100 -Reference 'R-1'
    $db
}

# Runs a command and returns every error it gave, terminating or not.
function Get-CommandErrors {
    param([scriptblock] $Command)
    $ErrorActionPreference = 'Continue' # the runner's 'Stop' would end the pipeline at the first bad item
    $errors = @()
    try {
        $errors = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
    catch {
        $errors += $_
    }
    , $errors
}

function Get-TestCulture { [System.Globalization.CultureInfo]::CurrentCulture }
