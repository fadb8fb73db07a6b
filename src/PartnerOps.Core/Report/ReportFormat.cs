namespace PartnerOps.Report
{
    /// <summary>The file format Export-PartnerReport writes.</summary>
    public enum ReportFormat
    {
        /// <summary>One self-contained HTML file (UTF-8): charts as inline SVG, no script, no external reference.</summary>
        Html,

        /// <summary>A PDF document of A4 pages: tiles and tables as text, charts drawn.</summary>
        Pdf,
    }
}
