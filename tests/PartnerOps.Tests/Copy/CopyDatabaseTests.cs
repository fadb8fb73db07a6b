using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Copy
{
    /// <summary>Copy-PartnerDatabase's core between two SQLite files (the server end is in PostgreSql/PgCopyTests).</summary>
    public class CopyDatabaseTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();

        public void Dispose() => _db.Dispose();

        private string Source()
        {
            CopyTestData.Fill(_db, _db.Path_);
            return _db.Path_;
        }

        private static DatabaseInfo CopyTo(string source, string destination, bool replace = false, Action<DumpProgress>? progress = null)
        {
            using var store = PartnerDatabases.OpenExisting(source);
            return DatabaseCopy.Copy(store, destination, replace, progress);
        }

        [Fact]
        public void A_copy_holds_every_row_of_every_table_with_its_ids_counters_currency_and_history()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            var info = CopyTo(source, copy);

            Assert.Equal("EUR", info.Currency);
            Assert.Equal(4, info.PartnerCount);
            CopyTestData.AssertSameData(source, copy);
            using var store = SqliteDatabase.OpenExisting(copy);
            Assert.All(store.Check(), f => Assert.True(f.Passed, f.ToString()));
        }

        [Fact]
        public void Imported_entries_become_history_rows_with_their_file_and_line()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            CopyTo(source, copy);

            using var raw = OpenRaw(copy);
            Assert.Equal(0, raw.ExecuteScalar<long>("SELECT count(*) FROM history_batches"));
            var imported = raw.Query<(string EntityId, string Source, long Line, string Changes)>(
                "SELECT entity_id, source, line, changes FROM history WHERE source IS NOT NULL ORDER BY id").ToList();
            Assert.Equal(new[] { 2L, 3L, 4L }, imported.Select(i => i.Line));
            Assert.All(imported, i => Assert.Equal(_db.File("partners.csv"), i.Source));

            // Ångström AB was updated since its import: its entry holds the tier it was imported with, not today's.
            Assert.Contains("\"Tier\":[null,\"Silver\"]", imported[1].Changes);
        }

        [Fact]
        public void Ids_are_never_given_again_in_the_copy()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            CopyTo(source, copy);

            using var store = SqliteDatabase.OpenExisting(copy);
            var added = Repository(store).Add(Draft("After the copy"));
            Assert.Equal(6, added.Id); // 5 was given to Removed Inc, removed before the copy
        }

        [Fact]
        public void A_destination_with_data_is_refused_and_left_as_it_was()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            using (var other = SqliteDatabase.Create(copy, "USD"))
            {
                Repository(other).Add(Draft("Kept"));
            }

            var before = CopyTestData.Rows(copy, "partners");
            var failure = ThrowsPartnerOps(ErrorIds.DestinationNotEmpty, () => CopyTo(source, copy));
            Assert.Equal(FailureKind.AlreadyExists, failure.Kind);
            Assert.Equal(before, CopyTestData.Rows(copy, "partners"));
            Assert.Equal(new[] { "key=currency:String|value=USD:String" }, CopyTestData.Rows(copy, "meta").Where(r => r.Contains("currency")));
        }

        [Fact]
        public void Replace_puts_the_copy_in_place_of_the_data_and_keeps_counters_from_going_back()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            using (var other = SqliteDatabase.Create(copy, "USD"))
            {
                var partners = Repository(other);
                for (var i = 0; i < 9; i++)
                {
                    partners.Add(Draft("Old " + i));
                }
            }

            CopyTo(source, copy, replace: true);
            Assert.Equal(CopyTestData.Rows(source, "partners"), CopyTestData.Rows(copy, "partners"));
            Assert.Equal(CopyTestData.History(source), CopyTestData.History(copy));
            using var store = SqliteDatabase.OpenExisting(copy);
            Assert.Equal(10, Repository(store).Add(Draft("Next")).Id); // the destination had given ids up to 9
        }

        [Fact]
        public void A_failed_copy_leaves_an_existing_destination_as_it_was_and_still_recording_history()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            using (SqliteDatabase.Create(copy, "USD"))
            {
            }

            var failure = Assert.Throws<InvalidOperationException>(() =>
                CopyTo(source, copy, progress: p =>
                {
                    if (p.Table == DatabaseDump.Revenue && p.TableDone > 0)
                    {
                        throw new InvalidOperationException("stop here");
                    }
                }));
            Assert.Equal("stop here", failure.Message);
            Assert.Empty(CopyTestData.Rows(copy, "partners"));
            using var store = SqliteDatabase.OpenExisting(copy);
            Repository(store).Add(Draft("Later"));
            Assert.Single(store.History.Find(new HistoryFilter()));
            Assert.Equal("USD", store.Currency);
        }

        [Fact]
        public void A_failed_copy_into_a_new_file_leaves_no_file()
        {
            var source = Source();
            var copy = _db.File("new.db");
            Assert.Throws<InvalidOperationException>(() => CopyTo(source, copy, progress: p => throw new InvalidOperationException("stop")));
            Assert.False(File.Exists(copy));
        }

        [Fact]
        public void Ctrl_C_during_a_copy_leaves_the_destination_as_it_was()
        {
            var source = Source();
            var copy = _db.File("copy.db");
            using (SqliteDatabase.Create(copy, "USD"))
            {
            }

            using (var store = SqliteDatabase.OpenExisting(source))
            using (var destination = SqliteDatabase.OpenExisting(copy))
            {
                Assert.ThrowsAny<Exception>(() => DatabaseCopy.Copy(store, destination, false, p =>
                {
                    if (p.Table == DatabaseDump.Revenue)
                    {
                        destination.Interrupt();
                    }
                }));
            }

            Assert.Empty(CopyTestData.Rows(copy, "partners"));
            using var again = SqliteDatabase.OpenExisting(copy);
            Repository(again).Add(Draft("Later"));
            Assert.Single(again.History.Find(new HistoryFilter()));
        }

        [Fact]
        public void A_value_another_program_wrote_that_no_backend_could_hold_is_named_and_nothing_is_copied()
        {
            var source = Source();
            using (var raw = OpenRaw(source))
            {
                raw.Execute("UPDATE partners SET name_dup = 'x' WHERE id = 4");
            }

            var copy = _db.File("copy.db");
            var failure = ThrowsPartnerOps(ErrorIds.DatabaseInvalid, () => CopyTo(source, copy));
            Assert.Contains("'x' in partners.name_dup, which must be a whole number", failure.Message);
            Assert.False(File.Exists(copy));

            using (var raw = OpenRaw(source))
            {
                raw.Execute("UPDATE partners SET name_dup = 0 WHERE id = 4");
            }

            Assert.Equal(4, CopyTo(source, copy).PartnerCount); // put right, it is copied
        }

        [Fact]
        public void The_source_itself_is_refused_as_destination()
        {
            var source = Source();
            var failure = ThrowsPartnerOps(ErrorIds.DatabaseAlreadyExists, () => CopyTo(source, source, replace: true));
            Assert.Equal(FailureKind.InvalidArgument, failure.Kind);
            Assert.Equal(4, CopyTestData.Rows(source, "partners").Count);
        }

        [Fact]
        public void Progress_is_reported_per_table_up_to_every_row()
        {
            var source = Source();
            var reports = new List<DumpProgress>();
            CopyTo(source, _db.File("copy.db"), progress: reports.Add);

            Assert.Equal(DatabaseDump.Tables, reports.Select(r => r.Table).Distinct());
            var last = reports[reports.Count - 1];
            Assert.Equal(last.Rows, last.Done);
            Assert.Equal(4 + 3 + 1 + 2, reports.Where(r => r.Table != DatabaseDump.History && r.Table != DatabaseDump.StatusChanges).GroupBy(r => r.Table).Sum(g => g.Last().TableDone));

            // Schema 12: each partner's first Status and Tier (2 each for 4 partners) and Ångström's change to Platinum; the removed
            // partner's rows went with it.
            Assert.Equal(2 * 4 + 1, reports.Where(r => r.Table == DatabaseDump.StatusChanges).Last().TableDone);
        }

        [Fact]
        public void A_snapshot_does_not_see_what_is_written_after_it_began()
        {
            var source = Source();
            using var store = SqliteDatabase.OpenExisting(source);
            using var snapshot = store.ReadSnapshot();
            using (var writer = SqliteDatabase.OpenExisting(source))
            {
                Repository(writer).Add(Draft("Written meanwhile"));
            }

            Assert.Equal(4, snapshot.CountRows(DatabaseDump.Partners));
            Assert.Equal(4, snapshot.ReadRows(DatabaseDump.Partners).Count());
        }
    }
}
