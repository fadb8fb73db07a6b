namespace PartnerOps.Sqlite
{
    /// <summary>Schema step 9 (see <see cref="Migrations"/>), in a file of its own.</summary>
    public static partial class Schema
    {
        // Step 9: an import no longer writes a history row per inserted record. Each committed batch writes one row in
        // history_batches (user, UTC time, entity, source file) and its inserted ids as runs in history_runs: a run is
        // consecutive ids on consecutive lines (first id, last id, first line), so a clean batch is one run. The batch
        // reserves a block of history ids, one per record (history_batches.id is the block's highest; the triggers of
        // HistoryTriggers number their rows above it), so Get-PartnerHistory lists one entry per record as before: the
        // record of id first_id + k has the history id history_id + k and the line first_line + k. The stored record holds
        // its values; HistoryRepository undoes the later Update entries of it (history_changes finds them, and the Delete
        // entry of a removed one), and finds the records a partner had when they were inserted through history_moved
        // (revenue moved to another partner by an Upsert). Every stored history row stays as it is. Self-contained.
        private static string ImportHistory() => @"
CREATE TABLE history_batches (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    user   TEXT NOT NULL,
    entity TEXT NOT NULL CHECK (entity IN ('Partner','Revenue')),
    source TEXT
);

CREATE TABLE history_runs (
    history_id INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES history_batches (id),
    entity     TEXT NOT NULL CHECK (entity IN ('Partner','Revenue')),
    first_id   INTEGER NOT NULL,
    last_id    INTEGER NOT NULL CHECK (last_id >= first_id),
    first_line INTEGER
);

CREATE UNIQUE INDEX history_runs_entity ON history_runs (entity, first_id);
CREATE INDEX history_changes ON history (entity, entity_id) WHERE operation <> 'Insert';
CREATE INDEX history_moved ON history (json_extract(changes, '$.PartnerId[0]')) WHERE operation = 'Update' AND entity = 'Revenue';
";
    }
}
