using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// The key partners are listed by (<see cref="PartnerRules.NameSortKey"/>): names in the order people expect, the same
    /// in every culture and on every platform, and stored, so that listing and paging stay index-backed.
    /// </summary>
    /// <remarks>
    /// Computed from the name key (<see cref="NameFolding.Key"/>: case folded, compatibility forms and invisible characters
    /// gone, ß as ss, İ and ı as i): then canonical decomposition (NFD), with the combining diacritical marks dropped
    /// (U+0300-U+036F, U+1AB0-U+1AFF, U+1DC0-U+1DFF, U+20D0-U+20FF, U+FE20-U+FE2F: the accents of Latin, Greek and Cyrillic
    /// letters; the vowel signs of other scripts are not in these blocks and stay), and the Latin letters that do not
    /// decompose written as their base letters: ø as o, ł as l, đ and ð as d, ħ as h, ŧ as t, ŀ as l, ƒ as f, æ as ae,
    /// œ as oe, þ as th, ĸ as k, ŋ as n. So Élan sorts as elan (next to Elan), Ångström as angstrom (among the A's, before
    /// Zürich), Øresund as oresund. Compared as SQLite compares text (binary: code point order): digits before letters,
    /// and a space before any letter. Ties (Elan and Élan) are broken by the name key, then the id (the index order).
    /// Not the order of a culture (Swedish puts Å after Z, German phone books read ä as ae): a database is shared by users
    /// of many cultures and lists the same for each of them, and a stored key keeps -First/-Skip paging on the index.
    /// </remarks>
    internal static class NameSorting
    {
        /// <summary>A name with its sort key and name key: ordered by the sort key, then the name key, then the name (ordinal).</summary>
        internal sealed class Place : IComparable
        {
            private readonly string _sort;
            private readonly string _key;
            private readonly string _name;

            public Place(string name)
            {
                _name = name;
                _key = NameFolding.Key(name);
                _sort = SortOfKey(_key);
            }

            public int CompareTo(object? other)
            {
                var that = (Place)other!;
                var order = string.CompareOrdinal(_sort, that._sort);
                if (order == 0)
                {
                    order = string.CompareOrdinal(_key, that._key);
                }

                return order != 0 ? order : string.CompareOrdinal(_name, that._name);
            }
        }

        /// <summary>The sort key of a (normalised) partner name.</summary>
        public static string Key(string name) => SortOfKey(NameFolding.Key(name));

        // The sort key from the name key.
        private static string SortOfKey(string key)
        {
            var ascii = true;
            foreach (var c in key)
            {
                if (c >= 0x80)
                {
                    ascii = false;
                    break;
                }
            }

            if (ascii)
            {
                return key; // the usual case: the name key is already lower-case ASCII
            }

            var decomposed = key.Normalize(NormalizationForm.FormD);
            var sorted = new StringBuilder(decomposed.Length);
            foreach (var c in decomposed)
            {
                if (IsDiacritic(c))
                {
                    continue;
                }

                sorted.Append(Base(c));
            }

            return sorted.ToString();
        }

        // The combining diacritical marks blocks (all in the BMP).
        private static bool IsDiacritic(char c) =>
            (c >= '\u0300' && c <= '\u036F') || (c >= '\u1AB0' && c <= '\u1AFF') || (c >= '\u1DC0' && c <= '\u1DFF')
            || (c >= '\u20D0' && c <= '\u20FF') || (c >= '\uFE20' && c <= '\uFE2F');

        // Latin letters without a canonical decomposition, as their base letters (the name key is case folded: lower case only).
        private static string Base(char c)
        {
            switch (c)
            {
                case 'ø': return "o";
                case 'ł': return "l";
                case 'đ': return "d";
                case 'ð': return "d";
                case 'ħ': return "h";
                case 'ŧ': return "t";
                case 'ŀ': return "l";
                case 'ƒ': return "f";
                case 'æ': return "ae";
                case 'œ': return "oe";
                case 'þ': return "th";
                case 'ĸ': return "k";
                case 'ŋ': return "n";
                case 'ı': return "i";
                case 'ß': return "ss";
                default: return c.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
