namespace PartnerOps.Sqlite
{
    /// <summary>Schema step 13 (see <see cref="Migrations"/>): partner quality (issue 18).</summary>
    public static partial class Schema
    {
        // The dates of the step's tables: 'yyyy-MM-dd' text, as revenue's.
        private const string DateGlob = "GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'";

        // Step 13: a partner's contacts (its people: one email per partner, compared case-insensitively through email_key), their
        // certifications (name_key: the partner name key of the certification's name; a certification expires ON expires_on), and
        // the tier rules (one per tier, region key and type; '' = any region or type). A partner's contacts go with it, and a
        // contact's certifications with the contact (ON DELETE CASCADE; a certification's partner is its contact's, the composite
        // key (contact_id, partner_id) sees to it). The history records the three (HistoryTables: Contact, Certification,
        // TierRule): its entity CHECK names them, and SQLite cannot change a CHECK in place, so the history table is rebuilt with
        // its rows, ids and indexes as they were; revenue_partner gains currency and amount (a window of revenue summed from the
        // index alone). Self-contained: three tables, three indexes, one table rebuilt, one index remade.
        private static string Quality() => $@"
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      TEXT NOT NULL CHECK (length(email) BETWEEN 1 AND 254),
    email_key  TEXT NOT NULL,
    role       TEXT CHECK (role IS NULL OR length(role) BETWEEN 1 AND 100),
    role_key   TEXT,
    phone      TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 50),
    started_on TEXT CHECK (started_on IS NULL OR started_on {DateGlob}),
    ended_on   TEXT CHECK (ended_on IS NULL OR (ended_on {DateGlob} AND (started_on IS NULL OR ended_on >= started_on))),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (partner_id, email_key),
    UNIQUE (id, partner_id)
);

CREATE TABLE certifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL,
    partner_id INTEGER NOT NULL,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key   TEXT NOT NULL,
    earned_on  TEXT NOT NULL CHECK (earned_on {DateGlob}),
    expires_on TEXT CHECK (expires_on IS NULL OR (expires_on {DateGlob} AND expires_on > earned_on)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    FOREIGN KEY (contact_id, partner_id) REFERENCES contacts (id, partner_id) ON DELETE CASCADE,
    UNIQUE (contact_id, name_key, earned_on)
);
CREATE INDEX certifications_partner ON certifications (partner_id, expires_on);
CREATE INDEX certifications_expires ON certifications (expires_on);

CREATE TABLE tier_rules (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    tier              TEXT NOT NULL CHECK (tier IN ('Registered','Silver','Gold','Platinum')),
    region            TEXT,
    region_key        TEXT NOT NULL DEFAULT '',
    type              TEXT CHECK (type IS NULL OR type IN ('Reseller','Distributor','SystemIntegrator','ServiceProvider','Consultancy','SoftwareVendor','Training','Other')),
    type_key          TEXT NOT NULL DEFAULT '',
    min_revenue       INTEGER CHECK (min_revenue IS NULL OR min_revenue >= 0),
    currency          TEXT CHECK (currency IS NULL OR length(currency) = 3),
    revenue_months    INTEGER CHECK (revenue_months IS NULL OR revenue_months BETWEEN 1 AND 120),
    min_certified     INTEGER CHECK (min_certified IS NULL OR min_certified >= 0),
    certification     TEXT,
    min_months_active INTEGER CHECK (min_months_active IS NULL OR min_months_active >= 0),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (tier, region_key, type_key)
);

CREATE TABLE history_v13 (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('Insert','Update','Delete')),
    entity     TEXT NOT NULL CHECK (entity IN ('Partner','Revenue','Target','ExchangeRate','Contact','Certification','TierRule')),
    entity_id  TEXT NOT NULL,
    partner_id INTEGER,
    changes    TEXT NOT NULL,
    source     TEXT,
    line       INTEGER
);
INSERT INTO history_v13 (id, at, user, operation, entity, entity_id, partner_id, changes, source, line)
SELECT id, at, user, operation, entity, entity_id, partner_id, changes, source, line FROM history;
DROP TABLE history;
ALTER TABLE history_v13 RENAME TO history;
CREATE INDEX history_partner ON history (partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX history_changes ON history (entity, entity_id) WHERE operation <> 'Insert';
CREATE INDEX history_moved ON history (json_extract(changes, '$.PartnerId[0]')) WHERE operation = 'Update' AND entity = 'Revenue';

-- A partner's records by date with their currency and amount in the index: the revenue of a window per partner (the tier
-- rules' RevenueMonths, Test-PartnerTier) is summed from the index alone, without a look into the table per record.
DROP INDEX revenue_partner;
CREATE INDEX revenue_partner ON revenue (partner_id, date, currency, amount);
";
    }
}
