using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Draws an OxyPlot chart into a box of the current page of a <see cref="PortableDocument"/> (OxyPlot's own managed PDF
    /// writer): drawing units are points, the box's top left corner is the chart's origin, text is Helvetica (the PDF standard
    /// font, measured by its metrics) as <see cref="PdfText.Encode"/> gives it, each text with characters the PDF cannot show
    /// noted.
    /// </summary>
    internal sealed class PdfChartContext : ClippingRenderContext
    {
        private readonly PortableDocument doc;
        private readonly PdfReplacedTexts replaced;
        private readonly double left;
        private readonly double top;
        private readonly Dictionary<OxyImage, PortableDocumentImage> images = new Dictionary<OxyImage, PortableDocumentImage>();
        private readonly Dictionary<OxyColor, int> stripes = new Dictionary<OxyColor, int>();

        /// <summary>
        /// Creates a context that draws at <paramref name="left"/>, <paramref name="top"/> (points from the page's top left),
        /// noting in <paramref name="replaced"/> each text drawn with characters the PDF cannot show.
        /// </summary>
        public PdfChartContext(PortableDocument doc, PdfReplacedTexts replaced, double left, double top)
        {
            this.doc = doc;
            this.replaced = replaced;
            this.left = left;
            this.top = top;
            this.RendersToScreen = false;
        }

        /// <summary>
        /// Creates a context for <paramref name="chart"/> that also stripes the bars of its striped series (by their fill
        /// colour; see <see cref="ReportPlots.StripesOf"/>), as the HTML drawing does.
        /// </summary>
        public PdfChartContext(PortableDocument doc, PdfReplacedTexts replaced, double left, double top, ReportChart chart)
            : this(doc, replaced, left, top)
        {
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var kind = ReportPlots.StripesOf(chart, i);
                if (kind > 0)
                {
                    this.stripes[ReportPlots.ColorOf(chart, i)] = kind;
                }
            }
        }

        /// <summary>
        /// Draws white stripes over a rectangle given in page points from the bottom left: 1 horizontal, 2 vertical, 3 both
        /// (3 points apart, as the HTML pattern).
        /// </summary>
        internal static void Stripes(PortableDocument doc, double x, double y, double width, double height, int kind)
        {
            doc.SaveState();
            doc.SetColor(OxyColors.White);
            doc.SetLineWidth(0.9);
            if ((kind & 1) != 0)
            {
                for (var line = y + 1.5; line < y + height; line += 3)
                {
                    doc.DrawLine(x, line, x + width, line);
                }
            }

            if ((kind & 2) != 0)
            {
                for (var line = x + 1.5; line < x + width; line += 3)
                {
                    doc.DrawLine(line, y, line, y + height);
                }
            }

            doc.RestoreState();
        }

        /// <inheritdoc/>
        public override void DrawEllipse(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode)
        {
            var stroked = stroke.IsVisible() && thickness > 0;
            if (!stroked && !fill.IsVisible())
            {
                return;
            }

            this.SetPaint(fill, stroke, thickness);
            if (stroked)
            {
                this.doc.DrawEllipse(this.X(rect.Left), this.Y(rect.Bottom), rect.Width, rect.Height, fill.IsVisible());
            }
            else
            {
                this.doc.FillEllipse(this.X(rect.Left), this.Y(rect.Bottom), rect.Width, rect.Height);
            }
        }

        /// <inheritdoc/>
        public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
            if (points.Count < 2 || !stroke.IsVisible() || thickness <= 0)
            {
                return;
            }

            this.SetPaint(OxyColors.Undefined, stroke, thickness);
            this.SetDashes(dashArray);
            this.doc.SetLineJoin(lineJoin);
            this.Path(points);
            this.doc.Stroke(false);
            this.ResetDashes(dashArray);
        }

        /// <inheritdoc/>
        public override void DrawPolygon(IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[] dashArray, LineJoin lineJoin)
        {
            var stroked = stroke.IsVisible() && thickness > 0;
            if (points.Count < 2 || (!stroked && !fill.IsVisible()))
            {
                return;
            }

            this.SetPaint(fill, stroke, thickness);
            this.Path(points);
            if (!stroked)
            {
                this.doc.Fill();
                return;
            }

            this.SetDashes(dashArray);
            this.doc.SetLineJoin(lineJoin);
            if (fill.IsVisible())
            {
                this.doc.FillAndStroke();
            }
            else
            {
                this.doc.Stroke();
            }

            this.ResetDashes(dashArray);
        }

        /// <inheritdoc/>
        public override void DrawRectangle(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode)
        {
            var stroked = stroke.IsVisible() && thickness > 0;
            if (!stroked && !fill.IsVisible())
            {
                return;
            }

            this.SetPaint(fill, stroke, thickness);
            if (stroked)
            {
                this.doc.DrawRectangle(this.X(rect.Left), this.Y(rect.Bottom), rect.Width, rect.Height, fill.IsVisible());
            }
            else
            {
                this.doc.FillRectangle(this.X(rect.Left), this.Y(rect.Bottom), rect.Width, rect.Height);
            }

            if (fill.IsVisible() && this.stripes.TryGetValue(fill, out var kind))
            {
                Stripes(this.doc, this.X(rect.Left), this.Y(rect.Bottom), rect.Width, rect.Height, kind);
            }
        }

        /// <inheritdoc/>
        public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
        {
            var plain = PdfText.Encode(text);
            if (plain.Length == 0 || !fill.IsVisible())
            {
                return;
            }

            this.replaced.Drawn(text);
            this.doc.SaveState();
            this.doc.SetFont(fontFamily, fontSize, fontWeight > 500);
            this.doc.SetFillColor(fill);
            this.doc.MeasureText(plain, out var width, out var height);
            var dx = halign == HorizontalAlignment.Center ? -width / 2 : halign == HorizontalAlignment.Right ? -width : 0;
            var dy = valign == VerticalAlignment.Middle ? -height / 2 : valign == VerticalAlignment.Top ? -height : 0;
            this.doc.Translate(this.X(p.X), this.Y(p.Y));
            if (Math.Abs(rotate) > 1e-6)
            {
                this.doc.Rotate(-rotate);
            }

            this.doc.Translate(dx, dy);
            this.doc.DrawText(0, 0, plain);
            this.doc.RestoreState();
        }

        /// <inheritdoc/>
        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
        {
            this.doc.SetFont(fontFamily, fontSize, fontWeight > 500);
            this.doc.MeasureText(PdfText.Encode(text), out var width, out var height);
            return new OxySize(width, height);
        }

        /// <inheritdoc/>
        public override void DrawImage(OxyImage source, double srcX, double srcY, double srcWidth, double srcHeight, double destX, double destY, double destWidth, double destHeight, double opacity, bool interpolate)
        {
            if (!this.images.TryGetValue(source, out var image))
            {
                image = PortableDocumentImageUtilities.Convert(source, interpolate);
                if (image == null)
                {
                    return;
                }

                this.images[source] = image;
            }

            this.doc.SaveState();
            var x = destX - (srcX / srcWidth * destWidth);
            var width = image.Width / srcWidth * destWidth;
            var y = destY - (srcY / srcHeight * destHeight);
            var height = image.Height / srcHeight * destHeight;
            this.doc.SetClippingRectangle(this.X(destX), this.Y(destY + destHeight), destWidth, destHeight);
            this.doc.Translate(this.X(x), this.Y(y + height));
            this.doc.Scale(width, height);
            this.doc.DrawImage(image);
            this.doc.RestoreState();
        }

        /// <inheritdoc/>
        protected override void SetClip(OxyRect clippingRectangle)
        {
            this.doc.SaveState();
            this.doc.SetClippingRectangle(this.X(clippingRectangle.Left), this.Y(clippingRectangle.Bottom), clippingRectangle.Width, clippingRectangle.Height);
        }

        /// <inheritdoc/>
        protected override void ResetClip()
        {
            this.doc.RestoreState();
        }

        private double X(double x) => this.left + x;

        private double Y(double y) => this.doc.PageHeight - this.top - y;

        private void SetPaint(OxyColor fill, OxyColor stroke, double thickness)
        {
            if (fill.IsVisible())
            {
                this.doc.SetFillColor(fill);
            }

            if (stroke.IsVisible())
            {
                this.doc.SetColor(stroke);
                this.doc.SetLineWidth(thickness);
            }
        }

        private void SetDashes(double[]? dashArray)
        {
            if (dashArray != null && dashArray.Length > 0)
            {
                this.doc.SetLineDashPattern(dashArray, 0);
            }
        }

        private void ResetDashes(double[]? dashArray)
        {
            if (dashArray != null && dashArray.Length > 0)
            {
                this.doc.ResetLineDashPattern();
            }
        }

        private void Path(IList<ScreenPoint> points)
        {
            this.doc.MoveTo(this.X(points[0].X), this.Y(points[0].Y));
            foreach (var point in points.Skip(1))
            {
                this.doc.LineTo(this.X(point.X), this.Y(point.Y));
            }
        }
    }
}
