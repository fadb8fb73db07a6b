using System;
using System.Collections.Generic;
using System.Globalization;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The revenue_totals cells of an import's inserted records, added up in memory and folded into the table by one
    /// upsert per cell, in the table's key order, before the batch commits (<see cref="Flush"/>). While a batch runs, the
    /// import's flag row (<see cref="Schema.ImportTotalsFlag"/>) keeps the per-row insert trigger from firing; the flag is
    /// written by <see cref="Begin"/> and deleted by <see cref="End"/> inside the same transaction, so no other connection
    /// ever sees it and a killed import leaves neither the flag nor its records.
    /// The 64-bit refusal stays per record, in the file's order, with the trigger's arithmetic (<see cref="TryAdd"/>):
    /// a cell's stored total is read only when the largest stored total (<see cref="Prepare"/>) plus the batch's could
    /// come near the limit. Runs on the import's writing thread only.
    /// </summary>
    internal sealed class RevenueTotalsBatch : IDisposable
    {
        // |amount| of one record in minor units is at most RevenueRules.MaxAmount with four minor digits: under 10^16.
        private const long AmountBound = 10_000_000_000_000_000;

        private readonly Dictionary<CellKey, Cell> _cells = new Dictionary<CellKey, Cell>();
        private readonly int _maxCells;
        private sqlite3? _db;
        private SqliteStatement? _stored;
        private SqliteStatement? _upsert;

        // No stored cell's total is larger than this in magnitude (read once, raised by every flush and update).
        private long _storedBound;

        /// <param name="maxCells">Cells held in memory before they are folded in early (memory stays bounded with -Atomic).</param>
        public RevenueTotalsBatch(int maxCells = 50_000)
        {
            _maxCells = maxCells;
        }

        /// <summary>Cells waiting to be folded in.</summary>
        public int PendingCells => _cells.Count;

        /// <summary>Prepares the statements and reads the largest stored total (one pass over revenue_totals).</summary>
        public void Prepare(sqlite3 db)
        {
            _db = db;
            _stored = new SqliteStatement(db, "SELECT total FROM revenue_totals WHERE partner_key = ?1 AND year = ?2 AND region_key = ?3 AND segment_key = ?4 AND currency = ?5");
            _upsert = new SqliteStatement(
                db,
                "INSERT INTO revenue_totals (partner_key, year, region_key, segment_key, currency, region, segment, count, total, minimum, maximum) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) " +
                $"ON CONFLICT DO UPDATE SET count = count + excluded.count, total = {NullOnOverflow("total", "excluded.total")}, " +
                "minimum = min(minimum, excluded.minimum), maximum = max(maximum, excluded.maximum), " +
                "region = min(region, excluded.region), segment = min(segment, excluded.segment) RETURNING total");
            var largest = SqliteStatement.QueryText(db, "SELECT max(total) FROM revenue_totals");
            var smallest = SqliteStatement.QueryText(db, "SELECT min(total) FROM revenue_totals");
            var high = largest == null ? 0 : long.Parse(largest, CultureInfo.InvariantCulture);
            var low = smallest == null ? 0 : long.Parse(smallest, CultureInfo.InvariantCulture);
            _storedBound = Math.Max(Math.Abs(high), low == long.MinValue ? long.MaxValue : Math.Abs(low));
        }

        /// <summary>Starts a batch inside its transaction: the insert trigger stops firing for this connection's writes.</summary>
        public void Begin()
        {
            _cells.Clear();
            SqliteStatement.Exec(_db!, $"INSERT OR REPLACE INTO meta (key, value) VALUES ('{Schema.ImportTotalsFlag}', '1')");
        }

        /// <summary>
        /// Whether a record of <paramref name="amount"/> minor units may join its cell: false when the cell's total (stored
        /// plus the batch's records before it) would leave 64 bits, with that total in <paramref name="totalNow"/>.
        /// On true the record is counted; call it only for a record about to be inserted, and <see cref="Forget"/> when the
        /// insert then wrote nothing.
        /// </summary>
        public bool TryAdd(in CellKey key, string? region, string segment, long amount, out long totalNow)
        {
            if (!_cells.TryGetValue(key, out var cell))
            {
                cell = new Cell(region, segment);
                _cells.Add(key, cell);
            }

            if (!cell.Exact && SaturatedAdd(_storedBound, SaturatedAdd(Math.Abs(cell.Total), AmountBound)) >= long.MaxValue)
            {
                // Near the limit: the stored total, read once, makes the cell's running total exact.
                cell.Total += ReadStored(key);
                cell.Exact = true;
            }

            totalNow = cell.Exact ? cell.Total : 0;
            if ((amount > 0 && cell.Total > long.MaxValue - amount) || (amount < 0 && cell.Total < long.MinValue - amount))
            {
                if (cell.Count == 0 && !cell.Exact)
                {
                    _cells.Remove(key);
                }

                return false;
            }

            cell.Previous = (cell.Total, cell.Minimum, cell.Maximum, cell.Region, cell.Segment);
            cell.Total += amount;
            cell.Minimum = cell.Count == 0 ? amount : Math.Min(cell.Minimum, amount);
            cell.Maximum = cell.Count == 0 ? amount : Math.Max(cell.Maximum, amount);
            if (cell.Count > 0)
            {
                // As SQLite's min(): NULL when either is NULL; text in BINARY (UTF-8 byte) order.
                cell.Region = cell.Region == null || region == null ? null : Utf8Order.Min(cell.Region, region);
                cell.Segment = Utf8Order.Min(cell.Segment, segment);
            }

            cell.Count++;
            return true;
        }

        /// <summary>Undoes the last <see cref="TryAdd"/> of the cell (the record's insert wrote nothing).</summary>
        public void Forget(in CellKey key)
        {
            var cell = _cells[key];
            (cell.Total, cell.Minimum, cell.Maximum, cell.Region, cell.Segment) = cell.Previous;
            cell.Count--;
            if (cell.Count == 0 && !cell.Exact)
            {
                _cells.Remove(key);
            }
        }

        /// <summary>Whether the cells held are many enough to fold in now.</summary>
        public bool Full => _cells.Count >= _maxCells;

        /// <summary>
        /// Folds the held cells into revenue_totals, in key order, and forgets them; before the batch commits, before
        /// an UPDATE of revenue (its trigger must see the table complete) and when <see cref="Full"/>.
        /// </summary>
        public void Flush()
        {
            if (_cells.Count == 0)
            {
                return;
            }

            var keys = new List<CellKey>(_cells.Keys);
            keys.Sort(CellKey.Order);
            var upsert = _upsert!;
            foreach (var key in keys)
            {
                var cell = _cells[key];
                if (cell.Count == 0)
                {
                    continue;
                }

                upsert.BindInt64(1, key.PartnerKey);
                upsert.BindInt64(2, key.Year);
                upsert.BindText(3, key.RegionKey);
                upsert.BindText(4, key.SegmentKey);
                upsert.BindText(5, key.Currency);
                upsert.BindText(6, cell.Region);
                upsert.BindText(7, cell.Segment);
                upsert.BindInt64(8, cell.Count);
                upsert.BindInt64(9, cell.Exact ? cell.Total - cell.StoredPart : cell.Total);
                upsert.BindInt64(10, cell.Minimum);
                upsert.BindInt64(11, cell.Maximum);
                var total = upsert.FirstRow();
                if (total == null)
                {
                    throw new Microsoft.Data.Sqlite.SqliteException("The imported revenue could not be added to revenue_totals.", raw.SQLITE_ERROR);
                }

                var stored = long.Parse(total[0]!, CultureInfo.InvariantCulture);
                _storedBound = Math.Max(_storedBound, stored == long.MinValue ? long.MaxValue : Math.Abs(stored));
            }

            _cells.Clear();
        }

        /// <summary>An UPDATE of a record is about to run: its trigger moves up to two amounts between cells.</summary>
        public void BeforeUpdate()
        {
            Flush();
            _storedBound = SaturatedAdd(_storedBound, AmountBound);
        }

        /// <summary>Folds what is held in and deletes the flag row; the transaction then commits.</summary>
        public void End()
        {
            Flush();
            SqliteStatement.Exec(_db!, $"DELETE FROM meta WHERE key = '{Schema.ImportTotalsFlag}'");
        }

        /// <summary>The batch was rolled back: nothing held is kept.</summary>
        public void Discard() => _cells.Clear();

        public void Dispose()
        {
            _stored?.Dispose();
            _upsert?.Dispose();
            _stored = null;
            _upsert = null;
        }

        private long ReadStored(in CellKey key)
        {
            var stored = _stored!;
            stored.BindInt64(1, key.PartnerKey);
            stored.BindInt64(2, key.Year);
            stored.BindText(3, key.RegionKey);
            stored.BindText(4, key.SegmentKey);
            stored.BindText(5, key.Currency);
            var row = stored.FirstRow();
            var value = row == null ? 0 : long.Parse(row[0]!, CultureInfo.InvariantCulture);
            _cells[key].StoredPart = value;
            return value;
        }

        // RAISE exists only in triggers: a sum beyond 64 bits becomes NULL, which the NOT NULL column refuses (the statement
        // fails and the batch is rolled back). TryAdd refuses such a record first, so this only guards against a mistake.
        private static string NullOnOverflow(string total, string amount) =>
            $"CASE WHEN ({amount} > 0 AND {total} > 9223372036854775807 - ({amount})) OR ({amount} < 0 AND {total} < -9223372036854775807 - 1 - ({amount})) " +
            $"THEN NULL ELSE {total} + ({amount}) END";

        private static long SaturatedAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private sealed class Cell
        {
            public Cell(string? region, string segment)
            {
                Region = region;
                Segment = segment;
            }

            public long Count;
            public long Total;
            public long Minimum;
            public long Maximum;
            public string? Region;
            public string Segment;

            /// <summary>True once the stored total is part of <see cref="Total"/> (<see cref="StoredPart"/>).</summary>
            public bool Exact;
            public long StoredPart;
            public (long Total, long Minimum, long Maximum, string? Region, string Segment) Previous;
        }
    }
}
