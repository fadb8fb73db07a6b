using System;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class RevenueRulesTests
    {
        [Theory]
        [InlineData("USD", 2)]
        [InlineData("EUR", 2)]
        [InlineData("GBP", 2)]
        [InlineData("JPY", 0)]
        [InlineData("KRW", 0)]
        [InlineData("BHD", 3)]
        [InlineData("KWD", 3)]
        public void MinorDigits_follows_ISO_4217(string currency, int digits)
        {
            Assert.Equal(digits, RevenueRules.MinorDigits(currency));
        }

        [Theory]
        [InlineData("10.50", "USD", 1050)]
        [InlineData("10.5", "USD", 1050)]
        [InlineData("10.500", "USD", 1050)]
        [InlineData("0.01", "USD", 1)]
        [InlineData("0", "USD", 0)]
        [InlineData("1050", "JPY", 1050)]
        [InlineData("1050.0", "JPY", 1050)]
        [InlineData("1.234", "BHD", 1234)]
        [InlineData("1.05", "BHD", 1050)]
        [InlineData("-10.50", "USD", -1050)]
        [InlineData("-0.01", "EUR", -1)]
        [InlineData("-7", "JPY", -7)]
        public void ToMinorUnits_counts_whole_minor_units_of_the_currency(string amount, string currency, long minor)
        {
            Assert.Equal(minor, RevenueRules.ToMinorUnits(Money(amount), currency));
        }

        [Theory]
        [InlineData("10.505", "USD", "2 decimal places")]
        [InlineData("0.001", "EUR", "2 decimal places")]
        [InlineData("10.5", "JPY", "no minor unit")]
        [InlineData("1.2345", "BHD", "3 decimal places")]
        [InlineData("-0.005", "USD", "2 decimal places")]
        public void An_amount_with_more_decimals_than_its_currency_has_is_InvalidAmount_naming_amount_and_currency(string amount, string currency, string reason)
        {
            var value = Money(amount);
            var ex = ThrowsPartnerOps(ErrorIds.InvalidAmount, () => RevenueRules.ToMinorUnits(value, currency));

            Assert.Contains(amount, ex.Message, StringComparison.Ordinal);
            Assert.Contains(currency, ex.Message, StringComparison.Ordinal);
            Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
            Assert.Equal(value, ex.Target);
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
        }

        [Theory]
        [InlineData("7922816251426433759354395033", "USD", null)] // near decimal.MaxValue: scaling to cents would overflow
        [InlineData("79228162514264337593543950335", "KWD", null)]
        [InlineData("100.005", "USD", "USD has 2 decimal places")]
        [InlineData("1.5", "JPY", "JPY has no minor unit")]
        public void Problem_names_a_fraction_the_currency_cannot_hold_and_never_overflows(string amount, string currency, string? problem)
        {
            var found = RevenueRules.Problem(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);
            if (problem == null)
            {
                Assert.Null(found);
            }
            else
            {
                Assert.StartsWith(problem, found, System.StringComparison.Ordinal);
            }
        }

        [Fact]
        public void The_largest_amount_is_allowed_and_one_cent_more_is_InvalidAmount()
        {
            Assert.Equal(99_999_999_999_999L, RevenueRules.ToMinorUnits(RevenueRules.MaxAmount, "USD"));
            Assert.Equal(-99_999_999_999_999L, RevenueRules.ToMinorUnits(-RevenueRules.MaxAmount, "USD"));

            var over = RevenueRules.MaxAmount + 0.01m;
            var ex = ThrowsPartnerOps(ErrorIds.InvalidAmount, () => RevenueRules.ToMinorUnits(over, "USD"));
            Assert.Contains("1000000000000.00 USD", ex.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => RevenueRules.ToMinorUnits(-over, "EUR"));
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => RevenueRules.ToMinorUnits(decimal.MaxValue, "JPY"));
        }

        [Theory]
        [InlineData(1050, "USD", "10.50")]
        [InlineData(1000, "USD", "10.00")]
        [InlineData(0, "USD", "0.00")]
        [InlineData(-1, "USD", "-0.01")]
        [InlineData(1050, "JPY", "1050")]
        [InlineData(1050, "BHD", "1.050")]
        [InlineData(-1, "BHD", "-0.001")]
        [InlineData(99_999_999_999_999L, "USD", "999999999999.99")]
        public void FromMinorUnits_keeps_the_currency_s_decimal_places(long minor, string currency, string shown)
        {
            Assert.Equal(shown, RevenueRules.FromMinorUnits(minor, currency).ToString(CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("12.345", "USD", "12.35")]
        [InlineData("-12.345", "USD", "-12.35")]
        [InlineData("12.344999", "USD", "12.34")]
        [InlineData("12.5", "JPY", "13")]
        [InlineData("0.0005", "BHD", "0.001")]
        public void Round_rounds_half_away_from_zero_to_the_currency_s_minor_unit(string amount, string currency, string rounded)
        {
            Assert.Equal(Money(rounded), RevenueRules.Round(Money(amount), currency));
        }

        [Fact]
        public void Ten_thousand_records_of_ten_cents_measure_to_exactly_one_thousand()
        {
            // The data set is one that floating point gets wrong.
            Assert.NotEqual(1000.0, Enumerable.Repeat(0.1, 10_000).Sum());

            using var db = new TempDatabase();
            using var store = db.Open();
            var revenue = Revenue(store);
            store.BeginWrite();
            for (var i = 0; i < 10_000; i++)
            {
                revenue.Add(DirectSale("Western Europe", Day(2015, 1, 1).AddDays(i % 365), 0.10m));
            }

            store.Commit();

            var measure = Assert.Single(new RevenueMeasurer(store).Measure(new RevenueMeasureRequest()));
            Assert.Equal(10_000, measure.Count);
            Assert.Equal(1000.00m, measure.Total);
            Assert.Equal("1000.00", measure.Total.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(0.10m, measure.Average);
            Assert.Equal(0.10m, measure.Minimum);
            Assert.Equal(0.10m, measure.Maximum);

            var read = revenue.Find(new RevenueFilter()).Select(r => r.Amount).ToList();
            Assert.Equal(10_000, read.Count);
            Assert.Equal("1000.00", read.Sum().ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Thirty_one_records_of_a_hundred_million_measure_to_exactly_3_1_billion()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var revenue = Revenue(store);
            for (var i = 0; i < 31; i++)
            {
                revenue.Add(DirectSale("China", Day(2014, 1, 1).AddDays(i), 100_000_000.00m));
            }

            var byTotals = Assert.Single(new RevenueMeasurer(store).Measure(new RevenueMeasureRequest()));
            Assert.Equal(3_100_000_000.00m, byTotals.Total);
            Assert.Equal("3100000000.00", byTotals.Total.ToString(CultureInfo.InvariantCulture));

            var byRows = Assert.Single(new RevenueMeasurer(store).Measure(Request(RevenueGroupKey.Month)));
            Assert.Equal(3_100_000_000.00m, byRows.Total);
        }

        [Fact]
        public void Records_with_cents_that_add_up_to_3_1_billion_measure_exactly()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var revenue = Revenue(store);
            var amounts = new[] { 1_000_000_000.33m, 1_000_000_000.33m, 1_099_999_999.33m, 0.01m, -0.01m, 0.01m };
            foreach (var amount in amounts)
            {
                revenue.Add(DirectSale("China", Day(2014, 6, 1), amount));
            }

            Assert.Equal(3_100_000_000.00m, amounts.Sum());
            var measure = Assert.Single(new RevenueMeasurer(store).Measure(new RevenueMeasureRequest()));
            Assert.Equal(3_100_000_000.00m, measure.Total);
            Assert.Equal(6, measure.Count);
            Assert.Equal(-0.01m, measure.Minimum);
            Assert.Equal(1_099_999_999.33m, measure.Maximum);
            Assert.Equal(516_666_666.67m, measure.Average);
            Assert.Equal(3_100_000_000.00m, revenue.Find(new RevenueFilter()).Sum(r => r.Amount));
        }
    }
}
