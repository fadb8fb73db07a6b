using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Npgsql;
using PartnerOps.PostgreSql;
using PartnerOps.Sqlite;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// The same data in two databases: a SQLite file filled through its repositories, and a schema of its own on the test
    /// server holding a copy of its rows (column for column; the server's triggers build its revenue totals). The schema is
    /// dropped afterwards. What the two give back for one question must be equal.
    /// </summary>
    public sealed class PgTwins : IDisposable
    {
        // Rows copied in this order (referenced tables first); revenue_totals and history are the server's own.
        private static readonly string[] CopiedTables = { "partners", "revenue", "exchange_rates", "targets" };

        private readonly TempDatabase _file = new TempDatabase();

        public PgTwins()
        {
            Sqlite = _file.Open();
            Location = PgFactAttribute.NewSchemaLocation();
            Server = PgDatabase.Open(PgLocation.Parse(Location), create: true, "USD");
        }

        /// <summary>The SQLite twin.</summary>
        public SqliteDatabase Sqlite { get; }

        /// <summary>The server twin (a schema of its own).</summary>
        public PgDatabase Server { get; private set; }

        /// <summary>The server twin's location as given (with its schema).</summary>
        public string Location { get; }

        /// <summary>
        /// Fills the SQLite twin with varied data (partners of every type, tier and status, regions in more than one spelling,
        /// revenue over three years in three currencies with and without partners, rates and targets) and copies it to the server.
        /// </summary>
        public void AddVariedData()
        {
            var partners = Repository(Sqlite);
            var revenue = Revenue(Sqlite);
            var rates = new ExchangeRateRepository(Sqlite, () => Now);
            var targets = new TargetRepository(Sqlite, () => Now);
            rates.Set("EUR", "USD", 2015, 1.11m);
            rates.Set("GBP", "USD", 2016, 1.35m);
            targets.Set(TargetMetric.PartnerCount, "Großraum", 2016, 12m, null);
            targets.Set(TargetMetric.PartnerRevenue, null, 2016, 1000m, "USD");

            var regions = new[] { "Großraum", "GROSSRAUM", "China", "Western Europe", "western europe", "İstanbul" };
            var segments = new[] { "Enterprise", "Carrier", "consumer", "Consumer" };
            var currencies = new[] { "USD", "EUR", "GBP", "JPY" };
            var stored = new List<Partner>();
            for (var i = 0; i < 14; i++)
            {
                stored.Add(partners.Add(Draft(
                    i % 7 == 0 ? "Straße " + i : "Partner " + (char)('A' + i),
                    (PartnerType)(i % 5),
                    (PartnerTier)(i % 4),
                    (PartnerStatus)(i % 5),
                    region: i % 6 == 5 ? null : regions[i % regions.Length],
                    country: i % 3 == 0 ? null : (i % 2 == 0 ? "CN" : "DE"),
                    joinedOn: Day(2013 + (i % 4), 1 + (i % 12), 1 + i),
                    endedOn: i % 4 == 2 ? Day(2016, 6, 30) : (DateTime?)null)));
            }

            var random = new Random(16);
            Sqlite.BeginWrite();
            for (var i = 0; i < 400; i++)
            {
                var date = Day(2014 + random.Next(3), 1, 1).AddDays(random.Next(365));
                var amount = random.Next(-2_000, 500_000) / 100m;
                var currency = currencies[random.Next(currencies.Length)];
                var segment = segments[random.Next(segments.Length)];
                if (currency == "JPY")
                {
                    amount = Math.Round(amount);
                }

                if (random.Next(5) == 0)
                {
                    revenue.Add(DirectSale(regions[random.Next(regions.Length)], date, amount, currency, segment));
                }
                else
                {
                    revenue.Add(Sale(stored[random.Next(stored.Count)], date, amount, currency, segment, random.Next(3) == 0 ? regions[random.Next(regions.Length)] : null));
                }
            }

            Sqlite.Commit();
            CopyRows();
        }

        /// <summary>Copies the SQLite twin's rows to the server twin, in one write transaction there.</summary>
        public void CopyRows()
        {
            Server.BeginWrite();
            foreach (var table in CopiedTables)
            {
                var columns = Server.Query<string>(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
                    new { table });
                var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quoted))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
                foreach (IDictionary<string, object?> row in Sqlite.Connection.Query($"SELECT {string.Join(", ", columns.Select(Quoted))} FROM {table} ORDER BY 1"))
                {
                    var parameters = new DynamicParameters();
                    foreach (var column in columns)
                    {
                        parameters.Add(column, row[column]);
                    }

                    Server.Execute(insert, parameters);
                }
            }

            // Ids were given: the identities go on after the largest, as a copy leaves them.
            foreach (var table in new[] { "partners", "revenue", "targets" })
            {
                Server.Execute($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce((SELECT max(id) FROM {table}), 0) + 1, false)");
            }

            Server.Commit();
        }

        /// <summary>Runs SQL on the server twin's schema outside PartnerOps (to break what the checks look at).</summary>
        public void OnServer(string sql)
        {
            var builder = new NpgsqlConnectionStringBuilder(PgLocation.Parse(Location).Builder.ConnectionString) { SearchPath = PgDatabase.QuoteIdentifier(Schema) };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            connection.Execute(sql);
        }

        /// <summary>The server twin's schema.</summary>
        public string Schema => PgLocation.Parse(Location).Schema;

        public void Dispose()
        {
            Sqlite.Dispose();
            Server.Dispose();
            _file.Dispose();
            var builder = new NpgsqlConnectionStringBuilder(PgLocation.Parse(Location).Builder.ConnectionString) { Pooling = false };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            connection.Execute($"DROP SCHEMA IF EXISTS {PgDatabase.QuoteIdentifier(Schema)} CASCADE");
        }

        private static string Quoted(string column) => "\"" + column + "\"";
    }
}
