# Issue 13, part 3 (small faults) and the import error flood of part 4: each Describe is one kind of fault, tested on
# several instances. Expected values are worked out by hand in the comments, never taken from the module's own output.

# The setup every SmallFaults.*.Tests.ps1 shares: each dot-sources this file in its BeforeAll.
. (Join-Path $PSScriptRoot 'TestHelpers.ps1')

# Runs a script in a child pwsh -NonInteractive whose standard input is closed (as in a scheduled runbook), with the
# module imported; returns its exit code and everything it printed (stdout and stderr).
function Invoke-ClosedStdinPwsh {
    param([Parameter(Mandatory)] [string] $Command)
    $pwsh = Get-PwshCommandLine
    $info = [Diagnostics.ProcessStartInfo]::new($pwsh.Exe)
    foreach ($a in $pwsh.Prefix + @('-NoProfile', '-NonInteractive', '-Command', "Import-Module '$script:ModuleManifest'; $Command")) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($info)
    $process.StandardInput.Close()   # closed stdin: nothing can answer a prompt
    $err = $process.StandardError.ReadToEndAsync()
    $out = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $out + $err.Result }
}

# How many history entries a database holds.
function Get-HistoryCount([string] $Database) { @(Get-PartnerHistory -Database $Database).Count }

