using System;
using PartnerOps.Sqlite.Native;
using SQLitePCL;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Every partner's name key (UTF-8 bytes, in the BINARY order of the partners_name_key index) with its id, read once by
    /// one sequential scan of that index (it covers name_key and id, so no row of the table is read), and searched by
    /// binary search on the bytes an import row already holds: no SQL statement and no allocation per row. Keys that
    /// several partners share (names stored before schema 4 that print the same) are marked as shared. About 12 bytes
    /// plus the key's length per partner (about 22 MB for a million partners named 'Co 1'..'Co 1000000').
    /// Valid while no other connection changes the partners (<see cref="RevenueImportTarget"/> checks data_version per batch).
    /// </summary>
    internal sealed class PartnerKeyMap
    {
        /// <summary>The id given for a key that names more than one partner.</summary>
        public const long Shared = -1;

        private readonly byte[] _keys;
        private readonly int[] _offsets;
        private readonly long[] _ids;
        private readonly int _count;

        private PartnerKeyMap(byte[] keys, int[] offsets, long[] ids, int count)
        {
            _keys = keys;
            _offsets = offsets;
            _ids = ids;
            _count = count;
        }

        /// <summary>Keys in the map (shared keys once).</summary>
        public int Count => _count;

        /// <summary>Reads the map, or null when its keys would take more than <paramref name="maxKeyBytes"/> bytes (then look up per batch).</summary>
        public static PartnerKeyMap? Build(sqlite3 db, int maxKeyBytes)
        {
            // The index's BINARY order is the order of the stored bytes, which are the row's UTF-8 bytes only in a UTF-8 database.
            if (!string.Equals(SqliteStatement.QueryText(db, "PRAGMA encoding"), "UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var keys = new byte[64 * 1024];
            var offsets = new int[1024];
            var ids = new long[1024];
            var used = 0;
            var count = 0;
            var complete = SqliteScan.ForEach(db, "SELECT name_key, id FROM partners ORDER BY name_key, name_dup", (key, id) =>
            {
                if (count > 0 && key.SequenceEqual(new ReadOnlySpan<byte>(keys, offsets[count - 1], used - offsets[count - 1])))
                {
                    ids[count - 1] = Shared;
                    return true;
                }

                if (used + key.Length > maxKeyBytes)
                {
                    return false;
                }

                if (used + key.Length > keys.Length)
                {
                    Array.Resize(ref keys, Math.Max(keys.Length * 2, used + key.Length));
                }

                if (count + 2 > offsets.Length)
                {
                    Array.Resize(ref offsets, offsets.Length * 2);
                    Array.Resize(ref ids, ids.Length * 2);
                }

                offsets[count] = used;
                key.CopyTo(new Span<byte>(keys, used, key.Length));
                used += key.Length;
                ids[count] = id;
                count++;
                return true;
            });
            if (!complete)
            {
                return null;
            }

            offsets[count] = used;
            return new PartnerKeyMap(keys, offsets, ids, count);
        }

        /// <summary>The id of the partner with the name key, 0 when there is none, <see cref="Shared"/> when there are several.</summary>
        public long Find(ReadOnlySpan<byte> nameKey)
        {
            var low = 0;
            var high = _count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var c = new ReadOnlySpan<byte>(_keys, _offsets[middle], _offsets[middle + 1] - _offsets[middle]).SequenceCompareTo(nameKey);
                if (c == 0)
                {
                    return _ids[middle];
                }

                if (c < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return 0;
        }
    }
}
