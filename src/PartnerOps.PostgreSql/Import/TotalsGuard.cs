using System;
using System.Collections.Generic;
using System.Globalization;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The 64-bit limit of a revenue_totals cell for an import's batch (±9,223,372,036,854,775,807 minor units), with SQLite's
    /// outcome per row: a row that would take its cell beyond the limit fails (column Amount, naming the amount, the cell and its
    /// total), counted in the file's order over the rows inserted before it; a row whose Reference is stored or taken is not a
    /// candidate (it is skipped, fails or updates). Cheap in the usual case: the largest stored total (read once) plus the
    /// batch's absolute amounts stays under the limit, so no row can overflow and nothing is read. Otherwise the batch's rows
    /// are read with their cells' stored totals and replayed here. Runs on the import's writing thread only.
    /// </summary>
    internal sealed class TotalsGuard
    {
        private long _bound;
        private long _batch;

        /// <summary>Reads the largest magnitude of a stored total.</summary>
        public void Prepare(PgDatabase db) => _bound = ReadBound(db);

        /// <summary>A staged row's amount (minor units).</summary>
        public void Add(long amount) => _batch = Saturated(_batch, Math.Abs(amount));

        /// <summary>The staged batch's rows that would overflow their cell, by ord, with the failure's reason; after partners are resolved.</summary>
        public Dictionary<int, string> Check(PgDatabase db)
        {
            var failures = new Dictionary<int, string>();
            var batch = _batch;
            _batch = 0;
            if (Saturated(_bound, batch) < long.MaxValue)
            {
                _bound += batch;
                return failures;
            }

            // The bound only grows batch by batch: the stored totals as they are now (this transaction's merges included) may be far lower.
            _bound = ReadBound(db);
            if (Saturated(_bound, batch) < long.MaxValue)
            {
                _bound += batch;
                return failures;
            }

            var totals = new Dictionary<(long, int, string, string, string), long>();
            var references = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in db.Query<Row>(RowsSql))
            {
                if (r.PartnerCount > 1 || r.PartnerCount == 0 || r.Reference != null && (r.ReferenceStored || references.Contains(r.Reference)))
                {
                    continue;
                }

                var cell = (r.PartnerKey, r.Year, r.RegionKey, r.SegmentKey, r.Currency);
                var total = totals.TryGetValue(cell, out var running) ? running : r.Stored ?? 0;
                if ((r.Amount > 0 && total > long.MaxValue - r.Amount) || (r.Amount < 0 && total < long.MinValue - r.Amount))
                {
                    failures.Add(r.Ord, RevenueRules.TotalOverflowMessage(
                        RevenueRules.FromMinorUnits(r.Amount, r.Currency), r.Currency, r.Direct ? null : "'" + r.Name + "'", r.Year, r.Region, r.Segment,
                        RevenueRules.FromMinorUnits(total, r.Currency)));
                    totals[cell] = total;
                    continue;
                }

                totals[cell] = total + r.Amount;
                if (r.Reference != null)
                {
                    references.Add(r.Reference);
                }
            }

            _bound = long.MaxValue; // unknown after this batch: read again when the next one needs it
            return failures;
        }

        /// <summary>The batch was rolled back.</summary>
        public void Discard() => _batch = 0;

        private static long ReadBound(PgDatabase db)
        {
            var largest = db.Scalar<decimal?>("SELECT max(abs(total::numeric)) FROM revenue_totals") ?? 0m;
            return largest >= long.MaxValue ? long.MaxValue : (long)largest;
        }

        private static long Saturated(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

        private static readonly string RowsSql = $@"
SELECT s.ord AS Ord, coalesce(s.partner_count, 1) AS PartnerCount, s.name_key IS NULL AS Direct, coalesce(s.partner_id, 0) AS PartnerKey,
       substr(s.date, 1, 4)::integer AS Year, coalesce(s.region_key, '') AS RegionKey, s.segment_key AS SegmentKey, s.currency AS Currency,
       s.amount AS Amount, s.reference AS Reference,
       s.reference IS NOT NULL AND EXISTS (SELECT 1 FROM revenue v WHERE v.reference = s.reference) AS ReferenceStored,
       t.total AS Stored, s.region AS Region, s.segment AS Segment, s.name AS Name
FROM {PgImportWriter.Staging} s
LEFT JOIN revenue_totals t ON t.partner_key = coalesce(s.partner_id, 0) AND t.year = substr(s.date, 1, 4)::integer
     AND t.region_key = coalesce(s.region_key, '') AND t.segment_key = s.segment_key AND t.currency = s.currency
ORDER BY s.ord";

        private sealed class Row
        {
            public int Ord { get; set; }

            public int PartnerCount { get; set; }

            public bool Direct { get; set; }

            public long PartnerKey { get; set; }

            public int Year { get; set; }

            public string RegionKey { get; set; } = string.Empty;

            public string SegmentKey { get; set; } = string.Empty;

            public string Currency { get; set; } = string.Empty;

            public long Amount { get; set; }

            public string? Reference { get; set; }

            public bool ReferenceStored { get; set; }

            public long? Stored { get; set; }

            public string? Region { get; set; }

            public string Segment { get; set; } = string.Empty;

            public string? Name { get; set; }
        }
    }
}
