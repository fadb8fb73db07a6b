using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The dated inputs of partner quality for a few partners over a period (Invoke-PartnerTierReview's downgrade candidates, whose
    /// grace period is evaluated day by day by <see cref="Measures.GracePeriod"/>): revenue per day and currency, and the spans in
    /// which certifications count. Read in SQL (one statement each, the partners bound as one list), on every backend.
    /// </summary>
    public interface IQualityHistory
    {
        /// <summary>
        /// The revenue of <paramref name="partnerIds"/> dated <paramref name="fromExclusive"/> &lt; date ≤ <paramref name="toInclusive"/>
        /// (calendar days), summed per partner, day and currency: whole minor units of that currency, exact (a sum may exceed 64
        /// bits). Days without revenue have no rows.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<(long PartnerId, DateTime Date, string Currency, decimal Minor)> DailyRevenue(IReadOnlyCollection<long> partnerIds, DateTime fromExclusive, DateTime toInclusive);

        /// <summary>
        /// The certifications of <paramref name="partnerIds"/> that count on some day of [<paramref name="from"/>, <paramref name="to"/>]
        /// (earned on or before <paramref name="to"/>, not expired and their contact not gone by <paramref name="from"/>), each with
        /// its contact's dates and, per pattern of <paramref name="patterns"/> (in that order), whether its name matches it: a
        /// PowerShell wildcard pattern compared with the name key as partner names are (<see cref="NamePattern.ParseName"/>); a null
        /// pattern matches every certification.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<CertificationSpan> CertificationSpans(IReadOnlyCollection<long> partnerIds, IReadOnlyList<string?> patterns, DateTime from, DateTime to);
    }

    /// <summary>
    /// A certification with its contact's dates (<see cref="IQualityHistory.CertificationSpans"/>): it counts on day D when it is
    /// valid then (EarnedOn ≤ D, ExpiresOn null or after D) and its contact is current (StartedOn null or ≤ D, EndedOn null or
    /// after D): on the days of [<see cref="From"/>, <see cref="Until"/>). All dates are calendar days (date only).
    /// </summary>
    public sealed class CertificationSpan
    {
        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The contact holding it: a partner's certified people are its distinct contacts.</summary>
        public long ContactId { get; set; }

        /// <summary>The day it was earned.</summary>
        public DateTime EarnedOn { get; set; }

        /// <summary>The day it expires (the first day it is no longer valid); null when it does not.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>The day its contact started; null when not known (then always current before its end).</summary>
        public DateTime? ContactStartedOn { get; set; }

        /// <summary>The day its contact left (the first day it no longer counts); null while it stays.</summary>
        public DateTime? ContactEndedOn { get; set; }

        /// <summary>Per pattern asked for, in that order: whether the certification's name matches it.</summary>
        public bool[] Matches { get; set; } = Array.Empty<bool>();

        /// <summary>The first day it counts: the later of EarnedOn and the contact's StartedOn.</summary>
        public DateTime From => ContactStartedOn is DateTime started && started > EarnedOn ? started : EarnedOn;

        /// <summary>The first day it no longer counts: the earlier of ExpiresOn and the contact's EndedOn; null for never.</summary>
        public DateTime? Until => ExpiresOn is DateTime expires ? (ContactEndedOn is DateTime ended && ended < expires ? ended : expires) : ContactEndedOn;

        /// <summary>Whether it counts on <paramref name="day"/>: From ≤ day &lt; Until.</summary>
        public bool CountsOn(DateTime day) => From <= day.Date && (Until == null || day.Date < Until);
    }
}
