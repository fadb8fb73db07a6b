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
        private IContactRepository? _contacts;
        private IDealRepository? _deals;

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

        public IContactRepository Contacts => _contacts ??= Store.Contacts;

        public IDealRepository Deals => _deals ??= Store.Deals;

        public IWriteBatch Batch { get; }

        /// <summary>The batch's writer thread, once the command writes in the background (<see cref="Queued"/>); else null.</summary>
        public IWriteQueue? Queue { get; private set; }

        private Func<bool>? _stopping;

        /// <summary>
        /// The batch's items from now on run on a writer thread (made on the first call). <paramref name="stopsWriting"/>:
        /// which failures stop the writing; <paramref name="stopping"/>: whether the command was stopped, read when it
        /// closes (a stopped command drops the items not yet begun).
        /// </summary>
        public IWriteQueue Queued(Func<Exception, bool> stopsWriting, Func<bool> stopping)
        {
            if (Queue == null)
            {
                _stopping = stopping;
                Queue = Batch.InBackground(stopsWriting);
            }

            return Queue;
        }

        /// <summary>Items that changed something, for -Verbose.</summary>
        public long Written { get; set; }

        /// <summary>
        /// Items the writer thread refused after the command could no longer write their errors (the pipeline ended early:
        /// an error upstream, or a stop): each with its target and failure, for the closing warning (never dropped unsaid).
        /// </summary>
        public System.Collections.Generic.List<WriteOutcome> RefusedAtClose { get; } = new System.Collections.Generic.List<WriteOutcome>();

        public void Dispose()
        {
            try
            {
                if (Queue != null)
                {
                    // A stop drops the items not begun; otherwise (a failure upstream) they are written, as they would
                    // have been on the pipeline thread. What was written is counted for the stop warning.
                    var stopped = _stopping?.Invoke() ?? true;
                    Queue.Close(dropQueued: stopped);
                    foreach (var outcome in Queue.TakeFinished())
                    {
                        if (outcome.Failure == null)
                        {
                            Written++;
                        }
                        else if (stopped && Store.IsInterruption(outcome.Failure))
                        {
                            // The item the stop cut short: undone, so among the items not written (the stop warning), not a refusal.
                        }
                        else
                        {
                            RefusedAtClose.Add(outcome);
                        }
                    }
                }

                Batch.Dispose();
            }
            finally
            {
                Store.Dispose();
            }
        }
    }
}
