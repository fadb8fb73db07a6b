using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Tab completion's values read from a PartnerOps schema on a server, without changing or migrating it: partner names by
    /// their index range and pattern, at most 100, in Get-Partner's order; regions, countries, segments and currencies read once
    /// and kept (<see cref="CompletionValues"/>) until the database changes, which its history shows (every change writes a
    /// history row; a replaced schema has new tables). Connections wait at most a few seconds; any failure (no server, no
    /// database, a schema that is not PartnerOps, a bad location) is "no values".
    /// </summary>
    internal sealed class PgCompletionSource : ICompletionSource
    {
        /// <summary>At most this many partner names are offered (as on SQLite).</summary>
        public const int MaxNames = 100;

        private static readonly ConcurrentDictionary<string, CompletionValues> Cache = new ConcurrentDictionary<string, CompletionValues>(StringComparer.Ordinal);

        /// <summary>Partner names whose name key starts with that of <paramref name="prefix"/> (ignoring case; wildcards allowed), in Get-Partner's order.</summary>
        public IReadOnlyList<string> PartnerNames(string path, string prefix)
        {
            var parameters = new DynamicParameters(new { max = MaxNames });
            var match = PgSqlList.Matching(parameters, "name_key", "name", new[] { CompletionValues.PartnerNamePattern(prefix) }, indexed: true);
            return Read(path, connection => connection.Query<string>(
                "SELECT name FROM partners WHERE " + match + " ORDER BY name_sort, name_key, id LIMIT @max", parameters).ToList()) ?? new List<string>();
        }

        /// <summary>Regions stored (of partners, revenue and targets) whose key starts with that of <paramref name="prefix"/>.</summary>
        public IReadOnlyList<string> Regions(string path, string prefix) => ValuesOf(path).Regions(prefix);

        /// <summary>Country codes partners use first, then the other ISO 3166-1 codes.</summary>
        public IReadOnlyList<string> Countries(string path, string prefix) => ValuesOf(path).Countries(prefix);

        /// <summary>Segments stored, and Enterprise, whose key starts with that of <paramref name="prefix"/>.</summary>
        public IReadOnlyList<string> Segments(string path, string prefix) => ValuesOf(path).Segments(prefix);

        /// <summary>The reporting currency and the rates' currencies first, then the other ISO 4217 codes.</summary>
        public IReadOnlyList<string> Currencies(string path, string prefix) => ValuesOf(path).Currencies(prefix);

        /// <summary>The reasons stored with Status changes, each once (none before schema 12).</summary>
        public IReadOnlyList<string> Reasons(string path, string prefix) => ValuesOf(path).Reasons(prefix);

        /// <summary>The roles stored with contacts, one spelling per key (none before schema 13).</summary>
        public IReadOnlyList<string> ContactRoles(string path, string prefix) => ValuesOf(path).Roles(prefix);

        /// <summary>The emails of a partner's contacts starting with <paramref name="prefix"/> (none before schema 13).</summary>
        public IReadOnlyList<string> ContactEmails(string path, string? partner, string prefix) =>
            string.IsNullOrWhiteSpace(partner) ? new List<string>() : Read(path, connection => connection.ExecuteScalar<string?>("SELECT to_regclass('contacts')::text") != null
                ? CompletionValues.EmailsStartingWith(connection.Query<string>(CompletionValues.ContactEmailsSql, CompletionValues.ContactEmailsParameters(partner!)), prefix).ToList()
                : new List<string>()) ?? new List<string>();

        /// <summary>Certification names stored, one spelling per key (none before schema 13).</summary>
        public IReadOnlyList<string> CertificationNames(string path, string prefix) => ValuesOf(path).Certifications(prefix);

        /// <summary>Deals' customers, one spelling per key (none before schema 14).</summary>
        public IReadOnlyList<string> DealCustomers(string path, string prefix) => Deals(path, DealCompletion.CustomersSql, DealCompletion.CustomerRange(prefix));

        /// <summary>Deals' references starting with the prefix (none before schema 14).</summary>
        public IReadOnlyList<string> DealReferences(string path, string prefix) => Deals(path, DealCompletion.ReferencesSql, DealCompletion.ReferenceRange(prefix));

        private static IReadOnlyList<string> Deals(string path, string sql, object range) =>
            Read(path, connection => connection.ExecuteScalar<string?>("SELECT to_regclass('deals')::text") != null
                ? connection.Query<string>(sql, range).ToList()
                : new List<string>()) ?? new List<string>();

        // The last change (the greatest history id) and the partners table's identity (a schema made again has a new one).
        private const string StampSql = "SELECT coalesce((SELECT max(id) FROM history), 0)::text || ':' || 'partners'::regclass::oid::text";

        private static CompletionValues ValuesOf(string path) => Read(path, connection =>
        {
            var stamp = connection.ExecuteScalar<string?>(StampSql) ?? string.Empty;
            var key = PgLocation.Parse(path).Display;
            if (Cache.TryGetValue(key, out var cached) && cached.Stamp == stamp)
            {
                return cached;
            }

            var values = new CompletionValues(stamp);
            // Each pair once, in the order SQLite's scan meets them (partners by id, cells by key), so the first spelling of a key
            // shown is the one SQLite shows.
            foreach (var (region, country) in connection.Query<(string?, string?)>("SELECT region, country FROM partners GROUP BY region, country ORDER BY min(id)"))
            {
                values.AddRegion(region);
                values.AddCountry(country);
            }

            values.AddCurrency(connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'currency'"));
            foreach (var (region, segment) in connection.Query<(string?, string?)>(
                "SELECT region, segment FROM (SELECT region, segment, row_number() OVER (ORDER BY partner_key, year, region_key, segment_key, currency) AS n " +
                "FROM revenue_totals) t GROUP BY region, segment ORDER BY min(n)"))
            {
                values.AddRegion(region);
                values.AddSegment(segment);
            }

            foreach (var region in connection.Query<string?>("SELECT region FROM targets ORDER BY id"))
            {
                values.AddRegion(region);
            }

            foreach (var currency in connection.Query<string>("SELECT from_currency FROM exchange_rates UNION SELECT to_currency FROM exchange_rates ORDER BY 1"))
            {
                values.AddCurrency(currency);
            }

            if (connection.ExecuteScalar<string?>("SELECT to_regclass('contacts')::text") != null)
            {
                foreach (var role in connection.Query<string>("SELECT role FROM contacts WHERE role IS NOT NULL ORDER BY id"))
                {
                    values.AddRole(role);
                }
            }

            if (connection.ExecuteScalar<string?>("SELECT to_regclass('status_changes')::text") != null)
            {
                foreach (var reason in connection.Query<string>(StatusWrites.Reasons))
                {
                    values.AddReason(reason);
                }
            }

            if (connection.ExecuteScalar<string?>("SELECT to_regclass('certifications')::text") != null)
            {
                foreach (var name in connection.Query<string>(CertificationSql.Names))
                {
                    values.AddCertification(name);
                }
            }

            Cache[key] = values;
            return values;
        }) ?? CompletionValues.Empty;

        // Runs `read` on a short-lived connection to the location's schema when it holds a PartnerOps database; null on any failure.
        private static T? Read<T>(string path, Func<NpgsqlConnection, T> read)
            where T : class
        {
            try
            {
                var location = PgLocation.Parse(path);
                var builder = new NpgsqlConnectionStringBuilder(location.Builder.ConnectionString)
                {
                    SearchPath = PgDatabase.QuoteIdentifier(location.Schema),
                    Timeout = 3,
                    CommandTimeout = 5,
                };
                using (var connection = new NpgsqlConnection(builder.ConnectionString))
                {
                    connection.Open();
                    var marked = connection.ExecuteScalar<long>(
                        "SELECT count(*) FROM pg_tables WHERE schemaname = @schema AND tablename = 'meta'", new { schema = location.Schema }) > 0
                        && connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'application_id'") == PgSchema.ApplicationId;
                    return marked ? read(connection) : null;
                }
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is PartnerOpsException || ex is InvalidOperationException || ex is TimeoutException || ex is ArgumentException)
            {
                return null;
            }
        }
    }
}
