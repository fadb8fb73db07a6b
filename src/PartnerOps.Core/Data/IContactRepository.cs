using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Partners' contacts (issue 18): reads stream; writes run inside the database's open write transaction (a
    /// write batch's item). A contact's email is unique per partner ignoring case (<see cref="ContactRules.EmailKey"/>), ended
    /// contacts included; StartedOn and EndedOn are calendar days (date only, kind Unspecified), EndedOn the first day no
    /// longer a contact. Every contact returned has its Partner (name) and Database set, and Current as of the day the read
    /// names (today's UTC date unless said). A write's database failure other than those named below is
    /// named by the write batch that runs it.
    /// </summary>
    public interface IContactRepository
    {
        /// <summary>
        /// The contacts a filter selects, by partner (Get-Partner's order), then contact name (ordinal), then email; read as
        /// they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure, thrown while the contacts are enumerated.</exception>
        IEnumerable<PartnerContact> Find(ContactFilter filter);

        /// <summary>The contact with this id, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerContact? GetById(long id);

        /// <summary>
        /// The contact of this partner with this email (trimmed, compared ignoring case: <see cref="ContactRules.EmailKey"/>),
        /// ended or not, or null.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerContact? Get(long partnerId, string email);

        /// <summary>
        /// Every contact (of any partner, ended or not) with this email (compared ignoring case), by partner: for a command
        /// given an email alone (Add-PartnerCertification -Contact), which needs exactly one.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<PartnerContact> WithEmail(string email);

        /// <summary>The contact of the partner a reference names with this email, ended or not.</summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerContactNotFound (NotFound) naming the partner and the email, with the partner's closest emails; the
        /// partner's PartnerNotFound or ObjectFromOtherDatabase; a named database failure.
        /// </exception>
        PartnerContact Require(PartnerReference partner, string email);

        /// <summary>The contact a piped object names (<see cref="ContactReference"/>).</summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerContactNotFound (none with its id, or the id now holds another contact), ObjectFromOtherDatabase, or a named
        /// database failure.
        /// </exception>
        PartnerContact Require(ContactReference reference);

        /// <summary>Adds a contact after validating it (<see cref="ContactRules"/>); returns it as stored, with its new Id.</summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (a value, or no partner given), PartnerNotFound or ObjectFromOtherDatabase (the partner),
        /// PartnerContactExists (ResourceExists: the partner has a contact with this email, ended or not).
        /// </exception>
        PartnerContact Add(ContactDraft draft);

        /// <summary>The add as one write batch item: the storage says whether a failure of it needs a savepoint.</summary>
        WriteOperation Adding(ContactDraft draft);

        /// <summary>
        /// Applies changes to a stored contact (<see cref="ContactChanges.ApplyTo"/>); returns the contact as stored. Changes
        /// that leave every value as it is write nothing and return <paramref name="current"/> itself (no history).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue, PartnerContactExists (a new email another contact of the partner has), PartnerContactNotFound
        /// (removed meanwhile).
        /// </exception>
        PartnerContact Update(PartnerContact current, ContactChanges changes);

        /// <summary>How many certifications a contact holds (removed with it).</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        long CountCertifications(long contactId);

        /// <summary>Removes a contact and, with it, its certifications (the history records each); returns how many certifications.</summary>
        /// <exception cref="PartnerOpsException">PartnerContactNotFound when no contact has the id (removed meanwhile).</exception>
        long Remove(PartnerContact contact);
    }

    /// <summary>
    /// What Get-PartnerContact selects: the partners (ids, and name patterns matched as Get-Partner matches names), email and
    /// role patterns (wildcards, compared by key), and the day on which contacts are current unless ended ones are included.
    /// </summary>
    public sealed class ContactFilter
    {
        /// <summary>Whether only the partners below are wanted (none of them then matches nothing).</summary>
        public bool RestrictPartners { get; set; }

        /// <summary>Partner ids.</summary>
        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>Partner name patterns (typed wildcards).</summary>
        public IList<NamePattern> PartnerNames { get; } = new List<NamePattern>();

        /// <summary>Email patterns (any of them), matched on the email in lower case.</summary>
        public IList<NamePattern> Emails { get; } = new List<NamePattern>();

        /// <summary>Role patterns (any of them), matched on the role's key; a contact without a role matches none.</summary>
        public IList<NamePattern> Roles { get; } = new List<NamePattern>();

        /// <summary>The calendar day contacts are current on (and Current is computed for); null: today.</summary>
        public DateTime? AsOf { get; set; }

        /// <summary>Today's date (UTC), used when <see cref="AsOf"/> is null.</summary>
        public DateTime Today { get; set; } = DateTime.UtcNow.Date;

        /// <summary>False: only contacts current on the day (<see cref="PartnerContact.IsCurrentOn"/>); true: every contact.</summary>
        public bool IncludeEnded { get; set; }

        /// <summary>The day of the read: <see cref="AsOf"/>, else <see cref="Today"/>.</summary>
        public DateTime Day => (AsOf ?? Today).Date;
    }
}
