using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The transitions of deals on PostgreSQL (issue 19): the SQL and rules of <see cref="DealDecisionWrites"/>, run in the
    /// database's write transaction (a write batch's item, under its savepoint), which holds the database's advisory lock, so
    /// that two sessions cannot both approve a deal for one customer.
    /// </summary>
    internal sealed class PgDealDecisionRepository : DealDecisionWrites
    {
        private readonly PgDatabase _db;

        public PgDealDecisionRepository(PgDatabase db, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
            : base(utcNow, today)
        {
            _db = db;
        }

        protected override IRevenueRepository Revenue => _db.Revenue;

        protected override string Location => _db.Path;

        protected override IReadOnlyList<T> Query<T>(string sql, object parameters) => _db.Query<T>(sql, parameters);

        protected override int Execute(string sql, object parameters) => _db.Execute(sql, parameters);

        protected override PartnerDeal? Reread(long id) => _db.Deals.GetById(id);
    }
}
