using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Turns a <see cref="RevenueFilter"/> into PostgreSQL over revenue rows (alias r) or over the revenue_totals cells
    /// (alias t), selecting what RevenueWhere selects on SQLite (the shared <see cref="RevenueFilterSql"/>, with arrays and
    /// anchored regular expressions: <see cref="PgFilterDialect"/>).
    /// </summary>
    internal static class PgRevenueWhere
    {
        /// <summary>The WHERE clause (with its parameters) of a filter; empty for no restriction.</summary>
        public static (string Where, DynamicParameters Parameters) Build(RevenueFilter filter, bool totals) =>
            RevenueFilterSql.Build(new PgFilterDialect(null), filter, totals);
    }
}
