using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    internal static class CmdletExtensions
    {
        /// <summary>
        /// A path as PowerShell users mean it: relative to the current location ($PWD, not the process's folder),
        /// ~ expanded. Paths of other providers (Env:, HKLM:, Variable:) and file: URIs are refused (DatabaseInvalid).
        /// </summary>
        public static string ResolveDatabaseFile(this PSCmdlet cmdlet, string path)
        {
            if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                throw Refuse(cmdlet, path, "a URI; give the file's path instead");
            }

            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception ex) when (ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException)
            {
                throw Refuse(cmdlet, path, "not a usable path: " + ex.Message);
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                throw Refuse(cmdlet, path, $"a path of the {provider.Name} provider, not of the file system");
            }

            return resolved;
        }

        private static Exception Refuse(PSCmdlet cmdlet, string path, string problem)
        {
            var failure = new PartnerOpsException(ErrorIds.DatabaseInvalid, FailureKind.InvalidArgument, $"'{path}' is {problem}. A PartnerOps database is a file.", path);
            cmdlet.ThrowTerminatingError(PartnerOpsCmdlet.ToErrorRecord(failure, path));
            return failure; // not reached: ThrowTerminatingError throws
        }

        /// <summary>
        /// ShouldProcess with ConfirmImpact High behaviour whatever the cmdlet's own impact (for -Force paths):
        /// it prompts by default, but never when -Confirm:$false is given or $ConfirmPreference is 'None'.
        /// </summary>
        public static bool ShouldProcessDestructive(this PSCmdlet cmdlet, string target, string action)
        {
            if (!cmdlet.ShouldProcess(target, action))
            {
                return false;
            }

            var bound = cmdlet.MyInvocation.BoundParameters;
            if (bound.ContainsKey("Confirm") || bound.ContainsKey("WhatIf"))
            {
                return true; // ShouldProcess has already honoured the explicit choice.
            }

            var preference = cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact impact ? impact : ConfirmImpact.High;
            return preference == ConfirmImpact.None || cmdlet.ShouldContinue($"{action} '{target}'? This cannot be undone.", "Confirm");
        }
    }
}
