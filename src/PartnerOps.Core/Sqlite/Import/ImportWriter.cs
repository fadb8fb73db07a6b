using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The writing side of an import, on a thread of its own: takes chunks of mapped rows from a bounded
    /// queue and writes them through the target in batched transactions (BEGIN IMMEDIATE, committed every
    /// <see cref="ImportOptions.BatchRows"/> rows or <see cref="ImportOptions.BatchAge"/>, whichever comes
    /// first; with -Atomic one transaction for all). Row failures and commits are queued as events for the
    /// reading thread, which reports them. Stopped or failed, it rolls back the batch in progress, so only
    /// whole committed batches stay.
    /// </summary>
    internal sealed class ImportWriter : IImportWriter
    {
        /// <summary>
        /// The WAL size (bytes) past which the writer waits between two batches for a checkpoint to copy every frame
        /// (<see cref="WalCheckpointer.CatchUp"/>), so the file stays well under 512 MB through a large import.
        /// </summary>
        internal const long WalCatchUpBytes = 128L * 1024 * 1024;

        private readonly SqliteDatabase _store;
        private readonly ImportTarget _target;
        private readonly ImportOptions _options;
        private readonly Func<DateTime> _utcNow;
        private readonly BlockingCollection<ImportChunk> _queue;
        private readonly BlockingCollection<ImportChunk> _free;
        private readonly CancellationTokenSource _stop;
        private readonly Stopwatch _batchAge = new Stopwatch();
        private readonly Task _task;
        private long _rowsInBatch;
        private long _lastLine;
        private long _readerFailures;
        private WalCheckpointer? _checkpointer;

        public ImportWriter(SqliteDatabase store, ImportTarget target, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation)
        {
            _store = store;
            _target = target;
            _options = options;
            _utcNow = utcNow;
            _queue = new BlockingCollection<ImportChunk>(options.QueuedChunks);
            _free = new BlockingCollection<ImportChunk>();
            for (var i = 0; i < options.QueuedChunks + 2; i++)
            {
                _free.Add(new ImportChunk(options.ChunkRows, target.ParameterCount));
            }

            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            _task = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        /// <summary>Row failures and commits, for the reading thread to report.</summary>
        public ConcurrentQueue<ImportEvent> Events { get; } = new ConcurrentQueue<ImportEvent>();

        public long Inserted { get; private set; }

        public long Updated { get; private set; }

        public long Skipped { get; private set; }

        public long Failed { get; private set; }

        /// <summary>Rows inserted by the batches committed so far: what a stop keeps.</summary>
        public long CommittedInserted { get; private set; }

        /// <summary>Rows updated by the batches committed so far.</summary>
        public long CommittedUpdated { get; private set; }

        /// <summary>Rows skipped in the batches committed so far.</summary>
        public long CommittedSkipped { get; private set; }

        /// <summary>The file's line of the last row committed (0: none).</summary>
        public long CommittedLine { get; private set; }

        /// <summary>-Atomic undid everything because rows failed.</summary>
        public bool RolledBack { get; private set; }

        /// <summary>Why the writer stopped early: a database failure, or OperationCanceledException.</summary>
        public Exception? Fault { get; private set; }

        /// <summary>An empty chunk to fill; waits while the writer is behind (the queue is bounded).</summary>
        public ImportChunk Rent() => _free.Take(_stop.Token);

        public void Submit(ImportChunk chunk) => _queue.Add(chunk, _stop.Token);

        /// <summary>No more chunks. With -Atomic, the reader's failures count towards undoing the import.</summary>
        public void Complete(long readerFailures)
        {
            Interlocked.Exchange(ref _readerFailures, readerFailures);
            _queue.CompleteAdding();
        }

        /// <summary>Waits for the writer to finish; false on timeout.</summary>
        public bool Wait(TimeSpan timeout)
        {
            try
            {
                return _task.Wait(timeout);
            }
            catch (AggregateException)
            {
                return true; // Run records its own failure in Fault.
            }
        }

        /// <summary>Stops the writer (the reader failed): the batch in progress is rolled back.</summary>
        public void Abort()
        {
            _stop.Cancel();
            Wait(Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            Abort();
            _stop.Dispose();
            _queue.Dispose();
            _free.Dispose();
        }

        private void Run()
        {
            var db = _store.Connection.Handle!;
            var settings = new ConnectionSettings(db);
            WalCheckpointer? checkpointer = null;
            try
            {
                // For this connection only, and put back below: checkpoints on another thread, and commits
                // that wait for the disk only at checkpoints (synchronous NORMAL, the setting SQLite recommends
                // with WAL: a power cut may undo the last batches, never corrupt the file). The checkpoint at
                // the end syncs every row to disk before the import returns. (A 64 MiB page cache was tried:
                // no faster at a million rows, and 64 MiB more memory.)
                settings.Set("wal_autocheckpoint", "0");
                settings.Set("synchronous", "NORMAL");

                // A WAL file that grew past this is cut back to it when SQLite starts it over (after CatchUp).
                settings.Set("journal_size_limit", WalCatchUpBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (_target.CacheKiB > 0)
                {
                    settings.Set("cache_size", "-" + _target.CacheKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                checkpointer = _checkpointer = new WalCheckpointer(_store.Path);
                _target.Source = _options.Source;
                _target.Prepare(db);
                foreach (var chunk in _queue.GetConsumingEnumerable(_stop.Token))
                {
                    Write(chunk);
                    chunk.Clear();
                    _free.Add(chunk);
                    if (!_options.Atomic && (_rowsInBatch >= _options.BatchRows || _batchAge.Elapsed >= _options.BatchAge))
                    {
                        Commit();
                    }
                }

                if (_options.Atomic && Failed + Interlocked.Read(ref _readerFailures) > 0)
                {
                    Rollback();
                    RolledBack = true;
                }
                else
                {
                    Commit();
                }

                checkpointer.Finish(truncate: true);
            }
            catch (Exception ex)
            {
                Fault = ex is SqliteException sqlite ? SqliteErrors.Translate(sqlite, _store.Path) : ex;
                Rollback();
                _stop.Cancel(); // the reader may be waiting for a chunk or for room in the queue
            }
            finally
            {
                checkpointer?.Dispose();
                try
                {
                    _target.Dispose();
                    settings.Restore();
                }
                catch (Exception)
                {
                    // The connection must not go back to the pool with the import's settings.
                    SqliteConnection.ClearPool(_store.Connection);
                }
            }
        }

        [MethodImpl(Hot.Path)]
        private void Write(ImportChunk chunk)
        {
            if (_store.Transaction == null)
            {
                _store.BeginWrite();
                _batchAge.Restart();
                _rowsInBatch = 0;
                _target.BeginBatch(PartnerRules.FormatTimestamp(_utcNow()));
            }

            _target.BeginChunk(chunk);
            for (var row = 0; row < chunk.Count; row++)
            {
                var outcome = _target.Write(chunk, row);
                switch (outcome.Kind)
                {
                    case RowOutcomeKind.Inserted:
                        Inserted++;
                        break;
                    case RowOutcomeKind.Updated:
                        Updated++;
                        break;
                    case RowOutcomeKind.Skipped:
                        Skipped++;
                        break;
                    default:
                        Failed++;
                        Events.Enqueue(ImportEvent.RowFailed(chunk.Line(row), chunk.Raw(row), outcome.Column, outcome.Reason!));
                        break;
                }
            }

            _rowsInBatch += chunk.Count;
            _lastLine = chunk.Line(chunk.Count - 1);
        }

        private void Commit()
        {
            if (_store.Transaction == null)
            {
                return;
            }

            _target.EndBatch();
            _target.RecordInserts();
            _store.Commit();
            CommittedInserted = Inserted;
            CommittedUpdated = Updated;
            CommittedSkipped = Skipped;
            CommittedLine = _lastLine;
            if (_checkpointer != null && _checkpointer.Oversized(WalCatchUpBytes) > 0)
            {
                _checkpointer.CatchUp();
            }

            _checkpointer?.Request();
            Events.Enqueue(ImportEvent.Committed(_rowsInBatch, _lastLine));
            _rowsInBatch = 0;
        }

        private void Rollback()
        {
            try
            {
                if (_store.Transaction != null)
                {
                    _store.Rollback();
                    _target.BatchRolledBack();
                }
            }
            catch (SqliteException)
            {
                // SQLite may have rolled back already (after an I/O error); the batch is gone either way.
            }
        }
    }

    /// <summary>PRAGMAs changed for an import's connection, remembered so the pooled connection gets its own back.</summary>
    internal sealed class ConnectionSettings
    {
        private readonly SQLitePCL.sqlite3 _db;
        private readonly System.Collections.Generic.List<(string Name, string Value)> _saved = new System.Collections.Generic.List<(string, string)>();

        public ConnectionSettings(SQLitePCL.sqlite3 db) => _db = db;

        public void Set(string pragma, string value)
        {
            var current = SqliteStatement.QueryText(_db, "PRAGMA " + pragma);
            SqliteStatement.Exec(_db, "PRAGMA " + pragma + " = " + value);
            if (current != null)
            {
                _saved.Add((pragma, current));
            }
        }

        public void Restore()
        {
            for (var i = _saved.Count - 1; i >= 0; i--)
            {
                SqliteStatement.Exec(_db, "PRAGMA " + _saved[i].Name + " = " + _saved[i].Value);
            }

            _saved.Clear();
        }
    }

}
