using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>The kind of value a column of the dump holds (<see cref="DumpColumn"/>).</summary>
    public enum DumpColumnType
    {
        /// <summary>Text (a string): names, codes, 'yyyy-MM-dd' dates, timestamps as stored, exact decimals, JSON.</summary>
        Text,

        /// <summary>A 64-bit integer (a long): ids, money in whole minor units, counts, line numbers.</summary>
        Int64,

        /// <summary>An integer that always fits 32 bits, read and written as a long: a year.</summary>
        Int32,
    }

    /// <summary>One column of a table of the dump: its name (the same on every backend) and its kind of value.</summary>
    public sealed class DumpColumn
    {
        /// <summary>A column named <paramref name="name"/> holding values of <paramref name="type"/>.</summary>
        public DumpColumn(string name, DumpColumnType type)
        {
            Name = name;
            Type = type;
        }

        /// <summary>The column's name in every backend's schema ("user" is quoted where the engine needs it).</summary>
        public string Name { get; }

        /// <summary>The kind of value the column holds.</summary>
        public DumpColumnType Type { get; }
    }

    /// <summary>
    /// One table of the dump: its name and columns in the canonical order (every backend reads and writes rows in that order),
    /// the columns its rows are ordered by, and its id column when the engine numbers its rows (partners, revenue, targets,
    /// history): a copy keeps ids, and the destination's counter is moved past them.
    /// </summary>
    public sealed class DumpTable
    {
        internal DumpTable(string name, string orderBy, string? idColumn, params (string Name, DumpColumnType Type)[] columns)
        {
            Name = name;
            OrderBy = orderBy;
            IdColumn = idColumn;
            Columns = columns.Select(c => new DumpColumn(c.Name, c.Type)).ToList();
        }

        /// <summary>The table's name in every backend's schema.</summary>
        public string Name { get; }

        /// <summary>The columns, in the order a row (an object array) holds their values.</summary>
        public IReadOnlyList<DumpColumn> Columns { get; }

        /// <summary>The columns the rows are read in order of (comma-separated): the table's key.</summary>
        public string OrderBy { get; }

        /// <summary>The column the engine numbers (null for exchange rates, keyed by their values).</summary>
        public string? IdColumn { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>
    /// What Copy-PartnerDatabase and a server's Backup-PartnerDatabase move between backends: every PartnerOps table as rows of
    /// values in a canonical column order (the columns both schemas share, docs/architecture.md), read from one consistent
    /// snapshot (<see cref="IDatabaseSnapshot"/>) and written in one transaction (<see cref="IPartnerDatabase.Restore"/>).
    /// The history comes as one row per entry, imported entries included with their source file and line. The revenue
    /// totals are not in the dump: every backend keeps them from the records, so the destination sums them again.
    /// </summary>
    public static partial class DatabaseDump
    {
        private const DumpColumnType Text = DumpColumnType.Text;
        private const DumpColumnType Int64 = DumpColumnType.Int64;

        /// <summary>Partners, ordered by id.</summary>
        public static DumpTable Partners { get; } = new DumpTable("partners", "id", "id",
            ("id", Int64), ("name", Text), ("name_key", Text), ("name_dup", Int64), ("name_sort", Text), ("type", Text), ("tier", Text),
            ("status", Text), ("region", Text), ("country", Text), ("joined_on", Text), ("ended_on", Text), ("notes", Text),
            ("created_at", Text), ("updated_at", Text), ("status_since", Text), ("tier_since", Text), ("status_reason", Text));

        /// <summary>
        /// The dated changes of partners' Status and Tier (schema 12), ordered by id: written as rows, never by the destination's
        /// triggers (a copy writes each change once).
        /// </summary>
        public static DumpTable StatusChanges { get; } = new DumpTable("status_changes", "id", "id",
            ("id", Int64), ("partner_id", Int64), ("attribute", Text), ("from_value", Text), ("to_value", Text), ("effective_on", Text),
            ("reason", Text), ("user", Text), ("recorded_at", Text));

        /// <summary>
        /// Revenue records (amounts in whole minor units of their currency; attribution Sourced, Influenced or Fulfilled for a
        /// partner's record from schema 14, null for direct revenue), ordered by id.
        /// </summary>
        public static DumpTable Revenue { get; } = new DumpTable("revenue", "id", "id",
            ("id", Int64), ("partner_id", Int64), ("date", Text), ("amount", Int64), ("currency", Text), ("segment", Text),
            ("segment_key", Text), ("region", Text), ("region_key", Text), ("reference", Text), ("created_at", Text), ("attribution", Text));

        /// <summary>Yearly exchange rates (exact decimal text), ordered by their key.</summary>
        public static DumpTable ExchangeRates { get; } = new DumpTable("exchange_rates", "from_currency, to_currency, year", null,
            ("from_currency", Text), ("to_currency", Text), ("year", DumpColumnType.Int32), ("rate", Text), ("updated_at", Text));

        /// <summary>Yearly targets, ordered by id.</summary>
        public static DumpTable Targets { get; } = new DumpTable("targets", "id", "id",
            ("id", Int64), ("metric", Text), ("region", Text), ("region_key", Text), ("year", DumpColumnType.Int32), ("value", Text),
            ("currency", Text), ("created_at", Text), ("updated_at", Text), ("statuses", Text));

        /// <summary>A partner's contacts (schema 13; dates 'yyyy-MM-dd' text), ordered by id.</summary>
        public static DumpTable Contacts { get; } = new DumpTable("contacts", "id", "id",
            ("id", Int64), ("partner_id", Int64), ("name", Text), ("email", Text), ("email_key", Text), ("role", Text), ("role_key", Text),
            ("phone", Text), ("started_on", Text), ("ended_on", Text), ("created_at", Text), ("updated_at", Text));

        /// <summary>The contacts' certifications (schema 13), ordered by id: after <see cref="Contacts"/>, which they refer to.</summary>
        public static DumpTable Certifications { get; } = new DumpTable("certifications", "id", "id",
            ("id", Int64), ("contact_id", Int64), ("partner_id", Int64), ("name", Text), ("name_key", Text), ("earned_on", Text),
            ("expires_on", Text), ("created_at", Text), ("updated_at", Text));

        /// <summary>Tier rules (schema 13; min_revenue in whole minor units of currency), ordered by id.</summary>
        public static DumpTable TierRules { get; } = new DumpTable("tier_rules", "id", "id",
            ("id", Int64), ("tier", Text), ("region", Text), ("region_key", Text), ("type", Text), ("type_key", Text), ("min_revenue", Int64),
            ("currency", Text), ("revenue_months", DumpColumnType.Int32), ("min_certified", DumpColumnType.Int32), ("certification", Text),
            ("min_months_active", DumpColumnType.Int32), ("created_at", Text), ("updated_at", Text));

        /// <summary>
        /// Partners' registered deals (schema 14, issue 19; dates 'yyyy-MM-dd' text, amount in whole minor units of currency),
        /// ordered by id: after <see cref="Revenue"/>, which a won deal's revenue_id refers to.
        /// </summary>
        public static DumpTable Deals { get; } = new DumpTable("deals", "id", "id",
            ("id", Int64), ("partner_id", Int64), ("customer", Text), ("customer_key", Text), ("customer_match_key", Text), ("customer_country", Text), ("segment", Text),
            ("segment_key", Text), ("product", Text), ("amount", Int64), ("currency", Text), ("expected_close", Text), ("reference", Text),
            ("status", Text), ("registered_on", Text), ("expires_on", Text), ("decided_on", Text), ("closed_on", Text), ("reason", Text), ("reason_on", Text),
            ("revenue_id", Int64), ("won_amount", Int64), ("won_currency", Text), ("created_at", Text), ("updated_at", Text));

        /// <summary>
        /// The history, one row per entry ordered by id: the time (UTC text as stored), user, operation, entity, the changes
        /// (JSON text, <c>{"Property": [old, new], ...}</c>) and, for an imported record, its source file and line.
        /// </summary>
        public static DumpTable History { get; } = new DumpTable("history", "id", "id",
            ("id", Int64), ("at", Text), ("user", Text), ("operation", Text), ("entity", Text), ("entity_id", Text), ("partner_id", Int64),
            ("changes", Text), ("source", Text), ("line", Int64));

        /// <summary>The tables in the order they are written (partners before the revenue that refers to them).</summary>
        public static IReadOnlyList<DumpTable> Tables { get; } =
            new[] { Partners, StatusChanges, Revenue, ExchangeRates, Targets, Contacts, Certifications, TierRules, Deals, History };

        /// <summary>
        /// The meta keys each backend keeps for itself (what marks the database as PartnerOps's, and its schema version): not
        /// copied. Every other meta row (the reporting currency, when the database was created) is.
        /// </summary>
        public static IReadOnlyCollection<string> OwnMetaKeys { get; } = new[] { "application_id", "schema_version" };

        /// <summary>Whether the meta row <paramref name="key"/> is copied (<see cref="OwnMetaKeys"/>).</summary>
        public static bool CopiesMeta(string key) => !OwnMetaKeys.Contains(key, StringComparer.Ordinal);

        /// <summary>
        /// A value read from an engine as the dump holds it: null, a string for Text, a long for Int64 and Int32. An integer
        /// stored as whole-number text or a real (another program wrote it) is read as its integer.
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseInvalid (InvalidData) when the value cannot be one of its column's kind (a binary value, text that is no whole number).</exception>
        public static object? Canonical(DumpTable table, DumpColumn column, object? value, string database)
        {
            if (value == null || value is DBNull)
            {
                return null;
            }

            if (column.Type == DumpColumnType.Text && !(value is byte[]))
            {
                return value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
            }

            switch (column.Type == DumpColumnType.Text ? null : value)
            {
                case long l:
                    return l;
                case int i:
                    return (long)i;
                case short s:
                    return (long)s;
                case double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18:
                    return (long)d;
                case decimal m when m == decimal.Truncate(m) && Math.Abs(m) <= long.MaxValue:
                    return (long)m;
                case string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
            }

            var shown = value is byte[] ? "a binary value" : "'" + TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture)) + "'";
            throw new PartnerOpsException(
                ErrorIds.DatabaseInvalid,
                FailureKind.InvalidData,
                $"'{database}' holds {shown} in " +
                $"{table.Name}.{column.Name}, which must be {(column.Type == DumpColumnType.Text ? "text" : "a whole number")} (another program wrote it), " +
                "so it cannot be copied. Nothing was copied; Test-PartnerDatabase -Detailed checks the database.",
                database);
        }

        /// <summary>
        /// The failure of a copy into a database that already holds partners, revenue, rates, targets, tier rules or history, without -Force.
        /// </summary>
        public static PartnerOpsException DestinationNotEmpty(string destination) => new PartnerOpsException(
            ErrorIds.DestinationNotEmpty,
            FailureKind.AlreadyExists,
            $"The destination '{destination}' already holds PartnerOps data, so nothing was copied into it. Use -Force to replace its PartnerOps data " +
            "with the copy (other tables there are left alone), or give a new or empty destination.",
            destination);
    }
}
