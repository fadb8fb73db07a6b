using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The partner-quality figures in SQL on PostgreSQL (<see cref="IQualityInputs"/>): the statements of <see cref="QualitySql"/>,
    /// run without JIT compilation (as the funnel's: the planner's estimates of the per-partner lookups make it compile the
    /// statements, which costs about as long as running them).
    /// </summary>
    internal sealed class PgQualityInputs : IQualityInputs
    {
        private readonly PgDatabase _db;

        public PgQualityInputs(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public IReadOnlyList<QualityPartner> Partners(DateTime day, PartnerFilter? filter)
        {
            var (sql, parameters) = QualitySql.Partners(new PgFilterDialect(_db), filter, day);
            return Read(sql, parameters, QualitySql.ReadPartners);
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, string Currency, int Year, decimal Minor)> Revenue(DateTime fromExclusive, DateTime toInclusive, PartnerFilter? filter, DateTime day)
        {
            var (sql, parameters) = QualitySql.Revenue(new PgFilterDialect(_db), filter, day, fromExclusive, toInclusive);
            return Read(sql, parameters, QualitySql.ReadRevenue);
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, string? Pattern, int Certified)> Certified(DateTime day, IReadOnlyList<string?> patterns, PartnerFilter? filter)
        {
            var distinct = patterns.Distinct().ToList();
            if (distinct.Count == 0)
            {
                return Array.Empty<(long, string?, int)>();
            }

            var (sql, parameters) = QualitySql.Certified(new PgFilterDialect(_db), filter, day, distinct);
            return Read(sql, parameters, reader => QualitySql.ReadCertified(reader, distinct));
        }

        private T Read<T>(string sql, DynamicParameters parameters, Func<System.Data.IDataReader, T> read)
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
