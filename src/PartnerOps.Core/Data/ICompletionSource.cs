using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Values for tab completion, read from the database at a location without opening it for a command (kept between calls
    /// while the database is unchanged); nothing when it cannot be read. <c>path</c> is the database's location (a full file
    /// path); <c>prefix</c> is what the user typed so far (empty for everything). The database is opened read-only and never
    /// changed or migrated. No method throws for the database: a missing file, a file that is not a PartnerOps database, or
    /// an SQLite failure (a lock held longer than one second included) gives an empty list (currencies and countries then
    /// still list the ISO codes).
    /// </summary>
    public interface ICompletionSource
    {
        /// <summary>
        /// Partner names whose name key starts with that of <paramref name="prefix"/> (ignoring case; wildcards allowed), at
        /// most 100, in Get-Partner's order.
        /// </summary>
        IReadOnlyList<string> PartnerNames(string path, string prefix);

        /// <summary>
        /// Regions stored (of partners, revenue and targets), whose key (<see cref="RevenueRules.Key"/>) starts with the key of
        /// <paramref name="prefix"/>, one spelling per key.
        /// </summary>
        IReadOnlyList<string> Regions(string path, string prefix);

        /// <summary>
        /// ISO 3166-1 alpha-2 codes starting with <paramref name="prefix"/> (ignoring case): those partners use first, then the
        /// other known codes in order.
        /// </summary>
        IReadOnlyList<string> Countries(string path, string prefix);

        /// <summary>Revenue segments stored, and the default Enterprise, whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        IReadOnlyList<string> Segments(string path, string prefix);

        /// <summary>
        /// ISO 4217 codes starting with <paramref name="prefix"/> (ignoring case): the reporting currency and the currencies of
        /// the stored rates first, then the other known codes in order.
        /// </summary>
        IReadOnlyList<string> Currencies(string path, string prefix);

        /// <summary>
        /// The reasons stored with Status changes (status_changes.reason; Set-Partner -Reason), each once, in ordinal order, that
        /// start with <paramref name="prefix"/> (ignoring case); none for a database older than schema 12.
        /// </summary>
        IReadOnlyList<string> Reasons(string path, string prefix);

        /// <summary>
        /// The roles stored with contacts (schema 13), one spelling per key (<see cref="ContactRules.RoleKey"/>), whose key starts
        /// with the key of <paramref name="prefix"/>; none for an older database.
        /// </summary>
        IReadOnlyList<string> ContactRoles(string path, string prefix);

        /// <summary>
        /// The emails of the contacts of the partner named <paramref name="partner"/> (an exact name, compared by name key, or an
        /// id), ended ones included, that start with <paramref name="prefix"/> (ignoring case), in order of their lower-case form,
        /// at most 100; none when no partner is given or for an older database.
        /// </summary>
        IReadOnlyList<string> ContactEmails(string path, string? partner, string prefix);

        /// <summary>
        /// Certification names stored, one spelling per name key (the first added), whose key starts with the key of
        /// <paramref name="prefix"/>; none for a database older than schema 13.
        /// </summary>
        IReadOnlyList<string> CertificationNames(string path, string prefix);

        /// <summary>
        /// Deals' customers (issue 19), one spelling per customer key, whose key starts with the key of <paramref name="prefix"/>,
        /// at most 100, in key order; none for a database older than schema 14.
        /// </summary>
        IReadOnlyList<string> DealCustomers(string path, string prefix);

        /// <summary>Deals' references that start with <paramref name="prefix"/> (as typed), at most 100, in order; none before schema 14.</summary>
        IReadOnlyList<string> DealReferences(string path, string prefix);
    }
}
