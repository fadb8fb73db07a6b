using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// The statement that reads status_changes for a <see cref="StatusChangeFilter"/>, the same on every backend
    /// (<see cref="FilterDialect"/> binds the lists), and its rows as <see cref="StatusChange"/>s.
    /// </summary>
    internal static class StatusHistorySql
    {
        /// <summary>The SELECT (partners' name order, then effective date, then id) and its parameters.</summary>
        public static (string Sql, DynamicParameters Parameters) Find(FilterDialect sql, StatusChangeFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (filter.PartnerIds != null)
            {
                // Kept when empty: no partners means no changes.
                clauses.Add(sql.In(parameters, "sc.partner_id", "partnerIds", filter.PartnerIds));
            }

            sql.AddIn(clauses, parameters, "sc.attribute", "attributes", filter.Attributes.Distinct().Select(a => a.ToString()).ToList());
            if (filter.From is DateTime from)
            {
                clauses.Add("sc.effective_on >= @from");
                parameters.Add("from", PartnerRules.FormatDate(from));
            }

            if (filter.To is DateTime to)
            {
                clauses.Add("sc.effective_on <= @to");
                parameters.Add("to", PartnerRules.FormatDate(to));
            }

            var where = clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses);
            return ("SELECT sc.id AS Id, sc.partner_id AS PartnerId, p.name AS Partner, sc.attribute AS Attribute, sc.from_value AS FromValue, " +
                    "sc.to_value AS ToValue, sc.effective_on AS EffectiveOn, sc.reason AS Reason, sc.\"user\" AS UserName, sc.recorded_at AS RecordedAt " +
                    "FROM status_changes sc JOIN partners p ON p.id = sc.partner_id" + where +
                    " ORDER BY p.name_sort, p.name_key, p.id, sc.effective_on, sc.id", parameters);
        }

        /// <summary>One row of <see cref="Find"/>'s statement as stored (read by Dapper by these names).</summary>
        internal sealed class Row
        {
            public long Id { get; set; }

            public long PartnerId { get; set; }

            public string Partner { get; set; } = string.Empty;

            public string Attribute { get; set; } = string.Empty;

            public string? FromValue { get; set; }

            public string ToValue { get; set; } = string.Empty;

            public string EffectiveOn { get; set; } = string.Empty;

            public string? Reason { get; set; }

            public string UserName { get; set; } = string.Empty;

            public string RecordedAt { get; set; } = string.Empty;

            /// <summary>The change as Get-PartnerStatusHistory shows it, of <paramref name="database"/>.</summary>
            /// <exception cref="FormatException">A stored date or timestamp not in its stored form.</exception>
            public StatusChange ToChange(string database) => new StatusChange
            {
                Id = Id,
                PartnerId = PartnerId,
                Partner = Partner,
                Attribute = (StatusAttribute)Enum.Parse(typeof(StatusAttribute), Attribute),
                From = FromValue,
                To = ToValue,
                EffectiveDate = DateTime.ParseExact(EffectiveOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Reason = Reason,
                User = UserName,
                RecordedAt = HistoryTimestamp.Parse(RecordedAt),
                Database = database,
            };
        }
    }
}
