using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Writes a dump into a SQLite database (<see cref="DatabaseDump.Write"/>) in one write transaction. For the copy's
    /// duration, inside that transaction (so a rollback brings them back), this connection's history triggers are dropped
    /// (the history is copied, not written anew) and so are the revenue totals triggers (the totals are summed once from the
    /// records before the commit, and the triggers made again from their stored SQL).
    /// </summary>
    internal sealed class SqliteDumpWriter : IDumpWriter
    {
        // The page cache of the copy's connection while it writes (KiB), as an import's: the records' indexes take rows in no
        // order of theirs. 200,000 records and 220,000 history entries from a server took 12.1-12.4 s of CPU with it, 14.4-15.2 s
        // with SQLite's default 2 MiB (measured alternately, twice each, on a machine shared with other builds).
        private const int CacheKiB = 32 * 1024;

        private readonly SqliteDatabase _store;
        private List<string> _totalsTriggers = new List<string>();
        private ConnectionSettings? _settings;

        public SqliteDumpWriter(SqliteDatabase store)
        {
            _store = store;
        }

        public void Begin()
        {
            _store.BeginWrite();
            Run(() =>
            {
                _settings = new ConnectionSettings(_store.Connection.Handle!);
                _settings.Set("cache_size", "-" + CacheKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var history = Query<string>("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'po_history_%'");
                _totalsTriggers = Query<string>("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'revenue' AND name LIKE 'revenue_totals_%'");
                var totals = Query<string>("SELECT name FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = 'revenue' AND name LIKE 'revenue_totals_%'");
                Execute(string.Concat(history.Select(t => $"DROP TRIGGER temp.{t};").Concat(totals.Select(t => $"DROP TRIGGER main.{t};"))));
            });
        }

        public bool HoldsData() => Run(() => _store.Connection.ExecuteScalar<long>(
            "SELECT EXISTS (SELECT 1 FROM partners) OR EXISTS (SELECT 1 FROM revenue) OR EXISTS (SELECT 1 FROM exchange_rates) " +
            "OR EXISTS (SELECT 1 FROM targets) OR EXISTS (SELECT 1 FROM tier_rules) OR EXISTS (SELECT 1 FROM history) OR EXISTS (SELECT 1 FROM history_batches)",
            transaction: _store.Transaction) == 1);

        public void Clear() => Run(() => Execute(
            "DELETE FROM history_runs; DELETE FROM history_batches; DELETE FROM history; DELETE FROM deals; DELETE FROM tier_rules; DELETE FROM certifications; DELETE FROM contacts; " +
            "DELETE FROM targets; DELETE FROM exchange_rates; " +
            "DELETE FROM revenue; DELETE FROM revenue_totals; DELETE FROM status_changes; DELETE FROM partners;"));

        public void WriteMeta(string key, string value) => Run(() =>
            _store.Connection.Execute(
                "INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                new { key, value },
                _store.Transaction));

        public void WriteRows(DumpTable table, IEnumerable<object?[]> rows)
        {
            using var insert = _store.Connection.CreateCommand();
            insert.Transaction = _store.Transaction;
            insert.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => "\"" + c.Name + "\""))}) " +
                                 $"VALUES ({string.Join(", ", table.Columns.Select((c, i) => "$p" + i))})";
            var parameters = table.Columns.Select((c, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, c.Type == DumpColumnType.Text ? SqliteType.Text : SqliteType.Integer))).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                Run(insert.ExecuteNonQuery);
            }
        }

        public void MoveIdCounter(DumpTable table, long highestId)
        {
            if (table == DatabaseDump.History)
            {
                return; // the history's next id is worked out from the ids stored (HistoryTriggers.NextId)
            }

            // A table that never numbered a row gets no counter row (as in the source: SQLite adds one with the first row).
            Run(() => Execute(
                $"INSERT INTO sqlite_sequence (name, seq) SELECT '{table.Name}', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table.Name}') " +
                $"AND max(@highestId, coalesce((SELECT max(id) FROM {table.Name}), 0)) > 0;" +
                $"UPDATE sqlite_sequence SET seq = max(seq, @highestId, coalesce((SELECT max(id) FROM {table.Name}), 0)) WHERE name = '{table.Name}';",
                new { highestId }));
        }

        public void Commit()
        {
            Run(() => Execute(Schema.TotalsFromRecords + string.Concat(_totalsTriggers.Select(sql => sql + ";\n"))));
            try
            {
                _store.Commit();
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }

            RestoreHistoryTriggers();
        }

        public void Rollback()
        {
            _store.Rollback();
            RestoreHistoryTriggers();
        }

        // The history triggers of this connection, made again when the copy's transaction ended (a rollback has brought them
        // back itself unless SQLite had already ended the transaction).
        private void RestoreHistoryTriggers()
        {
            try
            {
                _settings?.Restore();
                _settings = null;
                if (_store.Connection.ExecuteScalar<long>("SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'po_history_%'") != HistoryTriggers.Count)
                {
                    _store.Connection.Execute(HistoryTriggers.Sql(SqliteDatabase.User));
                }
            }
            catch (SqliteException)
            {
                // The connection cannot be used any more (an I/O error): its next user opens it afresh and makes them.
            }
        }

        private List<T> Query<T>(string sql) => _store.Connection.Query<T>(sql, transaction: _store.Transaction).AsList();

        private int Execute(string sql, object? parameters = null) => _store.Connection.Execute(sql, parameters, _store.Transaction);

        private T Run<T>(Func<T> work)
        {
            try
            {
                return work();
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }
        }

        private void Run(Action work) => Run(() =>
        {
            work();
            return true;
        });
    }
}
