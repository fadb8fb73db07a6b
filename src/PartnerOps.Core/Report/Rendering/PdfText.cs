using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Text as the PDF report writes it. OxyPlot's PDF writer writes a page's text one byte per character (the character's
    /// code, unchanged) and declares its standard fonts with /WinAnsiEncoding, so a string of character codes 0..255 is shown
    /// exactly as Windows-1252 reads those bytes: every character of Windows-1252 can be shown, Latin-1 (U+00A0..U+00FF) as
    /// itself and the 27 characters Windows-1252 puts at 0x80..0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ)
    /// as the character of that code. Any other character (Ł, ź, Cyrillic, Greek, Chinese, an emoji, a control character)
    /// cannot be shown and is written as "?" (a surrogate pair as one "?"); <see cref="Unshown"/> names those, and the writer
    /// says so on the document's first page. Text is first composed (NFC), white space of any kind becomes a space, the
    /// hyphen, non-breaking hyphen and minus sign become "-", and invisible format characters (zero-width space, soft hyphen,
    /// byte-order mark) are left out: these look the same, so they are not counted as unshown.
    /// </summary>
    internal static class PdfText
    {
        /// <summary>What stands for a character that cannot be shown.</summary>
        internal const char Replacement = '?';

        // Windows-1252 0x80..0x9F: the character at each code (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned).
        private static readonly Dictionary<char, char> HighCodes = new Dictionary<char, char>
        {
            ['\u20AC'] = '\u0080', ['\u201A'] = '\u0082', ['\u0192'] = '\u0083', ['\u201E'] = '\u0084', ['\u2026'] = '\u0085',
            ['\u2020'] = '\u0086', ['\u2021'] = '\u0087', ['\u02C6'] = '\u0088', ['\u2030'] = '\u0089', ['\u0160'] = '\u008A',
            ['\u2039'] = '\u008B', ['\u0152'] = '\u008C', ['\u017D'] = '\u008E', ['\u2018'] = '\u0091', ['\u2019'] = '\u0092',
            ['\u201C'] = '\u0093', ['\u201D'] = '\u0094', ['\u2022'] = '\u0095', ['\u2013'] = '\u0096', ['\u2014'] = '\u0097',
            ['\u02DC'] = '\u0098', ['\u2122'] = '\u0099', ['\u0161'] = '\u009A', ['\u203A'] = '\u009B', ['\u0153'] = '\u009C',
            ['\u017E'] = '\u009E', ['\u0178'] = '\u009F',
        };

        /// <summary>
        /// The text as laid out (still Unicode): composed, white space as spaces, hyphen and minus signs as "-", invisible
        /// format characters left out. Null gives the empty string.
        /// </summary>
        internal static string Prepare(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var plain = true;
            foreach (var c in text!)
            {
                if (c < ' ' || c > '~')
                {
                    plain = false;
                    break;
                }
            }

            if (plain)
            {
                return text;
            }

            var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
            var prepared = new StringBuilder(composed.Length);
            foreach (var c in composed)
            {
                if (c == '\u2010' || c == '\u2011' || c == '\u2212')
                {
                    prepared.Append('-');
                }
                else if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    prepared.Append(' ');
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    prepared.Append(c);
                }
            }

            return prepared.ToString();
        }

        /// <summary>
        /// The text as the PDF's bytes: <see cref="Prepare"/>d, each character as its Windows-1252 code (a char 0..255), any
        /// other as "?". This is what is drawn and measured (OxyPlot's width tables are indexed by these codes).
        /// </summary>
        internal static string Encode(string? text)
        {
            var prepared = Prepare(text);
            var encoded = new StringBuilder(prepared.Length);
            for (var i = 0; i < prepared.Length; i++)
            {
                var c = prepared[i];
                if (Code(c) is char code)
                {
                    encoded.Append(code);
                    continue;
                }

                encoded.Append(Replacement);
                if (char.IsHighSurrogate(c) && i + 1 < prepared.Length && char.IsLowSurrogate(prepared[i + 1]))
                {
                    i++;
                }
            }

            return encoded.ToString();
        }

        /// <summary>
        /// The text as a reader of the PDF sees it: <see cref="Encode"/>d and read back as Windows-1252 (so "Łódź" gives
        /// "?ód?").
        /// </summary>
        internal static string Shown(string? text)
        {
            var encoded = Encode(text).ToCharArray();
            for (var i = 0; i < encoded.Length; i++)
            {
                foreach (var pair in HighCodes)
                {
                    if (pair.Value == encoded[i])
                    {
                        encoded[i] = pair.Key;
                        break;
                    }
                }
            }

            return new string(encoded);
        }

        /// <summary>
        /// The characters of <paramref name="text"/> the PDF cannot show (distinct, in order of appearance), as "U+0141";
        /// empty when it shows all of them.
        /// </summary>
        internal static List<string> Unshown(string? text)
        {
            var unshown = new List<string>();
            var prepared = Prepare(text);
            for (var i = 0; i < prepared.Length; i++)
            {
                var c = prepared[i];
                if (Code(c) != null)
                {
                    continue;
                }

                var point = (int)c;
                if (char.IsHighSurrogate(c) && i + 1 < prepared.Length && char.IsLowSurrogate(prepared[i + 1]))
                {
                    point = char.ConvertToUtf32(c, prepared[i + 1]);
                    i++;
                }

                var name = "U+" + point.ToString("X4", CultureInfo.InvariantCulture);
                if (!unshown.Contains(name))
                {
                    unshown.Add(name);
                }
            }

            return unshown;
        }

        /// <summary>
        /// The width in points of <paramref name="text"/> (<see cref="Prepare"/>d; the widest of its lines) at
        /// <paramref name="size"/> points by <paramref name="font"/>'s width table (Windows-1252 codes), a character without a
        /// code or width counting <paramref name="otherWidth"/> thousandths of the size (a surrogate pair once).
        /// </summary>
        internal static double Width(OxyPlot.PortableDocumentFont font, string? text, double size, int otherWidth)
        {
            var widest = 0;
            foreach (var line in (text ?? string.Empty).Split('\n'))
            {
                var prepared = Prepare(line);
                var width = 0;
                for (var i = 0; i < prepared.Length; i++)
                {
                    var code = Code(prepared[i]) - font.FirstChar;
                    width += code >= 0 && code < font.Widths.Length ? font.Widths[code.Value] : otherWidth;
                    if (char.IsHighSurrogate(prepared[i]) && i + 1 < prepared.Length && char.IsLowSurrogate(prepared[i + 1]))
                    {
                        i++;
                    }
                }

                widest = System.Math.Max(widest, width);
            }

            return widest * size / 1000;
        }

        /// <summary>
        /// The text in printable ASCII, for the document's metadata (Title, Subject): OxyPlot writes those as UTF-8 bytes into
        /// a PDF string, which readers take as PDFDocEncoding, so only ASCII reads back right there. Letters with accents keep
        /// their base letter ("é" → "e"), common punctuation its ASCII form, Cyrillic and Greek letters their Latin
        /// transliteration (<see cref="PdfTransliteration"/>: "Отчёт" → "Otchet"), anything else becomes "?".
        /// </summary>
        internal static string Ascii(string? text)
        {
            var ascii = new StringBuilder();
            foreach (var c in Prepare(text).Normalize(NormalizationForm.FormD))
            {
                if (c >= ' ' && c <= '~')
                {
                    ascii.Append(c);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    ascii.Append(AsciiFor(c));
                }
            }

            return ascii.ToString();
        }

        // The Windows-1252 code of c, or null when Windows-1252 has no such character (controls included).
        private static char? Code(char c)
        {
            if ((c >= ' ' && c <= '~') || (c >= '\u00A0' && c <= '\u00FF'))
            {
                return c;
            }

            return HighCodes.TryGetValue(c, out var code) ? code : (char?)null;
        }

        private static string AsciiFor(char c)
        {
            switch (c)
            {
                case '\u00A0':
                    return " ";
                case '\u00B7':
                case '\u2013':
                case '\u2014':
                    return "-";
                case '\u2018':
                case '\u2019':
                    return "'";
                case '\u201C':
                case '\u201D':
                    return "\"";
                case '\u2026':
                    return "...";
                case '\u20AC':
                    return "EUR";
                case '\u00DF':
                    return "ss";
                case '\u00C6':
                    return "AE";
                case '\u00E6':
                    return "ae";
                case '\u00D8':
                    return "O";
                case '\u00F8':
                    return "o";
                default:
                    return PdfTransliteration.Latin(c) ?? "?";
            }
        }
    }
}
