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
            var stripes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var kind = ReportPlots.StripesOf(chart, i);
                if (kind > 0)
                {
                    stripes["series-" + i.ToString(CultureInfo.InvariantCulture)] = StripesId(chart, kind);
                }
            }

            if (stripes.Count > 0)
            {
                output.Write("<defs>");
                foreach (var id in stripes.Values.Distinct(StringComparer.Ordinal))
                {
                    output.Write(StripesPattern(id, id[id.Length - 1] - '0'));
                }

                output.Write("</defs>");
            }

            var context = new Marks(marks, idPrefix, chart.Kind == ReportChartKind.Line, stripes);
            foreach (var child in root.Elements())
            {
                WriteElement(child, context, output);
            }

            output.Write("</svg>");
        }

        /// <summary>The id of the stripes pattern <paramref name="kind"/> (1 to 3, see <see cref="ReportPlots.StripesOf"/>) of a chart.</summary>
        internal static string StripesId(ReportChart chart, int kind) =>
            "chart-" + chart.Id + "-stripes-" + kind.ToString(CultureInfo.InvariantCulture);

        // White stripes on nothing, laid over a bar of the series' colour: 1 horizontal, 2 vertical, 3 both.
        private static string StripesPattern(string id, int kind)
        {
            var lines = (kind & 1) != 0 ? "<path d=\"M0 1.5H6\" stroke=\"#fff\" stroke-width=\"1.6\"></path>" : string.Empty;
            lines += (kind & 2) != 0 ? "<path d=\"M1.5 0V6\" stroke=\"#fff\" stroke-width=\"1.6\"></path>" : string.Empty;
            return "<pattern id=\"" + Encode(id) + "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">" + lines + "</pattern>";
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);

        // What classifying and renaming the drawing's elements needs.
        private sealed class Marks
        {
            internal Marks(Dictionary<string, string> classes, string idPrefix, bool line, Dictionary<string, string> stripes)
            {
                this.Classes = classes;
                this.IdPrefix = idPrefix;
                this.Line = line;
                this.Stripes = stripes;
            }

            internal Dictionary<string, string> Classes { get; }

            internal string IdPrefix { get; }

            internal bool Line { get; }

            internal Dictionary<string, string> Stripes { get; }
        }

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
        private static void WriteElement(XElement element, Marks marks, TextWriter output)
        {
            var name = element.Name.LocalName;
            var idPrefix = marks.IdPrefix;
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
                    WriteElement(child, marks, output);
                }
                else if (node is XText text)
                {
                    output.Write(Encode(text.Value));
                }
            }

            output.Write("</");
            output.Write(name);
            output.Write('>');

            // A bar of a striped series gets its stripes laid over it, in an element of no class (so it is not counted).
            if (markClass != null && name == "rect" && marks.Stripes.TryGetValue(markClass.Substring(markClass.IndexOf(' ') + 1), out var pattern))
            {
                output.Write("<rect");
                foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == XNamespace.None && a.Name.LocalName != "style" && a.Name.LocalName != "id"))
                {
                    output.Write(" " + attribute.Name.LocalName + "=\"" + Encode(LocalReference(attribute, idPrefix)) + "\"");
                }

                output.Write(" style=\"fill:url(#" + Encode(pattern) + ");stroke:none\"></rect>");
            }
        }

        private static string LocalReference(XAttribute attribute, string idPrefix)
        {
            if (attribute.Name.LocalName == "id")
            {
                return idPrefix + attribute.Value;
            }

            return attribute.Value.StartsWith("url(#", StringComparison.Ordinal) ? "url(#" + idPrefix + attribute.Value.Substring(5) : attribute.Value;
        }

        // "bar series-0" for a bar, "point series-0" for a line's point marker (whatever its shape), "line series-0" for a line,
        // "marker reference" for a reference value drawn as a marker, "line reference" for a reference line; null for anything else.
        private static string? MarkClass(string element, string? style, Marks marks)
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
            if (!marks.Classes.TryGetValue(color, out var series))
            {
                return null;
            }

            if (marks.Line && element != "polyline")
            {
                return element == "rect" || element == "ellipse" || element == "polygon" ? "point " + series : null;
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
