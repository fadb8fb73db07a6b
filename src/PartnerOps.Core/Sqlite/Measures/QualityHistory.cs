using System;
using System.Collections.Generic;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The dated inputs of partner quality on SQLite (<see cref="IQualityHistory"/>): the statements of <see cref="QualityHistorySql"/>.</summary>
    internal sealed class QualityHistory : IQualityHistory
    {
        private readonly SqliteDatabase _store;

        public QualityHistory(SqliteDatabase store)
        {
            _store = store;
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, DateTime Date, string Currency, decimal Minor)> DailyRevenue(IReadOnlyCollection<long> partnerIds, DateTime fromExclusive, DateTime toInclusive)
        {
            var (sql, parameters) = QualityHistorySql.DailyRevenue(SqliteFilterDialect.Instance, partnerIds, fromExclusive, toInclusive);
            return Read(sql, parameters, QualityHistorySql.ReadRevenue);
        }

        /// <inheritdoc/>
        public IReadOnlyList<CertificationSpan> CertificationSpans(IReadOnlyCollection<long> partnerIds, IReadOnlyList<string?> patterns, DateTime from, DateTime to)
        {
            var (sql, parameters) = QualityHistorySql.CertificationSpans(SqliteFilterDialect.Instance, partnerIds, patterns, from, to);
            return Read(sql, parameters, reader => QualityHistorySql.ReadSpans(reader, patterns));
        }

        private T Read<T>(string sql, DynamicParameters parameters, Func<System.Data.IDataReader, T> read)
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
