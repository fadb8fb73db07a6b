using System.Globalization;
using System.Net;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// The HTML legend's swatch of a series whose marks differ by more than colour: a small inline SVG of a line series'
    /// dash and marker shape, or of a striped bar (the same stripes pattern as the chart's). Its marks have no class, so they
    /// are not counted as the chart's.
    /// </summary>
    internal static class ChartLegend
    {
        /// <summary>The swatch of series <paramref name="index"/> as an inline &lt;svg&gt;, or null when a plain colour swatch says it all.</summary>
        internal static string? Swatch(ReportChart chart, int index)
        {
            var series = chart.Series[index];
            var color = ReportPlots.ColorOf(chart, index);
            var rgb = string.Format(CultureInfo.InvariantCulture, "#{0:x2}{1:x2}{2:x2}", color.R, color.G, color.B);
            const string Open = "<svg class=\"swatch-drawing\" aria-hidden=\"true\" width=\"26\" height=\"12\" viewBox=\"0 0 26 12\">";
            if (chart.Kind == ReportChartKind.Line && !series.IsReference)
            {
                var plain = ReportPlots.PlainIndex(chart, index);
                var dashes = ReportPlots.LineStyles[plain % ReportPlots.LineStyles.Length] switch
                {
                    LineStyle.LongDash => " stroke-dasharray=\"6 3\"",
                    LineStyle.DashDot => " stroke-dasharray=\"5 2 1.5 2\"",
                    LineStyle.Dot => " stroke-dasharray=\"1.5 2\"",
                    _ => string.Empty,
                };
                return Open + "<path d=\"M1 6H25\" stroke=\"" + rgb + "\" stroke-width=\"2\"" + dashes + "></path>" +
                       Marker(ReportPlots.LineMarkers[plain % ReportPlots.LineMarkers.Length], rgb) + "</svg>";
            }

            var stripes = ReportPlots.StripesOf(chart, index);
            if (stripes > 0)
            {
                return Open + "<rect x=\"7\" y=\"0\" width=\"12\" height=\"12\" fill=\"" + rgb + "\"></rect>" +
                       "<rect x=\"7\" y=\"0\" width=\"12\" height=\"12\" fill=\"url(#" + WebUtility.HtmlEncode(ChartSvg.StripesId(chart, stripes)) + ")\"></rect></svg>";
            }

            return null;
        }

        private static string Marker(MarkerType marker, string rgb) => marker switch
        {
            MarkerType.Square => "<rect x=\"9\" y=\"2\" width=\"8\" height=\"8\" fill=\"" + rgb + "\"></rect>",
            MarkerType.Triangle => "<polygon points=\"13,1 18,10 8,10\" fill=\"" + rgb + "\"></polygon>",
            MarkerType.Diamond => "<polygon points=\"13,1 18,6 13,11 8,6\" fill=\"" + rgb + "\"></polygon>",
            _ => "<circle cx=\"13\" cy=\"6\" r=\"4\" fill=\"" + rgb + "\"></circle>",
        };
    }
}
