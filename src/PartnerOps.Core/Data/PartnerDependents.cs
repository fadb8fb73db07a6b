using System.Collections.Generic;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>What removing a partner removes with it, counted and named the same on every backend (Remove-Partner).</summary>
    public static class PartnerDependents
    {
        /// <summary>
        /// The partner's contacts, their certifications and its registered deals (issue 19; parameter @partnerId): three counts,
        /// bigint on every backend.
        /// </summary>
        public const string CountSql =
            "SELECT (SELECT count(*) FROM contacts WHERE partner_id = @partnerId) AS Contacts, " +
            "(SELECT count(*) FROM certifications WHERE partner_id = @partnerId) AS Certifications, " +
            "(SELECT count(*) FROM deals WHERE partner_id = @partnerId) AS Deals";

        /// <summary>
        /// The partner as Remove-Partner's -WhatIf and -Confirm name it, with what goes with it: <c>Acme (Id 1)</c>,
        /// <c>Acme (Id 1) and its 2 revenue record(s)</c>, <c>Acme (Id 1) and its 2 revenue record(s), 3 contact(s) and 4 certification(s)</c>,
        /// <c>Acme (Id 1) and its 1 contact(s) and 2 deal(s)</c> (a count of none is left out).
        /// </summary>
        public static string Describe(Partner partner, long revenue, long contacts, long certifications, long deals = 0)
        {
            var parts = new List<string>();
            void Add(long count, string what)
            {
                if (count > 0)
                {
                    parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + what);
                }
            }

            Add(revenue, "revenue record(s)");
            Add(contacts, "contact(s)");
            Add(certifications, "certification(s)");
            Add(deals, "deal(s)");
            var self = $"{partner.Name} (Id {partner.Id.ToString(CultureInfo.InvariantCulture)})";
            return parts.Count == 0 ? self
                : parts.Count == 1 ? $"{self} and its {parts[0]}"
                : $"{self} and its {string.Join(", ", parts.GetRange(0, parts.Count - 1))} and {parts[parts.Count - 1]}";
        }
    }
}
