using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// Helpers shared by the mappers. Dates and numbers are read by <see cref="ValueText"/>, the parser the cmdlets'
    /// parameters use too, so a file imports as it does when piped.
    /// </summary>
    internal static class ImportValues
    {
        /// <summary>
        /// The end of a missing-column message: the columns the header has, and when it is one column that holds a
        /// likely delimiter, the -Delimiter that would split it.
        /// </summary>
        public static string ColumnsHint(IReadOnlyList<string> columns)
        {
            var text = $"Its columns are: {string.Join(", ", columns.Select(TextRules.Shown))}.";
            if (columns.Count == 1)
            {
                // U+061B ARABIC SEMICOLON is the list separator of fa-IR and other cultures (what Export-Csv -UseCulture
                // writes there); the CSV reader takes only ASCII delimiters.
                if (columns[0].IndexOf('\u061B') >= 0)
                {
                    return text + " The header looks separated by '\u061B' (U+061B, the list separator of fa-IR, which Export-Csv -UseCulture writes there), which this import cannot take as its delimiter: " +
                        "read the file with Import-Csv <file> -Delimiter '\u061B' and pipe it to Add-Partner (or Add-PartnerRevenue).";
                }

                foreach (var delimiter in new[] { ';', '\t', '|', ',' })
                {
                    if (columns[0].IndexOf(delimiter) >= 0)
                    {
                        return text + $" The header looks separated by {(delimiter == '\t' ? "tabs: give -Delimiter \"`t\"" : $"'{delimiter}': give -Delimiter '{delimiter}'")}.";
                    }
                }
            }

            return text + " Check -Delimiter if they look run together.";
        }
    }

    /// <summary>An enum's names, matched ignoring case and surrounding spaces, with each name's UTF-8 form for binding.</summary>
    internal sealed class EnumNames<T>
        where T : struct, Enum
    {
        private readonly Dictionary<string, T> _byName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<T, byte[]> _utf8 = new Dictionary<T, byte[]>();

        public EnumNames()
        {
            foreach (T value in Enum.GetValues(typeof(T)))
            {
                var name = value.ToString();
                _byName[name] = value;
                _utf8[value] = Encoding.UTF8.GetBytes(name);
            }

            Valid = string.Join(", ", Enum.GetNames(typeof(T)));
        }

        /// <summary>"Reseller, Distributor, ...", for messages.</summary>
        public string Valid { get; }

        /// <summary>
        /// The value a cell names: one of the names, ignoring case and surrounding spaces. Text that is a number ('1', '03')
        /// is refused, as Add-Partner's parameters refuse it: a person's "Tier 1" is not Silver. A JSON number
        /// (<paramref name="typedNumber"/>: what ConvertTo-Json writes for an enum) is the value with that number when
        /// one is defined, as the pipeline takes a typed number (ConvertFrom-Json | Add-Partner).
        /// </summary>
        [MethodImpl(Hot.Path)]
        public bool TryParse(string text, bool typedNumber, out T value)
        {
            if (_byName.TryGetValue(text, out value) || _byName.TryGetValue(text.Trim(), out value))
            {
                return true;
            }

            if (typedNumber && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined(typeof(T), number))
            {
                value = (T)Enum.ToObject(typeof(T), number);
                return true;
            }

            return false;
        }

        /// <summary>"'x' is not a Tier; valid values are …", saying to give the name when the text is a number.</summary>
        public string Invalid(string text, string column)
        {
            var trimmed = text.Trim();
            var numeric = trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] == '-' || trimmed[0] == '+');
            return $"'{TextRules.Shown(text)}' is not a {column}; valid values are {Valid}" + (numeric ? " (give the name, not a number)." : ".");
        }

        public byte[] Utf8(T value) => _utf8[value];
    }
}
