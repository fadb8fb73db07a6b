using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>
    /// One partner's dated inputs over a grace period (<see cref="GracePeriod.FirstMetDay"/>): its revenue per day and currency,
    /// the spans in which its certifications count (valid, contact current), and its first day Active. Plain data.
    /// </summary>
    public sealed class DatedQualityInputs
    {
        /// <summary>Revenue per day and currency (whole minor units of that currency), from the earliest day any rule's window reaches.</summary>
        public IList<(DateTime Date, string Currency, decimal Minor)> Revenue { get; } = new List<(DateTime, string, decimal)>();

        /// <summary>The partner's certifications with their contacts' dates; <see cref="CertificationSpan.Matches"/> is indexed as <see cref="Patterns"/>.</summary>
        public IList<CertificationSpan> Certifications { get; } = new List<CertificationSpan>();

        /// <summary>The certification patterns (null: any) that <see cref="CertificationSpan.Matches"/> answers, in that order.</summary>
        public IReadOnlyList<string?> Patterns { get; set; } = Array.Empty<string?>();

        /// <summary>The partner's first day Active (date only); null when it was never Active.</summary>
        public DateTime? FirstActiveOn { get; set; }
    }

    /// <summary>
    /// Whether a partner met a tier rule on any day of a period, evaluated exactly day by day (issue 18: the tier review's grace
    /// period), but only on the days where something changes: the first day; a day a revenue record enters or leaves a rule's
    /// window (<see cref="TierAssessor.Window"/>); a day a matching certification starts or stops counting (earned, expired, its
    /// contact started or left); the day the months Active reach the rule's minimum (<see cref="TierAssessor.MonthsBetween"/>).
    /// Between those days a rule's figures do not change, so neither does whether it is met. A rule is met as
    /// <see cref="TierAssessor"/> meets it: revenue converted per currency and year with that year's rate, the total rounded to
    /// the rule currency's minor units, at least MinRevenue; at least MinCertified distinct contacts with a matching certification
    /// counting that day; at least MinMonthsActive whole months since the first day Active.
    /// </summary>
    public static class GracePeriod
    {
        /// <summary>
        /// The days of a grace period of <paramref name="graceDays"/> days ending on <paramref name="asOf"/>: from asOf - graceDays + 1
        /// to asOf (date only). Null for 0 days (no grace: a downgrade applies at once).
        /// </summary>
        public static (DateTime First, DateTime Last)? Days(DateTime asOf, int graceDays) =>
            graceDays <= 0 ? ((DateTime, DateTime)?)null : (asOf.Date.AddDays(1 - graceDays), asOf.Date);

        /// <summary>The earliest day revenue must be read from (excluded) for the rules' windows over a period starting on <paramref name="first"/>.</summary>
        public static DateTime RevenueFrom(IEnumerable<TierRule> rules, DateTime first) =>
            TierAssessor.Window(first, rules.Where(r => r.MinRevenue != null).Select(Months).DefaultIfEmpty(0).Max()).FromExclusive;

        /// <summary>
        /// The earliest day of [<paramref name="first"/>, <paramref name="last"/>] on which the partner met any of <paramref name="rules"/>
        /// (all conditions of one rule), or null when it met none on any day.
        /// </summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing for revenue a rule's currency cannot be converted to.</exception>
        public static DateTime? FirstMetDay(IEnumerable<TierRule> rules, DatedQualityInputs inputs, DateTime first, DateTime last, CurrencyConverter converter)
        {
            DateTime? earliest = null;
            foreach (var rule in rules)
            {
                var met = FirstMetDay(rule, inputs, first.Date, earliest?.AddDays(-1) ?? last.Date, converter);
                if (met != null)
                {
                    earliest = met;
                }
            }

            return earliest;
        }

        private static DateTime? FirstMetDay(TierRule rule, DatedQualityInputs inputs, DateTime first, DateTime last, CurrencyConverter converter)
        {
            if (last < first)
            {
                return null;
            }

            var months = Months(rule);
            var pattern = rule.MinCertified == null ? -1 : IndexOf(inputs.Patterns, rule.Certification);
            var spans = pattern < 0 ? new List<CertificationSpan>() : inputs.Certifications.Where(s => s.Matches[pattern]).ToList();
            var records = rule.MinRevenue == null ? new List<(DateTime Date, string Currency, decimal Minor)>() : inputs.Revenue.OrderBy(r => r.Date).ToList();

            var days = new SortedSet<DateTime> { first };
            void Add(DateTime? day)
            {
                if (day is DateTime d && d > first && d <= last)
                {
                    days.Add(d);
                }
            }

            foreach (var date in records.Select(r => r.Date).Distinct())
            {
                Add(date);
                Add(FirstDay(date, d => TierAssessor.Window(d, months).FromExclusive >= date));
            }

            foreach (var span in spans)
            {
                Add(span.From);
                Add(span.Until);
            }

            if (rule.MinMonthsActive is int minimum && inputs.FirstActiveOn is DateTime active)
            {
                Add(FirstDay(active, d => TierAssessor.MonthsBetween(active, d) >= minimum));
            }

            // The revenue in the window, per (currency, year), kept as the days advance: records enter at hi and leave at lo.
            var sums = new Dictionary<(string Currency, int Year), decimal>();
            int lo = 0, hi = 0;
            foreach (var day in days)
            {
                for (; hi < records.Count && records[hi].Date <= day; hi++)
                {
                    Move(sums, records[hi], 1);
                }

                var from = TierAssessor.Window(day, months).FromExclusive;
                for (; lo < hi && records[lo].Date <= from; lo++)
                {
                    Move(sums, records[lo], -1);
                }

                if (Met(rule, sums, spans, inputs.FirstActiveOn, day, converter))
                {
                    return day;
                }
            }

            return null;
        }

        private static bool Met(TierRule rule, Dictionary<(string Currency, int Year), decimal> sums, List<CertificationSpan> spans, DateTime? firstActive, DateTime day, CurrencyConverter converter)
        {
            if (rule.MinRevenue is decimal minimum)
            {
                var currency = rule.Currency!;
                var total = sums.Sum(s => converter.Convert(s.Value * RevenueRules.MinorUnit(s.Key.Currency), s.Key.Currency, currency, s.Key.Year));
                if (RevenueRules.Round(total, currency) < minimum)
                {
                    return false;
                }
            }

            if (rule.MinCertified is int certified && spans.Where(s => s.CountsOn(day)).Select(s => s.ContactId).Distinct().Count() < certified)
            {
                return false;
            }

            return !(rule.MinMonthsActive is int months)
                || (firstActive is DateTime active ? TierAssessor.MonthsBetween(active, day) : 0) >= months;
        }

        private static void Move(Dictionary<(string Currency, int Year), decimal> sums, (DateTime Date, string Currency, decimal Minor) record, int sign)
        {
            var key = (record.Currency, record.Date.Year);
            sums[key] = (sums.TryGetValue(key, out var sum) ? sum : 0m) + (sign * record.Minor);
        }

        // The first day from start on for which a condition that stays true once true (the window moving past a record, months
        // accumulating) holds: a binary search between start and a day far enough past it.
        private static DateTime FirstDay(DateTime start, Func<DateTime, bool> holds)
        {
            var lo = start.Date;
            var step = 32;
            var hi = lo.AddDays(step);
            while (!holds(hi))
            {
                lo = hi;
                step *= 2;
                hi = hi.AddDays(step);
            }

            while (lo < hi)
            {
                var mid = lo.AddDays((hi - lo).Days / 2);
                if (holds(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid.AddDays(1);
                }
            }

            return lo;
        }

        private static int IndexOf(IReadOnlyList<string?> patterns, string? pattern)
        {
            for (var i = 0; i < patterns.Count; i++)
            {
                if (string.Equals(patterns[i], pattern, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new ArgumentException($"The certification pattern '{pattern}' was not read.", nameof(pattern));
        }

        private static int Months(TierRule rule) => rule.RevenueMonths ?? TierAssessor.DefaultRevenueMonths;
    }
}
