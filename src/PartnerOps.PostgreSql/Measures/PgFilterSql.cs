using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;

// The filters of the summarizing reads as PostgreSQL, with the names and signatures of part A's Repositories/PgSqlList.cs,
// PgRevenueWhere.cs and PgPartnerSql.cs (the same selections as SQLite's SqlList, RevenueWhere and PartnerSql): when both
// parts are merged, this file goes and the measures use those.
namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// A list the user gave (ids, names, years, wildcard patterns) as PostgreSQL: one array parameter (<c>= ANY(@list)</c>),
    /// so any number of values fits in a statement; a wildcard pattern (<see cref="NamePattern.Glob"/>) as an anchored regular
    /// expression over a <c>COLLATE "C"</c> key column, with its literal prefix as an index range where the column has one.
    /// </summary>
    internal static class PgSqlList
    {
        /// <summary>
        /// Up to this many wildcard patterns are written out one condition each, so that each literal prefix bounds a range of
        /// an index; more are matched with one <c>~ ANY(@patterns)</c> (as SqlList.MaxWrittenOut does on SQLite).
        /// </summary>
        internal const int MaxWrittenOut = 8;

        /// <summary><c>column = ANY(@name)</c>, the values bound as one array; an empty list matches nothing.</summary>
        internal static string Any<T>(DynamicParameters parameters, string column, string name, IEnumerable<T> values)
        {
            parameters.Add(name, values.Distinct().ToArray());
            return $"{column} = ANY(@{name})";
        }

        /// <summary>Adds <see cref="Any"/> as a clause; nothing for no values (an empty list restricts nothing).</summary>
        internal static void AddAny<T>(List<string> clauses, DynamicParameters parameters, string column, string name, ICollection<T> values)
        {
            if (values.Count > 0)
            {
                clauses.Add(Any(parameters, column, name, values));
            }
        }

        /// <summary>Adds one clause matching the key column against the patterns (<see cref="Matching"/>); nothing for none.</summary>
        internal static void AddMatching(List<string> clauses, DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, bool indexed)
        {
            if (patterns.Count > 0)
            {
                clauses.Add(Matching(parameters, column, name, patterns, indexed));
            }
        }

        /// <summary>
        /// A condition matching <paramref name="column"/> (a key column: NameKey for names, RevenueRules.Key for regions and
        /// segments) against the patterns: exact keys in one array, wildcards as anchored regular expressions, each with the
        /// range of its literal prefix when the column is <paramref name="indexed"/>. Parameters are named after <paramref name="name"/>.
        /// </summary>
        internal static string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, bool indexed)
        {
            var alternatives = new List<string>();
            var exact = patterns.Where(p => !p.IsWildcard).Select(p => p.Key).ToList();
            if (exact.Count > 0)
            {
                alternatives.Add(Any(parameters, column, name + "Keys", exact));
            }

            var wildcards = patterns.Where(p => p.IsWildcard).GroupBy(p => p.Glob).Select(g => g.First()).ToList();
            if (wildcards.Count > MaxWrittenOut || (!indexed && wildcards.Count > 1))
            {
                parameters.Add(name + "Patterns", wildcards.Select(p => Regex(p.Glob)).ToArray());
                alternatives.Add($"{column} ~ ANY(@{name}Patterns)");
            }
            else
            {
                for (var i = 0; i < wildcards.Count; i++)
                {
                    var n = name + i.ToString(CultureInfo.InvariantCulture);
                    parameters.Add(n + "Re", Regex(wildcards[i].Glob));
                    if (indexed && wildcards[i].Prefix.Length > 0)
                    {
                        parameters.Add(n + "Lo", wildcards[i].Prefix);
                        parameters.Add(n + "Hi", wildcards[i].PrefixUpperBound);
                        alternatives.Add($"({column} >= @{n}Lo AND {column} < @{n}Hi AND {column} ~ @{n}Re)");
                    }
                    else
                    {
                        alternatives.Add($"{column} ~ @{n}Re");
                    }
                }
            }

            return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")";
        }

        /// <summary>
        /// A glob over a key (<see cref="NamePattern.Glob"/>: <c>*</c> any run, <c>?</c> one character, <c>[set]</c> with
        /// ranges, a <c>]</c> first in a set literal, a <c>^</c> never a negation) as an anchored PostgreSQL regular expression
        /// (an ARE, PostgreSQL documentation 9.7.3) that matches exactly the keys SQLite's GLOB matches: every other character
        /// is escaped, and <c>.</c> matches any character, line breaks included (the default, not newline-sensitive, mode).
        /// </summary>
        internal static string Regex(string glob)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*')
                {
                    regex.Append(".*");
                }
                else if (c == '?')
                {
                    regex.Append('.');
                }
                else if (c == '[' && Close(glob, i) is int close)
                {
                    regex.Append('[');
                    for (var j = i + 1; j < close; j++)
                    {
                        var m = glob[j];
                        var range = m == '-' && j > i + 1 && j + 1 < close;
                        regex.Append(range ? "-" : Escaped(m));
                    }

                    regex.Append(']');
                    i = close;
                }
                else
                {
                    regex.Append(Escaped(c));
                }
            }

            return regex.Append('$').ToString();
        }

        // The ']' that closes the set opened at `open` (a ']' right after the '[' is a member), or null for none.
        private static int? Close(string glob, int open)
        {
            for (var j = open + 2; j < glob.Length; j++)
            {
                if (glob[j] == ']')
                {
                    return j;
                }
            }

            return null;
        }

        // Letters, digits and anything beyond ASCII stand for themselves; any other ASCII character is escaped, which an ARE
        // reads as that character, inside a set too.
        private static string Escaped(char c) => c > 127 || char.IsLetterOrDigit(c) || c == ' ' ? c.ToString() : "\\" + c;
    }

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

    /// <summary>The SQL of partner reads on PostgreSQL: the columns, the WHERE of a filter, and the one "partner on this date" rule.</summary>
    internal static class PgPartnerSql
    {
        /// <summary>
        /// The one "partner on this date" rule (as PartnerSql.PartnerOn on SQLite): joined on or before the date (the parameter
        /// <paramref name="dateParameter"/>, yyyy-MM-dd) and not ended by it (an EndedOn is the first day no longer a partner).
        /// </summary>
        internal static string PartnerOn(string dateParameter) =>
            $"joined_on <= @{dateParameter} AND (ended_on IS NULL OR ended_on > @{dateParameter})";

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        internal static (string Where, DynamicParameters Parameters) BuildWhere(PgDatabase db, PartnerFilter filter, IList<NamePattern>? names = null)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();

            PgSqlList.AddMatching(clauses, parameters, "name_key", "name", names ?? filter.Names, indexed: true);
            PgSqlList.AddAny(clauses, parameters, "id", "ids", filter.Ids);
            PgSqlList.AddAny(clauses, parameters, "type", "types", filter.Types.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "tier", "tiers", filter.Tiers.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "status", "statuses", filter.Statuses.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "country", "countries", filter.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList());
            if (filter.Regions.Count > 0)
            {
                clauses.Add(RegionMatching(db, parameters, filter.Regions));
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
                clauses.Add(PartnerOn("asOf") + " AND status <> 'Prospect'");
                parameters.Add("asOf", PartnerRules.FormatDate(asOf));
            }

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>
        /// Partners have no stored region key (the region's key is computed in C#, and the server has no C# functions): the
        /// distinct regions are read once and keyed here (<see cref="RevenueRules.Key"/>), and the patterns are matched against
        /// those keys in SQL, the regions whose keys match selecting the partners. <paramref name="name"/> names the parameters.
        /// </summary>
        internal static string RegionMatching(PgDatabase db, DynamicParameters parameters, IList<NamePattern> patterns, string name = "region")
        {
            var regions = db.Query<string>("SELECT DISTINCT region FROM partners WHERE region IS NOT NULL");
            parameters.Add(name + "Spellings", regions.ToArray());
            parameters.Add(name + "SpellingKeys", regions.Select(r => RevenueRules.Key(r)!).ToArray());
            var matching = PgSqlList.Matching(parameters, "s.k", name, patterns, indexed: false);
            return $"region = ANY(ARRAY(SELECT s.r FROM unnest(@{name}Spellings, @{name}SpellingKeys) AS s(r, k) WHERE {matching}))";
        }
    }
}
