using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Import
{
    /// <summary>
    /// The checks of an import file's columns that do not depend on the entity: a column given twice is
    /// ImportHeaderInvalid before anything is written, and columns the import does not know are named in one
    /// warning with the known optional columns that are missing (a typo such as Contry loses its data otherwise).
    /// </summary>
    internal static class ImportHeader
    {
        /// <summary>
        /// Columns every import knows and ignores: Import-Partner's failed-row file adds Line, Reason and (for
        /// several files) File; Export-Csv of the module's objects adds Database. An entity's mapper adds its own
        /// (Id, CreatedAt, ...).
        /// </summary>
        public static readonly IReadOnlyList<string> OwnColumns = new[] { FailedRowWriter.LineColumn, FailedRowWriter.ReasonColumn, FailedRowWriter.FileColumn, "Database" };

        /// <summary>
        /// ImportHeaderInvalid when a named column appears twice, ignoring case and surrounding space (as Import-Csv
        /// refuses it), or when two columns name one field through its aliases (PartnerName and Name): only one of
        /// them could be read, and the other's data would be lost.
        /// </summary>
        /// <param name="canonicalColumn">The field a column names, or null for a column the import does not read.</param>
        public static void CheckDuplicates(IReadOnlyList<string> columns, string path, Func<string, string?>? canonicalColumn = null)
        {
            string Field(string c) => canonicalColumn?.Invoke(c) ?? c.Trim();
            var twice = columns
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .GroupBy(Field, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Count() > 1)
                .Select(g => Describe(columns, g.Key, g.ToList(), Field))
                .ToList();
            if (twice.Count > 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportHeaderInvalid,
                    FailureKind.InvalidData,
                    $"The header of '{path}' names {(twice.Count == 1 ? "a column" : "columns")} more than once (ignoring case and surrounding spaces; an alias such as PartnerName names the same column as Name): {string.Join(", ", twice)}. " +
                    "Only one of them could be read, so nothing was imported. Rename or remove the extra column.",
                    path);
            }
        }

        private static string Describe(IReadOnlyList<string> columns, string field, List<string> names, Func<string, string> fieldOf)
        {
            var positions = string.Join(", ", Positions(columns, field, fieldOf));
            var distinct = names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return distinct.Count == 1
                ? $"'{TextRules.Shown(distinct[0])}' ({names.Count} times: columns {positions})"
                : $"'{TextRules.Shown(field)}' ({names.Count} times, as {string.Join(" and ", distinct.Select(n => "'" + TextRules.Shown(n) + "'"))}: columns {positions})";
        }

        /// <summary>
        /// The warning for columns the import does not read and does not know (nor ignores on purpose), naming
        /// them and the known optional columns the file lacks; null when every column is known.
        /// Nameless columns are named by their position.
        /// </summary>
        public static string? UnknownWarning(IReadOnlyList<string> columns, IImportMapper mapper, string path, string what)
        {
            var unknown = new List<string>();
            var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
            {
                var name = columns[i]?.Trim() ?? string.Empty;
                var canonical = name.Length == 0 ? null : mapper.CanonicalColumn(name);
                if (canonical != null)
                {
                    present.Add(canonical);
                }
                else if (name.Length == 0)
                {
                    unknown.Add($"column {i + 1} (no name)");
                }
                else if (!IsIgnored(name, mapper))
                {
                    unknown.Add("'" + TextRules.Shown(name) + "'");
                }
            }

            if (unknown.Count == 0)
            {
                return null;
            }

            var missing = mapper.OptionalColumns.Where(c => !present.Contains(c)).ToList();
            return $"'{path}' has {(unknown.Count == 1 ? "a column" : "columns")} that {what} does not know, so {(unknown.Count == 1 ? "its values are" : "their values are")} not imported: {string.Join(", ", unknown)}. " +
                (missing.Count == 0
                    ? "It has every column the import reads."
                    : $"The columns it reads that the file lacks: {string.Join(", ", missing)}.") +
                " Rename a misspelt column to import its values.";
        }

        private static bool IsIgnored(string name, IImportMapper mapper) =>
            OwnColumns.Contains(name, StringComparer.OrdinalIgnoreCase) || mapper.IgnoredColumns.Contains(name, StringComparer.OrdinalIgnoreCase);

        private static IEnumerable<int> Positions(IReadOnlyList<string> columns, string field, Func<string, string> fieldOf)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(columns[i]) && string.Equals(fieldOf(columns[i]), field, StringComparison.OrdinalIgnoreCase))
                {
                    yield return i + 1;
                }
            }
        }
    }
}
