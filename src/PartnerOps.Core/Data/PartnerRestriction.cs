using System.Collections.Generic;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>The condition of a filter restricted to some partners (ids, name patterns), the same for every record that names a partner.</summary>
    internal static class PartnerRestriction
    {
        /// <summary>
        /// <c>column</c> (a partner id) among <paramref name="ids"/> or the ids of the partners whose name key matches one of
        /// <paramref name="names"/> (as Get-Partner matches names); never true when both are empty (no partner named matched).
        /// </summary>
        public static string Clause(FilterDialect sql, DynamicParameters parameters, string column, ICollection<long> ids, IList<NamePattern> names)
        {
            var alternatives = new List<string>();
            if (ids.Count > 0)
            {
                alternatives.Add(sql.In(parameters, column, "partnerIds", ids));
            }

            if (names.Count > 0)
            {
                alternatives.Add($"{column} IN (SELECT id FROM partners WHERE {sql.Matching(parameters, "name_key", "partnerName", names, "name_key", "partners", indexed: true)})");
            }

            return alternatives.Count == 0 ? sql.False : "(" + string.Join(" OR ", alternatives) + ")";
        }
    }
}
