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

        private static readonly ConcurrentDictionary<string, CompletionValues> Cache = new ConcurrentDictionary<string, CompletionValues>(StringComparer.Ordinal);

        /// <summary>Partner names that start with <paramref name="prefix"/> (ignoring case; wildcards allowed), in Get-Partner's order.</summary>
        public IReadOnlyList<string> PartnerNames(string path, string prefix)
        {
            var pattern = CompletionValues.PartnerNamePattern(prefix);
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
        public IReadOnlyList<string> Regions(string path, string prefix) => ValuesOf(path).Regions(prefix);

        /// <summary>Country codes in use first, then the other ISO 3166-1 codes.</summary>
        public IReadOnlyList<string> Countries(string path, string prefix) => ValuesOf(path).Countries(prefix);

        /// <summary>Segments in use whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Segments(string path, string prefix) => ValuesOf(path).Segments(prefix);

        /// <summary>The reporting currency and the currencies of the rates first, then the other ISO 4217 codes.</summary>
        public IReadOnlyList<string> Currencies(string path, string prefix) => ValuesOf(path).Currencies(prefix);

        /// <summary>The reasons stored with Status changes, each once (none before schema 12).</summary>
        public IReadOnlyList<string> Reasons(string path, string prefix) => ValuesOf(path).Reasons(prefix);

        /// <summary>The roles stored with contacts, one spelling per key (none before schema 13).</summary>
        public IReadOnlyList<string> ContactRoles(string path, string prefix) => ValuesOf(path).Roles(prefix);

        /// <summary>The emails of a partner's contacts starting with <paramref name="prefix"/> (none before schema 13).</summary>
        public IReadOnlyList<string> ContactEmails(string path, string? partner, string prefix) =>
            string.IsNullOrWhiteSpace(partner) ? new List<string>() : Read(path, connection => HasTable(connection, "contacts")
                ? CompletionValues.EmailsStartingWith(connection.Query<string>(CompletionValues.ContactEmailsSql, CompletionValues.ContactEmailsParameters(partner!)), prefix).ToList()
                : new List<string>());

        /// <summary>Certification names stored, one spelling per key (none before schema 13).</summary>
        public IReadOnlyList<string> CertificationNames(string path, string prefix) => ValuesOf(path).Certifications(prefix);

        /// <summary>Deals' customers, one spelling per key (none before schema 14).</summary>
        public IReadOnlyList<string> DealCustomers(string path, string prefix) =>
            Read(path, connection => HasTable(connection, "deals") ? connection.Query<string>(DealCompletion.CustomersSql, DealCompletion.CustomerRange(prefix)).ToList() : new List<string>());

        /// <summary>Deals' references starting with the prefix (none before schema 14).</summary>
        public IReadOnlyList<string> DealReferences(string path, string prefix) =>
            Read(path, connection => HasTable(connection, "deals") ? connection.Query<string>(DealCompletion.ReferencesSql, DealCompletion.ReferenceRange(prefix)).ToList() : new List<string>());

        private static CompletionValues ValuesOf(string path)
        {
            var stamp = Stamp(path);
            if (stamp == null)
            {
                return CompletionValues.Empty;
            }

            if (Cache.TryGetValue(path, out var cached) && cached.Stamp == stamp)
            {
                return cached;
            }

            var values = Read(path, connection =>
            {
                var read = new CompletionValues(stamp);
                foreach (var (region, country) in connection.Query<(string?, string?)>("SELECT DISTINCT region, country FROM partners"))
                {
                    read.AddRegion(region);
                    read.AddCountry(country);
                }

                read.AddCurrency(connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'currency'"));
                if (HasTable(connection, "revenue_totals"))
                {
                    foreach (var (region, segment) in connection.Query<(string?, string?)>("SELECT DISTINCT region, segment FROM revenue_totals"))
                    {
                        read.AddRegion(region);
                        read.AddSegment(segment);
                    }

                    foreach (var region in connection.Query<string?>("SELECT region FROM targets"))
                    {
                        read.AddRegion(region);
                    }

                    foreach (var currency in connection.Query<string>("SELECT from_currency FROM exchange_rates UNION SELECT to_currency FROM exchange_rates ORDER BY 1"))
                    {
                        read.AddCurrency(currency);
                    }
                }

                if (HasTable(connection, "contacts"))
                {
                    foreach (var role in connection.Query<string>("SELECT role FROM contacts WHERE role IS NOT NULL ORDER BY id"))
                    {
                        read.AddRole(role);
                    }
                }

                if (HasTable(connection, "certifications"))
                {
                    foreach (var name in connection.Query<string>(CertificationSql.Names))
                    {
                        read.AddCertification(name);
                    }
                }

                if (HasTable(connection, "status_changes"))
                {
                    foreach (var reason in connection.Query<string>(StatusWrites.Reasons))
                    {
                        read.AddReason(reason);
                    }
                }

                return read;
            }) ?? CompletionValues.Empty;

            Cache[path] = values;
            return values;
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
    }
}
