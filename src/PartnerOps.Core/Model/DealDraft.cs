using System;

namespace PartnerOps
{
    /// <summary>
    /// What Register-PartnerDeal is given (issue 19), before validation (<see cref="DealRules"/>): the values as typed or as a
    /// CSV row of Get-PartnerDeal | Export-Csv holds them.
    /// </summary>
    public sealed class DealDraft
    {
        /// <summary>The partner registering the deal (required): a name, an id or a Partner object.</summary>
        public PartnerReference? Partner { get; set; }

        /// <summary>The customer's name (1 to 200 characters, the text rules of partner names).</summary>
        public string? Customer { get; set; }

        /// <summary>The customer's country: an ISO 3166-1 alpha-2 code (required).</summary>
        public string? CustomerCountry { get; set; }

        /// <summary>The segment (as revenue's; Enterprise when not given).</summary>
        public string? Segment { get; set; }

        /// <summary>The product or solution (free text, one line, up to 200 characters), or null.</summary>
        public string? Product { get; set; }

        /// <summary>The estimated amount, in <see cref="Currency"/> (greater than zero, exact in its minor units), or null.</summary>
        public decimal? Amount { get; set; }

        /// <summary>The ISO 4217 code of <see cref="Amount"/>: given with it, or not at all.</summary>
        public string? Currency { get; set; }

        /// <summary>The day the customer is expected to sign (a calendar day), or null.</summary>
        public DateTime? ExpectedClose { get; set; }

        /// <summary>An external id of the deal (one line, up to 100 characters), unique among the database's deals, or null.</summary>
        public string? Reference { get; set; }

        /// <summary>How many days the registration protects the deal (1 to 3650; 90 when neither this nor ExpiresOn is given).</summary>
        public int? ValidDays { get; set; }

        /// <summary>The last day of protection (a calendar day, on or after RegisteredOn), instead of <see cref="ValidDays"/>.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>
        /// Whether <see cref="ExpiresOn"/> came from a piped row's column while ValidDays was typed (Import-Csv of an export |
        /// Register-PartnerDeal -ValidDays 60): the refusal of both then says where ExpiresOn came from.
        /// </summary>
        public bool ExpiresOnFromRow { get; set; }

        /// <summary>The day of the registration (a calendar day, not after today); today (UTC) when null.</summary>
        public DateTime? RegisteredOn { get; set; }
    }
}
