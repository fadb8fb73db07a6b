using System;

namespace PartnerOps
{
    /// <summary>
    /// A contact named by a piped object (a PartnerContact, its deserialized form, or a row exported from one): its Id in its
    /// Database, and the partner and email the object said it has, which must still be true of the stored contact with that
    /// id (ids of removed contacts are given to new ones). Like other records, never matched in another database.
    /// </summary>
    public sealed class ContactReference : RecordReference
    {
        public ContactReference(long id, string? database, string description)
            : base(id, database, description)
        {
        }

        /// <summary>The partner's id as the object says it, or null when it does not say.</summary>
        public long? PartnerId { get; set; }

        /// <summary>The email as the object says it, or null when it does not say.</summary>
        public string? Email { get; set; }

        /// <summary>Whether the stored contact is the one the object described (same partner, same email ignoring case).</summary>
        public bool Matches(PartnerContact stored) =>
            (PartnerId == null || PartnerId == stored.PartnerId)
            && (Email == null || string.Equals(ContactRules.LookupEmailKey(Email), ContactRules.EmailKey(stored.Email), StringComparison.Ordinal));
    }
}
