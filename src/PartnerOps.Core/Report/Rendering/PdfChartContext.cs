using System;
using System.Collections.Generic;
using System.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Draws an OxyPlot chart into a box of the current page of a <see cref="PortableDocument"/> (OxyPlot's own managed PDF
    /// writer): drawing units are points, the box's top left corner is the chart's origin, text is Helvetica (the PDF standard
    /// font, measured by its metrics) in the characters <see cref="PdfText.Plain"/> keeps.
    /// </summary>
    internal sealed class PdfChartContext : ClippingRenderContext
    {
        private readonly PortableDocument doc;
        private readonly double left;
        private readonly double top;
        private readonly Dictionary<OxyImage, PortableDocumentImage> images = new Dictionary<OxyImage, PortableDocumentImage>();

        /// <summary>Creates a context that draws at <paramref name="left"/>, <paramref name="top"/> (points from the page's top left).</summary>
        public PdfChartContext(PortableDocument doc, double left, double top)
        {
            this.doc = doc;
            this.left = left;
            this.top = top;
            this.RendersToScreen = false;
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
        }

        /// <inheritdoc/>
        public override void DrawText(ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotate, HorizontalAlignment halign, VerticalAlignment valign, OxySize? maxSize)
        {
            var plain = PdfText.Plain(text);
            if (plain.Length == 0 || !fill.IsVisible())
            {
                return;
            }

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
            this.doc.MeasureText(PdfText.Plain(text), out var width, out var height);
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
