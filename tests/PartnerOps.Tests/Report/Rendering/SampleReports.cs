using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Report;

namespace PartnerOps.Tests.Report.Rendering
{
    /// <summary>Report models built by hand for the renderers' tests: one chart of each kind, hostile text, empty parts, a large one.</summary>
    internal static class SampleReports
    {
        /// <summary>Text from data that must show as text: markup, an ampersand and both quotes.</summary>
        internal const string Hostile = "<script>alert(1)</script> R&D \"quoted\" 'single'";

        /// <summary>One chart of <paramref name="kind"/>: two series (or one and a reference), one null value in the first.</summary>
        internal static ReportChart Chart(string id, ReportChartKind kind, IList<string> categories, bool withReference, int seriesCount = 2)
        {
            var chart = new ReportChart
            {
                Id = id,
                Title = "Chart " + id,
                Kind = kind,
                CategoryAxisTitle = "Region",
                ValueAxisTitle = "Revenue (USD)",
                TextAlternative = "Revenue per region for " + id + ".",
            };
            chart.Categories.AddRange(categories);
            chart.Table.Id = id + "-numbers";
            chart.Table.Caption = "Numbers of " + id;
            chart.Table.Columns.Add(new ReportColumn { Header = "Region" });
            for (var s = 0; s < seriesCount; s++)
            {
                var reference = withReference && s == seriesCount - 1;
                var series = new ReportSeries { Name = reference ? "Target" : "Series " + s, IsReference = reference };
                for (var c = 0; c < categories.Count; c++)
                {
                    series.Values.Add(s == 0 && c == 1 ? (double?)null : 1000 + (c * 137) + (s * 311));
                }

                chart.Series.Add(series);
                chart.Table.Columns.Add(new ReportColumn { Header = series.Name + " (USD)", Numeric = true });
            }

            for (var c = 0; c < categories.Count; c++)
            {
                var row = new List<ReportCell> { new ReportCell { Text = categories[c] } };
                foreach (var series in chart.Series)
                {
                    var value = series.Values[c];
                    row.Add(new ReportCell
                    {
                        Text = value.HasValue ? value.Value.ToString("N0", CultureInfo.InvariantCulture) : string.Empty,
                        Number = value.HasValue ? (decimal)value.Value : (decimal?)null,
                    });
                }

                chart.Table.Rows.Add(row);
            }

            return chart;
        }

        /// <summary>A report of three sections: tiles, one chart of each kind (hostile category names), a shaded table, empty parts.</summary>
        internal static PartnerReport Small()
        {
            var report = new PartnerReport
            {
                Title = "Partner programme report " + Hostile,
                AsOf = new DateTime(2026, 11, 30),
                Year = 2026,
                Currency = "USD",
                Database = "C:\\data\\partners.db",
                GeneratedUtc = new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc),
            };
            var headline = new ReportSection { Id = "headline", Heading = "Headline", Note = "Figures for " + Hostile };
            headline.Tiles.Add(new ReportTile { Id = "partners", Label = "Partners", Value = "812", Number = 812, Detail = "of 1,000 target", Status = ReportStatus.Behind });
            headline.Tiles.Add(new ReportTile { Id = "partner-share", Label = "Partner share", Value = "78.4 %", Number = 0.784m, Status = ReportStatus.OnTrack });
            headline.Tiles.Add(new ReportTile { Id = "revenue", Label = "Revenue", Value = "USD 12,345,678", Number = 12345678.5m, Detail = Hostile });
            headline.Tiles.Add(new ReportTile { Id = "net-adds", Label = "Net adds", Value = "n/a", Detail = "no target set" });
            report.Sections.Add(headline);

            var regions = new[] { "Western Europe", "North America", Hostile, "Asia Pacific" };
            var charts = new ReportSection { Id = "charts", Heading = "Charts" };
            charts.Charts.Add(Chart("columns", ReportChartKind.Column, regions, withReference: false));
            charts.Charts.Add(Chart("stacked", ReportChartKind.StackedColumn, regions, withReference: false, seriesCount: 3));
            charts.Charts.Add(Chart("bars", ReportChartKind.Bar, regions, withReference: true));
            charts.Charts.Add(Chart("lines", ReportChartKind.Line, new[] { "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1" }, withReference: true));
            var empty = Chart("no-targets", ReportChartKind.Bar, Array.Empty<string>(), withReference: true);
            empty.EmptyMessage = "No targets are set. Add one with Set-PartnerTarget.";
            charts.Charts.Add(empty);
            var regionTable = new ReportTable { Id = "revenue-by-region", Caption = "Revenue by region" };
            regionTable.Columns.Add(new ReportColumn { Header = "Region" });
            regionTable.Columns.Add(new ReportColumn { Header = "Revenue (USD)", Numeric = true });
            regionTable.Rows.Add(new List<ReportCell> { new ReportCell { Text = Hostile }, new ReportCell { Text = "1,234.5", Number = 1234.5m, Shade = 1 } });
            regionTable.Rows.Add(new List<ReportCell> { new ReportCell { Text = "Asia Pacific" }, new ReportCell { Text = "617", Number = 617m, Shade = 0.5 } });
            charts.Tables.Add(regionTable);
            charts.Tables.Add(new ReportTable { Id = "deals-expiring", Caption = "Deals expiring", EmptyMessage = "No deal expires in the next 30 days." });
            report.Sections.Add(charts);

            report.Sections.Add(new ReportSection { Id = "tiers", Heading = "Tiers", EmptyMessage = "No partner has a tier yet." });
            return report;
        }

        /// <summary>A report the size of the sample data's: <paramref name="charts"/> charts of <paramref name="categories"/> categories, with their tables.</summary>
        internal static PartnerReport Large(int charts, int categories)
        {
            var report = Small();
            var section = new ReportSection { Id = "large", Heading = "Large" };
            var kinds = new[] { ReportChartKind.Column, ReportChartKind.StackedColumn, ReportChartKind.Bar, ReportChartKind.Line };
            var names = Enumerable.Range(1, categories).Select(i => "Country number " + i.ToString(CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < charts; i++)
            {
                section.Charts.Add(Chart("large-" + i.ToString(CultureInfo.InvariantCulture), kinds[i % kinds.Length], names, withReference: i % 2 == 0, seriesCount: 3));
            }

            report.Sections.Add(section);
            return report;
        }
    }
}
