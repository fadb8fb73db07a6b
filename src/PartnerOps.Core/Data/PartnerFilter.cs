using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>What Get-Partner asks for. Empty lists mean "no restriction"; several values in a list are alternatives.</summary>
    public sealed class PartnerFilter
    {
        public IList<NamePattern> Names { get; } = new List<NamePattern>();

        public IList<long> Ids { get; } = new List<long>();

        public IList<PartnerType> Types { get; } = new List<PartnerType>();

        public IList<PartnerTier> Tiers { get; } = new List<PartnerTier>();

        public IList<PartnerStatus> Statuses { get; } = new List<PartnerStatus>();

        /// <summary>Region patterns, matched case-insensitively, wildcards allowed.</summary>
        public IList<NamePattern> Regions { get; } = new List<NamePattern>();

        public IList<string> Countries { get; } = new List<string>();

        /// <summary>Joined strictly after this date.</summary>
        public DateTime? JoinedAfter { get; set; }

        /// <summary>Joined strictly before this date.</summary>
        public DateTime? JoinedBefore { get; set; }

        /// <summary>Partners on this date: joined on or before it, not ended by it, not Prospect.</summary>
        public DateTime? AsOf { get; set; }

        public long Skip { get; set; }

        /// <summary>At most this many rows; null for all.</summary>
        public long? First { get; set; }

        /// <summary>
        /// The same restrictions as of <paramref name="asOf"/> (those that were partners that day), without paging. The lists
        /// are shared with this filter, not copied: neither is changed afterwards.
        /// </summary>
        public PartnerFilter AsOfDay(DateTime asOf)
        {
            var dated = (PartnerFilter)MemberwiseClone();
            dated.AsOf = asOf;
            dated.Skip = 0;
            dated.First = null;
            return dated;
        }
    }
}
