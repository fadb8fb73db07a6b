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

    /// <summary>A contact as a certification's lookup reads it (<see cref="CertificationSql.ContactsByEmail"/>).</summary>
    public sealed class CertifiedContact
    {
        public long Id { get; set; }

        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;
    }

    /// <summary>What Add-PartnerCertification is given, before the contact is found and the values checked.</summary>
    public sealed class CertificationDraft
    {
        /// <summary>The contact's email as given (-Contact as text, or the Email of a piped contact).</summary>
        public string? ContactEmail { get; set; }

        /// <summary>The contact's id when a PartnerContact object named it (its email must still be <see cref="ContactEmail"/>).</summary>
        public long? ContactId { get; set; }

        /// <summary>The partner whose contact it is; needed when more than one partner has a contact with the email.</summary>
        public PartnerReference? Partner { get; set; }

        public string? Name { get; set; }

        /// <summary>The day it was earned (date only).</summary>
        public DateTime EarnedOn { get; set; }

        /// <summary>The first day it no longer counts (date only), or null.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>The contact as messages name it: its email, and the partner when given.</summary>
        public string ContactShown => $"'{TextRules.Shown(ContactEmail)}'" + (Partner == null ? string.Empty : $" of partner {Partner}");
    }

    /// <summary>The lookups and failures of certifications, the same on every backend; the repositories give the queries.</summary>
    public static class CertificationLookup
    {
        /// <summary>The key an email is found by: its trimmed text in lower case (invariant), as contacts store email_key.</summary>
        public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

        /// <summary>
        /// The contact a draft names. By id (a piped contact): that contact, which must still have the email the object showed.
        /// By email: the contact of <paramref name="partnerId"/> with it, or, without a partner, the one contact of any partner
        /// that has it. <paramref name="byEmail"/> reads (email key, partner id or 0 for all); <paramref name="byId"/> one contact.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerContactNotFound (none, or the id now has another email); InvalidPartnerValue when several partners have a
        /// contact with the email and no partner was given (naming them).
        /// </exception>
        public static CertifiedContact Contact(CertificationDraft draft, long? partnerId, Func<string, long, IList<CertifiedContact>> byEmail, Func<long, CertifiedContact?> byId, string database)
        {
            var email = draft.ContactEmail ?? string.Empty;
            if (draft.ContactId is long id)
            {
                var found = byId(id);
                if (found == null || EmailKey(found.Email) != EmailKey(email) || (partnerId != null && found.PartnerId != partnerId))
                {
                    throw ContactNotFound(draft.ContactShown, database, "the contact was changed or removed since it was read; get it again (Get-PartnerContact)");
                }

                return found;
            }

            if (email.Trim().Length == 0)
            {
                throw new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, "Give the contact: its email (-Contact) or a piped contact (Get-PartnerContact).", email);
            }

            var matches = byEmail(EmailKey(email), partnerId ?? 0);
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count == 0)
            {
                throw ContactNotFound(draft.ContactShown, database, partnerId == null ? "no partner has a contact with that email" : "that partner has no contact with that email");
            }

            throw new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"The contact '{TextRules.Shown(email)}' is a contact of {matches.Count} partners ({string.Join(", ", matches.Select(m => "'" + TextRules.Shown(m.Partner) + "'"))}): " +
                "give the partner too (-Partner).",
                email);
        }

        /// <summary>PartnerContactNotFound (NotFound) for a contact named in a certification's command.</summary>
        public static PartnerOpsException ContactNotFound(string contactShown, string database, string why) =>
            new PartnerOpsException(
                ErrorIds.PartnerContactNotFound,
                FailureKind.NotFound,
                $"No contact {contactShown} was found in '{database}': {why}. Add it first (Add-PartnerContact).",
                contactShown);

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
