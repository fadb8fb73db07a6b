using System;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>Finds revenue records by partner, period, segment, region and channel; streams them by date.</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerRevenue", DefaultParameterSetName = ByPartner, SupportsPaging = true)]
    [OutputType(typeof(PartnerRevenue))]
    public sealed class GetPartnerRevenueCommand : RevenueFilterCmdlet
    {
        /// <summary>Partners by name (wildcards), id, or Partner objects from the pipeline.</summary>
        [Parameter(ParameterSetName = ByPartner, Position = 0, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference[]? Partner { get; set; }

        protected override void ProcessRecord()
        {
            var filter = BuildFilter(Partner);
            filter.Skip = PagingSkip;
            filter.First = PagingFirst;
            var revenue = new RevenueRepository(OpenReadStore());
            WriteRows(revenue.Find(filter), () => revenue.Count(filter));

            FlushSqlTrace();
        }
    }
}
