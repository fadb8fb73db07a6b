using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using NpgsqlTypes;
using PartnerOps.Data;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Import-PartnerRevenue on PostgreSQL: revenue rows (<see cref="RevenueImportMapper"/>'s parameters) staged, then per
    /// batch: partners resolved by name key in one UPDATE of the stage (their id, and their region as the default of a row that
    /// names none, with its key computed here: there are no C# functions on the server); a row for a missing partner, or a name
    /// two partners share, fails in every mode. New rows (no Reference, or one neither stored nor taken by an earlier row) are
    /// inserted in the file's order with their history; the totals trigger folds them into revenue_totals. Other rows: Insert
    /// fails them, Skip skips them, Upsert updates the record with that Reference (rounds in the file's order).
    /// A row that would take its revenue_totals cell beyond 64 bits fails as on SQLite (<see cref="TotalsGuard"/>).
    /// </summary>
    internal sealed class PgRevenueImport : PgImportTarget
    {
        private const string Columns = "name_key, date, amount, currency, segment, segment_key, region, region_key, reference, name, attribution";

        private readonly TotalsGuard _guard = new TotalsGuard();
        private string _sequence = string.Empty;
        private string _historySequence = string.Empty;
        private bool _namesPartners;
        private bool _attributionUnsaid;

        public PgRevenueImport(ImportMode mode)
            : base(mode)
        {
        }

        public override int ParameterCount => RevenueImportMapper.ParameterCount;

        public override string StagingColumns =>
            string.Join(", ", Columns.Split(',').Select(c => c.Trim() + (c.Trim() == "amount" ? " bigint" : " text COLLATE \"C\""))) +
            ", partner_id bigint, partner_count integer, history_id bigint";

        public override string CopyColumns => Columns;

        public override void Prepare(PgDatabase db)
        {
            _sequence = IdSequence(db, "revenue");
            _historySequence = IdSequence(db, "history");
            _guard.Prepare(db);
        }

        public override void WriteRow(NpgsqlBinaryImporter copy, ImportChunk chunk, int row)
        {
            for (var p = 0; p < RevenueImportMapper.ParameterCount; p++)
            {
                if (p == 2)
                {
                    var amount = chunk.Integer(row, p);
                    copy.Write(amount, NpgsqlDbType.Bigint);
                    _guard.Add(amount);
                }
                else
                {
                    WriteText(copy, chunk, row, p);
                }
            }

            _namesPartners |= !chunk.IsNull(row, 0);
            _attributionUnsaid |= !chunk.IsNull(row, 0) && chunk.IsNull(row, 10);
        }

        public override MergeResult Merge(PgDatabase db, string utcTimestamp, int rows)
        {
            if (_namesPartners)
            {
                ResolvePartners(db);
                _namesPartners = false;
            }

            if (_attributionUnsaid)
            {
                db.Execute(Mode == ImportMode.Upsert ? KeptAttribution : DefaultAttribution);
                _attributionUnsaid = false;
            }

            var overflow = _guard.Check(db);
            var result = new MergeResult();
            foreach (var failure in overflow)
            {
                result.Fail(failure.Key, "Amount", failure.Value);
            }

            var others = db.Query<Other>(MergeSql(Mode), new { seq = _sequence, history = _historySequence, at = utcTimestamp, overflow = overflow.Keys.ToArray() });
            result.Inserted = rows - others.Count;
            var taken = new List<Other>();
            foreach (var other in others.Where(o => !overflow.ContainsKey(o.Ord)))
            {
                if (other.PartnerCount == 0)
                {
                    result.Fail(other.Ord, "PartnerName", RevenueImport.UnknownPartner(other.Name));
                }
                else if (other.PartnerCount > 1)
                {
                    result.Fail(other.Ord, "PartnerName", RevenueImport.SharedPartner(other.Name));
                }
                else
                {
                    taken.Add(other);
                }
            }

            Settle(db, utcTimestamp, taken.ConvertAll(t => (t.Ord, t.Reference!, t.Reference)), "Reference", RevenueImport.ReferenceTaken, UpdateRevenue, result);
            return result;
        }

        public override void BatchRolledBack() => _guard.Discard();

        // Each staged row's partner (how many have its name key, the one's id) and, for a row that names no region, the
        // partner's region and its key (RevenueRules.Key of the few distinct regions, computed here).
        private static void ResolvePartners(PgDatabase db)
        {
            var regions = db.Query<string>(
                $@"SELECT DISTINCT p.region FROM (SELECT DISTINCT name_key FROM {PgImportWriter.Staging} WHERE region IS NULL AND name_key IS NOT NULL) s
                   CROSS JOIN LATERAL (SELECT region FROM partners p WHERE p.name_key = s.name_key AND p.region IS NOT NULL LIMIT 2) p");
            db.Execute(
                $@"UPDATE {PgImportWriter.Staging} s SET partner_count = r.count, partner_id = r.id,
    region = coalesce(s.region, r.region), region_key = coalesce(s.region_key, k.key)
FROM (SELECT x.name_key, count(p.id) AS count, min(p.id) AS id, min(p.region) AS region
      FROM (SELECT DISTINCT name_key FROM {PgImportWriter.Staging} WHERE name_key IS NOT NULL) x
      LEFT JOIN LATERAL (SELECT id, region FROM partners p WHERE p.name_key = x.name_key LIMIT 2) p ON true GROUP BY x.name_key) r
LEFT JOIN unnest(@regions::text[], @keys::text[]) AS k(region, key) ON k.region = r.region COLLATE ""C""
WHERE s.name_key = r.name_key",
                new { regions = regions.ToArray(), keys = regions.Select(r => RevenueRules.Key(r)).ToArray() });
        }

        // A partner's row that gives no attribution: Fulfilled (a new record's default).
        private static readonly string DefaultAttribution =
            $"UPDATE {PgImportWriter.Staging} SET attribution = 'Fulfilled' WHERE name_key IS NOT NULL AND attribution IS NULL";

        // With Upsert, a partner's row that gives no attribution keeps the one in force for its Reference: the last given by an
        // earlier row of the batch with that Reference, else the stored record's (issue 19: an upsert does not turn a won deal's
        // Sourced revenue into Fulfilled), else Fulfilled. count() numbers the runs that start at a given value, first_value reads it.
        private static readonly string KeptAttribution = $@"
UPDATE {PgImportWriter.Staging} s SET attribution = coalesce(f.given, (SELECT v.attribution FROM revenue v WHERE v.reference = s.reference LIMIT 1), 'Fulfilled')
FROM (SELECT ord, CASE WHEN run > 0 AND reference IS NOT NULL THEN first_value(attribution) OVER (PARTITION BY reference, run ORDER BY ord) END AS given
      FROM (SELECT ord, reference, attribution, count(attribution) OVER (PARTITION BY reference ORDER BY ord) AS run
            FROM {PgImportWriter.Staging} WHERE name_key IS NOT NULL) x) f
WHERE s.ord = f.ord AND s.name_key IS NOT NULL AND s.attribution IS NULL";

        // The values an Upsert row compares with those its record holds before it (an earlier row's of the file, or the stored record's).
        private const string Compared = "partner_id, date, amount, currency, segment, region, attribution";

        // Rows whose partner resolves (direct revenue, or one partner) and that the totals guard let through try the INSERT, in
        // the file's order: each takes an id from the table's sequence, as SQLite's AUTOINCREMENT gives one to an INSERT that
        // then does nothing. Such a row is new unless its Reference is stored or an earlier one's. The rows that write a history
        // entry (new rows; with Upsert, rows that change their record) take history ids in the file's order. New rows are
        // inserted with their Insert entries (the totals trigger adds them up); with Upsert the stage keeps each row's history
        // id for the updates. Returned: every row that is not new.
        private static string MergeSql(ImportMode mode) => $@"
WITH staged AS MATERIALIZED (
    SELECT s.*, (s.name_key IS NULL OR s.partner_count = 1) AND s.ord <> ALL(@overflow) AS ok FROM {PgImportWriter.Staging} s),
ranked AS MATERIALIZED (
    SELECT s.*, v.id IS NOT NULL AS stored, row_number() OVER w AS nth, {Changed(Compared, "v")} AS changed
    FROM staged s
    LEFT JOIN LATERAL (SELECT * FROM revenue v WHERE v.reference = s.reference LIMIT 1) v ON true
    WINDOW w AS (PARTITION BY s.ok, s.reference ORDER BY s.ord)),
{Numbered("ranked", New, "m.ok", $"({New}) OR m.ok AND " + (mode == ImportMode.Upsert ? "m.changed" : "false"))}
inserted AS (
    INSERT INTO revenue (id, partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at, attribution)
    SELECT id, partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, @at, attribution FROM fresh),
{Written("Revenue", mode)}
SELECT ord AS Ord, coalesce(partner_count, 1) AS PartnerCount, name AS Name, reference AS Reference
FROM numbered WHERE NOT fresh ORDER BY ord";

        // A row that tries the INSERT and whose Reference is neither stored nor an earlier row's.
        private const string New = "m.ok AND (m.reference IS NULL OR (m.nth = 1 AND NOT m.stored))";

        // Only reached for a row whose Reference is stored: the record takes the row's values; a row that changes none is
        // skipped. The totals trigger moves the amounts.
        private static readonly string UpdateRevenue = UpdateSql(
            "revenue", "Revenue", "reference", Compared,
            "partner_id = s.partner_id, date = s.date, amount = s.amount, currency = s.currency, segment = s.segment, " +
            "segment_key = s.segment_key, region = s.region, region_key = s.region_key, attribution = s.attribution");

        private sealed class Other
        {
            public int Ord { get; set; }

            public int PartnerCount { get; set; }

            public string? Name { get; set; }

            public string? Reference { get; set; }
        }
    }
}
