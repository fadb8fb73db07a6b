using System;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// A test that needs a PostgreSQL server: skipped, with the reason, when PARTNEROPS_TEST_SERVER
    /// (<c>postgresql://user@host:port/dbname</c>) is not set; build.ps1 -Task Test starts a throwaway server and sets it.
    /// </summary>
    public sealed class PgFactAttribute : FactAttribute
    {
        /// <summary>The variable naming the test server's database.</summary>
        public const string ServerVariable = "PARTNEROPS_TEST_SERVER";

        public PgFactAttribute()
        {
            if (string.IsNullOrEmpty(Server))
            {
                Skip = $"No PostgreSQL server to test against: set {ServerVariable} to postgresql://user@host:port/dbname (build.ps1 -Task Test starts one).";
            }
        }

        /// <summary>The test server's database location, or null.</summary>
        public static string? Server => Environment.GetEnvironmentVariable(ServerVariable);
    }
}
