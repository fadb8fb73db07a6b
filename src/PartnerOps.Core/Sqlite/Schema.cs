using System.Collections.Generic;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The database schema as an ordered list of migrations. Version N is reached by running every step
    /// up to N in one transaction; a later issue adds a step, never edits a shipped one.
    /// </summary>
    public static partial class Schema
    {
        /// <summary>Marks a file as a PartnerOps database ('POPS').</summary>
        public const int ApplicationId = 0x504F5053;

        public static IReadOnlyList<string> Migrations { get; } = new[]
        {
            // 1: partners and database settings.
            @"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE partners (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key   TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('Reseller','Distributor','SystemIntegrator','ServiceProvider','Consultancy','SoftwareVendor','Training','Other')),
    tier       TEXT NOT NULL CHECK (tier IN ('Registered','Silver','Gold','Platinum')),
    status     TEXT NOT NULL CHECK (status IN ('Prospect','Onboarding','Active','Suspended','Terminated')),
    region     TEXT,
    country    TEXT CHECK (country IS NULL OR length(country) = 2),
    joined_on  TEXT NOT NULL,
    ended_on   TEXT,
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Names are unique case-insensitively (Unicode upper-case key, so not only ASCII).
CREATE UNIQUE INDEX partners_name_key ON partners (name_key);
",

            // 2: revenue (with totals kept by triggers), exchange rates and targets.
            @"
CREATE TABLE revenue (
    id          INTEGER PRIMARY KEY,
    partner_id  INTEGER REFERENCES partners (id),
    date        TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    amount      INTEGER NOT NULL,
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    segment     TEXT NOT NULL,
    segment_key TEXT NOT NULL,
    region      TEXT,
    region_key  TEXT,
    reference   TEXT,
    created_at  TEXT NOT NULL
);

CREATE INDEX revenue_partner ON revenue (partner_id, date);
CREATE INDEX revenue_date ON revenue (date);
CREATE UNIQUE INDEX revenue_reference ON revenue (reference) WHERE reference IS NOT NULL;

-- One row per partner (0 = direct), year, region, segment and currency: what the measures read, so that
-- summing ten million records reads a few hundred thousand cells. Amounts are whole minor units.
CREATE TABLE revenue_totals (
    partner_key INTEGER NOT NULL,
    year        INTEGER NOT NULL,
    region_key  TEXT NOT NULL,
    segment_key TEXT NOT NULL,
    currency    TEXT NOT NULL,
    region      TEXT,
    segment     TEXT NOT NULL,
    count       INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    minimum     INTEGER NOT NULL,
    maximum     INTEGER NOT NULL,
    PRIMARY KEY (partner_key, year, region_key, segment_key, currency)
) WITHOUT ROWID;

CREATE TRIGGER revenue_totals_insert AFTER INSERT ON revenue BEGIN
" + AddToTotals("new") + @"
END;

CREATE TRIGGER revenue_totals_delete AFTER DELETE ON revenue BEGIN
" + RemoveFromTotals("old") + @"
END;

CREATE TRIGGER revenue_totals_update AFTER UPDATE OF partner_id, date, amount, currency, segment_key, region_key ON revenue BEGIN
" + RemoveFromTotals("old") + AddToTotals("new") + @"
END;

-- 1 from_currency = rate to_currency in that year; rate is exact decimal text.
CREATE TABLE exchange_rates (
    from_currency TEXT NOT NULL,
    to_currency   TEXT NOT NULL,
    year          INTEGER NOT NULL,
    rate          TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (from_currency, to_currency, year)
) WITHOUT ROWID;

CREATE TABLE targets (
    id         INTEGER PRIMARY KEY,
    metric     TEXT NOT NULL CHECK (metric IN ('PartnerCount','PartnerRevenue','PartnerRevenueShare')),
    region     TEXT,
    region_key TEXT NOT NULL,
    year       INTEGER NOT NULL,
    value      TEXT NOT NULL,
    currency   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- One target per metric, region ('' = all regions) and year.
CREATE UNIQUE INDEX targets_key ON targets (metric, region_key, year);

-- Every change made through the module, written in the change's own transaction by triggers that each
-- connection adds (HistoryTriggers), since only the connection knows its user. changes is JSON:
-- {""Property"": [old, new], ...} with the properties that changed.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('Insert','Update','Delete')),
    entity     TEXT NOT NULL CHECK (entity IN ('Partner','Revenue','Target','ExchangeRate')),
    entity_id  TEXT NOT NULL,
    partner_id INTEGER,
    changes    TEXT NOT NULL
);

CREATE INDEX history_partner ON history (partner_id) WHERE partner_id IS NOT NULL;
",

            // 3: ids are never given again. SQLite gives a new row the highest id plus one, so the id of the last partner,
            // record or target removed went to the next one added: a stored id, a piped object or the history then named
            // another. AUTOINCREMENT keeps every id its row's own; the tables are rebuilt with it (SQLite cannot add it in
            // place) and their counters start above every id the history remembers. Run with foreign keys off.
            @"
CREATE TABLE partners_v3 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key   TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('Reseller','Distributor','SystemIntegrator','ServiceProvider','Consultancy','SoftwareVendor','Training','Other')),
    tier       TEXT NOT NULL CHECK (tier IN ('Registered','Silver','Gold','Platinum')),
    status     TEXT NOT NULL CHECK (status IN ('Prospect','Onboarding','Active','Suspended','Terminated')),
    region     TEXT,
    country    TEXT CHECK (country IS NULL OR length(country) = 2),
    joined_on  TEXT NOT NULL,
    ended_on   TEXT,
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO partners_v3 SELECT id, name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at FROM partners;
DROP TABLE partners;
ALTER TABLE partners_v3 RENAME TO partners;
CREATE UNIQUE INDEX partners_name_key ON partners (name_key);

CREATE TABLE revenue_v3 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id  INTEGER REFERENCES partners (id),
    date        TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    amount      INTEGER NOT NULL,
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    segment     TEXT NOT NULL,
    segment_key TEXT NOT NULL,
    region      TEXT,
    region_key  TEXT,
    reference   TEXT,
    created_at  TEXT NOT NULL
);
INSERT INTO revenue_v3 SELECT id, partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at FROM revenue;
DROP TABLE revenue;
ALTER TABLE revenue_v3 RENAME TO revenue;
CREATE INDEX revenue_partner ON revenue (partner_id, date);
CREATE INDEX revenue_date ON revenue (date);
CREATE UNIQUE INDEX revenue_reference ON revenue (reference) WHERE reference IS NOT NULL;

CREATE TRIGGER revenue_totals_insert AFTER INSERT ON revenue BEGIN
" + AddToTotals("new") + @"
END;

CREATE TRIGGER revenue_totals_delete AFTER DELETE ON revenue BEGIN
" + RemoveFromTotals("old") + @"
END;

CREATE TRIGGER revenue_totals_update AFTER UPDATE OF partner_id, date, amount, currency, segment_key, region_key ON revenue BEGIN
" + RemoveFromTotals("old") + AddToTotals("new") + @"
END;

CREATE TABLE targets_v3 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    metric     TEXT NOT NULL CHECK (metric IN ('PartnerCount','PartnerRevenue','PartnerRevenueShare')),
    region     TEXT,
    region_key TEXT NOT NULL,
    year       INTEGER NOT NULL,
    value      TEXT NOT NULL,
    currency   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO targets_v3 SELECT id, metric, region, region_key, year, value, currency, created_at, updated_at FROM targets;
DROP TABLE targets;
ALTER TABLE targets_v3 RENAME TO targets;
CREATE UNIQUE INDEX targets_key ON targets (metric, region_key, year);
" + StartAbove("partners", "Partner") + StartAbove("revenue", "Revenue") + StartAbove("targets", "Target"),

            // 4: one name per partner. The key was the upper-cased name, so names that print the same (ß and ẞ, a no-break
            // space, a zero-width space inside) were different partners. Every key is recomputed with the new rule
            // (PartnerRules.NameKey, registered as po_name_key by the connection that migrates). Partners whose names now
            // share a key stay as they are, nothing renamed: the oldest (lowest id) holds the key (name_dup 0), each of the
            // others has its own id in name_dup, so the unique index (name_key, name_dup) still refuses every new partner
            // with that key, and Test-PartnerDatabase -Detailed names each pair for an admin to merge.
            @"
DROP INDEX partners_name_key;
ALTER TABLE partners ADD COLUMN name_dup INTEGER NOT NULL DEFAULT 0;
UPDATE partners SET name_key = po_name_key(name);
UPDATE partners SET name_dup = id WHERE id NOT IN (SELECT min(id) FROM partners GROUP BY name_key);
CREATE UNIQUE INDEX partners_name_key ON partners (name_key, name_dup);
",

            // 5: Totals never overflow: SQLite's + turns an integer overflow into a REAL silently, so a cell's total of many
            // large records became 9.22e18 (read back as the Int64 ceiling) and a later sum() failed with "integer overflow".
            // The totals triggers now refuse the write (RAISE, which undoes the whole statement) that would take a cell's
            // total beyond 64 bits; RevenueTotals turns that into a clear error. Self-contained: the triggers are replaced.
            @"
DROP TRIGGER IF EXISTS revenue_totals_insert;
DROP TRIGGER IF EXISTS revenue_totals_delete;
DROP TRIGGER IF EXISTS revenue_totals_update;

CREATE TRIGGER revenue_totals_insert AFTER INSERT ON revenue BEGIN
" + AddToTotals("new", guarded: true) + @"
END;

CREATE TRIGGER revenue_totals_delete AFTER DELETE ON revenue BEGIN
" + RemoveFromTotals("old", guarded: true) + @"
END;

CREATE TRIGGER revenue_totals_update AFTER UPDATE OF partner_id, date, amount, currency, segment_key, region_key ON revenue BEGIN
" + RemoveFromTotals("old", guarded: true) + AddToTotals("new", guarded: true) + @"
END;
",

            // 6: one region and one segment per printed text. Their key was the upper-cased text, so 'Großkunden' and
            // 'GROSSKUNDEN', or 'Western Europe' with a no-break space, were two segments or regions and split the totals.
            // The key is now the partner name key (RevenueRules.Key, registered as po_key by the connection that migrates).
            // Revenue keys are recomputed (the update trigger is dropped meanwhile, so no cell is adjusted row by row) and
            // revenue_totals is rebuilt from the records: cells whose keys now coincide become one, showing the smallest
            // spelling as the triggers do. Targets are recomputed too; when two targets of one metric and year now share a
            // region key, the older (lowest id) takes the new key and the other keeps its old key, nothing lost, and
            // Test-PartnerDatabase -Detailed names each such pair (SharedTargets). UPDATE OR IGNORE leaves a target whose
            // new key is taken as it is; the second pass moves one whose key was only taken by a target that moved away.
            @"
DROP TRIGGER IF EXISTS revenue_totals_update;
UPDATE revenue SET region_key = po_key(region), segment_key = po_key(segment)
WHERE region_key IS NOT po_key(region) OR segment_key IS NOT po_key(segment);
CREATE TRIGGER revenue_totals_update AFTER UPDATE OF partner_id, date, amount, currency, segment_key, region_key ON revenue BEGIN
" + RemoveFromTotals("old", guarded: true) + AddToTotals("new", guarded: true) + @"
END;

" + TotalsFromRecords + @"

UPDATE OR IGNORE targets SET region_key = coalesce(po_key(region), '') WHERE region_key IS NOT coalesce(po_key(region), '');
UPDATE OR IGNORE targets SET region_key = coalesce(po_key(region), '') WHERE region_key IS NOT coalesce(po_key(region), '');
",

            // 7: the statuses a partner-count target counts (see TargetStatuses).
            TargetStatuses(),

            // 8: partners listed by name as people expect (see NameSortKeys).
            NameSortKeys(),

            // 9: the history of bulk inserts, one row per committed batch (see ImportHistory).
            ImportHistory(),

            // 10: an import folds its revenue into the totals per batch (see ImportTotalsFlag).
            ImportFoldsTotals(),

            // 11: history rows can name an imported record's file and line (see HistorySources).
            HistorySources(),

            // 12: dated statuses and tiers (see StatusChanges).
            StatusChanges(),

            // 13: contacts, certifications and tier rules (see Quality).
            Quality(),

            // 14: deals and revenue attribution (see Deals).
            Deals(),
        };

        /// <summary>
        /// The partner statuses a PartnerCount target counts become a property of the target (statuses: the names of
        /// <see cref="PartnerStatus"/> in the enum's order, comma-separated; NULL for the other metrics). Until now a count target
        /// counted every partner that was not a Prospect on the day (joined on or before it, not ended by it): Onboarding,
        /// Active, Suspended, and Terminated partners whose end date was still to come. The targets stored before keep exactly
        /// that meaning (all four are stored for them), never a narrower count; a target set from now on counts Active unless
        /// -Status says otherwise. Self-contained: one column added and filled.
        /// </summary>
        private static string TargetStatuses() => @"
ALTER TABLE targets ADD COLUMN statuses TEXT;
UPDATE targets SET statuses = 'Onboarding,Active,Suspended,Terminated' WHERE metric = 'PartnerCount';
";

        // Step 8: partners listed by name as people expect. They were listed by
        // name_key, an ordinal order of the case-folded name, which put every accented initial after z (Ångström after
        // Zürich). Each partner gets its sort key (PartnerRules.NameSortKey, registered as po_name_sort by the connection that
        // migrates), indexed with name_key and id so that listing and -First/-Skip paging read the index in order.
        // Self-contained: one entry of Migrations.
        private static string NameSortKeys() => @"
ALTER TABLE partners ADD COLUMN name_sort TEXT NOT NULL DEFAULT '';
UPDATE partners SET name_sort = po_name_sort(name);
CREATE INDEX partners_name_sort ON partners (name_sort, name_key, id);
";

        /// <summary>
        /// The meta key of the row an import writes inside each of its transactions and deletes before committing it, while it
        /// folds the batch's revenue into revenue_totals itself (one grouped upsert per batch, RevenueTotalsBatch): while the row
        /// is there, the per-row insert trigger does not fire. No other connection ever sees it (never committed), and a killed
        /// import's transaction, row included, is undone by SQLite.
        /// </summary>
        public const string ImportTotalsFlag = "import_folds_totals";

        // Step 10: the totals insert trigger fires unless the import's flag row is there (ImportTotalsFlag). The update and delete
        // triggers stay as they are (an import's Upsert updates fire them, after its pending totals are folded in).
        // Self-contained: one trigger replaced with the guarded text of step 5 and a WHEN clause.
        private static string ImportFoldsTotals() => $@"
DROP TRIGGER IF EXISTS revenue_totals_insert;
CREATE TRIGGER revenue_totals_insert AFTER INSERT ON revenue
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = '{ImportTotalsFlag}') BEGIN
" + AddToTotals("new", guarded: true) + @"
END;
";

        /// <summary>The message the totals triggers raise when a write would take a cell's total beyond 64 bits.</summary>
        public const string TotalOverflowMessage = "po_revenue_total_overflow";

        public static int CurrentVersion => Migrations.Count;

        // The AUTOINCREMENT counter of a table starts above its highest id and every id of it the history remembers.
        private static string StartAbove(string table, string entity) => $@"
INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}');
UPDATE sqlite_sequence SET seq = max(seq,
    coalesce((SELECT max(id) FROM {table}), 0),
    coalesce((SELECT max(CAST(entity_id AS INTEGER)) FROM history WHERE entity = '{entity}'), 0))
WHERE name = '{table}';";

        /// <summary>The totals cell of a revenue row (<paramref name="row"/> is new or old in a trigger).</summary>
        private static string CellOf(string row) =>
            $"partner_key = coalesce({row}.partner_id, 0) AND year = CAST(substr({row}.date, 1, 4) AS INTEGER) " +
            $"AND region_key = coalesce({row}.region_key, '') AND segment_key = {row}.segment_key AND currency = {row}.currency";

        // Shipped steps 2 and 3 keep their unguarded text; step 4 and later use the guarded one. The guard compares
        // without overflowing (the bound minus the amount), so a row costs two integer comparisons more.
        private static string AddToTotals(string row, bool guarded = false) => $@"
    INSERT INTO revenue_totals (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum)
    VALUES (coalesce({row}.partner_id, 0), CAST(substr({row}.date, 1, 4) AS INTEGER), coalesce({row}.region_key, ''), {row}.segment_key,
            {row}.currency, {row}.region, {row}.segment, 1, {row}.amount, {row}.amount, {row}.amount)
    ON CONFLICT DO UPDATE SET count = count + 1, total = {(guarded ? GuardedSum("total", "excluded.total") : "total + excluded.total")},
        minimum = min(minimum, excluded.minimum), maximum = max(maximum, excluded.maximum),
        region = min(region, excluded.region), segment = min(segment, excluded.segment);";

        // When the removed amount was the cell's smallest or largest, the cell's rows are read again
        // (through revenue_partner: a partner's rows of one year, or the year's direct rows). A cell shows the
        // smallest spelling of its region and segment among its rows (as a measure over the rows would): when
        // the removed row had it and no other row does, the next one is looked up.
        private static string RemoveFromTotals(string row, bool guarded = false) => $@"
    UPDATE revenue_totals SET count = count - 1, total = {(guarded ? GuardedSum("total", "-" + row + ".amount") : "total - " + row + ".amount")} WHERE {CellOf(row)};
    DELETE FROM revenue_totals WHERE count = 0 AND {CellOf(row)};
    UPDATE revenue_totals SET
        minimum = (SELECT min(r.amount) FROM revenue r WHERE {RowsOf(row)}),
        maximum = (SELECT max(r.amount) FROM revenue r WHERE {RowsOf(row)})
    WHERE ({row}.amount <= minimum OR {row}.amount >= maximum) AND {CellOf(row)};
    UPDATE revenue_totals SET region = (SELECT min(r.region) FROM revenue r WHERE {RowsOf(row)})
    WHERE region = {row}.region AND {CellOf(row)} AND NOT EXISTS (SELECT 1 FROM revenue r WHERE {RowsOf(row)} AND r.region = {row}.region);
    UPDATE revenue_totals SET segment = (SELECT min(r.segment) FROM revenue r WHERE {RowsOf(row)})
    WHERE segment = {row}.segment AND {CellOf(row)} AND NOT EXISTS (SELECT 1 FROM revenue r WHERE {RowsOf(row)} AND r.segment = {row}.segment);";

        // total + amount, or RAISE when the sum would leave the 64-bit range (amounts are at most 10^16 in size, so -amount cannot overflow).
        private static string GuardedSum(string total, string amount) =>
            $"CASE WHEN ({amount} > 0 AND {total} > 9223372036854775807 - ({amount})) OR ({amount} < 0 AND {total} < -9223372036854775807 - 1 - ({amount})) " +
            $"THEN RAISE(ABORT, '{TotalOverflowMessage}') ELSE {total} + ({amount}) END";

        private static string RowsOf(string row) =>
            $"r.partner_id IS {row}.partner_id AND r.date >= substr({row}.date, 1, 4) || '-01-01' AND r.date <= substr({row}.date, 1, 4) || '-12-31' " +
            $"AND r.region_key IS {row}.region_key AND r.segment_key = {row}.segment_key AND r.currency = {row}.currency";
    }
}
