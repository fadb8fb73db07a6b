using System;
using System.Data;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The deal figures in SQL on SQLite (<see cref="IDealSums"/>, issue 19): the statement of <see cref="DealSumsSql"/>, days by julianday().</summary>
    internal sealed class DealSums : DealSumsBase
    {
        private readonly SqliteDatabase _store;

        public DealSums(SqliteDatabase store)
        {
            _store = store;
        }

        protected override FilterDialect Dialect => SqliteFilterDialect.Instance;

        protected override string Days(string later, string earlier) => FunnelCounts.Days(later, earlier);

        protected override T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read) => MeasureReads.Read(_store, sql, parameters, read);
    }
}
