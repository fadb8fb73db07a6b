using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>Writes RFC 4180 CSV: a field is quoted when it holds the delimiter, a quote, a line break or edge spaces.</summary>
    internal static class CsvText
    {
        public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields, char delimiter)
        {
            var first = true;
            foreach (var field in fields)
            {
                if (!first)
                {
                    writer.Write(delimiter);
                }

                first = false;
                WriteField(writer, field, delimiter);
            }

            writer.Write("\r\n");
        }

        public static string Record(IEnumerable<string?> fields, char delimiter)
        {
            using var writer = new StringWriter();
            WriteRecord(writer, fields, delimiter);
            return writer.ToString();
        }

        private static void WriteField(TextWriter writer, string? field, char delimiter)
        {
            if (string.IsNullOrEmpty(field))
            {
                return;
            }

            if (!NeedsQuotes(field!, delimiter))
            {
                writer.Write(field);
                return;
            }

            var quoted = new StringBuilder(field!.Length + 2).Append('"');
            foreach (var c in field)
            {
                quoted.Append(c);
                if (c == '"')
                {
                    quoted.Append('"');
                }
            }

            writer.Write(quoted.Append('"').ToString());
        }

        private static bool NeedsQuotes(string field, char delimiter)
        {
            if (field[0] == ' ' || field[field.Length - 1] == ' ')
            {
                return true;
            }

            foreach (var c in field)
            {
                if (c == delimiter || c == '"' || c == '\r' || c == '\n')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
