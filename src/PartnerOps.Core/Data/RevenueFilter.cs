using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// What Get-PartnerRevenue and Measure-PartnerRevenue ask for. Empty lists mean "no restriction";
    /// several values in a list are alternatives; different lists must all hold. Dates are date-only calendar days of
    /// booking (kind Unspecified, as <see cref="ValueText.DayOf(DateTime)"/> makes them, the day in the session's time zone):
    /// only their year, month and day are compared with the stored yyyy-MM-dd booking dates; the time of day and the kind are
    /// ignored (a Utc value is not converted here). Amounts are not filtered here.
    /// </summary>
    public sealed class RevenueFilter
    {
        /// <summary>
        /// When set, only revenue of the partners in <see cref="PartnerIds"/> or matching <see cref="PartnerNames"/>;
        /// with both empty that is no revenue at all (every partner asked for was missing).
        /// </summary>
        public bool RestrictPartners { get; set; }

        /// <summary>Partner ids whose revenue is selected; read only when <see cref="RestrictPartners"/> is true (ids of no partner match nothing).</summary>
        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>
        /// Partner name patterns (<see cref="NamePattern.ParseName"/>), matched on the name key of the partners stored now;
        /// read only when <see cref="RestrictPartners"/> is true. Direct revenue (no partner) never matches.
        /// </summary>
        public IList<NamePattern> PartnerNames { get; } = new List<NamePattern>();

        /// <summary>Direct (no partner) or Partner revenue; both, like none, restrict nothing.</summary>
        public IList<RevenueChannel> Channels { get; } = new List<RevenueChannel>();

        /// <summary>
        /// Attributions of a partner's record (issue 19); direct revenue has none, so any makes it match nothing. Any attribution
        /// makes the sums read the records instead of the stored yearly totals, which do not hold it.
        /// </summary>
        public IList<RevenueAttribution> Attributions { get; } = new List<RevenueAttribution>();

        /// <summary>Calendar years of the booking date (four digits; stored dates are between 1900 and 2999, so others match nothing).</summary>
        public IList<int> Years { get; } = new List<int>();

        /// <summary>
        /// Calendar quarters 1–4 of the booking date (1: January to March), in any year the other restrictions allow; other
        /// numbers match nothing. Any quarter makes the sums read the records instead of the stored yearly totals.
        /// </summary>
        public IList<int> Quarters { get; } = new List<int>();

        /// <summary>
        /// Booked on or after this calendar day (inclusive; date only, kind ignored); null: no lower bound. Only 1 January lets
        /// the sums read the stored yearly totals.
        /// </summary>
        public DateTime? From { get; set; }

        /// <summary>
        /// Booked on or before this calendar day (inclusive; date only, kind ignored); null: no upper bound. Only 31 December lets
        /// the sums read the stored yearly totals.
        /// </summary>
        public DateTime? To { get; set; }

        /// <summary>Segment patterns (<see cref="NamePattern.Parse"/>, <see cref="NamePattern.Literal"/>), matched on the segment key (<see cref="RevenueRules.Key"/>), wildcards allowed.</summary>
        public IList<NamePattern> Segments { get; } = new List<NamePattern>();

        /// <summary>
        /// Region patterns of the revenue record (not of its partner: <see cref="NamePattern.Parse"/>, <see cref="NamePattern.Literal"/>),
        /// matched on the region key (<see cref="RevenueRules.Key"/>), wildcards allowed.
        /// </summary>
        public IList<NamePattern> Regions { get; } = new List<NamePattern>();

        /// <summary>
        /// How many selected records to leave out before the first returned; 0 (the default) for none. Not negative. Read by
        /// <see cref="IRevenueRepository.Find"/> only (not by Count or the sums), and not copied by <see cref="YearEarlier"/>.
        /// </summary>
        public long Skip { get; set; }

        /// <summary>At most this many records after <see cref="Skip"/> (0 or more; 0 returns none); null for all. Read as Skip is.</summary>
        public long? First { get; set; }

        /// <summary>
        /// A copy covering the same revenue one year earlier (for growth): years and dates moved back a year, the way
        /// periods are compared: a period ending on a month's last day ends on that month's last day a year earlier
        /// (to 2017-02-28 compares with to 2016-02-29, and to 2016-02-29 with to 2015-02-28), and one starting the day
        /// after a month's end starts on the same day a year before (from 2016-03-01 compares with from 2015-03-01), and a start
        /// on 29 February goes to 28 February (<see cref="StartYearEarlier"/>: from 2016-02-29 compares with from 2015-02-28).
        /// The partner restrictions, channels, attributions, quarters, segments and regions are copied as they are; paging is not (Skip 0,
        /// First null).
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A <see cref="To"/> in year 1 (no earlier year exists).</exception>
        public RevenueFilter YearEarlier()
        {
            var copy = new RevenueFilter { RestrictPartners = RestrictPartners, From = From is DateTime from ? StartYearEarlier(from) : (DateTime?)null, To = To is DateTime to ? EndYearEarlier(to) : (DateTime?)null };
            copy.PartnerIds.UnionWith(PartnerIds);
            Copy(PartnerNames, copy.PartnerNames);
            Copy(Channels, copy.Channels);
            Copy(Attributions, copy.Attributions);
            foreach (var year in Years)
            {
                copy.Years.Add(year - 1);
            }

            Copy(Quarters, copy.Quarters);
            Copy(Segments, copy.Segments);
            Copy(Regions, copy.Regions);
            return copy;
        }

        /// <summary>
        /// The last day of a period one year earlier: a month's last day goes to that month's last day (2017-02-28 to 2016-02-29,
        /// 2016-02-29 to 2015-02-28); any other day to the same day and month (2016-02-28 to 2015-02-28). A calendar day: the
        /// time of day of <paramref name="end"/> is kept, and its kind, except that a month's last day comes back at midnight,
        /// kind Unspecified.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="end"/> is in year 1.</exception>
        public static DateTime EndYearEarlier(DateTime end)
        {
            var earlier = end.AddYears(-1);
            return end.AddDays(1).Day == 1 ? new DateTime(earlier.Year, earlier.Month, DateTime.DaysInMonth(earlier.Year, earlier.Month)) : earlier;
        }

        /// <summary>
        /// The first day of a period one year earlier: the same day and month a year before, and 29 February goes to 28 February
        /// (so a period from 2016-02-29 compares with one from 2015-02-28, and one from 2016-03-01 with one from 2015-03-01:
        /// a one-day or month-to-date window starting on a leap day keeps the previous year's last day of February). Time of day
        /// and kind are kept. A start in year 1 is returned as it is (no earlier year exists).
        /// </summary>
        public static DateTime StartYearEarlier(DateTime start) =>
            start.Year <= DateTime.MinValue.Year ? start : start.AddYears(-1);

        /// <summary>
        /// Whether the filter limits which years are read (<see cref="Years"/>, <see cref="From"/> or <see cref="To"/>), so that
        /// last year's figures need their own query (<see cref="YearEarlier"/>).
        /// </summary>
        public bool LimitsYears => Years.Count > 0 || From != null || To != null;

        /// <summary>
        /// Whether the stored yearly totals (one cell per partner, year, region, segment and currency) can answer this filter: no
        /// quarter, no attribution, and <see cref="From"/> on 1 January and <see cref="To"/> on 31 December when given.
        /// </summary>
        public bool FitsYearlyTotals =>
            Quarters.Count == 0
            && Attributions.Count == 0
            && (From is not DateTime from || (from.Month == 1 && from.Day == 1))
            && (To is not DateTime to || (to.Month == 12 && to.Day == 31));

        private static void Copy<T>(IEnumerable<T> from, ICollection<T> to)
        {
            foreach (var item in from)
            {
                to.Add(item);
            }
        }
    }
}
