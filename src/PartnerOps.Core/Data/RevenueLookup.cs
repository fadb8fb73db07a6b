using System;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>
    /// A revenue record as both backends read it (the columns of their SELECT, by these names), and the failures about records
    /// that are the same on every backend.
    /// </summary>
    public sealed class RevenueRow
    {
        /// <summary>The record's id.</summary>
        public long Id { get; set; }

        /// <summary>The partner's id; null for direct revenue.</summary>
        public long? PartnerId { get; set; }

        /// <summary>The partner's name now (joined), or null.</summary>
        public string? PartnerName { get; set; }

        /// <summary>The booking day as stored, yyyy-MM-dd.</summary>
        public string Date { get; set; } = string.Empty;

        /// <summary>The amount in whole minor units of <see cref="Currency"/>.</summary>
        public long Amount { get; set; }

        /// <summary>ISO 4217 code.</summary>
        public string Currency { get; set; } = string.Empty;

        /// <summary>The segment as stored.</summary>
        public string Segment { get; set; } = string.Empty;

        /// <summary>The region as stored, or null.</summary>
        public string? Region { get; set; }

        /// <summary>The unique reference, or null.</summary>
        public string? Reference { get; set; }

        /// <summary>The attribution as stored (Sourced, Influenced, Fulfilled; schema 14), or null (direct revenue).</summary>
        public string? Attribution { get; set; }

        /// <summary>The record as the cmdlets show it: Amount in major units, Date a calendar day (kind Unspecified).</summary>
        public PartnerRevenue ToRevenue(string database) => new PartnerRevenue
        {
            Id = Id,
            PartnerId = PartnerId,
            PartnerName = PartnerName,
            Date = DateTime.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Amount = RevenueRules.FromMinorUnits(Amount, Currency),
            Currency = Currency,
            Segment = Segment,
            Region = Region,
            Reference = Reference,
            Attribution = Attribution == null ? (RevenueAttribution?)null : (RevenueAttribution)Enum.Parse(typeof(RevenueAttribution), Attribution),
            Database = database,
        };
    }

    /// <summary>The failures of looking up and adding revenue records, the same on every backend.</summary>
    public static class RevenueLookup
    {
        /// <summary>RevenueNotFound for a record id, naming the database searched when given.</summary>
        public static PartnerOpsException NotFound(long id, string? database = null) =>
            new PartnerOpsException(
                ErrorIds.RevenueNotFound,
                FailureKind.NotFound,
                $"No revenue record with Id {id.ToString(CultureInfo.InvariantCulture)} was found{(database == null ? string.Empty : " in '" + database + "'")}.",
                id);

        /// <summary>RevenueReferenceExists: the reference is held by another record (references are unique).</summary>
        public static PartnerOpsException ReferenceExists(string? reference) =>
            new PartnerOpsException(
                ErrorIds.RevenueReferenceExists,
                FailureKind.AlreadyExists,
                $"A revenue record with reference '{TextRules.Shown(reference)}' already exists (references are unique).",
                reference);

        /// <summary>
        /// The stored record a piped object names: <paramref name="getById"/> reads it. RevenueNotFound when no record has its
        /// id, or the one that has it is not the record the object described (changed since, or a new record given a removed
        /// one's id); ObjectFromOtherDatabase for a record of another database (<paramref name="sameDatabase"/> false).
        /// </summary>
        public static PartnerRevenue Require(RevenueReference reference, Func<string, bool> sameDatabase, string database, Func<long, PartnerRevenue?> getById)
        {
            reference.RequireDatabase(reference.Database != null && sameDatabase(reference.Database), database);
            var found = getById(reference.Id) ?? throw NotFound(reference.Id, database);
            if (!reference.Matches(found))
            {
                throw new PartnerOpsException(
                    ErrorIds.RevenueNotFound,
                    FailureKind.NotFound,
                    $"The {reference.Description} is '{reference.Said()}', but revenue record Id {reference.Id.ToString(CultureInfo.InvariantCulture)} in '{database}' " +
                    $"is '{found}': it was changed, or removed and its id given to another record. Nothing was done; get the records again (Get-PartnerRevenue) and retry.",
                    reference);
            }

            return found;
        }

        /// <summary>
        /// InvalidAmount for a record whose write the totals refused: adding (or, <paramref name="adding"/> false, removing)
        /// <paramref name="minor"/> minor units of <paramref name="currency"/> would take the total of its cell (partner or
        /// direct, year, region, segment, currency; <paramref name="total"/> minor units now) beyond 64 bits. Nothing was written.
        /// </summary>
        public static PartnerOpsException Overflow(long? partnerId, string? partnerName, DateTime date, string? region, string segment, string currency, long minor, long total, bool adding = true) =>
            new PartnerOpsException(
                ErrorIds.InvalidAmount,
                FailureKind.InvalidArgument,
                RevenueRules.TotalOverflowMessage(RevenueRules.FromMinorUnits(minor, currency), currency, partnerId == null ? null : $"'{partnerName}'", date.Year, region, segment, RevenueRules.FromMinorUnits(total, currency), adding),
                RevenueRules.FromMinorUnits(minor, currency));
    }
}
