using System;
using System.Collections.Generic;
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
