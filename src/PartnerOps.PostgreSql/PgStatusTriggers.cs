using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The statement-level triggers that write status_changes (schema 12) from the partners rows, as SQLite's TEMP ones do
    /// (Sqlite.StatusTriggers): an insert records each partner's initial Status and Tier (a partner added as Terminated was
    /// Active from JoinedOn to its end: two Status rows), an update each Status and Tier that changed, dated by status_since
    /// and tier_since, with status_reason as the Status change's reason; with the user of the transaction (<see cref="PgTriggers.User"/>).
    /// A row inserted without status_since or tier_since (empty: a program other than the module wrote it) gets them by the
    /// JoinedOn rule (<see cref="PartnerLookup.StatusSinceOf"/>).
    /// A copy (<see cref="PgDumpWriter"/>) writes status_changes itself and sets <see cref="WrittenSetting"/>, so they add none.
    /// </summary>
    internal static class PgStatusTriggers
    {
        /// <summary>Set to 'on' for a transaction that writes status_changes itself (a copy or restore): the triggers add no row.</summary>
        public const string WrittenSetting = "partnerops.status_written";

        /// <summary>The trigger functions (dropped with the schema's tables).</summary>
        public static string[] Functions { get; } = { "po_status_insert", "po_status_update" };

        private const string Insert = @"
    IF current_setting('" + WrittenSetting + @"', true) = 'on' THEN RETURN NULL; END IF;
    INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, ""user"", recorded_at)
    SELECT n.id, v.attribute, v.from_value, v.to_value, v.effective_on, v.reason, (SELECT " + PgTriggers.User + "), (SELECT " + PgTriggers.Now + ")";

        /// <summary>The functions and triggers (schema step 12, after the stored partners' rows are written).</summary>
        public static string Sql() =>
            PgTriggers.Function("po_status_insert", Insert + @"
    FROM po_new n CROSS JOIN LATERAL (VALUES
        (1, 'Status', NULL::text, 'Active'::text, n.joined_on, NULL::text, n.status = 'Terminated'),
        (2, 'Status', CASE WHEN n.status = 'Terminated' THEN 'Active' END, n.status, " + PartnerLookup.StatusSinceOf("n") + @", n.status_reason, true),
        (3, 'Tier', NULL::text, n.tier, " + PartnerLookup.TierSinceOf("n") + @", NULL::text, true)) AS v(ord, attribute, from_value, to_value, effective_on, reason, kept)
    WHERE v.kept ORDER BY n.id, v.ord;
    IF EXISTS (SELECT 1 FROM po_new n WHERE n.status_since = '' OR n.tier_since = '') THEN
        UPDATE partners p SET status_since = " + PartnerLookup.StatusSinceOf("n") + ", tier_since = " + PartnerLookup.TierSinceOf("n") + @"
        FROM po_new n WHERE p.id = n.id AND (n.status_since = '' OR n.tier_since = '');
    END IF;") +
            PgTriggers.Trigger("po_status_insert", "partners", "INSERT", "NEW TABLE AS po_new") +
            PgTriggers.Function("po_status_update", Insert + @"
    FROM po_old o JOIN po_new n ON o.id = n.id CROSS JOIN LATERAL (VALUES
        (1, 'Status', o.status, n.status, n.status_since, n.status_reason, o.status IS DISTINCT FROM n.status),
        (2, 'Tier', o.tier, n.tier, n.tier_since, NULL::text, o.tier IS DISTINCT FROM n.tier)) AS v(ord, attribute, from_value, to_value, effective_on, reason, kept)
    WHERE v.kept ORDER BY n.id, v.ord;") +
            PgTriggers.Trigger("po_status_update", "partners", "UPDATE", "OLD TABLE AS po_old NEW TABLE AS po_new");
    }
}
