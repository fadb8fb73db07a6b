using System;
using System.Collections.Generic;
using System.Text;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Partner counts per group in SQL on PostgreSQL (<see cref="IPartnerCounts"/>): one GROUP BY over the partners of a date
    /// (the rule of Get-Partner -AsOf), regions grouped by spelling and shown one way per key afterwards, as
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
                select.Append(" GROUP BY ").Append(string.Join(", ", groupBy)).Append(" ORDER BY ").Append(string.Join(" NULLS FIRST, ", groupBy)).Append(" NULLS FIRST");
            }

            var regionIndex = keys.IndexOf(PartnerGroupKey.Region);
            var spellings = regionIndex >= 0
                ? (_spellings ??= GroupKeyValues.RegionSpellings(
                    _db.Query<string>("SELECT region FROM partners WHERE region IS NOT NULL GROUP BY region ORDER BY region")))
                : null;
            var sql = select.ToString();
            return _db.Run(sql, () =>
            {
                var groups = new List<(object?[] Keys, long Count)>();
                using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
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

                return groups;
            });
        }

        /// <summary>The SQL that groups by a key, and the SQL that shows it.</summary>
        private static (string Group, string Display) Sql(PartnerGroupKey key) => key switch
        {
            PartnerGroupKey.Region => ("b.region", "b.region"),
            PartnerGroupKey.Country => ("b.country", "b.country"),
            PartnerGroupKey.Type => ("b.type", "b.type"),
            PartnerGroupKey.Tier => ("b.tier", "b.tier"),
            PartnerGroupKey.Status => ("b.status", "b.status"),
            PartnerGroupKey.Year => ("substr(b.joined_on, 1, 4)", "substr(b.joined_on, 1, 4)::integer"),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
        };
    }
}
