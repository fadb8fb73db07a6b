using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The Insert entries of the records bulk imports inserted (schema step 9: one history_batches row per committed batch,
    /// its ids as runs in history_runs). Each record is one entry with a history id of its own (the batch's block: the run's
    /// history_id plus the record's place in the run), the batch's time, user and source file, and its line. Its changes
    /// are the record's values as inserted: the stored row, or the Delete entry's old values when it was removed since,
    /// with every Update entry of it undone (nothing guessed: a record gone without a Delete entry shows no values).
    /// </summary>
    internal sealed class ImportedHistory
    {
        private const string Runs = "history_runs u JOIN history_batches b ON b.id = u.batch_id";

        // The run holding an entity's id (@x over a table alias): runs of an entity never overlap (ids are never given again),
        // so it is the one with the greatest first id at or below it, found in the index history_runs_entity.
        private const string RunOf =
            "u.entity = '{0}' AND u.first_id = (SELECT max(r.first_id) FROM history_runs r WHERE r.entity = '{0}' AND r.first_id <= {1}) AND u.last_id >= {1}";

        // The changes of a revenue record's updates and delete (history_changes) name the partner it had when inserted: the
        // old PartnerId of its first update that changed it, else the partner it has (or had when removed).
        private const string RevenuePartnerAsInserted = @"
(SELECT CASE WHEN m.changes IS NOT NULL THEN json_extract(m.changes, '$.PartnerId[0]')
    ELSE coalesce((SELECT partner_id FROM revenue WHERE id = c.id),
        (SELECT json_extract(d.changes, '$.PartnerId[0]') FROM history d
         WHERE d.entity = 'Revenue' AND d.entity_id = CAST(c.id AS TEXT) AND d.operation <> 'Insert' AND d.operation = 'Delete')) END
 FROM (SELECT (SELECT h.changes FROM history h
         WHERE h.entity = 'Revenue' AND h.entity_id = CAST(c.id AS TEXT) AND h.operation <> 'Insert' AND h.operation = 'Update'
           AND json_type(h.changes, '$.PartnerId') IS NOT NULL ORDER BY h.id LIMIT 1) AS changes) m)";

        private readonly SqliteDatabase _store;

        public ImportedHistory(SqliteDatabase store)
        {
            _store = store;
        }

        /// <summary>One imported record's entry before its values are read.</summary>
        internal readonly struct Entry
        {
            public Entry(long historyId, long entityId, long line, string at, string user, string entity, string? source)
            {
                HistoryId = historyId;
                EntityId = entityId;
                Line = line;
                At = at;
                User = user;
                Entity = entity;
                Source = source;
            }

            public long HistoryId { get; }

            public long EntityId { get; }

            public long Line { get; }

            public string At { get; }

            public string User { get; }

            public string Entity { get; }

            public string? Source { get; }
        }

        /// <summary>Whether the filter can select imported entries at all (Insert entries of partners or revenue, any batch stored).</summary>
        public bool Selects(HistoryFilter filter) =>
            (filter.Operations.Count == 0 || filter.Operations.Contains(HistoryOperation.Insert)) &&
            Entities(filter).Count > 0 &&
            _store.Connection.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM history_batches)", transaction: _store.Transaction) == 1;

        /// <summary>The entries the filter selects (Skip and First aside), newest first, as they are read.</summary>
        public IEnumerable<Entry> Find(HistoryFilter filter)
        {
            if (filter.PartnerIds != null)
            {
                return OfPartners(filter).OrderByDescending(e => e.HistoryId);
            }

            var (where, parameters) = Where(filter);
            return _store.Connection
                .Query<(long HistoryId, long FirstId, long LastId, long FirstLine, string At, string User, string Entity, string? Source)>(
                    $"SELECT u.history_id, u.first_id, u.last_id, u.first_line, b.at, b.user, b.entity, b.source FROM {Runs}{where} ORDER BY u.history_id DESC",
                    parameters,
                    _store.Transaction,
                    buffered: false)
                .SelectMany(run => Expand(run.HistoryId, run.FirstId, run.LastId, run.FirstLine, run.At, run.User, run.Entity, run.Source));
        }

        /// <summary>How many entries the filter selects (Skip and First ignored).</summary>
        public long Count(HistoryFilter filter)
        {
            if (filter.PartnerIds != null)
            {
                return OfPartners(filter).Count;
            }

            var (where, parameters) = Where(filter);
            return _store.Connection.ExecuteScalar<long>($"SELECT coalesce(sum(u.last_id - u.first_id + 1), 0) FROM {Runs}{where}", parameters, _store.Transaction);
        }

        /// <summary>The entry as Get-PartnerHistory shows it: the record's values as inserted, its partner, time, user, file and line.</summary>
        public HistoryEntry Read(Entry entry)
        {
            var entity = (HistoryEntity)Enum.Parse(typeof(HistoryEntity), entry.Entity);
            var values = ValuesAsInserted(entity, entry.EntityId);
            var partnerId = entity == HistoryEntity.Partner
                ? entry.EntityId
                : values.FirstOrDefault(v => v.Property == "PartnerId")?.New is long id ? id : (long?)null;
            return new HistoryEntry
            {
                Id = entry.HistoryId,
                Timestamp = HistoryRepository.ParseTimestamp(entry.At),
                User = entry.User,
                Operation = HistoryOperation.Insert,
                Entity = entity,
                EntityId = entry.EntityId.ToString(CultureInfo.InvariantCulture),
                PartnerId = partnerId,
                PartnerName = partnerId == null
                    ? null
                    : _store.Connection.ExecuteScalar<string?>("SELECT name FROM partners WHERE id = @partnerId", new { partnerId }, _store.Transaction),
                Changes = values.Where(v => v.New != null).ToList(),
                Source = entry.Source,
                Line = entry.Line,
                Database = _store.Path,
            };
        }

        /// <summary>
        /// Every imported record's Insert entry as a row of the history table (DatabaseDump.History's columns: id, at, user,
        /// operation, entity, entity_id, partner_id, changes, source, line), oldest first, read as they are enumerated. The
        /// changes are the record's values as inserted, in the JSON the insert triggers write: the stored row's own when no
        /// later entry names the record (one range query per run), else put together from what <see cref="Read"/> shows.
        /// </summary>
        public IEnumerable<object?[]> HistoryRows()
        {
            var runs = _store.Connection.Query<(long HistoryId, long FirstId, long LastId, long? FirstLine, string At, string User, string Entity, string? Source)>(
                $"SELECT u.history_id, u.first_id, u.last_id, u.first_line, b.at, b.user, b.entity, b.source FROM {Runs} ORDER BY u.history_id",
                transaction: _store.Transaction,
                buffered: false);
            var ranges = new Dictionary<HistoryEntity, SqliteCommand>();
            try
            {
                foreach (var run in runs)
                {
                    // One statement per entity, prepared once: an import with failed rows leaves a run between each two of them.
                    var entity = (HistoryEntity)Enum.Parse(typeof(HistoryEntity), run.Entity);
                    if (!ranges.TryGetValue(entity, out var range))
                    {
                        ranges[entity] = range = _store.Connection.CreateCommand();
                        range.Transaction = _store.Transaction;
                        range.CommandText = HistoryTriggers.StoredRange(entity);
                        range.Parameters.Add("@first", SqliteType.Integer);
                        range.Parameters.Add("@last", SqliteType.Integer);
                    }

                    range.Parameters[0].Value = run.FirstId;
                    range.Parameters[1].Value = run.LastId;
                    using var stored = range.ExecuteReader();
                    var more = stored.Read();
                    for (var id = run.FirstId; id <= run.LastId; id++)
                    {
                        while (more && stored.GetInt64(0) < id)
                        {
                            more = stored.Read();
                        }

                        var (partnerId, changes) = more && stored.GetInt64(0) == id && stored.GetInt64(3) == 0
                            ? (stored.IsDBNull(1) ? (long?)null : stored.GetInt64(1), stored.GetString(2))
                            : InsertedChanges(entity, id);
                        yield return new object?[]
                        {
                            run.HistoryId + (id - run.FirstId), run.At, run.User, nameof(HistoryOperation.Insert), run.Entity,
                            id.ToString(CultureInfo.InvariantCulture), entity == HistoryEntity.Partner ? id : partnerId, changes, run.Source,
                            run.FirstLine + (id - run.FirstId),
                        };
                    }
                }
            }
            finally
            {
                foreach (var range in ranges.Values)
                {
                    range.Dispose();
                }
            }
        }

        // A changed or removed record's values as inserted, as JSON in the insert triggers' form (nulls kept), and its partner.
        private (long? PartnerId, string Changes) InsertedChanges(HistoryEntity entity, long id)
        {
            var values = ValuesAsInserted(entity, id);
            var parameters = new DynamicParameters();
            var pairs = values.Select((v, i) =>
            {
                parameters.Add("p" + i, v.Property);
                parameters.Add("v" + i, v.New);
                return $"@p{i}, json_array(NULL, @v{i})";
            });
            var json = _store.Connection.ExecuteScalar<string>($"SELECT json_object({string.Join(", ", pairs)})", parameters, _store.Transaction);
            return (values.FirstOrDefault(v => v.Property == "PartnerId")?.New is long partnerId ? partnerId : (long?)null, json ?? "{}");
        }

        /// <summary>
        /// The statements that find the imported entries of partners (their query plans are tested): CROSS JOIN keeps the
        /// partners (and their records) outside, so each finds its run by one lookup instead of every run being read.
        /// </summary>
        internal static (string Partners, string Revenue) PartnerStatements(string batchWhere) => (
            "SELECT u.history_id + (p.value - u.first_id), p.value, u.first_line + (p.value - u.first_id), b.at, b.user, b.entity, b.source " +
            $"FROM json_each(@partnerIds) p CROSS JOIN history_runs u ON {string.Format(CultureInfo.InvariantCulture, RunOf, "Partner", "p.value")} " +
            "JOIN history_batches b ON b.id = u.batch_id" + batchWhere,
            @"WITH p(id) AS (SELECT value FROM json_each(@partnerIds)),
c(id) AS (
    SELECT r.id FROM p JOIN revenue r ON r.partner_id = p.id
    UNION SELECT CAST(h.entity_id AS INTEGER) FROM p JOIN history h ON h.partner_id = p.id AND h.entity = 'Revenue' AND h.operation = 'Delete'
    UNION SELECT CAST(h.entity_id AS INTEGER) FROM p JOIN history h
        ON json_extract(h.changes, '$.PartnerId[0]') = p.id AND h.operation = 'Update' AND h.entity = 'Revenue')
SELECT u.history_id + (c.id - u.first_id), c.id, u.first_line + (c.id - u.first_id), b.at, b.user, b.entity, b.source FROM c " +
            $"CROSS JOIN history_runs u ON {string.Format(CultureInfo.InvariantCulture, RunOf, "Revenue", "c.id")} JOIN history_batches b ON b.id = u.batch_id" +
            (batchWhere.Length == 0 ? " WHERE " : batchWhere + " AND ") + RevenuePartnerAsInserted + " IN (SELECT id FROM p)");

        // The entries of the filter's partners: each partner's own Insert and those of the revenue it had when inserted.
        private List<Entry> OfPartners(HistoryFilter filter)
        {
            var entities = Entities(filter);
            var (where, parameters) = Where(filter);
            parameters.Add("partnerIds", SqlList.Json(filter.PartnerIds!));
            var (partners, revenue) = PartnerStatements(where);
            var found = new List<Entry>();
            foreach (var (entity, sql) in new[] { (HistoryEntity.Partner, partners), (HistoryEntity.Revenue, revenue) })
            {
                if (entities.Contains(entity.ToString()))
                {
                    found.AddRange(_store.Connection
                        .Query<(long HistoryId, long EntityId, long Line, string At, string User, string Entity, string? Source)>(sql, parameters, _store.Transaction)
                        .Select(e => new Entry(e.HistoryId, e.EntityId, e.Line, e.At, e.User, e.Entity, e.Source)));
                }
            }

            return found;
        }

        private static IEnumerable<Entry> Expand(long historyId, long firstId, long lastId, long firstLine, string at, string user, string entity, string? source)
        {
            for (var id = lastId; id >= firstId; id--)
            {
                yield return new Entry(historyId + (id - firstId), id, firstLine + (id - firstId), at, user, entity, source);
            }
        }

        private static List<string> Entities(HistoryFilter filter) =>
            new[] { HistoryEntity.Partner, HistoryEntity.Revenue }
                .Where(e => filter.Entities.Count == 0 || filter.Entities.Contains(e))
                .Select(e => e.ToString())
                .ToList();

        // The batches' conditions: the entities (Partner, Revenue) and -Since.
        private static (string Where, DynamicParameters Parameters) Where(HistoryFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (filter.Entities.Count > 0)
            {
                clauses.Add(SqlList.In(parameters, "b.entity", "entities", Entities(filter)));
            }

            if (filter.Since is DateTime since)
            {
                clauses.Add("b.at >= @since");
                parameters.Add("since", HistoryRepository.Timestamp(since));
            }

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        // Every property of the record in the entity's order with its value as inserted (null where it had none).
        private List<PropertyChange> ValuesAsInserted(HistoryEntity entity, long id)
        {
            var entityId = id.ToString(CultureInfo.InvariantCulture);
            var stored = _store.Connection.ExecuteScalar<string?>(HistoryTriggers.StoredValues(entity), new { id }, _store.Transaction);
            var later = _store.Connection
                .Query<(string Operation, string Changes)>(
                    "SELECT operation, changes FROM history WHERE entity = @entity AND entity_id = @entityId AND operation <> 'Insert' ORDER BY id DESC",
                    new { entity = entity.ToString(), entityId },
                    _store.Transaction)
                .ToList();
            var values = new List<(string Property, object? Value)>();
            if (stored != null)
            {
                values.AddRange(Parse(stored).Select(c => (c.Property, c.New)));
            }
            else if (later.FirstOrDefault(h => h.Operation == nameof(HistoryOperation.Delete)).Changes is string deleted)
            {
                values.AddRange(Parse(deleted).Select(c => (c.Property, c.Old)));
            }

            // Newest first, each update's old values put back (every property is in the list, in the entity's order).
            foreach (var (_, changes) in later.Where(h => h.Operation == nameof(HistoryOperation.Update)))
            {
                foreach (var change in Parse(changes))
                {
                    var at = values.FindIndex(v => v.Property == change.Property);
                    if (at >= 0)
                    {
                        values[at] = (change.Property, change.Old);
                    }
                }
            }

            return values.Select(v => new PropertyChange(v.Property, null, v.Value)).ToList();
        }

        // A change set's properties in its order, nulls kept, values with their SQLite types (text, integer).
        private List<(string Property, object? Old, object? New)> Parse(string json) =>
            _store.Connection
                .Query<(string Property, object? Old, object? New)>(
                    "SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@json) ORDER BY id", new { json }, _store.Transaction)
                .ToList();
    }
}
