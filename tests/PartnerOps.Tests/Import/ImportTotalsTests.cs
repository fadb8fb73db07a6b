using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    /// <summary>
    /// An import folds its revenue into revenue_totals per batch (RevenueTotalsBatch) and resolves partners once per batch:
    /// the cells must equal a fresh sum of the records whatever the batch and chunk sizes, modes and failures.
    /// </summary>
    public sealed class ImportTotalsTests : ImportTestBase
    {
        private static readonly string[] Regions = { "China", "china", "Western Europe", "\uFF21sia", "\U0001D400sia", "" };
        private static readonly string[] Segments = { "Enterprise", "ENTERPRISE", "Gro\u00DFkunden", "GROSSKUNDEN", "\uFF21 Seg", "\U0001D400 Seg" };
        private static readonly string[] Currencies = { "USD", "EUR", "KWD" };

        private ImportResult ImportRevenue(string path, ImportOptions options)
        {
            using var job = RevenueImport.Open(path, options, () => Now);
            using var store = Db.Open();
            return job.Run(store, new RecordingListener(), default);
        }

        private List<string> Differences()
        {
            using var store = Db.Open();
            // Cells with their region and segment spellings (SQLite's min() in BINARY order) against the records.
            var fresh = store.Connection.Query<string>(
                "SELECT printf('%d|%d|%s|%s|%s|%d|%d|%d|%d|%s|%s', coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), " +
                "segment_key, currency, count(*), sum(amount), min(amount), max(amount), min(region), min(segment)) FROM revenue " +
                "GROUP BY coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), segment_key, currency").ToList();
            var kept = store.Connection.Query<string>(
                "SELECT printf('%d|%d|%s|%s|%s|%d|%d|%d|%d|%s|%s', partner_key, year, region_key, segment_key, currency, count, total, minimum, maximum, region, segment) " +
                "FROM revenue_totals").ToList();
            return fresh.Except(kept, StringComparer.Ordinal).Select(c => "fresh " + c).Concat(kept.Except(fresh, StringComparer.Ordinal).Select(c => "kept " + c)).ToList();
        }

        [Theory]
        [InlineData(1, 1000, 512, ImportMode.Insert, false)]
        [InlineData(2, 7, 3, ImportMode.Upsert, false)]
        [InlineData(3, 11, 4, ImportMode.Skip, false)]
        [InlineData(4, 5, 2, ImportMode.Upsert, true)]
        [InlineData(5, 13, 1, ImportMode.Insert, true)]
        public void Totals_equal_the_records_after_imports_in_any_batch_and_chunk_size(int seed, int batchRows, int chunkRows, ImportMode mode, bool atomic)
        {
            var random = new Random(seed);
            using (var store = Db.Open())
            {
                var partners = Repository(store);
                for (var i = 1; i <= 6; i++)
                {
                    var region = Regions[random.Next(Regions.Length)];
                    partners.Add(Draft("P" + i, region: region.Length == 0 ? null : region));
                }
            }

            for (var round = 0; round < 4; round++)
            {
                var csv = new StringBuilder("PartnerName,Date,Amount,Currency,Segment,Region,Reference\n");
                // Even rounds have rows that fail (unknown partners, direct revenue without a region, a Reference stored in Insert
                // mode); odd rounds none, so that an -Atomic import keeps its rows.
                var failing = round % 2 == 0;
                for (var r = 0; r < 60; r++)
                {
                    var partner = random.Next(10) switch { 0 => string.Empty, 1 when failing => "Nobody", _ => "p" + random.Next(1, 7) };
                    var reference = random.Next(3) == 0 ? string.Empty : failing ? "R" + random.Next(1, 40) : $"U{round}-{r}";
                    var region = Regions[random.Next(Regions.Length - (failing || partner.Length > 0 ? 0 : 1))];
                    csv.Append(partner).Append(',').Append(2014 + random.Next(3)).Append("-0").Append(random.Next(1, 10)).Append("-15,")
                        .Append((random.Next(-500, 100000) / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                        .Append(Currencies[random.Next(Currencies.Length)]).Append(',').Append(Segments[random.Next(Segments.Length)]).Append(',')
                        .Append(region).Append(',').Append(reference).Append('\n');
                }

                var result = ImportRevenue(
                    WriteFile($"revenue-{round}.csv", csv.ToString()),
                    new ImportOptions { Mode = mode, Atomic = atomic, BatchRows = batchRows, ChunkRows = chunkRows });
                Assert.Equal(failing, result.Failed > 0);
                Assert.Empty(Differences());
            }

            using var check = Db.Open();
            Assert.Equal(0L, check.Connection.ExecuteScalar<long>($"SELECT count(*) FROM meta WHERE key = '{Schema.ImportTotalsFlag}'"));
            Assert.True(check.Connection.ExecuteScalar<long>("SELECT count(*) FROM revenue") > 0);
        }

        [Fact]
        public void A_reference_repeated_in_one_batch_is_inserted_then_updated_with_the_totals_exact()
        {
            using (var store = Db.Open())
            {
                Repository(store).Add(Draft("Acme", region: "China"));
            }

            var path = WriteFile(
                "repeat.csv",
                "PartnerName,Date,Amount,Currency,Reference\nAcme,2015-01-01,10,USD,R1\nAcme,2015-01-02,7,USD,R2\nAcme,2016-01-01,3,USD,R1\nAcme,2015-01-03,1,USD,R3\n");
            var result = ImportRevenue(path, new ImportOptions { Mode = ImportMode.Upsert });

            Assert.Equal((3L, 1L, 0L), (result.Inserted, result.Updated, result.Failed));
            Assert.Empty(Differences());
            using var check = Db.Open();
            Assert.Equal(
                new[] { "2015|2|800|100|700", "2016|1|300|300|300" },
                check.Connection.Query<string>("SELECT printf('%d|%d|%d|%d|%d', year, count, total, minimum, maximum) FROM revenue_totals ORDER BY year").ToArray());
        }

        [Fact]
        public void Unknown_partners_fail_per_line_and_known_ones_are_resolved_once_per_batch()
        {
            using (var store = Db.Open())
            {
                Repository(store).Add(Draft("Acme", region: "China"));
            }

            var path = WriteFile("unknown.csv", "PartnerName,Date,Amount\nAcme,2015-01-01,1\nNobody,2015-01-01,1\nACME,2015-01-02,2\nnobody,2015-01-03,3\n");
            var listener = new RecordingListener();
            using (var job = RevenueImport.Open(path, new ImportOptions(), () => Now))
            using (var store = Db.Open())
            {
                var result = job.Run(store, listener, default);
                Assert.Equal((2L, 2L), (result.Inserted, result.Failed));
            }

            Assert.Equal(new long[] { 3, 5 }, listener.Errors.Select(e => e.Line).ToArray());
            Assert.All(listener.Errors, e => Assert.Contains(RevenueImport.UnknownPartnerReason, e.Message));
            Assert.Empty(Differences());
        }

        [Fact]
        public void Utf8Order_sorts_as_SQLite_BINARY_collation()
        {
            var random = new Random(7);
            var pool = new[] { "a", "B", "\u00E9", "\uFF21", "\uE000", "\uFFFD", "\U0001D400", "\U0001F600", "\u0800", "z" };
            var texts = Enumerable.Range(0, 300).Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(__ => pool[random.Next(pool.Length)]))).Distinct().ToList();
            using var store = Db.Open();
            store.Connection.Execute("CREATE TEMP TABLE texts (t TEXT)");
            foreach (var text in texts)
            {
                store.Connection.Execute("INSERT INTO texts VALUES (@text)", new { text });
            }

            var sqlite = store.Connection.Query<string>("SELECT t FROM texts ORDER BY t").ToList();
            texts.Sort(Utf8Order.Compare);
            Assert.Equal(sqlite, texts);
        }
    }
}
