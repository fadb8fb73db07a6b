using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace PartnerOps
{
    /// <summary>What Measure-PartnerFunnel can group by.</summary>
    public enum FunnelGroupKey
    {
        /// <summary>The partner's current region, grouped by its key (RevenueRules.Key: case, width and spaces ignored), one spelling shown.</summary>
        Region,

        /// <summary>The partner's current type.</summary>
        Type,

        /// <summary>A calendar year of the period: [From, To] split at each 1 January, each part clipped to [From, To].</summary>
        Year,

        /// <summary>A calendar quarter (1-4) of the period: [From, To] split at each quarter's first day, clipped to [From, To].</summary>
        Quarter,
    }

    /// <summary>
    /// The partner funnel of one group over its period [<see cref="From"/>, <see cref="To"/>] (Measure-PartnerFunnel): the
    /// stages at the end, the partners at the start and the end, who joined and ended (with the reasons and the revenue that
    /// left), who entered each stage, the conversion between consecutive stages, the time spent in a stage and activation
    /// (the first revenue record). A partner's status on a day is the one the dated status changes give for it (the rule of
    /// Get-Partner -AsOf); "a partner on day D" is: joined on or before D, not ended by D (EndedOn is the first day no longer
    /// a partner) and Onboarding, Active or Suspended on D. Dates are calendar days (no time); the cmdlet shows the keys as
    /// properties of their own (Region, Type, Year, Quarter) in front of the figures.
    /// </summary>
    public sealed class FunnelMeasure
    {
        /// <summary>A measure of the group with these keys (in the order asked for).</summary>
        public FunnelMeasure(IReadOnlyList<KeyValuePair<FunnelGroupKey, object?>> keys)
        {
            Keys = keys;
        }

        /// <summary>The group's keys in the order asked for, e.g. Region = Western Europe, Year = 2015, Quarter = 2.</summary>
        public IReadOnlyList<KeyValuePair<FunnelGroupKey, object?>> Keys { get; }

        /// <summary>The first day of the group's period (-From, or the first day of its year/quarter when later).</summary>
        public DateTime From { get; set; }

        /// <summary>The last day of the group's period, included (-To, or the last day of its year/quarter when earlier).</summary>
        public DateTime To { get; set; }

        /// <summary>Partners whose status on <see cref="To"/> is Prospect and that existed by then (joined on or before it, or a status dated on or before it).</summary>
        public long Prospects { get; set; }

        /// <summary>Partners on <see cref="To"/> (the partner rule above) whose status that day is Onboarding.</summary>
        public long Onboarding { get; set; }

        /// <summary>Partners on <see cref="To"/> whose status that day is Active.</summary>
        public long Active { get; set; }

        /// <summary>Partners on <see cref="To"/> whose status that day is Suspended.</summary>
        public long Suspended { get; set; }

        /// <summary>Partners on the day before <see cref="From"/> (those the period starts with).</summary>
        public long AtStart { get; set; }

        /// <summary>Partners on <see cref="To"/>: Onboarding + Active + Suspended.</summary>
        public long AtEnd { get; set; }

        /// <summary>
        /// Partners whose first day as a partner is in the period: the later of JoinedOn and the first status change into
        /// Onboarding, Active or Suspended (a partner that never reached one of them never joined).
        /// </summary>
        public long Joined { get; set; }

        /// <summary>
        /// Partners whose EndedOn (the first day no longer a partner) is in the period and that were partners until then (their
        /// termination came from Onboarding, Active or Suspended: a Prospect that is turned down never was a partner).
        /// </summary>
        public long Ended { get; set; }

        /// <summary>
        /// <see cref="Ended"/> by the reason of their termination (Set-Partner -Reason; "(none)" for none): reason -> count,
        /// largest count first (then the reason in ordinal order).
        /// </summary>
        public OrderedDictionary EndedByReason { get; } = new OrderedDictionary(StringComparer.Ordinal);

        /// <summary><see cref="AtEnd"/> - <see cref="AtStart"/> (negative when the group shrank).</summary>
        public long NetAdds { get; set; }

        /// <summary><see cref="Ended"/> / <see cref="AtStart"/> (0.25 = a quarter lost), six decimals, half away from zero; null when AtStart is 0.</summary>
        public decimal? ChurnRate { get; set; }

        /// <summary>
        /// The revenue of the partners that <see cref="Ended"/> dated in the twelve months before their EndedOn
        /// ([EndedOn - 12 months, EndedOn); 29 February -> 28 February), in <see cref="Currency"/> (each record converted with
        /// its year's rate, as Measure-PartnerRevenue), rounded to the currency's minor unit (half away from zero).
        /// </summary>
        public decimal RevenueLost { get; set; }

        /// <summary>The ISO 4217 code of <see cref="RevenueLost"/> (-Currency, default the database's reporting currency).</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary>Status changes into Prospect effective in the period (a partner may count more than once).</summary>
        public long EnteredProspect { get; set; }

        /// <summary>Status changes into Onboarding effective in the period.</summary>
        public long EnteredOnboarding { get; set; }

        /// <summary>Status changes into Active effective in the period.</summary>
        public long EnteredActive { get; set; }

        /// <summary>Status changes into Suspended effective in the period.</summary>
        public long EnteredSuspended { get; set; }

        /// <summary>
        /// Of the partners that were Prospect at some time in the period (Prospect on the day before <see cref="From"/> and
        /// existing by <see cref="To"/>, or with a change into Prospect effective in the period), the fraction with a change
        /// from Prospect to Onboarding or Active effective in the period (0-1, six decimals); null when there were none.
        /// </summary>
        public decimal? ProspectToOnboarding { get; set; }

        /// <summary>
        /// Of the partners that were Onboarding at some time in the period (as for <see cref="ProspectToOnboarding"/>), the
        /// fraction with a change from Onboarding to Active effective in the period (0-1, six decimals); null when none.
        /// </summary>
        public decimal? OnboardingToActive { get; set; }

        /// <summary>
        /// The median length in days of the stays in Prospect that ended in the period (the leaving change's date minus the
        /// entering change's date); of an even count the mean of the middle two (one decimal). Null when none ended.
        /// </summary>
        public decimal? MedianDaysProspect { get; set; }

        /// <summary>The median length in days of the stays in Onboarding that ended in the period, as <see cref="MedianDaysProspect"/>.</summary>
        public decimal? MedianDaysOnboarding { get; set; }

        /// <summary>The cohort: partners whose first change into Active is effective in the period.</summary>
        public long NewlyActive { get; set; }

        /// <summary>Of <see cref="NewlyActive"/>, those whose first revenue record is dated on or before <see cref="To"/> (activated).</summary>
        public long Activated { get; set; }

        /// <summary><see cref="Activated"/> / <see cref="NewlyActive"/> (0-1, six decimals); null when NewlyActive is 0.</summary>
        public decimal? ActivationRate { get; set; }

        /// <summary>
        /// Of <see cref="Activated"/>, those whose first revenue record came within 90 days of their first Active date (a record
        /// before it counts as 0 days): the "first deal within 90 days" of partner programmes.
        /// </summary>
        public long ActivatedWithin90Days { get; set; }

        /// <summary>
        /// The median over the <see cref="Activated"/> partners of the days from their first Active date to their first
        /// revenue record (a record before it counts as 0), as <see cref="MedianDaysProspect"/>; null when none.
        /// </summary>
        public decimal? MedianDaysToFirstRevenue { get; set; }

        /// <summary>The database measured.</summary>
        public string? Database { get; set; }
    }
}
