using System;

namespace PartnerOps
{
    /// <summary>
    /// A deal named by a piped object (a PartnerDeal, its deserialized form, or a row exported from one): its Id in its
    /// Database, and the partner and customer the object said it has, which must still be true of the stored deal with that
    /// id (ids of removed deals may be given to new ones). Like other records, never matched in another database.
    /// </summary>
    public sealed class DealReference : RecordReference
    {
        public DealReference(long id, string? database, string description)
            : base(id, database, description)
        {
        }

        /// <summary>The partner's id as the object says it, or null when it does not say.</summary>
        public long? PartnerId { get; set; }

        /// <summary>The customer as the object says it, or null when it does not say.</summary>
        public string? Customer { get; set; }

        /// <summary>Whether the stored deal is the one the object described (same partner, same customer key).</summary>
        public bool Matches(PartnerDeal stored) =>
            (PartnerId == null || PartnerId == stored.PartnerId)
            && (Customer == null || string.Equals(KeyOf(Customer), DealRules.CustomerKey(stored.Customer), StringComparison.Ordinal));

        // The key of a customer as the object gives it; one that is no valid customer keyed as its trimmed text (matches none).
        private static string KeyOf(string customer)
        {
            try
            {
                return DealRules.CustomerKey(DealRules.NormalizeCustomer(customer));
            }
            catch (PartnerOpsException)
            {
                return customer.Trim();
            }
        }
    }
}
