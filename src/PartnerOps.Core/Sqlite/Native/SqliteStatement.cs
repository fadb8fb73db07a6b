using System;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Import;
using SQLitePCL;

namespace PartnerOps.Sqlite.Native
{
    /// <summary>
    /// One prepared statement on the raw SQLite handle of a store's connection, run once per row with
    /// parameters bound straight from a chunk's UTF-8 bytes. Measured: a prepared SqliteCommand with its
    /// parameters reused costs about twice as much per row (bench/README.md), which matters at a million rows.
    /// </summary>
    internal sealed class SqliteStatement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly bool _direct;
        private readonly IntPtr _dbPointer;
        private readonly IntPtr _statementPointer;

        public SqliteStatement(sqlite3 db, string sql)
        {
            _db = db;
            var rc = raw.sqlite3_prepare_v2(db, sql, out _statement);
            SqliteException.ThrowExceptionForRC(rc, db);

            // This object keeps both handles alive until Dispose, so their pointers stay valid.
            _direct = SqliteDirect.Available;
            _dbPointer = db.DangerousGetHandle();
            _statementPointer = _statement.DangerousGetHandle();
        }

        /// <summary>The message of the last failed <see cref="Execute"/>.</summary>
        public string LastError { get; private set; } = string.Empty;

        /// <summary>Binds a chunk row's parameters to ?1..?N.</summary>
        [MethodImpl(Hot.Path)]
        public unsafe void BindRow(ImportChunk chunk, int row)
        {
            for (var p = 0; p < chunk.ParameterCount; p++)
            {
                var index = p + 1;
                int rc;
                if (chunk.IsNull(row, p))
                {
                    rc = _direct ? SqliteDirect.BindNull(_statementPointer, index) : raw.sqlite3_bind_null(_statement, index);
                }
                else if (chunk.IsInteger(row, p))
                {
                    var value = chunk.Integer(row, p);
                    rc = _direct ? SqliteDirect.BindInt64(_statementPointer, index, value) : raw.sqlite3_bind_int64(_statement, index, value);
                }
                else
                {
                    var text = chunk.Text(row, p);
                    if (text.Length == 0)
                    {
                        // An empty span has a null pointer, which SQLite would take for NULL.
                        rc = raw.sqlite3_bind_text(_statement, index, string.Empty);
                    }
                    else if (_direct)
                    {
                        fixed (byte* bytes = text)
                        {
                            rc = SqliteDirect.BindText(_statementPointer, index, bytes, text.Length, SqliteDirect.Transient);
                        }
                    }
                    else
                    {
                        rc = raw.sqlite3_bind_text(_statement, index, text);
                    }
                }

                if (rc != raw.SQLITE_OK)
                {
                    SqliteException.ThrowExceptionForRC(rc, _db);
                }
            }
        }

        /// <summary>Whether the statement, with <paramref name="value"/> bound to ?1, returns a row.</summary>
        public bool Exists(string value)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(_statement, 1, value), _db);
            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_ROW && rc != raw.SQLITE_DONE)
            {
                throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
            }

            return rc == raw.SQLITE_ROW;
        }

        /// <summary>How many rows the statement returns with <paramref name="value"/> bound to ?1 (bound it with a LIMIT).</summary>
        public int CountRows(string value)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(_statement, 1, value), _db);
            var rows = 0;
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                rows++;
            }

            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
            }

            return rows;
        }

        /// <summary>Runs the statement with the values bound so far and returns its first row's columns as text (null for NULL), or null when there is no row.</summary>
        public string?[]? FirstRow()
        {
            var rc = raw.sqlite3_step(_statement);
            try
            {
                if (rc == raw.SQLITE_ROW)
                {
                    var row = new string?[raw.sqlite3_column_count(_statement)];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = raw.sqlite3_column_type(_statement, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, i).utf8_to_string();
                    }

                    return row;
                }

                if (rc != raw.SQLITE_DONE)
                {
                    throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
                }

                return null;
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        public void BindInt64(int index, long value)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(_statement, index, value), _db);
        }

        /// <summary>Binds text to ?<paramref name="index"/>; null binds NULL.</summary>
        public void BindText(int index, string? value)
        {
            SqliteException.ThrowExceptionForRC(value == null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value), _db);
        }

        /// <summary>
        /// Runs an INSERT ... RETURNING id and returns the id. Any failure throws, a constraint violation included
        /// (with its extended code); SQLite has undone the statement by then.
        /// </summary>
        public long ExecuteReturningId()
        {
            try
            {
                var rc = Step();
                if (rc == raw.SQLITE_ROW)
                {
                    var id = raw.sqlite3_column_int64(_statement, 0);
                    rc = Step();
                    if (rc == raw.SQLITE_DONE)
                    {
                        return id;
                    }
                }

                throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
            }
            finally
            {
                raw.sqlite3_reset(_statement);
            }
        }

        /// <summary>
        /// Runs the statement: SQLITE_DONE, or a constraint violation's code (the statement's changes are
        /// undone by SQLite; the transaction goes on). Anything else throws.
        /// </summary>
        [MethodImpl(Hot.Path)]
        public int Execute()
        {
            var rc = Step();
            while (rc == raw.SQLITE_ROW)
            {
                rc = Step();
            }

            if (rc != raw.SQLITE_DONE)
            {
                LastError = raw.sqlite3_errmsg(_db).utf8_to_string();
            }

            if (_direct)
            {
                SqliteDirect.Reset(_statementPointer);
            }
            else
            {
                raw.sqlite3_reset(_statement);
            }
            if (rc == raw.SQLITE_DONE || (rc & 0xFF) == raw.SQLITE_CONSTRAINT)
            {
                return rc;
            }

            throw new SqliteException(LastError, rc, raw.sqlite3_extended_errcode(_db));
        }

        public int Changes => _direct ? SqliteDirect.Changes(_dbPointer) : raw.sqlite3_changes(_db);

        /// <summary>The rowid of the last row the connection inserted (sqlite3_last_insert_rowid; a trigger's inserts do not change it).</summary>
        public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

        /// <summary>Whether the per-row calls go straight to the library (see <see cref="SqliteDirect"/>).</summary>
        public bool IsDirect => _direct;

        /// <summary>Runs SQL that returns nothing (a PRAGMA that sets a value).</summary>
        public static void Exec(sqlite3 db, string sql) => SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(db, sql), db);

        /// <summary>The first column of the first row, as text; null when there is no row.</summary>
        public static string? QueryText(sqlite3 db, string sql)
        {
            using var statement = new SqliteStatement(db, sql);
            var rc = raw.sqlite3_step(statement._statement);
            var value = rc == raw.SQLITE_ROW ? raw.sqlite3_column_text(statement._statement, 0).utf8_to_string() : null;
            raw.sqlite3_reset(statement._statement);
            return value;
        }

        public void Dispose() => _statement.Dispose();

        private int Step() => _direct ? SqliteDirect.Step(_statementPointer) : raw.sqlite3_step(_statement);
    }
}
