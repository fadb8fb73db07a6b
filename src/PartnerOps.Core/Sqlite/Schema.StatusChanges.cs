namespace PartnerOps.Sqlite
{
    /// <summary>Schema step 12 (see <see cref="Migrations"/>): dated statuses and tiers.</summary>
    public static partial class Schema
    {
        /// <summary>The version whose step adds status_changes; its rows are then built from what the database holds (StatusMigration).</summary>
        internal const int StatusChangesVersion = 12;

        // Step 12: each change of a partner's Status or Tier is a row of status_changes, dated by the calendar day it takes effect
        // (effective_on, 'yyyy-MM-dd'), written by the connection's TEMP triggers (StatusTriggers) from the partners row's
        // status_since, tier_since and status_reason. The rows of the partners stored before are built afterwards, in the same
        // transaction, from their JoinedOn, EndedOn and history (StatusMigration). A partner's rows go with it (ON DELETE CASCADE).
        // Self-contained: one table, two indexes, three columns.
        private static string StatusChanges() => @"
CREATE TABLE status_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id   INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    attribute    TEXT NOT NULL CHECK (attribute IN ('Status','Tier')),
    from_value   TEXT,
    to_value     TEXT NOT NULL,
    effective_on TEXT NOT NULL,
    reason       TEXT,
    user         TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);
CREATE INDEX status_changes_partner ON status_changes (partner_id, attribute, effective_on, id);
CREATE INDEX status_changes_effective ON status_changes (attribute, effective_on);

ALTER TABLE partners ADD COLUMN status_since TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN tier_since TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN status_reason TEXT;
";
    }
}
