using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace PartnerOps.Import
{
    /// <summary>A CSV file with a header row, read with CsvHelper (measured against Sylvan.Data.Csv: see bench/).</summary>
    internal sealed class CsvImportSource : ImportSource
    {
        private readonly CsvReader _reader;
        private readonly CsvReaderOptions _rawOptions;
        private readonly string[] _columns;
        private string? _malformed;

        public CsvImportSource(string path, FileStream file, ImportOptions options)
            : base(path, file)
        {
            var readerOptions = NewOptions(
                (nameof(CsvReaderOptions.Separator), (char?)options.Delimiter),
                (nameof(CsvReaderOptions.DetectSeparatorHint), false),
                (nameof(CsvReaderOptions.HasHeader), true),
                (nameof(CsvReaderOptions.TrackLineNumbers), true),
                (nameof(CsvReaderOptions.SkipEmptyLines), true),
                (nameof(CsvReaderOptions.MalformedData), CsvMalformedDataHandling.Recover),
                (nameof(CsvReaderOptions.OnMalformedRecord), new Action<CsvMalformedRecord>(record => _malformed = Describe(record.Reason))),
                (nameof(CsvReaderOptions.Encoding), options.Encoding));
            try
            {
                _reader = CsvReader.Create(file, readerOptions, leaveOpen: true);
            }
            catch (CsvFormatException ex)
            {
                throw Invalid(path, ex);
            }

            _columns = new List<string>(_reader.Headers ?? Array.Empty<string>()).ToArray();
            if (Array.Exists(_columns, c => c != null && c.IndexOf('\0') >= 0))
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportFileInvalid,
                    FailureKind.InvalidData,
                    $"'{path}' cannot be read as {(options.Encoding ?? System.Text.Encoding.UTF8).WebName} text: its header holds NUL characters, as a UTF-16 file without a byte-order mark " +
                    "(or a file that is not text) does. Give its -Encoding (for example -Encoding unicode for UTF-16), or save it as UTF-8.",
                    path);
            }

            _malformed = null; // a header's quoting problems show as missing or odd columns instead
            _rawOptions = RawOptions(options.Delimiter);
        }

        public override IReadOnlyList<string> Columns => _columns;

        public override IReadOnlyList<string> RawColumns => _columns;

        public override long Line => _reader.LineNumber;

        public override string? Malformed => _malformed;

        public override string? this[int column]
        {
            [MethodImpl(Hot.Path)]
            get => column < _reader.FieldCount ? _reader.GetString(column) : null;
        }

        [MethodImpl(Hot.Path)]
        public override bool Read()
        {
            _malformed = null;
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }

                _malformed ??= Ragged();
                return true;
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
                    values[i] = reader.GetString(i);
                }
            }

            return values;
        }

        public override void Dispose()
        {
            _reader.Dispose();
            base.Dispose();
        }

        /// <summary>Options for reading back a row captured by <see cref="CaptureRaw"/>.</summary>
        internal static CsvReaderOptions RawOptions(char delimiter) => NewOptions(
            (nameof(CsvReaderOptions.Separator), (char?)delimiter),
            (nameof(CsvReaderOptions.DetectSeparatorHint), false),
            (nameof(CsvReaderOptions.HasHeader), false),
            (nameof(CsvReaderOptions.MalformedData), CsvMalformedDataHandling.Recover));

        /// <summary>
        /// CsvReaderOptions with these properties set. They are init-only, and an init setter's signature
        /// names the IsExternalInit type of the build that declares it: code compiled against CsvHelper's
        /// netstandard2.0 build (what the module ships) would not find the setters of its .NET 8+ builds
        /// (what the net10.0 tests load). Reflection sets them the same way in both.
        /// </summary>
        private static CsvReaderOptions NewOptions(params (string Name, object? Value)[] values)
        {
            var options = new CsvReaderOptions();
            foreach (var (name, value) in values)
            {
                if (value != null)
                {
                    typeof(CsvReaderOptions).GetProperty(name)!.SetValue(options, value);
                }
            }

            return options;
        }

        /// <summary>
        /// Why a row's cell count does not fit the header, or null: fewer cells (a row cut short, or split by an
        /// unquoted line break), or more cells with text in them (which would be lost).
        /// </summary>
        private string? Ragged()
        {
            var count = _reader.FieldCount;
            if (count < _columns.Length)
            {
                return $"it has {count} cell(s) where the header has {_columns.Length} columns";
            }

            for (var i = _columns.Length; i < count; i++)
            {
                if (!string.IsNullOrEmpty(_reader.GetString(i)))
                {
                    return $"it has {count} cells where the header has {_columns.Length} columns (cell {i + 1} holds '{TextRules.Shown(_reader.GetString(i))}')";
                }
            }

            return null;
        }

        private static string Describe(CsvMalformedReason reason) => reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "a quoted field is not closed before the end of the file",
            CsvMalformedReason.StrayQuote => "a quote appears inside a field that is not quoted",
            CsvMalformedReason.TextAfterClosingQuote => "text follows the closing quote of a field",
            CsvMalformedReason.TrailingEscape => "the record ends in an escape character",
            _ => "the record is malformed (" + reason + ")",
        };

        private static PartnerOpsException Invalid(string path, CsvFormatException ex) =>
            new PartnerOpsException(
                ErrorIds.ImportFileInvalid,
                FailureKind.InvalidData,
                $"Line {ex.LineNumber} of '{path}' cannot be read as CSV: {ex.Message}",
                path,
                ex);
    }
}
