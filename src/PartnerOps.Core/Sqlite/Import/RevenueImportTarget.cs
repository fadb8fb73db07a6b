using System;
using System.Collections.Generic;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Revenue rows into the revenue table. Partners are resolved once per batch: each chunk's names not met yet in the
    /// batch are looked up together, in key order (<see cref="BeginChunk"/>), and the INSERT gets the partner's id and
    /// default region as parameters. A row for a partner that is not there, or for a name two partners share, fails in
    /// every mode. The revenue_totals insert trigger does not fire for the import's rows: each batch folds them into
    /// revenue_totals itself (<see cref="RevenueTotalsBatch"/>); an Upsert's UPDATE fires the update trigger as any write.
    /// The history is written per batch (<see cref="ImportTarget.RecordInserts"/>).
    /// </summary>
    internal sealed class RevenueImportTarget : ImportTarget
    {
        // Names resolved in the batch: forgotten at each batch's start (another connection may change partners between
        // batches) and when this many are held, so memory stays bounded.
        private const int MaxResolved = 200_000;

        // Names looked up one by one before the import reads every name key once instead (PartnerKeyMap): a file this large
        // pays for the map's one pass over the index; a small file into a large table never does.
        private const int MapAfterLookups = 10_000;

        // The map's keys may take this much memory (about 2.5 million partners with 25-byte names); beyond it, lookups stay per batch.
        private const int MaxMapKeyBytes = 64 * 1024 * 1024;

        private readonly Dictionary<string, ResolvedPartner> _resolved = new Dictionary<string, ResolvedPartner>(StringComparer.Ordinal);
        private readonly RevenueTotalsBatch _totals = new RevenueTotalsBatch();
        private ResolvedPartner?[] _rowPartners = Array.Empty<ResolvedPartner?>();
        private SqliteStatement? _partner;
        private SqliteStatement? _cell;
        private SqliteStatement? _referenceStored;
        private SqliteStatement? _region;
        private PartnerKeyMap? _map;
        private string? _mapDataVersion;
        private bool _mapRefused;
        private long _lookups;
        private sqlite3? _db;
        private CellKey _rowCell;
        private bool _rowCounted;

        public RevenueImportTarget(ImportMode mode)
            : base(mode)
        {
        }

        public override int ParameterCount => RevenueImportMapper.ParameterCount;

        protected override HistoryEntity HistoryEntity => HistoryEntity.Revenue;

        // Each record lands in three indexes of revenue (partner and date, date, reference) at places spread over the file;
        // with SQLite's 2 MB cache nearly every one is a read from the OS. The totals are folded in per batch, in key order.
        // 32 MiB keeps the importing pwsh under 250 MB at 1M partners and 1M records (236.6 MB; 273.0 MB with 64 MiB), at a
        // price: 40.3 s instead of 31.8 s for that import (build.ps1 -Task Bench, 2026-11-30; see bench/README.md).
        public override int CacheKiB => 32 * 1024;

        // ?12 the batch's timestamp; ?13 the partner's id (NULL for direct revenue), ?14 its region and ?15 that region's key: the
        // defaults of ?7 and ?8.
        protected override string InsertSql =>
            "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at, attribution) " +
            "VALUES (?13, ?2, ?3, ?4, ?5, ?6, coalesce(?7, ?14), coalesce(?8, ?15), ?9, ?12, " + Attribution("NULL") + ") ON CONFLICT DO NOTHING";

        // The row's attribution (?11); a partner's row that gives none keeps <paramref name="stored"/> (issue 19: an upsert does
        // not turn a won deal's Sourced revenue into Fulfilled), else Fulfilled; direct revenue (no name key) has none.
        private static string Attribution(string stored) =>
            $"CASE WHEN ?1 IS NULL THEN NULL ELSE coalesce(?11, {stored}, 'Fulfilled') END";

        // Only reached for a row whose Reference is already stored; ?10 (the name) and ?12 (the batch's timestamp) are not needed.
        protected override string UpdateSql =>
            "UPDATE revenue SET partner_id = (SELECT id FROM partners WHERE name_key = ?1), date = ?2, amount = ?3, currency = ?4, " +
            "segment = ?5, segment_key = ?6, region = coalesce(?7, (SELECT region FROM partners WHERE name_key = ?1)), " +
            "region_key = coalesce(?8, (SELECT po_key(region) FROM partners WHERE name_key = ?1)), attribution = " + Attribution("attribution") + " " +
            "WHERE reference = ?9 AND coalesce(?10, ?12) IS NOT NULL " +
            // A row that changes nothing writes nothing (no history): it counts as skipped (ImportTarget.NotUpdated).
            "AND (partner_id IS NOT (SELECT id FROM partners WHERE name_key = ?1) OR date IS NOT ?2 OR amount IS NOT ?3 OR currency IS NOT ?4 " +
            "OR segment IS NOT ?5 OR region IS NOT coalesce(?7, (SELECT region FROM partners WHERE name_key = ?1)) OR attribution IS NOT " + Attribution("attribution") + ")";

        public override void Prepare(sqlite3 db)
        {
            base.Prepare(db);
            _db = db;
            _region = new SqliteStatement(db, "SELECT region, po_key(region) FROM partners WHERE id = ?1");
            // Two rows for one name key: names stored before schema 4 that print the same (a failed row).
            _partner = new SqliteStatement(db, "SELECT count(*), min(id), min(region), po_key(min(region)) FROM (SELECT id, region FROM partners WHERE name_key = ?1 LIMIT 2)");
            _cell = new SqliteStatement(
                db,
                "SELECT (SELECT total FROM revenue_totals WHERE partner_key = coalesce((SELECT id FROM partners WHERE name_key = ?1), 0) " +
                "AND year = CAST(substr(?2, 1, 4) AS INTEGER) AND region_key = coalesce(?3, (SELECT po_key(region) FROM partners WHERE name_key = ?1), '') " +
                "AND segment_key = ?4 AND currency = ?5), coalesce(?6, (SELECT region FROM partners WHERE name_key = ?1))");
            _referenceStored = new SqliteStatement(db, "SELECT 1 FROM revenue WHERE reference = ?1");
            _totals.Prepare(db);
        }

        protected override void BatchBegun()
        {
            // Another connection's commit since the map was read (partners added, renamed or removed between two batches): read again when needed.
            if (_map != null && SqliteStatement.QueryText(_db!, "PRAGMA data_version") != _mapDataVersion)
            {
                _map = null;
                _lookups = 0;
            }

            _resolved.Clear();
            _totals.Begin();
        }

        /// <summary>Resolves the chunk's partner names not yet resolved in this batch, in key order; folds totals in when many are held.</summary>
        public override void BeginChunk(ImportChunk chunk)
        {
            if (_totals.Full)
            {
                _totals.Flush();
            }

            if (_resolved.Count > MaxResolved)
            {
                _resolved.Clear();
            }

            if (_rowPartners.Length < chunk.Count)
            {
                _rowPartners = new ResolvedPartner?[chunk.Capacity];
            }

            if (_map == null && !_mapRefused && _lookups >= MapAfterLookups)
            {
                _mapDataVersion = SqliteStatement.QueryText(_db!, "PRAGMA data_version");
                _map = PartnerKeyMap.Build(_db!, MaxMapKeyBytes);
                _mapRefused = _map == null;
            }

            if (_map != null)
            {
                for (var row = 0; row < chunk.Count; row++)
                {
                    var id = chunk.IsNull(row, 0) ? (long?)null : _map.Find(chunk.Text(row, 0));
                    _rowPartners[row] = id == null ? null
                        : id == 0 ? ResolvedPartner.Unknown
                        : id == PartnerKeyMap.Shared ? ResolvedPartner.Shared
                        : new ResolvedPartner(1, id.Value);
                }

                return;
            }

            var names = new string?[chunk.Count];
            var missing = new List<string>();
            for (var row = 0; row < chunk.Count; row++)
            {
                var key = chunk.TextString(row, 0);
                names[row] = key;
                if (key != null && !_resolved.ContainsKey(key))
                {
                    _resolved[key] = ResolvedPartner.Pending;
                    missing.Add(key);
                }
            }

            missing.Sort(Utf8Order.Compare);
            _lookups += missing.Count;
            foreach (var key in missing)
            {
                _resolved[key] = Lookup(key);
            }

            for (var row = 0; row < chunk.Count; row++)
            {
                _rowPartners[row] = names[row] == null ? null : _resolved[names[row]!];
            }
        }

        public override void EndBatch() => _totals.End();

        public override void BatchRolledBack() => _totals.Discard();

        public override RowOutcome Write(ImportChunk chunk, int row)
        {
            // A row for a missing partner must fail in every mode, before an Upsert could touch a record.
            var partner = _rowPartners[row];
            if (partner != null)
            {
                if (partner.Count == 0)
                {
                    return RowOutcome.Failed("PartnerName", RevenueImport.UnknownPartner(chunk.TextString(row, 9)));
                }

                if (partner.Count > 1)
                {
                    return RowOutcome.Failed("PartnerName", RevenueImport.SharedPartner(chunk.TextString(row, 9)));
                }
            }

            if (partner != null && !partner.RegionKnown && (chunk.IsNull(row, 6) || chunk.IsNull(row, 7)))
            {
                LoadRegion(partner);
            }

            var region = chunk.IsNull(row, 6) ? partner?.Region : chunk.TextString(row, 6);
            var regionKey = chunk.IsNull(row, 7) ? partner?.RegionKey : chunk.TextString(row, 7);
            var date = chunk.Text(row, 1);
            var year = ((date[0] - '0') * 1000) + ((date[1] - '0') * 100) + ((date[2] - '0') * 10) + (date[3] - '0');
            var amount = chunk.Integer(row, 2);
            _rowCell = new CellKey(partner?.Id ?? 0, year, regionKey ?? string.Empty, chunk.TextString(row, 5)!, chunk.TextString(row, 3)!);
            _rowCounted = _totals.TryAdd(_rowCell, region, chunk.TextString(row, 4)!, amount, out var totalNow);
            if (!_rowCounted && (chunk.IsNull(row, 8) || !_referenceStored!.Exists(chunk.TextString(row, 8)!)))
            {
                // Inserted, the record would take its cell beyond 64 bits. (A stored Reference makes the INSERT write nothing:
                // Skip skips, Insert fails, and an Upsert's UPDATE, which moves amounts between cells, is checked by its trigger.)
                return Overflow(chunk, row, totalNow, region);
            }

            var insert = Insert;
            if (partner == null)
            {
                insert.BindText(13, null);
                insert.BindText(14, null);
                insert.BindText(15, null);
            }
            else
            {
                insert.BindInt64(13, partner.Id);
                insert.BindText(14, partner.Region);
                insert.BindText(15, partner.RegionKey);
            }

            var outcome = base.Write(chunk, row);

            // An Upsert's UPDATE is refused by the update trigger when it would overflow a cell.
            return outcome.Kind == RowOutcomeKind.Failed && RevenueTotals.IsOverflow(outcome.Reason) ? Overflow(chunk, row) : outcome;
        }

        protected override void InsertedNothing(ImportChunk chunk, int row)
        {
            if (_rowCounted)
            {
                _totals.Forget(_rowCell);
            }
        }

        protected override void BeforeUpdate() => _totals.BeforeUpdate();

        // The partner's own region, the default of a row that names none (a partner found in the map has only its id).
        private void LoadRegion(ResolvedPartner partner)
        {
            var statement = _region!;
            statement.BindInt64(1, partner.Id);
            var row = statement.FirstRow();
            partner.SetRegion(row?[0], row?[1]);
        }

        private ResolvedPartner Lookup(string nameKey)
        {
            var statement = _partner!;
            statement.BindText(1, nameKey);
            var row = statement.FirstRow()!;
            return row[0] == "0" ? ResolvedPartner.Unknown
                : row[0] != "1" ? ResolvedPartner.Shared
                : new ResolvedPartner(1, long.Parse(row[1]!, System.Globalization.CultureInfo.InvariantCulture), row[2], row[3]);
        }

        // The row would take its cell beyond 64 bits: the cell's total (stored and the batch's rows before it) is totalNow; say which amount and total.
        private static RowOutcome Overflow(ImportChunk chunk, int row, long totalNow, string? region)
        {
            var currency = chunk.TextString(row, 3)!;
            var year = int.Parse(chunk.TextString(row, 1)!.Substring(0, 4), System.Globalization.CultureInfo.InvariantCulture);
            return RowOutcome.Failed(
                "Amount",
                RevenueRules.TotalOverflowMessage(
                    RevenueRules.FromMinorUnits(chunk.Integer(row, 2), currency),
                    currency,
                    chunk.IsNull(row, 0) ? null : "'" + chunk.TextString(row, 9) + "'",
                    year,
                    region,
                    chunk.TextString(row, 4)!,
                    RevenueRules.FromMinorUnits(totalNow, currency)));
        }

        // An Upsert's UPDATE was refused by the update trigger (the statement was undone): the cell's total is read from the table.
        private RowOutcome Overflow(ImportChunk chunk, int row)
        {
            var cell = _cell!;
            cell.BindText(1, chunk.TextString(row, 0));
            cell.BindText(2, chunk.TextString(row, 1));
            cell.BindText(3, chunk.TextString(row, 7));
            cell.BindText(4, chunk.TextString(row, 5));
            cell.BindText(5, chunk.TextString(row, 3));
            cell.BindText(6, chunk.TextString(row, 6));
            var found = cell.FirstRow();
            return Overflow(chunk, row, long.Parse(found?[0] ?? "0", System.Globalization.CultureInfo.InvariantCulture), found?[1]);
        }

        protected override RowOutcome Conflict(ImportChunk chunk, int row) =>
            RowOutcome.Failed("Reference", RevenueImport.ReferenceTaken(chunk.TextString(row, 8)));

        public override void Dispose()
        {
            _partner?.Dispose();
            _partner = null;
            _referenceStored?.Dispose();
            _region?.Dispose();
            _region = null;
            _referenceStored = null;
            _totals.Dispose();
            _cell?.Dispose();
            _cell = null;
            base.Dispose();
        }
    }

    /// <summary>A partner name's resolution in an import batch: how many partners have the key (0, 1, or 2 for more), and the one's id and region.</summary>
    internal sealed class ResolvedPartner
    {
        public static readonly ResolvedPartner Pending = new ResolvedPartner(0, 0, null, null);
        public static readonly ResolvedPartner Unknown = new ResolvedPartner(0, 0, null, null);
        public static readonly ResolvedPartner Shared = new ResolvedPartner(2, 0, null, null);

        public ResolvedPartner(int count, long id, string? region, string? regionKey)
        {
            Count = count;
            Id = id;
            Region = region;
            RegionKey = regionKey;
            RegionKnown = true;
        }

        /// <summary>A partner found by id only; its region is read when a row needs it (<see cref="SetRegion"/>).</summary>
        public ResolvedPartner(int count, long id)
        {
            Count = count;
            Id = id;
        }

        public int Count { get; }

        public long Id { get; }

        public string? Region { get; private set; }

        public string? RegionKey { get; private set; }

        /// <summary>Whether <see cref="Region"/> and <see cref="RegionKey"/> hold the partner's (null when it has no region).</summary>
        public bool RegionKnown { get; private set; }

        public void SetRegion(string? region, string? regionKey)
        {
            Region = region;
            RegionKey = regionKey;
            RegionKnown = true;
        }
    }
}
