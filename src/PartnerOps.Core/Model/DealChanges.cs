using System;

namespace PartnerOps
{
    /// <summary>
    /// The values of a deal that Set-PartnerDeal may change (issue 19), as stored: the amount in whole minor units of its currency
    /// (both or neither), calendar days (date only), texts as validated by <see cref="DealRules"/>.
    /// </summary>
    public sealed class DealValues
    {
        /// <summary>The amount in whole minor units of <see cref="Currency"/>, or null.</summary>
        public long? Amount { get; set; }

        /// <summary>The ISO 4217 code of the amount, or null.</summary>
        public string? Currency { get; set; }

        /// <summary>The expected close day, or null.</summary>
        public DateTime? ExpectedClose { get; set; }

        /// <summary>The product or solution text, or null.</summary>
        public string? Product { get; set; }

        /// <summary>The segment as stored (Enterprise by default).</summary>
        public string Segment { get; set; } = RevenueRules.DefaultSegment;

        /// <summary>The last day of protection.</summary>
        public DateTime ExpiresOn { get; set; }

        /// <summary>The reason of the last denial, loss or change of ExpiresOn, or null.</summary>
        public string? Reason { get; set; }

        /// <summary>The key the segment is matched by (<see cref="RevenueRules.Key"/>).</summary>
        public string SegmentKey => RevenueRules.Key(Segment)!;

        /// <summary>A copy to change.</summary>
        public DealValues Copy() => (DealValues)MemberwiseClone();

        /// <summary>Whether every value is the same as <paramref name="other"/>'s (the segment compared as stored).</summary>
        public bool SameAs(DealValues other) =>
            Amount == other.Amount && Currency == other.Currency && ExpectedClose == other.ExpectedClose && Product == other.Product
            && string.Equals(Segment, other.Segment, StringComparison.Ordinal) && ExpiresOn == other.ExpiresOn && Reason == other.Reason;
    }

    /// <summary>
    /// What Set-PartnerDeal is given (issue 19): each value it changes; a value not given stays. ExpiresOn (an extension or a
    /// shortening) needs a Reason, and a Reason goes only with ExpiresOn.
    /// </summary>
    public sealed class DealChanges
    {
        /// <summary>The new amount (greater than zero, exact in the currency), in <see cref="Currency"/> or the deal's currency; null: unchanged.</summary>
        public decimal? Amount { get; set; }

        /// <summary>The new currency (ISO 4217), given with <see cref="Amount"/>; null: the deal's.</summary>
        public string? Currency { get; set; }

        /// <summary>Whether <see cref="ExpectedClose"/> was given (null then removes it).</summary>
        public bool ExpectedCloseSet { get; set; }

        /// <summary>The new expected close day, or null to remove it (when <see cref="ExpectedCloseSet"/>).</summary>
        public DateTime? ExpectedClose { get; set; }

        /// <summary>Whether <see cref="Product"/> was given (null or empty then removes it).</summary>
        public bool ProductSet { get; set; }

        /// <summary>The new product text (when <see cref="ProductSet"/>).</summary>
        public string? Product { get; set; }

        /// <summary>The new segment; null: unchanged (empty: Enterprise).</summary>
        public string? Segment { get; set; }

        /// <summary>The new last day of protection (on or after RegisteredOn); null: unchanged. Needs <see cref="Reason"/>.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>Why ExpiresOn changes (one line, at most 500 characters).</summary>
        public string? Reason { get; set; }

        /// <summary>
        /// The values of a deal with these changes applied, validated; null when they leave every value as it is. An amount
        /// without a currency takes the deal's (InvalidCurrencyCode when it has none); a currency is in use on
        /// <paramref name="registeredOn"/>. A new ExpiresOn is on or after <paramref name="registeredOn"/> and on or after the
        /// deal's decision <paramref name="decidedOn"/> (its approval: an approved deal cannot have expired before it was
        /// approved, as Approve-PartnerDeal refuses an expired deal); <paramref name="deal"/> names the deal in messages.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (a text or day; ExpiresOn before <paramref name="registeredOn"/> or <paramref name="decidedOn"/>;
        /// ExpiresOn without a reason or a reason without ExpiresOn), InvalidAmount, InvalidCurrencyCode.
        /// </exception>
        public DealValues? ApplyTo(DealValues current, DateTime registeredOn, DateTime? decidedOn = null, string deal = "the deal")
        {
            var next = current.Copy();
            if (Amount != null || !string.IsNullOrWhiteSpace(Currency))
            {
                var currency = string.IsNullOrWhiteSpace(Currency) && Amount != null ? current.Currency : Currency;
                var (_, code, minor) = DealRules.CheckAmount(Amount, currency, registeredOn);
                next.Amount = minor;
                next.Currency = code;
            }

            if (ExpectedCloseSet)
            {
                next.ExpectedClose = DealRules.CheckDay(ExpectedClose, "ExpectedClose");
            }

            if (ProductSet)
            {
                next.Product = DealRules.NormalizeProduct(Product);
            }

            if (Segment != null)
            {
                next.Segment = DealRules.NormalizeSegment(Segment);
            }

            if (ExpiresOn != null)
            {
                var expires = DealRules.CheckDay(ExpiresOn, "ExpiresOn")!.Value;
                if (expires < registeredOn)
                {
                    throw PartnerRules.Invalid(
                        "ExpiresOn",
                        PartnerRules.FormatDate(expires),
                        $"a deal cannot expire before it was registered (RegisteredOn {PartnerRules.FormatDate(registeredOn)})");
                }

                if (decidedOn is DateTime decided && expires < decided)
                {
                    throw PartnerRules.Invalid(
                        "ExpiresOn",
                        PartnerRules.FormatDate(expires),
                        $"{deal} cannot expire before its decision on {PartnerRules.FormatDate(decided)} (DecidedOn: it was approved that day, " +
                        $"and an expired deal cannot be approved); give an ExpiresOn on or after {PartnerRules.FormatDate(decided)}. Nothing was written");
                }

                next.ExpiresOn = expires;
                next.Reason = DealTransitions.NormalizeReason(Reason, "a change of ExpiresOn");
            }
            else if (Reason != null)
            {
                throw PartnerRules.Invalid("Reason", Reason, "a reason goes with a new ExpiresOn (give -ExpiresOn too); Deny-PartnerDeal and Close-PartnerDeal -Lost take their own");
            }

            return next.SameAs(current) ? null : next;
        }
    }
}
