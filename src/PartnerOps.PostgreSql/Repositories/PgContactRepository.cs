using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Partners' contacts on PostgreSQL: reads stream; writes run inside the database's open write transaction (a write batch's
    /// item, under its savepoint). The same results, order and failures as the SQLite repository (<see cref="ContactLookup"/>).
    /// </summary>
    internal sealed class PgContactRepository : IContactRepository
    {
        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<DateTime> _today;

        public PgContactRepository(PgDatabase db, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _today = today ?? (() => DateTime.UtcNow.Date);
        }

        /// <inheritdoc/>
        public IEnumerable<PartnerContact> Find(ContactFilter filter)
        {
            var (where, parameters) = ContactLookup.Where(new PgFilterDialect(_db), filter);
            var day = filter.Day;
            return _db.Stream<ContactRow>(ContactLookup.Select + where + ContactLookup.OrderBy, parameters).Select(row => row.ToContact(_db.Path, day));
        }

        /// <inheritdoc/>
        public PartnerContact? GetById(long id) =>
            _db.Query<ContactRow>(ContactLookup.Select + " WHERE c.id = @id", new { id }).FirstOrDefault() is ContactRow row ? ToContact(row) : null;

        /// <inheritdoc/>
        public PartnerContact? Get(long partnerId, string email) =>
            _db.Query<ContactRow>(ContactLookup.ByPartnerAndEmail, new { partnerId, emailKey = ContactRules.LookupEmailKey(email) })
                .FirstOrDefault() is ContactRow row ? ToContact(row) : null;

        /// <inheritdoc/>
        public IReadOnlyList<PartnerContact> WithEmail(string email) =>
            _db.Query<ContactRow>(ContactLookup.Select + " WHERE c.email_key = @emailKey" + ContactLookup.OrderBy, new { emailKey = ContactRules.LookupEmailKey(email) })
                .Select(ToContact).ToList();

        /// <inheritdoc/>
        public PartnerContact Require(PartnerReference partner, string email)
        {
            var owner = _db.PartnerRepository.Require(partner);
            return Get(owner.Id, email) ?? throw ContactLookup.NotFound(owner.Name, email, Emails(owner.Id), _db.Path);
        }

        /// <inheritdoc/>
        public PartnerContact Require(ContactReference reference) =>
            ContactLookup.Require(reference, location => _db.IsSameDatabase(location), _db.Path, GetById);

        /// <inheritdoc/>
        public PartnerContact Add(ContactDraft draft)
        {
            var contact = ContactLookup.ToAdd(draft, _db.PartnerRepository.Require, Get, _db.Path, _today());
            contact.Id = _db.Scalar<long>(ContactLookup.Insert, ContactLookup.StoredValues(contact, contact.CreatedAt = contact.UpdatedAt = _utcNow()));
            return contact;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(ContactDraft draft) =>
            // On PostgreSQL every item runs under a savepoint (a failed statement aborts the whole transaction).
            new WriteOperation(() => Add(draft));

        /// <inheritdoc/>
        public PartnerContact Update(PartnerContact current, ContactChanges changes)
        {
            if (!(ContactLookup.ToUpdate(current, changes, Get, _today()) is PartnerContact changed))
            {
                return current;
            }

            if (_db.Execute(ContactLookup.Update, ContactLookup.StoredValues(changed, changed.UpdatedAt = _utcNow())) == 0)
            {
                throw ContactLookup.NotFound(current.Partner, current.Email, Array.Empty<string>(), _db.Path);
            }

            return changed;
        }

        /// <inheritdoc/>
        public long CountCertifications(long contactId) =>
            _db.Scalar<long>("SELECT count(*) FROM certifications WHERE contact_id = @contactId", new { contactId });

        /// <inheritdoc/>
        public long Remove(PartnerContact contact)
        {
            var certifications = CountCertifications(contact.Id);
            if (_db.Execute("DELETE FROM contacts WHERE id = @Id", new { contact.Id }) == 0)
            {
                throw ContactLookup.NotFound(contact.Partner, contact.Email, Array.Empty<string>(), _db.Path);
            }

            return certifications;
        }

        // Every email of a partner's contacts, for the closest ones in a not-found message.
        private IReadOnlyList<string> Emails(long partnerId) =>
            _db.Query<string>("SELECT email FROM contacts WHERE partner_id = @partnerId", new { partnerId });

        private PartnerContact ToContact(ContactRow row) => row.ToContact(_db.Path, _today());
    }
}
