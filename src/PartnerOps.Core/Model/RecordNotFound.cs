using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps
{
    /// <summary>The not-found failures of stored records, the same whatever database was searched.</summary>
    public static class RecordNotFound
    {
        /// <summary>PartnerNotFound (NotFound) for <paramref name="what"/> ("Id 3", "'Acme'"), naming the database searched when given.</summary>
        public static PartnerOpsException Partner(string what, object? target, string? database = null) =>
            new PartnerOpsException(
                ErrorIds.PartnerNotFound,
                FailureKind.NotFound,
                $"No partner with {(what.StartsWith("Id ", StringComparison.Ordinal) ? what : "name " + what)} was found{(database == null ? string.Empty : " in '" + database + "'")}.",
                target);

        /// <summary>TargetNotFound (NotFound) for <paramref name="what"/> ("Id 3", "PartnerRevenue 2016 EMEA").</summary>
        public static PartnerOpsException Target(string what, object? target) =>
            new PartnerOpsException(ErrorIds.TargetNotFound, FailureKind.NotFound, $"No target with {what} was found.", target);

        /// <summary>
        /// The error for a name that names more than one partner: partners stored before schema 4, whose names then were
        /// different keys and now are one (ß and ss, a no-break space and a space...). Names each partner and its id.
        /// </summary>
        public static PartnerOpsException SharedName(string given, IList<(long Id, string Name)> partners, string? database) =>
            new PartnerOpsException(
                ErrorIds.PartnerNotFound,
                FailureKind.InvalidOperation,
                $"The name '{TextRules.Shown(given)}' names {partners.Count} partners{(database == null ? string.Empty : " in '" + database + "'")}: " +
                string.Join(", ", partners.Select(p => $"Id {p.Id} '{TextRules.Shown(p.Name)}'")) +
                " (their names print the same; they were stored before names were compared ignoring case folding, spaces and invisible " +
                "characters). Nothing was done; give the partner by -Id, and merge them (Test-PartnerDatabase -Detailed says how).",
                given);
    }
}
