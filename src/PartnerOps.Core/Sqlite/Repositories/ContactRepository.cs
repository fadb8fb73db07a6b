using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>Partners' contacts on SQLite: reads stream; writes run inside the store's current transaction.</summary>
    public sealed class ContactRepository : IContactRepository
    {
        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<DateTime> _today;

        public ContactRepository(SqliteDatabase store, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _today = today ?? (() => DateTime.UtcNow.Date);
        }

        /// <inheritdoc/>
        public IEnumerable<PartnerContact> Find(ContactFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (where, parameters) = ContactLookup.Where(SqliteFilterDialect.Instance, filter);
            var day = filter.Day;
            return _store.Connection
                .Query<ContactRow>(ContactLookup.Select + where + ContactLookup.OrderBy, parameters, _store.Transaction, buffered: false)
                .Select(row => row.ToContact(_store.Path, day));
        });

        /// <inheritdoc/>
        public PartnerContact? GetById(long id) =>
            One(ContactLookup.Select + " WHERE c.id = @id", new { id });

        /// <inheritdoc/>
        public PartnerContact? Get(long partnerId, string email) =>
            One(ContactLookup.ByPartnerAndEmail, new { partnerId, emailKey = ContactRules.LookupEmailKey(email) });

        /// <inheritdoc/>
        public IReadOnlyList<PartnerContact> WithEmail(string email) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<ContactRow>(
                ContactLookup.Select + " WHERE c.email_key = @emailKey" + ContactLookup.OrderBy,
                new { emailKey = ContactRules.LookupEmailKey(email) },
                _store.Transaction).Select(ToContact).ToList());

        /// <inheritdoc/>
        public PartnerContact Require(PartnerReference partner, string email)
        {
            var owner = _store.Partners.Require(partner);
            return Get(owner.Id, email) ?? throw ContactLookup.NotFound(owner.Name, email, Emails(owner.Id), _store.Path);
        }

        /// <inheritdoc/>
        public PartnerContact Require(ContactReference reference) =>
            ContactLookup.Require(reference, _store.IsSameDatabase, _store.Path, GetById);

        /// <inheritdoc/>
        public PartnerContact Add(ContactDraft draft)
        {
            var contact = ContactLookup.ToAdd(draft, _store.Partners.Require, Get, _store.Path, _today());
            contact.Id = _store.Connection.ExecuteScalar<long>(
                ContactLookup.Insert, ContactLookup.StoredValues(contact, contact.CreatedAt = contact.UpdatedAt = _utcNow()), _store.Transaction);
            return contact;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(ContactDraft draft) => new WriteOperation(() => Add(draft));

        /// <inheritdoc/>
        public PartnerContact Update(PartnerContact current, ContactChanges changes)
        {
            if (!(ContactLookup.ToUpdate(current, changes, Get, _today()) is PartnerContact changed))
            {
                return current;
            }

            if (_store.Connection.Execute(ContactLookup.Update, ContactLookup.StoredValues(changed, changed.UpdatedAt = _utcNow()), _store.Transaction) == 0)
            {
                throw ContactLookup.NotFound(current.Partner, current.Email, Array.Empty<string>(), _store.Path);
            }

            return changed;
        }

        /// <inheritdoc/>
        public long CountCertifications(long contactId) =>
            TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>(
                "SELECT count(*) FROM certifications WHERE contact_id = @contactId", new { contactId }, _store.Transaction));

        /// <inheritdoc/>
        public long Remove(PartnerContact contact)
        {
            var certifications = CountCertifications(contact.Id);
            if (_store.Connection.Execute("DELETE FROM contacts WHERE id = @Id", new { contact.Id }, _store.Transaction) == 0)
            {
                throw ContactLookup.NotFound(contact.Partner, contact.Email, Array.Empty<string>(), _store.Path);
            }

            return certifications;
        }

        // Every email of a partner's contacts, for the closest ones in a not-found message.
        private IReadOnlyList<string> Emails(long partnerId) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<string>(
                "SELECT email FROM contacts WHERE partner_id = @partnerId", new { partnerId }, _store.Transaction).ToList());

        private PartnerContact? One(string sql, object parameters) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<ContactRow>(sql, parameters, _store.Transaction)) is ContactRow row ? ToContact(row) : null;

        private PartnerContact ToContact(ContactRow row) => row.ToContact(_store.Path, _today());
    }
}
