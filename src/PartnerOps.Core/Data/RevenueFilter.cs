using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// What Get-PartnerRevenue and Measure-PartnerRevenue ask for. Empty lists mean "no restriction";
    /// several values in a list are alternatives; different lists must all hold.
    /// </summary>
    public sealed class RevenueFilter
    {
        /// <summary>
        /// When set, only revenue of the partners in <see cref="PartnerIds"/> or matching <see cref="PartnerNames"/>;
        /// with both empty that is no revenue at all (every partner asked for was missing).
        /// </summary>
        public bool RestrictPartners { get; set; }

        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>Wildcard partner names.</summary>
        public IList<NamePattern> PartnerNames { get; } = new List<NamePattern>();

        public IList<RevenueChannel> Channels { get; } = new List<RevenueChannel>();

        public IList<int> Years { get; } = new List<int>();

        /// <summary>Quarters 1–4 of any year.</summary>
        public IList<int> Quarters { get; } = new List<int>();

        /// <summary>Booked on or after this date.</summary>
        public DateTime? From { get; set; }

        /// <summary>Booked on or before this date.</summary>
        public DateTime? To { get; set; }

        public IList<NamePattern> Segments { get; } = new List<NamePattern>();

        public IList<NamePattern> Regions { get; } = new List<NamePattern>();

        public long Skip { get; set; }

        /// <summary>At most this many rows; null for all.</summary>
        public long? First { get; set; }

        /// <summary>
        /// A copy covering the same revenue one year earlier (for growth): years and dates moved back a year, the way
        /// periods are compared: a period ending on a month's last day ends on that month's last day a year earlier
        /// (to 2017-02-28 compares with to 2016-02-29, and to 2016-02-29 with to 2015-02-28), and one starting the day
        /// after a month's end starts the day after that month's end (from 2016-03-01 compares with from 2015-03-01;
        /// from 2016-02-29, the day after 28 February, with from 2015-03-01).
        /// </summary>
        public RevenueFilter YearEarlier()
        {
            var copy = new RevenueFilter { RestrictPartners = RestrictPartners, From = From is DateTime from ? StartYearEarlier(from) : (DateTime?)null, To = To is DateTime to ? EndYearEarlier(to) : (DateTime?)null };
            copy.PartnerIds.UnionWith(PartnerIds);
            Copy(PartnerNames, copy.PartnerNames);
            Copy(Channels, copy.Channels);
            foreach (var year in Years)
            {
                copy.Years.Add(year - 1);
            }

            Copy(Quarters, copy.Quarters);
            Copy(Segments, copy.Segments);
            Copy(Regions, copy.Regions);
            return copy;
        }

        /// <summary>The last day of a period one year earlier: a month's last day goes to that month's last day.</summary>
        public static DateTime EndYearEarlier(DateTime end)
        {
            var earlier = end.AddYears(-1);
            return end.AddDays(1).Day == 1 ? new DateTime(earlier.Year, earlier.Month, DateTime.DaysInMonth(earlier.Year, earlier.Month)) : earlier;
        }

        /// <summary>
        /// The first day of a period one year earlier: the same day and month a year before, and 29 February goes to 28 February
        /// (so a period from 2016-02-29 compares with one from 2015-02-28, and one from 2016-03-01 with one from 2015-03-01:
        /// a one-day or month-to-date window starting on a leap day keeps the previous year's last day of February).
        /// </summary>
        public static DateTime StartYearEarlier(DateTime start) =>
            start.Year <= DateTime.MinValue.Year ? start : start.AddYears(-1);

        /// <summary>Whether the filter limits which years are read (so that last year's figures need their own query).</summary>
        public bool LimitsYears => Years.Count > 0 || From != null || To != null;

        private static void Copy<T>(IEnumerable<T> from, ICollection<T> to)
        {
            foreach (var item in from)
            {
                to.Add(item);
            }
        }
    }
}
