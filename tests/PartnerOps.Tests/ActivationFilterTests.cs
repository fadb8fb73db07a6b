using System;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The activation filters of Get-Partner (PartnerFilter.NotActivatedWithin, NoRevenueSince) as SQL: each partner's revenue
    /// and first change to Active are looked up through their indexes (revenue_partner, status_changes_partner), never by a
    /// scan of revenue or status_changes, so the filters stay fast on large databases; and the day they are measured on.
    /// </summary>
    public sealed class ActivationFilterTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;

        public ActivationFilterTests()
        {
            _store = _db.Open();
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private string Plan(PartnerFilter filter)
        {
            var (sql, parameters) = PartnerSql.FindStatement(filter);
            return string.Join("\n", _store.Connection.Query<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters).Select(r => r.Detail));
        }

        // Only the partners are read in order; every other table is searched by a partner's id.
        private static void ScansOnlyPartners(string plan) =>
            Assert.All(plan.Split('\n').Where(line => line.StartsWith("SCAN ", StringComparison.Ordinal)), line => Assert.StartsWith("SCAN partners", line));

        [Fact]
        public void NotActivatedWithin_reads_revenue_and_status_changes_through_their_indexes()
        {
            var plan = Plan(new PartnerFilter { NotActivatedWithin = 90, AsOf = Day(2015, 6, 1) });
            Assert.Contains("SEARCH sa USING INDEX status_changes_partner (partner_id=? AND attribute=?)", plan);
            Assert.Contains("SEARCH ra USING COVERING INDEX revenue_partner (partner_id=? AND date<?)", plan);
            ScansOnlyPartners(plan);
        }

        [Fact]
        public void NoRevenueSince_reads_revenue_through_its_partner_index()
        {
            var plan = Plan(new PartnerFilter { NoRevenueSince = Day(2015, 1, 1) });
            Assert.Contains("SEARCH rs USING COVERING INDEX revenue_partner (partner_id=? AND date>?)", plan);
            ScansOnlyPartners(plan);
        }

        [Fact]
        public void NotActivatedWithin_is_measured_on_AsOf_else_on_Today_and_needs_one_of_them()
        {
            var (_, onAsOf) = PartnerFilterSql.BuildWhere(SqliteFilterDialect.Instance, new PartnerFilter { NotActivatedWithin = 90, AsOf = Day(2015, 4, 1), Today = Day(2026, 1, 1) });
            Assert.Equal("2015-04-01", onAsOf.Get<string>("activationDay"));
            // 90 days before 1 April 2015 is 1 January 2015: a partner Active since then (or earlier) qualifies.
            Assert.Equal("2015-01-01", onAsOf.Get<string>("activeBy"));
            var (_, onToday) = PartnerFilterSql.BuildWhere(SqliteFilterDialect.Instance, new PartnerFilter { NotActivatedWithin = 0, Today = Day(2026, 1, 1) });
            Assert.Equal("2026-01-01", onToday.Get<string>("activeBy"));
            Assert.Throws<ArgumentException>(() => PartnerFilterSql.BuildWhere(SqliteFilterDialect.Instance, new PartnerFilter { NotActivatedWithin = 90 }));
        }
    }
}
