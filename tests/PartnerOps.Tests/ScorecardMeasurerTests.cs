using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Measures;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>The scorecard's components, ratings, weights and points (ScorecardMeasurer, ScoreWeights), hand-computed, without a database.</summary>
    public sealed class ScorecardMeasurerTests
    {
        private static readonly DateTime AsOf = new DateTime(2026, 6, 30);

        private static ScoreFigures Figures(string name, decimal revenue, decimal previous, int certified, int? required, DateTime? last, long id = 0) => new ScoreFigures
        {
            PartnerId = id == 0 ? name[0] : id,
            Partner = name,
            Tier = PartnerTier.Gold,
            Revenue = revenue,
            PreviousRevenue = previous,
            Certified = certified,
            Required = required,
            LastRevenue = last,
        };

        private static IReadOnlyList<PartnerScore> Score(ScoreWeights weights, params ScoreFigures[] partners) =>
            ScorecardMeasurer.Score(partners, weights, AsOf, "USD", "db");

        private static string Shown(PartnerScore score) =>
            $"{score.Partner} {score.Score}: " + string.Join(" ", score.Components.Select(c => $"{c.Name}={c.Value?.ToString() ?? "-"}/{c.Rating}/{c.Weight}/{c.Points}"));

        [Fact]
        public void Scores_every_component_as_computed_by_hand_lowest_score_first()
        {
            var scores = Score(
                ScoreWeights.Default,
                Figures("Alder", 1000m, 800m, 2, 4, new DateTime(2026, 6, 1)),
                Figures("Birch", 1000m, 0m, 5, null, new DateTime(2026, 1, 1)),
                Figures("Cedar", 500m, 2000m, 0, 2, new DateTime(2025, 6, 30)),
                Figures("Dogwood", 0m, 0m, 1, 1, null));

            // Revenue: percent rank among 4 (Alder and Birch tie: 2 of the 3 others below); Growth 0.25 → 0.625, Birch none before → 1,
            // Cedar -0.75 → 0.125; Certified 2/4, 5 of none required → 1, 0/2, 1/1; Activation 29 days → 1, 180 → 185/275, 365 → 0.
            Assert.Equal(
                new[]
                {
                    "Cedar 15.8: Revenue=500/0.3333/0.4/13.3 Growth=-0.75/0.125/0.2/2.5 Certified=0/0/0.2/0.0 Activation=365/0/0.2/0.0",
                    "Dogwood 20.0: Revenue=0/0/0.4/0.0 Growth=-/0/0.2/0.0 Certified=1/1/0.2/20.0 Activation=-/0/0.2/0.0",
                    "Alder 69.2: Revenue=1000/0.6667/0.4/26.7 Growth=0.25/0.625/0.2/12.5 Certified=2/0.5/0.2/10.0 Activation=29/1/0.2/20.0",
                    "Birch 80.1: Revenue=1000/0.6667/0.4/26.7 Growth=-/1/0.2/20.0 Certified=5/1/0.2/20.0 Activation=180/0.6727/0.2/13.5",
                },
                scores.Select(Shown).ToArray());
            Assert.Equal(new[] { "USD", "fraction", "of 4 required", "days" }, scores[2].Components.Select(c => c.Unit).ToArray());
            Assert.Equal("of 0 required", scores[3].Component("certified")!.Unit);
            Assert.All(scores, s => Assert.Equal(AsOf, s.AsOf));
            Assert.All(scores, s => Assert.Equal("db", s.Database));
        }

        [Fact]
        public void The_score_sums_the_unrounded_points()
        {
            // Birch's points shown add up to 80.2; the unrounded ones to 80.1212.
            var birch = Score(ScoreWeights.Default, Figures("Birch", 1000m, 0m, 5, null, new DateTime(2026, 1, 1)), Figures("Alder", 1000m, 800m, 2, 4, new DateTime(2026, 6, 1)),
                Figures("Cedar", 500m, 2000m, 0, 2, new DateTime(2025, 6, 30)), Figures("Dogwood", 0m, 0m, 1, 1, null)).Single(s => s.Partner == "Birch");
            Assert.Equal(80.2m, birch.Components.Sum(c => c.Points));
            Assert.Equal(80.1m, birch.Score);
        }

        [Theory]
        [InlineData(0, "1")]
        [InlineData(90, "1")]
        [InlineData(91, "0.9964")]
        [InlineData(364, "0.0036")]
        [InlineData(365, "0")]
        [InlineData(2000, "0")]
        public void Activation_rates_1_within_90_days_falling_linearly_to_0_at_365(int days, string rating)
        {
            var score = Score(ScoreWeights.Default, Figures("Alder", 1m, 1m, 0, 0, AsOf.AddDays(-days))).Single();
            Assert.Equal(days, score.Component("Activation")!.Value);
            Assert.Equal(decimal.Parse(rating, System.Globalization.CultureInfo.InvariantCulture), score.Component("Activation")!.Rating);
        }

        [Theory]
        [InlineData("200", "100", "1")]
        [InlineData("250", "100", "1")]
        [InlineData("100", "100", "0.5")]
        [InlineData("50", "100", "0.25")]
        [InlineData("0", "100", "0")]
        [InlineData("-50", "100", "0")]
        [InlineData("100", "-100", "1")]
        [InlineData("0", "0", "0")]
        [InlineData("-5", "0", "0")]
        [InlineData("5", "0", "1")]
        public void Growth_rates_half_plus_half_the_growth_clamped(string now, string before, string rating)
        {
            var score = Score(ScoreWeights.Default, Figures("Alder", TestSupport.Money(now), TestSupport.Money(before), 0, 0, null)).Single();
            Assert.Equal(TestSupport.Money(rating), score.Component("Growth")!.Rating);
            Assert.Equal(before == "0", score.Component("Growth")!.Value == null);
        }

        [Fact]
        public void Revenue_ranks_among_the_scored_partners_and_rates_0_when_none_sold_or_alone()
        {
            var ranked = Score(ScoreWeights.Default, Figures("A", 10m, 0m, 0, 0, null), Figures("B", 20m, 0m, 0, 0, null), Figures("C", 30m, 0m, 0, 0, null));
            Assert.Equal(new[] { 0m, 0.5m, 1m }, ranked.OrderBy(s => s.Partner).Select(s => s.Component("Revenue")!.Rating).ToArray());
            Assert.All(Score(ScoreWeights.Default, Figures("A", 0m, 0m, 0, 0, null), Figures("B", 0m, 0m, 0, 0, null)), s => Assert.Equal(0m, s.Component("Revenue")!.Rating));
            Assert.Equal(0m, Score(ScoreWeights.Default, Figures("A", 99m, 0m, 0, 0, null)).Single().Component("Revenue")!.Rating);
        }

        [Fact]
        public void Revenue_is_ranked_as_shown_in_the_currency_s_minor_units()
        {
            // 10.004 and 10.001 both show as 10.00: they tie (each has 1 of 2 others below).
            var scores = Score(ScoreWeights.Default, Figures("A", 10.004m, 0m, 0, 0, null), Figures("B", 10.001m, 0m, 0, 0, null), Figures("C", 1m, 0m, 0, 0, null));
            Assert.Equal(new[] { 0.5m, 0.5m, 0m }, scores.OrderBy(s => s.Partner).Select(s => s.Component("Revenue")!.Rating).ToArray());
            Assert.Equal(10.00m, scores.Single(s => s.Partner == "A").Component("Revenue")!.Value);
        }

        [Fact]
        public void Certified_rates_against_the_rule_s_minimum_capped_at_1()
        {
            var scores = Score(ScoreWeights.Default, Figures("A", 0m, 0m, 3, 4, null), Figures("B", 0m, 0m, 6, 4, null), Figures("C", 0m, 0m, 0, 0, null), Figures("D", 0m, 0m, 1, 0, null));
            Assert.Equal(new[] { 0.75m, 1m, 0m, 1m }, scores.OrderBy(s => s.Partner).Select(s => s.Component("Certified")!.Rating).ToArray());
        }

        [Fact]
        public void Equal_scores_are_in_name_order()
        {
            var scores = Score(ScoreWeights.Default, Figures("Zeta", 0m, 0m, 0, 0, null), Figures("alpha", 0m, 0m, 0, 0, null), Figures("Ärger", 0m, 0m, 0, 0, null));
            Assert.Equal(new[] { "alpha", "Ärger", "Zeta" }, scores.Select(s => s.Partner).ToArray());
        }

        [Fact]
        public void Weights_are_scaled_to_sum_1_and_missing_ones_weigh_0()
        {
            var weights = ScoreWeights.From(Entries(("revenue", 2), ("GROWTH", 2.0)));
            var score = Score(weights, Figures("A", 10m, 5m, 0, 0, AsOf), Figures("B", 20m, 5m, 0, 0, AsOf)).Single(s => s.Partner == "B");
            Assert.Equal(new[] { 0.5m, 0.5m, 0m, 0m }, score.Components.Select(c => c.Weight).ToArray());
            Assert.Equal(new[] { 50m, 50m, 0m, 0m }, score.Components.Select(c => c.Points).ToArray());
            Assert.Equal(100m, score.Score);
        }

        [Fact]
        public void Thirds_show_four_decimals_and_score_from_the_exact_weights()
        {
            var weights = ScoreWeights.From(Entries(("Revenue", 1), ("Growth", 1L), ("Certified", "1")));
            var score = Score(weights, Figures("A", 10m, 10m, 1, 1, null)).Single();
            Assert.Equal(new[] { 0.3333m, 0.3333m, 0.3333m, 0m }, score.Components.Select(c => c.Weight).ToArray());

            // 0 + 0.5/3 + 1/3 = 50.
            Assert.Equal(new[] { 0m, 16.7m, 33.3m, 0m }, score.Components.Select(c => c.Points).ToArray());
            Assert.Equal(50.0m, score.Score);
        }

        [Fact]
        public void The_default_weights_are_the_issue_s()
        {
            Assert.Equal(new[] { 0.4m, 0.2m, 0.2m, 0.2m }, Enumerable.Range(0, 4).Select(i => ScoreWeights.Default[i]).ToArray());
        }

        [Theory]
        [InlineData("Revnue", 1, "Weights key 'Revnue' is not valid: it is not a scorecard component; the keys are Revenue, Growth, Certified and Activation.")]
        [InlineData("Growth", -0.5, "Weights value '-0.5' of Growth is not valid: a weight cannot be negative; give 0 to leave Growth out.")]
        [InlineData("Growth", "much", "Weights value 'much' of Growth is not valid: a weight is a number of 0 or more, such as 0.25.")]
        [InlineData("Growth", double.NaN, "Weights value 'NaN' of Growth is not valid: a weight is a number of 0 or more, such as 0.25.")]
        [InlineData("Growth", null, "Weights value '$null' of Growth is not valid: a weight is a number of 0 or more, such as 0.25.")]
        [InlineData("Growth", 1e300, "Weights value '1E+300' of Growth is not valid: it is too large; a weight is at most 1,000,000*")]
        [InlineData("Growth", "1e40", "Weights value '1e40' of Growth is not valid: it is too large; a weight is at most 1,000,000*")]
        [InlineData("Growth", "79228162514264337593543950335", "Weights value '79228162514264337593543950335' of Growth is not valid: it is too large*")]
        [InlineData("Growth", 0, "Weights is not valid: no weight is above 0 (Revenue=0, Growth=0, Certified=0, Activation=0)*")]
        public void Bad_weights_are_refused_naming_the_key_or_value(string key, object? value, string message)
        {
            var ex = TestSupport.ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ScoreWeights.From(Entries((key, value))));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            if (message.EndsWith("*", StringComparison.Ordinal))
            {
                Assert.StartsWith(message.TrimEnd('*'), ex.Message);
            }
            else
            {
                Assert.Equal(message, ex.Message);
            }
        }

        [Fact]
        public void No_weights_at_all_and_a_key_twice_are_refused()
        {
            TestSupport.ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ScoreWeights.From(Entries()));
            var twice = TestSupport.ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ScoreWeights.From(Entries(("Growth", 1), ("growth", 2))));
            Assert.Contains("Growth is given twice", twice.Message);
        }

        [Fact]
        public void Totals_convert_each_currency_and_year_with_that_year_s_rate()
        {
            var converter = new CurrencyConverter(
                new[]
                {
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2025, Rate = 1.1m },
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2026, Rate = 1.2m },
                    new ExchangeRate { From = "USD", To = "JPY", Year = 2026, Rate = 150m },
                },
                "USD");
            var totals = ScorecardMeasurer.Totals(
                new (long, string, int, decimal)[] { (1, "EUR", 2025, 10000), (1, "EUR", 2026, 5000), (1, "USD", 2026, 1234), (2, "JPY", 2026, 300) },
                converter,
                "USD");
            Assert.Equal(110m + 60m + 12.34m, totals[1]);
            Assert.Equal(2m, totals[2]);
            Assert.False(totals.ContainsKey(3));
            var missing = TestSupport.ThrowsPartnerOps(
                ErrorIds.ExchangeRateMissing,
                () => ScorecardMeasurer.Totals(new (long, string, int, decimal)[] { (1, "EUR", 2024, 1) }, converter, "USD"));
            Assert.Contains("EUR to USD for 2024", missing.Message);
        }

        private static IEnumerable<KeyValuePair<object?, object?>> Entries(params (string Key, object? Value)[] entries) =>
            entries.Select(e => new KeyValuePair<object?, object?>(e.Key, e.Value)).ToList();
    }
}
