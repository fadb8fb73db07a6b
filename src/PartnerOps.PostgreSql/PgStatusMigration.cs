using System;
using System.Globalization;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Schema step 12's rows on PostgreSQL: the status_changes of the partners stored before dated statuses, and their
    /// status_since and tier_since, built in the migration's transaction before the status triggers exist.
    /// </summary>
    internal static class PgStatusMigration
    {
        /// <summary>Writes the rows of every stored partner.</summary>
        public static void Run(PgDatabase db)
        {
            var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            db.Execute(
                @"UPDATE partners SET status_since = CASE WHEN status = 'Terminated' THEN coalesce(ended_on, joined_on) ELSE joined_on END, tier_since = joined_on;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, ""user"", recorded_at)
SELECT id, 'Status', NULL, 'Active', joined_on, NULL, @user, @now FROM partners WHERE status = 'Terminated' ORDER BY id;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, ""user"", recorded_at)
SELECT id, 'Status', CASE WHEN status = 'Terminated' THEN 'Active' END, status, status_since, NULL, @user, @now FROM partners ORDER BY id;
INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, ""user"", recorded_at)
SELECT id, 'Tier', NULL, tier, tier_since, NULL, @user, @now FROM partners ORDER BY id;",
                new { user = "PartnerOps migration", now });
        }
    }
}
