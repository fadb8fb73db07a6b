using System;
using System.Data;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The deal figures in SQL on PostgreSQL (<see cref="IDealSums"/>, issue 19): the statement of <see cref="DealSumsSql"/>, days
    /// as the difference of two dates, run without JIT compilation (as the funnel's and the quality figures': compiling the
    /// statement costs about as long as running it).
    /// </summary>
    internal sealed class PgDealSums : DealSumsBase
    {
        private readonly PgDatabase _db;

        public PgDealSums(PgDatabase db)
        {
            _db = db;
        }

        protected override FilterDialect Dialect => new PgFilterDialect(_db);

        protected override string Days(string later, string earlier) => PgFunnelCounts.Days(later, earlier);

        protected override T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read)
        {
            _db.Scalar<string>("SELECT set_config('jit', 'off', false)");
            try
            {
                return _db.Run(sql, parameters, () =>
                {
                    using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
                    {
                        return read(reader);
                    }
                });
            }
            finally
            {
                _db.Execute("RESET jit");
            }
        }
    }
}
