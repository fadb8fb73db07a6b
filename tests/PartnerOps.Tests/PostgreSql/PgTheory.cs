using System;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>A theory that needs a PostgreSQL server, skipped with the reason without one, as <see cref="PgFactAttribute"/>.</summary>
    public sealed class PgTheoryAttribute : TheoryAttribute
    {
        public PgTheoryAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PgFactAttribute.Variable)))
            {
                Skip = new PgFactAttribute().Skip;
            }
        }
    }
}
