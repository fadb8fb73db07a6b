using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Report;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Report
{
    /// <summary>
    /// A small programme written through the Data interfaces (so alike on every backend), measured as of 2025-06-30: twelve
    /// partners P01..P12 in North America selling 1,000 × n USD each in February 2025 (500 × n in March 2024); Alpha (Gold,
    /// Western Europe) 50,000 EUR in May 2025 (Sourced) and 40,000 EUR in June 2024; Beta (Silver, Western Europe) 20,000 USD
    /// in March 2025 (Influenced) and 9,999 USD after the day; Gamma (China, joined February 2025) 5,000 USD; Delta (China,
    /// Onboarding), Epsilon (Prospect), Zeta (ended March 2025); direct revenue of 30,000 and 10,000 USD in 2025 and 25,000 in
    /// 2024; EUR at 1.1 USD in 2024 and 1.2 in 2025; targets, tier rules, a certification and a deal expiring within 30 days.
    /// Revenue 2025 to 2025-06-30: 203,000 USD (partners 163,000); the same days of 2024: 108,000 USD.
    /// </summary>
    internal static class ReportData
    {
        public static readonly DateTime AsOf = Day(2025, 6, 30);

        public static ReportOptions Options(params string[] regions) => new ReportOptions
        {
            AsOf = AsOf,
            Regions = regions.Select(NamePattern.Parse).ToList(),
        };

        public static void Fill(IPartnerDatabase db)
        {
            db.ExchangeRates.Set("EUR", "USD", 2024, 1.1m);
            db.ExchangeRates.Set("EUR", "USD", 2025, 1.2m);
            for (var n = 1; n <= 12; n++)
            {
                var name = "P" + n.ToString("00", CultureInfo.InvariantCulture);
                db.Partners.Add(Draft(name, region: "North America", country: "US", joinedOn: Day(2018, 1, 1)));
                db.Revenue.Add(Sale(new PartnerReference(name), Day(2025, 2, 15), 1000m * n, "USD"));
                db.Revenue.Add(Sale(new PartnerReference(name), Day(2024, 3, 1), 500m * n, "USD"));
            }

            db.Partners.Add(Draft("Alpha", tier: PartnerTier.Gold, region: "Western Europe", country: "DE", joinedOn: Day(2020, 1, 1)));
            db.Partners.Add(Draft("Beta", tier: PartnerTier.Silver, region: "Western Europe", country: "FR", joinedOn: Day(2024, 3, 1)));
            db.Partners.Add(Draft("Gamma", region: "China", country: "CN", joinedOn: Day(2025, 2, 10)));
            db.Partners.Add(Draft("Delta", status: PartnerStatus.Onboarding, region: "China", country: "CN", joinedOn: Day(2025, 4, 5)));
            db.Partners.Add(Draft("Epsilon", status: PartnerStatus.Prospect, region: "North America", country: "US", joinedOn: Day(2025, 5, 1)));
            db.Partners.Add(Draft("Zeta", status: PartnerStatus.Terminated, region: "North America", country: "US", joinedOn: Day(2019, 1, 1), endedOn: Day(2025, 3, 15)));

            db.Revenue.Add(Attributed(Sale(new PartnerReference("Alpha"), Day(2025, 5, 10), 50_000m, "EUR"), "Sourced"));
            db.Revenue.Add(Sale(new PartnerReference("Alpha"), Day(2024, 6, 1), 40_000m, "EUR"));
            db.Revenue.Add(Attributed(Sale(new PartnerReference("Beta"), Day(2025, 3, 20), 20_000m, "USD"), "Influenced"));
            db.Revenue.Add(Sale(new PartnerReference("Beta"), Day(2025, 8, 1), 9_999m, "USD"));
            db.Revenue.Add(Sale(new PartnerReference("Gamma"), Day(2025, 4, 15), 5_000m, "USD"));
            db.Revenue.Add(DirectSale("Western Europe", Day(2025, 1, 20), 30_000m, "USD"));
            db.Revenue.Add(DirectSale("China", Day(2025, 6, 1), 10_000m, "USD"));
            db.Revenue.Add(DirectSale("Western Europe", Day(2024, 2, 1), 25_000m, "USD"));

            db.Targets.Set(TargetMetric.PartnerCount, null, 2025, 30m, null, null, out _);
            db.Targets.Set(TargetMetric.PartnerRevenueShare, null, 2025, 0.6m, null, null, out _);
            db.Targets.Set(TargetMetric.PartnerRevenue, "Western Europe", 2025, 200_000m, "USD", null, out _);

            db.TierRules.Set(Rule(PartnerTier.Silver, 10_000m), out _);
            db.TierRules.Set(Rule(PartnerTier.Gold, 1_000_000m), out _);

            db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Beta"), Name = "Ann Lee", Email = "ann@beta.example", StartedOn = Day(2024, 1, 1) });
            db.Certifications.Add(new CertificationDraft { ContactEmail = "ann@beta.example", Name = "Sales Pro", EarnedOn = Day(2023, 7, 15), ExpiresOn = Day(2025, 7, 15) }, AsOf);
            db.Certifications.Add(new CertificationDraft { ContactEmail = "ann@beta.example", Name = "Architect", EarnedOn = Day(2024, 1, 15), ExpiresOn = Day(2025, 12, 31) }, AsOf);

            db.Deals.Register(new DealDraft { Partner = new PartnerReference("Alpha"), Customer = "Initech", CustomerCountry = "DE", Amount = 10_000m, Currency = "USD", RegisteredOn = Day(2025, 5, 1), ValidDays = 60 });
            db.Deals.Register(new DealDraft { Partner = new PartnerReference("Gamma"), Customer = "Hooli", CustomerCountry = "CN", Amount = 7_500m, Currency = "USD", RegisteredOn = Day(2025, 6, 1), ValidDays = 90 });
        }

        private static TierRuleDraft Rule(PartnerTier tier, decimal minRevenue)
        {
            var draft = new TierRuleDraft { Tier = tier, MinRevenue = minRevenue, Currency = "USD" };
            draft.Given.Add("MinRevenue");
            draft.Given.Add("Currency");
            return draft;
        }

        private static RevenueDraft Attributed(RevenueDraft draft, string attribution)
        {
            draft.Attribution = attribution;
            return draft;
        }

        /// <summary>Everything a report holds but the moment it was made and the database's name, one line per figure, in order.</summary>
        public static List<string> Describe(PartnerReport report)
        {
            var lines = new List<string> { $"{report.Title} {report.AsOf:yyyy-MM-dd} {report.Year} {report.Currency} [{string.Join(",", report.Regions)}]" };
            foreach (var section in report.Sections)
            {
                lines.Add($"section {section.Id} '{section.Heading}' note={section.Note} empty={section.EmptyMessage}");
                lines.AddRange(section.Tiles.Select(t => $"  tile {t.Id} {t.Label}={t.Value} ({Number(t.Number)}) {t.Detail} {t.Status}"));
                foreach (var chart in section.Charts)
                {
                    lines.Add($"  chart {chart.Id} {chart.Kind} '{chart.Title}' [{string.Join("|", chart.Categories)}] empty={chart.EmptyMessage} alt={chart.TextAlternative}");
                    lines.AddRange(chart.Series.Select(s => $"    series {s.Name} ref={s.IsReference} " + string.Join(" ", s.Values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "null"))));
                    lines.AddRange(Table(chart.Table));
                }

                foreach (var table in section.Tables)
                {
                    lines.AddRange(Table(table));
                }
            }

            return lines;
        }

        /// <summary>
        /// The charts a reader would see broken: with no categories, a series of another length, or nothing but nulls, and no
        /// EmptyMessage (in the chart or its section) to show instead.
        /// </summary>
        public static List<string> BrokenCharts(PartnerReport report) =>
            (from section in report.Sections
             where section.EmptyMessage == null
             from chart in section.Charts
             where chart.EmptyMessage == null
                   && (chart.Categories.Count == 0 || chart.Series.Count == 0
                       || chart.Series.Any(s => s.Values.Count != chart.Categories.Count)
                       || chart.Series.All(s => s.Values.All(v => v == null)))
             select chart.Id).ToList();

        private static IEnumerable<string> Table(ReportTable table)
        {
            yield return $"    table {table.Id} '{table.Caption}' [{string.Join("|", table.Columns.Select(c => c.Header + (c.Numeric ? "#" : string.Empty)))}] empty={table.EmptyMessage}";
            foreach (var row in table.Rows)
            {
                yield return "      " + string.Join(" | ", row.Select(c => $"{c.Text} ({Number(c.Number)}){(c.Shade is double s ? " shade " + s.ToString("R", CultureInfo.InvariantCulture) : string.Empty)}"));
            }
        }

        private static string Number(decimal? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "null";
    }
}
