using System.Linq;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;
using Xunit;

namespace PartnerOps.Tests.Import
{
    public class ImportConnectionTests : ImportTestBase
    {
        [Fact]
        public void The_partners_tables_checks_are_exactly_those_the_mapper_enforces()
        {
            // When this fails the schema changed: check that the import still validates every new CHECK
            // before adding it to KnownChecks. Until then SQLite evaluates the checks itself (slower).
            var checks = PartnerImportTarget.ChecksOf(Schema.Migrations[0]);
            Assert.Equal(PartnerImportTarget.KnownChecks.OrderBy(c => c), checks.OrderBy(c => c));
        }

        [Fact]
        public void The_import_leaves_the_pooled_connection_with_its_own_settings()
        {
            using (var store = Db.Open())
            {
                Assert.Equal(0L, Pragma(store, "ignore_check_constraints"));
            }

            Import(WriteCsv("Name", "A"));

            using var after = Db.Open();
            Assert.Equal(0L, Pragma(after, "ignore_check_constraints"));
            Assert.Equal(-2000L, Pragma(after, "cache_size"));
            Assert.Equal(1000L, Pragma(after, "wal_autocheckpoint"));
            Assert.Equal(2L, Pragma(after, "synchronous"));
            Assert.Null(after.Transaction);

            // And the table's checks are enforced again for everyone else.
            after.BeginWrite();
            using var insert = after.Connection.CreateCommand();
            insert.Transaction = after.Transaction;
            insert.CommandText = "INSERT INTO partners (name, name_key, type, tier, status, joined_on, created_at, updated_at) VALUES ('X', 'X', 'Nope', 'Gold', 'Active', '2020-01-01', 'now', 'now')";
            Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
            after.Rollback();
        }

        [Fact]
        public void The_WAL_is_checkpointed_when_the_import_ends()
        {
            Import(WriteCsv(new[] { "Name" }.Concat(Enumerable.Range(1, 5000).Select(i => "P" + i)).ToArray()), new ImportOptions { BatchRows = 1000 });

            var wal = WalLength();
            Assert.True(wal < 1024 * 1024, $"WAL of {wal} bytes");
            Assert.Equal(5000, Stored().Length);
        }

        [Fact]
        public void With_a_trigger_on_partners_SQLite_checks_every_CHECK_as_always()
        {
            var path = WriteCsv("Name", "Alpha", "Beta");
            using var store = Db.Open();
            using (var setup = store.Connection.CreateCommand())
            {
                // What a trigger writes is not validated by the mapper: its table's CHECK must still hold.
                setup.CommandText =
                    "CREATE TEMP TABLE audit (what TEXT CHECK (what = 'allowed'));" +
                    "CREATE TEMP TRIGGER partners_audit AFTER INSERT ON partners BEGIN INSERT INTO audit VALUES ('refused'); END;";
                setup.ExecuteNonQuery();
            }

            using var job = PartnerImport.Open(path, new ImportOptions(), () => TestSupport.Now);
            var result = job.Run(store, Listener, default);

            Assert.Equal((0L, 2L), (result.Inserted, result.Failed));
            Assert.All(Listener.Errors, e => Assert.Contains("CHECK constraint failed", e.Reason));
        }

        [Fact]
        public void Per_row_calls_go_straight_to_the_SQLite_library_that_SQLitePCLRaw_loaded()
        {
            using var store = Db.Open();
            using var statement = new SqliteStatement(store.Connection.Handle!, "SELECT 1");
            Assert.True(statement.IsDirect);
            Assert.True(SqliteDirect.Available);
        }

        [Fact]
        public void Without_the_direct_calls_the_import_writes_the_same_rows_through_SQLitePCLRaw()
        {
            var path = WriteCsv("Name,Country,Notes", "Alpha,DE,", "Beta,GB,x", "ALPHA,FR,");
            SqliteDirect.Disabled = true;
            try
            {
                using var store = Db.Open();
                using (var statement = new SqliteStatement(store.Connection.Handle!, "SELECT 1"))
                {
                    Assert.False(statement.IsDirect);
                }

                var result = Import(path);

                Assert.Equal((2L, 1L), (result.Inserted, result.Failed));
                Assert.Equal("x", StoredPartner("Beta").Notes);
            }
            finally
            {
                SqliteDirect.Disabled = false;
            }
        }

        /// <summary>0 when there is no WAL file (closing the last connection, e.g. another test clearing the pools, deletes it).</summary>
        private long WalLength()
        {
            try
            {
                return new System.IO.FileInfo(Db.Path_ + "-wal").Length;
            }
            catch (System.IO.FileNotFoundException)
            {
                return 0;
            }
        }

        private static long Pragma(SqliteDatabase store, string name)
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = "PRAGMA " + name;
            return (long)command.ExecuteScalar()!;
        }
    }
}
