using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    // The totals cells and the records (stored or given) give the same answers, under filters of every kind.
    public sealed partial class RevenueMeasurerTests
    {
        private void AddVariedRecords()
        {
            _rates.Set("EUR", "USD", 2014, 1.33m);
            _rates.Set("EUR", "USD", 2015, 1.11m);
            _rates.Set("EUR", "USD", 2016, 1.1m);
            _rates.Set("GBP", "USD", 2014, 1.55m);
            _rates.Set("GBP", "USD", 2015, 1.53m);
            _rates.Set("GBP", "USD", 2016, 1.35m);
            var regions = new[] { "China", "Western Europe", "North America", "Latin America" };
            var segments = new[] { "Enterprise", "Carrier", "Consumer" };
            var currencies = new[] { "USD", "EUR", "GBP" };
            var partners = new List<Partner>();
            for (var i = 0; i < 12; i++)
            {
                partners.Add(_partners.Add(Draft(
                    "Partner " + (char)('A' + i),
                    (PartnerType)(i % 5),
                    (PartnerTier)(i % 4),
                    region: regions[i % regions.Length],
                    country: i % 3 == 0 ? null : (i % 2 == 0 ? "CN" : "DE"))));
            }

            var random = new Random(31);
            _store.BeginWrite();
            for (var i = 0; i < 600; i++)
            {
                // Nothing on the first of January, so a range starting on the 2nd covers the same records.
                var date = Day(2014 + random.Next(3), 1, 2).AddDays(random.Next(363));
                var amount = random.Next(-2_000, 500_000) / 100m;
                var currency = currencies[random.Next(currencies.Length)];
                var segment = segments[random.Next(segments.Length)];
                if (random.Next(5) == 0)
                {
                    _revenue.Add(DirectSale(regions[random.Next(regions.Length)], date, amount, currency, segment));
                }
                else
                {
                    _revenue.Add(Sale(partners[random.Next(partners.Count)], date, amount, currency, segment, random.Next(4) == 0 ? regions[random.Next(regions.Length)] : null));
                }
            }

            _store.Commit();
        }

        private static readonly RevenueGroupKey[][] Groupings =
        {
            Array.Empty<RevenueGroupKey>(),
            new[] { RevenueGroupKey.Region },
            new[] { RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Partner, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Type, RevenueGroupKey.Tier },
            new[] { RevenueGroupKey.Country, RevenueGroupKey.Channel },
            new[] { RevenueGroupKey.Segment, RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Year, RevenueGroupKey.Channel },
        };

        [Fact]
        public void The_totals_cells_and_the_records_give_the_same_answers()
        {
            AddVariedRecords();

            foreach (var keys in Groupings)
            {
                // From the 1st of January: the totals cells can answer. From the 2nd: the records are read.
                var byTotals = Request(keys);
                byTotals.Filter.From = Day(2015, 1, 1);
                byTotals.Filter.To = Day(2016, 12, 31);
                var byRows = Request(keys);
                byRows.Filter.From = Day(2015, 1, 2);
                byRows.Filter.To = Day(2016, 12, 31);
                Assert.Equal(Describe(Measure(byTotals)), Describe(Measure(byRows)));

                // No filter at all against every quarter (which only the records can answer).
                var everything = Request(keys);
                var everyQuarter = Request(keys);
                foreach (var quarter in new[] { 1, 2, 3, 4 })
                {
                    everyQuarter.Filter.Quarters.Add(quarter);
                }

                Assert.Equal(Describe(Measure(everything)), Describe(Measure(everyQuarter)));
            }
        }

        [Fact]
        public void The_totals_cells_and_the_records_give_the_same_answers_for_a_region_filter_in_another_currency()
        {
            AddVariedRecords();

            var byTotals = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            byTotals.Filter.Regions.Add(NamePattern.Parse("*america"));
            byTotals.Filter.Years.Add(2016);
            byTotals.Currency = "GBP";
            var byRows = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            byRows.Filter.Regions.Add(NamePattern.Parse("*america"));
            byRows.Filter.Years.Add(2016);
            byRows.Filter.From = Day(2016, 1, 2);
            byRows.Currency = "GBP";

            var expected = Describe(Measure(byTotals));
            Assert.Equal(6, expected.Length);
            Assert.Equal(expected, Describe(Measure(byRows)));
        }

        [Fact]
        public void Records_given_to_the_measurer_give_the_same_answers_as_the_database_s_records()
        {
            AddVariedRecords();
            var records = _revenue.Find(new RevenueFilter()).ToList();

            foreach (var keys in Groupings.Concat(new[] { new[] { RevenueGroupKey.Quarter }, new[] { RevenueGroupKey.Month, RevenueGroupKey.Partner } }))
            {
                var given = new RevenueMeasurer(_store);
                given.BeginGiven();
                foreach (var record in records)
                {
                    given.AddGiven(record);
                }

                Assert.Equal(Describe(Measure(Request(keys))), Describe(given.Measure(Request(keys))));
            }
        }

        [Fact]
        public void Given_records_are_measured_alone_and_a_second_BeginGiven_starts_afresh()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 1000.00m));
            var given = new RevenueMeasurer(_store);
            given.BeginGiven();
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 10.00m, Currency = "USD", Region = "China" });
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 2), Amount = 5.50m, Currency = "usd", Segment = "Carrier", Region = "China" });
            Assert.Equal(15.50m, Assert.Single(given.Measure(new RevenueMeasureRequest())).Total);

            given.BeginGiven();
            given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1.00m, Currency = "USD", Region = "China" });
            Assert.Equal(1.00m, Assert.Single(given.Measure(new RevenueMeasureRequest())).Total);

            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1.001m, Currency = "USD" }));
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => given.AddGiven(new PartnerRevenue { Date = Day(2015, 1, 1), Amount = 1m, Currency = "XXX" }));
        }

        [Fact]
        public void A_partner_filter_restricts_the_measure_to_those_partners()
        {
            AddPartnersAndRecords();
            var alpha = _partners.GetByName("Alpha")!;
            var gamma = _partners.GetByName("Gamma")!;
            var request = Request(RevenueGroupKey.Partner);
            request.Filter.RestrictPartners = true;
            request.Filter.PartnerIds.Add(alpha.Id);
            request.Filter.PartnerIds.Add(gamma.Id);

            var measures = Measure(request);

            Assert.Equal(new[] { "Alpha=150.00/2", "Gamma=25.00/1" }, Totals(measures, RevenueGroupKey.Partner));
            Assert.Equal(0.857143m, measures[0].Share);

            request.Filter.PartnerIds.Clear();
            Assert.Empty(Measure(request));
            request.GroupBy.Clear();
            Assert.Equal(0, Assert.Single(Measure(request)).Count);
        }

        [Fact]
        public void A_filter_of_two_thousand_partners_works_on_both_paths()
        {
            var ids = new List<long>();
            _store.BeginWrite();
            for (var i = 1; i <= 2_500; i++)
            {
                var partner = _partners.Add(Draft("Partner " + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), region: "China"));
                _revenue.Add(Sale(partner, Day(2015, 3, 1), i));
                if (i <= 2_000)
                {
                    ids.Add(partner.Id);
                }
            }

            _store.Commit();

            var byTotals = Request();
            byTotals.Filter.RestrictPartners = true;
            byTotals.Filter.PartnerIds.UnionWith(ids);
            var measure = Assert.Single(Measure(byTotals));
            Assert.Equal(2_000, measure.Count);
            Assert.Equal(2_001_000m, measure.Total);

            var byRows = Request(RevenueGroupKey.Month);
            byRows.Filter.RestrictPartners = true;
            byRows.Filter.PartnerIds.UnionWith(ids);
            Assert.Equal(2_001_000m, Assert.Single(Measure(byRows)).Total);
            Assert.Equal(2_000, _revenue.Count(byRows.Filter));
        }

        [Fact]
        public void A_partner_name_wildcard_and_a_channel_restrict_the_measure()
        {
            AddPartnersAndRecords();
            var request = Request();
            request.Filter.RestrictPartners = true;
            request.Filter.PartnerNames.Add(NamePattern.ParseName("*TA"));

            Assert.Equal(210.00m, Assert.Single(Measure(request)).Total);

            var direct = Request();
            direct.Filter.Channels.Add(RevenueChannel.Direct);
            Assert.Equal(40.00m, Assert.Single(Measure(direct)).Total);
        }

        [Fact]
        public void Regions_and_segments_are_grouped_ignoring_case_on_both_paths()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m));
            _revenue.Add(DirectSale("CHINA", Day(2015, 6, 2), 20.00m, segment: "ENTERPRISE"));
            _revenue.Add(DirectSale("china", Day(2015, 6, 3), 30.00m, segment: "enterprise"));

            var byTotals = Measure(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            var rows = Request(RevenueGroupKey.Region, RevenueGroupKey.Segment);
            rows.Filter.Quarters.Add(2);
            var byRows = Measure(rows);

            Assert.Equal(60.00m, Assert.Single(byTotals).Total);
            Assert.Equal(60.00m, Assert.Single(byRows).Total);
        }

        [Fact]
        public void The_region_shown_for_a_group_is_one_its_records_carry_on_both_paths()
        {
            var acme = _partners.Add(Draft("Acme", region: "China"));
            var typo = _revenue.Add(Sale(acme, Day(2015, 6, 1), 10.00m, region: "cHINA"));
            _revenue.Add(Sale(acme, Day(2015, 6, 2), 20.00m));
            _revenue.Remove(typo.Id);

            var byTotals = Assert.Single(Measure(RevenueGroupKey.Region));
            var rows = Request(RevenueGroupKey.Region);
            rows.Filter.Quarters.Add(2);
            var byRows = Assert.Single(Measure(rows));

            Assert.Equal("China", byRows[RevenueGroupKey.Region]);
            Assert.Equal("China", byTotals[RevenueGroupKey.Region]);
        }

        [Fact]
        public void Two_spellings_of_a_region_show_the_same_spelling_on_both_paths()
        {
            _revenue.Add(DirectSale("China", Day(2015, 6, 1), 10.00m));
            _revenue.Add(DirectSale("CHINA", Day(2015, 6, 2), 20.00m));

            var byTotals = Assert.Single(Measure(RevenueGroupKey.Region));
            var rows = Request(RevenueGroupKey.Region);
            rows.Filter.Quarters.Add(2);
            var byRows = Assert.Single(Measure(rows));

            Assert.Equal(byRows[RevenueGroupKey.Region], byTotals[RevenueGroupKey.Region]);
        }
    }
}
