using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Schema step 12's rows on PostgreSQL: the status_changes of the partners stored before dated statuses, and their
    /// status_since and tier_since, built by <see cref="StatusTimeline"/> (the same reads as SQLite's: <see cref="StatusSql.MigrationPartners"/>, <see cref="StatusSql.MigrationEntries"/>)
    /// in the migration's transaction before the status triggers exist; written in chunks of arrays (unnest).
    /// </summary>
    internal static class PgStatusMigration
    {
        // Partners per statement: large arrays cost one round trip each, and a few thousand rows keep each statement small.
        private const int Chunk = 5000;

        /// <summary>Writes the rows of every stored partner.</summary>
        public static void Run(PgDatabase db)
        {
            var migratedAt = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            var entries = StatusTimeline.Group(db.Query<(string Id, string Operation, string At, string User, string? Changes)>(StatusSql.MigrationEntries));
            var partners = db.Query<StatusTimelinePartner>(StatusSql.MigrationPartners);
            for (var start = 0; start < partners.Count; start += Chunk)
            {
                var chunk = partners.Skip(start).Take(Chunk).ToList();
                var rows = new List<StatusTimelineRow>();
                var since = new List<(long Id, string Status, string Tier)>();
                foreach (var partner in chunk)
                {
                    if (entries.TryGetValue(partner.Id, out var own))
                    {
                        own.ForEach(partner.Entries.Add);
                    }

                    var built = StatusTimeline.Build(partner, migratedAt);
                    rows.AddRange(built);
                    since.Add((partner.Id, StatusTimeline.Since(built, StatusSql.Status), StatusTimeline.Since(built, StatusSql.Tier)));
                }

                db.Execute(
                    @"INSERT INTO status_changes (partner_id, attribute, from_value, to_value, effective_on, reason, ""user"", recorded_at)
SELECT p, a, f, t, e, NULL, u, r FROM unnest(@p, @a, @f, @t, @e, @u, @r) WITH ORDINALITY AS v(p, a, f, t, e, u, r, n) ORDER BY n",
                    new
                    {
                        p = rows.Select(r => r.PartnerId).ToArray(),
                        a = rows.Select(r => r.Attribute).ToArray(),
                        f = rows.Select(r => r.From).ToArray(),
                        t = rows.Select(r => r.To).ToArray(),
                        e = rows.Select(r => r.EffectiveOn).ToArray(),
                        u = rows.Select(r => r.User).ToArray(),
                        r = rows.Select(r => r.RecordedAt).ToArray(),
                    });
                db.Execute(
                    "UPDATE partners p SET status_since = v.s, tier_since = v.t FROM unnest(@ids, @s, @t) AS v(id, s, t) WHERE p.id = v.id",
                    new { ids = since.Select(x => x.Id).ToArray(), s = since.Select(x => x.Status).ToArray(), t = since.Select(x => x.Tier).ToArray() });
            }
        }
    }
}
