using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>A certification as both backends read it (the columns of <see cref="CertificationSql.Select"/>, by these names).</summary>
    public sealed class CertificationRow
    {
        public long Id { get; set; }

        public long PartnerId { get; set; }

        /// <summary>The partner's name now (joined).</summary>
        public string Partner { get; set; } = string.Empty;

        public long ContactId { get; set; }

        /// <summary>The contact's email now (joined).</summary>
        public string Contact { get; set; } = string.Empty;

        /// <summary>The contact's name now (joined).</summary>
        public string ContactName { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        /// <summary>yyyy-MM-dd.</summary>
        public string EarnedOn { get; set; } = string.Empty;

        /// <summary>yyyy-MM-dd, or null for a certification that does not expire.</summary>
        public string? ExpiresOn { get; set; }

        /// <summary>The contact's StartedOn, yyyy-MM-dd or null.</summary>
        public string? ContactStartedOn { get; set; }

        /// <summary>The contact's EndedOn, yyyy-MM-dd or null.</summary>
        public string? ContactEndedOn { get; set; }

        /// <summary>When it was stored, as <see cref="PartnerRules.FormatTimestamp"/> writes it (UTC).</summary>
        public string CreatedAt { get; set; } = string.Empty;

        /// <summary>When it was last changed, as <see cref="PartnerRules.FormatTimestamp"/> writes it (UTC).</summary>
        public string UpdatedAt { get; set; } = string.Empty;

        /// <summary>The certification as the cmdlets show it, Valid read on <paramref name="day"/> (<see cref="CertificationRules.IsValidOn"/>).</summary>
        public PartnerCertification ToCertification(string database, DateTime day)
        {
            var earned = Day(EarnedOn)!.Value;
            var expires = Day(ExpiresOn);
            return new PartnerCertification
            {
                Id = Id,
                PartnerId = PartnerId,
                Partner = Partner,
                ContactId = ContactId,
                Contact = Contact,
                ContactName = ContactName,
                Name = Name,
                EarnedOn = earned,
                ExpiresOn = expires,
                Valid = CertificationRules.IsValidOn(day, earned, expires, Day(ContactStartedOn), Day(ContactEndedOn)),
                CreatedAt = Instant(CreatedAt),
                UpdatedAt = Instant(UpdatedAt),
                Database = database,
            };
        }

        private static DateTime Instant(string text) =>
            DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        private static DateTime? Day(string? text) =>
            text == null ? (DateTime?)null : DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>What Add-PartnerCertification is given, before the contact is found and the values checked.</summary>
    public sealed class CertificationDraft
    {
        /// <summary>The contact's email as given (-Contact as text, or the Email of a piped contact).</summary>
        public string? ContactEmail { get; set; }

        /// <summary>The contact when a PartnerContact object (live, deserialized, or a row) named it; else <see cref="ContactEmail"/> does.</summary>
        public ContactReference? ContactObject { get; set; }

        /// <summary>The partner whose contact it is; needed when more than one partner has a contact with the email.</summary>
        public PartnerReference? Partner { get; set; }

        public string? Name { get; set; }

        /// <summary>The day it was earned (date only).</summary>
        public DateTime EarnedOn { get; set; }

        /// <summary>The first day it no longer counts (date only), or null.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>The contact as messages name it: its email, and the partner when given.</summary>
        public string ContactShown => $"'{TextRules.Shown(ContactObject?.Email ?? ContactEmail)}'" + (Partner == null ? string.Empty : $" of partner {Partner}");
    }

    /// <summary>The lookups and failures of certifications, the same on every backend; the repositories give the queries.</summary>
    public static class CertificationLookup
    {
        /// <summary>
        /// The contact a draft names, read by <paramref name="contacts"/>: a contact object's own (still with the partner and
        /// email it showed; of the -Partner when given); else the contact of -Partner with the email; else the one contact of any
        /// partner with the email.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerContactNotFound (none; a contact object changed or removed since); InvalidPartnerValue when no contact is given,
        /// or several partners have a contact with the email and no partner was given (naming them); PartnerNotFound or
        /// ObjectFromOtherDatabase (the partner or the contact object).
        /// </exception>
        public static PartnerContact Contact(CertificationDraft draft, IContactRepository contacts, IPartnerRepository partners, string database)
        {
            if (draft.ContactObject is ContactReference given)
            {
                var contact = contacts.Require(given);
                if (draft.Partner is PartnerReference partner && partners.Require(partner).Id != contact.PartnerId)
                {
                    throw new PartnerOpsException(
                        ErrorIds.PartnerContactNotFound,
                        FailureKind.NotFound,
                        $"The contact '{TextRules.Shown(contact.Email)}' is a contact of partner '{TextRules.Shown(contact.Partner)}', not of partner {partner}.",
                        given);
                }

                return contact;
            }

            var email = draft.ContactEmail ?? string.Empty;
            if (email.Trim().Length == 0)
            {
                throw new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, "Give the contact: its email (-Contact) or a piped contact (Get-PartnerContact).", email);
            }

            if (draft.Partner is PartnerReference owner)
            {
                return contacts.Require(owner, email);
            }

            var matches = contacts.WithEmail(email);
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count == 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.PartnerContactNotFound,
                    FailureKind.NotFound,
                    $"No partner has a contact with the email '{TextRules.Shown(email)}' in '{database}'. Add it first (Add-PartnerContact), or give -Partner to see the partner's closest emails.",
                    email);
            }

            throw new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"The email '{TextRules.Shown(email)}' is a contact of {matches.Count} partners ({string.Join(", ", matches.Select(m => "'" + TextRules.Shown(m.Partner) + "'"))}): " +
                "give the partner too (-Partner).",
                email);
        }

        /// <summary>
        /// A certification of the same contact, name and EarnedOn is held already: InvalidPartnerValue with the kind
        /// AlreadyExists (ResourceExists; the fixed list has no CertificationExists id), naming the one held.
        /// </summary>
        public static PartnerOpsException Exists(PartnerCertification held) =>
            new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.AlreadyExists,
                $"The certification {CertificationRules.Describe(held.Name, held.Contact, held.EarnedOn, held.ExpiresOn)} (partner '{TextRules.Shown(held.Partner)}') " +
                $"is held already (Id {held.Id.ToString(CultureInfo.InvariantCulture)}); a contact holds a certification once per EarnedOn. Nothing was added.",
                held);

        /// <summary>CertificationNotFound (NotFound) for <paramref name="what"/> ("Id 3", "'Azure' of ann@kestrel.example").</summary>
        public static PartnerOpsException NotFound(string what, object? target, string database, string? why = null) =>
            new PartnerOpsException(
                ErrorIds.CertificationNotFound,
                FailureKind.NotFound,
                $"No certification {what} was found in '{database}'{(why == null ? string.Empty : ": " + why)}.",
                target);

        /// <summary>
        /// The stored certification a piped object names: CertificationNotFound when no certification has its id, or the one that
        /// has it is not the one the object described; ObjectFromOtherDatabase for a certification of another database.
        /// </summary>
        /// <exception cref="PartnerOpsException">CertificationNotFound, ObjectFromOtherDatabase.</exception>
        public static PartnerCertification Require(CertificationReference reference, Func<string, bool> sameDatabase, string database, Func<long, PartnerCertification?> getById)
        {
            reference.RequireDatabase(reference.Database != null && sameDatabase(reference.Database), database);
            var found = getById(reference.Id) ?? throw NotFound("with Id " + reference.Id.ToString(CultureInfo.InvariantCulture), reference, database);
            if (!reference.Matches(found))
            {
                throw NotFound(
                    "with Id " + reference.Id.ToString(CultureInfo.InvariantCulture),
                    reference,
                    database,
                    $"the {reference.Description} was {reference.Said()}, but that id now holds {CertificationRules.Describe(found.Name, found.Contact, found.EarnedOn, found.ExpiresOn)}; get the certifications again (Get-PartnerCertification)");
            }

            return found;
        }

        /// <summary>The name of a certification as given, checked and with its key; the dates checked (<see cref="CertificationRules"/>).</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static (string Name, string NameKey, DateTime EarnedOn, DateTime? ExpiresOn) Checked(CertificationDraft draft)
        {
            var name = CertificationRules.NormalizeName(draft.Name);
            var (earned, expires) = CertificationRules.CheckDates(draft.EarnedOn, draft.ExpiresOn);
            return (name, CertificationRules.NameKey(name), earned, expires);
        }
    }
}
