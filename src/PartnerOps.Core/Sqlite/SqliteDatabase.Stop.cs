using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    // Ctrl+C: stopping the statements of this connection, and what a stop must leave alone.
    public sealed partial class SqliteDatabase
    {
        // How often (in SQLite virtual-machine instructions) a running statement checks for a stop: often enough to stop
        // within milliseconds, rarely enough to cost nothing measurable (one call per thousand instructions).
        private const int ProgressInstructions = 1000;

        /// <summary>
        /// Stops the statement running on this connection (from any thread); it fails with SQLITE_INTERRUPT. An interrupted
        /// write makes SQLite roll back the whole open transaction, so a transaction that already holds finished items
        /// (<see cref="ItemFinished"/>) is left to finish its statement: items a command reported as written stay written,
        /// and the command stops at its next item.
        /// </summary>
        /// <remarks>
        /// The stop is kept: a statement that starts afterwards on this connection (the command had not reached its query yet
        /// when Ctrl+C came) is stopped too, at its first thousand instructions, under the same rule about finished items.
        /// </remarks>
        public void Interrupt()
        {
            lock (_stopGate)
            {
                if (_disposed)
                {
                    return;
                }

                _stopRequested = true;
                NativeConnection.Interrupt(_holdsFinishedItems ? null : Connection.Handle);
            }
        }

        /// <inheritdoc/>
        public bool IsInterruption(System.Exception failure) =>
            failure is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode == 9; // SQLITE_INTERRUPT

        // Ctrl+C came (Interrupt): statements that start later on this connection are stopped too. Read by SQLite's
        // progress handler on the thread running a statement.
        private volatile bool _stopRequested;

        /// <summary>A batch finished an item in the open transaction: <see cref="Interrupt"/> leaves the transaction alone until it ends.</summary>
        public void ItemFinished()
        {
            lock (_stopGate)
            {
                _holdsFinishedItems = Transaction != null;
            }
        }
    }
}
