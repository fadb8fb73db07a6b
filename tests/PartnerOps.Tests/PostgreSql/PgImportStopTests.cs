using System;
using System.Linq;
using System.Threading;
using Dapper;
using Npgsql;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.PostgreSql;
using PartnerOps.Tests.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// An import on PostgreSQL that is stopped (Ctrl+C: the cancellation and Interrupt) or loses its server connection keeps
    /// exactly its committed batches, with their history, and can be resumed with -Mode Skip.
    /// </summary>
    public sealed class PgImportStopTests : IDisposable
    {
        private readonly PgImportComparison _both = new PgImportComparison();

        public void Dispose() => _both.Dispose();

        private string File(int rows) => _both.File("partners.csv", new[] { "Name" }.Concat(Enumerable.Range(1, rows).Select(i => "P" + i)).ToArray());

        private static ImportOptions Batches() => new ImportOptions { BatchRows = 1000, BatchAge = TimeSpan.FromHours(1), ChunkRows = 100, ProgressInterval = TimeSpan.Zero };

        private long Stored(string table = "partners") => (long)_both.Pg.Rows($"SELECT count(*) FROM {table}").Single()[0]!;

        [PgFact]
        public void Stopping_keeps_only_whole_committed_batches_with_their_history()
        {
            var path = File(20000);
            using var stop = new CancellationTokenSource();
            var listener = new RecordingListener { OnProgress = p => { if (p.RowsRead >= 5000) stop.Cancel(); } };

            using (var job = PartnerImport.Open(path, Batches(), () => Now))
            using (var store = _both.Pg.Open())
            {
                Assert.ThrowsAny<OperationCanceledException>(() => job.Run(store, listener, stop.Token));
                Assert.Null(store.Transaction);
            }

            var stored = Stored();
            Assert.True(stored < 20000, $"{stored} rows stored");
            Assert.True(stored % 1000 == 0, $"{stored} rows stored: not whole batches of 1000");
            Assert.Equal(stored, Stored("history"));
        }

        [PgFact]
        public void Interrupt_cancels_the_running_statement_and_the_import_stops()
        {
            var path = File(20000);
            using var stop = new CancellationTokenSource();
            PgDatabase? running = null;
            var listener = new RecordingListener
            {
                // Ctrl+C as the cmdlets give it: the token, and the database's Interrupt (the statement on the server).
                OnProgress = p => { if (p.RowsRead >= 3000 && !stop.IsCancellationRequested) { running!.Interrupt(); stop.Cancel(); } },
            };

            using (var job = PartnerImport.Open(path, Batches(), () => Now))
            using (var store = running = _both.Pg.Open())
            {
                var stopped = Assert.ThrowsAny<OperationCanceledException>(() => job.Run(store, listener, stop.Token));
                Assert.Null(store.Transaction);
                Assert.IsNotType<PartnerOpsException>(stopped.InnerException);
            }

            Assert.Equal(0, Stored() % 1000);
        }

        [PgFact]
        public void A_connection_lost_mid_import_is_ServerUnavailable_and_the_import_resumes_with_Skip()
        {
            var path = File(20000);
            var listener = new RecordingListener();
            listener.OnProgress = p =>
            {
                // The server ends the import's session (as a stopped server does: SQLSTATE 57P01) once a batch is committed.
                if (listener.Commits.Count > 0 && p.RowsRead >= 5000)
                {
                    _both.Pg.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND application_name = 'partnerops-import-test'");
                }
            };

            var location = _both.Pg.Location + "&Application%20Name=partnerops-import-test";
            using (var job = PartnerImport.Open(path, Batches(), () => Now))
            using (var store = PgDatabase.Open(PgLocation.Parse(location), create: true, PartnerDatabases.DefaultCurrency))
            {
                var failure = Assert.Throws<PartnerOpsException>(() => job.Run(store, listener, default));
                Assert.Equal(ErrorIds.ServerUnavailable, failure.ErrorId);
                Assert.DoesNotContain("Application Name", failure.Message, StringComparison.OrdinalIgnoreCase);
            }

            NpgsqlConnection.ClearAllPools();
            var kept = Stored();
            Assert.True(kept > 0 && kept < 20000 && kept % 1000 == 0, $"{kept} rows kept");
            Assert.Equal(kept, Stored("history"));

            var resumed = _both.ImportPg(ImportTable.Partners, path, new ImportOptions { Mode = ImportMode.Skip });
            Assert.Equal((kept, 20000 - kept, 0L), (resumed.Result.Skipped, resumed.Result.Inserted, resumed.Result.Failed));
            Assert.Equal(20000, Stored());
            Assert.Equal(20000, Stored("history"));
        }
    }
}
