using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Writes a <see cref="PartnerReport"/> as one self-contained HTML5 page: UTF-8, an inline style sheet (with print rules
    /// for A4 pages), no script and no reference to anything outside the file (no address, no font, no image); charts are
    /// inline SVG drawn by OxyPlot. Every text from the report is HTML-encoded, in the page and inside the drawings.
    /// </summary>
    /// <remarks>
    /// <para>What the page holds, by id: a section is <c>&lt;section id="section-{Id}"&gt;</c>; a tile is
    /// <c>&lt;div class="tile" id="tile-{Id}" data-value="{Number}"&gt;</c> (no data-value when the tile has no number) with its
    /// status as text ("On track", "Behind") in <c>.tile-status</c>; a chart is <c>&lt;figure id="chart-{Id}"&gt;</c> holding a
    /// <c>&lt;figcaption&gt;</c>, the drawing <c>&lt;svg role="img" aria-labelledby=...&gt;</c> with its <c>&lt;title&gt;</c> and
    /// <c>&lt;desc&gt;</c> (the text alternative), a legend (<c>ul.legend</c>) and <c>&lt;details&gt;&lt;summary&gt;Numbers&lt;/summary&gt;</c>
    /// with the chart's table; a table is <c>&lt;table id="table-{Id}"&gt;</c>, each cell with a number as
    /// <c>&lt;td data-value="{Number}"&gt;</c> (invariant culture). An empty message (section, chart or table) is
    /// <c>&lt;p class="empty"&gt;</c>, in place of the content; an empty table is <c>&lt;div class="table-empty" id="table-{Id}"&gt;</c>
    /// holding its caption and that message.</para>
    /// <para>The marks in a drawing, for counting (a null value draws nothing): Column, StackedColumn and Bar charts draw each
    /// value of a series that is not a reference as one <c>&lt;rect class="bar series-{i}"&gt;</c> (i: the series' index in the
    /// chart; a zero value is a rectangle of no height), and each value of a reference series as one
    /// <c>&lt;polygon class="marker reference"&gt;</c> (a diamond). Line charts draw a series that is not a reference as
    /// <c>&lt;polyline class="line series-{i}"&gt;</c> (one per unbroken run of values) and each of its values as one
    /// <c>&lt;ellipse class="point series-{i}"&gt;</c>; a reference series is a dashed <c>&lt;polyline class="line reference"&gt;</c>
    /// without points. Nothing else in a drawing has these classes.</para>
    /// <para>Series differ by more than colour: the points of a line series that is not a reference are circles, squares
    /// (<c>&lt;rect class="point series-{i}"&gt;</c>), triangles or diamonds (<c>&lt;polygon class="point series-{i}"&gt;</c>), its
    /// line solid, long-dashed, dash-dotted or dotted, in the series' order; the bars of the second, third and fourth series of
    /// a Column or StackedColumn chart are striped (an unclassed rectangle of a stripes pattern laid over each); the legend
    /// shows each series' marker, dash or stripes. In print, the numbers tables inside <c>&lt;details&gt;</c> are shown open, and
    /// a heading, a caption and a table's header row are kept with what follows them.</para>
    /// </remarks>
    public static class HtmlReportWriter
    {
        /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as an HTML page (the writer should encode UTF-8).</summary>
        /// <param name="report">The report.</param>
        /// <param name="output">Where the page is written; not closed.</param>
        /// <exception cref="ArgumentNullException">A null report or writer.</exception>
        /// <exception cref="ArgumentException">A chart whose series do not have one value per category (names the chart and series).</exception>
        public static void Write(PartnerReport report, TextWriter output)
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

            output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            output.Write("<title>" + E(report.Title) + "</title>\n<style>\n" + HtmlReportStyle.Css + "</style>\n</head>\n<body>\n");
            output.Write("<header class=\"report-header\">\n<h1>" + E(report.Title) + "</h1>\n");
            output.Write("<p class=\"meta\">" + E(ReportText.Scope(report)) + "</p>\n</header>\n<main>\n");
            foreach (var section in report.Sections)
            {
                WriteSection(section, output);
            }

            output.Write("</main>\n<footer class=\"report-footer\">" + E(ReportText.Generated(report)) + "</footer>\n</body>\n</html>\n");
        }

        private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private static string Number(decimal? number) =>
            number.HasValue ? " data-value=\"" + number.Value.ToString(CultureInfo.InvariantCulture) + "\"" : string.Empty;

        private static void WriteSection(ReportSection section, TextWriter output)
        {
            output.Write("<section class=\"report-section\" id=\"section-" + E(section.Id) + "\">\n<h2>" + E(section.Heading) + "</h2>\n");
            if (section.Note != null)
            {
                output.Write("<p class=\"note\">" + E(section.Note) + "</p>\n");
            }

            if (section.EmptyMessage != null)
            {
                output.Write("<p class=\"empty\">" + E(section.EmptyMessage) + "</p>\n</section>\n");
                return;
            }

            if (section.Tiles.Count > 0)
            {
                output.Write("<div class=\"tiles\">\n");
                foreach (var tile in section.Tiles)
                {
                    WriteTile(tile, output);
                }

                output.Write("</div>\n");
            }

            if (section.Charts.Count > 0)
            {
                output.Write("<div class=\"charts\">\n");
                foreach (var chart in section.Charts)
                {
                    WriteChart(chart, output);
                }

                output.Write("</div>\n");
            }

            foreach (var table in section.Tables)
            {
                WriteTable(table, output);
            }

            output.Write("</section>\n");
        }

        private static void WriteTile(ReportTile tile, TextWriter output)
        {
            output.Write("<div class=\"tile " + StatusClass(tile.Status) + "\" id=\"tile-" + E(tile.Id) + "\"" + Number(tile.Number) + ">");
            output.Write("<div class=\"tile-label\">" + E(tile.Label) + "</div>");
            output.Write("<div class=\"tile-value\">" + E(tile.Value) + "</div>");
            if (tile.Detail != null)
            {
                output.Write("<div class=\"tile-detail\">" + E(tile.Detail) + "</div>");
            }

            if (tile.Status != ReportStatus.None)
            {
                output.Write("<div class=\"tile-status\">" + E(ReportText.Status(tile.Status)) + "</div>");
            }

            output.Write("</div>\n");
        }

        private static string StatusClass(ReportStatus status) =>
            status == ReportStatus.OnTrack ? "on-track" : status == ReportStatus.Behind ? "behind" : "no-status";

        private static void WriteChart(ReportChart chart, TextWriter output)
        {
            output.Write("<figure class=\"chart\" id=\"chart-" + E(chart.Id) + "\">\n<figcaption>" + E(chart.Title) + "</figcaption>\n");
            if (chart.EmptyMessage != null || !ReportPlots.HasData(chart))
            {
                output.Write("<p class=\"empty\">" + E(chart.EmptyMessage ?? ReportText.NothingToDraw(chart)) + "</p>\n</figure>\n");
                return;
            }

            ChartSvg.Write(chart, output);
            output.Write("\n<ul class=\"legend\">");
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var series = chart.Series[i];
                var color = ReportPlots.ColorOf(chart, i);
                var swatch = ChartLegend.Swatch(chart, i);
                if (swatch != null)
                {
                    output.Write("<li>" + swatch + E(series.Name) + "</li>");
                    continue;
                }

                var shape = series.IsReference ? (chart.Kind == ReportChartKind.Line ? " dashed" : " diamond") : string.Empty;
                output.Write(string.Format(
                    CultureInfo.InvariantCulture,
                    "<li><span class=\"swatch{0}\" style=\"--swatch:#{1:x2}{2:x2}{3:x2}\"></span>{4}</li>",
                    shape,
                    color.R,
                    color.G,
                    color.B,
                    E(series.Name)));
            }

            output.Write("</ul>\n<details><summary>Numbers</summary>\n");
            WriteTable(chart.Table, output);
            output.Write("</details>\n</figure>\n");
        }

        private static void WriteTable(ReportTable table, TextWriter output)
        {
            var id = string.IsNullOrEmpty(table.Id) ? string.Empty : " id=\"table-" + E(table.Id) + "\"";
            if (table.EmptyMessage != null || table.Rows.Count == 0)
            {
                output.Write("<div class=\"table-empty\"" + id + "><p class=\"caption\">" + E(table.Caption) + "</p>");
                output.Write("<p class=\"empty\">" + E(table.EmptyMessage ?? ReportText.NoRows(table)) + "</p></div>\n");
                return;
            }

            output.Write("<div class=\"table-wrap\"><table" + id + ">\n<caption>" + E(table.Caption) + "</caption>\n<thead><tr>");
            foreach (var column in table.Columns)
            {
                output.Write("<th scope=\"col\"" + (column.Numeric ? " class=\"num\"" : string.Empty) + ">" + E(column.Header) + "</th>");
            }

            output.Write("</tr></thead>\n<tbody>\n");
            foreach (var row in table.Rows)
            {
                output.Write("<tr>");
                for (var c = 0; c < row.Count; c++)
                {
                    var cell = row[c];
                    var numeric = c < table.Columns.Count && table.Columns[c].Numeric;
                    var shade = cell.Shade.HasValue
                        ? string.Format(CultureInfo.InvariantCulture, " style=\"--shade:{0:0.###}\"", Math.Max(0, Math.Min(1, cell.Shade.Value)))
                        : string.Empty;
                    var classes = (numeric ? "num" : string.Empty) + (cell.Shade.HasValue ? (numeric ? " shaded" : "shaded") : string.Empty);
                    output.Write("<td" + (classes.Length > 0 ? " class=\"" + classes + "\"" : string.Empty) + Number(cell.Number) + shade + ">");
                    output.Write(E(cell.Text) + "</td>");
                }

                output.Write("</tr>\n");
            }

            output.Write("</tbody>\n</table></div>\n");
        }
    }
}
