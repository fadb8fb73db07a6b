using System;
using System.Data;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The partner-quality figures in SQL on PostgreSQL (<see cref="IQualityInputs"/>): the statements of <see cref="QualitySql"/>,
    /// run without JIT compilation (as the funnel's: the planner's estimates of the per-partner lookups make it compile the
    /// statements, which costs about as long as running them).
    /// </summary>
    internal sealed class PgQualityInputs : QualityInputsBase
    {
        private readonly PgDatabase _db;

        public PgQualityInputs(PgDatabase db)
        {
            _db = db;
        }

        protected override FilterDialect Dialect => new PgFilterDialect(_db);

        protected override T Read<T>(string sql, DynamicParameters parameters, Func<IDataReader, T> read) => PgMeasureReads.ReadWithoutJit(_db, sql, parameters, read);
    }
}
