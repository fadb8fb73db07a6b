using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>What every stored text must be, and how a value is shown in a message.</summary>
    public static class TextRules
    {
        /// <summary>Values longer than this are shown shortened in messages (the error's TargetObject keeps them whole).</summary>
        public const int MaxShownLength = 60;

        private const int ShownPrefixLength = 40;

        /// <summary>
        /// A value as a message shows it: control characters and invisible characters (format characters such as U+200B, U+FEFF,
        /// U+00AD, and the fillers such as U+3164) and the line and paragraph separators U+2028 and U+2029
        /// as PowerShell escapes (`u{1B}, `u{200B}), so that nothing invisible or terminal-changing is printed, and a long value as its first 40 characters, "…" and its length.
        /// </summary>
        public static string Shown(string? value)
        {
            if (value == null)
            {
                return string.Empty;
            }

            var text = value.Length > MaxShownLength ? value.Substring(0, ShownPrefixLength) : value;
            var shown = new StringBuilder(text.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && NameFolding.IsRefused(char.ConvertToUtf32(c, text[i + 1])))
                {
                    // A refused character beyond U+FFFF (U+13430, the tags U+E0001...) as one escape.
                    shown.Append("`u{").Append(char.ConvertToUtf32(c, text[++i]).ToString("X", CultureInfo.InvariantCulture)).Append('}');
                }
                else if (char.IsControl(c) || LoneSurrogateAt(text, i) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || c == '\u2028' || c == '\u2029' || NameFolding.IsRefused(c))
                {
                    shown.Append(Escape(c));
                }
                else
                {
                    shown.Append(c);
                }
            }

            if (value.Length > MaxShownLength)
            {
                shown.Append("… (").Append(value.Length.ToString("N0", CultureInfo.InvariantCulture)).Append(" characters)");
            }

            return shown.ToString();
        }

        /// <summary>
        /// Why a text cannot be stored, or null when it can: control characters (SQLite's length() stops at a NUL,
        /// and the others are invisible or change a terminal), except line breaks and tabs where they are allowed,
        /// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (line breaks too, allowed where line breaks are),
        /// and U+FFFD, the mark of bytes a file's encoding could not read.
        /// </summary>
        /// <remarks>
        /// Half of a surrogate pair is refused too: UTF-8 has no form for it (SQLite would keep U+FFFD instead), and NFC
        /// normalisation throws on it, so check before normalising.
        /// </remarks>
        public static string? Problem(string text, bool allowLineBreaks = false)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsControl(c) && !(allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')))
                {
                    return $"it holds the control character {Escape(c)} at position {i + 1}" + (allowLineBreaks ? string.Empty : "; it must be one line of visible text");
                }

                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are line breaks (general category Zl, Zp): a terminal
                // prints them as a space or nothing, so 'Kestrel<U+2028>Data Ltd' would print as another value. They are
                // allowed only where line breaks are (notes).
                if ((c == '\u2028' || c == '\u2029') && !allowLineBreaks)
                {
                    return $"it holds {(c == '\u2028' ? "U+2028 LINE SEPARATOR" : "U+2029 PARAGRAPH SEPARATOR")} at position {i + 1}, a line break; it must be one line of visible text";
                }

                if (c == '\uFFFD')
                {
                    return "it holds U+FFFD, the replacement character that stands for bytes that could not be read (check the file's encoding)";
                }

                if (LoneSurrogateAt(text, i))
                {
                    return $"it holds half of a surrogate pair ({Escape(c)}) at position {i + 1}, which is not Unicode text";
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="text"/> holds half of a surrogate pair (which cannot be normalised).</summary>
        internal static bool HasLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogate(text[i]) && LoneSurrogateAt(text, i))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LoneSurrogateAt(string text, int i)
        {
            var c = text[i];
            return char.IsHighSurrogate(c) ? !(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                : char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(text[i - 1]));
        }

        private static string Escape(char c) => "`u{" + ((int)c).ToString("X", CultureInfo.InvariantCulture) + "}";
    }
}
