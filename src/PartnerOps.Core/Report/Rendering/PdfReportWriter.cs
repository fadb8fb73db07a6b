using System;
using System.IO;
using System.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Writes a <see cref="PartnerReport"/> as a PDF document of A4 pages (15 mm margins): the title and scope line, then
    /// each section with its tiles and tables as text and its charts drawn (vector, by OxyPlot), each chart followed by the
    /// table of its numbers. Written by OxyPlot's managed PDF writer (<see cref="PortableDocument"/>), so it needs no native
    /// library on any platform. Text uses the PDF standard font Helvetica with its Windows-1252 (WinAnsi) encoding, so every
    /// character of Windows-1252 is shown as written (Latin-1 letters such as "ü", "ß", "Æ", and "€", "–", "—", curly quotes,
    /// "…", "™", "Š", "Œ"). A character outside it (such as "Ł", Cyrillic, Greek or Chinese) is shown as "?": the first page
    /// then says so in a note naming the first texts concerned in their "?" form with the characters' code points, and
    /// <see cref="Write"/>'s result lists them all. The document's metadata (Title, Subject) is printable ASCII only ("Zürich"
    /// as "Zurich", Cyrillic and Greek transliterated: "Отчёт" as "Otchet"; Chinese, Arabic and other scripts as "?"), as
    /// OxyPlot writes it as UTF-8 bytes that PDF readers do not read as UTF-8; such a title is on the first page too, so the
    /// warning and the first page's note name it.
    /// </summary>
    public static class PdfReportWriter
    {
        private const double ChartFontSize = 8.5;

        private static readonly OxyColor Good = OxyColor.FromRgb(0x2E, 0x7D, 0x32);
        private static readonly OxyColor Bad = OxyColor.FromRgb(0xB3, 0x26, 0x1E);
        private static readonly OxyColor Accent = OxyColor.FromRgb(0x1F, 0x5A, 0x96);

        /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as a PDF document.</summary>
        /// <param name="report">The report.</param>
        /// <param name="output">Where the document is written (from its current position); not closed.</param>
        /// <returns>
        /// The texts the PDF shows with "?" for characters it cannot show (empty when none); its
        /// <see cref="PdfReportResult.Warning"/> is the warning to give.
        /// </returns>
        /// <exception cref="ArgumentNullException">A null report or stream.</exception>
        /// <exception cref="ArgumentException">A chart whose series do not have one value per category (names the chart and series).</exception>
        public static PdfReportResult Write(PartnerReport report, Stream output)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            foreach (var chart in report.Sections.SelectMany(s => s.Charts))
            {
                ReportPlots.Validate(chart);
            }

            // What cannot be shown is known once everything is drawn; the note about it goes on the first page, so a report
            // with such text is drawn a second time with the note.
            var replaced = new PdfReplacedTexts();
            var document = Draw(report, replaced, note: null);
            if (replaced.All.Count > 0)
            {
                document = Draw(report, new PdfReplacedTexts(), PdfReportResult.Note(replaced.All));
            }

            // The PDF writer closes the stream it saves to and counts offsets from the stream's start: saved to memory first.
            using (var buffer = new MemoryStream())
            {
                document.Save(buffer);
                var bytes = buffer.ToArray();
                output.Write(bytes, 0, bytes.Length);
            }

            return new PdfReportResult(replaced.All);
        }

        private static PortableDocument Draw(PartnerReport report, PdfReplacedTexts replaced, string? note)
        {
            var document = new PortableDocument
            {
                Title = PdfText.Ascii(report.Title),
                Subject = PdfText.Ascii(ReportText.Scope(report, "; ")),
                Creator = "PartnerOps Export-PartnerReport",
            };
            var canvas = new PdfCanvas(document, ReportText.Generated(report), replaced);
            canvas.NewPage();
            canvas.Paragraph(report.Title, 18, true, false, PdfCanvas.Ink, spaceAfter: 2);
            canvas.Paragraph(ReportText.Scope(report), 8.5, false, false, PdfCanvas.Muted, spaceAfter: 4);
            canvas.HorizontalRule(PdfCanvas.Margin, canvas.Y, PdfCanvas.ContentWidth, Accent, 1.5);
            canvas.Y += 12;
            if (note != null)
            {
                canvas.Paragraph(note, 8.5, true, false, Bad, spaceAfter: 10);
            }

            foreach (var section in report.Sections)
            {
                WriteSection(canvas, section);
            }

            return document;
        }

        private static void WriteSection(PdfCanvas canvas, ReportSection section)
        {
            // The heading and its note are kept with what comes first under them (a row of tiles, a chart, a table's start).
            var note = section.Note == null ? 0 : (PdfCanvas.Wrap(section.Note, 9, false, false, PdfCanvas.ContentWidth).Count * 9 * 1.3) + 6;
            canvas.Ensure(Math.Min((14 * 1.3) + 6 + note + FirstHeight(section), PdfCanvas.Bottom - PdfCanvas.Margin));
            canvas.Paragraph(section.Heading, 14, true, false, PdfCanvas.Ink, spaceAfter: 1);
            canvas.HorizontalRule(PdfCanvas.Margin, canvas.Y, PdfCanvas.ContentWidth, PdfCanvas.Rule);
            canvas.Y += 5;
            if (section.Note != null)
            {
                canvas.Paragraph(section.Note, 9, false, false, PdfCanvas.Muted, spaceAfter: 6);
            }

            if (section.EmptyMessage != null)
            {
                canvas.Paragraph(section.EmptyMessage, 9.5, false, true, PdfCanvas.Muted, spaceAfter: 14);
                return;
            }

            WriteTiles(canvas, section);
            foreach (var chart in section.Charts)
            {
                WriteChart(canvas, chart);
            }

            foreach (var table in section.Tables)
            {
                PdfTableLayout.Write(canvas, table);
            }

            canvas.Y += 8;
        }

        // The height of what a section shows first (at most a page's room), so that its heading is not left alone at a page's foot.
        private static double FirstHeight(ReportSection section)
        {
            if (section.EmptyMessage != null)
            {
                return 30;
            }

            if (section.Tiles.Count > 0)
            {
                const double TileWidth = ((PdfCanvas.ContentWidth - (3 * 8)) / 4) - 12;
                return section.Tiles.Take(4).Max(t => TileHeight(t, TileWidth));
            }

            if (section.Charts.Count > 0)
            {
                var chart = section.Charts[0];
                return chart.EmptyMessage != null || !ReportPlots.HasData(chart) ? 40 : ChartHeight(chart) + 40;
            }

            return section.Tables.Count > 0 ? 60 : 0;
        }

        // A chart's height, at most what leaves room on a page for its title and legend and a section's heading and note above.
        private static double ChartHeight(ReportChart chart) =>
            Math.Min(ReportPlots.SizeOf(chart, PdfCanvas.ContentWidth, ChartFontSize).Height, PdfCanvas.Bottom - PdfCanvas.Margin - 140);

        private static void WriteTiles(PdfCanvas canvas, ReportSection section)
        {
            const int PerRow = 4;
            const double Gap = 8;
            const double Pad = 6;
            var width = (PdfCanvas.ContentWidth - ((PerRow - 1) * Gap)) / PerRow;
            for (var start = 0; start < section.Tiles.Count; start += PerRow)
            {
                var row = section.Tiles.Skip(start).Take(PerRow).ToList();
                var height = row.Max(t => TileHeight(t, width - (2 * Pad)));
                canvas.Ensure(height);
                for (var i = 0; i < row.Count; i++)
                {
                    var tile = row[i];
                    var x = PdfCanvas.Margin + (i * (width + Gap));
                    var top = canvas.Y;
                    canvas.Fill(x, top, width, height, PdfCanvas.Rule);
                    canvas.Fill(x + 0.6, top + 0.6, width - 1.2, height - 1.2, OxyColors.White);
                    canvas.Fill(x, top, 3, height, tile.Status == ReportStatus.OnTrack ? Good : tile.Status == ReportStatus.Behind ? Bad : PdfCanvas.Muted);
                    var y = top + Pad;
                    foreach (var line in TileLines(tile, width - (2 * Pad)))
                    {
                        y += line.Size * 1.25;
                        canvas.Text(x + Pad + 2, y - (line.Size * 0.25), line.Text, line.Size, line.Bold, false, line.Color, line.Source);
                    }
                }

                canvas.Y += height + Gap;
            }
        }

        private static double TileHeight(ReportTile tile, double width) =>
            TileLines(tile, width).Sum(l => l.Size * 1.25) + 12;

        private static System.Collections.Generic.IEnumerable<(string Text, double Size, bool Bold, OxyColor Color, string Source)> TileLines(ReportTile tile, double width)
        {
            foreach (var line in PdfCanvas.Wrap(tile.Label, 7.5, false, false, width))
            {
                yield return (line, 7.5, false, PdfCanvas.Muted, tile.Label);
            }

            foreach (var line in PdfCanvas.Wrap(tile.Value, 15, true, false, width))
            {
                yield return (line, 15, true, PdfCanvas.Ink, tile.Value);
            }

            foreach (var line in PdfCanvas.Wrap(tile.Detail ?? string.Empty, 7, false, false, width).Where(l => l.Length > 0))
            {
                yield return (line, 7, false, PdfCanvas.Muted, tile.Detail ?? string.Empty);
            }

            if (tile.Status != ReportStatus.None)
            {
                var status = ReportText.Status(tile.Status);
                yield return (status, 7.5, true, tile.Status == ReportStatus.OnTrack ? Good : Bad, status);
            }
        }

        private static void WriteChart(PdfCanvas canvas, ReportChart chart)
        {
            var size = ReportPlots.SizeOf(chart, PdfCanvas.ContentWidth, ChartFontSize);
            var height = ChartHeight(chart);
            var empty = chart.EmptyMessage != null || !ReportPlots.HasData(chart);
            canvas.Ensure(empty ? 40 : height + 40);
            canvas.Paragraph(chart.Title, 11, true, false, PdfCanvas.Ink, spaceAfter: 2);
            if (empty)
            {
                canvas.Paragraph(chart.EmptyMessage ?? ReportText.NothingToDraw(chart), 9.5, false, true, PdfCanvas.Muted, spaceAfter: 12);
                return;
            }

            var model = ReportPlots.Build(chart, new OxySize(size.Width, height), ChartFontSize, "Helvetica");
            var context = new PdfChartContext(canvas.Document, canvas.Replaced, PdfCanvas.Margin, canvas.Y, chart);
            ((IPlotModel)model).Update(true);
            ((IPlotModel)model).Render(context, new OxyRect(0, 0, size.Width, height));
            canvas.Y += height + 4;
            WriteLegend(canvas, chart);
            PdfTableLayout.Write(canvas, chart.Table);
        }

        private static void WriteLegend(PdfCanvas canvas, ReportChart chart)
        {
            const double Size = 8;
            canvas.Ensure(Size * 2);
            var x = PdfCanvas.Margin;
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var name = chart.Series[i].Name;
                var width = 14 + PdfCanvas.Measure(name, Size, false, false) + 14;
                if (x + width > PdfCanvas.Margin + PdfCanvas.ContentWidth && x > PdfCanvas.Margin)
                {
                    x = PdfCanvas.Margin;
                    canvas.Y += Size * 1.6;
                }

                PdfLegend.Swatch(canvas, chart, i, x, canvas.Y);

                canvas.Text(x + 13, canvas.Y + Size, name, Size, false, false, PdfCanvas.Ink);
                x += width;
            }

            canvas.Y += Size * 2.2;
        }
    }
}
