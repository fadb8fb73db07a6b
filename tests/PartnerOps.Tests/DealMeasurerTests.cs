using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The deal measurer's own arithmetic (issue 19; the counting and summing is SQL, tested through the module in
    /// tests/pester/Deals.Measure.Tests.ps1 on both backends): rows of a group added up, amounts converted with the rates of
    /// each row's registration year and rounded once, the win rate, the median days to close, one spelling per region key.
    /// </summary>
    public sealed class DealMeasurerTests
    {
        private static readonly DateTime AsOf = new DateTime(2015, 12, 31);

        // 1 GBP = 1.5 USD in 2014, 1.55 in 2015; 1 EUR = 1.25 USD in 2015; nothing for 2013.
        private static CurrencyConverter Rates() => new CurrencyConverter(
            new[]
            {
                new ExchangeRate { From = "GBP", To = "USD", Year = 2014, Rate = 1.5m },
                new ExchangeRate { From = "GBP", To = "USD", Year = 2015, Rate = 1.55m },
                new ExchangeRate { From = "EUR", To = "USD", Year = 2015, Rate = 1.25m },
            },
            "USD");

        private static DealSumRow Row(DealStatus status, long count, string? currency = null, decimal minor = 0m, int year = 2015, long? days = null, long noAmount = 0, params object?[] keys) =>
            new DealSumRow { Keys = keys, Status = status, Count = count, Currency = currency, Minor = minor, Year = year, DaysToClose = days, NoAmount = noAmount };

        private static DealMeasure One(IEnumerable<DealSumRow> rows, string currency = "USD") =>
            Assert.Single(DealMeasurer.Combine(Array.Empty<DealGroupKey>(), rows.ToList(), Rates(), currency, AsOf, "db"));

        [Fact]
        public void Counts_per_status_add_up_to_registered()
        {
            var m = One(new[]
            {
                Row(DealStatus.Submitted, 3, "USD", 300_00),
                Row(DealStatus.Approved, 2, "USD", 200_00),
                Row(DealStatus.Denied, 1, "USD", 50_00),
                Row(DealStatus.Won, 4, "USD", 1000_00, days: 30),
                Row(DealStatus.Lost, 1, "USD", 70_00, days: 10),
                Row(DealStatus.Expired, 5, "USD", 500_00),
                Row(DealStatus.Submitted, 2, noAmount: 2),
            });
            Assert.Equal((5L, 2L, 1L, 4L, 1L, 5L), (m.Submitted, m.Approved, m.Denied, m.Won, m.Lost, m.Expired));
            Assert.Equal(18L, m.Registered);
            Assert.Equal(2L, m.AmountMissing);
            Assert.Equal(2120m, m.RegisteredAmount);   // 300 + 200 + 50 + 1000 + 70 + 500
            Assert.Equal((200m, 1000m, 70m, 500m), (m.ApprovedAmount, m.WonAmount, m.LostAmount, m.ExpiredAmount));
            Assert.Equal(0.8m, m.WinRate);               // 4 / (4 + 1)
            Assert.Equal(30m, m.MedianDaysToClose);      // 10, 30, 30, 30, 30
            Assert.Equal(("USD", AsOf, "db"), (m.Currency, m.AsOf, m.Database));
        }

        [Fact]
        public void Amounts_are_converted_with_the_rate_of_their_registration_year_and_rounded_once()
        {
            var m = One(new[]
            {
                Row(DealStatus.Won, 1, "GBP", 1000_00, year: 2014, days: 5),     // 1,000 GBP * 1.5 = 1,500 USD
                Row(DealStatus.Won, 1, "GBP", 1000_00, year: 2015, days: 5),     // 1,000 GBP * 1.55 = 1,550 USD
                Row(DealStatus.Approved, 1, "EUR", 0_01, year: 2015),            // 0.01 EUR * 1.25 = 0.0125 USD
                Row(DealStatus.Approved, 1, "EUR", 0_01, year: 2015),            // twice: 0.025, rounded once to 0.03
                Row(DealStatus.Lost, 1, "JPY", 0, year: 2015, days: 1, noAmount: 1),
            });
            Assert.Equal(3050m, m.WonAmount);
            Assert.Equal(0.03m, m.ApprovedAmount);
            Assert.Equal(3050.03m, m.RegisteredAmount);
            Assert.Equal(0m, m.LostAmount);
            Assert.Equal(1L, m.AmountMissing);
        }

        [Fact]
        public void Amounts_in_another_reporting_currency_go_through_the_stored_rates()
        {
            // 1,550 USD in GBP for 2015: 1,550 / 1.55 = 1,000 GBP; 125 EUR -> USD -> GBP: 125 * 1.25 / 1.55 = 100.806... GBP.
            var m = One(new[] { Row(DealStatus.Won, 1, "USD", 1550_00, days: 3), Row(DealStatus.Won, 1, "EUR", 125_00, days: 3) }, "GBP");
            Assert.Equal(1100.81m, m.WonAmount);
            Assert.Equal("GBP", m.Currency);
        }

        [Fact]
        public void A_rate_that_is_missing_is_ExchangeRateMissing_naming_pair_and_year()
        {
            var ex = Assert.Throws<PartnerOpsException>(() => One(new[] { Row(DealStatus.Submitted, 1, "GBP", 100, year: 2013) }));
            Assert.Equal(ErrorIds.ExchangeRateMissing, ex.ErrorId);
            Assert.Contains("GBP to USD for 2013", ex.Message);
        }

        [Fact]
        public void No_closed_deal_has_no_win_rate_and_no_median()
        {
            var m = One(new[] { Row(DealStatus.Approved, 2, "USD", 100), Row(DealStatus.Expired, 1, noAmount: 1) });
            Assert.Null(m.WinRate);
            Assert.Null(m.MedianDaysToClose);
            Assert.Equal(3L, m.Registered);
        }

        [Fact]
        public void Median_days_to_close_of_an_even_count_is_the_mean_of_the_middle_two_over_won_and_lost()
        {
            var m = One(new[]
            {
                Row(DealStatus.Won, 1, days: 10, noAmount: 1),
                Row(DealStatus.Lost, 2, days: 45, noAmount: 2),
                Row(DealStatus.Won, 1, days: 3, noAmount: 1),
            });
            Assert.Equal(27.5m, m.MedianDaysToClose);   // 3, 10, 45, 45
            Assert.Equal(0.5m, m.WinRate);
        }

        [Fact]
        public void A_win_rate_is_rounded_to_six_decimals()
        {
            var m = One(new[] { Row(DealStatus.Won, 2, days: 1, noAmount: 2), Row(DealStatus.Lost, 1, days: 1, noAmount: 1) });
            Assert.Equal(0.666667m, m.WinRate);
        }

        [Fact]
        public void Groups_join_the_spellings_of_a_region_and_are_sorted_by_their_keys_empty_last()
        {
            var keys = new[] { DealGroupKey.Region, DealGroupKey.Status };
            var rows = new[]
            {
                Row(DealStatus.Won, 1, "USD", 100_00, days: 1, keys: new object?[] { "Western Europe", DealStatus.Won }),
                Row(DealStatus.Won, 2, "USD", 200_00, days: 1, keys: new object?[] { "WESTERN EUROPE", DealStatus.Won }),
                Row(DealStatus.Submitted, 1, "USD", 5_00, keys: new object?[] { null, DealStatus.Submitted }),
                Row(DealStatus.Submitted, 4, "USD", 1_00, keys: new object?[] { "China", DealStatus.Submitted }),
                Row(DealStatus.Approved, 1, "USD", 1_00, keys: new object?[] { "Western Europe", DealStatus.Approved }),
            };
            var measures = DealMeasurer.Combine(keys, rows, Rates(), "USD", AsOf, null);
            Assert.Equal(
                new[] { "China/Submitted/4", "WESTERN EUROPE/Approved/1", "WESTERN EUROPE/Won/3", "/Submitted/1" },
                measures.Select(m => $"{m.Keys[0].Value}/{m.Keys[1].Value}/{m.Registered}").ToArray());
            var won = measures[2];
            Assert.Equal(300m, won.WonAmount);
            Assert.Equal(new[] { DealGroupKey.Region, DealGroupKey.Status }, won.Keys.Select(k => k.Key).ToArray());
        }

        [Fact]
        public void No_rows_give_no_measure()
        {
            Assert.Empty(DealMeasurer.Combine(new[] { DealGroupKey.Year }, Array.Empty<DealSumRow>(), Rates(), "USD", AsOf, null));
        }

        [Fact]
        public void A_key_given_twice_is_InvalidPartnerValue_naming_it()
        {
            var ex = Assert.Throws<PartnerOpsException>(() => DealMeasurer.CheckKeys(new[] { DealGroupKey.Year, DealGroupKey.Region, DealGroupKey.Year }));
            Assert.Equal(ErrorIds.InvalidPartnerValue, ex.ErrorId);
            Assert.Contains("GroupBy 'Year'", ex.Message);
            Assert.Contains("given twice", ex.Message);
        }
    }
}
