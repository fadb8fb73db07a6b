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
        internal const string Columns =
            "id AS Id, name AS Name, type AS Type, tier AS Tier, status AS Status, region AS Region, country AS Country, " +
            "joined_on AS JoinedOn, ended_on AS EndedOn, notes AS Notes, created_at AS CreatedAt, updated_at AS UpdatedAt";

        /// <summary>The statement <see cref="PartnerRepository.Find"/> runs (its query plan is tested).</summary>
        internal static (string Sql, DynamicParameters Parameters) FindStatement(PartnerFilter filter)
        {
            var (where, parameters) = BuildWhere(filter);
            var sql = new StringBuilder("SELECT ").Append(Columns).Append(" FROM partners").Append(where).Append(" ORDER BY name_sort, name_key, id");
            if (filter.First != null || filter.Skip > 0)
            {
                sql.Append(" LIMIT @first OFFSET @skip");
                parameters.Add("first", filter.First ?? -1);
                parameters.Add("skip", filter.Skip);
            }

            return (sql.ToString(), parameters);
        }

        /// <summary>
        /// The one "partner on this date" rule, as SQL over the partners table: joined on or before the date (the parameter
        /// <paramref name="dateParameter"/>, yyyy-MM-dd) and not ended by it (an EndedOn is the first day no longer a partner).
        /// Get-Partner -AsOf, Measure-Partner and the PartnerCount targets all count with it.
        /// </summary>
        internal static string PartnerOn(string dateParameter) =>
            $"joined_on <= @{dateParameter} AND (ended_on IS NULL OR ended_on > @{dateParameter})";

        /// <summary>The WHERE clause (with its parameters) of the partners a filter selects; empty for no restriction.</summary>
        /// <param name="names">When given, these names stand in for the filter's names.</param>
        internal static (string Where, DynamicParameters Parameters) BuildWhere(PartnerFilter filter, IList<NamePattern>? names = null)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();

            // Every list is one parameter (see SqlList), so any number of names, ids or values fits in the statement.
            SqlList.AddMatching(clauses, parameters, "name_key", "name", names ?? filter.Names, PatternKeys.PartnerNames);
            SqlList.AddIn(clauses, parameters, "id", "ids", filter.Ids);
            SqlList.AddIn(clauses, parameters, "type", "types", filter.Types.Select(t => t.ToString()).ToList());
            SqlList.AddIn(clauses, parameters, "tier", "tiers", filter.Tiers.Select(t => t.ToString()).ToList());
            SqlList.AddIn(clauses, parameters, "status", "statuses", filter.Statuses.Select(t => t.ToString()).ToList());
            SqlList.AddIn(clauses, parameters, "country", "countries", filter.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList());
            SqlList.AddMatching(clauses, parameters, "po_key(region)", "region", filter.Regions, PatternKeys.Distinct("po_key(region)", "partners"));

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
    }
}
