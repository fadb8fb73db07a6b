using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// The server's revenue sums and partner counts (GROUP BY in SQL) give exactly the rows SQLite's give for the same data:
    /// every key, filters of every kind, the totals cells and the records, the given records of a pipeline.
    /// </summary>
    public sealed class PgMeasureTests : IDisposable
    {
        private static readonly RevenueGroupKey[][] RevenueGroupings =
        {
            Array.Empty<RevenueGroupKey>(),
            new[] { RevenueGroupKey.Region },
            new[] { RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Partner, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Type, RevenueGroupKey.Tier },
            new[] { RevenueGroupKey.Country, RevenueGroupKey.Channel },
            new[] { RevenueGroupKey.Segment, RevenueGroupKey.Region, RevenueGroupKey.Year },
            new[] { RevenueGroupKey.Quarter, RevenueGroupKey.Month, RevenueGroupKey.Channel },
        };

        private static readonly PartnerGroupKey[][] PartnerGroupings =
        {
            Array.Empty<PartnerGroupKey>(),
            new[] { PartnerGroupKey.Region },
            new[] { PartnerGroupKey.Country, PartnerGroupKey.Type },
            new[] { PartnerGroupKey.Tier, PartnerGroupKey.Status, PartnerGroupKey.Year },
            new[] { PartnerGroupKey.Region, PartnerGroupKey.Year },
        };

        private readonly PgTwins _twins = new PgTwins();

        public void Dispose() => _twins.Dispose();

        private static IEnumerable<(string Name, RevenueFilter Filter)> RevenueFilters()
        {
            yield return ("none", new RevenueFilter());
            yield return ("whole years", new RevenueFilter { From = Day(2015, 1, 1), To = Day(2016, 12, 31) });
            yield return ("a day range", new RevenueFilter { From = Day(2015, 1, 2), To = Day(2016, 7, 31) });
            var years = new RevenueFilter();
            years.Years.Add(2014);
            years.Years.Add(2016);
            yield return ("years", years);
            var quarters = new RevenueFilter();
            quarters.Quarters.Add(2);
            quarters.Quarters.Add(4);
            yield return ("quarters", quarters);
            var direct = new RevenueFilter();
            direct.Channels.Add(RevenueChannel.Direct);
            yield return ("direct", direct);
            var partners = new RevenueFilter { RestrictPartners = true };
            partners.PartnerIds.Add(2);
            partners.PartnerNames.Add(NamePattern.ParseName("strasse*"));
            yield return ("partners by id and wildcard name", partners);
            var none = new RevenueFilter { RestrictPartners = true };
            yield return ("no partner at all", none);
            var places = new RevenueFilter();
            places.Regions.Add(NamePattern.Parse("gross*"));
            places.Regions.Add(NamePattern.Literal("china"));
            places.Segments.Add(NamePattern.Parse("[ck]*"));
            yield return ("regions and segments", places);
            var many = new RevenueFilter();
            foreach (var pattern in new[] { "a*", "b*", "c*", "d*", "e*", "f*", "g*", "h*", "w?stern*", "ı*" })
            {
                many.Regions.Add(NamePattern.Parse(pattern));
            }

            yield return ("more patterns than are written out", many);
        }

        private static List<string> Rows(IEnumerable<RevenueSum> sums) =>
            sums.Select(s => string.Join("|", s.Keys.Select(Shown)) + string.Format(
                    CultureInfo.InvariantCulture, " {0} {1} n={2} total={3} min={4} max={5}", s.Currency, s.Year, s.Count, s.Total, s.Minimum, s.Maximum))
                .OrderBy(r => r, StringComparer.Ordinal)
                .ToList();

        private static string Shown(object? value) => value == null ? "(null)" : value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture);

        [PgFact]
        public void The_server_sums_every_grouping_and_filter_as_SQLite_does()
        {
            _twins.AddVariedData();
            var compared = 0;
            foreach (var (name, filter) in RevenueFilters())
            {
                foreach (var keys in RevenueGroupings)
                {
                    var expected = Rows(_twins.Sqlite.RevenueSums.Sum(keys, filter));
                    var actual = Rows(_twins.Server.RevenueSums.Sum(keys, filter));
                    Assert.True(expected.SequenceEqual(actual), $"{name}, by {string.Join(",", keys)}:\nSQLite:\n{string.Join("\n", expected)}\nserver:\n{string.Join("\n", actual)}");
                    compared += expected.Count;
                }
            }

            Assert.True(compared > 500, $"only {compared} rows compared: the data set lost its variety");
        }

        [PgFact]
        public void The_server_sums_given_records_as_SQLite_does_and_drops_those_given_before()
        {
            _twins.AddVariedData();
            foreach (var store in new IPartnerDatabase[] { _twins.Sqlite, _twins.Server })
            {
                store.RevenueSums.BeginGiven();
                store.RevenueSums.AddGiven(1, Day(2020, 1, 1), 999, "USD", "Dropped", null);
                store.RevenueSums.BeginGiven();
                var random = new Random(5);
                for (var i = 0; i < 25_000; i++)
                {
                    store.RevenueSums.AddGiven(
                        i % 4 == 0 ? (long?)null : 1 + (i % 14), Day(2015, 1, 1).AddDays(i % 700), random.Next(-100, 100_000), i % 3 == 0 ? "EUR" : "USD",
                        i % 2 == 0 ? "Carrier" : "carrier", i % 5 == 0 ? null : (i % 2 == 0 ? "Großraum" : "GROSSRAUM"));
                }
            }

            foreach (var (_, filter) in RevenueFilters())
            {
                foreach (var keys in RevenueGroupings.Where(k => !k.Any(MeasureKeys.FromPartner)))
                {
                    Assert.Equal(Rows(_twins.Sqlite.RevenueSums.Sum(keys, filter)), Rows(_twins.Server.RevenueSums.Sum(keys, filter)));
                }
            }

            var all = Assert.Single(_twins.Server.RevenueSums.Sum(new RevenueGroupKey[0], new RevenueFilter { From = Day(2015, 1, 1), To = Day(2015, 12, 31) }), s => s.Currency == "USD");
            Assert.Equal(2015, all.Year);
        }

        [PgFact]
        public void A_sum_beyond_64_bits_comes_back_exact()
        {
            foreach (var store in new IPartnerDatabase[] { _twins.Sqlite, _twins.Server })
            {
                store.RevenueSums.BeginGiven();
                store.RevenueSums.AddGiven(null, Day(2015, 3, 1), long.MaxValue, "USD", "Enterprise", null);
                store.RevenueSums.AddGiven(null, Day(2015, 4, 1), long.MaxValue, "USD", "Enterprise", null);
            }

            var sum = Assert.Single(_twins.Server.RevenueSums.Sum(new[] { RevenueGroupKey.Year }, new RevenueFilter()));
            Assert.Equal(2m * long.MaxValue, sum.Total);
            Assert.Equal(Rows(_twins.Sqlite.RevenueSums.Sum(new[] { RevenueGroupKey.Year }, new RevenueFilter())), Rows(new[] { sum }));
        }

        [PgFact]
        public void The_server_counts_partners_as_SQLite_does()
        {
            _twins.AddVariedData();
            var filters = new List<PartnerFilter> { new PartnerFilter() };
            var named = new PartnerFilter();
            named.Names.Add(NamePattern.ParseName("partner [b-f]*"));
            named.Names.Add(NamePattern.LiteralName("STRASSE 7"));
            filters.Add(named);
            var regions = new PartnerFilter();
            regions.Regions.Add(NamePattern.Parse("gross*"));
            regions.Regions.Add(NamePattern.Literal("western europe"));
            regions.Countries.Add(" de ");
            filters.Add(regions);
            var kinds = new PartnerFilter { JoinedAfter = Day(2013, 6, 1), JoinedBefore = Day(2016, 3, 1) };
            kinds.Types.Add(PartnerType.Reseller);
            kinds.Types.Add(PartnerType.Distributor);
            kinds.Tiers.Add(PartnerTier.Gold);
            kinds.Statuses.Add(PartnerStatus.Active);
            kinds.Statuses.Add(PartnerStatus.Terminated);
            filters.Add(kinds);

            var compared = 0;
            foreach (var filter in filters)
            {
                foreach (var keys in PartnerGroupings)
                {
                    foreach (var day in new[] { Day(2014, 12, 31), Day(2016, 6, 30), Day(2016, 7, 1) })
                    {
                        var expected = Counts(_twins.Sqlite.PartnerCounts.Count(keys, filter, day));
                        var actual = Counts(_twins.Server.PartnerCounts.Count(keys, filter, day));
                        Assert.Equal(expected, actual);
                        compared += expected.Count;
                    }
                }
            }

            Assert.True(compared > 100, $"only {compared} rows compared");
        }

        private static List<string> Counts(IEnumerable<(object?[] Keys, long Count)> counts) =>
            counts.Select(c => string.Join("|", c.Keys.Select(Shown)) + " " + c.Count.ToString(CultureInfo.InvariantCulture))
                .OrderBy(r => r, StringComparer.Ordinal)
                .ToList();

        [PgFact]
        public void A_partner_count_by_region_shows_the_smallest_spelling_of_each_key()
        {
            _twins.AddVariedData();
            var regions = _twins.Server.PartnerCounts.Count(new[] { PartnerGroupKey.Region }, new PartnerFilter(), Day(2030, 1, 1))
                .Select(c => (string?)c.Keys[0]).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();

            Assert.Contains("GROSSRAUM", regions);
            Assert.DoesNotContain("Großraum", regions);
            Assert.Contains("Western Europe", regions);
            Assert.DoesNotContain("western europe", regions);
        }
    }
}
