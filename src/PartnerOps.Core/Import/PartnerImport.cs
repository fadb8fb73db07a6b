using System;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>Import-Partner's engine: partner rows (<see cref="PartnerImportMapper"/>) into the partners table (<see cref="ImportTable.Partners"/>).</summary>
    public static class PartnerImport
    {
        /// <summary>Why a row fails in -Mode Insert whose name is stored already (or taken by an earlier row of the file); column Name.</summary>
        internal static string NameTaken(string? name) =>
            $"'{name}' already exists (partner names are unique ignoring case, including ß as ss and İ as i, the kind of space " +
            "and invisible characters); -Mode Upsert updates it, -Mode Skip leaves it.";

        /// <summary>Why an Upsert row fails whose name several stored partners share (stored before schema 4); column Name.</summary>
        internal static string NameShared(string? name) =>
            $"'{name}' names more than one partner (names that print the same, stored before names were compared this way); " +
            "nothing was changed. Test-PartnerDatabase -Detailed names them; merge or rename them, or use Set-Partner -Id.";

        /// <summary>
        /// Opens a file and checks its columns; nothing is written. Fails with ImportFileNotFound, or
        /// ImportHeaderInvalid when there is no Name (or PartnerName) column or a column appears twice.
        /// </summary>
        public static ImportJob Open(string path, ImportOptions options, Func<DateTime>? utcNow = null)
        {
            var clock = utcNow ?? (() => DateTime.UtcNow);
            var mapper = new PartnerImportMapper(options.Culture, clock().ToLocalTime().Date);
            var source = ImportSource.Open(path, options, mapper.CanonicalColumn, mapper.Columns);
            try
            {
                return new ImportJob(source, mapper, ImportTable.Partners, options, clock);
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }
    }
}
