using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PartnerOps.Import
{
    /// <summary>The refilled read buffer and the line numbers of positions in it.</summary>
    internal sealed partial class JsonImportSource
    {
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
            int read;
            try
            {
                read = _input.Read(_buffer, _end, _buffer.Length - _end);
            }
            catch (DecoderFallbackException ex)
            {
                // A file read through a decoder (a UTF-16 or UTF-32 byte-order mark, or -Encoding) with bytes no character has.
                var bytes = string.Join(" ", (ex.BytesUnknown ?? Array.Empty<byte>()).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
                throw Invalid($"its bytes {bytes} are not text in its encoding (its byte-order mark's, or -Encoding's); save it again as UTF-8, or give the -Encoding it was written in", inner: ex);
            }

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
    }
}
