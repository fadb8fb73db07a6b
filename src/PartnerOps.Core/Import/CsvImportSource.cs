using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace PartnerOps.Import
{
    /// <summary>
    /// A CSV file with a header row, read with CsvHelper (measured against Sylvan.Data.Csv: see bench/) the way
    /// PowerShell's Import-Csv reads it:
    /// <list type="bullet">
    /// <item>a first line <c>sep=;</c> (Excel's) sets the delimiter and is skipped (it must agree with -Delimiter when that is given);</item>
    /// <item>lines before the header whose first cell starts with <c>#</c> are skipped (Windows PowerShell's <c>#TYPE</c>,
    /// comments), and <c>#Fields: </c> starts a W3C header, as Import-Csv does;</item>
    /// <item>spaces and tabs before a cell, and after a quoted cell's closing quote, are not part of the value, so
    /// <c>"Name", "Country"</c> reads as Name and Country; after an unquoted value, Import-Csv keeps the first space or
    /// tab of trailing white space (all of it when more text follows a space inside the value), and so does this;</item>
    /// <item>trailing empty header cells (<c>Name,Country,,</c>) are not columns, as in Import-Csv;</item>
    /// <item>a row whose cells are all empty or white space (<c>,,,</c> left by Excel, <c>""</c>, a line of spaces or tabs) is skipped
    /// and counted in <see cref="ImportSource.Blank"/>; an empty line is no row (skipped, not counted);</item>
    /// <item>a byte-order mark wins over -Encoding, and a code page's bytes without a character fail their row (<see cref="EncodingHint"/>);</item>
    /// <item>the delimiter must be ASCII and not a quote (CsvHelper 34 reads UTF-8 bytes): another is ImportFileInvalid naming the Import-Csv way.</item>
    /// </list>
    /// </summary>
    internal sealed partial class CsvImportSource : ImportSource
    {
        private readonly CsvReader _reader;
        private readonly CsvReaderOptions _rawOptions;
        private readonly string[] _columns;
        private readonly char _delimiter;
        private readonly bool _strict;
        private readonly Encoding? _encoding;
        private string? _malformed;

        /// <param name="canonicalColumn">The field a column names (an alias such as PartnerName gives Name), or null.</param>
        /// <exception cref="PartnerOpsException">ImportFileInvalid for a delimiter the reader cannot take (not ASCII, a quote or
        /// a line break), a <c>sep=</c> line disagreeing with -Delimiter, or a header that is not text in the encoding;
        /// ImportHeaderInvalid for a column, or a field (through its aliases), given twice.</exception>
        public CsvImportSource(string path, FileStream file, ImportOptions options, Func<string, string?>? canonicalColumn = null)
            : base(path, file)
        {
            if (options.DelimiterGiven)
            {
                CheckDelimiter(options.Delimiter, "-Delimiter " + Shown(options.Delimiter), path);
            }

            var hint = SeparatorHint(file, options.Encoding, out var hintLine);
            if (hint == null && hintLine != null)
            {
                CheckDelimiter(hintLine.Value, $"Its first line 'sep={hintLine.Value}'", path);
            }

            if (hint is char fromFile && options.DelimiterGiven && fromFile != options.Delimiter)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileInvalid,
                    FailureKind.InvalidArgument,
                    $"'{path}' begins with the line 'sep={fromFile}', which makes {Shown(fromFile)} its delimiter, but -Delimiter {Shown(options.Delimiter)} was given. " +
                    $"Leave out -Delimiter (the file's own line then decides), or give -Delimiter {Shown(fromFile)}. Nothing was imported.",
                    path);
            }

            _delimiter = hint ?? options.Delimiter;
            HasSeparatorLine = hint != null;
            var readerOptions = NewOptions(
                (nameof(CsvReaderOptions.Separator), (char?)_delimiter),
                (nameof(CsvReaderOptions.DetectSeparatorHint), false),
                (nameof(CsvReaderOptions.HasHeader), false),
                (nameof(CsvReaderOptions.TrackLineNumbers), true),
                (nameof(CsvReaderOptions.SkipEmptyLines), false), // CsvHelper would also skip lines of spaces, uncounted
                (nameof(CsvReaderOptions.TrimWhitespace), (bool?)true),
                (nameof(CsvReaderOptions.WhitespaceCharacters), Whitespace(_delimiter)),
                (nameof(CsvReaderOptions.MalformedData), CsvMalformedDataHandling.Recover),
                (nameof(CsvReaderOptions.OnMalformedRecord), new Action<CsvMalformedRecord>(record => _malformed = Describe(record.Reason))),
                (nameof(CsvReaderOptions.Encoding), EncodingHint.HasByteOrderMark(file) ? null : options.Encoding));
            _strict = EncodingHint.IsStrict(options.Encoding);
            _encoding = options.Encoding;
            try
            {
                _reader = CsvReader.Create(file, readerOptions, leaveOpen: true);
                _columns = ReadHeader();
            }
            catch (CsvFormatException ex)
            {
                throw Invalid(path, ex);
            }

            if (Array.Exists(_columns, c => c.IndexOf('\0') >= 0))
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileInvalid,
                    FailureKind.InvalidData,
                    $"'{path}' cannot be read as {(options.Encoding ?? Encoding.UTF8).WebName} text: its header holds NUL characters, as a UTF-16 file without a byte-order mark " +
                    "(or a file that is not text) does. Give its -Encoding (for example -Encoding unicode for UTF-16), or save it as UTF-8.",
                    path);
            }

            if (_strict && Array.Exists(_columns, c => c.IndexOf(EncodingHint.Replacement) >= 0))
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileInvalid,
                    FailureKind.InvalidData,
                    $"'{path}' cannot be read: " + EncodingHint.Unreadable(options.Encoding!, "its header").Replace("so the row is not imported", "so nothing was imported"),
                    path);
            }

            ImportHeader.CheckDuplicates(_columns, path, canonicalColumn);
            _malformed = null; // a header's quoting problems show as missing or odd columns instead
            _rawOptions = RawOptions(_delimiter);
        }

        public override IReadOnlyList<string> Columns => _columns;

        public override IReadOnlyList<string> RawColumns => _columns;

        public override char Delimiter => _delimiter;

        public override long Line => _reader.LineNumber;

        public override string? Malformed => _malformed;

        public override string? this[int column]
        {
            [MethodImpl(Hot.Path)]
            get => column < _reader.FieldCount ? Value(_reader, column) : null;
        }

        [MethodImpl(Hot.Path)]
        public override bool Read()
        {
            try
            {
                while (true)
                {
                    _malformed = null;
                    if (!_reader.Read())
                    {
                        return false;
                    }

                    if (_malformed == null && IsEmptyLine())
                    {
                        continue; // an empty line is no row, as in Import-Csv: skipped, not counted
                    }

                    if (_malformed == null && IsBlank())
                    {
                        Blank++;
                        continue;
                    }

                    _malformed ??= Ragged();
                    if (_strict && _malformed == null)
                    {
                        _malformed = Undecodable();
                    }

                    return true;
                }
            }
            catch (CsvFormatException ex)
            {
                throw Invalid(Path, ex);
            }
        }

        [MethodImpl(Hot.Path)]
        public override void CaptureRaw(ImportChunk chunk) => chunk.SetRaw(_reader.RawRecord);

        public override string?[] CurrentRaw()
        {
            var values = new string?[_columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = this[i];
            }

            return values;
        }

        public override string?[] ParseRaw(byte[] raw)
        {
            var values = new string?[_columns.Length];
            using var reader = CsvReader.Create(raw, _rawOptions);
            if (reader.Read())
            {
                for (var i = 0; i < values.Length && i < reader.FieldCount; i++)
                {
                    values[i] = Value(reader, i);
                }
            }

            return values;
        }

        public override void Dispose()
        {
            _reader.Dispose();
            base.Dispose();
        }

        /// <summary>
        /// A cell's value as Import-Csv reads it. CsvHelper (trimming) drops spaces and tabs around the value, and
        /// after a quoted value's closing quote, as Import-Csv does; after an unquoted value Import-Csv keeps the
        /// first space or tab of the trailing white space, or all of it when other text follows a space or tab
        /// inside the value ("foo  " reads as "foo ", "foo bar  " as itself). Only a cell whose raw text ends in
        /// a space or tab takes the slow path.
        /// </summary>
        [MethodImpl(Hot.Path)]
        private static string Value(CsvReader reader, int column)
        {
            var value = reader.GetString(column);
            var raw = reader.GetRawSpan(column);
            if (raw.Length == 0 || (raw[raw.Length - 1] != (byte)' ' && raw[raw.Length - 1] != (byte)'\t'))
            {
                return value;
            }

            var text = Encoding.UTF8.GetString(raw.ToArray()).TrimStart(' ', '\t');
            if (text.Length == 0 || text[0] == '"')
            {
                return value;
            }

            var space = text.IndexOfAny(SpaceOrTab);
            return text.Substring(space + 1).Trim(SpaceOrTab).Length == 0 ? text.Substring(0, space + 1) : text;
        }

        private static readonly char[] SpaceOrTab = { ' ', '\t' };

        /// <summary>Whether a first line was <c>sep=</c> (the failed-row file then begins with one too).</summary>
        public bool HasSeparatorLine { get; }

        /// <summary>
        /// The header: the first record that is not the <c>sep=</c> line nor a line whose first cell starts with
        /// <c>#</c> (Import-Csv's rule; <c>#Fields: </c> is a W3C header), without trailing empty cells.
        /// </summary>
        private string[] ReadHeader()
        {
            var skipSeparatorLine = HasSeparatorLine;
            while (_reader.Read())
            {
                if (skipSeparatorLine)
                {
                    skipSeparatorLine = false;
                    continue;
                }

                var names = new List<string>(_reader.FieldCount);
                for (var i = 0; i < _reader.FieldCount; i++)
                {
                    names.Add(Value(_reader, i).Trim());
                }

                if (names.Count <= 1 && (names.Count == 0 || names[0].Length == 0) && IsBlankLine())
                {
                    continue; // an empty line, or one of spaces and tabs, before the header (CsvHelper skipped them before)
                }

                if (names.Count > 0 && names[0].StartsWith("#Fields: ", StringComparison.Ordinal))
                {
                    names[0] = names[0].Substring("#Fields: ".Length).Trim();
                }
                else if (names.Count > 0 && names[0].StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                while (names.Count > 1 && names[names.Count - 1].Length == 0)
                {
                    names.RemoveAt(names.Count - 1);
                }

                return names.ToArray();
            }

            return Array.Empty<string>();
        }

        private static PartnerOpsException Invalid(string path, CsvFormatException ex) =>
            new PartnerOpsException(
                ErrorIds.ImportFileInvalid,
                FailureKind.InvalidData,
                $"Line {ex.LineNumber} of '{path}' cannot be read as CSV: {ex.Message}",
                path,
                ex);
    }
}
