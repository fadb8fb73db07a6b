using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PartnerOps.Report;
using PartnerOps.Report.Rendering;
using UglyToad.PdfPig;
using Xunit;

namespace PartnerOps.Tests.Report.Rendering
{
    /// <summary>Colour is never the only signal, no text is cut, axis titles fit: what the HTML and PDF renderers draw for it.</summary>
    public class RenderingSignalsTests
    {
        private static readonly string[] Regions = { "Western Europe", "North America", "China", "Asia Pacific" };

        private static string Html(params ReportChart[] charts)
        {
            var report = SampleReports.Small();
            report.Sections[1].Charts.Clear();
            report.Sections[1].Charts.AddRange(charts);
            using var writer = new StringWriter();
            HtmlReportWriter.Write(report, writer);
            return writer.ToString();
        }

        private static string Figure(string html, string id) =>
            Regex.Match(html, "<figure class=\"chart\" id=\"chart-" + id + "\">.*?</figure>", RegexOptions.Singleline).Value;

        private static int Count(string text, string pattern) => Regex.Matches(text, pattern).Count;

        [Fact]
        public void BarsOfAStatusAreDrawnInItsColourOneFullBarPerCategory()
        {
            var chart = new ReportChart { Id = "status", Title = "Targets", Kind = ReportChartKind.StackedBar, CategoryAxisTitle = "Target", ValueAxisTitle = "Percentage of target (%)" };
            chart.Categories.AddRange(new[] { "A · On track", "B · Behind", "C · Behind" });
            var onTrack = new ReportSeries { Name = "On track", Status = ReportStatus.OnTrack };
            onTrack.Values.AddRange(new double?[] { 104, null, null });
            var behind = new ReportSeries { Name = "Behind", Status = ReportStatus.Behind };
            behind.Values.AddRange(new double?[] { null, 58, 60 });
            var expected = new ReportSeries { Name = "Expected", IsReference = true };
            expected.Values.AddRange(new double?[] { 100, 100, 100 });
            chart.Series.AddRange(new[] { onTrack, behind, expected });

            var figure = Figure(Html(chart), "status");

            Assert.Equal(1, Count(figure, "<rect class=\"bar series-0\"[^>]*fill:rgb\\(46,125,50\\)"));
            Assert.Equal(2, Count(figure, "<rect class=\"bar series-1\"[^>]*fill:rgb\\(179,38,30\\)"));
            Assert.Equal(3, Count(figure, "<polygon class=\"marker reference\""));
            Assert.Contains("B · Behind</text>", System.Net.WebUtility.HtmlDecode(figure), System.StringComparison.Ordinal);
        }

        [Fact]
        public void LinesDifferByMarkerAndDashAndTheLegendShowsThem()
        {
            var chart = SampleReports.Chart("lines", ReportChartKind.Line, Regions, withReference: true, seriesCount: 3);

            var figure = Figure(Html(chart), "lines");

            // Each line series' points: one mark per value, of a shape (element and size) no other series has.
            var shapes = new List<string>();
            for (var i = 0; i < chart.Series.Count; i++)
            {
                if (chart.Series[i].IsReference)
                {
                    Assert.Equal(0, Count(figure, "class=\"point series-" + i + "\""));
                    continue;
                }

                var marks = Regex.Matches(figure, "<(\\w+) class=\"point series-" + i + "\"").Select(m => m.Groups[1].Value).ToList();
                Assert.Equal(chart.Series[i].Values.Count(v => v.HasValue), marks.Count);
                shapes.Add(string.Join(",", marks.Distinct()));
            }

            var plain = chart.Series.Count(x => !x.IsReference);
            Assert.True(plain >= 2);
            Assert.Equal(plain, shapes.Distinct().Count());
            var dashes = Regex.Matches(figure, "<polyline class=\"line series-\\d\"[^>]*>").Select(m => Regex.Match(m.Value, "stroke-dasharray:[^;\"]*").Value).ToList();
            Assert.Equal(plain, dashes.Distinct().Count());
            Assert.Equal(plain, Count(figure, "<li><svg class=\"swatch-drawing\""));
        }

        [Fact]
        public void StackedAndSideBySideColumnsAfterTheFirstAreStriped()
        {
            var stacked = SampleReports.Chart("stacked", ReportChartKind.StackedColumn, Regions, withReference: false, seriesCount: 3);
            var columns = SampleReports.Chart("columns", ReportChartKind.Column, Regions, withReference: false, seriesCount: 2);

            var html = Html(stacked, columns);

            foreach (var (id, striped) in new[] { ("stacked", 2), ("columns", 1) })
            {
                var figure = Figure(html, id);
                var bars = Count(figure, "<rect class=\"bar series-[1-9]\"");
                Assert.True(bars > 0);
                Assert.Equal(bars, Count(figure, "<rect [^>]*fill:url\\(#chart-" + id + "-stripes-\\d\\)"));
                Assert.Equal(striped, Count(figure, "<pattern id=\"chart-" + id + "-stripes-\\d\""));
                Assert.Equal(striped, Count(figure, "<li><svg class=\"swatch-drawing\""));
            }
        }

        [Fact]
        public void PrintShowsTheNumbersTablesAndKeepsHeadingsWithWhatFollows()
        {
            var html = Html(SampleReports.Chart("columns", ReportChartKind.Column, Regions, withReference: false));

            Assert.Contains("details::details-content { content-visibility: visible; display: block; }", html, System.StringComparison.Ordinal);
            Assert.Matches(new Regex(@"\.report-section h2, \.report-section \.note[^{]*\{ break-after: avoid; \}"), html);
            Assert.Matches(new Regex(@"thead, tbody tr:first-child[^{]*\{ break-before: avoid; break-inside: avoid; \}"), html);
        }

        [Theory]
        [InlineData(ReportChartKind.Column, "Cumulative share of partner revenue by tenth of the partners (%)")]
        [InlineData(ReportChartKind.Line, "A rather long value axis title that says its unit at the end (USD)")]
        [InlineData(ReportChartKind.Bar, "A rather long category axis title for horizontal bars, with a unit (count)")]
        public void VerticalAxisTitlesGetTheHeightTheyNeed(ReportChartKind kind, string title)
        {
            var chart = SampleReports.Chart("t", kind, Regions.Take(2).ToList(), withReference: false);
            if (kind == ReportChartKind.Bar)
            {
                chart.CategoryAxisTitle = title;
            }
            else
            {
                chart.ValueAxisTitle = title;
            }

            foreach (var (width, font) in new[] { (620.0, 13.0), (510.0, 8.5) })
            {
                Assert.True(ReportPlots.SizeOf(chart, width, font).Height >= ReportPlots.VerticalTitleRoom(title, font), $"{kind} {width}");
            }
        }

        [Fact]
        public void PdfTableCellsWrapSoNoTextIsCut()
        {
            var report = SampleReports.Small();
            var table = report.Sections[1].Tables[0];
            var longName = "Établissements Zeta Dataverarbeitung und Netzwerktechnik Gesellschaft mit beschränkter Haftung Niederlassung Süd-Ost Nummer 42";
            var why = string.Join(" ", Enumerable.Range(1, 40).Select(i => "reason" + i));
            table.Rows.Clear();
            table.Columns.Clear();
            table.Columns.Add(new ReportColumn { Header = "Partner" });
            table.Columns.Add(new ReportColumn { Header = "Why" });
            table.Columns.Add(new ReportColumn { Header = "Revenue (USD)", Numeric = true });
            table.Rows.Add(new List<ReportCell> { new ReportCell { Text = longName }, new ReportCell { Text = why }, new ReportCell { Text = "1,000", Number = 1000 } });
            table.Rows.Add(new List<ReportCell> { new ReportCell { Text = longName + " West" }, new ReportCell { Text = "short" }, new ReportCell { Text = "2", Number = 2 } });

            using var stream = new MemoryStream();
            PdfReportWriter.Write(report, stream);
            using var document = PdfDocument.Open(stream.ToArray());
            var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();

            Assert.DoesNotContain(words, w => w.Contains('\u2026'));
            foreach (var word in (longName + " West " + why).Split(' '))
            {
                Assert.Contains(word, words);
            }
        }

        [Theory]
        [InlineData("Отчёт Москва Софт", "Otchet Moskva Soft")]
        [InlineData("Αθήνα", "Athina")]
        [InlineData("Report <b>&</b> 北京", "Report <b>&</b> ??")]
        [InlineData("Müller & Söhne", "Muller & Sohne")]
        public void PdfMetadataIsAsciiWithCyrillicAndGreekTransliterated(string text, string ascii)
        {
            Assert.Equal(ascii, PdfText.Ascii(text));
        }
    }
}
