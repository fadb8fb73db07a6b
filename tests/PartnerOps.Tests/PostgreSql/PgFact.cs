using System;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// A fact that needs a PostgreSQL server: <c>PARTNEROPS_TEST_SERVER</c> (postgresql://user@host:port/dbname, a database
    /// the tests may add schemas to). Without it the test is reported as skipped, with this reason, never passed.
    /// </summary>
    public sealed class PgFactAttribute : FactAttribute
    {
        public PgFactAttribute()
        {
            Skip = PgServer.SkipReason;
        }
    }

    /// <summary>A theory that needs a PostgreSQL server (see <see cref="PgFactAttribute"/>).</summary>
    public sealed class PgTheoryAttribute : TheoryAttribute
    {
        public PgTheoryAttribute()
        {
            Skip = PgServer.SkipReason;
        }
    }

    /// <summary>The test server named by <c>PARTNEROPS_TEST_SERVER</c>.</summary>
    public static class PgServer
    {
        /// <summary>The environment variable naming the server's test database.</summary>
        public const string Variable = "PARTNEROPS_TEST_SERVER";

        /// <summary>The location of the test database, or null.</summary>
        public static string? Location => Environment.GetEnvironmentVariable(Variable) is string value && value.Length > 0 ? value : null;

        /// <summary>Why PostgreSQL tests are skipped, or null when a server is named.</summary>
        public static string? SkipReason => Location == null
            ? $"No PostgreSQL server: set {Variable} to postgresql://user@host:port/dbname (build.ps1 -Task Test starts a throwaway one)."
            : null;
    }
}
