using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Turns a <see cref="RevenueFilter"/> into SQL over revenue rows (alias r) or over the revenue_totals
    /// cells (alias t). Every list is one parameter (see <see cref="SqlList"/>), so a pipeline of any size fits.
    /// </summary>
    internal static class RevenueWhere
    {
        /// <summary>Whether the totals cells (one per partner, year, region, segment, currency) can answer this filter.</summary>
        public static bool TotalsCanAnswer(RevenueFilter filter) => filter.FitsYearlyTotals;

        /// <param name="records">The table the rows (alias r) come from: revenue, or the records a measure was given.</param>
        public static (string Where, DynamicParameters Parameters) Build(RevenueFilter filter, bool totals, string records = "revenue")
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            var partner = totals ? "t.partner_key" : "r.partner_id";

            if (filter.RestrictPartners)
            {
                var alternatives = new List<string>();
                if (filter.PartnerIds.Count > 0)
                {
                    alternatives.Add(SqlList.In(parameters, partner, "partnerIds", filter.PartnerIds));
                }

                if (filter.PartnerNames.Count > 0)
                {
                    alternatives.Add($"{partner} IN (SELECT id FROM partners WHERE {SqlList.Matching(parameters, "name_key", "partnerName", filter.PartnerNames, PatternKeys.PartnerNames)})");
                }

                clauses.Add(alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")");
            }

            var channels = filter.Channels.Distinct().ToList();
            if (channels.Count == 1)
            {
                var direct = channels[0] == RevenueChannel.Direct;
                clauses.Add(totals ? (direct ? "t.partner_key = 0" : "t.partner_key <> 0") : (direct ? "r.partner_id IS NULL" : "r.partner_id IS NOT NULL"));
            }

            if (filter.Years.Count > 0)
            {
                clauses.Add(totals ? SqlList.In(parameters, "t.year", "years", filter.Years) : RecordYears(parameters, filter.Years));
            }

            if (filter.Quarters.Count > 0)
            {
                if (totals)
                {
                    throw new InvalidOperationException("The totals cells have no quarters.");
                }

                clauses.Add(SqlList.In(parameters, "((CAST(substr(r.date, 6, 2) AS INTEGER) + 2) / 3)", "quarters", filter.Quarters));
            }

            if (filter.From is DateTime from)
            {
                clauses.Add(totals ? "t.year >= @fromYear" : "r.date >= @from");
                parameters.Add("fromYear", from.Year);
                parameters.Add("from", PartnerRules.FormatDate(from));
            }

            if (filter.To is DateTime to)
            {
                clauses.Add(totals ? "t.year <= @toYear" : "r.date <= @to");
                parameters.Add("toYear", to.Year);
                parameters.Add("to", PartnerRules.FormatDate(to));
            }

            var (alias, table) = totals ? ("t", "revenue_totals") : ("r", records);
            SqlList.AddMatching(clauses, parameters, alias + ".segment_key", "segment", filter.Segments, PatternKeys.Distinct("segment_key", table));
            SqlList.AddMatching(clauses, parameters, alias + ".region_key", "region", filter.Regions, PatternKeys.Distinct("region_key", table));

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        // Date ranges rather than substr(), so the date index can be used: one range per run of consecutive years.
        // Past a few ranges the year is compared with one list instead.
        private static string RecordYears(DynamicParameters parameters, IEnumerable<int> years)
        {
            var runs = YearRuns.Of(years);
            if (runs.Count > SqlList.MaxWrittenOut)
            {
                return SqlList.In(parameters, "CAST(substr(r.date, 1, 4) AS INTEGER)", "years", years);
            }

            for (var n = 0; n < runs.Count; n++)
            {
                parameters.Add("yfrom" + n, YearRuns.Start(runs[n].First));
                parameters.Add("yto" + n, YearRuns.Start(runs[n].Last + 1));
            }

            return "(" + string.Join(" OR ", runs.Select((_, n) => $"(r.date >= @yfrom{n} AND r.date < @yto{n})")) + ")";
        }
    }
}
