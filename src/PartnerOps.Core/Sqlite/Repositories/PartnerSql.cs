using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>The SQL of partner reads: the columns, the WHERE of a filter, and the one "partner on this date" rule.</summary>
    internal static class PartnerSql
    {
        internal const string Columns = PartnerLookup.Columns;

        /// <summary>The statement <see cref="PartnerRepository.Find"/> runs (its query plan is tested).</summary>
        internal static (string Sql, DynamicParameters Parameters) FindStatement(PartnerFilter filter)
        {
            var (where, parameters) = BuildWhere(filter);
            var sql = new StringBuilder("SELECT ").Append(PartnerLookup.ColumnsOf(filter)).Append(" FROM partners").Append(where).Append(" ORDER BY name_sort, name_key, id");
            if (filter.First != null || filter.Skip > 0)
            {
                sql.Append(" LIMIT @first OFFSET @skip");
                parameters.Add("first", filter.First ?? -1);
                parameters.Add("skip", filter.Skip);
            }

            return (sql.ToString(), parameters);
        }

        /// <summary>The one "partner on this date" rule (<see cref="PartnerFilterSql.PartnerOn"/>).</summary>
        internal static string PartnerOn(string dateParameter) => PartnerFilterSql.PartnerOn(dateParameter);

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        internal static (string Where, DynamicParameters Parameters) BuildWhere(PartnerFilter filter, IList<NamePattern>? names = null) =>
            PartnerFilterSql.BuildWhere(SqliteFilterDialect.Instance, filter, names);
    }
}
