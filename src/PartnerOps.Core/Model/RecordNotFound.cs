using System;

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
    }
}
