using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// What Get-Partner (and Measure-Partner, through <see cref="IPartnerCounts"/>) asks for. Empty lists mean "no restriction";
    /// several values in a list are alternatives; different lists and dates must all hold. Dates are date-only calendar days
    /// (kind Unspecified, as <see cref="ValueText.DayOf(DateTime)"/> makes them, the day in the session's time zone): only
    /// their year, month and day are compared with the stored yyyy-MM-dd days; the time of day and the kind are ignored (a Utc
    /// value is not converted here).
    /// </summary>
    public sealed class PartnerFilter
    {
        /// <summary>
        /// Partner name patterns (<see cref="NamePattern.ParseName"/> or <see cref="NamePattern.LiteralName"/>), matched on the
        /// name key (ignoring case, ß as ss ...), wildcards allowed. Any number fits in one statement.
        /// </summary>
        public IList<NamePattern> Names { get; } = new List<NamePattern>();

        /// <summary>Partner ids; an id no partner has matches nothing (no failure).</summary>
        public IList<long> Ids { get; } = new List<long>();

        /// <summary>Partner types.</summary>
        public IList<PartnerType> Types { get; } = new List<PartnerType>();

        /// <summary>Partner tiers: the current tier, or with <see cref="AsOf"/> the tier of that day (<see cref="StatusSql.On"/>).</summary>
        public IList<PartnerTier> Tiers { get; } = new List<PartnerTier>();

        /// <summary>Partner statuses: the current status, or with <see cref="AsOf"/> the status of that day (<see cref="StatusSql.On"/>).</summary>
        public IList<PartnerStatus> Statuses { get; } = new List<PartnerStatus>();

        /// <summary>
        /// Region patterns (<see cref="NamePattern.Parse"/>, <see cref="NamePattern.Literal"/>), matched on the region key
        /// (<see cref="RevenueRules.Key"/>: ignoring case, ß as ss ...), wildcards allowed; a partner without a region matches none.
        /// </summary>
        public IList<NamePattern> Regions { get; } = new List<NamePattern>();

        /// <summary>
        /// ISO 3166-1 alpha-2 country codes, trimmed and upper-cased before they are compared exactly (no wildcards, not
        /// validated: an unknown code matches nothing); a partner without a country matches none.
        /// </summary>
        public IList<string> Countries { get; } = new List<string>();

        /// <summary>Joined strictly after this calendar day (JoinedOn &gt; the day; date only, kind ignored); null: no lower bound.</summary>
        public DateTime? JoinedAfter { get; set; }

        /// <summary>Joined strictly before this calendar day (JoinedOn &lt; the day; date only, kind ignored); null: no upper bound.</summary>
        public DateTime? JoinedBefore { get; set; }

        /// <summary>
        /// Partners on this calendar day (date only, kind ignored): JoinedOn on or before it, EndedOn null or after it (EndedOn is
        /// the first day no longer a partner), and the status of that day Onboarding, Active or Suspended
        /// (<see cref="StatusSql.PartnerOn"/>); <see cref="Statuses"/> and <see cref="Tiers"/> then compare that day's values.
        /// Null: no date rule.
        /// </summary>
        public DateTime? AsOf { get; set; }

        /// <summary>
        /// Not activated within this many days (0-36500; null: no such rule): partners whose status on the day
        /// (<see cref="AsOf"/>, else <see cref="Today"/>) is Active, whose first change to Active took effect on or before the
        /// day minus these days, and that have no revenue record dated on or before the day (a partner is activated by its first
        /// revenue record).
        /// </summary>
        public int? NotActivatedWithin { get; set; }

        /// <summary>
        /// Partners with no revenue record dated on or after this calendar day (date only, kind ignored), those that never sold
        /// included; null: no such rule.
        /// </summary>
        public DateTime? NoRevenueSince { get; set; }

        /// <summary>
        /// The calendar day <see cref="NotActivatedWithin"/> is measured on when <see cref="AsOf"/> is null: the caller's today
        /// (Get-Partner: the local day). Required for NotActivatedWithin without AsOf.
        /// </summary>
        public DateTime? Today { get; set; }

        /// <summary>
        /// How many of the selected partners (in name order) to leave out before the first returned; 0 (the default) for none.
        /// Not negative. Ignored by <see cref="IPartnerRepository.Count"/>.
        /// </summary>
        public long Skip { get; set; }

        /// <summary>At most this many partners after <see cref="Skip"/> (0 or more; 0 returns none); null for all. Ignored by <see cref="IPartnerRepository.Count"/>.</summary>
        public long? First { get; set; }

        /// <summary>
        /// The same restrictions as of <paramref name="asOf"/> (a calendar day, date only, kind ignored: those that were
        /// partners that day, see <see cref="AsOf"/>, replacing any AsOf of this filter), without paging (Skip 0, First null).
        /// The lists are shared with this filter, not copied: neither is changed afterwards.
        /// </summary>
        public PartnerFilter AsOfDay(DateTime asOf)
        {
            var dated = (PartnerFilter)MemberwiseClone();
            dated.AsOf = asOf;
            dated.Skip = 0;
            dated.First = null;
            return dated;
        }
    }
}
