using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// What Get-PartnerHistory asks for; empty lists restrict nothing; several values in a list are alternatives; different
    /// restrictions must all hold.
    /// </summary>
    public sealed class HistoryFilter
    {
        /// <summary>
        /// When set, only changes concerning these partners (their own changes and their revenue's), by id as recorded: a
        /// removed partner's id still selects its history. An empty set selects no changes at all; null restricts nothing.
        /// </summary>
        public ISet<long>? PartnerIds { get; set; }

        /// <summary>
        /// Changes made at or after this instant (inclusive); null: no lower bound. A point in time, not a calendar day: a value
        /// of kind Utc is taken as it is; one of kind Local or Unspecified is read as local time of this process's time zone and
        /// converted to UTC (<see cref="DateTime.ToUniversalTime"/>), so Get-PartnerHistory -Since '2024-05-01 08:00' means 08:00
        /// local. Compared to the millisecond (the history's timestamps are UTC, stored to the millisecond): finer ticks are
        /// dropped, so a change in the same millisecond is included.
        /// </summary>
        public DateTime? Since { get; set; }

        /// <summary>Only these kinds of change (Insert, Update, Delete).</summary>
        public IList<HistoryOperation> Operations { get; } = new List<HistoryOperation>();

        /// <summary>Only changes of these kinds of record (Partner, Revenue, Target, ExchangeRate).</summary>
        public IList<HistoryEntity> Entities { get; } = new List<HistoryEntity>();

        /// <summary>
        /// How many selected entries (newest first) to leave out before the first returned; 0 (the default) for none. Not
        /// negative. Ignored by <see cref="IHistoryRepository.Count"/>.
        /// </summary>
        public long Skip { get; set; }

        /// <summary>At most this many entries after <see cref="Skip"/> (0 or more; 0 returns none); null for all. Ignored by <see cref="IHistoryRepository.Count"/>.</summary>
        public long? First { get; set; }
    }
}
