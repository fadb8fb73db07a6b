using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Tests.Import;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// The same files imported into a SQLite file and a PostgreSQL schema, for tests that the two give the same outcome: the
    /// counts, the failed rows (line, column, message) and the stored rows, column by column.
    /// </summary>
    public sealed class PgImportComparison : IDisposable
    {
        public PgImportComparison()
        {
            Sqlite = new TempDatabase();
            Pg = new PgTestSchema();
        }

        internal TempDatabase Sqlite { get; }

        public PgTestSchema Pg { get; }

        /// <summary>Writes a file (UTF-8, no BOM) into the SQLite test's folder and returns its path.</summary>
        public string File(string name, params string[] lines)
        {
            var path = Sqlite.File(name);
            System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
            return path;
        }

        /// <summary>Imports a file into SQLite, then into PostgreSQL.</summary>
        internal (Outcome Sqlite, Outcome Pg) Import(ImportTable table, string path, ImportOptions? options = null)
        {
            var sqlite = Run(table, path, options, () => Sqlite.Open());
            var pg = Run(table, path, options, () => Pg.Open());
            return (sqlite, pg);
        }

        /// <summary>Imports a file into PostgreSQL only.</summary>
        internal Outcome ImportPg(ImportTable table, string path, ImportOptions? options = null, Action<RecordingListener>? listen = null) =>
            Run(table, path, options, () => Pg.Open(), listen);

        /// <summary>The partners, revenue and totals tables as text rows, in id order (totals in key order), on each backend; the records' ids with <paramref name="ids"/>.</summary>
        public (List<string> Sqlite, List<string> Pg) Tables(bool ids = true)
        {
            using var connection = OpenRaw(Sqlite.Path_);
            var sqlite = Tables(sql => connection.Query(sql).Select(r => ((IDictionary<string, object?>)r).Values.Skip(ids ? 0 : 1).ToArray()).ToList());
            var pg = Tables(sql => Pg.Rows(sql).Select(r => r.Skip(ids ? 0 : 1).ToArray()).ToList());
            return (sqlite, pg);
        }

        /// <summary>
        /// Every history entry, oldest first, on each backend: id, user, operation, entity, entity id, source file name, line and
        /// the changes (property=old>new); SQLite's as its history repository gives them (imported entries included). The records'
        /// ids with <paramref name="ids"/>.
        /// </summary>
        public (List<string> Sqlite, List<string> Pg) History(bool ids = true)
        {
            string Entry(object id, object user, object operation, object entity, object entityId, string? source, object? line, IEnumerable<string> changes) =>
                $"{id} {user} {operation} {entity} {(ids ? entityId : "")} {(source == null ? "-" : Path.GetFileName(source))} {line ?? "-"} {string.Join("; ", changes)}";
            static string Shown(object? value) => value == null ? "null" : Convert.ToString(value, CultureInfo.InvariantCulture)!;

            List<string> sqlite;
            using (var store = Sqlite.Open())
            {
                sqlite = new PartnerOps.Sqlite.HistoryRepository(store).Find(new HistoryFilter()).Reverse()
                    .Select(e => Entry(e.Id, e.User, e.Operation, e.Entity, e.EntityId, e.Source, e.Line, e.Changes.Select(c => $"{c.Property}={Shown(c.Old)}>{Shown(c.New)}")))
                    .ToList();
            }

            var pg = Pg.Rows("SELECT id, \"user\", operation, entity, entity_id, source, line, changes FROM history ORDER BY id")
                .Select(r =>
                {
                    using var changes = JsonDocument.Parse((string)r[7]!);
                    // An entry lists the properties that changed: a null that stays null is not one (SQLite's reading leaves it out).
                    var shown = changes.RootElement.EnumerateObject().Select(p => $"{p.Name}={Json(p.Value[0])}>{Json(p.Value[1])}").Where(c => !c.EndsWith("=null>null", StringComparison.Ordinal)).ToList();
                    return Entry(r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, (string?)r[5], r[6], shown);
                })
                .ToList();
            return (sqlite, pg);

            static string Json(JsonElement value) =>
                value.ValueKind == JsonValueKind.Null ? "null" : value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        public void Dispose()
        {
            Pg.Dispose();
            Sqlite.Dispose();
        }

        private static List<string> Tables(Func<string, List<object?[]>> rows)
        {
            string Text(object?[] row) => string.Join("|", row.Select(v => v == null ? "NULL" : Convert.ToString(v, CultureInfo.InvariantCulture)));
            var partners = rows("SELECT id, name, name_key, name_dup, name_sort, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at FROM partners ORDER BY id");
            var revenue = rows("SELECT r.id, p.name, r.date, r.amount, r.currency, r.segment, r.segment_key, r.region, r.region_key, r.reference, r.created_at FROM revenue r LEFT JOIN partners p ON p.id = r.partner_id ORDER BY r.id");
            var totals = rows("SELECT 0, p.name, t.year, t.region_key, t.segment_key, t.currency, t.region, t.segment, t.count, t.total, t.minimum, t.maximum FROM revenue_totals t LEFT JOIN partners p ON p.id = t.partner_key");
            return partners.Select(r => "partner " + Text(r))
                .Concat(revenue.Select(r => "revenue " + Text(r)))
                .Concat(totals.Select(r => "total " + Text(r)).OrderBy(t => t, StringComparer.Ordinal))
                .ToList();
        }

        private static Outcome Run(ImportTable table, string path, ImportOptions? options, Func<Data.IPartnerDatabase> open, Action<RecordingListener>? listen = null)
        {
            var listener = new RecordingListener();
            listen?.Invoke(listener);
            var chosen = options ?? new ImportOptions();
            using var job = table == ImportTable.Partners ? PartnerImport.Open(path, chosen, () => Now) : RevenueImport.Open(path, chosen, () => Now);
            using var store = open();
            var result = job.Run(store, listener, default);
            return new Outcome(result, listener);
        }

        /// <summary>What an import gave: its result and what it reported.</summary>
        internal sealed class Outcome
        {
            public Outcome(ImportResult result, RecordingListener listener)
            {
                Result = result;
                Listener = listener;
            }

            public ImportResult Result { get; }

            public RecordingListener Listener { get; }

            /// <summary>The counts and the flag that -Atomic undid the import.</summary>
            public (long Read, long Inserted, long Updated, long Skipped, long Failed, bool RolledBack) Counts =>
                (Result.Read, Result.Inserted, Result.Updated, Result.Skipped, Result.Failed, Result.RolledBack);

            /// <summary>The failed rows in line order: line, column, message and the row's values as read (what -FailedRowPath writes).</summary>
            public List<string> Errors => Listener.Errors.OrderBy(e => e.Line).Select(e => $"{e.Line}|{e.Column}|{e.Message}|{string.Join("¦", e.Values)}").ToList();

            /// <summary>The commits reported: rows and last line.</summary>
            public long CommittedRows => Listener.Commits.Sum(c => c.Rows);
        }
    }
}
