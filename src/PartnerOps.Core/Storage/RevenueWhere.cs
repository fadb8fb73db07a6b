using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;

namespace PartnerOps.Storage
{
    /// <summary>
    /// Turns a <see cref="RevenueFilter"/> into SQL over revenue rows (alias r) or over the revenue_totals
    /// cells (alias t). Partner ids go through a temporary table, so a pipeline of any size fits.
    /// </summary>
    internal static class RevenueWhere
    {
        private const string PartnerIdTable = "temp.po_filter_partners";

        /// <summary>Whether the totals cells (one per partner, year, region, segment, currency) can answer this filter.</summary>
        public static bool TotalsCanAnswer(RevenueFilter filter) =>
            filter.Quarters.Count == 0
            && (filter.From is not DateTime from || (from.Month == 1 && from.Day == 1))
            && (filter.To is not DateTime to || (to.Month == 12 && to.Day == 31));

        public static (string Where, DynamicParameters Parameters) Build(PartnerStore store, RevenueFilter filter, bool totals)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            var partner = totals ? "t.partner_key" : "r.partner_id";

            if (filter.RestrictPartners)
            {
                var alternatives = new List<string>();
                if (filter.PartnerIds.Count > 0)
                {
                    FillPartnerIds(store, filter.PartnerIds);
                    alternatives.Add($"{partner} IN (SELECT id FROM {PartnerIdTable})");
                }

                var i = 0;
                foreach (var pattern in filter.PartnerNames)
                {
                    alternatives.Add($"{partner} IN (SELECT id FROM partners WHERE name_key >= @plo{i} AND name_key < @phi{i} AND name_key GLOB @pglob{i})");
                    parameters.Add("plo" + i, pattern.Prefix);
                    parameters.Add("phi" + i, pattern.PrefixUpperBound);
                    parameters.Add("pglob" + i, pattern.Glob);
                    i++;
                }

                clauses.Add(alternatives.Count == 0 ? "0" : "(" + string.Join(" OR ", alternatives) + ")");
            }

            var channels = filter.Channels.Distinct().ToList();
            if (channels.Count == 1)
            {
                var direct = channels[0] == RevenueChannel.Direct;
                clauses.Add(totals ? (direct ? "t.partner_key = 0" : "t.partner_key <> 0") : (direct ? "r.partner_id IS NULL" : "r.partner_id IS NOT NULL"));
            }

            var years = filter.Years.Distinct().OrderBy(y => y).ToList();
            if (years.Count > 0)
            {
                if (totals)
                {
                    clauses.Add("t.year IN @years");
                    parameters.Add("years", years);
                }
                else
                {
                    // Date ranges rather than substr(), so the date index can be used.
                    clauses.Add("(" + string.Join(" OR ", years.Select((y, n) => $"(r.date >= @yfrom{n} AND r.date < @yto{n})")) + ")");
                    for (var n = 0; n < years.Count; n++)
                    {
                        parameters.Add("yfrom" + n, YearStart(years[n]));
                        parameters.Add("yto" + n, YearStart(years[n] + 1));
                    }
                }
            }

            if (filter.Quarters.Count > 0)
            {
                if (totals)
                {
                    throw new InvalidOperationException("The totals cells have no quarters.");
                }

                clauses.Add("((CAST(substr(r.date, 6, 2) AS INTEGER) + 2) / 3) IN @quarters");
                parameters.Add("quarters", filter.Quarters.Distinct().ToList());
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

            NamePattern.AddClause(clauses, parameters, totals ? "t.segment_key" : "r.segment_key", "segment", filter.Segments);
            NamePattern.AddClause(clauses, parameters, totals ? "t.region_key" : "r.region_key", "region", filter.Regions);

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        private static string YearStart(int year) => year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture) + "-01-01";

        private static void FillPartnerIds(PartnerStore store, ICollection<long> ids)
        {
            var connection = store.Connection;
            // Only the temporary database is written: a deferred transaction takes no lock on the database file.
            var own = store.Transaction == null ? connection.BeginTransaction(deferred: true) : null;
            var transaction = store.Transaction ?? own;
            try
            {
                connection.Execute($"CREATE TEMP TABLE IF NOT EXISTS {PartnerIdTable.Substring(5)} (id INTEGER PRIMARY KEY)", transaction: transaction);
                connection.Execute($"DELETE FROM {PartnerIdTable}", transaction: transaction);
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT OR IGNORE INTO {PartnerIdTable} (id) VALUES ($id)";
                    var id = insert.CreateParameter();
                    id.ParameterName = "$id";
                    insert.Parameters.Add(id);
                    foreach (var value in ids)
                    {
                        id.Value = value;
                        insert.ExecuteNonQuery();
                    }
                }

                own?.Commit();
            }
            finally
            {
                own?.Dispose();
            }
        }
    }
}
