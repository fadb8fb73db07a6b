using System;
using System.Data.Common;

namespace PartnerOps.Data
{
    /// <summary>
    /// What kind of place a database location names (cmdlets.md, wave 2, "Database locations"): a PostgreSQL server, given as
    /// a URI (<c>postgresql://user@host:port/dbname</c>, also <c>postgres://</c>) or as an Npgsql connection string with a
    /// <c>Host</c> (or <c>Server</c>) keyword; anything else is a file path.
    /// </summary>
    public static class DatabaseLocation
    {
        /// <summary>Whether <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
        public static bool IsServer(string? location)
        {
            if (string.IsNullOrWhiteSpace(location))
            {
                return false;
            }

            var text = location!.Trim();
            if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (text.IndexOf('=') < 0)
            {
                return false;
            }

            try
            {
                var builder = new DbConnectionStringBuilder { ConnectionString = text };
                return builder.ContainsKey("Host") || builder.ContainsKey("Server");
            }
            catch (ArgumentException)
            {
                return false; // not keyword=value pairs: a file name with '=' in it
            }
        }
    }
}
