using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using NpgsqlTypes;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// A PostgreSQL PartnerOps schema read as <see cref="DatabaseDump"/>'s tables from one snapshot: a REPEATABLE READ READ ONLY
    /// transaction, which sees the database as it was at its first statement while others go on writing. The history is one
    /// row per entry already (imported entries carry their source and line).
    /// </summary>
    internal sealed class PgSnapshot : IDatabaseSnapshot
    {
        private readonly PgDatabase _db;

        public PgSnapshot(PgDatabase db)
        {
            _db = db;
            db.BeginSnapshot();
            try
            {
                Meta = db.Query<(string Key, string Value)>("SELECT key, value FROM meta ORDER BY key")
                    .Where(m => DatabaseDump.CopiesMeta(m.Key))
                    .Select(m => new KeyValuePair<string, string>(m.Key, m.Value))
                    .ToList();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }

        /// <inheritdoc />
        public string Database => _db.Path;

        /// <inheritdoc />
        public IReadOnlyList<KeyValuePair<string, string>> Meta { get; }

        /// <inheritdoc />
        public long CountRows(DumpTable table) => _db.Scalar<long>($"SELECT count(*) FROM {table.Name}");

        /// <inheritdoc />
        public long HighestId(DumpTable table) => _db.Scalar<long>(
            $"SELECT GREATEST(coalesce(pg_sequence_last_value(pg_get_serial_sequence('{table.Name}', '{table.IdColumn}')::regclass), 0), " +
            $"coalesce((SELECT max({table.IdColumn}) FROM {table.Name}), 0))");

        /// <inheritdoc />
        public IEnumerable<object?[]> ReadRows(DumpTable table)
        {
            var sql = $"SELECT {PgDump.Columns(table)} FROM {table.Name} ORDER BY {table.OrderBy}";
            using var command = new NpgsqlCommand(sql, _db.Connection, _db.Transaction);
            using var reader = _db.Run(sql, () => command.ExecuteReader());
            while (Translated(reader.Read))
            {
                var row = new object?[table.Columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = DatabaseDump.Canonical(table, table.Columns[i], reader.GetValue(i), _db.Path);
                }

                yield return row;
            }
        }

        /// <summary>Ends the read transaction.</summary>
        public void Dispose() => _db.Rollback();

        // A step of a running read (the next row), its failure translated; the statement was traced when it started.
        private T Translated<T>(Func<T> step)
        {
            try
            {
                return step();
            }
            catch (Exception ex) when (!(ex is PartnerOpsException))
            {
                throw PgErrors.Translate(ex, _db.Location);
            }
        }
    }

    /// <summary>
    /// Writes a dump into a PostgreSQL PartnerOps schema (<see cref="DatabaseDump.Write"/>) in one write transaction (the
    /// advisory lock of <see cref="PgDatabase.BeginWrite"/>): each table by binary COPY, the history insert triggers told
    /// that the history is written by the copy (<see cref="PgTriggers.HistoryWrittenSetting"/>), the totals summed by their
    /// statement-level trigger as each COPY ends. Replacing empties the PartnerOps tables with TRUNCATE (fires no delete
    /// trigger; other tables of the schema are not touched); id sequences are moved past the copied ids with setval.
    /// </summary>
    internal sealed class PgDumpWriter : IDumpWriter
    {
        private readonly PgDatabase _db;

        public PgDumpWriter(PgDatabase db)
        {
            _db = db;
        }

        public void Begin()
        {
            _db.BeginWrite();
            _db.Execute($"SELECT set_config('{PgTriggers.HistoryWrittenSetting}', 'on', true), set_config('{PgStatusTriggers.WrittenSetting}', 'on', true)");
        }

        public bool HoldsData() => _db.Scalar<bool>(
            "SELECT EXISTS (SELECT 1 FROM partners) OR EXISTS (SELECT 1 FROM revenue) OR EXISTS (SELECT 1 FROM exchange_rates) " +
            "OR EXISTS (SELECT 1 FROM targets) OR EXISTS (SELECT 1 FROM tier_rules) OR EXISTS (SELECT 1 FROM history)");

        public void Clear() => _db.Execute("TRUNCATE partners, status_changes, contacts, certifications, revenue, revenue_totals, exchange_rates, targets, tier_rules, deals, history");

        public void WriteMeta(string key, string value) =>
            _db.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key, value });

        public void WriteRows(DumpTable table, IEnumerable<object?[]> rows)
        {
            var sql = $"COPY {table.Name} ({PgDump.Columns(table)}) FROM STDIN (FORMAT BINARY)";
            var types = table.Columns.Select(c => c.Type).ToArray();
            _db.Run(sql, () =>
            {
                using var importer = _db.Connection.BeginBinaryImport(sql);
                foreach (var row in rows)
                {
                    if (_db.StopRequested)
                    {
                        throw new OperationCanceledException("The command was stopped.");
                    }

                    importer.StartRow();
                    for (var i = 0; i < types.Length; i++)
                    {
                        switch (row[i])
                        {
                            case null:
                                importer.WriteNull();
                                break;
                            case long value when types[i] == DumpColumnType.Int32:
                                importer.Write(checked((int)value), NpgsqlDbType.Integer);
                                break;
                            case long value:
                                importer.Write(value, NpgsqlDbType.Bigint);
                                break;
                            case var value:
                                importer.Write((string)value, NpgsqlDbType.Text);
                                break;
                        }
                    }
                }

                return importer.Complete();
            });
        }

        public void MoveIdCounter(DumpTable table, long highestId) => _db.Execute(
            $"SELECT setval(s.seq, GREATEST(s.high, 1), s.high > 0) FROM (SELECT q.seq, GREATEST(@highestId, coalesce(pg_sequence_last_value(q.seq), 0), " +
            $"coalesce((SELECT max({table.IdColumn}) FROM {table.Name}), 0)) AS high " +
            $"FROM (SELECT pg_get_serial_sequence('{table.Name}', '{table.IdColumn}')::regclass AS seq) q) s",
            new { highestId });

        public void Commit() => _db.Commit();

        public void Rollback() => _db.Rollback();
    }

    /// <summary>SQL text shared by the snapshot and the writer.</summary>
    internal static class PgDump
    {
        /// <summary>A table's columns in the dump's order, each quoted ("user" is a keyword in PostgreSQL).</summary>
        public static string Columns(DumpTable table) => string.Join(", ", table.Columns.Select(c => PgDatabase.QuoteIdentifier(c.Name)));
    }
}
