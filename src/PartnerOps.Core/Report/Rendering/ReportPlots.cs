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
    /// StackedColumn, Bar) or a line series (Line), reference series as diamond markers (bar kinds) or a dashed line without
    /// markers (Line). Margins are set from <see cref="ReportTextMeasurer"/>, which over-estimates text widths, so no label
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

        private const string CategoryKey = "category";
        private const string ValueKey = "value";

        /// <summary>The colour series <paramref name="index"/> of a chart is drawn in.</summary>
        internal static OxyColor ColorOf(ReportChart chart, int index) =>
            chart.Series[index].IsReference ? ReferenceColor : SeriesColors[NonReferenceIndex(chart, index) % SeriesColors.Length];

        /// <summary>The chart's size in drawing units (1/96 inch on screen, points in the PDF) for a given width.</summary>
        internal static OxySize SizeOf(ReportChart chart, double width, double fontSize)
        {
            var rows = chart.Categories.Count;
            if (chart.Kind == ReportChartKind.Bar)
            {
                var bars = Math.Max(1, chart.Series.Count(s => !s.IsReference));
                var perCategory = Math.Max(fontSize * 1.8, fontSize * 1.1 * bars);
                return new OxySize(width, Math.Max(fontSize * 16, (rows * perCategory) + (fontSize * 7)));
            }

            return new OxySize(width, Math.Max(fontSize * 20, width * 0.45) + CategoryLabelDrop(chart, width, fontSize));
        }

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

            var horizontalBars = chart.Kind == ReportChartKind.Bar;
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

            if (categoryAxis.Angle != 0)
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
                largest = Math.Max(largest, chart.Kind == ReportChartKind.StackedColumn ? values.Sum() : values.DefaultIfEmpty(0).Max());
            }

            return (-largest * 1.1).ToString("#,0.##", CultureInfo.InvariantCulture);
        }

        // How much taller a column or line chart is made for category labels turned by 45 degrees (0: they fit level).
        private static double CategoryLabelDrop(ReportChart chart, double width, double fontSize)
        {
            if (chart.Kind == ReportChartKind.Bar || chart.Categories.Count == 0)
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
                    XAxisKey = chart.Kind == ReportChartKind.Bar ? ValueKey : CategoryKey,
                    YAxisKey = chart.Kind == ReportChartKind.Bar ? CategoryKey : ValueKey,
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
                        markers.Points.Add(chart.Kind == ReportChartKind.Bar ? new ScatterPoint(value, c) : new ScatterPoint(c, value));
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
                IsStacked = chart.Kind == ReportChartKind.StackedColumn,
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
                LineStyle = source.IsReference ? LineStyle.Dash : LineStyle.Solid,
                MarkerType = source.IsReference ? MarkerType.None : MarkerType.Circle,
                MarkerSize = fontSize * 0.3,
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
