using System;
using System.Collections.Generic;
using System.Globalization;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The history of a bulk import's inserts (schema step 9): the ids a batch inserted, with the file's line of each,
    /// gathered as runs (consecutive ids on consecutive lines are one run: first id, last id, first line), and written
    /// at the batch's end, inside its transaction, as one history_batches row (user, UTC time, entity, source file)
    /// with its runs. The batch reserves one history id per inserted record, so Get-PartnerHistory lists an Insert
    /// entry per record, numbered and ordered as if each had its own row. Runs on the writing thread only.
    /// </summary>
    internal sealed class ImportHistoryWriter : IDisposable
    {
        private readonly List<(long FirstId, long LastId, long FirstLine)> _runs = new List<(long, long, long)>();
        private readonly string _entity;
        private readonly string? _source;
        private readonly SqliteStatement _next;
        private readonly SqliteStatement _batch;
        private readonly SqliteStatement _run;
        private readonly SqliteStatement? _status;
        private long _firstId;
        private long _lastId;
        private long _firstLine;
        private long _count;

        /// <param name="db">The import's connection.</param>
        /// <param name="entity">Partner or Revenue.</param>
        /// <param name="source">The file the rows come from (its full path), or null.</param>
        public ImportHistoryWriter(sqlite3 db, HistoryEntity entity, string? source)
        {
            _entity = entity.ToString();
            _source = source;
            _next = new SqliteStatement(db, "SELECT " + HistoryTriggers.NextId);
            _batch = new SqliteStatement(db, "INSERT INTO history_batches (id, at, user, entity, source) VALUES (?1, strftime('%Y-%m-%d %H:%M:%f', 'now'), ?2, ?3, ?4)");
            _run = new SqliteStatement(db, "INSERT INTO history_runs (history_id, batch_id, entity, first_id, last_id, first_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
            _status = entity == HistoryEntity.Partner ? new SqliteStatement(db, StatusTriggers.InsertedRange) : null;
        }

        /// <summary>Inserted rows not yet written to the history (those of the open batch).</summary>
        public long Count => _count;

        /// <summary>Forgets the rows gathered so far (a new batch begins; a rolled-back one left nothing).</summary>
        public void Clear()
        {
            _runs.Clear();
            _count = 0;
        }

        /// <summary>A row the batch inserted: its id and the file's line it came from.</summary>
        public void Add(long id, long line)
        {
            if (_count > 0 && id == _lastId + 1 && line == _firstLine + (id - _firstId))
            {
                _lastId = id;
            }
            else
            {
                if (_count > 0)
                {
                    _runs.Add((_firstId, _lastId, _firstLine));
                }

                _firstId = _lastId = id;
                _firstLine = line;
            }

            _count++;
        }

        /// <summary>Writes the batch's history (nothing when it inserted nothing); inside the batch's transaction, before its commit.</summary>
        public void Write()
        {
            if (_count == 0)
            {
                return;
            }

            _runs.Add((_firstId, _lastId, _firstLine));
            var first = long.Parse(_next.FirstRow()![0]!, CultureInfo.InvariantCulture);
            var batchId = first + _count - 1;
            _batch.BindInt64(1, batchId);
            _batch.BindText(2, SqliteDatabase.User);
            _batch.BindText(3, _entity);
            _batch.BindText(4, _source);
            Check(_batch);
            var historyId = first;
            foreach (var (firstId, lastId, firstLine) in _runs)
            {
                _run.BindInt64(1, historyId);
                _run.BindInt64(2, batchId);
                _run.BindText(3, _entity);
                _run.BindInt64(4, firstId);
                _run.BindInt64(5, lastId);
                _run.BindInt64(6, firstLine);
                Check(_run);
                historyId += lastId - firstId + 1;
                if (_status != null)
                {
                    // The inserted partners' first Status and Tier (schema 12), as the per-row trigger the import dropped writes them.
                    _status.BindInt64(1, firstId);
                    _status.BindInt64(2, lastId);
                    _status.BindText(3, SqliteDatabase.User);
                    Check(_status);
                }
            }

            Clear();
        }

        public void Dispose()
        {
            _next.Dispose();
            _batch.Dispose();
            _run.Dispose();
            _status?.Dispose();
        }

        private static void Check(SqliteStatement statement)
        {
            if (statement.Execute() != raw.SQLITE_DONE)
            {
                throw new Microsoft.Data.Sqlite.SqliteException("The history of the imported rows could not be written: " + statement.LastError, raw.SQLITE_ERROR);
            }
        }
    }
}
