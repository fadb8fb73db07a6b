using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Revenue records: reads stream; writes run inside the database's open write transaction.</summary>
    public interface IRevenueRepository
    {
        /// <summary>The database's reporting currency (ISO 4217), read once.</summary>
        string ReportingCurrency { get; }

        /// <summary>The records a filter selects.</summary>
        IEnumerable<PartnerRevenue> Find(RevenueFilter filter);

        /// <summary>How many records a filter selects.</summary>
        long Count(RevenueFilter filter);

        /// <summary>The record with this id, or null.</summary>
        PartnerRevenue? GetById(long id);

        /// <summary>Adds a record with its defaults (currency: the reporting currency; segment: Enterprise; region: the partner's); returns it as stored.</summary>
        /// <exception cref="PartnerOpsException">InvalidRevenueValue, InvalidAmount, InvalidCurrencyCode, PartnerNotFound, ReferenceExists.</exception>
        PartnerRevenue Add(RevenueDraft draft);

        /// <summary>The add as one write batch item: the storage says whether a failure of it needs a savepoint.</summary>
        WriteOperation Adding(RevenueDraft draft);

        /// <summary>The record a reference names.</summary>
        /// <exception cref="PartnerOpsException">RevenueNotFound.</exception>
        PartnerRevenue Require(RevenueReference reference);

        /// <summary>Removes a record.</summary>
        /// <exception cref="PartnerOpsException">RevenueNotFound.</exception>
        void Remove(long id);

        /// <summary>How many records a partner has.</summary>
        long CountForPartner(long partnerId);

        /// <summary>Removes a partner's records; returns how many.</summary>
        int RemoveForPartner(long partnerId);
    }
}
