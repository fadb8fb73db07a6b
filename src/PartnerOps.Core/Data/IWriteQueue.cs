using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// A write batch whose items run on a writer thread of their own, in the order they were posted, so that the thread that
    /// posts them (a pipeline's) goes on with the next item meanwhile. Each item still succeeds or fails alone; its outcome
    /// waits, in order, until the posting thread takes it (<see cref="TakeFinished"/>). Made by
    /// <see cref="IWriteBatch.InBackground"/>; every member is called from the posting thread.
    /// </summary>
    /// <remarks>
    /// Two PartnerOps commands of one pipeline (one thread) on the same database: before this queue's items are handed to
    /// its writer thread, the other batches open on that file in the posting thread are committed, and a batch or reader
    /// of another command that asks to see other writes (<see cref="IPartnerDatabase.SeeOtherWrites"/>) first waits for
    /// this queue to write and commit everything posted so far (<see cref="Flush"/>).
    /// </remarks>
    public interface IWriteQueue : IDisposable
    {
        /// <summary>
        /// Queues one item's writes. Items are handed to the writer thread in small groups (or when the oldest has waited
        /// <see cref="HandOverAge"/>); when the writer is far behind, this waits for room, so memory stays bounded.
        /// Items posted after a failure that stops the writing (<see cref="Stopped"/>) are not written.
        /// </summary>
        void Post(WriteOperation operation, object? target);

        /// <summary>The outcomes of the items finished since the last call, in the order they were posted; does not wait.</summary>
        IReadOnlyList<WriteOutcome> TakeFinished();

        /// <summary>Waits until every item posted so far has run, then commits the open transaction.</summary>
        /// <exception cref="PartnerOpsException">The commit failed (DatabaseFull ...); the open items were rolled back.</exception>
        void Flush();

        /// <summary>
        /// Ends the writer thread: with <paramref name="dropQueued"/> (a stopped pipeline) the items not yet begun are
        /// dropped, never written (<see cref="Dropped"/> counts them); otherwise they are written first. The open
        /// transaction, which holds only whole items, is left for the batch to commit.
        /// </summary>
        void Close(bool dropQueued);

        /// <summary>
        /// True after an item failed in a way that stops the writing (the predicate given to <see cref="IWriteBatch.InBackground"/>):
        /// the items after it were dropped, and later posts are ignored.
        /// </summary>
        bool Stopped { get; }

        /// <summary>Items posted but never written: dropped by <see cref="Close"/> or after a failure that stopped the writing.</summary>
        long Dropped { get; }

        /// <summary>How long an item waits at most before it is handed to the writer thread with the others posted before it.</summary>
        TimeSpan HandOverAge { get; }
    }
}
