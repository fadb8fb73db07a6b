using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Text;

namespace PartnerOps.Data
{
    /// <summary>
    /// The GROUP BY of the measures, in standard SQL that SQLite and PostgreSQL run alike, and the reading of its rows. The
    /// revenue keys are over the rows <c>b</c> (partner_key, year, month, region_key, segment_key, currency, attribution), the partners
    /// <c>p</c> joined by id and the shown spellings <c>region_shown</c>/<c>segment_shown</c>; the partner keys over the
    /// partners <c>b</c>. Each backend writes the rest of its statement (sources, sums, ordering) itself.
    /// </summary>
    public static class MeasureSql
    {
        /// <summary>The SQL that groups by a revenue key, and the SQL that shows it.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A key that is not a defined <see cref="RevenueGroupKey"/>.</exception>
        public static (string Group, string Display) RevenueKey(RevenueGroupKey key) => key switch
        {
            RevenueGroupKey.Partner => ("b.partner_key", "CASE WHEN b.partner_key = 0 THEN NULL ELSE min(p.name) END"),
            RevenueGroupKey.Type => ("p.type", "p.type"),
            RevenueGroupKey.Tier => ("p.tier", "p.tier"),
            RevenueGroupKey.Country => ("p.country", "p.country"),
            // One spelling per key, whatever the filter, year, currency or other keys of a row: spellings that share a key
            // (İstanbul, ISTANBUL) are one group, shown one way (the smallest of the database's, joined by the backend).
            RevenueGroupKey.Region => ("b.region_key", "min(region_shown.shown)"),
            RevenueGroupKey.Segment => ("b.segment_key", "min(segment_shown.shown)"),
            RevenueGroupKey.Channel => ("(b.partner_key = 0)", "(b.partner_key = 0)"),
            RevenueGroupKey.Year => ("b.year", "b.year"),
            RevenueGroupKey.Quarter => ("((b.month + 2) / 3)", "((b.month + 2) / 3)"),
            RevenueGroupKey.Month => ("b.month", "b.month"),
            RevenueGroupKey.Attribution => ("b.attribution", "b.attribution"),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
        };

        /// <summary>
        /// The statement that sums revenue per group of <paramref name="keys"/>, currency and year: the keys' values, then
        /// <paramref name="sums"/> (the backend's count, total, minimum and maximum over <c>b</c>), from <paramref name="source"/>
        /// (the rows <c>b</c>), with the partners joined when a key needs them and each region or segment key shown by the
        /// smallest spelling of <paramref name="spellings"/> (a table or subquery with region, region_key, segment,
        /// segment_key); and the GROUP BY expressions, currency and year last, for a backend that orders by them.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A key that is not a defined <see cref="RevenueGroupKey"/>.</exception>
        public static (string Sql, IReadOnlyList<string> Groups) RevenueSums(IList<RevenueGroupKey> keys, string sums, string source, string spellings)
        {
            var select = new StringBuilder("SELECT ");
            var groups = new List<string>();
            for (var i = 0; i < keys.Count; i++)
            {
                var (group, display) = RevenueKey(keys[i]);
                select.Append(display).Append(" AS k").Append(i).Append(", ");
                groups.Add(group);
            }

            select.Append(sums).Append(" FROM (").Append(source).Append(") b");
            if (keys.Any(MeasureKeys.FromPartner))
            {
                select.Append(" LEFT JOIN partners p ON p.id = b.partner_key");
            }

            foreach (var column in new[] { "region", "segment" })
            {
                if (keys.Contains(column == "region" ? RevenueGroupKey.Region : RevenueGroupKey.Segment))
                {
                    select.Append($" LEFT JOIN (SELECT {column}_key, min({column}) AS shown FROM {spellings} GROUP BY {column}_key) {column}_shown " +
                                  $"ON {column}_shown.{column}_key = b.{column}_key");
                }
            }

            groups.Add("b.currency");
            groups.Add("b.year");
            select.Append(" GROUP BY ").Append(string.Join(", ", groups));
            return (select.ToString(), groups);
        }

        /// <summary>
        /// The statement that counts the partners of <paramref name="where"/> (a WHERE clause over the partners table, or empty)
        /// per group of <paramref name="keys"/>: regions by their spelling (no key computed per partner; the backend shows one
        /// spelling per key, <see cref="GroupKeyValues.ShownRegion"/>); and the GROUP BY expressions, for a backend that orders by them.
        /// With <paramref name="dayParameter"/> (a parameter holding a yyyy-MM-dd day) the Tier and Status keys are those of that
        /// day (<see cref="StatusSql.On"/>), else the current ones.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A key that is not a defined <see cref="PartnerGroupKey"/>.</exception>
        public static (string Sql, IReadOnlyList<string> Groups) PartnerCounts(IList<PartnerGroupKey> keys, string where, string? dayParameter = null)
        {
            var select = new StringBuilder("SELECT ");
            var groups = new List<string>();
            for (var i = 0; i < keys.Count; i++)
            {
                var (group, display) = PartnerKey(keys[i]);
                select.Append(display).Append(" AS k").Append(i).Append(", ");
                groups.Add(group);
            }

            // A day's tier or status is looked up only when grouped by (a subquery per partner).
            var tier = dayParameter != null && keys.Contains(PartnerGroupKey.Tier) ? StatusSql.On("Tier", "partners", dayParameter) + " AS tier" : "tier";
            var status = dayParameter != null && keys.Contains(PartnerGroupKey.Status) ? StatusSql.On("Status", "partners", dayParameter) + " AS status" : "status";
            select.Append("count(*) FROM (SELECT region, country, type, ").Append(tier).Append(", ").Append(status).Append(", joined_on FROM partners")
                .Append(where).Append(") b");
            if (groups.Count > 0)
            {
                select.Append(" GROUP BY ").Append(string.Join(", ", groups));
            }

            return (select.ToString(), groups);
        }

        /// <summary>The key values of a row whose first columns are the keys' (as <see cref="GroupKeyValues.Revenue"/> shows them).</summary>
        public static object?[] RevenueKeys(IDataRecord row, IList<RevenueGroupKey> keys)
        {
            var values = new object?[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                values[i] = GroupKeyValues.Revenue(keys[i], row.IsDBNull(i) ? null : row.GetValue(i));
            }

            return values;
        }

        /// <summary>
        /// The groups of a <see cref="PartnerCounts"/> statement's rows, read whole: key values typed, regions shown one way per key
        /// when <paramref name="spellings"/> (<see cref="GroupKeyValues.RegionSpellings"/>) is given, then the count.
        /// </summary>
        public static List<(object?[] Keys, long Count)> ReadPartnerCounts(IDataReader reader, IList<PartnerGroupKey> keys, IReadOnlyDictionary<string, string>? spellings)
        {
            var regionIndex = keys.IndexOf(PartnerGroupKey.Region);
            var groups = new List<(object?[] Keys, long Count)>();
            while (reader.Read())
            {
                var values = new object?[keys.Count];
                for (var i = 0; i < keys.Count; i++)
                {
                    values[i] = GroupKeyValues.Partner(keys[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
                }

                if (spellings != null && regionIndex >= 0)
                {
                    values[regionIndex] = GroupKeyValues.ShownRegion(spellings, values[regionIndex]);
                }

                groups.Add((values, reader.GetInt64(keys.Count)));
            }

            return groups;
        }

        // By spelling in SQL (no per-row key computed); the few spellings are joined by their key afterwards.
        private static (string Group, string Display) PartnerKey(PartnerGroupKey key) => key switch
        {
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
