using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PartnerOps.Sqlite.Native
{
    /// <summary>
    /// The raw SQLite calls on a connection's handle that Microsoft.Data.Sqlite does not offer: change counts, read-only and
    /// autocommit state, tracing, interrupting, configuration and the online backup. The only place outside the import's
    /// statements (<see cref="SqliteStatement"/>, <see cref="SqliteDirect"/>) where SQLitePCL is called.
    /// </summary>
    internal static class NativeConnection
    {
        /// <summary>Rows changed on the connection since it was opened (sqlite3_total_changes).</summary>
        public static int TotalChanges(SqliteConnection connection) => raw.sqlite3_total_changes(connection.Handle);

        /// <summary>True when the main database of the connection can only be read.</summary>
        public static bool IsReadOnly(SqliteConnection connection) => raw.sqlite3_db_readonly(connection.Handle, "main") == 1;

        /// <summary>True when no transaction is open on the connection (SQLite ends one itself after some errors).</summary>
        public static bool InAutocommit(SqliteConnection connection) => raw.sqlite3_get_autocommit(connection.Handle) != 0;

        /// <summary>Sends each statement's text to <paramref name="sink"/>; null stops it.</summary>
        public static void Trace(SqliteConnection connection, Action<string>? sink)
        {
            if (sink == null)
            {
                raw.sqlite3_trace(connection.Handle, (strdelegate_trace?)null!, null);
                return;
            }

            raw.sqlite3_trace(connection.Handle, (strdelegate_trace)((_, sql) => sink(sql)), null);
        }

        /// <summary>Interrupts the statement running on <paramref name="handle"/>, when it is still open.</summary>
        public static void Interrupt(sqlite3? handle)
        {
            if (handle != null && !handle.IsInvalid)
            {
                raw.sqlite3_interrupt(handle);
            }
        }

        /// <summary>
        /// Has SQLite ask <paramref name="stop"/> every <paramref name="instructions"/> virtual-machine instructions of a running
        /// statement whether to stop it (sqlite3_progress_handler); a true answer fails the statement with SQLITE_INTERRUPT.
        /// Null removes the handler. Unlike sqlite3_interrupt, which is lost when no statement is running, this also stops
        /// statements that start after a stop was asked for.
        /// </summary>
        public static void OnProgress(SqliteConnection connection, int instructions, Func<bool>? stop)
        {
            if (stop == null)
            {
                raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
                return;
            }

            raw.sqlite3_progress_handler(connection.Handle, instructions, _ => stop() ? 1 : 0, null);
        }

        /// <summary>sqlite3_db_config with an integer <paramref name="value"/> (SQLITE_DBCONFIG_DEFENSIVE, _NO_CKPT_ON_CLOSE ...).</summary>
        public static void Configure(SqliteConnection connection, int option, int value) => raw.sqlite3_db_config(connection.Handle, option, value, out _);

        /// <summary>
        /// Copies <paramref name="source"/>'s main database into <paramref name="target"/>'s with the online backup API,
        /// <paramref name="pagesPerStep"/> pages at a time; <paramref name="progress"/> gets (pages copied, pages in all). Busy
        /// and locked steps are retried.
        /// </summary>
        /// <exception cref="SqliteException">The backup could not start, or a step failed.</exception>
        public static void Backup(SqliteConnection target, SqliteConnection source, int pagesPerStep, Action<long, long>? progress)
        {
            var backup = raw.sqlite3_backup_init(target.Handle, "main", source.Handle, "main");
            if (backup == null || backup.IsInvalid)
            {
                throw new SqliteException("The backup could not start: " + raw.sqlite3_errmsg(target.Handle).utf8_to_string(), raw.sqlite3_errcode(target.Handle));
            }

            try
            {
                while (true)
                {
                    var rc = raw.sqlite3_backup_step(backup, pagesPerStep);
                    var total = raw.sqlite3_backup_pagecount(backup);
                    progress?.Invoke(total - raw.sqlite3_backup_remaining(backup), total);
                    if (rc == raw.SQLITE_DONE)
                    {
                        break;
                    }

                    if (rc != raw.SQLITE_OK && rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED)
                    {
                        throw new SqliteException("The backup failed: " + raw.sqlite3_errstr(rc).utf8_to_string(), rc);
                    }
                }
            }
            finally
            {
                raw.sqlite3_backup_finish(backup);
            }
        }
    }
}
