using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;

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
        /// range of its literal prefix when the column is <paramref name="indexed"/> (the partners' name_key). Past
        /// <see cref="MaxWrittenOut"/> wildcards each pattern is matched once against the keys, not against every row: on the
        /// name index by its prefix's range, elsewhere against the keys <paramref name="keys"/> lists (a query of one column, k,
        /// of every key the column can hold). Parameters are named after <paramref name="name"/>.
        /// </summary>
        internal static string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, bool indexed, string? keys = null)
        {
            var alternatives = new List<string>();
            var exact = patterns.Where(p => !p.IsWildcard).Select(p => p.Key).ToList();
            if (exact.Count > 0)
            {
                alternatives.Add(Any(parameters, column, name + "Keys", exact));
            }

            var wildcards = patterns.Where(p => p.IsWildcard).GroupBy(p => p.Glob).Select(g => g.First()).ToList();
            if (wildcards.Count > MaxWrittenOut && indexed)
            {
                parameters.Add(name + "Lo", wildcards.Select(p => p.Prefix).ToArray());
                parameters.Add(name + "Hi", wildcards.Select(p => p.PrefixUpperBound).ToArray());
                parameters.Add(name + "Patterns", wildcards.Select(p => Regex(p.Glob)).ToArray());
                alternatives.Add($"{column} IN (SELECT k.name_key FROM unnest(@{name}Lo, @{name}Hi, @{name}Patterns) AS j(lo, hi, re) " +
                                 "JOIN partners k ON k.name_key >= j.lo AND k.name_key < j.hi AND k.name_key ~ j.re)");
            }
            else if (wildcards.Count > MaxWrittenOut && keys != null)
            {
                parameters.Add(name + "Patterns", wildcards.Select(p => Regex(p.Glob)).ToArray());
                alternatives.Add($"{column} IN (SELECT s.k FROM ({keys}) AS s WHERE s.k ~ ANY(@{name}Patterns))");
            }
            else if (wildcards.Count > MaxWrittenOut || (!indexed && wildcards.Count > 1))
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
    /// PostgreSQL's side of a filter's SQL (<see cref="FilterDialect"/>): arrays, anchored regular expressions, and partner
    /// regions keyed in C# (<see cref="PgPartnerSql.RegionMatching"/>, which reads the distinct regions of <c>db</c>).
    /// </summary>
    internal sealed class PgFilterDialect : FilterDialect
    {
        private readonly PgDatabase? _db;

        /// <param name="db">The database whose partner regions a partner filter reads; null where no filter has partner regions.</param>
        public PgFilterDialect(PgDatabase? db) => _db = db;

        public override int MaxWrittenOut => PgSqlList.MaxWrittenOut;

        public override string False => "false";

        public override string In<T>(DynamicParameters parameters, string column, string name, IEnumerable<T> values) => PgSqlList.Any(parameters, column, name, values);

        public override string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, string keyColumn, string table, bool indexed) =>
            PgSqlList.Matching(parameters, column, name, patterns, indexed, $"SELECT DISTINCT {keyColumn} AS k FROM {table}");

        public override string PartnerRegionMatching(DynamicParameters parameters, IList<NamePattern> patterns) =>
            PgPartnerSql.RegionMatching(_db ?? throw new System.InvalidOperationException("A partner filter needs its database."), parameters, patterns);
    }
}
