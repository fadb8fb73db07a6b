using System.IO;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// How an import file's bytes become text, and the hints a rejected row gets when they were the wrong ones.
    /// <list type="bullet">
    /// <item>A byte-order mark wins over -Encoding, as Import-Csv and .NET's StreamReader
    /// (detectEncodingFromByteOrderMarks) do: EF BB BF is UTF-8, FF FE 00 00 UTF-32 LE, 00 00 FE FF UTF-32 BE,
    /// FF FE UTF-16 LE, FE FF UTF-16 BE (checked in that order).</item>
    /// <item>A code-page encoding (ASCII, DBCS code pages such as 932 or 936) replaces bytes it cannot map with
    /// '?' by default, which would store a wrong value. It is read with U+FFFD as the replacement instead, which
    /// no code-page byte decodes to, so a value holding U+FFFD held a byte the encoding has no character for:
    /// the row is ImportRowInvalid (<see cref="Unreadable"/>) and nothing of it is stored.</item>
    /// <item>A rejected row whose text holds U+0080–U+009F (C1 control characters, never meant as text) was almost
    /// always decoded with the wrong single-byte encoding: Windows-1252 puts ’ “ ” € – … at bytes 0x80–0x9F,
    /// where ISO-8859-1 (latin1) has control characters. The row's reason then says which -Encoding reads it.</item>
    /// </list>
    /// </summary>
    internal static class EncodingHint
    {
        /// <summary>
        /// The encoding to read <paramref name="file"/> with: the one its byte-order mark names, else
        /// <paramref name="given"/> (a code page read strictly, see the class remarks), else null (UTF-8, BOMs honoured).
        /// The stream is left at position 0.
        /// </summary>
        public static Encoding? ForFile(FileStream file, Encoding? given)
        {
            var bom = new byte[4];
            var count = file.Read(bom, 0, bom.Length);
            file.Position = 0;
            if (count >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
            {
                return new UTF8Encoding(false);
            }

            if (count >= 4 && bom[0] == 0xFF && bom[1] == 0xFE && bom[2] == 0 && bom[3] == 0)
            {
                return new UTF32Encoding(false, true, true);
            }

            if (count >= 4 && bom[0] == 0 && bom[1] == 0 && bom[2] == 0xFE && bom[3] == 0xFF)
            {
                return new UTF32Encoding(true, true, true);
            }

            if (count >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
            {
                return new UnicodeEncoding(false, true, true);
            }

            if (count >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
            {
                return new UnicodeEncoding(true, true, true);
            }

            if (given == null || IsUnicode(given))
            {
                return given;
            }

            var strict = (Encoding)given.Clone();
            strict.DecoderFallback = new DecoderReplacementFallback(Replacement.ToString());
            return strict;
        }

        /// <summary>Whether the file begins with a byte-order mark (UTF-8, UTF-16 or UTF-32). The stream is left at position 0.</summary>
        public static bool HasByteOrderMark(FileStream file)
        {
            var bom = new byte[3];
            var count = file.Read(bom, 0, bom.Length);
            file.Position = 0;
            return (count >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
                || (count >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF)))
                || (count >= 3 && bom[0] == 0 && bom[1] == 0 && bom[2] == 0xFE);
        }

        /// <summary>What a strict code-page decoder gives for a byte it has no character for.</summary>
        public const char Replacement = '\uFFFD';

        /// <summary>Whether a value read with <paramref name="encoding"/> held bytes the encoding has no character for.</summary>
        public static bool IsStrict(Encoding? encoding) => encoding != null && !IsUnicode(encoding);

        /// <summary>The reason for a value that held bytes <paramref name="encoding"/> cannot read.</summary>
        public static string Unreadable(Encoding encoding, string where) =>
            $"{where} holds bytes that are not {Name(encoding)} text (each such byte would have been stored as '?'), so the row is not imported. " +
            "The file is in another encoding: give its -Encoding (utf8 for UTF-8, 1252 for text saved by Excel on a Western-European Windows, or its code page).";

        public static string Name(Encoding? encoding) =>
            encoding == null ? "UTF-8" : encoding.CodePage == 28591 ? "iso-8859-1 (latin1, code page 28591)" : $"{encoding.WebName} (code page {encoding.CodePage})";

        private static bool IsUnicode(Encoding encoding) =>
            encoding.CodePage == 65001 || encoding.CodePage == 1200 || encoding.CodePage == 1201 || encoding.CodePage == 12000 || encoding.CodePage == 12001;

        public static ImportRowError Add(ImportRowError error, Encoding? encoding)
        {
            foreach (var value in error.Values)
            {
                if (value == null)
                {
                    continue;
                }

                foreach (var c in value)
                {
                    if (c >= '\u0080' && c <= '\u009F')
                    {
                        var hint = $" The row holds U+{(int)c:X4}, one of the control characters U+0080-U+009F, which a file saved in Windows-1252 gives when it is read as {Name(encoding)}: import it with -Encoding 1252 (windows-1252; -Encoding ansi on a Western-European Windows).";
                        return new ImportRowError(error.Line, error.Column, error.Reason.TrimEnd() + hint, error.Columns, error.Values);
                    }
                }
            }

            return error;
        }
    }
}
