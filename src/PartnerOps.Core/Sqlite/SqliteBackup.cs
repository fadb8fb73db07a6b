using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Backup-PartnerDatabase with SQLite's online backup API.</summary>
    internal static class SqliteBackup
    {

        /// <summary>
        /// Copies the database with SQLite's online backup, which reads a consistent snapshot while others
        /// write. The copy is written beside the destination and moved into place only when complete.
        /// </summary>
        public static void BackupTo(SqliteDatabase db, string destinationPath, Action<long, long>? progress)
        {
            var destination = SqliteDatabase.RequireFilePath(destinationPath, "backup destination");
            var partial = destination + ".partial-" + Guid.NewGuid().ToString("N");
            try
            {
                SqliteDatabase.CreateOwnerOnly(partial, destination);
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    target.Open();
                    CopyPages(db, target, progress);
                    target.Execute("PRAGMA journal_mode = DELETE");
                }

                if (File.Exists(destination))
                {
                    SqliteDatabase.Delete(destination);
                }

                File.Move(partial, destination);
            }
            catch (SqliteException ex)
            {
                // A full disk or a read-only file system is the copy's; anything else is about the database read.
                throw SqliteErrors.Translate(ex, ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_FULL || ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_READONLY ? destination : db.Path);
            }
            finally
            {
                // A failed copy (a full disk, say) leaves its rollback journal too.
                foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
                {
                    if (File.Exists(partial + suffix))
                    {
                        File.Delete(partial + suffix);
                    }
                }
            }
        }

        // The backup API, a chunk of pages at a time so that progress can be shown. A read transaction holds one
        // snapshot of this WAL database for the whole copy, so writers go on and the copy stays consistent.
        private static void CopyPages(SqliteDatabase db, SqliteConnection target, Action<long, long>? progress)
        {
            const int PagesPerStep = 1024;
            using (var snapshot = db.Connection.BeginTransaction(deferred: true))
            {
                db.Connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master", transaction: snapshot);
                NativeConnection.Backup(target, db.Connection, PagesPerStep, progress);
                snapshot.Commit();
            }
        }
    }
}
