using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Makes the OxyPlot model of a report chart: a category axis and a value axis, a bar series per series (Column,
    /// StackedColumn, Bar, StackedBar) or a line series (Line), reference series as diamond markers (bar kinds) or a dashed
    /// line without markers (Line). Series differ by more than colour: lines by marker shape and dash pattern (in order:
    /// circle and solid, square and long dash, triangle and dash-dot, diamond and dot), columns by stripes (see
    /// <see cref="StripesOf"/>), drawn by the HTML and PDF renderers. Margins are set from <see cref="ReportTextMeasurer"/>, which over-estimates text widths, so no label
    /// is cut whatever font the reader's system has.
    /// </summary>
    internal static class ReportPlots
    {
        /// <summary>The series colours, in order (a colour-blind safe palette); a reference series is <see cref="ReferenceColor"/>.</summary>
        internal static readonly OxyColor[] SeriesColors =
        {
            OxyColor.FromRgb(0x1F, 0x5A, 0x96), OxyColor.FromRgb(0xE0, 0x7B, 0x1A), OxyColor.FromRgb(0x2E, 0x8B, 0x57),
            OxyColor.FromRgb(0x8E, 0x44, 0xAD), OxyColor.FromRgb(0xC0, 0x39, 0x2B), OxyColor.FromRgb(0x16, 0xA0, 0x85),
            OxyColor.FromRgb(0x7F, 0x8C, 0x0D), OxyColor.FromRgb(0xB0, 0x3A, 0x78),
        };

        /// <summary>The colour of reference series (targets, expected-by-now markers).</summary>
        internal static readonly OxyColor ReferenceColor = OxyColor.FromRgb(0x22, 0x22, 0x22);

        /// <summary>The colour of a series of on-track values (the tiles' on-track colour).</summary>
        internal static readonly OxyColor OnTrackColor = OxyColor.FromRgb(0x2E, 0x7D, 0x32);

        /// <summary>The colour of a series of behind values (the tiles' behind colour).</summary>
        internal static readonly OxyColor BehindColor = OxyColor.FromRgb(0xB3, 0x26, 0x1E);

        /// <summary>
        /// The marker of each line series that is not a reference, in order, so that lines differ by shape as well as colour
        /// (a reference line has none).
        /// </summary>
        internal static readonly MarkerType[] LineMarkers = { MarkerType.Circle, MarkerType.Square, MarkerType.Triangle, MarkerType.Diamond };

        /// <summary>
        /// The stroke of each line series that is not a reference, in order, so that lines differ by dash pattern as well as
        /// colour (a reference line is <see cref="LineStyle.Dash"/>, thinner).
        /// </summary>
        internal static readonly LineStyle[] LineStyles = { LineStyle.Solid, LineStyle.LongDash, LineStyle.DashDot, LineStyle.Dot };

        private const string CategoryKey = "category";
        private const string ValueKey = "value";

        /// <summary>The colour series <paramref name="index"/> of a chart is drawn in.</summary>
        internal static OxyColor ColorOf(ReportChart chart, int index)
        {
            var series = chart.Series[index];
            if (series.IsReference)
            {
                return ReferenceColor;
            }

            return series.Status switch
            {
                ReportStatus.OnTrack => OnTrackColor,
                ReportStatus.Behind => BehindColor,
                _ => SeriesColors[NonReferenceIndex(chart, index) % SeriesColors.Length],
            };
        }

        /// <summary>
        /// The position of series <paramref name="index"/> among the chart's series that are neither references nor of a
        /// status (0 for the first): picks its line marker and dash, or its bars' stripes (see <see cref="StripesOf"/>).
        /// </summary>
        internal static int PlainIndex(ReportChart chart, int index) =>
            chart.Series.Take(index).Count(s => !s.IsReference && s.Status == ReportStatus.None);

        /// <summary>
        /// The stripes drawn over the bars of series <paramref name="index"/> of a Column or StackedColumn chart with several
        /// series, so that they differ by pattern as well as colour: 0 none (the first series, any series of a status and
        /// reference series), 1 horizontal stripes, 2 vertical stripes, 3 both.
        /// </summary>
        internal static int StripesOf(ReportChart chart, int index)
        {
            var series = chart.Series[index];
            if (series.IsReference || series.Status != ReportStatus.None || !IsColumns(chart))
            {
                return 0;
            }

            return PlainIndex(chart, index) % 4;
        }

        /// <summary>Whether the chart's bars are horizontal (Bar, StackedBar).</summary>
        internal static bool IsHorizontal(ReportChart chart) =>
            chart.Kind == ReportChartKind.Bar || chart.Kind == ReportChartKind.StackedBar;

        private static bool IsColumns(ReportChart chart) =>
            chart.Kind == ReportChartKind.Column || chart.Kind == ReportChartKind.StackedColumn;

        private static bool IsStacked(ReportChart chart) =>
            chart.Kind == ReportChartKind.StackedColumn || chart.Kind == ReportChartKind.StackedBar;

        /// <summary>The chart's size in drawing units (1/96 inch on screen, points in the PDF) for a given width.</summary>
        internal static OxySize SizeOf(ReportChart chart, double width, double fontSize)
        {
            var rows = chart.Categories.Count;
            // A vertical axis title is drawn along the axis: the drawing is made tall enough that the plot area (the drawing
            // less the padding, the horizontal axis' labels and title, and turned category labels) holds it whole.
            if (IsHorizontal(chart))
            {
                var bars = chart.Kind == ReportChartKind.StackedBar ? 1 : Math.Max(1, chart.Series.Count(s => !s.IsReference));
                var perCategory = Math.Max(fontSize * 1.8, fontSize * 1.1 * bars);
                var barsHeight = Math.Max(fontSize * 16, (rows * perCategory) + (fontSize * 7));
                return new OxySize(width, Math.Max(barsHeight, VerticalTitleRoom(chart.CategoryAxisTitle, fontSize)));
            }

            var drop = CategoryLabelDrop(chart, width, fontSize);
            var height = Math.Max(fontSize * 20, width * 0.45) + drop;
            return new OxySize(width, Math.Max(height, VerticalTitleRoom(chart.ValueAxisTitle, fontSize) + drop));
        }

        /// <summary>
        /// The drawing height a vertical axis title of <paramref name="title"/> needs to be drawn whole: its generous width
        /// (<see cref="ReportTextMeasurer"/>) plus the padding and the horizontal axis' labels and title (about 7 font sizes).
        /// </summary>
        internal static double VerticalTitleRoom(string title, double fontSize) =>
            ReportTextMeasurer.Width(title, fontSize) + (fontSize * 7);

        /// <summary>
        /// Checks that every series has one value per category; throws <see cref="ArgumentException"/> naming the chart and
        /// the series otherwise.
        /// </summary>
        internal static void Validate(ReportChart chart)
        {
            foreach (var series in chart.Series)
            {
                if (series.Values.Count != chart.Categories.Count)
                {
                    throw new ArgumentException(string.Format(
                        CultureInfo.InvariantCulture,
                        "Chart '{0}': series '{1}' has {2} values for {3} categories; a series needs one value (or null) per category.",
                        chart.Id, series.Name, series.Values.Count, chart.Categories.Count), nameof(chart));
                }
            }
        }

        /// <summary>Whether the chart has something to draw (a category and a value).</summary>
        internal static bool HasData(ReportChart chart) =>
            chart.Categories.Count > 0 && chart.Series.Any(s => s.Values.Any(v => v.HasValue));

        /// <summary>Builds the plot model of <paramref name="chart"/>, laid out for <paramref name="size"/>.</summary>
        /// <param name="chart">The chart (validated, with data).</param>
        /// <param name="size">The drawing's size.</param>
        /// <param name="fontSize">The base font size in drawing units.</param>
        /// <param name="fontFamily">The font family written into the drawing, or null to inherit the page's.</param>
        internal static PlotModel Build(ReportChart chart, OxySize size, double fontSize, string? fontFamily)
        {
            var model = new PlotModel
            {
                Background = OxyColors.Undefined,
                PlotAreaBorderColor = OxyColor.FromRgb(0xBB, 0xBB, 0xBB),
                PlotAreaBorderThickness = new OxyThickness(0, 0, 0, 1),
                DefaultFont = fontFamily,
                DefaultFontSize = fontSize,
                TextColor = OxyColor.FromRgb(0x33, 0x33, 0x33),
                TitleFontSize = 0,
                Padding = new OxyThickness(fontSize * 0.5),
            };

            var horizontalBars = IsHorizontal(chart);
            var categoryAxis = new CategoryAxis
            {
                Key = CategoryKey,
                Position = horizontalBars ? AxisPosition.Left : AxisPosition.Bottom,
                Title = chart.CategoryAxisTitle,
                IsZoomEnabled = false,
                IsPanEnabled = false,
                GapWidth = 0.4,
                TickStyle = TickStyle.None,
                StartPosition = horizontalBars ? 1 : 0,
                EndPosition = horizontalBars ? 0 : 1,
                Angle = !horizontalBars && CategoryLabelDrop(chart, size.Width, fontSize) > 0 ? -45 : 0,
                ClipTitle = false,
            };
            categoryAxis.Labels.AddRange(chart.Categories);
            var valueAxis = new LinearAxis
            {
                Key = ValueKey,
                Position = horizontalBars ? AxisPosition.Bottom : AxisPosition.Left,
                Title = chart.ValueAxisTitle,
                MajorGridlineStyle = LineStyle.Solid,
                MajorGridlineColor = OxyColor.FromRgb(0xE4, 0xE4, 0xE4),
                TickStyle = TickStyle.None,
                IsZoomEnabled = false,
                IsPanEnabled = false,
                MinimumPadding = 0,
                MaximumPadding = 0.08,
                StringFormat = "#,0.##",
                ClipTitle = false,
            };
            if (chart.Series.SelectMany(s => s.Values).All(v => v == null || v >= 0))
            {
                valueAxis.Minimum = 0;
            }

            model.Axes.Add(categoryAxis);
            model.Axes.Add(valueAxis);

            for (var i = 0; i < chart.Series.Count; i++)
            {
                model.Series.Add(chart.Kind == ReportChartKind.Line ? LineOf(chart, i, fontSize) : BarsOf(chart, i, fontSize));
            }

            if (horizontalBars)
            {
                // The value axis' title is centred under the plot area, which long category labels make narrow: the right
                // margin is made wide enough that a title wider than the plot area still ends inside the drawing.
                // Both side margins are set: the left one holds the category labels and the axis title beside them.
                var labels = chart.Categories.Max(c => ReportTextMeasurer.Width(c, fontSize)) + (fontSize * 3);
                var title = ReportTextMeasurer.Width(chart.ValueAxisTitle, fontSize);
                var right = Math.Max(fontSize, title - size.Width + (fontSize * 2) + labels);
                model.PlotMargins = new OxyThickness(labels, double.NaN, right, double.NaN);
            }
            else if (categoryAxis.Angle != 0)
            {
                // A turned label reaches left of its category, the first one past the value axis' labels: OxyPlot's automatic
                // margin does not count that, so the left margin is set to hold both (the other sides stay automatic).
                var firstLabel = (ReportTextMeasurer.Width(chart.Categories[0], fontSize) * Math.Sqrt(0.5)) + fontSize;
                var valueLabels = ReportTextMeasurer.Width(LargestValueLabel(chart) + "0", fontSize) + (fontSize * 3);
                model.PlotMargins = new OxyThickness(Math.Max(firstLabel, valueLabels), double.NaN, double.NaN, double.NaN);
            }

            return model;
        }

        // The longest value axis label there may be: the largest bar (or stack) or point, as the axis formats it.
        private static string LargestValueLabel(ReportChart chart)
        {
            var largest = 0.0;
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var values = chart.Series.Select(s => Math.Abs(s.Values[c] ?? 0)).ToList();
                largest = Math.Max(largest, IsStacked(chart) ? values.Sum() : values.DefaultIfEmpty(0).Max());
            }

            return (-largest * 1.1).ToString("#,0.##", CultureInfo.InvariantCulture);
        }

        // How much taller a column or line chart is made for category labels turned by 45 degrees (0: they fit level).
        private static double CategoryLabelDrop(ReportChart chart, double width, double fontSize)
        {
            if (IsHorizontal(chart) || chart.Categories.Count == 0)
            {
                return 0;
            }

            var widest = chart.Categories.Max(c => ReportTextMeasurer.Width(c, fontSize));
            var room = (width * 0.8) / chart.Categories.Count;
            return widest + (fontSize * 0.5) > room ? widest * Math.Sqrt(0.5) : 0;
        }

        private static int NonReferenceIndex(ReportChart chart, int index) =>
            chart.Series.Take(index).Count(s => !s.IsReference);

        private static Series BarsOf(ReportChart chart, int index, double fontSize)
        {
            var source = chart.Series[index];
            if (source.IsReference)
            {
                var markers = new ScatterSeries
                {
                    Title = source.Name,
                    XAxisKey = IsHorizontal(chart) ? ValueKey : CategoryKey,
                    YAxisKey = IsHorizontal(chart) ? CategoryKey : ValueKey,
                    MarkerType = MarkerType.Diamond,
                    MarkerSize = fontSize * 0.45,
                    MarkerFill = ReferenceColor,
                    MarkerStroke = OxyColors.White,
                    MarkerStrokeThickness = 1,
                };
                for (var c = 0; c < source.Values.Count; c++)
                {
                    if (source.Values[c] is double value)
                    {
                        markers.Points.Add(IsHorizontal(chart) ? new ScatterPoint(value, c) : new ScatterPoint(c, value));
                    }
                }

                return markers;
            }

            var bars = new BarSeries
            {
                Title = source.Name,
                XAxisKey = ValueKey,
                YAxisKey = CategoryKey,
                FillColor = ColorOf(chart, index),
                IsStacked = IsStacked(chart),
                StrokeThickness = 0,
            };
            for (var c = 0; c < source.Values.Count; c++)
            {
                if (source.Values[c] is double value)
                {
                    bars.Items.Add(new BarItem(value, c));
                }
            }

            return bars;
        }

        private static Series LineOf(ReportChart chart, int index, double fontSize)
        {
            var source = chart.Series[index];
            var line = new LineSeries
            {
                Title = source.Name,
                XAxisKey = CategoryKey,
                YAxisKey = ValueKey,
                Color = ColorOf(chart, index),
                StrokeThickness = source.IsReference ? 1.5 : 2.5,
                LineStyle = source.IsReference ? LineStyle.Dash : LineStyles[PlainIndex(chart, index) % LineStyles.Length],
                MarkerType = source.IsReference ? MarkerType.None : LineMarkers[PlainIndex(chart, index) % LineMarkers.Length],
                MarkerSize = fontSize * 0.35,
                MarkerFill = ColorOf(chart, index),
                MarkerStroke = OxyColors.Undefined,
            };
            for (var c = 0; c < source.Values.Count; c++)
            {
                line.Points.Add(source.Values[c] is double value ? new DataPoint(c, value) : DataPoint.Undefined);
            }

            return line;
        }
    }
}
