using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PartnerOps.Import
{
    /// <summary>A row's values: known properties' scalars set as column text, nested lists and objects captured as their JSON text.</summary>
    internal sealed partial class JsonImportSource
    {
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
    }
}
