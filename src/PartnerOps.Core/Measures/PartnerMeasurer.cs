using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>What Measure-Partner asks for.</summary>
    public sealed class PartnerMeasureRequest
    {
        /// <summary>The group keys in the order the measures show them, each at most once; none for one count of everything.</summary>
        public IList<PartnerGroupKey> GroupBy { get; } = new List<PartnerGroupKey>();

        /// <summary>
        /// Which partners are counted (the filters of Get-Partner). Its <see cref="PartnerFilter.AsOf"/> is set by the
        /// measurer (to <see cref="AsOf"/> and to a year earlier); paging is not allowed.
        /// </summary>
        public PartnerFilter Filter { get; set; } = new PartnerFilter();

        /// <summary>The day counted as of (its date part); between the years 1900 and 2999.</summary>
        public DateTime AsOf { get; set; }
    }

    /// <summary>
    /// Counts partners per group in SQL (one GROUP BY for the date and one for a year earlier; no partner is read into
    /// memory), with the rule of Get-Partner -AsOf (<see cref="PartnerFilter.AsOfDay"/>): joined on or before the
    /// date, not ended by it, not Prospect; so the counts of a measure add up to what Get-Partner -AsOf returns with the
    /// same filters.
    /// </summary>
    public sealed class PartnerMeasurer
    {
        private const int Digits = 6;

        private readonly IPartnerDatabase _store;
        private readonly IPartnerCounts _counts;

        /// <summary>A measurer of the partners in <paramref name="store"/>.</summary>
        public PartnerMeasurer(IPartnerDatabase store)
        {
            _store = store;
            _counts = store.PartnerCounts;
        }

        /// <summary>
        /// One measure per group that has partners on the date or had some a year earlier (then with Count 0: a lost group is
        /// news), sorted by the keys (numbers and enums by value, text ignoring case, empty keys last). Without keys, one
        /// measure, even of no partners.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (InvalidArgument) when a key is given twice or the date is outside the years 1900 to 2999.
        /// </exception>
        public IReadOnlyList<PartnerMeasure> Measure(PartnerMeasureRequest request)
        {
            var keys = CheckKeys(request.GroupBy);
            var asOf = PartnerRules.CheckDate(request.AsOf, "AsOf")!.Value;
            var yearEarlier = asOf.AddYears(-1); // 29 February 2016 -> 28 February 2015

            var now = Count(keys, request.Filter, asOf);
            var before = Count(keys, request.Filter, yearEarlier);
            if (keys.Count == 0 && now.Count == 0)
            {
                now.Add(string.Empty, (Array.Empty<object?>(), 0L));
            }

            // Every group of either date; one counted only a year earlier has Count 0 now.
            var groups = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var pair in now.Concat(before))
            {
                if (!groups.ContainsKey(pair.Key))
                {
                    groups.Add(pair.Key, pair.Value.Keys);
                }
            }

            // The whole of each share: with Year among other keys, the partners counted that joined that year; else all counted.
            var yearIndex = keys.IndexOf(PartnerGroupKey.Year);
            var byYear = yearIndex >= 0 && keys.Count > 1;
            string Partition(object?[] values) => byYear ? RevenueMeasurer.Identity(new[] { values[yearIndex] }) : string.Empty;
            var wholes = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var group in now.Values)
            {
                var partition = Partition(group.Keys);
                wholes[partition] = (wholes.TryGetValue(partition, out var sum) ? sum : 0L) + group.Count;
            }

            var measures = new List<(object?[] Keys, PartnerMeasure Measure)>();
            foreach (var group in groups)
            {
                var count = now.TryGetValue(group.Key, out var current) ? current.Count : 0L;
                var previous = before.TryGetValue(group.Key, out var earlier) ? earlier.Count : 0L;
                var whole = wholes.TryGetValue(Partition(group.Value), out var total) ? total : 0L;
                measures.Add((group.Value, new PartnerMeasure(keys.Select((k, i) => new KeyValuePair<PartnerGroupKey, object?>(k, group.Value[i])).ToList())
                {
                    Count = count,
                    Share = whole == 0 ? (decimal?)null : decimal.Round((decimal)count / whole, Digits, MidpointRounding.AwayFromZero),
                    PreviousCount = previous,
                    Growth = previous == 0 ? (decimal?)null : decimal.Round((decimal)(count - previous) / previous, Digits, MidpointRounding.AwayFromZero),
                    AsOf = asOf,
                    Database = _store.Path,
                }));
            }

            return measures.OrderBy(m => m.Keys, new RevenueMeasurer.KeysComparer()).Select(m => m.Measure).ToList();
        }

        /// <summary>The keys as given, or InvalidPartnerValue naming a key given twice.</summary>
        public static List<PartnerGroupKey> CheckKeys(IEnumerable<PartnerGroupKey> groupBy)
        {
            var keys = new List<PartnerGroupKey>();
            foreach (var key in groupBy)
            {
                if (keys.Contains(key))
                {
                    throw new PartnerOpsException(
                        ErrorIds.InvalidPartnerValue,
                        FailureKind.InvalidArgument,
                        $"GroupBy '{key}' is not valid: it is given twice; give each of {string.Join(", ", Enum.GetNames(typeof(PartnerGroupKey)))} at most once. Nothing was measured.",
                        key.ToString());
                }

                keys.Add(key);
            }

            return keys;
        }

        // The counts of each group as of asOf; spellings of one key (Western Europe, WESTERN EUROPE) are one group: their counts add up.
        private Dictionary<string, (object?[] Keys, long Count)> Count(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf)
        {
            var groups = new Dictionary<string, (object?[] Keys, long Count)>(StringComparer.Ordinal);
            foreach (var (values, count) in _counts.Count(keys, filter, asOf))
            {
                var identity = RevenueMeasurer.Identity(values);
                if (count > 0)
                {
                    groups[identity] = (values, (groups.TryGetValue(identity, out var seen) ? seen.Count : 0L) + count);
                }
            }

            return groups;
        }
    }
}
