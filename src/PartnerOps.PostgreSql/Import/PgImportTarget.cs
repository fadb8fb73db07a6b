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
    /// Where an entity's imported rows go on PostgreSQL: the columns of the staging table the rows are copied into
    /// (<see cref="PgImportWriter.Staging"/>, binary COPY), and the set-based merge that moves a batch from there into the
    /// entity's table with each row's outcome as SQLite's import gives it row by row: a key already stored, or taken by an
    /// earlier row of the file, is a failed row (-Mode Insert), a skipped one (Skip) or an update (Upsert, in the file's order).
    /// The merge writes the Insert history entries itself, each with its line (the transaction set
    /// <see cref="PgTriggers.HistoryWrittenSetting"/>). Runs on the import's writing thread only.
    /// </summary>
    internal abstract class PgImportTarget
    {
        protected PgImportTarget(ImportMode mode)
        {
            Mode = mode;
        }

        /// <summary>-Mode.</summary>
        public ImportMode Mode { get; }

        /// <summary>Per-row parameters of the entity's mapper.</summary>
        public abstract int ParameterCount { get; }

        /// <summary>The staging table's columns after ord and line (definitions, text as <c>COLLATE "C"</c>).</summary>
        public abstract string StagingColumns { get; }

        /// <summary>The columns the COPY fills after ord and line, in the order <see cref="WriteRow"/> writes them.</summary>
        public abstract string CopyColumns { get; }

        /// <summary>Reads what the merges need before the first batch (the id sequence, bounds).</summary>
        public virtual void Prepare(PgDatabase db)
        {
        }

        /// <summary>Writes a chunk's row's values (after ord and line) to the COPY.</summary>
        public abstract void WriteRow(NpgsqlBinaryImporter copy, ImportChunk chunk, int row);

        /// <summary>
        /// Moves the staged rows (<paramref name="rows"/> of them, ord 0..rows-1) into the entity's table inside the open
        /// transaction, with <paramref name="utcTimestamp"/> as the time written; returns each row's outcome.
        /// </summary>
        public abstract MergeResult Merge(PgDatabase db, string utcTimestamp, int rows);

        /// <summary>The batch's transaction was rolled back.</summary>
        public virtual void BatchRolledBack()
        {
        }

        /// <summary>A text parameter as its UTF-8 bytes (the binary format of text is those bytes), or NULL.</summary>
        protected static void WriteText(NpgsqlBinaryImporter copy, ImportChunk chunk, int row, int parameter)
        {
            if (chunk.IsNull(row, parameter))
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(chunk.TextMemory(row, parameter), NpgsqlDbType.Bytea);
            }
        }

        /// <summary>The sequence of a table's identity column id (schema-qualified, for nextval).</summary>
        protected static string IdSequence(PgDatabase db, string table) =>
            db.Scalar<string>("SELECT pg_get_serial_sequence(@table, 'id')", new { table });

        /// <summary>Compared columns (a comma-separated list) prefixed with a row alias: "s.a, s.b".</summary>
        protected static string Prefixed(string compared, string alias) => string.Join(", ", compared.Split(',').Select(c => alias + "." + c.Trim()));

        /// <summary>
        /// Whether a staged row (alias s, window w over the rows of its key in the file's order) changes its record: its values
        /// against the previous row's of the key, or for the key's first row against the stored record's (alias <paramref name="stored"/>).
        /// </summary>
        protected static string Changed(string compared, string stored) => $@"CASE WHEN row_number() OVER w > 1
               THEN ({Prefixed(compared, "s")}) IS DISTINCT FROM ({string.Join(", ", compared.Split(',').Select(c => $"lag(s.{c.Trim()}) OVER w"))})
               ELSE ({Prefixed(compared, "s")}) IS DISTINCT FROM ({Prefixed(compared, stored)}) END";

        /// <summary>
        /// The CTEs numbered (the rows of <paramref name="rows"/> in the file's order, each with fresh, its record id from @seq when
        /// <paramref name="tries"/>, and its history id from @history when <paramref name="writes"/>) and fresh (the new rows).
        /// </summary>
        protected static string Numbered(string rows, string fresh, string tries, string writes) => $@"numbered AS MATERIALIZED (
    SELECT m.*, {fresh} AS fresh, CASE WHEN {tries} THEN nextval(@seq::regclass) END AS id,
           CASE WHEN {writes} THEN nextval(@history::regclass) END AS hid
    FROM (SELECT * FROM {rows} ORDER BY ord) m),
fresh AS MATERIALIZED (SELECT * FROM numbered WHERE fresh),";

        /// <summary>The CTE written (the new rows' Insert entries, with their lines) and, for Upsert, kept (each row's history id in the stage).</summary>
        protected static string Written(string entity, ImportMode mode) => $@"written AS (
    {PgTriggers.InsertHistory(entity, "fresh", "n.line", "n.hid")}){(mode != ImportMode.Upsert ? "" : $@",
kept AS (UPDATE {PgImportWriter.Staging} s SET history_id = n.hid FROM numbered n WHERE s.ord = n.ord AND n.hid IS NOT NULL)")}";

        /// <summary>
        /// An Upsert round: the records of the rows whose ord is in @ords (matched on <paramref name="key"/>) take the rows' values
        /// (<paramref name="set"/>) when one of <paramref name="compared"/> differs; their Update entries are written here, numbered by
        /// the stage's history ids. Returns the ord of each row that changed its record. <paramref name="alsoChanged"/>: a further
        /// condition (over t, the record, and s, the row) under which a row changes its record.
        /// </summary>
        protected static string UpdateSql(string table, string entity, string key, string compared, string set, string alsoChanged = "false") => $@"
WITH picked AS (SELECT s.* FROM {PgImportWriter.Staging} s WHERE s.ord = ANY(@ords)),
before AS MATERIALIZED (
    SELECT t.* FROM {table} t JOIN picked s ON t.{key} = s.{key} WHERE ({Prefixed(compared, "t")}) IS DISTINCT FROM ({Prefixed(compared, "s")}) OR ({alsoChanged})),
updated AS (
    UPDATE {table} t SET {set}
    FROM picked s
    WHERE t.{key} = s.{key} AND (({Prefixed(compared, "t")}) IS DISTINCT FROM ({Prefixed(compared, "s")}) OR ({alsoChanged}))
    RETURNING t.*, s.ord AS ord, s.history_id AS hid),
written AS (
    {PgTriggers.UpdateHistory(entity, "before", "updated", "n.hid")})
SELECT ord FROM updated";

        /// <summary>
        /// The rows that update records, in rounds: round k holds the k-th row of each key (by ord), so one UPDATE per round
        /// changes each record at most once and the rows of one key apply in the file's order (the last one's values stay).
        /// </summary>
        protected static List<int[]> Rounds(IEnumerable<(int Ord, string Key)> rows)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var rounds = new List<List<int>>();
            foreach (var (ord, key) in rows)
            {
                seen.TryGetValue(key, out var nth);
                seen[key] = nth + 1;
                if (rounds.Count == nth)
                {
                    rounds.Add(new List<int>());
                }

                rounds[nth].Add(ord);
            }

            return rounds.ConvertAll(r => r.ToArray());
        }

        /// <summary>
        /// The rows whose key is taken (stored, or an earlier row's), in the file's order: -Mode Insert fails each (in
        /// <paramref name="column"/>, with <paramref name="reason"/> of its value as shown), Skip skips them, Upsert updates their
        /// records (<paramref name="updateSql"/>, <see cref="Update"/>).
        /// </summary>
        protected void Settle(PgDatabase db, string utcTimestamp, IReadOnlyList<(int Ord, string Key, string? Shown)> taken, string column, Func<string?, string> reason, string updateSql, MergeResult result)
        {
            switch (Mode)
            {
                case ImportMode.Insert:
                    foreach (var row in taken)
                    {
                        result.Fail(row.Ord, column, reason(row.Shown));
                    }

                    break;
                case ImportMode.Skip:
                    result.Skipped += taken.Count;
                    break;
                default:
                    Update(db, updateSql, utcTimestamp, taken.Select(t => (t.Ord, t.Key)), result);
                    break;
            }
        }

        /// <summary>
        /// Runs an Upsert's UPDATE rounds: <paramref name="sql"/> updates the records of the rows whose ord is in @ords when a
        /// value differs (RETURNING the ord of each row that changed one); a row that changed nothing is skipped, as on SQLite.
        /// </summary>
        protected static void Update(PgDatabase db, string sql, string utcTimestamp, IEnumerable<(int Ord, string Key)> rows, MergeResult result)
        {
            foreach (var round in Rounds(rows))
            {
                var changed = db.Query<int>(sql, new { ords = round, at = utcTimestamp }).Count;
                result.Updated += changed;
                result.Skipped += round.Length - changed;
            }
        }
    }

    /// <summary>What a merge did with a batch's rows: counts, and the failed rows by ord with the column and reason.</summary>
    internal sealed class MergeResult
    {
        public long Inserted { get; set; }

        public long Updated { get; set; }

        public long Skipped { get; set; }

        public List<(int Ord, string? Column, string Reason)> Failures { get; } = new List<(int, string?, string)>();

        public void Fail(int ord, string? column, string reason) => Failures.Add((ord, column, reason));
    }
}
