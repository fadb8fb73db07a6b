using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// Writes rejected rows as CSV: each row as it was read, then a Line and a Reason column, so the file
    /// can be fixed and imported again as it is (the import ignores Line and Reason). A file being
    /// re-imported already has those columns; they are replaced, not repeated.
    /// </summary>
    internal sealed class FailedRowWriter : IDisposable
    {
        // Nothing has been imported when this is thrown: the file is opened before the first row is read.
        private static PartnerOpsException Unwritable(string path, string why, Exception? inner) => new PartnerOpsException(
            ErrorIds.FailedRowPathInvalid,
            FailureKind.InvalidArgument,
            $"The failed-row file '{path}' cannot be written: {why.TrimEnd('.')}. Nothing was imported.",
            path,
            inner);

        public const string LineColumn = "Line";
        public const string ReasonColumn = "Reason";

        private readonly StreamWriter _writer;
        private readonly int[] _kept;
        private readonly char _delimiter;
        private readonly string?[] _record;

        public FailedRowWriter(string path, IReadOnlyList<string> columns, char delimiter, Encoding? encoding)
        {
            _delimiter = delimiter;
            _kept = Enumerable.Range(0, columns.Count)
                .Where(i => !IsOwnColumn(columns[i]))
                .ToArray();
            _record = new string?[_kept.Length + 2];
            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw Unwritable(full, "it is a folder; give the path of a file in it, such as '" + System.IO.Path.Combine(full, "rejected.csv") + "'", null);
            }

            try
            {
                var folder = System.IO.Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                _writer = new StreamWriter(full, append: false, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Unwritable(full, ex.Message, ex);
            }

            CsvText.WriteRecord(_writer, _kept.Select(i => columns[i]).Concat(new[] { LineColumn, ReasonColumn }), delimiter);
        }

        public long Count { get; private set; }

        public void Write(ImportRowError error)
        {
            for (var i = 0; i < _kept.Length; i++)
            {
                _record[i] = _kept[i] < error.Values.Count ? error.Values[_kept[i]] : null;
            }

            _record[_kept.Length] = error.Line.ToString(CultureInfo.InvariantCulture);
            _record[_kept.Length + 1] = error.Detail;
            CsvText.WriteRecord(_writer, _record, _delimiter);
            Count++;
        }

        public void Dispose() => _writer.Dispose();

        private static bool IsOwnColumn(string column) =>
            string.Equals(column.Trim(), LineColumn, StringComparison.OrdinalIgnoreCase)
            || string.Equals(column.Trim(), ReasonColumn, StringComparison.OrdinalIgnoreCase);
    }
}
