using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>The SQL of partner reads on PostgreSQL: the columns, the WHERE of a filter, and the one "partner on this date" rule.</summary>
    internal static class PgPartnerSql
    {
        /// <summary>The columns of a partner read, named as <see cref="Partner"/>'s properties.</summary>
        internal const string Columns = PartnerLookup.Columns;

        /// <summary>Appends LIMIT (when <paramref name="first"/> is given) and OFFSET (when <paramref name="skip"/> is above 0).</summary>
        internal static void Page(StringBuilder sql, DynamicParameters parameters, long? first, long skip)
        {
            if (first is long limit)
            {
                sql.Append(" LIMIT @first");
                parameters.Add("first", limit);
            }

            if (skip > 0)
            {
                sql.Append(" OFFSET @skip");
                parameters.Add("skip", skip);
            }
        }

        /// <summary>The one "partner on this date" rule (<see cref="PartnerFilterSql.PartnerOn"/>).</summary>
        internal static string PartnerOn(string dateParameter) => PartnerFilterSql.PartnerOn(dateParameter);

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        internal static (string Where, DynamicParameters Parameters) BuildWhere(PgDatabase db, PartnerFilter filter, IList<NamePattern>? names = null) =>
            PartnerFilterSql.BuildWhere(new PgFilterDialect(db), filter, names);

        /// <summary>
        /// Partners have no stored region key (the region's key is computed in C#, and the server has no C# functions): the
        /// distinct regions are read once and keyed here (<see cref="RevenueRules.Key"/>), and the patterns are matched against
        /// those keys in SQL, the regions whose keys match selecting the partners. <paramref name="name"/> names the parameters.
        /// </summary>
        internal static string RegionMatching(PgDatabase db, DynamicParameters parameters, IList<NamePattern> patterns, string name = "region")
        {
            var regions = db.Query<string>("SELECT DISTINCT region FROM partners WHERE region IS NOT NULL");
            parameters.Add(name + "Spellings", regions.ToArray());
            parameters.Add(name + "SpellingKeys", regions.Select(r => RevenueRules.Key(r)!).ToArray());
            var matching = PgSqlList.Matching(parameters, "s.k", name, patterns, indexed: false);
            return $"region = ANY(ARRAY(SELECT s.r FROM unnest(@{name}Spellings, @{name}SpellingKeys) AS s(r, k) WHERE {matching}))";
        }
    }
}
