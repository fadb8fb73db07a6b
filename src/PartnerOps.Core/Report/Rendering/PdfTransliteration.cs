using System.Collections.Generic;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Latin letters for Cyrillic and Greek letters, for the PDF's metadata (Title, Subject), which holds printable ASCII
    /// only: Russian, Ukrainian and Bulgarian Cyrillic as ISO 9 / scientific transliteration reads it without diacritics
    /// ("Москва Софт" as "Moskva Soft"), Greek as ELOT 743 ("Αθήνα" as "Athina"). Letters of other scripts (Chinese, Arabic,
    /// Hebrew ...) have no such table and stay "?" there; the page text is not changed by this.
    /// </summary>
    internal static class PdfTransliteration
    {
        private const string Cyrillic = "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґ";

        private static readonly string[] CyrillicLatin =
        {
            "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch",
            "sh", "shch", string.Empty, "y", string.Empty, "e", "yu", "ya", "i", "yi", "ye", "g",
        };

        private const string Greek = "αβγδεζηθικλμνξοπρσςτυφχψω";

        private static readonly string[] GreekLatin =
        {
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o",
        };

        private static readonly Dictionary<char, string> Letters = Build();

        /// <summary>The Latin letters for <paramref name="c"/> (capitalised as it is), or null when it is not Cyrillic or Greek.</summary>
        internal static string? Latin(char c)
        {
            var lower = char.ToLowerInvariant(c);
            if (!Letters.TryGetValue(lower, out var latin))
            {
                return null;
            }

            return lower == c || latin.Length == 0 ? latin : char.ToUpperInvariant(latin[0]) + latin.Substring(1);
        }

        private static Dictionary<char, string> Build()
        {
            var letters = new Dictionary<char, string>();
            for (var i = 0; i < Cyrillic.Length; i++)
            {
                letters[Cyrillic[i]] = CyrillicLatin[i];
            }

            for (var i = 0; i < Greek.Length; i++)
            {
                letters[Greek[i]] = GreekLatin[i];
            }

            return letters;
        }
    }
}
