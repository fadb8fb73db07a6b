using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// The SQL of <see cref="IQualityInputs"/>, one text for SQLite and PostgreSQL (what differs, how lists and patterns are
    /// bound, comes from the backend's <see cref="FilterDialect"/>). Every statement starts from the partners in the programme on
    /// @day: a partner's status and tier that day are its current ones when its status_since / tier_since is on or before the
    /// day (the latest change then is the current one, so nothing is looked up: most partners on today), else
    /// <see cref="StatusSql.On"/>. Revenue is summed per partner, currency and year over the revenue_partner index
    /// (partner_id, date); certified contacts are counted per partner, one column per pattern, in one pass over the
    /// certifications valid on the day. Days are 'yyyy-MM-dd' text parameters.
    /// </summary>
    internal static class QualitySql
    {
        private const string Partnered = "('Onboarding', 'Active', 'Suspended')";

        // A subquery with a LIMIT is neither merged into the query around it by SQLite nor pulled up by PostgreSQL, so the
        // values of each partner are computed once (see FunnelSql).
        private const string Unmerged = " LIMIT 9223372036854775807";

        /// <summary>
        /// The partners in the programme on @day that <paramref name="filter"/> selects, as a query with the columns id, name,
        /// region, type, joined_on, status_on, tier_on (and the parameters it binds, @day among them).
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) Assessed(FilterDialect sql, PartnerFilter? filter, DateTime day)
        {
            // The filter's restrictions over the partners table, but its tiers are the tiers of the day (compared below) and its
            // statuses and dates are not the assessment's.
            var partnerFilter = new PartnerFilter();
            if (filter != null)
            {
                Copy(filter.Names, partnerFilter.Names);
                Copy(filter.Ids, partnerFilter.Ids);
                Copy(filter.Types, partnerFilter.Types);
                Copy(filter.Regions, partnerFilter.Regions);
                Copy(filter.Countries, partnerFilter.Countries);
            }

            var (where, parameters) = PartnerFilterSql.BuildWhere(sql, partnerFilter);
            parameters.Add("day", PartnerRules.FormatDate(day.Date));
            var statusOn = $"CASE WHEN p.status_since <= @day THEN p.status ELSE {StatusSql.On(StatusSql.Status, "p", "day")} END";
            var tierOn = $"CASE WHEN p.tier_since <= @day THEN p.tier ELSE {StatusSql.On(StatusSql.Tier, "p", "day")} END";
            var dated = $"SELECT p.id, p.name, p.region, p.type, p.joined_on, p.status, {statusOn} AS status_on, {tierOn} AS tier_on " +
                        "FROM (SELECT id, name, region, type, joined_on, ended_on, status, status_since, tier, tier_since FROM partners" + where + ") p " +
                        "WHERE p.joined_on <= @day AND (p.ended_on IS NULL OR p.ended_on > @day)" + Unmerged;
            var conditions = new List<string> { $"a.status_on IN {Partnered}" };
            if (filter != null && filter.Tiers.Count > 0)
            {
                conditions.Add(sql.In(parameters, "a.tier_on", "dayTiers", filter.Tiers.Select(t => t.ToString()).Distinct().ToList()));
            }

            return ($"SELECT a.id, a.name, a.region, a.type, a.joined_on, a.status, a.status_on, a.tier_on FROM ({dated}) a WHERE {string.Join(" AND ", conditions)}", parameters);
        }

        /// <summary>
        /// <see cref="IQualityInputs.Partners"/>: id, name, region, type, status_on, tier_on, joined_on, the first day Active
        /// (joined_on when the first status was Active, else the earliest change into Active on or before the day) and the
        /// latest revenue date on or before the day (NULL without <paramref name="lastRevenue"/>), in the partners table's order (the caller sorts).
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) Partners(FilterDialect sql, PartnerFilter? filter, DateTime day, bool lastRevenue)
        {
            var (assessed, parameters) = Assessed(sql, filter, day);
            // One look at the partner's Status changes (status_changes_partner): when its earliest change is into Active it was
            // Active from JoinedOn (before its first change a partner has its first status); else from its earliest change into
            // Active on or before the day. With no change at all, its stored status says.
            var firstActive = "(SELECT CASE WHEN count(*) = 0 THEN (CASE WHEN q.status = 'Active' THEN q.joined_on END) " +
                              "WHEN min(x.effective_on) = min(CASE WHEN x.to_value = 'Active' THEN x.effective_on END) THEN q.joined_on " +
                              "ELSE min(CASE WHEN x.to_value = 'Active' AND x.effective_on <= @day THEN x.effective_on END) END " +
                              "FROM status_changes x WHERE x.partner_id = q.id AND x.attribute = 'Status')";
            var lastRevenueOn = lastRevenue ? "(SELECT max(r.date) FROM revenue r WHERE r.partner_id = q.id AND r.date <= @day)" : "NULL";
            return ($"SELECT q.id, q.name, q.region, q.type, q.status_on, q.tier_on, q.joined_on, {firstActive}, {lastRevenueOn} " +
                    $"FROM ({assessed}{Unmerged}) q", parameters);
        }

        /// <summary>
        /// <see cref="IQualityInputs.Revenue"/>: partner_id, currency, year and the sum in two parts, whole billions of minor
        /// units and the rest (each far from 64 bits, so no sum overflows; joined exactly by <see cref="ReadRevenue"/>).
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) Revenue(FilterDialect sql, PartnerFilter? filter, DateTime day, DateTime fromExclusive, DateTime toInclusive)
        {
            var (assessed, parameters) = Assessed(sql, filter, day);
            parameters.Add("windowFrom", PartnerRules.FormatDate(fromExclusive.Date));
            parameters.Add("windowTo", PartnerRules.FormatDate(toInclusive.Date));
            const string year = "CAST(substr(r.date, 1, 4) AS INTEGER)";
            return ($"SELECT r.partner_id, r.currency, {year}, sum(r.amount / 1000000000), sum(r.amount % 1000000000) " +
                    $"FROM ({assessed}{Unmerged}) q CROSS JOIN revenue r WHERE r.partner_id = q.id AND r.date > @windowFrom AND r.date <= @windowTo " +
                    $"GROUP BY r.partner_id, r.currency, {year}", parameters);
        }

        /// <summary>
        /// <see cref="IQualityInputs.Certified"/>: partner_id, then per pattern (in the order given) the number of distinct
        /// current contacts holding a certification valid on @day that matches it.
        /// </summary>
        public static (string Sql, DynamicParameters Parameters) Certified(FilterDialect sql, PartnerFilter? filter, DateTime day, IReadOnlyList<string?> patterns)
        {
            var (assessed, parameters) = Assessed(sql, filter, day);
            var counts = patterns.Select((pattern, i) => string.IsNullOrEmpty(pattern)
                ? "count(DISTINCT c.contact_id)"
                : $"count(DISTINCT CASE WHEN {sql.Matching(parameters, "c.name_key", "cert" + i.ToString(CultureInfo.InvariantCulture), new[] { NamePattern.ParseName(pattern!) }, "name_key", "certifications", indexed: false)} THEN c.contact_id END)");
            return ($"SELECT c.partner_id, {string.Join(", ", counts)} FROM ({assessed}{Unmerged}) q CROSS JOIN certifications c CROSS JOIN contacts k " +
                    "WHERE c.partner_id = q.id AND k.id = c.contact_id AND c.earned_on <= @day AND (c.expires_on IS NULL OR c.expires_on > @day) " +
                    "AND (k.started_on IS NULL OR k.started_on <= @day) AND (k.ended_on IS NULL OR k.ended_on > @day) GROUP BY c.partner_id", parameters);
        }

        /// <summary>Reads the rows of <see cref="Partners"/>.</summary>
        public static List<QualityPartner> ReadPartners(IDataReader reader)
        {
            var partners = new List<QualityPartner>();
            while (reader.Read())
            {
                partners.Add(new QualityPartner
                {
                    Id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                    Name = reader.GetString(1),
                    Region = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Type = (PartnerType)Enum.Parse(typeof(PartnerType), reader.GetString(3)),
                    Status = (PartnerStatus)Enum.Parse(typeof(PartnerStatus), reader.GetString(4)),
                    Tier = (PartnerTier)Enum.Parse(typeof(PartnerTier), reader.GetString(5)),
                    JoinedOn = Day(reader.GetString(6)),
                    FirstActiveOn = reader.IsDBNull(7) ? (DateTime?)null : Day(reader.GetString(7)),
                    LastRevenueOn = reader.IsDBNull(8) ? (DateTime?)null : Day(reader.GetString(8)),
                });
            }

            return partners;
        }

        /// <summary>Reads the rows of <see cref="Revenue"/>: the two parts of each sum joined as one exact decimal.</summary>
        public static List<(long PartnerId, string Currency, int Year, decimal Minor)> ReadRevenue(IDataReader reader)
        {
            var sums = new List<(long, string, int, decimal)>();
            while (reader.Read())
            {
                var billions = Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture);
                var rest = Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture);
                sums.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1),
                          Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), (billions * 1_000_000_000m) + rest));
            }

            return sums;
        }

        /// <summary>Reads the rows of <see cref="Certified"/> into one row per partner and pattern with a count above zero.</summary>
        public static List<(long PartnerId, string? Pattern, int Certified)> ReadCertified(IDataReader reader, IReadOnlyList<string?> patterns)
        {
            var counts = new List<(long, string?, int)>();
            while (reader.Read())
            {
                var partner = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                for (var i = 0; i < patterns.Count; i++)
                {
                    var count = Convert.ToInt32(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                    if (count > 0)
                    {
                        counts.Add((partner, patterns[i], count));
                    }
                }
            }

            return counts;
        }

        private static DateTime Day(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static void Copy<T>(IEnumerable<T> from, ICollection<T> to)
        {
            foreach (var item in from)
            {
                to.Add(item);
            }
        }
    }

    /// <summary>
    /// <see cref="IQualityInputs"/> over the statements of <see cref="QualitySql"/>: what a backend adds is its filter dialect
    /// and how it runs one statement (<see cref="Read"/>, which names the backend's failures).
    /// </summary>
    internal abstract class QualityInputsBase : IQualityInputs
    {
        /// <summary>How lists and patterns are bound on the backend.</summary>
        protected abstract FilterDialect Dialect { get; }

        /// <inheritdoc/>
        public IReadOnlyList<QualityPartner> Partners(DateTime day, PartnerFilter? filter, bool lastRevenue = true)
        {
            var (sql, parameters) = QualitySql.Partners(Dialect, filter, day, lastRevenue);
            return Read(sql, parameters, QualitySql.ReadPartners);
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, string Currency, int Year, decimal Minor)> Revenue(DateTime fromExclusive, DateTime toInclusive, PartnerFilter? filter, DateTime day)
        {
            var (sql, parameters) = QualitySql.Revenue(Dialect, filter, day, fromExclusive, toInclusive);
            return Read(sql, parameters, QualitySql.ReadRevenue);
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, string? Pattern, int Certified)> Certified(DateTime day, IReadOnlyList<string?> patterns, PartnerFilter? filter)
        {
            var distinct = patterns.Distinct().ToList();
            if (distinct.Count == 0)
            {
                return Array.Empty<(long, string?, int)>();
            }

            var (sql, parameters) = QualitySql.Certified(Dialect, filter, day, distinct);
            return Read(sql, parameters, reader => QualitySql.ReadCertified(reader, distinct));
        }

        /// <summary>Runs one statement and reads its rows with <paramref name="read"/>; a failure comes as the backend's named PartnerOpsException.</summary>
        protected abstract T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read);
    }
}
