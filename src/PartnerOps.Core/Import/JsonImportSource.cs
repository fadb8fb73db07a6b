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
    internal sealed class JsonImportSource : ImportSource
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

        /// <summary>
        /// Starts writing a known property's JSON array or object (or an array item that is not an object) as JSON text, so
        /// that a one-element list can be taken as its element and anything else shown in the row's reason and written to the
        /// failed-row file as it was read.
        /// </summary>
        private void BeginCapture(JsonTokenType token, int depth)
        {
            _captureStream = new MemoryStream();
            _capture = new Utf8JsonWriter(_captureStream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            _captureIsArray = token == JsonTokenType.StartArray;
            _captureElements = 0;
            _captureNested = false;
            _captureElement = null;
            _captureNumber = false;
            if (_captureIsArray)
            {
                _capture.WriteStartArray();
            }
            else
            {
                _capture.WriteStartObject();
            }
        }

        private void Capture(ref Utf8JsonReader reader)
        {
            var writer = _capture!;
            var direct = reader.CurrentDepth == _skipDepth + 1;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _captureNested |= direct;
                    _captureElements += direct ? 1 : 0;
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.StartArray:
                    _captureNested |= direct;
                    _captureElements += direct ? 1 : 0;
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(Text(ref reader) ?? string.Empty);
                    break;
                default:
                    var number = reader.TokenType == JsonTokenType.Number;
                    var value = Scalar(ref reader);
                    if (number)
                    {
                        writer.WriteRawValue(value!, skipInputValidation: true);
                    }
                    else if (reader.TokenType == JsonTokenType.String)
                    {
                        writer.WriteStringValue(value);
                    }
                    else if (value == null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    }

                    if (direct)
                    {
                        _captureElements++;
                        _captureElement = value;
                        _captureNumber = number;
                    }

                    break;
            }
        }

        /// <summary>The captured value's JSON text (["EUR","USD"], {"city":"Hamburg"}); the capture ends.</summary>
        private string EndCapture()
        {
            _capture!.Flush();
            var text = Encoding.UTF8.GetString(_captureStream!.ToArray());
            _capture.Dispose();
            _capture = null;
            _captureStream = null;
            return text;
        }

        /// <summary>
        /// A known property's list or object, as the pipeline takes it (SingleValue): a list of one plain value is that
        /// value; an empty list, a list of several values or of null, a nested list or an object fails the row, naming the
        /// property and showing the value, and the value's JSON text is the column's value (the failed-row file keeps it).
        /// </summary>
        private void TakeCaptured()
        {
            var isArray = _captureIsArray;
            var elements = _captureElements;
            var nested = _captureNested;
            var element = _captureElement;
            var number = _captureNumber;
            var text = EndCapture();
            if (isArray && elements == 1 && !nested && element != null)
            {
                Set(element, number);
                return;
            }

            string? what = null;
            if (isArray && elements == 1 && nested)
            {
                // A list of one list is read as the pipeline reads it (SingleValue checks a list's one element again):
                // [["DE"]] is DE; [[]] is an empty list, [["a","b"]] two values, [{...}] an object.
                using var document = JsonDocument.Parse(text);
                var inner = document.RootElement;
                while (inner.ValueKind == JsonValueKind.Array && inner.GetArrayLength() == 1)
                {
                    inner = inner[0];
                }

                switch (inner.ValueKind)
                {
                    case JsonValueKind.String:
                        Set(inner.GetString());
                        return;
                    case JsonValueKind.Number:
                        Set(inner.GetRawText(), true);
                        return;
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        Set(inner.ValueKind == JsonValueKind.True ? "True" : "False");
                        return;
                    case JsonValueKind.Array:
                        var count = inner.GetArrayLength();
                        what = count == 0 ? "an empty list" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} values";
                        break;
                    case JsonValueKind.Object:
                        what = "a JSON object";
                        break;
                    default:
                        what = "a list holding only null";
                        break;
                }
            }

            what ??= !isArray ? "a JSON object"
                : elements == 0 ? "an empty list"
                : elements == 1 ? "a list holding only null"
                : $"{elements.ToString(System.Globalization.CultureInfo.InvariantCulture)} values";
            _malformed ??= $"property '{TextRules.Shown(_property?.Trim())}' holds {what} ({TextRules.Shown(text)}) where one value is needed; give one string, number or boolean (a list of one value is taken as that value).";
            Set(text);
        }

        /// <summary>A scalar token's text as a column holds it (null for JSON null).</summary>
        private string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => Text(ref reader),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
            JsonTokenType.True => "True",
            JsonTokenType.False => "False",
            _ => null,
        };

        /// <summary>
        /// The string token's text; null, with the row marked malformed, when an escape such as \uD800 leaves half
        /// of a surrogate pair (valid JSON syntax, but not Unicode text: the reader throws InvalidOperationException).
        /// </summary>
        private string? Text(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                _malformed ??= (reader.TokenType == JsonTokenType.PropertyName ? "a property name" : $"the value of property '{_property}'")
                    + " holds half of a surrogate pair (a lone \\uD800-\\uDFFF escape), which is not Unicode text";
                return null;
            }
        }

        private void BeginRecord(ref Utf8JsonReader reader)
        {
            _inRecord = true;
            _line = LineAt(reader.TokenStartIndex);
        }

        /// <summary>
        /// Sets the current property's column. A property given twice in one object (ignoring case and surrounding
        /// space), or two properties naming one field through its aliases (PartnerName and Name), make the row fail:
        /// JSON readers differ on which one wins, so neither is taken (a CSV header naming a field twice is
        /// ImportHeaderInvalid for the whole file).
        /// </summary>
        private void Set(string? value, bool number = false)
        {
            if (_column < 0)
            {
                return;
            }

            if (_strict && value != null && value.IndexOf(EncodingHint.Replacement) >= 0)
            {
                _malformed ??= EncodingHint.Unreadable(_encoding!, $"property '{TextRules.Shown(_property?.Trim())}'");
            }

            var previous = _setBy[_column];
            if (previous == null)
            {
                _values[_column] = value;
                _numbers[_column] = number;
                _setBy[_column] = _property;
                return;
            }

            if (string.Equals(previous.Trim(), _property?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                _malformed ??= $"property '{TextRules.Shown(_property?.Trim())}' appears more than once in the object ({(previous == _property ? "twice" : $"as '{TextRules.Shown(previous)}' and '{TextRules.Shown(_property)}'")}); only one value could be read";
                return;
            }

            _malformed ??= $"properties '{TextRules.Shown(previous.Trim())}' and '{TextRules.Shown(_property?.Trim())}' both name the field {_columns[_column]} (an alias names the same field); only one value could be read";
        }

        private int ColumnFor(string property)
        {
            var name = _canonicalColumn(property) ?? property.Trim();
            if (!_index.TryGetValue(name, out var column))
            {
                column = _columns.Count;
                _columns.Add(name);
                _index.Add(name, column);
                if (column >= _values.Length)
                {
                    Array.Resize(ref _values, _values.Length * 2);
                    Array.Resize(ref _numbers, _values.Length);
                    Array.Resize(ref _setBy, _setBy.Length * 2);
                }
            }

            return column;
        }

        /// <summary>The line of a position in the reader's span (which starts at <see cref="_start"/>).</summary>
        private long LineAt(long tokenStartIndex)
        {
            CountLinesTo(_start + (int)tokenStartIndex);
            return _lineAtCounted;
        }

        private void CountLinesTo(int position)
        {
            for (var i = _countedTo; i < position; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    _lineAtCounted++;
                }
            }

            _countedTo = Math.Max(_countedTo, position);
        }

        private void Fill()
        {
            CountLinesTo(_start);
            var remaining = _end - _start;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            }
            else if (remaining == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // one token larger than the buffer
            }

            _start = 0;
            _end = remaining;
            _countedTo = 0;
            var read = _input.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
            if (_first)
            {
                _first = false;
                if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
                {
                    _start = _countedTo = 3; // Utf8JsonReader does not skip a byte-order mark
                }
            }
        }

        private bool IsWhitespace(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var b = _buffer[i];
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The line at a buffer position, which may lie before the counted position (a token already counted).</summary>
        private long LineAtPosition(int position)
        {
            if (position >= _countedTo)
            {
                CountLinesTo(position);
                return _lineAtCounted;
            }

            var line = _lineAtCounted;
            for (var i = position; i < _countedTo; i++)
            {
                if (_buffer[i] == (byte)'\n')
                {
                    line--;
                }
            }

            return line;
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
