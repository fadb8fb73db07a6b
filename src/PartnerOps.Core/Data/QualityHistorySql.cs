using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// The SQL of <see cref="IQualityHistory"/>, one text for SQLite and PostgreSQL (lists and patterns bound by the backend's
    /// <see cref="FilterDialect"/>). Days are 'yyyy-MM-dd' text, as stored on both.
    /// </summary>
    internal static class QualityHistorySql
    {
        /// <summary>
        /// <see cref="IQualityHistory.DailyRevenue"/>: partner_id, date, currency and the sum in two parts, whole billions of minor
        /// units and the rest (so no sum overflows 64 bits; joined exactly by <see cref="ReadRevenue"/>), over the revenue_partner index.
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) DailyRevenue(FilterDialect sql, IReadOnlyCollection<long> partnerIds, DateTime fromExclusive, DateTime toInclusive)
        {
            var parameters = new DynamicParameters();
            parameters.Add("from", PartnerRules.FormatDate(fromExclusive.Date));
            parameters.Add("to", PartnerRules.FormatDate(toInclusive.Date));
            var partners = sql.In(parameters, "r.partner_id", "partners", partnerIds);
            return ("SELECT r.partner_id, r.date, r.currency, sum(r.amount / 1000000000), sum(r.amount % 1000000000) FROM revenue r " +
                    $"WHERE {partners} AND r.date > @from AND r.date <= @to GROUP BY r.partner_id, r.date, r.currency", parameters);
        }

        /// <summary>
        /// <see cref="IQualityHistory.CertificationSpans"/>: partner_id, contact_id, earned_on, expires_on, the contact's started_on
        /// and ended_on, then per non-null pattern (in the order given) 1 when the name key matches it, else 0.
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) CertificationSpans(FilterDialect sql, IReadOnlyCollection<long> partnerIds, IReadOnlyList<string?> patterns, DateTime from, DateTime to)
        {
            var parameters = new DynamicParameters();
            parameters.Add("from", PartnerRules.FormatDate(from.Date));
            parameters.Add("to", PartnerRules.FormatDate(to.Date));
            var partners = sql.In(parameters, "c.partner_id", "partners", partnerIds);
            var matches = patterns
                .Select((pattern, i) => (pattern, i))
                .Where(p => p.pattern != null)
                .Select(p => ", CASE WHEN " + sql.Matching(parameters, "c.name_key", "cert" + p.i.ToString(CultureInfo.InvariantCulture), new[] { NamePattern.ParseName(p.pattern!) }, "name_key", "certifications", indexed: false) + " THEN 1 ELSE 0 END");
            return ($"SELECT c.partner_id, c.contact_id, c.earned_on, c.expires_on, k.started_on, k.ended_on{string.Concat(matches)} " +
                    "FROM certifications c CROSS JOIN contacts k " +
                    $"WHERE {partners} AND k.id = c.contact_id AND c.earned_on <= @to AND (c.expires_on IS NULL OR c.expires_on > @from) " +
                    "AND (k.started_on IS NULL OR k.started_on <= @to) AND (k.ended_on IS NULL OR k.ended_on > @from) " +
                    "ORDER BY c.partner_id, c.contact_id, c.earned_on", parameters);
        }

        /// <summary>Reads the rows of <see cref="DailyRevenue"/>: the two parts of each sum joined as one exact decimal.</summary>
        public static List<(long PartnerId, DateTime Date, string Currency, decimal Minor)> ReadRevenue(IDataReader reader)
        {
            var sums = new List<(long, DateTime, string, decimal)>();
            while (reader.Read())
            {
                var billions = Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
                var rest = Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture);
                sums.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Day(reader.GetString(1)), reader.GetString(2), (billions * 1_000_000_000m) + rest));
            }

            return sums;
        }

        /// <summary>Reads the rows of <see cref="CertificationSpans"/>; a null pattern matches every certification.</summary>
        public static List<CertificationSpan> ReadSpans(IDataReader reader, IReadOnlyList<string?> patterns)
        {
            var spans = new List<CertificationSpan>();
            while (reader.Read())
            {
                var matches = new bool[patterns.Count];
                var column = 6;
                for (var i = 0; i < patterns.Count; i++)
                {
                    matches[i] = patterns[i] == null || Convert.ToInt32(reader.GetValue(column++), CultureInfo.InvariantCulture) == 1;
                }

                spans.Add(new CertificationSpan
                {
                    PartnerId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                    ContactId = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                    EarnedOn = Day(reader.GetString(2)),
                    ExpiresOn = DayOrNull(reader, 3),
                    ContactStartedOn = DayOrNull(reader, 4),
                    ContactEndedOn = DayOrNull(reader, 5),
                    Matches = matches,
                });
            }

            return spans;
        }

        private static DateTime Day(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static DateTime? DayOrNull(IDataReader reader, int column) => reader.IsDBNull(column) ? (DateTime?)null : Day(reader.GetString(column));
    }
}
