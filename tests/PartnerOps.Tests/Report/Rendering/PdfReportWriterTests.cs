using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PartnerOps.Report;
using PartnerOps.Report.Rendering;
using UglyToad.PdfPig;
using Xunit;

namespace PartnerOps.Tests.Report.Rendering
{
    public class PdfReportWriterTests
    {
        private static byte[] Render(PartnerReport report)
        {
            using var stream = new MemoryStream();
            PdfReportWriter.Write(report, stream);
            return stream.ToArray();
        }

        // Every page's words, joined by spaces (as a reader copies the text).
        private static string[] PageTexts(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToArray();
        }

        [Fact]
        public void TheDocumentIsAPdfOfA4PagesThatAParserReads()
        {
            var pdf = Render(SampleReports.Small());

            Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
            Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(pdf, pdf.Length - 10, 10).TrimEnd(), StringComparison.Ordinal);
            using var document = PdfDocument.Open(pdf);
            Assert.True(document.NumberOfPages >= 2, $"{document.NumberOfPages} pages");
            foreach (var page in document.GetPages())
            {
                Assert.Equal(595, page.Width, 0);
                Assert.Equal(842, page.Height, 0);
            }

            Assert.Equal("Partner programme report " + SampleReports.Hostile, document.Information.Title);
        }

        [Fact]
        public void ThePagesHoldTheTitleTilesTablesAndChartText()
        {
            var pages = PageTexts(Render(SampleReports.Small()));
            var all = string.Join(" ", pages);

            Assert.Contains("Partner programme report <script>alert(1)</script> R&D \"quoted\" 'single'", pages[0], StringComparison.Ordinal);
            Assert.Contains("As of 30 November 2026", pages[0], StringComparison.Ordinal);
            // The tiles stand in a row: a parser reads their labels first, then their values, details and statuses.
            Assert.Contains("Partners Partner share Revenue Net adds 812 78.4 % USD n/a of 1,000 target no target set On track 12,345,678 Behind", pages[0], StringComparison.Ordinal);
            Assert.Contains("Page 1", pages[0], StringComparison.Ordinal);

            // Charts: title, axis labels drawn as text, legend, numbers table.
            Assert.Contains("Chart bars", all, StringComparison.Ordinal);
            Assert.Contains("Western Europe", all, StringComparison.Ordinal);
            Assert.Contains("Revenue (USD)", all, StringComparison.Ordinal);
            Assert.Contains("Numbers of lines", all, StringComparison.Ordinal);
            Assert.Contains("No targets are set. Add one with Set-PartnerTarget.", all, StringComparison.Ordinal);
            Assert.Contains("Revenue by region", all, StringComparison.Ordinal);
            Assert.Contains("1,234.5", all, StringComparison.Ordinal);
            Assert.Contains("No deal expires in the next 30 days.", all, StringComparison.Ordinal);
            Assert.Contains("Tiers No partner has a tier yet.", all, StringComparison.Ordinal);
        }

        [Fact]
        public void ChartsAreDrawnAsShapes()
        {
            // Each mark of the first series is one fill in its colour ("r g b rg"): 3 + 3 + 3 bars (columns, stacked, bars;
            // one value is null in each), 4 points of the line, and a legend swatch for each of the 4 charts.
            var pdf = Encoding.ASCII.GetString(Render(SampleReports.Small()));
            var blue = ReportPlots.SeriesColors[0];
            var fill = string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:0.####} {1:0.####} {2:0.####} rg\n", blue.R / 255.0, blue.G / 255.0, blue.B / 255.0);
            Assert.Equal(17, System.Text.RegularExpressions.Regex.Matches(pdf, System.Text.RegularExpressions.Regex.Escape(fill)).Count);
        }

        [Fact]
        public void TextOutsideAsciiLosesItsAccentsOnly()
        {
            var report = SampleReports.Small();
            report.Title = "Zürich – Ærø · 東京";
            var pages = PageTexts(Render(report));
            Assert.Contains("Zurich - AEro - ??", pages[0], StringComparison.Ordinal);
        }

        [Fact]
        public void TheStreamIsWrittenFromItsPositionAndLeftOpen()
        {
            using var stream = new MemoryStream();
            stream.Write(new byte[] { 1, 2, 3 }, 0, 3);
            PdfReportWriter.Write(SampleReports.Small(), stream);
            Assert.True(stream.CanWrite);
            var bytes = stream.ToArray();
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 3, 5));
            Assert.Equal(Render(SampleReports.Small()).Length + 3, bytes.Length);
        }

        [Fact]
        public void ASampleSizedReportIsWrittenQuickly()
        {
            var report = SampleReports.Large(charts: 10, categories: 20);
            Render(report);
            var clock = Stopwatch.StartNew();
            var pdf = Render(report);
            clock.Stop();

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{clock.Elapsed.TotalMilliseconds} ms");
            Assert.True(pdf.Length < 1_000_000, $"{pdf.Length} bytes");
            var all = string.Join(" ", PageTexts(pdf));
            Assert.Contains("Country number 20", all, StringComparison.Ordinal);
            Assert.Contains("Chart large-9", all, StringComparison.Ordinal);
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            Assert.Throws<ArgumentNullException>(() => PdfReportWriter.Write(null!, new MemoryStream()));
            Assert.Throws<ArgumentNullException>(() => PdfReportWriter.Write(SampleReports.Small(), null!));
            var report = SampleReports.Small();
            report.Sections[1].Charts[2].Categories.Add("Extra");
            var error = Assert.Throws<ArgumentException>(() => Render(report));
            Assert.Contains("Chart 'bars': series 'Series 0' has 4 values for 5 categories", error.Message, StringComparison.Ordinal);
        }
    }
}
