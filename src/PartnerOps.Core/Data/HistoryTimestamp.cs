using System;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>
    /// The history's timestamps as every backend stores them: UTC text 'yyyy-MM-dd HH:mm:ss.fff' (to the millisecond), as
    /// SQLite's triggers write them (strftime '%Y-%m-%d %H:%M:%f') and PostgreSQL's (to_char ... 'YYYY-MM-DD HH24:MI:SS.MS').
    /// Text compares in time order, so -Since is one text comparison.
    /// </summary>
    public static class HistoryTimestamp
    {
        private const string Format = "yyyy-MM-dd HH:mm:ss.fff";

        /// <summary>An instant as stored: converted to UTC (kind Local or Unspecified read as local time), finer ticks dropped.</summary>
        public static string ToText(DateTime instant) => instant.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

        /// <summary>A stored timestamp as a UTC instant (kind Utc).</summary>
        /// <exception cref="FormatException">The text is not in the stored form.</exception>
        public static DateTime Parse(string at) =>
            DateTime.ParseExact(at, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
