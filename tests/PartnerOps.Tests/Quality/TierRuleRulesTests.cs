using System;
using System.Linq;
using Xunit;

namespace PartnerOps.Tests.Quality
{
    public sealed class TierRuleRulesTests
    {
        private static TierRuleDraft Draft(PartnerTier tier, string? region = null, PartnerType? type = null, decimal? minRevenue = null,
            string? currency = null, decimal? months = null, decimal? minCertified = null, string? certification = null, decimal? minMonthsActive = null)
        {
            var draft = new TierRuleDraft { Tier = tier, Region = region, Type = type };
            void Give(string name, bool given) { if (given) draft.Given.Add(name); }
            draft.MinRevenue = minRevenue; Give("MinRevenue", minRevenue != null);
            draft.Currency = currency; Give("Currency", currency != null);
            draft.RevenueMonths = months; Give("RevenueMonths", months != null);
            draft.MinCertified = minCertified; Give("MinCertified", minCertified != null);
            draft.Certification = certification; Give("Certification", certification != null);
            draft.MinMonthsActive = minMonthsActive; Give("MinMonthsActive", minMonthsActive != null);
            return draft;
        }

        private static TierRule Complete(TierRuleDraft draft, TierRule? existing = null) => TierRuleRules.Complete(draft, existing, () => "EUR", "db");

        private static PartnerOpsException Refused(TierRuleDraft draft, TierRule? existing = null) =>
            Assert.Throws<PartnerOpsException>(() => Complete(draft, existing));

        [Fact]
        public void A_revenue_rule_without_currency_or_months_is_in_the_reporting_currency_over_12_months()
        {
            var rule = Complete(Draft(PartnerTier.Gold, " Western Europe ", minRevenue: 500000m));

            Assert.Equal((500000m, "EUR", 12), (rule.MinRevenue!.Value, rule.Currency, rule.RevenueMonths!.Value));
            Assert.Equal("Western Europe", rule.Region);
            Assert.Null(rule.MinCertified);
            Assert.Equal("Gold (Western Europe, all types): revenue 500000 EUR in 12 months", rule.Describe());
        }

        [Fact]
        public void Given_conditions_replace_the_stored_ones_and_the_others_are_kept()
        {
            var stored = Complete(Draft(PartnerTier.Gold, minRevenue: 500000m, currency: "usd", months: 6, minCertified: 4, certification: "Networking*"));

            var rule = Complete(Draft(PartnerTier.Gold, minMonthsActive: 6, minRevenue: 600000m), stored);

            Assert.Equal("Gold (all regions, all types): revenue 600000 USD in 6 months, 4 certified 'Networking*', 6 months active", rule.Describe());
            Assert.False(TierRuleRules.SameConditions(rule, stored));
            Assert.True(TierRuleRules.SameConditions(rule, Complete(Draft(PartnerTier.Gold), rule)));
        }

        [Fact]
        public void A_condition_given_as_null_is_cleared_and_revenue_takes_its_currency_and_months_with_it()
        {
            var stored = Complete(Draft(PartnerTier.Silver, minRevenue: 100m, currency: "USD", minCertified: 1));
            var draft = Draft(PartnerTier.Silver);
            draft.Given.Add("MinRevenue");

            var rule = Complete(draft, stored);

            Assert.Equal((null, null, null, 1), (rule.MinRevenue, rule.Currency, rule.RevenueMonths, rule.MinCertified));
        }

        [Theory]
        [InlineData("MinRevenue", "-1", "a revenue threshold is an amount, 0 or more")]
        [InlineData("MinRevenue", "100.005", "USD has 2 decimal places")]
        [InlineData("RevenueMonths", "0", "a whole number, from 1 to 120")]
        [InlineData("RevenueMonths", "121", "a whole number, from 1 to 120")]
        [InlineData("RevenueMonths", "6.5", "a whole number, from 1 to 120")]
        [InlineData("MinCertified", "-1", "a whole number, 0 or more")]
        [InlineData("MinCertified", "2.5", "a whole number, 0 or more")]
        [InlineData("MinMonthsActive", "-3", "a whole number, 0 or more")]
        public void A_threshold_out_of_its_range_is_TierRuleInvalid_naming_it(string property, string value, string problem)
        {
            var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            var draft = Draft(PartnerTier.Gold, minRevenue: property == "MinRevenue" ? number : 1000m, currency: "USD",
                months: property == "RevenueMonths" ? number : null, minCertified: property == "MinCertified" ? number : null,
                minMonthsActive: property == "MinMonthsActive" ? number : null);

            var ex = Refused(draft);

            Assert.Equal((ErrorIds.TierRuleInvalid, FailureKind.InvalidArgument), (ex.ErrorId, ex.Kind));
            Assert.StartsWith($"{property} '{value}' is not valid: ", ex.Message);
            Assert.Contains(problem, ex.Message);
        }

        [Fact]
        public void A_rule_for_Registered_without_conditions_or_with_a_lone_certification_currency_or_months_is_refused()
        {
            Assert.Contains("Registered is the programme's entry tier", Refused(Draft(PartnerTier.Registered, minCertified: 1)).Message);
            Assert.Equal("The tier rule Gold (all regions, Reseller) has no condition: give -MinRevenue, -MinCertified or -MinMonthsActive (a rule without any would qualify every partner).",
                Refused(Draft(PartnerTier.Gold, type: PartnerType.Reseller)).Message);
            Assert.StartsWith("Certification 'Net*' is not valid: the certifications a rule counts need -MinCertified", Refused(Draft(PartnerTier.Gold, certification: "Net*", minMonthsActive: 1)).Message);
            Assert.StartsWith("Currency 'USD' is not valid", Refused(Draft(PartnerTier.Gold, currency: "USD", minCertified: 1)).Message);
            Assert.StartsWith("RevenueMonths '6' is not valid", Refused(Draft(PartnerTier.Gold, months: 6, minCertified: 1)).Message);
            Assert.Equal(ErrorIds.InvalidCurrencyCode, Refused(Draft(PartnerTier.Gold, minRevenue: 1m, currency: "XYZ")).ErrorId);
        }

        private static TierRule Rule(PartnerTier tier, string? region, PartnerType? type, int id) =>
            new TierRule { Id = id, Tier = tier, Region = region, Type = type, MinCertified = id };

        [Fact]
        public void The_most_specific_matching_rule_applies_region_and_type_then_region_then_type_then_neither()
        {
            var rules = new[]
            {
                Rule(PartnerTier.Gold, null, null, 1),
                Rule(PartnerTier.Gold, null, PartnerType.Reseller, 2),
                Rule(PartnerTier.Gold, "Western Europe", null, 3),
                Rule(PartnerTier.Gold, "Western Europe", PartnerType.Reseller, 4),
                Rule(PartnerTier.Gold, "China", PartnerType.Distributor, 5),
                Rule(PartnerTier.Silver, "Western Europe", PartnerType.Reseller, 6),
            };
            var west = RevenueRules.Key("WESTERN europe");
            int? Applied(PartnerTier tier, string? regionKey, PartnerType type, params TierRule[] of) =>
                (int?)TierRuleRules.Applicable(of.Length == 0 ? rules : of, tier, regionKey, type)?.Id;

            Assert.Equal(4, Applied(PartnerTier.Gold, west, PartnerType.Reseller));
            Assert.Equal(3, Applied(PartnerTier.Gold, west, PartnerType.Distributor));
            Assert.Equal(2, Applied(PartnerTier.Gold, RevenueRules.Key("China"), PartnerType.Reseller));
            Assert.Equal(5, Applied(PartnerTier.Gold, RevenueRules.Key("China"), PartnerType.Distributor));
            Assert.Equal(1, Applied(PartnerTier.Gold, null, PartnerType.Other));
            Assert.Equal(6, Applied(PartnerTier.Silver, west, PartnerType.Reseller));
            Assert.Null(Applied(PartnerTier.Silver, west, PartnerType.Other));
            Assert.Null(Applied(PartnerTier.Platinum, west, PartnerType.Reseller));
            Assert.Null(Applied(PartnerTier.Registered, west, PartnerType.Reseller));
            // Only other regions' and types' rules: none applies, whatever their order.
            Assert.Null(Applied(PartnerTier.Gold, null, PartnerType.Distributor, rules.Skip(2).Reverse().ToArray()));
            Assert.Equal(2, Applied(PartnerTier.Gold, west, PartnerType.Reseller, rules[1], rules[0]));
        }
    }
}
