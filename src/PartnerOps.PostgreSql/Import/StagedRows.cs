using System;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The rows of an import batch that are in the staging table, by their place in it (the staging table's <c>ord</c>, from 0):
    /// each row's line of the file and the row as read, so a row the merge refuses can be reported (and written to the
    /// failed-row file) after its chunk went back to the reader. One growing buffer, reused batch after batch.
    /// </summary>
    internal sealed class StagedRows
    {
        private long[] _lines = new long[1024];
        private int[] _offsets = new int[1025];
        private byte[] _raw = new byte[64 * 1024];

        /// <summary>Rows staged since <see cref="Clear"/>.</summary>
        public int Count { get; private set; }

        /// <summary>Keeps a chunk's row (its line and the row as read); its place is the <see cref="Count"/> before the call.</summary>
        public void Add(ImportChunk chunk, int row)
        {
            if (Count + 1 >= _lines.Length)
            {
                Array.Resize(ref _lines, _lines.Length * 2);
                Array.Resize(ref _offsets, _offsets.Length * 2);
            }

            var used = _offsets[Count];
            var length = chunk.RawLength(row);
            if (used + length > _raw.Length)
            {
                Array.Resize(ref _raw, Math.Max(_raw.Length * 2, used + length));
            }

            chunk.CopyRaw(row, new Span<byte>(_raw, used, length));
            _lines[Count] = chunk.Line(row);
            Count++;
            _offsets[Count] = used + length;
        }

        /// <summary>The file's line of the row at <paramref name="ord"/>.</summary>
        public long Line(int ord) => _lines[ord];

        /// <summary>A copy of the row at <paramref name="ord"/> as read.</summary>
        public byte[] Raw(int ord)
        {
            var copy = new byte[_offsets[ord + 1] - _offsets[ord]];
            Buffer.BlockCopy(_raw, _offsets[ord], copy, 0, copy.Length);
            return copy;
        }

        /// <summary>Forgets the rows (merged, or rolled back).</summary>
        public void Clear()
        {
            Count = 0;
            _offsets[0] = 0;
        }
    }
}
