using System;
using System.IO;
using System.Linq;
using PartnerOps.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    public class ImportModeTests : ImportTestBase
    {
        private string File() => WriteCsv(
            "Name,Region,Country",
            "ALPHA,New Region,DE",
            "Beta,New Region,GB");

        [Fact]
        public void Insert_rejects_a_name_already_stored_ignoring_case_and_adds_the_rest()
        {
            Add("Alpha");

            var result = Import(File());

            Assert.Equal((2L, 1L, 0L, 0L, 1L), (result.Read, result.Inserted, result.Updated, result.Skipped, result.Failed));
            var error = Assert.Single(Listener.Errors);
            Assert.Equal(2, error.Line);
            Assert.Equal("Name", error.Column);
            Assert.Equal(
                "Line 2, column Name: 'ALPHA' already exists (partner names are unique ignoring case, including ß as ss and İ as i, the kind of space and invisible characters); -Mode Upsert updates it, -Mode Skip leaves it.",
                error.Message);
            Assert.Equal(new[] { "ALPHA", "New Region", "DE" }, error.Values.ToArray());
            Assert.Equal("Old Region", StoredPartner("Alpha").Region);
            Assert.Equal("New Region", StoredPartner("Beta").Region);
        }

        [Fact]
        public void Upsert_updates_a_stored_partner_with_the_rows_values_and_keeps_its_id_and_CreatedAt()
        {
            Add("Alpha");
            var before = StoredPartner("Alpha");

            var result = Import(File(), new ImportOptions { Mode = ImportMode.Upsert });

            Assert.Equal((2L, 1L, 1L, 0L, 0L), (result.Read, result.Inserted, result.Updated, result.Skipped, result.Failed));
            var after = StoredPartner("ALPHA");
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(before.CreatedAt, after.CreatedAt);
            Assert.Equal(Now, after.UpdatedAt);
            Assert.Equal("New Region", after.Region);
            Assert.Equal("DE", after.Country);

            // The row is the partner's description: what it leaves out takes the defaults of a new partner.
            Assert.Equal(Today, after.JoinedOn);
        }

        [Fact]
        public void Skip_leaves_a_stored_partner_as_it_is()
        {
            Add("Alpha");
            var before = StoredPartner("Alpha");

            var result = Import(File(), new ImportOptions { Mode = ImportMode.Skip });

            Assert.Equal((2L, 1L, 0L, 1L, 0L), (result.Read, result.Inserted, result.Updated, result.Skipped, result.Failed));
            var after = StoredPartner("Alpha");
            Assert.Equal(before.Region, after.Region);
            Assert.Equal(before.UpdatedAt, after.UpdatedAt);
            Assert.Empty(Listener.Errors);
        }

        [Theory]
        [InlineData(ImportMode.Insert, "first", 1, 0, 0, 1)]
        [InlineData(ImportMode.Upsert, "last", 1, 1, 0, 0)]
        [InlineData(ImportMode.Skip, "first", 1, 0, 1, 0)]
        public void Repeats_of_a_name_within_the_file_follow_the_mode(ImportMode mode, string winner, long inserted, long updated, long skipped, long failed)
        {
            var path = WriteCsv("Name,Notes", "Gamma,first", "GAMMA,last");

            var result = Import(path, new ImportOptions { Mode = mode });

            Assert.Equal((inserted, updated, skipped, failed), (result.Inserted, result.Updated, result.Skipped, result.Failed));
            Assert.Equal(winner, Assert.Single(Stored()).Notes);
            if (failed > 0)
            {
                Assert.Equal(3, Assert.Single(Listener.Errors).Line);
            }
        }

        [Fact]
        public void Atomic_writes_nothing_when_a_row_fails_and_still_reports_every_failure()
        {
            Add("Alpha");
            var path = WriteCsv("Name,Country", "New1,DE", "Bad,XX", "alpha,DE", "New2,GB");

            var result = Import(path, new ImportOptions { Atomic = true, BatchRows = 1 });

            Assert.True(result.RolledBack);
            Assert.Equal((4L, 0L, 0L, 0L, 2L), (result.Read, result.Inserted, result.Updated, result.Skipped, result.Failed));
            Assert.Equal(new long[] { 3, 4 }, Listener.Errors.Select(e => e.Line).OrderBy(l => l).ToArray());
            Assert.Equal(new[] { "Alpha" }, Stored().Select(p => p.Name).ToArray());
            Assert.Empty(Listener.Commits);
        }

        [Fact]
        public void Atomic_without_failures_writes_everything_in_one_transaction()
        {
            var path = WriteCsv("Name", "A", "B", "C", "D");

            var result = Import(path, new ImportOptions { Atomic = true, BatchRows = 1 });

            Assert.False(result.RolledBack);
            Assert.Equal(4, result.Inserted);
            Assert.Equal((4L, 5L), Assert.Single(Listener.Commits));
            Assert.Equal(4, Stored().Length);
        }

        [Fact]
        public void Batches_are_committed_every_BatchRows_rows_and_reported()
        {
            var path = WriteCsv(new[] { "Name" }.Concat(Enumerable.Range(1, 2000).Select(i => "P" + i)).ToArray());

            var result = Import(path, new ImportOptions { BatchRows = 600 });

            Assert.Equal(2000, result.Inserted);
            Assert.True(Listener.Commits.Count >= 2);
            Assert.Equal(2000, Listener.Commits.Sum(c => c.Rows));
            Assert.Equal(2001, Listener.Commits.Last().LastLine);
            Assert.All(Listener.Commits.Take(Listener.Commits.Count - 1), c => Assert.True(c.Rows >= 600));
        }

        [Fact]
        public void Failures_progress_and_commits_are_reported_on_the_thread_that_runs_the_import()
        {
            Add("P7");
            var path = WriteCsv(new[] { "Name,Country" }.Concat(Enumerable.Range(1, 3000).Select(i => "P" + i + (i % 500 == 0 ? ",XX" : ",DE"))).ToArray());

            var result = Import(path, new ImportOptions { BatchRows = 700, ProgressInterval = TimeSpan.Zero });

            Assert.Equal(7, result.Failed);
            Assert.Equal(7, Listener.Errors.Count);
            Assert.NotEmpty(Listener.ProgressReports);
            Assert.NotEmpty(Listener.Commits);
            Assert.Equal(0, Listener.CallsFromOtherThreads);
            Assert.All(Listener.ProgressReports, p => Assert.InRange(p.Percent, 0, 100));
            Assert.True(Listener.ProgressReports.Last().BytesRead <= new FileInfo(path).Length);
        }

        [Fact]
        public void Stopping_keeps_only_whole_committed_batches()
        {
            var path = WriteCsv(new[] { "Name" }.Concat(Enumerable.Range(1, 20000).Select(i => "P" + i)).ToArray());
            using var stop = new System.Threading.CancellationTokenSource();
            var options = new ImportOptions { BatchRows = 1000, BatchAge = TimeSpan.FromHours(1), ChunkRows = 100, ProgressInterval = TimeSpan.Zero };

            Assert.ThrowsAny<OperationCanceledException>(() =>
            {
                var listener = new RecordingListener { OnProgress = p => { if (p.RowsRead >= 5000) stop.Cancel(); } };
                using var job = PartnerImport.Open(path, options, () => Now);
                using var store = Db.Open();
                try
                {
                    job.Run(store, listener, stop.Token);
                }
                finally
                {
                    Assert.Null(store.Transaction);
                }
            });

            var stored = Stored().Length;
            Assert.True(stored < 20000, $"{stored} rows stored");
            Assert.True(stored % 1000 == 0, $"{stored} rows stored: not whole batches of 1000");
        }
    }
}
