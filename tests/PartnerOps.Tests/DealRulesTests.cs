using System;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class DealRulesTests
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 30);

        [Theory]
        [InlineData("  Contoso Retail ", "Contoso Retail")]
        [InlineData("Contoso\u00A0Retail", "Contoso Retail")]
        [InlineData("Cafe\u0301 Noir", "Caf\u00E9 Noir")]
        public void A_customer_is_stored_trimmed_in_NFC_with_plain_spaces(string given, string stored)
        {
            Assert.Equal(stored, DealRules.NormalizeCustomer(given));
        }

        [Theory]
        [InlineData("", "a deal needs the customer's name")]
        [InlineData("   ", "a deal needs the customer's name")]
        [InlineData("Con\u200Btoso", "U+200B")]
        [InlineData("Con\ttoso", "control character")]
        [InlineData("Contoso\u2028Retail", "U+2028")]
        public void A_customer_that_is_not_one_line_of_visible_text_is_InvalidPartnerValue_naming_it(string given, string problem)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.NormalizeCustomer(given));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.StartsWith($"Customer '{TextRules.Shown(given)}' is not valid: ", ex.Message, StringComparison.Ordinal);
            Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_customer_of_201_characters_is_refused_and_one_of_200_taken()
        {
            Assert.Equal(200, DealRules.NormalizeCustomer(new string('c', 200)).Length);
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.NormalizeCustomer(new string('c', 201)));
            Assert.Contains("at most 200 characters (this one has 201)", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Contoso Retail", "CONTOSO RETAIL")]
        [InlineData("Contoso Retail", "Contoso\u00A0Retail")]
        [InlineData("Caf\u00E9 Noir", "CAFE\u0301 NOIR")]
        [InlineData("Gro\u00DFhandel", "GROSSHANDEL")]
        [InlineData("\uFF21\uFF23\uFF2D\uFF25", "acme")]
        public void Customers_that_print_the_same_have_one_key(string a, string b)
        {
            Assert.Equal(DealRules.CustomerKey(DealRules.NormalizeCustomer(a)), DealRules.CustomerKey(DealRules.NormalizeCustomer(b)));
        }

        [Fact]
        public void Accented_and_plain_letters_are_two_customers_as_in_partner_names()
        {
            Assert.NotEqual(DealRules.CustomerKey("M\u00FCller"), DealRules.CustomerKey("Muller"));
        }

        [Theory]
        [InlineData("gb", "GB")]
        [InlineData(" de ", "DE")]
        [InlineData("xk", "XK")]
        public void A_country_is_an_upper_case_ISO_code(string given, string stored)
        {
            Assert.Equal(stored, DealRules.NormalizeCustomerCountry(given));
        }

        [Theory]
        [InlineData("", "a deal needs the customer's country")]
        [InlineData("UK", "the code of the United Kingdom is GB")]
        [InlineData("ZZ", "is not an ISO 3166-1 alpha-2 country code")]
        public void A_missing_or_unknown_country_is_InvalidCountryCode_naming_it(string given, string problem)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCountryCode, () => DealRules.NormalizeCustomerCountry(given));
            Assert.StartsWith($"CustomerCountry '{given}' is not", ex.Message, StringComparison.Ordinal);
            Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_segment_defaults_to_Enterprise_and_a_bad_one_is_InvalidPartnerValue()
        {
            Assert.Equal("Enterprise", DealRules.NormalizeSegment(null));
            Assert.Equal("Public Sector", DealRules.NormalizeSegment(" Public Sector "));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.NormalizeSegment("SMB\nMid"));
            Assert.StartsWith("Segment 'SMB`u{A}Mid' is not valid: ", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Product_and_reference_are_optional_one_line_texts_with_their_limits()
        {
            Assert.Null(DealRules.NormalizeProduct("  "));
            Assert.Null(DealRules.NormalizeReference(null));
            Assert.Equal("Cloud migration", DealRules.NormalizeProduct(" Cloud migration "));
            Assert.Equal("D-2026-001", DealRules.NormalizeReference(" D-2026-001 "));
            Assert.Equal(100, DealRules.NormalizeReference(new string('r', 100))!.Length);
            var reference = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.NormalizeReference(new string('r', 101)));
            Assert.Contains("a reference has at most 100 characters (this one has 101)", reference.Message, StringComparison.Ordinal);
            var product = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.NormalizeProduct("Cloud\r\nmigration"));
            Assert.StartsWith("Product 'Cloud`u{D}`u{A}migration' is not valid: ", product.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Amount_and_currency_are_stored_exact_in_minor_units_or_not_at_all()
        {
            Assert.Equal((null, null, null), DealRules.CheckAmount(null, " ", Today));
            Assert.Equal((1234.50m, "EUR", 123450L), DealRules.CheckAmount(1234.5m, "eur", Today));
            Assert.Equal((5000m, "JPY", 5000L), DealRules.CheckAmount(5000m, "JPY", Today));
        }

        [Theory]
        [InlineData("0", "USD", "InvalidAmount", "Amount 0 USD is not valid: a deal's estimated amount must be greater than zero.")]
        [InlineData("-5", "USD", "InvalidAmount", "Amount -5 USD is not valid: a deal's estimated amount must be greater than zero.")]
        [InlineData("10.005", "USD", "InvalidAmount", "Amount 10.005 USD is not valid: USD has 2 decimal places, so it cannot hold a smaller fraction.")]
        [InlineData("10", "", "InvalidCurrencyCode", "Amount 10 was given without a currency: give -Currency with -Amount, or neither.")]
        [InlineData(null, "USD", "InvalidAmount", "Currency 'USD' was given without an amount: give -Amount with -Currency, or neither.")]
        [InlineData("10", "XYZ", "InvalidCurrencyCode", "Currency 'XYZ' is not an ISO 4217 currency code (for example USD, EUR, GBP, CNY).")]
        public void A_bad_amount_or_currency_is_refused_naming_it(string? amount, string currency, string errorId, string message)
        {
            var value = amount == null ? (decimal?)null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
            var ex = ThrowsPartnerOps(errorId, () => DealRules.CheckAmount(value, currency, Today));
            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void A_currency_no_longer_in_use_on_the_registration_day_is_refused()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => DealRules.CheckAmount(100m, "DEM", Today));
            Assert.Contains("'DEM' was not in use on 2026-11-30", ex.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null, null, null, "2026-11-30", "2027-02-28")]
        [InlineData("2026-01-01", null, null, "2026-01-01", "2026-04-01")]
        [InlineData("2026-01-01", 1, null, "2026-01-01", "2026-01-02")]
        [InlineData("2026-01-01", 3650, null, "2026-01-01", "2035-12-30")]
        [InlineData("2026-01-01", null, "2026-01-01", "2026-01-01", "2026-01-01")]
        [InlineData("2026-11-30", null, "2027-06-30", "2026-11-30", "2027-06-30")]
        public void The_protection_runs_ValidDays_after_the_registration_or_to_ExpiresOn_inclusive(string? registered, int? validDays, string? expires, string storedRegistered, string storedExpires)
        {
            var (registeredOn, expiresOn) = DealRules.Period(Day(registered), validDays, Day(expires), Today);
            Assert.Equal(Day(storedRegistered), registeredOn);
            Assert.Equal(Day(storedExpires), expiresOn);
        }

        [Theory]
        [InlineData("2026-12-01", null, null, "RegisteredOn '2026-12-01' is not valid: a deal cannot be registered after today (2026-11-30).")]
        [InlineData("2026-01-01", 0, null, "ValidDays '0' is not valid: a registration protects a deal for 1 to 3650 days.")]
        [InlineData("2026-01-01", 3651, null, "ValidDays '3651' is not valid: a registration protects a deal for 1 to 3650 days.")]
        [InlineData("2026-01-01", 30, "2026-03-01", "ValidDays '30' is not valid: give ValidDays or ExpiresOn, not both.")]
        [InlineData("2026-01-01", null, "2025-12-31", "ExpiresOn '2025-12-31' is not valid: a deal cannot expire before it was registered (RegisteredOn 2026-01-01).")]
        [InlineData("1899-12-31", null, null, "RegisteredOn '1899-12-31' is not valid: a date must be between the years 1900 and 2999.")]
        public void A_bad_period_is_InvalidPartnerValue_naming_the_value(string? registered, int? validDays, string? expires, string message)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.Period(Day(registered), validDays, Day(expires), Today));
            Assert.Equal(message, ex.Message);
        }

        [Theory]
        [InlineData(PartnerStatus.Onboarding, true)]
        [InlineData(PartnerStatus.Active, true)]
        [InlineData(PartnerStatus.Suspended, true)]
        [InlineData(PartnerStatus.Prospect, false)]
        [InlineData(PartnerStatus.Terminated, false)]
        public void Only_partners_in_the_programme_register_deals(PartnerStatus status, bool allowed)
        {
            var partner = new Partner { Name = "Acme", Status = status };
            if (allowed)
            {
                DealRules.CheckPartner(partner);
                return;
            }

            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.CheckPartner(partner));
            Assert.Equal($"Partner 'Acme' cannot register deals: its status is {status}; only Onboarding, Active and Suspended partners (those in the programme) register deals.", ex.Message);
        }

        [Fact]
        public void ValidDays_with_a_rows_ExpiresOn_names_the_rows_value_and_how_to_drop_the_column()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.Period(Day("2026-01-01"), 60, Day("2026-03-01"), Today, expiresOnFromRow: true));
            Assert.Equal(
                "ValidDays '60' is not valid: the piped row also has an ExpiresOn column ('2026-03-01'), and a deal takes ValidDays or ExpiresOn, not both: " +
                "drop the column (Import-Csv ... | Select-Object -ExcludeProperty ExpiresOn | Register-PartnerDeal -ValidDays 60), or leave out -ValidDays to keep the row's ExpiresOn.",
                ex.Message);
            Assert.Equal((Day("2026-01-01")!.Value, Day("2026-03-02")!.Value), DealRules.Period(Day("2026-01-01"), 60, null, Today, expiresOnFromRow: true));
        }

        [Theory]
        // Acme joined 2024-01-01 and left 2026-06-01 (its first day out); statuses of the day as Get-Partner -AsOf reads them.
        [InlineData("2024-01-01", "Onboarding", null)]
        [InlineData("2025-05-01", "Suspended", null)]
        [InlineData("2026-05-31", "Active", null)]
        [InlineData("2023-12-31", "Active", "Partner 'Acme' cannot register a deal on 2023-12-31 (RegisteredOn): on 2023-12-31 it was not yet a partner: it joined the programme on 2024-01-01 (JoinedOn); nothing was written.")]
        [InlineData("2026-06-01", "Active", "Partner 'Acme' cannot register a deal on 2026-06-01 (RegisteredOn): on 2026-06-01 it was no longer a partner: it left the programme on 2026-06-01 (EndedOn, its first day out); nothing was written.")]
        [InlineData("2025-02-01", "Prospect", "Partner 'Acme' cannot register a deal on 2025-02-01 (RegisteredOn): its status on 2025-02-01 was Prospect; only Onboarding, Active and Suspended partners (those in the programme) register deals; nothing was written.")]
        [InlineData("2026-11-30", "Terminated", "Partner 'Acme' cannot register deals: its status is Terminated; only Onboarding, Active and Suspended partners (those in the programme) register deals.")]
        public void A_partner_registers_only_on_a_day_it_is_in_the_programme(string day, string statusThatDay, string? message)
        {
            var partner = new Partner { Name = "Acme", Status = PartnerStatus.Terminated, JoinedOn = Day("2024-01-01")!.Value, EndedOn = Day("2026-06-01") };
            if (message == null)
            {
                DealRules.CheckPartnerOn(partner, statusThatDay, Day(day)!.Value, Today);
                return;
            }

            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealRules.CheckPartnerOn(partner, statusThatDay, Day(day)!.Value, Today));
            Assert.Equal(message, ex.Message);
        }

        private static DateTime? Day(string? text) =>
            text == null ? (DateTime?)null : DateTime.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
