using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// Partner counts over eight partners whose answers are known by construction (AsOf 2015-12-31, a year earlier 2014-12-31):
    ///   Alpha   Western Europe DE Reseller    Gold       Active      joined 2014-03-01            counted both dates
    ///   Beta    western europe FR Distributor Silver     Active      joined 2015-02-01            counted 2015 only
    ///   Gamma   China          CN Reseller    Registered Active      joined 2013-05-01            counted both dates
    ///   Delta   China          CN Reseller    Registered Suspended   joined 2015-07-01            counted 2015 only
    ///   Epsilon Nordics        SE Reseller    Registered Terminated  joined 2013-01-01, ended 2015-06-30: counted 2014 only
    ///   Zeta    Western Europe DE Reseller    Registered Prospect    joined 2014-01-01            never counted
    ///   Eta     (none)         -  Training    Registered Onboarding  joined 2015-12-31 (the day)  counted 2015 only
    ///   Theta   China          CN Distributor Gold       Terminated  joined 2014-06-01, ended 2015-12-31 (the day): 2014 only
    /// 2015-12-31: Alpha, Beta, Gamma, Delta, Eta (5). 2014-12-31: Alpha, Gamma, Epsilon, Theta (4).
    /// </summary>
    public sealed class PartnerMeasurerTests : IDisposable
    {
        private static readonly DateTime AsOf = Day(2015, 12, 31);
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;

        public PartnerMeasurerTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
            _partners.Add(Draft("Alpha", PartnerType.Reseller, PartnerTier.Gold, PartnerStatus.Active, "Western Europe", "DE", Day(2014, 3, 1)));
            _partners.Add(Draft("Beta", PartnerType.Distributor, PartnerTier.Silver, PartnerStatus.Active, "western europe", "FR", Day(2015, 2, 1)));
            _partners.Add(Draft("Gamma", PartnerType.Reseller, PartnerTier.Registered, PartnerStatus.Active, "China", "CN", Day(2013, 5, 1)));
            _partners.Add(Draft("Delta", PartnerType.Reseller, PartnerTier.Registered, PartnerStatus.Suspended, "China", "CN", Day(2015, 7, 1)));
            _partners.Add(Draft("Epsilon", PartnerType.Reseller, PartnerTier.Registered, PartnerStatus.Terminated, "Nordics", "SE", Day(2013, 1, 1), Day(2015, 6, 30)));
            _partners.Add(Draft("Zeta", PartnerType.Reseller, PartnerTier.Registered, PartnerStatus.Prospect, "Western Europe", "DE", Day(2014, 1, 1)));
            _partners.Add(Draft("Eta", PartnerType.Training, PartnerTier.Registered, PartnerStatus.Onboarding, null, null, Day(2015, 12, 31)));
            _partners.Add(Draft("Theta", PartnerType.Distributor, PartnerTier.Gold, PartnerStatus.Terminated, "China", "CN", Day(2014, 6, 1), Day(2015, 12, 31)));
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private IReadOnlyList<PartnerMeasure> Measure(DateTime asOf, PartnerFilter? filter, params PartnerGroupKey[] keys)
        {
            var request = new PartnerMeasureRequest { AsOf = asOf, Filter = filter ?? new PartnerFilter() };
            foreach (var key in keys)
            {
                request.GroupBy.Add(key);
            }

            return new PartnerMeasurer(_store).Measure(request);
        }

        private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

        // "keys | Count Share PreviousCount Growth"
        private static string[] Lines(IEnumerable<PartnerMeasure> measures) =>
            measures.Select(m => string.Join(" ", m.Keys.Select(k => k.Value ?? "(none)")) + $" | {m.Count} {Show(m.Share)} {m.PreviousCount} {Show(m.Growth)}").ToArray();

        [Fact]
        public void Without_keys_one_measure_counts_the_partners_of_the_day_and_a_year_earlier()
        {
            var measure = Assert.Single(Measure(AsOf, null));
            Assert.Empty(measure.Keys);
            Assert.Equal(5, measure.Count);            // Alpha, Beta, Gamma, Delta, Eta
            Assert.Equal(4, measure.PreviousCount);    // Alpha, Gamma, Epsilon, Theta
            Assert.Equal(0.25m, measure.Growth);       // (5 - 4) / 4
            Assert.Equal(1m, measure.Share);
            Assert.Equal(AsOf, measure.AsOf);
            Assert.Equal(_store.Path, measure.Database);
        }

        [Fact]
        public void By_region_groups_spellings_by_key_shows_one_and_keeps_a_region_that_lost_its_partners()
        {
            // China: Gamma, Delta (2) / Gamma, Theta (2): growth 0, share 2/5 = 0.4.
            // Nordics: none / Epsilon (1): Count 0, growth -1, share 0.
            // Western Europe ('Western Europe' < 'western europe', the smallest spelling): Alpha, Beta (2) / Alpha (1): growth 1, share 0.4.
            // No region: Eta (1) / none: growth null, share 0.2; sorted last.
            Assert.Equal(
                new[] { "China | 2 0.4 2 0", "Nordics | 0 0 1 -1", "Western Europe | 2 0.4 1 1", "(none) | 1 0.2 0 null" },
                Lines(Measure(AsOf, null, PartnerGroupKey.Region)));
        }

        [Fact]
        public void By_joining_year_shares_are_of_all_counted_and_with_other_keys_within_the_year()
        {
            // 2013: Gamma / Gamma, Epsilon: -0.5; 2014: Alpha / Alpha, Theta: -0.5; 2015: Beta, Delta, Eta / none. Shares of 5.
            Assert.Equal(
                new[] { "2013 | 1 0.2 2 -0.5", "2014 | 1 0.2 2 -0.5", "2015 | 3 0.6 0 null" },
                Lines(Measure(AsOf, null, PartnerGroupKey.Year)));

            // With Region, shares within the joining year: 2013 holds 1 partner now, 2014 1, 2015 3 (1/3 = 0.333333).
            Assert.Equal(
                new[]
                {
                    "China 2013 | 1 1 1 0", "China 2014 | 0 0 1 -1", "China 2015 | 1 0.333333 0 null", "Nordics 2013 | 0 0 1 -1",
                    "Western Europe 2014 | 1 1 1 0", "Western Europe 2015 | 1 0.333333 0 null", "(none) 2015 | 1 0.333333 0 null",
                },
                Lines(Measure(AsOf, null, PartnerGroupKey.Region, PartnerGroupKey.Year)));
        }

        [Fact]
        public void By_status_type_tier_and_country_as_enums_and_codes_in_their_order()
        {
            // Issue 17: each day's count groups by the status of that day (was the current status). Active: Alpha, Beta, Gamma /
            // Alpha, Gamma, and Epsilon and Theta, Active until their EndedOn: (3 - 4) / 4 = -0.25. No partner is Terminated
            // on the day it counts on (a partner Terminated by then is no partner).
            Assert.Equal(
                new[] { "Onboarding | 1 0.2 0 null", "Active | 3 0.6 4 -0.25", "Suspended | 1 0.2 0 null" },
                Lines(Measure(AsOf, null, PartnerGroupKey.Status)));
            var types = Measure(AsOf, null, PartnerGroupKey.Type, PartnerGroupKey.Tier);
            Assert.Equal(PartnerType.Reseller, types[0].Keys[0].Value);
            // Reseller Registered: Gamma, Delta / Gamma, Epsilon; Reseller Gold: Alpha / Alpha; Distributor Silver: Beta / -;
            // Distributor Gold: - / Theta; Training Registered: Eta / -.
            Assert.Equal(
                new[] { "Reseller Registered | 2 0.4 2 0", "Reseller Gold | 1 0.2 1 0", "Distributor Silver | 1 0.2 0 null", "Distributor Gold | 0 0 1 -1", "Training Registered | 1 0.2 0 null" },
                Lines(types));
            Assert.Equal(
                new[] { "CN | 2 0.4 2 0", "DE | 1 0.2 1 0", "FR | 1 0.2 0 null", "SE | 0 0 1 -1", "(none) | 1 0.2 0 null" },
                Lines(Measure(AsOf, null, PartnerGroupKey.Country)));
        }

        [Theory]
        [InlineData("2013-12-31")]
        [InlineData("2014-12-31")]
        [InlineData("2015-06-30")]
        [InlineData("2015-12-31")]
        [InlineData("2016-02-29")]
        public void The_counts_add_up_to_what_the_partner_filter_finds_on_the_day(string day)
        {
            var asOf = DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var filters = new List<PartnerFilter> { new PartnerFilter(), new PartnerFilter(), new PartnerFilter(), new PartnerFilter { JoinedAfter = Day(2013, 12, 31) } };
            filters[1].Types.Add(PartnerType.Reseller);
            filters[2].Regions.Add(NamePattern.Parse("WESTERN*"));
            filters[2].Statuses.Add(PartnerStatus.Active);
            foreach (var filter in filters)
            {
                var dated = new PartnerFilter { AsOf = asOf, JoinedAfter = filter.JoinedAfter };
                foreach (var t in filter.Types) dated.Types.Add(t);
                foreach (var r in filter.Regions) dated.Regions.Add(r);
                foreach (var s in filter.Statuses) dated.Statuses.Add(s);
                var found = _partners.Find(dated).Count();
                Assert.Equal(found, Measure(asOf, filter, PartnerGroupKey.Region, PartnerGroupKey.Status).Sum(m => m.Count));
                Assert.Equal(found, Assert.Single(Measure(asOf, filter)).Count);
            }
        }

        [Fact]
        public void A_leap_day_compares_with_28_February()
        {
            _partners.Add(Draft("Leap Early", region: "Leap", joinedOn: Day(2015, 2, 28)));
            _partners.Add(Draft("Leap Late", region: "Leap", joinedOn: Day(2015, 3, 1)));
            var filter = new PartnerFilter();
            filter.Regions.Add(NamePattern.Parse("Leap"));
            var measure = Assert.Single(Measure(Day(2016, 2, 29), filter));
            Assert.Equal(2, measure.Count);
            Assert.Equal(1, measure.PreviousCount);   // on 2015-02-28 only Leap Early had joined
            Assert.Equal(1m, measure.Growth);
        }

        [Fact]
        public void With_nothing_counted_one_measure_without_keys_and_none_with_keys()
        {
            var measure = Assert.Single(Measure(Day(1950, 1, 1), null));
            Assert.Equal(0, measure.Count);
            Assert.Null(measure.Share);
            Assert.Null(measure.Growth);
            Assert.Empty(Measure(Day(1950, 1, 1), null, PartnerGroupKey.Region));
        }

        [Fact]
        public void Counts_in_SQL_with_one_GROUP_BY_and_the_rule_of_Get_Partner_AsOf()
        {
            var (sql, _) = PartnerCounts.CountStatement(new[] { PartnerGroupKey.Region, PartnerGroupKey.Year }, new PartnerFilter(), AsOf);
            Assert.Contains("GROUP BY b.region, substr(b.joined_on, 1, 4)", sql);
            Assert.DoesNotContain("po_key", sql);
            // Issue 17: the rule of a day is StatusSql.PartnerOn (the status of that day, no longer the current status <> 'Prospect').
            Assert.Contains("partners.joined_on <= @asOf AND (partners.ended_on IS NULL OR partners.ended_on > @asOf) AND ", sql);
            Assert.Contains(StatusSql.PartnerOn("partners", "asOf"), sql);
        }

        [Fact]
        public void A_key_twice_or_a_date_out_of_range_is_refused_naming_it()
        {
            var twice = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => Measure(AsOf, null, PartnerGroupKey.Region, PartnerGroupKey.Year, PartnerGroupKey.Region));
            Assert.Contains("GroupBy 'Region'", twice.Message);
            Assert.Contains("twice", twice.Message);
            var early = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => Measure(Day(1899, 12, 31), null));
            Assert.Contains("AsOf '1899-12-31'", early.Message);
            Assert.Contains("1900", early.Message);
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => Measure(Day(3000, 1, 1), null));
        }
    }
}
