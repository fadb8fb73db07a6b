using System;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// The PDF legend's swatch of a series, showing what tells it apart besides colour: a line series' dash pattern and
    /// marker shape (see <see cref="ReportPlots.LineMarkers"/>), a reference line dashed, a reference marker a diamond, a
    /// striped series' stripes, any other a filled square.
    /// </summary>
    internal static class PdfLegend
    {
        /// <summary>Draws the swatch of series <paramref name="index"/> in an 11 by 10 point box at <paramref name="x"/>, <paramref name="top"/> (from the page's top).</summary>
        internal static void Swatch(PdfCanvas canvas, ReportChart chart, int index, double x, double top)
        {
            var doc = canvas.Document;
            var series = chart.Series[index];
            var color = ReportPlots.ColorOf(chart, index);
            var middle = PdfCanvas.PageHeight - (top + 5);
            if (chart.Kind == ReportChartKind.Line)
            {
                var plain = ReportPlots.PlainIndex(chart, index);
                var style = series.IsReference ? LineStyle.Dash : ReportPlots.LineStyles[plain % ReportPlots.LineStyles.Length];
                doc.SaveState();
                doc.SetColor(color);
                doc.SetLineWidth(series.IsReference ? 1 : 1.4);
                var dashes = LineStyleHelper.GetDashArray(style);
                if (dashes != null)
                {
                    doc.SetLineDashPattern(Array.ConvertAll(dashes, d => d * 1.4), 0);
                }

                doc.DrawLine(x - 1, middle, x + 11, middle);
                doc.RestoreState();
                if (!series.IsReference)
                {
                    Marker(doc, ReportPlots.LineMarkers[plain % ReportPlots.LineMarkers.Length], color, x + 5, middle);
                }

                return;
            }

            if (series.IsReference)
            {
                Marker(doc, MarkerType.Diamond, color, x + 4, middle);
                return;
            }

            canvas.Fill(x, top + 1, 8, 8, color);
            var stripes = ReportPlots.StripesOf(chart, index);
            if (stripes > 0)
            {
                PdfChartContext.Stripes(doc, x, PdfCanvas.PageHeight - top - 9, 8, 8, stripes);
            }
        }

        // A marker of about 7 points centred at (x, y), page points from the bottom left.
        private static void Marker(PortableDocument doc, MarkerType marker, OxyColor color, double x, double y)
        {
            const double R = 3.5;
            doc.SetFillColor(color);
            switch (marker)
            {
                case MarkerType.Square:
                    doc.FillRectangle(x - 3, y - 3, 6, 6);
                    return;
                case MarkerType.Triangle:
                    Polygon(doc, new[] { x, x + R, x - R }, new[] { y + R, y - R, y - R });
                    return;
                case MarkerType.Diamond:
                    Polygon(doc, new[] { x, x + R, x, x - R }, new[] { y + R, y, y - R, y });
                    return;
                default:
                    doc.FillEllipse(x - 3, y - 3, 6, 6);
                    return;
            }
        }

        private static void Polygon(PortableDocument doc, double[] xs, double[] ys)
        {
            doc.MoveTo(xs[0], ys[0]);
            for (var i = 1; i < xs.Length; i++)
            {
                doc.LineTo(xs[i], ys[i]);
            }

            doc.Fill();
        }
    }
}
