using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Get-PartnerDatabase's description and Test-PartnerDatabase's checks of a PartnerOps schema on a server. The checks are
    /// those that mean something on a server, with SQLite's names, pass rules and wording (<see cref="DatabaseFindings"/>):
    /// ForeignKey, Schema, RevenueTotals, SharedNames, SharedTargets, NameSortKeys. SQLite's Integrity (the file's pages) and
    /// ImportHistory (its runs of imported ids) check a file's own structures, which a server database does not have: the server
    /// keeps its pages and write-ahead log itself, and imports write ordinary history rows.
    /// </summary>
    internal static class PgChecks
    {
        /// <summary>What the journal mode is on a server: the server's own write-ahead log, not a per-database setting.</summary>
        public const string ServerJournal = "server";

        // Cells of revenue_totals that differ from a fresh sum of the records (or exist on one side only), each counted once.
        // PostgreSQL sums bigint into numeric, so a sum beyond 64 bits is compared exactly.
        private const string TotalsCheck = @"
WITH fresh AS (
    SELECT coalesce(partner_id, 0) AS partner_key, substr(date, 1, 4)::integer AS year, coalesce(region_key, '') AS region_key,
           segment_key, currency, count(*) AS count, sum(amount) AS total, min(amount) AS minimum, max(amount) AS maximum
    FROM revenue GROUP BY 1, 2, 3, 4, 5),
kept AS (
    SELECT partner_key, year, region_key, segment_key, currency, count, total::numeric AS total, minimum, maximum FROM revenue_totals)
SELECT count(*) FROM (
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) f
    UNION
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) k) d";

        /// <summary>The checks, each with what it found (a sound database: six passed findings).</summary>
        /// <exception cref="PartnerOpsException">A named database failure (ServerUnavailable, DatabaseBusy, DatabaseError ...).</exception>
        public static IReadOnlyList<DatabaseFinding> Check(PgDatabase db)
        {
            var orphans = db.Query<long>(
                "SELECT r.id FROM revenue r WHERE r.partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = r.partner_id) ORDER BY r.id")
                .Select(id => ("revenue", id, "partners")).ToList();
            var version = SchemaVersionOf(db);
            var schemaOk = version == PgSchema.CurrentVersion;
            if (version >= 13)
            {
                // Schema 13's keys, as SQLite's foreign-key check reports them (PostgreSQL enforces them: a finding means they were bypassed).
                orphans.AddRange(db.Query<long>(
                    "SELECT c.id FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = c.partner_id) ORDER BY c.id")
                    .Select(id => ("contacts", id, "partners")));
                orphans.AddRange(db.Query<long>(
                    "SELECT x.id FROM certifications x WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = x.contact_id AND c.partner_id = x.partner_id) ORDER BY x.id")
                    .Select(id => ("certifications", id, "contacts")));
            }

            if (version >= 14)
            {
                // Schema 14's keys (issue 19): a deal's partner, and the revenue record a won deal made.
                orphans.AddRange(db.Query<(long Id, string Parent)>(
                    "SELECT d.id, 'partners' FROM deals d WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = d.partner_id) " +
                    "UNION ALL SELECT d.id, 'revenue' FROM deals d WHERE d.revenue_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM revenue r WHERE r.id = d.revenue_id) " +
                    "ORDER BY 1, 2")
                    .Select(row => ("deals", row.Id, row.Parent)));
            }

            var findings = new List<DatabaseFinding>
            {
                DatabaseFindings.ForeignKeys(db.Path, orphans),
                DatabaseFindings.Schema(db.Path, version, PgSchema.CurrentVersion),
                DatabaseFindings.RevenueTotals(db.Path, schemaOk ? db.Scalar<long>(TotalsCheck) : 0),
            };
            if (!schemaOk)
            {
                return findings;
            }

            findings.AddRange(DatabaseFindings.SharedNames(db.Path, db.Query<(long, string, long, string)>(
                "SELECT a.id, a.name, b.id, b.name FROM partners b JOIN partners a ON a.name_key = b.name_key AND a.name_dup = 0 " +
                "WHERE b.name_dup <> 0 ORDER BY a.name_key, b.id")));
            findings.AddRange(DatabaseFindings.SharedTargets(db.Path, DatabaseFindings.SharedTargetPairs(
                db.Query<(long, string?, string, string, int)>("SELECT id, region, region_key, metric, year FROM targets ORDER BY id"))));
            findings.AddRange(DatabaseFindings.SortKeys(db.Path, StaleSortKeys(db)));
            var differing = db.Query<DatabaseFindings.StatusMismatch>(StatusSql.Mismatches, new { limit = DatabaseFindings.StatusHistoryNamed });
            findings.AddRange(DatabaseFindings.StatusHistory(db.Path, differing, differing.Count == 0 ? 0 : differing[0].Total));
            return findings;
        }

        /// <summary>
        /// The database as Get-PartnerDatabase shows it: Path its password-free form, Backend PostgreSql, the schema version and
        /// currency of its meta table, partner and revenue counts, SizeBytes the PartnerOps tables' total size on the server
        /// (pg_total_relation_size: rows, indexes and TOAST, in bytes), JournalMode <see cref="ServerJournal"/>.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (ServerUnavailable, DatabaseError ...).</exception>
        public static DatabaseInfo Info(PgDatabase db) => new DatabaseInfo
        {
            Path = db.Path,
            Database = db.Path,
            Backend = "PostgreSql",
            SchemaVersion = SchemaVersionOf(db),
            Currency = db.Currency,
            PartnerCount = db.Scalar<long>("SELECT count(*) FROM partners"),
            RevenueCount = db.Scalar<long>("SELECT coalesce(sum(count), 0)::bigint FROM revenue_totals"),
            SizeBytes = db.Scalar<long>(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE n.nspname = @schema AND c.relkind = 'r' AND c.relname = ANY(@tables)",
                new { schema = db.Schema, tables = PgSchema.Tables.ToArray() }),
            JournalMode = ServerJournal,
        };

        private static int SchemaVersionOf(PgDatabase db) =>
            int.TryParse(db.Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'"), out var version) ? version : 0;

        // Partners whose stored sort key is not their name's (PartnerRules.NameSortKey, computed here: the server has no C#).
        private static IEnumerable<(long Id, string Name)> StaleSortKeys(PgDatabase db)
        {
            var stale = new List<(long, string)>();
            var after = long.MinValue;
            while (true)
            {
                var page = db.Query<(long Id, string Name, string Sort)>(
                    "SELECT id, name, name_sort FROM partners WHERE id > @after ORDER BY id LIMIT 10000", new { after });
                stale.AddRange(page.Where(p => p.Sort != PartnerRules.NameSortKey(p.Name)).Select(p => (p.Id, p.Name)));
                if (page.Count < 10000)
                {
                    return stale;
                }

                after = page[page.Count - 1].Id;
            }
        }
    }
}
