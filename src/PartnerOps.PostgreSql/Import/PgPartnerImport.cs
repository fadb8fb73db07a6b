using System.Collections.Generic;
using System.Linq;
using Npgsql;
using NpgsqlTypes;
using PartnerOps.Data;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Import-Partner on PostgreSQL: partner rows (<see cref="PartnerImportMapper"/>'s parameters plus the sort key, computed here
    /// as SQLite's po_name_sort function computes it) staged, then merged by name key. A row is new when no stored partner has
    /// its key with name_dup 0 (the unique index partners_name_key) and no earlier row of the batch has it; new rows get ids in
    /// the file's order. Other rows: -Mode Insert fails them ("already exists"), Skip skips them, Upsert updates the partner
    /// (rounds in the file's order; a row that changes nothing is skipped; a key several stored partners share fails).
    /// </summary>
    internal sealed class PgPartnerImport : PgImportTarget
    {
        // The partners' columns a row fills (PartnerImportMapper's parameters 0..12); status_on, tier_on and today (13..15) are staged
        // only: the days an Upsert's change of Status and of Tier take effect when the row gives them, and the import's day.
        private const string Columns = "name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, status_since, tier_since, status_reason";

        private string _sequence = string.Empty;
        private string _historySequence = string.Empty;

        public PgPartnerImport(ImportMode mode)
            : base(mode)
        {
        }

        public override int ParameterCount => PartnerImportMapper.ParameterCount;

        public override string StagingColumns =>
            string.Join(", ", (Columns + Dating + ", name_sort").Split(',').Select(c => c.Trim() + " text COLLATE \"C\"")) + ", history_id bigint";

        public override string CopyColumns => Columns + Dating + ", name_sort";

        private const string Dating = ", status_on, tier_on, today";

        public override void Prepare(PgDatabase db)
        {
            _sequence = IdSequence(db, "partners");
            _historySequence = IdSequence(db, "history");
        }

        public override void WriteRow(NpgsqlBinaryImporter copy, ImportChunk chunk, int row)
        {
            for (var p = 0; p < PartnerImportMapper.ParameterCount; p++)
            {
                WriteText(copy, chunk, row, p);
            }

            copy.Write(PartnerRules.NameSortKey(chunk.TextString(row, 0)!), NpgsqlDbType.Text);
        }

        public override MergeResult Merge(PgDatabase db, string utcTimestamp, int rows)
        {
            var result = new MergeResult();
            var others = db.Query<Taken>(MergeSql(Mode), new { seq = _sequence, history = _historySequence, at = utcTimestamp });
            result.Inserted = rows - others.Count;
            if (Mode == ImportMode.Upsert)
            {
                // Partners stored before schema 4 whose names now share a key: an Upsert of that name updates neither.
                others.Where(t => t.Shared).ToList().ForEach(t => result.Fail(t.Ord, "Name", PartnerImport.NameShared(t.Name)));
                others = others.Where(t => !t.Shared).ToList();
            }

            if (Mode == ImportMode.Upsert && others.Count > 0)
            {
                // A change dated before the value it replaces took effect fails, as Set-Partner refuses it (compared with the stored
                // partner; SQLite compares with the partner as an earlier row of the file left it).
                var failed = new HashSet<int>();
                foreach (var row in db.Query<Dated>(OutOfOrderSql, new { ords = others.Select(t => t.Ord).ToArray() }))
                {
                    if ((PartnerImport.OutOfOrder(new[] { row.Status, row.StatusSince, row.Tier, row.TierSince }, row.NewStatus, row.StatusOn, row.NewTier, row.TierOn)
                         ?? PartnerImport.JoinedAfterFirstChange(row.JoinedOn, row.FirstChange, row.NewJoinedOn, row.Today)) is (string column, string reason))
                    {
                        result.Fail(row.Ord, column, reason);
                        failed.Add(row.Ord);
                    }
                }

                others = others.Where(t => !failed.Contains(t.Ord)).ToList();
            }

            Settle(db, utcTimestamp, others.ConvertAll(t => (t.Ord, t.Key, (string?)t.Name)), "Name", PartnerImport.NameTaken, UpdatePartners, result);
            if (Mode == ImportMode.Upsert && others.Count > 0)
            {
                db.Execute(MoveEnds);
                db.Execute(CorrectReasons);
            }

            return result;
        }

        // The values an Upsert row compares: those its record holds before it (an earlier row's of the file, or the stored partner's).
        private const string Compared = "name, type, tier, status, region, country, joined_on, ended_on, notes";

        // Every row tries the INSERT, in the file's order: each takes an id from the table's sequence, as SQLite's AUTOINCREMENT
        // gives one to an INSERT that then does nothing on the key. A row is new when its key is neither stored (name_dup 0) nor
        // an earlier row's. The rows that write a history entry (new rows; with Upsert, rows that change their record) take
        // history ids in the file's order, so the entries are numbered as SQLite's import numbers them. New rows are inserted
        // with their Insert entries; with Upsert the stage keeps each row's history id for the updates. Returned: the rows that
        // are not new, with whether stored partners share the key.
        private static string MergeSql(ImportMode mode) => $@"
WITH staged AS MATERIALIZED (
    SELECT s.*, row_number() OVER w AS nth, st.id IS NOT NULL AS stored,
           st.id IS NOT NULL AND EXISTS (SELECT 1 FROM partners p WHERE p.name_key = s.name_key AND p.name_dup <> 0) AS shared,
           {Changed(Compared, "st")} OR ({ReasonCorrected("st")}) AS changed
    FROM {PgImportWriter.Staging} s
    LEFT JOIN LATERAL (SELECT * FROM partners st WHERE st.name_key = s.name_key AND st.name_dup = 0 LIMIT 1) st ON true
    WINDOW w AS (PARTITION BY s.name_key ORDER BY s.ord)),
{Numbered("staged", "m.nth = 1 AND NOT m.stored", "true", "(m.nth = 1 AND NOT m.stored) OR " + (mode == ImportMode.Upsert ? "NOT m.shared AND m.changed" : "false"))}
inserted AS (
    INSERT INTO partners (id, {Columns}, name_sort, created_at, updated_at)
    SELECT id, {Columns}, name_sort, @at, @at FROM fresh),
{Written("Partner", mode)}
SELECT s.ord AS Ord, s.name AS Name, s.name_key AS Key, s.shared AS Shared FROM numbered s WHERE NOT s.fresh ORDER BY s.ord";

        // The row is the partner's description: every property takes the row's value; UpdatedAt only when one changed. A change of
        // Status or Tier is dated as Set-Partner dates it (the row's StatusDate/TierDate, else today: status_on, tier_on); a partner that
        // stays Terminated moves its StatusSince with its EndedOn (and its termination's row: MoveEnds). SET sees the row as it was.
        private static readonly string UpdatePartners = UpdateSql(
            "partners", "Partner", "name_key", Compared,
            string.Join(", ", Compared.Split(',').Select(c => $"{c.Trim()} = s.{c.Trim()}")) + ", name_sort = s.name_sort, updated_at = @at, " +
            "status_since = CASE WHEN t.status IS DISTINCT FROM s.status THEN coalesce(s.status_on, greatest(s.today, t.status_since)) " +
            "WHEN s.status = 'Terminated' THEN s.status_since ELSE t.status_since END, " +
            "tier_since = CASE WHEN t.tier IS DISTINCT FROM s.tier THEN coalesce(s.tier_on, greatest(s.today, t.tier_since)) ELSE t.tier_since END, " +
            "status_reason = CASE WHEN t.status IS DISTINCT FROM s.status OR s.status_reason IS NOT NULL THEN s.status_reason ELSE t.status_reason END",
            ReasonCorrected("t"));

        // A row's reason (only with Terminated) differs from the one stored with the Status the partner keeps: a correction.
        private static string ReasonCorrected(string stored) => $"s.status_reason IS NOT NULL AND s.status_reason IS DISTINCT FROM {stored}.status_reason";

        // The reason of each partner's latest Status change set to its status_reason, for the partners of rows that give one (a corrected reason).
        private static readonly string CorrectReasons = $@"
UPDATE status_changes c SET reason = p.status_reason
FROM partners p
WHERE p.name_dup = 0 AND p.name_key IN (SELECT s.name_key FROM {PgImportWriter.Staging} s WHERE s.status_reason IS NOT NULL)
  AND c.id = (SELECT x.id FROM status_changes x WHERE x.partner_id = p.id AND x.attribute = 'Status' ORDER BY x.effective_on DESC, x.id DESC LIMIT 1)
  AND c.reason IS DISTINCT FROM p.status_reason";

        // The termination of each partner an Upsert row left Terminated (its latest Status row, when it is one) takes effect on its
        // StatusSince, its EndedOn: one end date, in one place.
        private static readonly string MoveEnds = $@"
UPDATE status_changes c SET effective_on = p.status_since
FROM partners p
WHERE p.status = 'Terminated' AND p.name_key IN (SELECT s.name_key FROM {PgImportWriter.Staging} s WHERE s.status = 'Terminated')
  AND c.id = (SELECT x.id FROM status_changes x WHERE x.partner_id = p.id AND x.attribute = 'Status' ORDER BY x.effective_on DESC, x.id DESC LIMIT 1)
  AND c.to_value = 'Terminated' AND c.effective_on <> p.status_since";

        // The staged rows (ord in @ords) with a dated change of the stored partner's Status or Tier or a later JoinedOn, and what
        // PartnerImport.OutOfOrder and JoinedAfterFirstChange compare.
        private static readonly string OutOfOrderSql = $@"
SELECT s.ord AS Ord, s.status AS NewStatus, s.status_on AS StatusOn, s.tier AS NewTier, s.tier_on AS TierOn,
       p.status AS Status, p.status_since AS StatusSince, p.tier AS Tier, p.tier_since AS TierSince,
       s.joined_on AS NewJoinedOn, s.today AS Today, p.joined_on AS JoinedOn, (SELECT min(x.effective_on) FROM status_changes x WHERE x.partner_id = p.id) AS FirstChange
FROM {PgImportWriter.Staging} s JOIN partners p ON p.name_key = s.name_key AND p.name_dup = 0
WHERE s.ord = ANY(@ords) AND (s.status_on IS NOT NULL OR s.tier_on IS NOT NULL OR s.joined_on > p.joined_on) ORDER BY s.ord";

        private sealed class Dated
        {
            public int Ord { get; set; }

            public string? NewStatus { get; set; }

            public string? StatusOn { get; set; }

            public string? NewTier { get; set; }

            public string? TierOn { get; set; }

            public string? Status { get; set; }

            public string? StatusSince { get; set; }

            public string? Tier { get; set; }

            public string? TierSince { get; set; }

            public string? NewJoinedOn { get; set; }

            public string? JoinedOn { get; set; }

            public string? FirstChange { get; set; }

            public string? Today { get; set; }
        }

        private sealed class Taken
        {
            public int Ord { get; set; }

            public string Name { get; set; } = string.Empty;

            public string Key { get; set; } = string.Empty;

            public bool Shared { get; set; }
        }
    }
}
