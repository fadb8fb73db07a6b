using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Partner rows into the partners table, unique on (name_key, name_dup): a new row has name_dup 0 (see schema step 4). On the import's connection the table's
    /// CHECK constraints are left to <see cref="PartnerImportMapper"/> when they are exactly the ones it
    /// enforces (see <see cref="KnownChecks"/>): SQLite evaluates an IN-list CHECK by building a small
    /// table for every row, which measured more than half of a row's cost. The setting is put back when
    /// the import ends; with any other CHECK on the table, or any trigger on it, SQLite checks as always.
    /// </summary>
    internal sealed class PartnerImportTarget : ImportTarget
    {
        private sqlite3? _db;
        private bool _checksLeftToMapper;
        private SqliteStatement? _shared;
        private SqliteStatement? _moveEnd;
        private SqliteStatement? _stored;
        private SqliteStatement? _correctReason;

        public PartnerImportTarget(ImportMode mode)
            : base(mode)
        {
        }

        public override int ParameterCount => PartnerImportMapper.ParameterCount;

        protected override HistoryEntity HistoryEntity => HistoryEntity.Partner;

        /// <summary>True while the table's CHECK constraints are not evaluated by SQLite (the mapper's are equivalent).</summary>
        public bool ChecksLeftToMapper => _checksLeftToMapper;

        // ?1..?16 are PartnerImportMapper's parameters, ?17 the batch's timestamp.
        protected override string InsertSql =>
            "INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at, name_sort, " + StatusWrites.InsertColumns + ") " +
            $"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?17, ?17, {SqliteDatabase.NameSortFunction}(?1), ?11, ?12, ?13) ON CONFLICT (name_key, name_dup) DO NOTHING";

        // A change of Status or Tier is dated as Set-Partner dates it (?14, ?15: the row's StatusDate/TierDate; else today, ?16, or the
        // since-date when later) and not before the since-date (else the row updates nothing: NotUpdated fails it); a Terminated partner
        // that stays Terminated moves its StatusSince with its EndedOn (?11), and its termination's row with it (MoveEnd, after the
        // UPDATE). SET sees the row as it was.
        protected override string UpdateSql =>
            $"UPDATE partners SET name = ?1, name_sort = {SqliteDatabase.NameSortFunction}(?1), type = ?3, tier = ?4, status = ?5, region = ?6, country = ?7, joined_on = ?8, " +
            "ended_on = ?9, notes = ?10, updated_at = ?17, " +
            "status_since = CASE WHEN status IS NOT ?5 THEN coalesce(?14, max(?16, status_since)) WHEN ?5 = 'Terminated' THEN ?11 ELSE status_since END, " +
            "tier_since = CASE WHEN tier IS NOT ?4 THEN coalesce(?15, max(?16, tier_since)) ELSE tier_since END, " +
            // A reason (?13, only with Terminated) given with the Status the partner has corrects that Status change's reason.
            "status_reason = CASE WHEN status IS NOT ?5 OR ?13 IS NOT NULL THEN ?13 ELSE status_reason END " +
            "WHERE name_key = ?2 AND NOT EXISTS (SELECT 1 FROM partners WHERE name_key = ?2 AND name_dup <> 0) " +
            "AND (status IS ?5 OR ?14 IS NULL OR ?14 >= status_since) AND (tier IS ?4 OR ?15 IS NULL OR ?15 >= tier_since) " +
            // No JoinedOn after the partner's first dated change (a partner has no status or tier before it joined); today, the
            // default of a row without JoinedOn, is not checked (such a row has always updated JoinedOn to today).
            "AND (joined_on >= ?8 OR ?8 = ?16 OR NOT EXISTS (SELECT 1 FROM status_changes c WHERE c.partner_id = partners.id AND c.effective_on < ?8)) " +
            // A row that changes nothing writes nothing (no UpdatedAt, no history): it counts as skipped (NotUpdated).
            "AND (name IS NOT ?1 OR type IS NOT ?3 OR tier IS NOT ?4 OR status IS NOT ?5 OR region IS NOT ?6 OR country IS NOT ?7 " +
            "OR joined_on IS NOT ?8 OR ended_on IS NOT ?9 OR notes IS NOT ?10 OR (?13 IS NOT NULL AND status_reason IS NOT ?13))";

        // Partners stored before schema 4 whose names now share a key: an Upsert of that name updates neither. A change of Status or
        // Tier dated before the value it replaces took effect: failed, as Set-Partner refuses it. Otherwise the stored partner already
        // holds the row's values: skipped.
        protected override RowOutcome NotUpdated(ImportChunk chunk, int row)
        {
            if (_shared!.Exists(chunk.TextString(row, 1)!))
            {
                return RowOutcome.Failed("Name", PartnerImport.NameShared(chunk.TextString(row, 0)));
            }

            _stored!.BindText(1, chunk.TextString(row, 1));
            if (!(_stored.FirstRow() is string?[] stored))
            {
                return RowOutcome.Of(RowOutcomeKind.Skipped);
            }

            return (PartnerImport.OutOfOrder(stored, chunk.TextString(row, 4), chunk.TextString(row, 13), chunk.TextString(row, 3), chunk.TextString(row, 14))
                    ?? PartnerImport.JoinedAfterFirstChange(stored[4], stored[5], chunk.TextString(row, 7), chunk.TextString(row, 15))) is (string column, string reason)
                ? RowOutcome.Failed(column, reason)
                : RowOutcome.Of(RowOutcomeKind.Skipped);
        }

        /// <summary>The partners table's CHECK constraints that every mapped row satisfies by construction.</summary>
        public static IReadOnlyCollection<string> KnownChecks { get; } = new[]
        {
            $"length(name) BETWEEN 1 AND {PartnerRules.MaxNameLength}",
            InList("type", typeof(PartnerType)),
            InList("tier", typeof(PartnerTier)),
            InList("status", typeof(PartnerStatus)),
            "country IS NULL OR length(country) = 2",
        };

        /// <summary>The CHECK constraints in a CREATE TABLE statement, whitespace collapsed.</summary>
        public static IReadOnlyCollection<string> ChecksOf(string createTable)
        {
            var checks = new List<string>();
            foreach (Match match in Regex.Matches(createTable, @"\bCHECK\s*\(", RegexOptions.IgnoreCase))
            {
                var start = match.Index + match.Length;
                var depth = 1;
                var i = start;
                for (; i < createTable.Length && depth > 0; i++)
                {
                    depth += createTable[i] == '(' ? 1 : createTable[i] == ')' ? -1 : 0;
                }

                checks.Add(Regex.Replace(createTable.Substring(start, i - 1 - start), @"\s+", " ").Trim());
            }

            return checks;
        }

        public override void Prepare(sqlite3 db)
        {
            _db = db;
            var table = SqliteStatement.QueryText(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'partners'") ?? string.Empty;
            var checks = ChecksOf(table);

            // A trigger on partners (a schema or a TEMP one) writes other tables, whose CHECKs the mapper knows nothing
            // of; the history's own triggers write only values that satisfy the history table's CHECKs.
            var triggers = SqliteStatement.QueryText(
                db,
                "SELECT count(*) FROM (SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' UNION ALL SELECT tbl_name, name FROM sqlite_temp_master WHERE type = 'trigger') " +
                "WHERE tbl_name = 'partners' AND substr(name, 1, 11) <> 'po_history_'");
            if (triggers == "0" && checks.Count == KnownChecks.Count && !checks.Except(KnownChecks, StringComparer.Ordinal).Any())
            {
                SqliteStatement.Exec(db, "PRAGMA ignore_check_constraints = ON");
                _checksLeftToMapper = true;
            }

            base.Prepare(db);
            _shared = new SqliteStatement(db, "SELECT 1 FROM partners WHERE name_key = ?1 AND name_dup <> 0 LIMIT 1");
            if (Mode == ImportMode.Upsert)
            {
                _moveEnd = new SqliteStatement(db, MoveEndSql);
                _stored = new SqliteStatement(
                    db,
                    "SELECT " + PartnerImport.StoredDates + ", joined_on, (SELECT min(c.effective_on) FROM status_changes c WHERE c.partner_id = partners.id) " +
                    "FROM partners WHERE name_key = ?1 AND name_dup = 0");
                _correctReason = new SqliteStatement(db, CorrectReasonSql);
            }
        }

        // The termination of the partner with key ?1 (its latest Status row, when it is one) takes effect on ?2, its EndedOn.
        private const string MoveEndSql =
            "UPDATE status_changes SET effective_on = ?2 WHERE id = (SELECT c.id FROM status_changes c JOIN partners p ON p.id = c.partner_id " +
            "WHERE p.name_key = ?1 AND p.name_dup = 0 AND c.attribute = 'Status' ORDER BY c.effective_on DESC, c.id DESC LIMIT 1) " +
            "AND to_value = 'Terminated' AND effective_on <> ?2";

        // The reason of the latest Status change of the partner with key ?1 set to ?2, its status_reason (a corrected reason).
        private const string CorrectReasonSql =
            "UPDATE status_changes SET reason = ?2 WHERE id = (SELECT c.id FROM status_changes c JOIN partners p ON p.id = c.partner_id " +
            "WHERE p.name_key = ?1 AND p.name_dup = 0 AND c.attribute = 'Status' ORDER BY c.effective_on DESC, c.id DESC LIMIT 1) " +
            "AND reason IS NOT ?2";

        /// <summary>
        /// As <see cref="ImportTarget.Write"/>; an Upsert row that updates a partner that stays Terminated moves the partner's
        /// termination to its EndedOn (as Set-Partner -EndedOn does: one end date, in one place).
        /// </summary>
        public override RowOutcome Write(ImportChunk chunk, int row)
        {
            var outcome = base.Write(chunk, row);
            if (outcome.Kind == RowOutcomeKind.Updated && chunk.TextString(row, 4) == nameof(PartnerStatus.Terminated))
            {
                _moveEnd!.BindText(1, chunk.TextString(row, 1));
                _moveEnd.BindText(2, chunk.TextString(row, 10));
                _moveEnd.Execute();
                if (chunk.TextString(row, 12) is string reason)
                {
                    _correctReason!.BindText(1, chunk.TextString(row, 1));
                    _correctReason.BindText(2, reason);
                    _correctReason.Execute();
                }
            }

            return outcome;
        }

        protected override RowOutcome Conflict(ImportChunk chunk, int row) =>
            RowOutcome.Failed("Name", PartnerImport.NameTaken(chunk.TextString(row, 0)));

        public override void Dispose()
        {
            _shared?.Dispose();
            _shared = null;
            _moveEnd?.Dispose();
            _moveEnd = null;
            _stored?.Dispose();
            _stored = null;
            _correctReason?.Dispose();
            _correctReason = null;
            base.Dispose();
            if (_db != null)
            {
                // The connection goes back to the pool: it must not keep the import's settings.
                if (_checksLeftToMapper)
                {
                    SqliteStatement.Exec(_db, "PRAGMA ignore_check_constraints = OFF");
                }

                _db = null;
            }
        }

        private static string InList(string column, Type enumType) =>
            column + " IN (" + string.Join(",", Enum.GetNames(enumType).Select(n => "'" + n + "'")) + ")";
    }
}
