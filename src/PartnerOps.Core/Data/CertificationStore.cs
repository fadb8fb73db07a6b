using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// Certifications on any backend: the SQL (<see cref="CertificationSql"/>, the same text on SQLite and PostgreSQL) and the
    /// rules are here; a backend gives how statements run (traced, failures named) and its filter dialect.
    /// </summary>
    internal abstract class CertificationStore : ICertificationRepository
    {
        private readonly Func<DateTime> _utcNow;

        protected CertificationStore(IPartnerRepository partners, IContactRepository contacts, Func<DateTime>? utcNow)
        {
            Partners = partners;
            Contacts = contacts;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>The database's location, as objects' Database shows it.</summary>
        protected abstract string Path { get; }

        /// <summary>How this backend writes lists and patterns in a filter.</summary>
        protected abstract FilterDialect Dialect { get; }

        /// <summary>The partners of the same database (a draft's -Partner).</summary>
        protected IPartnerRepository Partners { get; }

        /// <summary>The contacts of the same database (a draft's contact).</summary>
        protected IContactRepository Contacts { get; }

        /// <summary>Whether a Database property names this database.</summary>
        protected abstract bool IsSameDatabase(string location);

        /// <summary>Rows of a read, as they are enumerated; failures named.</summary>
        protected abstract IEnumerable<T> Stream<T>(string sql, object parameters);

        /// <summary>Rows of a read or of a statement with RETURNING, in full; failures named.</summary>
        protected abstract IList<T> Query<T>(string sql, object parameters);

        /// <summary>Runs a statement in the open write transaction; returns the rows it changed.</summary>
        protected abstract int Execute(string sql, object parameters);

        /// <inheritdoc/>
        public abstract WriteOperation Adding(CertificationDraft draft, DateTime day);

        /// <inheritdoc/>
        public IEnumerable<PartnerCertification> Find(CertificationFilter filter)
        {
            var (where, parameters) = CertificationSql.Build(Dialect, filter);
            return Stream<CertificationRow>(CertificationSql.Select + where + CertificationSql.Order, parameters).Select(row => row.ToCertification(Path, filter.Day));
        }

        /// <inheritdoc/>
        public PartnerCertification? GetById(long id, DateTime day) =>
            Query<CertificationRow>(CertificationSql.Select + " WHERE c.id = @id", new { id }).FirstOrDefault()?.ToCertification(Path, day);

        /// <inheritdoc/>
        public PartnerCertification Add(CertificationDraft draft, DateTime day)
        {
            var (name, nameKey, earned, expires) = CertificationLookup.Checked(draft);
            var contact = ContactOf(draft);
            var ids = Query<long>(CertificationSql.Insert, new
            {
                ContactId = contact.Id,
                contact.PartnerId,
                Name = name,
                NameKey = nameKey,
                EarnedOn = PartnerRules.FormatDate(earned),
                ExpiresOn = expires is DateTime end ? PartnerRules.FormatDate(end) : null,
                Now = PartnerRules.FormatTimestamp(_utcNow()),
            });
            if (ids.Count == 0)
            {
                throw CertificationLookup.Exists(OfContact(contact.Id, nameKey, earned, day).First());
            }

            return GetById(ids[0], day)!;
        }

        /// <inheritdoc/>
        public IReadOnlyList<PartnerCertification> Held(CertificationDraft named, bool earnedOnGiven, DateTime day)
        {
            var name = CertificationRules.NormalizeName(named.Name);
            var contact = ContactOf(named);
            var held = OfContact(contact.Id, CertificationRules.NameKey(name), earnedOnGiven ? named.EarnedOn : (DateTime?)null, day);
            if (held.Count == 0)
            {
                var what = $"'{TextRules.Shown(name)}' of {TextRules.Shown(contact.Email)} (partner '{TextRules.Shown(contact.Partner)}')" +
                    (earnedOnGiven ? " earned " + PartnerRules.FormatDate(named.EarnedOn) : string.Empty);
                throw CertificationLookup.NotFound(what, named.Name, Path);
            }

            return held;
        }

        /// <inheritdoc/>
        public PartnerCertification Require(CertificationReference reference) =>
            CertificationLookup.Require(reference, IsSameDatabase, Path, id => GetById(id, DateTime.UtcNow.Date));

        /// <inheritdoc/>
        public void Remove(long id)
        {
            if (Execute("DELETE FROM certifications WHERE id = @id", new { id }) == 0)
            {
                throw CertificationLookup.NotFound("with Id " + id.ToString(CultureInfo.InvariantCulture), id, Path);
            }
        }

        private List<PartnerCertification> OfContact(long contactId, string nameKey, DateTime? earnedOn, DateTime day) =>
            Query<CertificationRow>(CertificationSql.OfContact, new { contactId, nameKey, earnedOn = earnedOn is DateTime e ? PartnerRules.FormatDate(e) : null })
                .Select(row => row.ToCertification(Path, day))
                .ToList();

        private PartnerContact ContactOf(CertificationDraft draft) => CertificationLookup.Contact(draft, Contacts, Partners, Path);
    }
}
