using System;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class ExchangeRateTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly ExchangeRateRepository _rates;

        public ExchangeRateTests()
        {
            _store = _db.Open();
            _rates = new ExchangeRateRepository(_store, () => Now);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private static string Show(ExchangeRate rate) => rate.ToString();

        [Fact]
        public void Set_stores_a_rate_with_upper_cased_codes_and_returns_it()
        {
            var stored = _rates.Set("gbp", " usd ", 2014, 1.55m);

            Assert.Equal("2014: 1 GBP = 1.55 USD", Show(stored));
            Assert.Equal(new[] { "2014: 1 GBP = 1.55 USD" }, _rates.Find().Select(Show).ToArray());
        }

        [Fact]
        public void Set_on_the_same_pair_and_year_replaces_the_rate()
        {
            _rates.Set("GBP", "USD", 2014, 1.55m);
            _rates.Set("GBP", "USD", 2015, 1.52m);

            _rates.Set("gbp", "USD", 2014, 1.65m);

            Assert.Equal(new[] { "2014: 1 GBP = 1.65 USD", "2015: 1 GBP = 1.52 USD" }, _rates.Find().Select(Show).ToArray());
        }

        [Fact]
        public void Rates_keep_every_decimal_they_were_given()
        {
            _rates.Set("EUR", "USD", 2015, 1.109500000123456789m);

            Assert.Equal(1.109500000123456789m, _rates.Find().Single().Rate);
            Assert.Equal("1.109500000123456789", _rates.Find().Single().Rate.ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Find_filters_by_from_to_and_year_and_sorts_by_pair_and_year()
        {
            _rates.Set("GBP", "USD", 2015, 1.52m);
            _rates.Set("GBP", "USD", 2014, 1.55m);
            _rates.Set("EUR", "USD", 2014, 1.33m);
            _rates.Set("USD", "CNY", 2014, 6.16m);
            _rates.Set("EUR", "GBP", 2015, 0.73m);

            Assert.Equal(
                new[] { "2015: 1 EUR = 0.73 GBP", "2014: 1 EUR = 1.33 USD", "2014: 1 GBP = 1.55 USD", "2015: 1 GBP = 1.52 USD", "2014: 1 USD = 6.16 CNY" },
                _rates.Find().Select(Show).ToArray());
            Assert.Equal(new[] { "2014: 1 GBP = 1.55 USD", "2015: 1 GBP = 1.52 USD" }, _rates.Find(from: "gbp").Select(Show).ToArray());
            Assert.Equal(new[] { "2015: 1 EUR = 0.73 GBP" }, _rates.Find(to: "GBP").Select(Show).ToArray());
            Assert.Equal(new[] { "2014: 1 EUR = 1.33 USD", "2014: 1 GBP = 1.55 USD", "2014: 1 USD = 6.16 CNY" }, _rates.Find(years: new[] { 2014 }).Select(Show).ToArray());
            Assert.Equal(new[] { "2015: 1 GBP = 1.52 USD" }, _rates.Find("GBP", "USD", new[] { 2015, 2016 }).Select(Show).ToArray());
            Assert.Empty(_rates.Find(years: new[] { 2013 }));
        }

        [Theory]
        [InlineData("GBP", "GBP", 2014, "1.5")]
        [InlineData("gbp", "GBP", 2014, "1.5")]
        [InlineData("GBP", "USD", 2014, "0")]
        [InlineData("GBP", "USD", 2014, "-1.55")]
        [InlineData("GBP", "USD", 2014, "1000000000.01")]
        [InlineData("GBP", "USD", 1899, "1.55")]
        [InlineData("GBP", "USD", 3000, "1.55")]
        public void An_impossible_rate_is_InvalidExchangeRate_and_nothing_is_stored(string from, string to, int year, string rate)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidExchangeRate, () => _rates.Set(from, to, year, Money(rate)));

            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Empty(_rates.Find());
        }

        [Fact]
        public void The_largest_rate_is_allowed()
        {
            Assert.Equal(ExchangeRateRules.MaxRate, _rates.Set("USD", "VND", 2999, ExchangeRateRules.MaxRate).Rate);
            Assert.Equal(0.000001m, _rates.Set("VND", "USD", 1900, 0.000001m).Rate);
        }

        [Theory]
        [InlineData("XXX", "USD")]
        [InlineData("GBP", "US")]
        [InlineData("", "USD")]
        public void An_unknown_currency_code_is_InvalidCurrencyCode(string from, string to)
        {
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => _rates.Set(from, to, 2014, 1.5m));
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => _rates.Find(from, to).ToList());
        }

        [Fact]
        public void The_converter_uses_the_rate_as_stored()
        {
            var converter = new CurrencyConverter(new[] { new ExchangeRate { From = "GBP", To = "USD", Year = 2014, Rate = 1.55m } }, "USD");

            Assert.Equal(1.55m, converter.Rate("GBP", "USD", 2014));
            Assert.Equal(1m, converter.Rate("USD", "USD", 2014));
            Assert.Equal(1m, converter.Rate("CNY", "CNY", 1999));
        }

        [Fact]
        public void The_converter_uses_the_inverse_of_a_rate_the_other_way_round()
        {
            var converter = new CurrencyConverter(new[] { new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.25m } }, "USD");

            Assert.Equal(0.8m, converter.Rate("USD", "EUR", 2015));
        }

        [Fact]
        public void The_converter_goes_through_the_reporting_currency_when_there_is_no_direct_rate()
        {
            var converter = new CurrencyConverter(
                new[]
                {
                    new ExchangeRate { From = "GBP", To = "USD", Year = 2015, Rate = 1.5m },
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.25m },
                    new ExchangeRate { From = "USD", To = "CNY", Year = 2015, Rate = 6.2m },
                },
                "USD");

            Assert.Equal(1.2m, converter.Rate("GBP", "EUR", 2015));
            Assert.Equal(1.5m * 6.2m, converter.Rate("GBP", "CNY", 2015));
            Assert.Equal(1.25m * 6.2m, converter.Rate("EUR", "CNY", 2015));
        }

        [Fact]
        public void A_direct_rate_wins_over_the_cross_rate()
        {
            var converter = new CurrencyConverter(
                new[]
                {
                    new ExchangeRate { From = "GBP", To = "USD", Year = 2015, Rate = 1.5m },
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.25m },
                    new ExchangeRate { From = "GBP", To = "EUR", Year = 2015, Rate = 1.3m },
                },
                "USD");

            Assert.Equal(1.3m, converter.Rate("GBP", "EUR", 2015));
        }

        [Fact]
        public void A_missing_rate_is_ExchangeRateMissing_naming_both_currencies_and_the_year()
        {
            var converter = new CurrencyConverter(
                new[]
                {
                    new ExchangeRate { From = "GBP", To = "USD", Year = 2014, Rate = 1.55m },
                    new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.1m },
                },
                "USD");

            var otherYear = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Rate("GBP", "USD", 2016));
            Assert.Contains("GBP", otherYear.Message, StringComparison.Ordinal);
            Assert.Contains("USD", otherYear.Message, StringComparison.Ordinal);
            Assert.Contains("2016", otherYear.Message, StringComparison.Ordinal);
            Assert.Equal("GBP/USD 2016", otherYear.Target);
            Assert.Equal(FailureKind.InvalidOperation, otherYear.Kind);

            // A cross rate needs both legs in the same year.
            var oneLeg = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Rate("GBP", "EUR", 2015));
            Assert.Contains("from GBP to EUR for 2015", oneLeg.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Rate("CNY", "USD", 2015));
        }

        [Fact]
        public void The_repository_s_converter_has_every_stored_rate_and_the_database_s_currency()
        {
            using var db = new TempDatabase();
            using var store = SqliteDatabase.Create(db.Path_, "EUR");
            var rates = new ExchangeRateRepository(store);
            rates.Set("GBP", "EUR", 2015, 1.4m);
            rates.Set("USD", "EUR", 2015, 0.8m);

            var converter = rates.Converter();

            Assert.Equal(1.4m, converter.Rate("GBP", "EUR", 2015));
            Assert.Equal(1.75m, converter.Rate("GBP", "USD", 2015));
            ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => converter.Rate("GBP", "USD", 2014));
        }
    }
}
