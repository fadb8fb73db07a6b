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

        /// <summary>Why the writer stopped early: a named database failure, or OperationCanceledException.</summary>
        Exception? Fault { get; }

        /// <summary>An empty chunk to fill; waits while the writer is behind (the queue is bounded).</summary>
        ImportChunk Rent();

        /// <summary>Hands a filled chunk to the writer.</summary>
        void Submit(ImportChunk chunk);

        /// <summary>No more chunks. With -Atomic, the reader's <paramref name="readerFailures"/> count towards undoing the import.</summary>
        void Complete(long readerFailures);

        /// <summary>Waits for the writer to finish; false on timeout.</summary>
        bool Wait(TimeSpan timeout);

        /// <summary>Stops the writer (the reader failed or was stopped): the batch in progress is rolled back.</summary>
        void Abort();
    }
}
