namespace PartnerOps.Import
{
    /// <summary>A message from the writing thread to the reading thread.</summary>
    public sealed class ImportEvent
    {
        private ImportEvent(long line, byte[]? raw, string? column, string? reason, long rows)
        {
            Line = line;
            Raw = raw;
            Column = column;
            Reason = reason;
            Rows = rows;
        }

        /// <summary>For a failure, the row as read; null for a commit.</summary>
        public byte[]? Raw { get; }

        public long Line { get; }

        public string? Column { get; }

        public string? Reason { get; }

        /// <summary>For a commit, the rows it made permanent.</summary>
        public long Rows { get; }

        public bool IsFailure => Raw != null;

        public static ImportEvent RowFailed(long line, byte[] raw, string? column, string reason) => new ImportEvent(line, raw, column, reason, 0);

        public static ImportEvent Committed(long rows, long lastLine) => new ImportEvent(lastLine, null, null, null, rows);
    }
}
