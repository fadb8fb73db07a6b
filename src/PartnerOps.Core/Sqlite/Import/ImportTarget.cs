using System;
using System.Runtime.CompilerServices;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    public enum RowOutcomeKind
    {
        Inserted,
        Updated,
        Skipped,
        Failed,
    }

    /// <summary>What writing one row did; for a failure, the column and the reason.</summary>
    internal readonly struct RowOutcome
    {
        private RowOutcome(RowOutcomeKind kind, string? column, string? reason)
        {
            Kind = kind;
            Column = column;
            Reason = reason;
        }

        public RowOutcomeKind Kind { get; }

        public string? Column { get; }

        public string? Reason { get; }

        public static RowOutcome Of(RowOutcomeKind kind) => new RowOutcome(kind, null, null);

        public static RowOutcome Failed(string? column, string reason) => new RowOutcome(RowOutcomeKind.Failed, column, reason);
    }

    /// <summary>
    /// Where an entity's rows go: an INSERT that does nothing on a key conflict (the unique index decides,
    /// for rows already stored and for repeats within the file alike), and for Upsert an UPDATE by the same
    /// key. The key conflict then means: Insert, a failed row; Skip, a skipped one; Upsert, an update.
    /// Counting changes() after each statement tells the three apart exactly.
    /// Runs on the writing thread only.
    /// </summary>
    internal abstract class ImportTarget : IDisposable
    {
        private SqliteStatement? _insert;
        private SqliteStatement? _update;
        private ImportHistoryWriter? _history;
        private sqlite3? _db;

        /// <summary>The history's name for the entity (Partner, Revenue), whose inserts are recorded per batch.</summary>
        protected abstract HistoryEntity HistoryEntity { get; }

        /// <summary>The file the rows come from (its full path), recorded in the history of the inserts; null for none.</summary>
        public string? Source { get; set; }

        /// <summary>A page cache for the import's connection (KiB), when the entity's writes reach pages all over a large file; 0 keeps SQLite's.</summary>
        public virtual int CacheKiB => 0;

        protected ImportTarget(ImportMode mode)
        {
            Mode = mode;
        }

        public ImportMode Mode { get; }

        /// <summary>Per-row parameters ?1..?N; ?N+1 is the batch's UTC timestamp.</summary>
        public abstract int ParameterCount { get; }

        /// <summary>Must do nothing on a conflict of the key (ON CONFLICT (key) DO NOTHING).</summary>
        protected abstract string InsertSql { get; }

        /// <summary>Updates the stored row with the same key, with the same parameters as <see cref="InsertSql"/>.</summary>
        protected abstract string UpdateSql { get; }

        /// <summary>Why a row whose key is already stored fails in Insert mode, naming the column and the value.</summary>
        protected abstract RowOutcome Conflict(ImportChunk chunk, int row);

        /// <summary>
        /// What an Upsert row whose key is stored but that updated nothing is: by default Skipped, since the UPDATE's own
        /// condition leaves a stored row that already holds the row's values as it is (UpdatedAt and history included);
        /// an entity whose UPDATE refuses rows for other reasons tells them apart here.
        /// </summary>
        protected virtual RowOutcome NotUpdated(ImportChunk chunk, int row) => RowOutcome.Of(RowOutcomeKind.Skipped);

        /// <summary>Prepares the statements; called once, on the writing thread, before the first batch.</summary>
        public virtual void Prepare(sqlite3 db)
        {
            // The history of the inserted rows is written once per batch (RecordInserts: the ids as runs with their lines),
            // not by a trigger per row; updates and deletes keep their triggers. Dispose puts the trigger back.
            _db = db;
            SqliteStatement.Exec(db, $"DROP TRIGGER IF EXISTS temp.{HistoryTriggers.InsertTrigger(HistoryEntity.ToString())}");
            if (HistoryEntity == HistoryEntity.Partner)
            {
                // The partners' status rows too (ImportHistoryWriter writes them per run of ids).
                SqliteStatement.Exec(db, $"DROP TRIGGER IF EXISTS temp.{StatusTriggers.InsertTrigger}");
            }

            _history = new ImportHistoryWriter(db, HistoryEntity, Source);
            _insert = new SqliteStatement(db, InsertSql);
            if (Mode == ImportMode.Upsert)
            {
                _update = new SqliteStatement(db, UpdateSql);
            }
        }

        /// <summary>Called at the start of each transaction with the timestamp its rows are written with.</summary>
        public void BeginBatch(string utcTimestamp)
        {
            _history!.Clear();
            _insert!.BindText(ParameterCount + 1, utcTimestamp);
            _update?.BindText(ParameterCount + 1, utcTimestamp);
            BatchBegun();
        }

        /// <summary>The prepared INSERT (<see cref="InsertSql"/>), for a target that binds parameters beyond the chunk's before <see cref="Write"/>.</summary>
        protected SqliteStatement Insert => _insert!;

        /// <summary>A batch's transaction has begun (after <see cref="BeginBatch"/>'s own work).</summary>
        protected virtual void BatchBegun()
        {
        }

        /// <summary>A chunk's rows are about to be written one by one (<see cref="Write"/>), in the batch's transaction.</summary>
        public virtual void BeginChunk(ImportChunk chunk)
        {
        }

        /// <summary>The batch's rows are all written; runs inside its transaction, before <see cref="RecordInserts"/> and the commit.</summary>
        public virtual void EndBatch()
        {
        }

        /// <summary>The batch's transaction was rolled back.</summary>
        public virtual void BatchRolledBack()
        {
        }

        /// <summary>The row's INSERT wrote nothing (a key conflict, or the database refused it).</summary>
        protected virtual void InsertedNothing(ImportChunk chunk, int row)
        {
        }

        /// <summary>An Upsert row's UPDATE is about to run.</summary>
        protected virtual void BeforeUpdate()
        {
        }

        [MethodImpl(Hot.Path)]
        public virtual RowOutcome Write(ImportChunk chunk, int row)
        {
            var insert = _insert!;
            insert.BindRow(chunk, row);
            if (insert.Execute() != raw.SQLITE_DONE)
            {
                InsertedNothing(chunk, row);
                return RowOutcome.Failed(null, "the database refused the row: " + insert.LastError);
            }

            if (insert.Changes == 1)
            {
                _history!.Add(insert.LastInsertRowId, chunk.Line(row));
                return RowOutcome.Of(RowOutcomeKind.Inserted);
            }

            InsertedNothing(chunk, row);
            switch (Mode)
            {
                case ImportMode.Skip:
                    return RowOutcome.Of(RowOutcomeKind.Skipped);
                case ImportMode.Upsert:
                    // The rows inserted so far get their history entries now, numbered below the entry the UPDATE's trigger
                    // writes: it may change a row this batch inserted (a name or reference twice in the file), whose
                    // Insert must come first.
                    _history!.Write();
                    BeforeUpdate();
                    var update = _update!;
                    update.BindRow(chunk, row);
                    if (update.Execute() != raw.SQLITE_DONE)
                    {
                        return RowOutcome.Failed(null, "the database refused the row: " + update.LastError);
                    }

                    return update.Changes == 0 ? NotUpdated(chunk, row) : RowOutcome.Of(RowOutcomeKind.Updated);
                default:
                    return Conflict(chunk, row);
            }
        }

        /// <summary>Records the batch's inserted rows in the history; runs inside the batch's transaction, before its commit.</summary>
        public void RecordInserts() => _history!.Write();

        /// <summary>Undoes connection settings made in <see cref="Prepare"/> and finalizes the statements.</summary>
        public virtual void Dispose()
        {
            _insert?.Dispose();
            _update?.Dispose();
            _history?.Dispose();
            _insert = null;
            _update = null;
            _history = null;
            if (_db != null)
            {
                // Back to a per-row trigger for the connection's next user.
                SqliteStatement.Exec(_db, HistoryTriggers.Sql(SqliteDatabase.User));
                _db = null;
            }
        }
    }
}
