using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// Rows on their way from the reading thread to the writing thread: per row its line, its SQL parameter
    /// values already encoded as UTF-8 (so the writer only binds), and the row as read, kept in case the
    /// database rejects it. Chunks are reused, so a row costs no allocation here.
    /// </summary>
    public sealed class ImportChunk
    {
        private const byte NullKind = 0;
        private const byte TextKind = 1;
        private const byte IntegerKind = 2;

        private readonly byte[] _kinds;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly long[] _integers;
        private readonly long[] _lines;
        private readonly int[] _rawOffsets;
        private readonly int[] _rawLengths;
        private byte[] _bytes = new byte[64 * 1024];
        private byte[] _raw = new byte[64 * 1024];
        private int _bytesUsed;
        private int _rawUsed;
        private int _parameter;
        private int _rowBytesStart;
        private int _rowRawStart;
        private bool _rowHasRaw;

        public ImportChunk(int capacity, int parameterCount)
        {
            Capacity = capacity;
            ParameterCount = parameterCount;
            _kinds = new byte[capacity * parameterCount];
            _offsets = new int[capacity * parameterCount];
            _lengths = new int[capacity * parameterCount];
            _integers = new long[capacity * parameterCount];
            _lines = new long[capacity];
            _rawOffsets = new int[capacity];
            _rawLengths = new int[capacity];
        }

        public int Capacity { get; }

        public int ParameterCount { get; }

        /// <summary>Complete rows in the chunk.</summary>
        public int Count { get; private set; }

        public bool IsFull => Count == Capacity;

        public void Clear()
        {
            Count = 0;
            _bytesUsed = 0;
            _rawUsed = 0;
            _parameter = 0;
        }

        #region Building a row (reading thread)

        [MethodImpl(Hot.Path)]
        public void BeginRow()
        {
            if (IsFull)
            {
                throw new InvalidOperationException("The chunk is full.");
            }

            _parameter = 0;
            _rowBytesStart = _bytesUsed;
            _rowRawStart = _rawUsed;
            _rowHasRaw = false;
        }

        [MethodImpl(Hot.Path)]
        public void AddNull() => Next(NullKind);

        [MethodImpl(Hot.Path)]
        public void AddText(string? value)
        {
            if (value == null)
            {
                AddNull();
                return;
            }

            var slot = Next(TextKind);
            Ensure(ref _bytes, _bytesUsed, Encoding.UTF8.GetMaxByteCount(value.Length));
            var length = Encoding.UTF8.GetBytes(value, 0, value.Length, _bytes, _bytesUsed);
            _offsets[slot] = _bytesUsed;
            _lengths[slot] = length;
            _bytesUsed += length;
        }

        /// <summary>Text already in UTF-8, e.g. an enum name encoded once.</summary>
        [MethodImpl(Hot.Path)]
        public void AddUtf8(byte[] value)
        {
            var slot = Next(TextKind);
            Ensure(ref _bytes, _bytesUsed, value.Length);
            Buffer.BlockCopy(value, 0, _bytes, _bytesUsed, value.Length);
            _offsets[slot] = _bytesUsed;
            _lengths[slot] = value.Length;
            _bytesUsed += value.Length;
        }

        /// <summary>A date as stored: yyyy-MM-dd.</summary>
        [MethodImpl(Hot.Path)]
        public void AddDate(DateTime date)
        {
            var slot = Next(TextKind);
            Ensure(ref _bytes, _bytesUsed, 10);
            var b = _bytes;
            var i = _bytesUsed;
            WriteDigits(b, i, date.Year, 4);
            b[i + 4] = (byte)'-';
            WriteDigits(b, i + 5, date.Month, 2);
            b[i + 7] = (byte)'-';
            WriteDigits(b, i + 8, date.Day, 2);
            _offsets[slot] = i;
            _lengths[slot] = 10;
            _bytesUsed += 10;
        }

        public void AddInteger(long value)
        {
            var slot = Next(IntegerKind);
            _integers[slot] = value;
        }

        /// <summary>The row as read (see <see cref="ImportSource.CaptureRaw"/>).</summary>
        [MethodImpl(Hot.Path)]
        public void SetRaw(ReadOnlySpan<byte> raw)
        {
            Ensure(ref _raw, _rawUsed, raw.Length);
            raw.CopyTo(new Span<byte>(_raw, _rawUsed, raw.Length));
            _rawUsed += raw.Length;
            _rowHasRaw = true;
        }

        [MethodImpl(Hot.Path)]
        public void EndRow(long line)
        {
            if (_parameter != ParameterCount)
            {
                throw new InvalidOperationException($"A row has {_parameter} parameters; the target expects {ParameterCount}.");
            }

            _lines[Count] = line;
            _rawOffsets[Count] = _rowRawStart;
            _rawLengths[Count] = _rowHasRaw ? _rawUsed - _rowRawStart : 0;
            Count++;
        }

        /// <summary>Forgets the row being built (it failed validation).</summary>
        public void AbortRow()
        {
            _bytesUsed = _rowBytesStart;
            _rawUsed = _rowRawStart;
            _parameter = 0;
        }

        #endregion

        #region Reading rows (writing thread)

        public long Line(int row) => _lines[row];

        public bool IsNull(int row, int parameter) => _kinds[Slot(row, parameter)] == NullKind;

        public bool IsInteger(int row, int parameter) => _kinds[Slot(row, parameter)] == IntegerKind;

        public long Integer(int row, int parameter) => _integers[Slot(row, parameter)];

        [MethodImpl(Hot.Path)]
        public ReadOnlySpan<byte> Text(int row, int parameter)
        {
            var slot = Slot(row, parameter);
            return new ReadOnlySpan<byte>(_bytes, _offsets[slot], _lengths[slot]);
        }

        /// <summary>A text parameter's UTF-8 bytes as memory, for a writer that passes them on as they are (a COPY); valid until the chunk is cleared.</summary>
        internal ReadOnlyMemory<byte> TextMemory(int row, int parameter)
        {
            var slot = Slot(row, parameter);
            return new ReadOnlyMemory<byte>(_bytes, _offsets[slot], _lengths[slot]);
        }

        /// <summary>The length in bytes of the row as read (<see cref="Raw"/>).</summary>
        internal int RawLength(int row) => _rawLengths[row];

        /// <summary>Copies the row as read into <paramref name="destination"/>, which holds <see cref="RawLength"/> bytes.</summary>
        internal void CopyRaw(int row, Span<byte> destination) => new ReadOnlySpan<byte>(_raw, _rawOffsets[row], _rawLengths[row]).CopyTo(destination);

        public string? TextString(int row, int parameter)
        {
            var slot = Slot(row, parameter);
            return _kinds[slot] == TextKind ? Encoding.UTF8.GetString(_bytes, _offsets[slot], _lengths[slot]) : null;
        }

        /// <summary>A copy of the row as read.</summary>
        public byte[] Raw(int row)
        {
            var copy = new byte[_rawLengths[row]];
            Buffer.BlockCopy(_raw, _rawOffsets[row], copy, 0, copy.Length);
            return copy;
        }

        #endregion

        private int Slot(int row, int parameter) => row * ParameterCount + parameter;

        [MethodImpl(Hot.Path)]
        private int Next(byte kind)
        {
            if (_parameter >= ParameterCount)
            {
                throw new InvalidOperationException($"A row has more than the {ParameterCount} parameters the target expects.");
            }

            var slot = Slot(Count, _parameter++);
            _kinds[slot] = kind;
            return slot;
        }

        private static void Ensure(ref byte[] buffer, int used, int more)
        {
            if (used + more > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + more));
            }
        }

        private static void WriteDigits(byte[] buffer, int offset, int value, int digits)
        {
            for (var i = digits - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)('0' + value % 10);
                value /= 10;
            }
        }
    }
}
