using System;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The 64-bit limit of a revenue_totals cell (one partner or direct, year, region, segment and currency): its total
    /// of whole minor units must stay within Int64 (±9,223,372,036,854,775,807 minor units, e.g. ±92,233,720,368,547,758.07 USD).
    /// The totals triggers refuse a write that would leave that range (<see cref="Schema.TotalOverflowMessage"/>); this
    /// class recognises that refusal and says which value and which total it was.
    /// </summary>
    public static class RevenueTotals
    {
        /// <summary>Whether SQLite refused a statement because a cell's total would overflow.</summary>
        public static bool IsOverflow(SqliteException ex) => IsOverflow(ex.Message);

        /// <summary>Whether an SQLite error message is the totals triggers' overflow refusal.</summary>
        public static bool IsOverflow(string? message) => message != null && message.IndexOf(Schema.TotalOverflowMessage, StringComparison.Ordinal) >= 0;

        /// <summary>
        /// InvalidAmount naming the amount, the cell and its current total, for a record whose write was refused; nothing was written.
        /// <paramref name="adding"/> is false when the record was being removed (its removal would overflow the others' total).
        /// </summary>
        public static PartnerOpsException Overflow(SqliteDatabase store, long? partnerId, string? partnerName, DateTime date, string? region, string segment, string currency, long minor, bool adding = true)
        {
            var total = store.Connection.ExecuteScalar<long?>(
                "SELECT total FROM revenue_totals WHERE partner_key = @partner AND year = @year AND region_key = @region AND segment_key = @segment AND currency = @currency",
                new { partner = partnerId ?? 0, year = date.Year, region = RevenueRules.Key(region) ?? string.Empty, segment = RevenueRules.Key(segment), currency },
                store.Transaction) ?? 0;
            return new PartnerOpsException(
                ErrorIds.InvalidAmount,
                FailureKind.InvalidArgument,
                RevenueRules.TotalOverflowMessage(RevenueRules.FromMinorUnits(minor, currency), currency, partnerId == null ? null : $"'{partnerName}'", date.Year, region, segment, RevenueRules.FromMinorUnits(total, currency), adding),
                RevenueRules.FromMinorUnits(minor, currency));
        }
    }
}
