using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Turns a <see cref="RevenueFilter"/> into SQL over revenue rows (alias r) or over the revenue_totals
    /// cells (alias t). Every list is one parameter (see <see cref="SqlList"/>), so a pipeline of any size fits.
    /// </summary>
    internal static class RevenueWhere
    {
        /// <summary>Whether the totals cells (one per partner, year, region, segment, currency) can answer this filter.</summary>
        public static bool TotalsCanAnswer(RevenueFilter filter) =>
            filter.Quarters.Count == 0
            && (filter.From is not DateTime from || (from.Month == 1 && from.Day == 1))
            && (filter.To is not DateTime to || (to.Month == 12 && to.Day == 31));

        /// <param name="records">The table the rows (alias r) come from: revenue, or the records a measure was given.</param>
        public static (string Where, DynamicParameters Parameters) Build(RevenueFilter filter, bool totals, string records = "revenue") =>
            RevenueFilterSql.Build(SqliteFilterDialect.Instance, filter, totals, records);
    }
}
