using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PartnerOps.Report;
using PartnerOps.Report.Rendering;
using Xunit;

namespace PartnerOps.Tests.Report.Rendering
{
    public class HtmlReportWriterTests
    {
        internal static string Render(PartnerReport report)
        {
            using var writer = new StringWriter();
            HtmlReportWriter.Write(report, writer);
            return writer.ToString();
        }

        // The figure of one chart, from its start tag to its end tag.
        internal static string Figure(string html, string chartId)
        {
            var match = Regex.Match(html, "<figure class=\"chart\" id=\"chart-" + Regex.Escape(chartId) + "\">.*?</figure>", RegexOptions.Singleline);
            Assert.True(match.Success, $"the page has a figure for chart '{chartId}'");
            return match.Value;
        }

        private static int Count(string text, string pattern) => Regex.Matches(text, pattern).Count;

        [Fact]
        public void ThePageIsOneDocumentWithNothingFromOutside()
        {
            var html = Render(SampleReports.Small());

            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.Equal(1, Count(html, "<html"));
            Assert.Equal(1, Count(html, "</html>"));
            Assert.Equal(1, Count(html, "<style>"));
            Assert.Contains("@page { size: A4; margin: 15mm; }", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("https?://", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*//|url\(\s*[""']?\s*//|@import", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("<script|<link|<iframe|<img|<object|<embed", RegexOptions.IgnoreCase), html.Replace(WebEncoded(SampleReports.Hostile), string.Empty));
            Assert.DoesNotMatch(new Regex(@"<\?xml|<!DOCTYPE svg|xmlns", RegexOptions.IgnoreCase), html);
            Assert.Equal(4, Count(html, "<svg class=\"chart-drawing\""));
            Assert.Equal(Count(html, "<svg "), Count(html, "</svg>"));
        }

        private static string WebEncoded(string text) => System.Net.WebUtility.HtmlEncode(text);

        [Fact]
        public void TextFromDataIsEncodedInThePageAndInTheDrawings()
        {
            var html = Render(SampleReports.Small());

            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("R&D", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"quoted\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("'single'", html, StringComparison.Ordinal);
            const string encoded = "&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D &quot;quoted&quot; &#39;single&#39;";
            Assert.Equal(encoded, WebEncoded(SampleReports.Hostile));

            // In the title, the note, a tile's detail, a table cell, and as a category label inside three drawings.
            Assert.Contains("<title>Partner programme report " + encoded + "</title>", html, StringComparison.Ordinal);
            Assert.Contains("<p class=\"note\">Figures for " + encoded + "</p>", html, StringComparison.Ordinal);
            Assert.Contains("<div class=\"tile-detail\">" + encoded + "</div>", html, StringComparison.Ordinal);
            Assert.Contains(">" + encoded + "</td>", html, StringComparison.Ordinal);
            foreach (var chart in new[] { "columns", "stacked", "bars" })
            {
                var svg = Regex.Match(Figure(html, chart), "<svg .*?</svg>", RegexOptions.Singleline).Value;
                Assert.Matches("<text [^>]*>" + Regex.Escape(encoded) + "</text>", svg);
            }
        }

        [Theory]
        [InlineData("columns", 7, 0, 0)] // 2 series x 4 categories, one null value
        [InlineData("stacked", 11, 0, 0)] // 3 series x 4 categories, one null value
        [InlineData("bars", 3, 4, 0)] // 1 series (one null) and a reference of 4 markers
        [InlineData("lines", 0, 0, 4)] // 1 line of 5 categories (one null) and a dashed reference without points
        public void EachKindDrawsOneMarkPerValue(string chartId, int bars, int markers, int points)
        {
            // Counted as a browser test counts them: the classed marks the renderer's documentation names.
            var svg = Figure(Render(SampleReports.Small()), chartId);

            Assert.Equal(bars, Count(svg, "<rect class=\"bar series-\\d+\""));
            Assert.Equal(markers, Count(svg, "<polygon class=\"marker reference\""));
            Assert.Equal(points, Count(svg, "<ellipse class=\"point series-\\d+\""));
            Assert.Matches("role=\"img\" aria-labelledby=\"chart-" + chartId + "-title chart-" + chartId + "-desc\"", svg);
            Assert.Contains("<desc id=\"chart-" + chartId + "-desc\">Revenue per region for " + chartId + ".</desc>", svg, StringComparison.Ordinal);
            Assert.Contains("<details><summary>Numbers</summary>", svg, StringComparison.Ordinal);
            if (chartId == "lines")
            {
                Assert.Equal(1, Count(svg, "<polyline class=\"line reference\"[^>]*stroke-dasharray"));
                Assert.Equal(2, Count(svg, "<polyline class=\"line series-0\"")); // the null value breaks the line: a run of 1 point, a run of 3
            }
        }

        [Fact]
        public void BarsPerSeriesFollowTheValues()
        {
            // The counts come from the data: a third series adds one bar per category.
            var report = SampleReports.Small();
            var columns = report.Sections[1].Charts[0];
            Assert.Equal(7, Count(Figure(Render(report), "columns"), "<rect class=\"bar series-\\d+\""));
            columns.Series.Add(new ReportSeries { Name = "Third" });
            columns.Series[2].Values.AddRange(new double?[] { 1, 2, 3, 4 });
            var svg = Figure(Render(report), "columns");
            Assert.Equal(11, Count(svg, "<rect class=\"bar series-\\d+\""));
            Assert.Equal(4, Count(svg, "<rect class=\"bar series-2\""));

            // A zero is a bar (of no height), unlike a null.
            columns.Series[2].Values[0] = 0;
            columns.Series[2].Values[1] = null;
            svg = Figure(Render(report), "columns");
            Assert.Equal(3, Count(svg, "<rect class=\"bar series-2\""));
            Assert.Matches("<rect class=\"bar series-2\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"0\"", svg);
        }

        [Fact]
        public void AnEmptyMessageReplacesTheChartTheSectionAndTheTable()
        {
            var html = Render(SampleReports.Small());

            var figure = Figure(html, "no-targets");
            Assert.DoesNotContain("<svg", figure, StringComparison.Ordinal);
            Assert.Contains("<p class=\"empty\">No targets are set. Add one with Set-PartnerTarget.</p>", figure, StringComparison.Ordinal);
            Assert.Matches("<section class=\"report-section\" id=\"section-tiers\">\\s*<h2>Tiers</h2>\\s*<p class=\"empty\">No partner has a tier yet.</p>\\s*</section>", html);
            Assert.Contains("<div class=\"table-empty\" id=\"table-deals-expiring\"><p class=\"caption\">Deals expiring</p><p class=\"empty\">No deal expires in the next 30 days.</p></div>", html, StringComparison.Ordinal);
        }

        [Fact]
        public void AChartWithNoValueShowsAMessageNotAnEmptyDrawing()
        {
            var report = SampleReports.Small();
            var columns = report.Sections[1].Charts[0];
            foreach (var series in columns.Series)
            {
                for (var i = 0; i < series.Values.Count; i++)
                {
                    series.Values[i] = null;
                }
            }

            var figure = Figure(Render(report), "columns");
            Assert.DoesNotContain("<svg", figure, StringComparison.Ordinal);
            Assert.Contains("<p class=\"empty\">No figures to draw for Chart columns.</p>", figure, StringComparison.Ordinal);
        }

        [Fact]
        public void OneCategoryStillDraws()
        {
            var report = SampleReports.Small();
            report.Sections[1].Charts.Clear();
            report.Sections[1].Charts.Add(SampleReports.Chart("one", ReportChartKind.Bar, new[] { "Western Europe" }, withReference: true));
            var svg = Figure(Render(report), "one");
            Assert.Equal(1, Count(svg, "<rect class=\"bar series-0\""));
            Assert.Equal(1, Count(svg, "<polygon class=\"marker reference\""));
        }

        [Fact]
        public void TilesAndCellsCarryTheirNumbersInvariant()
        {
            var html = Render(SampleReports.Small());

            Assert.Contains("<div class=\"tile behind\" id=\"tile-partners\" data-value=\"812\">", html, StringComparison.Ordinal);
            Assert.Contains("<div class=\"tile-status\">Behind</div>", html, StringComparison.Ordinal);
            Assert.Contains("<div class=\"tile on-track\" id=\"tile-partner-share\" data-value=\"0.784\">", html, StringComparison.Ordinal);
            Assert.Contains("<div class=\"tile-status\">On track</div>", html, StringComparison.Ordinal);
            Assert.Contains("id=\"tile-revenue\" data-value=\"12345678.5\"", html, StringComparison.Ordinal);
            Assert.Contains("<div class=\"tile no-status\" id=\"tile-net-adds\"><div", html, StringComparison.Ordinal);
            Assert.Contains("<table id=\"table-revenue-by-region\">", html, StringComparison.Ordinal);
            Assert.Contains("<td class=\"num shaded\" data-value=\"1234.5\" style=\"--shade:1\">1,234.5</td>", html, StringComparison.Ordinal);
            Assert.Contains("<table id=\"table-columns-numbers\">", html, StringComparison.Ordinal);
            Assert.Contains("<td class=\"num\" data-value=\"1274\">1,274</td>", html, StringComparison.Ordinal);
        }

        [Fact]
        public void ASeriesWithTheWrongNumberOfValuesIsRefusedByName()
        {
            var report = SampleReports.Small();
            report.Sections[1].Charts[0].Series[1].Values.RemoveAt(0);
            var error = Assert.Throws<ArgumentException>(() => Render(report));
            Assert.Contains("Chart 'columns': series 'Series 1' has 3 values for 4 categories", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ASampleSizedReportIsSmall()
        {
            // Its time is the Report benchmark's (bench/), not a test's: a timed test fails on a loaded machine.
            var html = Render(SampleReports.Large(charts: 10, categories: 20));

            Assert.Equal(14, Count(html, "<svg class=\"chart-drawing\""));
            Assert.True(Encoding.UTF8.GetByteCount(html) < 1_000_000, $"{Encoding.UTF8.GetByteCount(html)} bytes");
            Assert.Equal(20 * 3, Count(Figure(html, "large-1"), "<rect class=\"bar series-\\d+\"") + 1); // stacked, 3 series, one null
        }

        [Fact]
        public void ArgumentsMustBeGiven()
        {
            Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Write(null!, new StringWriter()));
            Assert.Throws<ArgumentNullException>(() => HtmlReportWriter.Write(SampleReports.Small(), null!));
        }
    }
}
