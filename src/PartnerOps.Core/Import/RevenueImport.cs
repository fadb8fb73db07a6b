using System;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>Import-PartnerRevenue's engine: revenue rows (<see cref="RevenueImportMapper"/>) into the revenue table (<see cref="ImportTable.Revenue"/>).</summary>
    public static class RevenueImport
    {
        /// <summary>How the reason of a row whose PartnerName is not in the database begins.</summary>
        internal const string UnknownPartnerReason = "there is no partner named ";

        /// <summary>Whether a failed row failed because its PartnerName names no partner in the database.</summary>
        public static bool IsUnknownPartner(ImportRowError error) =>
            error.Column == "PartnerName" && error.Reason.StartsWith(UnknownPartnerReason, StringComparison.Ordinal);

        /// <summary>
        /// Opens a file and checks its columns; nothing is written. Fails with ImportFileNotFound, or
        /// ImportHeaderInvalid when the PartnerName, Date or Amount column is missing or a column appears twice.
        /// </summary>
        public static ImportJob Open(string path, ImportOptions options, Func<DateTime>? utcNow = null)
        {
            var clock = utcNow ?? (() => DateTime.UtcNow);
            var mapper = new RevenueImportMapper(options.Culture);
            var source = ImportSource.Open(path, options, mapper.CanonicalColumn, mapper.Columns);
            try
            {
                return new ImportJob(source, mapper, ImportTable.Revenue, options, clock);
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }
    }
}
