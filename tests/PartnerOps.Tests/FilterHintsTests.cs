using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class FilterHintsTests
    {
        [Theory]
        // By hand: equal strings 0; one substitution; one insertion; one deletion; one swap of neighbours (Damerau);
        // 'ca' -> 'abc' is 3 in the optimal string alignment distance (the swap may not be edited again; 2 in unrestricted Damerau).
        [InlineData("", "", 0)]
        [InlineData("", "abc", 3)]
        [InlineData("abc", "", 3)]
        [InlineData("emea", "emea", 0)]
        [InlineData("emea", "emaa", 1)]
        [InlineData("apac", "apacx", 1)]
        [InlineData("apac", "pac", 1)]
        [InlineData("westren europe", "western europe", 1)]   // 're' / 'er' swapped
        [InlineData("westren europe", "eastern europe", 3)]   // w->e, e->a, then 're' / 'er' swapped
        [InlineData("ca", "abc", 3)]
        [InlineData("kitten", "sitting", 3)]                   // the textbook Levenshtein example: k->s, e->i, +g
        [InlineData("dk", "de", 1)]
        public void EditDistance_is_the_optimal_string_alignment_distance(string a, string b, int expected)
        {
            Assert.Equal(expected, FilterHints.EditDistance(a, b));
            Assert.Equal(expected, FilterHints.EditDistance(b, a));
        }

        [Fact]
        public void EditDistance_refuses_null()
        {
            Assert.Throws<ArgumentNullException>(() => FilterHints.EditDistance(null!, "a"));
            Assert.Throws<ArgumentNullException>(() => FilterHints.EditDistance("a", null!));
        }

        [Theory]
        // A quarter of the key's length, at least 1: 14 characters allow 3 edits, 4 allow 1, 2 allow 1.
        [InlineData("westren europe", 3)]
        [InlineData("emea", 1)]
        [InlineData("de", 1)]
        [InlineData("x", 1)]
        [InlineData("enterprize", 2)]
        public void MaxDistance_is_a_quarter_of_the_key_at_least_one(string key, int expected)
        {
            Assert.Equal(expected, FilterHints.MaxDistance(key));
        }

        [Fact]
        public void Closest_names_at_most_three_within_reach_closest_first()
        {
            var known = new[] { "eastern europe", "western europe", "northern europe", "southern europe", "china", "north america" };

            // western 1, eastern 3; northern 'westren' -> 'northern' is more than 3; 'china' far.
            Assert.Equal(new[] { "western europe", "eastern europe" }, FilterHints.Closest("westren europe", known));
            Assert.Empty(FilterHints.Closest("asia", known));

            // Ties keep ordinal order, and no more than three are named: 'aa' is 1 from each of these four.
            Assert.Equal(new[] { "ab", "ac", "ad" }, FilterHints.Closest("aa", new[] { "ae", "ad", "ac", "ab" }));
        }

        [Fact]
        public void Unknown_skips_values_that_match_by_key_and_wildcards_and_names_each_unknown_once()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var partners = new PartnerRepository(store);
            partners.Add(new Partner { Name = "A", Region = "Western Europe", Country = "DE" });
            partners.Add(new Partner { Name = "B", Region = "Eastern Europe", Country = "PL" });

            var found = store.UnknownFilterValues(HintedFilter.PartnerRegion, new[] { "WESTERN EUROPE", "West*", "Westren Europe", "westren europe", "Asia" });

            Assert.Equal(new[] { "Westren Europe", "Asia" }, found.Select(f => f.Value).ToArray());
            Assert.Equal("No partner has region 'Westren Europe'; closest: 'Western Europe', 'Eastern Europe'.", found[0].Message);
            Assert.Equal("No partner has region 'Asia', and none of the 2 in use is close to it.", found[1].Message);

            var country = Assert.Single(store.UnknownFilterValues(HintedFilter.PartnerCountry, new[] { "de", "DK" }));
            Assert.StartsWith("No partner has country 'DK'; closest: 'DE'", country.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_cross_rate_asks_for_the_missing_legs_through_the_reporting_currency()
        {
            var rates = new[]
            {
                new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.1m },
                new ExchangeRate { From = "USD", To = "GBP", Year = 2016, Rate = 0.8m },
            };
            var converter = new CurrencyConverter(rates, "USD");

            // Source -> reporting present, reporting -> target missing: only USD -> JPY is asked for.
            var toJpy = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Convert(1m, "EUR", "JPY", 2015));
            Assert.Contains("USD→JPY is missing", toJpy.Message, StringComparison.Ordinal);
            Assert.Contains("Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>", toJpy.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("-From EUR -To JPY", toJpy.Message, StringComparison.Ordinal);
            Assert.Equal("USD/JPY 2015", toJpy.Target);

            // Source -> reporting missing, reporting -> target present (2016): only CHF -> USD.
            var fromChf = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Convert(1m, "CHF", "GBP", 2016));
            Assert.Contains("CHF→USD is missing", fromChf.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("-To GBP", fromChf.Message, StringComparison.Ordinal);

            // Both legs missing: both asked for.
            var both = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Convert(1m, "CHF", "JPY", 2015));
            Assert.Contains("CHF→USD and USD→JPY are missing", both.Message, StringComparison.Ordinal);
            Assert.Equal("CHF/USD 2015, USD/JPY 2015", both.Target);

            // From or to the reporting currency: the one direct rate.
            var fromReporting = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Convert(1m, "USD", "JPY", 2015));
            Assert.Equal("There is no exchange rate from USD to JPY for 2015. Add it with: Set-PartnerExchangeRate -From USD -To JPY -Year 2015 -Rate <rate>", fromReporting.Message);
            var toReporting = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Convert(1m, "EUR", "USD", 2016));
            Assert.Equal("There is no exchange rate from EUR to USD for 2016. Add it with: Set-PartnerExchangeRate -From EUR -To USD -Year 2016 -Rate <rate>", toReporting.Message);
        }
    }
}
