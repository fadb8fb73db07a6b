using System;
using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>What Measure-Partner can group by.</summary>
    public enum PartnerGroupKey
    {
        /// <summary>The partner's region, grouped by its key (RevenueRules.Key: case, width and spaces ignored), one spelling shown.</summary>
        Region,

        /// <summary>The partner's ISO 3166-1 alpha-2 country code.</summary>
        Country,

        /// <summary>The partner's type (its current one).</summary>
        Type,

        /// <summary>The partner's tier (its current one).</summary>
        Tier,

        /// <summary>The partner's status (its current one).</summary>
        Status,

        /// <summary>The year the partner joined (the year of JoinedOn): a cohort.</summary>
        Year,
    }

    /// <summary>
    /// The partner count of one group as of a date, with the count a year earlier. The cmdlet shows the keys as
    /// properties of their own (Region, Year, …) in front of the figures.
    /// </summary>
    public sealed class PartnerMeasure
    {
        public PartnerMeasure(IReadOnlyList<KeyValuePair<PartnerGroupKey, object?>> keys)
        {
            Keys = keys;
        }

        /// <summary>The group's keys in the order asked for, e.g. Region = China, Year = 2015.</summary>
        public IReadOnlyList<KeyValuePair<PartnerGroupKey, object?>> Keys { get; }

        /// <summary>
        /// The partners of the group on <see cref="AsOf"/>: joined on or before it, not ended by it, not Prospect (the rule of
        /// Get-Partner -AsOf). 0 for a group that had partners a year earlier and has none now.
        /// </summary>
        public long Count { get; set; }

        /// <summary>
        /// This group's fraction of the partners counted (0.25 = 25%, six decimals, half away from zero); with Year among the
        /// keys (and other keys with it) of the partners counted that joined the same year. Null when that whole is 0.
        /// </summary>
        public decimal? Share { get; set; }

        /// <summary>The group's partners a year before <see cref="AsOf"/> (29 February: 28 February), by the same rule and filters.</summary>
        public long PreviousCount { get; set; }

        /// <summary>(Count - PreviousCount) / PreviousCount, six decimals (0.25 = up 25%, -1 = all gone); null when PreviousCount is 0.</summary>
        public decimal? Growth { get; set; }

        /// <summary>The date counted as of (a date, no time).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The database measured.</summary>
        public string? Database { get; set; }
    }
}
