using System;
using System.Collections.Generic;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The key of a revenue_totals cell: partner (0 = direct revenue), calendar year of the booking date, region key
    /// ('' when the record has no region), segment key and ISO 4217 currency code. Equal as the table's primary key is
    /// (texts compared by their bytes) and ordered as it is (<see cref="Order"/>).
    /// </summary>
    internal readonly struct CellKey : IEquatable<CellKey>
    {
        public CellKey(long partnerKey, int year, string regionKey, string segmentKey, string currency)
        {
            PartnerKey = partnerKey;
            Year = year;
            RegionKey = regionKey;
            SegmentKey = segmentKey;
            Currency = currency;
        }

        public long PartnerKey { get; }

        public int Year { get; }

        public string RegionKey { get; }

        public string SegmentKey { get; }

        public string Currency { get; }

        /// <summary>The order of revenue_totals' primary key (BINARY collation: UTF-8 bytes).</summary>
        public static IComparer<CellKey> Order { get; } = Comparer<CellKey>.Create((a, b) =>
        {
            var c = a.PartnerKey.CompareTo(b.PartnerKey);
            if (c == 0)
            {
                c = a.Year.CompareTo(b.Year);
            }

            if (c == 0)
            {
                c = Utf8Order.Compare(a.RegionKey, b.RegionKey);
            }

            if (c == 0)
            {
                c = Utf8Order.Compare(a.SegmentKey, b.SegmentKey);
            }

            return c == 0 ? Utf8Order.Compare(a.Currency, b.Currency) : c;
        });

        public bool Equals(CellKey other) =>
            PartnerKey == other.PartnerKey && Year == other.Year && string.Equals(RegionKey, other.RegionKey, StringComparison.Ordinal)
            && string.Equals(SegmentKey, other.SegmentKey, StringComparison.Ordinal) && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is CellKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = PartnerKey.GetHashCode();
                hash = (hash * 397) ^ Year;
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(RegionKey);
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(SegmentKey);
                return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Currency);
            }
        }
    }

    /// <summary>
    /// SQLite's BINARY collation for .NET strings: the order of their UTF-8 bytes, which is the order of their code points
    /// (UTF-16's ordinal order differs for characters above U+FFFF against U+E000..U+FFFF).
    /// </summary>
    internal static class Utf8Order
    {
        /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>.</summary>
        public static int Compare(string a, string b)
        {
            var length = Math.Min(a.Length, b.Length);
            for (var i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return CodePointRank(a[i]) - CodePointRank(b[i]);
                }
            }

            return a.Length - b.Length;
        }

        /// <summary>The smaller of two texts as SQLite's min() picks it.</summary>
        public static string Min(string a, string b) => Compare(b, a) < 0 ? b : a;

        // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: they rank after U+E000..U+FFFF.
        private static int CodePointRank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }
}
