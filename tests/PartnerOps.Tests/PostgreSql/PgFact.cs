using System;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// A fact that needs a PostgreSQL server: <c>PARTNEROPS_TEST_SERVER</c> names a database on it
    /// (<c>postgresql://postgres@127.0.0.1:port/dbname</c>; build.ps1 -Task Test starts a throwaway server and sets it). Without
    /// it the test is reported as skipped with that reason, never as passed.
    /// </summary>
    public sealed class PgFactAttribute : FactAttribute
    {
        /// <summary>The environment variable naming the test server's database.</summary>
        public const string Variable = "PARTNEROPS_TEST_SERVER";

        public PgFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = $"No PostgreSQL server: {Variable} is not set (build.ps1 -Task Test sets it when PostgreSQL is installed).";
            }
        }

        /// <summary>The test server's database location, without a schema.</summary>
        public static string Server => Environment.GetEnvironmentVariable(Variable)!;

        /// <summary>A location with a schema of its own (t_ and a new GUID), for one test.</summary>
        public static string NewSchemaLocation() => Server + (Server.Contains("?") ? "&" : "?") + "schema=t_" + Guid.NewGuid().ToString("N");
    }
}
