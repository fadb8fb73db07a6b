using System;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The deal sums' cell number (Data/DealSumsSql, issue 19): the status code of a deal on a day agrees with the status text of
    /// DealSql.StatusOn, and a cell number built by SQLite from the extreme dates (1900-01-01 to 2999-12-31) is taken apart into
    /// the status, quarter, year and days to close it was built from.
    /// </summary>
    public sealed class DealSumsSqlTests : IClassFixture<DealSqlDatabase>
    {
        private readonly DealSqlDatabase _database;

        public DealSumsSqlTests(DealSqlDatabase database) => _database = database;

        [Theory]
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2026-04-01", DealStatus.Submitted)]
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2026-04-02", DealStatus.Expired)]
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-01-31", DealStatus.Submitted)]
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-02-01", DealStatus.Approved)]
        [InlineData("Denied", "2026-01-01", "2026-04-01", "2026-02-01", null, "2027-01-01", DealStatus.Denied)]
        [InlineData("Denied", "2026-01-01", "2026-01-10", "2026-02-01", null, "2026-01-20", DealStatus.Expired)]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-02-28", DealStatus.Approved)]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-03-01", DealStatus.Won)]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-05-01", "2026-04-15", DealStatus.Expired)]
        [InlineData("Lost", "2026-01-01", "2026-04-01", null, "2026-03-01", "2026-02-28", DealStatus.Submitted)]
        [InlineData("Lost", "2026-01-01", "2026-04-01", null, "2026-03-01", "2026-03-01", DealStatus.Lost)]
        public void The_status_code_of_a_day_names_the_status_DealSql_reads_that_day(
            string stored, string registeredOn, string expiresOn, string? decidedOn, string? closedOn, string day, DealStatus expected)
        {
            var raw = _database.Raw;
            using var tx = raw.BeginTransaction();
            var id = Insert(raw, tx, stored, registeredOn, expiresOn, decidedOn, closedOn);
            var row = raw.QuerySingle<(string Status, long Code)>(
                $"SELECT {DealSql.StatusOn("d", "day")}, {DealSql.StatusCodeOn("d", "day")} FROM deals d WHERE d.id = @id", new { id, day }, tx);
            tx.Rollback();

            Assert.Equal(expected.ToString(), row.Status);
            Assert.Equal(DealSql.StatusCode(expected), row.Code);
            Assert.Equal(expected, DealSql.StatusOfCode(row.Code));
        }

        [Fact]
        public void Every_status_has_its_own_code_and_no_other_number_is_one()
        {
            var statuses = (DealStatus[])Enum.GetValues(typeof(DealStatus));
            Assert.Equal(statuses.Length, statuses.Select(DealSql.StatusCode).Distinct().Count());
            Assert.All(statuses, s => Assert.Equal(s, DealSql.StatusOfCode(DealSql.StatusCode(s))));
            Assert.Throws<ArgumentOutOfRangeException>(() => DealSql.StatusOfCode(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => DealSql.StatusOfCode(statuses.Length + 1));
        }

        [Fact]
        public void The_sums_take_the_cell_number_apart_into_status_quarter_year_and_days_to_close_on_the_extreme_days()
        {
            using var temp = new TempDatabase();
            using (var db = temp.Open())
            {
                db.Partners.Add(Draft("Alpha"));
            }

            using (var raw = OpenRaw(temp.Path_))
            {
                // Won after 401,766 days (1900-01-01 to 2999-12-31), lost the day it was registered, submitted on the last day.
                Insert(raw, null, "Won", "1900-01-01", "1900-03-31", "1900-01-02", "2999-12-31", 1000);
                Insert(raw, null, "Lost", "2026-05-15", "2026-08-13", null, "2026-05-15", 2000);
                Insert(raw, null, "Submitted", "2999-12-31", "2999-12-31", null, null, null);
            }

            using (var db = temp.Open())
            {
                var keys = new[] { DealGroupKey.Status, DealGroupKey.Year, DealGroupKey.Quarter, DealGroupKey.Segment };
                var rows = db.DealSums.Sum(keys, new DealSumFilter(), new DateTime(2999, 12, 31))
                    .OrderBy(r => r.Year).ToList();

                Assert.Equal(3, rows.Count);
                Assert.Equal(new object?[] { DealStatus.Won, 1900, 1, "Enterprise" }, rows[0].Keys);
                Assert.Equal((DealStatus.Won, 1900, (long?)401_766, 1L, 1000m, 0L), (rows[0].Status, rows[0].Year, rows[0].DaysToClose, rows[0].Count, rows[0].Minor, rows[0].NoAmount));
                Assert.Equal(new object?[] { DealStatus.Lost, 2026, 2, "Enterprise" }, rows[1].Keys);
                Assert.Equal((DealStatus.Lost, 2026, (long?)0, 1L, 2000m, 0L), (rows[1].Status, rows[1].Year, rows[1].DaysToClose, rows[1].Count, rows[1].Minor, rows[1].NoAmount));
                Assert.Equal(new object?[] { DealStatus.Submitted, 2999, 4, "Enterprise" }, rows[2].Keys);
                Assert.Equal((DealStatus.Submitted, 2999, (long?)null, 1L, 0m, 1L), (rows[2].Status, rows[2].Year, rows[2].DaysToClose, rows[2].Count, rows[2].Minor, rows[2].NoAmount));
                Assert.Null(rows[2].Currency);
                Assert.Equal("EUR", rows[0].Currency);
            }
        }

        private static long Insert(System.Data.IDbConnection raw, System.Data.IDbTransaction? tx, string stored, string registeredOn, string expiresOn,
                                   string? decidedOn, string? closedOn, long? amount = null) =>
            raw.ExecuteScalar<long>(
                "INSERT INTO deals (partner_id, customer, customer_key, customer_country, segment, segment_key, status, registered_on, " +
                "expires_on, decided_on, closed_on, amount, currency, created_at, updated_at) VALUES (1, 'Contoso', 'contoso', 'GB', " +
                "'Enterprise', 'enterprise', @stored, @registeredOn, @expiresOn, @decidedOn, @closedOn, @amount, " +
                "CASE WHEN @amount IS NULL THEN NULL ELSE 'EUR' END, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000'); SELECT last_insert_rowid()",
                new { stored, registeredOn, expiresOn, decidedOn, closedOn, amount }, tx);
    }
}
