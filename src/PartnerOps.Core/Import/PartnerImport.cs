using System;
using System.Collections.Generic;
using System.Globalization;
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

        /// <summary>The stored values <see cref="OutOfOrder"/> compares a row with, in its order (SQL over partners, the same on every backend).</summary>
        internal const string StoredDates = "status, status_since, tier, tier_since";

        /// <summary>
        /// Why an Upsert row fails that changes the Status or Tier of a stored partner (<paramref name="stored"/>: its
        /// <see cref="StoredDates"/>) with a day before the one the value it replaces took effect (changes are recorded in date
        /// order, as Set-Partner -EffectiveDate refuses it): the column (StatusDate, TierDate) and the reason; null when in order or
        /// undated (<paramref name="statusOn"/>, <paramref name="tierOn"/>: the row's days, yyyy-MM-dd, or null).
        /// </summary>
        internal static (string Column, string Reason)? OutOfOrder(IReadOnlyList<string?> stored, string? status, string? statusOn, string? tier, string? tierOn)
        {
            string? Check(string attribute, string column, string? value, string? since, string? given, string? day) =>
                value == given || day == null || since == null || string.CompareOrdinal(day, since) >= 0
                    ? null
                    : LifecycleRules.OutOfOrder(column, attribute, value ?? string.Empty, Day(since), Day(day)).Message.Substring(column.Length + 1);

            if (Check("Status", "StatusDate", stored[0], stored[1], status, statusOn) is string statusReason)
            {
                return ("StatusDate", statusReason);
            }

            return Check("Tier", "TierDate", stored[2], stored[3], tier, tierOn) is string tierReason ? ("TierDate", tierReason) : ((string, string)?)null;
        }

        /// <summary>
        /// Why an Upsert row fails whose JoinedOn (<paramref name="joinedOn"/>, yyyy-MM-dd) moves a stored partner's JoinedOn
        /// (<paramref name="storedJoinedOn"/>) after its first dated Status or Tier change (<paramref name="firstChange"/>): a partner
        /// has no status or tier before it joined, as Set-Partner -JoinedOn and Add-Partner refuse it. Column JoinedOn; null when not so,
        /// and for a JoinedOn of <paramref name="today"/>, the default of a row without one (such a row has always moved JoinedOn to today).
        /// </summary>
        internal static (string Column, string Reason)? JoinedAfterFirstChange(string? storedJoinedOn, string? firstChange, string? joinedOn, string? today)
        {
            if (joinedOn == null || firstChange == null || joinedOn == storedJoinedOn || joinedOn == today || string.CompareOrdinal(joinedOn, firstChange) <= 0)
            {
                return null;
            }

            try
            {
                LifecycleRules.JoinedBefore(Day(firstChange), "first dated Status or Tier change", Day(joinedOn));
                return null;
            }
            catch (PartnerOpsException ex)
            {
                return ("JoinedOn", ex.Message.Substring("JoinedOn".Length + 1));
            }
        }

        private static DateTime Day(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

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
