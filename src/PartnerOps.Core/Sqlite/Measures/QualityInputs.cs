using System;
using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
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
