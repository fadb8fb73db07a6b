using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Test-PartnerDatabase's checks of a SQLite database: integrity, foreign keys, schema, revenue totals and names.</summary>
    internal static class DatabaseChecks
    {

        // Cells of revenue_totals that differ from a fresh sum of the records (or exist on one side only), each counted once.
        // The sums are split (whole billions of minor units, and the rest) so that a sum beyond 64 bits cannot raise "integer
        // overflow": both sides are brought to the same form (q, r) with 0 <= r < 10^9, and a total stored as REAL (the silent
        // overflow of older versions) never matches.
        private const string TotalsCheck = @"
WITH fresh_split AS (
    SELECT coalesce(partner_id, 0) AS partner_key, CAST(substr(date, 1, 4) AS INTEGER) AS year, coalesce(region_key, '') AS region_key,
           segment_key, currency, count(*) AS count, sum(amount / 1000000000) AS hi, sum(amount % 1000000000) AS lo,
           'integer' AS kind, min(amount) AS minimum, max(amount) AS maximum
    FROM revenue GROUP BY 1, 2, 3, 4, 5),
fresh AS (SELECT partner_key, year, region_key, segment_key, currency, count,
           hi + (lo - ((lo % 1000000000) + 1000000000) % 1000000000) / 1000000000 AS q, ((lo % 1000000000) + 1000000000) % 1000000000 AS r,
           kind, minimum, maximum FROM fresh_split),
kept AS (SELECT partner_key, year, region_key, segment_key, currency, count,
           total / 1000000000 + ((total % 1000000000) - ((total % 1000000000 + 1000000000) % 1000000000)) / 1000000000 AS q,
           ((total % 1000000000) + 1000000000) % 1000000000 AS r, typeof(total) AS kind, minimum, maximum FROM revenue_totals)
SELECT count(*) FROM (
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept)
    UNION
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))";

        /// <summary>Integrity, foreign-key, schema and revenue-totals checks, each with what it found.</summary>
        public static IReadOnlyList<DatabaseFinding> Check(SqliteDatabase db)
        {
            try
            {
                var integrity = db.Connection.Query<string>("PRAGMA integrity_check").ToList();
                var integrityOk = integrity.Count == 1 && integrity[0] == "ok";
                var foreignKeys = db.Connection
                    .Query<(string Table, long RowId, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check()")
                    .ToList();
                var version = db.Connection.ExecuteScalar<int>("PRAGMA user_version");
                var schemaOk = version == Schema.CurrentVersion;
                var totalsOff = schemaOk ? db.Connection.ExecuteScalar<long>(TotalsCheck) : 0;
                var shared = schemaOk ? new PartnerRepository(db).SharedNames() : new List<(long, string, long, string)>();
                var staleSortKeys = schemaOk ? new PartnerRepository(db).StaleSortKeys() : new List<(long, string)>();
                var sharedTargets = schemaOk ? new TargetRepository(db).SharedRegions() : new List<(long, string?, long, string?, string, int)>();
                return new[]
                {
                    new DatabaseFinding("Integrity", integrityOk, string.Join(Environment.NewLine, integrity)) { Database = db.Path },
                    DatabaseFindings.ForeignKeys(db.Path, foreignKeys),
                    DatabaseFindings.Schema(db.Path, version, Schema.CurrentVersion),
                    DatabaseFindings.RevenueTotals(db.Path, totalsOff),
                }.Concat(DatabaseFindings.SharedNames(db.Path, shared)).Concat(DatabaseFindings.SharedTargets(db.Path, sharedTargets))
                    .Concat(DatabaseFindings.SortKeys(db.Path, staleSortKeys))
                    .Concat(schemaOk ? ImportHistoryFindings(db) : Enumerable.Empty<DatabaseFinding>())
                    .Concat(schemaOk ? StatusHistoryFindings(db) : Enumerable.Empty<DatabaseFinding>()).ToList();
            }
            catch (SqliteException ex)
            {
                // SQLite may refuse to read a damaged page at all rather than report it.
                throw SqliteErrors.Translate(ex, db.Path);
            }
        }

        // Runs of imported ids (history_runs, schema step 9) that overlap: two runs holding one id of an entity, two blocks holding
        // one history id, or a history row inside a block; Get-PartnerHistory would list an entry twice. Cheap (a few rows a batch,
        // one index lookup each), and only reported when found: a sound database has exactly the findings it had before.
        private const string OverlappingRuns = @"
SELECT (SELECT count(*) FROM (SELECT first_id, lag(last_id) OVER (PARTITION BY entity ORDER BY first_id) AS previous FROM history_runs) WHERE first_id <= previous)
     + (SELECT count(*) FROM (SELECT history_id, lag(history_id + last_id - first_id) OVER (ORDER BY history_id) AS previous FROM history_runs) WHERE history_id <= previous)
     + (SELECT count(*) FROM history_runs u WHERE EXISTS (SELECT 1 FROM history h WHERE h.id BETWEEN u.history_id AND u.history_id + u.last_id - u.first_id))";

        private static IEnumerable<DatabaseFinding> ImportHistoryFindings(SqliteDatabase db)
        {
            var overlaps = db.Connection.ExecuteScalar<long>(OverlappingRuns);
            return overlaps == 0
                ? Enumerable.Empty<DatabaseFinding>()
                : new[]
                {
                    new DatabaseFinding(
                        "ImportHistory",
                        false,
                        $"{overlaps} run(s) of imported records in the history overlap another run or history row (written by another program), so Get-PartnerHistory lists some entries twice; the records themselves are not affected.")
                    {
                        Database = db.Path,
                    },
                };
        }

        // Partners whose latest dated Status or Tier change does not hold their values (DatabaseFindings.StatusHistory).
        private static IEnumerable<DatabaseFinding> StatusHistoryFindings(SqliteDatabase db)
        {
            var differing = db.Connection.Query<DatabaseFindings.StatusMismatch>(StatusSql.Mismatches, new { limit = DatabaseFindings.StatusHistoryNamed }).ToList();
            return DatabaseFindings.StatusHistory(db.Path, differing, differing.Count == 0 ? 0 : differing[0].Total);
        }

        /// <summary>The database's schema version, currency, counts, size and journal mode.</summary>
        public static DatabaseInfo Info(SqliteDatabase db) => new DatabaseInfo
        {
            Path = db.Path,
            Database = db.Path,
            SchemaVersion = db.Connection.ExecuteScalar<int>("PRAGMA user_version", transaction: db.Transaction),
            Currency = db.Currency,
            PartnerCount = db.Connection.ExecuteScalar<long>("SELECT count(*) FROM partners", transaction: db.Transaction),
            RevenueCount = db.Connection.ExecuteScalar<long>("SELECT coalesce(sum(count), 0) FROM revenue_totals", transaction: db.Transaction),
            SizeBytes = FileIdentity.Of(db.Path)?.Size ?? new FileInfo(db.Path).Length, // through a link: the file it leads to
            // Opened immutable, SQLite reports no journal; the file's header says what it is (bytes 18-19: 2 = WAL).
            JournalMode = db.IsImmutable && FileHeaderSaysWal(db.Path)
                ? "wal"
                : db.Connection.ExecuteScalar<string>("PRAGMA journal_mode", transaction: db.Transaction) ?? string.Empty,
        };

        private static bool FileHeaderSaysWal(string path)
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                var header = new byte[20];
                return file.Read(header, 0, header.Length) == header.Length && header[18] == 2 && header[19] == 2;
            }
        }
    }
}
