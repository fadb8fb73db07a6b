using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// One item's writes as a write batch runs them (<see cref="IWriteBatch.Run"/>), with what the storage knows about undoing
    /// them: a repository that writes an item with one statement says so (<see cref="UndoesItself"/>), and the batch then
    /// puts no savepoint around it.
    /// </summary>
    public sealed class WriteOperation
    {
        /// <summary>An item's writes; <paramref name="undoesItself"/> when a failure of them leaves nothing written without a savepoint.</summary>
        public WriteOperation(Func<object?> run, bool undoesItself = false)
        {
            Run = run ?? throw new ArgumentNullException(nameof(run));
            UndoesItself = undoesItself;
        }

        /// <summary>The writes; returns the record written (or null).</summary>
        public Func<object?> Run { get; }

        /// <summary>
        /// True when the writes are one statement (its triggers included) that the database undoes by itself when it fails:
        /// no savepoint is needed around it.
        /// </summary>
        public bool UndoesItself { get; }
    }
}
