using System;
using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
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

        protected override T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read)
        {
            try
            {
                using (var reader = _store.Connection.ExecuteReader(sql, parameters, _store.Transaction))
                {
                    return read(reader);
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, _store.Path);
            }
        }
    }
}
