using System.Globalization;

namespace PartnerOps.Report.Rendering
{
    /// <summary>The sentences both formats put around the report's own text (its scope line, statuses, fallbacks).</summary>
    internal static class ReportText
    {
        /// <summary>"As of 30 November 2026 · Year 2026 · Amounts in USD · Regions: all · Database: ..." (invariant culture).</summary>
        internal static string Scope(PartnerReport report, string separator = " \u00B7 ")
        {
            var regions = report.Regions.Count == 0 ? "all" : string.Join(", ", report.Regions);
            var parts = new[]
            {
                "As of " + report.AsOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                "Year " + report.Year.ToString(CultureInfo.InvariantCulture),
                "Amounts in " + report.Currency,
                "Regions: " + regions,
                "Database: " + report.Database,
            };
            return string.Join(separator, parts);
        }

        /// <summary>"Generated 2026-11-30 19:06 UTC by Export-PartnerReport".</summary>
        internal static string Generated(PartnerReport report) =>
            "Generated " + report.GeneratedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC by Export-PartnerReport";

        /// <summary>A status as text: "On track", "Behind", or empty for none.</summary>
        internal static string Status(ReportStatus status) =>
            status == ReportStatus.OnTrack ? "On track" : status == ReportStatus.Behind ? "Behind" : string.Empty;

        /// <summary>Shown for a chart without an empty message that has no category or no value.</summary>
        internal static string NothingToDraw(ReportChart chart) => "No figures to draw for " + chart.Title + ".";

        /// <summary>Shown for a table without an empty message that has no row.</summary>
        internal static string NoRows(ReportTable table) => "No rows for " + table.Caption + ".";
    }
}
