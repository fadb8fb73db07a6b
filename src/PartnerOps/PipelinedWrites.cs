using System;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>What a pipelined write cmdlet holds from its first item to its end: the store, its repositories and the batch.</summary>
    internal sealed class PipelinedWrites : IDisposable
    {
        private IRevenueRepository? _revenue;
        private IExchangeRateRepository? _rates;
        private ITargetRepository? _targets;

        public PipelinedWrites(IPartnerDatabase store)
        {
            Store = store;
            Partners = store.Partners;
            Batch = store.NewWriteBatch();
        }

        public IPartnerDatabase Store { get; }

        public IPartnerRepository Partners { get; }

        public IRevenueRepository Revenue => _revenue ??= Store.Revenue;

        public IExchangeRateRepository Rates => _rates ??= Store.ExchangeRates;

        public ITargetRepository Targets => _targets ??= Store.Targets;

        public IWriteBatch Batch { get; }

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
