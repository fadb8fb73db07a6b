using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// What Set-PartnerTierRule was given: the rule's key (tier, region, type) and the conditions whose parameters were given
    /// (<see cref="Given"/>). A condition given as null clears it; one not given keeps an existing rule's (as targets keep their
    /// statuses). Thresholds are decimals here so that a fraction is refused by name, not lost by a conversion.
    /// </summary>
    public sealed class TierRuleDraft
    {
        public PartnerTier Tier { get; set; }

        /// <summary>The region (null: every region).</summary>
        public string? Region { get; set; }

        /// <summary>The partner type (null: every type).</summary>
        public PartnerType? Type { get; set; }

        /// <summary>The least revenue, in <see cref="Currency"/> (major units, up to the currency's minor digits).</summary>
        public decimal? MinRevenue { get; set; }

        /// <summary>The ISO 4217 code of MinRevenue; not given: the rule's own, else the database's reporting currency.</summary>
        public string? Currency { get; set; }

        /// <summary>Months of revenue counted, a whole number from 1 to 120 (12 when MinRevenue is set without it).</summary>
        public decimal? RevenueMonths { get; set; }

        /// <summary>The least number of certified contacts, a whole number, 0 or more.</summary>
        public decimal? MinCertified { get; set; }

        /// <summary>The wildcard pattern the counted certifications' names must match (null: any certification).</summary>
        public string? Certification { get; set; }

        /// <summary>The least number of whole months since the partner first became Active, 0 or more.</summary>
        public decimal? MinMonthsActive { get; set; }

        /// <summary>The names of the condition properties given (MinRevenue, Currency, RevenueMonths, MinCertified, Certification, MinMonthsActive).</summary>
        public ISet<string> Given { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The rule's key as messages name it (as <see cref="TierRule.ToString"/>).</summary>
        public override string ToString() => new TierRule { Tier = Tier, Region = Region, Type = Type }.ToString();

        /// <summary>
        /// The rule and the conditions given, as -WhatIf and -Confirm name them: <c>Gold (all regions, all types): MinRevenue = 500000,
        /// Currency = USD, MinCertified = (none)</c> (a condition given as null removes it).
        /// </summary>
        public string Describe()
        {
            string Value(string condition)
            {
                object? value = condition switch
                {
                    "MinRevenue" => MinRevenue,
                    "Currency" => string.IsNullOrWhiteSpace(Currency) ? null : Currency!.Trim().ToUpperInvariant(),
                    "RevenueMonths" => RevenueMonths,
                    "MinCertified" => MinCertified,
                    "Certification" => string.IsNullOrWhiteSpace(Certification) ? null : "'" + TextRules.Shown(Certification!.Trim()) + "'",
                    _ => MinMonthsActive,
                };
                return value == null ? "(none)" : Convert.ToString(value, CultureInfo.InvariantCulture)!;
            }

            var given = TierRuleRules.Conditions.Where(Given.Contains).Select(c => $"{c} = {Value(c)}").ToList();
            return given.Count == 0 ? ToString() : $"{this}: {string.Join(", ", given)}";
        }
    }

    /// <summary>
    /// The rules of tier rules (Set-PartnerTierRule, Test-PartnerTier): what a rule may hold, how a Set merges into the stored
    /// rule, and which of a tier's rules applies to a partner.
    /// </summary>
    public static class TierRuleRules
    {
        /// <summary>The months of revenue a rule counts when MinRevenue is given without RevenueMonths.</summary>
        public const int DefaultRevenueMonths = 12;

        /// <summary>The most months of revenue a rule counts (ten years).</summary>
        public const int MaxRevenueMonths = 120;

        /// <summary>The longest Certification pattern (as a certification's name).</summary>
        public const int MaxCertificationLength = 200;

        /// <summary>The condition properties of a rule, in the order messages list them.</summary>
        public static IReadOnlyList<string> Conditions { get; } =
            new[] { "MinRevenue", "Currency", "RevenueMonths", "MinCertified", "Certification", "MinMonthsActive" };

        /// <summary>
        /// The rule to store for a Set: the draft's key checked (no rule for Registered, the programme's entry tier), its given
        /// conditions over <paramref name="existing"/>'s (the stored rule of the same key, or null), each checked: MinRevenue an
        /// amount of its currency (0 or more, no more decimals than the currency has, at most
        /// <see cref="TargetRules.MaxRevenueTarget"/>), in <paramref name="reportingCurrency"/> unless a currency is given or
        /// stored; RevenueMonths 1 to 120 (12 by default) and only with MinRevenue; MinCertified and MinMonthsActive whole
        /// numbers, 0 or more; Certification only with MinCertified; at least one condition.
        /// </summary>
        /// <exception cref="PartnerOpsException">TierRuleInvalid (InvalidArgument) naming the value and the problem; InvalidCurrencyCode.</exception>
        public static TierRule Complete(TierRuleDraft draft, TierRule? existing, Func<string> reportingCurrency, string? database)
        {
            if (!Enum.IsDefined(typeof(PartnerTier), draft.Tier))
            {
                throw Invalid("Tier", draft.Tier, $"valid values are {string.Join(", ", Enum.GetNames(typeof(PartnerTier)).Skip(1))}");
            }

            if (draft.Tier == PartnerTier.Registered)
            {
                throw Invalid("Tier", draft.Tier, "Registered is the programme's entry tier, which every partner in it qualifies for: it has no rule. Give Silver, Gold or Platinum");
            }

            if (draft.Type is PartnerType type && !Enum.IsDefined(typeof(PartnerType), type))
            {
                throw Invalid("Type", type, $"valid values are {string.Join(", ", Enum.GetNames(typeof(PartnerType)))}");
            }

            var rule = new TierRule
            {
                Tier = draft.Tier,
                Region = PartnerRules.NormalizeRegion(draft.Region, ErrorIds.TierRuleInvalid),
                Type = draft.Type,
                Database = database,
            };
            T? Merged<T>(string property, T? given, T? stored) => draft.Given.Contains(property) ? given : stored;
            var minRevenue = Merged("MinRevenue", draft.MinRevenue, existing?.MinRevenue);
            var currency = Merged("Currency", string.IsNullOrWhiteSpace(draft.Currency) ? null : draft.Currency, existing?.Currency);
            var months = Merged("RevenueMonths", draft.RevenueMonths, existing?.RevenueMonths);
            var minCertified = Merged("MinCertified", draft.MinCertified, existing?.MinCertified);
            var pattern = Merged("Certification", string.IsNullOrWhiteSpace(draft.Certification) ? null : draft.Certification!.Trim(), existing?.Certification);
            var minMonths = Merged("MinMonthsActive", draft.MinMonthsActive, existing?.MinMonthsActive);

            if (minRevenue is decimal revenue)
            {
                rule.Currency = CurrencyCodes.Require(currency ?? reportingCurrency());
                rule.MinRevenue = Revenue(revenue, rule.Currency);
                rule.RevenueMonths = Whole("RevenueMonths", months ?? DefaultRevenueMonths, 1, MaxRevenueMonths, "months of revenue counted");
            }
            else if (draft.Given.Contains("Currency") && currency != null)
            {
                throw Invalid("Currency", currency, "a currency is the currency of -MinRevenue, which the rule does not have");
            }
            else if (draft.Given.Contains("RevenueMonths") && months != null)
            {
                throw Invalid("RevenueMonths", months, "months of revenue are counted for -MinRevenue, which the rule does not have");
            }

            if (minCertified != null)
            {
                rule.MinCertified = Whole("MinCertified", minCertified.Value, 0, int.MaxValue, "a number of certified contacts");
            }

            if (pattern != null)
            {
                if (rule.MinCertified == null)
                {
                    throw Invalid("Certification", pattern, "the certifications a rule counts need -MinCertified, the number of contacts that must hold one");
                }

                if (TextRules.Problem(pattern) is string problem)
                {
                    throw Invalid("Certification", pattern, problem);
                }

                if (Data.NamePattern.Problem(pattern) is string notPattern)
                {
                    throw Invalid("Certification", pattern, notPattern);
                }

                if (pattern.Length > MaxCertificationLength)
                {
                    throw Invalid("Certification", pattern, $"a certification pattern has at most {MaxCertificationLength} characters, as certification names");
                }

                rule.Certification = pattern;
            }

            if (minMonths != null)
            {
                rule.MinMonthsActive = Whole("MinMonthsActive", minMonths.Value, 0, int.MaxValue, "a number of whole months");
            }

            if (rule.MinRevenue == null && rule.MinCertified == null && rule.MinMonthsActive == null)
            {
                throw new PartnerOpsException(
                    ErrorIds.TierRuleInvalid,
                    FailureKind.InvalidArgument,
                    $"The tier rule {rule} has no condition: give -MinRevenue, -MinCertified or -MinMonthsActive (a rule without any would qualify every partner).",
                    draft);
            }

            return rule;
        }

        /// <summary>Whether <paramref name="stored"/> holds exactly the conditions of <paramref name="rule"/> (a Set of it writes nothing).</summary>
        public static bool SameConditions(TierRule rule, TierRule? stored) =>
            stored != null && stored.MinRevenue == rule.MinRevenue && stored.Currency == rule.Currency && stored.RevenueMonths == rule.RevenueMonths
            && stored.MinCertified == rule.MinCertified && stored.Certification == rule.Certification && stored.MinMonthsActive == rule.MinMonthsActive;

        /// <summary>
        /// The rule of <paramref name="tier"/> that applies to a partner of region key <paramref name="regionKey"/>
        /// (<see cref="RevenueRules.Key"/> of its region; null when it has none) and type <paramref name="type"/>: the most
        /// specific of the tier's rules that match, in this order: the rule of the partner's region and type, else of its region
        /// (any type), else of its type (any region), else the rule with neither; null when none matches (a rule for another
        /// region or type never applies). Registered has no rule: null. Pure; a caller assessing many partners calls it once per
        /// distinct (region key, type).
        /// </summary>
        public static TierRule? Applicable(IEnumerable<TierRule> rules, PartnerTier tier, string? regionKey, PartnerType type)
        {
            TierRule? best = null;
            var bestRank = int.MaxValue;
            foreach (var rule in rules)
            {
                if (rule.Tier != tier)
                {
                    continue;
                }

                var regionMatches = rule.Region == null || (regionKey != null && RevenueRules.Key(rule.Region) == regionKey);
                var typeMatches = rule.Type == null || rule.Type == type;
                if (!regionMatches || !typeMatches)
                {
                    continue;
                }

                // 0: region and type, 1: region, 2: type, 3: neither.
                var rank = (rule.Region == null ? 2 : 0) + (rule.Type == null ? 1 : 0);
                if (rank < bestRank)
                {
                    best = rule;
                    bestRank = rank;
                }
            }

            return best;
        }

        /// <summary>TierRuleInvalid (ObjectNotFound) for a rule that is not stored, listing the stored rules of its tier.</summary>
        public static PartnerOpsException NotStored(string rule, PartnerTier tier, IReadOnlyList<TierRule> storedOfTier, string database, object? target) =>
            new PartnerOpsException(
                ErrorIds.TierRuleInvalid,
                FailureKind.NotFound,
                $"There is no tier rule {rule} in '{database}': " +
                (storedOfTier.Count == 0
                    ? $"{tier} has no rules."
                    : $"the rules of {tier} are {string.Join("; ", storedOfTier.Select(r => r.ToString()))}.") +
                " Nothing was removed; Get-PartnerTierRule lists the rules.",
                target);

        // MinRevenue as stored: 0 or more, an amount of its currency, at most MaxRevenueTarget and within 64-bit minor units.
        private static decimal Revenue(decimal value, string currency)
        {
            if (value < 0)
            {
                throw Invalid("MinRevenue", value, "a revenue threshold is an amount, 0 or more");
            }

            if (RevenueRules.Problem(value, currency) is string problem)
            {
                throw Invalid("MinRevenue", value, $"a revenue threshold is an amount of its currency: {problem}");
            }

            var max = Math.Min(TargetRules.MaxRevenueTarget, decimal.Truncate(long.MaxValue * RevenueRules.MinorUnit(currency)));
            if (value > max)
            {
                throw Invalid("MinRevenue", value, $"a revenue threshold is at most {RevenueRules.Format(max, currency)} {currency}");
            }

            return value;
        }

        private static int Whole(string property, decimal value, int min, int max, string what)
        {
            // A count (no upper bound of its own) beyond an Int32: say so, with the limit, rather than "0 or more".
            if (max == int.MaxValue && value > max && value == decimal.Truncate(value))
            {
                throw Invalid(property, value, $"{what} is too large: it is at most {max.ToString(CultureInfo.InvariantCulture)}");
            }

            if (value != decimal.Truncate(value) || value < min || value > max)
            {
                var range = max == int.MaxValue ? $"{min} or more" : $"from {min} to {max}";
                throw Invalid(property, value, $"{what} is a whole number, {range}");
            }

            return (int)value;
        }

        private static PartnerOpsException Invalid(string property, object? value, string problem) =>
            new PartnerOpsException(
                ErrorIds.TierRuleInvalid,
                FailureKind.InvalidArgument,
                $"{property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' is not valid: {problem}.",
                value);
    }
}
