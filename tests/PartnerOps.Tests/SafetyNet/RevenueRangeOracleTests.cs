using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Measures;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.SafetyNet
{
    /// <summary>
    /// Differential tests of date ranges against an oracle written here (LINQ over the records as added): data on every day of
    /// 2014-2016, 1 January and 31 December included, so that a range over whole years (which the totals cells answer) and a
    /// range that starts or ends inside a year (which the records answer) are both checked against the same independent sums.
    /// </summary>
    public sealed class RevenueRangeOracleTests : IDisposable
    {
        private static readonly Dictionary<(string Currency, int Year), decimal> Rates = new Dictionary<(string, int), decimal>
        {
            [("USD", 2014)] = 1m, [("USD", 2015)] = 1m, [("USD", 2016)] = 1m,
            [("EUR", 2014)] = 1.33m, [("EUR", 2015)] = 1.11m, [("EUR", 2016)] = 1.1m,
        };

        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly List<(DateTime Date, decimal Amount, string Currency, string Region)> _added = new List<(DateTime, decimal, string, string)>();

        public RevenueRangeOracleTests()
        {
            _store = _db.Open();
            var rates = new ExchangeRateRepository(_store, () => Now);
            rates.Set("EUR", "USD", 2014, 1.33m);
            rates.Set("EUR", "USD", 2015, 1.11m);
            rates.Set("EUR", "USD", 2016, 1.1m);
            var revenue = Revenue(_store);
            var random = new Random(14);
            _store.BeginWrite();
            for (var date = Day(2014, 1, 1); date <= Day(2016, 12, 31); date = date.AddDays(1))
            {
                // Credit notes too (negative amounts), in two currencies and two regions.
                var amount = random.Next(-5_000, 100_000) / 100m;
                var currency = random.Next(3) == 0 ? "EUR" : "USD";
                var region = random.Next(2) == 0 ? "China" : "Western Europe";
                revenue.Add(DirectSale(region, date, amount, currency));
                _added.Add((date, amount, currency, region));
            }

            _store.Commit();
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        public static IEnumerable<object?[]> Ranges() => new[]
        {
            new object?[] { "2015-01-01", "2015-12-31" }, // a whole year: the totals cells
            new object?[] { "2014-01-01", "2016-12-31" }, // every year
            new object?[] { "2015-01-01", "2016-12-31" },
            new object?[] { "2015-01-01", "2015-12-15" }, // ends in December, not on the 31st
            new object?[] { "2015-01-01", "2015-12-30" },
            new object?[] { "2015-01-02", "2015-12-31" }, // starts after 1 January
            new object?[] { "2014-12-31", "2015-01-01" }, // across New Year
            new object?[] { "2015-03-01", "2015-03-31" }, // a month in between
            new object?[] { "2016-02-29", "2016-02-29" }, // a leap day
            new object?[] { "2015-12-31", "2015-12-31" },
            new object?[] { "2015-01-01", "2015-01-01" },
            new object?[] { null, "2015-12-15" },
            new object?[] { null, "2015-12-31" },
            new object?[] { "2015-01-01", null },
            new object?[] { "2015-06-15", null },
            new object?[] { null, null },
        };

        [Theory]
        [MemberData(nameof(Ranges))]
        public void Total_and_count_over_a_range_equal_the_oracle_s(string? from, string? to)
        {
            var fromDate = from == null ? (DateTime?)null : DateTime.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var toDate = to == null ? (DateTime?)null : DateTime.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var selected = _added.Where(r => (fromDate == null || r.Date >= fromDate) && (toDate == null || r.Date <= toDate)).ToList();

            var request = new RevenueMeasureRequest { Filter = new RevenueFilter { From = fromDate, To = toDate } };
            request.GroupBy.Add(RevenueGroupKey.Year);
            request.GroupBy.Add(RevenueGroupKey.Region);
            var measures = new RevenueMeasurer(_store).Measure(request);

            var expected = selected
                .GroupBy(r => (r.Date.Year, r.Region))
                .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
                .Select(g => $"{g.Key.Year} {g.Key.Region}: {g.Count()} records, {Oracle(g)}")
                .ToList();
            var actual = measures
                .OrderBy(m => Convert.ToInt32(m.Keys[0].Value, CultureInfo.InvariantCulture)).ThenBy(m => (string)m.Keys[1].Value!, StringComparer.Ordinal)
                .Select(m => $"{m.Keys[0].Value} {m.Keys[1].Value}: {m.Count} records, {m.Total.ToString("0.00", CultureInfo.InvariantCulture)}")
                .ToList();
            Assert.Equal(expected, actual);

            // Without keys: one measure over the whole range (the totals cells when it is whole years).
            var all = Assert.Single(new RevenueMeasurer(_store).Measure(new RevenueMeasureRequest { Filter = new RevenueFilter { From = fromDate, To = toDate } }));
            Assert.Equal(selected.Count, all.Count);
            Assert.Equal(Oracle(selected), all.Total.ToString("0.00", CultureInfo.InvariantCulture));
        }

        // Each currency's sum converted once with its year's rate, the grand total rounded once to cents, half away from zero.
        private static string Oracle(IEnumerable<(DateTime Date, decimal Amount, string Currency, string Region)> records)
        {
            var converted = records.GroupBy(r => (r.Currency, r.Date.Year)).Sum(g => g.Sum(r => r.Amount) * Rates[g.Key]);
            return Math.Round(converted, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
        }
    }
}
