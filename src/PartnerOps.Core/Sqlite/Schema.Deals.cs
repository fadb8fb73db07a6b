namespace PartnerOps.Sqlite
{
    /// <summary>Schema step 14 (see <see cref="Migrations"/>): deal registration and revenue attribution (issue 19).</summary>
    public static partial class Schema
    {
        /// <summary>The attributions a partner's revenue record may carry (RevenueAttribution's names; direct revenue has none).</summary>
        internal const string AttributionNames = "'Sourced','Influenced','Fulfilled'";

        /// <summary>The deal statuses stored (DealStatus's names but Expired, which is read from expires_on, never written).</summary>
        internal const string StoredDealStatuses = "'Submitted','Approved','Denied','Won','Lost'";

        // Step 14: a partner's registered deals and the attribution of revenue. A deal belongs to its partner (ON DELETE CASCADE); the
        // customer is found by customer_key (the partner name key of its name: -Customer patterns, completion) and matched with other
        // deals' customers by customer_match_key (DealRules.CustomerMatchKey: that key without accents, runs of spaces as one) and
        // customer_country (index deals_customer: conflicts, exclusive approvals); a deal's estimate is
        // amount (whole minor units) and currency, both or neither; its reference is unique among deals; its status is the one last
        // written (Expired is never stored: it is read from expires_on, the last day of protection); decided_on is the day of the
        // approval or denial, closed_on the day it was won or lost; reason_on the day its reason was given (the denial, the loss, or the Set-PartnerDeal
        // -ExpiresOn that gave it: -AsOf reads of earlier days do not show it); revenue_id names the record a won deal made (SET NULL when that
        // record is removed), won_amount (whole minor units) and won_currency the amount it was won with (the record's; NULL unless
        // Won), so that amount and currency keep the registered estimate. Revenue gains attribution: Sourced, Influenced or Fulfilled for a partner's record, none for direct
        // revenue (the column CHECK sees to both); every partner record stored before gets Fulfilled (no history entry: the migration
        // runs before the connection's history triggers exist). The history records deals (HistoryTables: Deal): its entity CHECK
        // names them, so the history table is rebuilt with its rows, ids and indexes as step 13 did. Self-contained.
        private static string Deals() => $@"
CREATE TABLE deals (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    partner_id       INTEGER NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    customer         TEXT NOT NULL CHECK (length(customer) BETWEEN 1 AND 200),
    customer_key     TEXT NOT NULL,
    customer_match_key TEXT NOT NULL,
    customer_country TEXT NOT NULL CHECK (length(customer_country) = 2),
    segment          TEXT NOT NULL,
    segment_key      TEXT NOT NULL,
    product          TEXT CHECK (product IS NULL OR length(product) BETWEEN 1 AND 200),
    amount           INTEGER,
    currency         TEXT CHECK (currency IS NULL OR length(currency) = 3),
    expected_close   TEXT CHECK (expected_close IS NULL OR expected_close {DateGlob}),
    reference        TEXT CHECK (reference IS NULL OR length(reference) BETWEEN 1 AND 100),
    status           TEXT NOT NULL CHECK (status IN ({StoredDealStatuses})),
    registered_on    TEXT NOT NULL CHECK (registered_on {DateGlob}),
    expires_on       TEXT NOT NULL CHECK (expires_on {DateGlob} AND expires_on >= registered_on),
    decided_on       TEXT CHECK (decided_on IS NULL OR (decided_on {DateGlob} AND decided_on >= registered_on)),
    closed_on        TEXT CHECK (closed_on IS NULL OR (closed_on {DateGlob} AND closed_on >= registered_on)),
    reason           TEXT,
    reason_on        TEXT CHECK (reason_on IS NULL OR reason_on {DateGlob}),
    revenue_id       INTEGER REFERENCES revenue (id) ON DELETE SET NULL,
    won_amount       INTEGER,
    won_currency     TEXT CHECK (won_currency IS NULL OR length(won_currency) = 3),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((amount IS NULL) = (currency IS NULL)),
    CHECK ((won_amount IS NULL) = (won_currency IS NULL)),
    CHECK (status NOT IN ('Won','Lost') OR closed_on IS NOT NULL),
    CHECK (status NOT IN ('Approved','Denied') OR decided_on IS NOT NULL)
);
CREATE INDEX deals_customer ON deals (customer_match_key, customer_country);
CREATE INDEX deals_customer_key ON deals (customer_key);
CREATE INDEX deals_partner ON deals (partner_id);
CREATE INDEX deals_expires ON deals (expires_on);
CREATE INDEX deals_status ON deals (status);
CREATE UNIQUE INDEX deals_reference ON deals (reference) WHERE reference IS NOT NULL;
CREATE INDEX deals_revenue ON deals (revenue_id) WHERE revenue_id IS NOT NULL;

ALTER TABLE revenue ADD COLUMN attribution TEXT
    CHECK (attribution IS NULL OR (attribution IN ({AttributionNames}) AND partner_id IS NOT NULL));
UPDATE revenue SET attribution = 'Fulfilled' WHERE partner_id IS NOT NULL;

CREATE TABLE history_v14 (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user       TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('Insert','Update','Delete')),
    entity     TEXT NOT NULL CHECK (entity IN ('Partner','Revenue','Target','ExchangeRate','Contact','Certification','TierRule','Deal')),
    entity_id  TEXT NOT NULL,
    partner_id INTEGER,
    changes    TEXT NOT NULL,
    source     TEXT,
    line       INTEGER
);
INSERT INTO history_v14 (id, at, user, operation, entity, entity_id, partner_id, changes, source, line)
SELECT id, at, user, operation, entity, entity_id, partner_id, changes, source, line FROM history;
DROP TABLE history;
ALTER TABLE history_v14 RENAME TO history;
CREATE INDEX history_partner ON history (partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX history_changes ON history (entity, entity_id) WHERE operation <> 'Insert';
CREATE INDEX history_moved ON history (json_extract(changes, '$.PartnerId[0]')) WHERE operation = 'Update' AND entity = 'Revenue';
";
    }
}
