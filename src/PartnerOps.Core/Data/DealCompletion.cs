namespace PartnerOps.Data
{
    /// <summary>
    /// The SQL of completing Get-PartnerDeal -Customer and the deal cmdlets' -Reference (issue 19), the same on both backends:
    /// a key range (the stored text from the typed prefix up to it followed by U+FFFF, binary order on both) read from an index.
    /// </summary>
    public static class DealCompletion
    {
        /// <summary>At most this many values are offered.</summary>
        public const int MaxValues = 100;

        /// <summary>One spelling (the least) of each stored customer key in the range @from..@to, by key.</summary>
        public const string CustomersSql =
            "SELECT min(customer) FROM deals WHERE customer_key >= @from AND customer_key < @to GROUP BY customer_key ORDER BY customer_key LIMIT 100";

        /// <summary>The stored references in the range @from..@to, in order.</summary>
        public const string ReferencesSql =
            "SELECT reference FROM deals WHERE reference >= @from AND reference < @to ORDER BY reference LIMIT 100";

        /// <summary>The range parameters of <see cref="CustomersSql"/>: customers whose key starts with the key of <paramref name="prefix"/> (a trailing '*' ignored).</summary>
        public static object CustomerRange(string prefix) => Range(DealRules.CustomerKey(Typed(prefix)));

        /// <summary>The range parameters of <see cref="ReferencesSql"/>: references that start with <paramref name="prefix"/> as typed (trimmed).</summary>
        public static object ReferenceRange(string prefix) => Range(Typed(prefix));

        private static string Typed(string prefix) => prefix.Trim().TrimEnd('*');

        private static object Range(string from) => new { from, to = from + "\uFFFF" };
    }
}
