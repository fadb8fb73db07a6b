using System;
using System.Globalization;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>A certification's name, dates and the days it counts on (CertificationRules), without a database.</summary>
    public sealed class CertificationRulesTests
    {
        private static DateTime D(string day) => DateTime.Parse(day, CultureInfo.InvariantCulture);

        private static DateTime? N(string? day) => day == null ? (DateTime?)null : D(day);

        private static string Refused(Action action)
        {
            var ex = Assert.Throws<PartnerOpsException>(action);
            Assert.Equal(ErrorIds.InvalidPartnerValue, ex.ErrorId);
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            return ex.Message;
        }

        [Theory]
        // Earned 2026-01-10, expires 2027-01-10; contact current throughout.
        [InlineData("2026-01-09", false)] // the day before it is earned
        [InlineData("2026-01-10", true)] // earned that day
        [InlineData("2027-01-09", true)] // the last day it counts
        [InlineData("2027-01-10", false)] // it expires ON its ExpiresOn
        public void A_certification_counts_from_its_EarnedOn_to_the_day_before_its_ExpiresOn(string day, bool valid) =>
            Assert.Equal(valid, CertificationRules.IsValidOn(D(day), D("2026-01-10"), D("2027-01-10"), null, null));

        [Fact]
        public void A_certification_without_ExpiresOn_counts_from_its_EarnedOn_on() =>
            Assert.True(CertificationRules.IsValidOn(D("2999-12-31"), D("2026-01-10"), null, null, null));

        [Theory]
        // Contact started 2025-03-01 and left 2026-06-30.
        [InlineData("2025-02-28", false)] // before the contact started
        [InlineData("2025-03-01", true)]
        [InlineData("2026-06-29", true)] // the contact's last day
        [InlineData("2026-06-30", false)] // the contact has left: the certification does not count
        public void A_certification_counts_only_while_its_contact_is_current(string day, bool valid) =>
            Assert.Equal(valid, CertificationRules.IsValidOn(D(day), D("2024-01-01"), null, D("2025-03-01"), D("2026-06-30")));

        [Theory]
        [InlineData("2026-05-01", null, null, true)]
        [InlineData("2026-05-01", "2026-05-01", null, true)]
        [InlineData("2026-05-01", "2026-05-02", null, false)] // a contact starting next month
        [InlineData("2026-05-01", null, "2026-05-02", true)] // a planned leave
        [InlineData("2026-05-01", null, "2026-05-01", false)]
        public void A_contact_is_current_from_its_StartedOn_to_the_day_before_its_EndedOn(string day, string? started, string? ended, bool current) =>
            Assert.Equal(current, CertificationRules.IsContactCurrentOn(D(day), N(started), N(ended)));

        [Theory]
        // AsOf 2026-03-31, 90 days: to 2026-06-29 inclusive.
        [InlineData("2026-06-29", true)]
        [InlineData("2026-06-30", false)]
        [InlineData("2026-04-01", true)]
        [InlineData("2026-03-31", false)] // expired on the day: not valid, so not "expiring"
        public void ExpiringWithin_takes_valid_certifications_expiring_up_to_the_last_day(string expires, bool expiring) =>
            Assert.Equal(expiring, CertificationRules.IsExpiringWithin(D("2026-03-31"), 90, D("2025-01-01"), D(expires), null, null));

        [Fact]
        public void ExpiringWithin_never_takes_a_certification_without_ExpiresOn_or_of_a_departed_contact()
        {
            Assert.False(CertificationRules.IsExpiringWithin(D("2026-03-31"), 90, D("2025-01-01"), null, null, null));
            Assert.False(CertificationRules.IsExpiringWithin(D("2026-03-31"), 90, D("2025-01-01"), D("2026-04-15"), null, D("2026-03-01")));
        }

        [Theory]
        [InlineData("2026-03-30", true)]
        [InlineData("2026-03-31", true)] // expires on the day: expired that day
        [InlineData("2026-04-01", false)]
        [InlineData(null, false)]
        public void Expired_means_an_ExpiresOn_on_or_before_the_day(string? expires, bool expired) =>
            Assert.Equal(expired, CertificationRules.IsExpiredOn(D("2026-03-31"), N(expires)));

        [Fact]
        public void ExpiresOn_on_or_before_EarnedOn_is_refused_naming_both_dates()
        {
            var message = Refused(() => CertificationRules.CheckDates(D("2026-01-10"), D("2026-01-10")));
            Assert.Contains("ExpiresOn '2026-01-10'", message);
            Assert.Contains("EarnedOn 2026-01-10", message);
            Refused(() => CertificationRules.CheckDates(D("2026-01-10"), D("2025-12-31")));
            Assert.Equal((D("2026-01-10"), N("2026-01-11")), CertificationRules.CheckDates(D("2026-01-10 13:45"), D("2026-01-11")));
        }

        [Fact]
        public void Dates_outside_the_module_years_are_refused()
        {
            Assert.Contains("EarnedOn '1899-12-31'", Refused(() => CertificationRules.CheckDates(D("1899-12-31"), null)));
            Assert.Contains("ExpiresOn '3000-01-01'", Refused(() => CertificationRules.CheckDates(D("2026-01-01"), D("3000-01-01"))));
        }

        [Fact]
        public void Names_are_trimmed_and_normalised_and_keyed_as_partner_names()
        {
            Assert.Equal("Azure Fundamentals", CertificationRules.NormalizeName("  Azure\u00A0Fundamentals "));
            Assert.Equal(CertificationRules.NameKey("NETWORKING Associate"), CertificationRules.NameKey("networking associate"));
            Assert.Equal(PartnerRules.NameKey("Straße"), CertificationRules.NameKey("Straße"));
        }

        [Theory]
        [InlineData("", "cannot be empty")]
        [InlineData("   ", "cannot be empty")]
        [InlineData("Azure\nAdmin", "control character")]
        [InlineData("Azure\u200BAdmin", "invisible character")]
        public void Bad_names_are_refused_naming_the_problem(string name, string problem) =>
            Assert.Contains(problem, Refused(() => CertificationRules.NormalizeName(name)));

        [Fact]
        public void A_name_over_200_characters_is_refused()
        {
            Assert.Equal(200, CertificationRules.NormalizeName(new string('a', 200)).Length);
            Assert.Contains("at most 200 characters (this one has 201)", Refused(() => CertificationRules.NormalizeName(new string('a', 201))));
        }

        [Theory]
        [InlineData(-1, false)]
        [InlineData(0, true)]
        [InlineData(3660, true)]
        [InlineData(3661, false)]
        public void ExpiringWithin_is_0_to_3660_days(int days, bool accepted)
        {
            if (accepted)
            {
                Assert.Equal(days, CertificationRules.CheckExpiringWithin(days));
            }
            else
            {
                Assert.Contains($"ExpiringWithin '{days}'", Refused(() => CertificationRules.CheckExpiringWithin(days)));
            }
        }

        [Fact]
        public void A_certification_is_described_with_its_contact_and_dates() =>
            Assert.Equal(
                "'Azure Fundamentals' of ann@kestrel.example earned 2026-01-15, expires 2027-01-15",
                CertificationRules.Describe("Azure Fundamentals", "ann@kestrel.example", D("2026-01-15"), D("2027-01-15")));
    }
}
