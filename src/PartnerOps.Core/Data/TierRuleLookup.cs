using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>A tier rule as both backends read it (the columns of <see cref="TierRuleLookup.Select"/>, by these names).</summary>
    public sealed class TierRuleRow
    {
        public long Id { get; set; }

        /// <summary>The tier's name (PartnerTier).</summary>
        public string Tier { get; set; } = string.Empty;

        public string? Region { get; set; }

        /// <summary>The type's name (PartnerType), or null for every type.</summary>
        public string? Type { get; set; }

        /// <summary>MinRevenue in whole minor units of Currency, or null.</summary>
        public long? MinRevenue { get; set; }

        public string? Currency { get; set; }

        public long? RevenueMonths { get; set; }

        public long? MinCertified { get; set; }

        public string? Certification { get; set; }

        public long? MinMonthsActive { get; set; }

        /// <summary>UTC timestamp text as stored.</summary>
        public string CreatedAt { get; set; } = string.Empty;

        /// <summary>UTC timestamp text as stored.</summary>
        public string UpdatedAt { get; set; } = string.Empty;

        /// <summary>The rule as the cmdlets show it.</summary>
        public TierRule ToRule(string database) => new TierRule
        {
            Id = Id,
            Tier = (PartnerTier)Enum.Parse(typeof(PartnerTier), Tier),
            Region = Region,
            Type = Type == null ? (PartnerType?)null : (PartnerType)Enum.Parse(typeof(PartnerType), Type),
            MinRevenue = MinRevenue == null || Currency == null ? (decimal?)null : RevenueRules.FromMinorUnits(MinRevenue.Value, Currency),
            Currency = Currency,
            RevenueMonths = (int?)RevenueMonths,
            MinCertified = (int?)MinCertified,
            Certification = Certification,
            MinMonthsActive = (int?)MinMonthsActive,
            CreatedAt = TierRuleLookup.Timestamp(CreatedAt),
            UpdatedAt = TierRuleLookup.Timestamp(UpdatedAt),
            Database = database,
        };
    }

    /// <summary>The SQL and rules of storing and finding tier rules that are the same on every backend.</summary>
    public static class TierRuleLookup
    {
        /// <summary>The columns of a rule read, named as <see cref="TierRuleRow"/>'s properties.</summary>
        public const string Select =
            "SELECT id AS Id, tier AS Tier, region AS Region, type AS Type, min_revenue AS MinRevenue, currency AS Currency, " +
            "revenue_months AS RevenueMonths, min_certified AS MinCertified, certification AS Certification, " +
            "min_months_active AS MinMonthsActive, created_at AS CreatedAt, updated_at AS UpdatedAt FROM tier_rules";

        /// <summary>The rules' order: tier (in PartnerTier's order), region key (every region first), type (every type first).</summary>
        public const string Order =
            " ORDER BY CASE tier WHEN 'Registered' THEN 0 WHEN 'Silver' THEN 1 WHEN 'Gold' THEN 2 ELSE 3 END, region_key, type_key";

        /// <summary>The rule of one key (parameters @tier, @regionKey, @typeKey as <see cref="Key"/> gives them).</summary>
        public const string ByKey = Select + " WHERE tier = @tier AND region_key = @regionKey AND type_key = @typeKey";

        /// <summary>
        /// The upsert of a rule (parameters as <see cref="StoredValues"/>); the conflict changes the conditions, never the region's
        /// spelling first stored with its key. Returns the row's id and region.
        /// </summary>
        public const string Upsert =
            @"INSERT INTO tier_rules (tier, region, region_key, type, type_key, min_revenue, currency, revenue_months, min_certified,
                  certification, min_months_active, created_at, updated_at)
              VALUES (@Tier, @Region, @RegionKey, @Type, @TypeKey, @MinRevenue, @Currency, @RevenueMonths, @MinCertified,
                  @Certification, @MinMonthsActive, @Now, @Now)
              ON CONFLICT (tier, region_key, type_key) DO UPDATE SET min_revenue = excluded.min_revenue, currency = excluded.currency,
                  revenue_months = excluded.revenue_months, min_certified = excluded.min_certified, certification = excluded.certification,
                  min_months_active = excluded.min_months_active, updated_at = excluded.updated_at
              RETURNING id, region, created_at";

        /// <summary>The key columns' values of a rule: the tier's name, the region's key ('' for every region), the type's name ('' for every type).</summary>
        public static object Key(PartnerTier tier, string? region, PartnerType? type) => new
        {
            tier = tier.ToString(),
            regionKey = RevenueRules.Key(PartnerRules.NormalizeRegion(region, ErrorIds.TierRuleInvalid)) ?? string.Empty,
            typeKey = type?.ToString() ?? string.Empty,
        };

        /// <summary>A rule's values as stored (the parameters of <see cref="Upsert"/>): MinRevenue in whole minor units, <paramref name="now"/> (UTC) as the timestamps.</summary>
        public static object StoredValues(TierRule rule, DateTime now) => new
        {
            Tier = rule.Tier.ToString(),
            rule.Region,
            RegionKey = RevenueRules.Key(rule.Region) ?? string.Empty,
            Type = rule.Type?.ToString(),
            TypeKey = rule.Type?.ToString() ?? string.Empty,
            MinRevenue = rule.MinRevenue == null ? (long?)null : decimal.ToInt64(rule.MinRevenue.Value / RevenueRules.MinorUnit(rule.Currency!)),
            rule.Currency,
            rule.RevenueMonths,
            rule.MinCertified,
            rule.Certification,
            rule.MinMonthsActive,
            Now = PartnerRules.FormatTimestamp(now),
        };

        /// <summary>The WHERE clause (with its parameters) of the rules of these tiers, regions (patterns over the key) and types.</summary>
        internal static (string Where, DynamicParameters Parameters) Filter(FilterDialect sql, IList<PartnerTier>? tiers, IList<NamePattern>? regions, IList<PartnerType>? types)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            sql.AddIn(clauses, parameters, "tier", "tiers", (tiers ?? new List<PartnerTier>()).Select(t => t.ToString()).ToList());
            sql.AddIn(clauses, parameters, "type_key", "types", (types ?? new List<PartnerType>()).Select(t => t.ToString()).ToList());
            sql.AddMatching(clauses, parameters, "region_key", "region", regions ?? new List<NamePattern>(), "region_key", "tier_rules");
            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>
        /// A Set through a backend: the stored rule of the draft's key read by <paramref name="get"/>, the rule to store completed
        /// over it, and <paramref name="upsert"/> (given the stored values) run unless the stored rule already holds the same
        /// conditions; the rule as stored, with its id, region spelling and creation time.
        /// </summary>
        public static TierRule Set(TierRuleDraft draft, Func<TierRule?> get, Func<object, (long Id, string? Region, string CreatedAt)> upsert, Func<string> reportingCurrency, string database, DateTime now, out bool changed)
        {
            var existing = get();
            var rule = TierRuleRules.Complete(draft, existing, reportingCurrency, database);
            if (TierRuleRules.SameConditions(rule, existing))
            {
                changed = false;
                return existing!; // nothing to change: nothing written
            }

            var stored = upsert(StoredValues(rule, now));
            changed = true;
            rule.Id = stored.Id;
            rule.Region = stored.Region;
            rule.CreatedAt = Timestamp(stored.CreatedAt);
            rule.UpdatedAt = now;
            return rule;
        }

        /// <summary>TierRuleInvalid (NotFound) for the rule of this key, listing the stored rules of its tier (<paramref name="ofTier"/>).</summary>
        public static PartnerOpsException NotStored(PartnerTier tier, string? region, PartnerType? type, IEnumerable<TierRule> ofTier, string database) =>
            TierRuleRules.NotStored(new TierRule { Tier = tier, Region = region, Type = type }.ToString(), tier, ofTier.ToList(), database, Describe(tier, region, type));

        /// <summary>A timestamp as stored (UTC text, 'yyyy-MM-dd HH:mm:ss.fffffff').</summary>
        internal static DateTime Timestamp(string text) =>
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        private static string Describe(PartnerTier tier, string? region, PartnerType? type) =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", tier, region ?? "(all regions)", type?.ToString() ?? "(all types)");
    }
}
