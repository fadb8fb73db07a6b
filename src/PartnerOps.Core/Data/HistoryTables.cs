using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// What the history records of each table, on every backend: the entity name a history entry carries, the table, the key
    /// columns that make its EntityId (joined with '/'), the column naming the partner the change concerns, and the properties
    /// an entry's Changes hold, each with its column, in the order entries list them. Each backend's triggers are written
    /// from this one list (Sqlite/HistoryTriggers, PostgreSql/PgTriggers). The <see cref="AmountColumn"/> of revenue and the
    /// <see cref="MinRevenueColumn"/> of tier rules hold whole minor units of the row's currency column; entries show them as exact
    /// decimal text in that currency's minor digits (<see cref="IsAmount"/>).
    /// </summary>
    public sealed class HistoryTable
    {
        private HistoryTable(string entity, string table, string[] key, string? partnerColumn, params (string Property, string Column)[] properties)
        {
            Entity = entity;
            Table = table;
            Key = key;
            PartnerColumn = partnerColumn;
            Properties = properties;
        }

        /// <summary>The column of whole minor units (revenue's, and a deal's estimate, schema 14), shown as decimal text in entries.</summary>
        public const string AmountColumn = "amount";

        /// <summary>A tier rule's revenue threshold in whole minor units of its currency (schema 13), shown as decimal text in entries.</summary>
        public const string MinRevenueColumn = "min_revenue";

        /// <summary>
        /// Whether <paramref name="column"/> holds whole minor units of the row's <c>currency</c> column, which the triggers write
        /// into entries as exact decimal text (revenue's amount, a tier rule's min_revenue).
        /// </summary>
        public static bool IsAmount(string column) => column == AmountColumn || column == MinRevenueColumn;

        /// <summary>The entity name entries carry (Partner, Revenue, Target, ExchangeRate; Contact, Certification, TierRule from schema 13; Deal from schema 14).</summary>
        public string Entity { get; }

        /// <summary>The table.</summary>
        public string Table { get; }

        /// <summary>The key columns, in the order EntityId joins them with '/': one (id) for all but exchange rates.</summary>
        public IReadOnlyList<string> Key { get; }

        /// <summary>The column naming the partner a change concerns, or null (targets, exchange rates, tier rules); a deal's partner.</summary>
        public string? PartnerColumn { get; }

        /// <summary>The properties an entry's Changes hold, each with its column, in the entries' order.</summary>
        public IReadOnlyList<(string Property, string Column)> Properties { get; }

        /// <summary>Every table the history records, in the order their triggers are made.</summary>
        public static IReadOnlyList<HistoryTable> All { get; } = new[]
        {
            new HistoryTable("Partner", "partners", new[] { "id" }, "id",
                ("Name", "name"), ("Type", "type"), ("Tier", "tier"), ("Status", "status"), ("Region", "region"),
                ("Country", "country"), ("JoinedOn", "joined_on"), ("EndedOn", "ended_on"), ("Notes", "notes")),
            new HistoryTable("Revenue", "revenue", new[] { "id" }, "partner_id",
                ("PartnerId", "partner_id"), ("Date", "date"), ("Amount", AmountColumn), ("Currency", "currency"),
                ("Segment", "segment"), ("Region", "region"), ("Reference", "reference"), ("Attribution", "attribution")),
            new HistoryTable("Target", "targets", new[] { "id" }, null,
                ("Metric", "metric"), ("Region", "region"), ("Year", "year"), ("Value", "value"), ("Currency", "currency"), ("Statuses", "statuses")),
            new HistoryTable("ExchangeRate", "exchange_rates", new[] { "from_currency", "to_currency", "year" }, null,
                ("From", "from_currency"), ("To", "to_currency"), ("Year", "year"), ("Rate", "rate")),
            new HistoryTable("Contact", "contacts", new[] { "id" }, "partner_id",
                ("PartnerId", "partner_id"), ("Name", "name"), ("Email", "email"), ("Role", "role"), ("Phone", "phone"),
                ("StartedOn", "started_on"), ("EndedOn", "ended_on")),
            new HistoryTable("Certification", "certifications", new[] { "id" }, "partner_id",
                ("PartnerId", "partner_id"), ("ContactId", "contact_id"), ("Name", "name"), ("EarnedOn", "earned_on"), ("ExpiresOn", "expires_on")),
            new HistoryTable("TierRule", "tier_rules", new[] { "id" }, null,
                ("Tier", "tier"), ("Region", "region"), ("Type", "type"), ("MinRevenue", MinRevenueColumn), ("Currency", "currency"),
                ("RevenueMonths", "revenue_months"), ("MinCertified", "min_certified"), ("Certification", "certification"),
                ("MinMonthsActive", "min_months_active")),
            new HistoryTable("Deal", "deals", new[] { "id" }, "partner_id",
                ("PartnerId", "partner_id"), ("Customer", "customer"), ("CustomerCountry", "customer_country"), ("Segment", "segment"),
                ("Product", "product"), ("Amount", AmountColumn), ("Currency", "currency"), ("ExpectedClose", "expected_close"),
                ("Reference", "reference"), ("Status", "status"), ("RegisteredOn", "registered_on"), ("ExpiresOn", "expires_on"),
                ("DecidedOn", "decided_on"), ("ClosedOn", "closed_on"), ("Reason", "reason"), ("RevenueId", "revenue_id"),
                ("WonAmount", "won_amount"), ("WonCurrency", "won_currency")),
        };

        /// <summary>
        /// The entities whose tables schema 13 added (contacts, certifications, tier rules): their history triggers are made by
        /// that step on PostgreSQL (whose creation script is at version 10); every table before them exists from the start.
        /// </summary>
        public static IReadOnlyList<string> AddedInSchema13 { get; } = new[] { "Contact", "Certification", "TierRule" };

        /// <summary>
        /// The entities whose tables schema 14 added (deals, issue 19): their history triggers are made by that step on PostgreSQL.
        /// </summary>
        public static IReadOnlyList<string> AddedInSchema14 { get; } = new[] { "Deal" };

        /// <summary>The table recording <paramref name="entity"/>.</summary>
        public static HistoryTable Of(string entity) => All.Single(t => t.Entity == entity);
    }
}
