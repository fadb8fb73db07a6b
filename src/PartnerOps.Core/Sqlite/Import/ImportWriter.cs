using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The writing side of an import on SQLite (the thread, queue, batches and counts are <see cref="ImportWriterBase"/>'s):
    /// each chunk's rows are written one by one through the target inside a BEGIN IMMEDIATE transaction, the history of the
    /// inserts and the totals folded in per batch (<see cref="ImportTarget"/>), with checkpoints on another thread
    /// (<see cref="WalCheckpointer"/>) and the connection's settings put back at the end.
    /// </summary>
    internal sealed class ImportWriter : ImportWriterBase
    {
        /// <summary>
        /// The WAL size (bytes) past which the writer waits between two batches for a checkpoint to copy every frame
        /// (<see cref="WalCheckpointer.CatchUp"/>), so the file stays well under 512 MB through a large import.
        /// </summary>
        internal const long WalCatchUpBytes = 128L * 1024 * 1024;

        private readonly SqliteDatabase _store;
        private readonly ImportTarget _target;
        private ConnectionSettings? _settings;
        private WalCheckpointer? _checkpointer;

        public ImportWriter(SqliteDatabase store, ImportTarget target, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation)
            : base(options, target.ParameterCount, utcNow, cancellation)
        {
            _store = store;
            _target = target;
            Start();
        }

        protected override bool InTransaction => _store.Transaction != null;

        protected override void Prepare()
        {
            var db = _store.Connection.Handle!;
            var settings = _settings = new ConnectionSettings(db);

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

            _checkpointer = new WalCheckpointer(_store.Path);
            _target.Source = Options.Source;
            _target.Prepare(db);
        }

        protected override void BeginTransaction(string utcTimestamp)
        {
            _store.BeginWrite();
            _target.BeginBatch(utcTimestamp);
        }

        [MethodImpl(Hot.Path)]
        protected override void Write(ImportChunk chunk)
        {
            _target.BeginChunk(chunk);
            for (var row = 0; row < chunk.Count; row++)
            {
                var outcome = _target.Write(chunk, row);
                switch (outcome.Kind)
                {
                    case RowOutcomeKind.Inserted:
                        CountRow(ImportRowOutcome.Inserted);
                        break;
                    case RowOutcomeKind.Updated:
                        CountRow(ImportRowOutcome.Updated);
                        break;
                    case RowOutcomeKind.Skipped:
                        CountRow(ImportRowOutcome.Skipped);
                        break;
                    default:
                        RowFailed(chunk.Line(row), chunk.Raw(row), outcome.Column, outcome.Reason!);
                        break;
                }
            }
        }

        protected override void CommitTransaction()
        {
            _target.EndBatch();
            _target.RecordInserts();
            _store.Commit();
        }

        protected override void AfterCommit()
        {
            if (_checkpointer != null && _checkpointer.Oversized(WalCatchUpBytes) > 0)
            {
                _checkpointer.CatchUp();
            }

            _checkpointer?.Request();
        }

        protected override void Finish() => _checkpointer?.Finish(truncate: true);

        protected override void RollbackTransaction()
        {
            try
            {
                _store.Rollback();
                _target.BatchRolledBack();
            }
            catch (SqliteException)
            {
                // SQLite may have rolled back already (after an I/O error); the batch is gone either way.
            }
        }

        protected override Exception Translate(Exception ex) => ex is SqliteException sqlite ? SqliteErrors.Translate(sqlite, _store.Path) : ex;

        protected override void Cleanup()
        {
            _checkpointer?.Dispose();
            try
            {
                _target.Dispose();
                _settings?.Restore();
            }
            catch (Exception)
            {
                // The connection must not go back to the pool with the import's settings.
                SqliteConnection.ClearPool(_store.Connection);
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
