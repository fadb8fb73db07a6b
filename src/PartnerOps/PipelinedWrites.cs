using System;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>What a pipelined write cmdlet holds from its first item to its end: the store, the partners and the batch.</summary>
    internal sealed class PipelinedWrites : IDisposable
    {
        public PipelinedWrites(PartnerStore store)
        {
            Store = store;
            Partners = new PartnerRepository(store);
            Batch = new WriteBatch(store);
        }

        public PartnerStore Store { get; }

        public PartnerRepository Partners { get; }

        public WriteBatch Batch { get; }

        /// <summary>Items that changed something, for -Verbose.</summary>
        public long Written { get; set; }

        public void Dispose()
        {
            Batch.Dispose();
            Store.Dispose();
        }
    }
}
