using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// A list the user gave (ids, names, years, wildcard patterns) as SQL. Dapper's <c>IN @list</c> binds one
    /// parameter per value, and SQLite allows at most 32,766 in a statement; here a whole list is ONE parameter
    /// holding a JSON array, read back with SQLite's <c>json_each</c>, so any number of values fits.
    /// </summary>
    internal static class SqlList
    {
        /// <summary>
        /// Up to this many wildcard patterns (or ranges of dates) are written out one condition each: on an index a
        /// literal prefix bounds a range of it ('ACME*' stays a range lookup), and on a column without an index a few
        /// GLOBs per row cost less than listing the column's keys. More patterns are matched in one statement against
        /// the keys the column holds. Measured on 1,000,000 partners: 8 written-out GLOBs took as long as the key list
        /// (0.4 s), 50 four times as long; on the name index the key list was never slower than written-out ranges.
        /// </summary>
        internal const int MaxWrittenOut = 8;

        // Compact JSON: text is written as it is (only quotes, backslashes and control characters escaped). A lone
        // surrogate becomes U+FFFD, just as binding the text itself would make it: it matches nothing either way.
        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The values as one JSON array, each once.</summary>
        internal static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values.Distinct().ToList(), JsonOptions);

        /// <summary>
        /// <c>column IN (the values)</c>, the values bound as one parameter named <paramref name="name"/>. An empty list
        /// matches nothing.
        /// </summary>
        internal static string In<T>(DynamicParameters parameters, string column, string name, IEnumerable<T> values)
        {
            parameters.Add(name, Json(values));
            return $"{column} IN (SELECT value FROM json_each(@{name}))";
        }

        /// <summary>Adds <see cref="In"/> as a clause; nothing for no values (an empty list restricts nothing).</summary>
        internal static void AddIn<T>(List<string> clauses, DynamicParameters parameters, string column, string name, ICollection<T> values)
        {
            if (values.Count > 0)
            {
                clauses.Add(In(parameters, column, name, values));
            }
        }

        /// <summary>
        /// Adds one clause matching <paramref name="column"/> (a key column) against the patterns, or nothing for
        /// no patterns: see <see cref="Matching"/>.
        /// </summary>
        internal static void AddMatching(List<string> clauses, DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, PatternKeys keys)
        {
            if (patterns.Count > 0)
            {
                clauses.Add(Matching(parameters, column, name, patterns, keys));
            }
        }

        /// <summary>
        /// A condition matching <paramref name="column"/> (a key column: NameKey for names, upper-cased for regions and segments) against the patterns: exact keys in one
        /// JSON list, wildcards written out when few, else in one JSON list matched against <paramref name="keys"/>.
        /// Parameters are named after <paramref name="name"/>.
        /// </summary>
        internal static string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, PatternKeys keys)
        {
            var alternatives = new List<string>();
            var exact = patterns.Where(p => !p.IsWildcard).Select(p => p.Key).ToList();
            if (exact.Count > 0)
            {
                alternatives.Add(In(parameters, column, name + "Keys", exact));
            }

            var wildcards = patterns.Where(p => p.IsWildcard).GroupBy(p => p.Glob).Select(g => g.First()).ToList();
            if (wildcards.Count > MaxWrittenOut)
            {
                // Each pattern is matched once against the keys, not against every row: json_each first (CROSS JOIN
                // keeps that order), so the JSON is read once, and an index on the keys gives each prefix its range.
                var match = keys.Indexed ? "s.k >= j.value->>0 AND s.k < j.value->>1 AND s.k GLOB j.value->>2" : "s.k GLOB j.value";
                alternatives.Add($"{column} IN (SELECT s.k FROM json_each(@{name}Patterns) AS j CROSS JOIN ({keys.Sql}) AS s WHERE {match})");
                parameters.Add(name + "Patterns", keys.Indexed
                    ? JsonSerializer.Serialize(wildcards.Select(p => new[] { p.Prefix, p.PrefixUpperBound, p.Glob }), JsonOptions)
                    : JsonSerializer.Serialize(wildcards.Select(p => p.Glob), JsonOptions));
            }
            else
            {
                for (var i = 0; i < wildcards.Count; i++)
                {
                    alternatives.Add(WildcardClause(column, name + i.ToString(System.Globalization.CultureInfo.InvariantCulture), wildcards[i], keys.Indexed, parameters));
                }
            }

            return alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")";
        }

        /// <summary>
        /// The one translation of a wildcard name pattern into SQL over a key column: GLOB on the pattern's key form, and, when the
        /// column is indexed, the range of its literal prefix (so 'ACC*' keeps the index in use). Its parameters are named
        /// <paramref name="name"/>Lo, Hi and Glob.
        /// </summary>
        internal static string WildcardClause(string column, string name, NamePattern pattern, bool indexed, DynamicParameters parameters)
        {
            parameters.Add($"{name}Glob", pattern.Glob);
            if (!indexed)
            {
                return $"{column} GLOB @{name}Glob";
            }

            parameters.Add($"{name}Lo", pattern.Prefix);
            parameters.Add($"{name}Hi", pattern.PrefixUpperBound);
            return $"({column} >= @{name}Lo AND {column} < @{name}Hi AND {column} GLOB @{name}Glob)";
        }
    }

    /// <summary>Where many wildcard patterns find the keys they may match (see <see cref="SqlList.Matching"/>).</summary>
    internal sealed class PatternKeys
    {
        /// <param name="sql">A query whose one column, k, lists every key the matched column can hold (more do no harm).</param>
        /// <param name="indexed">Whether k is read from an index, so that a pattern's literal prefix bounds a range of it.</param>
        public PatternKeys(string sql, bool indexed)
        {
            Sql = sql;
            Indexed = indexed;
        }

        /// <summary>Partner name keys, from their unique index (name_key, name_dup).</summary>
        public static PatternKeys PartnerNames { get; } = new PatternKeys("SELECT name_key AS k FROM partners", indexed: true);

        public string Sql { get; }

        public bool Indexed { get; }

        /// <summary>The distinct values of <paramref name="expression"/> in <paramref name="table"/>, a column without an index.</summary>
        public static PatternKeys Distinct(string expression, string table) => new PatternKeys($"SELECT DISTINCT {expression} AS k FROM {table}", indexed: false);
    }

    /// <summary>SQLite's side of a filter's SQL (<see cref="FilterDialect"/>): JSON lists, GLOB, and the po_key function.</summary>
    internal sealed class SqliteFilterDialect : FilterDialect
    {
        public static SqliteFilterDialect Instance { get; } = new SqliteFilterDialect();

        public override int MaxWrittenOut => SqlList.MaxWrittenOut;

        public override string False => "0";

        public override string In<T>(DynamicParameters parameters, string column, string name, IEnumerable<T> values) => SqlList.In(parameters, column, name, values);

        public override string Matching(DynamicParameters parameters, string column, string name, IList<NamePattern> patterns, string keyColumn, string table, bool indexed) =>
            SqlList.Matching(parameters, column, name, patterns, indexed ? PatternKeys.PartnerNames : PatternKeys.Distinct(keyColumn, table));

        public override string PartnerRegionMatching(DynamicParameters parameters, IList<NamePattern> patterns) =>
            SqlList.Matching(parameters, "po_key(region)", "region", patterns, PatternKeys.Distinct("po_key(region)", "partners"));
    }
}
