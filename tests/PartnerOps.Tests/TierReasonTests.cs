using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>A Tier change's reason (PartnerChanges.TierReason, written by Invoke-PartnerTierReview): kept with the Tier change's row.</summary>
    public sealed class TierReasonTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;

        public TierReasonTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private string[] Changes(long id) => _store.StatusHistory.Find(new StatusChangeFilter { PartnerIds = new System.Collections.Generic.HashSet<long> { id } })
            .Select(c => $"{c.Attribute} {c.From ?? "-"}>{c.To}@{c.EffectiveDate:yyyy-MM-dd} {c.Reason ?? "-"}").ToArray();

        [Fact]
        public void A_Tier_change_keeps_its_reason_and_the_Status_rows_keep_theirs()
        {
            var partner = _partners.Add(Draft("Kestrel", tier: PartnerTier.Gold, joinedOn: Day(2020, 1, 1)));
            _partners.Update(partner, new PartnerChanges { Status = PartnerStatus.Suspended, EffectiveDate = Day(2021, 3, 1), Reason = "Audit" });
            var suspended = _partners.GetById(partner.Id)!;
            var updated = _partners.Update(suspended, new PartnerChanges { Tier = PartnerTier.Silver, EffectiveDate = Day(2022, 6, 30), TierReason = " TierReview " });

            Assert.Equal(PartnerTier.Silver, updated.Tier);
            Assert.Equal(Day(2022, 6, 30), updated.TierSince);
            Assert.Equal(
                new[] { "Status ->Active@2020-01-01 -", "Tier ->Gold@2020-01-01 -", "Status Active>Suspended@2021-03-01 Audit", "Tier Gold>Silver@2022-06-30 TierReview" },
                Changes(partner.Id));
        }

        [Fact]
        public void A_tier_reason_without_a_Tier_is_refused_and_a_Tier_already_held_writes_nothing()
        {
            var partner = _partners.Add(Draft("Kestrel", tier: PartnerTier.Gold, joinedOn: Day(2020, 1, 1)));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Update(partner, new PartnerChanges { Notes = "x", TierReason = "TierReview" }));
            Assert.Equal("TierReason 'TierReview' is not valid: a tier reason goes with a change of Tier; give the Tier with it.", ex.Message);

            Assert.Same(partner, _partners.Update(partner, new PartnerChanges { Tier = PartnerTier.Gold, EffectiveDate = Day(2022, 6, 30), TierReason = "TierReview" }));
            Assert.Equal(new[] { "Status ->Active@2020-01-01 -", "Tier ->Gold@2020-01-01 -" }, Changes(partner.Id));
        }

        [Fact]
        public void A_Tier_change_dated_before_the_tier_it_replaces_is_refused_with_its_reason()
        {
            var partner = _partners.Add(Draft("Kestrel", tier: PartnerTier.Gold, joinedOn: Day(2020, 1, 1)));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Update(partner, new PartnerChanges { Tier = PartnerTier.Silver, EffectiveDate = Day(2019, 12, 31), TierReason = "TierReview" }));
            Assert.Contains("Tier has been Gold since 2020-01-01", ex.Message);
            Assert.Equal(PartnerTier.Gold, _partners.GetById(partner.Id)!.Tier);
        }
    }
}
