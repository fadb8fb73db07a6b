using System;
using System.Collections.Concurrent;
using PartnerOps.Import;

namespace PartnerOps.Data
{
    /// <summary>
    /// The writing side of a bulk import (<see cref="IPartnerDatabase.StartImport"/>), on a thread of its own: it takes chunks of
    /// mapped rows and writes them in batched transactions (every <see cref="ImportOptions.BatchRows"/> rows or
    /// <see cref="ImportOptions.BatchAge"/>; with -Atomic one transaction for all). Row failures and commits come back as
    /// <see cref="Events"/>. Stopped or failed, it rolls back the batch in progress, so only whole committed batches stay.
    /// </summary>
    public interface IImportWriter : IDisposable
    {
        /// <summary>Row failures and commits, for the reading thread to report.</summary>
        ConcurrentQueue<ImportEvent> Events { get; }

        /// <summary>Rows inserted so far, in committed and open batches.</summary>
        long Inserted { get; }

        /// <summary>Rows that updated a record so far.</summary>
        long Updated { get; }

        /// <summary>Rows skipped (already there) so far.</summary>
        long Skipped { get; }

        /// <summary>Rows the database refused.</summary>
        long Failed { get; }

        /// <summary>Rows inserted by committed batches.</summary>
        long CommittedInserted { get; }

        /// <summary>Rows updated by committed batches.</summary>
        long CommittedUpdated { get; }

        /// <summary>Rows skipped by committed batches.</summary>
        long CommittedSkipped { get; }

        /// <summary>The last line of the file that a committed batch holds; 0 before the first commit.</summary>
        long CommittedLine { get; }

        /// <summary>True when -Atomic undid the whole import.</summary>
        bool RolledBack { get; }

        /// <summary>
        /// Why the writer stopped early, null when it did not: a <see cref="PartnerOpsException"/> naming the database failure
        /// (DatabaseFull, DatabaseBusy, DatabaseReadOnly, DatabaseError ...; the batch in progress was rolled back), or
        /// OperationCanceledException when it was stopped. Read it after <see cref="Wait"/> returns true.
        /// </summary>
        Exception? Fault { get; }

        /// <summary>An empty chunk to fill; waits while the writer is behind (the queue is bounded).</summary>
        /// <exception cref="System.OperationCanceledException">
        /// The writer stopped (<see cref="Abort"/>, the import's cancellation token, or a failure of its own): no
        /// PartnerOpsException comes from here; why it stopped is in <see cref="Fault"/> once <see cref="Wait"/> returns.
        /// </exception>
        /// <exception cref="System.ObjectDisposedException">After <see cref="IDisposable.Dispose"/>.</exception>
        ImportChunk Rent();

        /// <summary>
        /// Hands a filled chunk (from <see cref="Rent"/>) to the writer; waits while the queue is full. Its rows' failures come
        /// later as <see cref="Events"/>, never as exceptions here.
        /// </summary>
        /// <exception cref="System.OperationCanceledException">
        /// The writer stopped (<see cref="Abort"/>, the import's cancellation token, or a failure of its own, then in
        /// <see cref="Fault"/>); the chunk is not written.
        /// </exception>
        /// <exception cref="System.InvalidOperationException">After <see cref="Complete"/>.</exception>
        /// <exception cref="System.ObjectDisposedException">After <see cref="IDisposable.Dispose"/>.</exception>
        void Submit(ImportChunk chunk);

        /// <summary>No more chunks. With -Atomic, the reader's <paramref name="readerFailures"/> count towards undoing the import.</summary>
        void Complete(long readerFailures);

        /// <summary>Waits for the writer to finish; false on timeout. Throws nothing for the writer's failure (see <see cref="Fault"/>).</summary>
        bool Wait(TimeSpan timeout);

        /// <summary>Stops the writer (the reader failed or was stopped) and waits for it: the batch in progress is rolled back; committed batches stay.</summary>
        void Abort();
    }
}
