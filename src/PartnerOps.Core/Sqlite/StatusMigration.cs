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
    /// history row of their own: their Insert entry is the batch's (history_runs, history_batches), whose user and time their first
    /// rows take, and whose values are the stored ones with the later changes undone: those the rule takes without an Insert entry.
    /// </summary>
    internal static class StatusMigration
    {
        /// <summary>Writes the rows of every stored partner.</summary>
        public static void Run(SqliteConnection connection, SqliteTransaction transaction)
        {
            var migratedAt = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var entries = StatusTimeline.Group(connection.Query<(string Id, string Operation, string At, string User, string? Changes)>(
                StatusSql.MigrationEntries, transaction: transaction, buffered: false));
            var partners = connection.Query<StatusTimelinePartner>(StatusSql.MigrationPartners, transaction: transaction).AsList();
            var runs = connection.Query<(long First, long Last, string At, string User)>(
                "SELECT r.first_id, r.last_id, b.at, b.user FROM history_runs r JOIN history_batches b ON b.id = r.batch_id WHERE r.entity = 'Partner' ORDER BY r.first_id",
                transaction: transaction).AsList();

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

                // An imported partner's Insert entry is its batch's: its user and time, the values those the rule takes without one
                // (the stored values with the later changes undone, as Get-PartnerHistory shows them).
                var run = ImportedIn(runs, partner.Id);
                if (run != null && !partner.Entries.Any(e => e.IsInsert))
                {
                    partner.Entries.Insert(0, StatusHistoryEntry.Parse("Insert", run.Value.At, run.Value.User, null));
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

        // The batch run (ordered by first id, not overlapping) that holds an id, or null.
        private static (long First, long Last, string At, string User)? ImportedIn(List<(long First, long Last, string At, string User)> runs, long id)
        {
            int low = 0, high = runs.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (runs[middle].Last < id)
                {
                    low = middle + 1;
                }
                else if (runs[middle].First > id)
                {
                    high = middle - 1;
                }
                else
                {
                    return runs[middle];
                }
            }

            return null;
        }
    }
}
