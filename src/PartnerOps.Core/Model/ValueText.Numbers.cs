using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>Reading a number in the culture's own form: its sign, digit groups, decimal separator and exponent.</summary>
    public sealed partial class ValueText
    {
        /// <summary>
        /// The culture's reading: its sign, digits with its thousands separator only between whole groups, its decimal
        /// separator, and an exponent only without thousands separators. Rewritten to the invariant form and parsed.
        /// </summary>
        private bool TryReadCultural(string text, out decimal value)
        {
            value = 0;
            var s = text.Trim();
            var plain = new StringBuilder(s.Length);
            var i = 0;
            if (StartsAt(s, 0, _negative))
            {
                plain.Append('-');
                i = _negative.Length;
            }
            else if (StartsAt(s, 0, "-"))
            {
                plain.Append('-');
                i = 1;
            }
            else if (StartsAt(s, 0, _positive) || StartsAt(s, 0, "+"))
            {
                i = StartsAt(s, 0, _positive) ? _positive.Length : 1;
            }

            // Integer part: the lengths of its groups, right to left, are checked once the part ends.
            var groups = new System.Collections.Generic.List<int>(4);
            var run = 0;
            var grouped = false;
            var leadingZero = false;
            var digits = 0;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c >= '0' && c <= '9')
                {
                    leadingZero |= digits == 0 && c == '0';
                    plain.Append(c);
                    run++;
                    digits++;
                }
                else if (run > 0 && (StartsAt(s, i, _group) || (_spaceGroup && IsSpace(c))))
                {
                    groups.Add(run);
                    run = 0;
                    grouped = true;
                    i += (StartsAt(s, i, _group) ? _group.Length : 1) - 1;
                }
                else
                {
                    break;
                }
            }

            if (grouped)
            {
                // A number written with thousands separators never starts with a zero: 0.499 is not 499 in de-DE.
                if (run == 0 || leadingZero || !GroupsValid(groups, run))
                {
                    return false;
                }
            }

            if (i < s.Length && StartsAt(s, i, _decimal))
            {
                plain.Append('.');
                i += _decimal.Length;
                for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
                {
                    plain.Append(s[i]);
                    digits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < s.Length && (s[i] == 'e' || s[i] == 'E') && !grouped)
            {
                plain.Append('E');
                i++;
                if (i < s.Length && (s[i] == '+' || s[i] == '-'))
                {
                    plain.Append(s[i]);
                    i++;
                }
                else if (StartsAt(s, i, _negative))
                {
                    plain.Append('-');
                    i += _negative.Length;
                }

                var start = i;
                for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
                {
                    plain.Append(s[i]);
                }

                if (i == start)
                {
                    return false;
                }
            }

            return i == s.Length && decimal.TryParse(plain.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>Groups left to right before <paramref name="last"/>; from the right they must have the culture's sizes (the last size repeating), the leftmost at most that.</summary>
        private bool GroupsValid(System.Collections.Generic.List<int> groups, int last)
        {
            var sizes = _groupSizes.Length == 0 ? new[] { 3 } : _groupSizes;
            var lengths = new System.Collections.Generic.List<int>(groups) { last };
            var sizeIndex = 0;
            for (var g = lengths.Count - 1; g >= 0; g--)
            {
                var size = sizes[Math.Min(sizeIndex, sizes.Length - 1)];
                if (size == 0)
                {
                    return false;
                }

                if (g == 0 ? lengths[g] > size : lengths[g] != size)
                {
                    return false;
                }

                sizeIndex++;
            }

            return true;
        }

        private static bool StartsAt(string s, int index, string part) =>
            part.Length > 0 && index + part.Length <= s.Length && string.CompareOrdinal(s, index, part, 0, part.Length) == 0;

        private static bool IsSpace(char c) => c == ' ' || char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator || char.IsWhiteSpace(c);
    }
}
