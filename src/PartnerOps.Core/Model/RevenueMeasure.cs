using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>What Measure-PartnerRevenue can group by.</summary>
    public enum RevenueGroupKey
    {
        Partner,
        Type,
        Tier,
        Region,
        Country,
        Segment,
        Channel,
        Year,
        Quarter,
        Month,

        /// <summary>The record's <see cref="RevenueAttribution"/> (issue 19); null for direct revenue. Summed from the records.</summary>
        Attribution,
    }

    /// <summary>
    /// The figures of one group of revenue, in one currency. The cmdlet shows the keys as properties of
    /// their own (Region, Year, …) in front of the figures.
    /// </summary>
    public sealed class RevenueMeasure
    {
        public RevenueMeasure(IReadOnlyList<KeyValuePair<RevenueGroupKey, object?>> keys)
        {
            Keys = keys;
        }

        /// <summary>The group's keys in the order asked for, e.g. Region = China, Year = 2015.</summary>
        public IReadOnlyList<KeyValuePair<RevenueGroupKey, object?>> Keys { get; }

        public long Count { get; set; }

        public decimal Total { get; set; }

        /// <summary>Null when the group has no records.</summary>
        public decimal? Average { get; set; }

        public decimal? Minimum { get; set; }

        public decimal? Maximum { get; set; }

        /// <summary>
        /// This group's fraction (0.78 = 78%, six decimals) of the total of the groups that share its values of the share keys
        /// (-ShareOf; by default the time keys, so within the same year, quarter or month; else everything measured); null when
        /// that total is zero or negative.
        /// </summary>
        public decimal? Share { get; set; }

        public string Currency { get; set; } = string.Empty;

        /// <summary>With Year among the keys: the same keys' total a year earlier; null when there was none.</summary>
        public decimal? PreviousTotal { get; set; }

        /// <summary>With Year among the keys: (Total - PreviousTotal) / PreviousTotal; null without a previous total.</summary>
        public decimal? Growth { get; set; }

        /// <summary>The database measured (its rates and reporting currency were used).</summary>
        public string? Database { get; set; }

        public object? this[RevenueGroupKey key]
        {
            get
            {
                foreach (var pair in Keys)
                {
                    if (pair.Key == key)
                    {
                        return pair.Value;
                    }
                }

                return null;
            }
        }
    }
}
