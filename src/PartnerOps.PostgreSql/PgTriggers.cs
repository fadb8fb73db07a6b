using System.Collections.Generic;
using System.Linq;
using System.Text;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The PL/pgSQL triggers of a PartnerOps schema: the revenue totals (one row per partner, year, region, segment and currency,
    /// what the measures read) and the history. All are statement-level with transition tables, so a bulk INSERT ... SELECT
    /// or COPY costs one trigger call, not one per row. Each function keeps the search_path it was created with, so a session
    /// with another search_path still writes to this schema's tables.
    /// </summary>
    internal static class PgTriggers
    {
        /// <summary>The trigger functions (dropped with the schema's tables).</summary>
        public static IReadOnlyList<string> Functions =>
            new[] { "po_totals_insert", "po_totals_delete", "po_totals_update" }
                .Concat(Entities.SelectMany(e => new[] { "insert", "update", "delete" }.Select(op => $"po_history_{e.Table}_{op}")))
                .Concat(PgStatusTriggers.Functions).ToList();

        private sealed class Entity
        {
            public Entity(HistoryTable table)
            {
                Name = table.Entity;
                Table = table.Table;
                Id = table.Key.Count == 1 ? "{0}." + table.Key[0] + "::text" : string.Join(" || '/' || ", table.Key.Select(k => "{0}." + k));
                PartnerId = table.PartnerColumn == null ? null : "{0}." + table.PartnerColumn;
                Columns = table.Properties.Select(p => (p.Property, HistoryTable.IsAmount(p.Column) ? Amount("{0}", p.Column) : "{0}." + p.Column)).ToArray();
                Key = string.Join(", ", table.Key);
            }

            public string Name { get; }

            public string Table { get; }

            public string Id { get; }

            public string? PartnerId { get; }

            public (string Property, string Column)[] Columns { get; }

            public string Key { get; }
        }

        // The tables and properties the history records (Data/HistoryTables), as templates of PostgreSQL expressions over a row.
        private static readonly Entity[] Entities = HistoryTable.All.Select(t => new Entity(t)).ToArray();

        /// <summary>
        /// The history's timestamp: UTC, as SQLite's triggers write it ('yyyy-MM-dd HH:mm:ss.fff'), the statement's start.
        /// </summary>
        public const string Now = "to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')";

        /// <summary>The user the transaction set (set_config('partnerops.user', ..., true)), else the database role.</summary>
        public const string User = "coalesce(nullif(current_setting('partnerops.user', true), ''), session_user)";

        /// <summary>
        /// Set to 'on' for a transaction (set_config('partnerops.history_written', 'on', true)) by a writer that writes the
        /// Insert and Update entries of its rows itself (a bulk import: each Insert with its line, every entry numbered in the
        /// file's order, <see cref="InsertHistory"/> and <see cref="UpdateHistory"/>): the insert and update triggers then add
        /// none. Delete entries stay the trigger's.
        /// </summary>
        public const string HistoryWrittenSetting = "partnerops.history_written";

        /// <summary>
        /// The history trigger functions and triggers of the tables the creation script makes (schema 10: every entity but those
        /// of <see cref="HistoryTable.AddedInSchema13"/> and <see cref="HistoryTable.AddedInSchema14"/>, whose steps make theirs
        /// with <see cref="HistorySql(IEnumerable{string}, bool)"/>).
        /// </summary>
        public static string HistorySql() =>
            HistorySql(HistoryTable.All.Select(t => t.Entity).Except(HistoryTable.AddedInSchema13).Except(HistoryTable.AddedInSchema14));

        /// <summary>
        /// The history trigger functions and triggers of the named entities' tables (<see cref="HistoryTable.Entity"/>); with
        /// <paramref name="replace"/>, functions and triggers that exist are made again (a step that adds a property, as schema
        /// 14's Attribution of revenue).
        /// </summary>
        public static string HistorySql(IEnumerable<string> entities, bool replace = false)
        {
            var sql = new StringBuilder();
            string Make(string function, string table, string operation, string referencing) =>
                (replace ? $"DROP TRIGGER IF EXISTS {function} ON {table};\n" : string.Empty) + Trigger(function, table, operation, referencing);
            foreach (var e in Entities.Where(x => entities.Contains(x.Name)))
            {
                sql.Append(Function($"po_history_{e.Table}_insert", $@"
    IF current_setting('{HistoryWrittenSetting}', true) = 'on' THEN RETURN NULL; END IF;
    {InsertHistory(e, "po_new", null)};", replace));
                sql.Append(Make($"po_history_{e.Table}_insert", e.Table, "INSERT", "NEW TABLE AS po_new"));

                var oldPartner = e.PartnerId == null ? "NULL::bigint" : F(e.PartnerId, "o");
                sql.Append(Function($"po_history_{e.Table}_delete", $@"
    INSERT INTO history (at, ""user"", operation, entity, entity_id, partner_id, changes)
    SELECT {Now}, {User}, 'Delete', '{e.Name}', {F(e.Id, "o")}, {oldPartner},
           json_build_object({string.Join(", ", e.Columns.Select(c => $"'{c.Property}', json_build_array({F(c.Column, "o")}, NULL)"))})::text
    FROM po_old o ORDER BY {string.Join(", ", e.Key.Split(',').Select(k => "o." + k.Trim()))};", replace));
                sql.Append(Make($"po_history_{e.Table}_delete", e.Table, "DELETE", "OLD TABLE AS po_old"));

                sql.Append(Function($"po_history_{e.Table}_update", $@"
    IF current_setting('{HistoryWrittenSetting}', true) = 'on' THEN RETURN NULL; END IF;
    {UpdateHistory(e, "po_old", "po_new", null)};", replace));
                sql.Append(Make($"po_history_{e.Table}_update", e.Table, "UPDATE", "OLD TABLE AS po_old NEW TABLE AS po_new"));
            }

            return sql.ToString();
        }

        /// <summary>
        /// The INSERT ... SELECT writing an Insert history entry for each row of <paramref name="rows"/> (a table or CTE with the
        /// entity's columns, as the insert trigger's transition table), in key order, with the user and source of the transaction.
        /// For a bulk writer that set <see cref="HistoryWrittenSetting"/> (the import): <paramref name="line"/> (an expression
        /// over the rows' alias <c>n</c>) gives each record's line of the file, <paramref name="id"/> each entry's history id.
        /// </summary>
        public static string InsertHistory(string entity, string rows, string? line, string? id) =>
            InsertHistory(Entities.Single(e => e.Name == entity), rows, line, id);

        /// <summary>
        /// The INSERT ... SELECT writing an Update entry for each record of <paramref name="newRows"/> (alias <c>n</c>) that changed
        /// from its <paramref name="oldRows"/> row (alias <c>o</c>, joined on the entity's key): only the properties that changed,
        /// [old, new], in the entity's order; a record that changed none gets no entry. <paramref name="id"/> (an expression over
        /// n) gives each entry's history id, or null for the identity's next. The update trigger's statement, and the import's.
        /// </summary>
        public static string UpdateHistory(string entity, string oldRows, string newRows, string? id) =>
            UpdateHistory(Entities.Single(e => e.Name == entity), oldRows, newRows, id);

        private static string InsertHistory(Entity e, string rows, string? line, string? id = null)
        {
            var partner = e.PartnerId == null ? "NULL::bigint" : F(e.PartnerId, "n");
            return $@"INSERT INTO history ({(id == null ? "" : "id, ")}at, ""user"", operation, entity, entity_id, partner_id, changes, source{(line == null ? "" : ", line")})
    SELECT {(id == null ? "" : id + ", ")}(SELECT {Now}), (SELECT {User}), 'Insert', '{e.Name}', {F(e.Id, "n")}, {partner},
           {InsertChanges(e, "n")},
           (SELECT nullif(current_setting('partnerops.source', true), '')){(line == null ? "" : ", " + line)}
    FROM {rows} n{(id == null ? " ORDER BY " + string.Join(", ", e.Key.Split(',').Select(k => "n." + k.Trim())) : "")}";
        }

        // An Insert entry's changes: every property as [null, value], the text json_build_object(p, json_build_array(NULL, v), ...)
        // gives, built by concatenation (to_json escapes each value as json_build_array does), at about half the cost.
        private static string InsertChanges(Entity e, string row) =>
            "'{' || " + string.Join(" || ', ' || ", e.Columns.Select(c => $"'\"{c.Property}\" : [null, ' || coalesce(to_json({F(c.Column, row)})::text, 'null') || ']'")) + " || '}'";

        private static string UpdateHistory(Entity e, string oldRows, string newRows, string? id)
        {
            var pairs = string.Join(",\n            ", e.Columns.Select((c, i) =>
                $"({i}, '{c.Property}', to_json({F(c.Column, "o")}), to_json({F(c.Column, "n")}), ({F(c.Column, "o")}) IS DISTINCT FROM ({F(c.Column, "n")}))"));
            var join = string.Join(" AND ", e.Key.Split(',').Select(k => $"o.{k.Trim()} = n.{k.Trim()}"));
            var newPartner = e.PartnerId == null ? "NULL::bigint" : F(e.PartnerId, "n");
            return $@"INSERT INTO history ({(id == null ? "" : "id, ")}at, ""user"", operation, entity, entity_id, partner_id, changes)
    SELECT {(id == null ? "" : id + ", ")}{Now}, {User}, 'Update', '{e.Name}', {F(e.Id, "n")}, {newPartner}, c.changes
    FROM {oldRows} o JOIN {newRows} n ON {join}
    CROSS JOIN LATERAL (
        SELECT json_object_agg(v.p, json_build_array(v.o, v.n) ORDER BY v.i)::text AS changes
        FROM (VALUES
            {pairs}) AS v(i, p, o, n, changed)
        WHERE v.changed) c
    WHERE c.changes IS NOT NULL
    ORDER BY {string.Join(", ", e.Key.Split(',').Select(k => "n." + k.Trim()))}";
        }

        public static string TotalsSql() =>
            Function("po_totals_insert", @"
    INSERT INTO revenue_totals AS t (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum)
    SELECT coalesce(partner_id, 0), substr(date, 1, 4)::integer, coalesce(region_key, ''), segment_key, currency,
           min(region), min(segment), count(*), sum(amount), min(amount), max(amount)
    FROM po_new GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (partner_key, year, region_key, segment_key, currency) DO UPDATE SET
        count = t.count + excluded.count, total = t.total + excluded.total,
        minimum = LEAST(t.minimum, excluded.minimum), maximum = GREATEST(t.maximum, excluded.maximum),
        region = LEAST(t.region, excluded.region), segment = LEAST(t.segment, excluded.segment);") +
            Trigger("po_totals_insert", "revenue", "INSERT", "NEW TABLE AS po_new") +
            TotalsDeleteFunction() +
            Trigger("po_totals_delete", "revenue", "DELETE", "OLD TABLE AS po_old") +
            Function("po_totals_update", Refresh(@"
            SELECT o.partner_id, o.date, o.region_key, o.segment_key, o.currency FROM po_old o JOIN po_new n ON o.id = n.id
            WHERE (o.partner_id, o.date, o.amount, o.currency, o.segment_key, o.region_key, o.segment, o.region)
                  IS DISTINCT FROM (n.partner_id, n.date, n.amount, n.currency, n.segment_key, n.region_key, n.segment, n.region)
            UNION ALL
            SELECT n.partner_id, n.date, n.region_key, n.segment_key, n.currency FROM po_old o JOIN po_new n ON o.id = n.id
            WHERE (o.partner_id, o.date, o.amount, o.currency, o.segment_key, o.region_key, o.segment, o.region)
                  IS DISTINCT FROM (n.partner_id, n.date, n.amount, n.currency, n.segment_key, n.region_key, n.segment, n.region)")) +
            Trigger("po_totals_update", "revenue", "UPDATE", "OLD TABLE AS po_old NEW TABLE AS po_new");

        /// <summary>
        /// The function of the revenue delete trigger: takes the deleted records' count and amounts off their cells, as SQLite's
        /// row triggers do, and sums a cell again from its records (<see cref="Refresh"/>) only where the deletion changed what a
        /// running sum cannot keep: the cell's smallest or largest amount, or the smallest spelling of its region or segment,
        /// when no record with that value is left; or a cell left empty. Deleting one record of a cell of thousands
        /// so reads no other record, where summing the cell again read them all (Remove-PartnerRevenue of 9,225 piped records of
        /// one cell took 86 s).
        /// </summary>
        /// <param name="replace">CREATE OR REPLACE: the step that brings an older schema's function up to this one.</param>
        public static string TotalsDeleteFunction(bool replace = false) =>
            Function("po_totals_delete", @"
    UPDATE revenue_totals t SET count = t.count - d.n, total = t.total - d.s
    FROM (SELECT coalesce(partner_id, 0) AS pk, substr(date, 1, 4)::integer AS y, coalesce(region_key, '') AS rk, segment_key AS sk,
                 currency AS c, count(*) AS n, sum(amount) AS s
          FROM po_old GROUP BY 1, 2, 3, 4, 5) d
    WHERE t.partner_key = d.pk AND t.year = d.y AND t.region_key = d.rk AND t.segment_key = d.sk AND t.currency = d.c;" +
                Refresh($@"
            SELECT o.partner_id, o.date, o.region_key, o.segment_key, o.currency FROM po_old o
            JOIN revenue_totals t ON t.partner_key = coalesce(o.partner_id, 0) AND t.year = substr(o.date, 1, 4)::integer
                 AND t.region_key = coalesce(o.region_key, '') AND t.segment_key = o.segment_key AND t.currency = o.currency
            WHERE t.count <= 0
               OR (o.amount <= t.minimum AND NOT {Remaining("x.amount <= t.minimum")})
               OR (o.amount >= t.maximum AND NOT {Remaining("x.amount >= t.maximum")})
               OR (o.region = t.region AND NOT {Remaining("x.region = t.region")})
               OR (o.segment = t.segment AND NOT {Remaining("x.segment = t.segment")})"), replace);

        // Whether a record of the cell of deleted row o (the alias of Refresh's rows) is left that meets `condition` (over x).
        private static string Remaining(string condition) => $@"(CASE WHEN o.partner_id IS NULL
                THEN EXISTS (SELECT 1 FROM revenue x WHERE x.partner_id IS NULL AND {CellRows()} AND {condition})
                ELSE EXISTS (SELECT 1 FROM revenue x WHERE x.partner_id = o.partner_id AND {CellRows()} AND {condition}) END)";

        private static string CellRows() =>
            "x.date >= substr(o.date, 1, 4) || '-01-01' AND x.date <= substr(o.date, 1, 4) || '-12-31' " +
            "AND coalesce(x.region_key, '') = coalesce(o.region_key, '') AND x.segment_key = o.segment_key AND x.currency = o.currency";

        // The cells the rows of `rows` fall in are summed again from the records (through revenue_partner: a partner's
        // rows of one year, or the year's direct rows): count, total, smallest and largest amount, and the smallest spelling of
        // region and segment, as SQLite's triggers keep them. A cell left with no records goes.
        private static string Refresh(string rows) => $@"
    WITH cells AS (
        SELECT DISTINCT coalesce(partner_id, 0) AS pk, substr(date, 1, 4)::integer AS y, coalesce(region_key, '') AS rk, segment_key AS sk, currency AS c
        FROM ({rows}) AS changed_rows),
    sums AS (
        SELECT c.pk, c.y, c.rk, c.sk, c.c, min(r.region) AS region, min(r.segment) AS segment, count(*) AS count,
               sum(r.amount) AS total, min(r.amount) AS minimum, max(r.amount) AS maximum
        FROM cells c CROSS JOIN LATERAL (
            SELECT x.region, x.segment, x.amount FROM revenue x
            WHERE x.partner_id = c.pk AND x.date >= c.y || '-01-01' AND x.date <= c.y || '-12-31'
              AND coalesce(x.region_key, '') = c.rk AND x.segment_key = c.sk AND x.currency = c.c
            UNION ALL
            SELECT x.region, x.segment, x.amount FROM revenue x
            WHERE c.pk = 0 AND x.partner_id IS NULL AND x.date >= c.y || '-01-01' AND x.date <= c.y || '-12-31'
              AND coalesce(x.region_key, '') = c.rk AND x.segment_key = c.sk AND x.currency = c.c) r
        GROUP BY c.pk, c.y, c.rk, c.sk, c.c),
    emptied AS (
        DELETE FROM revenue_totals t USING cells c
        WHERE t.partner_key = c.pk AND t.year = c.y AND t.region_key = c.rk AND t.segment_key = c.sk AND t.currency = c.c
          AND NOT EXISTS (SELECT 1 FROM sums s WHERE s.pk = c.pk AND s.y = c.y AND s.rk = c.rk AND s.sk = c.sk AND s.c = c.c))
    INSERT INTO revenue_totals AS t (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum)
    SELECT pk, y, rk, sk, c, region, segment, count, total, minimum, maximum FROM sums
    ON CONFLICT (partner_key, year, region_key, segment_key, currency) DO UPDATE SET
        region = excluded.region, segment = excluded.segment, count = excluded.count, total = excluded.total,
        minimum = excluded.minimum, maximum = excluded.maximum;";

        internal static string Function(string name, string body, bool replace = false) => $@"
CREATE {(replace ? "OR REPLACE " : "")}FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $po$
BEGIN{body}
    RETURN NULL;
END
$po$;
";

        internal static string Trigger(string function, string table, string operation, string referencing) =>
            $"CREATE TRIGGER {function} AFTER {operation} ON {table} REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}();\n";

        private static string F(string template, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, row);

        // An amount as exact decimal text in its currency's minor digits (the column holds whole minor units), as SQLite's
        // history triggers write it: '12.50' for 1250 USD cents, '1250' for 1250 JPY (NULL stays NULL).
        private static string Amount(string row, string column)
        {
            var value = row + "." + column;
            string In(int n) => string.Join(", ", RevenueRules.CurrenciesWithDigits(n).Select(c => "'" + c + "'"));
            return $"(CASE WHEN {row}.currency IN ({In(0)}) THEN {value}::text WHEN {row}.currency IN ({In(3)}) THEN round({value}::numeric / 1000, 3)::text " +
                   $"WHEN {row}.currency IN ({In(4)}) THEN round({value}::numeric / 10000, 4)::text ELSE round({value}::numeric / 100, 2)::text END)";
        }
    }
}
