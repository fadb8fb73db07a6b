using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The transitions of deals on SQLite (issue 19): the SQL and rules of <see cref="DealDecisionWrites"/>, run in the store's
    /// write transaction, which SQLite holds alone (no other writer can pass the exclusivity check meanwhile).
    /// </summary>
    internal sealed class DealDecisionRepository : DealDecisionWrites
    {
        private readonly SqliteDatabase _store;

        public DealDecisionRepository(SqliteDatabase store, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
            : base(utcNow, today)
        {
            _store = store;
        }

        protected override IRevenueRepository Revenue => _store.Revenue;

        protected override string Location => _store.Path;

        protected override IReadOnlyList<T> Query<T>(string sql, object parameters) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<T>(sql, parameters, _store.Transaction).AsList());

        protected override int Execute(string sql, object parameters) => _store.Connection.Execute(sql, parameters, _store.Transaction);

        protected override PartnerDeal? Reread(long id) => _store.Deals.GetById(id);
    }
}
