using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Tier rules (schema 13): one per tier, region (compared by key; null = every region) and partner type (null = every type).</summary>
    public interface ITierRuleRepository
    {
        /// <summary>
        /// Adds the rule of the draft's tier, region and type, or changes the stored one: the draft's given conditions over the
        /// stored ones, checked by <see cref="TierRuleRules.Complete"/>. <paramref name="changed"/> is false when the rule was
        /// stored already as it would be (nothing written: no UpdatedAt, no history).
        /// </summary>
        /// <exception cref="PartnerOpsException">TierRuleInvalid (InvalidArgument), InvalidCurrencyCode; a named database failure.</exception>
        TierRule Set(TierRuleDraft draft, out bool changed);

        /// <summary>
        /// The rules matching every given restriction (null or empty lists restrict nothing; with none, every stored rule), by tier
        /// (Silver, Gold, Platinum), region key (every region first) and type (every type first); read as they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure, thrown while the rules are enumerated.</exception>
        IEnumerable<TierRule> Find(IList<PartnerTier>? tiers = null, IList<NamePattern>? regions = null, IList<PartnerType>? types = null);

        /// <summary>The rule of this tier, region (by key; null for every region) and type (null for every type), or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure.</exception>
        TierRule? Get(PartnerTier tier, string? region, PartnerType? type);

        /// <summary>
        /// Removes the rule of this tier, region (by key; null for every region) and type (null for every type), and gives it back.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// TierRuleInvalid (NotFound) when no such rule is stored, naming it and listing the stored rules of the tier; a named
        /// database failure.
        /// </exception>
        TierRule Remove(PartnerTier tier, string? region, PartnerType? type);
    }
}
