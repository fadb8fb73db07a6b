using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// Recruitment: the partners per stage at the day measured with the year's conversions (Measure-PartnerFunnel -From 1 January
    /// -To), and the partners joined and ended and the net adds per month of the year (Measure-PartnerFunnel over each month).
    /// </summary>
    internal static class RecruitmentSection
    {
        public const string Id = "recruitment";

        public static ReportSection Build(ReportScope scope, SharedMeasures shared)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Recruitment",
                Note = $"Partners per stage on {ReportText.Day(scope.MeasuredTo)} and the conversions of {scope.YearToDate}; partners joined and ended per month" +
                       $"{ReportText.InRegions(scope)}." + (scope.Regions.Count == 0 ? string.Empty : " Partners are filtered by their current region."),
            };
            var year = shared.YearFunnel;
            if (year.Prospects + year.AtEnd + year.AtStart + year.Joined + year.Ended == 0)
            {
                section.EmptyMessage = $"No partners are recorded{ReportText.InRegions(scope)} in {scope.YearToDate}. Add them with Add-Partner or Import-Partner.";
                return section;
            }

            section.Charts.Add(Funnel(scope, year));
            section.Charts.Add(NetAddsByMonth(scope, shared));
            return section;
        }

        private static ReportChart Funnel(ReportScope scope, FunnelMeasure year)
        {
            var stages = new (string Stage, long Count, long Entered, decimal? Conversion, string ConvertsTo)[]
            {
                ("Prospect", year.Prospects, year.EnteredProspect, year.ProspectToOnboarding, "Onboarding or Active"),
                ("Onboarding", year.Onboarding, year.EnteredOnboarding, year.OnboardingToActive, "Active"),
                ("Active", year.Active, year.EnteredActive, null, string.Empty),
                ("Suspended", year.Suspended, year.EnteredSuspended, null, string.Empty),
            };
            var chart = new ReportChart
            {
                Id = "funnel",
                Title = $"Partners per stage on {ReportText.Day(scope.MeasuredTo)}",
                Kind = ReportChartKind.Column,
                CategoryAxisTitle = "Stage",
                ValueAxisTitle = "Partners (count)",
            };
            var series = new ReportSeries { Name = "Partners" };
            foreach (var stage in stages)
            {
                chart.Categories.Add(stage.Stage);
                series.Values.Add(stage.Count);
            }

            chart.Series.Add(series);
            var table = chart.Table;
            table.Id = "funnel-numbers";
            table.Caption = $"Partners per stage and conversions, {scope.YearToDate}";
            table.Columns.Add(ReportText.Column("Stage"));
            table.Columns.Add(ReportText.Column("Partners", numeric: true));
            table.Columns.Add(ReportText.Column("Entered in the period", numeric: true));
            table.Columns.Add(ReportText.Column("Converted to the next stage (%)", numeric: true));
            foreach (var stage in stages)
            {
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text(stage.Stage),
                    ReportText.CountCell(stage.Count),
                    ReportText.CountCell(stage.Entered),
                    stage.ConvertsTo.Length == 0 ? ReportText.Text(string.Empty) : ReportText.ShareCell(stage.Conversion),
                });
            }

            chart.TextAlternative = "Column chart of the partners per stage: " + string.Join(", ", stages.Select(s => $"{s.Stage} {ReportText.Count(s.Count)}")) +
                                    $"; Prospect to Onboarding {ReportText.Share(year.ProspectToOnboarding)}, Onboarding to Active {ReportText.Share(year.OnboardingToActive)}.";
            if (stages.All(s => s.Count == 0))
            {
                chart.EmptyMessage = $"No partner is in a stage on {ReportText.Day(scope.MeasuredTo)}{ReportText.InRegions(scope)}.";
            }

            return chart;
        }

        private static ReportChart NetAddsByMonth(ReportScope scope, SharedMeasures shared)
        {
            var chart = new ReportChart
            {
                Id = "net-adds-by-month",
                Title = $"Partners joined and ended per month, {scope.YearToDate}",
                Kind = ReportChartKind.Column,
                CategoryAxisTitle = "Month",
                ValueAxisTitle = "Partners (count)",
            };
            var joined = new ReportSeries { Name = "Joined" };
            var ended = new ReportSeries { Name = "Ended" };
            var net = new ReportSeries { Name = "Net adds" };
            var table = chart.Table;
            table.Id = "net-adds-by-month-numbers";
            table.Caption = $"Partners joined and ended per month, {scope.YearToDate}";
            table.Columns.Add(ReportText.Column("Month"));
            table.Columns.Add(ReportText.Column("Joined", numeric: true));
            table.Columns.Add(ReportText.Column("Ended", numeric: true));
            table.Columns.Add(ReportText.Column("Net adds", numeric: true));
            for (var month = 1; month <= scope.MeasuredTo.Month; month++)
            {
                var from = new DateTime(scope.Year, month, 1);
                var to = month == scope.MeasuredTo.Month ? scope.MeasuredTo : from.AddMonths(1).AddDays(-1);
                var measure = shared.Funnel(from, to);
                var name = from.ToString("MMM yyyy", CultureInfo.InvariantCulture);
                chart.Categories.Add(name);
                joined.Values.Add(measure.Joined);
                ended.Values.Add(measure.Ended);
                net.Values.Add(measure.NetAdds);
                table.Rows.Add(new List<ReportCell> { ReportText.Text(name), ReportText.CountCell(measure.Joined), ReportText.CountCell(measure.Ended), ReportText.CountCell(measure.NetAdds) });
            }

            chart.Series.Add(joined);
            chart.Series.Add(ended);
            chart.Series.Add(net);
            chart.TextAlternative = $"Column chart of the partners joined, ended and the net adds per month of {scope.YearToDate}: " +
                                    string.Join("; ", table.Rows.Select(r => $"{r[0].Text} joined {r[1].Text}, ended {r[2].Text}, net {r[3].Text}")) + ".";
            if (chart.Series.All(s => s.Values.All(v => v == null || v == 0)))
            {
                chart.EmptyMessage = $"No partner joined or ended in {scope.YearToDate}{ReportText.InRegions(scope)}.";
            }

            return chart;
        }
    }
}
