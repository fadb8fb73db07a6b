using System.Globalization;
using System.Text;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// Text as the PDF report writes it: OxyPlot's PDF writer writes strings for the standard font Helvetica without
    /// re-encoding them, so only printable ASCII shows as written. Letters with accents keep their base letter ("é" → "e"),
    /// common punctuation its ASCII form, anything else is shown as "?".
    /// </summary>
    internal static class PdfText
    {
        /// <summary>The text in printable ASCII (see the class); null gives the empty string.</summary>
        internal static string Plain(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var plain = new StringBuilder(text!.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormD))
            {
                if (c >= ' ' && c <= '~')
                {
                    plain.Append(c);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }
                else
                {
                    plain.Append(Substitute(c));
                }
            }

            return plain.ToString();
        }

        private static string Substitute(char c)
        {
            switch (c)
            {
                case '\u00A0':
                case '\u2009':
                case '\u202F':
                case '\t':
                    return " ";
                case '\u00B7':
                case '\u2013':
                case '\u2014':
                case '\u2212':
                    return "-";
                case '\u2018':
                case '\u2019':
                    return "'";
                case '\u201C':
                case '\u201D':
                    return "\"";
                case '\u2026':
                    return "...";
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
                case '\r':
                case '\n':
                    return " ";
                default:
                    return "?";
            }
        }
    }
}
