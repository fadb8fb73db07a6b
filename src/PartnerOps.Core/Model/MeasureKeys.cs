using System.Collections.Generic;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// The one list of the measures' group keys and what each key is made of: the order their columns are shown in
    /// (the views, tools/New-MeasureViews.ps1 and the measure objects' type names follow it), which keys come from the
    /// partner record (direct revenue has none) and which divide a year. A backend maps each key to its own query text;
    /// what the keys are and mean is decided here.
    /// </summary>
    public static class MeasureKeys
    {
        /// <summary>
        /// Every <see cref="RevenueGroupKey"/> once, in the order a revenue measure's key columns are shown: who (Partner,
        /// then where and what kind of partner), the business (Segment, Channel, Attribution), then time from coarse to fine.
        /// </summary>
        public static IReadOnlyList<RevenueGroupKey> RevenueColumnOrder { get; } = new[]
        {
            RevenueGroupKey.Partner, RevenueGroupKey.Region, RevenueGroupKey.Country, RevenueGroupKey.Type, RevenueGroupKey.Tier,
            RevenueGroupKey.Segment, RevenueGroupKey.Channel, RevenueGroupKey.Attribution, RevenueGroupKey.Year, RevenueGroupKey.Quarter,
            RevenueGroupKey.Month,
        };

        /// <summary>Every <see cref="PartnerGroupKey"/> once, in the order a partner measure's key columns are shown.</summary>
        public static IReadOnlyList<PartnerGroupKey> PartnerColumnOrder { get; } = new[]
        {
            PartnerGroupKey.Region, PartnerGroupKey.Country, PartnerGroupKey.Type, PartnerGroupKey.Tier, PartnerGroupKey.Status, PartnerGroupKey.Year,
        };

        /// <summary>The key names of a funnel measure (<see cref="FunnelGroupKey"/>) in the order its key columns are shown.</summary>
        public static IReadOnlyList<string> FunnelColumnNames { get; } = new[]
        {
            nameof(FunnelGroupKey.Region), nameof(FunnelGroupKey.Type), nameof(FunnelGroupKey.Year), nameof(FunnelGroupKey.Quarter),
        };

        /// <summary>
        /// True for the keys read from the partner record (Partner, Type, Tier, Country: its current values); a revenue
        /// record's own Region and Segment are not among them. Direct revenue (no partner) has none of these.
        /// </summary>
        public static bool FromPartner(RevenueGroupKey key) =>
            key == RevenueGroupKey.Partner || key == RevenueGroupKey.Type || key == RevenueGroupKey.Tier || key == RevenueGroupKey.Country;

        /// <summary>True for the keys of time (Year, Quarter, Month): by default a share is taken within their values.</summary>
        public static bool OfTime(RevenueGroupKey key) => key == RevenueGroupKey.Year || WithinYear(key);

        /// <summary>True for the keys finer than a year (Quarter, Month): yearly totals cannot answer a measure grouped by them.</summary>
        public static bool WithinYear(RevenueGroupKey key) => key == RevenueGroupKey.Quarter || key == RevenueGroupKey.Month;

        /// <summary>
        /// True for the keys the stored yearly totals do not hold (Quarter, Month, and Attribution, issue 19): a measure grouped by
        /// one sums the records.
        /// </summary>
        public static bool NotInTotals(RevenueGroupKey key) => WithinYear(key) || key == RevenueGroupKey.Attribution;

        /// <summary>The key names of <see cref="RevenueColumnOrder"/>, as the properties of the measure objects are named.</summary>
        public static IReadOnlyList<string> RevenueColumnNames { get; } = RevenueColumnOrder.Select(k => k.ToString()).ToArray();

        /// <summary>The key names of <see cref="PartnerColumnOrder"/>, as the properties of the measure objects are named.</summary>
        public static IReadOnlyList<string> PartnerColumnNames { get; } = PartnerColumnOrder.Select(k => k.ToString()).ToArray();
    }
}
