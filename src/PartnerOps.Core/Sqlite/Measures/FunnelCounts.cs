using System;
using System.Collections.Generic;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The funnel's counts in SQL on SQLite (<see cref="IFunnelCounts"/>): the statements of <see cref="FunnelSql"/>, days
    /// between dates by julianday(), regions grouped by spelling and shown one way per key afterwards (as PartnerCounts).
    /// </summary>
    internal sealed class FunnelCounts : IFunnelCounts
    {
        private readonly SqliteDatabase _store;
        private Dictionary<string, string>? _spellings;

        public FunnelCounts(SqliteDatabase store)
        {
            _store = store;
        }

        /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> (both 'yyyy-MM-dd' text).</summary>
        internal static string Days(string later, string earlier) => $"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)";

        /// <inheritdoc/>
        public FunnelFigures Count(IList<FunnelGroupKey> keys, PartnerFilter filter, DateTime start, DateTime end)
        {
            var (where, parameters) = PartnerSql.BuildWhere(filter);
            FunnelSql.Parameters(parameters, start, end);
            var figures = new FunnelFigures();
            try
            {
                var spellings = keys.Contains(FunnelGroupKey.Region)
                    ? (_spellings ??= GroupKeyValues.RegionSpellings(_store.Connection.Query<string>(
                        "SELECT region FROM partners WHERE region IS NOT NULL GROUP BY region ORDER BY region", transaction: _store.Transaction)))
                    : null;
                foreach (var (part, sql) in FunnelSql.Statements(keys, where, Days))
                {
                    using (var reader = _store.Connection.ExecuteReader(sql, parameters, _store.Transaction))
                    {
                        FunnelSql.Read(part, reader, keys, spellings, figures);
                    }
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }

            return figures;
        }
    }
}
