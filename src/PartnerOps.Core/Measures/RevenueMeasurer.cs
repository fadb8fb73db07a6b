using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>What Measure-PartnerRevenue asks for.</summary>
    public sealed class RevenueMeasureRequest
    {
        /// <summary>The group keys in the order the measures show them; none for one measure of everything.</summary>
        public IList<RevenueGroupKey> GroupBy { get; } = new List<RevenueGroupKey>();

        public RevenueFilter Filter { get; set; } = new RevenueFilter();

        /// <summary>The currency of the figures; default the database's reporting currency.</summary>
        public string? Currency { get; set; }

        /// <summary>
        /// Only the groups with the largest totals, largest first. The shares stay those of everything measured in each share
        /// partition (see <see cref="ShareOf"/>), not of the groups written.
        /// </summary>
        public int? Top { get; set; }

        /// <summary>
        /// The keys that partition the share's denominator: a measure's Share is its total over the total of the groups with the
        /// same values of these keys. Null for the default: the time keys (Year, Quarter, Month) among <see cref="GroupBy"/>,
        /// else (or when they are all its keys) everything measured. Empty: everything measured, whatever the keys. Each key must
        /// be among <see cref="GroupBy"/>, at most once, and not every key of it (see <see cref="RevenueMeasurer.ShareKeys"/>).
        /// </summary>
        public IList<RevenueGroupKey>? ShareOf { get; set; }
    }

    /// <summary>
    /// Measures revenue in SQL: the database sums whole minor units per group, currency and year (from the
    /// revenue_totals cells when the question allows, else from the records), and only those few sums
    /// come back to be converted with each year's rate and combined.
    /// </summary>
    public sealed class RevenueMeasurer
    {
        private const int ShareDigits = 6;

        private readonly IPartnerDatabase _store;
        private readonly IRevenueSums _sums;

        /// <summary>A measurer of the revenue in <paramref name="store"/> (or of records given to it, see <see cref="BeginGiven"/>).</summary>
        public RevenueMeasurer(IPartnerDatabase store)
        {
            _store = store;
            _sums = store.RevenueSums;
        }

        /// <summary>
        /// Switches this measurer to records given by the caller (Measure-PartnerRevenue's pipeline) instead
        /// of the database's; they are written to a temporary table so the same SQL measures them.
        /// </summary>
        public void BeginGiven() => _sums.BeginGiven();

        /// <summary>Adds one given record; InvalidAmount or InvalidCurrencyCode when it cannot be measured exactly.</summary>
        public void AddGiven(PartnerRevenue revenue)
        {
            var date = RevenueRules.NormalizeDate(revenue.Date);
            var currency = CurrencyCodes.Require(revenue.Currency, date);
            _sums.AddGiven(
                revenue.PartnerId,
                date,
                RevenueRules.ToMinorUnits(revenue.Amount, currency),
                currency,
                RevenueRules.NormalizeSegment(revenue.Segment),
                PartnerRules.NormalizeRegion(revenue.Region),
                revenue.PartnerId == null ? null : revenue.Attribution);
        }

        /// <summary>Set by <see cref="Measure"/> when something was left out of the answer, saying what and why.</summary>
        public string? Warning { get; private set; }

        /// <summary>
        /// The measures, exact: sums of whole minor units, each converted once (multiplied by the stored rates and divided by
        /// those used the other way, never by a rounded reciprocal) and rounded once to the currency's minor digits, half away from zero.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// ExchangeRateMissing; InvalidAmount (InvalidOperation) when the figures are beyond what a decimal can hold (about 7.9e28).
        /// </exception>
        public IReadOnlyList<RevenueMeasure> Measure(RevenueMeasureRequest request)
        {
            try
            {
                return MeasureExactly(request);
            }
            catch (OverflowException ex)
            {
                var currency = string.IsNullOrWhiteSpace(request.Currency) ? _store.Currency : request.Currency!.Trim().ToUpperInvariant();
                throw new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidOperation,
                    $"The revenue measured in '{_store.Path}' converted to {currency} is too large to compute exactly (beyond about 7.9e28, " +
                    "the range of a decimal); nothing is reported. Measure in a currency worth more per unit (-Currency), or fewer records at a time.",
                    currency,
                    ex);
            }
        }

        /// <summary>
        /// The total of the revenue a filter selects, converted to <paramref name="currency"/> and not rounded (for a figure computed
        /// from it, such as a share, to be rounded once). ExchangeRateMissing; InvalidAmount when beyond a decimal.
        /// </summary>
        public decimal UnroundedTotal(RevenueFilter filter, string currency)
        {
            var code = CurrencyCodes.Require(currency);
            try
            {
                return Sum(new List<RevenueGroupKey>(), filter, code, _store.ExchangeRates.Converter()).Values.Sum(g => g.Total);
            }
            catch (OverflowException ex)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidOperation,
                    $"The revenue measured in '{_store.Path}' converted to {code} is too large to compute exactly (beyond about 7.9e28, the range of a decimal).",
                    code,
                    ex);
            }
        }

        private IReadOnlyList<RevenueMeasure> MeasureExactly(RevenueMeasureRequest request)
        {
            var keys = CheckKeys(request.GroupBy);
            var currency = CurrencyCodes.Require(string.IsNullOrWhiteSpace(request.Currency) ? _store.Currency : request.Currency);
            var converter = _store.ExchangeRates.Converter();

            var groups = Sum(keys, request.Filter, currency, converter);
            if (keys.Count == 0 && groups.Count == 0)
            {
                groups.Add(string.Empty, new Group(Array.Empty<object?>()));
            }

            var yearIndex = keys.IndexOf(RevenueGroupKey.Year);
            Warning = null;
            Dictionary<string, Group>? previous = null;
            if (yearIndex >= 0)
            {
                try
                {
                    previous = request.Filter.LimitsYears ? Sum(keys, request.Filter.YearEarlier(), currency, converter) : groups;
                }
                catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.ExchangeRateMissing)
                {
                    // The years asked for were measured; only the comparison with the year before cannot be made.
                    Warning = "PreviousTotal and Growth are not given: " + ex.Message;
                }
            }

            // The denominator of each share: the total of the groups with the same values of the share keys (one partition of
            // everything measured, whatever -Top then writes).
            var shareIndexes = ShareKeys(keys, request.ShareOf).Select(k => keys.IndexOf(k)).ToList();
            string Partition(Group g) => Identity(shareIndexes.Select(i => g.Keys[i]).ToArray());
            var partitionTotals = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var group in groups.Values)
            {
                var partition = Partition(group);
                partitionTotals[partition] = (partitionTotals.TryGetValue(partition, out var sum) ? sum : 0m) + group.Total;
            }

            var measures = new List<(Group Group, RevenueMeasure Measure)>();
            foreach (var group in groups.Values)
            {
                var measure = new RevenueMeasure(keys.Select((k, i) => new KeyValuePair<RevenueGroupKey, object?>(k, group.Keys[i])).ToList())
                {
                    Count = group.Count,
                    Total = RevenueRules.Round(group.Total, currency),
                    Average = group.Count == 0 ? (decimal?)null : RevenueRules.Round(group.Total / group.Count, currency),
                    Minimum = group.Minimum is decimal min ? RevenueRules.Round(min, currency) : (decimal?)null,
                    Maximum = group.Maximum is decimal max ? RevenueRules.Round(max, currency) : (decimal?)null,
                    Share = ShareOfTotal(group.Total, partitionTotals[Partition(group)]),
                    Currency = currency,
                    Database = _store.Path,
                };

                if (previous != null)
                {
                    var earlier = (object?[])group.Keys.Clone();
                    earlier[yearIndex] = (int)earlier[yearIndex]! - 1;
                    if (previous.TryGetValue(Identity(earlier), out var last))
                    {
                        measure.PreviousTotal = RevenueRules.Round(last.Total, currency);
                        // Growth is the change over the size of the previous total: -100 to +50 is +1.5 (up 150%), 100 to 50 is -0.5.
                        measure.Growth = last.Total == 0 ? (decimal?)null : decimal.Round((group.Total - last.Total) / Math.Abs(last.Total), ShareDigits, MidpointRounding.AwayFromZero);
                    }
                }

                measures.Add((group, measure));
            }

            var comparer = new KeysComparer();
            // Text keys are ordered as names are listed; their places are computed once per group, not in every comparison.
            IEnumerable<(Group Group, RevenueMeasure Measure)> ordered = measures.OrderBy(
                m => m.Group.Keys.Select(k => k is string text ? PartnerRules.NameOrder(text) : k).ToArray(), comparer);
            if (request.Top is int top)
            {
                ordered = ordered.OrderByDescending(m => m.Group.Total).Take(Math.Max(top, 0));
            }

            return ordered.Select(m => m.Measure).ToList();
        }

        /// <summary>
        /// The keys whose values partition a share's denominator. <paramref name="shareOf"/> null: the time keys (Year, Quarter,
        /// Month) among <paramref name="groupBy"/>, so a share is within its period (Partner 2015 is a fraction of 2015); none when
        /// there is no time key, or when the time keys are all the keys (-GroupBy Year: each year's fraction of everything
        /// measured). Given: those keys; empty for everything measured.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidRevenueValue (InvalidArgument) naming the key, when a key of <paramref name="groupBy"/> is given twice (see
        /// <see cref="CheckKeys"/>), when a key of <paramref name="shareOf"/> is not among <paramref name="groupBy"/> or is given
        /// twice, or when it holds every key of <paramref name="groupBy"/> (each group would be alone in its partition, every share
        /// 100%: a mistake, not a question).
        /// </exception>
        public static IReadOnlyList<RevenueGroupKey> ShareKeys(IList<RevenueGroupKey> groupBy, IList<RevenueGroupKey>? shareOf)
        {
            var keys = CheckKeys(groupBy);
            if (shareOf == null)
            {
                // Only time keys (-GroupBy Year): each period would be all of itself, so the share is of everything measured.
                var time = keys.Where(MeasureKeys.OfTime).ToList();
                return time.Count == keys.Count ? new List<RevenueGroupKey>() : time;
            }

            var allowed = keys.Count == 0 ? "-GroupBy has no keys, so the share can only be of everything measured (leave -ShareOf out)"
                : $"-ShareOf takes keys of -GroupBy ({string.Join(", ", keys)}) other than all of them, or @() for the share of everything measured";
            var seen = new HashSet<RevenueGroupKey>();
            foreach (var key in shareOf)
            {
                if (!keys.Contains(key))
                {
                    throw ShareOfInvalid(key.ToString(), "it is not among the -GroupBy keys; " + allowed);
                }

                if (!seen.Add(key))
                {
                    throw ShareOfInvalid(key.ToString(), "it is given twice; " + allowed);
                }
            }

            if (seen.Count > 0 && seen.Count == keys.Count)
            {
                throw ShareOfInvalid(
                    string.Join(",", shareOf),
                    "it names every -GroupBy key, so each group would be the whole of its own partition and every share 100%; " + allowed);
            }

            return keys.Where(seen.Contains).ToList();
        }

        /// <summary>The group keys as given.</summary>
        /// <exception cref="PartnerOpsException">InvalidRevenueValue (InvalidArgument) naming a key given twice (never dropped silently).</exception>
        public static List<RevenueGroupKey> CheckKeys(IEnumerable<RevenueGroupKey> groupBy)
        {
            var keys = new List<RevenueGroupKey>();
            foreach (var key in groupBy)
            {
                if (keys.Contains(key))
                {
                    throw new PartnerOpsException(
                        ErrorIds.InvalidRevenueValue,
                        FailureKind.InvalidArgument,
                        $"GroupBy '{key}' is not valid: it is given twice; give each key at most once. Nothing was measured.",
                        key.ToString());
                }

                keys.Add(key);
            }

            return keys;
        }

        private static PartnerOpsException ShareOfInvalid(string value, string problem) => new PartnerOpsException(
            ErrorIds.InvalidRevenueValue,
            FailureKind.InvalidArgument,
            $"ShareOf '{value}' is not valid: {problem}. Nothing was measured.",
            value);

        /// <summary>A part over its whole, to six decimals, half away from zero; null when the whole is zero or negative.</summary>
        internal static decimal? ShareOfTotal(decimal part, decimal whole) =>
            whole <= 0 ? (decimal?)null : decimal.Round(part / whole, ShareDigits, MidpointRounding.AwayFromZero);

        /// <summary>Combines the database's per-currency, per-year sums (<see cref="IRevenueSums"/>) into groups in <paramref name="currency"/>.</summary>
        private Dictionary<string, Group> Sum(IList<RevenueGroupKey> keys, RevenueFilter filter, string currency, CurrencyConverter converter)
        {
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            var factors = new Dictionary<(string, int), (decimal Multiply, decimal Divide)>();
            foreach (var sum in _sums.Sum(keys, filter))
            {
                if (!factors.TryGetValue((sum.Currency, sum.Year), out var factor))
                {
                    var rate = converter.Factors(sum.Currency, currency, sum.Year);
                    factor = (rate.Multiply * RevenueRules.MinorUnit(sum.Currency), rate.Divide);
                    factors.Add((sum.Currency, sum.Year), factor);
                }

                var identity = Identity(sum.Keys);
                if (!groups.TryGetValue(identity, out var group))
                {
                    group = new Group(sum.Keys);
                    groups.Add(identity, group);
                }

                group.Add(sum.Count, Convert(sum.Total, factor), Convert(sum.Minimum, factor), Convert(sum.Maximum, factor));
            }

            return groups;
        }

        // Minor units to the measure's currency: one multiplication and at most one division (exact unless the quotient does not end).
        private static decimal Convert(decimal minor, (decimal Multiply, decimal Divide) factor) =>
            factor.Divide == 1m ? minor * factor.Multiply : minor * factor.Multiply / factor.Divide;

        /// <summary>A group's identity: its key values, compared as the database grouped them (regions and segments by their key, RevenueRules.Key).</summary>
        internal static string Identity(object?[] values)
        {
            var identity = new StringBuilder();
            foreach (var value in values)
            {
                identity.Append(value switch
                {
                    null => "\u0000",
                    string text => RevenueRules.Key(text),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                }).Append('\u001f');
            }

            return identity.ToString();
        }

        private sealed class Group
        {
            public Group(object?[] keys)
            {
                Keys = keys;
            }

            public object?[] Keys { get; }

            public long Count { get; private set; }

            public decimal Total { get; private set; }

            public decimal? Minimum { get; private set; }

            public decimal? Maximum { get; private set; }

            public void Add(long count, decimal total, decimal minimum, decimal maximum)
            {
                Count += count;
                Total += total;
                Minimum = Minimum is decimal min && min <= minimum ? min : minimum;
                Maximum = Maximum is decimal max && max >= maximum ? max : maximum;
            }
        }

        /// <summary>
        /// Orders groups by their keys in turn: numbers and enums by value, text (partner names, regions, segments) given as
        /// <see cref="PartnerRules.NameOrder"/> places, so as Get-Partner lists names; empty keys last.
        /// </summary>
        internal sealed class KeysComparer : IComparer<object?[]>
        {
            public int Compare(object?[]? x, object?[]? y)
            {
                for (var i = 0; i < x!.Length; i++)
                {
                    var a = x[i];
                    var b = y![i];
                    var order = a == null ? (b == null ? 0 : 1)
                        : b == null ? -1
                        : ((IComparable)a).CompareTo(b);
                    if (order != 0)
                    {
                        return order;
                    }
                }

                return 0;
            }
        }
    }
}
