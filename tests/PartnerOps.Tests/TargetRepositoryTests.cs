using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class TargetRepositoryTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly TargetRepository _targets;

        public TargetRepositoryTests()
        {
            _store = _db.Open();
            _targets = new TargetRepository(_store, () => Now);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private string[] All() => _targets.Find().Select(t => $"{t} = {t.Value}{(t.Currency == null ? string.Empty : " " + t.Currency)}").ToArray();

        [Fact]
        public void Set_adds_a_target_and_returns_it_as_stored()
        {
            var target = _targets.Set(TargetMetric.PartnerCount, " Western Europe ", 2015, 1000m, null);

            Assert.True(target.Id > 0);
            Assert.Equal("Western Europe", target.Region);
            Assert.Null(target.Currency);
            var stored = _targets.GetById(target.Id)!;
            Assert.Equal(TargetMetric.PartnerCount, stored.Metric);
            Assert.Equal("Western Europe", stored.Region);
            Assert.Equal(2015, stored.Year);
            Assert.Equal(1000m, stored.Value);
        }

        [Fact]
        public void Set_on_the_same_metric_region_and_year_replaces_the_value_whatever_the_region_s_case()
        {
            var first = _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null);

            var second = _targets.Set(TargetMetric.PartnerCount, "WESTERN europe", 2015, 1200m, null);

            Assert.Equal(first.Id, second.Id);
            Assert.Equal("Western Europe", second.Region);
            Assert.Equal(new[] { "PartnerCount Western Europe 2015 = 1200" }, All());
        }

        [Fact]
        public void Another_metric_region_or_year_is_another_target()
        {
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null);
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2016, 1100m, null);
            _targets.Set(TargetMetric.PartnerCount, "China", 2015, 500m, null);
            _targets.Set(TargetMetric.PartnerCount, null, 2015, 3000m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, "Western Europe", 2015, 0.78m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 1m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, "  ", 2015, 0.9m, null);

            Assert.Equal(
                new[]
                {
                    "PartnerCount (all regions) 2015 = 3000",
                    "PartnerCount China 2015 = 500",
                    "PartnerCount Western Europe 2015 = 1000",
                    "PartnerRevenueShare (all regions) 2015 = 0.9",
                    "PartnerRevenueShare Western Europe 2015 = 0.78",
                    "PartnerCount Western Europe 2016 = 1100",
                },
                All());
        }

        [Fact]
        public void A_revenue_target_takes_the_database_s_currency_unless_given_one()
        {
            _targets.Set(TargetMetric.PartnerRevenue, "China", 2015, 3_100_000_000m, null);
            _targets.Set(TargetMetric.PartnerRevenue, "United Kingdom", 2015, 2_000_000_000m, "gbp");

            Assert.Equal(new[] { "PartnerRevenue China 2015 = 3100000000 USD", "PartnerRevenue United Kingdom 2015 = 2000000000 GBP" }, All());
            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => _targets.Set(TargetMetric.PartnerRevenue, "China", 2016, 1m, "XXX"));
        }

        [Fact]
        public void Set_replacing_a_revenue_target_changes_its_currency_too()
        {
            var first = _targets.Set(TargetMetric.PartnerRevenue, "China", 2015, 100m, "USD");

            _targets.Set(TargetMetric.PartnerRevenue, "china", 2015, 70m, "GBP");

            var stored = _targets.GetById(first.Id)!;
            Assert.Equal(70m, stored.Value);
            Assert.Equal("GBP", stored.Currency);
        }

        [Theory]
        [InlineData(TargetMetric.PartnerRevenueShare, "1.01", null)]
        [InlineData(TargetMetric.PartnerRevenueShare, "-0.1", null)]
        [InlineData(TargetMetric.PartnerCount, "-1", null)]
        [InlineData(TargetMetric.PartnerCount, "10.5", null)]
        [InlineData(TargetMetric.PartnerRevenue, "-1", null)]
        [InlineData(TargetMetric.PartnerCount, "1000", "USD")]
        [InlineData(TargetMetric.PartnerRevenueShare, "0.5", "EUR")]
        public void An_impossible_target_is_InvalidTargetValue_and_nothing_is_stored(TargetMetric metric, string value, string? currency)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(metric, "China", 2015, Money(value), currency));

            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Empty(_targets.Find());
        }

        [Theory]
        [InlineData(1899)]
        [InlineData(3000)]
        public void A_year_out_of_range_is_InvalidTargetValue(int year)
        {
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(TargetMetric.PartnerCount, null, year, 1m, null));
        }

        [Fact]
        public void An_undefined_metric_is_InvalidTargetValue()
        {
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set((TargetMetric)42, null, 2015, 1m, null));
        }

        [Fact]
        public void The_edges_of_each_metric_are_allowed()
        {
            _targets.Set(TargetMetric.PartnerRevenueShare, "A", 2015, 0m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, "B", 2015, 1m, null);
            _targets.Set(TargetMetric.PartnerCount, "A", 2015, 0m, null);
            _targets.Set(TargetMetric.PartnerCount, "B", 2015, 1000.0m, null);
            _targets.Set(TargetMetric.PartnerRevenue, "A", 2015, 0m, null);

            Assert.Equal(5, _targets.Find().Count());
        }

        [Fact]
        public void Find_filters_by_metric_year_and_region_pattern_and_Get_finds_one()
        {
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null);
            _targets.Set(TargetMetric.PartnerCount, "Western Africa", 2016, 10m, null);
            _targets.Set(TargetMetric.PartnerCount, null, 2015, 3000m, null);
            _targets.Set(TargetMetric.PartnerRevenueShare, "China", 2015, 0.6m, null);

            Assert.Equal(2, _targets.Find(new[] { TargetMetric.PartnerCount }, new[] { 2015 }).Count());
            Assert.Equal(new[] { "Western Europe", "Western Africa" }, _targets.Find(regions: new[] { NamePattern.Parse("western*") }).Select(t => t.Region).ToArray());
            Assert.Equal("China", _targets.Find(regions: new[] { NamePattern.Parse("CHINA") }).Single().Region);

            Assert.Equal(3000m, _targets.Get(TargetMetric.PartnerCount, null, 2015)!.Value);
            Assert.Equal(1000m, _targets.Get(TargetMetric.PartnerCount, " western europe", 2015)!.Value);
            Assert.Null(_targets.Get(TargetMetric.PartnerCount, "China", 2015));
        }

        [Fact]
        public void Remove_deletes_a_target_and_a_missing_id_is_TargetNotFound()
        {
            var target = _targets.Set(TargetMetric.PartnerCount, "China", 2015, 10m, null);

            _targets.Remove(target.Id);

            Assert.Null(_targets.GetById(target.Id));
            var ex = ThrowsPartnerOps(ErrorIds.TargetNotFound, () => _targets.Remove(target.Id));
            Assert.Equal(FailureKind.NotFound, ex.Kind);
            Assert.Contains(target.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
        }
        [Fact]
        public void A_count_target_counts_Active_unless_told_and_keeps_its_statuses_when_set_again_without_them()
        {
            var first = _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null);
            Assert.Equal(new[] { PartnerStatus.Active }, first.Statuses);

            // Given in any order, repeated: stored once each, in the enum's order.
            var changed = _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1000m, null, new[] { PartnerStatus.Suspended, PartnerStatus.Active, PartnerStatus.Active });
            Assert.Equal(new[] { PartnerStatus.Active, PartnerStatus.Suspended }, changed.Statuses);
            Assert.Equal(new[] { PartnerStatus.Active, PartnerStatus.Suspended }, _targets.GetById(first.Id)!.Statuses);

            // A new value without statuses keeps the stored ones (never silently back to Active).
            _targets.Set(TargetMetric.PartnerCount, "Western Europe", 2015, 1200m, null);
            Assert.Equal(new[] { PartnerStatus.Active, PartnerStatus.Suspended }, _targets.GetById(first.Id)!.Statuses);

            Assert.Null(_targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 0.5m, null).Statuses);
        }

        [Fact]
        public void Statuses_are_refused_for_other_metrics_and_must_not_be_empty()
        {
            var revenue = ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(TargetMetric.PartnerRevenue, null, 2015, 10m, null, new[] { PartnerStatus.Active }));
            Assert.Equal("Status 'Active' is not valid: only PartnerCount targets count partner statuses, not PartnerRevenue.", revenue.Message);
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(TargetMetric.PartnerRevenueShare, null, 2015, 0.5m, null, new[] { PartnerStatus.Active }));
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(TargetMetric.PartnerCount, null, 2015, 5m, null, new PartnerStatus[0]));
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => _targets.Set(TargetMetric.PartnerCount, null, 2015, 5m, null, new[] { (PartnerStatus)42 }));
            Assert.Empty(_targets.Find());
        }

        [Fact]
        public void Setting_a_target_to_what_it_is_writes_nothing()
        {
            var first = new TargetRepository(_store, () => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Set(TargetMetric.PartnerCount, "China", 2015, 10m, null, new[] { PartnerStatus.Active });
            var later = new TargetRepository(_store, () => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));

            // 10.0 is the value 10: the same.
            var again = later.Set(TargetMetric.PartnerCount, "china", 2015, 10.0m, null, new[] { PartnerStatus.Active });

            Assert.Equal(first.Id, again.Id);
            Assert.Equal("2020-01-01 00:00:00.0000000", Dapper.SqlMapper.ExecuteScalar<string>(_store.Connection, "SELECT updated_at FROM targets"));
            Assert.Equal(1L, Dapper.SqlMapper.ExecuteScalar<long>(_store.Connection, "SELECT count(*) FROM history WHERE entity = 'Target'"));

            later.Set(TargetMetric.PartnerCount, "China", 2015, 10m, null, new[] { PartnerStatus.Active, PartnerStatus.Onboarding });
            Assert.Equal("2021-01-01 00:00:00.0000000", Dapper.SqlMapper.ExecuteScalar<string>(_store.Connection, "SELECT updated_at FROM targets"));
            Assert.Equal(
                "{\"Statuses\":[\"Active\",\"Onboarding,Active\"]}",
                Dapper.SqlMapper.ExecuteScalar<string>(_store.Connection, "SELECT changes FROM history WHERE entity = 'Target' AND operation = 'Update'"));
        }
    }
}
