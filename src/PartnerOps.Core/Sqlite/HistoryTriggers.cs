using System.Collections.Generic;
using System.Linq;
using System.Text;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The TEMP triggers each connection adds so that every insert, update and delete of a table the history records
    /// (<see cref="HistoryTable.All"/>) writes a history row in the same transaction. They are TEMP because the
    /// user's name is known only to the connection (a schema trigger cannot read it).
    /// </summary>
    internal static class HistoryTriggers
    {
        private sealed class Entity
        {
            public Entity(HistoryTable table)
            {
                Name = table.Entity;
                Table = table.Table;
                Id = string.Join(" || '/' || ", table.Key.Select(k => "{0}." + k));
                PartnerId = table.PartnerColumn == null ? null : "{0}." + table.PartnerColumn;
                Columns = table.Properties.Select(p => (p.Property, HistoryTable.IsAmount(p.Column) ? Amount("{0}", p.Column) : "{0}." + p.Column)).ToArray();
            }

            public string Name { get; }

            public string Table { get; }

            public string Id { get; }

            public string? PartnerId { get; }

            public (string Property, string Column)[] Columns { get; }
        }

        // The tables and properties the history records (Data/HistoryTables), as templates of SQLite expressions over a row.
        private static readonly Entity[] Entities = HistoryTable.All.Select(t => new Entity(t)).ToArray();

        /// <summary>How many triggers <see cref="Sql"/> makes (with the <see cref="StatusTriggers"/>).</summary>
        public static int Count => Entities.Length * 3 + StatusTriggers.Count;

        /// <summary>The statements that (re)create the triggers for a user (the status triggers too, <see cref="StatusTriggers"/>).</summary>
        public static string Sql(string user)
        {
            var literal = "'" + user.Replace("'", "''") + "'";
            var sql = new StringBuilder();
            foreach (var entity in Entities)
            {
                foreach (var operation in new[] { "Insert", "Update", "Delete" })
                {
                    var row = operation == "Delete" ? "old" : "new";
                    string changes;
                    var when = string.Empty;
                    if (operation == "Update")
                    {
                        // Only the properties that changed; an update that changed none is not recorded.
                        var pairs = string.Join(" UNION ALL ", entity.Columns.Select(c =>
                            $"SELECT '{c.Property}' AS p, {Fill(c.Column, "old")} AS o, {Fill(c.Column, "new")} AS n"));
                        changes = $"(SELECT json_group_object(p, json_array(o, n)) FROM ({pairs}) WHERE o IS NOT n)";
                        when = " WHEN " + string.Join(" OR ", entity.Columns.Select(c => $"{Fill(c.Column, "old")} IS NOT {Fill(c.Column, "new")}"));
                    }
                    else
                    {
                        // Every property (one json_object is the cheap form); HistoryRepository leaves out those without a value.
                        changes = "json_object(" + string.Join(", ", entity.Columns.Select(c => operation == "Insert"
                            ? $"'{c.Property}', json_array(NULL, {Fill(c.Column, row)})"
                            : $"'{c.Property}', json_array({Fill(c.Column, row)}, NULL)")) + ")";
                    }

                    var partnerId = entity.PartnerId == null ? "NULL" : Fill(entity.PartnerId, row);
                    sql.Append($"DROP TRIGGER IF EXISTS temp.po_history_{entity.Table}_{operation.ToLowerInvariant()};\n");
                    sql.Append($"CREATE TEMP TRIGGER po_history_{entity.Table}_{operation.ToLowerInvariant()} AFTER {operation.ToUpperInvariant()} ON main.{entity.Table}{when}\nBEGIN\n");
                    sql.Append("    INSERT INTO history (id, at, user, operation, entity, entity_id, partner_id, changes)\n");
                    sql.Append($"    VALUES ({NextId}, strftime('%Y-%m-%d %H:%M:%f', 'now'), {literal}, '{operation}', '{entity.Name}', {Fill(entity.Id, row)}, {partnerId}, {changes});\n");
                    sql.Append("END;\n");
                }
            }

            return sql.Append(StatusTriggers.Sql(literal)).ToString();
        }

        /// <summary>
        /// The next history id: above every history row and every block of ids a bulk import's batch reserved
        /// (history_batches.id is a block's highest), so no two entries ever share an id and ids follow the order of commits.
        /// </summary>
        public const string NextId =
            "(SELECT max(coalesce((SELECT max(id) FROM main.history), 0), coalesce((SELECT max(id) FROM main.history_batches), 0)) + 1)";

        /// <summary>
        /// SQL of one column: a stored row's values as an Insert entry holds them (JSON, <c>{"Property": [null, value]}</c>, every
        /// property in the entity's order), for the row whose id is @id; no row when it is not stored.
        /// </summary>
        public static string StoredValues(HistoryEntity entity)
        {
            var e = Entities.Single(x => x.Name == entity.ToString());
            return $"SELECT {InsertedValues(e, "t")} FROM main.{e.Table} t WHERE t.id = @id";
        }

        /// <summary>
        /// SQL of the stored rows of an entity's table whose ids lie between @first and @last, in id order: the id, the partner
        /// id a history entry of the row names, the row's values as <see cref="StoredValues"/> gives them, and whether any
        /// Update or Delete entry names the row (1 or 0; the index history_changes finds them).
        /// </summary>
        public static string StoredRange(HistoryEntity entity)
        {
            var e = Entities.Single(x => x.Name == entity.ToString());
            return $"SELECT t.id, {(e.PartnerId == null ? "NULL" : Fill(e.PartnerId, "t"))}, {InsertedValues(e, "t")}, " +
                   $"EXISTS (SELECT 1 FROM main.history h WHERE h.entity = '{e.Name}' AND h.entity_id = CAST(t.id AS TEXT) AND h.operation <> 'Insert') " +
                   $"FROM main.{e.Table} t WHERE t.id BETWEEN @first AND @last ORDER BY t.id";
        }

        /// <summary>The name of the per-row insert trigger of an entity's table.</summary>
        public static string InsertTrigger(string entityName) =>
            $"po_history_{Entities.Single(e => e.Name == entityName).Table}_insert";

        // An Insert entry's changes over a row alias: every property in the entity's order, as the insert triggers write them.
        private static string InsertedValues(Entity e, string row) =>
            "json_object(" + string.Join(", ", e.Columns.Select(c => $"'{c.Property}', json_array(NULL, {Fill(c.Column, row)})")) + ")";

        private static string Fill(string template, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, row);

        // An amount as exact decimal text in its currency's minor digits (the column holds whole minor units; NULL stays NULL).
        private static string Amount(string row, string column)
        {
            var value = row + "." + column;
            string Digits(int n) =>
                $"(CASE WHEN {value} < 0 THEN '-' ELSE '' END) || (abs({value}) / {Pow(n)}) || '.' || printf('%0{n}d', abs({value}) % {Pow(n)})";
            string In(int n) => string.Join(", ", RevenueRules.CurrenciesWithDigits(n).Select(c => "'" + c + "'"));
            return $"(CASE WHEN {value} IS NULL THEN NULL WHEN {row}.currency IN ({In(0)}) THEN CAST({value} AS TEXT) WHEN {row}.currency IN ({In(3)}) THEN {Digits(3)} " +
                   $"WHEN {row}.currency IN ({In(4)}) THEN {Digits(4)} ELSE {Digits(2)} END)";
        }

        private static int Pow(int digits) => digits == 4 ? 10000 : digits == 3 ? 1000 : 100;
    }
}
