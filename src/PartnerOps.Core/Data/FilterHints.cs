using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// "Did you mean" hints for filters: an exact (non-wildcard) region, segment or country that no row of the database holds is
    /// most often a typo ('Westren Europe'), and a filter that matches nothing otherwise says nothing. <see cref="Unknown"/>
    /// compares each exact value, by its key (<see cref="RevenueRules.Key"/>, the key the filters match on: case, accents and
    /// invisible characters do not count; countries by their upper-cased code), with the values in use, read in ONE query of
    /// the distinct stored spellings (a scan of one column; revenue regions and segments from revenue_totals), and names the
    /// closest ones: at most <see cref="MaxSuggestions"/>, by the optimal-string-alignment distance between keys
    /// (<see cref="EditDistance"/>), only those within <see cref="MaxDistance"/> edits. Callers run it only when it can find
    /// something: a filter with exact values whose answer is empty, or with several values (one of them may be unknown).
    /// </summary>
    public static class FilterHints
    {
        /// <summary>At most this many close values are named.</summary>
        public const int MaxSuggestions = 3;

        /// <summary>
        /// Exact values (wildcards are skipped: a pattern that matches nothing is not a typo of one value) whose key no row
        /// holds, each with a sentence naming the closest known values, in the order given, each key once.
        /// </summary>
        /// <param name="distinct">Runs the query of <see cref="DistinctSql"/> (standard SQL, the same on every backend) and returns its values.</param>
        /// <param name="database">The database as shown, for the message.</param>
        public static IReadOnlyList<(string Value, string Message)> Unknown(HintedFilter filter, IEnumerable<string>? values, Func<string, IReadOnlyList<string>> distinct, string database)
        {
            var exact = (values ?? Enumerable.Empty<string>())
                .Where(v => !string.IsNullOrWhiteSpace(v) && !NamePattern.Parse(v).IsWildcard)
                .ToList();
            var result = new List<(string, string)>();
            if (exact.Count == 0)
            {
                return result;
            }

            // key -> the smallest spelling stored with it (as the measures show a region).
            var known = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var spelling in distinct(DistinctSql(filter)))
            {
                var key = KeyOf(filter, spelling);
                if (key.Length > 0 && (!known.TryGetValue(key, out var shown) || string.CompareOrdinal(spelling, shown) < 0))
                {
                    known[key] = spelling;
                }
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in exact)
            {
                // The value's key exactly as the filter computes it (NamePattern: escapes read, spaces around it trimmed).
                var key = filter == HintedFilter.PartnerCountry ? KeyOf(filter, Unescaped(value)) : NamePattern.Parse(value).Key;
                if (known.ContainsKey(key) || !seen.Add(key))
                {
                    continue;
                }

                var closest = Closest(key, known.Keys).Select(k => Show(filter, known[k])).ToList();
                var message = $"{Subject(filter)} '{TextRules.Shown(Unescaped(value).Trim())}'" + (closest.Count > 0
                    ? "; closest: " + string.Join(", ", closest) + "."
                    : known.Count == 0
                        ? $"; no {Plural(filter)} in '{database}' has a {Noun(filter)} at all."
                        : $", and none of the {known.Count.ToString(CultureInfo.InvariantCulture)} in use is close to it.");
                result.Add((value, message));
            }

            return result;
        }

        /// <summary>
        /// The keys within <see cref="MaxDistance"/> of <paramref name="key"/>, closest first (then in ordinal order of the key), at
        /// most <see cref="MaxSuggestions"/>.
        /// </summary>
        public static IReadOnlyList<string> Closest(string key, IEnumerable<string> candidates) =>
            candidates
                .Select(c => (Key: c, Distance: EditDistance(key, c)))
                .Where(c => c.Distance <= MaxDistance(key))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(MaxSuggestions)
                .Select(c => c.Key)
                .ToList();

        /// <summary>
        /// How many edits still count as "close" for a key of this length: a quarter of its characters, at least 1 ('Westren
        /// Europe', 14 characters, allows 3: 'Western Europe' is 1 away, 'Eastern Europe' 3; a two-letter country code allows 1).
        /// </summary>
        public static int MaxDistance(string key) => Math.Max(1, key.Length / 4);

        /// <summary>
        /// The optimal string alignment distance (restricted Damerau-Levenshtein) between two strings, compared by UTF-16 code
        /// unit: the fewest insertions, deletions, substitutions and swaps of two adjacent characters that turn one into the
        /// other, no substring edited twice ("ca" to "abc" is 3). Keys are compared, so the strings are already folded.
        /// Written here rather than taken from F23.StringSimilarity 7.0.1 (MIT, netstandard2.0, which has the same
        /// OptimalStringAlignment): that package requires System.Memory 4.6.3 and with it newer System.Buffers,
        /// System.Numerics.Vectors and System.Runtime.CompilerServices.Unsafe than the ones the module ships for System.Text.Json
        /// and CsvHelper, and Windows PowerShell 5.1 (a supported edition) loads a module's assemblies without binding redirects.
        /// </summary>
        public static int EditDistance(string a, string b)
        {
            if (a == null)
            {
                throw new ArgumentNullException(nameof(a));
            }

            if (b == null)
            {
                throw new ArgumentNullException(nameof(b));
            }

            // Three rows of the dynamic-programming table: two back (for a swap), one back, and the current one.
            var twoBack = new int[b.Length + 1];
            var oneBack = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                oneBack[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var best = Math.Min(Math.Min(oneBack[j] + 1, current[j - 1] + 1), oneBack[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, twoBack[j - 2] + 1);
                    }

                    current[j] = best;
                }

                var spare = twoBack;
                twoBack = oneBack;
                oneBack = current;
                current = spare;
            }

            return oneBack[b.Length];
        }

        /// <summary>
        /// The query of the distinct stored spellings a filter's values are compared with (one column; revenue regions and
        /// segments from revenue_totals, which holds each cell's smallest spelling).
        /// </summary>
        public static string DistinctSql(HintedFilter filter) => filter switch
        {
            HintedFilter.PartnerRegion => "SELECT DISTINCT region FROM partners WHERE region IS NOT NULL",
            HintedFilter.PartnerCountry => "SELECT DISTINCT country FROM partners WHERE country IS NOT NULL",
            HintedFilter.RevenueRegion => "SELECT DISTINCT region FROM revenue_totals WHERE region IS NOT NULL",
            HintedFilter.RevenueSegment => "SELECT DISTINCT segment FROM revenue_totals",
            HintedFilter.TargetRegion => "SELECT DISTINCT region FROM targets WHERE region IS NOT NULL",
            HintedFilter.DealSegment => "SELECT DISTINCT segment FROM deals",
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };

        private static string KeyOf(HintedFilter filter, string value) =>
            filter == HintedFilter.PartnerCountry ? value.Trim().ToUpperInvariant() : RevenueRules.Key(value) ?? string.Empty;

        // A value as the filter reads it: backtick escapes removed ('a`*b' is the literal 'a*b').
        private static string Unescaped(string value)
        {
            var text = new System.Text.StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '`' && i + 1 < value.Length)
                {
                    i++;
                }

                text.Append(value[i]);
            }

            return text.ToString();
        }

        private static string Show(HintedFilter filter, string spelling)
        {
            var shown = "'" + TextRules.Shown(spelling) + "'";
            if (filter != HintedFilter.PartnerCountry)
            {
                return shown;
            }

            try
            {
                return shown + " (" + new RegionInfo(spelling).EnglishName + ")";
            }
            catch (ArgumentException)
            {
                return shown; // a code .NET does not know by name (XK on some systems)
            }
        }

        private static string Subject(HintedFilter filter) => filter switch
        {
            HintedFilter.PartnerRegion => "No partner has region",
            HintedFilter.PartnerCountry => "No partner has country",
            HintedFilter.RevenueRegion => "No revenue record has region",
            HintedFilter.RevenueSegment => "No revenue record has segment",
            HintedFilter.DealSegment => "No deal has segment",
            _ => "No target has region",
        };

        private static string Plural(HintedFilter filter) => filter switch
        {
            HintedFilter.PartnerRegion => "partner",
            HintedFilter.PartnerCountry => "partner",
            HintedFilter.RevenueRegion => "revenue record",
            HintedFilter.RevenueSegment => "revenue record",
            HintedFilter.DealSegment => "deal",
            _ => "target",
        };

        private static string Noun(HintedFilter filter) => filter switch
        {
            HintedFilter.PartnerCountry => "country",
            HintedFilter.RevenueSegment or HintedFilter.DealSegment => "segment",
            _ => "region",
        };
    }
}
