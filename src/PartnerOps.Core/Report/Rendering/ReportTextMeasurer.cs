using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Measures chart text for the SVG drawing, generously. OxyPlot measures SVG text by the PDF standard font Helvetica and
    /// takes the width in points as screen units (1/96 inch), a quarter short; a browser then draws with the reader's system
    /// font, often wider than Helvetica. Widths here are converted to screen units and given 25 % more, so axis margins
    /// (which OxyPlot sets from these widths) hold any category label whole.
    /// </summary>
    internal sealed class ReportTextMeasurer : PdfRenderContext
    {
        /// <summary>Screen units per point (96 / 72).</summary>
        private const double UnitsPerPoint = 96.0 / 72.0;

        /// <summary>What a system font may be wider than Helvetica, at most (25 %).</summary>
        private const double Allowance = 1.25;

        /// <summary>Creates a measurer (its one-point page is never drawn on).</summary>
        public ReportTextMeasurer()
            : base(1, 1, OxyColors.Undefined)
        {
        }

        /// <summary>The width of <paramref name="text"/> at <paramref name="fontSize"/> screen units, over-estimated as for margins.</summary>
        public static double Width(string text, double fontSize)
        {
            StandardFonts.Helvetica.GetFont(false, false).Measure(text, fontSize / UnitsPerPoint, out var width, out _);
            return width * UnitsPerPoint * Allowance;
        }

        /// <inheritdoc/>
        public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
        {
            var size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
            return new OxySize(size.Width * UnitsPerPoint * Allowance, size.Height * UnitsPerPoint);
        }
    }
}
