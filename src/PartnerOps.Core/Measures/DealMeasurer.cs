using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>What Measure-PartnerDeal asks for (issue 19).</summary>
    public sealed class DealMeasureRequest
    {
        /// <summary>The group keys in the order the measures show them, each at most once; none for one measure of every deal.</summary>
        public IList<DealGroupKey> GroupBy { get; } = new List<DealGroupKey>();

        /// <summary>Which deals are measured.</summary>
        public DealSumFilter Filter { get; set; } = new DealSumFilter();

        /// <summary>The day the deals are measured as of (date part; 1900 to 2999).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The currency of the amounts (ISO 4217); null or empty for the database's reporting currency.</summary>
        public string? Currency { get; set; }
    }

    /// <summary>
    /// Measures deal registrations per group (<see cref="DealMeasure"/>): the database counts and sums per group, status on the
    /// day, currency, registration year and days to close (<see cref="IDealSums"/>); this class adds up the rows of a group,
    /// converts the amounts with the yearly rates of each deal's registration year, and takes the win rate and the median days
    /// to close (SQLite has no percentile function). <see cref="Combine"/> needs no database.
    /// </summary>
    public sealed class DealMeasurer
    {
        private static readonly DealStatus[] Statuses = (DealStatus[])Enum.GetValues(typeof(DealStatus));

        private readonly IPartnerDatabase _store;

        // The place of a status in Statuses (the counts' and amounts' arrays).
        private static int Index(DealStatus status) => Array.IndexOf(Statuses, status);

        /// <summary>A measurer of the deals in <paramref name="store"/>.</summary>
        public DealMeasurer(IPartnerDatabase store)
        {
            _store = store;
        }

        /// <summary>
        /// One measure per group of the keys that has deals registered by AsOf (none at all: an empty list, no error), sorted
        /// by the keys (numbers and enums by value, text ignoring case, empty keys last).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (InvalidArgument): a key given twice, an AsOf outside the years 1900 to 2999; InvalidCurrencyCode;
        /// ExchangeRateMissing (naming the pair and year) for an amount that cannot be converted; a named database failure.
        /// </exception>
        public IReadOnlyList<DealMeasure> Measure(DealMeasureRequest request)
        {
            var keys = CheckKeys(request.GroupBy);
            var day = PartnerRules.CheckDate(request.AsOf, "AsOf")!.Value;
            var currency = CurrencyCodes.Require(string.IsNullOrWhiteSpace(request.Currency) ? _store.Currency : request.Currency);
            var rows = _store.DealSums.Sum(keys, request.Filter, day);
            if (rows.Count == 0)
            {
                return Array.Empty<DealMeasure>();
            }

            return Combine(keys, rows, _store.ExchangeRates.Converter(), currency, day, _store.Path);
        }

        /// <summary>The keys as given, or InvalidPartnerValue naming a key given twice.</summary>
        public static List<DealGroupKey> CheckKeys(IEnumerable<DealGroupKey> groupBy)
        {
            var keys = new List<DealGroupKey>();
            foreach (var key in groupBy)
            {
                if (keys.Contains(key))
                {
                    throw new PartnerOpsException(
                        ErrorIds.InvalidPartnerValue,
                        FailureKind.InvalidArgument,
                        $"GroupBy '{key}' is not valid: it is given twice; give each of {string.Join(", ", DealMeasure.KeyColumnNames)} at most once. Nothing was measured.",
                        key.ToString());
                }

                keys.Add(key);
            }

            return keys;
        }

        /// <summary>
        /// The measures of <paramref name="rows"/> (as <see cref="IDealSums.Sum"/> gives them for <paramref name="keys"/>): the
        /// rows of a group (the same keys; Region and Segment by their key, each key shown in one spelling, the smallest in ordinal
        /// order)
        /// added up, every amount converted to <paramref name="currency"/> with the rate of its row's year and each total
        /// rounded once to the currency's minor unit; sorted as <see cref="Measure"/> says.
        /// </summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing (naming the pair and year) for an amount that cannot be converted.</exception>
        public static IReadOnlyList<DealMeasure> Combine(IList<DealGroupKey> keys, IEnumerable<DealSumRow> rows, CurrencyConverter converter, string currency, DateTime asOf, string? database)
        {
            var list = rows as IReadOnlyList<DealSumRow> ?? rows.ToList();
            var spellings = Spellings(keys, list);
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            foreach (var row in list)
            {
                var values = row.Keys.Select((v, i) => spellings[i] != null && v is string text ? spellings[i]![RevenueRules.Key(text)!] : v).ToArray();
                var identity = RevenueMeasurer.Identity(values);
                if (!groups.TryGetValue(identity, out var group))
                {
                    groups.Add(identity, group = new Group(values));
                }

                group.Add(row);
            }

            // A missing rate is named the same on every backend whatever the rows' order: the first in currency, then year order.
            foreach (var (from, year) in list.Where(r => r.Currency != null && r.Minor != 0m).Select(r => (r.Currency!, r.Year)).Distinct()
                .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2))
            {
                converter.Factors(from, currency, year);
            }

            return groups.Values
                .Select(g => g.ToMeasure(keys, converter, currency, asOf, database))
                .OrderBy(m => m.Keys.Select(k => k.Value).ToArray(), new RevenueMeasurer.KeysComparer())
                .ToList();
        }

        // Region and Segment: per key, the spelling shown in every measure, the smallest in ordinal order (whatever the rows'
        // order, so the same on every backend); null for the other keys.
        private static Dictionary<string, string>?[] Spellings(IList<DealGroupKey> keys, IReadOnlyList<DealSumRow> rows)
        {
            var spellings = keys.Select(k => k == DealGroupKey.Region || k == DealGroupKey.Segment ? new Dictionary<string, string>(StringComparer.Ordinal) : null).ToArray();
            foreach (var row in rows)
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    if (spellings[i] is Dictionary<string, string> shown && row.Keys[i] is string text)
                    {
                        var key = RevenueRules.Key(text)!;
                        if (!shown.TryGetValue(key, out var seen) || string.CompareOrdinal(text, seen) < 0)
                        {
                            shown[key] = text;
                        }
                    }
                }
            }

            return spellings;
        }

        // The rows of one group added up: counts per status, amounts per status, currency and year, the days to close.
        private sealed class Group
        {
            private readonly long[] _counts = new long[Statuses.Length];
            private readonly Dictionary<(DealStatus Status, string Currency, int Year), decimal> _minor = new Dictionary<(DealStatus, string, int), decimal>();
            private readonly List<(long Days, long Count)> _closes = new List<(long, long)>();
            private long _noAmount;

            public Group(object?[] keys)
            {
                Keys = keys;
            }

            public object?[] Keys { get; }

            public void Add(DealSumRow row)
            {
                _counts[Index(row.Status)] += row.Count;
                _noAmount += row.NoAmount;
                if (row.Currency != null && row.Minor != 0m)
                {
                    var cell = (row.Status, row.Currency, row.Year);
                    _minor[cell] = (_minor.TryGetValue(cell, out var seen) ? seen : 0m) + row.Minor;
                }

                if (row.DaysToClose is long days && (row.Status == DealStatus.Won || row.Status == DealStatus.Lost))
                {
                    _closes.Add((days, row.Count));
                }
            }

            public DealMeasure ToMeasure(IList<DealGroupKey> keys, CurrencyConverter converter, string currency, DateTime asOf, string? database)
            {
                long Count(DealStatus status) => _counts[Index(status)];

                // Minor units times the rates, one division at most (as Measure-PartnerRevenue), rounded once per total.
                var amounts = new decimal[Statuses.Length];
                foreach (var cell in _minor)
                {
                    var (from, year) = (cell.Key.Currency, cell.Key.Year);
                    var (multiply, divide) = converter.Factors(from, currency, year);
                    var amount = cell.Value * multiply * RevenueRules.MinorUnit(from);
                    amounts[Index(cell.Key.Status)] += divide == 1m ? amount : amount / divide;
                }

                decimal Amount(DealStatus status) => RevenueRules.Round(amounts[Index(status)], currency);

                var won = Count(DealStatus.Won);
                var lost = Count(DealStatus.Lost);
                return new DealMeasure(keys.Select((k, i) => new KeyValuePair<DealGroupKey, object?>(k, Keys[i])).ToList())
                {
                    Registered = _counts.Sum(),
                    Submitted = Count(DealStatus.Submitted),
                    Approved = Count(DealStatus.Approved),
                    Denied = Count(DealStatus.Denied),
                    Won = won,
                    Lost = lost,
                    Expired = Count(DealStatus.Expired),
                    RegisteredAmount = RevenueRules.Round(amounts.Sum(), currency),
                    ApprovedAmount = Amount(DealStatus.Approved),
                    WonAmount = Amount(DealStatus.Won),
                    LostAmount = Amount(DealStatus.Lost),
                    ExpiredAmount = Amount(DealStatus.Expired),
                    Currency = currency,
                    WinRate = FunnelMeasurer.Rate(won, won + lost),
                    MedianDaysToClose = FunnelMeasurer.Median(_closes),
                    AmountMissing = _noAmount,
                    AsOf = asOf.Date,
                    Database = database,
                };
            }
        }
    }
}
