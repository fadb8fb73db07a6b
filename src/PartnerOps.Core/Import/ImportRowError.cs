using System.Collections.Generic;
using System.Globalization;

namespace PartnerOps.Import
{
    /// <summary>One rejected row: where it is, what was wrong, and the row as it was read.</summary>
    public sealed class ImportRowError
    {
        public ImportRowError(long line, string? column, string reason, IReadOnlyList<string> columns, IReadOnlyList<string?> values)
        {
            Line = line;
            Column = column;
            Reason = reason;
            Columns = columns;
            Values = values;
        }

        /// <summary>The line of the file on which the row begins (1 is a CSV file's header).</summary>
        public long Line { get; }

        /// <summary>The column at fault, or null when the row as a whole is (malformed CSV).</summary>
        public string? Column { get; }

        /// <summary>What was wrong, naming the value, e.g. "'XX' is not an ISO 3166-1 alpha-2 country code".</summary>
        public string Reason { get; }

        /// <summary>The row's columns as read (a CSV file's header, or the properties a JSON import uses).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The row's values as read, one per column; null where the row has no such field.</summary>
        public IReadOnlyList<string?> Values { get; }

        /// <summary>"column Country: 'XX' is not ...": the Reason column of the failed-row file.</summary>
        public string Detail => Column == null ? Reason : "column " + Column + ": " + Reason;

        public string Message => string.Format(CultureInfo.InvariantCulture, "Line {0}, {1}", Line, Detail);

        public override string ToString() => Message;
    }
}
