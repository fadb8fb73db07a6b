using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Certifications on PostgreSQL (<see cref="CertificationStore"/>): the same SQL, results, order and failures as on SQLite;
    /// reads stream; writes run inside the open write transaction, each item under the batch's savepoint.
    /// </summary>
    internal sealed class PgCertificationRepository : CertificationStore
    {
        private readonly PgDatabase _db;
        private PgFilterDialect? _dialect;

        public PgCertificationRepository(PgDatabase db, Func<DateTime>? utcNow = null)
            : base(db.Partners, db.Contacts, utcNow)
        {
            _db = db;
        }

        /// <inheritdoc/>
        protected override string Path => _db.Path;

        /// <inheritdoc/>
        protected override FilterDialect Dialect => _dialect ??= new PgFilterDialect(_db);

        /// <inheritdoc/>
        protected override bool IsSameDatabase(string location) => _db.IsSameDatabase(location);

        /// <inheritdoc/>
        protected override IEnumerable<T> Stream<T>(string sql, object parameters) => _db.Stream<T>(sql, parameters);

        /// <inheritdoc/>
        protected override IList<T> Query<T>(string sql, object parameters) => _db.Query<T>(sql, parameters);

        /// <inheritdoc/>
        protected override int Execute(string sql, object parameters) => _db.Execute(sql, parameters);

        /// <inheritdoc/>
        public override WriteOperation Adding(CertificationDraft draft, DateTime day) =>
            // On PostgreSQL every item runs under a savepoint (a failed statement aborts the whole transaction).
            new WriteOperation(() => Add(draft, day));
    }
}
