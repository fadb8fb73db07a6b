using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Certifications held by partners' contacts (issue 18): reads stream; writes run inside the database's open write
    /// transaction (a write batch's item). Dates are calendar days (yyyy-MM-dd stored); a certification counts from its
    /// EarnedOn to the day before its ExpiresOn while its contact is current (<see cref="CertificationRules.IsValidOn"/>).
    /// A write's database failure other than those named below is named by the write batch that runs it.
    /// </summary>
    public interface ICertificationRepository
    {
        /// <summary>
        /// The certifications a filter selects, by partner (as Get-Partner lists them), contact email, name and EarnedOn, each
        /// with Valid read on the filter's day; read as they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue (an ExpiringWithin out of range); a named database failure, thrown while they are enumerated.</exception>
        IEnumerable<PartnerCertification> Find(CertificationFilter filter);

        /// <summary>The certification with this id (Valid read on <paramref name="day"/>), or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerCertification? GetById(long id, DateTime day);

        /// <summary>
        /// Finds the draft's contact (<see cref="CertificationLookup.Contact"/>), checks its name and dates and adds it; returns it
        /// as stored (Valid read on <paramref name="day"/>).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (a name or date, several partners with the contact's email, or, with the kind AlreadyExists, the
        /// same contact, name and EarnedOn held already), PartnerContactNotFound, PartnerNotFound or ObjectFromOtherDatabase (the
        /// partner).
        /// </exception>
        PartnerCertification Add(CertificationDraft draft, DateTime day);

        /// <summary>The add as one write batch item: the storage says whether a failure of it needs a savepoint.</summary>
        WriteOperation Adding(CertificationDraft draft, DateTime day);

        /// <summary>
        /// The certifications named by contact (as a draft names it, <see cref="CertificationLookup.Contact"/>), name (by key) and,
        /// when given, EarnedOn; by EarnedOn. None is CertificationNotFound.
        /// </summary>
        /// <exception cref="PartnerOpsException">CertificationNotFound, PartnerContactNotFound, PartnerNotFound, InvalidPartnerValue (the name, or an ambiguous contact).</exception>
        IReadOnlyList<PartnerCertification> Held(CertificationDraft named, bool earnedOnGiven, DateTime day);

        /// <summary>The certification a piped object names.</summary>
        /// <exception cref="PartnerOpsException">
        /// CertificationNotFound (none, or the id now holds another certification), ObjectFromOtherDatabase, or a named database failure.
        /// </exception>
        PartnerCertification Require(CertificationReference reference);

        /// <summary>Removes a certification (history records it).</summary>
        /// <exception cref="PartnerOpsException">CertificationNotFound.</exception>
        void Remove(long id);
    }
}
