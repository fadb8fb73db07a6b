using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>A contact as both backends read it (the columns of <see cref="ContactLookup.Select"/>, by these names).</summary>
    public sealed class ContactRow
    {
        /// <summary>The contact's id.</summary>
        public long Id { get; set; }

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The contact's name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The email as stored (trimmed, as given).</summary>
        public string Email { get; set; } = string.Empty;

        /// <summary>The role, or null.</summary>
        public string? Role { get; set; }

        /// <summary>The phone, or null.</summary>
        public string? Phone { get; set; }

        /// <summary>The first day as a contact ('yyyy-MM-dd'), or null.</summary>
        public string? StartedOn { get; set; }

        /// <summary>The first day no longer a contact ('yyyy-MM-dd'), or null.</summary>
        public string? EndedOn { get; set; }

        /// <summary>When the contact was stored (UTC, as stored).</summary>
        public DateTime CreatedAt { get; set; }

        /// <summary>When the contact was last changed (UTC, as stored).</summary>
        public DateTime UpdatedAt { get; set; }

        /// <summary>The contact as the cmdlets show it, Current as of <paramref name="day"/>.</summary>
        public PartnerContact ToContact(string database, DateTime day)
        {
            var contact = new PartnerContact
            {
                Id = Id,
                PartnerId = PartnerId,
                Partner = Partner,
                Name = Name,
                Email = Email,
                Role = Role,
                Phone = Phone,
                StartedOn = ContactLookup.ParseDate(StartedOn),
                EndedOn = ContactLookup.ParseDate(EndedOn),
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
                Database = database,
            };
            contact.Current = contact.IsCurrentOn(day);
            return contact;
        }
    }

    /// <summary>The SQL and the rules of finding, naming and refusing contacts that are the same on every backend.</summary>
    public static class ContactLookup
    {
        /// <summary>The columns of a contact read (alias c, its partner p), named as <see cref="ContactRow"/>'s properties.</summary>
        public const string Select =
            "SELECT c.id AS Id, c.partner_id AS PartnerId, p.name AS Partner, c.name AS Name, c.email AS Email, c.role AS Role, " +
            "c.phone AS Phone, c.started_on AS StartedOn, c.ended_on AS EndedOn, c.created_at AS CreatedAt, c.updated_at AS UpdatedAt " +
            "FROM contacts c JOIN partners p ON p.id = c.partner_id";

        /// <summary>The order contacts are listed in: by partner as Get-Partner lists partners, then name and email (ordinal on both backends).</summary>
        public const string OrderBy = " ORDER BY p.name_sort, p.name_key, p.id, c.name, c.email_key, c.id";

        /// <summary>The lookup of one contact by partner and email key (parameters partnerId, emailKey).</summary>
        public const string ByPartnerAndEmail = Select + " WHERE c.partner_id = @partnerId AND c.email_key = @emailKey";

        /// <summary>A 'yyyy-MM-dd' date as stored, read back (null stays null).</summary>
        public static DateTime? ParseDate(string? stored) =>
            stored == null ? (DateTime?)null : DateTime.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>A date as stored ('yyyy-MM-dd'), or null.</summary>
        public static string? FormatDate(DateTime? date) => date is DateTime d ? PartnerRules.FormatDate(d) : null;

        /// <summary>
        /// The WHERE clause (with its parameters) of a filter over contacts (alias c) on any backend; empty for no restriction.
        /// </summary>
        internal static (string Where, DynamicParameters Parameters) Where(FilterDialect sql, ContactFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (filter.RestrictPartners)
            {
                clauses.Add(PartnerRestriction.Clause(sql, parameters, "c.partner_id", filter.PartnerIds, filter.PartnerNames));
            }

            sql.AddMatching(clauses, parameters, "c.email_key", "email", filter.Emails, "email_key", "contacts");
            sql.AddMatching(clauses, parameters, "c.role_key", "role", filter.Roles, "role_key", "contacts");
            if (!filter.IncludeEnded)
            {
                clauses.Add("(c.started_on IS NULL OR c.started_on <= @day) AND (c.ended_on IS NULL OR c.ended_on > @day)");
                parameters.Add("day", PartnerRules.FormatDate(filter.Day));
            }

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>
        /// A new contact as it will be stored: its partner (<paramref name="requirePartner"/> resolves the draft's), its values
        /// validated by <see cref="ContactRules"/>, and none of the partner's contacts (<paramref name="get"/>: by partner id and
        /// email) with its email.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (a value, or no partner given), the partner's PartnerNotFound or ObjectFromOtherDatabase,
        /// PartnerContactExists.
        /// </exception>
        public static PartnerContact ToAdd(ContactDraft draft, Func<PartnerReference, Partner> requirePartner, Func<long, string, PartnerContact?> get, string database, DateTime today)
        {
            var partner = requirePartner(draft.Partner ?? throw new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"The contact '{TextRules.Shown(draft.Email)}' names no partner: give -Partner (a name, an id or a Partner object), or pipe a partner (Get-Partner) or a row with a Partner column.",
                draft.Email));
            var (startedOn, endedOn) = ContactRules.CheckDates(draft.StartedOn, draft.EndedOn);
            var contact = new PartnerContact
            {
                PartnerId = partner.Id,
                Partner = partner.Name,
                Name = ContactRules.NormalizeName(draft.Name),
                Email = ContactRules.NormalizeEmail(draft.Email),
                Role = ContactRules.NormalizeRole(draft.Role),
                Phone = ContactRules.NormalizePhone(draft.Phone),
                StartedOn = startedOn,
                EndedOn = endedOn,
                Database = database,
            };
            if (get(partner.Id, contact.Email) is PartnerContact existing)
            {
                throw Exists(existing, contact.Email, today);
            }

            contact.Current = contact.IsCurrentOn(today);
            return contact;
        }

        /// <summary>
        /// The contact <paramref name="current"/> becomes with <paramref name="changes"/> (<see cref="ContactChanges.ApplyTo"/>),
        /// or null when every value stays as it is (nothing to write); a new email may not be another contact's of the partner
        /// (<paramref name="get"/>: by partner id and email).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue, PartnerContactExists.</exception>
        public static PartnerContact? ToUpdate(PartnerContact current, ContactChanges changes, Func<long, string, PartnerContact?> get, DateTime today)
        {
            var changed = changes.ApplyTo(current);
            if (ContactChanges.SameStoredValues(current, changed))
            {
                return null;
            }

            if (!string.Equals(ContactRules.EmailKey(changed.Email), ContactRules.EmailKey(current.Email), StringComparison.Ordinal)
                && get(current.PartnerId, changed.Email) is PartnerContact other)
            {
                throw Exists(other, changed.Email, today);
            }

            changed.Current = changed.IsCurrentOn(today);
            return changed;
        }

        /// <summary>The insert of a contact (parameters: <see cref="StoredValues"/>), returning its id.</summary>
        public const string Insert =
            @"INSERT INTO contacts (partner_id, name, email, email_key, role, role_key, phone, started_on, ended_on, created_at, updated_at)
              VALUES (@PartnerId, @Name, @Email, @EmailKey, @Role, @RoleKey, @Phone, @StartedOn, @EndedOn, @Now, @Now) RETURNING id";

        /// <summary>The update of a contact's values by its id (parameters: <see cref="StoredValues"/>).</summary>
        public const string Update =
            @"UPDATE contacts SET name = @Name, email = @Email, email_key = @EmailKey, role = @Role, role_key = @RoleKey, phone = @Phone,
                  started_on = @StartedOn, ended_on = @EndedOn, updated_at = @Now WHERE id = @Id";

        /// <summary>The values of a contact as written (insert or update parameters, by these names), <paramref name="now"/> (UTC) as the timestamp.</summary>
        public static object StoredValues(PartnerContact contact, DateTime now) => new
        {
            contact.Id,
            contact.PartnerId,
            contact.Name,
            contact.Email,
            EmailKey = ContactRules.EmailKey(contact.Email),
            contact.Role,
            RoleKey = ContactRules.RoleKey(contact.Role),
            contact.Phone,
            StartedOn = FormatDate(contact.StartedOn),
            EndedOn = FormatDate(contact.EndedOn),
            Now = PartnerRules.FormatTimestamp(now),
        };

        /// <summary>
        /// PartnerContactExists (AlreadyExists) for an email the partner's contact <paramref name="existing"/> has; for an ended
        /// contact the message says that Set-PartnerContact -EndedOn $null brings it back.
        /// </summary>
        public static PartnerOpsException Exists(PartnerContact existing, string email, DateTime today)
        {
            var who = $"contact Id {existing.Id.ToString(CultureInfo.InvariantCulture)} '{TextRules.Shown(existing.Name)}' <{TextRules.Shown(existing.Email)}>";
            var ended = existing.EndedOn is DateTime end && end.Date <= today.Date
                ? $" It ended on {PartnerRules.FormatDate(end)}: Set-PartnerContact -Partner '{TextRules.Shown(existing.Partner)}' -Email '{TextRules.Shown(existing.Email)}' -EndedOn $null brings it back."
                : string.Empty;
            return new PartnerOpsException(
                ErrorIds.PartnerContactExists,
                FailureKind.AlreadyExists,
                $"Partner '{TextRules.Shown(existing.Partner)}' already has the email '{TextRules.Shown(email)}': {who} (a partner's emails are unique, ignoring case; nothing was written).{ended}",
                email);
        }

        /// <summary>
        /// PartnerContactNotFound (NotFound) for a partner and email, naming up to three of the partner's emails closest to it
        /// (<paramref name="emails"/>: all its contacts' emails).
        /// </summary>
        public static PartnerOpsException NotFound(string partner, string email, IEnumerable<string> emails, string database)
        {
            var key = ContactRules.LookupEmailKey(email);
            var byKey = emails.GroupBy(ContactRules.EmailKey).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var close = FilterHints.Closest(key, byKey.Keys).Select(k => "'" + TextRules.Shown(byKey[k]) + "'").ToList();
            var hint = close.Count > 0 ? " Close emails of the partner: " + string.Join(", ", close) + "."
                : byKey.Count == 0 ? " The partner has no contacts." : string.Empty;
            return new PartnerOpsException(
                ErrorIds.PartnerContactNotFound,
                FailureKind.NotFound,
                $"Partner '{TextRules.Shown(partner)}' has no contact with the email '{TextRules.Shown(email)}' in '{database}'.{hint}",
                email);
        }

        /// <summary>
        /// The stored contact a piped object names: <paramref name="getById"/> reads it. PartnerContactNotFound when no contact
        /// has its id, or the one that has it is not the contact the object described; ObjectFromOtherDatabase.
        /// </summary>
        public static PartnerContact Require(ContactReference reference, Func<string, bool> sameDatabase, string database, Func<long, PartnerContact?> getById)
        {
            reference.RequireDatabase(reference.Database != null && sameDatabase(reference.Database), database);
            var id = "Id " + reference.Id.ToString(CultureInfo.InvariantCulture);
            var found = getById(reference.Id) ?? throw new PartnerOpsException(
                ErrorIds.PartnerContactNotFound,
                FailureKind.NotFound,
                $"No contact with {id} was found in '{database}' (the {reference.Description}): it was removed. Get the contacts again (Get-PartnerContact -IncludeEnded).",
                reference);
            if (!reference.Matches(found))
            {
                throw new PartnerOpsException(
                    ErrorIds.PartnerContactNotFound,
                    FailureKind.NotFound,
                    $"The {reference.Description} does not describe contact {id} in '{database}', which is <{TextRules.Shown(found.Email)}> of partner " +
                    $"'{TextRules.Shown(found.Partner)}': it was changed, or removed and its id given to another contact. Nothing was done; get the contacts again (Get-PartnerContact) and retry.",
                    reference);
            }

            return found;
        }
    }
}
