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

        /// <summary>Why a row fails whose PartnerName (<paramref name="name"/>, as given) names no partner (column PartnerName; every mode).</summary>
        internal static string UnknownPartner(string? name) =>
            $"{UnknownPartnerReason}'{name}'; add it first (Add-Partner or Import-Partner), or leave PartnerName empty for direct revenue.";

        /// <summary>Why a row fails whose PartnerName names several partners (names stored before schema 4 that print the same).</summary>
        internal static string SharedPartner(string? name) =>
            $"'{name}' names more than one partner (names that print the same, stored before names were compared this way); " +
            "nothing was written. Test-PartnerDatabase -Detailed names them; merge or rename them, or add the record with Add-PartnerRevenue -Partner (Get-Partner -Id N).";

        /// <summary>Why a row fails in -Mode Insert whose Reference is stored already (or taken by an earlier row of the file); column Reference.</summary>
        internal static string ReferenceTaken(string? reference) =>
            $"'{reference}' already exists (references are unique); -Mode Upsert updates that record, -Mode Skip leaves it.";

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
