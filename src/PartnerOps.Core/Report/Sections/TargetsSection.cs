using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// Target progress (Measure-PartnerTarget -Year -Region -AsOf): a bar per target with its actual figure as a percentage of
    /// the target and the "expected by now" marker (Expected over the target). Each bar says its status twice: as text in its
    /// category ("PartnerCount 2015 China · Behind") and as colour (a stacked bar chart of two series, "On track" and "Behind",
    /// each holding the bars of its status and null elsewhere, so each target has one full-width bar). The table gives each
    /// target's figures and its status as text.
    /// </summary>
    internal static class TargetsSection
    {
        public const string Id = "targets";

        public static ReportSection Build(ReportScope scope, SharedMeasures shared)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Target progress",
                Note = $"Each target of {scope.Year}{ReportText.InRegions(scope)} as of {ReportText.Day(scope.AsOf)}: actual as a percentage of the target, " +
                       "and where it should be by now (the target spread evenly over the days of the year; a share's expectation is the target itself). " +
                       "On track means the year-end projection (or, early in the year, the actual figure) reaches the target.",
            };
            var targets = shared.Targets;
            if (targets.Count == 0)
            {
                section.EmptyMessage = $"No targets are set for {scope.Year}{ReportText.InRegions(scope)}. Add one with " +
                                       $"Set-PartnerTarget -Metric PartnerCount -Year {scope.Year} -Value 1000, or -Metric PartnerRevenue or PartnerRevenueShare.";
                return section;
            }

            var chart = new ReportChart
            {
                Id = "target-progress",
                Title = $"Progress toward the targets of {scope.Year}",
                Kind = ReportChartKind.StackedBar,
                CategoryAxisTitle = "Target",
                ValueAxisTitle = "Percentage of target (%)",
            };
            var onTrack = new ReportSeries { Name = "Actual (% of target), on track", Status = ReportStatus.OnTrack };
            var behind = new ReportSeries { Name = "Actual (% of target), behind", Status = ReportStatus.Behind };
            var expected = new ReportSeries { Name = "Expected by now (% of target)", IsReference = true };
            chart.Series.Add(onTrack);
            chart.Series.Add(behind);
            chart.Series.Add(expected);
            var table = chart.Table;
            table.Id = "target-progress-numbers";
            table.Caption = $"Targets of {scope.Year} as of {ReportText.Day(scope.AsOf)}";
            table.Columns.Add(ReportText.Column("Target"));
            table.Columns.Add(ReportText.Column("Target value", numeric: true));
            table.Columns.Add(ReportText.Column("Actual", numeric: true));
            table.Columns.Add(ReportText.Column("Actual (% of target)", numeric: true));
            table.Columns.Add(ReportText.Column("Expected by now", numeric: true));
            table.Columns.Add(ReportText.Column("Projected at year end", numeric: true));
            table.Columns.Add(ReportText.Column("Status"));
            foreach (var target in targets)
            {
                var name = $"{target.Metric} {target.Year} {target.Region ?? "all regions"}";
                var status = target.OnTrack ? "On track" : "Behind";
                chart.Categories.Add(name + " \u00B7 " + status);
                var progress = ReportText.Percent(target.Progress);
                onTrack.Values.Add(target.OnTrack ? progress : null);
                behind.Values.Add(target.OnTrack ? null : progress);
                var expectedShare = target.Target == 0 ? (decimal?)null : target.Expected / target.Target;
                expected.Values.Add(ReportText.Percent(expectedShare));
                table.Rows.Add(new[]
                {
                    ReportText.Text(name),
                    Figure(target.Metric, target.Target, target.Currency),
                    Figure(target.Metric, target.Actual, target.Currency),
                    ReportText.ShareCell(target.Progress),
                    Figure(target.Metric, target.Expected, target.Currency),
                    Figure(target.Metric, target.Projected, target.Currency),
                    ReportText.Text(status),
                }.ToList());
            }

            chart.TextAlternative = $"Bar chart, bars coloured by status, of {targets.Count} target(s) of {scope.Year}: " + string.Join("; ", targets.Select(t =>
                $"{t.Metric} {t.Region ?? "all regions"} at {ReportText.Share(t.Progress)} of target, {(t.OnTrack ? "on track" : "behind")}")) + ".";
            if (chart.Series.All(s => s.Values.All(v => v == null)))
            {
                chart.EmptyMessage = "No target has a figure to draw yet (targets of 0, or shares with no revenue recorded); the table lists them.";
            }

            section.Charts.Add(chart);
            return section;
        }

        // A target's figure as its metric shows it: a count, an amount in the target's currency, a share.
        private static ReportCell Figure(TargetMetric metric, decimal? value, string? currency)
        {
            if (value is not decimal figure)
            {
                return ReportText.Text("n/a");
            }

            return metric switch
            {
                TargetMetric.PartnerCount => ReportText.CountCell(figure),
                TargetMetric.PartnerRevenue => new ReportCell { Text = ReportText.Money(figure, currency ?? string.Empty), Number = figure },
                _ => ReportText.ShareCell(figure),
            };
        }
    }
}
