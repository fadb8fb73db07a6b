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
    public class BackupTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();

        public void Dispose() => _db.Dispose();

        private static string[] NamesIn(string path)
        {
            using var copy = SqliteDatabase.OpenExisting(path);
            return Repository(copy).Find(new PartnerFilter()).Select(p => p.Name).ToArray();
        }

        [Fact]
        public void A_backup_opens_as_a_PartnerOps_database_with_the_same_partners_and_settings()
        {
            var destination = _db.File("copy.db");
            using (var store = SqliteDatabase.Create(_db.Path_, "EUR"))
            {
                var partners = Repository(store);
                partners.Add(Draft("Acme", country: "DE", region: "Western Europe"));
                partners.Add(Draft("Beta", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1)));
                store.BackupTo(destination);
            }

            using var copy = SqliteDatabase.OpenExisting(destination);
            var info = copy.GetInfo();
            Assert.Equal(Schema.CurrentVersion, info.SchemaVersion);
            Assert.Equal("EUR", info.Currency);
            Assert.Equal(2, info.PartnerCount);
            var acme = Repository(copy).Require(new PartnerReference("acme"));
            Assert.Equal("DE", acme.Country);
            Assert.Equal("Western Europe", acme.Region);
            Assert.Equal(Now, acme.CreatedAt);
            Assert.All(copy.Check(), f => Assert.True(f.Passed, f.ToString()));
        }

        [Fact]
        public void The_backup_file_is_self_contained_in_rollback_journal_mode()
        {
            var destination = _db.File("copy.db");
            using (var store = _db.Open())
            {
                Repository(store).Add(Draft("Acme"));
                store.BackupTo(destination);
            }

            SqliteDatabase.ReleasePooledConnections();
            Assert.False(File.Exists(destination + "-wal"));
            using var raw = OpenRaw(destination, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
            Assert.Equal("delete", raw.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(Schema.ApplicationId, raw.ExecuteScalar<int>("PRAGMA application_id"));
            Assert.Equal(1, raw.ExecuteScalar<long>("SELECT count(*) FROM partners"));
        }

        [Fact]
        public void A_backup_opened_as_a_database_runs_in_WAL_mode_again()
        {
            // A copy that is restored and used by several runbooks needs WAL like any PartnerOps database.
            var destination = _db.File("copy.db");
            using (var store = _db.Open())
            {
                Repository(store).Add(Draft("Acme"));
                store.BackupTo(destination);
            }

            using var copy = SqliteDatabase.OpenExisting(destination);
            Assert.Equal("wal", copy.GetInfo().JournalMode);
        }

        [Fact]
        public void A_backup_taken_while_another_connection_writes_holds_only_committed_rows()
        {
            var destination = _db.File("copy.db");
            using var store = _db.Open();
            Repository(store).Add(Draft("Committed"));

            using var writer = SqliteDatabase.OpenExisting(_db.Path_);
            writer.BeginWrite();
            var writerPartners = Repository(writer);
            writerPartners.Add(Draft("Uncommitted"));
            writerPartners.Update(writerPartners.Require(new PartnerReference("Committed")), new PartnerChanges { Notes = "uncommitted change", NotesSet = true });

            store.BackupTo(destination);

            writer.Commit();

            Assert.Equal(new[] { "Committed" }, NamesIn(destination));
            using (var copy = SqliteDatabase.OpenExisting(destination))
            {
                Assert.Null(Repository(copy).Require(new PartnerReference("Committed")).Notes);
            }

            Assert.Equal(new[] { "Committed", "Uncommitted" }, NamesIn(_db.Path_));
        }

        [Fact]
        public void A_backup_replaces_an_existing_destination_and_creates_missing_folders()
        {
            var destination = _db.File(Path.Combine("backups", "2024", "copy.db"));
            using var store = _db.Open();
            var partners = Repository(store);
            partners.Add(Draft("First"));
            store.BackupTo(destination);
            Assert.Equal(new[] { "First" }, NamesIn(destination));

            partners.Add(Draft("Second"));
            store.BackupTo(destination);

            Assert.Equal(new[] { "First", "Second" }, NamesIn(destination));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(destination)!, ".partnerops-*"));
        }

        [Fact]
        public void The_source_keeps_working_after_a_backup()
        {
            var destination = _db.File("copy.db");
            using var store = _db.Open();
            var partners = Repository(store);
            partners.Add(Draft("Before"));
            store.BackupTo(destination);
            partners.Add(Draft("After"));

            Assert.Equal(2, partners.Count(new PartnerFilter()));
            Assert.Equal(new[] { "Before" }, NamesIn(destination));
        }
    }
}
