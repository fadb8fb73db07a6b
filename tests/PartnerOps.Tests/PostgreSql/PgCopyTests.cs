using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dapper;
using Npgsql;
using PartnerOps.Data;
using PartnerOps.PostgreSql;
using PartnerOps.Sqlite;
using PartnerOps.Tests.Copy;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>Copies between SQLite files and a PostgreSQL schema (a new schema per test, dropped after it), and a server's backup.</summary>
    public class PgCopyTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly List<string> _schemas = new List<string>();

        public void Dispose()
        {
            _db.Dispose();
            if (_schemas.Count > 0)
            {
                using var connection = new NpgsqlConnection(PgLocation.Parse(PgFactAttribute.Server).Builder.ConnectionString);
                connection.Open();
                connection.Execute(string.Concat(_schemas.Select(s => $"DROP SCHEMA IF EXISTS {s} CASCADE;")));
            }
        }

        // A new PartnerOps schema on the test server, open.
        private PgDatabase NewServerDatabase()
        {
            var location = PgLocation.Parse(PgFactAttribute.NewSchemaLocation());
            _schemas.Add(PgDatabase.QuoteIdentifier(location.Schema));
            return PgDatabase.Open(location, create: true, "USD");
        }

        private string Source()
        {
            CopyTestData.Fill(_db, _db.Path_);
            return _db.Path_;
        }

        private static void Copy(string source, IPartnerDatabase destination, bool replace = false)
        {
            using var store = SqliteDatabase.OpenExisting(source);
            DatabaseCopy.Copy(store, destination, replace, null);
        }

        [PgFact]
        public void A_file_copied_to_a_server_and_back_holds_the_same_rows_and_history()
        {
            var source = Source();
            var back = _db.File("back.db");
            using (var server = NewServerDatabase())
            {
                Copy(source, server);
                DatabaseCopy.Copy(server, back, replace: false, null);
            }

            CopyTestData.AssertSameData(source, back);
            using var store = SqliteDatabase.OpenExisting(back);
            Assert.All(store.Check(), f => Assert.True(f.Passed, f.ToString()));
        }

        [PgFact]
        public void On_the_server_the_totals_are_summed_and_the_sequences_moved_past_the_copied_ids()
        {
            var source = Source();
            using var server = NewServerDatabase();
            Copy(source, server);

            Assert.Equal(6, server.Scalar<long>("SELECT nextval(pg_get_serial_sequence('partners', 'id'))"));
            Assert.True(server.Scalar<long>("SELECT nextval(pg_get_serial_sequence('revenue', 'id'))") > server.Scalar<long>("SELECT max(id) FROM revenue"));
            Assert.True(server.Scalar<long>("SELECT nextval(pg_get_serial_sequence('history', 'id'))") > server.Scalar<long>("SELECT max(id) FROM history"));
            Assert.Equal(
                CopyTestData.Rows(source, "revenue_totals").Count,
                server.Scalar<long>("SELECT count(*) FROM revenue_totals"));
            Assert.Equal(1250_50L + 7770L, server.Scalar<long>("SELECT sum(total) FROM revenue_totals WHERE currency = 'EUR'"));
            Assert.Equal("EUR", server.Currency);
            Assert.Equal(0, server.Scalar<long>("SELECT count(*) FROM history h WHERE h.entity = 'Partner' AND h.operation = 'Insert' AND h.source IS NULL AND h.entity_id IN ('1', '2', '3')"));
        }

        [PgFact]
        public void A_server_destination_with_data_is_refused_and_replace_leaves_other_tables_of_the_schema_alone()
        {
            var source = Source();
            using var server = NewServerDatabase();
            server.Execute("CREATE TABLE team_notes (note text); INSERT INTO team_notes VALUES ('ours')");
            Copy(source, server);

            var failure = ThrowsPartnerOps(ErrorIds.DestinationNotEmpty, () => Copy(source, server));
            Assert.Equal(server.Path, failure.Target);
            Copy(source, server, replace: true);
            Assert.Equal(4, server.Scalar<long>("SELECT count(*) FROM partners"));
            Assert.Equal("ours", server.Scalar<string>("SELECT note FROM team_notes"));
        }

        [PgFact]
        public void Ctrl_C_during_a_copy_to_a_server_leaves_it_as_it_was()
        {
            var source = Source();
            using var server = NewServerDatabase();
            using (var store = SqliteDatabase.OpenExisting(source))
            {
                Assert.ThrowsAny<OperationCanceledException>(() => DatabaseCopy.Copy(store, server, false, p =>
                {
                    if (p.Table == DatabaseDump.Revenue)
                    {
                        server.Interrupt();
                    }
                }));
            }

            using var again = PgDatabase.Open(server.Location, create: false, "USD");
            Assert.Equal(0, again.Scalar<long>("SELECT count(*) FROM partners"));
            Assert.Equal("USD", again.Currency);
        }

        [PgFact]
        public void A_server_snapshot_does_not_see_what_is_written_after_it_began()
        {
            var source = Source();
            using var server = NewServerDatabase();
            Copy(source, server);
            using var snapshot = server.ReadSnapshot();
            Assert.Equal(4, snapshot.CountRows(DatabaseDump.Partners));
            using (var writer = PgDatabase.Open(server.Location, create: false, "USD"))
            {
                writer.BeginWrite();
                writer.Execute("DELETE FROM targets; UPDATE partners SET notes = 'changed'");
                writer.Commit();
            }

            Assert.Equal(2, snapshot.CountRows(DatabaseDump.Targets));
            Assert.DoesNotContain(snapshot.ReadRows(DatabaseDump.Partners), row => (string?)row[12] == "changed");
        }

        [PgFact]
        public void A_server_backup_is_a_self_contained_PartnerOps_file_with_everything()
        {
            var source = Source();
            var backup = _db.File("backup.db");
            var progress = new List<(long Done, long All)>();
            using (var server = NewServerDatabase())
            {
                Copy(source, server);
                server.BackupTo(backup, (done, all) => progress.Add((done, all)));
            }

            Assert.False(File.Exists(backup + "-wal"));
            Assert.Empty(Directory.GetFiles(_db.Folder, ".partnerops-*"));
            CopyTestData.AssertSameData(source, backup);
            Assert.Equal(progress[progress.Count - 1].All, progress[progress.Count - 1].Done);
        }
    }
}
