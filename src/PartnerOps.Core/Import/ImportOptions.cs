using System;
using System.Globalization;
using System.Text;

namespace PartnerOps.Import
{
    public enum ImportFormat
    {
        Csv,
        Json,
    }

    /// <summary>How a file is read and written. The defaults are Import-Partner's.</summary>
    public sealed class ImportOptions
    {
        public ImportMode Mode { get; set; } = ImportMode.Insert;

        /// <summary>One transaction for the whole file, undone when any row fails.</summary>
        public bool Atomic { get; set; }

        /// <summary>Where rejected rows are written as CSV, with Line and Reason columns; null for nowhere.</summary>
        public string? FailedRowPath { get; set; }

        /// <summary>The CSV delimiter, unless the file's first line is Excel's <c>sep=</c> line, which sets it.</summary>
        public char Delimiter { get; set; } = ',';

        /// <summary>
        /// Whether <see cref="Delimiter"/> was given by the user (-Delimiter): a file whose <c>sep=</c> line names
        /// another delimiter is then ImportFileInvalid, rather than read with either one silently.
        /// </summary>
        public bool DelimiterGiven { get; set; }

        /// <summary>The file's encoding; null for UTF-8 with or without a byte-order mark (other BOMs are honoured too).</summary>
        public Encoding? Encoding { get; set; }

        /// <summary>
        /// Culture for dates and numbers that are not in ISO or invariant form (-Culture); its reading of a number wins
        /// over the invariant one. Null (the default): the culture of the thread that opens the import, the session's,
        /// with a number that reads differently in it and in the invariant form refused. See <see cref="ValueText"/>.
        /// </summary>
        public CultureInfo? Culture { get; set; }

        /// <summary>Null: JSON when the file name ends in .json, CSV otherwise.</summary>
        public ImportFormat? Format { get; set; }

        /// <summary>A batch is committed after this many rows...</summary>
        public int BatchRows { get; set; } = 50000;

        /// <summary>...or when it has been open this long, so other writers wait at most about that long.</summary>
        public TimeSpan BatchAge { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>Rows handed from the reading thread to the writing thread at a time.</summary>
        internal int ChunkRows { get; set; } = 512;

        /// <summary>Chunks that may wait for the writer before the reader waits too (the bounded queue).</summary>
        internal int QueuedChunks { get; set; } = 8;

        /// <summary>
        /// The file the rows come from (its full path), recorded in the history of the rows the import inserts; null for
        /// none. Set by <see cref="ImportJob"/> for the file it imports.
        /// </summary>
        public string? Source { get; set; }

        /// <summary>A copy for the rows of another file (<see cref="Source"/>).</summary>
        internal ImportOptions WithSource(string? source)
        {
            var copy = (ImportOptions)MemberwiseClone();
            copy.Source = source;
            return copy;
        }

        /// <summary>A copy with another <see cref="Encoding"/>.</summary>
        internal ImportOptions WithEncoding(Encoding? encoding)
        {
            var copy = (ImportOptions)MemberwiseClone();
            copy.Encoding = encoding;
            return copy;
        }

        public static ImportFormat FormatOf(string path) =>
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Json : ImportFormat.Csv;
    }
}
