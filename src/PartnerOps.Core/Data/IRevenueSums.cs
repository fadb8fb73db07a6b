using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The sums the revenue measurer converts: the database sums whole minor units per group, currency and year (from stored
    /// totals when the question allows, else from the records), and only those few sums come back.
    /// </summary>
    public interface IRevenueSums
    {
        /// <summary>
        /// Switches these sums to records given by the caller (Measure-PartnerRevenue's pipeline) instead of the stored ones;
        /// any given before are dropped.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        void BeginGiven();

        /// <summary>
        /// Adds one given record, its values already checked: <paramref name="amount"/> in whole minor units of
        /// <paramref name="currency"/> (ISO 4217); <paramref name="partnerId"/> null for direct revenue; <paramref name="date"/>
        /// the booking day, date only (year, month and day used; time of day and kind ignored); <paramref name="region"/> null
        /// for none; <paramref name="attribution"/> the record's (issue 19), null for direct revenue or when not known.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        void AddGiven(long? partnerId, DateTime date, long amount, string currency, string segment, string? region, RevenueAttribution? attribution = null);

        /// <summary>
        /// One sum per group of <paramref name="keys"/>, currency and year of the revenue <paramref name="filter"/> selects (the
        /// given records after <see cref="BeginGiven"/>). Keys come typed as the measure shows them (enums, numbers, text; null
        /// for none); regions and segments spelled one way per key.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (InvalidAmount for a sum beyond 64 bits ...).</exception>
        IEnumerable<RevenueSum> Sum(IList<RevenueGroupKey> keys, RevenueFilter filter);
    }

    /// <summary>One group's revenue in one currency and year, in whole minor units of that currency.</summary>
    public readonly struct RevenueSum
    {
        /// <summary>A sum of a group; <paramref name="total"/> exact (it may exceed 64 bits).</summary>
        public RevenueSum(object?[] keys, string currency, int year, long count, decimal total, long minimum, long maximum)
        {
            Keys = keys;
            Currency = currency;
            Year = year;
            Count = count;
            Total = total;
            Minimum = minimum;
            Maximum = maximum;
        }

        /// <summary>The group's key values, in the order of the keys asked for.</summary>
        public object?[] Keys { get; }

        /// <summary>The records' currency (ISO 4217).</summary>
        public string Currency { get; }

        /// <summary>The records' year.</summary>
        public int Year { get; }

        /// <summary>How many records.</summary>
        public long Count { get; }

        /// <summary>Their total, whole minor units.</summary>
        public decimal Total { get; }

        /// <summary>The smallest record, whole minor units.</summary>
        public long Minimum { get; }

        /// <summary>The largest record, whole minor units.</summary>
        public long Maximum { get; }
    }
}
