using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Import;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// Import-Partner and Import-PartnerRevenue on PostgreSQL (binary COPY into a staging table, one merge per batch) give what
    /// SQLite's row-by-row import gives for the same files: counts, failed rows with their lines, columns and messages, and the
    /// stored rows and totals, in every mode, with small batches and chunks too.
    /// </summary>
    public sealed class PgImportTests : IDisposable
    {
        private readonly PgImportComparison _both = new PgImportComparison();

        public void Dispose() => _both.Dispose();

        // The same counts, failed rows, commits, tables, totals and history on both backends.
        private void AssertSame(PgImportComparison.Outcome sqlite, PgImportComparison.Outcome pg, ImportMode mode)
        {
            Assert.Equal(sqlite.Counts, pg.Counts);
            Assert.Equal(sqlite.Errors, pg.Errors);
            Assert.Equal(sqlite.CommittedRows, pg.CommittedRows);

            // SQLite's AUTOINCREMENT spends an id on an INSERT that does nothing on the key, but not always when an Upsert's
            // UPDATE ran in between (it depends on the batches): ids are compared where SQLite's are the rule (Insert, Skip).
            var ids = mode != ImportMode.Upsert;
            var (sqliteRows, pgRows) = _both.Tables(ids);
            Assert.Equal(sqliteRows, pgRows);
            var (sqliteHistory, pgHistory) = _both.History(ids);
            Assert.Equal(sqliteHistory, pgHistory);
        }

        [PgTheory]
        [InlineData(ImportMode.Insert, 50000, 512)]
        [InlineData(ImportMode.Skip, 50000, 512)]
        [InlineData(ImportMode.Upsert, 50000, 512)]
        [InlineData(ImportMode.Upsert, 2, 1)]
        [InlineData(ImportMode.Insert, 3, 2)]
        public void Partners_give_what_SQLite_gives(ImportMode mode, int batchRows, int chunkRows)
        {
            _both.Import(ImportTable.Partners, _both.File("seed.csv", "Name,Region,Country", "Alpha,Old,FR", "Delta,Old,FR"));
            var path = _both.File(
                "partners.csv",
                "Name,Region,Country,Notes",
                "ALPHA,New,DE,stored name",
                "Beta,EMEA,GB,first",
                "beta,EMEA,GB,second",
                "Gamma,EMEA,XX,bad country",
                "Delta,Old,FR,",
                "Epsilon,,,one",
                "EPSILON,,,two",
                "epsilon,,,two",
                "Zeta,APAC,JP,");

            var (sqlite, pg) = _both.Import(ImportTable.Partners, path, new ImportOptions { Mode = mode, BatchRows = batchRows, ChunkRows = chunkRows });

            AssertSame(sqlite, pg, mode);
        }

        [PgTheory]
        [InlineData(ImportMode.Insert, 50000, 512)]
        [InlineData(ImportMode.Skip, 50000, 512)]
        [InlineData(ImportMode.Upsert, 50000, 512)]
        [InlineData(ImportMode.Upsert, 2, 1)]
        [InlineData(ImportMode.Skip, 3, 2)]
        public void Revenue_gives_what_SQLite_gives(ImportMode mode, int batchRows, int chunkRows)
        {
            _both.Import(ImportTable.Partners, _both.File("partners.csv", "Name,Region", "Alpha,Western Europe", "Beta,", "Gamma,china"));
            _both.Import(ImportTable.Revenue, _both.File("seed.csv", "PartnerName,Date,Amount,Reference", "Alpha,2023-03-01,100,R1", "Beta,2023-03-01,7,R9"));
            var path = _both.File(
                "revenue.csv",
                "PartnerName,Date,Amount,Currency,Segment,Region,Reference",
                "alpha,2024-01-05,10.50,,,,",
                "Beta,2024-01-05,3,,,,",
                "Nobody,2024-01-05,1,,,,R2",
                ",2024-02-01,5,,,Direct Region,",
                "Gamma,2024-02-01,9,EUR,SMB,,R3",
                "Alpha,2023-03-01,250,,,,R1",
                "Gamma,2024-02-02,11,,,,R3",
                "Gamma,2024-02-02,11,,,,R3",
                "Beta,2023-03-01,7,,,,R9",
                "Alpha,2024-13-01,1,,,,R4",
                "Gamma,2024-03-01,4,,Enterprise,CHINA,R5");

            var (sqlite, pg) = _both.Import(ImportTable.Revenue, path, new ImportOptions { Mode = mode, BatchRows = batchRows, ChunkRows = chunkRows });

            AssertSame(sqlite, pg, mode);
        }

        [PgTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void Atomic_gives_what_SQLite_gives(bool failing)
        {
            _both.Import(ImportTable.Partners, _both.File("seed.csv", "Name", "Alpha"));
            var path = _both.File("partners.csv", "Name,Country", "New1,DE", "New2,GB", failing ? "alpha,DE" : "New3,FR", "New4,GB");

            var (sqlite, pg) = _both.Import(ImportTable.Partners, path, new ImportOptions { Atomic = true, BatchRows = 1, ChunkRows = 1 });

            Assert.Equal(failing, pg.Result.RolledBack);
            Assert.Equal(sqlite.Counts, pg.Counts);
            Assert.Equal(sqlite.Errors, pg.Errors);
            Assert.Equal(sqlite.Listener.Commits, pg.Listener.Commits);
            var (sqliteRows, pgRows) = _both.Tables();
            Assert.Equal(sqliteRows, pgRows);
        }

        [PgFact]
        public void A_total_beyond_64_bits_fails_the_row_as_on_SQLite_and_the_rest_goes_in()
        {
            // CLF has four minor digits: 999,999,999,999.99 CLF is about 10^16 minor units, so 922 of them come near 2^63.
            _both.Import(ImportTable.Partners, _both.File("partners.csv", "Name,Region", "Alpha,Andes"));
            var seed = new[] { "PartnerName,Date,Amount,Currency" }.Concat(Enumerable.Repeat("Alpha,2024-01-01,999999999999.99,CLF", 922)).ToArray();
            _both.Import(ImportTable.Revenue, _both.File("seed.csv", seed));
            var path = _both.File(
                "revenue.csv",
                "PartnerName,Date,Amount,Currency,Reference",
                "Alpha,2024-06-01,999999999999.99,CLF,X1",
                "Alpha,2024-06-02,-5,CLF,X2",
                "Alpha,2024-06-03,999999999999.99,CLF,X2",
                "Alpha,2025-06-03,999999999999.99,CLF,X3");

            var (sqlite, pg) = _both.Import(ImportTable.Revenue, path, new ImportOptions { Mode = ImportMode.Skip });

            Assert.Equal(sqlite.Counts, pg.Counts);
            Assert.Equal(sqlite.Errors, pg.Errors);
            Assert.Contains(pg.Errors, e => e.StartsWith("2|Amount|", StringComparison.Ordinal));
            var (sqliteRows, pgRows) = _both.Tables();
            Assert.Equal(sqliteRows, pgRows);
        }

        [PgFact]
        public void Batches_commit_every_BatchRows_rows_and_report_their_last_line()
        {
            var path = _both.File("partners.csv", new[] { "Name" }.Concat(Enumerable.Range(1, 2000).Select(i => "P" + i)).ToArray());

            var outcome = _both.ImportPg(ImportTable.Partners, path, new ImportOptions { BatchRows = 600, BatchAge = TimeSpan.FromHours(1) });

            Assert.Equal(2000, outcome.Result.Inserted);
            Assert.True(outcome.Listener.Commits.Count >= 2);
            Assert.Equal(2000, outcome.CommittedRows);
            Assert.Equal(2001, outcome.Listener.Commits.Last().LastLine);
            Assert.Equal(2000L, _both.Pg.Rows("SELECT count(*) FROM partners").Single()[0]);
        }
    }
}
