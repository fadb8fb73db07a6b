using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// The one "as of a day" rule of dated statuses and tiers, as SQL over the status_changes table (schema 12), the same text on
    /// every backend (SQLite and PostgreSQL): the value a partner had on a day is the to_value of its latest change of that
    /// attribute effective on or before the day (latest by effective_on, then id); on a day before its first change, the first
    /// change's value (from JoinedOn until its first dated status a partner is taken to have had that first status); with no
    /// change at all, the partners row's current value. Each expression is a correlated subquery over the index
    /// status_changes_partner (partner_id, attribute, effective_on, id). Days are 'yyyy-MM-dd' text parameters.
    /// </summary>
    internal static class StatusSql
    {
        /// <summary>The attribute of Status changes (status_changes.attribute).</summary>
        public const string Status = "Status";

        /// <summary>The attribute of Tier changes (status_changes.attribute).</summary>
        public const string Tier = "Tier";

        /// <summary>
        /// The value ('Status': a <see cref="PartnerStatus"/> name; 'Tier': a <see cref="PartnerTier"/> name) partner
        /// <paramref name="alias"/>.id had on the day in @<paramref name="dateParameter"/> ('yyyy-MM-dd').
        /// </summary>
        /// <exception cref="ArgumentException">The attribute is neither 'Status' nor 'Tier'.</exception>
        public static string On(string attribute, string alias, string dateParameter) =>
            $"coalesce({Latest("to_value", attribute, alias, dateParameter)}, {First("to_value", attribute, alias)}, {alias}.{Column(attribute)})";

        /// <summary>
        /// The effective_on ('yyyy-MM-dd') of the value <see cref="On"/> gives: the latest change's on or before the day; on a
        /// day before the first change (or with none), <paramref name="alias"/>.joined_on.
        /// </summary>
        /// <exception cref="ArgumentException">The attribute is neither 'Status' nor 'Tier'.</exception>
        public static string SinceOn(string attribute, string alias, string dateParameter) =>
            $"coalesce({Latest("effective_on", attribute, alias, dateParameter)}, {alias}.joined_on)";

        /// <summary>
        /// The reason of the Terminated change partner <paramref name="alias"/> had on the day when its status that day is
        /// Terminated (the latest Status change on or before the day is into Terminated), else NULL: EndReason as of the day.
        /// </summary>
        public static string EndReasonOn(string alias, string dateParameter) =>
            Latest("CASE WHEN sc.to_value = 'Terminated' THEN sc.reason END", Status, alias, dateParameter);

        /// <summary>
        /// One SQL condition: partner <paramref name="alias"/> was a partner on @<paramref name="dateParameter"/>: joined on or
        /// before the day, not ended by it (EndedOn is the first day no longer a partner), and its status that day
        /// (<see cref="On"/>) Onboarding, Active or Suspended.
        /// </summary>
        public static string PartnerOn(string alias, string dateParameter) =>
            $"{alias}.joined_on <= @{dateParameter} AND ({alias}.ended_on IS NULL OR {alias}.ended_on > @{dateParameter}) " +
            $"AND {On(Status, alias, dateParameter)} IN ('Onboarding','Active','Suspended')";

        /// <summary>
        /// The partners whose latest Status or Tier change (by effective_on, then id) is not their stored status / tier and
        /// status_since / tier_since (another program wrote the row or the changes), in id order, at most @limit of them, with the
        /// count of all such partners: Test-PartnerDatabase -Detailed's StatusHistory check, the same text on every backend.
        /// Columns: Id, Name, Status, StatusSince, Tier, TierSince, LastStatus, LastStatusOn, LastTier, LastTierOn, Total.
        /// </summary>
        public const string Mismatches = @"
WITH latest AS (
    SELECT p.id, p.name, p.status, p.status_since, p.tier, p.tier_since,
           (SELECT sc.to_value FROM status_changes sc WHERE sc.partner_id = p.id AND sc.attribute = 'Status' ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1) AS ls,
           (SELECT sc.effective_on FROM status_changes sc WHERE sc.partner_id = p.id AND sc.attribute = 'Status' ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1) AS lsd,
           (SELECT sc.to_value FROM status_changes sc WHERE sc.partner_id = p.id AND sc.attribute = 'Tier' ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1) AS lt,
           (SELECT sc.effective_on FROM status_changes sc WHERE sc.partner_id = p.id AND sc.attribute = 'Tier' ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1) AS ltd
    FROM partners p),
differing AS (
    SELECT * FROM latest
    WHERE coalesce(ls, '') <> status OR coalesce(lsd, '') <> status_since OR coalesce(lt, '') <> tier OR coalesce(ltd, '') <> tier_since)
SELECT id AS Id, name AS Name, status AS Status, status_since AS StatusSince, tier AS Tier, tier_since AS TierSince,
       ls AS LastStatus, lsd AS LastStatusOn, lt AS LastTier, ltd AS LastTierOn, (SELECT count(*) FROM differing) AS Total
FROM differing ORDER BY id LIMIT @limit";

        /// <summary>Schema step 12: the partners' values the migration's rule reads (<see cref="StatusTimelinePartner"/>), by id.</summary>
        public const string MigrationPartners =
            "SELECT id AS Id, status AS Status, tier AS Tier, joined_on AS JoinedOn, ended_on AS EndedOn, updated_at AS UpdatedAt FROM partners ORDER BY id";

        /// <summary>
        /// Schema step 12: the partners' Insert history rows and the Update rows that may hold Status or Tier, in id order (entity_id,
        /// operation, at, user, changes; the text test only narrows the read: each entry's JSON is parsed, <see cref="StatusTimeline.Group"/>).
        /// </summary>
        public const string MigrationEntries =
            "SELECT entity_id, operation, at, \"user\", changes FROM history WHERE entity = 'Partner' " +
            "AND (operation = 'Insert' OR (operation = 'Update' AND (changes LIKE '%\"Status\"%' OR changes LIKE '%\"Tier\"%'))) ORDER BY id";

        // The column of the latest change of the attribute effective on or before the day, or NULL.
        private static string Latest(string column, string attribute, string alias, string dateParameter) =>
            $"(SELECT {column} FROM status_changes sc WHERE sc.partner_id = {alias}.id AND sc.attribute = '{Check(attribute)}' " +
            $"AND sc.effective_on <= @{dateParameter} ORDER BY sc.effective_on DESC, sc.id DESC LIMIT 1)";

        // The column of the partner's first change of the attribute, or NULL.
        private static string First(string column, string attribute, string alias) =>
            $"(SELECT {column} FROM status_changes sc WHERE sc.partner_id = {alias}.id AND sc.attribute = '{Check(attribute)}' " +
            "ORDER BY sc.effective_on, sc.id LIMIT 1)";

        private static string Column(string attribute) => Check(attribute) == Status ? "status" : "tier";

        private static string Check(string attribute) =>
            attribute == Status || attribute == Tier
                ? attribute
                : throw new ArgumentException($"'{attribute}' is not a dated attribute (Status or Tier).", nameof(attribute));
    }
}
