using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Measures over small data sets whose answers are known by construction; a fresh database per test.</summary>
    public sealed partial class RevenueMeasurerTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly RevenueRepository _revenue;
        private readonly ExchangeRateRepository _rates;

        public RevenueMeasurerTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
            _revenue = Revenue(_store);
            _rates = new ExchangeRateRepository(_store, () => Now);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private IReadOnlyList<RevenueMeasure> Measure(RevenueMeasureRequest request) => new RevenueMeasurer(_store).Measure(request);

        private IReadOnlyList<RevenueMeasure> Measure(params RevenueGroupKey[] groupBy) => Measure(Request(groupBy));

        private static object?[] KeysOf(RevenueMeasure measure) => measure.Keys.Select(k => k.Value).ToArray();

        private static RevenueMeasure Only(IReadOnlyList<RevenueMeasure> measures, params object?[] keys) =>
            Assert.Single(measures, m => KeysOf(m).SequenceEqual(keys));

        [Fact]
        public void Without_GroupBy_one_measure_sums_everything()
        {
            _revenue.Add(DirectSale("China", Day(2015, 1, 10), 10.00m));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 2, 10), 20.00m));
            _revenue.Add(DirectSale("China", Day(2016, 3, 10), 45.50m));

            var measure = Assert.Single(Measure());

            Assert.Empty(measure.Keys);
            Assert.Equal(3, measure.Count);
            Assert.Equal(75.50m, measure.Total);
            Assert.Equal(25.17m, measure.Average);
            Assert.Equal(10.00m, measure.Minimum);
            Assert.Equal(45.50m, measure.Maximum);
            Assert.Equal(1m, measure.Share);
            Assert.Equal("USD", measure.Currency);
            Assert.Null(measure.PreviousTotal);
            Assert.Null(measure.Growth);
        }

        [Fact]
        public void An_empty_database_gives_one_measure_of_nothing()
        {
            var measure = Assert.Single(Measure());

            Assert.Equal(0, measure.Count);
            Assert.Equal(0m, measure.Total);
            Assert.Null(measure.Average);
            Assert.Null(measure.Minimum);
            Assert.Null(measure.Maximum);
            Assert.Null(measure.Share);
            Assert.Equal("USD", measure.Currency);
        }

        [Fact]
        public void A_filter_that_matches_nothing_gives_one_measure_of_nothing_without_GroupBy_and_no_measures_with_it()
        {
            _revenue.Add(DirectSale("China", Day(2015, 1, 10), 10.00m));
            var request = Request();
            request.Filter.Years.Add(1999);

            Assert.Equal(0, Assert.Single(Measure(request)).Count);

            request.GroupBy.Add(RevenueGroupKey.Region);
            Assert.Empty(Measure(request));
        }

        [Fact]
        public void GroupBy_Channel_tells_how_much_comes_through_partners()
        {
            var acme = _partners.Add(Draft("Acme", region: "Western Europe"));
            var beta = _partners.Add(Draft("Beta", region: "China"));
            _revenue.Add(Sale(acme, Day(2015, 3, 1), 50.00m));
            _revenue.Add(Sale(beta, Day(2015, 4, 1), 28.00m));
            _revenue.Add(DirectSale("China", Day(2015, 5, 1), 22.00m));

            var measures = Measure(RevenueGroupKey.Channel);

            Assert.Equal(new object?[] { RevenueChannel.Partner, RevenueChannel.Direct }, measures.Select(m => m[RevenueGroupKey.Channel]).ToArray());
            Assert.Equal(0.78m, measures[0].Share);
            Assert.Equal(0.22m, measures[1].Share);
            Assert.Equal(78.00m, measures[0].Total);
            Assert.Equal(2, measures[0].Count);
            Assert.Equal(22.00m, measures[1].Total);
        }

        [Fact]
        public void GroupBy_Region_gives_each_region_s_share()
        {
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 1_000_000_000.00m));
            _revenue.Add(DirectSale("China", Day(2015, 4, 1), 860_000_000.00m));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 5, 1), 740_000_000.00m));
            _revenue.Add(DirectSale("North America", Day(2015, 6, 1), 500_000_000.00m));

            var measures = Measure(RevenueGroupKey.Region);

            Assert.Equal(new object?[] { "China", "North America", "Western Europe" }, measures.Select(m => m[RevenueGroupKey.Region]).ToArray());
            Assert.Equal(0.6m, measures[0].Share);
            Assert.Equal(1_860_000_000.00m, measures[0].Total);
            Assert.Equal(3_100_000_000.00m, measures.Sum(m => m.Total));
        }

        [Fact]
        public void Amounts_in_other_currencies_are_converted_with_their_year_s_rate()
        {
            _rates.Set("GBP", "USD", 2014, 1.55m);
            _revenue.Add(DirectSale("China", Day(2014, 6, 1), 2_000_000_000.00m, currency: "GBP"));

            var measure = Assert.Single(Measure());

            Assert.Equal(3_100_000_000.00m, measure.Total);
            Assert.Equal(3_100_000_000.00m, measure.Minimum);
            Assert.Equal(3_100_000_000.00m, measure.Maximum);
            Assert.Equal("USD", measure.Currency);
        }

        [Fact]
        public void Each_year_is_converted_with_that_year_s_rate()
        {
            _rates.Set("EUR", "USD", 2014, 1.30m);
            _rates.Set("EUR", "USD", 2015, 1.10m);
            _revenue.Add(DirectSale("China", Day(2014, 6, 1), 100.00m, currency: "EUR"));
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 100.00m, currency: "EUR"));
            _revenue.Add(DirectSale("China", Day(2015, 7, 1), 10.00m));

            Assert.Equal(250.00m, Assert.Single(Measure()).Total);

            var byYear = Measure(RevenueGroupKey.Year);
            Assert.Equal(new object?[] { 2014, 2015 }, byYear.Select(m => m[RevenueGroupKey.Year]).ToArray());
            Assert.Equal(130.00m, byYear[0].Total);
            Assert.Equal(120.00m, byYear[1].Total);
            Assert.Equal(10.00m, byYear[1].Minimum);
            Assert.Equal(110.00m, byYear[1].Maximum);
            Assert.Equal(60.00m, byYear[1].Average);
        }

        [Fact]
        public void A_record_in_a_year_without_a_rate_is_ExchangeRateMissing_naming_the_pair_and_the_year()
        {
            _rates.Set("EUR", "USD", 2014, 1.30m);
            _rates.Set("EUR", "USD", 2015, 1.10m);
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 100.00m, currency: "EUR"));
            _revenue.Add(DirectSale("China", Day(2016, 6, 1), 100.00m, currency: "EUR"));

            var ex = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => Measure(RevenueGroupKey.Region));

            Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
            Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
            Assert.Contains("2016", ex.Message, StringComparison.Ordinal);

            // Records that are not measured need no rate.
            var only2015 = Request();
            only2015.Filter.Years.Add(2015);
            Assert.Equal(110.00m, Assert.Single(Measure(only2015)).Total);
        }

        [Fact]
        public void Measuring_in_another_currency_uses_the_inverse_rate()
        {
            _rates.Set("EUR", "USD", 2015, 1.25m);
            _rates.Set("EUR", "USD", 2016, 1.1m);
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 125.00m));
            _revenue.Add(DirectSale("China", Day(2015, 7, 1), 10.00m, currency: "EUR"));
            _revenue.Add(DirectSale("China", Day(2016, 6, 1), 110.00m));

            var request = Request(RevenueGroupKey.Year);
            request.Currency = "eur";
            var measures = Measure(request);

            Assert.All(measures, m => Assert.Equal("EUR", m.Currency));
            Assert.Equal(110.00m, measures[0].Total);
            Assert.Equal(100.00m, measures[0].Maximum);
            Assert.Equal(10.00m, measures[0].Minimum);
            Assert.Equal(100.00m, measures[1].Total);
            Assert.Equal(110.00m, measures[1].PreviousTotal);
            Assert.Equal(-0.090909m, measures[1].Growth);
        }

        [Fact]
        public void Measuring_in_an_unknown_currency_is_InvalidCurrencyCode()
        {
            var request = Request();
            request.Currency = "XXX";

            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => Measure(request));
        }

        [Fact]
        public void Converted_figures_are_rounded_to_the_minor_unit_of_the_measure_s_currency()
        {
            _rates.Set("EUR", "USD", 2015, 1.23456m);
            _rates.Set("USD", "JPY", 2015, 120.5m);
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m, currency: "EUR"));
            _revenue.Add(DirectSale("China", Day(2015, 7, 1), 10.00m, currency: "EUR"));

            var usd = Assert.Single(Measure());
            Assert.Equal("24.69", usd.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(12.35m, usd.Average);
            Assert.Equal(12.35m, usd.Minimum);
            Assert.Equal(12.35m, usd.Maximum);

            using var db = new TempDatabase();
            using var store = db.Open();
            new ExchangeRateRepository(store).Set("USD", "JPY", 2015, 120.5m);
            Revenue(store).Add(DirectSale("China", Day(2015, 6, 1), 0.99m));
            var request = Request();
            request.Currency = "JPY";
            var jpy = Assert.Single(new RevenueMeasurer(store).Measure(request));
            Assert.Equal("119", jpy.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("JPY", jpy.Currency);
        }
    }
}
