using System;
using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// What a partner contact's values must be (issue 18), shared by every backend: its name as partner names'
    /// text rules, one email address, a role and a phone of one line, and dates of the years 1900 to 2999 with EndedOn on
    /// or after StartedOn. Every refusal is InvalidPartnerValue (InvalidArgument) naming the value and the problem.
    /// </summary>
    public static class ContactRules
    {
        /// <summary>A contact's name has at most this many characters (as a partner's).</summary>
        public const int MaxNameLength = PartnerRules.MaxNameLength;

        /// <summary>The longest email address (RFC 5321's path limit of 256 less the angle brackets).</summary>
        public const int MaxEmailLength = 254;

        /// <summary>The most characters before the '@' of an email address (RFC 5321, 4.5.3.1.1).</summary>
        public const int MaxLocalPartLength = 64;

        /// <summary>A role has at most this many characters.</summary>
        public const int MaxRoleLength = 100;

        /// <summary>A phone number (free text) has at most this many characters.</summary>
        public const int MaxPhoneLength = 50;

        /// <summary>
        /// A contact's name trimmed and NFC-normalised, space separators as spaces: one line of visible text (no control or
        /// invisible format characters, as partner names), 1 to <see cref="MaxNameLength"/> characters.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string NormalizeName(string? name)
        {
            var trimmed = Visible("Name", name, "contact names");
            if (trimmed.Length == 0)
            {
                throw PartnerRules.Invalid("Name", name, "a contact's name cannot be empty");
            }

            if (trimmed.Length > MaxNameLength)
            {
                throw PartnerRules.Invalid("Name", name, $"a contact's name has at most {MaxNameLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>
        /// The email address as stored: trimmed, otherwise as given. It must be one address (<c>local@domain</c>, parsed by
        /// <see cref="MailAddress"/>, whose Address must be the whole text: "Name &lt;a@b.example&gt;" and lists are refused),
        /// with no spaces, a dot inside the domain, and at most <see cref="MaxEmailLength"/> characters; at most
        /// <see cref="MaxLocalPartLength"/> before the '@' (RFC 5321), and domain labels that neither start nor end with '-' (RFC 1035).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string NormalizeEmail(string? email)
        {
            var trimmed = (email ?? string.Empty).Trim();
            if (trimmed.Length == 0)
            {
                throw PartnerRules.Invalid("Email", email, "a contact needs an email address");
            }

            if (TextRules.Problem(trimmed) is string problem)
            {
                throw PartnerRules.Invalid("Email", email, problem);
            }

            if (trimmed.Length > MaxEmailLength)
            {
                throw PartnerRules.Invalid("Email", email, $"an email address has at most {MaxEmailLength} characters (this one has {trimmed.Length})");
            }

            foreach (var c in trimmed)
            {
                if (char.IsWhiteSpace(c))
                {
                    throw PartnerRules.Invalid("Email", email, "an email address has no spaces; give one address, local@domain");
                }
            }

            MailAddress parsed;
            try
            {
                parsed = new MailAddress(trimmed);
            }
            catch (FormatException)
            {
                throw PartnerRules.Invalid("Email", email, "it is not an email address; give one address, local@domain");
            }

            if (!string.Equals(parsed.Address, trimmed, StringComparison.Ordinal))
            {
                throw PartnerRules.Invalid("Email", email, $"give the address alone ('{TextRules.Shown(parsed.Address)}'), without a display name or other addresses");
            }

            var at = trimmed.LastIndexOf('@');
            var domain = trimmed.Substring(at + 1);
            var dot = domain.IndexOf('.');
            if (dot <= 0 || domain.EndsWith(".", StringComparison.Ordinal) || domain.Contains(".."))
            {
                throw PartnerRules.Invalid("Email", email, $"the domain '{TextRules.Shown(domain)}' is not a full domain name (one with a dot, such as example.com)");
            }

            if (at > MaxLocalPartLength)
            {
                throw PartnerRules.Invalid("Email", email, $"the part before '@' has at most {MaxLocalPartLength} characters (RFC 5321; this one has {at})");
            }

            // Each label of a (non-literal) domain neither starts nor ends with '-' (RFC 1035, 2.3.1). Its length is not checked:
            // the whole address is bounded above, and addresses with a long label were taken before.
            if (!domain.StartsWith("[", StringComparison.Ordinal))
            {
                foreach (var label in domain.Split('.'))
                {
                    if (label.StartsWith("-", StringComparison.Ordinal) || label.EndsWith("-", StringComparison.Ordinal))
                    {
                        throw PartnerRules.Invalid("Email", email, $"the domain label '{TextRules.Shown(label)}' starts or ends with '-', which a domain name cannot (RFC 1035)");
                    }
                }
            }

            return trimmed;
        }

        /// <summary>
        /// The key under which a partner's emails are unique and looked up: the stored (trimmed) address in lower case
        /// (<see cref="string.ToLowerInvariant"/>), so A@Example.com and a@example.com are one contact.
        /// </summary>
        public static string EmailKey(string normalizedEmail) => normalizedEmail.ToLowerInvariant();

        /// <summary>
        /// The key of an email as typed for a lookup (trimmed, lower case), without checking it is an address: a lookup of a
        /// value no contact could have simply finds none.
        /// </summary>
        public static string LookupEmailKey(string? email) => EmailKey((email ?? string.Empty).Trim());

        /// <summary>
        /// A role as stored: trimmed and NFC-normalised, space separators as spaces, one line of visible text of at most
        /// <see cref="MaxRoleLength"/> characters; null when empty. Roles are compared by <see cref="RoleKey"/>.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string? NormalizeRole(string? role)
        {
            var trimmed = Visible("Role", role, "roles");
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (trimmed.Length > MaxRoleLength)
            {
                throw PartnerRules.Invalid("Role", role, $"a role has at most {MaxRoleLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>The key a role is compared and completed by: the name key (<see cref="RevenueRules.Key"/>, as regions); null for no role.</summary>
        public static string? RoleKey(string? normalizedRole) => RevenueRules.Key(normalizedRole);

        /// <summary>A phone number as stored: free text, trimmed, one line, at most <see cref="MaxPhoneLength"/> characters; null when empty.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string? NormalizePhone(string? phone)
        {
            var trimmed = phone?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (TextRules.Problem(trimmed!) is string problem)
            {
                throw PartnerRules.Invalid("Phone", phone, problem);
            }

            if (trimmed!.Length > MaxPhoneLength)
            {
                throw PartnerRules.Invalid("Phone", phone, $"a phone number has at most {MaxPhoneLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>
        /// StartedOn and EndedOn as stored (date only): each within the years 1900 to 2999, EndedOn on or after StartedOn. Either
        /// may be in the future (a contact starting next month, a planned leave).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static (DateTime? StartedOn, DateTime? EndedOn) CheckDates(DateTime? startedOn, DateTime? endedOn)
        {
            var started = PartnerRules.CheckDate(startedOn, "StartedOn");
            var ended = PartnerRules.CheckDate(endedOn, "EndedOn");
            if (started is DateTime start && ended is DateTime end && end < start)
            {
                throw PartnerRules.Invalid("EndedOn", PartnerRules.FormatDate(end), $"a contact cannot leave before starting (StartedOn {PartnerRules.FormatDate(start)})");
            }

            return (started, ended);
        }

        // Trimmed, refused characters checked, NFC with space separators as spaces (partner names' text rules); deal texts too.
        internal static string Visible(string property, string? value, string what)
        {
            var trimmed = (value ?? string.Empty).Trim();
            if (TextRules.Problem(trimmed) is string problem)
            {
                throw PartnerRules.Invalid(property, value, problem);
            }

            if (NameFolding.FirstRefused(trimmed) is (int codePoint, int position))
            {
                throw PartnerRules.Invalid(property, value, NameFolding.InvisibleProblem(codePoint, position, what));
            }

            return NameFolding.SpacesAsSpace(trimmed).Normalize(NormalizationForm.FormC);
        }
    }
}
