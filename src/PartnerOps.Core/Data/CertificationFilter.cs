using System;
using System.Collections.Generic;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// What Get-PartnerCertification asks for (issue 18). Empty lists restrict nothing; several values in a list are
    /// alternatives; different restrictions must all hold. <see cref="Day"/> is the calendar day the rules are read on
    /// (-AsOf, default the UTC date today).
    /// </summary>
    public sealed class CertificationFilter
    {
        /// <summary>The day (date only) the certifications are selected and their Valid read on.</summary>
        public DateTime Day { get; set; }

        /// <summary>When set, only certifications of the partners in <see cref="PartnerIds"/> (none: nothing at all).</summary>
        public bool RestrictPartners { get; set; }

        /// <summary>Partner ids; read only when <see cref="RestrictPartners"/> is true.</summary>
        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>
        /// Contacts named by id (piped PartnerContact objects); a certification is selected when its contact is one of these or
        /// its email matches one of <see cref="ContactEmails"/>. Contacts named either way are listed whether current or not.
        /// </summary>
        public ISet<long> ContactIds { get; } = new HashSet<long>();

        /// <summary>Contact email patterns (wildcards), matched case-insensitively on the stored email key.</summary>
        public IList<NamePattern> ContactEmails { get; } = new List<NamePattern>();

        /// <summary>Certification name patterns (<see cref="NamePattern.ParseName"/>), matched on the name key.</summary>
        public IList<NamePattern> Names { get; } = new List<NamePattern>();

        /// <summary>Only certifications valid on <see cref="Day"/> that expire within this many days of it (ExpiresOn ≤ Day + days).</summary>
        public int? ExpiringWithin { get; set; }

        /// <summary>Only certifications of current contacts whose ExpiresOn is on or before <see cref="Day"/>.</summary>
        public bool Expired { get; set; }

        /// <summary>Whether contacts were named (by id or email): then their certifications are listed whether the contact is current or not.</summary>
        public bool ContactsNamed => ContactIds.Count > 0 || ContactEmails.Count > 0;
    }

    /// <summary>
    /// The certifications' SQL on every backend (dates are yyyy-MM-dd text, compared as text): the columns read, the
    /// WHERE clause of a <see cref="CertificationFilter"/> (the rules of <see cref="CertificationRules"/> as SQL) and the order.
    /// Aliases: c certifications, ct contacts, p partners.
    /// </summary>
    internal static class CertificationSql
    {
        /// <summary>The columns of a <see cref="CertificationRow"/>, joined with the contact and partner.</summary>
        public const string Select =
            "SELECT c.id AS Id, c.partner_id AS PartnerId, p.name AS Partner, c.contact_id AS ContactId, ct.email AS Contact, ct.name AS ContactName, " +
            "c.name AS Name, c.earned_on AS EarnedOn, c.expires_on AS ExpiresOn, ct.started_on AS ContactStartedOn, ct.ended_on AS ContactEndedOn, " +
            "c.created_at AS CreatedAt, c.updated_at AS UpdatedAt " +
            "FROM certifications c JOIN contacts ct ON ct.id = c.contact_id JOIN partners p ON p.id = c.partner_id";

        /// <summary>Get-PartnerCertification's order: by partner (as Get-Partner lists them), contact email, name, EarnedOn.</summary>
        public const string Order = " ORDER BY p.name_sort, p.name_key, p.id, ct.email_key, ct.id, c.name_key, c.earned_on, c.id";

        /// <summary>
        /// Adds the certification (contact id and partner id, name and its key, dates, timestamps); a certification of that
        /// contact, name (by key) and EarnedOn held already inserts nothing and returns no id.
        /// </summary>
        public const string Insert =
            "INSERT INTO certifications (contact_id, partner_id, name, name_key, earned_on, expires_on, created_at, updated_at) " +
            "VALUES (@ContactId, @PartnerId, @Name, @NameKey, @EarnedOn, @ExpiresOn, @Now, @Now) " +
            "ON CONFLICT (contact_id, name_key, earned_on) DO NOTHING RETURNING id";

        /// <summary>The certifications of one contact with a name (by key), optionally of one EarnedOn.</summary>
        public const string OfContact = Select + " WHERE c.contact_id = @contactId AND c.name_key = @nameKey AND (@earnedOn IS NULL OR c.earned_on = @earnedOn) ORDER BY c.earned_on, c.id";

        /// <summary>The certification names stored, each spelling once, the first added first (completion keeps one per key).</summary>
        public const string Names = "SELECT name FROM certifications GROUP BY name ORDER BY min(id)";

        /// <summary>A contact current on @day (StartedOn none or on/before it; EndedOn none or after it).</summary>
        private const string ContactCurrent = "(ct.started_on IS NULL OR ct.started_on <= @day) AND (ct.ended_on IS NULL OR @day < ct.ended_on)";

        /// <summary>A certification valid on @day: earned by then, not expired, its contact current.</summary>
        private const string Valid = "c.earned_on <= @day AND (c.expires_on IS NULL OR @day < c.expires_on) AND " + ContactCurrent;

        /// <summary>The WHERE clause (with its parameters, @day among them) of a filter.</summary>
        public static (string Where, DynamicParameters Parameters) Build(FilterDialect sql, CertificationFilter filter)
        {
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            parameters.Add("day", PartnerRules.FormatDate(filter.Day));
            if (filter.RestrictPartners)
            {
                clauses.Add(filter.PartnerIds.Count == 0 ? sql.False : sql.In(parameters, "c.partner_id", "partnerIds", filter.PartnerIds));
            }

            if (filter.ContactsNamed)
            {
                var named = new List<string>();
                if (filter.ContactIds.Count > 0)
                {
                    named.Add(sql.In(parameters, "c.contact_id", "contactIds", filter.ContactIds));
                }

                if (filter.ContactEmails.Count > 0)
                {
                    named.Add(sql.Matching(parameters, "ct.email_key", "email", filter.ContactEmails, "email_key", "contacts", indexed: false));
                }

                clauses.Add("(" + string.Join(" OR ", named) + ")");
            }

            if (filter.Names.Count > 0)
            {
                clauses.Add(sql.Matching(parameters, "c.name_key", "name", filter.Names, "name_key", "certifications", indexed: false));
            }

            if (filter.ExpiringWithin is int days)
            {
                parameters.Add("until", PartnerRules.FormatDate(filter.Day.Date.AddDays(CertificationRules.CheckExpiringWithin(days))));
                clauses.Add(Valid + " AND c.expires_on <= @until");
            }

            if (filter.Expired)
            {
                clauses.Add("c.expires_on <= @day AND " + ContactCurrent);
            }

            if (!filter.ContactsNamed && filter.ExpiringWithin == null && !filter.Expired)
            {
                clauses.Add(ContactCurrent); // by default the certifications of the contacts current on the day, valid or not
            }

            return (clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses), parameters);
        }
    }
}
