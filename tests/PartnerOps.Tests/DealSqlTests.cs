using System;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>A schema-14 database with one partner and a second one, for the deal rows the tests below write and undo.</summary>
    public sealed class DealSqlDatabase : IDisposable
    {
        private readonly TempDatabase _temp = new TempDatabase();

        public DealSqlDatabase()
        {
            using (var db = _temp.Open())
            {
                db.Partners.Add(Draft("Alpha"));
                db.Partners.Add(Draft("Bravo"));
            }

            Raw = OpenRaw(_temp.Path_);
            Raw.Execute("PRAGMA foreign_keys = ON");
        }

        public SqliteConnection Raw { get; }

        public void Dispose()
        {
            Raw.Dispose();
            _temp.Dispose();
        }
    }

    /// <summary>
    /// The status of a deal on a day and whether it holds its customer (Data/DealSql, issue 19), computed by SQLite from the stored
    /// columns over a table of cases: each row is (stored status, registered_on, expires_on, decided_on, closed_on, day, status
    /// read that day; '-' = the deal does not exist yet). A deal registered 2026-01-01 for 90 days expires on 2026-04-01 and
    /// reads Expired from 2026-04-02.
    /// </summary>
    public sealed class DealSqlTests : IClassFixture<DealSqlDatabase>
    {
        private readonly SqliteConnection _raw;

        public DealSqlTests(DealSqlDatabase database) => _raw = database.Raw;

        [Theory]
        // Submitted: held through ExpiresOn, Expired from the day after; not there before its registration.
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2025-12-31", "-")]
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2026-01-01", "Submitted")]
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2026-04-01", "Submitted")]
        [InlineData("Submitted", "2026-01-01", "2026-04-01", null, null, "2026-04-02", "Expired")]
        [InlineData("Submitted", "2026-01-01", "2026-01-01", null, null, "2026-01-01", "Submitted")]
        [InlineData("Submitted", "2026-01-01", "2026-01-01", null, null, "2026-01-02", "Expired")]
        // Approved on 2026-02-01: Submitted before, Approved from that day, Expired after ExpiresOn.
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-01-31", "Submitted")]
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-02-01", "Approved")]
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-04-01", "Approved")]
        [InlineData("Approved", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-04-02", "Expired")]
        // Denied on 2026-02-01: Submitted before (Expired if it expired first), Denied from that day on, also after ExpiresOn.
        [InlineData("Denied", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-01-31", "Submitted")]
        [InlineData("Denied", "2026-01-01", "2026-04-01", "2026-02-01", null, "2026-02-01", "Denied")]
        [InlineData("Denied", "2026-01-01", "2026-04-01", "2026-02-01", null, "2027-01-01", "Denied")]
        [InlineData("Denied", "2026-01-01", "2026-01-10", "2026-02-01", null, "2026-01-20", "Expired")]
        // Won: approved 2026-02-01, closed 2026-03-01.
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-01-15", "Submitted")]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-02-28", "Approved")]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-03-01", "Won")]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2030-01-01", "Won")]
        // Won after an extension: on a day past the first ExpiresOn but before the close it read Expired (the stored ExpiresOn is
        // the extended one only from the extension on; the history keeps the old one).
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-05-01", "2026-04-15", "Expired")]
        [InlineData("Won", "2026-01-01", "2026-04-01", "2026-02-01", "2026-05-01", "2026-05-01", "Won")]
        // Lost from Submitted (never decided) and from Approved.
        [InlineData("Lost", "2026-01-01", "2026-04-01", null, "2026-03-01", "2026-02-28", "Submitted")]
        [InlineData("Lost", "2026-01-01", "2026-04-01", null, "2026-03-01", "2026-03-01", "Lost")]
        [InlineData("Lost", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-02-15", "Approved")]
        [InlineData("Lost", "2026-01-01", "2026-04-01", "2026-02-01", "2026-03-01", "2026-06-01", "Lost")]
        public void A_deal_reads_its_status_of_the_day_and_holds_its_customer_exactly_while_Submitted_or_Approved(
            string stored, string registeredOn, string expiresOn, string? decidedOn, string? closedOn, string day, string expected)
        {
            using var tx = _raw.BeginTransaction();
            var id = _raw.ExecuteScalar<long>(
                "INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, status, registered_on, " +
                "expires_on, decided_on, closed_on, created_at, updated_at) VALUES (1, 'Contoso', 'contoso', 'contoso', 'GB', 'Enterprise', 'enterprise', " +
                "@stored, @registeredOn, @expiresOn, @decidedOn, @closedOn, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000'); " +
                "SELECT last_insert_rowid()",
                new { stored, registeredOn, expiresOn, decidedOn, closedOn }, tx);
            var row = _raw.QuerySingle<(long Exists, string Status, long Held)>(
                $"SELECT {DealSql.ExistsOn("d", "day")}, {DealSql.StatusOn("d", "day")}, {DealSql.HeldOn("d", "asOf")} FROM deals d WHERE d.id = @id",
                new { id, day, asOf = day }, tx);
            tx.Rollback();

            Assert.Equal(expected != "-", row.Exists == 1);
            if (expected == "-")
            {
                Assert.Equal(0, row.Held);
                return;
            }

            Assert.Equal(expected, row.Status);
            Assert.True(Enum.IsDefined(typeof(DealStatus), row.Status));
            Assert.Equal(expected == "Submitted" || expected == "Approved", row.Held == 1);
        }

        [Theory]
        [InlineData("'Expired', NULL, NULL, NULL, NULL", "Expired is never stored")]
        [InlineData("'Won', '2026-02-01', NULL, NULL, NULL", "a won deal has its close date")]
        [InlineData("'Lost', NULL, NULL, NULL, NULL", "a lost deal has its close date")]
        [InlineData("'Approved', NULL, NULL, NULL, NULL", "an approved deal has its decision date")]
        [InlineData("'Denied', NULL, NULL, NULL, NULL", "a denied deal has its decision date")]
        [InlineData("'Submitted', NULL, NULL, 1000, NULL", "an amount without its currency")]
        [InlineData("'Submitted', NULL, NULL, NULL, 'EUR'", "a currency without an amount")]
        [InlineData("'Submitted', '2025-12-31', NULL, NULL, NULL", "a decision before the registration")]
        [InlineData("'Lost', NULL, '2025-12-31', NULL, NULL", "a close before the registration")]
        public void The_schema_refuses_a_deal_row_whose_columns_contradict_each_other(string values, string because)
        {
            using var tx = _raw.BeginTransaction();
            var ex = Assert.Throws<SqliteException>(() => _raw.Execute(
                "INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, registered_on, expires_on, " +
                "status, decided_on, closed_on, amount, currency, created_at, updated_at) VALUES (1, 'Contoso', 'contoso', 'contoso', 'GB', 'Enterprise', " +
                $"'enterprise', '2026-01-01', '2026-04-01', {values}, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')",
                transaction: tx));
            tx.Rollback();
            Assert.True(ex.Message.Contains("CHECK constraint failed", StringComparison.Ordinal), because + ": " + ex.Message);
        }

        [Theory]
        [InlineData(1L, "Sourced", true)]
        [InlineData(1L, "Influenced", true)]
        [InlineData(1L, "Fulfilled", true)]
        [InlineData(1L, null, true)]
        [InlineData(1L, "fulfilled", false)]
        [InlineData(1L, "Resold", false)]
        [InlineData(null, "Fulfilled", false)]
        [InlineData(null, null, true)]
        public void Revenue_carries_an_attribution_of_the_three_names_and_direct_revenue_none(long? partnerId, string? attribution, bool stored)
        {
            using var tx = _raw.BeginTransaction();
            void Insert() => _raw.Execute(
                "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, created_at, attribution) " +
                "VALUES (@partnerId, '2026-01-05', 1000, 'EUR', 'Enterprise', 'enterprise', '2026-01-05 00:00:00.000', @attribution)",
                new { partnerId, attribution }, tx);
            if (stored)
            {
                Insert();
                Assert.Equal(attribution, _raw.ExecuteScalar<string?>("SELECT attribution FROM revenue ORDER BY id DESC LIMIT 1", transaction: tx));
            }
            else
            {
                Assert.Throws<SqliteException>(Insert);
            }

            tx.Rollback();
        }

        [Fact]
        public void A_won_deal_keeps_its_row_when_its_revenue_record_goes_and_a_partner_takes_its_deals_with_it()
        {
            using var tx = _raw.BeginTransaction();
            var revenueId = _raw.ExecuteScalar<long>(
                "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, created_at, attribution) VALUES " +
                "(2, '2026-03-01', 5000, 'EUR', 'Enterprise', 'enterprise', '2026-03-01 00:00:00.000', 'Sourced'); SELECT last_insert_rowid()",
                transaction: tx);
            var dealId = _raw.ExecuteScalar<long>(
                "INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, status, registered_on, expires_on, " +
                "decided_on, closed_on, amount, currency, revenue_id, created_at, updated_at) VALUES (2, 'Contoso', 'contoso', 'contoso', 'GB', 'Enterprise', " +
                "'enterprise', 'Won', '2026-01-01', '2026-04-01', '2026-02-01', '2026-03-01', 5000, 'EUR', @revenueId, '2026-01-01 00:00:00.000', " +
                "'2026-01-01 00:00:00.000'); SELECT last_insert_rowid()",
                new { revenueId }, tx);

            _raw.Execute("DELETE FROM revenue WHERE id = @revenueId", new { revenueId }, tx);
            Assert.Null(_raw.ExecuteScalar<long?>("SELECT revenue_id FROM deals WHERE id = @dealId", new { dealId }, tx));

            _raw.Execute("DELETE FROM partners WHERE id = 2", transaction: tx);
            Assert.Equal(0, _raw.ExecuteScalar<long>("SELECT count(*) FROM deals WHERE id = @dealId", new { dealId }, tx));
            tx.Rollback();
        }
    }
}
