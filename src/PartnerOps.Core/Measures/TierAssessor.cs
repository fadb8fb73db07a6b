using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>
    /// Assesses partners against the tier rules on one day (Test-PartnerTier; the tier review assesses with it day by day):
    /// the database's figures (<see cref="IQualityInputs"/>: revenue sums per partner, currency and year for each revenue
    /// window; certified contacts per partner and pattern; the first day Active) combined with the rules and the yearly
    /// exchange rates. For each tier above Registered the rule that applies to a partner is the most specific one
    /// (<see cref="TierRuleRules.Applicable"/>); a rule is met when every condition it has is met. Rules: issue 18.
    /// </summary>
    public sealed class TierAssessor
    {
        /// <summary>The revenue window of a rule that gives none (months).</summary>
        public const int DefaultRevenueMonths = 12;

        private static readonly PartnerTier[] RuledTiers = ((PartnerTier[])Enum.GetValues(typeof(PartnerTier))).Where(t => t != PartnerTier.Registered).OrderBy(t => t).ToArray();

        private readonly IReadOnlyList<TierRule> _rules;
        private readonly CurrencyConverter _converter;
        private readonly Dictionary<(int Months, long PartnerId), List<(string Currency, int Year, decimal Minor)>> _revenue = new Dictionary<(int, long), List<(string, int, decimal)>>();
        private readonly Dictionary<(string Pattern, long PartnerId), int> _certified = new Dictionary<(string, long), int>();
        private readonly Dictionary<(string? RegionKey, PartnerType Type), TierRule?[]> _applicable = new Dictionary<(string?, PartnerType), TierRule?[]>();

        /// <summary>An assessor of <paramref name="rules"/> on <paramref name="day"/> (date only), converting with <paramref name="converter"/>.</summary>
        public TierAssessor(IReadOnlyList<TierRule> rules, CurrencyConverter converter, DateTime day)
        {
            _rules = rules;
            _converter = converter;
            Day = day.Date;
            RevenueMonths = rules.Where(r => r.MinRevenue != null).Select(Months).Distinct().OrderBy(m => m).ToList();
            CertificationPatterns = rules.Where(r => r.MinCertified != null).Select(r => r.Certification).Distinct().ToList();
        }

        /// <summary>The day assessed (date only).</summary>
        public DateTime Day { get; }

        /// <summary>The revenue windows (months before the day) the rules measure: one revenue sum per window is needed.</summary>
        public IReadOnlyList<int> RevenueMonths { get; }

        /// <summary>The certification patterns (null: any certification) the rules count certified contacts for.</summary>
        public IReadOnlyList<string?> CertificationPatterns { get; }

        /// <summary>
        /// The window of <paramref name="months"/> before <paramref name="day"/>: from (excluded) the same day that many months
        /// earlier (<see cref="DateTime.AddMonths"/>: 2026-06-30, 12 months: after 2025-06-30) to the day (included).
        /// </summary>
        public static (DateTime FromExclusive, DateTime ToInclusive) Window(DateTime day, int months) => (day.Date.AddMonths(-months), day.Date);

        /// <summary>
        /// Whole months from <paramref name="from"/> to <paramref name="to"/> (dates only): the most n with from + n months
        /// (<see cref="DateTime.AddMonths"/>) on or before <paramref name="to"/>; 2025-01-15 to 2025-07-14 is 5, to 2025-07-15
        /// is 6; 0 when <paramref name="to"/> is before <paramref name="from"/>.
        /// </summary>
        public static int MonthsBetween(DateTime from, DateTime to)
        {
            from = from.Date;
            to = to.Date;
            if (to < from)
            {
                return 0;
            }

            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
            return from.AddMonths(months) > to ? months - 1 : months;
        }

        /// <summary>
        /// Assesses the partners <paramref name="filter"/> selects (null: all) that are in the programme on <paramref name="day"/>,
        /// in id order: the figures read from <paramref name="inputs"/> (one revenue sum per window, one certified count for all
        /// patterns), combined here.
        /// </summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing (naming the pair and year) for revenue a rule's currency cannot be converted to; a named database failure.</exception>
        public static IReadOnlyList<TierAssessment> Run(IQualityInputs inputs, IReadOnlyList<TierRule> rules, CurrencyConverter converter, DateTime day, PartnerFilter? filter, string? database)
        {
            var assessor = new TierAssessor(rules, converter, day);
            var partners = inputs.Partners(assessor.Day, filter, lastRevenue: false);
            if (partners.Count == 0)
            {
                return Array.Empty<TierAssessment>();
            }

            foreach (var months in assessor.RevenueMonths)
            {
                var (from, to) = Window(assessor.Day, months);
                foreach (var (partnerId, currency, year, minor) in inputs.Revenue(from, to, filter, assessor.Day))
                {
                    assessor.AddRevenue(months, partnerId, currency, year, minor);
                }
            }

            if (assessor.CertificationPatterns.Count > 0)
            {
                foreach (var (partnerId, pattern, certified) in inputs.Certified(assessor.Day, assessor.CertificationPatterns, filter))
                {
                    assessor.AddCertified(partnerId, pattern, certified);
                }
            }

            return partners.Select(p => assessor.Assess(p, database)).ToList();
        }

        /// <summary>
        /// The one warning of an assessment in which no rule of any tier applied to some partners (their QualifiedTier null):
        /// how many, and their (region, type) combinations, the most frequent first, up to five.
        /// </summary>
        public static string NoRuleWarning(IReadOnlyCollection<TierAssessment> unruled)
        {
            const int Shown = 5;
            var combinations = unruled
                .GroupBy(a => (Region: RevenueRules.Key(a.Region), a.Type))
                .Select(g => (Region: g.First().Region, g.Key.Type, Count: g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Region ?? string.Empty, StringComparer.Ordinal).ThenBy(c => c.Type)
                .ToList();
            var listed = string.Join(", ", combinations.Take(Shown).Select(c => $"{(c.Region == null ? "no region" : "region '" + c.Region + "'")} and type {c.Type} ({c.Count})"));
            var more = combinations.Count > Shown ? $" and {combinations.Count - Shown} more combination(s)" : string.Empty;
            return $"{unruled.Count} partner(s) had no applicable tier rule: no rule of any tier matches their region and type, so their QualifiedTier " +
                   $"is empty and Keep is recommended. Their combinations: {listed}{more}. Add rules with Set-PartnerTierRule (a rule without -Region and -Type applies to every partner).";
        }

        /// <summary>Adds a partner's revenue in one currency and year (whole minor units) within the window of <paramref name="months"/>.</summary>
        public void AddRevenue(int months, long partnerId, string currency, int year, decimal minor)
        {
            if (!_revenue.TryGetValue((months, partnerId), out var sums))
            {
                _revenue[(months, partnerId)] = sums = new List<(string, int, decimal)>();
            }

            sums.Add((currency, year, minor));
        }

        /// <summary>Sets how many of a partner's current contacts hold a valid certification matching <paramref name="pattern"/> (null: any).</summary>
        public void AddCertified(long partnerId, string? pattern, int count) => _certified[(PatternKey(pattern), partnerId)] = count;

        /// <summary>The assessment of one partner from the figures added.</summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing for revenue that cannot be converted to a rule's currency.</exception>
        public TierAssessment Assess(QualityPartner partner, string? database)
        {
            var applicable = Applicable(partner);
            var monthsActive = partner.FirstActiveOn is DateTime first ? MonthsBetween(first, Day) : 0;
            var measured = new Dictionary<PartnerTier, Measured>();
            Measured Measure(PartnerTier tier) => measured.TryGetValue(tier, out var m) ? m : measured[tier] = MeasureRule(applicable[Index(tier)]!, partner.Id, monthsActive);

            PartnerTier? qualified = null;
            if (applicable.Any(r => r != null))
            {
                qualified = RuledTiers.OrderByDescending(t => t).Where(t => applicable[Index(t)] != null && Measure(t).Met).Select(t => (PartnerTier?)t).FirstOrDefault() ?? PartnerTier.Registered;
            }

            // The next tier up from where the partner stands by the rules: for a partner to be downgraded, what it lacks to
            // climb back (to its own tier when it qualifies for the one below); for the others, the tier above theirs.
            var floor = qualified ?? partner.Tier;
            var next = RuledTiers.Where(t => t > floor && applicable[Index(t)] != null).Select(t => (PartnerTier?)t).FirstOrDefault();
            var assessment = new TierAssessment
            {
                Partner = partner.Name,
                PartnerId = partner.Id,
                Region = partner.Region,
                Type = partner.Type,
                CurrentTier = partner.Tier,
                QualifiedTier = qualified,
                Recommendation = qualified == null || qualified == partner.Tier ? TierRecommendation.Keep
                    : qualified > partner.Tier ? TierRecommendation.Upgrade : TierRecommendation.Downgrade,
                NextTier = next,
                MonthsActive = monthsActive,
                AsOf = Day,
                Database = database,
            };

            // The figures shown: those of the next tier's rule, what it still lacks; else those of the rule the partner meets.
            var shown = next is PartnerTier n ? Measure(n)
                : qualified is PartnerTier met && met != PartnerTier.Registered ? Measure(met) : (Measured?)null;
            if (shown is Measured figures)
            {
                assessment.Revenue = figures.Revenue;
                assessment.RevenueCurrency = figures.Currency;
                assessment.Certified = figures.Certified;
                if (next != null)
                {
                    assessment.RevenueGap = figures.RevenueGap;
                    assessment.CertifiedMissing = figures.CertifiedMissing;
                    assessment.MonthsMissing = figures.MonthsMissing;
                }
            }

            return assessment;
        }

        private static int Months(TierRule rule) => rule.RevenueMonths ?? DefaultRevenueMonths;

        private static int Index(PartnerTier tier) => Array.IndexOf(RuledTiers, tier);

        // Null (or empty) is no pattern: any certification (a dictionary key cannot be null).
        private static string PatternKey(string? pattern) => string.IsNullOrEmpty(pattern) ? "\0any" : pattern!;

        // The rule of each tier above Registered that applies to partners of this region and type (null: none), once per pair.
        private TierRule?[] Applicable(QualityPartner partner)
        {
            var key = (partner.RegionKey, partner.Type);
            if (!_applicable.TryGetValue(key, out var rules))
            {
                _applicable[key] = rules = RuledTiers.Select(t => TierRuleRules.Applicable(_rules, t, partner.RegionKey, partner.Type)).ToArray();
            }

            return rules;
        }

        private Measured MeasureRule(TierRule rule, long partnerId, int monthsActive)
        {
            var figures = new Measured { Met = true };
            if (rule.MinRevenue is decimal minimum)
            {
                var currency = rule.Currency!;
                var total = 0m;
                if (_revenue.TryGetValue((Months(rule), partnerId), out var sums))
                {
                    // Each currency and year's sum with that year's rate, as Measure-PartnerRevenue: minor units times the rates,
                    // one division at most; the total rounded once to the rule currency's minor units.
                    foreach (var (from, year, minor) in sums)
                    {
                        var (multiply, divide) = _converter.Factors(from, currency, year);
                        var amount = minor * multiply * RevenueRules.MinorUnit(from);
                        total += divide == 1m ? amount : amount / divide;
                    }
                }

                figures.Currency = currency;
                figures.Revenue = RevenueRules.Round(total, currency);
                figures.RevenueGap = Math.Max(0m, minimum - figures.Revenue.Value);
                figures.Met &= figures.Revenue.Value >= minimum;
            }

            if (rule.MinCertified is int certifiedMinimum)
            {
                figures.Certified = _certified.TryGetValue((PatternKey(rule.Certification), partnerId), out var count) ? count : 0;
                figures.CertifiedMissing = Math.Max(0, certifiedMinimum - figures.Certified.Value);
                figures.Met &= figures.Certified.Value >= certifiedMinimum;
            }

            if (rule.MinMonthsActive is int monthsMinimum)
            {
                figures.MonthsMissing = Math.Max(0, monthsMinimum - monthsActive);
                figures.Met &= monthsActive >= monthsMinimum;
            }

            return figures;
        }

        // What one rule measured for a partner and whether all its conditions are met.
        private struct Measured
        {
            public bool Met;
            public decimal? Revenue;
            public string? Currency;
            public decimal? RevenueGap;
            public int? Certified;
            public int? CertifiedMissing;
            public int? MonthsMissing;
        }
    }
}
