using System;
using System.Data;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The partner-quality figures in SQL on SQLite (<see cref="IQualityInputs"/>): the statements of <see cref="QualitySql"/>.</summary>
    internal sealed class QualityInputs : QualityInputsBase
    {
        private readonly SqliteDatabase _store;

        public QualityInputs(SqliteDatabase store)
        {
            _store = store;
        }

        protected override FilterDialect Dialect => SqliteFilterDialect.Instance;

        protected override T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read) => MeasureReads.Read(_store, sql, parameters, read);
    }
}
