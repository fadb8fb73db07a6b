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
    public sealed class TargetMeasurerTests : IDisposable
    {
        private static readonly IList<NamePattern> AllRegions = Array.Empty<NamePattern>();

        // What a count target counted before its statuses were a property of the target (every partner but a Prospect):
        // the hand counts below were made for it. A target set without statuses now counts Active only.
        private static readonly PartnerStatus[] NotProspect = { PartnerStatus.Onboarding, PartnerStatus.Active, PartnerStatus.Suspended, PartnerStatus.Terminated };

        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly RevenueRepository _revenue;
        private readonly TargetRepository _targets;

        public TargetMeasurerTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
            _revenue = Revenue(_store);
            _targets = new TargetRepository(_store, () => Now);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private List<TargetProgress> Measure(DateTime asOf, int year = 2015, IList<NamePattern>? regions = null) =>
            new TargetMeasurer(_store).Measure(new[] { year }, regions ?? AllRegions, asOf).ToList();

        /// <summary>
        /// 700 partners in Western Europe that joined before 2015 (some Onboarding or Suspended, one spelled in
        /// capitals), a Prospect, one that ended on 2014-12-31, one that joins on 2015-06-01, and 50 in China.
        /// </summary>
        private void AddRecruitment()
        {
            _store.BeginWrite();
            for (var i = 0; i < 700; i++)
            {
                var status = i % 7 == 0 ? PartnerStatus.Onboarding : i % 11 == 0 ? PartnerStatus.Suspended : PartnerStatus.Active;
                _partners.Add(Draft($"WE {i:D3}", status: status, region: i == 5 ? "WESTERN EUROPE" : "Western Europe", joinedOn: Day(2010, 1, 1).AddDays(i * 2)));
            }

            _partners.Add(Draft("Prospect", status: PartnerStatus.Prospect, region: "Western Europe", joinedOn: Day(2014, 1, 1)));
            _partners.Add(Draft("Distributor that is effectively over", PartnerType.Distributor, status: PartnerStatus.Terminated, region: "Western Europe", joinedOn: Day(2012, 1, 1), endedOn: Day(2014, 12, 31)));
            _partners.Add(Draft("Big name", status: PartnerStatus.Active, region: "Western Europe", joinedOn: Day(2015, 6, 1)));
            for (var i = 0; i < 50; i++)
            {
                _partners.Add(Draft($"CN {i:D2}", region: "China", joinedOn: Day(2014, 3, 1)));
            }

            _store.Commit();
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null, NotProspect);
        }

        [Fact]
        public void PartnerCount_counts_the_partners_of_the_date_against_the_target()
        {
            AddRecruitment();

            var progress = Assert.Single(Measure(Day(2015, 1, 1)));

            Assert.Equal(TargetMetric.PartnerCount, progress.Metric);
            Assert.Equal("Western Europe", progress.Region);
            Assert.Equal(2015, progress.Year);
            Assert.Equal(1000m, progress.Target);
            Assert.Equal(700m, progress.Actual);
            Assert.Equal(300m, progress.Gap);
            Assert.Equal(0.7m, progress.Progress);
            Assert.Equal(Day(2015, 1, 1), progress.AsOf);
            Assert.Null(progress.Currency);

            // Expected = baseline + (target - baseline) * day of the year / days of the year (to the end of the day, as Actual
            // counts), the baseline being the count on 31 December before: 700 + 300 * 1/365 = 700.8219... -> 700.82.
            Assert.Equal(700.82m, progress.Expected);
            Assert.False(progress.OnTrack);
        }

        [Fact]
        public void PartnerCount_mid_year_expects_the_pro_rata_part_of_the_way_from_the_baseline_to_the_target()
        {
            AddRecruitment();

            var progress = Assert.Single(Measure(new DateTime(2015, 7, 2, 15, 30, 0)));

            Assert.Equal(701m, progress.Actual);
            Assert.Equal(299m, progress.Gap);
            Assert.Equal(0.701m, progress.Progress);
            Assert.Equal(Day(2015, 7, 2), progress.AsOf);
            // 2 July 2015 is day 183 of 365: 700 + 300 * 183 / 365 = 700 + 150.4109... -> 850.41
            Assert.Equal(850.41m, progress.Expected);
            Assert.False(progress.OnTrack);
        }

        [Fact]
        public void PartnerCount_is_on_track_when_recruitment_runs_ahead_of_the_pro_rata_line()
        {
            AddRecruitment();
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 701m, null);

            var progress = Assert.Single(Measure(Day(2015, 7, 2)));

            Assert.Equal(701m, progress.Actual);
            // 700 + 1 * 183 / 365 = 700.5013... -> 700.50
            Assert.Equal(700.50m, progress.Expected);
            // OnTrack compares the projection with the target (issue 17): 701 + 1 x 182 / 183 = 701.99 reaches 701.
            Assert.Equal(701.99m, progress.Projected);
            Assert.True(progress.OnTrack);
        }

        [Fact]
        public void A_target_without_a_region_counts_partners_of_every_region()
        {
            AddRecruitment();
            _targets.Set(TargetMetric.PartnerCount, null, 2015, 800m, null, NotProspect);

            var measured = Measure(Day(2015, 1, 1));

            Assert.Equal(new string?[] { null, "Western Europe" }, measured.Select(p => p.Region).ToArray());
            Assert.Equal(750m, measured[0].Actual);
            Assert.Equal(50m, measured[0].Gap);
            Assert.Equal(700m, measured[1].Actual);
        }

        [Fact]
        public void Measure_picks_targets_by_year_and_region()
        {
            AddRecruitment();
            _targets.Set(TargetMetric.PartnerCount, "China", 2015, 60m, null, NotProspect);
            _targets.Set(TargetMetric.PartnerCount, "China", 2016, 70m, null, NotProspect);

            Assert.Equal(new[] { "China", "Western Europe" }, Measure(Day(2015, 1, 1)).Select(p => p.Region).ToArray());
            var china = Assert.Single(Measure(Day(2015, 1, 1), regions: new[] { NamePattern.Parse("CHI*") }));
            Assert.Equal(50m, china.Actual);
            Assert.Single(Measure(Day(2015, 1, 1), 2016));
            Assert.Equal(3, new TargetMeasurer(_store).Measure(Array.Empty<int>(), AllRegions, Day(2015, 1, 1)).Count());
        }

        [Fact]
        public void Measuring_before_the_year_counts_the_partners_of_that_date_and_expects_no_progress()
        {
            AddRecruitment();

            var progress = Assert.Single(Measure(Day(2014, 6, 30)));

            // The partner that ended on 2014-12-31 still counts on 2014-06-30.
            Assert.Equal(701m, progress.Actual);
            Assert.Equal(701m, progress.Expected);
            Assert.True(progress.OnTrack);
            Assert.Equal(Day(2014, 6, 30), progress.AsOf);
        }

        [Fact]
        public void Measuring_after_the_year_measures_its_last_day_and_expects_the_whole_target()
        {
            AddRecruitment();

            var progress = Assert.Single(Measure(Day(2016, 3, 1)));

            Assert.Equal(701m, progress.Actual);
            Assert.Equal(1000m, progress.Expected);
            Assert.Equal(Day(2015, 12, 31), progress.AsOf);
            Assert.False(progress.OnTrack);
        }

        /// <summary>A target of 1,000,000 GBP for Western Europe in 2015, and revenue around it.</summary>
        private void AddRevenueTarget()
        {
            new ExchangeRateRepository(_store).Set("GBP", "USD", 2015, 1.5m);
            var acme = _partners.Add(Draft("Acme", region: "Western Europe", joinedOn: Day(2010, 1, 1)));
            var dragon = _partners.Add(Draft("Dragon", region: "China", joinedOn: Day(2010, 1, 1)));
            _revenue.Add(Sale(acme, Day(2015, 3, 1), 300_000.00m, currency: "GBP"));
            _revenue.Add(Sale(acme, Day(2015, 5, 1), 150_000.00m, currency: "USD"));
            _revenue.Add(Sale(acme, Day(2015, 9, 1), 200_000.00m, currency: "GBP"));
            _revenue.Add(Sale(acme, Day(2014, 6, 1), 999.00m, currency: "GBP"));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 4, 1), 1_000_000.00m));
            _revenue.Add(Sale(dragon, Day(2015, 4, 1), 50_000.00m, currency: "GBP"));
            _targets.Set(TargetMetric.PartnerRevenue, "western europe", 2015, 1_000_000m, "gbp");
        }

        [Fact]
        public void PartnerRevenue_sums_the_region_s_partner_revenue_of_the_year_so_far_in_the_target_s_currency()
        {
            AddRevenueTarget();

            var progress = Assert.Single(Measure(Day(2015, 6, 30)));

            Assert.Equal(TargetMetric.PartnerRevenue, progress.Metric);
            Assert.Equal("GBP", progress.Currency);
            Assert.Equal(400_000.00m, progress.Actual);
            Assert.Equal(600_000.00m, progress.Gap);
            Assert.Equal(0.4m, progress.Progress);
            Assert.Equal(495_890.41m, progress.Expected); // 30 June is day 181 of 365: 1,000,000 * 181 / 365 = 495,890.4109...
            Assert.False(progress.OnTrack);
            Assert.Equal(Day(2015, 6, 30), progress.AsOf);
        }

        [Fact]
        public void PartnerRevenue_after_the_year_takes_the_whole_year()
        {
            AddRevenueTarget();

            var progress = Assert.Single(Measure(Day(2016, 2, 1)));

            Assert.Equal(600_000.00m, progress.Actual);
            Assert.Equal(1_000_000.00m, progress.Expected);
            Assert.Equal(Day(2015, 12, 31), progress.AsOf);
        }

        [Fact]
        public void PartnerRevenue_before_the_year_is_zero_and_expects_zero()
        {
            AddRevenueTarget();

            var progress = Assert.Single(Measure(Day(2014, 12, 31)));

            Assert.Equal(0m, progress.Actual);
            Assert.Equal(0m, progress.Expected);
            Assert.Equal(1_000_000m, progress.Gap);
            Assert.True(progress.OnTrack);
        }

        [Fact]
        public void PartnerRevenue_without_a_rate_for_the_year_is_ExchangeRateMissing()
        {
            AddRevenueTarget();
            _targets.Set(TargetMetric.PartnerRevenue, "Western Europe", 2014, 1_000m, "GBP");
            _revenue.Add(Sale(new PartnerReference("Acme"), Day(2014, 7, 1), 10.00m, currency: "USD"));

            var ex = ThrowsPartnerOps(ErrorIds.ExchangeRateMissing, () => Measure(Day(2014, 12, 31), 2014));
            Assert.Contains("2014", ex.Message, StringComparison.Ordinal);
        }

        private void AddShareRecords()
        {
            var acme = _partners.Add(Draft("Acme", region: "Western Europe"));
            var dragon = _partners.Add(Draft("Dragon", region: "China"));
            _revenue.Add(Sale(acme, Day(2015, 3, 1), 48.00m));
            _revenue.Add(Sale(dragon, Day(2015, 3, 1), 30.00m));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 3, 2), 22.00m));
            _revenue.Add(Sale(acme, Day(2015, 10, 1), 100.00m));
            _revenue.Add(DirectSale("China", Day(2014, 10, 1), 1_000.00m));
        }

        [Fact]
        public void PartnerRevenueShare_divides_partner_revenue_by_all_revenue_of_the_year_so_far()
        {
            AddShareRecords();
            _targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 1m, null);

            var progress = Assert.Single(Measure(Day(2015, 6, 30)));

            Assert.Equal(TargetMetric.PartnerRevenueShare, progress.Metric);
            Assert.Equal(0.78m, progress.Actual);
            Assert.Equal(1m, progress.Target);
            Assert.Equal(0.22m, progress.Gap);
            Assert.Equal(0.78m, progress.Progress);
            Assert.Equal(1m, progress.Expected);
            Assert.False(progress.OnTrack);
            Assert.Null(progress.Currency);
        }

        [Fact]
        public void PartnerRevenueShare_after_the_year_takes_the_whole_year()
        {
            AddShareRecords();
            _targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 1m, null);

            var progress = Assert.Single(Measure(Day(2016, 1, 1)));

            Assert.Equal(0.89m, progress.Actual);
            Assert.Equal(Day(2015, 12, 31), progress.AsOf);
        }

        [Fact]
        public void PartnerRevenueShare_for_a_region_counts_only_that_region_s_revenue()
        {
            AddShareRecords();
            _targets.Set(TargetMetric.PartnerRevenueShare, "Western Europe", 2015, 0.6m, null);

            var progress = Assert.Single(Measure(Day(2015, 6, 30)));

            // 48 / 70 = 0.685714285..., to 6 places: 0.685714.
            Assert.Equal(0.685714m, progress.Actual);
            Assert.Equal(0.6m, progress.Expected);
            Assert.True(progress.OnTrack);
        }

        [Fact]
        public void PartnerRevenueShare_before_the_year_or_without_revenue_has_no_actual_and_expects_the_target()
        {
            AddShareRecords();
            _targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 1m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, null, 2017, 1m, null);

            // Nothing booked in the days measured: 0 of 0 is no share (null), and a share's expectation is the target itself.
            var before = Assert.Single(Measure(Day(2014, 12, 31)));
            Assert.Null(before.Actual);
            Assert.Equal(1m, before.Expected);
            Assert.False(before.OnTrack);

            var empty = Assert.Single(Measure(Day(2017, 6, 30), 2017));
            Assert.Null(empty.Actual);
            Assert.Null(empty.Gap);
            Assert.Null(empty.Progress);
        }

        [Fact]
        public void Revenue_targets_find_the_revenue_of_a_region_written_with_a_combining_accent()
        {
            var partner = _partners.Add(Draft("Île Partner", region: "Re\u0301union", joinedOn: Day(2010, 1, 1)));
            _revenue.Add(Sale(partner, Day(2015, 3, 1), 100.00m));
            _targets.Set(TargetMetric.PartnerRevenue, "Re\u0301union", 2015, 200m, null);
            _targets.Set(TargetMetric.PartnerCount, "Re\u0301union", 2015, 2m, null);

            var measured = Measure(Day(2015, 12, 31));

            Assert.Equal(1m, measured.Single(p => p.Metric == TargetMetric.PartnerCount).Actual);
            Assert.Equal(100.00m, measured.Single(p => p.Metric == TargetMetric.PartnerRevenue).Actual);
        }

        [Fact]
        public void A_zero_target_has_no_progress_ratio()
        {
            AddRecruitment();
            _targets.Set(TargetMetric.PartnerCount, "China", 2015, 0m, null);

            var china = Assert.Single(Measure(Day(2015, 1, 1), regions: new[] { NamePattern.Parse("China") }));

            Assert.Null(china.Progress);
            Assert.Equal(-50m, china.Gap);
        }
        [Fact]
        public void PartnerCount_counts_only_the_statuses_of_the_target()
        {
            AddRecruitment();
            // Of WE 000..699: i % 7 == 0 is Onboarding (100 of them: 0, 7, ..., 693); of the rest i % 11 == 0 is Suspended
            // (multiples of 11 that are not multiples of 77: 64 - 10 + ... = 64 multiples of 11 below 700, of which 10 are
            // multiples of 77, so 54); Active = 700 - 100 - 54 = 546. On 2015-07-02 'Big name' (Active, joined 2015-06-01) adds one.
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null, new[] { PartnerStatus.Active });
            var active = Assert.Single(Measure(Day(2015, 7, 2)));
            Assert.Equal(547m, active.Actual);
            Assert.Equal(new[] { PartnerStatus.Active }, active.Statuses);

            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null, new[] { PartnerStatus.Suspended, PartnerStatus.Onboarding });
            var two = Assert.Single(Measure(Day(2015, 7, 2)));
            Assert.Equal(154m, two.Actual);   // 100 Onboarding + 54 Suspended
            Assert.Equal(new[] { PartnerStatus.Onboarding, PartnerStatus.Suspended }, two.Statuses);
        }

        [Fact]
        public void Projected_carries_the_pace_so_far_to_the_year_end()
        {
            AddRecruitment();
            var partner = _partners.Add(Draft("Seller", region: "China", joinedOn: Day(2010, 1, 1)));
            _revenue.Add(Sale(partner, Day(2015, 3, 1), 1000.00m));
            _targets.Set(TargetMetric.PartnerRevenue, "China", 2015, 5000m, null);

            var measured = Measure(Day(2015, 7, 2));
            var count = measured.Single(p => p.Metric == TargetMetric.PartnerCount);
            var revenue = measured.Single(p => p.Metric == TargetMetric.PartnerRevenue);

            // Count: 701 on 2015-07-02 (day 183 of 365), 700 on 2014-12-31: 701 + (701 - 700) * (365 - 183) / 183 = 701.9945... -> 701.99.
            Assert.Equal(701.99m, count.Projected);
            // Revenue: 1000.00 * 365 / 183 = 1994.5355... -> 1994.54 (the reporting currency).
            Assert.Equal(1994.54m, revenue.Projected);
            Assert.Null(revenue.Statuses);

            // On the year's last day, and after it, Projected is Actual; before the year there is no pace: null.
            Assert.Equal(701m, Measure(Day(2016, 3, 1)).Single(p => p.Metric == TargetMetric.PartnerCount).Projected);
            Assert.Equal(1000.00m, Measure(Day(2015, 12, 31)).Single(p => p.Metric == TargetMetric.PartnerRevenue).Projected);
            Assert.All(Measure(Day(2014, 12, 31)), p => Assert.Null(p.Projected));
        }
    }
}
