using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// A SQLite database read as <see cref="DatabaseDump"/>'s tables from one snapshot: a read transaction (BEGIN, then a first
    /// read), which in WAL mode sees the database as it was then while others go on writing. The history is the history
    /// table's rows merged by id with the Insert entries of imported records (<see cref="ImportedHistory.HistoryRows"/>), one
    /// row per entry.
    /// </summary>
    internal sealed class SqliteSnapshot : IDatabaseSnapshot
    {
        private readonly SqliteDatabase _store;
        private bool _open;

        public SqliteSnapshot(SqliteDatabase store)
        {
            if (store.Transaction != null)
            {
                throw new InvalidOperationException("A snapshot cannot be read inside a write transaction.");
            }

            _store = store;
            try
            {
                TranslatedReads.Run(store, () =>
                {
                    // Microsoft.Data.Sqlite's own transaction object would require every command of the stores' repositories to
                    // name it; a plain BEGIN holds the snapshot for all of them alike. The first read fixes it.
                    store.Connection.Execute("BEGIN DEFERRED TRANSACTION");
                    _open = true;
                    Meta = store.Connection.Query<(string Key, string Value)>("SELECT key, value FROM meta ORDER BY key")
                        .Where(m => DatabaseDump.CopiesMeta(m.Key))
                        .Select(m => new KeyValuePair<string, string>(m.Key, m.Value))
                        .ToList();
                    return true;
                });
            }
            catch
            {
                Dispose(); // the connection goes back to the pool without a read transaction left open
                throw;
            }
        }

        /// <inheritdoc />
        public string Database => _store.Path;

        /// <inheritdoc />
        public IReadOnlyList<KeyValuePair<string, string>> Meta { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <inheritdoc />
        public long CountRows(DumpTable table) => TranslatedReads.Run(_store, () =>
            _store.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {table.Name}") +
            (table == DatabaseDump.History ? _store.Connection.ExecuteScalar<long>("SELECT coalesce(sum(last_id - first_id + 1), 0) FROM history_runs") : 0));

        /// <inheritdoc />
        public long HighestId(DumpTable table) => TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>(
            table == DatabaseDump.History
                ? "SELECT max(coalesce((SELECT max(id) FROM history), 0), coalesce((SELECT max(id) FROM history_batches), 0))"
                : $"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0), coalesce((SELECT max(id) FROM {table.Name}), 0))"));

        /// <inheritdoc />
        public IEnumerable<object?[]> ReadRows(DumpTable table)
        {
            var rows = TranslatedReads.Stream(_store, () => Rows(table));
            return table == DatabaseDump.History ? Merge(rows, TranslatedReads.Stream(_store, () => new ImportedHistory(_store).HistoryRows())) : rows;
        }

        /// <summary>Ends the read transaction.</summary>
        public void Dispose()
        {
            if (_open)
            {
                _open = false;
                try
                {
                    _store.Connection.Execute("COMMIT TRANSACTION");
                }
                catch (SqliteException)
                {
                    // SQLite ended the read itself (an interrupt): nothing is held any more.
                }
            }
        }

        private IEnumerable<object?[]> Rows(DumpTable table)
        {
            using var command = _store.Connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))} FROM {table.Name} ORDER BY {table.OrderBy}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new object?[table.Columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = DatabaseDump.Canonical(table, table.Columns[i], reader.GetValue(i), _store.Path);
                }

                yield return row;
            }
        }

        // Two lists of history rows, each in id order (ids never shared: a batch's block of ids is its own), as one.
        private static IEnumerable<object?[]> Merge(IEnumerable<object?[]> rows, IEnumerable<object?[]> imported)
        {
            using var row = rows.GetEnumerator();
            using var entry = imported.GetEnumerator();
            var moreRows = row.MoveNext();
            var moreEntries = entry.MoveNext();
            while (moreRows || moreEntries)
            {
                if (moreRows && (!moreEntries || (long)row.Current[0]! < (long)entry.Current[0]!))
                {
                    yield return row.Current;
                    moreRows = row.MoveNext();
                }
                else
                {
                    yield return entry.Current;
                    moreEntries = entry.MoveNext();
                }
            }
        }
    }
}
