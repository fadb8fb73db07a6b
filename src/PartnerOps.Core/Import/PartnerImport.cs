using System;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>Import-Partner's engine: partner rows (<see cref="PartnerImportMapper"/>) into the partners table (<see cref="ImportTable.Partners"/>).</summary>
    public static class PartnerImport
    {
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
