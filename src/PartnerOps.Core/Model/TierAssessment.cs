using System;

namespace PartnerOps
{
    /// <summary>What a tier assessment recommends for a partner's tier.</summary>
    public enum TierRecommendation
    {
        /// <summary>The partner qualifies for a higher tier than it has.</summary>
        Upgrade,

        /// <summary>The partner qualifies only for a lower tier than it has.</summary>
        Downgrade,

        /// <summary>The partner qualifies for its tier, or no tier rule applies to it.</summary>
        Keep,
    }

    /// <summary>
    /// One partner's tier measured against the tier rules on a day (Test-PartnerTier): the tier it has, the highest tier whose
    /// applicable rule it meets, and what the rule of the next tier up still lacks. Rules: design of issue 18, §5; which rule of
    /// a tier applies to a partner: <c>TierRuleRules.Applicable</c>.
    /// </summary>
    public sealed class TierAssessment
    {
        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's region (null for none): what regional rules are matched by.</summary>
        public string? Region { get; set; }

        /// <summary>The partner's type.</summary>
        public PartnerType Type { get; set; }

        /// <summary>The partner's tier on <see cref="AsOf"/>.</summary>
        public PartnerTier CurrentTier { get; set; }

        /// <summary>
        /// The highest tier whose applicable rule the partner meets on <see cref="AsOf"/> (every condition of it); Registered when
        /// it meets none of the higher tiers' (Registered is the floor and has no rule); null when no rule of any tier applies
        /// to the partner.
        /// </summary>
        public PartnerTier? QualifiedTier { get; set; }

        /// <summary>Upgrade when QualifiedTier is above CurrentTier, Downgrade when below, else (also with no QualifiedTier) Keep.</summary>
        public TierRecommendation Recommendation { get; set; }

        /// <summary>
        /// The lowest tier above QualifiedTier (above CurrentTier when there is no QualifiedTier) that has an applicable rule; null at
        /// the top. For a partner to be downgraded it is the tier it must regain first: its own tier when it qualifies for the one
        /// below, so the gaps say why it no longer qualifies.
        /// </summary>
        public PartnerTier? NextTier { get; set; }

        /// <summary>
        /// What the partner's revenue lacks of the NextTier rule's MinRevenue, in <see cref="RevenueCurrency"/> (0 when met); null
        /// when there is no NextTier or its rule has no revenue condition.
        /// </summary>
        public decimal? RevenueGap { get; set; }

        /// <summary>The currency (ISO 4217) of <see cref="Revenue"/> and <see cref="RevenueGap"/>: the currency of the rule they are measured for; null when that rule has no revenue condition.</summary>
        public string? RevenueCurrency { get; set; }

        /// <summary>How many certified contacts the NextTier rule still lacks (0 when met); null when there is no NextTier or its rule has no such condition.</summary>
        public int? CertifiedMissing { get; set; }

        /// <summary>How many whole months as an Active partner the NextTier rule still lacks (0 when met); null when there is no NextTier or its rule has no such condition.</summary>
        public int? MonthsMissing { get; set; }

        /// <summary>
        /// The partner's revenue over the revenue window of the rule measured (the NextTier's, else the QualifiedTier's), converted
        /// to <see cref="RevenueCurrency"/> with each year's rate and rounded to its minor units; null when that rule has no revenue
        /// condition (or there is no such rule).
        /// </summary>
        public decimal? Revenue { get; set; }

        /// <summary>
        /// The partner's current contacts holding a valid certification that matches the measured rule's Certification pattern
        /// (any certification for none) on <see cref="AsOf"/>; null when that rule has no certified condition (or there is no such rule).
        /// </summary>
        public int? Certified { get; set; }

        /// <summary>Whole months from the partner's first day Active to <see cref="AsOf"/> (0 when it never was Active).</summary>
        public int MonthsActive { get; set; }

        /// <summary>The day assessed (date only).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The database the partner is stored in.</summary>
        public string? Database { get; set; }

        public override string ToString() => $"{Partner}: {CurrentTier} -> {QualifiedTier?.ToString() ?? "(no rule)"} ({Recommendation})";
    }
}
