using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The TEMP triggers that write status_changes (schema 12) from the partners row, made with the history triggers
    /// (<see cref="HistoryTriggers.Sql"/>, whose names they share the prefix of, so that a copy drops and makes them with the
    /// history's): an insert records the initial Status and Tier (a partner added as Terminated was Active from JoinedOn to
    /// its end: two Status rows), an update records each of Status and Tier that changed, dated by status_since / tier_since,
    /// with status_reason as the Status change's reason. A row inserted without status_since or tier_since (empty: a program
    /// other than the module wrote it) gets them by the JoinedOn rule (<see cref="PartnerLookup.StatusSinceOf"/>). They are
    /// TEMP because the user's name is known only to the connection.
    /// </summary>
    internal static class StatusTriggers
    {
        /// <summary>How many triggers <see cref="Sql"/> makes.</summary>
        public const int Count = 3;

        private const string Insert =
            "    INSERT INTO main.status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)\n";

        /// <summary>The per-row insert trigger, which a bulk import drops while it writes a batch's rows at once (<see cref="InsertedRange"/>).</summary>
        public const string InsertTrigger = "po_history_status_insert";

        /// <summary>
        /// The rows the insert trigger writes, for the partners whose ids lie between ?1 and ?2 (a bulk import's run of inserted
        /// ids), by user ?3, in id order and each partner's rows in the trigger's order: one statement for a run, not three a row.
        /// </summary>
        public static string InsertedRange { get; } = $@"
INSERT INTO main.status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, user, recorded_at)
SELECT id, attribute, from_value, to_value, effective_on, reason, ?3, strftime('%Y-%m-%d %H:%M:%f', 'now') FROM (
    SELECT p.id, 1 AS k, 'Status' AS attribute, NULL AS from_value, 'Active' AS to_value, p.joined_on AS effective_on, NULL AS reason
    FROM main.partners p WHERE p.id BETWEEN ?1 AND ?2 AND p.status = 'Terminated'
    UNION ALL
    SELECT p.id, 2, 'Status', CASE WHEN p.status = 'Terminated' THEN 'Active' END, p.status, {PartnerLookup.StatusSinceOf("p")}, p.status_reason
    FROM main.partners p WHERE p.id BETWEEN ?1 AND ?2
    UNION ALL
    SELECT p.id, 3, 'Tier', NULL, p.tier, {PartnerLookup.TierSinceOf("p")}, NULL
    FROM main.partners p WHERE p.id BETWEEN ?1 AND ?2)
ORDER BY id, k";

        /// <summary>The statements that (re)create the triggers for a user (<paramref name="literal"/>: the user as an SQL string literal).</summary>
        public static string Sql(string literal)
        {
            const string Now = "strftime('%Y-%m-%d %H:%M:%f', 'now')";
            return $@"DROP TRIGGER IF EXISTS temp.{InsertTrigger};
CREATE TEMP TRIGGER {InsertTrigger} AFTER INSERT ON main.partners
BEGIN
{Insert}    SELECT new.id, 'Status', NULL, 'Active', new.joined_on, NULL, {literal}, {Now} WHERE new.status = 'Terminated';
{Insert}    VALUES (new.id, 'Status', CASE WHEN new.status = 'Terminated' THEN 'Active' END, new.status, {PartnerLookup.StatusSinceOf("new")}, new.status_reason, {literal}, {Now});
{Insert}    VALUES (new.id, 'Tier', NULL, new.tier, {PartnerLookup.TierSinceOf("new")}, NULL, {literal}, {Now});
END;
DROP TRIGGER IF EXISTS temp.po_history_status_since;
CREATE TEMP TRIGGER po_history_status_since AFTER INSERT ON main.partners WHEN new.status_since = '' OR new.tier_since = ''
BEGIN
    UPDATE main.partners SET status_since = {PartnerLookup.StatusSinceOf("new")}, tier_since = {PartnerLookup.TierSinceOf("new")} WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS temp.po_history_status_update;
CREATE TEMP TRIGGER po_history_status_update AFTER UPDATE OF status, tier ON main.partners WHEN old.status IS NOT new.status OR old.tier IS NOT new.tier
BEGIN
{Insert}    SELECT new.id, 'Status', old.status, new.status, new.status_since, new.status_reason, {literal}, {Now} WHERE old.status IS NOT new.status;
{Insert}    SELECT new.id, 'Tier', old.tier, new.tier, new.tier_since, NULL, {literal}, {Now} WHERE old.tier IS NOT new.tier;
END;
";
        }
    }
}
