using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The figures of the partner-quality measures (Test-PartnerTier, Invoke-PartnerTierReview, Measure-PartnerScorecard),
    /// computed in SQL by the database: sums and counts grouped there, no revenue record, contact or certification read into
    /// memory. Every method looks at the same partners: those in the programme on <c>day</c> (joined by it, not ended by it,
    /// status that day Onboarding, Active or Suspended: <see cref="StatusSql.PartnerOn"/>) that the filter selects. Days are
    /// calendar days (date only; time of day and kind ignored), compared with the stored 'yyyy-MM-dd' days.
    /// </summary>
    public interface IQualityInputs
    {
        /// <summary>
        /// The partners in the programme on <paramref name="day"/>, with their Region, Type, status and tier of that day, their
        /// first day Active and last revenue date on or before the day, in no particular order. <paramref name="filter"/> (null: all)
        /// restricts them by its Names, Ids, Types, Regions, Countries and Tiers (the tier of the day); its other members
        /// (statuses, dates, paging) are ignored. Without <paramref name="lastRevenue"/> the LastRevenueOn of each is null (not
        /// looked up: one index search per partner saved).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<QualityPartner> Partners(DateTime day, PartnerFilter? filter, bool lastRevenue = true);

        /// <summary>
        /// The revenue of those partners dated <paramref name="fromExclusive"/> &lt; date ≤ <paramref name="toInclusive"/>, summed
        /// per partner, currency (ISO 4217) and year: whole minor units of that currency, exact (a sum may exceed 64 bits). Only
        /// partners with revenue in the window have rows.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<(long PartnerId, string Currency, int Year, decimal Minor)> Revenue(DateTime fromExclusive, DateTime toInclusive, PartnerFilter? filter, DateTime day);

        /// <summary>
        /// Per partner and pattern of <paramref name="patterns"/>: how many distinct contacts current on <paramref name="day"/>
        /// (StartedOn null or ≤ day; EndedOn null or after it) hold at least one certification valid on the day (EarnedOn ≤ day;
        /// ExpiresOn null or after it) whose name matches the pattern: a PowerShell wildcard pattern compared with the
        /// certification's name key as partner names are (<see cref="NamePattern.ParseName"/>); a null (or empty) pattern counts any
        /// certification. Only counts above zero have rows (a partner absent for a pattern has 0).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<(long PartnerId, string? Pattern, int Certified)> Certified(DateTime day, IReadOnlyList<string?> patterns, PartnerFilter? filter);
    }

    /// <summary>A partner in the programme on a day, as <see cref="IQualityInputs.Partners"/> gives it: its values of that day.</summary>
    public sealed class QualityPartner
    {
        /// <summary>The partner's id.</summary>
        public long Id { get; set; }

        /// <summary>The partner's name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Its region as stored (null for none).</summary>
        public string? Region { get; set; }

        /// <summary>Its region's key (<see cref="RevenueRules.Key"/>; null for no region): what tier rules are matched by.</summary>
        public string? RegionKey => RevenueRules.Key(Region);

        /// <summary>Its type.</summary>
        public PartnerType Type { get; set; }

        /// <summary>Its status on the day (Onboarding, Active or Suspended).</summary>
        public PartnerStatus Status { get; set; }

        /// <summary>Its tier on the day (<see cref="StatusSql.On"/>).</summary>
        public PartnerTier Tier { get; set; }

        /// <summary>The day it joined (date only).</summary>
        public DateTime JoinedOn { get; set; }

        /// <summary>
        /// Its first day Active on or before the day (date only): the date of its earliest Status change into Active, or its
        /// JoinedOn when its first status was Active; null when it was never Active by the day.
        /// </summary>
        public DateTime? FirstActiveOn { get; set; }

        /// <summary>The date of its latest revenue record on or before the day (date only); null when it has none.</summary>
        public DateTime? LastRevenueOn { get; set; }
    }
}
