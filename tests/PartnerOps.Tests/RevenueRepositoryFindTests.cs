using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Find over a small data set in which every amount names its record.</summary>
    public sealed class RevenueRepositoryFindTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly RevenueRepository _revenue;
        private readonly Partner _acme;
        private readonly Partner _acorn;
        private readonly Partner _beta;

        public RevenueRepositoryFindTests()
        {
            _store = _db.Open();
            var partners = Repository(_store);
            _acme = partners.Add(Draft("Acme", region: "Western Europe"));
            _acorn = partners.Add(Draft("Acorn", region: "China"));
            _beta = partners.Add(Draft("Beta", region: "China"));
            _revenue = Revenue(_store);

            _revenue.Add(Sale(_acme, Day(2014, 12, 31), 100m));
            _revenue.Add(Sale(_acme, Day(2015, 1, 1), 200m, segment: "Carrier"));
            _revenue.Add(Sale(_acorn, Day(2015, 3, 31), 300m));
            _revenue.Add(Sale(_acorn, Day(2015, 4, 1), 400m, segment: "Consumer"));
            _revenue.Add(Sale(_beta, Day(2015, 6, 30), 500m, segment: "enterprise"));
            _revenue.Add(DirectSale("Western Europe", Day(2015, 7, 1), 600m));
            _revenue.Add(DirectSale("CHINA", Day(2016, 1, 1), 700m, segment: "Carrier"));
            _revenue.Add(Sale(_beta, Day(2015, 1, 1), 800m, region: "North America"));
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private decimal[] Amounts(RevenueFilter filter) => _revenue.Find(filter).Select(r => r.Amount).ToArray();

        private static RevenueFilter Filter(Action<RevenueFilter> shape)
        {
            var filter = new RevenueFilter();
            shape(filter);
            return filter;
        }

        [Fact]
        public void Without_a_filter_every_record_comes_back_by_date_then_id()
        {
            Assert.Equal(new[] { 100m, 200m, 800m, 300m, 400m, 500m, 600m, 700m }, Amounts(new RevenueFilter()));
            Assert.Equal(8, _revenue.Count(new RevenueFilter()));
        }

        [Fact]
        public void Records_carry_their_partner_s_name_and_direct_records_none()
        {
            var records = _revenue.Find(new RevenueFilter()).ToDictionary(r => r.Amount);
            Assert.Equal("Acme", records[100m].PartnerName);
            Assert.Equal("Beta", records[800m].PartnerName);
            Assert.Null(records[600m].PartnerName);
            Assert.Null(records[600m].PartnerId);
        }

        [Fact]
        public void Partner_ids_restrict_to_those_partners()
        {
            var filter = Filter(f =>
            {
                f.RestrictPartners = true;
                f.PartnerIds.Add(_acorn.Id);
                f.PartnerIds.Add(_beta.Id);
            });

            Assert.Equal(new[] { 800m, 300m, 400m, 500m }, Amounts(filter));
            Assert.Equal(4, _revenue.Count(filter));
        }

        [Fact]
        public void Partner_name_wildcards_match_ignoring_case()
        {
            Assert.Equal(new[] { 100m, 200m, 300m, 400m }, Amounts(Filter(f =>
            {
                f.RestrictPartners = true;
                f.PartnerNames.Add(NamePattern.ParseName("Ac*"));
            })));
            Assert.Equal(new[] { 300m, 400m }, Amounts(Filter(f =>
            {
                f.RestrictPartners = true;
                f.PartnerNames.Add(NamePattern.ParseName("*ORN"));
            })));
        }

        [Fact]
        public void Partner_ids_and_names_are_alternatives()
        {
            var filter = Filter(f =>
            {
                f.RestrictPartners = true;
                f.PartnerIds.Add(_beta.Id);
                f.PartnerNames.Add(NamePattern.ParseName("acm?"));
            });

            Assert.Equal(new[] { 100m, 200m, 800m, 500m }, Amounts(filter));
        }

        [Fact]
        public void Restricting_partners_with_no_ids_or_names_matches_nothing()
        {
            var filter = Filter(f => f.RestrictPartners = true);

            Assert.Empty(Amounts(filter));
            Assert.Equal(0, _revenue.Count(filter));
        }

        [Fact]
        public void Partner_ids_without_RestrictPartners_restrict_nothing()
        {
            Assert.Equal(8, Amounts(Filter(f => f.PartnerIds.Add(_acme.Id))).Length);
        }

        [Fact]
        public void Channels_pick_partner_or_direct_revenue()
        {
            Assert.Equal(new[] { 600m, 700m }, Amounts(Filter(f => f.Channels.Add(RevenueChannel.Direct))));
            Assert.Equal(new[] { 100m, 200m, 800m, 300m, 400m, 500m }, Amounts(Filter(f => f.Channels.Add(RevenueChannel.Partner))));
            Assert.Equal(8, Amounts(Filter(f =>
            {
                f.Channels.Add(RevenueChannel.Partner);
                f.Channels.Add(RevenueChannel.Direct);
            })).Length);
        }

        [Fact]
        public void Years_are_alternatives()
        {
            Assert.Equal(new[] { 200m, 800m, 300m, 400m, 500m, 600m }, Amounts(Filter(f => f.Years.Add(2015))));
            Assert.Equal(new[] { 100m, 700m }, Amounts(Filter(f =>
            {
                f.Years.Add(2016);
                f.Years.Add(2014);
            })));
            Assert.Empty(Amounts(Filter(f => f.Years.Add(2013))));
        }

        [Fact]
        public void Quarters_match_in_any_year()
        {
            Assert.Equal(new[] { 200m, 800m, 300m, 700m }, Amounts(Filter(f => f.Quarters.Add(1))));
            Assert.Equal(new[] { 400m, 500m }, Amounts(Filter(f => f.Quarters.Add(2))));
            Assert.Equal(new[] { 100m }, Amounts(Filter(f => f.Quarters.Add(4))));
            Assert.Equal(new[] { 200m, 800m, 300m }, Amounts(Filter(f =>
            {
                f.Quarters.Add(1);
                f.Years.Add(2015);
            })));
        }

        [Fact]
        public void From_and_To_are_inclusive()
        {
            Assert.Equal(new[] { 200m, 800m, 300m, 400m, 500m }, Amounts(Filter(f =>
            {
                f.From = Day(2015, 1, 1);
                f.To = Day(2015, 6, 30);
            })));
            Assert.Equal(new[] { 600m, 700m }, Amounts(Filter(f => f.From = Day(2015, 7, 1))));
            Assert.Equal(new[] { 100m }, Amounts(Filter(f => f.To = Day(2014, 12, 31))));
        }

        [Fact]
        public void A_time_of_day_on_From_or_To_does_not_cut_off_that_day()
        {
            Assert.Equal(new[] { 500m, 600m }, Amounts(Filter(f =>
            {
                f.From = new DateTime(2015, 6, 30, 18, 0, 0);
                f.To = new DateTime(2015, 7, 1, 18, 0, 0);
            })));
        }

        [Fact]
        public void Segments_match_ignoring_case_with_wildcards()
        {
            Assert.Equal(new[] { 100m, 800m, 300m, 500m, 600m }, Amounts(Filter(f => f.Segments.Add(NamePattern.Parse("ENTERPRISE")))));
            Assert.Equal(new[] { 200m, 400m, 700m }, Amounts(Filter(f => f.Segments.Add(NamePattern.Parse("c*")))));
            Assert.Equal(new[] { 200m, 700m }, Amounts(Filter(f =>
            {
                f.Segments.Add(NamePattern.Parse("carrier"));
                f.Segments.Add(NamePattern.Parse("Nothing*"));
            })));
        }

        [Fact]
        public void Regions_match_ignoring_case_with_wildcards()
        {
            Assert.Equal(new[] { 300m, 400m, 500m, 700m }, Amounts(Filter(f => f.Regions.Add(NamePattern.Parse("china")))));
            Assert.Equal(new[] { 100m, 200m, 600m }, Amounts(Filter(f => f.Regions.Add(NamePattern.Parse("west*")))));
            Assert.Equal(new[] { 800m, 300m, 400m, 500m, 700m }, Amounts(Filter(f =>
            {
                f.Regions.Add(NamePattern.Parse("China"));
                f.Regions.Add(NamePattern.Parse("*america"));
            })));
        }

        [Fact]
        public void A_region_written_with_a_combining_accent_matches_the_same_region_as_typed()
        {
            // "Réunion" with e + U+0301 (as some CSV exports and macOS write it), looked up as typed and as precomposed.
            var decomposed = _revenue.Add(DirectSale("Re\u0301union", Day(2015, 8, 1), 900m));

            Assert.Equal(new[] { 900m }, Amounts(Filter(f => f.Regions.Add(NamePattern.Parse("Re\u0301union")))));
            Assert.Equal(new[] { 900m }, Amounts(Filter(f => f.Regions.Add(NamePattern.Parse("R\u00e9union")))));
            Assert.Equal(decomposed.Id, _revenue.Find(Filter(f => f.Regions.Add(NamePattern.Parse("R*union")))).Single().Id);
        }

        [Fact]
        public void Different_restrictions_must_all_hold()
        {
            var filter = Filter(f =>
            {
                f.Regions.Add(NamePattern.Parse("China"));
                f.Segments.Add(NamePattern.Parse("Enterprise"));
                f.Years.Add(2015);
                f.Channels.Add(RevenueChannel.Partner);
            });

            Assert.Equal(new[] { 300m, 500m }, Amounts(filter));
            Assert.Equal(2, _revenue.Count(filter));
        }

        [Fact]
        public void Skip_and_First_page_through_the_ordered_records_and_Count_ignores_them()
        {
            Assert.Equal(new[] { 800m, 300m, 400m }, Amounts(Filter(f =>
            {
                f.Skip = 2;
                f.First = 3;
            })));
            Assert.Equal(new[] { 100m, 200m }, Amounts(Filter(f => f.First = 2)));
            Assert.Equal(new[] { 600m, 700m }, Amounts(Filter(f => f.Skip = 6)));
            Assert.Empty(Amounts(Filter(f => f.First = 0)));
            Assert.Empty(Amounts(Filter(f => f.Skip = 100)));
            Assert.Equal(8, _revenue.Count(Filter(f =>
            {
                f.Skip = 2;
                f.First = 3;
            })));
        }
    }
}
