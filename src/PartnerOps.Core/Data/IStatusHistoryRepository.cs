using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>The dated Status and Tier changes of partners (status_changes), as Get-PartnerStatusHistory reads them.</summary>
    public interface IStatusHistoryRepository
    {
        /// <summary>
        /// The changes the filter selects, streamed in the partners' name order, then by effective date, then by id (the order
        /// they were recorded in).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, ServerUnavailable ...).</exception>
        IEnumerable<StatusChange> Find(StatusChangeFilter filter);
    }

    /// <summary>What Get-PartnerStatusHistory asks for; different restrictions must all hold.</summary>
    public sealed class StatusChangeFilter
    {
        /// <summary>When set, only the changes of these partners (by id); an empty set selects none; null restricts nothing.</summary>
        public ISet<long>? PartnerIds { get; set; }

        /// <summary>Only changes of these attributes; empty: both.</summary>
        public IList<StatusAttribute> Attributes { get; } = new List<StatusAttribute>();

        /// <summary>Only changes effective on or after this calendar day (date only, kind ignored); null: no lower bound.</summary>
        public DateTime? From { get; set; }

        /// <summary>Only changes effective on or before this calendar day (date only, kind ignored); null: no upper bound.</summary>
        public DateTime? To { get; set; }
    }
}
