using System;
using System.Data;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // Copying: reading one snapshot of the schema, writing a copy into it, and Backup-PartnerDatabase, which writes a server
    // database out as a PartnerOps SQLite file through the same copy.
    public sealed partial class PgDatabase
    {
        /// <inheritdoc />
        public IDatabaseSnapshot ReadSnapshot() => new PgSnapshot(this);

        /// <inheritdoc />
        public void Restore(IDatabaseSnapshot source, bool replace, Action<DumpProgress>? progress = null) =>
            DatabaseDump.Write(source, new PgDumpWriter(this), Path, replace, progress);

        /// <summary>
        /// Writes the database, from one snapshot, as a PartnerOps SQLite file at <paramref name="destinationPath"/> (written
        /// beside it and moved into place when complete). <paramref name="progress"/> gets (rows copied, rows in all).
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseFull or DatabaseReadOnly for the file; a named failure of the server.</exception>
        public void BackupTo(string destinationPath, Action<long, long>? progress = null)
        {
            using var snapshot = ReadSnapshot();
            PartnerDatabases.WriteFile(snapshot, destinationPath, progress == null ? null : p => progress(p.Done, p.Rows));
        }

        /// <summary>
        /// Begins the REPEATABLE READ READ ONLY transaction of a snapshot: every read until <see cref="Rollback"/> sees the
        /// database as it was at the first one. InvalidOperationException inside another transaction.
        /// </summary>
        internal void BeginSnapshot()
        {
            if (Transaction != null)
            {
                throw new InvalidOperationException("A snapshot cannot be read inside another transaction.");
            }

            Run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", () => Transaction = Connection.BeginTransaction(IsolationLevel.RepeatableRead));
            try
            {
                Execute("SET TRANSACTION READ ONLY");
            }
            catch
            {
                Rollback();
                throw;
            }
        }
    }
}
