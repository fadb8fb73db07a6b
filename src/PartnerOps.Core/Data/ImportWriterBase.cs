using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PartnerOps.Import;

namespace PartnerOps.Data
{
    /// <summary>
    /// What every backend's import writer shares (<see cref="IImportWriter"/>): a thread of its own taking chunks of mapped
    /// rows from a bounded queue (chunks are reused through a free list), batched transactions committed every
    /// <see cref="ImportOptions.BatchRows"/> rows or <see cref="ImportOptions.BatchAge"/>, whichever comes first (with -Atomic one
    /// transaction for all, undone when any row failed, the reader's failures included), the counts, and the events the reading
    /// thread reports. Stopped or failed, the batch in progress is rolled back, so only whole committed batches stay.
    /// A backend writes the rows (<see cref="Write"/>) and owns the transaction (<see cref="BeginTransaction"/>,
    /// <see cref="CommitTransaction"/>, <see cref="RollbackTransaction"/>); it counts each row's outcome with
    /// <see cref="CountRow"/> and <see cref="RowFailed"/>, when it knows it. Derived classes call <see cref="Start"/> last in
    /// their constructor.
    /// </summary>
    public abstract class ImportWriterBase : IImportWriter
    {
        private readonly BlockingCollection<ImportChunk> _queue;
        private readonly BlockingCollection<ImportChunk> _free;
        private readonly CancellationTokenSource _stop;
        private readonly Stopwatch _batchAge = new Stopwatch();
        private Task? _task;
        private long _rowsInBatch;
        private long _rowsSinceFlush;
        private long _lastLine;
        private long _readerFailures;

        /// <param name="options">The import's options (batch size and age, -Atomic, queue sizes).</param>
        /// <param name="parameterCount">SQL parameters per row (the mapper's).</param>
        /// <param name="utcNow">The clock of the batches' timestamps (UTC).</param>
        /// <param name="cancellation">The import's cancellation (Ctrl+C).</param>
        /// <param name="queuedChunks">Chunks that may wait for the writer (default <see cref="ImportOptions.QueuedChunks"/>).</param>
        protected ImportWriterBase(ImportOptions options, int parameterCount, Func<DateTime> utcNow, CancellationToken cancellation, int queuedChunks = 0)
        {
            Options = options;
            UtcNow = utcNow;
            var queued = queuedChunks > 0 ? queuedChunks : options.QueuedChunks;
            _queue = new BlockingCollection<ImportChunk>(queued);
            _free = new BlockingCollection<ImportChunk>();
            for (var i = 0; i < queued + 2; i++)
            {
                _free.Add(new ImportChunk(options.ChunkRows, parameterCount));
            }

            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        /// <summary>The import's options.</summary>
        protected ImportOptions Options { get; }

        /// <summary>The clock of the batches' timestamps (UTC).</summary>
        protected Func<DateTime> UtcNow { get; }

        /// <inheritdoc />
        public ConcurrentQueue<ImportEvent> Events { get; } = new ConcurrentQueue<ImportEvent>();

        /// <inheritdoc />
        public long Inserted { get; private set; }

        /// <inheritdoc />
        public long Updated { get; private set; }

        /// <inheritdoc />
        public long Skipped { get; private set; }

        /// <inheritdoc />
        public long Failed { get; private set; }

        /// <inheritdoc />
        public long CommittedInserted { get; private set; }

        /// <inheritdoc />
        public long CommittedUpdated { get; private set; }

        /// <inheritdoc />
        public long CommittedSkipped { get; private set; }

        /// <inheritdoc />
        public long CommittedLine { get; private set; }

        /// <inheritdoc />
        public bool RolledBack { get; private set; }

        /// <inheritdoc />
        public Exception? Fault { get; private set; }

        /// <summary>Whether a batch's transaction is open.</summary>
        protected abstract bool InTransaction { get; }

        /// <inheritdoc />
        public ImportChunk Rent() => _free.Take(_stop.Token);

        /// <inheritdoc />
        public void Submit(ImportChunk chunk) => _queue.Add(chunk, _stop.Token);

        /// <inheritdoc />
        public void Complete(long readerFailures)
        {
            Interlocked.Exchange(ref _readerFailures, readerFailures);
            _queue.CompleteAdding();
        }

        /// <inheritdoc />
        public bool Wait(TimeSpan timeout)
        {
            try
            {
                return _task!.Wait(timeout);
            }
            catch (AggregateException)
            {
                return true; // Run records its own failure in Fault.
            }
        }

        /// <inheritdoc />
        public void Abort()
        {
            _stop.Cancel();
            Wait(Timeout.InfiniteTimeSpan);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Abort();
            _stop.Dispose();
            _queue.Dispose();
            _free.Dispose();
        }

        /// <summary>Starts the writing thread; the last call of a derived constructor.</summary>
        protected void Start() =>
            _task = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        /// <summary>Before the first chunk, on the writing thread: connection settings, prepared statements.</summary>
        protected abstract void Prepare();

        /// <summary>Opens a batch's transaction; <paramref name="utcTimestamp"/> is the time its rows are written with ('yyyy-MM-dd HH:mm:ss.fffffff').</summary>
        protected abstract void BeginTransaction(string utcTimestamp);

        /// <summary>Writes (or stages) a chunk's rows inside the open transaction; the chunk is reused once this returns.</summary>
        protected abstract void Write(ImportChunk chunk);

        /// <summary>
        /// With -Atomic, <see cref="ImportOptions.BatchRows"/> rows or <see cref="ImportOptions.BatchAge"/> have been written
        /// since the last call: a backend that stages rows writes them now, inside the one transaction. Nothing by default.
        /// </summary>
        protected virtual void Flush()
        {
        }

        /// <summary>Finishes the open batch (its staged rows, history, totals) and commits it; failures are thrown as they are.</summary>
        protected abstract void CommitTransaction();

        /// <summary>Rolls the open batch back; must not throw for a transaction the database already ended.</summary>
        protected abstract void RollbackTransaction();

        /// <summary>After each commit (e.g. a checkpoint).</summary>
        protected virtual void AfterCommit()
        {
        }

        /// <summary>After the last commit, when the import ended without a failure.</summary>
        protected virtual void Finish()
        {
        }

        /// <summary>Always last, on the writing thread: puts back what <see cref="Prepare"/> changed; must not throw.</summary>
        protected abstract void Cleanup();

        /// <summary>The failure to report for an exception of the writing thread (the backend's translation).</summary>
        protected abstract Exception Translate(Exception ex);

        /// <summary>Counts a row's outcome that is not a failure.</summary>
        protected void CountRow(ImportRowOutcome outcome)
        {
            switch (outcome)
            {
                case ImportRowOutcome.Inserted:
                    Inserted++;
                    break;
                case ImportRowOutcome.Updated:
                    Updated++;
                    break;
                default:
                    Skipped++;
                    break;
            }
        }

        /// <summary>Counts rows of one outcome at once.</summary>
        protected void CountRows(long inserted, long updated, long skipped)
        {
            Inserted += inserted;
            Updated += updated;
            Skipped += skipped;
        }

        /// <summary>A row the database refused: counted and queued for the reading thread, which reports it (and the failed-row file).</summary>
        protected void RowFailed(long line, byte[] raw, string? column, string reason)
        {
            Failed++;
            Events.Enqueue(ImportEvent.RowFailed(line, raw, column, reason));
        }

        private void Run()
        {
            try
            {
                Prepare();
                foreach (var chunk in _queue.GetConsumingEnumerable(_stop.Token))
                {
                    if (!InTransaction)
                    {
                        BeginTransaction(PartnerRules.FormatTimestamp(UtcNow()));
                        _batchAge.Restart();
                        _rowsInBatch = 0;
                        _rowsSinceFlush = 0;
                    }

                    Write(chunk);
                    _rowsInBatch += chunk.Count;
                    _rowsSinceFlush += chunk.Count;
                    if (chunk.Count > 0)
                    {
                        _lastLine = chunk.Line(chunk.Count - 1);
                    }

                    chunk.Clear();
                    _free.Add(chunk);
                    if (_rowsSinceFlush >= Options.BatchRows || _batchAge.Elapsed >= Options.BatchAge)
                    {
                        if (Options.Atomic)
                        {
                            Flush();
                            _rowsSinceFlush = 0;
                            _batchAge.Restart();
                        }
                        else
                        {
                            Commit();
                        }
                    }
                }

                if (Options.Atomic && InTransaction)
                {
                    Flush();
                }

                if (Options.Atomic && Failed + Interlocked.Read(ref _readerFailures) > 0)
                {
                    Rollback();
                    RolledBack = true;
                }
                else
                {
                    Commit();
                }

                Finish();
            }
            catch (Exception ex)
            {
                Fault = Translate(ex);
                Rollback();
                _stop.Cancel(); // the reader may be waiting for a chunk or for room in the queue
            }
            finally
            {
                Cleanup();
            }
        }

        private void Commit()
        {
            if (!InTransaction)
            {
                return;
            }

            CommitTransaction();
            CommittedInserted = Inserted;
            CommittedUpdated = Updated;
            CommittedSkipped = Skipped;
            CommittedLine = _lastLine;
            AfterCommit();
            Events.Enqueue(ImportEvent.Committed(_rowsInBatch, _lastLine));
            _rowsInBatch = 0;
        }

        private void Rollback()
        {
            if (InTransaction)
            {
                RollbackTransaction();
            }
        }
    }

    /// <summary>What writing one row did, when it did not fail.</summary>
    public enum ImportRowOutcome
    {
        /// <summary>A new record.</summary>
        Inserted,

        /// <summary>A stored record took the row's values (-Mode Upsert).</summary>
        Updated,

        /// <summary>The record was there already: -Mode Skip, or an Upsert that changed nothing.</summary>
        Skipped,
    }
}
