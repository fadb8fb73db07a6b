using System;

namespace PartnerOps
{
    /// <summary>Whether revenue came through a partner or was sold direct.</summary>
    public enum RevenueChannel
    {
        Partner,
        Direct,
    }

    /// <summary>
    /// How much a partner did for a revenue record (issue 19): a partner's record carries one, direct revenue none. The names are
    /// those of channel programmes' attribution: the partner found and brought the deal, helped win it, or only delivered it.
    /// </summary>
    public enum RevenueAttribution
    {
        /// <summary>The partner brought the deal (a registered deal it won: Close-PartnerDeal -Won).</summary>
        Sourced,

        /// <summary>The partner helped win a deal the vendor or another found.</summary>
        Influenced,

        /// <summary>The partner delivered or resold it (the default of a partner's record; every record stored before schema 14).</summary>
        Fulfilled,
    }

    /// <summary>One revenue record: a booking by a partner, or direct (non-partner) revenue.</summary>
    public sealed class PartnerRevenue
    {
        public long Id { get; set; }

        /// <summary>Null for direct revenue.</summary>
        public long? PartnerId { get; set; }

        /// <summary>Null for direct revenue.</summary>
        public string? PartnerName { get; set; }

        public RevenueChannel Channel => PartnerId == null ? RevenueChannel.Direct : RevenueChannel.Partner;

        /// <summary>The booking date (date only).</summary>
        public DateTime Date { get; set; }

        public int Year => Date.Year;

        public int Quarter => (Date.Month + 2) / 3;

        public int Month => Date.Month;

        /// <summary>Exact: stored as whole minor units of <see cref="Currency"/>.</summary>
        public decimal Amount { get; set; }

        public string Currency { get; set; } = string.Empty;

        public string Segment { get; set; } = RevenueRules.DefaultSegment;

        public string? Region { get; set; }

        /// <summary>An external id (invoice, deal), unique when given.</summary>
        public string? Reference { get; set; }

        /// <summary>What the partner did for the record (issue 19): Fulfilled unless given; null for direct revenue.</summary>
        public RevenueAttribution? Attribution { get; set; }

        /// <summary>
        /// The database this record came from: the full path of its file as it was named (later, a server location
        /// without its password). Cmdlets that take records from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        public override string ToString() =>
            $"{PartnerRules.FormatDate(Date)} {(PartnerName ?? "(direct)")} {Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
    }

    /// <summary>A yearly exchange rate: 1 <see cref="From"/> = <see cref="Rate"/> <see cref="To"/>.</summary>
    public sealed class ExchangeRate
    {
        public string From { get; set; } = string.Empty;

        public string To { get; set; } = string.Empty;

        public int Year { get; set; }

        public decimal Rate { get; set; }

        /// <summary>
        /// The database this rate came from: the full path of its file as it was named (later, a server location
        /// without its password). Cmdlets that take rates from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        public override string ToString() =>
            $"{Year}: 1 {From} = {Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)} {To}";
    }

    /// <summary>What a target measures.</summary>
    public enum TargetMetric
    {
        /// <summary>Partners that are partners on the date (joined, not ended, not Prospect).</summary>
        PartnerCount,

        /// <summary>Revenue through partners booked in the year, in the target's currency.</summary>
        PartnerRevenue,

        /// <summary>Partner revenue as a fraction of all revenue in the year (1 = 100%).</summary>
        PartnerRevenueShare,
    }

    /// <summary>A recruitment or revenue target for a region (or all regions) and a year.</summary>
    public sealed class PartnerTarget
    {
        public long Id { get; set; }

        public TargetMetric Metric { get; set; }

        /// <summary>Null means all regions.</summary>
        public string? Region { get; set; }

        public int Year { get; set; }

        public decimal Value { get; set; }

        /// <summary>Set for PartnerRevenue targets only.</summary>
        public string? Currency { get; set; }

        /// <summary>
        /// For PartnerCount targets: the partner statuses counted (in the order of <see cref="PartnerStatus"/>); null for the
        /// other metrics. A target set without -Status counts Active; targets stored before schema 7 count Onboarding, Active,
        /// Suspended and Terminated (every partner but a Prospect, what they counted until then).
        /// </summary>
        public PartnerStatus[]? Statuses { get; set; }

        /// <summary>
        /// The database this target came from: the full path of its file as it was named (later, a server location
        /// without its password). Cmdlets that take targets from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        public override string ToString() => $"{Metric} {Region ?? "(all regions)"} {Year}";

        /// <summary>
        /// The target with its value, as -WhatIf and -Confirm name it: <c>PartnerRevenue Western Europe 2015 = 1000 USD</c>,
        /// <c>PartnerCount China 2015 = 200 counting Active, Onboarding</c> (the value in invariant form; money with its
        /// currency; a count with the statuses it counts, when they are known).
        /// </summary>
        public string Describe() =>
            $"{this} = {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            + (Metric == TargetMetric.PartnerRevenue && Currency != null ? " " + Currency : string.Empty)
            + (Statuses == null ? string.Empty : " counting " + string.Join(", ", Statuses));
    }

    /// <summary>How far one target has been reached, as Measure-PartnerTarget reports it.</summary>
    public sealed class TargetProgress
    {
        public TargetMetric Metric { get; set; }

        public string? Region { get; set; }

        public int Year { get; set; }

        public decimal Target { get; set; }

        /// <summary>
        /// The figure reached by <see cref="AsOf"/>; null for a PartnerRevenueShare target when no revenue at all was booked in
        /// the days measured (the share's denominator is 0).
        /// </summary>
        public decimal? Actual { get; set; }

        /// <summary>Target minus Actual: what is still to be reached (negative when exceeded); null when Actual is.</summary>
        public decimal? Gap { get; set; }

        /// <summary>Actual / Target; null when the target is zero or Actual is null.</summary>
        public decimal? Progress { get; set; }

        /// <summary>Where the metric should be on <see cref="AsOf"/> to reach the target at the year's end.</summary>
        public decimal Expected { get; set; }

        /// <summary>
        /// Whether the target will be reached: <see cref="Projected"/> at least <see cref="Target"/> when there is a projection
        /// (for a share: the projected share at least the target share); else (before the year, or a share without revenue)
        /// Actual at least Expected, false when Actual is null.
        /// </summary>
        public bool OnTrack { get; set; }

        public string? Currency { get; set; }

        /// <summary>For PartnerCount targets: the partner statuses counted (the target's own); null for the other metrics.</summary>
        public PartnerStatus[]? Statuses { get; set; }

        /// <summary>
        /// The day actually measured: the date asked for (-AsOf, default today), or the target year's last day when that date
        /// is later (so a past year's target shows 31 December, not today). A date before the year is measured as given: a
        /// count is the count of that day, revenue is 0, and Projected is null.
        /// </summary>
        public DateTime AsOf { get; set; }

        /// <summary>
        /// Where the metric is heading at the end of the target's year, null before the year starts (see
        /// <see cref="ProjectionMethod"/> for how). Count: the count on AsOf plus the net adds of the year so far (count on AsOf
        /// minus the count on the day before the year started) scaled to the days still to come (count + net adds × days
        /// remaining / days elapsed), rounded to 2 decimals. Revenue: the partner revenue so far × the previous year's whole
        /// total / the previous year's total to the same day (29 February: to 28 February) when that is above 0, else linearly
        /// (so far × days of the year / days elapsed, the days counted as for <see cref="Expected"/>), rounded to the currency's
        /// minor digits. Share: the projected partner revenue / the projected revenue of all channels (each by the revenue rule),
        /// rounded to 6 places; null when no revenue was booked. After the year, Projected equals Actual.
        /// </summary>
        public decimal? Projected { get; set; }

        /// <summary>
        /// How <see cref="Projected"/> was made: "NetAddPace" (a count), "PreviousYear" (revenue scaled by the previous year's
        /// same days; for a share, when either of its two projections was), "Linear" (revenue scaled by the days elapsed);
        /// null when nothing is projected (before the year, once the year is over, a share without revenue).
        /// </summary>
        public string? ProjectionMethod { get; set; }

        /// <summary>The database measured.</summary>
        public string? Database { get; set; }

        public override string ToString() => $"{Metric} {Region ?? "(all regions)"} {Year}: {Actual} of {Target}";
    }
}
