using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Quality
{
    public sealed class TierRuleRepositoryTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly TierRuleRepository _rules;

        public TierRuleRepositoryTests()
        {
            _store = _db.Open();
            _rules = new TierRuleRepository(_store, () => Now);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private TierRule Set(PartnerTier tier, string? region, PartnerType? type, decimal? minRevenue, string? currency, decimal? minCertified, out bool changed)
        {
            var draft = new TierRuleDraft { Tier = tier, Region = region, Type = type, MinRevenue = minRevenue, Currency = currency, MinCertified = minCertified };
            if (minRevenue != null) draft.Given.Add("MinRevenue");
            if (currency != null) draft.Given.Add("Currency");
            if (minCertified != null) draft.Given.Add("MinCertified");
            return _rules.Set(draft, out changed);
        }

        [Fact]
        public void A_rule_is_stored_in_minor_units_read_back_in_its_currency_and_set_again_only_when_it_changes()
        {
            var rule = Set(PartnerTier.Gold, "Western Europe", PartnerType.Reseller, 1234.5m, "KWD", null, out var changed);
            Assert.True(changed);
            Assert.Equal(1234500L, Dapper.SqlMapper.ExecuteScalar<long>(_store.Connection, "SELECT min_revenue FROM tier_rules"));

            var same = Set(PartnerTier.Gold, "WESTERN europe", PartnerType.Reseller, 1234.500m, null, null, out changed);
            Assert.False(changed);
            Assert.Equal((rule.Id, "Western Europe", 1234.500m, "KWD", 12), (same.Id, same.Region, same.MinRevenue!.Value, same.Currency, same.RevenueMonths!.Value));

            var more = Set(PartnerTier.Gold, "WESTERN europe", PartnerType.Reseller, null, null, 2, out changed);
            Assert.True(changed);
            Assert.Equal((rule.Id, "Western Europe", 2), (more.Id, more.Region, more.MinCertified!.Value));
            Assert.Equal(new[] { "Gold (Western Europe, Reseller): revenue 1234.500 KWD in 12 months, 2 certified" }, _rules.Find().Select(r => r.Describe()));
        }

        [Fact]
        public void Find_orders_by_tier_region_and_type_and_restricts_by_each()
        {
            Set(PartnerTier.Platinum, null, null, null, null, 8, out _);
            Set(PartnerTier.Gold, "China", null, null, null, 4, out _);
            Set(PartnerTier.Gold, null, PartnerType.Reseller, null, null, 3, out _);
            Set(PartnerTier.Gold, null, null, null, null, 2, out _);
            Set(PartnerTier.Silver, null, null, 100m, null, null, out _);

            Assert.Equal(
                new[] { "Silver (all regions, all types)", "Gold (all regions, all types)", "Gold (all regions, Reseller)", "Gold (China, all types)", "Platinum (all regions, all types)" },
                _rules.Find().Select(r => r.ToString()));
            Assert.Equal(new[] { "Gold (China, all types)" }, _rules.Find(regions: new[] { NamePattern.Parse("ch*") }).Select(r => r.ToString()));
            Assert.Equal(new[] { "Gold (all regions, Reseller)" }, _rules.Find(new[] { PartnerTier.Gold }, types: new[] { PartnerType.Reseller }).Select(r => r.ToString()));
            Assert.Equal(_store.Currency, _rules.Get(PartnerTier.Silver, null, null)!.Currency);
        }

        [Fact]
        public void Removing_a_rule_that_is_not_stored_is_TierRuleInvalid_NotFound_listing_the_tier_s_rules()
        {
            Set(PartnerTier.Gold, "China", null, null, null, 4, out _);
            Set(PartnerTier.Gold, null, null, null, null, 2, out _);

            var ex = Assert.Throws<PartnerOpsException>(() => _rules.Remove(PartnerTier.Gold, "Japan", null));

            Assert.Equal((ErrorIds.TierRuleInvalid, FailureKind.NotFound), (ex.ErrorId, ex.Kind));
            Assert.Equal($"There is no tier rule Gold (Japan, all types) in '{_store.Path}': the rules of Gold are Gold (all regions, all types); Gold (China, all types). Nothing was removed; Get-PartnerTierRule lists the rules.", ex.Message);
            Assert.Equal("Gold (China, all types)", _rules.Remove(PartnerTier.Gold, "CHINA", null).ToString());
            Assert.Equal(new[] { "Gold (all regions, all types)" }, _rules.Find().Select(r => r.ToString()));
        }
    }
}
