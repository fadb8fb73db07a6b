using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// The key under which partner names, regions and segments are unique and matched (<see cref="PartnerRules.NameKey"/>,
    /// <see cref="RevenueRules.Key"/>), and the invisible characters they may not hold.
    /// </summary>
    /// <remarks>
    /// The key is Unicode's NFKC_Casefold, the form UAX #31 (identifiers) and UTS #39 (security mechanisms) give for
    /// caseless matching of identifiers, with two additions: the Turkish dotted capital İ (U+0130) and dotless ı (U+0131)
    /// both fold to i, so İSTANBUL, ISTANBUL and istanbul are one name whichever keyboard typed it, and every space
    /// separator (general category Zs, such as U+00A0 NO-BREAK SPACE) is a space. Computed as: NFKC; then per code point
    /// a Default_Ignorable_Code_Point is dropped, a space separator becomes U+0020, İ and ı become i, anything else is
    /// case folded (CaseFolding.txt, status C and F, so ß and ẞ fold to ss); a U+0307 COMBINING DOT ABOVE right after i
    /// is dropped (it prints as the i's own dot); then NFKC again. Accents stay (Müller and Muller are two names); runs
    /// of spaces are not collapsed (the stored name keeps them too). The tables are generated from the Unicode Character
    /// Database (see <see cref="NameKeyTables.UnicodeVersion"/> and tools/Generate-NameKeyTables.ps1); NFKC is .NET's
    /// <see cref="string.Normalize(NormalizationForm)"/>, stable for every assigned character by Unicode's stability policy.
    /// ASCII text, the common case on the import's hot path, is only lower-cased.
    /// </remarks>
    internal static class NameFolding
    {
        /// <summary>The key of a name (see the remarks of <see cref="NameFolding"/>). Text with half a surrogate pair is keyed without NFKC.</summary>
        public static string Key(string name)
        {
            var upper = false;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (c >= 0x80)
                {
                    return KeyOfUnicode(name);
                }

                upper |= c >= 'A' && c <= 'Z';
            }

            return upper ? name.ToLowerInvariant() : name;
        }

        /// <summary>
        /// The first character of <paramref name="text"/> that a name may not hold: an invisible format character, filler
        /// or unassigned default ignorable (Default_Ignorable_Code_Point of general category Cf, Lo or Cn, except U+200C and
        /// U+200D, which Persian, Indic and emoji text needs), or another format character (Cf: U+FFF9 to U+FFFB, the
        /// Egyptian hieroglyph format controls U+13430 to U+1343F) that is not a visible prepended concatenation mark (U+0600). Null when there is none; else its code point and its
        /// 1-based position in UTF-16 characters.
        /// </summary>
        public static (int CodePoint, int Position)? FirstRefused(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c < 0xAD)
                {
                    continue;
                }

                var cp = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(c, text[i + 1]) : c;
                if (InRanges(NameKeyTables.Refused, cp))
                {
                    return (cp, i + 1);
                }

                if (cp > 0xFFFF)
                {
                    i++;
                }
            }

            return null;
        }

        /// <summary>The problem of a value (of <paramref name="what"/>: "regions", "segments") that holds a refused character (see <see cref="FirstRefused"/>).</summary>
        public static string InvisibleProblem(int codePoint, int position, string what) =>
            $"it holds {Describe(codePoint)} at position {position}, an invisible character that would make two {what} that print the same two; remove it";

        /// <summary>Whether a name may not hold <paramref name="cp"/> (see <see cref="FirstRefused"/>).</summary>
        public static bool IsRefused(int cp) => cp >= 0xAD && InRanges(NameKeyTables.Refused, cp);

        /// <summary>Whether <paramref name="cp"/> is a space separator (Zs).</summary>
        public static bool IsSpace(int cp) => Array.IndexOf(NameKeyTables.Spaces, cp) >= 0;

        /// <summary>U+0020 for every space separator in <paramref name="text"/> (U+00A0, U+2000 to U+200A, U+202F, U+3000, ...).</summary>
        public static string SpacesAsSpace(string text)
        {
            StringBuilder? result = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 0x80 && c != ' ' && IsSpace(c))
                {
                    result ??= new StringBuilder(text, 0, i, text.Length);
                    result.Append(' ');
                }
                else
                {
                    result?.Append(c);
                }
            }

            return result?.ToString() ?? text;
        }

        /// <summary>How a message names a code point: U+200B, with its name for the common invisible ones.</summary>
        public static string Describe(int cp)
        {
            var code = "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
            var name = cp switch
            {
                0x00AD => "SOFT HYPHEN",
                0x061C => "ARABIC LETTER MARK",
                0x180E => "MONGOLIAN VOWEL SEPARATOR",
                0x200B => "ZERO WIDTH SPACE",
                0x200E => "LEFT-TO-RIGHT MARK",
                0x200F => "RIGHT-TO-LEFT MARK",
                0x2060 => "WORD JOINER",
                0x3164 => "HANGUL FILLER",
                0xFEFF => "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
                0xFFF9 => "INTERLINEAR ANNOTATION ANCHOR",
                0xFFFA => "INTERLINEAR ANNOTATION SEPARATOR",
                0xFFFB => "INTERLINEAR ANNOTATION TERMINATOR",
                _ when cp >= 0x13430 && cp <= 0x1343F => "an Egyptian hieroglyph format control",
                _ => cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 ? "a bidirectional formatting character" : "an invisible character",
            };
            return code + " " + name;
        }

        private static string KeyOfUnicode(string name)
        {
            if (TextRules.HasLoneSurrogate(name))
            {
                // Half a surrogate pair cannot be normalised; such text is never stored, so its key matches nothing. (Text
                // with a character stored values may no longer hold, such as U+2028 in a name stored before, is keyed as usual.)
                return name;
            }

            var nfkc = name.Normalize(NormalizationForm.FormKC);
            var folded = new StringBuilder(nfkc.Length + 4);
            for (var i = 0; i < nfkc.Length; i++)
            {
                var c = nfkc[i];
                if (c < 0x80)
                {
                    folded.Append(c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
                    continue;
                }

                var cp = char.IsHighSurrogate(c) && i + 1 < nfkc.Length ? char.ConvertToUtf32(c, nfkc[++i]) : c;
                if (InRanges(NameKeyTables.Ignorable, cp))
                {
                    continue;
                }

                if (cp == 0x0130 || cp == 0x0131)
                {
                    folded.Append('i');
                }
                else if (IsSpace(cp))
                {
                    folded.Append(' ');
                }
                else if (cp == 0x0307 && folded.Length > 0 && folded[folded.Length - 1] == 'i')
                {
                    // i with a combining dot above prints as i.
                }
                else if (NameKeyTables.Folding.TryGetValue(cp, out var to))
                {
                    folded.Append(to);
                }
                else if (cp > 0xFFFF)
                {
                    folded.Append(nfkc, i - 1, 2);
                }
                else
                {
                    folded.Append(c);
                }
            }

            // Folding can leave a decomposed sequence (ǰ folds to j and U+030C): compose it again. A dotted i again loses the dot.
            var key = folded.ToString().Normalize(NormalizationForm.FormKC);
            return key.IndexOf('\u0307') >= 0 ? key.Replace("i\u0307", "i") : key;
        }

        private static bool InRanges(int[] ranges, int cp)
        {
            if (cp < ranges[0])
            {
                return false;
            }

            for (var i = 0; i < ranges.Length; i += 2)
            {
                if (cp < ranges[i])
                {
                    return false;
                }

                if (cp <= ranges[i + 1])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
