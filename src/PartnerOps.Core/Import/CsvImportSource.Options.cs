using System;
using System.IO;
using System.Text;
using CsvHelper;

namespace PartnerOps.Import
{
    /// <summary>The reader's options and delimiters: CsvHelper's options, an Excel <c>sep=</c> line, the delimiters CsvHelper cannot take.</summary>
    internal sealed partial class CsvImportSource
    {
        /// <summary>Options for reading back a row captured by <see cref="CaptureRaw"/>: the same rules as the file's.</summary>
        /// <param name="trim">False to read the module's own CSV back exactly (the failed-row file).</param>
        internal static CsvReaderOptions RawOptions(char delimiter, bool trim = true, Encoding? encoding = null) => NewOptions(
            (nameof(CsvReaderOptions.Separator), (char?)delimiter),
            (nameof(CsvReaderOptions.DetectSeparatorHint), false),
            (nameof(CsvReaderOptions.HasHeader), false),
            (nameof(CsvReaderOptions.TrimWhitespace), trim ? (bool?)true : null),
            (nameof(CsvReaderOptions.WhitespaceCharacters), Whitespace(delimiter)),
            (nameof(CsvReaderOptions.MalformedData), CsvMalformedDataHandling.Recover),
            (nameof(CsvReaderOptions.Encoding), encoding));

        /// <summary>
        /// The delimiter an Excel <c>sep=</c> first line sets (after any byte-order mark), or null. Only the start of
        /// the file is decoded, in the file's encoding; the reader then reads that line as a record, which is skipped.
        /// </summary>
        /// <param name="line">The character after <c>sep=</c> on a line of its own, even one the reader cannot take as its delimiter (then the result is null).</param>
        internal static char? SeparatorHint(FileStream file, Encoding? encoding, out char? line)
        {
            line = null;
            var bytes = new byte[64];
            var count = file.Read(bytes, 0, bytes.Length);
            file.Position = 0;
            var skip = 0;
            if (count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                encoding = Encoding.UTF8;
                skip = 3;
            }
            else if (count >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            {
                encoding = new UTF32Encoding(false, false);
                skip = 4;
            }
            else if (count >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
            {
                encoding = new UTF32Encoding(true, false);
                skip = 4;
            }
            else if (count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                encoding = new UnicodeEncoding(false, false);
                skip = 2;
            }
            else if (count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                encoding = new UnicodeEncoding(true, false);
                skip = 2;
            }

            string text;
            try
            {
                text = (encoding ?? Encoding.UTF8).GetString(bytes, skip, count - skip);
            }
            catch (ArgumentException)
            {
                return null;
            }

            if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)
                || (text.Length > 5 && text[5] != '\r' && text[5] != '\n'))
            {
                return null;
            }

            var separator = text[4];
            line = separator;
            return separator < 128 && separator != '"' && separator != '\r' && separator != '\n' ? separator : (char?)null;
        }

        /// <summary>
        /// ImportFileInvalid for a delimiter CsvHelper 34 cannot take: it reads UTF-8 bytes and takes only an ASCII
        /// separator, and a quote or line break cannot separate cells. Import-Csv takes any character, so the way out
        /// is Import-Csv piped to the Add cmdlet (or saving the file with another delimiter).
        /// </summary>
        internal static void CheckDelimiter(char delimiter, string given, string path)
        {
            if (delimiter < 128 && delimiter != '"' && delimiter != '\r' && delimiter != '\n' && delimiter != '\0')
            {
                return;
            }

            var why = delimiter >= 128
                ? "Import-Partner and Import-PartnerRevenue read only an ASCII delimiter (such as , ; | or a tab)"
                : "a quote or line break cannot separate cells";
            throw new PartnerOpsException(
                ErrorIds.ImportFileInvalid,
                FailureKind.InvalidArgument,
                $"{given} makes '{delimiter}' (U+{(int)delimiter:X4}) the delimiter of '{path}', but {why}. Nothing was imported. " +
                $"Read the file with Import-Csv, which takes any delimiter, and pipe the rows on: Import-Csv '{path}' -Delimiter '{(delimiter == '\'' ? "''" : delimiter.ToString())}' | Add-Partner " +
                "(or | Add-PartnerRevenue); or save the file with a comma or semicolon as its delimiter.",
                path);
        }

        private static string Whitespace(char delimiter) => delimiter == '\t' ? " " : delimiter == ' ' ? "\t" : " \t";

        private static string Shown(char delimiter) => delimiter == '\t' ? "\"`t\"" : "'" + delimiter + "'";

        /// <summary>
        /// CsvReaderOptions with these properties set. They are init-only, and an init setter's signature
        /// names the IsExternalInit type of the build that declares it: code compiled against CsvHelper's
        /// netstandard2.0 build (what the module ships) would not find the setters of its .NET 8+ builds
        /// (what the net10.0 tests load). Reflection sets them the same way in both.
        /// </summary>
        private static CsvReaderOptions NewOptions(params (string Name, object? Value)[] values)
        {
            var options = new CsvReaderOptions();
            foreach (var (name, value) in values)
            {
                if (value != null)
                {
                    typeof(CsvReaderOptions).GetProperty(name)!.SetValue(options, value);
                }
            }

            return options;
        }
    }
}
