using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>The tier assessment over given figures (TierAssessor), without a database: every expectation computed by hand.</summary>
    public sealed class TierAssessorTests
    {
        private static readonly DateTime Day = D("2026-06-30");

        private static DateTime D(string day) => DateTime.Parse(day, CultureInfo.InvariantCulture);

        private static QualityPartner P(long id, PartnerTier tier = PartnerTier.Registered, string? region = "EMEA", PartnerType type = PartnerType.Reseller, string? firstActive = "2024-01-15") => new QualityPartner
        {
            Id = id,
            Name = "P" + id,
            Region = region,
            Type = type,
            Status = PartnerStatus.Active,
            Tier = tier,
            JoinedOn = D("2024-01-15"),
            FirstActiveOn = firstActive == null ? (DateTime?)null : D(firstActive),
        };

        private static TierRule Rule(PartnerTier tier, decimal? minRevenue = null, string? currency = "USD", int? months = null, int? certified = null, string? pattern = null, int? monthsActive = null, string? region = null, PartnerType? type = null) => new TierRule
        {
            Tier = tier,
            Region = region,
            Type = type,
            MinRevenue = minRevenue,
            Currency = minRevenue == null ? null : currency,
            RevenueMonths = minRevenue == null ? null : months ?? 12,
            MinCertified = certified,
            Certification = pattern,
            MinMonthsActive = monthsActive,
        };

        private static CurrencyConverter Rates(params (string From, string To, int Year, decimal Rate)[] rates) =>
            new CurrencyConverter(rates.Select(r => new ExchangeRate { From = r.From, To = r.To, Year = r.Year, Rate = r.Rate }), "USD");

        [Theory]
        [InlineData("2025-01-15", "2025-07-14", 5)]
        [InlineData("2025-01-15", "2025-07-15", 6)]
        [InlineData("2025-01-15", "2025-01-15", 0)]
        [InlineData("2025-01-15", "2025-01-14", 0)]
        [InlineData("2025-01-31", "2025-02-28", 1)]
        [InlineData("2024-02-29", "2025-02-28", 12)]
        [InlineData("2020-03-10", "2026-06-30", 75)]
        public void Whole_months_active_count_a_month_on_its_day(string from, string to, int months) =>
            Assert.Equal(months, TierAssessor.MonthsBetween(D(from), D(to)));

        [Fact]
        public void The_revenue_window_runs_from_the_same_day_months_earlier_excluded_to_the_day()
        {
            Assert.Equal((D("2025-06-30"), D("2026-06-30")), TierAssessor.Window(D("2026-06-30"), 12));
            Assert.Equal((D("2026-02-28"), D("2026-05-31")), TierAssessor.Window(D("2026-05-31"), 3));
        }

        [Fact]
        public void Revenue_exactly_on_the_threshold_meets_it_and_a_cent_under_does_not()
        {
            var assessor = new TierAssessor(new[] { Rule(PartnerTier.Gold, 1000m) }, Rates(), Day);
            Assert.Equal(new[] { 12 }, assessor.RevenueMonths);
            assessor.AddRevenue(12, 1, "USD", 2025, 60_000m);
            assessor.AddRevenue(12, 1, "USD", 2026, 40_000m);
            assessor.AddRevenue(12, 2, "USD", 2026, 99_999m);

            var on = assessor.Assess(P(1), "db");
            Assert.Equal(PartnerTier.Gold, on.QualifiedTier);
            Assert.Equal(TierRecommendation.Upgrade, on.Recommendation);
            Assert.Null(on.NextTier);
            Assert.Equal(1000.00m, on.Revenue);
            Assert.Equal("USD", on.RevenueCurrency);
            Assert.Null(on.RevenueGap);

            var under = assessor.Assess(P(2), "db");
            Assert.Equal(PartnerTier.Registered, under.QualifiedTier);
            Assert.Equal(TierRecommendation.Keep, under.Recommendation);
            Assert.Equal(PartnerTier.Gold, under.NextTier);
            Assert.Equal(999.99m, under.Revenue);
            Assert.Equal(0.01m, under.RevenueGap);
            Assert.Null(under.CertifiedMissing);
            Assert.Null(under.MonthsMissing);
        }

        [Fact]
        public void Revenue_is_converted_to_the_rule_currency_with_each_year_rate_and_rounded_once()
        {
            // 1,000.00 USD in 2025 at USD->EUR 0.9 = 900.00 EUR; 500.01 USD in 2026 with EUR->USD 1.25 stored: 500.01 / 1.25 = 400.008;
            // 300 JPY in 2026 through USD: 300 * 0.0065 = 1.95 USD, / 1.25 = 1.56 EUR. Total 1,301.568 -> 1,301.57 EUR.
            var rates = Rates(("USD", "EUR", 2025, 0.9m), ("EUR", "USD", 2026, 1.25m), ("JPY", "USD", 2026, 0.0065m));
            var assessor = new TierAssessor(new[] { Rule(PartnerTier.Silver, 1301.57m, "EUR") }, rates, Day);
            assessor.AddRevenue(12, 1, "USD", 2025, 100_000m);
            assessor.AddRevenue(12, 1, "USD", 2026, 50_001m);
            assessor.AddRevenue(12, 1, "JPY", 2026, 300m);

            var assessment = assessor.Assess(P(1), null);
            Assert.Equal(1301.57m, assessment.Revenue);
            Assert.Equal("EUR", assessment.RevenueCurrency);
            Assert.Equal(PartnerTier.Silver, assessment.QualifiedTier);
        }

        [Fact]
        public void A_missing_rate_is_ExchangeRateMissing_naming_the_pair_and_year()
        {
            var assessor = new TierAssessor(new[] { Rule(PartnerTier.Silver, 10m, "EUR") }, Rates(("USD", "EUR", 2026, 0.9m)), Day);
            assessor.AddRevenue(12, 1, "USD", 2025, 100m);
            var ex = Assert.Throws<PartnerOpsException>(() => assessor.Assess(P(1), null));
            Assert.Equal(ErrorIds.ExchangeRateMissing, ex.ErrorId);
            Assert.Contains("USD to EUR for 2025", ex.Message);
        }

        [Fact]
        public void The_most_specific_rule_of_a_tier_is_the_one_that_must_be_met()
        {
            var rules = new[]
            {
                Rule(PartnerTier.Gold, 1000m),
                Rule(PartnerTier.Gold, 500m, region: "emea"),
                Rule(PartnerTier.Gold, 800m, region: "EMEA", type: PartnerType.Distributor),
                Rule(PartnerTier.Gold, 200m, type: PartnerType.Training),
            };
            var assessor = new TierAssessor(rules, Rates(), Day);
            foreach (var id in new long[] { 1, 2, 3, 4 })
            {
                assessor.AddRevenue(12, id, "USD", 2026, 60_000m);   // 600.00 USD each
            }

            Assert.Equal(PartnerTier.Gold, assessor.Assess(P(1, region: "Emea"), null).QualifiedTier);                              // region rule: 500
            Assert.Equal(PartnerTier.Registered, assessor.Assess(P(2, region: "APAC"), null).QualifiedTier);                        // global rule: 1000
            var distributor = assessor.Assess(P(3, region: "EMEA", type: PartnerType.Distributor), null);                           // region + type: 800
            Assert.Equal(PartnerTier.Registered, distributor.QualifiedTier);
            Assert.Equal(200.00m, distributor.RevenueGap);
            Assert.Equal(PartnerTier.Gold, assessor.Assess(P(4, region: "APAC", type: PartnerType.Training), null).QualifiedTier);  // type rule: 200
        }

        [Fact]
        public void Every_condition_of_the_rule_must_hold_and_the_next_tier_shows_what_it_lacks()
        {
            var rules = new[]
            {
                Rule(PartnerTier.Silver, certified: 1),
                Rule(PartnerTier.Gold, 1000m, certified: 2, pattern: "Net*", monthsActive: 24),
                Rule(PartnerTier.Platinum, 5000m, certified: 4, monthsActive: 36),
            };
            var assessor = new TierAssessor(rules, Rates(), Day);
            Assert.Equal(new string?[] { null, "Net*" }, assessor.CertificationPatterns);

            // Gold partner (first Active 2024-01-15: 29 months), 2 contacts with any certification, 1 with a Net* one, 1,500.00 USD.
            assessor.AddRevenue(12, 1, "USD", 2026, 150_000m);
            assessor.AddCertified(1, null, 2);
            assessor.AddCertified(1, "Net*", 1);
            var gold = assessor.Assess(P(1, PartnerTier.Gold), null);
            Assert.Equal(29, gold.MonthsActive);
            Assert.Equal(PartnerTier.Silver, gold.QualifiedTier);
            Assert.Equal(TierRecommendation.Downgrade, gold.Recommendation);
            // The next tier up from Silver is its own, Gold: 1,500.00 USD meet 1,000.00 and 29 months meet 24; it lacks one Net* person.
            Assert.Equal(PartnerTier.Gold, gold.NextTier);
            Assert.Equal(1500.00m, gold.Revenue);
            Assert.Equal(0m, gold.RevenueGap);
            Assert.Equal(1, gold.Certified);
            Assert.Equal(1, gold.CertifiedMissing);
            Assert.Equal(0, gold.MonthsMissing);

            // Never Active: 0 months; no certification at all: Registered, next Silver lacking 1 certified person.
            var newcomer = assessor.Assess(P(2, firstActive: null), null);
            Assert.Equal(0, newcomer.MonthsActive);
            Assert.Equal(PartnerTier.Registered, newcomer.QualifiedTier);
            Assert.Equal(PartnerTier.Silver, newcomer.NextTier);
            Assert.Equal(0, newcomer.Certified);
            Assert.Equal(1, newcomer.CertifiedMissing);
            Assert.Null(newcomer.RevenueGap);
            Assert.Null(newcomer.MonthsMissing);
        }

        [Fact]
        public void A_tier_without_an_applicable_rule_is_never_qualified_nor_next()
        {
            var rules = new[] { Rule(PartnerTier.Silver, 100m), Rule(PartnerTier.Platinum, 900m), Rule(PartnerTier.Gold, 1m, region: "APAC") };
            var assessor = new TierAssessor(rules, Rates(), Day);
            assessor.AddRevenue(12, 1, "USD", 2026, 50_000m);   // 500.00: meets Silver, and Gold's APAC rule does not apply in EMEA
            var assessment = assessor.Assess(P(1), null);
            Assert.Equal(PartnerTier.Silver, assessment.QualifiedTier);
            Assert.Equal(PartnerTier.Platinum, assessment.NextTier);
            Assert.Equal(400.00m, assessment.RevenueGap);

            // At the top: no next tier; the figures shown are those of the rule met, nothing missing.
            assessor.AddRevenue(12, 2, "USD", 2026, 100_000m);
            var top = assessor.Assess(P(2, PartnerTier.Platinum), null);
            Assert.Equal(PartnerTier.Platinum, top.QualifiedTier);
            Assert.Equal(TierRecommendation.Keep, top.Recommendation);
            Assert.Null(top.NextTier);
            Assert.Equal(1000.00m, top.Revenue);
            Assert.Null(top.RevenueGap);
        }

        [Fact]
        public void A_partner_no_rule_applies_to_has_no_qualified_tier_and_is_kept_with_one_warning()
        {
            var assessor = new TierAssessor(new[] { Rule(PartnerTier.Gold, 1m, region: "APAC") }, Rates(), Day);
            var unruled = new List<TierAssessment>
            {
                assessor.Assess(P(1, PartnerTier.Gold), null),
                assessor.Assess(P(2, region: null, type: PartnerType.Training), null),
                assessor.Assess(P(3, region: "emea"), null),
            };
            Assert.All(unruled, a => Assert.Null(a.QualifiedTier));
            Assert.All(unruled, a => Assert.Equal(TierRecommendation.Keep, a.Recommendation));
            Assert.All(unruled, a => Assert.Null(a.NextTier));

            var warning = TierAssessor.NoRuleWarning(unruled);
            Assert.StartsWith("3 partner(s) had no applicable tier rule", warning);
            Assert.Contains("region 'EMEA' and type Reseller (2), no region and type Training (1).", warning);
        }
    }
}
