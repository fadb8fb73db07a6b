using System;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Issue 12, kind 5: conversions divide once, period shifts keep month ends, ISO 4217 codes have dates and digits.</summary>
    public sealed class MoneyAndTimeTests
    {
        private static DateTime D(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        [Theory]
        // amount USD, GBP->USD rate, exact GBP (hand: amount / rate)
        [InlineData("1234.59", "1.2", "1028.825")]
        [InlineData("0.03", "1.2", "0.025")]
        [InlineData("2.01", "1.2", "1.675")]
        [InlineData("-0.63", "1.2", "-0.525")]
        public void An_inverse_conversion_divides_by_the_stored_rate(string amount, string rate, string expected)
        {
            var converter = new CurrencyConverter(new[] { new ExchangeRate { From = "GBP", To = "USD", Year = 2015, Rate = decimal.Parse(rate, CultureInfo.InvariantCulture) } }, "USD");
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), converter.Convert(decimal.Parse(amount, CultureInfo.InvariantCulture), "USD", "GBP", 2015));
            Assert.Equal((1m, 1.2m), converter.Factors("USD", "GBP", 2015));
        }

        [Fact]
        public void A_cross_conversion_multiplies_and_divides_by_stored_rates()
        {
            var converter = new CurrencyConverter(
                new[]
                {
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.1m },
                    new ExchangeRate { From = "GBP", To = "USD", Year = 2015, Rate = 1.2m },
                },
                "USD");
            // 0.06 EUR * 1.1 / 1.2 = 0.055 GBP exactly; 0.055 GBP * 1.2 / 1.1 = 0.06 EUR
            Assert.Equal(0.055m, converter.Convert(0.06m, "EUR", "GBP", 2015));
            Assert.Equal(0.06m, converter.Convert(0.055m, "GBP", "EUR", 2015));
            Assert.Equal((1.1m, 1.2m), converter.Factors("EUR", "GBP", 2015));
        }

        [Theory]
        [InlineData("2017-02-28", "2016-02-29")]
        [InlineData("2016-02-29", "2015-02-28")]
        [InlineData("2016-02-28", "2015-02-28")]
        [InlineData("2017-04-30", "2016-04-30")]
        [InlineData("2016-12-31", "2015-12-31")]
        [InlineData("2016-03-15", "2015-03-15")]
        public void A_period_end_a_year_earlier_keeps_the_month_end(string end, string earlier)
        {
            Assert.Equal(D(earlier), RevenueFilter.EndYearEarlier(D(end)));
        }

        [Theory]
        [InlineData("2016-02-29", "2015-02-28")]
        [InlineData("2016-03-01", "2015-03-01")]
        [InlineData("2017-03-01", "2016-03-01")]
        [InlineData("2016-01-01", "2015-01-01")]
        [InlineData("2016-02-28", "2015-02-28")]
        public void A_period_start_a_year_earlier_is_the_same_day_and_29_February_is_28_February(string start, string earlier)
        {
            Assert.Equal(D(earlier), RevenueFilter.StartYearEarlier(D(start)));
        }

        [Theory]
        [InlineData("CLF", 4)]
        [InlineData("UYW", 4)]
        [InlineData("UYI", 0)]
        [InlineData("VED", 2)]
        [InlineData("HRK", 2)]
        [InlineData("ITL", 0)]
        [InlineData("BYR", 0)]
        [InlineData("KWD", 3)]
        [InlineData("ISK", 0)]
        public void Minor_digits_come_from_ISO_4217_lists_one_and_three(string code, int digits)
        {
            Assert.Equal(digits, RevenueRules.MinorDigits(code));
        }

        [Theory]
        [InlineData("HRK", "2023-01-31", true)]
        [InlineData("HRK", "2023-02-01", false)]
        [InlineData("VED", "2021-09-30", false)]
        [InlineData("VED", "2021-10-01", true)]
        [InlineData("USD", "1900-01-01", true)]
        [InlineData("DEM", "2002-03-31", true)]
        [InlineData("DEM", "2002-04-01", false)]
        public void A_code_is_valid_between_its_introduction_and_its_withdrawal(string code, string date, bool valid)
        {
            Assert.Equal(valid, CurrencyCodes.ProblemOn(code, D(date)) == null);
            if (!valid)
            {
                ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => CurrencyCodes.Require(code, D(date)));
            }
        }

        [Fact]
        public void Current_codes_are_those_without_a_withdrawal_and_every_code_is_three_letters()
        {
            Assert.All(CurrencyCodes.Known, c => Assert.Matches("^[A-Z]{3}$", c.Code));
            Assert.Contains(CurrencyCodes.Known, c => c.Code == "CLF");
            Assert.DoesNotContain("USN", CurrencyCodes.All); // a fund code: accepted, not offered by completion
            Assert.DoesNotContain("HRK", CurrencyCodes.All);
            Assert.Equal(CurrencyCodes.Known.Count, CurrencyCodes.Known.Select(c => c.Code).Distinct().Count());
        }

        [Fact]
        public void Amounts_of_four_digit_currencies_are_stored_in_ten_thousandths()
        {
            Assert.Equal(12345L, RevenueRules.ToMinorUnits(1.2345m, "CLF"));
            Assert.Equal(1.2345m, RevenueRules.FromMinorUnits(12345, "CLF"));
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => RevenueRules.ToMinorUnits(1.23456m, "CLF"));
            // The largest amount in CLF still fits: 999,999,999,999.99 * 10^4 < 2^63
            Assert.Equal(9_999_999_999_999_900L, RevenueRules.ToMinorUnits(RevenueRules.MaxAmount, "CLF"));
        }
    }
}
