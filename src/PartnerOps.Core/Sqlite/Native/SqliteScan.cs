using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PartnerOps.Sqlite.Native
{
    /// <summary>Reads a query's rows of (text or blob, integer) straight from SQLite's buffers, without a string per row.</summary>
    internal static class SqliteScan
    {
        /// <summary>Gets a row's first column's bytes (valid only during the call) and its second column; false stops the scan.</summary>
        public delegate bool BytesAndInteger(ReadOnlySpan<byte> bytes, long value);

        /// <summary>Runs <paramref name="sql"/> and passes each row to <paramref name="row"/>; false when it stopped the scan.</summary>
        public static bool ForEach(sqlite3 db, string sql, BytesAndInteger row)
        {
            var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
            SqliteException.ThrowExceptionForRC(rc, db);
            using (statement)
            {
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    if (!row(raw.sqlite3_column_blob(statement, 0), raw.sqlite3_column_int64(statement, 1)))
                    {
                        return false;
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }

                return true;
            }
        }
    }
}
