using System;
using System.Diagnostics;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Groups pipelined writes into transactions for speed while each item still succeeds or fails alone. A failed statement
    /// aborts a whole PostgreSQL transaction, so every item runs under the savepoint <c>item</c>: a failure rolls back to it
    /// (the item alone is undone, the transaction goes on), a success leaves it to be released when the next item sets it
    /// again (<c>RELEASE item; SAVEPOINT item</c>: one round trip per item). A batch is committed after <see cref="MaxItems"/>
    /// items or when it has been open for <see cref="MaxAge"/>. The open transaction only ever holds whole items, so disposing
    /// (a stopped pipeline) commits them: what a cmdlet reported as written stays written. Other batches of this thread on the
    /// same database are committed before one begins (<see cref="OpenWriteBatches"/>), as on SQLite.
    /// </summary>
    internal sealed class PgWriteBatch : IWriteBatch
    {
        private const string Savepoint = "item";

        private readonly PgDatabase _db;
        private readonly Stopwatch _age = new Stopwatch();
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private int _items;
        private bool _pending;

        // Whether the savepoint holds a finished item (release it before setting it again), and whether it is set at all.
        private bool _saved;
        private bool _holdsItem;

        // Set when the items run on a writer thread: the queue, not the batch, commits the other batches first.
        private WriteQueue? _queue;

        public PgWriteBatch(PgDatabase db, int maxItems = 1000, TimeSpan? maxAge = null)
        {
            _db = db;
            MaxItems = maxItems;
            MaxAge = maxAge ?? TimeSpan.FromMilliseconds(200);
        }

        /// <summary>Items per transaction at most.</summary>
        public int MaxItems { get; }

        /// <summary>How long a transaction stays open at most (other writers wait about that long).</summary>
        public TimeSpan MaxAge { get; }

        /// <inheritdoc/>
        public TimeSpan Elapsed => _elapsed.Elapsed;

        /// <inheritdoc/>
        public long Committed { get; private set; }

        /// <inheritdoc/>
        public object? Run(WriteOperation operation, bool pending = false)
        {
            if (_pending)
            {
                throw new InvalidOperationException("The previous item was neither kept nor undone.");
            }

            if (_db.Transaction == null)
            {
                if (_queue == null)
                {
                    OpenWriteBatches.CommitIdle(_db.Key, this);
                }

                _db.BeginWrite();
                OpenWriteBatches.Opened(_db.Key, this);
                _age.Restart();
                _items = 0;
                _saved = false;
                _holdsItem = false;
            }

            SetSavepoint();
            object? result;
            try
            {
                result = operation.Run();
            }
            catch (Exception ex)
            {
                Undo(ex);
                throw;
            }

            if (pending)
            {
                _pending = true; // about to be passed on: kept (Keep) or undone (Undo)
                _db.ItemFinished(); // whole, and about to be reported: a stop must not cancel (and so roll back) this transaction now
            }
            else
            {
                Finished();
            }

            return result;
        }

        /// <inheritdoc/>
        public void Keep()
        {
            if (!_pending)
            {
                return;
            }

            _pending = false;
            if (_db.Transaction == null)
            {
                Committed++; // another command of the pipeline committed this batch while the item was passed on
                return;
            }

            Finished();
        }

        /// <inheritdoc/>
        public void Undo()
        {
            if (!_pending)
            {
                return;
            }

            _pending = false;
            if (_db.Transaction != null)
            {
                Undo(null);
            }
        }

        /// <inheritdoc/>
        public void Complete()
        {
            if (_db.Transaction == null)
            {
                return;
            }

            try
            {
                _db.Commit();
            }
            finally
            {
                OpenWriteBatches.Closed(this);
                _saved = false;
                _holdsItem = false;
            }

            Committed += _items;
            _items = 0;
        }

        /// <inheritdoc/>
        public IWriteQueue InBackground(Func<Exception, bool> stopsWriting)
        {
            if (_queue != null || _db.Transaction != null)
            {
                throw new InvalidOperationException("The batch already runs in the background, or has items of its own.");
            }

            return _queue = new WriteQueue(this, _db.Key, stopsWriting);
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Undo(); // a pending item whose passing on never finished was not passed on
            if (_db.Transaction == null)
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
                _db.Rollback();
            }
        }

        // The item is whole in the open transaction; the batch commits when full or old.
        private void Finished()
        {
            _items++;
            _holdsItem = true;
            _db.ItemFinished();
            if (_items >= MaxItems || _age.Elapsed >= MaxAge)
            {
                Complete();
            }
        }

        // Sets the savepoint for the next item: released first when it holds a finished item, so savepoints never pile up;
        // left as it is after a rollback to it (it still marks the transaction's state before the failed item).
        private void SetSavepoint()
        {
            if (_saved && !_holdsItem)
            {
                return;
            }

            Savepoints(_saved ? $"RELEASE {Savepoint}; SAVEPOINT {Savepoint}" : $"SAVEPOINT {Savepoint}");
            _saved = true;
            _holdsItem = false;
        }

        // Rolls the item back to its savepoint. When that fails (the server went away, the connection broke), the transaction
        // is lost with the batch's other open items: it is rolled back and the failure of the item (or the rollback) thrown.
        private void Undo(Exception? failure)
        {
            try
            {
                Savepoints($"ROLLBACK TO SAVEPOINT {Savepoint}");
                _holdsItem = false;
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
            {
                OpenWriteBatches.Closed(this);
                _db.Rollback();
                _items = 0;
                _saved = false;
                if (failure == null)
                {
                    throw PgErrors.Translate(ex, _db.Location);
                }
            }
        }

        // The savepoint statements run directly on the connection (not through PgDatabase.Run): a stop asked for must not keep
        // a finished item from being kept, nor a failed one from being undone.
        private void Savepoints(string sql)
        {
            _db.Trace?.Invoke(sql);
            using var command = new NpgsqlCommand(sql, _db.Connection, _db.Transaction);
            command.ExecuteNonQuery();
        }
    }
}
