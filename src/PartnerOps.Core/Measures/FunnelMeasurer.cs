using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>What Measure-PartnerFunnel asks for.</summary>
    public sealed class FunnelMeasureRequest
    {
        /// <summary>The group keys in the order the measures show them, each at most once; none for one measure of the period.</summary>
        public IList<FunnelGroupKey> GroupBy { get; } = new List<FunnelGroupKey>();

        /// <summary>Which partners are measured: its Regions (patterns, by key) and Types; its other members are ignored.</summary>
        public PartnerFilter Filter { get; set; } = new PartnerFilter();

        /// <summary>The first day of the period (date part); 1900 to 2999, not after <see cref="To"/>.</summary>
        public DateTime From { get; set; }

        /// <summary>The last day of the period, included (date part); 1900 to 2999.</summary>
        public DateTime To { get; set; }

        /// <summary>The currency of RevenueLost (ISO 4217); null or empty for the database's reporting currency.</summary>
        public string? Currency { get; set; }
    }

    /// <summary>
    /// Measures the partner funnel per group (<see cref="FunnelMeasure"/>): the database counts (<see cref="IFunnelCounts"/>,
    /// a few grouped statements per period); this class splits the period into years or quarters, adds up the spellings of a
    /// region, converts the revenue lost and takes the medians of the distributions the database returns (SQLite has no
    /// percentile function).
    /// </summary>
    public sealed class FunnelMeasurer
    {
        private const int Digits = 6;
        private const string NoReason = "(none)";

        private readonly IPartnerDatabase _store;

        /// <summary>A measurer of the partners in <paramref name="store"/>.</summary>
        public FunnelMeasurer(IPartnerDatabase store)
        {
            _store = store;
        }

        /// <summary>
        /// One measure per period (the whole of [From, To], or its calendar years or quarters, each clipped to it) and group of
        /// the partner keys (groups that have partners); sorted by the keys (numbers and enums by value, text ignoring case,
        /// empty keys last), then by period. Without Region or Type, one measure per period, even of no partners.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (InvalidArgument): a key given twice, a date outside the years 1900 to 2999, From after To;
        /// InvalidCurrencyCode; ExchangeRateMissing (naming the pair and year) for revenue lost that cannot be converted;
        /// a named database failure.
        /// </exception>
        public IReadOnlyList<FunnelMeasure> Measure(FunnelMeasureRequest request)
        {
            var keys = CheckKeys(request.GroupBy);
            var from = PartnerRules.CheckDate(request.From, "From")!.Value;
            var to = PartnerRules.CheckDate(request.To, "To")!.Value;
            if (from > to)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"From {PartnerRules.FormatDate(from)} is after To {PartnerRules.FormatDate(to)}: the period must not end before it begins. Nothing was measured.",
                    PartnerRules.FormatDate(from));
            }

            var currency = CurrencyCodes.Require(string.IsNullOrWhiteSpace(request.Currency) ? _store.Currency : request.Currency);
            var converter = _store.ExchangeRates.Converter();
            var partnerKeys = keys.Where(k => k == FunnelGroupKey.Region || k == FunnelGroupKey.Type).ToList();
            var counts = _store.FunnelCounts;

            var measures = new List<(object?[] Keys, FunnelMeasure Measure)>();
            foreach (var (start, end) in Periods(from, to, keys.Contains(FunnelGroupKey.Year), keys.Contains(FunnelGroupKey.Quarter)))
            {
                var figures = counts.Count(partnerKeys, request.Filter, start, end);
                var groups = Combine(figures, partnerKeys.Count == 0);
                foreach (var group in groups.Values)
                {
                    var values = keys.Select(k => k switch
                    {
                        FunnelGroupKey.Year => start.Year,
                        FunnelGroupKey.Quarter => (object?)((start.Month + 2) / 3),
                        _ => group.Keys[partnerKeys.IndexOf(k)],
                    }).ToArray();
                    var measure = group.ToMeasure(keys.Select((k, i) => new KeyValuePair<FunnelGroupKey, object?>(k, values[i])).ToList(), converter, currency);
                    measure.From = start;
                    measure.To = end;
                    measure.Database = _store.Path;
                    measures.Add((values, measure));
                }
            }

            var comparer = new RevenueMeasurer.KeysComparer();
            return measures.OrderBy(m => m.Keys, comparer).ThenBy(m => m.Measure.From).Select(m => m.Measure).ToList();
        }

        /// <summary>The keys as given, or InvalidPartnerValue naming a key given twice.</summary>
        public static List<FunnelGroupKey> CheckKeys(IEnumerable<FunnelGroupKey> groupBy)
        {
            var keys = new List<FunnelGroupKey>();
            foreach (var key in groupBy)
            {
                if (keys.Contains(key))
                {
                    throw new PartnerOpsException(
                        ErrorIds.InvalidPartnerValue,
                        FailureKind.InvalidArgument,
                        $"GroupBy '{key}' is not valid: it is given twice; give each of {string.Join(", ", Enum.GetNames(typeof(FunnelGroupKey)))} at most once. Nothing was measured.",
                        key.ToString());
                }

                keys.Add(key);
            }

            return keys;
        }

        /// <summary>
        /// [from, to] split at each 1 January (<paramref name="byYear"/>) or each quarter's first day (<paramref name="byQuarter"/>),
        /// each part clipped to [from, to]; the whole when neither.
        /// </summary>
        public static IEnumerable<(DateTime Start, DateTime End)> Periods(DateTime from, DateTime to, bool byYear, bool byQuarter)
        {
            var start = from.Date;
            while (start <= to.Date)
            {
                var next = byQuarter ? new DateTime(start.Year, ((start.Month - 1) / 3 * 3) + 1, 1).AddMonths(3)
                    : byYear ? new DateTime(start.Year + 1, 1, 1)
                    : to.Date.AddDays(1);
                var end = next.AddDays(-1) < to.Date ? next.AddDays(-1) : to.Date;
                yield return (start, end);
                start = end.AddDays(1);
            }
        }

        /// <summary>
        /// The median of a distribution of whole days (value -> how many), one decimal: the middle value, or of an even count the
        /// mean of the middle two; null when empty.
        /// </summary>
        public static decimal? Median(IEnumerable<(long Days, long Count)> distribution)
        {
            var sorted = distribution.Where(d => d.Count > 0).OrderBy(d => d.Days).ToList();
            var total = sorted.Sum(d => d.Count);
            if (total == 0)
            {
                return null;
            }

            long At(long index)
            {
                foreach (var (days, count) in sorted)
                {
                    if (index < count)
                    {
                        return days;
                    }

                    index -= count;
                }

                throw new InvalidOperationException("index beyond the distribution");
            }

            var middle = total % 2 == 1 ? At(total / 2) : (At((total / 2) - 1) + At(total / 2)) / 2m;
            return decimal.Round(middle, 1, MidpointRounding.AwayFromZero);
        }

        /// <summary>A part over its whole, six decimals, half away from zero; null when the whole is 0.</summary>
        internal static decimal? Rate(long part, long whole) =>
            whole == 0 ? (decimal?)null : decimal.Round((decimal)part / whole, Digits, MidpointRounding.AwayFromZero);

        // The figures of a period per group; spellings of one region key (Western Europe, WESTERN EUROPE) are one group.
        private static Dictionary<string, Group> Combine(FunnelFigures figures, bool single)
        {
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            Group Of(object?[] keys)
            {
                var identity = RevenueMeasurer.Identity(keys);
                if (!groups.TryGetValue(identity, out var group))
                {
                    group = new Group(keys);
                    groups.Add(identity, group);
                }

                return group;
            }

            if (single)
            {
                Of(Array.Empty<object?>());
            }

            foreach (var (keys, values) in figures.Partners)
            {
                var group = Of(keys);
                for (var i = 0; i < values.Length; i++)
                {
                    group.Partners[i] += values[i];
                }
            }

            foreach (var (keys, stage, count) in figures.Entered)
            {
                var group = Of(keys);
                group.Entered[stage] = (group.Entered.TryGetValue(stage, out var seen) ? seen : 0L) + count;
            }

            foreach (var (keys, reason, count) in figures.Ended)
            {
                var group = Of(keys);
                var name = string.IsNullOrEmpty(reason) ? NoReason : reason!;
                group.Ended[name] = (group.Ended.TryGetValue(name, out var seen) ? seen : 0L) + count;
            }

            foreach (var (keys, currency, year, minor) in figures.RevenueLost)
            {
                Of(keys).Lost.Add((currency, year, minor));
            }

            foreach (var (keys, stage, days, count) in figures.Stays)
            {
                Of(keys).Stays.Add((stage, days, count));
            }

            foreach (var (keys, days, count) in figures.Activation)
            {
                Of(keys).Activation.Add((days, count));
            }

            return groups;
        }

        private sealed class Group
        {
            public Group(object?[] keys)
            {
                Keys = keys;
            }

            public object?[] Keys { get; }

            public long[] Partners { get; } = new long[FunnelSql.PartnerColumns.Length];

            public Dictionary<string, long> Entered { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

            public Dictionary<string, long> Ended { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

            public List<(string Currency, int Year, long Minor)> Lost { get; } = new List<(string, int, long)>();

            public List<(string Stage, long Days, long Count)> Stays { get; } = new List<(string, long, long)>();

            public List<(long? Days, long Count)> Activation { get; } = new List<(long?, long)>();

            private long Figure(string name) => Partners[Array.IndexOf(FunnelSql.PartnerColumns, name)];

            private long EnteredInto(string stage) => Entered.TryGetValue(stage, out var count) ? count : 0L;

            public FunnelMeasure ToMeasure(IReadOnlyList<KeyValuePair<FunnelGroupKey, object?>> keys, CurrencyConverter converter, string currency)
            {
                var measure = new FunnelMeasure(keys)
                {
                    Prospects = Figure("Prospects"),
                    Onboarding = Figure("Onboarding"),
                    Active = Figure("Active"),
                    Suspended = Figure("Suspended"),
                    AtStart = Figure("AtStart"),
                    Joined = Figure("Joined"),
                    Ended = Ended.Values.Sum(),
                    EnteredProspect = EnteredInto("Prospect"),
                    EnteredOnboarding = EnteredInto("Onboarding"),
                    EnteredActive = EnteredInto("Active"),
                    EnteredSuspended = EnteredInto("Suspended"),
                    ProspectToOnboarding = Rate(Figure("ProspectConverted"), Figure("WasProspect")),
                    OnboardingToActive = Rate(Figure("OnboardingConverted"), Figure("WasOnboarding")),
                    MedianDaysProspect = Median(Stays.Where(s => s.Stage == "Prospect").Select(s => (s.Days, s.Count))),
                    MedianDaysOnboarding = Median(Stays.Where(s => s.Stage == "Onboarding").Select(s => (s.Days, s.Count))),
                    NewlyActive = Activation.Sum(a => a.Count),
                    Activated = Activation.Where(a => a.Days != null).Sum(a => a.Count),
                    ActivatedWithin90Days = Activation.Where(a => a.Days != null && a.Days <= 90).Sum(a => a.Count),
                    MedianDaysToFirstRevenue = Median(Activation.Where(a => a.Days != null).Select(a => (Math.Max(0L, a.Days!.Value), a.Count))),
                    Currency = currency,
                };
                measure.AtEnd = measure.Onboarding + measure.Active + measure.Suspended;
                measure.NetAdds = measure.AtEnd - measure.AtStart;
                measure.ChurnRate = Rate(measure.Ended, measure.AtStart);
                measure.ActivationRate = Rate(measure.Activated, measure.NewlyActive);
                foreach (var reason in Ended.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
                {
                    measure.EndedByReason.Add(reason.Key, reason.Value);
                }

                // Each record's year's rate, as Measure-PartnerRevenue: minor units times the rates, one division at most.
                var total = 0m;
                foreach (var (from, year, minor) in Lost)
                {
                    var (multiply, divide) = converter.Factors(from, currency, year);
                    var amount = minor * multiply * RevenueRules.MinorUnit(from);
                    total += divide == 1m ? amount : amount / divide;
                }

                measure.RevenueLost = RevenueRules.Round(total, currency);
                return measure;
            }
        }
    }
}
