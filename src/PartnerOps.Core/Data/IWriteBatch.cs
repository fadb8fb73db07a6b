using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// Groups pipelined writes into transactions for speed while each item still succeeds or fails alone. The open
    /// transaction only ever holds whole items, so disposing (a stopped pipeline) commits them: what a cmdlet reported as
    /// written stays written.
    /// </summary>
    public interface IWriteBatch : IDisposable
    {
        /// <summary>Time since the batch was created.</summary>
        TimeSpan Elapsed { get; }

        /// <summary>Items committed so far.</summary>
        long Committed { get; }

        /// <summary>
        /// Runs one item's writes; if it throws, its changes are undone and the batch goes on. The operation says whether it
        /// needs a savepoint around it (<see cref="WriteOperation.UndoesItself"/>). <paramref name="pending"/>: the item is about
        /// to be passed on (-PassThru) and stays undecided until <see cref="Keep"/> or <see cref="Undo"/>.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// What the item throws, after its changes were undone; an SQLite failure is named (DatabaseFull, DatabaseBusy,
        /// DatabaseReadOnly, DatabaseError for one no id names ...). After a failure that makes SQLite roll back the whole
        /// transaction (a full disk, an I/O error), the batch's open items are lost too and the command must stop.
        /// </exception>
        object? Run(WriteOperation operation, bool pending = false);

        /// <summary>The pending item was passed on: it stays written.</summary>
        void Keep();

        /// <summary>The pending item was not passed on: its changes are undone.</summary>
        void Undo();

        /// <summary>
        /// Runs this batch's items on a writer thread of their own from now on (see <see cref="IWriteQueue"/>); call once,
        /// before any item, from the thread that posts them. <paramref name="stopsWriting"/>: whether a failure of an item
        /// stops the writing (a database-wide one, such as a full disk), so that the items after it are not written.
        /// </summary>
        IWriteQueue InBackground(Func<Exception, bool> stopsWriting);

        /// <summary>Commits the open transaction, if any.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseFull ...); the open items are then rolled back.</exception>
        void Complete();
    }
}
