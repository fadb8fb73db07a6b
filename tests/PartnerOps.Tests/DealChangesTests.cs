using System;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Set-PartnerDeal's changes (issue 19) applied to a deal's stored values: what changes, what stays, what is refused.</summary>
    public sealed class DealChangesTests
    {
        private static readonly DateTime Registered = Day(2026, 1, 1);

        private static DealValues Stored() => new DealValues
        {
            Amount = 5_000_000,
            Currency = "EUR",
            ExpectedClose = Day(2026, 6, 30),
            Product = "Servers",
            Segment = "Enterprise",
            ExpiresOn = Day(2026, 4, 1),
        };

        [Fact]
        public void An_amount_alone_is_in_the_deals_currency_and_the_rest_stays()
        {
            var next = new DealChanges { Amount = 60000.5m }.ApplyTo(Stored(), Registered)!;

            Assert.Equal(6_000_050, next.Amount);
            Assert.Equal("EUR", next.Currency);
            Assert.Equal(Day(2026, 6, 30), next.ExpectedClose);
            Assert.Equal("Servers", next.Product);
            Assert.Equal(Day(2026, 4, 1), next.ExpiresOn);
            Assert.Null(next.Reason);
        }

        [Fact]
        public void An_amount_in_another_currency_is_stored_in_its_minor_units()
        {
            var next = new DealChanges { Amount = 1200m, Currency = "jpy" }.ApplyTo(Stored(), Registered)!;

            Assert.Equal(1200, next.Amount);
            Assert.Equal("JPY", next.Currency);
        }

        [Fact]
        public void Given_values_that_are_stored_already_are_no_change()
        {
            var same = new DealChanges { Amount = 50000m, Segment = " Enterprise ", ProductSet = true, Product = "Servers", ExpectedCloseSet = true, ExpectedClose = Day(2026, 6, 30) };

            Assert.Null(same.ApplyTo(Stored(), Registered));
        }

        [Fact]
        public void Null_and_empty_remove_the_expected_close_and_the_product()
        {
            var next = new DealChanges { ExpectedCloseSet = true, ExpectedClose = null, ProductSet = true, Product = "  " }.ApplyTo(Stored(), Registered)!;

            Assert.Null(next.ExpectedClose);
            Assert.Null(next.Product);
        }

        [Fact]
        public void A_new_expires_on_keeps_its_reason_and_may_shorten_to_the_registration_day()
        {
            var next = new DealChanges { ExpiresOn = Day(2026, 1, 1).AddHours(13), Reason = " Customer paused " }.ApplyTo(Stored(), Registered)!;

            Assert.Equal(Day(2026, 1, 1), next.ExpiresOn);
            Assert.Equal("Customer paused", next.Reason);
        }

        [Theory]
        [InlineData("2025-12-31", "x", "ExpiresOn '2025-12-31' is not valid: a deal cannot expire before it was registered (RegisteredOn 2026-01-01).")]
        [InlineData("2026-09-30", null, "Reason '' is not valid: a change of ExpiresOn needs a reason (one line of text).")]
        [InlineData(null, "why", "Reason 'why' is not valid: a reason goes with a new ExpiresOn (give -ExpiresOn too); Deny-PartnerDeal and Close-PartnerDeal -Lost take their own.")]
        public void An_expires_on_needs_a_reason_and_a_reason_an_expires_on(string? expires, string? reason, string message)
        {
            var changes = new DealChanges
            {
                ExpiresOn = expires == null ? (DateTime?)null : DateTime.Parse(expires, System.Globalization.CultureInfo.InvariantCulture),
                Reason = reason,
            };

            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => changes.ApplyTo(Stored(), Registered));
            Assert.Equal(message, ex.Message);
        }

        [Theory]
        [InlineData("2026-02-09", "ExpiresOn '2026-02-09' is not valid: deal 7 'Contoso' (DE) of Acme cannot expire before its decision on 2026-02-10 (DecidedOn: it was approved that day, and an expired deal cannot be approved); give an ExpiresOn on or after 2026-02-10. Nothing was written.")]
        [InlineData("2026-01-01", "ExpiresOn '2026-01-01' is not valid: deal 7 'Contoso' (DE) of Acme cannot expire before its decision on 2026-02-10 (DecidedOn: it was approved that day, and an expired deal cannot be approved); give an ExpiresOn on or after 2026-02-10. Nothing was written.")]
        [InlineData("2025-12-31", "ExpiresOn '2025-12-31' is not valid: a deal cannot expire before it was registered (RegisteredOn 2026-01-01).")]
        public void An_approved_deal_cannot_expire_before_its_decision(string expires, string message)
        {
            var changes = new DealChanges { ExpiresOn = DateTime.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), Reason = "Shortened" };

            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => changes.ApplyTo(Stored(), Registered, Day(2026, 2, 10), "deal 7 'Contoso' (DE) of Acme"));
            Assert.Equal(message, ex.Message);
            var onTheDay = new DealChanges { ExpiresOn = Day(2026, 2, 10), Reason = "Shortened" }.ApplyTo(Stored(), Registered, Day(2026, 2, 10), "deal 7")!;
            Assert.Equal(Day(2026, 2, 10), onTheDay.ExpiresOn);
        }

        [Fact]
        public void An_amount_for_a_deal_without_currency_or_a_currency_alone_is_refused()
        {
            var none = new DealValues { Segment = "Enterprise", ExpiresOn = Day(2026, 4, 1) };

            ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => new DealChanges { Amount = 5m }.ApplyTo(none, Registered));
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => new DealChanges { Currency = "USD" }.ApplyTo(Stored(), Registered));
            ThrowsPartnerOps(ErrorIds.InvalidAmount, () => new DealChanges { Amount = 0m }.ApplyTo(Stored(), Registered));
        }
    }
}
