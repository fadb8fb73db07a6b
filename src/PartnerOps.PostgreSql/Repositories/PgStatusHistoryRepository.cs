using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>The dated Status and Tier changes on PostgreSQL (<see cref="IStatusHistoryRepository"/>), streamed.</summary>
    internal sealed class PgStatusHistoryRepository : IStatusHistoryRepository
    {
        private readonly PgDatabase _db;

        public PgStatusHistoryRepository(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public IEnumerable<StatusChange> Find(StatusChangeFilter filter)
        {
            var (sql, parameters) = StatusHistorySql.Find(new PgFilterDialect(_db), filter);
            return _db.Stream<StatusHistorySql.Row>(sql, parameters).Select(row => row.ToChange(_db.Path));
        }
    }
}
