using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Revenue rows into the revenue table. The partner is found by name in the INSERT itself (its region is
    /// the default); a row for a partner that is not there inserts nothing, which <see cref="Write"/> tells
    /// apart from a Reference already stored (the unique key that -Mode Upsert and Skip match on).
    /// The revenue_totals and history triggers run for every row, as for any write.
    /// </summary>
    internal sealed class RevenueImportTarget : ImportTarget
    {
        private SqliteStatement? _partnerExists;
        private SqliteStatement? _cell;

        public RevenueImportTarget(ImportMode mode)
            : base(mode)
        {
        }

        public override int ParameterCount => RevenueImportMapper.ParameterCount;

        protected override HistoryEntity HistoryEntity => HistoryEntity.Revenue;

        // Each record lands in five indexes (partner and date, reference, totals, history) at places spread over the
        // file; with SQLite's 2 MB cache nearly every one is a read from the OS.
        public override int CacheKiB => 256 * 1024;

        protected override string InsertSql =>
            "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at) " +
            "SELECT p.id, ?2, ?3, ?4, ?5, ?6, coalesce(?7, p.region), coalesce(?8, po_key(p.region)), ?9, ?11 " +
            "FROM (SELECT ?1 AS name_key) k LEFT JOIN partners p ON p.name_key = k.name_key " +
            "WHERE k.name_key IS NULL OR p.id IS NOT NULL ON CONFLICT DO NOTHING";

        // Only reached for a row whose Reference is already stored; ?10 (the name) and ?11 (the batch's timestamp) are not needed.
        protected override string UpdateSql =>
            "UPDATE revenue SET partner_id = (SELECT id FROM partners WHERE name_key = ?1), date = ?2, amount = ?3, currency = ?4, " +
            "segment = ?5, segment_key = ?6, region = coalesce(?7, (SELECT region FROM partners WHERE name_key = ?1)), " +
            "region_key = coalesce(?8, (SELECT po_key(region) FROM partners WHERE name_key = ?1)) " +
            "WHERE reference = ?9 AND coalesce(?10, ?11) IS NOT NULL " +
            // A row that changes nothing writes nothing (no history): it counts as skipped (ImportTarget.NotUpdated).
            "AND (partner_id IS NOT (SELECT id FROM partners WHERE name_key = ?1) OR date IS NOT ?2 OR amount IS NOT ?3 OR currency IS NOT ?4 " +
            "OR segment IS NOT ?5 OR region IS NOT coalesce(?7, (SELECT region FROM partners WHERE name_key = ?1)))";

        public override void Prepare(sqlite3 db)
        {
            base.Prepare(db);
            // One row per partner with the name: two (names stored before schema 4 that print the same) is a failed row.
            _partnerExists = new SqliteStatement(db, "SELECT 1 FROM partners WHERE name_key = ?1 LIMIT 2");
            _cell = new SqliteStatement(
                db,
                "SELECT (SELECT total FROM revenue_totals WHERE partner_key = coalesce((SELECT id FROM partners WHERE name_key = ?1), 0) " +
                "AND year = CAST(substr(?2, 1, 4) AS INTEGER) AND region_key = coalesce(?3, (SELECT po_key(region) FROM partners WHERE name_key = ?1), '') " +
                "AND segment_key = ?4 AND currency = ?5), coalesce(?6, (SELECT region FROM partners WHERE name_key = ?1))");
        }

        public override RowOutcome Write(ImportChunk chunk, int row)
        {
            // A row for a missing partner must fail in every mode, before an Upsert could touch a record.
            if (!chunk.IsNull(row, 0))
            {
                var partners = _partnerExists!.CountRows(chunk.TextString(row, 0)!);
                if (partners == 0)
                {
                    return RowOutcome.Failed("PartnerName", $"{RevenueImport.UnknownPartnerReason}'{chunk.TextString(row, 9)}'; add it first (Add-Partner or Import-Partner), or leave PartnerName empty for direct revenue.");
                }

                if (partners > 1)
                {
                    return RowOutcome.Failed(
                        "PartnerName",
                        $"'{chunk.TextString(row, 9)}' names more than one partner (names that print the same, stored before names were compared this way); " +
                        "nothing was written. Test-PartnerDatabase -Detailed names them; merge or rename them, or add the record with Add-PartnerRevenue -Partner (Get-Partner -Id N).");
                }
            }

            var outcome = base.Write(chunk, row);
            return outcome.Kind == RowOutcomeKind.Failed && RevenueTotals.IsOverflow(outcome.Reason) ? Overflow(chunk, row) : outcome;
        }

        // The row would take its totals cell beyond 64 bits: the trigger refused it (the statement was undone); say which amount and total.
        private RowOutcome Overflow(ImportChunk chunk, int row)
        {
            var cell = _cell!;
            cell.BindText(1, chunk.TextString(row, 0));
            cell.BindText(2, chunk.TextString(row, 1));
            cell.BindText(3, chunk.TextString(row, 7));
            cell.BindText(4, chunk.TextString(row, 5));
            cell.BindText(5, chunk.TextString(row, 3));
            cell.BindText(6, chunk.TextString(row, 6));
            var found = cell.FirstRow();
            var currency = chunk.TextString(row, 3)!;
            var total = long.Parse(found?[0] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var year = int.Parse(chunk.TextString(row, 1)!.Substring(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            return RowOutcome.Failed(
                "Amount",
                RevenueTotals.Message(
                    RevenueRules.FromMinorUnits(chunk.Integer(row, 2), currency),
                    currency,
                    chunk.IsNull(row, 0) ? null : "'" + chunk.TextString(row, 9) + "'",
                    year,
                    found?[1],
                    chunk.TextString(row, 4)!,
                    RevenueRules.FromMinorUnits(total, currency)));
        }

        protected override RowOutcome Conflict(ImportChunk chunk, int row) =>
            RowOutcome.Failed(
                "Reference",
                $"'{chunk.TextString(row, 8)}' already exists (references are unique); -Mode Upsert updates that record, -Mode Skip leaves it.");

        public override void Dispose()
        {
            _partnerExists?.Dispose();
            _partnerExists = null;
            _cell?.Dispose();
            _cell = null;
            base.Dispose();
        }
    }
}
