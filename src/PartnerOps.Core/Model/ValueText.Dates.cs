using System;
using System.Globalization;

namespace PartnerOps
{
    /// <summary>Reading dates and times: the general parser, offsets, JSON's /Date(ms)/ and the fast path for yyyy-MM-dd.</summary>
    public sealed partial class ValueText
    {
        private bool TryReadDateTime(string text, out DateTime date, out DateTimeOffset? instant)
        {
            instant = null;
            var trimmed = text.Length > 0 && (IsSpace(text[0]) || IsSpace(text[text.Length - 1])) ? text.Trim() : text;
            if (trimmed.Length >= 10 && trimmed[4] == '-' && trimmed[7] == '-' && TryIsoDay(trimmed, out date))
            {
                if (trimmed.Length == 10)
                {
                    return true;
                }

                // The calendar day the text names, whatever its offset: only the time part needs checking.
                if (DateTimeOffset.TryParseExact(trimmed, IsoTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    date = at.DateTime;
                    if (trimmed[trimmed.Length - 1] == 'Z' || trimmed[trimmed.Length - 1] == 'z' || HasOffset(trimmed))
                    {
                        instant = at;
                    }

                    return true;
                }
            }

            if (TryJsonDate(trimmed, out date, out instant))
            {
                return true;
            }

            if (DateTime.TryParseExact(trimmed, _patterns, Culture, DateTimeStyles.AllowWhiteSpaces, out date))
            {
                return true;
            }

            date = default;
            return false;
        }

        private static bool HasOffset(string text)
        {
            // yyyy-MM-ddTHH:mm… then +hh:mm or -hh:mm: a sign after the time (position 16 on).
            for (var i = 16; i < text.Length; i++)
            {
                if (text[i] == '+' || text[i] == '-')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>\/Date(ms)\/ or /Date(ms)/, optionally /Date(ms+hhmm)/: the day of that instant here, or at the offset written.</summary>
        private static bool TryJsonDate(string text, out DateTime date, out DateTimeOffset? instant)
        {
            date = default;
            instant = null;
            var start = text.StartsWith("\\/Date(", StringComparison.Ordinal) ? 7 : text.StartsWith("/Date(", StringComparison.Ordinal) ? 6 : -1;
            var end = text.EndsWith(")\\/", StringComparison.Ordinal) ? text.Length - 3 : text.EndsWith(")/", StringComparison.Ordinal) ? text.Length - 2 : -1;
            if (start < 0 || end <= start)
            {
                return false;
            }

            var body = text.Substring(start, end - start);
            var sign = body.IndexOfAny(new[] { '+', '-' }, 1);
            TimeSpan? offset = null;
            if (sign > 0)
            {
                var zone = body.Substring(sign + 1);
                if (zone.Length != 4 || !int.TryParse(zone, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm % 100 > 59 || hhmm / 100 > 14)
                {
                    return false;
                }

                offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
                if (body[sign] == '-')
                {
                    offset = offset.Value.Negate();
                }

                body = body.Substring(0, sign);
            }

            if (!long.TryParse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                || ms < -62135596800000L || ms > 253402300799999L)
            {
                return false;
            }

            var utc = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            try
            {
                var at = offset is TimeSpan given ? utc.ToOffset(given) : TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.Local);
                instant = at;
                date = at.DateTime;
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        /// <summary>yyyy-MM-dd at the start of the text without the cost of the general parser (the common case of a large file).</summary>
        private static bool TryIsoDay(string text, out DateTime date)
        {
            date = default;
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
}
