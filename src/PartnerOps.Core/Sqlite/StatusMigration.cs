using System;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Schema step 12's rows: the status_changes of the partners stored before dated statuses, and their status_since and
    /// tier_since, built in the migration's transaction (the TEMP triggers do not exist yet, so nothing else is written).
    /// </summary>
    internal static class StatusMigration
    {
        /// <summary>Writes the rows of every stored partner.</summary>
        public static void Run(SqliteConnection connection, SqliteTransaction transaction)
        {
            connection.Execute(
                @"UPDATE partners SET status_since = CASE WHEN status = 'Terminated' THEN coalesce(ended_on, joined_on) ELSE joined_on END, tier_since = joined_on;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT id, 'Status', NULL, 'Active', joined_on, NULL, @user, @now FROM partners WHERE status = 'Terminated' ORDER BY id;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT id, 'Status', CASE WHEN status = 'Terminated' THEN 'Active' END, status, status_since, NULL, @user, @now FROM partners ORDER BY id;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT id, 'Tier', NULL, tier, tier_since, NULL, @user, @now FROM partners ORDER BY id;",
                new { user = StatusTimelineUser, now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) },
                transaction);
        }

        /// <summary>The user of the rows the migration builds that no history entry names.</summary>
        public const string StatusTimelineUser = "PartnerOps migration";
    }
}
