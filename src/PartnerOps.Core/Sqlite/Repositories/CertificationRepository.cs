using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>Certifications on SQLite: reads stream; writes run inside the store's current transaction (<see cref="CertificationStore"/>).</summary>
    internal sealed class CertificationRepository : CertificationStore
    {
        private readonly SqliteDatabase _store;

        public CertificationRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
            : base(store.Partners, store.Contacts, utcNow)
        {
            _store = store;
        }

        /// <inheritdoc/>
        protected override string Path => _store.Path;

        /// <inheritdoc/>
        protected override FilterDialect Dialect => SqliteFilterDialect.Instance;

        /// <inheritdoc/>
        protected override bool IsSameDatabase(string location) => _store.IsSameDatabase(location);

        /// <inheritdoc/>
        protected override IEnumerable<T> Stream<T>(string sql, object parameters) =>
            TranslatedReads.Stream(_store, () => _store.Connection.Query<T>(sql, parameters, _store.Transaction, buffered: false));

        /// <inheritdoc/>
        protected override IList<T> Query<T>(string sql, object parameters) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<T>(sql, parameters, _store.Transaction).AsList());

        /// <inheritdoc/>
        protected override int Execute(string sql, object parameters) => _store.Connection.Execute(sql, parameters, _store.Transaction);

        /// <inheritdoc/>
        public override WriteOperation Adding(CertificationDraft draft, DateTime day) =>
            // One INSERT (the history trigger inside it), after reads: SQLite undoes it alone when it fails, so no savepoint is needed.
            new WriteOperation(() => Add(draft, day), undoesItself: true);
    }
}
