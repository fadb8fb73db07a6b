using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lets CSV text bind to a date parameter: an empty cell is no date (Export-Csv writes $null as ""),
    /// ISO forms are read first, then the session's culture (Export-Csv writes dates in it, so a file
    /// exported in a day-first culture round-trips), then the invariant culture.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DateTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] IsoFormats = { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "o" };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            text = text.Trim();
            if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
                || DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out date)
                || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
            {
                return date;
            }

            throw new ArgumentTransformationMetadataException($"'{text}' is not a date; use the form yyyy-MM-dd, e.g. 2015-03-31.");
        }
    }

    /// <summary>An empty CSV cell binds as "not given" rather than failing to convert.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
        }
    }
}
