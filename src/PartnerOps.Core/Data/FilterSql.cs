using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// What differs between backends in the SQL of a filter: how a list of values and a list of patterns are bound and matched,
    /// the literal false, and how a partner's region is compared by key. <see cref="RevenueFilterSql"/> and
    /// <see cref="PartnerFilterSql"/> write the rest, the same selection on every backend.
    /// </summary>
    internal abstract class FilterDialect
    {
        /// <summary>Up to this many year runs (or wildcard patterns) are written out one condition each.</summary>
        public abstract int MaxWrittenOut { get; }

        /// <summary>A condition that is never true.</summary>
        public abstract string False { get; }

        /// <summary><c>column IN (the values)</c>, the values bound as one parameter named <paramref name="name"/>; none matches nothing.</summary>
        public abstract string In<T>(DynamicParameters parameters, string column, string name, IEnumerable<T> values);

        /// <summary>
        /// <paramref name="column"/> (a key column) matching any of the patterns (exact keys, wildcards). <paramref name="indexed"/>:
        /// the column is the partners' name_key (indexed); otherwise the keys it can hold are the distinct
        /// <paramref name="keyColumn"/> of <paramref name="table"/>. Parameters are named after <paramref name="name"/>.
        /// </summary>
        public abstract string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, string keyColumn, string table, bool indexed);

        /// <summary>A partner's region (partners store no region key) matching any of the patterns by its key.</summary>
        public abstract string PartnerRegionMatching(DynamicParameters parameters, IList<NamePattern> patterns);

        /// <summary>Adds <see cref="In"/> as a clause; nothing for no values (an empty list restricts nothing).</summary>
        public void AddIn<T>(List<string> clauses, DynamicParameters parameters, string column, string name, ICollection<T> values)
        {
            if (values.Count > 0)
            {
                clauses.Add(In(parameters, column, name, values));
            }
        }

        /// <summary>Adds <see cref="Matching"/> over a column without an index as a clause; nothing for no patterns.</summary>
        public void AddMatching(List<string> clauses, DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, string keyColumn, string table)
        {
            if (patterns.Count > 0)
            {
                clauses.Add(Matching(parameters, column, name, patterns, keyColumn, table, indexed: false));
            }
        }
    }

    /// <summary>
    /// A <see cref="RevenueFilter"/> as SQL over revenue rows (alias r) or over the revenue_totals cells (alias t), on any
    /// backend (<see cref="FilterDialect"/>). Every list is one parameter, so a pipeline of any size fits.
    /// </summary>
    internal static class RevenueFilterSql
    {
        /// <summary>The WHERE clause (with its parameters) of a filter; empty for no restriction.</summary>
        /// <param name="records">The table the rows (alias r) come from: revenue, or the records a measure was given.</param>
        public static (string Where, DynamicParameters Parameters) Build(FilterDialect sql, RevenueFilter filter, bool totals, string records = "revenue")
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            var partner = totals ? "t.partner_key" : "r.partner_id";

            if (filter.RestrictPartners)
            {
                var alternatives = new List<string>();
                if (filter.PartnerIds.Count > 0)
                {
                    alternatives.Add(sql.In(parameters, partner, "partnerIds", filter.PartnerIds));
                }

                if (filter.PartnerNames.Count > 0)
                {
                    alternatives.Add($"{partner} IN (SELECT id FROM partners WHERE {sql.Matching(parameters, "name_key", "partnerName", filter.PartnerNames, "name_key", "partners", indexed: true)})");
                }

                clauses.Add(alternatives.Count == 0 ? sql.False : "(" + string.Join(" OR ", alternatives) + ")");
            }

            var channels = filter.Channels.Distinct().ToList();
            if (channels.Count == 1)
            {
                var direct = channels[0] == RevenueChannel.Direct;
                clauses.Add(totals ? (direct ? "t.partner_key = 0" : "t.partner_key <> 0") : (direct ? "r.partner_id IS NULL" : "r.partner_id IS NOT NULL"));
            }

            if (filter.Attributions.Count > 0)
            {
                if (totals)
                {
                    throw new InvalidOperationException("The totals cells have no attribution.");
                }

                clauses.Add(sql.In(parameters, "r.attribution", "attributions", filter.Attributions.Distinct().Select(a => a.ToString()).ToList()));
            }

            if (filter.Years.Count > 0)
            {
                clauses.Add(totals ? sql.In(parameters, "t.year", "years", filter.Years) : RecordYears(sql, parameters, filter.Years));
            }

            if (filter.Quarters.Count > 0)
            {
                if (totals)
                {
                    throw new InvalidOperationException("The totals cells have no quarters.");
                }

                clauses.Add(sql.In(parameters, "((CAST(substr(r.date, 6, 2) AS INTEGER) + 2) / 3)", "quarters", filter.Quarters));
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
            sql.AddMatching(clauses, parameters, alias + ".segment_key", "segment", filter.Segments, "segment_key", table);
            sql.AddMatching(clauses, parameters, alias + ".region_key", "region", filter.Regions, "region_key", table);

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        // Date ranges rather than the year of each row, so the date index can be used: one range per run of consecutive
        // years. Past a few ranges the year is compared with one list instead.
        private static string RecordYears(FilterDialect sql, DynamicParameters parameters, IEnumerable<int> years)
        {
            var runs = YearRuns.Of(years);
            if (runs.Count > sql.MaxWrittenOut)
            {
                return sql.In(parameters, "CAST(substr(r.date, 1, 4) AS INTEGER)", "years", years);
            }

            for (var n = 0; n < runs.Count; n++)
            {
                parameters.Add("yfrom" + n, YearRuns.Start(runs[n].First));
                parameters.Add("yto" + n, YearRuns.Start(runs[n].Last + 1));
            }

            return "(" + string.Join(" OR ", runs.Select((_, n) => $"(r.date >= @yfrom{n} AND r.date < @yto{n})")) + ")";
        }
    }

    /// <summary>A <see cref="PartnerFilter"/> as SQL over the partners table, on any backend (<see cref="FilterDialect"/>).</summary>
    internal static class PartnerFilterSql
    {
        /// <summary>The alias the partners table has in the statements <see cref="BuildWhere"/> restricts (its own name).</summary>
        private const string Partners = "partners";

        /// <summary>
        /// The one "partner on this date" rule (<see cref="StatusSql.PartnerOn"/>), as SQL over the partners table: joined on or
        /// before the date (the parameter <paramref name="dateParameter"/>, yyyy-MM-dd), not ended by it (an EndedOn is the first
        /// day no longer a partner), and Onboarding, Active or Suspended on it. Get-Partner -AsOf, Measure-Partner and the
        /// PartnerCount targets all count with it.
        /// </summary>
        public static string PartnerOn(string dateParameter) => StatusSql.PartnerOn(Partners, dateParameter);

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        public static (string Where, DynamicParameters Parameters) BuildWhere(FilterDialect sql, PartnerFilter filter, IList<NamePattern>? names = null)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();

            // Every list is one parameter, so any number of names, ids or values fits in the statement.
            names ??= filter.Names;
            if (names.Count > 0)
            {
                clauses.Add(sql.Matching(parameters, "name_key", "name", names, "name_key", "partners", indexed: true));
            }

            sql.AddIn(clauses, parameters, "id", "ids", filter.Ids);
            sql.AddIn(clauses, parameters, "type", "types", filter.Types.Select(t => t.ToString()).ToList());
            // With a day, the tier and status of that day (StatusSql.On), else the current ones.
            var dated = filter.AsOf != null;
            sql.AddIn(clauses, parameters, dated ? StatusSql.On("Tier", Partners, "asOf") : "tier", "tiers", filter.Tiers.Select(t => t.ToString()).ToList());
            sql.AddIn(clauses, parameters, dated ? StatusSql.On("Status", Partners, "asOf") : "status", "statuses", filter.Statuses.Select(t => t.ToString()).ToList());
            sql.AddIn(clauses, parameters, "country", "countries", filter.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList());
            if (filter.Regions.Count > 0)
            {
                clauses.Add(sql.PartnerRegionMatching(parameters, filter.Regions));
            }

            if (filter.JoinedAfter is DateTime after)
            {
                clauses.Add("joined_on > @joinedAfter");
                parameters.Add("joinedAfter", PartnerRules.FormatDate(after));
            }

            if (filter.JoinedBefore is DateTime before)
            {
                clauses.Add("joined_on < @joinedBefore");
                parameters.Add("joinedBefore", PartnerRules.FormatDate(before));
            }

            if (filter.AsOf is DateTime asOf)
            {
                clauses.Add(PartnerOn("asOf"));
                parameters.Add("asOf", PartnerRules.FormatDate(asOf));
            }

            AddActivation(clauses, parameters, filter);
            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>
        /// The activation rules of a filter (<see cref="PartnerFilter.NotActivatedWithin"/>, <see cref="PartnerFilter.NoRevenueSince"/>):
        /// the day's status, the first change to Active (status_changes_partner) and the revenue of each partner (revenue_partner).
        /// </summary>
        /// <exception cref="ArgumentException">NotActivatedWithin without AsOf or Today.</exception>
        private static void AddActivation(List<string> clauses, DynamicParameters parameters, PartnerFilter filter)
        {
            if (filter.NotActivatedWithin is int days)
            {
                var day = filter.AsOf ?? filter.Today ?? throw new ArgumentException("NotActivatedWithin needs AsOf or Today: the day it is measured on.", nameof(filter));
                parameters.Add("activationDay", PartnerRules.FormatDate(day));
                parameters.Add("activeBy", PartnerRules.FormatDate(day.Date.AddDays(-days)));
                clauses.Add(StatusSql.On("Status", Partners, "activationDay") + " = 'Active'" +
                            " AND (SELECT min(sa.effective_on) FROM status_changes sa WHERE sa.partner_id = partners.id AND sa.attribute = 'Status' AND sa.to_value = 'Active') <= @activeBy" +
                            " AND NOT EXISTS (SELECT 1 FROM revenue ra WHERE ra.partner_id = partners.id AND ra.date <= @activationDay)");
            }

            if (filter.NoRevenueSince is DateTime since)
            {
                parameters.Add("noRevenueSince", PartnerRules.FormatDate(since));
                clauses.Add("NOT EXISTS (SELECT 1 FROM revenue rs WHERE rs.partner_id = partners.id AND rs.date >= @noRevenueSince)");
            }
        }
    }

    /// <summary>The restrictions of an exchange-rate search as SQL over exchange_rates, on any backend.</summary>
    internal static class ExchangeRateFilterSql
    {
        /// <summary>
        /// The WHERE clause (with its parameters) of the rates from and to a currency (ISO 4217 codes, any case; null: any) in
        /// the given years (null or none: any).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidCurrencyCode for a code that is no ISO 4217 code.</exception>
        public static (string Where, DynamicParameters Parameters) Build(FilterDialect sql, string? from, string? to, IEnumerable<int>? years)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (from != null)
            {
                clauses.Add("from_currency = @from");
                parameters.Add("from", CurrencyCodes.Require(from));
            }

            if (to != null)
            {
                clauses.Add("to_currency = @to");
                parameters.Add("to", CurrencyCodes.Require(to));
            }

            sql.AddIn(clauses, parameters, "year", "years", years?.ToList() ?? new List<int>());
            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }
    }

    /// <summary>The restrictions of a target search as SQL over targets, on any backend.</summary>
    internal static class TargetFilterSql
    {
        /// <summary>The WHERE clause (with its parameters) of the targets of these metrics, years and regions (null or none: any).</summary>
        public static (string Where, DynamicParameters Parameters) Build(FilterDialect sql, IList<TargetMetric>? metrics, IList<int>? years, IList<NamePattern>? regions)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            sql.AddIn(clauses, parameters, "metric", "metrics", (metrics ?? new List<TargetMetric>()).Select(m => m.ToString()).ToList());
            sql.AddIn(clauses, parameters, "year", "years", years ?? new List<int>());
            sql.AddMatching(clauses, parameters, "region_key", "region", regions ?? new List<NamePattern>(), "region_key", "targets");
            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }
    }
}
