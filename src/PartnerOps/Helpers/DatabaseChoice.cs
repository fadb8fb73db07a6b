using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Which database a command works on, by the documented order: -Database when the user gave it, else the database a
    /// piped object came from, else Connect-PartnerDatabase's, then $env:PARTNEROPS_DATABASE, then the per-user default.
    /// </summary>
    internal sealed class DatabaseChoice
    {
        private readonly PartnerOpsCmdlet _cmdlet;
        private readonly Dictionary<string, string> _paths = new Dictionary<string, string>(StringComparer.Ordinal);
        private bool? _databaseGiven;

        public DatabaseChoice(PartnerOpsCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>The full path of the database this command uses, by the documented order.</summary>
        public string ResolveDatabasePath(bool ignoreSessionDefault = false)
        {
            var session = ignoreSessionDefault ? null : SessionDefaults.Database;
            var path = DatabaseLocator.Resolve(_cmdlet.Database, session, Environment.GetEnvironmentVariable);

            // A refusal names where the value came from, in the documented order.
            var subject = !string.IsNullOrWhiteSpace(_cmdlet.Database) ? (_cmdlet is ConnectPartnerDatabaseCommand && !_cmdlet.MyInvocation.BoundParameters.ContainsKey(nameof(PartnerOpsCmdlet.Database)) ? "-Path " : "-Database ")
                : !string.IsNullOrWhiteSpace(session) ? "The session's database (Connect-PartnerDatabase) "
                : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(DatabaseLocator.EnvironmentVariable)) ? $"$env:{DatabaseLocator.EnvironmentVariable} "
                : "The per-user default database ";
            return _cmdlet.ResolveDatabaseFile(path, subject);
        }

        /// <summary>
        /// Whether the user gave -Database (typed or splatted). A -Database that $PSDefaultParameterValues supplied is a
        /// default like the session's: it does not outrank the database a piped object came from.
        /// </summary>
        public bool DatabaseGiven
        {
            get
            {
                if (_databaseGiven == null)
                {
                    var bound = _cmdlet.MyInvocation.BoundParameters.TryGetValue(nameof(PartnerOpsCmdlet.Database), out var value) ? value as string : null;
                    _databaseGiven = bound != null
                        && !(PowerShellInternals.SuppliedByDefault(_cmdlet, nameof(PartnerOpsCmdlet.Database))
                            ?? (DefaultParameterValues.Lookup(_cmdlet.SessionState.PSVariable, _cmdlet.MyInvocation.MyCommand.Name, nameof(PartnerOpsCmdlet.Database)) is string fallback
                                && string.Equals(fallback, bound, StringComparison.Ordinal)));
                }

                return _databaseGiven.Value;
            }
        }

        /// <summary>
        /// The full path of the database for work on an object that came from <paramref name="origin"/> (its Database
        /// property; null for typed values and plain data): -Database when the user gave it, else the object's own
        /// database, else this command's (the documented order).
        /// </summary>
        public string DatabasePathFor(string? origin)
        {
            // Resolved once per command and origin: resolving a path through PowerShell's provider costs more than writing a row.
            var key = origin != null && !DatabaseGiven ? origin : string.Empty;
            if (!_paths.TryGetValue(key, out var path))
            {
                _paths[key] = path = key.Length == 0 ? ResolveDatabasePath() : _cmdlet.ResolveDatabaseFile(key, "The piped object's database ");
            }

            return path;
        }

        /// <summary>
        /// Whether work on an object from <paramref name="origin"/> happens in the object's own database (not one that
        /// -Database or the defaults chose). Such a database is never created (the object came from it, so a missing file
        /// was moved or removed since), and one that cannot be opened fails that object alone: the next object, perhaps
        /// of another database, is still worked on.
        /// </summary>
        public bool InOwnDatabase(string? origin) => origin != null && !DatabaseGiven;

    }
}
