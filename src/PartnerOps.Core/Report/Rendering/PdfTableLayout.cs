using System;
using System.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Writes a report table onto PDF pages as text: a caption, a shaded header row (repeated on each new page), one line per
    /// row; numbers aligned right, shaded cells filled by their shade, columns sized to their widest text (text cut with "..."
    /// only when the table is wider than the page even at the smallest size).
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
            canvas.Ensure(40);
            canvas.Paragraph(table.Caption, 9.5, true, false, PdfCanvas.Ink, spaceAfter: 2);
            if (table.EmptyMessage != null || table.Rows.Count == 0)
            {
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
                // Numeric columns keep their width; the text columns share what is left.
                var numeric = Enumerable.Range(0, columns).Where(c => table.Columns[c].Numeric).Sum(c => widths[c]);
                var text = widths.Sum() - numeric;
                var scale = Math.Max(0.1, (PdfCanvas.ContentWidth - numeric) / Math.Max(1, text));
                for (var c = 0; c < columns; c++)
                {
                    widths[c] = table.Columns[c].Numeric ? widths[c] : widths[c] * scale;
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

            var rowHeight = size * 1.75;
            Header(canvas, table, widths, size, rowHeight);
            foreach (var row in table.Rows)
            {
                if (canvas.Y + rowHeight > PdfCanvas.Bottom)
                {
                    canvas.NewPage();
                    Header(canvas, table, widths, size, rowHeight);
                }

                var x = PdfCanvas.Margin;
                for (var c = 0; c < columns && c < row.Count; c++)
                {
                    var cell = row[c];
                    if (cell.Shade is double shade)
                    {
                        canvas.Fill(x, canvas.Y, widths[c], rowHeight, Shaded(Math.Max(0, Math.Min(1, shade))));
                    }

                    Cell(canvas, cell.Text, x, widths[c], table.Columns[c].Numeric, size, false, canvas.Y + (rowHeight * 0.68));
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

        private static void Header(PdfCanvas canvas, ReportTable table, double[] widths, double size, double rowHeight)
        {
            canvas.Fill(PdfCanvas.Margin, canvas.Y, widths.Sum(), rowHeight, HeaderFill);
            var x = PdfCanvas.Margin;
            for (var c = 0; c < widths.Length; c++)
            {
                Cell(canvas, table.Columns[c].Header, x, widths[c], table.Columns[c].Numeric, size, true, canvas.Y + (rowHeight * 0.68));
                x += widths[c];
            }

            canvas.Y += rowHeight;
        }

        private static void Cell(PdfCanvas canvas, string text, double x, double width, bool right, double size, bool bold, double baseline)
        {
            var shown = PdfCanvas.Fit(text, size, bold, width - (2 * Padding));
            var left = right ? x + width - Padding - PdfCanvas.Measure(shown, size, bold, false) : x + Padding;
            canvas.Text(left, baseline, shown, size, bold, false, PdfCanvas.Ink);
        }
    }
}
