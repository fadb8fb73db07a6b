using System;

namespace PartnerOps
{
    /// <summary>What Add-PartnerRevenue is given, before defaults and validation.</summary>
    public sealed class RevenueDraft
    {
        /// <summary>The partner; null for direct revenue.</summary>
        public PartnerReference? Partner { get; set; }

        public DateTime Date { get; set; }

        public decimal Amount { get; set; }

        /// <summary>Default: the database's reporting currency.</summary>
        public string? Currency { get; set; }

        /// <summary>Default: Enterprise.</summary>
        public string? Segment { get; set; }

        /// <summary>Default: the partner's region; required for direct revenue.</summary>
        public string? Region { get; set; }

        public string? Reference { get; set; }

        /// <summary>
        /// Sourced, Influenced or Fulfilled (a name, case-insensitive; issue 19). Default: Fulfilled for a partner's record; direct
        /// revenue has none (a name given for it is refused).
        /// </summary>
        public string? Attribution { get; set; }
    }
}
