using System;
using System.Data;
using System.Threading;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using PartnerOps.Data;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The writing side of an import on PostgreSQL (the thread, queue, batches and counts are <see cref="ImportWriterBase"/>'s).
    /// A batch's rows are streamed as they come, by Npgsql's binary COPY, into a temporary staging table of the session
    /// (<see cref="Staging"/>); at the batch's end one set-based merge (<see cref="PgImportTarget.Merge"/>) moves them into the
    /// entity's table with each row's outcome, the Insert history entries with their lines, and the revenue totals (the
    /// statement-level trigger); then the batch commits (durably: synchronous_commit is the server's). With -Atomic the
    /// staged rows are merged every <see cref="ImportOptions.BatchRows"/> rows inside the one transaction. Each batch runs
    /// under the database's advisory lock (<see cref="PgDatabase.BeginWrite"/>), so writers of other hosts wait at most about
    /// a batch. Ctrl+C cancels the COPY or merge on the server (<see cref="PgDatabase.Interrupt"/>); committed batches stay.
    /// </summary>
    internal sealed class PgImportWriter : ImportWriterBase
    {
        /// <summary>The staging table: temporary, of the import's session, created empty before the first batch and dropped at the end.</summary>
        internal const string Staging = "pg_temp.po_import";

        private readonly PgDatabase _db;
        private readonly PgImportTarget _target;
        private readonly StagedRows _rows = new StagedRows();
        private readonly CancellationTokenRegistration _interrupt;
        private NpgsqlBinaryImporter? _copy;
        private string _timestamp = string.Empty;

        public PgImportWriter(PgDatabase db, PgImportTarget target, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation)
            : base(options, target.ParameterCount, utcNow, cancellation, QueuedChunks(options))
        {
            _db = db;
            _target = target;

            // Ctrl+C (Import-Partner cancels the import's token): the COPY or merge running on the server is cancelled too.
            _interrupt = cancellation.Register(db.Interrupt);
            Start();
        }

        protected override bool InTransaction => _db.Transaction != null;

        // Room for a batch's chunks (at most 128: 64k rows of 512): the reader goes on with the next batch while the merge runs.
        private static int QueuedChunks(ImportOptions options) =>
            Math.Max(options.QueuedChunks, Math.Min(128, options.BatchRows / Math.Max(1, options.ChunkRows) + 2));

        protected override void Prepare()
        {
            // Outside any transaction, so a batch rolled back keeps the table (a temporary table is never WAL-logged).
            _db.Execute($"DROP TABLE IF EXISTS {Staging}; CREATE TEMP TABLE {Staging} (ord integer NOT NULL, line bigint NOT NULL, {_target.StagingColumns})");
            _target.Prepare(_db);
        }

        protected override void BeginTransaction(string utcTimestamp)
        {
            _db.BeginWrite();

            // The merge writes the history entries itself (Inserts with their lines), with the file as source. For the batch only:
            // room to sort a batch in memory, and no JIT compilation (it cost more than it saved on a batch's merge).
            _db.Execute(
                "SELECT set_config(@written, 'on', true), set_config('partnerops.source', @source, true), set_config('work_mem', '64MB', true), set_config('jit', 'off', true)",
                new { written = PgTriggers.HistoryWrittenSetting, source = Options.Source ?? string.Empty });
            _timestamp = utcTimestamp;
            _rows.Clear();
        }

        protected override void Write(ImportChunk chunk)
        {
            var copy = _copy;
            if (copy == null)
            {
                var sql = $"COPY {Staging} (ord, line, {_target.CopyColumns}) FROM STDIN (FORMAT BINARY)";
                copy = _copy = _db.Run(sql, () => _db.Connection.BeginBinaryImport(sql));
            }

            for (var row = 0; row < chunk.Count; row++)
            {
                copy.StartRow();
                copy.Write(_rows.Count, NpgsqlDbType.Integer);
                copy.Write(chunk.Line(row), NpgsqlDbType.Bigint);
                _target.WriteRow(copy, chunk, row);
                _rows.Add(chunk, row);
            }
        }

        protected override void Flush() => Merge();

        protected override void CommitTransaction()
        {
            Merge();
            _db.Commit();
        }

        protected override void RollbackTransaction()
        {
            CloseCopy();
            _db.Rollback();
            _rows.Clear();
            _target.BatchRolledBack();
        }

        protected override Exception Translate(Exception ex) =>
            PgErrors.IsCanceled(ex) || _db.StopRequested && ex is NpgsqlException
                ? ex as OperationCanceledException ?? new OperationCanceledException("The import was stopped.", ex)
                : PgErrors.Translate(ex, _db.Location);

        protected override void Cleanup()
        {
            _interrupt.Dispose();
            CloseCopy();
            try
            {
                if (_db.Connection.State == ConnectionState.Open && _db.Transaction == null)
                {
                    _db.Connection.Execute($"DROP TABLE IF EXISTS {Staging}");
                }
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
            {
                // A stopped or lost connection: the session's temporary table goes with it.
            }
        }

        // The staged rows into the entity's table: counts and failed rows (reported in the file's order), then the stage emptied.
        private void Merge()
        {
            var copy = _copy;
            if (copy == null)
            {
                return;
            }

            _db.Run("COPY (complete)", () => copy.Complete());
            CloseCopy();
            var result = _target.Merge(_db, _timestamp, _rows.Count);
            CountRows(result.Inserted, result.Updated, result.Skipped);
            result.Failures.Sort((a, b) => a.Ord.CompareTo(b.Ord));
            foreach (var (ord, column, reason) in result.Failures)
            {
                RowFailed(_rows.Line(ord), _rows.Raw(ord), column, reason);
            }

            _db.Execute($"TRUNCATE {Staging}");
            _rows.Clear();
        }

        // Ends the COPY in progress, if any: disposing an unfinished COPY cancels it on the server (nothing of it stays).
        private void CloseCopy()
        {
            var copy = _copy;
            _copy = null;
            try
            {
                copy?.Dispose();
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException || ex is System.IO.IOException)
            {
                // The server or the connection already ended it.
            }
        }
    }
}
