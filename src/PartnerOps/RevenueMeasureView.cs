using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The default view of PartnerOps.RevenueMeasure (see PartnerOps.format.ps1xml). A measure's key columns
    /// depend on -GroupBy, which a fixed table view cannot follow, so the view groups the measures by their
    /// key columns (printing this header once) and prints each measure as one aligned line.
    /// </summary>
    public static class RevenueMeasureView
    {
        private static readonly Dictionary<string, int> KeyWidths = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Partner"] = 24, ["Type"] = 16, ["Tier"] = 10, ["Region"] = 20, ["Country"] = 7, ["Segment"] = 12,
            ["Channel"] = 7, ["Year"] = 4, ["Quarter"] = 7, ["Month"] = 5,
        };

        /// <summary>The column titles and underlines for the measure's columns.</summary>
        public static string Header(PSObject measure)
        {
            var columns = Columns(measure);
            return Line(columns, c => c.Title) + Environment.NewLine + Line(columns, c => new string('-', c.Title.Length));
        }

        /// <summary>One measure as an aligned line: text left, numbers right, money with thousands separators, shares as percentages.</summary>
        public static string Row(PSObject measure)
        {
            var currency = measure.Properties["Currency"]?.Value as string;
            return Line(Columns(measure), c => c.Title == "Total" ? Money(measure.Properties[c.Title]?.Value, currency) : c.Format(measure.Properties[c.Title]?.Value));
        }

        /// <summary>
        /// Money as the default views show it: with thousands separators of the session's culture and its currency's ISO 4217
        /// minor digits (1,234.50 USD, 1,235 JPY, 0.499 KWD, 0.1234 CLF); never rounded, so a value with more decimal places
        /// shows them all. An unknown currency shows the decimal places the value has.
        /// </summary>
        public static string Money(object? value, string? currency)
        {
            var digits = currency != null && CurrencyCodes.Normalize(currency) is string code ? RevenueRules.MinorDigits(code) : 0;
            return Number(value, digits);
        }

        /// <summary>A count or other number with at least <paramref name="digits"/> decimal places and never fewer than it has (12, 12.5).</summary>
        public static string Number(object? value, int digits = 0)
        {
            if (!(value is decimal number))
            {
                return value is IFormattable formattable ? formattable.ToString("N0", CultureInfo.CurrentCulture) : string.Empty;
            }

            var places = Math.Max(digits, (decimal.GetBits(number / 1.0000000000000000000000000000m)[3] >> 16) & 0xFF);
            return number.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
        }

        /// <summary>A target's value, actual, gap or expectation as the target views show it: a share as a percentage, a count as a number, revenue as money.</summary>
        public static string TargetFigure(object? metric, object? value, string? currency) =>
            value == null ? string.Empty
            : string.Equals(metric?.ToString(), "PartnerRevenueShare", StringComparison.Ordinal) ? Percent(value)
            : string.Equals(metric?.ToString(), "PartnerCount", StringComparison.Ordinal) ? Number(value)
            : Money(value, currency);

        // TargetProgress: fixed columns; a figure wider than its column pushes the line out rather than being cut.
        private static readonly List<Column> TargetColumns = new List<Column>
        {
            new Column("Metric", 19, false, Text), new Column("Region", 14, false, Text), new Column("Year", 4, true, Text),
            new Column("Target", 14, true, Text), new Column("Actual", 14, true, Text), new Column("Gap", 14, true, Text),
            new Column("Progress", 8, true, Percent), new Column("Expected", 14, true, Text), new Column("OnTrack", 7, false, Text),
        };

        /// <summary>The column titles and underlines of the TargetProgress view.</summary>
        public static string TargetHeader(PSObject progress) =>
            Line(TargetColumns, c => c.Title) + Environment.NewLine + Line(TargetColumns, c => new string('-', c.Title.Length));

        /// <summary>
        /// One TargetProgress as an aligned line: a share as a percentage, a count as a number, revenue as money in the target's
        /// currency (see <see cref="TargetFigure"/>); the region "(all regions)" when the target has none.
        /// </summary>
        public static string TargetRow(PSObject progress)
        {
            object? Get(string name) => progress.Properties[name]?.Value;
            var metric = Get("Metric");
            var currency = Get("Currency") as string;
            return Line(TargetColumns, c => c.Title switch
            {
                "Region" => Get("Region") is string region ? region : "(all regions)",
                "Target" or "Actual" or "Gap" or "Expected" => TargetFigure(metric, Get(c.Title), currency),
                _ => c.Format(Get(c.Title)),
            });
        }

        // PartnerTarget: the same aligned lines, so that a large target (999,999,999,999,990.0000 CLF) is never cut.
        private static readonly List<Column> TargetListColumns = new List<Column>
        {
            new Column("Id", 5, true, Text), new Column("Metric", 19, false, Text), new Column("Region", 18, false, Text),
            new Column("Year", 4, true, Text), new Column("Value", 18, true, Text), new Column("Currency", 8, false, Text),
        };

        /// <summary>The column titles and underlines of the PartnerTarget view.</summary>
        public static string TargetListHeader(PSObject target) =>
            Line(TargetListColumns, c => c.Title) + Environment.NewLine + Line(TargetListColumns, c => new string('-', c.Title.Length));

        /// <summary>One PartnerTarget as an aligned line: its value as <see cref="TargetFigure"/> shows it, never cut.</summary>
        public static string TargetListRow(PSObject target)
        {
            object? Get(string name) => target.Properties[name]?.Value;
            return Line(TargetListColumns, c => c.Title switch
            {
                "Region" => Get("Region") is string region ? region : "(all regions)",
                "Value" => TargetFigure(Get("Metric"), Get("Value"), Get("Currency") as string),
                _ => c.Format(Get(c.Title)),
            });
        }

        // ExchangeRate: a rate has up to 8 digits before the point and as many after as were given; never cut.
        private static readonly List<Column> RateColumns = new List<Column>
        {
            new Column("From", 4, false, Text), new Column("To", 4, false, Text), new Column("Year", 4, true, Text), new Column("Rate", 14, true, Text),
        };

        /// <summary>The column titles and underlines of the ExchangeRate view.</summary>
        public static string RateHeader(PSObject rate) =>
            Line(RateColumns, c => c.Title) + Environment.NewLine + Line(RateColumns, c => new string('-', c.Title.Length));

        /// <summary>One ExchangeRate as an aligned line: the rate exactly as stored, in the session's culture (1.0825, 1,0825).</summary>
        public static string RateRow(PSObject rate) => Line(RateColumns, c => c.Format(rate.Properties[c.Title]?.Value));

        private static List<Column> Columns(PSObject measure)
        {
            var names = measure.Properties.Select(p => p.Name).ToList();
            var keys = names.Where(KeyWidths.ContainsKey).ToList();
            var columns = keys.Select(k => new Column(k, KeyWidths[k], rightAligned: k == "Year" || k == "Quarter" || k == "Month", PartnerKeys.Contains(k) ? PartnerText : Text)).ToList();
            columns.Add(new Column("Count", 6, true, Text));
            columns.Add(new Column("Total", 16, true, Text)); // formatted by Row with the measure's currency
            columns.Add(new Column("Share", 7, true, Percent));
            if (names.Contains("Growth"))
            {
                columns.Add(new Column("Growth", 7, true, Percent)); // PreviousTotal: Format-List, or Select-Object
            }

            columns.Add(new Column("Currency", 8, false, Text));
            return columns;
        }

        private static string Line(List<Column> columns, Func<Column, string> cell)
        {
            var line = new StringBuilder();
            foreach (var column in columns)
            {
                var text = cell(column);
                if (text.Length > column.Width && !column.RightAligned) // numbers are never cut: a wide one pushes the line out
                {
                    text = text.Substring(0, column.Width - 1) + "…";
                }

                line.Append(column.RightAligned ? text.PadLeft(column.Width) : text.PadRight(column.Width)).Append(' ');
            }

            return line.ToString().TrimEnd();
        }

        // Keys that come from the partner are empty for direct revenue.
        private static readonly HashSet<string> PartnerKeys = new HashSet<string>(StringComparer.Ordinal) { "Partner", "Type", "Tier", "Country" };

        private static string PartnerText(object? value) => value == null ? "(direct)" : Text(value);

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(null, CultureInfo.CurrentCulture),
            _ => value.ToString() ?? string.Empty,
        };


        private static string Percent(object? value) => value is decimal share ? share.ToString("P1", CultureInfo.CurrentCulture) : string.Empty;

        private sealed class Column
        {
            public Column(string title, int width, bool rightAligned, Func<object?, string> format)
            {
                Title = title;
                Width = Math.Max(width, title.Length);
                RightAligned = rightAligned;
                Format = format;
            }

            public string Title { get; }

            public int Width { get; }

            public bool RightAligned { get; }

            public Func<object?, string> Format { get; }
        }
    }
}
