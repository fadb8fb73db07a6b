using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>The dated inputs of partner quality on PostgreSQL (<see cref="IQualityHistory"/>): the statements of <see cref="QualityHistorySql"/>.</summary>
    internal sealed class PgQualityHistory : IQualityHistory
    {
        private readonly PgDatabase _db;

        public PgQualityHistory(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, DateTime Date, string Currency, decimal Minor)> DailyRevenue(IReadOnlyCollection<long> partnerIds, DateTime fromExclusive, DateTime toInclusive)
        {
            var (sql, parameters) = QualityHistorySql.DailyRevenue(new PgFilterDialect(_db), partnerIds, fromExclusive, toInclusive);
            return Read(sql, parameters, QualityHistorySql.ReadRevenue);
        }

        /// <inheritdoc/>
        public IReadOnlyList<CertificationSpan> CertificationSpans(IReadOnlyCollection<long> partnerIds, IReadOnlyList<string?> patterns, DateTime from, DateTime to)
        {
            var (sql, parameters) = QualityHistorySql.CertificationSpans(new PgFilterDialect(_db), partnerIds, patterns, from, to);
            return Read(sql, parameters, reader => QualityHistorySql.ReadSpans(reader, patterns));
        }

        private T Read<T>(string sql, DynamicParameters parameters, Func<System.Data.IDataReader, T> read) =>
            _db.Run(sql, parameters, () =>
            {
                using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
                {
                    return read(reader);
                }
            });
    }
}
