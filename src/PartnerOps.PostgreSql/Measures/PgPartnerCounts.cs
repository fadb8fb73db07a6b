using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Partner counts per group in SQL on PostgreSQL (<see cref="IPartnerCounts"/>): one GROUP BY over the partners of a date
    /// (the rule of Get-Partner -AsOf), each with its Tier and Status of that day, regions grouped by spelling and shown one way per key afterwards, as
    /// Sqlite/Measures/PartnerCounts does.
    /// </summary>
    internal sealed class PgPartnerCounts : IPartnerCounts
    {
        private readonly PgDatabase _db;
        private Dictionary<string, string>? _spellings;

        public PgPartnerCounts(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public IEnumerable<(object?[] Keys, long Count)> Count(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf)
        {
            var (where, parameters) = PgPartnerSql.BuildWhere(_db, filter.AsOfDay(asOf));
            var (count, groups) = MeasureSql.PartnerCounts(keys, where, "asOf"); // Tier and Status of that day

            // In the order of the groups, as SQLite's GROUP BY gives them (NULLs first).
            var sql = groups.Count == 0 ? count : count + " ORDER BY " + string.Join(" NULLS FIRST, ", groups) + " NULLS FIRST";
            var spellings = keys.Contains(PartnerGroupKey.Region)
                ? (_spellings ??= GroupKeyValues.RegionSpellings(
                    _db.Query<string>("SELECT region FROM partners WHERE region IS NOT NULL GROUP BY region ORDER BY region")))
                : null;
            return _db.Run(sql, parameters, () =>
            {
                using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
                {
                    return MeasureSql.ReadPartnerCounts(reader, keys, spellings);
                }
            });
        }
    }
}
