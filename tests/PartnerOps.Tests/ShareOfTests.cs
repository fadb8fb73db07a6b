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
    /// <summary>
    /// Share's denominator (-ShareOf). Direct revenue, USD: 2014 China 30, Western Europe 10 (year 40); 2015 China 20,
    /// Western Europe 60 (year 80); 120 in all. China 50, Western Europe 70.
    /// </summary>
    public sealed class ShareOfTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;

        public ShareOfTests()
        {
            _store = _db.Open();
            var revenue = Revenue(_store);
            revenue.Add(DirectSale("China", Day(2014, 3, 1), 30.00m));
            revenue.Add(DirectSale("Western Europe", Day(2014, 4, 1), 10.00m));
            revenue.Add(DirectSale("China", Day(2015, 3, 1), 20.00m));
            revenue.Add(DirectSale("Western Europe", Day(2015, 4, 1), 60.00m));
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private string[] Shares(RevenueMeasureRequest request) =>
            new RevenueMeasurer(_store).Measure(request)
                .Select(m => string.Join(" ", m.Keys.Select(k => k.Value)) + " " + (m.Share?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"))
                .ToArray();

        [Fact]
        public void By_default_a_share_is_within_its_year_when_Year_is_a_key()
        {
            // 2014: 30/40 = 0.75, 10/40 = 0.25; 2015: 20/80 = 0.25, 60/80 = 0.75.
            Assert.Equal(
                new[] { "China 2014 0.75", "China 2015 0.25", "Western Europe 2014 0.25", "Western Europe 2015 0.75" },
                Shares(Request(RevenueGroupKey.Region, RevenueGroupKey.Year)));
        }

        [Fact]
        public void By_default_a_share_is_within_its_quarter_and_month_when_they_are_keys()
        {
            Revenue(_store).Add(DirectSale("Western Europe", Day(2015, 3, 9), 10.00m));
            // Month 3 (March of both years): China 30 + 20 = 50, Western Europe 10, so 60: 50/60 = 0.833333, 10/60 = 0.166667.
            // Month 4: Western Europe 10 + 60 = 70 of 70 = 1.
            Assert.Equal(
                new[] { "China 3 0.833333", "Western Europe 3 0.166667", "Western Europe 4 1" },
                Shares(Request(RevenueGroupKey.Region, RevenueGroupKey.Month)));
            // Quarters 1 and 2 hold the same records as months 3 and 4.
            Assert.Equal(
                new[] { "China 1 0.833333", "Western Europe 1 0.166667", "Western Europe 2 1" },
                Shares(Request(RevenueGroupKey.Region, RevenueGroupKey.Quarter)));
            // Year and Quarter are both time keys: within 2015 Q1: China 20, Western Europe 10 -> 0.666667, 0.333333.
            var within = Shares(Request(RevenueGroupKey.Region, RevenueGroupKey.Year, RevenueGroupKey.Quarter));
            Assert.Contains("China 2015 1 0.666667", within);
            Assert.Contains("Western Europe 2015 1 0.333333", within);
            Assert.Contains("China 2014 1 1", within);
        }

        [Fact]
        public void Without_a_time_key_or_with_only_time_keys_a_share_is_of_everything()
        {
            // 50/120 = 0.416667, 70/120 = 0.583333.
            Assert.Equal(new[] { "China 0.416667", "Western Europe 0.583333" }, Shares(Request(RevenueGroupKey.Region)));
            // -GroupBy Year: 40/120 = 0.333333, 80/120 = 0.666667 (not 1 and 1).
            Assert.Equal(new[] { "2014 0.333333", "2015 0.666667" }, Shares(Request(RevenueGroupKey.Year)));
        }

        [Fact]
        public void ShareOf_Region_gives_each_year_s_fraction_of_its_region()
        {
            var request = Request(RevenueGroupKey.Region, RevenueGroupKey.Year);
            request.ShareOf = new List<RevenueGroupKey> { RevenueGroupKey.Region };
            // China 30/50 = 0.6, 20/50 = 0.4; Western Europe 10/70 = 0.142857, 60/70 = 0.857143.
            Assert.Equal(
                new[] { "China 2014 0.6", "China 2015 0.4", "Western Europe 2014 0.142857", "Western Europe 2015 0.857143" },
                Shares(request));
        }

        [Fact]
        public void An_empty_ShareOf_is_the_share_of_everything_measured()
        {
            var request = Request(RevenueGroupKey.Region, RevenueGroupKey.Year);
            request.ShareOf = new List<RevenueGroupKey>();
            // 30/120 = 0.25, 20/120 = 0.166667, 10/120 = 0.083333, 60/120 = 0.5.
            Assert.Equal(
                new[] { "China 2014 0.25", "China 2015 0.166667", "Western Europe 2014 0.083333", "Western Europe 2015 0.5" },
                Shares(request));
        }

        [Fact]
        public void Top_keeps_the_share_of_the_whole_partition()
        {
            var request = Request(RevenueGroupKey.Region, RevenueGroupKey.Year);
            request.Top = 1;
            // Western Europe 2015 is 60 of 2015's 80 = 0.75, not 60 of the 60 written.
            Assert.Equal(new[] { "Western Europe 2015 0.75" }, Shares(request));
        }

        [Fact]
        public void A_zero_or_negative_whole_gives_a_null_share()
        {
            var revenue = Revenue(_store);
            revenue.Add(DirectSale("China", Day(2016, 1, 1), -10.00m));
            revenue.Add(DirectSale("Western Europe", Day(2016, 1, 2), 5.00m));   // 2016: -5 in all
            revenue.Add(DirectSale("China", Day(2017, 1, 1), -5.00m));
            revenue.Add(DirectSale("Western Europe", Day(2017, 1, 2), 5.00m));   // 2017: 0 in all
            var shares = Shares(Request(RevenueGroupKey.Region, RevenueGroupKey.Year));
            Assert.Equal(
                new[] { "China 2014 0.75", "China 2015 0.25", "China 2016 null", "China 2017 null", "Western Europe 2014 0.25", "Western Europe 2015 0.75", "Western Europe 2016 null", "Western Europe 2017 null" },
                shares);
        }

        [Theory]
        [InlineData(new[] { RevenueGroupKey.Region, RevenueGroupKey.Year }, new[] { RevenueGroupKey.Segment }, "ShareOf 'Segment'", "not among the -GroupBy keys")]
        [InlineData(new[] { RevenueGroupKey.Region, RevenueGroupKey.Year }, new[] { RevenueGroupKey.Region, RevenueGroupKey.Region }, "ShareOf 'Region'", "given twice")]
        [InlineData(new[] { RevenueGroupKey.Region, RevenueGroupKey.Year }, new[] { RevenueGroupKey.Year, RevenueGroupKey.Region }, "ShareOf 'Year,Region'", "every -GroupBy key")]
        [InlineData(new[] { RevenueGroupKey.Year }, new[] { RevenueGroupKey.Year }, "ShareOf 'Year'", "every -GroupBy key")]
        [InlineData(new RevenueGroupKey[0], new[] { RevenueGroupKey.Year }, "ShareOf 'Year'", "-GroupBy has no keys")]
        [InlineData(new[] { RevenueGroupKey.Region, RevenueGroupKey.Year, RevenueGroupKey.Region }, null, "GroupBy 'Region'", "given twice")]
        public void A_ShareOf_that_cannot_be_answered_is_refused_naming_the_key(RevenueGroupKey[] groupBy, RevenueGroupKey[]? shareOf, string named, string problem)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => RevenueMeasurer.ShareKeys(groupBy, shareOf));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Contains(named, ex.Message);
            Assert.Contains(problem, ex.Message);

            var request = Request(groupBy);
            request.ShareOf = shareOf;
            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => new RevenueMeasurer(_store).Measure(request));
        }
    }
}
