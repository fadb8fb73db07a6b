using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// Issue 11: any number of values in a filter. SQLite allows 32,766 parameters in a statement, so each list is
    /// one JSON parameter; these give 40,000 values (and more) and check the exact rows that come back, and that the
    /// usual small filters still use their indexes.
    /// </summary>
    public sealed class ManyValuesTests : IClassFixture<ManyValuesData>
    {
        private const int Many = 40_000;

        private readonly ManyValuesData _data;
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;

        public ManyValuesTests(ManyValuesData data)
        {
            _data = data;
            _store = data.Store;
            _partners = Repository(_store);
        }

        private static IEnumerable<int> All => Enumerable.Range(1, ManyValuesData.PartnerCount);

        private static string[] Names(IEnumerable<int> ids) => ids.Select(ManyValuesData.Name).ToArray();

        private string[] Found(PartnerFilter filter) => _partners.Find(filter).Select(p => p.Name).ToArray();

        // A PowerShell-like wildcard (* ? [set]) as a case-insensitive regex, to work out what patterns should match.
        private static Regex Like(string pattern) => new Regex(
            "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".").Replace(@"\[", "[") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        [Fact]
        public void Forty_thousand_ids_and_some_missing_give_exactly_their_partners()
        {
            var filter = new PartnerFilter();
            var wanted = Enumerable.Range(1, 45_000).Where(i => i % 9 != 0).ToList();
            Assert.Equal(Many, wanted.Count);
            foreach (var id in wanted.Concat(Enumerable.Range(100_001, 5_000)))
            {
                filter.Ids.Add(id);
            }

            Assert.Equal(Names(wanted), Found(filter));
            Assert.Equal(Many, _partners.Count(filter));
        }

        [Fact]
        public void Forty_thousand_exact_names_in_any_case_give_exactly_their_partners_and_the_missing_ones_are_named()
        {
            var filter = new PartnerFilter();
            var wanted = Enumerable.Range(5_001, Many).ToList();
            foreach (var i in wanted)
            {
                var name = ManyValuesData.Name(i);
                filter.Names.Add(NamePattern.ParseName(i % 2 == 0 ? name.ToUpperInvariant() : name.ToLowerInvariant()));
            }

            var missing = Enumerable.Range(1, 25).Select(k => $"Nobody {k}").ToList();
            foreach (var name in missing)
            {
                filter.Names.Add(NamePattern.ParseName(name));
            }

            var found = _partners.Find(filter).ToList();
            Assert.Equal(Names(wanted), found.Select(p => p.Name));
            Assert.Equal(missing, _partners.Unmatched(filter, found.Select(p => PartnerRules.NameKey(p.Name)).ToHashSet()).Select(n => n.Text));

            // With paging, the names not on the page are looked up (in one statement): still only the 25 are missing.
            filter.Skip = 50;
            filter.First = 100;
            var page = _partners.Find(filter).ToList();
            Assert.Equal(Names(wanted.Skip(50).Take(100)), page.Select(p => p.Name));
            Assert.Equal(missing, _partners.Unmatched(filter, page.Select(p => PartnerRules.NameKey(p.Name)).ToHashSet()).Select(n => n.Text));
        }

        [Fact]
        public void Forty_thousand_wildcard_patterns_give_exactly_the_partners_they_match()
        {
            var patterns = new List<string>();
            patterns.AddRange(Enumerable.Range(1, 39_000).Select(i => (i % 2 == 0 ? "partner " : "PARTNER ") + i.ToString("D5") + "*"));
            patterns.AddRange(Enumerable.Range(0, 990).Select(k => $"Partner 4{k:D3}?"));
            var prefixless = new[] { "*50000", "?artner 4999[0-9]", "*[13]0000", "*x*", "[p]ARTNER 4995?", "*", "Nobody*", "*99999", "[q-z]*", "?" };
            patterns.AddRange(prefixless);
            Assert.Equal(Many, patterns.Count);

            var filter = new PartnerFilter();
            foreach (var pattern in patterns)
            {
                filter.Names.Add(NamePattern.ParseName(pattern));
            }

            // Known by construction: 1..39000, then 40000..49899 through the ten-name patterns; '*' matches every name.
            Assert.Equal(Names(All), Found(filter));

            filter.Names.Remove(filter.Names.Single(n => n.Text == "*"));
            var regexes = prefixless.Where(p => p != "*").Select(Like).ToList();
            var expected = All.Where(i => i <= 39_000 || (i >= 40_000 && i <= 49_899) || regexes.Any(r => r.IsMatch(ManyValuesData.Name(i))));
            Assert.Equal(Names(expected), Found(filter));
            Assert.Equal(expected.Count(), _partners.Count(filter));
        }

        [Fact]
        public void Exact_names_and_wildcards_together_with_other_lists_give_exactly_what_matches_all_of_them()
        {
            var filter = new PartnerFilter();
            foreach (var i in Enumerable.Range(1, 20_000))
            {
                filter.Names.Add(NamePattern.ParseName(ManyValuesData.Name(i)));
            }

            foreach (var k in Enumerable.Range(0, 3_000))
            {
                filter.Names.Add(NamePattern.ParseName($"partner 3{k % 300:D3}*")); // 300 patterns, each given 10 times
            }

            foreach (var id in Enumerable.Range(1, Many))
            {
                filter.Ids.Add(id * 2);
            }

            foreach (var n in Enumerable.Range(0, Many))
            {
                filter.Statuses.Add(n % 2 == 0 ? PartnerStatus.Active : PartnerStatus.Prospect);
            }

            var expected = All.Where(i => (i <= 20_000 || (i >= 30_000 && i <= 32_999)) && i % 2 == 0
                && (ManyValuesData.Status(i) == PartnerStatus.Active || ManyValuesData.Status(i) == PartnerStatus.Prospect));
            Assert.Equal(Names(expected), Found(filter));
        }

        [Fact]
        public void Many_types_tiers_statuses_and_countries_give_exactly_the_partners_with_those_values()
        {
            var filter = new PartnerFilter();
            for (var n = 0; n < Many; n++)
            {
                filter.Types.Add(n % 3 == 0 ? PartnerType.Reseller : n % 3 == 1 ? PartnerType.Distributor : PartnerType.Training);
                filter.Tiers.Add(n % 2 == 0 ? PartnerTier.Gold : PartnerTier.Silver);
                filter.Statuses.Add(n % 2 == 0 ? PartnerStatus.Active : PartnerStatus.Suspended);
                filter.Countries.Add(n % 2 == 0 ? " de " : "Fr");
            }

            var types = new[] { PartnerType.Reseller, PartnerType.Distributor, PartnerType.Training };
            var expected = All.Where(i => types.Contains(ManyValuesData.Type(i))
                && (ManyValuesData.Tier(i) == PartnerTier.Gold || ManyValuesData.Tier(i) == PartnerTier.Silver)
                && (ManyValuesData.Status(i) == PartnerStatus.Active || ManyValuesData.Status(i) == PartnerStatus.Suspended)
                && (ManyValuesData.Countries[i % 6] == "DE" || ManyValuesData.Countries[i % 6] == "FR")).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(Names(expected), Found(filter));
        }

        [Theory]
        [InlineData(3_000)]
        [InlineData(SqlList.MaxWrittenOut)]
        [InlineData(2)]
        public void Region_patterns_few_or_many_give_exactly_the_partners_in_the_regions_they_match(int count)
        {
            // Half exact regions (any case), half wildcards of several shapes.
            var patterns = Enumerable.Range(0, count).Select(k => (k % 4) switch
            {
                0 => $"region {k % 3000:D4}",
                1 => $"Region 1{k % 1000:D3}*",
                2 => $"REGION 2?{k % 100:D2}",
                _ => $"*{k % 1000:D3}",
            }).ToList();
            var filter = new PartnerFilter();
            foreach (var pattern in patterns)
            {
                filter.Regions.Add(NamePattern.Parse(pattern));
            }

            var regexes = patterns.Select(Like).ToList();
            var regions = Enumerable.Range(0, 3000).Select(ManyValuesData.Region).Where(r => regexes.Any(x => x.IsMatch(r))).ToHashSet();
            var expected = All.Where(i => regions.Contains(ManyValuesData.Region(i))).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(Names(expected), Found(filter));
        }

        [Fact]
        public void Revenue_of_forty_thousand_partner_ids_or_wildcards_is_exactly_theirs()
        {
            var byIds = new RevenueFilter { RestrictPartners = true };
            foreach (var id in Enumerable.Range(1, Many))
            {
                byIds.PartnerIds.Add(id);
            }

            Assert.Equal(Amounts(r => r.PartnerId <= Many), Amounts(byIds));
            Assert.Equal(Many / 2, Revenue().Count(byIds));

            var byNames = new RevenueFilter { RestrictPartners = true };
            foreach (var i in Enumerable.Range(10_001, Many))
            {
                byNames.PartnerNames.Add(NamePattern.ParseName(ManyValuesData.Name(i).ToLowerInvariant() + "*"));
            }

            byNames.PartnerIds.Add(2);
            Assert.Equal(Amounts(r => r.PartnerId == 2 || (r.PartnerId > 10_000 && r.PartnerId <= 50_000)), Amounts(byNames));
        }

        [Fact]
        public void Revenue_of_many_years_quarters_segments_and_regions_is_exactly_what_matches()
        {
            var filter = new RevenueFilter();
            for (var n = 0; n < Many; n++)
            {
                filter.Years.Add(1901 + (2 * (n % 550))); // every odd year: 550 runs of one year each
                filter.Quarters.Add(n % 2 == 0 ? 1 : 4);
            }

            Assert.Equal(Amounts(r => r.Date.Year % 2 == 1 && (r.Date.Month <= 3 || r.Date.Month >= 10)), Amounts(filter));

            var segments = Enumerable.Range(0, 3_000).Select(k => k % 2 == 0 ? $"segment {k % 500:D3}" : $"Segment 1{k % 10}?").ToList();
            var zones = Enumerable.Range(0, 3_000).Select(k => k % 3 == 0 ? $"*{k % 7}5" : $"zone 7{k % 100:D2}").ToList();
            var bySegmentAndRegion = new RevenueFilter();
            segments.ForEach(s => bySegmentAndRegion.Segments.Add(NamePattern.Parse(s)));
            zones.ForEach(z => bySegmentAndRegion.Regions.Add(NamePattern.Parse(z)));
            var segmentRegexes = segments.Select(Like).ToList();
            var zoneRegexes = zones.Select(Like).ToList();
            var segmentSet = Enumerable.Range(0, 500).Select(ManyValuesData.Segment).Where(s => segmentRegexes.Any(x => x.IsMatch(s))).ToHashSet();
            var zoneSet = Enumerable.Range(0, 1000).Select(ManyValuesData.Zone).Where(z => zoneRegexes.Any(x => x.IsMatch(z))).ToHashSet();
            var expected = Amounts(r => segmentSet.Contains(r.Segment) && zoneSet.Contains(r.Region));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Amounts(bySegmentAndRegion));
        }

        [Fact]
        public void Measures_over_many_partners_years_and_regions_sum_exactly_those_records_from_the_totals_and_from_given_records()
        {
            var request = new RevenueMeasureRequest();
            request.Filter.RestrictPartners = true;
            foreach (var id in Enumerable.Range(1, Many))
            {
                request.Filter.PartnerIds.Add(id);
                request.Filter.Years.Add(2000 + (id % 20)); // the totals path: t.year
            }

            foreach (var k in Enumerable.Range(0, 50))
            {
                request.Filter.Regions.Add(NamePattern.Parse($"zone {k:D2}?"));
            }

            bool Wanted((long Id, decimal Amount, DateTime Date, long? PartnerId, string Segment, string Region) r) =>
                r.PartnerId <= Many && r.Date.Year < 2020 && string.CompareOrdinal(r.Region, "Zone 500") < 0;
            var measure = Assert.Single(new RevenueMeasurer(_store).Measure(request));
            Assert.Equal(_data.Records.Count(Wanted), measure.Count);
            Assert.Equal(_data.Records.Where(Wanted).Sum(r => r.Amount), measure.Total);

            // Records given to the measure are matched against their own regions, not the database's.
            var measurer = new RevenueMeasurer(_store);
            measurer.BeginGiven();
            foreach (var r in _data.Records.Take(2_000))
            {
                measurer.AddGiven(new PartnerRevenue { PartnerId = r.PartnerId, Date = r.Date, Amount = r.Amount, Currency = "USD", Segment = r.Segment, Region = r.Region + " given" });
            }

            var given = new RevenueMeasureRequest();
            foreach (var k in Enumerable.Range(0, 50))
            {
                given.Filter.Regions.Add(NamePattern.Parse($"zone {k:D2}? GIVEN"));
            }

            var givenMeasure = Assert.Single(measurer.Measure(given));
            Assert.Equal(_data.Records.Take(2_000).Count(r => string.CompareOrdinal(r.Region, "Zone 500") < 0), givenMeasure.Count);
        }

        [Fact]
        public void History_of_forty_thousand_partner_ids_with_many_operations_and_entities_is_exactly_theirs()
        {
            var filter = new HistoryFilter { PartnerIds = new HashSet<long>(Enumerable.Range(1, Many).Select(n => (long)n * 2)) };
            for (var n = 0; n < Many; n++)
            {
                filter.Operations.Add(n % 2 == 0 ? HistoryOperation.Insert : HistoryOperation.Delete);
                filter.Entities.Add(HistoryEntity.Partner);
            }

            var entries = new HistoryRepository(_store).Find(filter).ToList();
            Assert.Equal(Enumerable.Range(1, ManyValuesData.PartnerCount / 2).Select(n => (long?)(ManyValuesData.PartnerCount - (2 * (n - 1)))), entries.Select(e => e.PartnerId));
            Assert.All(entries, e => Assert.Equal((HistoryOperation.Insert, HistoryEntity.Partner), (e.Operation, e.Entity)));
            Assert.Equal(ManyValuesData.PartnerCount / 2, new HistoryRepository(_store).Count(filter));

            // An empty set of partners still means no changes at all.
            Assert.Empty(new HistoryRepository(_store).Find(new HistoryFilter { PartnerIds = new HashSet<long>() }));
        }

        [Fact]
        public void Targets_and_exchange_rates_of_forty_thousand_years_and_many_regions_are_exactly_those()
        {
            var years = Enumerable.Range(-40_000, 2 * Many).Where(y => y % 2 == 0 || y > 2004).ToList();
            Assert.True(years.Count > Many);
            var regions = Enumerable.Range(0, 3_000).Select(k => k % 2 == 0 ? $"ZONE {k / 2 % 50:D3}" : $"zone 09?").Select(NamePattern.Parse).ToList();
            var targets = new TargetRepository(_store).Find(new[] { TargetMetric.PartnerCount, TargetMetric.PartnerCount }, years, regions).ToList();
            var expected =
                from year in Enumerable.Range(2000, 10)
                where year % 2 == 0 || year > 2004
                from k in Enumerable.Range(0, 100)
                where k < 50 || (k >= 90 && k < 100)
                orderby year, k
                select (year, $"Zone {k:D3}");
            Assert.Equal(expected, targets.Select(t => (t.Year, t.Region!)));

            var rates = new ExchangeRateRepository(_store).Find("GBP", "USD", years).Select(r => r.Year);
            Assert.Equal(Enumerable.Range(1900, 1100).Where(y => y % 2 == 0 || y > 2004), rates);
        }

        [Fact]
        public void The_usual_small_filters_still_use_their_indexes()
        {
            string Plan(string sql, object parameters) =>
                string.Join("\n", _store.Connection.Query<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters).Select(r => r.Detail));

            string PartnerPlan(Action<PartnerFilter> shape)
            {
                var filter = new PartnerFilter();
                shape(filter);
                var (sql, parameters) = PartnerSql.FindStatement(filter);
                return Plan(sql, parameters);
            }

            // Get-Partner -Name X on a million partners stays one lookup in the name index.
            var exact = PartnerPlan(f => f.Names.Add(NamePattern.ParseName("Partner 00042")));
            Assert.Contains("SEARCH partners USING INDEX partners_name_key (name_key=?)", exact);
            Assert.DoesNotContain("SCAN partners", exact);

            var ids = PartnerPlan(f => { f.Ids.Add(5); f.Ids.Add(6); f.Ids.Add(7); });
            Assert.Contains("SEARCH partners USING INTEGER PRIMARY KEY (rowid=?)", ids);
            Assert.DoesNotContain("SCAN partners", ids);

            var prefix = PartnerPlan(f => f.Names.Add(NamePattern.ParseName("Acme*")));
            Assert.Contains("SEARCH partners USING INDEX partners_name_key (name_key>? AND name_key<?)", prefix);
            Assert.DoesNotContain("SCAN partners", prefix);

            var exactAndPrefix = PartnerPlan(f => { f.Names.Add(NamePattern.ParseName("Partner 00042")); f.Names.Add(NamePattern.ParseName("Acme*")); });
            Assert.Contains("MULTI-INDEX OR", exactAndPrefix);
            Assert.DoesNotContain("SCAN partners", exactAndPrefix);

            // Many patterns: each prefix is a range of the index, not a GLOB on every row.
            var many = PartnerPlan(f =>
            {
                foreach (var i in Enumerable.Range(1, 100))
                {
                    f.Names.Add(NamePattern.ParseName($"Partner {i:D4}*"));
                }
            });
            Assert.Contains("SEARCH partners USING COVERING INDEX partners_name_key (name_key>? AND name_key<?)", many);
            Assert.DoesNotContain("SCAN partners", many);

            // Revenue of 'Acme*' finds the partners by the name index and their records by the partner index.
            var revenueFilter = new RevenueFilter { RestrictPartners = true };
            revenueFilter.PartnerNames.Add(NamePattern.ParseName("Acme*"));
            revenueFilter.Years.Add(2015);
            var (revenueWhere, revenueParameters) = RevenueWhere.Build(revenueFilter, totals: false);
            var revenue = Plan("SELECT r.id FROM revenue r" + revenueWhere, revenueParameters);
            Assert.Contains("partners_name_key (name_key>? AND name_key<?)", revenue);
            Assert.DoesNotContain("SCAN r", revenue);

            var (historyWhere, historyParameters) = HistoryRepository.Where(new HistoryFilter { PartnerIds = new HashSet<long> { 42, 43 } });
            var history = Plan("SELECT count(*) FROM history" + historyWhere, historyParameters);
            Assert.Contains("SEARCH history USING COVERING INDEX history_partner (partner_id=?)", history);
        }

        private RevenueRepository Revenue() => new RevenueRepository(_store);

        private decimal[] Amounts(RevenueFilter filter) => Revenue().Find(filter).Select(r => r.Amount).ToArray();

        // The records that should come back, in Find's order (date, then id).
        private decimal[] Amounts(Func<(long Id, decimal Amount, DateTime Date, long? PartnerId, string Segment, string Region), bool> wanted) =>
            _data.Records.Where(wanted).OrderBy(r => r.Date).ThenBy(r => r.Id).Select(r => r.Amount).ToArray();
    }
}
