using System;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public sealed class ContactRulesTests
    {
        [Theory]
        [InlineData("jane@acme.example", "jane@acme.example")]
        [InlineData("  Jane.Doe@Acme.Example ", "Jane.Doe@Acme.Example")]
        [InlineData("j+sales@mail.acme.co.uk", "j+sales@mail.acme.co.uk")]
        [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@a-b.example", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@a-b.example")]
        public void An_email_is_stored_trimmed_and_otherwise_as_given(string given, string stored)
        {
            Assert.Equal(stored, ContactRules.NormalizeEmail(given));
        }

        [Theory]
        [InlineData("jane", "not an email address")]
        [InlineData("jane@acme", "not a full domain name")]
        [InlineData("jane@acme.", "not a full domain name")]
        [InlineData("jane@.acme", "not")]
        [InlineData("jane@acme..example", "not")]
        [InlineData("Jane Doe <jane@acme.example>", "no spaces")]
        [InlineData("Jane<jane@acme.example>", "without a display name")]
        [InlineData("jane@acme.example,joe@acme.example", "")]
        [InlineData("jane doe@acme.example", "no spaces")]
        [InlineData("@acme.example", "not an email address")]
        [InlineData("", "needs an email address")]
        [InlineData("   ", "needs an email address")]
        [InlineData("jane@-acme.example", "the domain label '-acme' starts or ends with '-'")]
        [InlineData("jane@acme.example-", "the domain label 'example-' starts or ends with '-'")]
        [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@acme.example", "at most 64 characters (RFC 5321; this one has 65)")]
        public void An_email_that_is_not_one_address_is_InvalidPartnerValue_naming_it(string given, string problem)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeEmail(given));

            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.StartsWith($"Email '{TextRules.Shown(given)}' is not valid: ", ex.Message, StringComparison.Ordinal);
            Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_email_of_255_characters_is_refused_and_one_of_254_taken()
        {
            var domain = "@acme.example";
            var fits = new string('a', 64) + "@" + new string('b', 254 - 64 - 1 - 8) + ".example";
            Assert.Equal(254, fits.Length);
            Assert.Equal(fits, ContactRules.NormalizeEmail(fits));

            var tooLong = new string('a', 255 - domain.Length) + domain;
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeEmail(tooLong));
            Assert.Contains("at most 254 characters (this one has 255)", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_email_with_a_control_character_is_refused_with_its_position()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeEmail("ja\u0007ne@acme.example"));
            Assert.Contains("control character `u{7} at position 3", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_email_key_is_the_address_in_lower_case()
        {
            Assert.Equal("jane.doe@acme.example", ContactRules.EmailKey("Jane.Doe@ACME.Example"));
            Assert.Equal("jane@acme.example", ContactRules.LookupEmailKey("  JANE@acme.example "));
            Assert.Equal(string.Empty, ContactRules.LookupEmailKey(null));
        }

        [Fact]
        public void A_name_follows_the_text_rules_of_partner_names()
        {
            Assert.Equal("Jane Doe", ContactRules.NormalizeName("  Jane\u00A0Doe "));
            Assert.Equal("Ren\u00E9", ContactRules.NormalizeName("Rene\u0301"));
            Assert.Contains("cannot be empty", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeName(" ")).Message, StringComparison.Ordinal);
            Assert.Contains("U+200B ZERO WIDTH SPACE at position 5", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeName("Jane\u200BDoe")).Message, StringComparison.Ordinal);
            Assert.Contains("at most 200 characters (this one has 201)", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeName(new string('x', 201))).Message, StringComparison.Ordinal);
            Assert.Contains("one line", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeName("Jane\nDoe")).Message, StringComparison.Ordinal);
            Assert.Equal(200, ContactRules.NormalizeName(new string('x', 200)).Length);
        }

        [Fact]
        public void A_role_is_one_line_of_up_to_100_characters_and_empty_is_none()
        {
            Assert.Null(ContactRules.NormalizeRole("  "));
            Assert.Null(ContactRules.NormalizeRole(null));
            Assert.Equal("Sales Engineer", ContactRules.NormalizeRole(" Sales Engineer "));
            Assert.Equal(100, ContactRules.NormalizeRole(new string('r', 100))!.Length);
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeRole(new string('r', 101)));
            Assert.StartsWith("Role '", ex.Message, StringComparison.Ordinal);
            Assert.Contains("at most 100 characters (this one has 101)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("one line", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizeRole("Sales\r\nLead")).Message, StringComparison.Ordinal);
            Assert.Equal(ContactRules.RoleKey("SALES ENGINEER"), ContactRules.RoleKey("Sales Engineer"));
            Assert.Null(ContactRules.RoleKey(null));
        }

        [Fact]
        public void A_phone_is_free_text_of_one_line_up_to_50_characters()
        {
            Assert.Null(ContactRules.NormalizePhone(""));
            Assert.Equal("+44 20 7946 0958 ext. 12", ContactRules.NormalizePhone(" +44 20 7946 0958 ext. 12 "));
            Assert.Equal(50, ContactRules.NormalizePhone(new string('1', 50))!.Length);
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizePhone(new string('1', 51)));
            Assert.StartsWith("Phone '", ex.Message, StringComparison.Ordinal);
            Assert.Contains("at most 50 characters (this one has 51)", ex.Message, StringComparison.Ordinal);
            Assert.Contains("one line", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.NormalizePhone("0123\n4567")).Message, StringComparison.Ordinal);
        }

        [Fact]
        public void EndedOn_may_be_the_day_of_StartedOn_or_later_but_not_before()
        {
            Assert.Equal((Day(2026, 3, 1), Day(2026, 3, 1)), ContactRules.CheckDates(Day(2026, 3, 1), Day(2026, 3, 1).AddHours(5)));
            Assert.Equal((null, Day(2026, 3, 1)), ContactRules.CheckDates(null, Day(2026, 3, 1)));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.CheckDates(Day(2026, 3, 2), Day(2026, 3, 1)));
            Assert.Equal("EndedOn '2026-03-01' is not valid: a contact cannot leave before starting (StartedOn 2026-03-02).", ex.Message);
            Assert.Contains("between the years 1900 and 2999", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => ContactRules.CheckDates(Day(1899, 12, 31), null)).Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(null, null, "2026-06-30", true)]
        [InlineData("2026-07-01", null, "2026-06-30", false)]
        [InlineData("2026-06-30", null, "2026-06-30", true)]
        [InlineData(null, "2026-06-30", "2026-06-30", false)]
        [InlineData(null, "2026-07-01", "2026-06-30", true)]
        public void A_contact_is_current_from_its_start_until_the_day_before_it_ended(string? started, string? ended, string day, bool current)
        {
            var contact = new PartnerContact { StartedOn = Parse(started), EndedOn = Parse(ended) };
            Assert.Equal(current, contact.IsCurrentOn(Parse(day)!.Value));
        }

        [Fact]
        public void Changes_keep_what_was_not_given_and_clear_what_was_given_empty()
        {
            var stored = new PartnerContact { Id = 4, PartnerId = 2, Partner = "Acme", Name = "Jane", Email = "jane@acme.example", Role = "Sales", Phone = "123", StartedOn = Day(2025, 1, 1), EndedOn = Day(2026, 1, 1) };
            var changed = new ContactChanges { RoleSet = true, Role = " ", EndedOnSet = true, EndedOn = null, NewEmail = " JANE@acme.example " }.ApplyTo(stored);

            Assert.Equal(("Jane", "JANE@acme.example", (string?)null, "123", (DateTime?)Day(2025, 1, 1), (DateTime?)null), (changed.Name, changed.Email, changed.Role, changed.Phone, changed.StartedOn, changed.EndedOn));
            Assert.Equal((4L, 2L, "Acme"), (changed.Id, changed.PartnerId, changed.Partner));
            Assert.False(ContactChanges.SameStoredValues(stored, changed));
            Assert.True(ContactChanges.SameStoredValues(stored, new ContactChanges { Name = " Jane " }.ApplyTo(stored)));
            Assert.Contains("cannot leave before starting", ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => new ContactChanges { StartedOnSet = true, StartedOn = Day(2026, 2, 1) }.ApplyTo(stored)).Message, StringComparison.Ordinal);
        }

        private static DateTime? Parse(string? day) => day == null ? (DateTime?)null : DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
    }
}
