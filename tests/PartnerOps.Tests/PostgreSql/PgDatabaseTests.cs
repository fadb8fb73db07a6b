using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Npgsql;
using PartnerOps.Data;
using PartnerOps.PostgreSql;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// A PartnerOps database on a PostgreSQL server (issue 16): created with what is missing, foreign or newer schemas refused and
    /// left untouched, writers taking turns under the advisory lock, the history's and totals' triggers, Ctrl+C.
    /// </summary>
    public class PgDatabaseTests
    {
        private static PgLocation NewLocation() => PgLocation.Parse(PgFactAttribute.NewSchemaLocation());

        private static NpgsqlConnection Raw(PgLocation location)
        {
            var connection = new NpgsqlConnection(location.Builder.ConnectionString);
            connection.Open();
            connection.Execute($"CREATE SCHEMA IF NOT EXISTS {PgDatabase.QuoteIdentifier(location.Schema)}; SET search_path TO {PgDatabase.QuoteIdentifier(location.Schema)}");
            return connection;
        }

        [PgFact]
        public void CreatesTheSchemaAtTheCurrentVersionAndOpensIt()
        {
            var location = NewLocation();
            Assert.False(PgDatabase.Exists(location));
            using (var created = PgDatabase.Open(location, create: true, "EUR", mustBeNew: true))
            {
                Assert.Equal("EUR", created.Currency);
                Assert.False(created.IsReadOnly);
            }

            Assert.True(PgDatabase.Exists(location));
            using var opened = PgDatabase.Open(location, create: false, "USD");
            Assert.Equal("EUR", opened.Currency);
            Assert.Equal(SchemaVersion.Current.ToString(), opened.Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'"));
            var again = Assert.Throws<PartnerOpsException>(() => PgDatabase.Open(location, create: true, "USD", mustBeNew: true));
            Assert.Equal(ErrorIds.DatabaseAlreadyExists, again.ErrorId);
        }

        [PgFact]
        public void CreatesAMissingDatabase()
        {
            var server = PgLocation.Parse(PgFactAttribute.Server);
            var name = "po_new_" + Guid.NewGuid().ToString("N").Substring(0, 12);
            var location = PgLocation.Parse($"postgresql://{server.Builder.Username}@{server.Builder.Host}:{server.Builder.Port}/{name}");
            var missing = Assert.Throws<PartnerOpsException>(() => PgDatabase.Open(location, create: false, "USD"));
            Assert.Equal(ErrorIds.DatabaseNotFound, missing.ErrorId);
            try
            {
                using var created = PgDatabase.Open(location, create: true, "USD");
                Assert.Equal("USD", created.Currency);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.Builder.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
                admin.Open();
                admin.Execute($"DROP DATABASE IF EXISTS {name}");
            }
        }

        [PgFact]
        public void RefusesAForeignSchemaAndLeavesItUntouched()
        {
            var location = NewLocation();
            using (var raw = Raw(location))
            {
                raw.Execute("CREATE TABLE invoices (id int PRIMARY KEY, note text); INSERT INTO invoices VALUES (1, 'keep me')");
            }

            foreach (var create in new[] { false, true })
            {
                var ex = Assert.Throws<PartnerOpsException>(() => PgDatabase.Open(location, create, "USD"));
                Assert.Equal(ErrorIds.DatabaseInvalid, ex.ErrorId);
            }

            Assert.Equal(ErrorIds.DatabaseInvalid, Assert.Throws<PartnerOpsException>(() => PgDatabase.Delete(location)).ErrorId);
            using var check = Raw(location);
            Assert.Equal(new[] { "invoices" }, check.Query<string>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").ToArray());
            Assert.Equal("keep me", check.ExecuteScalar<string>("SELECT note FROM invoices"));
        }

        [PgFact]
        public void RefusesANewerSchemaForReadsAndWrites()
        {
            var location = NewLocation();
            PgDatabase.Open(location, create: true, "USD").Dispose();
            using (var raw = Raw(location))
            {
                raw.Execute("UPDATE meta SET value = @v WHERE key = 'schema_version'", new { v = (SchemaVersion.Current + 1).ToString() });
            }

            foreach (var create in new[] { false, true })
            {
                var ex = Assert.Throws<PartnerOpsException>(() => PgDatabase.Open(location, create, "USD"));
                Assert.Equal(ErrorIds.DatabaseSchemaTooNew, ex.ErrorId);
                Assert.Contains((SchemaVersion.Current + 1).ToString(), ex.Message);
            }
        }

        [PgFact]
        public void ConcurrentCreatorsMakeOneDatabase()
        {
            var location = NewLocation();
            Parallel.For(0, 4, _ => PgDatabase.Open(PgLocation.Parse(location.Display), create: true, "USD").Dispose());
            using var raw = Raw(location);
            Assert.Equal(1L, raw.ExecuteScalar<long>("SELECT count(*) FROM meta WHERE key = 'application_id'"));
        }

        [PgFact]
        public void AWriterWaitsForAnotherThenFailsWithDatabaseBusy()
        {
            var location = NewLocation();
            using var first = PgDatabase.Open(location, create: true, "USD", mustBeNew: true, busyTimeout: 1);
            using var second = PgDatabase.Open(location, create: false, "USD", mustBeNew: false, busyTimeout: 1);
            first.BeginWrite();
            var watch = Stopwatch.StartNew();
            var busy = Assert.Throws<PartnerOpsException>(() => second.BeginWrite());
            Assert.Equal(ErrorIds.DatabaseBusy, busy.ErrorId);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 10);
            Assert.Null(second.Transaction);
            first.Commit();
            second.BeginWrite(); // the lock is free again
            second.Rollback();
        }

        [PgFact]
        public void TheTriggersKeepHistoryWithTheUserAndTotalsWithTheRecords()
        {
            var location = NewLocation();
            using var db = PgDatabase.Open(location, create: true, "USD", mustBeNew: true);
            db.BeginWrite();
            db.Execute(@"INSERT INTO partners (name, name_key, type, tier, status, joined_on, created_at, updated_at)
                         VALUES ('Acme', 'ACME', 'Reseller', 'Gold', 'Active', '2015-01-01', 'x', 'x'), ('Beta', 'BETA', 'Other', 'Silver', 'Active', '2015-01-01', 'x', 'x')");
            db.Execute(@"INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, created_at)
                         SELECT p.id, d, a, 'USD', 'Enterprise', 'ENTERPRISE', 'China', 'CHINA', 'x'
                         FROM partners p CROSS JOIN (VALUES ('2015-02-01', 1250::bigint), ('2015-03-01', -50), ('2016-01-01', 7)) v(d, a)");
            db.Execute("UPDATE partners SET tier = 'Platinum' WHERE name = 'Acme'");
            db.Execute("DELETE FROM revenue WHERE amount = -50 AND partner_id = (SELECT id FROM partners WHERE name = 'Beta')");
            db.Execute("UPDATE revenue SET amount = 99 WHERE amount = 1250 AND partner_id = (SELECT id FROM partners WHERE name = 'Acme')");
            db.Commit();

            var users = db.Query<string>("SELECT DISTINCT \"user\" FROM history");
            Assert.Equal(new[] { HistoryUser.Current }, users);
            Assert.Equal(2L + 6 + 1 + 1 + 1, db.Scalar<long>("SELECT count(*) FROM history"));
            var update = db.Scalar<string>("SELECT changes FROM history WHERE entity = 'Partner' AND operation = 'Update'");
            Assert.Equal("{\"Tier\":[\"Gold\",\"Platinum\"]}", update.Replace(" ", string.Empty));
            var amount = db.Scalar<string>("SELECT changes FROM history WHERE entity = 'Revenue' AND operation = 'Update'");
            Assert.Equal("{\"Amount\":[\"12.50\",\"0.99\"]}", amount.Replace(" ", string.Empty));

            // Every totals cell equals the GROUP BY of its records, and no cell is left without records.
            var differing = db.Scalar<long>(@"
                SELECT count(*) FROM (
                    SELECT coalesce(partner_id, 0) AS partner_key, substr(date, 1, 4)::int AS year, coalesce(region_key, '') AS region_key, segment_key, currency,
                           count(*) AS count, sum(amount)::bigint AS total, min(amount) AS minimum, max(amount) AS maximum FROM revenue GROUP BY 1, 2, 3, 4, 5) r
                FULL JOIN revenue_totals t USING (partner_key, year, region_key, segment_key, currency)
                WHERE r.count IS DISTINCT FROM t.count OR r.total IS DISTINCT FROM t.total OR r.minimum IS DISTINCT FROM t.minimum OR r.maximum IS DISTINCT FROM t.maximum");
            Assert.Equal(0L, differing);
            Assert.Equal(4L, db.Scalar<long>("SELECT count(*) FROM revenue_totals"));
        }

        [PgFact]
        public void InterruptStopsTheRunningStatementAndThoseAfterIt()
        {
            using var db = PgDatabase.Open(NewLocation(), create: true, "USD");
            var running = Task.Run(() => db.Scalar<int>("SELECT 1 FROM pg_sleep(30)"));
            System.Threading.Thread.Sleep(500);
            var watch = Stopwatch.StartNew();
            db.Interrupt();
            var stopped = Assert.ThrowsAny<Exception>(() => running.GetAwaiter().GetResult());
            Assert.True(PgErrors.IsCanceled(stopped), stopped.ToString());
            Assert.True(db.IsInterruption(stopped), stopped.ToString());
            Assert.InRange(watch.Elapsed.TotalSeconds, 0, 5);
            Assert.True(PgErrors.IsCanceled(Assert.ThrowsAny<Exception>(() => db.Scalar<int>("SELECT 1"))));
        }

        [PgFact]
        public void A_refused_statement_is_not_an_interruption()
        {
            using var db = PgDatabase.Open(NewLocation(), create: true, "USD");
            var refused = Assert.ThrowsAny<Exception>(() => db.Scalar<int>("SELECT 1 / 0"));
            Assert.False(db.IsInterruption(refused), refused.ToString());
            Assert.False(db.IsInterruption(new InvalidOperationException("not a stop")));
        }
    }
}
