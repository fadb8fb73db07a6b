using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The history on PostgreSQL (<see cref="IHistoryRepository"/>), newest first by id. Every entry is a row of the history
    /// table: the statement-level triggers write them for every change, and a bulk import writes its records' Insert entries
    /// itself, with the file (source) and line; a revenue record's Insert names the partner it had then, so a partner's history
    /// keeps the records that later moved to another partner. Rows are read in pages of <see cref="PageSize"/> (keyset on the
    /// id), each page whole, so the connection is free between pages while the entries stream to the caller.
    /// </summary>
    internal sealed class PgHistoryRepository : IHistoryRepository
    {
        /// <summary>How many rows one statement reads.</summary>
        internal const int PageSize = 1000;

        private const string Columns =
            "h.id, h.at, h.\"user\" AS User, h.operation, h.entity, h.entity_id AS EntityId, h.partner_id AS PartnerId, h.changes, h.source, h.line, " +
            "(SELECT p.name FROM partners p WHERE p.id = h.partner_id) AS PartnerName";

        private readonly PgDatabase _db;

        public PgHistoryRepository(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public IEnumerable<HistoryEntry> Find(HistoryFilter filter)
        {
            var left = filter.First;
            long? before = null;
            var skip = filter.Skip;
            while (left != 0)
            {
                var (where, parameters) = Where(filter);
                var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM history h").Append(where);
                if (before != null)
                {
                    sql.Append(where.Length == 0 ? " WHERE " : " AND ").Append("h.id < @before");
                    parameters.Add("before", before.Value);
                }

                var take = left is long l && l < PageSize ? l : PageSize;
                sql.Append(" ORDER BY h.id DESC LIMIT @take");
                parameters.Add("take", take);
                if (skip > 0)
                {
                    sql.Append(" OFFSET @skip");
                    parameters.Add("skip", skip);
                    skip = 0;
                }

                var rows = _db.Query<HistoryRow>(sql.ToString(), parameters);
                foreach (var row in rows)
                {
                    yield return Read(row);
                }

                if (rows.Count < take)
                {
                    yield break;
                }

                before = rows[rows.Count - 1].Id;
                left -= rows.Count;
            }
        }

        /// <inheritdoc/>
        public long Count(HistoryFilter filter)
        {
            var (where, parameters) = Where(filter);
            return _db.Scalar<long>("SELECT count(*) FROM history h" + where, parameters);
        }

        /// <summary>The WHERE clause of <see cref="Find"/> and <see cref="Count"/> over the history (alias h).</summary>
        internal static (string Where, DynamicParameters Parameters) Where(HistoryFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (filter.PartnerIds != null)
            {
                // Kept when empty: no partners means no changes.
                clauses.Add(PgSqlList.Any(parameters, "h.partner_id", "partnerIds", filter.PartnerIds));
            }

            if (filter.Since is DateTime since)
            {
                clauses.Add("h.at >= @since");
                parameters.Add("since", HistoryTimestamp.ToText(since));
            }

            PgSqlList.AddAny(clauses, parameters, "h.operation", "operations", filter.Operations.Select(o => o.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "h.entity", "entities", filter.Entities.Select(e => e.ToString()).ToList());
            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>
        /// A change set as stored (<c>{"Property": [old, new], ...}</c>, the properties in the entity's order) as the entry's
        /// changes: properties with neither value left out; text as text, whole numbers as Int64 (as SQLite's JSON functions read
        /// them), other numbers as Double, true and false as Boolean.
        /// </summary>
        /// <exception cref="JsonException">The text is not such an object.</exception>
        internal static IReadOnlyList<PropertyChange> Changes(string json)
        {
            var changes = new List<PropertyChange>();
            using (var document = JsonDocument.Parse(json))
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var pair = property.Value;
                    var old = pair.GetArrayLength() > 0 ? Value(pair[0]) : null;
                    var @new = pair.GetArrayLength() > 1 ? Value(pair[1]) : null;
                    if (old != null || @new != null)
                    {
                        changes.Add(new PropertyChange(property.Name, old, @new));
                    }
                }
            }

            return changes;
        }

        private static object? Value(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (object)value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };

        private HistoryEntry Read(HistoryRow row) => row.ToEntry(Changes(row.Changes), _db.Path);
    }
}
