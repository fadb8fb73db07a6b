using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Schema step 12's rows on SQLite: the status_changes of the partners stored before dated statuses, and their status_since
    /// and tier_since, built by <see cref="StatusTimeline"/> from the partners and their history rows, in the migration's
    /// transaction (the TEMP status triggers do not exist yet, so nothing else is written). Partners imported in a batch have no
    /// history row of their own (their Insert entries are the batch's, read from the stored row), so their first values are those
    /// the rule takes without an Insert entry.
    /// </summary>
    internal static class StatusMigration
    {
        /// <summary>Writes the rows of every stored partner.</summary>
        public static void Run(SqliteConnection connection, SqliteTransaction transaction)
        {
            var migratedAt = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var entries = Entries(connection.Query<(string Id, string Operation, string At, string User, string? Changes)>(
                EntriesSql, transaction: transaction, buffered: false));
            var partners = connection.Query<StatusTimelinePartner>(PartnersSql, transaction: transaction).AsList();

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at) " +
                                 "VALUES ($p, $a, $f, $t, $e, NULL, $u, $r)";
            var values = new[] { "$p", "$a", "$f", "$t", "$e", "$u", "$r" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            using var since = connection.CreateCommand();
            since.Transaction = transaction;
            since.CommandText = "UPDATE partners SET status_since = $s, tier_since = $t WHERE id = $id";
            var dates = new[] { "$s", "$t", "$id" }.Select(n => since.Parameters.Add(n, SqliteType.Text)).ToArray();
            foreach (var partner in partners)
            {
                if (entries.TryGetValue(partner.Id, out var own))
                {
                    foreach (var entry in own)
                    {
                        partner.Entries.Add(entry);
                    }
                }

                var rows = StatusTimeline.Build(partner, migratedAt);
                foreach (var row in rows)
                {
                    values[0].Value = row.PartnerId;
                    values[1].Value = row.Attribute;
                    values[2].Value = (object?)row.From ?? DBNull.Value;
                    values[3].Value = row.To;
                    values[4].Value = row.EffectiveOn;
                    values[5].Value = row.User;
                    values[6].Value = row.RecordedAt;
                    insert.ExecuteNonQuery();
                }

                dates[0].Value = StatusTimeline.Since(rows, StatusSql.Status);
                dates[1].Value = StatusTimeline.Since(rows, StatusSql.Tier);
                dates[2].Value = partner.Id;
                since.ExecuteNonQuery();
            }
        }

        /// <summary>The partners' values the rule reads, by id.</summary>
        internal const string PartnersSql =
            "SELECT id AS Id, status AS Status, tier AS Tier, joined_on AS JoinedOn, ended_on AS EndedOn, updated_at AS UpdatedAt FROM partners ORDER BY id";

        /// <summary>
        /// The partners' Insert entries and the Update entries that may hold Status or Tier, in id order (the text test only
        /// narrows the read: each entry's JSON is parsed).
        /// </summary>
        internal const string EntriesSql =
            "SELECT entity_id, operation, at, \"user\", changes FROM history WHERE entity = 'Partner' " +
            "AND (operation = 'Insert' OR (operation = 'Update' AND (changes LIKE '%\"Status\"%' OR changes LIKE '%\"Tier\"%'))) ORDER BY id";

        /// <summary>The entries of <see cref="EntriesSql"/> parsed and grouped by partner id (in id order within each).</summary>
        internal static Dictionary<long, List<StatusHistoryEntry>> Entries(IEnumerable<(string Id, string Operation, string At, string User, string? Changes)> rows)
        {
            var entries = new Dictionary<long, List<StatusHistoryEntry>>();
            foreach (var row in rows)
            {
                if (!long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    continue;
                }

                if (!entries.TryGetValue(id, out var list))
                {
                    entries[id] = list = new List<StatusHistoryEntry>();
                }

                list.Add(StatusHistoryEntry.Parse(row.Operation, row.At, row.User, row.Changes));
            }

            return entries;
        }
    }
}
