using System;

namespace PartnerOps
{
    /// <summary>What happens to a row whose key (a partner's name) is already in the database.</summary>
    public enum ImportMode
    {
        /// <summary>The row is rejected: an ImportRowInvalid error.</summary>
        Insert,

        /// <summary>The stored entity takes the row's values.</summary>
        Upsert,

        /// <summary>The stored entity is left as it is; the row counts as skipped.</summary>
        Skip,
    }

    /// <summary>What Import-Partner (and later imports) did with one file.</summary>
    public sealed class ImportResult
    {
        public string Path { get; internal set; } = string.Empty;

        /// <summary>Data rows read (not counting a header, blank lines or <see cref="Blank"/> rows).</summary>
        public long Read { get; internal set; }

        public long Inserted { get; internal set; }

        public long Updated { get; internal set; }

        public long Skipped { get; internal set; }

        /// <summary>Rows rejected, each reported as one error.</summary>
        public long Failed { get; internal set; }

        /// <summary>
        /// CSV rows skipped because every cell is empty or only spaces and tabs (such as <c>,,,</c> left by Excel),
        /// as blank lines are skipped; they are not rows that failed, so -Atomic keeps the file.
        /// </summary>
        public long Blank { get; internal set; }

        public TimeSpan Duration { get; internal set; }

        /// <summary>True when -Atomic undid the whole import because rows failed, or because it was stopped (<see cref="Stopped"/>): then nothing was written.</summary>
        public bool RolledBack { get; internal set; }

        /// <summary>
        /// True when the import was stopped (Ctrl+C) before the end of the file: Inserted, Updated and Skipped then count the
        /// rows of the batches committed before the stop, which are kept (with -Atomic, none: RolledBack).
        /// </summary>
        public bool Stopped { get; internal set; }

        /// <summary>The database imported into.</summary>
        public string? Database { get; internal set; }

        public override string ToString() => Path;
    }

    /// <summary>
    /// An import stopped by the user (Ctrl+C) before the end of its file. <see cref="Result"/> counts what the committed
    /// batches keep; <see cref="CommittedLine"/> is the file's line of the last row kept (0: none).
    /// </summary>
    public sealed class ImportStoppedException : OperationCanceledException
    {
        public ImportStoppedException(ImportResult result, long committedLine)
            : base($"The import of '{result.Path}' was stopped.")
        {
            Result = result;
            CommittedLine = committedLine;
        }

        public ImportResult Result { get; }

        public long CommittedLine { get; }
    }
}
