using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Reads the history, newest first, as it streams from the database: the rows the triggers wrote (HistoryTriggers) or a
    /// copy wrote (with their source file and line), and the Insert entries of bulk imports, one per record (ImportedHistory).
    /// </summary>
    public sealed class HistoryRepository : IHistoryRepository
    {
        private readonly SqliteDatabase _store;

        public HistoryRepository(SqliteDatabase store)
        {
            _store = store;
        }

        /// <summary>
        /// The entries newest first: the rows of the history table and the Insert entries of the records bulk imports inserted
        /// (<see cref="ImportedHistory"/>), merged by id; Skip and First apply to the merged list, and only the entries returned
        /// have their changes read.
        /// </summary>
        public IEnumerable<HistoryEntry> Find(HistoryFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var imported = new ImportedHistory(_store);
            if (!imported.Selects(filter))
            {
                return Rows(filter, paged: true).Select(Read);
            }

            var merged = Merge(Rows(filter, paged: false), imported.Find(filter)).Skip(filter.Skip > int.MaxValue ? int.MaxValue : (int)filter.Skip);
            if (filter.First is long first)
            {
                merged = merged.Take(first > int.MaxValue ? int.MaxValue : (int)first);
            }

            return merged.Select(e => e.Row is HistoryRow row ? Read(row) : imported.Read(e.Imported));
        });

        public long Count(HistoryFilter filter)
        {
            var (where, parameters) = Where(filter);
            return TranslatedReads.Run(_store, () =>
            {
                var imported = new ImportedHistory(_store);
                return _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM history" + where, parameters, _store.Transaction) +
                       (imported.Selects(filter) ? imported.Count(filter) : 0);
            });
        }

        /// <summary>A history timestamp as stored (UTC, to the millisecond).</summary>
        internal static string Timestamp(DateTime instant) => HistoryTimestamp.ToText(instant);

        /// <summary>A stored history timestamp as a UTC instant.</summary>
        internal static DateTime ParseTimestamp(string at) => HistoryTimestamp.Parse(at);

        // The rows of the history table the filter selects, newest first, paged in SQL when nothing is merged with them.
        private IEnumerable<HistoryRow> Rows(HistoryFilter filter, bool paged)
        {
            var (where, parameters) = Where(filter);
            // The partner's current name, so that an entry piped to a partner cmdlet can be checked against it (ids of removed partners are reused).
            var sql = new StringBuilder("SELECT id, at, user, operation, entity, entity_id AS EntityId, partner_id AS PartnerId, changes, source, line, (SELECT p.name FROM partners p WHERE p.id = history.partner_id) AS PartnerName FROM history")
                .Append(where).Append(" ORDER BY id DESC");
            if (paged && (filter.First != null || filter.Skip > 0))
            {
                sql.Append(" LIMIT @first OFFSET @skip");
                parameters.Add("first", filter.First ?? -1);
                parameters.Add("skip", filter.Skip);
            }

            return _store.Connection.Query<HistoryRow>(sql.ToString(), parameters, _store.Transaction, buffered: false);
        }

        private HistoryEntry Read(HistoryRow row) => row.ToEntry(Changes(row.Changes), _store.Path);

        // Two lists newest first (ids never shared: a batch's block of ids is its own) as one.
        private static IEnumerable<(HistoryRow? Row, ImportedHistory.Entry Imported)> Merge(IEnumerable<HistoryRow> rows, IEnumerable<ImportedHistory.Entry> imported)
        {
            using var row = rows.GetEnumerator();
            using var entry = imported.GetEnumerator();
            var moreRows = row.MoveNext();
            var moreEntries = entry.MoveNext();
            while (moreRows || moreEntries)
            {
                if (moreRows && (!moreEntries || row.Current.Id > entry.Current.HistoryId))
                {
                    yield return (row.Current, default);
                    moreRows = row.MoveNext();
                }
                else
                {
                    yield return (null, entry.Current);
                    moreEntries = entry.MoveNext();
                }
            }
        }

        /// <summary>The WHERE clause of <see cref="Find"/> and <see cref="Count"/> (its query plan is tested).</summary>
        internal static (string Where, DynamicParameters Parameters) Where(HistoryFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (filter.PartnerIds != null)
            {
                // Kept when empty: no partners means no changes.
                clauses.Add(SqlList.In(parameters, "partner_id", "partnerIds", filter.PartnerIds));
            }

            if (filter.Since is DateTime since)
            {
                clauses.Add("at >= @since");
                parameters.Add("since", Timestamp(since));
            }

            SqlList.AddIn(clauses, parameters, "operation", "operations", filter.Operations.Select(o => o.ToString()).ToList());
            SqlList.AddIn(clauses, parameters, "entity", "entities", filter.Entities.Select(e => e.ToString()).ToList());

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        // SQLite's own JSON functions take the change set apart, values keeping their types (text, integer, null).
        private IReadOnlyList<PropertyChange> Changes(string json) =>
            _store.Connection
                .Query<(string Property, object? Old, object? New)>(
                    "SELECT key, json_extract(value, '$[0]') AS old, json_extract(value, '$[1]') AS new FROM json_each(@json) " +
                    "WHERE old IS NOT NULL OR new IS NOT NULL ORDER BY id",
                    new { json },
                    _store.Transaction)
                .Select(c => new PropertyChange(c.Property, c.Old, c.New))
                .ToList();
    }
}
