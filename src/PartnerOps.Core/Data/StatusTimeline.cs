using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PartnerOps.Data
{
    /// <summary>
    /// One row of status_changes as schema step 12 builds it: a change of a partner's Status or Tier (values are
    /// <see cref="PartnerStatus"/> / <see cref="PartnerTier"/> names), the calendar day it takes effect ('yyyy-MM-dd'), who made
    /// it and when it was recorded (UTC, the history's 'yyyy-MM-dd HH:mm:ss.fff' text).
    /// </summary>
    public sealed class StatusTimelineRow
    {
        internal StatusTimelineRow(long partnerId, string attribute, string? from, string to, string effectiveOn, string user, string recordedAt)
        {
            PartnerId = partnerId;
            Attribute = attribute;
            From = from;
            To = to;
            EffectiveOn = effectiveOn;
            User = user;
            RecordedAt = recordedAt;
        }

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; }

        /// <summary>'Status' or 'Tier'.</summary>
        public string Attribute { get; }

        /// <summary>The value before the change; null for the partner's first value.</summary>
        public string? From { get; }

        /// <summary>The value from <see cref="EffectiveOn"/> on.</summary>
        public string To { get; }

        /// <summary>The calendar day the value takes effect, 'yyyy-MM-dd'.</summary>
        public string EffectiveOn { get; }

        /// <summary>The history entry's user, or <see cref="StatusTimeline.MigrationUser"/> for a row no entry gives.</summary>
        public string User { get; }

        /// <summary>The history entry's timestamp (UTC text as stored), or the migration's time.</summary>
        public string RecordedAt { get; }

        /// <inheritdoc />
        public override string ToString() => $"{PartnerId} {Attribute} {From ?? "(none)"} -> {To} @ {EffectiveOn} by {User}";
    }

    /// <summary>
    /// One Insert or Update history entry of a partner, reduced to what the migration reads: the Status and Tier it holds
    /// (for an Insert the values inserted, for an Update the old and new values of those that changed).
    /// </summary>
    public sealed class StatusHistoryEntry
    {
        private StatusHistoryEntry(bool isInsert, string at, string user)
        {
            IsInsert = isInsert;
            At = at;
            User = user;
        }

        /// <summary>An Insert entry (else an Update).</summary>
        public bool IsInsert { get; }

        /// <summary>The entry's timestamp, UTC text as stored ('yyyy-MM-dd HH:mm:ss.fff'); its first ten characters are its UTC date.</summary>
        public string At { get; }

        /// <summary>Who made the change.</summary>
        public string User { get; }

        /// <summary>The Status [old, new] of the entry, or null when it does not hold Status.</summary>
        public (string? Old, string? New)? Status { get; private set; }

        /// <summary>The Tier [old, new] of the entry, or null when it does not hold Tier.</summary>
        public (string? Old, string? New)? Tier { get; private set; }

        /// <summary>
        /// An entry from its operation ('Insert' or 'Update'), timestamp, user and changes (the history's JSON text,
        /// <c>{"Property": [old, new], ...}</c>). A changes text that is not such JSON counts as holding neither Status nor Tier.
        /// </summary>
        public static StatusHistoryEntry Parse(string operation, string at, string user, string? changes)
        {
            var entry = new StatusHistoryEntry(operation == "Insert", at, user);
            if (string.IsNullOrEmpty(changes))
            {
                return entry;
            }

            try
            {
                using var json = JsonDocument.Parse(changes!);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    entry.Status = Pair(json.RootElement, "Status");
                    entry.Tier = Pair(json.RootElement, "Tier");
                }
            }
            catch (JsonException)
            {
                // Not the history's JSON (another program wrote it): nothing to read from it.
            }

            return entry;
        }

        /// <summary>The [old, new] pair of an attribute ('Status' or 'Tier').</summary>
        internal (string? Old, string? New)? Of(string attribute) => attribute == StatusSql.Status ? Status : Tier;

        private static (string? Old, string? New)? Pair(JsonElement changes, string property)
        {
            if (!changes.TryGetProperty(property, out var pair) || pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                return null;
            }

            static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return (Text(pair[0]), Text(pair[1]));
        }
    }

    /// <summary>What the migration knows of one stored partner: its current values and its history entries (by id).</summary>
    public sealed class StatusTimelinePartner
    {
        /// <summary>The partner's id.</summary>
        public long Id { get; set; }

        /// <summary>The current status (a <see cref="PartnerStatus"/> name).</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>The current tier (a <see cref="PartnerTier"/> name).</summary>
        public string Tier { get; set; } = string.Empty;

        /// <summary>JoinedOn, 'yyyy-MM-dd'.</summary>
        public string JoinedOn { get; set; } = string.Empty;

        /// <summary>EndedOn, 'yyyy-MM-dd', or null.</summary>
        public string? EndedOn { get; set; }

        /// <summary>UpdatedAt as stored (UTC text; its first ten characters are its UTC date).</summary>
        public string UpdatedAt { get; set; } = string.Empty;

        /// <summary>The partner's Insert and Update history entries, in id order (empty for a partner imported in a batch).</summary>
        public IList<StatusHistoryEntry> Entries { get; } = new List<StatusHistoryEntry>();
    }

    /// <summary>
    /// Schema step 12's rule, shared by every backend: the dated Status and Tier
    /// changes of a partner stored before dates were kept, built from what the database holds (JoinedOn, EndedOn, the current
    /// values, the history's entries). Pure: no database. The last row of each attribute holds the current value, so queries
    /// without -AsOf return what they returned before.
    /// </summary>
    public static class StatusTimeline
    {
        /// <summary>The user of the rows that no history entry gives.</summary>
        public const string MigrationUser = "PartnerOps migration";

        /// <summary>
        /// The rows of one partner, Status rows then Tier rows, each attribute's in date order; <paramref name="migratedAt"/> is
        /// the migration's time (UTC text) for the rows no entry gives. The partner's status_since and tier_since are the
        /// EffectiveOn of the last row of each attribute (<see cref="Since"/>).
        /// </summary>
        /// <remarks>
        /// Status: the first value s0 is the Insert entry's Status, else the first Status change's old value, else the current
        /// one. s0 Terminated: Active from JoinedOn, Terminated from EndedOn (JoinedOn without one); else s0 from JoinedOn. Then
        /// each change (old to new) on its entry's UTC date, never before the row before it; a change to Terminated that is the
        /// last Status change is dated EndedOn when there is one. When the last value is not the current one, a row to it is
        /// appended, dated EndedOn when the current status is Terminated and EndedOn is set, else UpdatedAt's UTC date (never
        /// before the row before). Tier likewise, from JoinedOn, without the Terminated rules.
        /// </remarks>
        public static IReadOnlyList<StatusTimelineRow> Build(StatusTimelinePartner partner, string migratedAt)
        {
            var rows = new List<StatusTimelineRow>();
            rows.AddRange(Attribute(partner, StatusSql.Status, partner.Status, migratedAt));
            rows.AddRange(Attribute(partner, StatusSql.Tier, partner.Tier, migratedAt));
            return rows;
        }

        /// <summary>
        /// History rows (entity id, operation, timestamp, user, changes JSON; in id order, as <see cref="StatusSql.MigrationEntries"/>
        /// reads them) parsed and grouped by partner id, each partner's in the order given; a row whose entity id is not a whole
        /// number is left out.
        /// </summary>
        public static Dictionary<long, List<StatusHistoryEntry>> Group(IEnumerable<(string Id, string Operation, string At, string User, string? Changes)> rows)
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

        /// <summary>The EffectiveOn of the last row of <paramref name="attribute"/> among <paramref name="rows"/> (one partner's, from <see cref="Build"/>).</summary>
        public static string Since(IReadOnlyList<StatusTimelineRow> rows, string attribute) => rows.Last(r => r.Attribute == attribute).EffectiveOn;

        private static List<StatusTimelineRow> Attribute(StatusTimelinePartner p, string attribute, string current, string migratedAt)
        {
            var status = attribute == StatusSql.Status;
            var insert = p.Entries.FirstOrDefault(e => e.IsInsert);
            var events = p.Entries.Where(e => !e.IsInsert && e.Of(attribute)?.New != null).ToList();
            var first = insert?.Of(attribute)?.New ?? events.Select(e => e.Of(attribute)!.Value.Old).FirstOrDefault() ?? current;
            var rows = new List<StatusTimelineRow>();

            void Add(string? from, string to, string day, StatusHistoryEntry? entry)
            {
                var previous = rows.Count == 0 ? null : rows[rows.Count - 1].EffectiveOn;
                var effective = previous != null && string.CompareOrdinal(day, previous) < 0 ? previous : day;
                rows.Add(new StatusTimelineRow(p.Id, attribute, from, to, effective, entry?.User ?? MigrationUser, entry?.At ?? migratedAt));
            }

            if (status && first == nameof(PartnerStatus.Terminated))
            {
                Add(null, nameof(PartnerStatus.Active), p.JoinedOn, insert);
                Add(nameof(PartnerStatus.Active), first, p.EndedOn ?? p.JoinedOn, insert);
            }
            else
            {
                Add(null, first, p.JoinedOn, insert);
            }

            for (var i = 0; i < events.Count; i++)
            {
                var (old, value) = events[i].Of(attribute)!.Value;
                var day = Day(events[i].At);
                if (status && value == nameof(PartnerStatus.Terminated) && i == events.Count - 1 && p.EndedOn != null)
                {
                    day = p.EndedOn;
                }

                Add(old, value!, day, events[i]);
            }

            var last = rows[rows.Count - 1].To;
            if (last != current)
            {
                Add(last, current, status && current == nameof(PartnerStatus.Terminated) && p.EndedOn != null ? p.EndedOn : Day(p.UpdatedAt), null);
            }

            return rows;
        }

        // The UTC calendar day of a stored timestamp ('yyyy-MM-dd ...').
        private static string Day(string timestamp) => timestamp.Length >= 10 ? timestamp.Substring(0, 10) : timestamp;
    }
}
