using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The grace period's day-by-day evaluation (GracePeriod): hand-worked cases, and random partners checked against a plain
    /// evaluation of every day of the period.
    /// </summary>
    public sealed class GracePeriodTests
    {
        private static readonly CurrencyConverter Rates = new CurrencyConverter(
            new[]
            {
                new ExchangeRate { From = "EUR", To = "USD", Year = 2023, Rate = 1.05m },
                new ExchangeRate { From = "EUR", To = "USD", Year = 2024, Rate = 1.08m },
                new ExchangeRate { From = "EUR", To = "USD", Year = 2025, Rate = 1.1m },
                new ExchangeRate { From = "EUR", To = "USD", Year = 2026, Rate = 1.2m },
                new ExchangeRate { From = "EUR", To = "USD", Year = 2027, Rate = 1.15m },
            },
            "USD");

        private static DateTime D(string day) => DateTime.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        private static TierRule Revenue(decimal minimum, int months = 12, string currency = "USD") =>
            new TierRule { Tier = PartnerTier.Gold, MinRevenue = minimum, Currency = currency, RevenueMonths = months };

        private static CertificationSpan Span(long contact, string earned, string? expires = null, string? started = null, string? ended = null, bool matches = true) => new CertificationSpan
        {
            ContactId = contact,
            EarnedOn = D(earned),
            ExpiresOn = expires == null ? (DateTime?)null : D(expires),
            ContactStartedOn = started == null ? (DateTime?)null : D(started),
            ContactEndedOn = ended == null ? (DateTime?)null : D(ended),
            Matches = new[] { true, matches },
        };

        private static DatedQualityInputs Inputs(params (string Date, string Currency, decimal Minor)[] revenue)
        {
            var inputs = new DatedQualityInputs { Patterns = new string?[] { null, "Networking*" }, FirstActiveOn = D("2020-01-01") };
            foreach (var (date, currency, minor) in revenue)
            {
                inputs.Revenue.Add((D(date), currency, minor));
            }

            return inputs;
        }

        private static string? First(TierRule rule, DatedQualityInputs inputs, string first = "2026-08-01", string last = "2026-10-29") =>
            GracePeriod.FirstMetDay(new[] { rule }, inputs, D(first), D(last), Rates) is DateTime day ? PartnerRules.FormatDate(day) : null;

        [Fact]
        public void The_grace_period_ends_on_the_day_reviewed()
        {
            Assert.Equal((D("2026-08-01"), D("2026-10-29")), GracePeriod.Days(D("2026-10-29"), 90));
            Assert.Equal((D("2026-10-29"), D("2026-10-29")), GracePeriod.Days(D("2026-10-29"), 1));
            Assert.Null(GracePeriod.Days(D("2026-10-29"), 0));
        }

        [Fact]
        public void A_record_counts_until_the_day_its_date_leaves_the_window()
        {
            // 2025-08-02 is in the window of 2026-08-01 (after 2025-08-01); 2025-08-01 is not.
            Assert.Equal("2026-08-01", First(Revenue(500m), Inputs(("2025-08-02", "USD", 50000))));
            Assert.Null(First(Revenue(500m), Inputs(("2025-08-01", "USD", 50000))));

            // A record dated inside the period counts from its day.
            Assert.Equal("2026-09-17", First(Revenue(500m), Inputs(("2026-09-17", "USD", 50000))));
            Assert.Null(First(Revenue(500m), Inputs(("2026-10-30", "USD", 50000))));
        }

        [Fact]
        public void The_sum_is_met_exactly_on_the_minimum_and_not_a_cent_under()
        {
            var records = Inputs(("2025-09-15", "USD", 30000), ("2026-09-10", "USD", 20000), ("2026-09-20", "USD", -1));
            Assert.Equal("2026-09-10", First(Revenue(500m), records));
            records.Revenue.RemoveAt(1);
            records.Revenue.Add((D("2026-09-10"), "USD", 19999));
            Assert.Null(First(Revenue(500m), records));
        }

        [Fact]
        public void Month_end_windows_follow_AddMonths()
        {
            // Window of 2026-02-28 for one month: after 2026-01-28; a record of 2026-01-29 counts on 2026-02-28, leaves on 2026-03-01
            // (its window is after 2026-02-01).
            var inputs = Inputs(("2026-01-29", "USD", 100));
            Assert.Equal("2026-02-28", First(Revenue(1m, months: 1), inputs, "2026-02-28", "2026-03-05"));
            Assert.Null(First(Revenue(1m, months: 1), inputs, "2026-03-01", "2026-03-05"));
        }

        [Fact]
        public void Each_currency_and_year_is_converted_with_that_year_s_rate_and_rounded_once()
        {
            // 100.00 EUR of 2025 (110.00 USD) + 100.00 EUR of 2026 (120.00 USD) = 230.00 USD from 2026-09-01.
            var inputs = Inputs(("2025-12-31", "EUR", 10000), ("2026-09-01", "EUR", 10000));
            Assert.Equal("2026-09-01", First(Revenue(230m), inputs));
            Assert.Null(First(Revenue(230.01m), inputs));
            Assert.Equal("2026-08-01", First(Revenue(110m), inputs));
            Assert.Throws<PartnerOpsException>(() => First(Revenue(1m, currency: "GBP"), inputs));
        }

        [Fact]
        public void Certified_contacts_count_while_their_certification_is_valid_and_they_stay()
        {
            var rule = new TierRule { Tier = PartnerTier.Gold, MinCertified = 2, Certification = "Networking*" };
            var inputs = Inputs();
            inputs.Certifications.Add(Span(1, "2024-01-01", expires: "2026-08-20"));           // valid to 2026-08-19
            inputs.Certifications.Add(Span(2, "2024-01-01", ended: "2026-08-10"));             // its contact left on 2026-08-10
            inputs.Certifications.Add(Span(3, "2026-08-15", matches: false));                  // another name
            inputs.Certifications.Add(Span(1, "2026-09-01"));                                  // contact 1 again: one person
            Assert.Equal("2026-08-01", First(rule, inputs));
            Assert.Null(First(rule, inputs, "2026-08-10", "2026-10-29"));

            inputs.Certifications.Add(Span(4, "2026-01-01", started: "2026-10-05"));           // a contact starting on 2026-10-05
            Assert.Equal("2026-10-05", First(rule, inputs, "2026-08-10", "2026-10-29"));
            var any = new TierRule { Tier = PartnerTier.Gold, MinCertified = 2 };
            Assert.Equal("2026-08-15", First(any, inputs, "2026-08-10", "2026-10-29"));
        }

        [Fact]
        public void Months_active_are_met_from_the_day_the_minimum_completes()
        {
            var rule = new TierRule { Tier = PartnerTier.Gold, MinMonthsActive = 6 };
            var inputs = Inputs();
            inputs.FirstActiveOn = D("2026-03-31");
            Assert.Equal("2026-09-30", First(rule, inputs)); // 2026-03-31 + 6 months = 2026-09-30
            inputs.FirstActiveOn = null;
            Assert.Null(First(rule, inputs));
            Assert.Equal("2026-08-01", First(new TierRule { Tier = PartnerTier.Gold, MinMonthsActive = 0 }, inputs));
        }

        [Fact]
        public void All_conditions_of_a_rule_must_hold_on_the_same_day_and_any_rule_will_do()
        {
            var rule = new TierRule { Tier = PartnerTier.Gold, MinRevenue = 100m, Currency = "USD", RevenueMonths = 1, MinCertified = 1 };
            var inputs = Inputs(("2026-08-05", "USD", 10000));  // met 2026-08-05 to 2026-09-04 (the window of 2026-09-05 is after 2026-08-05)
            inputs.Certifications.Add(Span(1, "2026-09-06"));   // certified from 2026-09-06: never both
            Assert.Null(First(rule, inputs));
            inputs.Certifications.Add(Span(2, "2026-09-04"));
            Assert.Equal("2026-09-04", First(rule, inputs));

            var platinum = new TierRule { Tier = PartnerTier.Platinum, MinCertified = 2 };
            Assert.Equal("2026-09-06", PartnerRules.FormatDate(GracePeriod.FirstMetDay(new[] { platinum }, inputs, D("2026-08-01"), D("2026-10-29"), Rates)!.Value));
            Assert.Equal("2026-09-04", PartnerRules.FormatDate(GracePeriod.FirstMetDay(new[] { platinum, rule }, inputs, D("2026-08-01"), D("2026-10-29"), Rates)!.Value));
        }

        [Fact]
        public void Random_partners_give_the_day_a_plain_day_by_day_evaluation_gives()
        {
            var random = new Random(18);
            for (var n = 0; n < 300; n++)
            {
                var first = D("2026-01-01").AddDays(random.Next(0, 400));
                var last = first.AddDays(random.Next(0, 120));
                var inputs = new DatedQualityInputs { Patterns = new string?[] { null, "Networking*" } };
                if (random.Next(4) > 0)
                {
                    inputs.FirstActiveOn = first.AddDays(random.Next(-900, 60));
                }

                for (var i = random.Next(0, 12); i > 0; i--)
                {
                    inputs.Revenue.Add((first.AddDays(random.Next(-500, 130)), random.Next(3) == 0 ? "EUR" : "USD", random.Next(-5000, 40000)));
                }

                for (var i = random.Next(0, 6); i > 0; i--)
                {
                    var earned = first.AddDays(random.Next(-400, 120));
                    inputs.Certifications.Add(new CertificationSpan
                    {
                        ContactId = random.Next(1, 4),
                        EarnedOn = earned,
                        ExpiresOn = random.Next(2) == 0 ? (DateTime?)null : earned.AddDays(random.Next(1, 400)),
                        ContactStartedOn = random.Next(3) == 0 ? first.AddDays(random.Next(-100, 100)) : (DateTime?)null,
                        ContactEndedOn = random.Next(3) == 0 ? first.AddDays(random.Next(-50, 150)) : (DateTime?)null,
                        Matches = new[] { true, random.Next(2) == 0 },
                    });
                }

                var rule = new TierRule
                {
                    Tier = PartnerTier.Gold,
                    MinRevenue = random.Next(3) == 0 ? (decimal?)null : random.Next(0, 600),
                    Currency = "USD",
                    RevenueMonths = new[] { 1, 3, 12, 13 }[random.Next(4)],
                    MinCertified = random.Next(3) == 0 ? (int?)null : random.Next(0, 3),
                    Certification = random.Next(2) == 0 ? null : "Networking*",
                    MinMonthsActive = random.Next(3) == 0 ? random.Next(0, 30) : (int?)null,
                };
                if (rule.MinRevenue == null)
                {
                    rule.Currency = null;
                    rule.RevenueMonths = null;
                }

                var expected = Enumerable.Range(0, (last - first).Days + 1).Select(i => first.AddDays(i)).Cast<DateTime?>().FirstOrDefault(d => PlainMet(rule, inputs, d!.Value));
                Assert.Equal(expected, GracePeriod.FirstMetDay(new[] { rule }, inputs, first, last, Rates));
            }
        }

        // The rule on one day, computed from scratch: every record in the window, every certification, months counted one by one.
        private static bool PlainMet(TierRule rule, DatedQualityInputs inputs, DateTime day)
        {
            if (rule.MinRevenue is decimal minimum)
            {
                var from = day.AddMonths(-rule.RevenueMonths!.Value);
                var total = inputs.Revenue.Where(r => r.Date > from && r.Date <= day)
                    .GroupBy(r => (r.Currency, r.Date.Year))
                    .Sum(g => Rates.Convert(g.Sum(r => r.Minor) / 100m, g.Key.Currency, "USD", g.Key.Year));
                if (decimal.Round(total, 2, MidpointRounding.AwayFromZero) < minimum)
                {
                    return false;
                }
            }

            if (rule.MinCertified is int certified)
            {
                var pattern = rule.Certification == null ? 0 : 1;
                var contacts = inputs.Certifications.Where(s => s.Matches[pattern] && s.EarnedOn <= day && (s.ExpiresOn == null || day < s.ExpiresOn)
                    && (s.ContactStartedOn == null || s.ContactStartedOn <= day) && (s.ContactEndedOn == null || day < s.ContactEndedOn)).Select(s => s.ContactId).Distinct().Count();
                if (contacts < certified)
                {
                    return false;
                }
            }

            if (rule.MinMonthsActive is int months)
            {
                var whole = 0;
                if (inputs.FirstActiveOn is DateTime active)
                {
                    while (active.AddMonths(whole + 1) <= day)
                    {
                        whole++;
                    }
                }

                return whole >= months;
            }

            return true;
        }
    }
}
