using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>
    /// Progress toward targets on a date. PartnerCount counts the partners of that date whose status is one of the target's
    /// <see cref="PartnerTarget.Statuses"/>; PartnerRevenue sums
    /// partner revenue booked in the year up to that date; PartnerRevenueShare divides it by all revenue
    /// booked in the same days. Expected is where a metric should be at the end of that date, moving evenly by whole
    /// days: the fraction of the year elapsed is the date's day of the year over the year's days (1/365 on 1 January,
    /// 1/366 in a leap year; 365/365 on 31 December, 366/366 on 31 December 2016), 0 before the year and 1 after it,
    /// the same days the actual figure counts (records booked up to and including that date). Revenue moves from 0 to
    /// the target, a partner count from the count at the start of the year to the target; a share's expectation is the
    /// target itself on every date. A share has no actual figure (Actual, Gap and Progress null, OnTrack false) when no
    /// revenue at all was booked in the days measured: 0 of 0 is not a share. Projected (see <see cref="TargetProgress.Projected"/>)
    /// carries the year so far to its end: a count by its net adds' pace, revenue by the previous year's same days (linearly
    /// without them); OnTrack compares Projected with the target when there is a projection, else Actual with Expected.
    /// </summary>
    public sealed class TargetMeasurer
    {
        // What a partner-count target counted before its statuses were stored: every partner but a Prospect.
        private static readonly PartnerStatus[] LegacyStatuses = { PartnerStatus.Onboarding, PartnerStatus.Active, PartnerStatus.Suspended, PartnerStatus.Terminated };

        /// <summary>
        /// The days of the year that must have passed (counted to the end of AsOf: 31 January is day 31) before a year-end is
        /// projected; until then Projected and ProjectionMethod are null and OnTrack compares Actual with Expected.
        /// </summary>
        public const int ProjectionMinimumDays = 31;

        /// <summary><see cref="TargetProgress.ProjectionMethod"/> of a count: the count now plus the year's net adds at their pace so far.</summary>
        public const string NetAddPace = "NetAddPace";

        /// <summary><see cref="TargetProgress.ProjectionMethod"/> of revenue scaled by the previous year's same days.</summary>
        public const string PreviousYear = "PreviousYear";

        /// <summary><see cref="TargetProgress.ProjectionMethod"/> of revenue scaled by the days of the year over the days elapsed.</summary>
        public const string Linear = "Linear";

        private readonly IPartnerDatabase _store;

        /// <summary>A measurer of the targets in <paramref name="store"/>.</summary>
        public TargetMeasurer(IPartnerDatabase store)
        {
            _store = store;
        }

        /// <summary>
        /// The progress of the targets of these years and regions (none: all) on <paramref name="asOf"/> (a calendar day; the time
        /// of day is ignored), in the targets' order. ExchangeRateMissing (terminating) when revenue measured, also the previous
        /// year's for a projection, has no rate to the currency measured in.
        /// </summary>
        public IEnumerable<TargetProgress> Measure(IList<int> years, IList<NamePattern> regions, DateTime asOf)
        {
            asOf = asOf.Date;
            var targets = _store.Targets.Find(null, years, regions).ToList();
            var revenue = new RevenueMeasurer(_store);
            foreach (var target in targets)
            {
                yield return Progress(target, asOf, revenue);
            }
        }

        private TargetProgress Progress(PartnerTarget target, DateTime asOf, RevenueMeasurer revenue)
        {
            var start = new DateTime(target.Year, 1, 1);
            var end = new DateTime(target.Year, 12, 31);
            var measured = asOf > end ? end : asOf;
            // elapsed / days of the year, counted to the end of asOf as the actual figure is: 1/365 on 1 January, all of it on
            // 31 December. Kept as a fraction so that each expectation is one multiplication, one division and one rounding
            // (never a product with a quotient already rounded at 28 digits).
            decimal days = (end - start).Days + 1;
            var elapsed = asOf < start ? 0m : asOf > end ? days : asOf.DayOfYear;

            decimal? actual;
            decimal expected;
            Projection projection = default;
            // Progress is computed from the unrounded figures, as one quotient: progressOf / (target value * progressOver).
            decimal progressOf;
            var progressOver = 1m;
            // Nothing is projected before the year begins, nor once it is over (Projected is then Actual), nor before a month of
            // it has passed: one day's change carried over a whole year says nothing (a day's net adds times 365).
            var projecting = elapsed >= ProjectionMinimumDays && asOf <= end;
            var over = asOf > end;
            switch (target.Metric)
            {
                case TargetMetric.PartnerCount:
                    progressOf = CountPartners(target.Region, target.Statuses, measured);
                    actual = progressOf;
                    var baseline = CountPartners(target.Region, target.Statuses, asOf < start ? asOf : start.AddDays(-1));
                    expected = decimal.Round(baseline + ((target.Value - baseline) * elapsed / days), 2, MidpointRounding.AwayFromZero);
                    if (projecting)
                    {
                        // The count now plus the year's net adds so far, at the same pace for the days still to come.
                        projection = new Projection(decimal.Round(progressOf + ((progressOf - baseline) * (days - elapsed) / elapsed), 2, MidpointRounding.AwayFromZero), NetAddPace);
                    }
                    else if (over)
                    {
                        projection = new Projection(actual, null);
                    }

                    break;
                case TargetMetric.PartnerRevenue:
                    progressOf = asOf < start ? 0m : Total(revenue, target, target.Year, measured, RevenueChannel.Partner, target.Currency!);
                    actual = RevenueRules.Round(progressOf, target.Currency!);
                    expected = RevenueRules.Round(target.Value * elapsed / days, target.Currency!);
                    if (projecting)
                    {
                        var (whole, method) = YearEnd(revenue, target, measured, progressOf, elapsed, days, RevenueChannel.Partner, target.Currency!);
                        projection = new Projection(RevenueRules.Round(whole, target.Currency!), method);
                    }
                    else if (over)
                    {
                        projection = new Projection(actual, null);
                    }

                    break;
                default:
                    var currency = _store.Currency;
                    var all = asOf < start ? 0m : Total(revenue, target, target.Year, measured, null, currency);
                    progressOf = all == 0 ? 0m : Total(revenue, target, target.Year, measured, RevenueChannel.Partner, currency);
                    progressOver = all == 0 ? 1m : all;
                    actual = all == 0 ? (decimal?)null : decimal.Round(progressOf / progressOver, 6, MidpointRounding.AwayFromZero);
                    expected = target.Value;
                    if (projecting && all != 0)
                    {
                        // Projected partner revenue over projected revenue, each carried to the year's end by the same rule.
                        var (partners, partnerMethod) = YearEnd(revenue, target, measured, progressOf, elapsed, days, RevenueChannel.Partner, currency);
                        var (everything, allMethod) = YearEnd(revenue, target, measured, all, elapsed, days, null, currency);
                        projection = new Projection(
                            everything == 0 ? (decimal?)null : decimal.Round(partners / everything, 6, MidpointRounding.AwayFromZero),
                            partnerMethod == PreviousYear || allMethod == PreviousYear ? PreviousYear : Linear);
                    }
                    else if (over)
                    {
                        projection = new Projection(actual, null);
                    }

                    break;
            }

            return new TargetProgress
            {
                Metric = target.Metric,
                Region = target.Region,
                Year = target.Year,
                Target = target.Value,
                Actual = actual,
                Gap = target.Value - actual,
                Progress = target.Value == 0 || actual == null ? (decimal?)null : decimal.Round(progressOf / (target.Value * progressOver), 6, MidpointRounding.AwayFromZero),
                Expected = expected,
                OnTrack = projection.Value is decimal heading ? heading >= target.Value : actual is decimal reached && reached >= expected,
                Currency = target.Currency,
                Statuses = target.Statuses,
                AsOf = measured,
                Projected = projection.Value,
                ProjectionMethod = projection.Method,
                Database = _store.Path,
            };
        }

        /// <summary>
        /// Partners on a date (joined on or before it, not ended by it) whose status that day is one the target counts, in a
        /// region or all (the dated status, <see cref="IPartnerRepository.CountOn"/>).
        /// </summary>
        private long CountPartners(string? region, PartnerStatus[]? statuses, DateTime date)
        {
            // A target stored without statuses (none should be, after schema 7) counts what every count target did before.
            return _store.Partners.CountOn(date, region, statuses ?? LegacyStatuses);
        }

        /// <summary>
        /// Where revenue of the target's region (<paramref name="channel"/>: partner revenue, or null for all) booked so far in the
        /// year (<paramref name="soFar"/>, unrounded, to <paramref name="asOf"/>) is heading at the year's end, unrounded: scaled
        /// by the previous year's whole total over its total to the same day (29 February measured to 28 February) when that
        /// part is above 0 (<see cref="PreviousYear"/>), else linearly: so far × days of the year / days elapsed (<see cref="Linear"/>).
        /// </summary>
        private static (decimal Value, string Method) YearEnd(RevenueMeasurer revenue, PartnerTarget target, DateTime asOf, decimal soFar, decimal elapsed, decimal days, RevenueChannel? channel, string currency)
        {
            var previous = target.Year - 1;
            var sameDay = new DateTime(previous, asOf.Month, asOf.Month == 2 && asOf.Day == 29 ? 28 : asOf.Day);
            var before = Total(revenue, target, previous, sameDay, channel, currency);
            if (before > 0)
            {
                var whole = Total(revenue, target, previous, null, channel, currency);
                return (soFar * whole / before, PreviousYear);
            }

            return (soFar * days / elapsed, Linear);
        }

        /// <summary>
        /// Revenue booked in <paramref name="year"/> up to <paramref name="to"/> (null: the whole year) in the target's region, in
        /// <paramref name="currency"/>, unrounded. ExchangeRateMissing (as Measure-PartnerRevenue) for a record without a rate.
        /// </summary>
        private static decimal Total(RevenueMeasurer revenue, PartnerTarget target, int year, DateTime? to, RevenueChannel? channel, string currency)
        {
            var filter = new RevenueFilter();
            filter.Years.Add(year);
            filter.To = to;
            if (target.Region != null)
            {
                filter.Regions.Add(NamePattern.Literal(target.Region));
            }

            if (channel is RevenueChannel only)
            {
                filter.Channels.Add(only);
            }

            return revenue.UnroundedTotal(filter, currency);
        }

        /// <summary>A year-end projection and how it was made (<see cref="TargetProgress.ProjectionMethod"/>; null: none made).</summary>
        private readonly struct Projection
        {
            public Projection(decimal? value, string? method)
            {
                Value = value;
                Method = method;
            }

            public decimal? Value { get; }

            public string? Method { get; }
        }
    }
}
