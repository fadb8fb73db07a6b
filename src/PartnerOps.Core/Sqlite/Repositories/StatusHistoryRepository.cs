using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The dated Status and Tier changes in an SQLite database (<see cref="IStatusHistoryRepository"/>), streamed.</summary>
    internal sealed class StatusHistoryRepository : IStatusHistoryRepository
    {
        private readonly SqliteDatabase _store;

        public StatusHistoryRepository(SqliteDatabase store)
        {
            _store = store;
        }

        /// <inheritdoc/>
        public IEnumerable<StatusChange> Find(StatusChangeFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (sql, parameters) = StatusHistorySql.Find(SqliteFilterDialect.Instance, filter);
            return _store.Connection.Query<StatusHistorySql.Row>(sql, parameters, _store.Transaction, buffered: false).Select(row => row.ToChange(_store.Path));
        });
    }
}
