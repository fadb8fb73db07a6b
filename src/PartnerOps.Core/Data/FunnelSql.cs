using System;
using System.Collections.Generic;
using System.Data;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>The statements of one funnel period, each with how its rows are read into <see cref="FunnelFigures"/>.</summary>
    internal enum FunnelPart
    {
        Partners,
        Changes,
        Ended,
        RevenueLost,
    }

    /// <summary>
    /// The SQL of Measure-PartnerFunnel, in standard SQL that SQLite and PostgreSQL run alike (the days between two dates
    /// given by the backend): five grouped statements per period over the partners <c>p</c> a filter selects and their
    /// status_changes. The parameters are @fs (the period's first day), @fe (its last) and @fs1 (the day before @fs), all
    /// 'yyyy-MM-dd'. Settled partners (nothing changed for them since before the period) are counted from the partners
    /// table alone; for the others a partner's status on a day is its current status when its status_since is on or before
    /// that day (the latest change then is the current one), else <see cref="StatusSql.On"/>, and a partner's changes are
    /// looked up only where its status_since says they can matter. The period's changes are read by date (the
    /// status_changes_effective index), joined to their partners only for keys or filters.
    /// </summary>
    internal static class FunnelSql
    {
        /// <summary>The figures of the Partners statement, in the order of its columns after the keys.</summary>
        public static readonly string[] PartnerColumns =
        {
            "Prospects", "Onboarding", "Active", "Suspended", "AtStart", "Joined",
            "WasProspect", "ProspectConverted", "WasOnboarding", "OnboardingConverted",
        };

        private const string Partnered = "('Onboarding', 'Active', 'Suspended')";

        // Later than any day (years end at 2999): "no revenue record" where a date is compared.
        private const string NoRevenue = "9999-12-31";

        // A partner for which nothing changed since before the day before the period (@fs1): joined by then, its latest
        // Status change dated then or before, and ended by then if at all (EndedOn is the date of its Terminated change).
        private const string Settled = "p.status_since <= @fs1 AND p.joined_on <= @fs1 AND (p.ended_on IS NULL OR p.ended_on <= @fs1)";

        // A subquery with a LIMIT is neither merged into the query around it by SQLite nor pulled up by PostgreSQL, so each of
        // its values (some of them lookups) is computed once per row rather than once per use in the sums around it.
        private const string Unmerged = " LIMIT 9223372036854775807";

        /// <summary>The parameters of a period: the filter's, then @fs, @fe and @fs1.</summary>
        public static DynamicParameters Parameters(DynamicParameters filter, DateTime start, DateTime end)
        {
            filter.Add("fs", PartnerRules.FormatDate(start.Date));
            filter.Add("fe", PartnerRules.FormatDate(end.Date));
            filter.Add("fs1", PartnerRules.FormatDate(start.Date.AddDays(-1)));
            return filter;
        }

        /// <summary>
        /// Every statement of a period: over the partners of <paramref name="where"/> (a WHERE clause over the partners table,
        /// or empty), grouped by <paramref name="keys"/> (Region, Type); <paramref name="days"/> writes the whole days from
        /// its second date expression to its first (both 'yyyy-MM-dd' text).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">A key that is not Region or Type.</exception>
        public static IReadOnlyList<(FunnelPart Part, string Sql)> Statements(IList<FunnelGroupKey> keys, string where, Func<string, string, string> days)
        {
            var partners = $"(SELECT id, region, type, joined_on, ended_on, status, status_since FROM partners{where}) p";
            var columns = keys.Select(Column).ToList();
            var selectKeys = string.Concat(columns.Select((c, i) => $"{c} AS k{i}, "));
            var outerKeys = string.Concat(keys.Select((_, i) => $"k{i}, "));
            string GroupBy(string rest) => " GROUP BY " + outerKeys + rest;
            string Sum(string condition) => $"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)";

            // Per partner, each value computed once (the subquery is not merged into the sums: see Unmerged); the lookups of a
            // partner's changes only where its status_since says they can matter.
            var existsByEnd = "p.joined_on <= @fe OR p.status_since <= @fe OR EXISTS (SELECT 1 FROM status_changes x " +
                              "WHERE x.partner_id = p.id AND x.attribute = 'Status' AND x.effective_on <= @fe)";
            var firstAsPartner = "(SELECT min(x.effective_on) FROM status_changes x WHERE x.partner_id = p.id AND x.attribute = 'Status' " +
                                 $"AND x.to_value IN {Partnered})";

            // Which changes of the period a partner has, as bits: 1 into Prospect, 2 Prospect -> Onboarding/Active, 4 into
            // Onboarding, 8 Onboarding -> Active (a change in the period means a status_since in it or later).
            var moves = "(SELECT max(CASE WHEN x.to_value = 'Prospect' THEN 1 ELSE 0 END) " +
                        "+ max(CASE WHEN x.from_value = 'Prospect' AND x.to_value IN ('Onboarding', 'Active') THEN 2 ELSE 0 END) " +
                        "+ max(CASE WHEN x.to_value = 'Onboarding' THEN 4 ELSE 0 END) " +
                        "+ max(CASE WHEN x.from_value = 'Onboarding' AND x.to_value = 'Active' THEN 8 ELSE 0 END) " +
                        "FROM status_changes x WHERE x.partner_id = p.id AND x.attribute = 'Status' AND x.effective_on >= @fs AND x.effective_on <= @fe)";
            var perPartner = $"SELECT {selectKeys}p.joined_on, {StatusOn("fe")} AS se, {StatusOn("fs1")} AS ss, " +
                             $"CASE WHEN {existsByEnd} THEN 1 ELSE 0 END AS ex, CASE WHEN {PartnerOn("fe")} THEN 1 ELSE 0 END AS pe, " +
                             $"CASE WHEN {PartnerOn("fs1")} THEN 1 ELSE 0 END AS ps, " +
                             $"CASE WHEN p.joined_on <= @fe AND (p.joined_on >= @fs OR p.status_since >= @fs) THEN {firstAsPartner} END AS fp, " +
                             $"CASE WHEN p.status_since >= @fs THEN coalesce({moves}, 0) ELSE 0 END AS m FROM {partners} WHERE NOT ({Settled}){Unmerged}";
            var figures = new[]
            {
                Sum("se = 'Prospect' AND ex = 1"),
                Sum("pe = 1 AND se = 'Onboarding'"),
                Sum("pe = 1 AND se = 'Active'"),
                Sum("pe = 1 AND se = 'Suspended'"),
                Sum($"ps = 1 AND ss IN {Partnered}"),

                // First day as a partner = max(joined_on, first change into a partner stage), in [fs, fe].
                Sum("fp <= @fe AND (joined_on >= @fs OR fp >= @fs)"),
                Sum("(ss = 'Prospect' AND ex = 1) OR (m & 1) <> 0"),
                Sum("(m & 2) <> 0"),
                Sum("(ss = 'Onboarding' AND ex = 1) OR (m & 4) <> 0"),
                Sum("(m & 8) <> 0"),
            };
            var partnerSql = $"SELECT {outerKeys}{string.Join(", ", figures)} FROM ({perPartner}) q" +
                             (keys.Count == 0 ? string.Empty : " GROUP BY " + outerKeys.TrimEnd(' ', ','));

            // Most partners are settled: nothing changed for them since before the period, so their status on both days is the
            // current one and nothing is looked up (the same figures, in the same order, from the partners table alone).
            var groupKeys = string.Concat(columns.Select(c => c + ", "));
            var partnered = $"p.ended_on IS NULL AND p.status IN {Partnered}";
            var settled = new[]
            {
                Sum("p.status = 'Prospect'"), Sum("p.ended_on IS NULL AND p.status = 'Onboarding'"), Sum("p.ended_on IS NULL AND p.status = 'Active'"),
                Sum("p.ended_on IS NULL AND p.status = 'Suspended'"), Sum(partnered), "0", Sum("p.status = 'Prospect'"), "0", Sum("p.status = 'Onboarding'"), "0",
            };
            var settledSql = $"SELECT {selectKeys}{string.Join(", ", settled)} FROM {partners} WHERE {Settled}" +
                             (keys.Count == 0 ? string.Empty : " GROUP BY " + groupKeys.TrimEnd(' ', ','));

            // The Status changes of the period (the status_changes_effective index), joined to their partner only for keys or a
            // filter (CROSS JOIN: SQLite reads the changes by date first): the stage entered; the stay a change from Prospect or
            // Onboarding ends (from the change before it); and for a partner's first change into Active, its first revenue.
            var changes = keys.Count == 0 && where.Length == 0
                ? "FROM status_changes c WHERE c.attribute = 'Status' AND c.effective_on >= @fs AND c.effective_on <= @fe"
                : $"FROM status_changes c CROSS JOIN {partners} WHERE p.id = c.partner_id AND c.attribute = 'Status' AND c.effective_on >= @fs AND c.effective_on <= @fe";
            var entering = "(SELECT i.effective_on FROM status_changes i WHERE i.partner_id = c.partner_id AND i.attribute = 'Status' " +
                           "AND (i.effective_on, i.id) < (c.effective_on, c.id) " +
                           "ORDER BY i.effective_on DESC, i.id DESC LIMIT 1)";
            var firstActive = "c.to_value = 'Active' AND NOT EXISTS (SELECT 1 FROM status_changes a WHERE a.partner_id = c.partner_id AND a.attribute = 'Status' " +
                              "AND a.to_value = 'Active' AND (a.effective_on, a.id) < (c.effective_on, c.id))";
            var perChange = $"SELECT {selectKeys}c.to_value AS stage, c.effective_on AS on_day, " +
                            "CASE WHEN c.from_value IN ('Prospect', 'Onboarding') THEN c.from_value END AS left_stage, " +
                            $"CASE WHEN c.from_value IN ('Prospect', 'Onboarding') THEN {days("c.effective_on", entering)} END AS stay, " +
                            $"CASE WHEN {firstActive} THEN coalesce((SELECT min(r.date) FROM revenue r WHERE r.partner_id = c.partner_id), '{NoRevenue}') END AS fr " +
                            changes + Unmerged;
            var activation = $"CASE WHEN fr <= @fe THEN {days("fr", "on_day")} END";
            var changeSql = $"SELECT {outerKeys}stage, left_stage, stay, CASE WHEN fr IS NULL THEN 0 ELSE 1 END, {activation}, count(*) FROM ({perChange}) q" +
                            GroupBy($"stage, left_stage, stay, CASE WHEN fr IS NULL THEN 0 ELSE 1 END, {activation}");

            // Ended: the change into Terminated dated the partner's EndedOn, from a partner stage (a Prospect turned down
            // never was a partner); found by its date (the index), the partner joined for its EndedOn.
            var endedWhere = "WHERE p.id = c.partner_id AND c.attribute = 'Status' AND c.to_value = 'Terminated' " +
                             $"AND c.effective_on >= @fs AND c.effective_on <= @fe AND c.from_value IN {Partnered} AND p.ended_on = c.effective_on";
            var endedSql = $"SELECT {selectKeys}c.reason, count(*) FROM status_changes c CROSS JOIN {partners} {endedWhere} GROUP BY {groupKeys}c.reason";

            // [ended_on - 12 months, ended_on): the same day a year earlier, 29 February -> 28 February (years are four digits).
            var yearBefore = "CAST(CAST(substr(c.effective_on, 1, 4) AS INTEGER) - 1 AS TEXT) || " +
                             "CASE WHEN substr(c.effective_on, 5) = '-02-29' THEN '-02-28' ELSE substr(c.effective_on, 5) END";
            var year = "CAST(substr(r.date, 1, 4) AS INTEGER)";
            var lostSql = $"SELECT {selectKeys}r.currency, {year}, sum(r.amount) FROM status_changes c CROSS JOIN {partners} CROSS JOIN revenue r " +
                          $"{endedWhere} AND r.partner_id = c.partner_id AND r.date >= {yearBefore} AND r.date < c.effective_on GROUP BY {groupKeys}r.currency, {year}";

            return new[]
            {
                (FunnelPart.Partners, settledSql),
                (FunnelPart.Partners, partnerSql),
                (FunnelPart.Changes, changeSql),
                (FunnelPart.Ended, endedSql),
                (FunnelPart.RevenueLost, lostSql),
            };
        }

        /// <summary>
        /// Reads the rows of one statement into <paramref name="figures"/>: key values typed (Type as <see cref="PartnerType"/>),
        /// regions shown one way per key when <paramref name="spellings"/> (<see cref="GroupKeyValues.RegionSpellings"/>) is given.
        /// </summary>
        public static void Read(FunnelPart part, IDataReader reader, IList<FunnelGroupKey> keys, IReadOnlyDictionary<string, string>? spellings, FunnelFigures figures)
        {
            var n = keys.Count;
            while (reader.Read())
            {
                var values = new object?[n];
                for (var i = 0; i < n; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    values[i] = keys[i] == FunnelGroupKey.Type
                        ? GroupKeyValues.Partner(PartnerGroupKey.Type, value)
                        : spellings != null ? GroupKeyValues.ShownRegion(spellings, value) : value;
                }

                long Long(int i) => reader.IsDBNull(i) ? 0L : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                switch (part)
                {
                    case FunnelPart.Partners:
                        figures.Partners.Add((values, PartnerColumns.Select((_, i) => Long(n + i)).ToArray()));
                        break;
                    case FunnelPart.Changes:
                        // stage, left stage, stay days, first Active (0/1), days to first revenue, count
                        var count = Long(n + 5);
                        figures.Entered.Add((values, Text(n)!, count));
                        if (Text(n + 1) is string left && !reader.IsDBNull(n + 2))
                        {
                            figures.Stays.Add((values, left, Long(n + 2), count));
                        }

                        if (Long(n + 3) == 1)
                        {
                            figures.Activation.Add((values, reader.IsDBNull(n + 4) ? (long?)null : Long(n + 4), count));
                        }

                        break;
                    case FunnelPart.Ended:
                        figures.Ended.Add((values, Text(n), Long(n + 1)));
                        break;
                    default:
                        figures.RevenueLost.Add((values, Text(n)!, (int)Long(n + 1), Long(n + 2)));
                        break;
                }
            }
        }

        private static string Column(FunnelGroupKey key) => key switch
        {
            FunnelGroupKey.Region => "p.region",
            FunnelGroupKey.Type => "p.type",
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "only Region and Type are partner keys"),
        };

        // Partner p on the day: joined by it, not ended by it (the status part is checked by the caller).
        private static string PartnerOn(string day) => $"(p.joined_on <= @{day} AND (p.ended_on IS NULL OR p.ended_on > @{day}))";

        // The status p had on the day: its current one when it dates from then or before, else the rule of StatusSql.On.
        private static string StatusOn(string day) =>
            $"(CASE WHEN p.status_since <= @{day} THEN p.status ELSE {StatusSql.On("Status", "p", day)} END)";
    }
}
