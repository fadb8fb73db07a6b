using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The funnel's counts in SQL on PostgreSQL (<see cref="IFunnelCounts"/>): the statements of <see cref="FunnelSql"/>, days
    /// between dates as the difference of two dates, regions grouped by spelling and shown one way per key afterwards.
    /// </summary>
    internal sealed class PgFunnelCounts : IFunnelCounts
    {
        private readonly PgDatabase _db;
        private Dictionary<string, string>? _spellings;

        public PgFunnelCounts(PgDatabase db)
        {
            _db = db;
        }

        /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> (both 'yyyy-MM-dd' text).</summary>
        internal static string Days(string later, string earlier) => $"(CAST({later} AS date) - CAST({earlier} AS date))";

        /// <inheritdoc/>
        public FunnelFigures Count(IList<FunnelGroupKey> keys, PartnerFilter filter, DateTime start, DateTime end)
        {
            var (where, parameters) = PgPartnerSql.BuildWhere(_db, filter);
            FunnelSql.Parameters(parameters, start, end);
            var spellings = keys.Contains(FunnelGroupKey.Region)
                ? (_spellings ??= GroupKeyValues.RegionSpellings(
                    _db.Query<string>("SELECT region FROM partners WHERE region IS NOT NULL GROUP BY region ORDER BY region")))
                : null;
            var figures = new FunnelFigures();

            // No JIT compilation: the planner's estimates of the per-partner lookups make it compile the statements, which
            // cost about as long as running them (1.1 s of 2.5 s over 200,000 partners); set back afterwards.
            _db.Scalar<string>("SELECT set_config('jit', 'off', false)");
            try
            {
                foreach (var (part, sql) in FunnelSql.Statements(keys, where, Days))
                {
                    _db.Run(sql, parameters, () =>
                    {
                        using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
                        {
                            FunnelSql.Read(part, reader, keys, spellings, figures);
                        }

                        return 0;
                    });
                }
            }
            finally
            {
                _db.Execute("RESET jit");
            }

            return figures;
        }
    }
}
