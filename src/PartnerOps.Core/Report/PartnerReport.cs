using System;
using System.Collections.Generic;

namespace PartnerOps.Report
{
    /// <summary>
    /// What Export-PartnerReport shows, independent of the format it is written in (HTML or PDF): a title, the day and
    /// filters it was measured for, and its sections in order. Every number in it comes from the Core measures the cmdlets
    /// use (Measure-PartnerTarget, Measure-PartnerRevenue, Measure-PartnerFunnel, ...), made into text once, here.
    /// </summary>
    public sealed class PartnerReport
    {
        /// <summary>The report's heading (Export-PartnerReport -Title; "Partner programme report" by default).</summary>
        public string Title { get; set; } = string.Empty;

        /// <summary>The day the figures are measured as of (a calendar day, no time of day).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The year the tiles and year charts are for (the AsOf day's year unless -Year says otherwise).</summary>
        public int Year { get; set; }

        /// <summary>The reporting currency every amount is shown in (ISO 4217 code).</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary>The -Region filter as given (patterns); empty: every region.</summary>
        public IReadOnlyList<string> Regions { get; set; } = Array.Empty<string>();

        /// <summary>The database measured, as messages show it (a server's location without its password).</summary>
        public string Database { get; set; } = string.Empty;

        /// <summary>When the report was made (UTC).</summary>
        public DateTime GeneratedUtc { get; set; }

        /// <summary>The sections, in the order they are shown.</summary>
        public List<ReportSection> Sections { get; } = new List<ReportSection>();
    }

    /// <summary>One section of a report: a heading, then its tiles, charts and tables (any of them may be empty).</summary>
    public sealed class ReportSection
    {
        /// <summary>A stable identifier (letters, digits and hyphens), used as the HTML id (e.g. "targets").</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The section's heading.</summary>
        public string Heading { get; set; } = string.Empty;

        /// <summary>A sentence under the heading that says how to read the section, or null.</summary>
        public string? Note { get; set; }

        /// <summary>
        /// Shown instead of the section's content when there is nothing to show (no revenue, no targets ...): says what is
        /// missing and how to add it. Null when the section has content.
        /// </summary>
        public string? EmptyMessage { get; set; }

        /// <summary>Headline figures.</summary>
        public List<ReportTile> Tiles { get; } = new List<ReportTile>();

        /// <summary>Charts, each with the table of its numbers.</summary>
        public List<ReportChart> Charts { get; } = new List<ReportChart>();

        /// <summary>Tables and lists that are not a chart's numbers.</summary>
        public List<ReportTable> Tables { get; } = new List<ReportTable>();
    }

    /// <summary>Whether a figure is on track against its target; shown as text as well as colour.</summary>
    public enum ReportStatus
    {
        /// <summary>No target to compare with.</summary>
        None,

        /// <summary>At or ahead of what is expected by now.</summary>
        OnTrack,

        /// <summary>Behind what is expected by now.</summary>
        Behind,
    }

    /// <summary>A headline figure: a label, its value as text, a line of detail (the target, last year ...).</summary>
    public sealed class ReportTile
    {
        /// <summary>A stable identifier (e.g. "partners"), used as the HTML id and by tests.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>What the figure is ("Partners", "Partner share of revenue" ...).</summary>
        public string Label { get; set; } = string.Empty;

        /// <summary>The figure as shown ("812", "78.4 %", "USD 12,345,678").</summary>
        public string Value { get; set; } = string.Empty;

        /// <summary>The figure as a number (invariant, unrounded as the measure gives it), or null when there is none.</summary>
        public decimal? Number { get; set; }

        /// <summary>A line under the figure ("of 1,000 (target); 1,020 projected at year end"), or null.</summary>
        public string? Detail { get; set; }

        /// <summary>On track or behind, when the figure has a target.</summary>
        public ReportStatus Status { get; set; }
    }

    /// <summary>How a chart is drawn.</summary>
    public enum ReportChartKind
    {
        /// <summary>Vertical bars per category; several series side by side.</summary>
        Column,

        /// <summary>Vertical bars per category; several series stacked.</summary>
        StackedColumn,

        /// <summary>Horizontal bars per category (long category names, e.g. targets or countries).</summary>
        Bar,

        /// <summary>A line per series over the categories (quarters, months).</summary>
        Line,

        /// <summary>
        /// Horizontal bars per category with several series stacked, so each category's bar is full width: used where a
        /// category's one value is split by a state (on track or behind), each series holding the values of one state and null
        /// elsewhere.
        /// </summary>
        StackedBar,
    }

    /// <summary>One series of a chart: a value per category of the chart (null where there is none).</summary>
    public sealed class ReportSeries
    {
        /// <summary>The series' name, shown in the legend and the numbers table.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>One value per category, in the chart's category order; null: no value for that category.</summary>
        public List<double?> Values { get; } = new List<double?>();

        /// <summary>
        /// A reference the others are read against (a target line, an "expected by now" marker): drawn dashed or as a
        /// marker, never as a bar.
        /// </summary>
        public bool IsReference { get; set; }

        /// <summary>
        /// The status the series' values have, when the series holds the values of one status (on track or behind): such a
        /// series is drawn in the status' colour (the same colours as the tiles), and its categories say the status as text.
        /// <see cref="ReportStatus.None"/> (the default): drawn in the palette's next colour.
        /// </summary>
        public ReportStatus Status { get; set; }
    }

    /// <summary>A chart: what it shows, its axes (with units and currency), its series, a text alternative and its numbers.</summary>
    public sealed class ReportChart
    {
        /// <summary>A stable identifier (e.g. "share-by-quarter"), used as the HTML id and by tests.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The chart's title.</summary>
        public string Title { get; set; } = string.Empty;

        /// <summary>How it is drawn.</summary>
        public ReportChartKind Kind { get; set; }

        /// <summary>The category axis' title ("Quarter", "Region").</summary>
        public string CategoryAxisTitle { get; set; } = string.Empty;

        /// <summary>The value axis' title, with its unit ("Revenue (USD)", "Share of revenue (%)").</summary>
        public string ValueAxisTitle { get; set; } = string.Empty;

        /// <summary>The categories, in order ("2015 Q1", "Western Europe" ...).</summary>
        public List<string> Categories { get; } = new List<string>();

        /// <summary>The series; each has one value per category.</summary>
        public List<ReportSeries> Series { get; } = new List<ReportSeries>();

        /// <summary>A sentence that says what the chart shows, for a screen reader and for a reader without the picture.</summary>
        public string TextAlternative { get; set; } = string.Empty;

        /// <summary>The chart's numbers as a table (shown collapsed under it).</summary>
        public ReportTable Table { get; set; } = new ReportTable();

        /// <summary>Shown instead of the chart when there is nothing to draw (says what is missing); null when it has data.</summary>
        public string? EmptyMessage { get; set; }
    }

    /// <summary>A table: a caption, its columns and its rows of cells.</summary>
    public sealed class ReportTable
    {
        /// <summary>A stable identifier (e.g. "revenue-by-region"), used as the HTML id and by tests.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The table's caption.</summary>
        public string Caption { get; set; } = string.Empty;

        /// <summary>The columns.</summary>
        public List<ReportColumn> Columns { get; } = new List<ReportColumn>();

        /// <summary>The rows; each has one cell per column.</summary>
        public List<List<ReportCell>> Rows { get; } = new List<List<ReportCell>>();

        /// <summary>Shown instead of the rows when there are none (e.g. "No certification expires in the next 30 days."); null when it has rows.</summary>
        public string? EmptyMessage { get; set; }
    }

    /// <summary>A column of a table.</summary>
    public sealed class ReportColumn
    {
        /// <summary>The column header, with its unit where it has one ("Revenue (USD)").</summary>
        public string Header { get; set; } = string.Empty;

        /// <summary>Whether the column holds numbers (aligned right).</summary>
        public bool Numeric { get; set; }
    }

    /// <summary>A cell of a table: its text, its number, and how strongly it is shaded.</summary>
    public sealed class ReportCell
    {
        /// <summary>The cell as shown.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary>The cell's number (invariant, as the measure gives it), or null for a text cell or an empty one.</summary>
        public decimal? Number { get; set; }

        /// <summary>Shading from 0 (none) to 1 (strongest), for tables shaded by value; null: not shaded.</summary>
        public double? Shade { get; set; }
    }
}
