using System;
using System.Collections.Generic;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Partner counts per group in SQL (<see cref="IPartnerCounts"/>): one GROUP BY over the partners of a date (the rule of
    /// Get-Partner -AsOf, <see cref="PartnerSql.BuildWhere"/>), regions grouped by spelling and joined by key afterwards.
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
            var select = new StringBuilder("SELECT ");
            var groupBy = new List<string>();
            for (var i = 0; i < keys.Count; i++)
            {
                var (group, display) = Sql(keys[i]);
                select.Append(display).Append(" AS k").Append(i).Append(", ");
                groupBy.Add(group);
            }

            select.Append("count(*) FROM (SELECT region, country, type, tier, status, joined_on FROM partners").Append(where).Append(") b");
            if (groupBy.Count > 0)
            {
                select.Append(" GROUP BY ").Append(string.Join(", ", groupBy));
            }

            return (select.ToString(), parameters);
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
            var regionIndex = keys.IndexOf(PartnerGroupKey.Region);
            var spellings = regionIndex >= 0 ? (_spellings ??= RegionSpellings()) : null;
            var groups = new List<(object?[] Keys, long Count)>();
            try
            {
                using (var reader = _store.Connection.ExecuteReader(sql, parameters, _store.Transaction))
                {
                    while (reader.Read())
                    {
                        var values = new object?[keys.Count];
                        for (var i = 0; i < keys.Count; i++)
                        {
                            values[i] = GroupKeyValues.Partner(keys[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
                        }

                        if (spellings != null)
                        {
                            values[regionIndex] = GroupKeyValues.ShownRegion(spellings, values[regionIndex]);
                        }

                        groups.Add((values, reader.GetInt64(keys.Count)));
                    }
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }

            return groups;
        }

        /// <summary>The SQL that groups by a key, and the SQL that shows it.</summary>
        private static (string Group, string Display) Sql(PartnerGroupKey key) => key switch
        {
            // By spelling in SQL (no per-row key computed); the few spellings are joined by their key afterwards (see Count).
            PartnerGroupKey.Region => ("b.region", "b.region"),
            PartnerGroupKey.Country => ("b.country", "b.country"),
            PartnerGroupKey.Type => ("b.type", "b.type"),
            PartnerGroupKey.Tier => ("b.tier", "b.tier"),
            PartnerGroupKey.Status => ("b.status", "b.status"),
            PartnerGroupKey.Year => ("substr(b.joined_on, 1, 4)", "CAST(substr(b.joined_on, 1, 4) AS INTEGER)"),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
        };
    }
}
