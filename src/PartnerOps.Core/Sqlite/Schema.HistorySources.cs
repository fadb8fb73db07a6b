namespace PartnerOps.Sqlite
{
    /// <summary>Schema step 11 (see <see cref="Migrations"/>), and the totals summed from the records (steps 6 and copies).</summary>
    public static partial class Schema
    {
        // Step 11: a history row can name the file and line an imported record came from. An import here keeps writing its
        // Insert entries by batch (step 9); a copy from another database (Copy-PartnerDatabase, a server's backup) writes
        // every entry as a row, imported ones with their source and line, read by HistoryRepository. Rows the triggers write
        // leave both empty. Self-contained: two columns added, no row rewritten.
        private static string HistorySources() => @"
ALTER TABLE history ADD COLUMN source TEXT;
ALTER TABLE history ADD COLUMN line INTEGER;
";

        /// <summary>
        /// revenue_totals summed afresh from the records (one cell per partner, year, region, segment and currency; the smallest
        /// spelling of region and segment): schema step 6, and a copy once its records are written.
        /// </summary>
        internal const string TotalsFromRecords = @"DELETE FROM revenue_totals;
INSERT INTO revenue_totals (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum)
SELECT coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), segment_key, currency,
       min(region), min(segment), count(*), sum(amount), min(amount), max(amount)
FROM revenue
GROUP BY coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), segment_key, currency;";
    }
}
