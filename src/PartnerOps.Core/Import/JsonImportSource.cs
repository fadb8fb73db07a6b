using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace PartnerOps.Import
{
    /// <summary>
    /// A JSON array of objects (or one object), streamed with Utf8JsonReader over a buffer that is refilled
    /// as it is consumed: the file is never loaded whole. Property names are columns (matched ignoring case);
    /// strings, numbers and booleans are values, null is no value. In a known property a list of one value is that
    /// value (as the pipeline binds ["EUR"]); an empty list, several values or an object make the row fail alone, and
    /// the value's JSON text is written to the failed-row file. An unknown property is ignored whatever it holds. Lines are counted as the buffer is consumed, so each row knows the line it begins on.
    /// </summary>
    internal sealed partial class JsonImportSource : ImportSource
    {
        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        private readonly Stream _input;
        private readonly Func<string, string?> _canonicalColumn;
        private readonly IReadOnlyList<string> _rawColumns;
        private readonly CsvReaderOptions _rawOptions = CsvImportSource.RawOptions(',');
        private readonly List<string> _columns = new List<string>();
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private string?[] _values = new string?[16];
        private bool[] _numbers = new bool[16];
        private string?[] _setBy = new string?[16];
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;
        private bool _eof;
        private bool _first = true;
        private JsonReaderState _state = new JsonReaderState(ReaderOptions);
        private int _countedTo;
        private long _lineAtCounted = 1;
        private Phase _phase;
        private bool _inRecord;
        private int _column = -1;
        private string? _property;
        private int _skipDepth = -1;
        private long _line;
        private readonly bool _strict;
        private readonly System.Text.Encoding? _encoding;
        private string? _malformed;
        private MemoryStream? _captureStream;
        private Utf8JsonWriter? _capture;
        private bool _captureIsArray;
        private int _captureElements;
        private bool _captureNested;
        private string? _captureElement;
        private bool _captureNumber;

        public JsonImportSource(string path, FileStream file, ImportOptions options, Func<string, string?> canonicalColumn, IReadOnlyList<string> canonicalColumns)
            : base(path, file)
        {
            _canonicalColumn = canonicalColumn;
            _rawColumns = canonicalColumns;
            _input = Utf8TranscodingStream.Wrap(file, options.Encoding);
            _strict = EncodingHint.IsStrict(options.Encoding);
            _encoding = options.Encoding;
        }

        private enum Phase
        {
            Start,
            Items,
            SingleObject,
            AfterSingleObject,
            End,
        }

        private enum Outcome
        {
            NeedData,
            Record,
            End,
        }

        public override IReadOnlyList<string> Columns => _columns;

        public override IReadOnlyList<string> RawColumns => _rawColumns;

        public override long Line => _line;

        public override string? Malformed => _malformed;

        public override string? this[int column] => column < _values.Length ? _values[column] : null;

        /// <inheritdoc/>
        public override bool IsNumber(int column) => column >= 0 && column < _numbers.Length && _numbers[column];

        public override bool Read()
        {
            if (_phase == Phase.AfterSingleObject)
            {
                _phase = Phase.End;
            }

            if (_phase == Phase.End)
            {
                return false;
            }

            Array.Clear(_values, 0, _values.Length);
            Array.Clear(_numbers, 0, _numbers.Length);
            Array.Clear(_setBy, 0, _setBy.Length);
            _malformed = null;
            while (true)
            {
                if (_eof && _phase == Phase.Start && IsWhitespace(_start, _end))
                {
                    _phase = Phase.End; // an empty file is no rows
                    return false;
                }

                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_buffer, _start, _end - _start), _eof, _state);
                Outcome outcome;
                try
                {
                    outcome = Process(ref reader);
                }
                catch (JsonException ex)
                {
                    throw Invalid(ex);
                }

                _state = reader.CurrentState;
                _start += (int)reader.BytesConsumed;
                if (outcome != Outcome.NeedData)
                {
                    return outcome == Outcome.Record;
                }

                if (_eof)
                {
                    throw Invalid("the file ends before its JSON is complete");
                }

                Fill();
            }
        }

        public override void CaptureRaw(ImportChunk chunk) => chunk.SetRaw(Encoding.UTF8.GetBytes(CsvText.Record(CurrentRaw(), ',')));

        public override string?[] CurrentRaw()
        {
            var values = new string?[_rawColumns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _index.TryGetValue(_rawColumns[i], out var column) ? this[column] : null;
            }

            return values;
        }

        public override string?[] ParseRaw(byte[] raw)
        {
            var values = new string?[_rawColumns.Count];
            using var reader = CsvReader.Create(raw, _rawOptions);
            if (reader.Read())
            {
                for (var i = 0; i < values.Length && i < reader.FieldCount; i++)
                {
                    var value = reader.GetString(i);
                    values[i] = value.Length == 0 ? null : value;
                }
            }

            return values;
        }

        public override void Dispose()
        {
            _input.Dispose();
            base.Dispose();
        }

        private Outcome Process(ref Utf8JsonReader reader)
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (_skipDepth >= 0)
                {
                    if (_capture != null)
                    {
                        Capture(ref reader);
                    }

                    if ((token == JsonTokenType.EndObject || token == JsonTokenType.EndArray) && reader.CurrentDepth == _skipDepth)
                    {
                        _skipDepth = -1;
                        if (!_inRecord)
                        {
                            var item = EndCapture();
                            _malformed = $"the array item is not a JSON object ({TextRules.Shown(item)}); each item must be an object of properties.";
                            return Outcome.Record; // an array item that was not an object, now skipped
                        }

                        if (_capture != null)
                        {
                            TakeCaptured();
                        }
                    }

                    continue;
                }

                if (_phase == Phase.Start)
                {
                    if (token == JsonTokenType.StartArray)
                    {
                        _phase = Phase.Items;
                        continue;
                    }

                    if (token == JsonTokenType.StartObject)
                    {
                        _phase = Phase.SingleObject;
                        BeginRecord(ref reader);
                        continue;
                    }

                    throw Invalid("the file holds neither a JSON array of objects nor one object");
                }

                if (!_inRecord)
                {
                    if (token == JsonTokenType.EndArray)
                    {
                        _phase = Phase.End;
                        return Outcome.End;
                    }

                    if (token == JsonTokenType.StartObject)
                    {
                        BeginRecord(ref reader);
                        continue;
                    }

                    _line = LineAt(reader.TokenStartIndex);
                    if (token == JsonTokenType.StartArray)
                    {
                        _skipDepth = reader.CurrentDepth;
                        BeginCapture(token, reader.CurrentDepth);
                        continue;
                    }

                    _malformed = $"the array item is not a JSON object ({TextRules.Shown(Scalar(ref reader))}); each item must be an object of properties.";
                    return Outcome.Record;
                }

                switch (token)
                {
                    case JsonTokenType.PropertyName:
                        _property = Text(ref reader);
                        _column = _property == null ? -1 : ColumnFor(_property);
                        break;
                    case JsonTokenType.EndObject:
                        _inRecord = false;
                        if (_phase == Phase.SingleObject)
                        {
                            _phase = Phase.AfterSingleObject;
                        }

                        return Outcome.Record;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        _skipDepth = reader.CurrentDepth;
                        if (_column >= 0 && _property != null && _canonicalColumn(_property) != null)
                        {
                            BeginCapture(token, reader.CurrentDepth); // a known property: its list or object is read
                        }

                        // An unknown property is ignored whatever it holds (it is named in the unknown-column warning).
                        break;
                    case JsonTokenType.String:
                        Set(Text(ref reader));
                        break;
                    case JsonTokenType.Number:
                        Set(Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), number: true);
                        break;
                    case JsonTokenType.True:
                        Set("True");
                        break;
                    case JsonTokenType.False:
                        Set("False");
                        break;
                    case JsonTokenType.Null:
                        Set(null);
                        break;
                }
            }

            return Outcome.NeedData;
        }

        /// <summary>The reader's line count travels in its state from one buffer to the next: it counts from the file's start, from 0.</summary>
        private PartnerOpsException Invalid(JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return Invalid("it is not valid JSON: " + (cut > 0 ? message.Substring(0, cut) : message), (ex.LineNumber ?? 0) + 1, ex);
        }

        private PartnerOpsException Invalid(string problem, long? line = null, Exception? inner = null) =>
            new PartnerOpsException(
                ErrorIds.ImportFileInvalid,
                FailureKind.InvalidData,
                $"Line {line ?? LineAtPosition(_start)} of '{Path}' cannot be imported: {problem}",
                Path,
                inner);
    }
}
