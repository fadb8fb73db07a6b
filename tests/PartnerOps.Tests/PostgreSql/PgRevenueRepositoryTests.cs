using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>Revenue, targets and exchange rates on the server give what they give on SQLite.</summary>
    public class PgRevenueRepositoryTests
    {
        private static void AddRevenue(IPartnerDatabase db)
        {
            var acme = db.Partners.Add(Draft("Acme", region: "Western Europe", joinedOn: Day(2010, 1, 1)));
            var gross = db.Partners.Add(Draft("Großhandel", region: "Großraum", joinedOn: Day(2010, 1, 1)));
            var segments = new[] { "Enterprise", "Carrier", "consumer", "Consumer", null };
            var currencies = new[] { "USD", "EUR", "JPY", null };
            var random = new Random(16);
            for (var i = 0; i < 120; i++)
            {
                var partner = i % 5 == 0 ? null : new PartnerReference(i % 2 == 0 ? acme.Id : gross.Id);
                var currency = currencies[i % currencies.Length];
                var amount = random.Next(-2_000, 500_000) / (currency == "JPY" ? 1m : 100m);
                var region = partner == null ? (i % 3 == 0 ? "Asia" : "GROSSRAUM") : (i % 7 == 0 ? "asia" : null);
                db.Revenue.Add(Sale(partner, Day(2012 + (i % 11), 1 + (i % 12), 1 + (i % 28)), amount, currency, segments[i % segments.Length], region, i % 4 == 0 ? "INV-" + i : null));
            }
        }

        private static IEnumerable<(string Case, Action<RevenueFilter> Set)> Filters()
        {
            yield return ("all", f => { });
            yield return ("year", f => f.Years.Add(2015));
            yield return ("year runs", f => { f.Years.Add(2013); f.Years.Add(2014); f.Years.Add(2017); });
            yield return ("many years", f => { foreach (var y in new[] { 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026, 2028 }) { f.Years.Add(y); } });
            yield return ("quarters", f => { f.Quarters.Add(2); f.Quarters.Add(4); });
            yield return ("from to", f => { f.From = Day(2014, 3, 1); f.To = Day(2016, 10, 15); });
            yield return ("segments", f => { f.Segments.Add(NamePattern.Parse("CONSUMER")); f.Segments.Add(NamePattern.Parse("carr*")); });
            yield return ("regions", f => f.Regions.Add(NamePattern.Parse("gross*")));
            yield return ("region exact", f => f.Regions.Add(NamePattern.Literal("ASIA")));
            yield return ("partner ids", f => { f.RestrictPartners = true; f.PartnerIds.Add(1); });
            yield return ("partner names", f => { f.RestrictPartners = true; f.PartnerNames.Add(NamePattern.ParseName("GROSS*")); });
            yield return ("partner none", f => f.RestrictPartners = true);
            yield return ("direct", f => f.Channels.Add(RevenueChannel.Direct));
            yield return ("partner channel", f => f.Channels.Add(RevenueChannel.Partner));
            yield return ("page", f => { f.Skip = 7; f.First = 9; });
        }

        // One direct record of 2020 in Asia, its totals cell set close to the largest total a cell holds.
        private static void NearTheLimit(PgPair pair, IPartnerDatabase db)
        {
            db.Revenue.Add(Sale((PartnerReference?)null, Day(2020, 1, 1), 1m, region: "Asia"));
            var sql = "UPDATE revenue_totals SET total = 9223372036854775000";
            if (db is SqliteDatabase sqlite)
            {
                sqlite.Connection.Execute(sql);
            }
            else
            {
                pair.Server.Execute(sql);
            }
        }

        private static string Describe(PartnerRevenue r) =>
            $"{r.Id} {r.PartnerId} {r.PartnerName} {r.Date:yyyy-MM-dd} {r.Amount} {r.Currency} {r.Segment} {r.Region} {r.Reference}";

        [PgFact]
        public void EveryFilterFindsAndCountsTheSameRecordsInTheSameOrder()
        {
            using var pair = new PgPair();
            foreach (var db in pair.Both)
            {
                AddRevenue(db);
            }

            foreach (var (name, set) in Filters())
            {
                var filter = new RevenueFilter();
                set(filter);
                var (sqlite, server) = pair.Each(db => db.Revenue.Find(filter).Select(Describe).ToList());
                Assert.True(sqlite.SequenceEqual(server), $"{name}: SQLite [{string.Join(", ", sqlite)}] server [{string.Join(", ", server)}]");
                Assert.Equal(pair.Sqlite.Revenue.Count(filter), pair.Server.Revenue.Count(filter));
            }
        }

        [PgFact]
        public void WritesAndTheirFailuresAreAlike()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddRevenue(db);
                var taken = PgPair.Failure(db, () => db.Revenue.Add(Sale((PartnerReference?)null, Day(2020, 1, 1), 1m, region: "Asia", reference: "INV-0")));
                var next = db.Revenue.Add(Sale(new PartnerReference("acme"), Day(2020, 1, 1), 2.5m, region: "Elsewhere")).Id;
                var badPartner = PgPair.Failure(db, () => db.Revenue.Add(Sale(new PartnerReference("nobody"), Day(2020, 1, 1), 1m)));
                var decimals = PgPair.Failure(db, () => db.Revenue.Add(Sale((PartnerReference?)null, Day(2020, 1, 1), 1.5m, currency: "JPY")));
                var first = db.Revenue.GetById(1)!;
                var stale = PgPair.Failure(db, () => db.Revenue.Require(new RevenueReference(2, db.Path, "revenue record 2") { Amount = 999m }));
                db.Revenue.Remove(1);
                var again = PgPair.Failure(db, () => db.Revenue.Remove(1));
                var forPartner = db.Revenue.CountForPartner(2) + " " + db.Revenue.RemoveForPartner(2) + " " + db.Revenue.CountForPartner(2);
                return string.Join("\n", taken, "next " + next, badPartner, decimals, Describe(first), stale, again, forPartner, db.Revenue.ReportingCurrency, db.Revenue.Count(new RevenueFilter()));
            }).ToList();
            Assert.Contains("RevenueReferenceExists", results[1], StringComparison.Ordinal);
            Assert.Contains("next 121", results[1], StringComparison.Ordinal);
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void ATotalBeyond64BitsIsRefusedWithTheSameMessageInABatch()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                NearTheLimit(pair, db);

                using var batch = db.NewWriteBatch();
                var failure = PgPair.Failure(db, () => batch.Run(db.Revenue.Adding(Sale((PartnerReference?)null, Day(2020, 5, 1), 100m, region: "asia"))));
                batch.Run(db.Revenue.Adding(Sale((PartnerReference?)null, Day(2021, 5, 1), 3m, region: "Asia")));
                batch.Complete();
                return failure + "\n" + db.Revenue.Count(new RevenueFilter()) + " " + batch.Committed;
            }).ToList();
            Assert.Contains("InvalidAmount: Adding amount 100.00 USD would take the total of direct revenue in 2020", results[1], StringComparison.Ordinal);
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void ARefusedStatementIsUndoneAloneAndTheItemGoesOn()
        {
            // Remove-PartnerRevenue catches a removal refused for its total inside the item and tries it again later: the
            // refusal must leave the transaction usable, as an SQLite statement's failure does.
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                NearTheLimit(pair, db);

                using var batch = db.NewWriteBatch();
                var caught = (string?)batch.Run(new WriteOperation(() =>
                {
                    string refused;
                    try
                    {
                        db.Revenue.Add(Sale((PartnerReference?)null, Day(2020, 5, 1), 100m, region: "asia"));
                        refused = "none";
                    }
                    catch (PartnerOpsException ex)
                    {
                        refused = ex.ErrorId;
                    }

                    db.Revenue.Add(Sale((PartnerReference?)null, Day(2021, 5, 1), 3m, region: "Asia"));
                    db.Revenue.Remove(1);
                    return refused;
                }));
                batch.Complete();
                // Not the ids: the refused insert had taken id 2 from the server's sequence, which a rollback does not give back.
                return caught + " " + string.Join(",", db.Revenue.Find(new RevenueFilter()).Select(r => $"{r.Date:yyyy-MM-dd} {r.Amount} {r.Region}"));
            }).ToList();
            Assert.Equal("InvalidAmount 2021-05-01 3.00 Asia", results[1]);
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void TargetsAreSetFoundAndRefusedAlike()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                var log = new List<string>();
                void Set(TargetMetric metric, string? region, int year, decimal value, string? currency = null, PartnerStatus[]? statuses = null)
                {
                    var target = db.Targets.Set(metric, region, year, value, currency, statuses, out var changed);
                    log.Add($"{target.Id} {target.Metric} {target.Region} {target.Year} {target.Value} {target.Currency} {string.Join(",", target.Statuses ?? new PartnerStatus[0])} {changed}");
                }

                Set(TargetMetric.PartnerCount, "Großraum", 2016, 12m);
                Set(TargetMetric.PartnerCount, "GROSSRAUM", 2016, 12m);
                Set(TargetMetric.PartnerCount, "grossraum", 2016, 14m, statuses: new[] { PartnerStatus.Onboarding, PartnerStatus.Active });
                Set(TargetMetric.PartnerRevenue, null, 2016, 1000m, "USD");
                Set(TargetMetric.PartnerRevenueShare, "Asia", 2017, 0.25m);
                log.Add(PgPair.Failure(db, () => db.Targets.Set(TargetMetric.PartnerRevenueShare, "Asia", 2017, 2m, null, null, out _)));
                log.AddRange(db.Targets.Find().Select(t => $"{t.Id} {t.Metric} {t.Region} {t.Year}"));
                log.AddRange(db.Targets.Find(new[] { TargetMetric.PartnerCount }, new[] { 2016 }, new[] { NamePattern.Parse("gross*") }).Select(t => t.Id.ToString()));
                log.Add(db.Targets.NoneFound(new[] { TargetMetric.PartnerRevenue }, new[] { 2020 }, new[] { "Westren" }).Replace(db.Path, "<db>"));
                log.Add(db.Targets.Get(TargetMetric.PartnerCount, " GROSSRAUM ", 2016)?.Value.ToString() ?? "none");
                var first = db.Targets.GetById(1)!;
                log.Add(PgPair.Failure(db, () => db.Targets.Require(new TargetReference(1, db.Path, "target 1") { Year = 1999 })));
                db.Targets.Remove(1);
                log.Add(PgPair.Failure(db, () => db.Targets.Remove(1)));
                log.Add(db.Targets.NoneFound(null, null, null).Replace(db.Path, "<db>"));
                log.AddRange(db.UnknownFilterValues(HintedFilter.TargetRegion, new[] { "Asai" }).Select(u => u.Message.Replace(db.Path, "<db>")));
                return string.Join("\n", log) + first.Region;
            }).ToList();
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void ExchangeRatesAreSetAndFoundAlike()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                var rates = db.ExchangeRates;
                var changes = new List<bool>();
                rates.Set("eur", "USD", 2015, 1.11m);
                changes.Add(rates.Changed);
                rates.Set("EUR", "USD", 2015, 1.110m);
                changes.Add(rates.Changed);
                rates.Set("EUR", "USD", 2015, 1.12m);
                changes.Add(rates.Changed);
                rates.Set("GBP", "USD", 2016, 1.35m);
                rates.Set("JPY", "EUR", 2016, 0.0071m);
                var all = rates.Find().Select(r => $"{r.From} {r.To} {r.Year} {r.Rate}");
                var some = rates.Find(to: "usd", years: new[] { 2016 }).Select(r => $"{r.From} {r.To} {r.Year} {r.Rate}");
                var bad = PgPair.Failure(db, () => rates.Find(from: "XXZ"));
                var converted = rates.Converter().Convert(100m, "EUR", "USD", 2015);
                return string.Join(",", changes) + "\n" + string.Join("\n", all) + "\n" + string.Join("\n", some) + "\n" + bad + "\n" + converted;
            }).ToList();
            Assert.Equal(results[0], results[1]);
        }
    }
}
