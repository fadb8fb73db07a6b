using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Tests.Import;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Copy
{
    /// <summary>
    /// A SQLite database holding one of everything a copy must carry: partners imported in a batch (their history by batch,
    /// with source and line) and added one by one, one of them changed and one removed, revenue (direct and a partner's, in
    /// two currencies, one record removed), exchange rates, targets, a currency and created_at of its own.
    /// </summary>
    internal static class CopyTestData
    {
        /// <summary>
        /// The tables compared row for row (history aside, which a copy writes as one row per entry); status_changes row for row
        /// too, so a copy whose triggers wrote the changes again (duplicates) is seen.
        /// </summary>
        public static readonly string[] Tables = { "meta", "partners", "status_changes", "revenue", "revenue_totals", "exchange_rates", "targets", "sqlite_sequence" };

        public static void Fill(TempDatabase db, string path)
        {
            var csv = db.File("partners.csv");
            File.WriteAllText(csv, "Name,Type,Tier,Status,Region,Country,JoinedOn\nAlpha GmbH,Reseller,Gold,Active,DACH,DE,2019-03-01\n" +
                                   "Ångström AB,Distributor,Silver,Active,Nordics,SE,2020-01-15\nGamma Ltd,Other,Registered,Prospect,,GB,2021-06-30\n", new UTF8Encoding(false));
            using (SqliteDatabase.Create(path, "EUR"))
            {
            }

            using (var job = PartnerImport.Open(csv, new ImportOptions(), () => Now))
            using (var store = SqliteDatabase.OpenExisting(path))
            {
                job.Run(store, new RecordingListener(), CancellationToken.None);
            }

            using (var store = SqliteDatabase.OpenExisting(path))
            {
                var partners = Repository(store);
                var delta = partners.Add(Draft("Delta SAS", region: "France", country: "FR", notes: "added by hand"));
                var removed = partners.Add(Draft("Removed Inc"));
                partners.Remove(removed);
                partners.Update(partners.Require(new PartnerReference("Ångström AB")), new PartnerChanges { Tier = PartnerTier.Platinum });
                var revenue = Revenue(store);
                revenue.Add(Sale(delta, Day(2024, 2, 1), 1250.50m, "EUR", "Enterprise", reference: "INV-1"));
                revenue.Add(Sale(delta, Day(2024, 3, 1), 99m, "JPY", "SMB"));
                var gone = revenue.Add(Sale(partners.Require(new PartnerReference("Alpha GmbH")), Day(2023, 5, 5), 10m, "EUR", "SMB"));
                revenue.Remove(gone.Id);
                revenue.Add(DirectSale("Nordics", Day(2024, 4, 1), 77.7m, "EUR", "Public"));
                store.ExchangeRates.Set("JPY", "EUR", 2024, 0.0061m);
                store.Targets.Set(TargetMetric.PartnerCount, "DACH", 2024, 12m, null, new[] { PartnerStatus.Active }, out _);
                store.Targets.Set(TargetMetric.PartnerRevenue, null, 2024, 100000m, "EUR", null, out _);
            }
        }

        /// <summary>Every row of a table of a SQLite file as text, in its key's order.</summary>
        public static List<string> Rows(string path, string table)
        {
            using var raw = OpenRaw(path, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
            return raw.Query(table == "sqlite_sequence" ? "SELECT * FROM sqlite_sequence ORDER BY name" : $"SELECT * FROM {table} ORDER BY 1, 2")
                .Select(r => string.Join("|", ((IDictionary<string, object?>)r).Select(kv => kv.Key + "=" + Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) + ":" + kv.Value?.GetType().Name)))
                .ToList();
        }

        /// <summary>That <paramref name="copy"/> holds what <paramref name="source"/> holds: every table row for row, the history entry for entry.</summary>
        public static void AssertSameData(string source, string copy)
        {
            foreach (var table in Tables)
            {
                Xunit.Assert.Equal(Rows(source, table), Rows(copy, table));
            }

            Xunit.Assert.Equal(History(source), History(copy));
        }

        /// <summary>The history as Get-PartnerHistory shows it, every entry with its changes, file and line.</summary>
        public static List<string> History(string path)
        {
            using var store = SqliteDatabase.OpenExisting(path);
            return store.History.Find(new HistoryFilter())
                .Select(e => string.Join("|", e.Id, e.Timestamp.ToString("o"), e.User, e.Operation, e.Entity, e.EntityId, e.PartnerId, e.PartnerName, e.Source, e.Line,
                    string.Join(";", e.Changes.Select(c => $"{c.Property}:{c.Old}({c.Old?.GetType().Name})>{c.New}({c.New?.GetType().Name})"))))
                .ToList();
        }
    }
}
