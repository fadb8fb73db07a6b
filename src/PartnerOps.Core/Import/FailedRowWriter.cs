using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>
    /// Writes rejected rows as CSV: each row as it was read, then a Line and a Reason column, so the file
    /// can be fixed and imported again as it is (the import ignores Line, Reason and File). A file being
    /// re-imported already has those columns; they are replaced, not repeated.
    /// <para>
    /// The file is always UTF-8 with a byte-order mark, whatever the input files' encodings: any row of any file
    /// can be written without a character being replaced (a single-byte encoding would turn Ł into L and 北京 into
    /// ??), and the mark makes Import-Partner, Import-Csv, Get-Content and Excel read it as UTF-8 even when
    /// -Encoding is given (a byte-order mark wins over -Encoding).
    /// </para>
    /// <para>
    /// One writer serves every file of a command (<c>Import-Partner dir/*.csv -FailedRowPath rejected.csv</c>):
    /// when a second file begins, a File column (the full path of the file each row comes from) is added, and
    /// so is any column the new file has that the header lacks (matched by name, ignoring case and surrounding
    /// space, or by the field it names: a later file's PartnerName goes in the first file's Name column). Adding a column rewrites the rows written so far once; nothing already written is lost.
    /// </para>
    /// </summary>
    public sealed class FailedRowWriter : IDisposable
    {
        public const string LineColumn = "Line";
        public const string ReasonColumn = "Reason";

        /// <summary>The column naming each row's file, when rows of several files share the failed-row file.</summary>
        public const string FileColumn = "File";

        private readonly string _path;
        private readonly Encoding _encoding;
        private readonly List<string> _header = new List<string>();
        private readonly string _writing; // the rows go here, beside the file, and replace the file's content at the end
        private StreamWriter? _writer;
        private string? _createdFolder;
        private bool _ended;
        private char _delimiter = ',';
        private bool _separatorLine;
        private int _files;
        private bool _withFile;
        private string? _firstFile;
        private string? _file;
        private int[] _map = Array.Empty<int>();
        private string?[] _record = Array.Empty<string?>();

        /// <summary>
        /// Checks that the file can be written (a missing folder is created) without changing it. The rows are written to a
        /// file beside it (<see cref="WritingPath"/>, named by <see cref="PartialFiles.Beside"/>) and replace its content when
        /// the command ends (<see cref="Complete"/>, also from <see cref="Dispose"/>), so that an existing file is left as it
        /// was by a command that fails before it reads a row, and a file that turns out to be one of the command's own input
        /// files (piped in later) is still whole when it is refused (<see cref="Abandon"/>). FailedRowPathInvalid (InvalidArgument) when the path is a folder or
        /// cannot be written; nothing has been imported then, since the writer is made before the first row is read.
        /// </summary>
        public FailedRowWriter(string path)
        {
            _encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
            _path = System.IO.Path.GetFullPath(path);
            _writing = PartialFiles.Beside(_path);
            if (Directory.Exists(_path))
            {
                throw Unwritable(_path, "it is a folder; give the path of a file in it, such as '" + System.IO.Path.Combine(_path, "rejected.csv") + "'", null);
            }

            var created = false;
            try
            {
                var folder = System.IO.Path.GetDirectoryName(_path);
                if (!string.IsNullOrEmpty(folder))
                {
                    _createdFolder = FirstMissing(folder!);
                    Directory.CreateDirectory(folder);
                }

                // A read-only file is refused even where the writer could write it (root ignores the mode): it was protected.
                if (File.Exists(_path) && new FileInfo(_path).IsReadOnly)
                {
                    throw Unwritable(_path, "it is a read-only file, left as it is; make it writable (Set-ItemProperty -Name IsReadOnly -Value $false, or chmod u+w), remove it, or give another path", null);
                }

                created = !File.Exists(_path);
                using (new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
                {
                }

                if (created)
                {
                    File.Delete(_path); // made at the end, when there is something to write
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                RemoveUnused();
                throw Unwritable(_path, ex.Message, ex);
            }
        }

        /// <summary>The file the rows are written to until <see cref="Complete"/> (beside <see cref="Path"/>).</summary>
        public string WritingPath => _writing;

        /// <summary>The full path of the failed-row file.</summary>
        public string Path => _path;

        /// <summary>Rows written, over every file.</summary>
        public long Count { get; private set; }

        /// <summary>
        /// Starts the rows of another input file. The first file's delimiter (and its <c>sep=</c> line, if it had
        /// one) and columns make the header; a later file adds the File column and its new columns.
        /// </summary>
        /// <param name="canonicalColumn">
        /// The field a column names (PartnerName gives Name), or null: a later file's column that names the field of a
        /// column already written (an alias, or another spelling) is written in that column, under the first file's
        /// spelling, so the failed-row file has one column per field and imports again as it is.
        /// </param>
        internal void BeginFile(string sourcePath, IReadOnlyList<string> columns, char delimiter, bool separatorLine, Func<string, string?>? canonicalColumn = null)
        {
            string? Field(string column) => column.Trim().Length == 0 ? null : canonicalColumn?.Invoke(column);

            _files++;
            if (_files == 1)
            {
                _writer = new StreamWriter(_writing, append: false, _encoding);
                _delimiter = delimiter;
                _separatorLine = separatorLine;
                _firstFile = sourcePath;
            }

            var added = new List<string>();
            var taken = new HashSet<int>();
            var map = new int[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var name = columns[i] ?? string.Empty;
                map[i] = -1;
                if (IsOwnColumn(name))
                {
                    continue;
                }

                var at = -1;
                var field = Field(name);
                for (var h = 0; h < _header.Count && name.Trim().Length > 0; h++)
                {
                    if (!taken.Contains(h)
                        && (string.Equals(_header[h].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)
                            || (field != null && string.Equals(Field(_header[h]), field, StringComparison.OrdinalIgnoreCase))))
                    {
                        at = h;
                        break;
                    }
                }

                if (at < 0)
                {
                    at = _header.Count + added.Count;
                    added.Add(name);
                }

                taken.Add(at);
                map[i] = at;
            }

            if (_files == 1)
            {
                _header.AddRange(added);
                Write(_writer!, Header());
            }
            else if (!_withFile || added.Count > 0)
            {
                try
                {
                    Widen(added);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw new PartnerOpsException(
                        ErrorIds.FailedRowPathInvalid,
                        FailureKind.InvalidArgument,
                        $"The failed-row file '{_path}' cannot be rewritten with the columns of '{sourcePath}': {ex.Message.TrimEnd('.')}. Nothing of '{sourcePath}' was imported; the rows of the files before it are in the database and in '{_path}' as far as it was written.",
                        _path,
                        ex);
                }
            }

            _file = sourcePath;
            _map = map;
            _record = new string?[_header.Count + (_withFile ? 3 : 2)];
        }

        internal void Write(ImportRowError error)
        {
            Array.Clear(_record, 0, _record.Length);
            for (var i = 0; i < _map.Length && i < error.Values.Count; i++)
            {
                if (_map[i] >= 0)
                {
                    _record[_map[i]] = error.Values[i];
                }
            }

            _record[_header.Count] = error.Line.ToString(CultureInfo.InvariantCulture);
            _record[_header.Count + 1] = error.Detail;
            if (_withFile)
            {
                _record[_header.Count + 2] = _file;
            }

            CsvText.WriteRecord(_writer!, _record, _delimiter);
            Count++;
        }

        /// <summary>Writes what is buffered to the file being written (at the end of each input file).</summary>
        public void Flush() => _writer?.Flush();

        /// <summary>
        /// Ends the writing: the rows written replace the content of <see cref="Path"/> (copied into it, so a link to it, its
        /// other names and its permissions stay) and the file beside it is removed; when no input file began, nothing is
        /// changed and the folders this writer created are removed. An IOException or UnauthorizedAccessException leaves the
        /// rows in <see cref="WritingPath"/>.
        /// </summary>
        public void Complete()
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _writer?.Dispose();
            if (_files == 0)
            {
                RemoveUnused();
                return;
            }

            // Written into the file (not moved over it): a link to it, its other names, its mode and owner stay.
            using (var source = new FileStream(_writing, FileMode.Open, FileAccess.Read))
            using (var target = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read))
            {
                source.CopyTo(target);
            }

            File.Delete(_writing);
        }

        /// <summary>
        /// Ends the writing without touching <see cref="Path"/> (it turned out to be one of the command's input files): the
        /// rows written so far stay in <see cref="WritingPath"/>, which is returned, or null when no row file was begun.
        /// </summary>
        public string? Abandon()
        {
            _ended = true;
            _writer?.Dispose();
            return _files == 0 ? null : _writing;
        }

        /// <summary>Completes the writing (<see cref="Complete"/>) if it was not ended; a failure then leaves the rows in <see cref="WritingPath"/>.</summary>
        public void Dispose()
        {
            try
            {
                Complete();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The rows stay in WritingPath; a command that ends normally calls Complete itself and reports the failure.
            }
        }

        // The outermost folder of path that does not exist yet (the one Directory.CreateDirectory would create first), or null.
        private static string? FirstMissing(string folder)
        {
            string? missing = null;
            for (var at = folder; !string.IsNullOrEmpty(at) && !Directory.Exists(at); at = System.IO.Path.GetDirectoryName(at))
            {
                missing = at;
            }

            return missing;
        }

        // Removes the folders the constructor created for a writer that was never used (when they are still empty).
        private void RemoveUnused()
        {
            try
            {
                if (_createdFolder != null && Directory.Exists(_createdFolder))
                {
                    for (var at = System.IO.Path.GetDirectoryName(_path); at != null && at.Length >= _createdFolder.Length; at = System.IO.Path.GetDirectoryName(at))
                    {
                        if (Directory.EnumerateFileSystemEntries(at).Any())
                        {
                            break;
                        }

                        Directory.Delete(at);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Left as it is: an empty file or folder where the user asked for the failed rows.
            }
        }

        private static bool IsOwnColumn(string column) =>
            string.Equals(column.Trim(), LineColumn, StringComparison.OrdinalIgnoreCase)
            || string.Equals(column.Trim(), ReasonColumn, StringComparison.OrdinalIgnoreCase)
            || string.Equals(column.Trim(), FileColumn, StringComparison.OrdinalIgnoreCase);

        // Nothing has been imported when this is thrown: the file is opened before the first row is read.
        private static PartnerOpsException Unwritable(string path, string why, Exception? inner) => new PartnerOpsException(
            ErrorIds.FailedRowPathInvalid,
            FailureKind.InvalidArgument,
            $"The failed-row file '{path}' cannot be written: {why.TrimEnd('.')}. Nothing was imported.",
            path,
            inner);

        private IEnumerable<string?> Header() =>
            _header.Concat(_withFile ? new[] { LineColumn, ReasonColumn, FileColumn } : new[] { LineColumn, ReasonColumn });

        private void Write(TextWriter writer, IEnumerable<string?> header)
        {
            if (_separatorLine)
            {
                writer.Write("sep=" + _delimiter + "\r\n");
            }

            CsvText.WriteRecord(writer, header, _delimiter);
        }

        /// <summary>Rewrites the rows written so far with the File column and the new columns (empty for them).</summary>
        private void Widen(IReadOnlyList<string> added)
        {
            _writer!.Dispose();
            var oldWidth = _header.Count;
            var hadFile = _withFile;
            _header.AddRange(added);
            _withFile = true;
            var temporary = _writing + ".widened";
            var options = CsvImportSource.RawOptions(_delimiter, trim: false);
            using (var input = new FileStream(_writing, FileMode.Open, FileAccess.Read))
            using (var reader = CsvReader.Create(input, options, leaveOpen: true))
            using (var output = new StreamWriter(temporary, append: false, _encoding))
            {
                Write(output, Header());
                var skip = _separatorLine ? 2 : 1;
                var record = new string?[_header.Count + 3];
                while (reader.Read())
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    Array.Clear(record, 0, record.Length);
                    for (var i = 0; i < oldWidth && i < reader.FieldCount; i++)
                    {
                        record[i] = reader.GetString(i);
                    }

                    record[_header.Count] = oldWidth < reader.FieldCount ? reader.GetString(oldWidth) : null;
                    record[_header.Count + 1] = oldWidth + 1 < reader.FieldCount ? reader.GetString(oldWidth + 1) : null;
                    record[_header.Count + 2] = hadFile && oldWidth + 2 < reader.FieldCount ? reader.GetString(oldWidth + 2) : _firstFile;
                    CsvText.WriteRecord(output, record, _delimiter);
                }
            }

            File.Copy(temporary, _writing, overwrite: true);
            File.Delete(temporary);
            _writer = new StreamWriter(_writing, append: true, _encoding);
        }
    }
}
