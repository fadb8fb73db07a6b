using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    internal static class CmdletExtensions
    {
        /// <summary>
        /// A path as PowerShell users mean it: relative to the current location ($PWD, not the process's folder),
        /// ~ expanded. Paths of other providers (Env:, HKLM:, Variable:) and file: URIs are refused (DatabaseInvalid). A PostgreSQL
        /// server's location (<see cref="PartnerDatabases.IsServer"/>) is returned as given.
        /// </summary>
        public static string ResolveDatabaseFile(this PSCmdlet cmdlet, string path)
        {
            if (PartnerDatabases.IsServer(path))
            {
                return path.Trim(); // a PostgreSQL server: its location is not a path of any provider
            }

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

        /// <summary>
        /// A location as messages, -Verbose and error records may show it: a server's without its password (a server location
        /// that does not parse is shown as a placeholder, since it may hold one), a file's path as it is.
        /// </summary>
        public static string ShownLocation(string location)
        {
            if (!PartnerDatabases.IsServer(location))
            {
                return location;
            }

            try
            {
                return PartnerDatabases.Describe(location);
            }
            catch (PartnerOpsException ex)
            {
                return ex.Target as string ?? "(the PostgreSQL location given)";
            }
        }

        private static Exception Refuse(PSCmdlet cmdlet, string path, string problem)
        {
            var failure = new PartnerOpsException(ErrorIds.DatabaseInvalid, FailureKind.InvalidArgument, $"'{path}' is {problem}. A PartnerOps database is a file, or a PostgreSQL server given as postgresql://user@host:port/dbname.", path);
            cmdlet.ThrowTerminatingError(FailureReporter.ToErrorRecord(failure, path));
            return failure; // not reached: ThrowTerminatingError throws
        }

        /// <summary>
        /// ShouldProcess as a Medium-impact cmdlet asks it, for the harmless branch of a cmdlet declared ConfirmImpact High
        /// (New-PartnerDatabase of a new file, Backup-PartnerDatabase to a new file): -WhatIf, $WhatIfPreference, -Confirm and
        /// a $ConfirmPreference of Medium or Low are honoured as usual; otherwise it goes on without asking (as ShouldProcess
        /// of a Medium-impact cmdlet does), saying what it does under -Verbose. The destructive branch of the same cmdlet calls
        /// ShouldProcess itself, at the cmdlet's High impact, so that -Confirm:$false and $ConfirmPreference decide; no
        /// ShouldContinue is asked, so -Force never meets a second question (PowerShell's guideline for -Force).
        /// </summary>
        public static bool ShouldProcessAtMedium(this PSCmdlet cmdlet, string target, string action)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            var whatIf = bound.TryGetValue("WhatIf", out var w)
                ? w is SwitchParameter ws && ws.IsPresent
                : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));
            var confirm = bound.TryGetValue("Confirm", out var c) && c is SwitchParameter cs && cs.IsPresent;
            var preference = cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact p ? p : ConfirmImpact.High;
            if (whatIf || confirm || (preference != ConfirmImpact.None && preference <= ConfirmImpact.Medium))
            {
                return cmdlet.ShouldProcess(target, action);
            }

            cmdlet.WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\".");
            return true;
        }
    }
}
