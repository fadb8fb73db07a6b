using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    /// <summary>
    /// The history of bulk imports (schema step 9): one history_batches row per committed batch with its ids as runs, read
    /// back by Get-PartnerHistory as one Insert entry per record, with the file and the line. Expected values are written out by hand.
    /// </summary>
    public sealed class ImportHistoryTests : ImportTestBase
    {
        private List<HistoryEntry> History(HistoryFilter? filter = null)
        {
            using var store = Db.Open();
            return new HistoryRepository(store).Find(filter ?? new HistoryFilter()).ToList();
        }

        private long Count(HistoryFilter filter)
        {
            using var store = Db.Open();
            return new HistoryRepository(store).Count(filter);
        }

        private long Scalar(string sql)
        {
            using var store = Db.Open();
            return store.Connection.ExecuteScalar<long>(sql);
        }

        private ImportResult ImportRevenue(string path, ImportOptions? options = null)
        {
            using var job = RevenueImport.Open(path, options ?? new ImportOptions(), () => Now);
            using var store = Db.Open();
            return job.Run(store, new RecordingListener(), CancellationToken.None);
        }

        private static string Describe(HistoryEntry e) => $"{e.Id} {e.Operation} {e.Entity} {e.EntityId} line {e.Line}";

        private static List<string> Changes(HistoryEntry e) => e.Changes.Select(c => $"{c.Property}={c.Old}>{c.New}").ToList();

        [Fact]
        public void An_imported_partner_has_its_insert_with_user_time_file_and_line_and_a_batch_is_one_row()
        {
            Add("Before");
            var path = WriteCsv("Name,Region,Country,Notes", "Acme,China,CN,\"two", "lines\"", "Bolt,China,,", "Cog,,,x");
            var before = DateTime.UtcNow.AddSeconds(-1);
            Import(path);
            var after = DateTime.UtcNow.AddSeconds(1);

            var entries = History();

            // One history row (Before's), one batch, and one run: ids 2..4 on lines 2, 4, 5 are two runs (Acme's record has two lines).
            Assert.Equal(1, Scalar("SELECT count(*) FROM history"));
            Assert.Equal(1, Scalar("SELECT count(*) FROM history_batches"));
            Assert.Equal(2, Scalar("SELECT count(*) FROM history_runs"));
            Assert.Equal(new[] { "4 Insert Partner 4 line 5", "3 Insert Partner 3 line 4", "2 Insert Partner 2 line 2", "1 Insert Partner 1 line " }, entries.Select(Describe));
            var acme = entries[2];
            Assert.Equal(path, acme.Source);
            Assert.Null(entries[3].Source);
            Assert.Equal(SqliteDatabase.User, acme.User);
            Assert.Equal(DateTimeKind.Utc, acme.Timestamp.Kind);
            Assert.InRange(acme.Timestamp, before, after);
            Assert.Equal(2, acme.PartnerId);
            Assert.Equal("Acme", acme.PartnerName);
            Assert.Equal(Db.Path_, System.IO.Path.GetFullPath(acme.Database!));
            Assert.Equal(
                new[] { "Name=>Acme", "Type=>Other", "Tier=>Registered", "Status=>Active", "Region=>China", "Country=>CN", "JoinedOn=>" + Today.ToString("yyyy-MM-dd"), "Notes=>two\nlines" },
                Changes(acme));

            var own = Assert.Single(History(new HistoryFilter { PartnerIds = new HashSet<long> { 3 } }));
            Assert.Equal("3 Insert Partner 3 line 4", Describe(own));
        }

        [Fact]
        public void Failed_skipped_and_updated_rows_of_a_batch_are_not_inserts_and_the_changes_made_later_are_undone()
        {
            Add("Old");
            Import(WriteCsv("Name,Tier", "old,Gold", "New One,Silver", "new one,Gold", ",Gold", "New Two,Platinum"), new ImportOptions { Mode = ImportMode.Upsert });

            // Line 2 updated Old (its Update entry, written by the trigger; the INSERT it tried took id 2, ids are never given
            // again), line 3 inserted New One (id 3), line 4 updated it in the same batch (its Insert entry is written before
            // the UPDATE runs, so the Update comes after it), line 5 failed (no name), line 6 inserted New Two (id 5).
            var entries = History();
            Assert.Equal(
                new[] { "Insert Partner 5", "Update Partner 3", "Insert Partner 3", "Update Partner 1", "Insert Partner 1" },
                entries.Select(e => $"{e.Operation} {e.Entity} {e.EntityId}"));
            Assert.Equal(new long?[] { 6, null, 3, null, null }, entries.Select(e => e.Line));
            Assert.True(entries[1].Id > entries[2].Id);
            Assert.Contains("Tier=>Silver", Changes(entries[2]));   // as inserted, before the update of line 4

            using (var store = Db.Open())
            {
                var partners = Repository(store);
                partners.Update(partners.Require(new PartnerReference("New Two")), new PartnerChanges { Tier = PartnerTier.Registered, NotesSet = true, Notes = "later" });
                partners.Remove(partners.Require(new PartnerReference("New One")));
            }

            var again = History(new HistoryFilter { Operations = { HistoryOperation.Insert }, Entities = { HistoryEntity.Partner } });
            Assert.Equal(new[] { "5", "3", "1" }, again.Select(e => e.EntityId));
            Assert.Contains("Tier=>Platinum", Changes(again[0]));
            Assert.DoesNotContain(Changes(again[0]), c => c.StartsWith("Notes", StringComparison.Ordinal));
            Assert.Contains("Tier=>Silver", Changes(again[1]));   // removed since: the Delete entry's old values, the update undone
            Assert.Equal("New One", again[1].Changes[0].New);
            Assert.Null(again[1].PartnerName);
        }

        [Fact]
        public void An_imported_revenue_record_is_found_by_its_partner_as_it_was_inserted_also_after_an_Upsert_moved_it()
        {
            Add("Acme", "Bolt");
            var first = WriteFile("r1.csv", "PartnerName,Date,Amount,Currency,Region,Reference\nAcme,2015-01-01,10.5,EUR,,R1\nNobody,2015-01-02,1,EUR,,R2\n,2015-01-03,2,JPY,China,R3\n");
            ImportRevenue(first, new ImportOptions { Mode = ImportMode.Upsert });
            ImportRevenue(WriteFile("r2.csv", "PartnerName,Date,Amount,Currency,Region,Reference\nBolt,2015-02-01,7,EUR,China,R1\n"), new ImportOptions { Mode = ImportMode.Upsert });

            var acme = History(new HistoryFilter { PartnerIds = new HashSet<long> { 1 } });
            Assert.Equal(new[] { "Insert Revenue 1", "Insert Partner 1" }, acme.Select(e => $"{e.Operation} {e.Entity} {e.EntityId}"));
            var record = acme[0];
            Assert.Equal(first, record.Source);
            Assert.Equal(2, record.Line);
            Assert.Equal(1, record.PartnerId);
            Assert.Equal(
                new[] { "PartnerId=>1", "Date=>2015-01-01", "Amount=>10.50", "Currency=>EUR", "Segment=>Enterprise", "Region=>Old Region", "Reference=>R1", "Attribution=>Fulfilled" },
                Changes(record));
            Assert.IsType<long>(record.Changes[0].New);

            // Bolt has the record now, and its Update entry; not its Insert.
            var bolt = History(new HistoryFilter { PartnerIds = new HashSet<long> { 2 } });
            Assert.Equal(new[] { "Update Revenue 1", "Insert Partner 2" }, bolt.Select(e => $"{e.Operation} {e.Entity} {e.EntityId}"));
            Assert.Equal(1, Count(new HistoryFilter { PartnerIds = new HashSet<long> { 1 }, Entities = { HistoryEntity.Revenue } }));

            // The direct record (line 4; line 3 failed) has no partner.
            var direct = History(new HistoryFilter { Entities = { HistoryEntity.Revenue }, Operations = { HistoryOperation.Insert } });
            Assert.Equal(new[] { "2 line 4", "1 line 2" }, direct.Select(e => $"{e.EntityId} line {e.Line}"));
            Assert.Null(direct[0].PartnerId);
        }

        [Fact]
        public void Pages_and_counts_run_across_batches_and_the_rows_between_them_as_if_every_record_had_its_row()
        {
            var path = WriteCsv(new[] { "Name" }.Concat(Enumerable.Range(1, 10).Select(i => "P" + i)).ToArray());
            Import(path, new ImportOptions { BatchRows = 4, ChunkRows = 2 });
            Add("Between");
            Import(WriteFile("more.csv", "Name\nQ1\nQ2\nQ3\n"));

            var all = History();
            Assert.Equal(Enumerable.Range(1, 14).Reverse().Select(i => (long)i), all.Select(e => e.Id));
            Assert.Equal(new[] { "Q3", "Q2", "Q1", "Between" }, all.Take(4).Select(e => e.PartnerName));
            Assert.Equal(3, Scalar("SELECT count(*) FROM history_batches WHERE entity = 'Partner' AND source LIKE '%partners.csv'"));
            for (var skip = 0; skip <= 14; skip++)
            {
                foreach (var first in new long?[] { 0, 1, 3, 5, null })
                {
                    var page = History(new HistoryFilter { Skip = skip, First = first });
                    Assert.Equal(all.Skip(skip).Take((int)(first ?? 100)).Select(e => e.Id), page.Select(e => e.Id));
                }
            }

            Assert.Equal(14, Count(new HistoryFilter()));
            Assert.Equal(0, Count(new HistoryFilter { Operations = { HistoryOperation.Delete } }));
            Assert.Equal(13, Count(new HistoryFilter { PartnerIds = new HashSet<long>(Enumerable.Range(1, 13).Select(i => (long)i)) }));
            Assert.Equal(0, Count(new HistoryFilter { Since = DateTime.UtcNow.AddMinutes(1) }));
            Assert.Equal(14, Count(new HistoryFilter { Since = DateTime.UtcNow.AddMinutes(-5) }));
        }

        [Fact]
        public void A_stopped_import_leaves_the_history_of_its_committed_batches_only()
        {
            var path = WriteCsv(new[] { "Name" }.Concat(Enumerable.Range(1, 5000).Select(i => "P" + i)).ToArray());
            using var stop = new CancellationTokenSource();
            var listener = new StoppingListener(stop);
            using (var job = PartnerImport.Open(path, new ImportOptions { BatchRows = 1000, ChunkRows = 100 }, () => Now))
            using (var store = Db.Open())
            {
                Assert.Throws<ImportStoppedException>(() => job.Run(store, listener, stop.Token));
            }

            var stored = Scalar("SELECT count(*) FROM partners");
            Assert.InRange(stored, 1000, 4999);
            Assert.Equal(stored, Count(new HistoryFilter()));
            Assert.Equal(Scalar("SELECT max(id) FROM partners"), History(new HistoryFilter { First = 1 })[0].Id);
            using var check = Db.Open();
            Assert.All(check.Check(), f => Assert.True(f.Passed, f.ToString()));
        }

        [Fact]
        public void The_imported_entries_of_partners_are_index_lookups()
        {
            using var store = Db.Open();
            string Plan(string sql) => string.Join(
                "\n",
                store.Connection.Query<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql, new { partnerIds = "[1,2]", since = "2015-01-01" }).Select(r => r.Detail));

            var (partners, revenue) = ImportedHistory.PartnerStatements(" WHERE b.at >= @since");
            var partnerPlan = Plan(partners);
            // The partners outside (json_each), each finding its run in the index: never a scan of the runs.
            Assert.StartsWith("SCAN p VIRTUAL TABLE", partnerPlan, StringComparison.Ordinal);
            Assert.Contains("SEARCH u USING INDEX history_runs_entity (entity=? AND first_id=?)", partnerPlan);
            Assert.Contains("SEARCH b USING INTEGER PRIMARY KEY (rowid=?)", partnerPlan);
            Assert.DoesNotContain("SCAN u", partnerPlan);
            Assert.DoesNotContain("SCAN b", partnerPlan);

            var revenuePlan = Plan(revenue);
            Assert.Contains("SEARCH r USING COVERING INDEX revenue_partner (partner_id=?)", revenuePlan);
            Assert.Contains("SEARCH h USING INDEX history_partner (partner_id=?)", revenuePlan);
            Assert.Contains("SEARCH h USING INDEX history_moved (<expr>=?)", revenuePlan);
            Assert.Contains("SEARCH u USING INDEX history_runs_entity (entity=? AND first_id=?)", revenuePlan);
            Assert.Contains("USING INDEX history_changes (entity=? AND entity_id=?)", revenuePlan);
            Assert.DoesNotContain("SCAN u", revenuePlan);
            Assert.DoesNotContain("SCAN h", revenuePlan);
            Assert.DoesNotContain("SCAN r", revenuePlan);
            Assert.DoesNotContain("SCAN history", revenuePlan);
        }

        [Fact]
        public void Test_PartnerDatabase_finds_runs_that_overlap_and_nothing_on_a_sound_database()
        {
            Import(WriteCsv("Name", "A", "B", "C"));
            using (var store = Db.Open())
            {
                Assert.DoesNotContain(store.Check(), f => f.Check == "ImportHistory");
                store.Connection.Execute("INSERT INTO history_runs (history_id, batch_id, entity, first_id, last_id, first_line) SELECT 100, id, 'Partner', 3, 3, 9 FROM history_batches");
                var finding = Assert.Single(store.Check(), f => f.Check == "ImportHistory");
                Assert.False(finding.Passed);
                Assert.StartsWith("1 run(s) of imported records", finding.Detail, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_version_8_database_keeps_its_history_rows_and_new_entries_are_numbered_above_them()
        {
            // A database as the previous PartnerOps left it: schema 8, a partner added, one imported (a JSON row per record then),
            // an update and the removal of a third one.
            using (var raw = OpenRaw(Db.Path_))
            {
                raw.CreateFunction("po_key", (string? text) => RevenueRules.Key(text), isDeterministic: true);
                raw.CreateFunction("po_name_key", (string? name) => name == null ? null : PartnerRules.NameKey(name), isDeterministic: true);
                raw.CreateFunction("po_name_sort", (string? name) => name == null ? null : PartnerRules.NameSortKey(name), isDeterministic: true);
                raw.Execute(string.Concat(Schema.Migrations.Take(8)));
                raw.Execute($"PRAGMA application_id = {Schema.ApplicationId}; PRAGMA user_version = 8;");
                raw.Execute(@"
INSERT INTO meta (key, value) VALUES ('currency', 'USD'), ('created_at', '2020-01-01 00:00:00.000');
INSERT INTO partners (id, name, name_key, name_sort, type, tier, status, joined_on, created_at, updated_at) VALUES
    (1, 'Added', 'added', 'added', 'Other', 'Gold', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-02 00:00:00.000'),
    (2, 'Imported', 'imported', 'imported', 'Reseller', 'Silver', 'Active', '2016-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000');
INSERT INTO history (id, at, user, operation, entity, entity_id, partner_id, changes) VALUES
    (1, '2020-01-01 09:00:00.000', 'alice', 'Insert', 'Partner', '1', 1, '{""Name"":[null,""Added""],""Tier"":[null,""Silver""],""Notes"":[null,null]}'),
    (2, '2020-01-01 09:00:01.000', 'bob', 'Insert', 'Partner', '2', 2, '{""Name"":[null,""Imported""],""Tier"":[null,""Silver""]}'),
    (3, '2020-01-01 09:00:01.000', 'bob', 'Insert', 'Partner', '3', 3, '{""Name"":[null,""Gone""]}'),
    (4, '2020-01-02 00:00:00.000', 'alice', 'Update', 'Partner', '1', 1, '{""Tier"":[""Silver"",""Gold""]}'),
    (5, '2020-01-03 00:00:00.000', 'carol', 'Delete', 'Partner', '3', 3, '{""Name"":[""Gone"",null]}');
UPDATE sqlite_sequence SET seq = 3 WHERE name = 'partners';");
            }

            string Line(HistoryEntry e) =>
                $"{e.Id} {e.Timestamp:yyyy-MM-dd HH:mm:ss} {e.User} {e.Operation} {e.Entity} {e.EntityId} {e.PartnerId} '{e.PartnerName}' [{e.Source}{e.Line}] " +
                string.Join(";", Changes(e));
            var old = new[]
            {
                "5 2020-01-03 00:00:00 carol Delete Partner 3 3 '' [] Name=Gone>",
                "4 2020-01-02 00:00:00 alice Update Partner 1 1 'Added' [] Tier=Silver>Gold",
                "3 2020-01-01 09:00:01 bob Insert Partner 3 3 '' [] Name=>Gone",
                "2 2020-01-01 09:00:01 bob Insert Partner 2 2 'Imported' [] Name=>Imported;Tier=>Silver",
                "1 2020-01-01 09:00:00 alice Insert Partner 1 1 'Added' [] Name=>Added;Tier=>Silver",
            };
            Assert.Equal(old, History().Select(Line));
            Assert.Equal(Schema.CurrentVersion, Scalar("PRAGMA user_version"));
            Assert.Equal(5, Scalar("SELECT count(*) FROM history"));

            Import(WriteCsv("Name", "New A", "New B"));
            Add("Added After");
            var all = History();
            Assert.Equal(new[] { "Added After", "New B", "New A" }, all.Take(3).Select(e => e.PartnerName));
            Assert.Equal(new long[] { 8, 7, 6 }, all.Take(3).Select(e => e.Id));
            Assert.Equal(old, all.Skip(3).Select(Line));
            Assert.Equal(new[] { "Insert Partner 2", "Insert Partner 1" }, History(new HistoryFilter { PartnerIds = new HashSet<long> { 2, 1 }, Operations = { HistoryOperation.Insert } }).Select(e => $"{e.Operation} {e.Entity} {e.EntityId}"));
        }

        private sealed class StoppingListener : IImportListener
        {
            private readonly CancellationTokenSource _stop;

            public StoppingListener(CancellationTokenSource stop) => _stop = stop;

            public void RowFailed(ImportRowError error)
            {
            }

            public void Warning(string message)
            {
            }

            public void Progress(ImportProgress progress)
            {
            }

            public void BatchCommitted(long rowsCommitted, long lastLine) => _stop.Cancel();
        }
    }
}
