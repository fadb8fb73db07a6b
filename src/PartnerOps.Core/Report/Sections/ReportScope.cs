using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// What every section of one report measures: the database, the day, the year and the part of it measured, the currency
    /// and the regions, checked once (<see cref="Resolve"/>), and the filters the measures take for them.
    /// </summary>
    internal sealed class ReportScope
    {
        private bool? _bookedAfter;

        private ReportScope(IPartnerDatabase store, DateTime asOf, int year, string currency, IReadOnlyList<NamePattern> regions, int expiringWithinDays)
        {
            Store = store;
            AsOf = asOf;
            Year = year;
            Currency = currency;
            Regions = regions;
            ExpiringWithinDays = expiringWithinDays;
            YearStart = new DateTime(year, 1, 1);
            var yearEnd = new DateTime(year, 12, 31);
            MeasuredTo = asOf < yearEnd ? asOf : yearEnd;
        }

        /// <summary>The database measured.</summary>
        public IPartnerDatabase Store { get; }

        /// <summary>The day measured as of (date only).</summary>
        public DateTime AsOf { get; }

        /// <summary>The year of the tiles and year charts.</summary>
        public int Year { get; }

        /// <summary>1 January of <see cref="Year"/>.</summary>
        public DateTime YearStart { get; }

        /// <summary>The last day of <see cref="Year"/> measured: AsOf, or 31 December for a year before AsOf's.</summary>
        public DateTime MeasuredTo { get; }

        /// <summary>Whether the whole year is measured (a year before AsOf's, or AsOf on 31 December).</summary>
        public bool WholeYear => MeasuredTo.Month == 12 && MeasuredTo.Day == 31;

        /// <summary>The currency amounts are in (ISO 4217, checked).</summary>
        public string Currency { get; }

        /// <summary>The region patterns (none: every region).</summary>
        public IReadOnlyList<NamePattern> Regions { get; }

        /// <summary>The region patterns as the user wrote them.</summary>
        public IEnumerable<string> RegionTexts => Regions.Select(r => r.Text);

        /// <summary>Days ahead within which expiring certifications and deals are listed.</summary>
        public int ExpiringWithinDays { get; }

        /// <summary>"2015 to 2015-06-30" or "2015" (a whole year): the period of the year measured, as text.</summary>
        public string YearToDate => WholeYear ? Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Year} to {ReportText.Day(MeasuredTo)}";

        /// <summary>
        /// The options checked as the measures check them: the year 1900 to 2999 and not after AsOf's year, the currency a known
        /// ISO 4217 code (the database's when none is given), the day 1900 to 2999, the expiry window 0 to 3650 days.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (InvalidArgument) naming the AsOf day, the year or the days; InvalidCurrencyCode naming the currency.
        /// </exception>
        public static ReportScope Resolve(IPartnerDatabase store, ReportOptions options)
        {
            var asOf = PartnerRules.CheckDate(options.AsOf, "AsOf")!.Value;
            var year = options.Year ?? asOf.Year;
            if (!PartnerRules.IsYearInRange(year))
            {
                throw PartnerRules.Invalid("Year", year, $"it must be between {PartnerRules.MinYear} and {PartnerRules.MaxYear}");
            }

            if (year > asOf.Year)
            {
                throw PartnerRules.Invalid(
                    "Year",
                    year,
                    $"it is after the year of AsOf ({ReportText.Day(asOf)}), so nothing of it can be measured yet; give a Year up to {asOf.Year}, or a later AsOf");
            }

            var days = CertificationRules.CheckExpiringWithin(options.ExpiringWithinDays);
            if (days > DealRules.MaxValidDays)
            {
                throw PartnerRules.Invalid("ExpiringWithinDays", days, $"it must be between 0 and {DealRules.MaxValidDays}");
            }

            var currency = CurrencyCodes.Require(string.IsNullOrWhiteSpace(options.Currency) ? store.Currency : options.Currency);
            var regions = (options.Regions ?? new List<NamePattern>()).ToList();
            return new ReportScope(store, asOf, year, currency, regions, days);
        }

        /// <summary>
        /// The revenue of <see cref="Year"/> (<paramref name="previous"/>: of the year before it) up to <see cref="MeasuredTo"/>
        /// (the year before: to the same day, <see cref="RevenueFilter.EndYearEarlier"/>), in the regions (of the revenue
        /// records), of one channel or both. No end day is given when the whole year is measured, nor, unless
        /// <paramref name="compared"/> (a measure with Year among its keys compares with the same days of the year before, so it
        /// needs the end day), when no revenue of the year is booked after <see cref="MeasuredTo"/>: the same records, which the
        /// stored yearly totals then answer instead of the records.
        /// </summary>
        public RevenueFilter RevenueOf(bool previous = false, RevenueChannel? channel = null, bool compared = false)
        {
            var filter = new RevenueFilter();
            filter.Years.Add(previous ? Year - 1 : Year);
            if (!WholeYear && (previous || compared || BookedAfterMeasuredTo))
            {
                filter.To = previous ? RevenueFilter.EndYearEarlier(MeasuredTo) : MeasuredTo;
            }

            if (channel is RevenueChannel only)
            {
                filter.Channels.Add(only);
            }

            foreach (var region in Regions)
            {
                filter.Regions.Add(region);
            }

            return filter;
        }

        /// <summary>
        /// Whether any revenue of <see cref="Year"/> is booked after <see cref="MeasuredTo"/> (a count over that range of booking
        /// days, read once; false when the whole year is measured).
        /// </summary>
        private bool BookedAfterMeasuredTo
        {
            get
            {
                if (_bookedAfter == null)
                {
                    var later = new RevenueFilter { From = MeasuredTo.AddDays(1), To = new DateTime(Year, 12, 31) };
                    _bookedAfter = !WholeYear && Store.RevenueSums.Sum(new List<RevenueGroupKey>(), later).Any(sum => sum.Count > 0);
                }

                return _bookedAfter.Value;
            }
        }

        /// <summary>A partner filter of the regions (of the partners).</summary>
        public PartnerFilter Partners()
        {
            var filter = new PartnerFilter();
            foreach (var region in Regions)
            {
                filter.Regions.Add(region);
            }

            return filter;
        }
    }
}
