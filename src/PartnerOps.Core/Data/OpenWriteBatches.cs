using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The write batches that hold a transaction open on the calling thread, by database (<see cref="IPartnerDatabase.Key"/>),
    /// on any backend. Two PartnerOps commands of one pipeline run on one thread, each with its own connection: a batch left
    /// open by one would block the other's writes (and its reads would miss the rows) until the busy timeout. So before a
    /// batch begins, and before a command reads, the other batches open on the same database in this thread are committed
    /// (<see cref="CommitIdle"/>); they are idle then (between items), so they hold only whole items.
    /// </summary>
    internal static class OpenWriteBatches
    {
        [ThreadStatic]
        private static List<(string Key, IWriteBatch Batch)>? _open;

        /// <summary>The batch began a transaction on the database <paramref name="key"/> (on the calling thread).</summary>
        public static void Opened(string key, IWriteBatch batch) => (_open ??= new List<(string, IWriteBatch)>()).Add((key, batch));

        /// <summary>The batch's transaction ended (committed or rolled back).</summary>
        public static void Closed(IWriteBatch batch) => _open?.RemoveAll(o => ReferenceEquals(o.Batch, batch));

        /// <summary>
        /// Flushes the write queues this thread posts to on the database <paramref name="key"/>, then commits every batch (but
        /// <paramref name="except"/>) this thread holds open on it.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named failure of a commit; that batch's open items are rolled back.</exception>
        public static void CommitIdle(string key, IWriteBatch? except = null)
        {
            WriteQueue.FlushOthers(key, except);
            if (_open == null)
            {
                return;
            }

            foreach (var (openKey, batch) in _open.ToArray())
            {
                if (!ReferenceEquals(batch, except) && string.Equals(openKey, key, StringComparison.Ordinal))
                {
                    batch.Complete();
                }
            }
        }
    }
}
