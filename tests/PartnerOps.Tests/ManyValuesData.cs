using System;
using System.Collections.Generic;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// One database for <see cref="ManyValuesTests"/>: 50,000 partners (partner i is 'Partner 0000i', id i), each with
    /// its history; revenue for every other partner plus direct revenue; exchange rates for every year; targets.
    /// Every value is a function of i, so that what a filter should return can be worked out here.
    /// </summary>
    public sealed class ManyValuesData : IDisposable
    {
        public const int PartnerCount = 50_000;

        public static readonly string[] Countries = { "US", "DE", "FR", "JP", "BR", "IN" };

        private readonly TempDatabase _db = new TempDatabase();

        public ManyValuesData()
        {
            Store = _db.Open();
            var partners = Repository(Store);
            var revenue = Revenue(Store);
            Store.BeginWrite();
            for (var i = 1; i <= PartnerCount; i++)
            {
                partners.Add(Draft(Name(i), Type(i), Tier(i), Status(i), Region(i), Countries[i % Countries.Length], joinedOn: Day(2015, 1, 1), endedOn: Status(i) == PartnerStatus.Terminated ? Day(2016, 1, 1) : null));
            }

            for (var i = 2; i <= PartnerCount; i += 2)
            {
                Records.Add(Record(revenue.Add(Sale(new PartnerReference(i), SaleDate(i), i, segment: Segment(i), region: Zone(i))), i));
            }

            for (var k = 1; k <= 1000; k++)
            {
                Records.Add(Record(revenue.Add(DirectSale(Zone(k), SaleDate(k), 100_000 + k, segment: Segment(k))), null));
            }

            var rates = new ExchangeRateRepository(Store, () => Now);
            for (var year = 1900; year <= 2999; year++)
            {
                rates.Set("GBP", "USD", year, 1.25m); // GBP: EUR is refused before 1999
            }

            var targets = new TargetRepository(Store, () => Now);
            for (var k = 0; k < 100; k++)
            {
                for (var year = 2000; year < 2010; year++)
                {
                    targets.Set(TargetMetric.PartnerCount, $"Zone {k:D3}", year, k + year, null);
                }
            }

            Store.Commit();
        }

        public SqliteDatabase Store { get; }

        /// <summary>Every revenue record, in the order they were added.</summary>
        public List<(long Id, decimal Amount, DateTime Date, long? PartnerId, string Segment, string Region)> Records { get; } =
            new List<(long, decimal, DateTime, long?, string, string)>();

        public static string Name(int i) => $"Partner {i:D5}";

        public static PartnerType Type(int i) => (PartnerType)(i % 8);

        public static PartnerTier Tier(int i) => (PartnerTier)(i % 4);

        public static PartnerStatus Status(int i) => (PartnerStatus)(i % 5);

        /// <summary>3,000 regions.</summary>
        public static string Region(int i) => $"Region {i % 3000:D4}";

        /// <summary>1,000 revenue regions and 500 segments.</summary>
        public static string Zone(int i) => $"Zone {i % 1000:D3}";

        public static string Segment(int i) => $"Segment {i % 500:D3}";

        public static DateTime SaleDate(int i) => Day(2000 + (i % 40), 1 + (i % 12), 1 + (i % 28));

        public void Dispose()
        {
            Store.Dispose();
            _db.Dispose();
        }

        private static (long, decimal, DateTime, long?, string, string) Record(PartnerRevenue r, long? partnerId) =>
            (r.Id, r.Amount, r.Date, partnerId, r.Segment, r.Region!);
    }
}
