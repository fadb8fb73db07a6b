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
    public sealed class RevenueMeasurerTests : IDisposable
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

        private void AddRegionYears()
        {
            _revenue.Add(DirectSale("China", Day(2014, 6, 1), 100.00m));
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 100.00m));
            _revenue.Add(DirectSale("China", Day(2015, 9, 1), 50.00m));
            _revenue.Add(DirectSale("China", Day(2016, 6, 1), 120.00m));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 6, 1), 50.00m));
            _revenue.Add(DirectSale("North America", Day(2013, 6, 1), 10.00m));
            _revenue.Add(DirectSale("North America", Day(2015, 6, 1), 50.00m));
        }

        [Fact]
        public void GroupBy_Region_and_Year_compares_each_region_with_its_previous_year()
        {
            AddRegionYears();

            var measures = Measure(RevenueGroupKey.Region, RevenueGroupKey.Year);

            Assert.Equal(
                new[] { "China 2014", "China 2015", "China 2016", "North America 2013", "North America 2015", "Western Europe 2015" },
                measures.Select(m => $"{m[RevenueGroupKey.Region]} {m[RevenueGroupKey.Year]}").ToArray());
            Assert.Equal(new[] { RevenueGroupKey.Region, RevenueGroupKey.Year }, measures[0].Keys.Select(k => k.Key).ToArray());

            var china2015 = Only(measures, "China", 2015);
            Assert.Equal(150.00m, china2015.Total);
            Assert.Equal(100.00m, china2015.PreviousTotal);
            Assert.Equal(0.5m, china2015.Growth);

            var china2016 = Only(measures, "China", 2016);
            Assert.Equal(150.00m, china2016.PreviousTotal);
            Assert.Equal(-0.2m, china2016.Growth);

            // Nothing a year earlier: no comparison (a gap year is not bridged).
            Assert.Null(Only(measures, "China", 2014).PreviousTotal);
            Assert.Null(Only(measures, "China", 2014).Growth);
            Assert.Null(Only(measures, "North America", 2015).PreviousTotal);
            Assert.Null(Only(measures, "Western Europe", 2015).Growth);
        }

        [Fact]
        public void A_year_filter_still_compares_with_the_year_before_it_but_measures_and_shares_only_that_year()
        {
            AddRegionYears();
            var request = Request(RevenueGroupKey.Region, RevenueGroupKey.Year);
            request.Filter.Years.Add(2015);

            var measures = Measure(request);

            Assert.Equal(new object?[] { 2015, 2015, 2015 }, measures.Select(m => m[RevenueGroupKey.Year]).ToArray());
            var china = Only(measures, "China", 2015);
            Assert.Equal(100.00m, china.PreviousTotal);
            Assert.Equal(0.5m, china.Growth);
            Assert.Equal(0.6m, china.Share);
            Assert.Equal(0.2m, Only(measures, "Western Europe", 2015).Share);
            Assert.Equal(0.2m, Only(measures, "North America", 2015).Share);
            Assert.Null(Only(measures, "North America", 2015).PreviousTotal);
        }

        [Fact]
        public void GroupBy_Year_alone_compares_each_year_with_the_one_before()
        {
            AddRegionYears();

            var measures = Measure(RevenueGroupKey.Year);

            Assert.Equal(new object?[] { 2013, 2014, 2015, 2016 }, measures.Select(m => m[RevenueGroupKey.Year]).ToArray());
            Assert.Null(measures[0].PreviousTotal);
            Assert.Equal(10.00m, measures[1].PreviousTotal);
            Assert.Equal(9m, measures[1].Growth);
            Assert.Equal(100.00m, measures[2].PreviousTotal);
            Assert.Equal(1.5m, measures[2].Growth);
            Assert.Equal(250.00m, measures[3].PreviousTotal);
            Assert.Equal(-0.52m, measures[3].Growth);
        }

        [Fact]
        public void A_date_range_is_compared_with_the_same_dates_a_year_earlier()
        {
            _revenue.Add(DirectSale("China", Day(2014, 1, 15), 40.00m));
            _revenue.Add(DirectSale("China", Day(2014, 6, 1), 60.00m));
            _revenue.Add(DirectSale("China", Day(2015, 1, 15), 1000.00m));
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 150.00m));
            var request = Request(RevenueGroupKey.Year);
            request.Filter.From = Day(2015, 2, 1);
            request.Filter.To = Day(2015, 12, 31);

            var measure = Assert.Single(Measure(request));

            Assert.Equal(150.00m, measure.Total);
            Assert.Equal(60.00m, measure.PreviousTotal);
            Assert.Equal(1.5m, measure.Growth);
        }

        [Fact]
        public void Growth_is_null_when_the_previous_total_is_zero()
        {
            _revenue.Add(DirectSale("China", Day(2014, 6, 1), 10.00m));
            _revenue.Add(DirectSale("China", Day(2014, 7, 1), -10.00m));
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m));

            var measures = Measure(RevenueGroupKey.Year);

            Assert.Equal(0.00m, measures[1].PreviousTotal);
            Assert.Null(measures[1].Growth);
        }

        /// <summary>Partners and records for the grouping tests; everything totals 425.00.</summary>
        private void AddPartnersAndRecords()
        {
            var alpha = _partners.Add(Draft("Alpha", PartnerType.Reseller, PartnerTier.Platinum, region: "Western Europe", country: "GB"));
            var beta = _partners.Add(Draft("beta", PartnerType.Distributor, PartnerTier.Gold, region: "China", country: "CN"));
            var gamma = _partners.Add(Draft("Gamma", PartnerType.SystemIntegrator, PartnerTier.Registered, region: "North America", country: "US"));
            var delta = _partners.Add(Draft("delta", PartnerType.Reseller, PartnerTier.Silver, region: "China"));
            _revenue.Add(Sale(alpha, Day(2015, 2, 10), 100.00m));
            _revenue.Add(Sale(alpha, Day(2015, 5, 10), 50.00m, segment: "Carrier"));
            _revenue.Add(Sale(beta, Day(2015, 8, 10), 200.00m));
            _revenue.Add(Sale(gamma, Day(2014, 11, 10), 25.00m, segment: "consumer"));
            _revenue.Add(Sale(delta, Day(2015, 2, 20), 10.00m));
            _revenue.Add(DirectSale("China", Day(2015, 11, 30), 40.00m));
        }

        private static string[] Totals(IEnumerable<RevenueMeasure> measures, RevenueGroupKey key) =>
            measures.Select(m => $"{m[key] ?? "(none)"}={m.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{m.Count}").ToArray();

        [Fact]
        public void GroupBy_Partner_sorts_names_ignoring_case_with_direct_revenue_last()
        {
            AddPartnersAndRecords();

            Assert.Equal(new[] { "Alpha=150.00/2", "beta=200.00/1", "delta=10.00/1", "Gamma=25.00/1", "(none)=40.00/1" }, Totals(Measure(RevenueGroupKey.Partner), RevenueGroupKey.Partner));
        }

        [Fact]
        public void GroupBy_Tier_sorts_by_tier_order_not_by_name()
        {
            AddPartnersAndRecords();

            var measures = Measure(RevenueGroupKey.Tier);

            Assert.Equal(new[] { "Registered=25.00/1", "Silver=10.00/1", "Gold=200.00/1", "Platinum=150.00/2", "(none)=40.00/1" }, Totals(measures, RevenueGroupKey.Tier));
            Assert.IsType<PartnerTier>(measures[0][RevenueGroupKey.Tier]);
        }

        [Fact]
        public void GroupBy_Type_gives_partner_types_in_their_order()
        {
            AddPartnersAndRecords();

            var measures = Measure(RevenueGroupKey.Type);

            Assert.Equal(new[] { "Reseller=160.00/3", "Distributor=200.00/1", "SystemIntegrator=25.00/1", "(none)=40.00/1" }, Totals(measures, RevenueGroupKey.Type));
            Assert.IsType<PartnerType>(measures[0][RevenueGroupKey.Type]);
        }

        [Fact]
        public void GroupBy_Country_puts_partners_without_a_country_with_direct_revenue_last()
        {
            AddPartnersAndRecords();

            Assert.Equal(new[] { "CN=200.00/1", "GB=150.00/2", "US=25.00/1", "(none)=50.00/2" }, Totals(Measure(RevenueGroupKey.Country), RevenueGroupKey.Country));
        }

        [Fact]
        public void GroupBy_Segment_matches_segments_ignoring_case_and_sorts_them_ignoring_case()
        {
            AddPartnersAndRecords();
            _revenue.Add(DirectSale("China", Day(2015, 12, 1), 5.00m, segment: "carrier"));

            Assert.Equal(new[] { "Carrier=55.00/2", "consumer=25.00/1", "Enterprise=350.00/4" }, Totals(Measure(RevenueGroupKey.Segment), RevenueGroupKey.Segment));
        }

        [Fact]
        public void GroupBy_Quarter_and_Month_group_across_years()
        {
            AddPartnersAndRecords();

            var quarters = Measure(RevenueGroupKey.Quarter);
            Assert.Equal(new[] { "1=110.00/2", "2=50.00/1", "3=200.00/1", "4=65.00/2" }, Totals(quarters, RevenueGroupKey.Quarter));
            Assert.IsType<int>(quarters[0][RevenueGroupKey.Quarter]);
            Assert.Equal(new[] { "2=110.00/2", "5=50.00/1", "8=200.00/1", "11=65.00/2" }, Totals(Measure(RevenueGroupKey.Month), RevenueGroupKey.Month));
        }

        [Fact]
        public void GroupBy_Year_and_Quarter_gives_one_measure_per_quarter_of_each_year()
        {
            AddPartnersAndRecords();

            var measures = Measure(RevenueGroupKey.Year, RevenueGroupKey.Quarter);

            Assert.Equal(
                new[] { "2014 Q4 25.00", "2015 Q1 110.00", "2015 Q2 50.00", "2015 Q3 200.00", "2015 Q4 40.00" },
                measures.Select(m => $"{m[RevenueGroupKey.Year]} Q{m[RevenueGroupKey.Quarter]} {m.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray());
            Assert.Equal(25.00m, Only(measures, 2015, 4).PreviousTotal);
            Assert.Null(Only(measures, 2015, 1).PreviousTotal);
        }

        [Fact]
        public void Several_keys_sort_by_the_first_key_then_the_next()
        {
            AddPartnersAndRecords();

            var measures = Measure(RevenueGroupKey.Channel, RevenueGroupKey.Region);

            Assert.Equal(
                new[] { "Partner China 210.00", "Partner North America 25.00", "Partner Western Europe 150.00", "Direct China 40.00" },
                measures.Select(m => $"{m[RevenueGroupKey.Channel]} {m[RevenueGroupKey.Region]} {m.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToArray());
        }

        [Fact]
        public void Top_returns_the_largest_totals_largest_first_with_shares_of_everything()
        {
            AddPartnersAndRecords();

            var request = Request(RevenueGroupKey.Partner);
            request.Top = 2;
            var top = Measure(request);

            Assert.Equal(new[] { "beta=200.00/1", "Alpha=150.00/2" }, Totals(top, RevenueGroupKey.Partner));
            Assert.Equal(0.470588m, top[0].Share);
            Assert.Equal(0.352941m, top[1].Share);

            request.Top = 10;
            Assert.Equal(new[] { "beta=200.00/1", "Alpha=150.00/2", "(none)=40.00/1", "Gamma=25.00/1", "delta=10.00/1" }, Totals(Measure(request), RevenueGroupKey.Partner));

            request.Top = 0;
            Assert.Empty(Measure(request));
        }

        private void AddVariedRecords()
        {
            _rates.Set("EUR", "USD", 2014, 1.33m);
            _rates.Set("EUR", "USD", 2015, 1.11m);
            _rates.Set("EUR", "USD", 2016, 1.1m);
            _rates.Set("GBP", "USD", 2014, 1.55m);
            _rates.Set("GBP", "USD", 2015, 1.53m);
            _rates.Set("GBP", "USD", 2016, 1.35m);
            var regions = new[] { "China", "Western Europe", "North America", "Latin America" };
            var segments = new[] { "Enterprise", "Carrier", "Consumer" };
            var currencies = new[] { "USD", "EUR", "GBP" };
            var partners = new List<Partner>();
            for (var i = 0; i < 12; i++)
            {
                partners.Add(_partners.Add(Draft(
                    "Partner " + (char)('A' + i),
                    (PartnerType)(i % 5),
                    (PartnerTier)(i % 4),
                    region: regions[i % regions.Length],
                    country: i % 3 == 0 ? null : (i % 2 == 0 ? "CN" : "DE"))));
            }

            var random = new Random(31);
            _store.BeginWrite();
            for (var i = 0; i < 600; i++)
            {
                // Nothing on the first of January, so a range starting on the 2nd covers the same records.
                var date = Day(2014 + random.Next(3), 1, 2).AddDays(random.Next(363));
                var amount = random.Next(-2_000, 500_000) / 100m;
                var currency = currencies[random.Next(currencies.Length)];
                var segment = segments[random.Next(segments.Length)];
                if (random.Next(5) == 0)
                {
                    _revenue.Add(DirectSale(regions[random.Next(regions.Length)], date, amount, currency, segment));
                }
                else
                {
                    _revenue.Add(Sale(partners[random.Next(partners.Count)], date, amount, currency, segment, random.Next(4) == 0 ? regions[random.Next(regions.Length)] : null));
                }
            }

            _store.Commit();
        }

        private static readonly RevenueGroupKey[][] Groupings =
        {
            Array.Empty<RevenueGroupKey>(),
            new[] { RevenueGroupKey.Region },
            new[] { RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Partner, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Type, RevenueGroupKey.Tier },
            new[] { RevenueGroupKey.Country, RevenueGroupKey.Channel },
            new[] { RevenueGroupKey.Segment, RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Year, RevenueGroupKey.Channel },
        };

        [Fact]
        public void The_totals_cells_and_the_records_give_the_same_answers()
        {
            AddVariedRecords();

            foreach (var keys in Groupings)
            {
                // From the 1st of January: the totals cells can answer. From the 2nd: the records are read.
                var byTotals = Request(keys);
                byTotals.Filter.From = Day(2015, 1, 1);
                byTotals.Filter.To = Day(2016, 12, 31);
                var byRows = Request(keys);
                byRows.Filter.From = Day(2015, 1, 2);
                byRows.Filter.To = Day(2016, 12, 31);
                Assert.Equal(Describe(Measure(byTotals)), Describe(Measure(byRows)));

                // No filter at all against every quarter (which only the records can answer).
                var everything = Request(keys);
                var everyQuarter = Request(keys);
                foreach (var quarter in new[] { 1, 2, 3, 4 })
                {
                    everyQuarter.Filter.Quarters.Add(quarter);
                }

                Assert.Equal(Describe(Measure(everything)), Describe(Measure(everyQuarter)));
            }
        }

        [Fact]
        public void The_totals_cells_and_the_records_give_the_same_answers_for_a_region_filter_in_another_currency()
        {
            AddVariedRecords();

            var byTotals = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            byTotals.Filter.Regions.Add(NamePattern.Parse("*america"));
            byTotals.Filter.Years.Add(2016);
            byTotals.Currency = "GBP";
            var byRows = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            byRows.Filter.Regions.Add(NamePattern.Parse("*america"));
            byRows.Filter.Years.Add(2016);
            byRows.Filter.From = Day(2016, 1, 2);
            byRows.Currency = "GBP";

            var expected = Describe(Measure(byTotals));
            Assert.Equal(6, expected.Length);
            Assert.Equal(expected, Describe(Measure(byRows)));
        }

        [Fact]
        public void Records_given_to_the_measurer_give_the_same_answers_as_the_database_s_records()
        {
            AddVariedRecords();
            var records = _revenue.Find(new RevenueFilter()).ToList();

            foreach (var keys in Groupings.Concat(new[] { new[] { RevenueGroupKey.Quarter }, new[] { RevenueGroupKey.Month, RevenueGroupKey.Partner } }))
            {
                var given = new RevenueMeasurer(_store);
                given.BeginGiven();
                foreach (var record in records)
                {
                    given.AddGiven(record);
                }

                Assert.Equal(Describe(Measure(Request(keys))), Describe(given.Measure(Request(keys))));
            }
        }

        [Fact]
        public void Given_records_are_measured_alone_and_a_second_BeginGiven_starts_afresh()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 1000.00m));
            var given = new RevenueMeasurer(_store);
            given.BeginGiven();
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 10.00m, Currency = "USD", Region = "China" });
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 2), Amount = 5.50m, Currency = "usd", Segment = "Carrier", Region = "China" });
            Assert.Equal(15.50m, Assert.Single(given.Measure(new RevenueMeasureRequest())).Total);

            given.BeginGiven();
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1.00m, Currency = "USD", Region = "China" });
            Assert.Equal(1.00m, Assert.Single(given.Measure(new RevenueMeasureRequest())).Total);

            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1.001m, Currency = "USD" }));
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1m, Currency = "XXX" }));
        }

        [Fact]
        public void A_partner_filter_restricts_the_measure_to_those_partners()
        {
            AddPartnersAndRecords();
            var alpha = _partners.GetByName("Alpha")!;
            var gamma = _partners.GetByName("Gamma")!;
            var request = Request(RevenueGroupKey.Partner);
            request.Filter.RestrictPartners = true;
            request.Filter.PartnerIds.Add(alpha.Id);
            request.Filter.PartnerIds.Add(gamma.Id);

            var measures = Measure(request);

            Assert.Equal(new[] { "Alpha=150.00/2", "Gamma=25.00/1" }, Totals(measures, RevenueGroupKey.Partner));
            Assert.Equal(0.857143m, measures[0].Share);

            request.Filter.PartnerIds.Clear();
            Assert.Empty(Measure(request));
            request.GroupBy.Clear();
            Assert.Equal(0, Assert.Single(Measure(request)).Count);
        }

        [Fact]
        public void A_filter_of_two_thousand_partners_works_on_both_paths()
        {
            var ids = new List<long>();
            _store.BeginWrite();
            for (var i = 1; i <= 2_500; i++)
            {
                var partner = _partners.Add(Draft("Partner " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), region: "China"));
                _revenue.Add(Sale(partner, Day(2015, 3, 1), i));
                if (i <= 2_000)
                {
                    ids.Add(partner.Id);
                }
            }

            _store.Commit();

            var byTotals = Request();
            byTotals.Filter.RestrictPartners = true;
            byTotals.Filter.PartnerIds.UnionWith(ids);
            var measure = Assert.Single(Measure(byTotals));
            Assert.Equal(2_000, measure.Count);
            Assert.Equal(2_001_000m, measure.Total);

            var byRows = Request(RevenueGroupKey.Month);
            byRows.Filter.RestrictPartners = true;
            byRows.Filter.PartnerIds.UnionWith(ids);
            Assert.Equal(2_001_000m, Assert.Single(Measure(byRows)).Total);
            Assert.Equal(2_000, _revenue.Count(byRows.Filter));
        }

        [Fact]
        public void A_partner_name_wildcard_and_a_channel_restrict_the_measure()
        {
            AddPartnersAndRecords();
            var request = Request();
            request.Filter.RestrictPartners = true;
            request.Filter.PartnerNames.Add(NamePattern.ParseName("*TA"));

            Assert.Equal(210.00m, Assert.Single(Measure(request)).Total);

            var direct = Request();
            direct.Filter.Channels.Add(RevenueChannel.Direct);
            Assert.Equal(40.00m, Assert.Single(Measure(direct)).Total);
        }

        [Fact]
        public void Regions_and_segments_are_grouped_ignoring_case_on_both_paths()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m));
            _revenue.Add(DirectSale("CHINA", Day(2015, 6, 2), 20.00m, segment: "ENTERPRISE"));
            _revenue.Add(DirectSale("china", Day(2015, 6, 3), 30.00m, segment: "enterprise"));

            var byTotals = Measure(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            var rows = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            rows.Filter.Quarters.Add(2);
            var byRows = Measure(rows);

            Assert.Equal(60.00m, Assert.Single(byTotals).Total);
            Assert.Equal(60.00m, Assert.Single(byRows).Total);
        }

        [Fact]
        public void The_region_shown_for_a_group_is_one_its_records_carry_on_both_paths()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            var typo = _revenue.Add(Sale(acme, Day(2015, 6, 1), 10.00m, region: "cHINA"));
            _revenue.Add(Sale(acme, Day(2015, 6, 2), 20.00m));
            _revenue.Remove(typo.Id);

            var byTotals = Assert.Single(Measure(RevenueGroupKey.Region));
            var rows = Request(RevenueGroupKey.Region);
            rows.Filter.Quarters.Add(2);
            var byRows = Assert.Single(Measure(rows));

            Assert.Equal("China", byRows[RevenueGroupKey.Region]);
            Assert.Equal("China", byTotals[RevenueGroupKey.Region]);
        }

        [Fact]
        public void Two_spellings_of_a_region_show_the_same_spelling_on_both_paths()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m));
            _revenue.Add(DirectSale("CHINA", Day(2015, 6, 2), 20.00m));

            var byTotals = Assert.Single(Measure(RevenueGroupKey.Region));
            var rows = Request(RevenueGroupKey.Region);
            rows.Filter.Quarters.Add(2);
            var byRows = Assert.Single(Measure(rows));

            Assert.Equal(byRows[RevenueGroupKey.Region], byTotals[RevenueGroupKey.Region]);
        }
    }
}
