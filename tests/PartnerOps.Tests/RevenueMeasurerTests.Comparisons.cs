using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    // The previous year's comparison (Growth) and the sort orders of the group keys, Top.
    public sealed partial class RevenueMeasurerTests
    {
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
    }
}
