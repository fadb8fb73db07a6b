using System;
using System.Linq;
using Xunit;

namespace PartnerOps.Tests
{
    public class MeasureKeysTests
    {
        [Fact]
        public void Every_revenue_key_is_in_the_column_order_once()
        {
            Assert.Equal(
                Enum.GetValues(typeof(RevenueGroupKey)).Cast<RevenueGroupKey>().OrderBy(k => k),
                MeasureKeys.RevenueColumnOrder.OrderBy(k => k));
        }

        [Fact]
        public void Every_partner_key_is_in_the_column_order_once()
        {
            Assert.Equal(
                Enum.GetValues(typeof(PartnerGroupKey)).Cast<PartnerGroupKey>().OrderBy(k => k),
                MeasureKeys.PartnerColumnOrder.OrderBy(k => k));
        }

        [Fact]
        public void The_column_order_is_who_then_business_then_time()
        {
            Assert.Equal(
                new[] { "Partner", "Region", "Country", "Type", "Tier", "Segment", "Channel", "Attribution", "Year", "Quarter", "Month" },
                MeasureKeys.RevenueColumnNames);
            Assert.Equal(new[] { "Region", "Country", "Type", "Tier", "Status", "Year" }, MeasureKeys.PartnerColumnNames);
        }

        [Theory]
        [InlineData(RevenueGroupKey.Partner, true, false, false)]
        [InlineData(RevenueGroupKey.Type, true, false, false)]
        [InlineData(RevenueGroupKey.Tier, true, false, false)]
        [InlineData(RevenueGroupKey.Country, true, false, false)]
        [InlineData(RevenueGroupKey.Region, false, false, false)]
        [InlineData(RevenueGroupKey.Segment, false, false, false)]
        [InlineData(RevenueGroupKey.Channel, false, false, false)]
        [InlineData(RevenueGroupKey.Year, false, true, false)]
        [InlineData(RevenueGroupKey.Quarter, false, true, true)]
        [InlineData(RevenueGroupKey.Month, false, true, true)]
        [InlineData(RevenueGroupKey.Attribution, false, false, false)]
        public void Each_key_is_of_the_partner_of_time_or_within_a_year_as_it_means(RevenueGroupKey key, bool fromPartner, bool ofTime, bool withinYear)
        {
            Assert.Equal(fromPartner, MeasureKeys.FromPartner(key));
            Assert.Equal(ofTime, MeasureKeys.OfTime(key));
            Assert.Equal(withinYear, MeasureKeys.WithinYear(key));
            // The yearly totals hold every key but those within a year and the records' attribution (issue 19).
            Assert.Equal(withinYear || key == RevenueGroupKey.Attribution, MeasureKeys.NotInTotals(key));
        }
    }
}
