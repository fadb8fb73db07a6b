using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Writes a report table onto PDF pages as text: a caption, a shaded header row (repeated on each new page), then the rows;
    /// numbers aligned right, shaded cells filled by their shade, columns sized to their widest text. When the table is wider
    /// than the page even at the smallest size, the text columns share the room left and their cells wrap onto more lines
    /// (a word longer than its column is split across lines), so no text is cut; a row grows to its tallest cell, and pages
    /// break between rows only, never leaving the caption and header without the first row under them.
    /// </summary>
    internal static class PdfTableLayout
    {
        private const double LargestSize = 8.5;
        private const double SmallestSize = 6.5;
        private const double Padding = 4;

        private static readonly OxyColor HeaderFill = OxyColor.FromRgb(0xEE, 0xF1, 0xF4);

        /// <summary>Writes <paramref name="table"/> (or its caption and empty message) at the canvas' cursor.</summary>
        internal static void Write(PdfCanvas canvas, ReportTable table)
        {
            if (table.EmptyMessage != null || table.Rows.Count == 0)
            {
                canvas.Ensure(36);
                canvas.Paragraph(table.Caption, 9.5, true, false, PdfCanvas.Ink, spaceAfter: 2);
                canvas.Paragraph(table.EmptyMessage ?? ReportText.NoRows(table), 9, false, true, PdfCanvas.Muted, spaceAfter: 10);
                return;
            }

            var columns = table.Columns.Count;
            var size = LargestSize;
            var widths = Widths(table, size);
            while (widths.Sum() > PdfCanvas.ContentWidth && size > SmallestSize)
            {
                size -= 0.5;
                widths = Widths(table, size);
            }

            if (widths.Sum() > PdfCanvas.ContentWidth)
            {
                // Numeric columns keep their width; each text column gets its longest word, and the room left is shared by the
                // text columns in proportion to how much wider their widest text is (they wrap).
                var numeric = Enumerable.Range(0, columns).Where(c => table.Columns[c].Numeric).Sum(c => widths[c]);
                var words = WordWidths(table, size);
                var text = Enumerable.Range(0, columns).Where(c => !table.Columns[c].Numeric).ToList();
                var room = PdfCanvas.ContentWidth - numeric;
                var least = text.Sum(c => words[c]);
                var more = text.Sum(c => widths[c] - words[c]);
                foreach (var c in text)
                {
                    widths[c] = least >= room
                        ? words[c] * Math.Max(0.1, room / Math.Max(1, least))
                        : words[c] + ((room - least) * (widths[c] - words[c]) / Math.Max(1, more));
                }
            }
            else
            {
                var spare = (PdfCanvas.ContentWidth - widths.Sum()) / Math.Max(1, columns);
                for (var c = 0; c < columns; c++)
                {
                    widths[c] += Math.Min(spare, 60);
                }
            }

            var lineHeight = size * 1.25;
            var header = Lines(table.Columns.Select(c => c.Header).ToList(), widths, size, bold: true);
            var headerHeight = Height(header, lineHeight);
            var first = Lines(table.Rows[0].Select(c => c.Text).ToList(), widths, size, bold: false);
            canvas.Ensure(CaptionHeight(table.Caption) + headerHeight + Height(first, lineHeight));
            canvas.Paragraph(table.Caption, 9.5, true, false, PdfCanvas.Ink, spaceAfter: 2);
            Header(canvas, table, widths, size, header, lineHeight);
            foreach (var row in table.Rows)
            {
                var lines = Lines(row.Select(c => c.Text).ToList(), widths, size, bold: false);
                var rowHeight = Height(lines, lineHeight);
                if (canvas.Y + rowHeight > PdfCanvas.Bottom)
                {
                    canvas.NewPage();
                    Header(canvas, table, widths, size, header, lineHeight);
                }

                var x = PdfCanvas.Margin;
                for (var c = 0; c < columns && c < row.Count; c++)
                {
                    var cell = row[c];
                    if (cell.Shade is double shade)
                    {
                        canvas.Fill(x, canvas.Y, widths[c], rowHeight, Shaded(Math.Max(0, Math.Min(1, shade))));
                    }

                    Cell(canvas, cell.Text, lines[c], x, widths[c], table.Columns[c].Numeric, size, false, canvas.Y, lineHeight);
                    x += widths[c];
                }

                canvas.Y += rowHeight;
                canvas.HorizontalRule(PdfCanvas.Margin, canvas.Y, widths.Sum(), PdfCanvas.Rule);
            }

            canvas.Y += 12;
        }

        // The accent blended into white by a cell's shade, as the HTML page shades it.
        private static OxyColor Shaded(double shade)
        {
            var alpha = 0.06 + (0.38 * shade);
            byte Blend(byte accent) => (byte)Math.Round(255 - ((255 - accent) * alpha));
            return OxyColor.FromRgb(Blend(0x1F), Blend(0x5A), Blend(0x96));
        }

        private static double[] Widths(ReportTable table, double size)
        {
            var widths = new double[table.Columns.Count];
            for (var c = 0; c < widths.Length; c++)
            {
                var widest = PdfCanvas.Measure(table.Columns[c].Header, size, true, false);
                foreach (var row in table.Rows.Where(r => c < r.Count))
                {
                    widest = Math.Max(widest, PdfCanvas.Measure(row[c].Text, size, false, false));
                }

                widths[c] = widest + (2 * Padding);
            }

            return widths;
        }

        // Each column's longest word (header or cell) with its padding: narrower than that, a word would be split.
        private static double[] WordWidths(ReportTable table, double size)
        {
            var widths = new double[table.Columns.Count];
            for (var c = 0; c < widths.Length; c++)
            {
                var widest = PdfText.Prepare(table.Columns[c].Header).Split(' ').Max(w => PdfCanvas.Measure(w, size, true, false));
                foreach (var row in table.Rows.Where(r => c < r.Count))
                {
                    widest = Math.Max(widest, PdfText.Prepare(row[c].Text).Split(' ').Max(w => PdfCanvas.Measure(w, size, false, false)));
                }

                widths[c] = widest + (2 * Padding);
            }

            return widths;
        }

        private static void Header(PdfCanvas canvas, ReportTable table, double[] widths, double size, List<List<string>> lines, double lineHeight)
        {
            var height = Height(lines, lineHeight);
            canvas.Fill(PdfCanvas.Margin, canvas.Y, widths.Sum(), height, HeaderFill);
            var x = PdfCanvas.Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                Cell(canvas, table.Columns[c].Header, lines[c], x, widths[c], table.Columns[c].Numeric, size, true, canvas.Y, lineHeight);
                x += widths[c];
            }

            canvas.Y += height;
        }

        // The caption's height as Paragraph writes it (9.5 points a line, 2 after).
        private static double CaptionHeight(string caption) =>
            (PdfCanvas.Wrap(caption, 9.5, true, false, PdfCanvas.ContentWidth).Count * 9.5 * 1.3) + 2;

        // Each cell's text wrapped to its column.
        private static List<List<string>> Lines(List<string> texts, double[] widths, double size, bool bold) =>
            Enumerable.Range(0, widths.Length)
                .Select(c => c < texts.Count ? PdfCanvas.Wrap(texts[c], size, bold, false, Math.Max(1, widths[c] - (2 * Padding))) : new List<string> { string.Empty })
                .ToList();

        // A row's height: its tallest cell's lines and the padding above and below.
        private static double Height(List<List<string>> lines, double lineHeight) =>
            (lines.Max(l => l.Count) * lineHeight) + (lineHeight * 0.5);

        private static void Cell(PdfCanvas canvas, string text, List<string> lines, double x, double width, bool right, double size, bool bold, double top, double lineHeight)
        {
            var baseline = top + (lineHeight * 0.25) + (size * 0.95);
            foreach (var line in lines)
            {
                var left = right ? x + width - Padding - PdfCanvas.Measure(line, size, bold, false) : x + Padding;
                canvas.Text(left, baseline, line, size, bold, false, PdfCanvas.Ink, text);
                baseline += lineHeight;
            }
        }
    }
}
