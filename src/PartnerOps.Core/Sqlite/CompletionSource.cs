using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Values for tab completion, read from a database without changing it (read-only, no migration): partner
    /// names by an index range with a limit; regions, countries and segments from one scan, kept until the file
    /// changes; currencies from the reporting currency, the rates and ISO 4217. Any failure is "no values".
    /// </summary>
    internal sealed class CompletionSource : ICompletionSource
    {
        public const int MaxNames = 100;

        private static readonly ConcurrentDictionary<string, Lists> Cache = new ConcurrentDictionary<string, Lists>(StringComparer.Ordinal);

        /// <summary>Partner names that start with <paramref name="prefix"/> (ignoring case; wildcards allowed), in Get-Partner's order.</summary>
        public IReadOnlyList<string> PartnerNames(string path, string prefix)
        {
            var pattern = NamePattern.ParseName(prefix.EndsWith("*", StringComparison.Ordinal) ? prefix : prefix + "*");
            // Listed as Get-Partner lists them (PartnerRules.NameSortKey); a file not yet brought to the schema with sort keys
            // (completion only reads) by name key.
            var parameters = new DynamicParameters(new { max = MaxNames });
            var match = SqlList.WildcardClause("name_key", "name", pattern, indexed: true, parameters);
            return Read(path, connection => connection.Query<string>(
                "SELECT name FROM partners WHERE " + match + " ORDER BY " +
                (HasColumn(connection, "partners", "name_sort") ? "name_sort, name_key, id" : "name_key") + " LIMIT @max",
                parameters).ToList());
        }

        /// <summary>Regions in use whose key (<see cref="RevenueRules.Key"/>) starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Regions(string path, string prefix) => MatchingKey(ListsOf(path).Regions, prefix);

        /// <summary>Country codes in use first, then the other ISO 3166-1 codes.</summary>
        public IReadOnlyList<string> Countries(string path, string prefix) =>
            Matching(ListsOf(path).Countries.Concat(CountryCodes.All.OrderBy(c => c, StringComparer.Ordinal)).Distinct().ToList(), prefix);

        /// <summary>Segments in use whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Segments(string path, string prefix) => MatchingKey(ListsOf(path).Segments, prefix);

        /// <summary>The reporting currency and the currencies of the rates first, then the other ISO 4217 codes.</summary>
        public IReadOnlyList<string> Currencies(string path, string prefix) =>
            Matching(ListsOf(path).Currencies.Concat(CurrencyCodes.All.OrderBy(c => c, StringComparer.Ordinal)).Distinct().ToList(), prefix);

        private static IReadOnlyList<string> Matching(IReadOnlyList<string> values, string prefix) =>
            values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();

        private static IReadOnlyList<string> MatchingKey(IReadOnlyList<string> values, string prefix)
        {
            var key = RevenueRules.Key(prefix) ?? string.Empty;
            return values.Where(v => RevenueRules.Key(v)!.StartsWith(key, StringComparison.Ordinal)).ToList();
        }

        private static Lists ListsOf(string path)
        {
            var stamp = Stamp(path);
            if (stamp == null)
            {
                return Lists.Empty;
            }

            if (Cache.TryGetValue(path, out var cached) && cached.Stamp == stamp)
            {
                return cached;
            }

            var lists = Read(path, connection =>
            {
                var regions = new SortedSet<string>(KeyComparer.Instance);
                var countries = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var (region, country) in connection.Query<(string?, string?)>("SELECT DISTINCT region, country FROM partners"))
                {
                    Add(regions, region);
                    Add(countries, country);
                }

                var segments = new SortedSet<string>(KeyComparer.Instance) { RevenueRules.DefaultSegment };
                var currencies = new List<string>();
                if (HasTable(connection, "revenue_totals"))
                {
                    foreach (var (region, segment) in connection.Query<(string?, string?)>("SELECT DISTINCT region, segment FROM revenue_totals"))
                    {
                        Add(regions, region);
                        Add(segments, segment);
                    }

                    foreach (var region in connection.Query<string?>("SELECT region FROM targets"))
                    {
                        Add(regions, region);
                    }

                    currencies.AddRange(connection.Query<string>(
                        "SELECT from_currency FROM exchange_rates UNION SELECT to_currency FROM exchange_rates ORDER BY 1"));
                }

                var reporting = connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'currency'");
                if (reporting != null)
                {
                    currencies.Insert(0, reporting);
                }

                return new Lists(stamp, regions.ToList(), countries.ToList(), segments.ToList(), currencies.Distinct().ToList());
            }) ?? Lists.Empty;

            Cache[path] = lists;
            return lists;
        }

        private static T? Read<T>(string path, Func<SqliteConnection, T> read)
            where T : class
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                SqliteNative.EnsureLoaded();
                var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 1 };
                using (var connection = new SqliteConnection(builder.ToString()))
                {
                    connection.Open();
                    if (connection.ExecuteScalar<long>("PRAGMA application_id") != Schema.ApplicationId)
                    {
                        return null;
                    }

                    return read(connection);
                }
            }
            catch (SqliteException)
            {
                return null;
            }
        }

        private static IReadOnlyList<string> Read(string path, Func<SqliteConnection, List<string>> read) =>
            Read<List<string>>(path, read) ?? new List<string>();

        private static bool HasColumn(SqliteConnection connection, string table, string column) =>
            connection.ExecuteScalar<long>("SELECT count(*) FROM pragma_table_info(@table) WHERE name = @column", new { table, column }) > 0;

        private static bool HasTable(SqliteConnection connection, string name) =>
            connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name", new { name }) > 0;

        private static void Add(ISet<string> set, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                set.Add(value!);
            }
        }

        // The database and its WAL: a write changes one of them.
        private static string? Stamp(string path)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return null;
            }

            var wal = new FileInfo(path + "-wal");
            return $"{file.Length}:{file.LastWriteTimeUtc.Ticks}:{(wal.Exists ? wal.Length : -1)}:{(wal.Exists ? wal.LastWriteTimeUtc.Ticks : 0)}";
        }

        private sealed class Lists
        {
            public static readonly Lists Empty = new Lists(string.Empty, new List<string>(), new List<string>(), new List<string>(), new List<string>());

            public Lists(string stamp, IReadOnlyList<string> regions, IReadOnlyList<string> countries, IReadOnlyList<string> segments, IReadOnlyList<string> currencies)
            {
                Stamp = stamp;
                Regions = regions;
                Countries = countries;
                Segments = segments;
                Currencies = currencies;
            }

            public string Stamp { get; }

            public IReadOnlyList<string> Regions { get; }

            public IReadOnlyList<string> Countries { get; }

            public IReadOnlyList<string> Segments { get; }

            public IReadOnlyList<string> Currencies { get; }
        }

        // Regions and segments are one value per key (RevenueRules.Key: 'Großkunden' and 'GROSSKUNDEN' are one).
        private sealed class KeyComparer : IComparer<string>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public int Compare(string? x, string? y) => string.CompareOrdinal(RevenueRules.Key(x), RevenueRules.Key(y));
        }
    }
}
