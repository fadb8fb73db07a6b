using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // The reads that summarize: the history, the status history, the measures' sums and counts (GROUP BY in SQL), the description and the checks.
    public sealed partial class PgDatabase
    {
        private PgHistoryRepository? _history;
        private PgRevenueSums? _sums;

        /// <inheritdoc />
        public IHistoryRepository History => _history ??= new PgHistoryRepository(this);

        /// <inheritdoc />
        public IStatusHistoryRepository StatusHistory => new PgStatusHistoryRepository(this);

        /// <inheritdoc />
        public IRevenueSums RevenueSums => _sums ??= new PgRevenueSums(this);

        /// <inheritdoc />
        public IPartnerCounts PartnerCounts => new PgPartnerCounts(this);

        /// <inheritdoc/>
        public IFunnelCounts FunnelCounts => new PgFunnelCounts(this);

        /// <summary>
        /// The database as Get-PartnerDatabase shows it (Backend PostgreSql, SizeBytes the PartnerOps tables' size on the server,
        /// JournalMode "server"): see <see cref="PgChecks.Info"/>.
        /// </summary>
        public DatabaseInfo GetInfo() => PgChecks.Info(this);

        /// <summary>Test-PartnerDatabase's checks that mean something on a server: see <see cref="PgChecks.Check"/>.</summary>
        public IReadOnlyList<DatabaseFinding> Check() => PgChecks.Check(this);
    }
}
