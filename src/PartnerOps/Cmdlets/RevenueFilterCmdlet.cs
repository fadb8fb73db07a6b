using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>The filters Get-PartnerRevenue and Measure-PartnerRevenue share, and how partners named in them are found.</summary>
    public abstract class RevenueFilterCmdlet : PartnerOpsCmdlet
    {
        protected const string ByPartner = nameof(ByPartner);
        protected const string DirectOnly = nameof(DirectOnly);

        #region Parameters

        /// <summary>Only direct (non-partner) revenue.</summary>
        [Parameter(ParameterSetName = DirectOnly, Mandatory = true)]
        public SwitchParameter Direct { get; set; }

        [Parameter]
        [IntegerTransformation(List = true)]
        [ValidateRange(1900, 2999)]
        public int[]? Year { get; set; }

        [Parameter]
        [IntegerTransformation(List = true)]
        [ValidateRange(1, 4)]
        public int[]? Quarter { get; set; }

        /// <summary>Booked on or after this date.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? From { get; set; }

        /// <summary>Booked on or before this date.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? To { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        [ValueList]
        public string[]? Segment { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        [Parameter]
        public RevenueChannel[]? Channel { get; set; }

        /// <summary>Only a partner's records with these attributions (issue 19; direct revenue has none, so it is left out).</summary>
        [Parameter]
        [EnumValue(typeof(RevenueAttribution), List = true)]
        public RevenueAttribution[]? Attribution { get; set; }

        #endregion

        /// <summary>
        /// The filter from the parameters, with <paramref name="partners"/> (the -Partner of the cmdlet, and what the
        /// pipeline named) resolved in <paramref name="store"/>: exact names and ids that match no partner are
        /// PartnerNotFound errors (targeted at <paramref name="item"/>, the piped object, when there is one), and then
        /// match nothing rather than everything.
        /// </summary>
        protected RevenueFilter BuildFilter(IPartnerDatabase store, IEnumerable<PartnerReference>? partners, object? item = null)
        {
            var filter = new RevenueFilter { From = From?.Date, To = To?.Date };
            PipelineWriter.SeeOtherWrites(store);
            if (partners != null)
            {
                filter.RestrictPartners = true;
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, filter.PartnerNames, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            if (Direct)
            {
                filter.Channels.Add(RevenueChannel.Direct);
            }

            foreach (var channel in Channel ?? Array.Empty<RevenueChannel>())
            {
                filter.Channels.Add(channel);
            }

            if (Direct && Channel != null && !Channel.Contains(RevenueChannel.Direct))
            {
                filter.RestrictPartners = true; // -Direct with -Channel Partner: nothing can match
            }

            Add(filter.Attributions, Attribution);
            Add(filter.Years, Year);
            Add(filter.Quarters, Quarter);
            Add(filter.Segments, Segment?.Select(NamePattern.Parse));
            Add(filter.Regions, Region?.Select(NamePattern.Parse));
            return filter;
        }

        private static void Add<T>(ICollection<T> list, IEnumerable<T>? values)
        {
            foreach (var value in values ?? Enumerable.Empty<T>())
            {
                list.Add(value);
            }
        }
    }
}
