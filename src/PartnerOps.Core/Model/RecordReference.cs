using System;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// A revenue record or a target as a piped object names it: its Id in its Database, and what the object said of
    /// itself (null: it did not say), which must still be true of the stored record with that id: ids of removed records
    /// are given to new ones. Records, unlike partners, are never matched in another database (cmdlets.md, wave 2).
    /// </summary>
    public abstract class RecordReference
    {
        protected RecordReference(long id, string? database, string description)
        {
            Id = id;
            Database = string.IsNullOrEmpty(database) ? null : database;
            Description = description;
        }

        public long Id { get; }

        /// <summary>The database the record came from; null when it is the command's own.</summary>
        public string? Database { get; }

        /// <summary>What the object was, for messages ("revenue record 12").</summary>
        public string Description { get; }

        /// <summary>ObjectFromOtherDatabase (InvalidArgument) unless the record belongs to the database at hand.</summary>
        /// <exception cref="PartnerOpsException">ObjectFromOtherDatabase.</exception>
        public void RequireDatabase(bool sameDatabase, string databaseShown)
        {
            if (Database != null && !sameDatabase)
            {
                throw new PartnerOpsException(
                    ErrorIds.ObjectFromOtherDatabase,
                    FailureKind.InvalidArgument,
                    $"The {Description} comes from the database '{Database}', not from '{databaseShown}', which this command works on; its Id means " +
                    $"nothing there. Records are worked on only in their own database: give each database's records to a command of their own, or -Database '{Database}'.",
                    this);
            }
        }

        public override string ToString() => Description;
    }

    /// <summary>A revenue record named by a piped object: its id, and its date, amount, currency and partner as the object says.</summary>
    public sealed class RevenueReference : RecordReference
    {
        public RevenueReference(long id, string? database, string description)
            : base(id, database, description)
        {
        }

        public DateTime? Date { get; set; }

        public decimal? Amount { get; set; }

        public string? Currency { get; set; }

        /// <summary>Whether the object said who the partner is (a PartnerId property, empty for direct revenue).</summary>
        public bool PartnerGiven { get; set; }

        public long? PartnerId { get; set; }

        /// <summary>Whether the stored record is the one the object described.</summary>
        public bool Matches(PartnerRevenue stored) =>
            (Date == null || Date.Value.Date == stored.Date.Date)
            && (Amount == null || Amount.Value == stored.Amount)
            && (Currency == null || string.Equals(Currency.Trim(), stored.Currency, StringComparison.OrdinalIgnoreCase))
            && (!PartnerGiven || PartnerId == stored.PartnerId);

        /// <summary>What the object said, for messages.</summary>
        public string Said() =>
            string.Join(" ", new[]
            {
                Date is DateTime date ? PartnerRules.FormatDate(date) : null,
                PartnerGiven ? (PartnerId is long partner ? "partner Id " + partner.ToString(CultureInfo.InvariantCulture) : "direct") : null,
                Amount?.ToString(CultureInfo.InvariantCulture),
                Currency,
            }.Where(part => part != null));
    }

    /// <summary>A target named by a piped object: its id, and its metric, region and year as the object says.</summary>
    public sealed class TargetReference : RecordReference
    {
        public TargetReference(long id, string? database, string description)
            : base(id, database, description)
        {
        }

        public TargetMetric? Metric { get; set; }

        public int? Year { get; set; }

        /// <summary>Whether the object said which region (a Region property; empty for all regions).</summary>
        public bool RegionGiven { get; set; }

        public string? Region { get; set; }

        /// <summary>Whether the stored target is the one the object described.</summary>
        public bool Matches(PartnerTarget stored) =>
            (Metric == null || Metric == stored.Metric)
            && (Year == null || Year == stored.Year)
            && (!RegionGiven || RevenueRules.Key(Blank(Region)) == RevenueRules.Key(Blank(stored.Region)));

        private static string? Blank(string? region) => string.IsNullOrWhiteSpace(region) ? null : region!.Trim();
    }
}
