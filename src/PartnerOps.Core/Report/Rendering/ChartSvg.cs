using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Xml.Linq;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Draws a report chart as an inline SVG element for HTML5: OxyPlot's SVG export (no XML declaration, no DOCTYPE), read
    /// back and written again with every text and attribute HTML-encoded, without namespace declarations (an inline SVG
    /// needs none, and the report holds no address of any kind), with role="img", a title and a description, and with the
    /// marks of the series classed so they can be counted (see <see cref="HtmlReportWriter"/>).
    /// </summary>
    internal static class ChartSvg
    {
        /// <summary>The drawing's width in screen units (1/96 inch); the page scales it down to its column.</summary>
        internal const double Width = 620;

        /// <summary>The charts' base font size in screen units.</summary>
        internal const double FontSize = 13;

        /// <summary>Writes the chart (validated, with data) as an &lt;svg&gt; element.</summary>
        /// <param name="chart">The chart.</param>
        /// <param name="output">Where the element is written.</param>
        internal static void Write(ReportChart chart, TextWriter output)
        {
            var size = ReportPlots.SizeOf(chart, Width, FontSize);
            var model = ReportPlots.Build(chart, size, FontSize, fontFamily: null);
            var svg = SvgExporter.ExportToString(model, size.Width, size.Height, isDocument: false, textMeasurer: new ReportTextMeasurer());
            var root = XElement.Parse(svg);

            var titleId = "chart-" + chart.Id + "-title";
            var descId = "chart-" + chart.Id + "-desc";
            output.Write("<svg class=\"chart-drawing\" role=\"img\" aria-labelledby=\"");
            output.Write(Encode(titleId + " " + descId));
            output.Write(string.Format(
                CultureInfo.InvariantCulture,
                "\" viewBox=\"0 0 {0:0.##} {1:0.##}\" width=\"{0:0.##}\" height=\"{1:0.##}\">",
                size.Width,
                size.Height));
            output.Write("<title id=\"" + Encode(titleId) + "\">" + Encode(chart.Title) + "</title>");
            output.Write("<desc id=\"" + Encode(descId) + "\">" + Encode(chart.TextAlternative) + "</desc>");
            var marks = MarkClasses(chart);
            var idPrefix = "chart-" + chart.Id + "-";
            foreach (var child in root.Elements())
            {
                WriteElement(child, marks, idPrefix, output);
            }

            output.Write("</svg>");
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);

        // The class each series' marks get, by the colour OxyPlot wrote them in ("rgb(r,g,b)").
        private static Dictionary<string, string> MarkClasses(ReportChart chart)
        {
            var classes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var color = ReportPlots.ColorOf(chart, i);
                var key = string.Format(CultureInfo.InvariantCulture, "rgb({0},{1},{2})", color.R, color.G, color.B);
                if (!classes.ContainsKey(key))
                {
                    classes[key] = chart.Series[i].IsReference ? "reference" : "series-" + i.ToString(CultureInfo.InvariantCulture);
                }
            }

            return classes;
        }

        // Ids OxyPlot numbers per drawing (clipPath1 ...) are prefixed with the chart's, so that charts in one page do not
        // share them.
        private static void WriteElement(XElement element, Dictionary<string, string> marks, string idPrefix, TextWriter output)
        {
            var name = element.Name.LocalName;
            output.Write('<');
            output.Write(name);
            var style = (string?)element.Attribute("style");
            var markClass = MarkClass(name, style, marks);
            if (markClass != null)
            {
                output.Write(" class=\"" + markClass + "\"");
            }

            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
            {
                output.Write(' ');
                output.Write(attribute.Name.LocalName);
                output.Write("=\"");
                output.Write(Encode(LocalReference(attribute, idPrefix)));
                output.Write('"');
            }

            output.Write('>');
            foreach (var node in element.Nodes())
            {
                if (node is XElement child)
                {
                    WriteElement(child, marks, idPrefix, output);
                }
                else if (node is XText text)
                {
                    output.Write(Encode(text.Value));
                }
            }

            output.Write("</");
            output.Write(name);
            output.Write('>');
        }

        private static string LocalReference(XAttribute attribute, string idPrefix)
        {
            if (attribute.Name.LocalName == "id")
            {
                return idPrefix + attribute.Value;
            }

            return attribute.Value.StartsWith("url(#", StringComparison.Ordinal) ? "url(#" + idPrefix + attribute.Value.Substring(5) : attribute.Value;
        }

        // "bar series-0" for a bar, "point series-0" for a line's point marker, "line series-0" for a line, "marker reference"
        // for a reference value drawn as a marker, "line reference" for a reference line; null for anything else.
        private static string? MarkClass(string element, string? style, Dictionary<string, string> marks)
        {
            if (style == null)
            {
                return null;
            }

            var property = element == "polyline" ? "stroke:" : "fill:";
            var start = style.IndexOf(property, StringComparison.Ordinal);
            if (start < 0 || (start > 0 && style[start - 1] != ';'))
            {
                return null;
            }

            var end = style.IndexOf(';', start);
            var color = end < 0 ? style.Substring(start + property.Length) : style.Substring(start + property.Length, end - start - property.Length);
            if (!marks.TryGetValue(color, out var series))
            {
                return null;
            }

            switch (element)
            {
                case "rect":
                    return "bar " + series;
                case "ellipse":
                    return "point " + series;
                case "polygon":
                    return "marker " + series;
                case "polyline":
                    return "line " + series;
                default:
                    return null;
            }
        }
    }
}
