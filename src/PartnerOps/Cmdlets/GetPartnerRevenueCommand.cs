using System;
using System.Collections.Generic;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Finds revenue records by partner, period, segment, region and channel; streams them by date. Piped objects name
    /// partners (each in its own database unless -Database is given): partners, records that name one, rows, names or ids.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PartnerRevenue", DefaultParameterSetName = ByPartner, SupportsPaging = true)]
    [OutputType(typeof(PartnerRevenue))]
    public sealed class GetPartnerRevenueCommand : RevenueFilterCmdlet
    {
        /// <summary>Partners by name (wildcards) or id.</summary>
        [Parameter(ParameterSetName = ByPartner, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>
        /// The partners whose revenue to get: partners (live or deserialized), records that name a partner (revenue,
        /// history, measures by Partner), rows with Name, PartnerName or PartnerId, names (wildcards) or ids.
        /// </summary>
        [Parameter(ParameterSetName = ByPartner, ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Write);

        protected override void EndProcessing()
        {
            try
            {
                // Piped partners: the region or segment hint once per database, after every partner's records.
                foreach (var (store, written) in _piped.Values)
                {
                    WarnOfUnknownFilterValues(store, written == 0);
                }
            }
            finally
            {
                Dispose();
            }
        }

        // The databases piped partners were read in, each with the number of records written for them.
        private readonly Dictionary<string, (IPartnerDatabase Store, long Written)> _piped = new Dictionary<string, (IPartnerDatabase, long)>(StringComparer.Ordinal);

        private void WarnOfUnknownFilterValues(IPartnerDatabase store, bool answerEmpty)
        {
            FilterHintWarnings.Warn(this, store, HintedFilter.RevenueRegion, Region, answerEmpty);
            FilterHintWarnings.Warn(this, store, HintedFilter.RevenueSegment, Segment, answerEmpty);
        }

        private void Write(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            var filter = BuildFilter(store, partners, item);
            filter.Skip = Output.PagingSkip;
            filter.First = Output.PagingFirst;
            var revenue = store.Revenue;
            var written = 0L;
            Output.WriteRows(FilterHintWarnings.Counted(revenue.Find(filter), () => written++), () => revenue.Count(filter));
            if (item == null)
            {
                // A region or segment that no record has is most often a typo: say so, with the closest ones in use.
                WarnOfUnknownFilterValues(store, written == 0);
            }
            else
            {
                // Once per command and database, not once per piped partner (see EndProcessing).
                _piped[store.Path] = (store, (_piped.TryGetValue(store.Path, out var seen) ? seen.Written : 0) + written);
            }

            SqlTrace.Flush();
        }
    }
}
