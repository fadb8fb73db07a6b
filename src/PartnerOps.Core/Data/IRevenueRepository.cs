using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Revenue records: reads stream; writes run inside the database's open write transaction (a write batch's item). A record's
    /// Amount is a decimal in major units of its Currency (ISO 4217), stored as whole minor units (so at most the currency's
    /// decimals); its Date is the booking day, date only (kind Unspecified); direct revenue has no partner. A write's SQLite
    /// failure other than those named below is named by the write batch that runs it.
    /// </summary>
    public interface IRevenueRepository
    {
        /// <summary>The database's reporting currency (ISO 4217), read once.</summary>
        string ReportingCurrency { get; }

        /// <summary>The records a filter selects, paged by its Skip and First; read as they are enumerated.</summary>
        /// <exception cref="PartnerOpsException">A named database failure, thrown while the records are enumerated.</exception>
        IEnumerable<PartnerRevenue> Find(RevenueFilter filter);

        /// <summary>How many records a filter selects (its Skip and First ignored).</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        long Count(RevenueFilter filter);

        /// <summary>The record with this id, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerRevenue? GetById(long id);

        /// <summary>Adds a record with its defaults (currency: the reporting currency; segment: Enterprise; region: the partner's); returns it as stored.</summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidRevenueValue, InvalidAmount (more decimals than the currency has, or a yearly total beyond 64 bits of minor
        /// units), InvalidCurrencyCode, PartnerNotFound or ObjectFromOtherDatabase (the partner), RevenueReferenceExists.
        /// </exception>
        PartnerRevenue Add(RevenueDraft draft);

        /// <summary>The add as one write batch item: the storage says whether a failure of it needs a savepoint.</summary>
        WriteOperation Adding(RevenueDraft draft);

        /// <summary>The record a reference names.</summary>
        /// <exception cref="PartnerOpsException">
        /// RevenueNotFound (none, or the id now holds another record), ObjectFromOtherDatabase, or a named database failure.
        /// </exception>
        PartnerRevenue Require(RevenueReference reference);

        /// <summary>Removes a record.</summary>
        /// <exception cref="PartnerOpsException">
        /// RevenueNotFound, or InvalidAmount when removing it would take its yearly total beyond 64 bits (nothing removed).
        /// </exception>
        void Remove(long id);

        /// <summary>How many records a partner has.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        long CountForPartner(long partnerId);

        /// <summary>
        /// Removes a partner's records (and their yearly totals); returns how many (0 when none). Run it before
        /// <see cref="IPartnerRepository.Remove"/>, which the database refuses while records remain.
        /// </summary>
        int RemoveForPartner(long partnerId);
    }
}
