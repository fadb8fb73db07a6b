using System;
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
        internal const string Columns =
            "id AS Id, name AS Name, type AS Type, tier AS Tier, status AS Status, region AS Region, country AS Country, " +
            "joined_on AS JoinedOn, ended_on AS EndedOn, notes AS Notes, created_at AS CreatedAt, updated_at AS UpdatedAt";

        /// <summary>The statement <see cref="PgPartnerRepository.Find"/> runs: name order (the partners_name_sort index), paged.</summary>
        internal static (string Sql, DynamicParameters Parameters) FindStatement(PgDatabase db, PartnerFilter filter)
        {
            var (where, parameters) = BuildWhere(db, filter);
            var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM partners").Append(where).Append(" ORDER BY name_sort, name_key, id");
            Page(sql, parameters, filter.First, filter.Skip);
            return (sql.ToString(), parameters);
        }

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

        /// <summary>
        /// The one "partner on this date" rule (as PartnerSql.PartnerOn on SQLite): joined on or before the date (the parameter
        /// <paramref name="dateParameter"/>, yyyy-MM-dd) and not ended by it (an EndedOn is the first day no longer a partner).
        /// </summary>
        internal static string PartnerOn(string dateParameter) =>
            $"joined_on <= @{dateParameter} AND (ended_on IS NULL OR ended_on > @{dateParameter})";

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        internal static (string Where, DynamicParameters Parameters) BuildWhere(PgDatabase db, PartnerFilter filter, IList<NamePattern>? names = null)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();

            PgSqlList.AddMatching(clauses, parameters, "name_key", "name", names ?? filter.Names, indexed: true);
            PgSqlList.AddAny(clauses, parameters, "id", "ids", filter.Ids);
            PgSqlList.AddAny(clauses, parameters, "type", "types", filter.Types.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "tier", "tiers", filter.Tiers.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "status", "statuses", filter.Statuses.Select(t => t.ToString()).ToList());
            PgSqlList.AddAny(clauses, parameters, "country", "countries", filter.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList());
            if (filter.Regions.Count > 0)
            {
                clauses.Add(RegionMatching(db, parameters, filter.Regions));
            }

            if (filter.JoinedAfter is DateTime after)
            {
                clauses.Add("joined_on > @joinedAfter");
                parameters.Add("joinedAfter", PartnerRules.FormatDate(after));
            }

            if (filter.JoinedBefore is DateTime before)
            {
                clauses.Add("joined_on < @joinedBefore");
                parameters.Add("joinedBefore", PartnerRules.FormatDate(before));
            }

            if (filter.AsOf is DateTime asOf)
            {
                clauses.Add(PartnerOn("asOf") + " AND status <> 'Prospect'");
                parameters.Add("asOf", PartnerRules.FormatDate(asOf));
            }

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

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
