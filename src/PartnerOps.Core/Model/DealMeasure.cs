using System;
using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>What Measure-PartnerDeal can group by (issue 19).</summary>
    public enum DealGroupKey
    {
        /// <summary>The deal's partner (its name).</summary>
        Partner,

        /// <summary>The partner's current region, grouped by its key (RevenueRules.Key: case, width and spaces ignored), one spelling shown.</summary>
        Region,

        /// <summary>The deal's segment, grouped by its key, one spelling shown.</summary>
        Segment,

        /// <summary>The calendar year of the deal's RegisteredOn.</summary>
        Year,

        /// <summary>The calendar quarter (1-4) of the deal's RegisteredOn.</summary>
        Quarter,

        /// <summary>The deal's status as of the measure's AsOf (Expired computed, never stored).</summary>
        Status,
    }

    /// <summary>
    /// The deal registrations of one group as they stood on <see cref="AsOf"/> (Measure-PartnerDeal, issue 19): how many were
    /// registered and where each stood that day, their estimated (or, once won, won) amounts in one currency, the win rate and
    /// the median days from registration to close. A deal registered after AsOf is not counted at all; its status on AsOf is
    /// the one Get-PartnerDeal -AsOf shows. Amounts are converted from each deal's currency with the yearly rates of its
    /// registration year and rounded to the reporting currency's minor unit (half away from zero); a deal with no amount
    /// counts but adds nothing to the amounts (<see cref="AmountMissing"/>). The cmdlet shows the keys as properties of their
    /// own (Partner, Region, Segment, Year, Quarter, Status) in front of the figures.
    /// </summary>
    public sealed class DealMeasure
    {
        /// <summary>The key names of a deal measure (<see cref="DealGroupKey"/>) in the order its key columns are shown.</summary>
        public static IReadOnlyList<string> KeyColumnNames { get; } = Enum.GetNames(typeof(DealGroupKey));

        /// <summary>A measure of the group with these keys (in the order asked for).</summary>
        public DealMeasure(IReadOnlyList<KeyValuePair<DealGroupKey, object?>> keys)
        {
            Keys = keys;
        }

        /// <summary>The group's keys in the order asked for, e.g. Region = China, Year = 2015.</summary>
        public IReadOnlyList<KeyValuePair<DealGroupKey, object?>> Keys { get; }

        /// <summary>Deals registered on or before <see cref="AsOf"/>: the sum of the six status counts.</summary>
        public long Registered { get; set; }

        /// <summary>Deals Submitted on AsOf (registered, not yet decided, not expired).</summary>
        public long Submitted { get; set; }

        /// <summary>Deals Approved on AsOf (approved by then, not closed by then, not expired).</summary>
        public long Approved { get; set; }

        /// <summary>Deals Denied on or before AsOf.</summary>
        public long Denied { get; set; }

        /// <summary>Deals closed as won on or before AsOf.</summary>
        public long Won { get; set; }

        /// <summary>Deals closed as lost on or before AsOf.</summary>
        public long Lost { get; set; }

        /// <summary>Deals Submitted or Approved on AsOf whose ExpiresOn (the last day of protection) is before AsOf.</summary>
        public long Expired { get; set; }

        /// <summary>
        /// The amounts of every registered deal, in <see cref="Currency"/>: a deal won by AsOf counts with the amount it was won
        /// with (its revenue record's), any other with its estimate.
        /// </summary>
        public decimal RegisteredAmount { get; set; }

        /// <summary>The amounts of the deals Approved on AsOf (held and approved), in <see cref="Currency"/>.</summary>
        public decimal ApprovedAmount { get; set; }

        /// <summary>The amounts of the won deals (a won deal's amount is the one Close-PartnerDeal -Won booked as revenue), in <see cref="Currency"/>.</summary>
        public decimal WonAmount { get; set; }

        /// <summary>The estimated amounts of the lost deals, in <see cref="Currency"/>.</summary>
        public decimal LostAmount { get; set; }

        /// <summary>The estimated amounts of the expired deals, in <see cref="Currency"/>.</summary>
        public decimal ExpiredAmount { get; set; }

        /// <summary>The ISO 4217 code of the amounts: -Currency, default the database's reporting currency.</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary><see cref="Won"/> / (<see cref="Won"/> + <see cref="Lost"/>), 0-1 with six decimals (half away from zero); null when none closed.</summary>
        public decimal? WinRate { get; set; }

        /// <summary>
        /// The median of ClosedOn - RegisteredOn in days over the deals won or lost by AsOf; of an even count the mean of the
        /// middle two (one decimal). Null when none closed.
        /// </summary>
        public decimal? MedianDaysToClose { get; set; }

        /// <summary>Registered deals with no amount (none given; they add nothing to the amounts).</summary>
        public long AmountMissing { get; set; }

        /// <summary>The day the deals are measured as of (a calendar day, UTC; no time).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The database measured.</summary>
        public string? Database { get; set; }
    }
}
