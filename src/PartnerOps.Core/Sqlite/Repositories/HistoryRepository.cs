using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Reads the history, newest first, as it streams from the database.</summary>
    public sealed class HistoryRepository : IHistoryRepository
    {
        private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff";

        private readonly SqliteDatabase _store;

        public HistoryRepository(SqliteDatabase store)
        {
            _store = store;
        }

        public IEnumerable<HistoryEntry> Find(HistoryFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (where, parameters) = Where(filter);
            // The partner's current name, so that an entry piped to a partner cmdlet can be checked against it (ids of removed partners are reused).
            var sql = new StringBuilder("SELECT id, at, user, operation, entity, entity_id, partner_id, changes, (SELECT p.name FROM partners p WHERE p.id = history.partner_id) FROM history")
                .Append(where).Append(" ORDER BY id DESC");
            if (filter.First != null || filter.Skip > 0)
            {
                sql.Append(" LIMIT @first OFFSET @skip");
                parameters.Add("first", filter.First ?? -1);
                parameters.Add("skip", filter.Skip);
            }

            return _store.Connection
                .Query<(long Id, string At, string User, string Operation, string Entity, string EntityId, long? PartnerId, string Changes, string? PartnerName)>(
                    sql.ToString(), parameters, _store.Transaction, buffered: false)
                .Select(row => new HistoryEntry
                {
                    Id = row.Id,
                    Timestamp = DateTime.ParseExact(row.At, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                    User = row.User,
                    Operation = (HistoryOperation)Enum.Parse(typeof(HistoryOperation), row.Operation),
                    Entity = (HistoryEntity)Enum.Parse(typeof(HistoryEntity), row.Entity),
                    EntityId = row.EntityId,
                    PartnerId = row.PartnerId,
                    PartnerName = row.PartnerName,
                    Changes = Changes(row.Changes),
                    Database = _store.Path,
                });
        });

        public long Count(HistoryFilter filter)
        {
            var (where, parameters) = Where(filter);
            return TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM history" + where, parameters, _store.Transaction));
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
                parameters.Add("since", since.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture));
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
