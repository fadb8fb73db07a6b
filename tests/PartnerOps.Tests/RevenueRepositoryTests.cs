using System;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class RevenueRepositoryTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly RevenueRepository _revenue;

        public RevenueRepositoryTests()
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

        private long StoredCount() => _revenue.Count(new RevenueFilter());

        private void AssertTotalsMatchRecords()
        {
            Assert.Equal(FreshTotals(_store), KeptTotals(_store));
        }

        [Fact]
        public void Add_with_a_partner_id_books_the_revenue_to_that_partner()
        {
            var acme = _partners.Add(Draft("Acme", region: "Western Europe"));

            var added = _revenue.Add(Sale(new PartnerReference(acme.Id), Day(2015, 3, 1), 1500.25m));

            Assert.True(added.Id > 0);
            Assert.Equal(acme.Id, added.PartnerId);
            Assert.Equal("Acme", added.PartnerName);
            Assert.Equal(RevenueChannel.Partner, added.Channel);
            Assert.Equal(1500.25m, added.Amount);
            var stored = _revenue.GetById(added.Id)!;
            Assert.Equal(acme.Id, stored.PartnerId);
            Assert.Equal("Acme", stored.PartnerName);
            Assert.Equal(Day(2015, 3, 1), stored.Date);
            Assert.Equal(2015, stored.Year);
            Assert.Equal(1, stored.Quarter);
            Assert.Equal(3, stored.Month);
        }

        [Fact]
        public void Add_with_a_partner_name_finds_the_partner_ignoring_case()
        {
            var acme = _partners.Add(Draft("Acme Corp", region: "China"));

            var added = _revenue.Add(Sale(new PartnerReference("  aCME corp "), Day(2015, 3, 1), 10m));

            Assert.Equal(acme.Id, added.PartnerId);
            Assert.Equal("Acme Corp", added.PartnerName);
        }

        [Fact]
        public void Add_with_a_Partner_object_uses_its_id()
        {
            var acme = _partners.Add(Draft("Acme"));

            var added = _revenue.Add(Sale(new PartnerReference(acme), Day(2015, 3, 1), 10m));

            Assert.Equal(acme.Id, added.PartnerId);
        }

        [Fact]
        public void An_unknown_partner_is_PartnerNotFound_and_nothing_is_written()
        {
            _partners.Add(Draft("Acme"));

            var byName = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _revenue.Add(Sale(new PartnerReference("Nobody"), Day(2015, 3, 1), 10m, region: "China")));
            Assert.Contains("Nobody", byName.Message, StringComparison.Ordinal);
            var byId = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _revenue.Add(Sale(new PartnerReference(9999), Day(2015, 3, 1), 10m, region: "China")));
            Assert.Contains("9999", byId.Message, StringComparison.Ordinal);

            Assert.Equal(0, StoredCount());
            Assert.Empty(KeptTotals(_store));
        }

        [Fact]
        public void Direct_revenue_needs_a_region()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => _revenue.Add(Sale((PartnerReference?)null, Day(2015, 3, 1), 10m)));
            Assert.Contains("Region", ex.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => _revenue.Add(Sale((PartnerReference?)null, Day(2015, 3, 1), 10m, region: "   ")));
            Assert.Equal(0, StoredCount());

            var direct = _revenue.Add(DirectSale(" China ", Day(2015, 3, 1), 10m));
            Assert.Null(direct.PartnerId);
            Assert.Null(direct.PartnerName);
            Assert.Equal(RevenueChannel.Direct, direct.Channel);
            Assert.Equal("China", direct.Region);
            Assert.Equal(RevenueChannel.Direct, _revenue.GetById(direct.Id)!.Channel);
        }

        [Fact]
        public void Partner_revenue_takes_the_partner_s_region_unless_one_is_given()
        {
            var acme = _partners.Add(Draft("Acme", region: "Western Europe"));
            var noRegion = _partners.Add(Draft("Nowhere"));

            Assert.Equal("Western Europe", _revenue.Add(Sale(acme, Day(2015, 3, 1), 10m)).Region);
            Assert.Equal("China", _revenue.Add(Sale(acme, Day(2015, 3, 1), 10m, region: "China")).Region);
            var without = _revenue.Add(Sale(noRegion, Day(2015, 3, 1), 10m));
            Assert.Null(without.Region);
            Assert.Null(_revenue.GetById(without.Id)!.Region);
        }

        [Fact]
        public void Currency_defaults_to_the_database_s_reporting_currency()
        {
            using var db = new TempDatabase();
            using var store = SqliteDatabase.Create(db.Path_, "EUR");
            var revenue = Revenue(store);

            Assert.Equal("EUR", revenue.ReportingCurrency);
            Assert.Equal("EUR", revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m)).Currency);
            Assert.Equal("EUR", revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, currency: " ")).Currency);
            Assert.Equal("GBP", revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, currency: "gbp")).Currency);
            Assert.Equal(new[] { "EUR", "EUR", "GBP" }, revenue.Find(new RevenueFilter()).Select(r => r.Currency).ToArray());
            Assert.Equal("USD", Revenue(_store).Add(DirectSale("China", Day(2015, 3, 1), 10m)).Currency);
        }

        [Fact]
        public void An_invalid_currency_is_InvalidCurrencyCode_and_nothing_is_written()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, currency: "XXX")));
            Assert.Contains("XXX", ex.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, currency: "US")));
            Assert.Equal(0, StoredCount());
        }

        [Fact]
        public void An_amount_finer_than_the_currency_is_InvalidAmount_and_nothing_is_written()
        {
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10.005m)));
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10.5m, currency: "JPY")));
            Assert.Equal(0, StoredCount());

            Assert.Equal(1234.567m, _revenue.Add(DirectSale("China", Day(2015, 3, 1), 1234.567m, currency: "BHD")).Amount);
        }

        [Fact]
        public void Amounts_keep_the_currency_s_decimal_places_when_added_and_read_back()
        {
            var usd = _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10.5m));
            var jpy = _revenue.Add(DirectSale("China", Day(2015, 3, 1), 1050m, currency: "JPY"));
            var bhd = _revenue.Add(DirectSale("China", Day(2015, 3, 1), 1.05m, currency: "BHD"));
            var credit = _revenue.Add(DirectSale("China", Day(2015, 3, 1), -20m));

            Assert.Equal("10.50", usd.Amount.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("10.50", _revenue.GetById(usd.Id)!.Amount.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("1050", _revenue.GetById(jpy.Id)!.Amount.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("1.050", _revenue.GetById(bhd.Id)!.Amount.ToString(CultureInfo.InvariantCulture));
            Assert.Equal("-20.00", _revenue.GetById(credit.Id)!.Amount.ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Segment_defaults_to_Enterprise_and_is_trimmed()
        {
            Assert.Equal("Enterprise", _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m)).Segment);
            Assert.Equal("Enterprise", _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, segment: "  ")).Segment);
            Assert.Equal("Carrier", _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, segment: " Carrier ")).Segment);
            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m, segment: new string('s', RevenueRules.MaxSegmentLength + 1))));
        }

        [Fact]
        public void The_date_is_kept_as_a_date_only_and_must_be_in_a_sensible_range()
        {
            var added = _revenue.Add(DirectSale("China", new DateTime(2015, 3, 1, 17, 45, 12), 10m));
            Assert.Equal(Day(2015, 3, 1), added.Date);
            Assert.Equal(Day(2015, 3, 1), _revenue.GetById(added.Id)!.Date);

            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => _revenue.Add(DirectSale("China", Day(1899, 12, 31), 10m)));
            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => _revenue.Add(DirectSale("China", Day(3000, 1, 1), 10m)));
            Assert.Equal(1, StoredCount());
        }

        [Fact]
        public void A_reused_reference_is_RevenueReferenceExists_and_nothing_is_written()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            var first = _revenue.Add(Sale(acme, Day(2015, 3, 1), 100m, reference: " INV-1 "));
            Assert.Equal("INV-1", first.Reference);

            var ex = ThrowsPartnerOps(ErrorIds.RevenueReferenceExists, () => _revenue.Add(Sale(acme, Day(2016, 3, 1), 999m, reference: "INV-1")));
            Assert.Contains("INV-1", ex.Message, StringComparison.Ordinal);
            Assert.Equal("INV-1", ex.Target);
            Assert.Equal(FailureKind.AlreadyExists, ex.Kind);

            Assert.Equal(1, StoredCount());
            Assert.Equal(100m, _revenue.Find(new RevenueFilter()).Single().Amount);
            AssertTotalsMatchRecords();
            Assert.Single(KeptTotals(_store));
        }

        [Fact]
        public void Records_without_a_reference_do_not_collide()
        {
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m));
            _revenue.Add(Sale((PartnerReference?)null, Day(2015, 3, 1), 10m, region: "China", reference: " "));
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m));

            Assert.Equal(3, StoredCount());
            Assert.All(_revenue.Find(new RevenueFilter()), r => Assert.Null(r.Reference));
        }

        [Fact]
        public void Remove_deletes_one_record_and_a_missing_id_is_RevenueNotFound()
        {
            var keep = _revenue.Add(DirectSale("China", Day(2015, 3, 1), 10m));
            var gone = _revenue.Add(DirectSale("China", Day(2015, 3, 2), 20m));

            _revenue.Remove(gone.Id);

            Assert.Null(_revenue.GetById(gone.Id));
            Assert.NotNull(_revenue.GetById(keep.Id));
            var ex = ThrowsPartnerOps(ErrorIds.RevenueNotFound, () => _revenue.Remove(gone.Id));
            Assert.Equal(gone.Id, ex.Target);
            AssertTotalsMatchRecords();
        }

        [Fact]
        public void RemoveForPartner_deletes_that_partner_s_records_only_and_CountForPartner_counts_them()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            var beta = _partners.Add(Draft("Beta", region: "China"));
            for (var i = 0; i < 3; i++)
            {
                _revenue.Add(Sale(acme, Day(2014 + i, 3, 1), 10m + i));
            }

            _revenue.Add(Sale(beta, Day(2015, 3, 1), 50m));
            _revenue.Add(DirectSale("China", Day(2015, 3, 1), 60m));

            Assert.Equal(3, _revenue.CountForPartner(acme.Id));
            Assert.Equal(1, _revenue.CountForPartner(beta.Id));

            Assert.Equal(3, _revenue.RemoveForPartner(acme.Id));

            Assert.Equal(0, _revenue.CountForPartner(acme.Id));
            Assert.Equal(0, _revenue.RemoveForPartner(acme.Id));
            Assert.Equal(new[] { 50m, 60m }, _revenue.Find(new RevenueFilter()).Select(r => r.Amount).ToArray());
            AssertTotalsMatchRecords();
        }

        [Fact]
        public void A_failed_add_inside_a_transaction_leaves_the_earlier_records_of_that_transaction()
        {
            _store.BeginWrite();
            _revenue.Add(Sale((PartnerReference?)null, Day(2015, 3, 1), 10m, region: "China", reference: "A"));
            ThrowsPartnerOps(ErrorIds.RevenueReferenceExists, () => _revenue.Add(Sale((PartnerReference?)null, Day(2015, 3, 1), 20m, region: "China", reference: "A")));
            _store.Commit();

            Assert.Equal(1, StoredCount());
            AssertTotalsMatchRecords();
        }
    }
}
