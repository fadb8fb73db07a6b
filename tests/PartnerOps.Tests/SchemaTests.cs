using System;
using System.IO;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class SchemaTests
    {
        [Fact]
        public void A_new_database_gets_the_current_schema_version_and_WAL()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var info = store.GetInfo();
            Assert.Equal(Schema.CurrentVersion, info.SchemaVersion);
            Assert.Equal("wal", info.JournalMode);
            Assert.Equal("USD", info.Currency);
            Assert.Equal(Schema.ApplicationId, store.Connection.ExecuteScalar<int>("PRAGMA application_id"));
        }

        [Fact]
        public void The_version_and_application_id_are_written_into_the_file_header()
        {
            using var db = new TempDatabase();
            using (db.Open())
            {
            }

            SqliteDatabase.ReleasePooledConnections();
            using var raw = OpenRaw(db.Path_, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
            Assert.Equal(Schema.CurrentVersion, raw.ExecuteScalar<int>("PRAGMA user_version"));
            Assert.Equal(Schema.ApplicationId, raw.ExecuteScalar<int>("PRAGMA application_id"));
            Assert.Equal("wal", raw.ExecuteScalar<string>("PRAGMA journal_mode"));
        }

        [Fact]
        public void Create_records_the_currency_it_is_given()
        {
            using var db = new TempDatabase();
            using var store = SqliteDatabase.Create(db.Path_, "EUR");
            Assert.Equal("EUR", store.Currency);
            Assert.Equal("EUR", store.GetInfo().Currency);
        }

        [Fact]
        public void Create_upper_cases_the_currency_and_refuses_an_unknown_one_without_making_a_file()
        {
            using var db = new TempDatabase();
            using (var store = SqliteDatabase.Create(db.Path_, "eur"))
            {
                Assert.Equal("EUR", store.Currency);
            }

            var other = db.File("other.db");
            var ex = Assert.Throws<PartnerOpsException>(() => SqliteDatabase.Create(other, "XYZ"));
            Assert.Equal(ErrorIds.InvalidCurrencyCode, ex.ErrorId);
            Assert.False(File.Exists(other));
        }

        [Fact]
        public void Create_makes_the_folder_when_it_is_missing()
        {
            using var db = new TempDatabase();
            var path = db.File(Path.Combine("a", "b", "new.db"));
            using var store = SqliteDatabase.Create(path, "GBP");
            Assert.True(File.Exists(path));
            Assert.Equal(Path.GetFullPath(path), store.Path);
        }

        [Fact]
        public void Reopening_keeps_the_data_and_settings_and_does_not_run_the_migrations_again()
        {
            using var db = new TempDatabase();
            string createdAt;
            using (var store = SqliteDatabase.Create(db.Path_, "GBP"))
            {
                Repository(store).Add(Draft("Acme"));
                createdAt = store.Connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'created_at'")!;
            }

            SqliteDatabase.ReleasePooledConnections();

            // A different currency on reopening must not replace the one fixed at creation.
            using (var again = SqliteDatabase.OpenOrCreate(db.Path_, "EUR"))
            {
                Assert.Equal("GBP", again.Currency);
                Assert.Equal(Schema.CurrentVersion, again.GetInfo().SchemaVersion);
                Assert.Equal(1, again.GetInfo().PartnerCount);
                Assert.Equal(createdAt, again.Connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'created_at'"));
                Assert.Equal(2, again.Connection.ExecuteScalar<long>("SELECT count(*) FROM meta"));
            }

            using (var existing = SqliteDatabase.OpenExisting(db.Path_))
            {
                Assert.Equal("GBP", existing.Currency);
                Assert.Equal("Acme", Repository(existing).Require(new PartnerReference("acme")).Name);
            }
        }

        [Fact]
        public void An_empty_file_is_initialised_as_a_new_database()
        {
            using var db = new TempDatabase();
            File.WriteAllBytes(db.Path_, Array.Empty<byte>());

            using var store = SqliteDatabase.OpenExisting(db.Path_);
            var info = store.GetInfo();
            Assert.Equal(Schema.CurrentVersion, info.SchemaVersion);
            Assert.Equal(Schema.ApplicationId, store.Connection.ExecuteScalar<int>("PRAGMA application_id"));
            Assert.Equal("USD", info.Currency);
        }

        [Fact]
        public void Create_on_an_empty_file_initialises_it()
        {
            using var db = new TempDatabase();
            File.WriteAllBytes(db.Path_, Array.Empty<byte>());

            using var store = SqliteDatabase.Create(db.Path_, "CNY");
            Assert.Equal("CNY", store.Currency);
            Assert.Equal(Schema.CurrentVersion, store.GetInfo().SchemaVersion);
        }

        [Fact]
        public void Create_refuses_a_file_that_is_already_there_and_leaves_it_alone()
        {
            using var db = new TempDatabase();
            using (var first = SqliteDatabase.Create(db.Path_, "USD"))
            {
                Repository(first).Add(Draft("Acme"));
            }

            SqliteDatabase.ReleasePooledConnections();
            var before = Hash(db.Path_);

            var ex = ThrowsPartnerOps(ErrorIds.DatabaseAlreadyExists, () => SqliteDatabase.Create(db.Path_, "EUR").Dispose());
            Assert.Equal(FailureKind.AlreadyExists, ex.Kind);
            Assert.Equal(Path.GetFullPath(db.Path_), ex.Target);

            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(before, Hash(db.Path_));
        }

        [Fact]
        public void OpenExisting_on_a_missing_path_is_DatabaseNotFound_and_creates_nothing()
        {
            using var db = new TempDatabase();
            var path = db.File(Path.Combine("missing", "nothing.db"));

            var ex = ThrowsPartnerOps(ErrorIds.DatabaseNotFound, () => SqliteDatabase.OpenExisting(path).Dispose());
            Assert.Equal(FailureKind.NotFound, ex.Kind);
            Assert.Equal(Path.GetFullPath(path), ex.Target);
            Assert.False(File.Exists(path));
            Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        }

        [Theory]
        [InlineData("random")]
        [InlineData("text")]
        public void A_file_that_is_not_SQLite_is_DatabaseInvalid_and_left_unchanged(string kind)
        {
            using var db = new TempDatabase();
            byte[] content;
            if (kind == "random")
            {
                content = new byte[8192];
                new Random(42).NextBytes(content);
            }
            else
            {
                content = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Name,Region\nAcme,Western Europe\n", 200)));
            }

            File.WriteAllBytes(db.Path_, content);

            var ex = ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => SqliteDatabase.OpenOrCreate(db.Path_).Dispose());
            Assert.Equal(FailureKind.InvalidData, ex.Kind);
            ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => SqliteDatabase.OpenExisting(db.Path_).Dispose());

            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(content, File.ReadAllBytes(db.Path_));
            Assert.False(File.Exists(db.Path_ + "-wal"));
        }

        [Fact]
        public void An_SQLite_database_of_another_application_is_DatabaseInvalid_and_left_unchanged()
        {
            using var db = new TempDatabase();
            using (var raw = OpenRaw(db.Path_))
            {
                raw.Execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (1.5), (2.5);");
                Assert.Equal(0, raw.ExecuteScalar<int>("PRAGMA application_id"));
            }

            var before = Hash(db.Path_);

            var ex = ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => SqliteDatabase.OpenOrCreate(db.Path_).Dispose());
            Assert.Equal(FailureKind.InvalidData, ex.Kind);
            ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => SqliteDatabase.OpenExisting(db.Path_).Dispose());
            ThrowsPartnerOps(ErrorIds.DatabaseAlreadyExists, () => SqliteDatabase.Create(db.Path_, "USD").Dispose());

            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(before, Hash(db.Path_));
            using var check = OpenRaw(db.Path_, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
            Assert.Equal(new[] { "invoices" }, check.Query<string>("SELECT name FROM sqlite_master").ToArray());
            Assert.Equal("delete", check.ExecuteScalar<string>("PRAGMA journal_mode"));
        }

        [Fact]
        public void An_SQLite_database_with_a_foreign_application_id_is_DatabaseInvalid_even_when_empty()
        {
            using var db = new TempDatabase();
            using (var raw = OpenRaw(db.Path_))
            {
                raw.Execute("PRAGMA application_id = 1234");
            }

            var before = Hash(db.Path_);
            ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => SqliteDatabase.OpenOrCreate(db.Path_).Dispose());
            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(before, Hash(db.Path_));
        }

        [Fact]
        public void A_PartnerOps_database_from_a_newer_version_is_DatabaseSchemaTooNew_and_is_not_touched()
        {
            using var db = new TempDatabase();
            using (var store = db.Open())
            {
                Repository(store).Add(Draft("Acme"));
            }

            SqliteDatabase.ReleasePooledConnections();
            var newer = Schema.CurrentVersion + 1;
            using (var raw = OpenRaw(db.Path_))
            {
                raw.Execute($"PRAGMA user_version = {newer}");
            }

            var before = Hash(db.Path_);

            var ex = ThrowsPartnerOps(ErrorIds.DatabaseSchemaTooNew, () => SqliteDatabase.OpenExisting(db.Path_).Dispose());
            Assert.Equal(FailureKind.InvalidOperation, ex.Kind);
            ThrowsPartnerOps(ErrorIds.DatabaseSchemaTooNew, () => SqliteDatabase.OpenOrCreate(db.Path_).Dispose());

            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(before, Hash(db.Path_));
            using var check = OpenRaw(db.Path_, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
            Assert.Equal(newer, check.ExecuteScalar<int>("PRAGMA user_version"));
        }

        [Fact]
        public void Delete_removes_the_database_with_its_WAL_files()
        {
            using var db = new TempDatabase();
            using (var store = db.Open())
            {
                Repository(store).Add(Draft("Acme"));
            }

            File.WriteAllText(db.Path_ + "-journal", "stale");
            SqliteDatabase.Delete(db.Path_);

            Assert.False(File.Exists(db.Path_));
            Assert.False(File.Exists(db.Path_ + "-wal"));
            Assert.False(File.Exists(db.Path_ + "-shm"));
            Assert.False(File.Exists(db.Path_ + "-journal"));
        }
    }
}
