using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>The revenue_totals cells that the triggers keep must always equal a fresh sum of the records.</summary>
    public sealed class RevenueTotalsTests : IDisposable
    {
        private static readonly string[] Regions = { "China", "china", "Western Europe", "North America" };
        private static readonly string[] Segments = { "Enterprise", "ENTERPRISE", "Carrier", "Consumer" };
        private static readonly string[] Currencies = { "USD", "EUR", "JPY", "BHD" };

        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly RevenueRepository _revenue;

        public RevenueTotalsTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
            _revenue = Revenue(_store);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private void AssertTotalsMatchRecords(string when)
        {
            var fresh = FreshTotals(_store);
            var kept = KeptTotals(_store);
            Assert.True(fresh.SequenceEqual(kept), $"{when}:\nfresh: {string.Join("; ", fresh)}\nkept:  {string.Join("; ", kept)}");
        }

        private (long Count, long Total, long Minimum, long Maximum) Cell() =>
            _store.Connection.QuerySingle<(long, long, long, long)>("SELECT count, total, minimum, maximum FROM revenue_totals", transaction: _store.Transaction);

        private void Execute(string sql, object parameters) => _store.Connection.Execute(sql, parameters, _store.Transaction);

        [Fact]
        public void Records_of_one_partner_year_region_segment_and_currency_share_one_cell()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            _revenue.Add(Sale(acme, Day(2015, 1, 1), 10m));
            _revenue.Add(Sale(acme, Day(2015, 12, 31), -2.50m, region: "CHINA", segment: "enterprise"));
            _revenue.Add(Sale(acme, Day(2015, 6, 1), 100m));

            Assert.Equal((3L, 10750L, -250L, 10000L), Cell());
            AssertTotalsMatchRecords("after three inserts");
        }

        [Fact]
        public void Deleting_the_minimum_or_the_maximum_recomputes_it_from_the_remaining_records()
        {
            var ids = new[] { 5m, 1m, 10m, 7m }.Select(a => _revenue.Add(DirectSale("China", Day(2015, 3, 1), a)).Id).ToArray();
            Assert.Equal((4L, 2300L, 100L, 1000L), Cell());

            _revenue.Remove(ids[1]);
            Assert.Equal((3L, 2200L, 500L, 1000L), Cell());

            _revenue.Remove(ids[2]);
            Assert.Equal((2L, 1200L, 500L, 700L), Cell());

            _revenue.Remove(ids[0]);
            Assert.Equal((1L, 700L, 700L, 700L), Cell());

            _revenue.Remove(ids[3]);
            Assert.Empty(KeptTotals(_store));
        }

        [Fact]
        public void Deleting_one_of_two_equal_minimums_keeps_the_minimum()
        {
            var ids = new[] { 3m, 3m, 9m }.Select(a => _revenue.Add(DirectSale("China", Day(2015, 3, 1), a)).Id).ToArray();

            _revenue.Remove(ids[0]);

            Assert.Equal((2L, 1200L, 300L, 900L), Cell());
        }

        [Fact]
        public void Updating_the_amount_of_the_maximum_downwards_recomputes_the_maximum()
        {
            var ids = new[] { 5m, 1m, 10m }.Select(a => _revenue.Add(DirectSale("China", Day(2015, 3, 1), a)).Id).ToArray();

            Execute("UPDATE revenue SET amount = 200 WHERE id = @id", new { id = ids[2] });
            Assert.Equal((3L, 800L, 100L, 500L), Cell());

            Execute("UPDATE revenue SET amount = 50 WHERE id = @id", new { id = ids[1] });
            Assert.Equal((3L, 750L, 50L, 500L), Cell());
            AssertTotalsMatchRecords("after updating amounts");
        }

        [Fact]
        public void Moving_a_record_to_another_year_moves_it_to_that_year_s_cell()
        {
            var a = _revenue.Add(DirectSale("China", Day(2015, 3, 1), 5m));
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 1m));

            Execute("UPDATE revenue SET date = '2016-01-01' WHERE id = @id", new { id = a.Id });

            Assert.Equal(2, KeptTotals(_store).Count);
            AssertTotalsMatchRecords("after moving a record a year on");
        }

        [Fact]
        public void Totals_stay_equal_to_the_records_through_a_random_mix_of_inserts_deletes_and_updates()
        {
            var random = new Random(20150101);
            var partners = new List<Partner>
            {
                _partners.Add(Draft("Acme", region: "Western Europe")),
                _partners.Add(Draft("Acorn", region: "China")),
                _partners.Add(Draft("Beta", region: "china")),
                _partners.Add(Draft("Gamma")),
                _partners.Add(Draft("Delta", region: "North America")),
            };
            var ids = new List<long>();

            _store.BeginWrite();
            for (var step = 0; step < 3000; step++)
            {
                var action = random.Next(100);
                if (action < 45 || ids.Count == 0)
                {
                    ids.Add(_revenue.Add(RandomDraft(random, partners)).Id);
                }
                else if (action < 60)
                {
                    var at = random.Next(ids.Count);
                    _revenue.Remove(ids[at]);
                    ids.RemoveAt(at);
                }
                else if (action < 62)
                {
                    var partner = partners[random.Next(partners.Count)];
                    _revenue.RemoveForPartner(partner.Id);
                    ids = _store.Connection.Query<long>("SELECT id FROM revenue ORDER BY id", transaction: _store.Transaction).ToList();
                }
                else if (action < 68)
                {
                    // Delete the smallest or largest record of some cell.
                    var extreme = _store.Connection.QuerySingle<long>(
                        (random.Next(2) == 0 ? "SELECT id FROM revenue ORDER BY amount, id" : "SELECT id FROM revenue ORDER BY amount DESC, id") + " LIMIT 1 OFFSET @offset",
                        new { offset = random.Next(ids.Count) / 10 },
                        _store.Transaction);
                    _revenue.Remove(extreme);
                    ids.Remove(extreme);
                }
                else
                {
                    RandomUpdate(random, ids[random.Next(ids.Count)], partners);
                }

                if (step % 250 == 0)
                {
                    AssertTotalsMatchRecords($"step {step}");
                }
            }

            AssertTotalsMatchRecords("before commit");
            _store.Commit();
            AssertTotalsMatchRecords("after commit");
            Assert.True(ids.Count > 100, $"only {ids.Count} records were left to check");

            var totals = _store.Check().Single(f => f.Check == "RevenueTotals");
            Assert.True(totals.Passed, totals.Detail);
        }

        private static RevenueDraft RandomDraft(Random random, List<Partner> partners)
        {
            var currency = Currencies[random.Next(Currencies.Length)];
            var amount = RevenueRules.FromMinorUnits(random.Next(-500, 100_000), currency);
            var date = Day(2013, 1, 1).AddDays(random.Next(4 * 365));
            var segment = Segments[random.Next(Segments.Length)];
            var region = random.Next(3) == 0 ? Regions[random.Next(Regions.Length)] : null;
            return random.Next(4) == 0
                ? DirectSale(region ?? "China", date, amount, currency, segment)
                : Sale(partners[random.Next(partners.Count)], date, amount, currency, segment, region);
        }

        private void RandomUpdate(Random random, long id, List<Partner> partners)
        {
            switch (random.Next(6))
            {
                case 0:
                    Execute("UPDATE revenue SET amount = @amount WHERE id = @id", new { id, amount = (long)random.Next(-500, 100_000) });
                    break;
                case 1:
                    Execute("UPDATE revenue SET date = @date WHERE id = @id", new { id, date = PartnerRules.FormatDate(Day(2013, 1, 1).AddDays(random.Next(4 * 365))) });
                    break;
                case 2:
                    Execute("UPDATE revenue SET currency = @currency WHERE id = @id", new { id, currency = Currencies[random.Next(Currencies.Length)] });
                    break;
                case 3:
                    var segment = Segments[random.Next(Segments.Length)];
                    Execute("UPDATE revenue SET segment = @segment, segment_key = @key WHERE id = @id", new { id, segment, key = RevenueRules.Key(segment) });
                    break;
                case 4:
                    var region = random.Next(4) == 0 ? null : Regions[random.Next(Regions.Length)];
                    Execute("UPDATE revenue SET region = @region, region_key = @key WHERE id = @id", new { id, region, key = RevenueRules.Key(region) });
                    break;
                default:
                    // Several keys and the amount at once, including a move between partner and direct revenue.
                    long? partnerId = random.Next(3) == 0 ? null : partners[random.Next(partners.Count)].Id;
                    Execute(
                        // (Direct revenue has no attribution, schema 14: it goes with the partner.)
                        "UPDATE revenue SET partner_id = @partnerId, amount = amount * 2, date = @date, " +
                        "attribution = CASE WHEN @partnerId IS NULL THEN NULL ELSE 'Fulfilled' END WHERE id = @id",
                        new { id, partnerId, date = PartnerRules.FormatDate(Day(2013, 1, 1).AddDays(random.Next(4 * 365))) });
                    break;
            }
        }

        [Fact]
        public void Check_passes_on_kept_totals_and_fails_when_revenue_totals_is_tampered_with()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            _revenue.Add(Sale(acme, Day(2015, 3, 1), 10m));
            _revenue.Add(Sale(acme, Day(2015, 3, 2), 20m));
            _revenue.Add(DirectSale("China", Day(2016, 3, 1), 30m));
            Assert.True(_store.Check().Single(f => f.Check == "RevenueTotals").Passed);

            _store.Connection.Execute("UPDATE revenue_totals SET total = total + 1 WHERE partner_key = @id", new { id = acme.Id });

            var findings = _store.Check();
            var totals = findings.Single(f => f.Check == "RevenueTotals");
            Assert.False(totals.Passed);
            Assert.Contains("differ", totals.Detail, StringComparison.Ordinal);
            Assert.All(findings.Where(f => f.Check != "RevenueTotals"), f => Assert.True(f.Passed, f.ToString()));
        }

        [Fact]
        public void Check_counts_one_tampered_cell_once()
        {
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m));
            _revenue.Add(DirectSale("China", Day(2016, 3, 1), 30m));

            _store.Connection.Execute("UPDATE revenue_totals SET total = total + 1 WHERE year = 2015");

            Assert.Equal("1 revenue total(s) differ from the records they sum", _store.Check().Single(f => f.Check == "RevenueTotals").Detail);
        }

        [Theory]
        [InlineData("DELETE FROM revenue_totals WHERE partner_key = 0")]
        [InlineData("UPDATE revenue_totals SET count = count + 1")]
        [InlineData("UPDATE revenue_totals SET minimum = minimum - 1")]
        [InlineData("UPDATE revenue_totals SET maximum = maximum + 1")]
        [InlineData("INSERT INTO revenue_totals VALUES (0, 1999, 'MARS', 'ENTERPRISE', 'USD', 'Mars', 'Enterprise', 1, 5, 5, 5)")]
        public void Check_notices_every_kind_of_tampering_with_revenue_totals(string tamper)
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            _revenue.Add(Sale(acme, Day(2015, 3, 1), 10m));
            _revenue.Add(DirectSale("China", Day(2016, 3, 1), 30m));

            _store.Connection.Execute(tamper);

            Assert.False(_store.Check().Single(f => f.Check == "RevenueTotals").Passed);
        }
    }
}
