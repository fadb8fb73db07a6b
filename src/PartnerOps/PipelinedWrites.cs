using System;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>What a pipelined write cmdlet holds from its first item to its end: the store, its repositories and the batch.</summary>
    internal sealed class PipelinedWrites : IDisposable
    {
        private RevenueRepository? _revenue;
        private ExchangeRateRepository? _rates;
        private TargetRepository? _targets;

        public PipelinedWrites(PartnerStore store)
        {
            Store = store;
            Partners = new PartnerRepository(store);
            Batch = new WriteBatch(store);
        }

        public PartnerStore Store { get; }

        public PartnerRepository Partners { get; }

        public RevenueRepository Revenue => _revenue ??= new RevenueRepository(Store);

        public ExchangeRateRepository Rates => _rates ??= new ExchangeRateRepository(Store);

        public TargetRepository Targets => _targets ??= new TargetRepository(Store);

        public WriteBatch Batch { get; }

        /// <summary>Items that changed something, for -Verbose.</summary>
        public long Written { get; set; }

        public void Dispose()
        {
            try
            {
                Batch.Dispose();
            }
            finally
            {
                Store.Dispose();
            }
        }
    }
}
