using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The INSERT of <see cref="RevenueRepository.Add"/>, prepared once per repository on the connection's raw SQLite handle
    /// (as <see cref="PartnerInsertCommand"/> is for partners) and run with new values for each record. Preparing an INSERT
    /// into revenue compiles its triggers too (the totals upsert, the history row with its amount formatting); a Dapper call
    /// per record did that anew for each one, which was most of the writer thread's time in
    /// <c>Import-Csv | Add-PartnerRevenue</c> (perf, issue 15). The store finalizes the statement before its connection closes.
    /// A failure throws SqliteException with SQLite's extended code, as the Dapper call did, so the callers' translations
    /// (a Reference already stored, a totals cell beyond 64 bits) apply unchanged.
    /// </summary>
    internal sealed class RevenueInsertCommand
    {
        private readonly SqliteStatement _statement;

        public RevenueInsertCommand(SqliteDatabase store)
        {
            _statement = new SqliteStatement(
                store.Connection.Handle!,
                "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at, attribution) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id");
            store.Own(_statement);
        }

        /// <summary>
        /// Inserts one record in the store's current transaction; returns its id. Texts as stored: <paramref name="date"/>
        /// yyyy-MM-dd, <paramref name="amount"/> in whole minor units of <paramref name="currency"/>, the keys of
        /// <see cref="RevenueRules.Key"/>, <paramref name="createdAt"/> a UTC timestamp (PartnerRules.FormatTimestamp),
        /// <paramref name="attribution"/> a <see cref="RevenueAttribution"/> name (null for direct revenue).
        /// </summary>
        /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database refused the row (its extended code says why).</exception>
        public long Execute(long? partnerId, string date, long amount, string currency, string segment, string segmentKey, string? region, string? regionKey, string? reference, string createdAt, string? attribution)
        {
            if (partnerId is long id)
            {
                _statement.BindInt64(1, id);
            }
            else
            {
                _statement.BindText(1, null);
            }

            _statement.BindText(2, date);
            _statement.BindInt64(3, amount);
            _statement.BindText(4, currency);
            _statement.BindText(5, segment);
            _statement.BindText(6, segmentKey);
            _statement.BindText(7, region);
            _statement.BindText(8, regionKey);
            _statement.BindText(9, reference);
            _statement.BindText(10, createdAt);
            _statement.BindText(11, attribution);
            return _statement.ExecuteReturningId();
        }
    }
}
