using System;
using System.IO;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Backup-PartnerDatabase into a SQLite file: SQLite's online backup API, or a copy of another backend's snapshot.</summary>
    internal static class SqliteBackup
    {
        /// <summary>
        /// Copies the database with SQLite's online backup, which reads a consistent snapshot while others
        /// write. The copy is written beside the destination and moved into place only when complete.
        /// </summary>
        public static void BackupTo(SqliteDatabase db, string destinationPath, Action<long, long>? progress) =>
            WriteBeside(destinationPath, db.Path, partial =>
            {
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    target.Open();
                    CopyPages(db, target, progress);
                    target.Execute("PRAGMA journal_mode = DELETE");
                }
            });

        /// <summary>
        /// Writes <paramref name="snapshot"/> (another database's) as a new PartnerOps database file, beside the destination
        /// and moved into place only when complete, in rollback-journal mode so that the file alone holds it.
        /// </summary>
        public static void WriteFile(IDatabaseSnapshot snapshot, string destinationPath, Action<DumpProgress>? progress) =>
            WriteBeside(destinationPath, snapshot.Database, partial =>
            {
                try
                {
                    using (var copy = SqliteDatabase.OpenOrCreate(partial))
                    {
                        copy.Restore(snapshot, replace: false, progress);
                    }

                    SqliteDatabase.ReleasePooledConnections(partial);
                    using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                    {
                        target.Open();
                        target.Execute("PRAGMA journal_mode = DELETE");
                    }
                }
                catch (PartnerOpsException ex) when (Equals(ex.Target, partial))
                {
                    var destination = Path.GetFullPath(destinationPath);
                    throw new PartnerOpsException(ex.ErrorId, ex.Kind, ex.Message.Replace(partial, destination), destination, ex);
                }
                finally
                {
                    SqliteDatabase.ReleasePooledConnections(partial);
                }
            });

        // Writes a database file through `write` (given a new owner-only file beside the destination), then moves it into
        // place; a failed write leaves nothing behind. `read` names the database read, for a failure that is not the copy's.
        private static void WriteBeside(string destinationPath, string read, Action<string> write)
        {
            var destination = SqliteDatabase.RequireFilePath(destinationPath, "backup destination");
            var partial = PartialFiles.Beside(destination);
            try
            {
                SqliteDatabase.CreateOwnerOnly(partial, destination);
                write(partial);
                if (File.Exists(destination))
                {
                    SqliteDatabase.Delete(destination);
                }

                File.Move(partial, destination);
            }
            catch (SqliteException ex)
            {
                // A full disk or a read-only file system is the copy's; anything else is about the database read.
                throw SqliteErrors.Translate(ex, ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_FULL || ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_READONLY ? destination : read);
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
