using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Measures
{
    /// <summary>
    /// The figures of one partner that its scorecard is made of (<see cref="ScorecardMeasurer.Score"/>), as the database gives
    /// them (IQualityInputs): plain data, so that the scoring is tested without a database.
    /// </summary>
    public sealed class ScoreFigures
    {
        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The partner's region on the day (null when none).</summary>
        public string? Region { get; set; }

        /// <summary>The partner's type on the day.</summary>
        public PartnerType Type { get; set; }

        /// <summary>The partner's tier on the day.</summary>
        public PartnerTier Tier { get; set; }

        /// <summary>Revenue dated in the last 12 months (day - 12 months &lt; Date ≤ day) in the reporting currency, unrounded.</summary>
        public decimal Revenue { get; set; }

        /// <summary>Revenue dated in the 12 months before those (day - 24 months &lt; Date ≤ day - 12 months), reporting currency, unrounded.</summary>
        public decimal PreviousRevenue { get; set; }

        /// <summary>Contacts current on the day holding a certification valid on the day (any name).</summary>
        public int Certified { get; set; }

        /// <summary>The MinCertified of the tier rule that applies to the partner's tier (its region and type); null when none does or it has none.</summary>
        public int? Required { get; set; }

        /// <summary>The date of the partner's last revenue record on or before the day (date only); null when it never sold.</summary>
        public DateTime? LastRevenue { get; set; }
    }

    /// <summary>
    /// Scores partners from 0 to 100 out of four documented components (issue 18; Measure-PartnerScorecard):
    /// <list type="bullet">
    /// <item>Revenue: the last 12 months' revenue in the reporting currency, rated by its percent rank among the scored partners
    /// (SQL's PERCENT_RANK: the number of other scored partners with less revenue over the number of other scored partners, so the
    /// top one rates 1 and the bottom 0; ties share the rank; alone, or when none has revenue: 0).</item>
    /// <item>Growth: those 12 months against the 12 before, as a fraction g = (now - before) / |before|, rated clamp(0.5 + g / 2, 0, 1)
    /// (-100% is 0, flat 0.5, +100% or more 1); with no revenue in the earlier 12 months (a sum of 0): 1 if there is revenue now,
    /// else 0, and no value.</item>
    /// <item>Certified: the contacts certified on the day against the MinCertified N of the rule that applies to the partner's tier
    /// (0 when none), rated min(1, certified / max(1, N)).</item>
    /// <item>Activation: days since the last revenue record on or before the day, rated 1 up to 90 days, falling linearly to 0 at
    /// 365 ((365 - days) / 275), 0 beyond and when the partner never sold.</item>
    /// </list>
    /// Points = rating × scaled weight × 100, shown to one decimal; the score is the sum of the unrounded points, rounded to one
    /// decimal (half away from zero).
    /// </summary>
    public static class ScorecardMeasurer
    {
        /// <summary>Up to this many days since the last sale, Activation rates 1.</summary>
        public const int ActiveDays = 90;

        /// <summary>From this many days since the last sale, Activation rates 0.</summary>
        public const int DormantDays = 365;

        private const int ShownDigits = 4;

        private const int GrowthDigits = 6;

        /// <summary>
        /// The scorecards of <paramref name="partners"/> (the partners scored together: the Revenue rating ranks among them), sorted by
        /// score ascending (those that need a review first), then by name (<see cref="PartnerRules.CompareNames"/>), then id.
        /// </summary>
        /// <param name="partners">The partners' figures, each partner once.</param>
        /// <param name="weights">The components' weights.</param>
        /// <param name="asOf">The day scored (date only).</param>
        /// <param name="currency">The currency of the Revenue figures (ISO 4217): their values are rounded to its minor units.</param>
        /// <param name="database">The Database the scores show.</param>
        public static IReadOnlyList<PartnerScore> Score(IReadOnlyList<ScoreFigures> partners, ScoreWeights weights, DateTime asOf, string currency, string? database)
        {
            var day = asOf.Date;
            var revenues = partners.Select(p => RevenueRules.Round(p.Revenue, currency)).OrderBy(r => r).ToArray();
            var scores = new List<(PartnerScore Score, IComparable Order)>(partners.Count);
            foreach (var figures in partners)
            {
                var revenue = RevenueRules.Round(figures.Revenue, currency);
                var ratings = new[]
                {
                    (Value: (decimal?)revenue, Unit: currency, Rating: PercentRank(revenues, revenue)),
                    Growth(figures.Revenue, figures.PreviousRevenue),
                    Certified(figures.Certified, figures.Required ?? 0),
                    Activation(figures.LastRevenue, day),
                };
                var components = new ScoreComponent[ratings.Length];
                var total = 0m;
                for (var i = 0; i < ratings.Length; i++)
                {
                    var points = ratings[i].Rating * weights[i] * 100m;
                    total += points;
                    components[i] = new ScoreComponent
                    {
                        Name = ScoreWeights.Names[i],
                        Value = ratings[i].Value,
                        Unit = ratings[i].Unit,
                        Rating = decimal.Round(ratings[i].Rating, ShownDigits, MidpointRounding.AwayFromZero),
                        Weight = decimal.Round(weights[i], ShownDigits, MidpointRounding.AwayFromZero),
                        Points = decimal.Round(points, 1, MidpointRounding.AwayFromZero),
                    };
                }

                var score = new PartnerScore
                {
                    Partner = figures.Partner,
                    PartnerId = figures.PartnerId,
                    Region = figures.Region,
                    Type = figures.Type,
                    Tier = figures.Tier,
                    Score = decimal.Round(total, 1, MidpointRounding.AwayFromZero),
                    Components = components,
                    AsOf = day,
                    Database = database,
                };
                scores.Add((score, PartnerRules.NameOrder(figures.Partner)));
            }

            return scores
                .OrderBy(s => s.Score.Score)
                .ThenBy(s => s.Order)
                .ThenBy(s => s.Score.PartnerId)
                .Select(s => s.Score)
                .ToList();
        }

        /// <summary>
        /// The revenue of each partner in <paramref name="currency"/>, unrounded: each (partner, currency, year) sum of whole minor
        /// units (exact, possibly beyond 64 bits) converted once with that year's rate (<see cref="CurrencyConverter.Convert"/>), as Measure-PartnerRevenue converts.
        /// Partners without a sum are not in the answer.
        /// </summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing naming the pair and year.</exception>
        public static Dictionary<long, decimal> Totals(
            IEnumerable<(long PartnerId, string Currency, int Year, decimal Minor)> sums, CurrencyConverter converter, string currency)
        {
            var totals = new Dictionary<long, decimal>();
            foreach (var (partnerId, from, year, minor) in sums)
            {
                var amount = converter.Convert(minor * RevenueRules.MinorUnit(from), from, currency, year);
                totals[partnerId] = totals.TryGetValue(partnerId, out var sum) ? sum + amount : amount;
            }

            return totals;
        }

        // The share of the other values below this one (values sorted ascending); 0 alone.
        private static decimal PercentRank(decimal[] sorted, decimal value)
        {
            if (sorted.Length < 2)
            {
                return 0m;
            }

            var below = LowerBound(sorted, value);
            return (decimal)below / (sorted.Length - 1);
        }

        // The index of the first value not below this one.
        private static int LowerBound(decimal[] sorted, decimal value)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sorted[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static (decimal? Value, string Unit, decimal Rating) Growth(decimal now, decimal before)
        {
            const string Unit = "fraction";
            if (before == 0m)
            {
                return (null, Unit, now > 0m ? 1m : 0m);
            }

            var growth = (now - before) / Math.Abs(before);
            var rating = Math.Min(1m, Math.Max(0m, 0.5m + (growth / 2m)));
            return (decimal.Round(growth, GrowthDigits, MidpointRounding.AwayFromZero), Unit, rating);
        }

        private static (decimal? Value, string Unit, decimal Rating) Certified(int certified, int required) =>
            (certified, $"of {required} required", Math.Min(1m, (decimal)certified / Math.Max(1, required)));

        private static (decimal? Value, string Unit, decimal Rating) Activation(DateTime? last, DateTime day)
        {
            const string Unit = "days";
            if (!(last is DateTime sold))
            {
                return (null, Unit, 0m);
            }

            var days = (day - sold.Date).Days;
            var rating = days <= ActiveDays ? 1m : days >= DormantDays ? 0m : (decimal)(DormantDays - days) / (DormantDays - ActiveDays);
            return (days, Unit, rating);
        }
    }
}
