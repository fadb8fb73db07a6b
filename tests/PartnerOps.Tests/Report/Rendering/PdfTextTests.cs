using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OxyPlot;
using PartnerOps.Report;
using PartnerOps.Report.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit;

namespace PartnerOps.Tests.Report.Rendering
{
    /// <summary>Text in the PDF: all of Windows-1252 shown as written, anything else shown as "?" and said so.</summary>
    public class PdfTextTests
    {
        private static readonly string[] Windows1252Texts =
        {
            "Zürich", "Société Générale", "Ærø", "Straße", "€ 1,000", "‘quoted’ — dash", "Œuvre Šibenik Žilina Ÿ ƒ „low“ † ‡ ˆ ‰ ‹› • ˜ ™ … ‚",
        };

        private static (byte[] Pdf, PdfReportResult Result) Render(PartnerReport report)
        {
            using var stream = new MemoryStream();
            var result = PdfReportWriter.Write(report, stream);
            return (stream.ToArray(), result);
        }

        private static string[] PageTexts(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToArray();
        }

        // A report whose title, a tile, a table's cells and a chart's categories hold the given texts.
        private static PartnerReport With(params string[] texts)
        {
            var report = SampleReports.Small();
            report.Title = texts[0];
            var headline = report.Sections[0];
            headline.Tiles[0].Label = texts[texts.Length - 1];
            var table = report.Sections[1].Tables[0];
            table.Rows.Clear();
            foreach (var text in texts)
            {
                table.Rows.Add(new List<ReportCell> { new ReportCell { Text = text }, new ReportCell { Text = "1", Number = 1 } });
            }

            report.Sections[1].Charts[0] = SampleReports.Chart("columns", ReportChartKind.Column, texts, withReference: false);
            return report;
        }

        [Fact]
        public void EveryCharacterOfWindows1252IsShownAsWrittenWithNoNote()
        {
            var (pdf, result) = Render(With(Windows1252Texts));
            var pages = PageTexts(pdf);

            Assert.Empty(result.ReplacedTexts);
            Assert.Null(result.Warning);
            Assert.DoesNotContain("cannot show", string.Join(" ", pages), StringComparison.Ordinal);
            Assert.StartsWith("Zürich As of 30 November 2026 · Year 2026", pages[0], StringComparison.Ordinal);
            Assert.Contains("Headline Figures for", pages[0], StringComparison.Ordinal);
            Assert.Contains("Œuvre Šibenik Žilina Ÿ ƒ „low“ †", pages[0], StringComparison.Ordinal); // the tile's label, wrapped
            foreach (var text in Windows1252Texts)
            {
                // The title, the tile, the chart's category labels and its numbers table, the region table.
                var count = pages.Sum(p => Occurrences(p, text));
                Assert.True(count >= 2, $"'{text}' is shown {count} times in: {string.Join(" | ", pages)}");
            }
        }

        [Fact]
        public void CharactersOutsideWindows1252AreShownAsQuestionMarksNamedInANoteAndTheResult()
        {
            var report = With("Łódź Partners", "Zürich", "北京");
            var (pdf, result) = Render(report);
            var pages = PageTexts(pdf);

            Assert.Equal(new[] { "Łódź Partners", "北京" }, result.ReplacedTexts.Select(t => t.Text));
            Assert.Equal(new[] { "?ód? Partners", "??" }, result.ReplacedTexts.Select(t => t.Shown));
            Assert.Equal(new[] { "U+0141", "U+017A" }, result.ReplacedTexts[0].Characters);
            Assert.Equal(new[] { "U+5317", "U+4EAC" }, result.ReplacedTexts[1].Characters);
            Assert.Equal(
                "The PDF shows characters it cannot show as ?: 'Łódź Partners' as '?ód? Partners', '北京' as '??'. The HTML report (-Format Html) shows them.",
                result.Warning);

            // The note stands on the first page, under the scope line and before the first section.
            var note = "Some text has characters this PDF cannot show (shown as ?): \"?ód? Partners\" (U+0141, U+017A), \"??\" (U+5317, U+4EAC). The HTML report (-Format Html) shows them.";
            Assert.Contains("Database: C:\\data\\partners.db " + note + " Headline", pages[0], StringComparison.Ordinal);
            Assert.Equal(1, pages.Sum(p => Occurrences(p, "cannot show")));
            Assert.Contains("Zürich", pages[0], StringComparison.Ordinal);
            Assert.True(pages.Sum(p => Occurrences(p, "?ód? Partners")) >= 4, string.Join(" | ", pages)); // note, title, table, chart's table
        }

        [Fact]
        public void TheNoteNamesTheFirstFiveTextsAndCountsTheRest()
        {
            var names = new[] { "Москва", "Αθήνα", "Łódź", "北京", "Kraków ł", "Ørsted ő", "Zürich" };
            var (pdf, result) = Render(With(names));
            var first = PageTexts(pdf)[0];

            Assert.Equal(6, result.ReplacedTexts.Count);
            Assert.Contains("\"??????\" (U+041C, U+043E, U+0441, U+043A, U+0432, U+0430), \"?????\" (U+0391, U+03B8, U+03AE, U+03BD, U+03B1)", first, StringComparison.Ordinal);
            Assert.Contains("\"Kraków ?\" (U+0142) and 1 more. The HTML report", first, StringComparison.Ordinal);
            Assert.EndsWith("'Kraków ł' as 'Kraków ?' and 1 more. The HTML report (-Format Html) shows them.", result.Warning, StringComparison.Ordinal);
        }

        [Fact]
        public void TheNoteCutsALongTextAndItsCodePoints()
        {
            var replaced = new PdfReplacedTexts();
            replaced.Drawn("Zürich");
            replaced.Drawn(new string('x', 70) + "一二三四五六七八");
            replaced.Drawn("Zürich");

            var text = Assert.Single(replaced.All);
            Assert.Equal(8, text.Characters.Count);
            Assert.Equal(
                "Some text has characters this PDF cannot show (shown as ?): \"" + new string('x', 57) + "…\" (U+4E00, U+4E8C, U+4E09, U+56DB, U+4E94, U+516D, …). The HTML report (-Format Html) shows them.",
                PdfReportResult.Note(replaced.All));
            Assert.Null(PdfReportResult.Note(new PdfReplacedTexts().All));
        }

        [Theory]
        [InlineData("Zürich", "Zürich", "")]
        [InlineData("Zu\u0308rich", "Zürich", "")] // decomposed: composed first
        [InlineData("€ 1,000 – ‘a’ “b” … ™", "€ 1,000 – ‘a’ “b” … ™", "")]
        [InlineData("a\tb\r\nc\u2009d\u00A0e", "a b  c d\u00A0e", "")]
        [InlineData("\u22125 \u2010x\u200By\u00ADz", "-5 -xyz", "")]
        [InlineData("Łódź", "?ód?", "U+0141 U+017A")]
        [InlineData("北京", "??", "U+5317 U+4EAC")]
        [InlineData("ok \U0001F600!", "ok ?!", "U+1F600")]
        [InlineData("bell\u0007 \u0081", "bell? ?", "U+0007 U+0081")]
        public void ShownAndUnshown(string text, string shown, string unshown)
        {
            Assert.Equal(shown, PdfText.Shown(text));
            Assert.Equal(unshown, string.Join(" ", PdfText.Unshown(text)));
            Assert.All(PdfText.Encode(text), c => Assert.True(c <= '\u00FF', $"U+{(int)c:X4}"));
        }

        [Fact]
        public void TheWidthTablesCoverEveryCodeOfWindows1252()
        {
            // Codes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252 and never written.
            var codes = Enumerable.Range(0x20, 0x7F - 0x20).Concat(Enumerable.Range(0x80, 0x20).Except(new[] { 0x81, 0x8D, 0x8F, 0x90, 0x9D })).Concat(Enumerable.Range(0xA0, 0x60));
            foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                var font = StandardFonts.Helvetica.GetFont(bold, italic);
                Assert.Equal(0, font.FirstChar);
                Assert.Equal(FontEncoding.WinAnsiEncoding, font.Encoding);
                Assert.All(codes, code => Assert.True(font.Widths.Length > code && font.Widths[code] > 0, $"code {code:X2}"));
            }

            // A measured text is as wide as its codes' widths: "€" (0x80) and "Æ" (0xC6) are not counted as nothing.
            var regular = StandardFonts.Helvetica.GetFont(false, false);
            Assert.Equal((regular.Widths[0x80] + regular.Widths[0xC6]) * 10 / 1000.0, PdfCanvas.Measure("€Æ", 10, false, false), 6);
            Assert.Equal(2 * regular.Widths['?'] * 10 / 1000.0, PdfCanvas.Measure("北京", 10, false, false), 6);
            Assert.Equal(2 * ReportTextMeasurer.OtherWidth * 10 / 1000.0, PdfText.Width(regular, "北京", 10, ReportTextMeasurer.OtherWidth), 6);
        }

        [Fact]
        public void LongLatin1TextIsMeasuredAndWrappedWithinThePage()
        {
            var name = "Établissements Größenwahn-Ærøskøbing Société Générale d'Équipements Électroniques Østfold Ålesund Ñuñoa Çatalhöyük";
            var report = With(name, name + " Straße");
            report.Sections[0].Tiles[1].Value = "ÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆÆ ÆÆÆÆÆÆÆÆÆ";
            var (pdf, result) = Render(report);

            Assert.Empty(result.ReplacedTexts);
            using var document = PdfDocument.Open(pdf);
            foreach (var page in document.GetPages())
            {
                // Horizontal text (all but the chart's turned labels): from its start to its advance, within the margins.
                var outside = page.Letters
                    .Where(l => l.TextOrientation == TextOrientation.Horizontal)
                    .Where(l => l.StartBaseLine.X < PdfCanvas.Margin - 0.01 || l.EndBaseLine.X > PdfCanvas.PageWidth - PdfCanvas.Margin + 0.01)
                    .Select(l => $"'{l.Value}' {l.StartBaseLine.X:0.00}..{l.EndBaseLine.X:0.00}");
                Assert.True(!outside.Any(), $"page {page.Number}: " + string.Join(", ", outside));
            }

            // "Æ" is drawn with its width (the tile, the table and the chart show it; which pages they fall on depends on the layout).
            Assert.Contains(document.GetPages().SelectMany(p => p.Letters), l => l.Value == "Æ" && l.EndBaseLine.X - l.StartBaseLine.X > 1);

            foreach (var line in PdfCanvas.Wrap(name, 7.5, false, false, 100))
            {
                Assert.True(PdfCanvas.Measure(line, 7.5, false, false) <= 100, line);
            }

            Assert.Equal(name, string.Join(" ", PdfCanvas.Wrap(name, 7.5, false, false, 100)));
            Assert.Contains("Établissements", string.Join(" ", PageTexts(pdf)), StringComparison.Ordinal);
        }

        private static int Occurrences(string text, string part)
        {
            var count = 0;
            for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
