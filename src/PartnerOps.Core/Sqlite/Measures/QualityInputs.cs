using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The partner-quality figures in SQL on SQLite (<see cref="IQualityInputs"/>): the statements of <see cref="QualitySql"/>.</summary>
    internal sealed class QualityInputs : IQualityInputs
    {
        private readonly SqliteDatabase _store;

        public QualityInputs(SqliteDatabase store)
        {
            _store = store;
        }

        /// <inheritdoc/>
        public IReadOnlyList<QualityPartner> Partners(DateTime day, PartnerFilter? filter)
        {
            var (sql, parameters) = QualitySql.Partners(SqliteFilterDialect.Instance, filter, day);
            return Read(sql, parameters, QualitySql.ReadPartners);
        }

        /// <inheritdoc/>
        public IReadOnlyList<(long PartnerId, string Currency, int Year, decimal Minor)> Revenue(DateTime fromExclusive, DateTime toInclusive, PartnerFilter? filter, DateTime day)
        {
            var (sql, parameters) = QualitySql.Revenue(SqliteFilterDialect.Instance, filter, day, fromExclusive, toInclusive);
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

            var (sql, parameters) = QualitySql.Certified(SqliteFilterDialect.Instance, filter, day, distinct);
            return Read(sql, parameters, reader => QualitySql.ReadCertified(reader, distinct));
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
