using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// The one reading of dates and numbers written as text, used by the cmdlets' parameters (a CSV row piped to
    /// Add-PartnerRevenue) and by the bulk import (Import-PartnerRevenue) alike, so that a file means the same on
    /// both paths. One instance reads in one culture: the session's (<see cref="CultureInfo.CurrentCulture"/>, as
    /// Export-Csv writes) unless a -Culture was given.
    /// <para>
    /// Dates: ISO 8601 first, in every culture (yyyy-MM-dd, optionally with a time, and an offset or Z: the calendar
    /// day the text names, never moved into another time zone); then Microsoft's JSON form \/Date(milliseconds)\/
    /// (what Windows PowerShell's ConvertTo-Json writes: an instant, read as the day it is in this session's time
    /// zone, or in the ±hhmm offset written inside it); then the culture's own patterns exactly
    /// (<see cref="DateTimeFormatInfo.GetAllDateTimePatterns()"/>: 6/30/2015 12:00:00 AM in en-US, 30.06.2015 00:00:00
    /// in de-DE). A date keeps its day only: the time of day is dropped.
    /// </para>
    /// <para>
    /// Numbers: two readings are tried, the invariant form ('.' as the decimal point, no thousands separators,
    /// optionally an exponent as Excel writes 1.23457E+11) and the culture's form (its decimal separator, its
    /// thousands separator between groups of its group sizes only, optionally an exponent when there are no
    /// thousands separators; a culture whose separator is a space takes any space there). When only one reading
    /// succeeds it is the number; when both succeed with different numbers ('12.500' in de-DE: 12.5 and 12500),
    /// it is an error naming both readings, unless the culture was given (-Culture), whose reading then wins.
    /// </para>
    /// </summary>
    public sealed partial class ValueText
    {
        private static readonly ConditionalWeakTable<CultureInfo, ValueText> Sessions = new ConditionalWeakTable<CultureInfo, ValueText>();

        private static readonly string[] IsoTimeFormats =
        {
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
            "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        };

        private readonly string[] _patterns;
        private readonly string _decimal;
        private readonly string _group;
        private readonly bool _spaceGroup;
        private readonly int[] _groupSizes;
        private readonly string _negative;
        private readonly string _positive;
        private readonly bool _sameAsInvariant;
        private readonly string _datesTried;
        private readonly string _numbersTried;

        /// <summary>Reads in <paramref name="culture"/>; <paramref name="cultureGiven"/> says it was chosen (-Culture) rather than the session's.</summary>
        public ValueText(CultureInfo culture, bool cultureGiven)
        {
            Culture = culture ?? throw new ArgumentNullException(nameof(culture));
            CultureGiven = cultureGiven;
            _patterns = culture.DateTimeFormat.GetAllDateTimePatterns();
            var numbers = culture.NumberFormat;
            _decimal = numbers.NumberDecimalSeparator;
            _group = numbers.NumberGroupSeparator;
            _spaceGroup = _group.Length == 1 && IsSpace(_group[0]);
            _groupSizes = numbers.NumberGroupSizes;
            _negative = numbers.NegativeSign;
            _positive = numbers.PositiveSign;

            // A culture that writes numbers as the invariant form does reads every invariant text the same or not at all.
            _sameAsInvariant = _decimal == "." && _group != "." && _negative == "-" && _positive == "+";
            var sample = new DateTime(2015, 3, 31);
            _datesTried = "ISO 8601 (2015-03-31, optionally with a time and an offset or Z), \\/Date(milliseconds)\\/ " +
                $"and {Name}'s ({sample.ToString("d", culture)} or {sample.ToString("G", culture)})";
            _numbersTried = "1234.5 (the invariant form: '.' as the decimal point, no thousands separators, optionally an exponent as in 1.5E+3) " +
                $"and {Name}'s form such as {1234567.5m.ToString("N1", culture)} or {1234.5m.ToString(culture)}";
        }

        /// <summary>The culture whose forms are read besides the invariant ones.</summary>
        public CultureInfo Culture { get; }

        /// <summary>True when the culture was chosen (-Culture): its reading of a number wins over the invariant one.</summary>
        public bool CultureGiven { get; }

        /// <summary>The culture as messages name it: its name (de-DE), or "the invariant culture".</summary>
        public string Name => Culture.Name.Length == 0 ? "the invariant culture" : Culture.Name;

        /// <summary>The reader of the session's culture (<see cref="CultureInfo.CurrentCulture"/> of the calling thread), cached per culture.</summary>
        public static ValueText Session() => Sessions.GetValue(CultureInfo.CurrentCulture, c => new ValueText(c, cultureGiven: false));

        /// <summary>The reader of a -Culture when given, else of the session's culture.</summary>
        public static ValueText For(CultureInfo? culture) => culture == null ? Session() : new ValueText(culture, cultureGiven: true);

        /// <summary>
        /// The calendar day of a date object, as a date parameter takes it: a DateTime of kind Utc is the day it is in this
        /// session's time zone (the instant PowerShell's ConvertFrom-Json makes of \/Date(milliseconds)\/ or of a time
        /// with Z: the writer's local day, as with <see cref="TryReadDate"/>); of kind Local or Unspecified, its own date
        /// (Get-Date, [datetime]'2015-03-31'). The result's kind is Unspecified.
        /// </summary>
        public static DateTime DayOf(DateTime value) =>
            DateTime.SpecifyKind((value.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(value, TimeZoneInfo.Local) : value).Date, DateTimeKind.Unspecified);

        /// <summary>The calendar day of a DateTimeOffset: its own date, at its own offset (never moved into another time zone).</summary>
        public static DateTime DayOf(DateTimeOffset value) => DateTime.SpecifyKind(value.DateTime.Date, DateTimeKind.Unspecified);

        /// <summary>
        /// A date (the calendar day, kind Unspecified) from text in the forms described on <see cref="ValueText"/>;
        /// surrounding spaces are ignored. False when the text is none of them (<see cref="NotADate"/> says so).
        /// </summary>
        [MethodImpl((MethodImplOptions)512)]
        public bool TryReadDate(string text, out DateTime date)
        {
            if (!TryReadDateTime(text, out date, out _))
            {
                return false;
            }

            date = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
            return true;
        }

        /// <summary>
        /// A point in time from text in the same forms, for a parameter that takes a time (Get-PartnerHistory -Since):
        /// a time with an offset or Z, and \/Date(milliseconds)\/, is that instant in this session's time zone (kind
        /// Local); any other keeps the time as written (kind Unspecified, read as local time).
        /// </summary>
        public bool TryReadTime(string text, out DateTime time)
        {
            if (!TryReadDateTime(text, out time, out var instant))
            {
                return false;
            }

            if (instant is DateTimeOffset at)
            {
                time = at.LocalDateTime;
            }

            return true;
        }

        /// <summary>"'x' is not a date: the forms read are …": the value and every form tried.</summary>
        public string NotADate(string text) =>
            $"'{TextRules.Shown(text)}' is not a date: the forms read are {_datesTried}; an import reads another culture's with -Culture";

        /// <summary>
        /// A decimal number from text, read as described on <see cref="ValueText"/>; surrounding spaces are ignored. False
        /// with <paramref name="problem"/> (the value and why: not a number in any form tried, or two readings that differ).
        /// </summary>
        [MethodImpl((MethodImplOptions)512)]
        public bool TryReadDecimal(string text, out decimal value, out string? problem)
        {
            problem = null;
            var invariant = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            // Invariant text holds only digits, a sign, '.' and an exponent: without the culture's thousands separator
            // in it, the culture reads it as the same number or not at all (the common case, with no allocation).
            if (invariant && (_sameAsInvariant || _group.Length == 0 || text.IndexOf(_group[0]) < 0))
            {
                return true;
            }

            var cultural = TryReadCultural(text, out var culturalValue);
            if (invariant && cultural && culturalValue != value)
            {
                if (CultureGiven)
                {
                    value = culturalValue;
                    return true;
                }

                problem = $"'{TextRules.Shown(text)}' reads as {value.ToString("G29", CultureInfo.InvariantCulture)} in the invariant form ('.' as the decimal point) " +
                    $"and as {culturalValue.ToString("G29", CultureInfo.InvariantCulture)} in {Name}, the session's culture; write it without thousands separators " +
                    $"({value.ToString("G29", Culture)} or {culturalValue.ToString("G29", Culture)}), or with more decimals ({value.ToString("0.0000###", CultureInfo.InvariantCulture)}), " +
                    $"or give a number rather than text ([decimal]'{TextRules.Shown(text.Trim())}' is PowerShell's invariant reading); an import takes -Culture to say which";
                return false;
            }

            if (invariant)
            {
                return true;
            }

            if (cultural)
            {
                value = culturalValue;
                return true;
            }

            problem = $"'{TextRules.Shown(text)}' is not a number: the forms read are {_numbersTried}";
            return false;
        }

        /// <summary>
        /// The problem of text that is a finite number beyond the decimal range ('1e40'), naming the value and the limit; null
        /// for any other text.
        /// </summary>
        public static string? TooLarge(string text) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsInfinity(number) && !double.IsNaN(number)
                ? TooLarge(text, number)
                : null;

        /// <summary>The problem of a finite number beyond the decimal range, naming the value as <paramref name="shown"/> and the limit; null within it.</summary>
        public static string? TooLarge(string shown, double number) =>
            Math.Abs(number) >= 7.9e28
                ? $"'{TextRules.Shown(shown.Trim())}' is too large: a number here is at most {decimal.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} in size (the range of a decimal)"
                : null;

        /// <summary>A whole number (a year) from text: digits with an optional sign, surrounding spaces ignored. False with the problem.</summary>
        public bool TryReadInteger(string text, out int value, out string? problem)
        {
            problem = null;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            problem = $"'{TextRules.Shown(text)}' is not a whole number, such as a year like 2015";
            return false;
        }
    }
}
