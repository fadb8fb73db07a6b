using System;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace PartnerOps.Import
{
    /// <summary>Why a row is not imported, or skipped: undecodable bytes, blank lines, a cell count that does not fit the header, malformed records.</summary>
    internal sealed partial class CsvImportSource
    {
        /// <summary>Why the current row is not imported when it held bytes the (code-page) encoding has no character for, or null.</summary>
        private string? Undecodable()
        {
            var raw = _reader.RawRecord;
            for (var i = 0; i + 2 < raw.Length; i++)
            {
                // U+FFFD is EF BF BD in UTF-8, which the reader works in.
                if (raw[i] == 0xEF && raw[i + 1] == 0xBF && raw[i + 2] == 0xBD)
                {
                    for (var c = 0; c < _reader.FieldCount && c < _columns.Length; c++)
                    {
                        if (_reader.GetString(c).IndexOf(EncodingHint.Replacement) >= 0)
                        {
                            return EncodingHint.Unreadable(_encoding!, $"column {_columns[c]}");
                        }
                    }

                    return EncodingHint.Unreadable(_encoding!, "it");
                }
            }

            return null;
        }

        /// <summary>Whether the current record is a line of nothing but spaces and tabs (or nothing at all).</summary>
        private bool IsBlankLine()
        {
            foreach (var b in _reader.RawRecord)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the current record is an empty line (nothing but its line break).</summary>
        [MethodImpl(Hot.Path)]
        private bool IsEmptyLine()
        {
            var raw = _reader.RawRecord;
            return raw.Length == 0 || (raw[0] == (byte)'\r' || raw[0] == (byte)'\n') && (raw.Length == 1 || (raw.Length == 2 && raw[0] == (byte)'\r' && raw[1] == (byte)'\n'));
        }

        /// <summary>
        /// Whether every cell of the current record is empty or only white space. Most rows have a character
        /// other than a delimiter, quote or white space in their first bytes, which ends the check at once.
        /// </summary>
        [MethodImpl(Hot.Path)]
        private bool IsBlank()
        {
            var raw = _reader.RawRecord;
            var delimiter = (byte)_delimiter;
            for (var i = 0; i < raw.Length; i++)
            {
                var b = raw[i];
                if (b != delimiter && b != (byte)' ' && b != (byte)'\t' && b != (byte)'"' && b != (byte)'\r' && b != (byte)'\n')
                {
                    return false;
                }
            }

            // Only delimiters, quotes and white space: blank unless a quoted cell holds an escaped quote ("""").
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                if (_reader.GetString(i).Trim(' ', '\t', '\r', '\n').Length != 0)
                {
                    return false;
                }
            }

            return true;
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
                if (!_reader.IsEmpty(i))
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
    }
}
