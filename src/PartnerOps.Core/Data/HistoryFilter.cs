using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>What Get-PartnerHistory asks for; empty lists restrict nothing.</summary>
    public sealed class HistoryFilter
    {
        /// <summary>When set, only changes concerning these partners (none: no changes at all).</summary>
        public ISet<long>? PartnerIds { get; set; }

        /// <summary>Changes made at or after this time (UTC).</summary>
        public DateTime? Since { get; set; }

        public IList<HistoryOperation> Operations { get; } = new List<HistoryOperation>();

        public IList<HistoryEntity> Entities { get; } = new List<HistoryEntity>();

        public long Skip { get; set; }

        public long? First { get; set; }
    }
}
