using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>RevenueRules.NormalizeAttribution (issue 19): a partner's record Fulfilled unless named; direct revenue none.</summary>
    public class RevenueAttributionTests
    {
        [Theory]
        [InlineData(null, false, RevenueAttribution.Fulfilled)]
        [InlineData("", false, RevenueAttribution.Fulfilled)]
        [InlineData("  ", false, RevenueAttribution.Fulfilled)]
        [InlineData("Sourced", false, RevenueAttribution.Sourced)]
        [InlineData(" influenced ", false, RevenueAttribution.Influenced)]
        [InlineData("FULFILLED", false, RevenueAttribution.Fulfilled)]
        [InlineData(null, true, null)]
        [InlineData(" ", true, null)]
        public void A_name_or_nothing_gives_the_attribution_stored(string? given, bool direct, RevenueAttribution? expected) =>
            Assert.Equal(expected, RevenueRules.NormalizeAttribution(given, direct));

        [Theory]
        [InlineData("Sourced", true, "Attribution 'Sourced' is not valid: direct revenue has no attribution (only a partner's revenue is Sourced, Influenced or Fulfilled).")]
        [InlineData("Resold", false, "Attribution 'Resold' is not valid: it is none of Sourced, Influenced, Fulfilled.")]
        [InlineData("1", false, "Attribution '1' is not valid: it is none of Sourced, Influenced, Fulfilled.")]
        [InlineData("Sourced,Influenced", false, "Attribution 'Sourced,Influenced' is not valid: it is none of Sourced, Influenced, Fulfilled.")]
        public void Anything_else_is_InvalidRevenueValue_naming_the_value(string given, bool direct, string message)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => RevenueRules.NormalizeAttribution(given, direct));
            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void A_record_completed_from_a_draft_carries_its_attribution()
        {
            var partner = new Partner { Id = 7, Name = "Acme", Region = "China" };
            var (revenue, _) = RevenueRules.Complete(new RevenueDraft { Date = Day(2026, 1, 1), Amount = 1, Attribution = "sourced" }, partner, "EUR");
            Assert.Equal(RevenueAttribution.Sourced, revenue.Attribution);
            var (direct, _) = RevenueRules.Complete(new RevenueDraft { Date = Day(2026, 1, 1), Amount = 1, Region = "China" }, null, "EUR");
            Assert.Null(direct.Attribution);
        }
    }
}
