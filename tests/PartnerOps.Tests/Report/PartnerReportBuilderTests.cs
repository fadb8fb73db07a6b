using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Report;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Report
{
    /// <summary>
    /// The report builder on a small SQLite programme (<see cref="ReportData"/>): its sections in order with their ids, its
    /// figures equal to what the measures return for the same day, year, regions and currency (and to the sums worked out by
    /// hand), its empty messages on an empty database, one region, the concentration arithmetic, and the options refused.
    /// </summary>
    public sealed class PartnerReportBuilderTests : IDisposable
    {
        private readonly TempDatabase _file = new TempDatabase();
        private readonly IPartnerDatabase _db;

        public PartnerReportBuilderTests()
        {
            _db = _file.Open();
        }

        public void Dispose()
        {
            _db.Dispose();
            _file.Dispose();
        }

        private PartnerReport Build(ReportOptions options) => new PartnerReportBuilder(_db).Build(options);

        private static ReportSection Section(PartnerReport report, string id) => Assert.Single(report.Sections, s => s.Id == id);

        private static ReportTile Tile(PartnerReport report, string id) => Assert.Single(report.Sections.SelectMany(s => s.Tiles), t => t.Id == id);

        private static ReportChart Chart(PartnerReport report, string id) => Assert.Single(report.Sections.SelectMany(s => s.Charts), c => c.Id == id);

        private static ReportTable Table(PartnerReport report, string id) => Assert.Single(report.Sections.SelectMany(s => s.Tables), t => t.Id == id);

        [Fact]
        public void Sections_tiles_charts_and_tables_have_their_ids_in_order()
        {
            ReportData.Fill(_db);
            var report = Build(ReportData.Options());
            Assert.Equal(new[] { "headline", "targets", "share", "recruitment", "regions", "tiers", "concentration" }, report.Sections.Select(s => s.Id));
            Assert.Equal(new[] { "partners", "partner-share", "revenue", "net-adds" }, Section(report, "headline").Tiles.Select(t => t.Id));
            Assert.Equal(new[] { "target-progress" }, Section(report, "targets").Charts.Select(c => c.Id));
            Assert.Equal(new[] { "share-by-quarter", "attribution-by-quarter" }, Section(report, "share").Charts.Select(c => c.Id));
            Assert.Equal(new[] { "funnel", "net-adds-by-month" }, Section(report, "recruitment").Charts.Select(c => c.Id));
            Assert.Equal(new[] { "revenue-by-region" }, Section(report, "regions").Tables.Select(t => t.Id));
            Assert.Equal(new[] { "revenue-by-country" }, Section(report, "regions").Charts.Select(c => c.Id));
            Assert.Equal(new[] { "tier-distribution" }, Section(report, "tiers").Charts.Select(c => c.Id));
            Assert.Equal(new[] { "tier-changes", "certifications-expiring", "deals-expiring" }, Section(report, "tiers").Tables.Select(t => t.Id));
            Assert.Equal(new[] { "top10-share", "top20pct-share" }, Section(report, "concentration").Tiles.Select(t => t.Id));
            Assert.Equal(new[] { "concentration" }, Section(report, "concentration").Charts.Select(c => c.Id));
            Assert.All(report.Sections, s => Assert.Null(s.EmptyMessage));
            Assert.Empty(ReportData.BrokenCharts(report));
            Assert.Equal(("Partner programme report", ReportData.AsOf, 2025, "USD", _db.Path), (report.Title, report.AsOf, report.Year, report.Currency, report.Database));
        }

        [Fact]
        public void Headline_tiles_are_the_measures_figures_and_the_sums_worked_out_by_hand()
        {
            ReportData.Fill(_db);
            var report = Build(ReportData.Options());

            var count = new TargetMeasurer(_db).Measure(new[] { 2025 }, new List<NamePattern>(), ReportData.AsOf).Single(t => t.Metric == TargetMetric.PartnerCount);
            var partners = Tile(report, "partners");
            // The tile is Measure-Partner's count (every partner but a Prospect, joined and not ended), with or without a target;
            // the target (set without statuses: it counts the Active partners P01..P12, Alpha, Beta, Gamma) is beside it.
            Assert.Equal(new PartnerMeasurer(_db).Measure(new PartnerMeasureRequest { AsOf = ReportData.AsOf }).Single().Count, partners.Number);
            Assert.Equal(16m, partners.Number);
            Assert.Equal(15m, count.Actual);
            Assert.StartsWith("target 30 Active partners for all regions: 15 now", partners.Detail);
            Assert.Equal(count.OnTrack ? ReportStatus.OnTrack : ReportStatus.Behind, partners.Status);

            var byChannel = Request(RevenueGroupKey.Channel);
            byChannel.Filter.Years.Add(2025);
            byChannel.Filter.To = ReportData.AsOf;
            var partnerShare = new RevenueMeasurer(_db).Measure(byChannel).Single(m => Equals(m[RevenueGroupKey.Channel], RevenueChannel.Partner)).Share;
            Assert.Equal(partnerShare, Tile(report, "partner-share").Number);
            Assert.Equal(0.802956m, Tile(report, "partner-share").Number);   // 163,000 / 203,000
            Assert.Equal("80.3 %", Tile(report, "partner-share").Value);
            Assert.Equal(ReportStatus.OnTrack, Tile(report, "partner-share").Status);   // against 60 %

            var revenue = Tile(report, "revenue");
            Assert.Equal(203_000m, revenue.Number);
            Assert.Equal("USD 203,000", revenue.Value);
            Assert.Contains("USD 108,000 in the same days of 2024; growth +88.0 %", revenue.Detail);

            var funnel = new FunnelMeasurer(_db).Measure(new FunnelMeasureRequest { From = Day(2025, 1, 1), To = ReportData.AsOf }).Single();
            Assert.Equal(funnel.NetAdds, Tile(report, "net-adds").Number);
            Assert.Contains($"{funnel.Joined} joined, {funnel.Ended} ended", Tile(report, "net-adds").Detail);
        }

        [Fact]
        public void Charts_and_tables_hold_the_measures_figures()
        {
            ReportData.Fill(_db);
            var report = Build(ReportData.Options());

            var targets = new TargetMeasurer(_db).Measure(new[] { 2025 }, new List<NamePattern>(), ReportData.AsOf).ToList();
            var progress = Chart(report, "target-progress");
            Assert.Equal(targets.Count, progress.Categories.Count);
            Assert.Equal(targets.Select(t => (double?)(t.Progress * 100m)), progress.Series[0].Values.Zip(progress.Series[1].Values, (a, b) => a ?? b));
            Assert.Equal(targets.Select(t => t.OnTrack ? ReportStatus.OnTrack : ReportStatus.Behind), progress.Series[0].Values.Select(v => v.HasValue ? ReportStatus.OnTrack : ReportStatus.Behind));
            Assert.True(progress.Series[2].IsReference);
            Assert.Equal(targets.Select(t => t.OnTrack ? "On track" : "Behind"), progress.Table.Rows.Select(r => r.Last().Text));

            var byRegion = Request(RevenueGroupKey.Region, RevenueGroupKey.Year);
            byRegion.Filter.Years.Add(2025);
            byRegion.Filter.To = ReportData.AsOf;
            var regions = new RevenueMeasurer(_db).Measure(byRegion).OrderByDescending(m => m.Total).ToList();
            var table = Table(report, "revenue-by-region");
            Assert.Equal(regions.Select(m => (string)m[RevenueGroupKey.Region]!), table.Rows.Select(r => r[0].Text));
            Assert.Equal(regions.Select(m => (decimal?)m.Total), table.Rows.Select(r => r[1].Number));
            Assert.Equal(regions.Select(m => m.PreviousTotal), table.Rows.Select(r => r[2].Number));
            Assert.Equal(regions.Select(m => m.Growth), table.Rows.Select(r => r[3].Number));
            Assert.Equal(regions.Select(m => m.Share), table.Rows.Select(r => r[4].Number));
            Assert.Equal(1d, table.Rows[0][1].Shade);
            Assert.Equal(new[] { "Western Europe", "North America", "China" }, table.Rows.Select(r => r[0].Text));   // 110,000; 78,000; 15,000
            Assert.Equal(110_000m, table.Rows.Single(r => r[0].Text == "Western Europe")[1].Number);   // 60,000 + 20,000 + 30,000 direct

            var funnel = new FunnelMeasurer(_db).Measure(new FunnelMeasureRequest { From = Day(2025, 1, 1), To = ReportData.AsOf }).Single();
            Assert.Equal(new double?[] { funnel.Prospects, funnel.Onboarding, funnel.Active, funnel.Suspended }, Chart(report, "funnel").Series[0].Values);
            var months = Chart(report, "net-adds-by-month");
            Assert.Equal(6, months.Categories.Count);
            Assert.Equal(funnel.Joined, months.Series.Single(s => s.Name == "Joined").Values.Sum());
            Assert.Equal(funnel.NetAdds, months.Series.Single(s => s.Name == "Net adds").Values.Sum());

            var plan = TierReview.Plan(_db, _db.TierRules.Find().ToList(), _db.ExchangeRates.Converter(), ReportData.AsOf, 90, new PartnerFilter());
            var changes = Table(report, "tier-changes");
            Assert.Equal(plan.Changes.OrderBy(c => c.To > c.From ? 0 : 1).ThenBy(c => c.PartnerId).Select(c => c.Partner), changes.Rows.Select(r => r[0].Text));
            Assert.Contains(changes.Rows, r => r[0].Text == "Alpha" && r[1].Text == "Downgrade" && r[3].Text == "Silver");
            Assert.Equal(new[] { "Sales Pro" }, Table(report, "certifications-expiring").Rows.Select(r => r[2].Text));
            Assert.Equal(new[] { "Initech (DE)" }, Table(report, "deals-expiring").Rows.Select(r => r[1].Text));

            var share = Chart(report, "share-by-quarter");
            Assert.Equal(new[] { "2024", "2025", "Target" }, share.Series.Select(s => s.Name));
            Assert.Equal(60d, share.Series[2].Values[0]);
            Assert.Null(share.Series[1].Values[3]);   // no revenue in Q4 2025 by 30 June
            var attribution = Chart(report, "attribution-by-quarter");
            Assert.Equal(60_000d, attribution.Series.Single(s => s.Name == "Sourced").Values[1]);   // 50,000 EUR at 1.2 in Q2
        }

        [Fact]
        public void Concentration_shares_are_the_sorted_partner_totals_over_their_sum()
        {
            ReportData.Fill(_db);
            var report = Build(ReportData.Options());
            // 15 partners sold 163,000: Alpha 60,000, Beta 20,000, P12..P01 12,000..1,000, Gamma 5,000.
            Assert.Equal(0.907975m, Tile(report, "top10-share").Number);   // 148,000 / 163,000
            Assert.Equal(0.564417m, Tile(report, "top20pct-share").Number);   // the top 3 of 15: 92,000 / 163,000
            Assert.Equal("90.8 %", Tile(report, "top10-share").Value);
            var deciles = Chart(report, "concentration");
            Assert.Equal(10, deciles.Categories.Count);
            Assert.Equal(100d, deciles.Series[0].Values.Last());
            Assert.Equal(new decimal?[] { 2, 3, 5, 6, 8, 9, 11, 12, 14, 15 }, deciles.Table.Rows.Select(r => r[1].Number));   // 15 × k / 10, rounded up
            Assert.Equal(0.490798m, deciles.Table.Rows[0][3].Number);   // the top tenth, 2 partners: 80,000 / 163,000
            Assert.Equal(49.0798d, deciles.Series[0].Values[0]!.Value, 6);
            Assert.Equal(3, PartnerOps.Report.Sections.ConcentrationSection.TopFifth(11));
            Assert.Equal(1, PartnerOps.Report.Sections.ConcentrationSection.TopFifth(1));
        }

        [Fact]
        public void An_empty_database_gives_a_message_in_place_of_every_empty_section_chart_and_list()
        {
            var report = Build(ReportData.Options());
            Assert.Equal(7, report.Sections.Count);
            Assert.Null(Section(report, "headline").EmptyMessage);
            Assert.Equal(0m, Tile(report, "partners").Number);
            Assert.Equal("no target set for all regions (Set-PartnerTarget -Metric PartnerCount)", Tile(report, "partners").Detail);
            Assert.Null(Tile(report, "partner-share").Number);
            Assert.Equal(0m, Tile(report, "revenue").Number);
            Assert.Contains("Set-PartnerTarget", Section(report, "targets").EmptyMessage);
            Assert.Contains("Add-PartnerRevenue", Section(report, "share").EmptyMessage);
            Assert.Contains("Add-Partner", Section(report, "recruitment").EmptyMessage);
            Assert.Contains("Add-PartnerRevenue", Section(report, "regions").EmptyMessage);
            Assert.Contains("Add-PartnerRevenue", Section(report, "concentration").EmptyMessage);
            Assert.Contains("Add-Partner", Chart(report, "tier-distribution").EmptyMessage);
            Assert.Contains("Set-PartnerTierRule", Table(report, "tier-changes").EmptyMessage);
            Assert.NotNull(Table(report, "certifications-expiring").EmptyMessage);
            Assert.NotNull(Table(report, "deals-expiring").EmptyMessage);
            Assert.Empty(ReportData.BrokenCharts(report));
        }

        [Fact]
        public void Revenue_without_targets_or_partners_revenue_says_so_where_it_is_missing()
        {
            _db.Revenue.Add(DirectSale("Western Europe", Day(2025, 1, 20), 30_000m, "USD"));
            var report = Build(ReportData.Options());
            Assert.Contains("Set-PartnerTarget", Section(report, "targets").EmptyMessage);
            Assert.Null(Section(report, "share").EmptyMessage);
            Assert.Contains("No partner revenue", Chart(report, "attribution-by-quarter").EmptyMessage);
            Assert.Equal(0m, Tile(report, "partner-share").Number);
            Assert.Contains("No partner revenue", Section(report, "concentration").EmptyMessage);
            Assert.Empty(ReportData.BrokenCharts(report));
        }

        [Fact]
        public void One_region_filters_every_measure_that_takes_a_region_and_its_charts_still_draw()
        {
            ReportData.Fill(_db);
            var report = Build(ReportData.Options("china"));
            Assert.Equal(new[] { "china" }, report.Regions);
            Assert.Equal(new[] { "China" }, Table(report, "revenue-by-region").Rows.Select(r => r[0].Text));
            Assert.Equal(15_000m, Tile(report, "revenue").Number);   // Gamma 5,000 and 10,000 direct
            Assert.Equal(new[] { "(none: direct revenue)", "CN" }, Chart(report, "revenue-by-country").Categories);   // 10,000 direct, 5,000 of Gamma

            var request = new PartnerMeasureRequest { AsOf = ReportData.AsOf };
            request.Filter.Regions.Add(NamePattern.Parse("china"));
            Assert.Equal(new PartnerMeasurer(_db).Measure(request).Single().Count, Tile(report, "partners").Number);
            Assert.Equal(2m, Tile(report, "partners").Number);   // no China count target: Measure-Partner's count
            Assert.Contains("no target set", Tile(report, "partners").Detail);

            Assert.Contains("Set-PartnerTarget", Section(report, "targets").EmptyMessage);   // targets exist for other regions only
            Assert.Equal(1m, Tile(report, "top10-share").Number);
            Assert.Empty(Table(report, "deals-expiring").Rows);   // Alpha's deal is in Western Europe
            Assert.Empty(Table(report, "certifications-expiring").Rows);
            Assert.Contains("in the regions matching china", Section(report, "tiers").Note);
            Assert.Empty(ReportData.BrokenCharts(report));
        }

        [Fact]
        public void With_nothing_booked_after_the_day_the_year_to_date_figures_are_still_the_measures_of_that_day()
        {
            ReportData.Fill(_db);
            var options = ReportData.Options();
            options.AsOf = Day(2025, 8, 1);   // Beta's 9,999 USD of that day is the year's last record
            var report = Build(options);
            foreach (var (keys, read) in new (RevenueGroupKey[] Keys, Func<IReadOnlyList<RevenueMeasure>, decimal?> Read)[]
            {
                (new[] { RevenueGroupKey.Channel }, m => m.Single(x => Equals(x[RevenueGroupKey.Channel], RevenueChannel.Partner)).Share),
                (new[] { RevenueGroupKey.Year }, m => m.Single().Total),
            })
            {
                var request = Request(keys);
                request.Filter.Years.Add(2025);
                request.Filter.To = Day(2025, 8, 1);
                Assert.Equal(read(new RevenueMeasurer(_db).Measure(request)), Tile(report, keys[0] == RevenueGroupKey.Year ? "revenue" : "partner-share").Number);
            }

            Assert.Equal(212_999m, Tile(report, "revenue").Number);
            Assert.Contains("USD 108,000 in the same days of 2024", Tile(report, "revenue").Detail);
            Assert.Equal(decimal.Round(157_999m / 172_999m, 6, MidpointRounding.AwayFromZero), Tile(report, "top10-share").Number);   // Beta now 29,999
        }

        [Fact]
        public void A_whole_earlier_year_is_measured_to_its_last_day()
        {
            ReportData.Fill(_db);
            var options = ReportData.Options();
            options.Year = 2024;
            var report = Build(options);
            Assert.Equal(2024, report.Year);
            Assert.Equal(108_000m, Tile(report, "revenue").Number);   // every record of 2024, all before 30 June
            Assert.Equal(12, Chart(report, "net-adds-by-month").Categories.Count);
            Assert.Contains("no revenue in the same days of 2023", Tile(report, "revenue").Detail);
        }

        [Fact]
        public void Another_currency_converts_every_amount_with_the_stored_rates()
        {
            ReportData.Fill(_db);
            var options = ReportData.Options();
            options.Currency = "eur";
            var report = Build(options);
            Assert.Equal("EUR", report.Currency);
            var byYear = Request(RevenueGroupKey.Year);
            byYear.Currency = "EUR";
            byYear.Filter.Years.Add(2025);
            byYear.Filter.To = ReportData.AsOf;
            Assert.Equal(new RevenueMeasurer(_db).Measure(byYear).Single().Total, Tile(report, "revenue").Number);
            Assert.StartsWith("EUR ", Tile(report, "revenue").Value);
        }

        [Theory]
        [InlineData(null, 1899, null, ErrorIds.InvalidPartnerValue, "1899")]
        [InlineData(null, 2026, null, ErrorIds.InvalidPartnerValue, "2026")]
        [InlineData("XYZ", null, null, ErrorIds.InvalidCurrencyCode, "XYZ")]
        [InlineData(null, null, 4000, ErrorIds.InvalidPartnerValue, "4000")]
        public void Options_the_measures_refuse_are_refused_before_anything_is_measured(string? currency, int? year, int? days, string errorId, string named)
        {
            var options = ReportData.Options();
            options.Currency = currency;
            options.Year = year;
            options.ExpiringWithinDays = days ?? 30;
            var progress = new List<string>();
            var ex = ThrowsPartnerOps(errorId, () => new PartnerReportBuilder(_db).Build(options, (activity, _) => progress.Add(activity)));
            Assert.Contains(named, ex.Message);
            Assert.Empty(progress);
        }

        [Fact]
        public void Progress_is_reported_per_section_up_to_100()
        {
            var seen = new List<(string, int)>();
            Build(ReportData.Options());
            new PartnerReportBuilder(_db).Build(ReportData.Options(), (activity, percent) => seen.Add((activity, percent)));
            Assert.Equal(8, seen.Count);
            Assert.Equal(0, seen[0].Item2);
            Assert.Equal(("Measured", 100), seen.Last());
            Assert.True(seen.Select(s => s.Item2).SequenceEqual(seen.Select(s => s.Item2).OrderBy(p => p)));
        }
    }
}
