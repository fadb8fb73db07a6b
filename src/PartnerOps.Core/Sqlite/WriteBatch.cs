using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Groups pipelined writes into transactions for speed while each item still succeeds or fails alone
    /// (a savepoint per item). A batch is committed after <see cref="MaxItems"/> items or when it has been
    /// open for <see cref="MaxAge"/>, so other writers wait at most about that long. The open transaction
    /// only ever holds whole items, so disposing (a stopped pipeline, Select-Object -First) commits them:
    /// what a cmdlet reported as written stays written.
    /// <para>
    /// Two PartnerOps commands in one pipeline run on one thread, each with its own connection: a batch left
    /// open by one would block the other's writes (and reads would miss its rows) until the busy timeout.
    /// So before a batch begins, and before a command reads, the other batches open on the same file in this
    /// thread are committed; they are idle then (between items), so they hold only whole items. A batch whose items run
    /// on a writer thread (<see cref="InBackground"/>) takes part from the thread that posts them: its queue commits the
    /// others before it hands items over, and is flushed (written and committed) when another asks.
    /// </para>
    /// </summary>
    public sealed class WriteBatch : IWriteBatch
    {
        private readonly SqliteDatabase _store;
        private readonly Stopwatch _age = new Stopwatch();
        private bool _pending;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private int _items;

        // Prepared once, not per item: a command made for each item's SAVEPOINT and RELEASE was measurable.
        private SqliteCommand? _save;
        private SqliteCommand? _release;
        private SqliteCommand? _rollback;

        // Set when the items run on a writer thread: the queue, not the batch, commits the other batches first.
        private WriteQueue? _queue;

        public WriteBatch(SqliteDatabase store, int maxItems = 1000, TimeSpan? maxAge = null)
        {
            _store = store;
            MaxItems = maxItems;
            MaxAge = maxAge ?? TimeSpan.FromMilliseconds(200);
        }

        public int MaxItems { get; }

        public TimeSpan MaxAge { get; }

        /// <summary>Time since the batch writer was created.</summary>
        public TimeSpan Elapsed => _elapsed.Elapsed;

        /// <summary>Items committed so far.</summary>
        public long Committed { get; private set; }

        /// <summary>Runs one item's writes; if it throws, its changes are undone and the batch goes on.</summary>
        /// <param name="oneStatement">
        /// The item writes with one SQL statement (its triggers included), which SQLite undoes by itself when it fails:
        /// no savepoint is needed around it. Two statements per item were a measurable part of Add-Partner's cost.
        /// </param>
        /// <param name="pending">
        /// The item is about to be passed on (-PassThru): it stays undecided, in a savepoint of its own, until the caller
        /// says whether it was passed on (<see cref="Keep"/>) or not (<see cref="Undo"/>), so that a stop between writing
        /// and passing it on cannot leave it written but unreported, nor report it and then lose it.
        /// </param>
        public T Run<T>(Func<T> item, bool oneStatement = false, bool pending = false)
        {
            if (_pending)
            {
                throw new InvalidOperationException("The previous item was neither kept nor undone.");
            }

            if (_store.Transaction == null)
            {
                if (_queue == null)
                {
                    CommitIdle(_store.Key);
                }

                _store.BeginWrite();
                OpenWriteBatches.Opened(_store.Key, this);
                _age.Restart();
                _items = 0;
            }

            var savepoint = !oneStatement || pending;
            if (savepoint)
            {
                Execute(ref _save, "SAVEPOINT item");
            }

            T result;
            try
            {
                result = item();
                if (savepoint && !pending)
                {
                    Execute(ref _release, "RELEASE item");
                }
            }
            catch (Exception ex)
            {
                if (_store.InAutocommit)
                {
                    // SQLite rolled the whole transaction back (a full disk, an I/O error): the batch is lost, not
                    // only this item, so the command must stop; what earlier batches committed stays.
                    OpenWriteBatches.Closed(this);
                    _store.Rollback();
                    _items = 0;
                }
                else if (savepoint)
                {
                    Execute(ref _rollback, "ROLLBACK TO item");
                    Execute(ref _release, "RELEASE item");
                }

                if (ex is SqliteException sqlite)
                {
                    throw SqliteErrors.Translate(sqlite, _store.Path);
                }

                throw;
            }

            if (pending)
            {
                // Whole, and about to be reported: a stop must not interrupt (and so roll back) this transaction now.
                _pending = true;
                _store.ItemFinished();
            }
            else
            {
                Finished();
            }

            return result;
        }

        /// <summary>
        /// The pending item was passed on: it stays. When another command in the pipeline committed this batch while the
        /// item was being passed on (it writes to the same file), the item is committed already.
        /// </summary>
        /// <inheritdoc/>
        public object? Run(WriteOperation operation, bool pending = false) => Run(operation.Run, operation.UndoesItself, pending);

        public void Keep()
        {
            if (!_pending)
            {
                return;
            }

            _pending = false;
            if (_store.Transaction == null)
            {
                Committed++;
                return;
            }

            Execute(ref _release, "RELEASE item");
            Finished();
        }

        /// <summary>The pending item was not passed on (the pipeline stopped first): its changes are undone.</summary>
        public void Undo()
        {
            if (!_pending)
            {
                return;
            }

            _pending = false;
            if (_store.Transaction != null && !_store.InAutocommit)
            {
                Execute(ref _rollback, "ROLLBACK TO item");
                Execute(ref _release, "RELEASE item");
            }
        }

        // An item is whole in the open transaction: from now on a stop must not undo the transaction (see SqliteDatabase.Interrupt).
        private void Finished()
        {
            _items++;
            _store.ItemFinished();
            if (_items >= MaxItems || _age.Elapsed >= MaxAge)
            {
                Complete();
            }
        }

        /// <summary>Commits the batch in progress.</summary>
        public void Complete()
        {
            if (_store.Transaction != null)
            {
                try
                {
                    _store.Commit();
                }
                catch (SqliteException ex)
                {
                    throw SqliteErrors.Translate(ex, _store.Path);
                }
                finally
                {
                    OpenWriteBatches.Closed(this);
                }

                Committed += _items;
                _items = 0;
            }
        }

        /// <summary>Commits every batch (but <paramref name="except"/>) this thread holds open on the database file whose <see cref="SqliteDatabase.Key"/> is <paramref name="key"/> (<see cref="OpenWriteBatches"/>).</summary>
        public static void CommitIdle(string key, WriteBatch? except = null) => OpenWriteBatches.CommitIdle(key, except);

        /// <inheritdoc/>
        public IWriteQueue InBackground(Func<Exception, bool> stopsWriting)
        {
            if (_queue != null || _store.Transaction != null)
            {
                throw new InvalidOperationException("The batch already runs in the background, or has items of its own.");
            }

            return _queue = new WriteQueue(this, _store.Key, stopsWriting);
        }

        private void Execute(ref SqliteCommand? command, string sql)
        {
            if (command == null)
            {
                command = _store.Connection.CreateCommand();
                command.CommandText = sql;
            }

            command.Transaction = _store.Transaction;
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            Undo(); // a pending item whose passing on never finished was not passed on
            if (_store.Transaction == null)
            {
                return;
            }

            try
            {
                Complete();
            }
            catch (Exception)
            {
                // Dispose must not throw (it runs while a pipeline stops); the items stay unwritten, whole.
                OpenWriteBatches.Closed(this);
                _store.Rollback();
            }
        }
    }
}
