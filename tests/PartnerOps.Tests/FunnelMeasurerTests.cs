using System;
using System.Linq;
using PartnerOps.Measures;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The funnel measurer's own arithmetic (the counting is SQL, tested through the module in
    /// tests/pester/Lifecycle.Funnel.Tests.ps1 on both backends): the split into years and quarters, and the median of a
    /// distribution of days.
    /// </summary>
    public sealed class FunnelMeasurerTests
    {
        private static string Show(DateTime from, DateTime to, bool byYear, bool byQuarter) =>
            string.Join(", ", FunnelMeasurer.Periods(from, to, byYear, byQuarter).Select(p => $"{p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}"));

        [Fact]
        public void Periods_are_the_whole_without_time_keys()
        {
            Assert.Equal("2014-07-15..2016-02-29", Show(new DateTime(2014, 7, 15), new DateTime(2016, 2, 29), false, false));
        }

        [Fact]
        public void Periods_by_year_are_clipped_to_from_and_to()
        {
            Assert.Equal(
                "2014-07-15..2014-12-31, 2015-01-01..2015-12-31, 2016-01-01..2016-02-29",
                Show(new DateTime(2014, 7, 15), new DateTime(2016, 2, 29), true, false));
        }

        [Fact]
        public void Periods_by_quarter_split_at_each_quarter_also_with_year()
        {
            var expected = "2015-02-10..2015-03-31, 2015-04-01..2015-06-30, 2015-07-01..2015-09-30, 2015-10-01..2015-12-31, 2016-01-01..2016-01-01";
            Assert.Equal(expected, Show(new DateTime(2015, 2, 10), new DateTime(2016, 1, 1), false, true));
            Assert.Equal(expected, Show(new DateTime(2015, 2, 10), new DateTime(2016, 1, 1), true, true));
        }

        [Fact]
        public void Periods_of_one_day()
        {
            Assert.Equal("2015-12-31..2015-12-31", Show(new DateTime(2015, 12, 31), new DateTime(2015, 12, 31), true, true));
        }

        [Fact]
        public void Median_of_an_odd_count_is_the_middle_value()
        {
            // 3, 3, 10, 40, 41: the third.
            Assert.Equal(10m, FunnelMeasurer.Median(new (long, long)[] { (40, 1), (3, 2), (10, 1), (41, 1) }));
        }

        [Fact]
        public void Median_of_an_even_count_is_the_mean_of_the_middle_two_to_one_place()
        {
            // 0, 0, 39, 45: (0 + 39) / 2.
            Assert.Equal(19.5m, FunnelMeasurer.Median(new (long, long)[] { (45, 1), (0, 2), (39, 1) }));
            // 1, 2: 1.5; 7, 7: 7.
            Assert.Equal(1.5m, FunnelMeasurer.Median(new (long, long)[] { (1, 1), (2, 1) }));
            Assert.Equal(7m, FunnelMeasurer.Median(new (long, long)[] { (7, 2) }));
        }

        [Fact]
        public void Median_of_nothing_is_null()
        {
            Assert.Null(FunnelMeasurer.Median(Array.Empty<(long, long)>()));
            Assert.Null(FunnelMeasurer.Median(new (long, long)[] { (5, 0) }));
        }
    }
}
