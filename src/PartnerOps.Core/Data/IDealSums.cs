using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The deal figures Measure-PartnerDeal combines (issue 19), counted and summed by the database in one grouped statement
    /// (<see cref="DealSumsSql"/>): no deal is read into memory. A deal's status on the day is the one of
    /// <see cref="DealSql"/>'s shared rule, the same that Get-PartnerDeal -AsOf shows.
    /// </summary>
    public interface IDealSums
    {
        /// <summary>
        /// The deals registered on or before <paramref name="day"/> (a calendar day; time ignored) that <paramref name="filter"/>
        /// selects, counted and summed per group of <paramref name="keys"/> and per status on the day, currency, registration
        /// year and (for Won and Lost only) days from registration to close: one row each, in no particular order. Region and
        /// Segment come as spelled (one row per spelling; the measurer shows one spelling per key).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<DealSumRow> Sum(IList<DealGroupKey> keys, DealSumFilter filter, DateTime day);
    }

    /// <summary>Which deals Measure-PartnerDeal measures; every list empty: all.</summary>
    public sealed class DealSumFilter
    {
        /// <summary>Partner ids (exact, as resolved from names or ids given); with <see cref="PartnerNames"/> either matches.</summary>
        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>Partner name patterns (wildcards), matched with the partners' name keys as Get-Partner -Name does.</summary>
        public IList<NamePattern> PartnerNames { get; } = new List<NamePattern>();

        /// <summary>
        /// True when the deals are restricted to the partners of <see cref="PartnerIds"/> and <see cref="PartnerNames"/>: with
        /// both empty (every partner named was not found), nothing matches.
        /// </summary>
        public bool RestrictPartners { get; set; }

        /// <summary>The partners' current regions, patterns matched by key (RevenueRules.Key).</summary>
        public IList<NamePattern> Regions { get; } = new List<NamePattern>();

        /// <summary>The deals' segments, patterns matched by key.</summary>
        public IList<NamePattern> Segments { get; } = new List<NamePattern>();

        /// <summary>The calendar years of the deals' RegisteredOn.</summary>
        public IList<int> Years { get; } = new List<int>();
    }

    /// <summary>One row of <see cref="IDealSums.Sum"/>: the deals of one group with one status, currency, year and days to close.</summary>
    public sealed class DealSumRow
    {
        /// <summary>
        /// The group's key values in the order of the keys asked for: Partner the name, Region and Segment the text as stored
        /// (null for a partner without region), Year and Quarter numbers of RegisteredOn, Status a <see cref="DealStatus"/>.
        /// </summary>
        public object?[] Keys { get; set; } = Array.Empty<object?>();

        /// <summary>The deals' status on the day.</summary>
        public DealStatus Status { get; set; }

        /// <summary>The ISO 4217 code of the amounts; null for the deals with no amount.</summary>
        public string? Currency { get; set; }

        /// <summary>The calendar year of the deals' RegisteredOn (the year whose exchange rates convert the amounts).</summary>
        public int Year { get; set; }

        /// <summary>ClosedOn - RegisteredOn in whole days for Won and Lost deals; null for the other statuses.</summary>
        public long? DaysToClose { get; set; }

        /// <summary>How many deals.</summary>
        public long Count { get; set; }

        /// <summary>Their amounts summed: whole minor units of <see cref="Currency"/>, exact (0 for no amount).</summary>
        public decimal Minor { get; set; }

        /// <summary>Of <see cref="Count"/>, the deals with no amount.</summary>
        public long NoAmount { get; set; }
    }
}
