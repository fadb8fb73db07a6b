using System;
using System.Collections.Generic;
using System.Globalization;

namespace PartnerOps
{
    /// <summary>
    /// What a partner must meet to qualify for a tier (schema 13, table tier_rules): one rule per tier, region and type (null =
    /// any region or any type). Every condition set must be met; a condition left null is none. Of a tier's rules, the one that
    /// applies to a partner is the most specific matching its region and type (<see cref="TierRuleRules.Applicable"/>).
    /// Registered, the programme's entry tier, has no rule.
    /// </summary>
    public sealed class TierRule
    {
        private DateTime _createdAt;
        private DateTime _updatedAt;

        public long Id { get; set; }

        /// <summary>The tier the rule qualifies for (Silver, Gold or Platinum).</summary>
        public PartnerTier Tier { get; set; }

        /// <summary>The region the rule is for (matched by its key, as revenue regions), or null for every region.</summary>
        public string? Region { get; set; }

        /// <summary>The partner type the rule is for, or null for every type.</summary>
        public PartnerType? Type { get; set; }

        /// <summary>
        /// The least revenue over the last <see cref="RevenueMonths"/> months, in <see cref="Currency"/> (a whole number of its minor
        /// units, stored as such), or null for no revenue condition.
        /// </summary>
        public decimal? MinRevenue { get; set; }

        /// <summary>The ISO 4217 code of <see cref="MinRevenue"/> (the database's reporting currency unless given); null without one.</summary>
        public string? Currency { get; set; }

        /// <summary>The months of revenue counted (1 to 120; 12 unless given) when MinRevenue is set, else null.</summary>
        public int? RevenueMonths { get; set; }

        /// <summary>The least number of current contacts holding a valid certification (matching <see cref="Certification"/>), or null.</summary>
        public int? MinCertified { get; set; }

        /// <summary>A wildcard pattern the certifications counted must match (compared as names are), or null for any; only with MinCertified.</summary>
        public string? Certification { get; set; }

        /// <summary>The least number of whole months since the partner first became Active, or null.</summary>
        public int? MinMonthsActive { get; set; }

        /// <summary>When the rule was stored (UTC).</summary>
        public DateTime CreatedAt
        {
            get => _createdAt;
            set => _createdAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>When the rule was last changed (UTC).</summary>
        public DateTime UpdatedAt
        {
            get => _updatedAt;
            set => _updatedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>The database this rule came from (as <see cref="PartnerTarget.Database"/>).</summary>
        public string? Database { get; set; }

        /// <summary>The rule as messages name it: <c>Gold (Western Europe, Reseller)</c>, <c>Gold (all regions, all types)</c>.</summary>
        public override string ToString() => $"{Tier} ({Region ?? "all regions"}, {(Type == null ? "all types" : Type.ToString())})";

        /// <summary>
        /// The rule with its conditions, as -WhatIf and -Confirm name it:
        /// <c>Gold (all regions, all types): revenue 500000 USD in 12 months, 4 certified 'Networking*', 6 months active</c>.
        /// </summary>
        public string Describe()
        {
            var conditions = new List<string>();
            if (MinRevenue != null)
            {
                conditions.Add($"revenue {MinRevenue.Value.ToString(CultureInfo.InvariantCulture)} {Currency} in {RevenueMonths} months");
            }

            if (MinCertified != null)
            {
                conditions.Add($"{MinCertified} certified" + (Certification == null ? string.Empty : $" '{Certification}'"));
            }

            if (MinMonthsActive != null)
            {
                conditions.Add($"{MinMonthsActive} months active");
            }

            return $"{this}: {(conditions.Count == 0 ? "no condition" : string.Join(", ", conditions))}";
        }
    }
}
