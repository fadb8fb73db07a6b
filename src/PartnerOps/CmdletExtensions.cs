using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    internal static class CmdletExtensions
    {
        /// <summary>
        /// A database's location as PowerShell users mean it: a PostgreSQL server's location (<see cref="PartnerDatabases.IsServer"/>)
        /// as given, else a file's path resolved by <see cref="FilePaths.Resolve"/> (relative to $PWD, ~ expanded); a URI or a
        /// path of another provider (Env:, HKLM:, Variable:) is refused with DatabaseInvalid (InvalidArgument).
        /// </summary>
        /// <param name="subject">Where the value came from, beginning a refusal's message ("-Destination ").</param>
        public static string ResolveDatabaseFile(this PSCmdlet cmdlet, string path, string subject = "The database ")
        {
            if (PartnerDatabases.IsServer(path))
            {
                return path.Trim(); // a PostgreSQL server: its location is not a path of any provider
            }

            return FilePaths.Resolve(cmdlet, path, subject, ErrorIds.DatabaseInvalid, DatabaseForms);
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

        // The end of a refusal of a database location: the forms a location takes.
        private const string DatabaseForms = " A PartnerOps database is a file, or a PostgreSQL server given as postgresql://user@host:port/dbname.";

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
