using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Turns a <see cref="RevenueFilter"/> into PostgreSQL over revenue rows (alias r) or over the revenue_totals cells
    /// (alias t), selecting what RevenueWhere selects on SQLite. Every list is one array parameter.
    /// </summary>
    internal static class PgRevenueWhere
    {
        /// <summary>The WHERE clause (with its parameters) of a filter; empty for no restriction.</summary>
        public static (string Where, DynamicParameters Parameters) Build(RevenueFilter filter, bool totals)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            var partner = totals ? "t.partner_key" : "r.partner_id";

            if (filter.RestrictPartners)
            {
                var alternatives = new List<string>();
                if (filter.PartnerIds.Count > 0)
                {
                    alternatives.Add(PgSqlList.Any(parameters, partner, "partnerIds", filter.PartnerIds));
                }

                if (filter.PartnerNames.Count > 0)
                {
                    alternatives.Add($"{partner} IN (SELECT id FROM partners WHERE {PgSqlList.Matching(parameters, "name_key", "partnerName", filter.PartnerNames, indexed: true)})");
                }

                clauses.Add(alternatives.Count == 0 ? "false" : "(" + string.Join(" OR ", alternatives) + ")");
            }

            var channels = filter.Channels.Distinct().ToList();
            if (channels.Count == 1)
            {
                var direct = channels[0] == RevenueChannel.Direct;
                clauses.Add(totals ? (direct ? "t.partner_key = 0" : "t.partner_key <> 0") : (direct ? "r.partner_id IS NULL" : "r.partner_id IS NOT NULL"));
            }

            if (filter.Years.Count > 0)
            {
                clauses.Add(totals ? PgSqlList.Any(parameters, "t.year", "years", filter.Years) : RecordYears(parameters, filter.Years));
            }

            if (filter.Quarters.Count > 0)
            {
                if (totals)
                {
                    throw new InvalidOperationException("The totals cells have no quarters.");
                }

                clauses.Add(PgSqlList.Any(parameters, "((substr(r.date, 6, 2)::integer + 2) / 3)", "quarters", filter.Quarters));
            }

            if (filter.From is DateTime from)
            {
                clauses.Add(totals ? "t.year >= @fromYear" : "r.date >= @from");
                parameters.Add(totals ? "fromYear" : "from", totals ? (object)from.Year : PartnerRules.FormatDate(from));
            }

            if (filter.To is DateTime to)
            {
                clauses.Add(totals ? "t.year <= @toYear" : "r.date <= @to");
                parameters.Add(totals ? "toYear" : "to", totals ? (object)to.Year : PartnerRules.FormatDate(to));
            }

            var alias = totals ? "t" : "r";
            PgSqlList.AddMatching(clauses, parameters, alias + ".segment_key", "segment", filter.Segments, indexed: false);
            PgSqlList.AddMatching(clauses, parameters, alias + ".region_key", "region", filter.Regions, indexed: false);

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        // Date ranges rather than substr(), so the date index can be used: one range per run of consecutive years; past a
        // few ranges the year is compared with one array instead.
        private static string RecordYears(DynamicParameters parameters, IEnumerable<int> years)
        {
            var runs = YearRuns.Of(years);
            if (runs.Count > PgSqlList.MaxWrittenOut)
            {
                return PgSqlList.Any(parameters, "substr(r.date, 1, 4)::integer", "years", years);
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
