using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// Parsing shared by the mappers: dates in ISO form first, then in the import's culture, so a
    /// session's culture never changes what a file means. Without -Culture that is the invariant
    /// culture's own patterns exactly (06/30/2015 00:00:00, as Export-Csv writes in it): its lenient
    /// parser would read a German 01.03.2014 as the 3rd of January.
    /// </summary>
    internal static class ImportValues
    {
        private static readonly string[] IsoFormats = { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF" };
        private static readonly string[] InvariantFormats = CultureInfo.InvariantCulture.DateTimeFormat.GetAllDateTimePatterns();

        /// <summary>A date from text; null text or blank is no date. False when the text is not a date.</summary>
        [MethodImpl(Hot.Path)]
        public static bool TryParseDate(string text, CultureInfo culture, out DateTime date)
        {
            var trimmed = text.Trim();
            if (TryParseIsoDate(trimmed, out date)
                || DateTime.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                date = date.Date;
                return true;
            }

            // ISO with an offset or Z: the date as written, not moved into this machine's time zone.
            if (trimmed.Length > 10 && trimmed[4] == '-' && trimmed[10] == 'T'
                && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                date = withOffset.DateTime.Date;
                return true;
            }

            // Windows PowerShell's ConvertTo-Json writes dates as \/Date(milliseconds)\/.
            if (trimmed.StartsWith("/Date(", StringComparison.Ordinal) && trimmed.EndsWith(")/", StringComparison.Ordinal))
            {
                var digits = trimmed.Substring(6, trimmed.Length - 8);
                var end = digits.IndexOfAny(new[] { '+', '-' }, 1);
                if (long.TryParse(end > 0 ? digits.Substring(0, end) : digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
                {
                    date = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.Date;
                    return true;
                }
            }

            var parsed = culture.Equals(CultureInfo.InvariantCulture)
                ? DateTime.TryParseExact(trimmed, InvariantFormats, culture, DateTimeStyles.AllowWhiteSpaces, out date)
                : DateTime.TryParse(trimmed, culture, DateTimeStyles.AllowWhiteSpaces, out date);
            if (parsed)
            {
                date = date.Date;
                return true;
            }

            return false;
        }

        private const NumberStyles PlainNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

        /// <summary>A number with the culture's decimal point ('.' in the invariant culture) and no thousands separators.</summary>
        public static bool TryParseDecimal(string text, CultureInfo culture, out decimal value) =>
            decimal.TryParse(text, PlainNumber, culture, out value);

        public static string NotANumber(string text, CultureInfo culture) =>
            $"'{TextRules.Shown(text)}' is not a number; write it with '{culture.NumberFormat.NumberDecimalSeparator}' as the decimal point and no thousands separators, e.g. 1234{culture.NumberFormat.NumberDecimalSeparator}50" +
            (culture.Equals(CultureInfo.InvariantCulture) ? " (or give -Culture to read another culture's numbers)" : string.Empty);

        public static string NotADate(string text, CultureInfo culture) =>
            $"'{TextRules.Shown(text)}' is not a date; use the form yyyy-MM-dd, e.g. 2015-03-31" +
            (culture.Equals(CultureInfo.InvariantCulture) ? " (or give -Culture to read another culture's dates)" : " or a date of culture " + culture.Name);

        /// <summary>
        /// The end of a missing-column message: the columns the header has, and when it is one column that holds a
        /// likely delimiter, the -Delimiter that would split it.
        /// </summary>
        public static string ColumnsHint(IReadOnlyList<string> columns)
        {
            var text = $"Its columns are: {string.Join(", ", columns.Select(TextRules.Shown))}.";
            if (columns.Count == 1)
            {
                foreach (var delimiter in new[] { ';', '\t', '|', ',' })
                {
                    if (columns[0].IndexOf(delimiter) >= 0)
                    {
                        return text + $" The header looks separated by {(delimiter == '\t' ? "tabs: give -Delimiter \"`t\"" : $"'{delimiter}': give -Delimiter '{delimiter}'")}.";
                    }
                }
            }

            return text + " Check -Delimiter if they look run together.";
        }

        /// <summary>yyyy-MM-dd without the cost of the general parser (the common case of a large file).</summary>
        [MethodImpl(Hot.Path)]
        private static bool TryParseIsoDate(string text, out DateTime date)
        {
            date = default;
            if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            {
                return false;
            }

            var year = Digits(text, 0, 4);
            var month = Digits(text, 5, 2);
            var day = Digits(text, 8, 2);
            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            date = new DateTime(year, month, day);
            return true;
        }

        private static int Digits(string text, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value;
        }
    }

    /// <summary>An enum's names, matched ignoring case and surrounding spaces, with each name's UTF-8 form for binding.</summary>
    internal sealed class EnumNames<T>
        where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<T, byte[]> _utf8 = new Dictionary<T, byte[]>();

        public EnumNames()
        {
            foreach (T value in Enum.GetValues(typeof(T)))
            {
                var name = value.ToString();
                _byName[name] = value;
                _utf8[value] = Encoding.UTF8.GetBytes(name);
            }

            Valid = string.Join(", ", Enum.GetNames(typeof(T)));
        }

        /// <summary>"Reseller, Distributor, ...", for messages.</summary>
        public string Valid { get; }

        [MethodImpl(Hot.Path)]
        public bool TryParse(string text, out T value)
        {
            if (_byName.TryGetValue(text, out value) || _byName.TryGetValue(text.Trim(), out value))
            {
                return true;
            }

            // As PowerShell's own conversion does, a defined number is accepted too.
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined(typeof(T), number))
            {
                value = (T)Enum.ToObject(typeof(T), number);
                return true;
            }

            return false;
        }

        public byte[] Utf8(T value) => _utf8[value];
    }
}
