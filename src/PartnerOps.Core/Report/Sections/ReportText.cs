using System;
using System.Globalization;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// How a report writes its figures, always in the invariant culture: counts and money as "N0" (12,345; money with its
    /// currency code in front: "USD 12,345,678"), shares and growth as "0.0 %" (0.784 is "78.4 %"), days as yyyy-MM-dd.
    /// Every cell and tile keeps the unrounded figure beside the text (<see cref="ReportCell.Number"/>, <see cref="ReportTile.Number"/>).
    /// </summary>
    internal static class ReportText
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>A count: "1,020".</summary>
        public static string Count(decimal count) => count.ToString("N0", Invariant);

        /// <summary>An amount with its currency: "USD 12,345,679" (whole units; the cell's number keeps the minor units).</summary>
        public static string Money(decimal amount, string currency) => currency + " " + amount.ToString("N0", Invariant);

        /// <summary>A share (a fraction: 0.784) as "78.4 %"; "n/a" for none.</summary>
        public static string Share(decimal? share) => share is decimal value ? value.ToString("0.0 %", Invariant) : "n/a";

        /// <summary>A growth (a fraction: 0.045) as "+4.5 %" or "-4.5 %"; "n/a" for none.</summary>
        public static string Growth(decimal? growth) => growth is decimal value ? value.ToString("+0.0 %;-0.0 %;0.0 %", Invariant) : "n/a";

        /// <summary>A calendar day as yyyy-MM-dd.</summary>
        public static string Day(DateTime day) => PartnerRules.FormatDate(day);

        /// <summary>A fraction as a chart value in percent (0.784 is 78.4), or null.</summary>
        public static double? Percent(decimal? share) => share is decimal value ? (double)(value * 100m) : (double?)null;

        /// <summary>A text cell.</summary>
        public static ReportCell Text(string? text) => new ReportCell { Text = text ?? string.Empty };

        /// <summary>A count cell.</summary>
        public static ReportCell CountCell(decimal count) => new ReportCell { Text = Count(count), Number = count };

        /// <summary>A money cell, its text in whole units of <paramref name="currency"/> (the code is in the column header).</summary>
        public static ReportCell MoneyCell(decimal? amount) => amount is decimal value
            ? new ReportCell { Text = value.ToString("N0", Invariant), Number = value }
            : new ReportCell { Text = "n/a" };

        /// <summary>A share cell (a fraction shown in percent).</summary>
        public static ReportCell ShareCell(decimal? share) => new ReportCell { Text = Share(share), Number = share };

        /// <summary>A growth cell (a fraction shown in percent with its sign).</summary>
        public static ReportCell GrowthCell(decimal? growth) => new ReportCell { Text = Growth(growth), Number = growth };

        /// <summary>A column.</summary>
        public static ReportColumn Column(string header, bool numeric = false) => new ReportColumn { Header = header, Numeric = numeric };

        /// <summary>"in the regions X, Y" for a filtered report; empty for every region.</summary>
        public static string InRegions(ReportScope scope) =>
            scope.Regions.Count == 0 ? string.Empty : " in the regions matching " + string.Join(", ", scope.RegionTexts);

        /// <summary>" for all regions", or " for the regions matching X, Y": the scope a headline figure or target is of.</summary>
        public static string InScope(ReportScope scope) =>
            scope.Regions.Count == 0 ? " for all regions" : " for the regions matching " + string.Join(", ", scope.RegionTexts);

        /// <summary>The -Region parameter text to repeat in a suggested command ("" without a filter).</summary>
        public static string RegionArgument(ReportScope scope) =>
            scope.Regions.Count == 0 ? string.Empty : " -Region '" + string.Join("','", scope.RegionTexts) + "'";
    }
}
