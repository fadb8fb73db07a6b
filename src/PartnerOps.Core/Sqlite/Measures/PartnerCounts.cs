using System;
using System.Collections.Generic;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Partner counts per group in SQL (<see cref="IPartnerCounts"/>): one GROUP BY over the partners of a date (the rule of
    /// Get-Partner -AsOf, <see cref="PartnerSql.BuildWhere"/>), each with its Tier and Status of that day, regions grouped by
    /// spelling and joined by key afterwards.
    /// </summary>
    internal sealed class PartnerCounts : IPartnerCounts
    {
        private readonly SqliteDatabase _store;
        private Dictionary<string, string>? _spellings;

        public PartnerCounts(SqliteDatabase store)
        {
            _store = store;
        }

        /// <summary>
        /// The statement that counts the partners of each group as of <paramref name="asOf"/>: regions by their spelling (joined
        /// by key in <see cref="Count"/>), so that no key is computed per partner (its text is tested).
        /// </summary>
        internal static (string Sql, DynamicParameters Parameters) CountStatement(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf)
        {
            var dated = filter.AsOfDay(asOf);
            var (where, parameters) = PartnerSql.BuildWhere(dated);
            // The Tier and Status of that day (the day's partners are grouped as they stood).
            return (MeasureSql.PartnerCounts(keys, where, "asOf").Sql, parameters);
        }

        /// <summary>
        /// The spelling shown for each region key (RevenueRules.Key): the smallest of the database's spellings (SQLite's binary
        /// order, as min() in Measure-PartnerRevenue), whatever the date or filter, so both dates show a region alike.
        /// </summary>
        private Dictionary<string, string> RegionSpellings()
        {
            try
            {
                return GroupKeyValues.RegionSpellings(_store.Connection.Query<string>(
                    "SELECT region FROM partners WHERE region IS NOT NULL GROUP BY region ORDER BY region", transaction: _store.Transaction));
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }
        }

        /// <inheritdoc/>
        public IEnumerable<(object?[] Keys, long Count)> Count(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf)
        {
            var (sql, parameters) = CountStatement(keys, filter, asOf);
            var spellings = keys.Contains(PartnerGroupKey.Region) ? (_spellings ??= RegionSpellings()) : null;
            try
            {
                using (var reader = _store.Connection.ExecuteReader(sql, parameters, _store.Transaction))
                {
                    return MeasureSql.ReadPartnerCounts(reader, keys, spellings);
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }
        }
    }
}
