using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// The partner share of revenue per quarter of the year and the one before (Measure-PartnerRevenue -GroupBy Quarter,Channel
    /// -Year, each year to the same day), against the PartnerRevenueShare target; and the year's partner revenue per quarter by
    /// attribution (Measure-PartnerRevenue -GroupBy Quarter,Attribution -Channel Partner).
    /// </summary>
    internal static class ShareSection
    {
        public const string Id = "share";

        private static readonly string[] Quarters = { "Q1", "Q2", "Q3", "Q4" };

        public static ReportSection Build(ReportScope scope, SharedMeasures shared)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Partner share of revenue",
                Note = $"Partner revenue as a share of all revenue, per quarter of {scope.Year - 1} (the whole year) and {scope.YearToDate}{ReportText.InRegions(scope)}; " +
                       $"amounts in {scope.Currency}." + (scope.Regions.Count == 0 ? string.Empty : " Revenue is filtered by the region of each revenue record."),
            };
            var measurer = new RevenueMeasurer(scope.Store);
            var current = ShareByQuarter(measurer, scope, previous: false);
            var earlier = ShareByQuarter(measurer, scope, previous: true);
            if (current.Count == 0 && earlier.Count == 0)
            {
                section.EmptyMessage = $"No revenue is recorded for {scope.Year - 1} or {scope.Year}{ReportText.InRegions(scope)}. " +
                                       "Add it with Add-PartnerRevenue or Import-PartnerRevenue.";
                return section;
            }

            section.Charts.Add(ShareChart(scope, shared, current, earlier));
            section.Charts.Add(AttributionChart(scope, measurer));
            return section;
        }

        // Each quarter's partner share (a fraction; null: no revenue that quarter) of the year to the day, or of the whole year before.
        /// <summary>
        /// The quarters as shown: "Q1" to "Q4", the quarter of the last day measured "Q3 (to 2 Jul)" when that day is not the
        /// quarter's last (its figures, and the year before's, are of the quarter to that day).
        /// </summary>
        private static string[] QuarterLabels(ReportScope scope)
        {
            var labels = (string[])Quarters.Clone();
            var day = scope.MeasuredTo;
            var quarter = (day.Month + 2) / 3;
            var quarterEnd = new DateTime(day.Year, quarter * 3, DateTime.DaysInMonth(day.Year, quarter * 3));
            if (day < quarterEnd)
            {
                labels[quarter - 1] += " (to " + day.ToString("d MMM", CultureInfo.InvariantCulture) + ")";
            }

            return labels;
        }

        private static Dictionary<int, decimal?> ShareByQuarter(RevenueMeasurer measurer, ReportScope scope, bool previous)
        {
            var filter = scope.RevenueOf(previous);
            filter.To = previous ? null : filter.To;
            var request = new RevenueMeasureRequest { Filter = filter, Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Quarter);
            request.GroupBy.Add(RevenueGroupKey.Channel);
            var shares = new Dictionary<int, decimal?>();
            foreach (var measure in measurer.Measure(request))
            {
                var quarter = Convert.ToInt32(measure[RevenueGroupKey.Quarter], CultureInfo.InvariantCulture);
                if (!shares.ContainsKey(quarter))
                {
                    shares[quarter] = 0m; // a quarter with direct revenue only: a share of 0
                }

                if (Equals(measure[RevenueGroupKey.Channel], RevenueChannel.Partner))
                {
                    shares[quarter] = measure.Share;
                }
            }

            return shares;
        }

        private static ReportChart ShareChart(ReportScope scope, SharedMeasures shared, Dictionary<int, decimal?> current, Dictionary<int, decimal?> earlier)
        {
            var chart = new ReportChart
            {
                Id = "share-by-quarter",
                Title = $"Partner share of revenue per quarter, {scope.Year - 1} and {scope.Year}",
                Kind = ReportChartKind.Line,
                CategoryAxisTitle = "Quarter",
                ValueAxisTitle = "Partner share of revenue (%)",
            };
            chart.Categories.AddRange(QuarterLabels(scope));
            var years = new[] { (scope.Year - 1, earlier), (scope.Year, current) };
            foreach (var (year, shares) in years)
            {
                var series = new ReportSeries { Name = year.ToString(CultureInfo.InvariantCulture) };
                for (var q = 1; q <= 4; q++)
                {
                    series.Values.Add(shares.TryGetValue(q, out var share) ? ReportText.Percent(share) : null);
                }

                chart.Series.Add(series);
            }

            var target = shared.HeadlineTarget(TargetMetric.PartnerRevenueShare);
            if (target != null)
            {
                var line = new ReportSeries { Name = "Target", IsReference = true };
                line.Values.AddRange(Enumerable.Repeat(ReportText.Percent(target.Target), 4));
                chart.Series.Add(line);
            }

            var table = chart.Table;
            table.Id = "share-by-quarter-numbers";
            table.Caption = "Partner share of revenue per quarter";
            table.Columns.Add(ReportText.Column("Quarter"));
            foreach (var (year, _) in years)
            {
                table.Columns.Add(ReportText.Column(year.ToString(CultureInfo.InvariantCulture) + " (%)", numeric: true));
            }

            if (target != null)
            {
                table.Columns.Add(ReportText.Column("Target (%)", numeric: true));
            }

            for (var q = 1; q <= 4; q++)
            {
                var row = new List<ReportCell> { ReportText.Text(QuarterLabels(scope)[q - 1]) };
                foreach (var (_, shares) in years)
                {
                    row.Add(shares.TryGetValue(q, out var share) ? ReportText.ShareCell(share) : ReportText.Text("n/a"));
                }

                if (target != null)
                {
                    row.Add(ReportText.ShareCell(target.Target));
                }

                table.Rows.Add(row);
            }

            chart.TextAlternative = "Line chart of the partner share of revenue per quarter: " + string.Join("; ", years.Select(y =>
                $"{y.Item1}: " + string.Join(", ", Enumerable.Range(1, 4).Select(q => $"Q{q} {(y.Item2.TryGetValue(q, out var s) ? ReportText.Share(s) : "no revenue")}")))) +
                (target == null ? "; no share target is set." : $"; target {ReportText.Share(target.Target)}.");
            return chart;
        }

        private static ReportChart AttributionChart(ReportScope scope, RevenueMeasurer measurer)
        {
            var chart = new ReportChart
            {
                Id = "attribution-by-quarter",
                Title = $"Partner revenue per quarter of {scope.Year} by attribution",
                Kind = ReportChartKind.StackedColumn,
                CategoryAxisTitle = "Quarter",
                ValueAxisTitle = $"Partner revenue ({scope.Currency})",
            };
            chart.Categories.AddRange(QuarterLabels(scope));
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(channel: RevenueChannel.Partner), Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Quarter);
            request.GroupBy.Add(RevenueGroupKey.Attribution);
            var totals = measurer.Measure(request).ToDictionary(
                m => (Convert.ToInt32(m[RevenueGroupKey.Quarter], CultureInfo.InvariantCulture), m[RevenueGroupKey.Attribution] as RevenueAttribution?),
                m => m.Total);
            var table = chart.Table;
            table.Id = "attribution-by-quarter-numbers";
            table.Caption = $"Partner revenue per quarter of {scope.Year} by attribution ({scope.Currency})";
            table.Columns.Add(ReportText.Column("Quarter"));
            // Quarters after the day measured have no figure yet (n/a), those before it 0 when nothing was booked.
            var measuredQuarters = (scope.MeasuredTo.Month + 2) / 3;
            var attributions = ((RevenueAttribution[])Enum.GetValues(typeof(RevenueAttribution))).Select(a => (RevenueAttribution?)a).ToList();
            foreach (var attribution in attributions)
            {
                var series = new ReportSeries { Name = attribution.ToString()! };
                for (var q = 1; q <= 4; q++)
                {
                    series.Values.Add(q > measuredQuarters ? (double?)null : totals.TryGetValue((q, attribution), out var total) ? (double)total : 0d);
                }

                chart.Series.Add(series);
                table.Columns.Add(ReportText.Column($"{attribution} ({scope.Currency})", numeric: true));
            }

            for (var q = 1; q <= 4; q++)
            {
                var row = new List<ReportCell> { ReportText.Text(QuarterLabels(scope)[q - 1]) };
                row.AddRange(attributions.Select(a => ReportText.MoneyCell(q > measuredQuarters ? (decimal?)null : totals.TryGetValue((q, a), out var total) ? total : 0m)));
                table.Rows.Add(row);
            }

            if (totals.Count == 0)
            {
                chart.EmptyMessage = $"No partner revenue is recorded for {scope.YearToDate}{ReportText.InRegions(scope)}. " +
                                     "Add it with Add-PartnerRevenue -Partner (or Close-PartnerDeal -Won for sourced revenue).";
            }

            chart.TextAlternative = $"Stacked column chart of partner revenue per quarter of {scope.Year} in {scope.Currency}, split into " +
                                    string.Join(", ", attributions) + ": " + string.Join("; ", Enumerable.Range(1, measuredQuarters).Select(q =>
                                        $"Q{q} " + string.Join(", ", attributions.Select(a => $"{a} {ReportText.Money(totals.TryGetValue((q, a), out var t) ? t : 0m, scope.Currency)}")))) + ".";
            return chart;
        }
    }
}
