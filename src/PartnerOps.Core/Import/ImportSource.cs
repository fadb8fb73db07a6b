using System;
using System.Collections.Generic;
using System.IO;

namespace PartnerOps.Import
{
    /// <summary>
    /// The records of a file, one at a time, with the line each begins on. Columns come from a CSV header,
    /// or from a JSON array's objects as their properties appear. Besides the values the mapper reads, a
    /// source keeps each record as read, for the failed-row file.
    /// </summary>
    internal abstract class ImportSource : IDisposable
    {
        protected ImportSource(string path, FileStream file)
        {
            Path = path;
            File = file;
            Length = file.Length;
        }

        public string Path { get; }

        /// <summary>The file's size in bytes, for progress.</summary>
        public long Length { get; }

        public long BytesRead => File.Position;

        /// <summary>The columns values are read by; a JSON source adds to them as new properties appear.</summary>
        public abstract IReadOnlyList<string> Columns { get; }

        /// <summary>The columns of a row as read, as the failed-row file gives them back.</summary>
        public abstract IReadOnlyList<string> RawColumns { get; }

        /// <summary>The delimiter of the file (a CSV file's own <c>sep=</c> line, or -Delimiter); a comma for JSON.</summary>
        public virtual char Delimiter => ',';

        /// <summary>Rows skipped so far because every cell is empty or white space (such as <c>,,,</c> left by Excel).</summary>
        public long Blank { get; protected set; }

        /// <summary>The encoding the file is read with (its byte-order mark's, else -Encoding's), or null for UTF-8.</summary>
        public System.Text.Encoding? Encoding { get; private set; }

        /// <summary>Moves to the next record; false at the end of the file. Blank rows are skipped and counted in <see cref="Blank"/>.</summary>
        public abstract bool Read();

        /// <summary>The line on which the current record begins.</summary>
        public abstract long Line { get; }

        /// <summary>Why the current record is not well-formed, or null when it is.</summary>
        public abstract string? Malformed { get; }

        /// <summary>The value of a column in the current record; null when the record has no such field.</summary>
        public abstract string? this[int column] { get; }

        /// <summary>
        /// True when the column's value in the current record was a JSON number (always the invariant form, never read
        /// in a culture); false for text (a CSV cell, a JSON string).
        /// </summary>
        public virtual bool IsNumber(int column) => false;

        /// <summary>Stores the current record as read in the chunk's row being built.</summary>
        public abstract void CaptureRaw(ImportChunk chunk);

        /// <summary>The current record as read, one value per <see cref="RawColumns"/> entry.</summary>
        public abstract string?[] CurrentRaw();

        /// <summary>A record captured by <see cref="CaptureRaw"/>, one value per <see cref="RawColumns"/> entry.</summary>
        public abstract string?[] ParseRaw(byte[] raw);

        protected FileStream File { get; }

        /// <summary>Opens a file for import; a missing file is ImportFileNotFound.</summary>
        /// <param name="canonicalColumn">The name a column is known by (an alias such as PartnerName gives Name), or null for unknown columns.</param>
        /// <param name="canonicalColumns">The columns a JSON row is given back with in the failed-row file.</param>
        public static ImportSource Open(string path, ImportOptions options, Func<string, string?> canonicalColumn, IReadOnlyList<string> canonicalColumns)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileNotFound,
                    FailureKind.NotFound,
                    $"'{full}' is a folder, not a file to import. Give a file, or a wildcard such as '{System.IO.Path.Combine(full, "*.csv")}' to import every file that matches.",
                    full);
            }

            FileStream file;
            try
            {
                file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileNotFound,
                    FailureKind.NotFound,
                    $"There is no file to import at '{full}'.",
                    full,
                    ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is IOException)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileInvalid,
                    FailureKind.InvalidData,
                    $"The file '{full}' cannot be read: {ex.Message.TrimEnd('.')}. Nothing was imported.",
                    full,
                    ex);
            }

            try
            {
                // A byte-order mark wins over -Encoding; a code page is read strictly (EncodingHint).
                var read = options.WithEncoding(EncodingHint.ForFile(file, options.Encoding));
                var source = (options.Format ?? ImportOptions.FormatOf(full)) == ImportFormat.Json
                    ? new JsonImportSource(full, file, read, canonicalColumn, canonicalColumns)
                    : (ImportSource)new CsvImportSource(full, file, read, canonicalColumn);
                source.Encoding = read.Encoding;
                return source;
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        public virtual void Dispose() => File.Dispose();
    }
}
