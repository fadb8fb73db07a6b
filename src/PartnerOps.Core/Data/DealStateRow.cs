using System;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>
    /// A deal as a transition reads it (issue 19), on both backends: the columns of <see cref="DealDecisionWrites.SelectState"/> by
    /// these names, days as stored ('yyyy-MM-dd' text), the status stored and the status on the day read.
    /// </summary>
    internal sealed class DealStateRow
    {
        public long Id { get; set; }

        public long PartnerId { get; set; }

        public string Partner { get; set; } = string.Empty;

        public string Customer { get; set; } = string.Empty;

        /// <summary>customer_match_key (<see cref="DealRules.CustomerMatchKey"/>).</summary>
        public string CustomerMatchKey { get; set; } = string.Empty;

        public string CustomerCountry { get; set; } = string.Empty;

        /// <summary>The stored status's name.</summary>
        public string Stored { get; set; } = string.Empty;

        /// <summary>The status's name on the day read (<see cref="DealSql.StatusOn"/>).</summary>
        public string Status { get; set; } = string.Empty;

        public string RegisteredOn { get; set; } = string.Empty;

        public string ExpiresOn { get; set; } = string.Empty;

        public string? DecidedOn { get; set; }

        public string? ClosedOn { get; set; }

        /// <summary>The amount in whole minor units, or null.</summary>
        public long? Amount { get; set; }

        public string? Currency { get; set; }

        public string? ExpectedClose { get; set; }

        public string? Product { get; set; }

        public string Segment { get; set; } = string.Empty;

        public string? Reference { get; set; }

        public string? Reason { get; set; }

        /// <summary>The deal as <see cref="DealTransitions"/> decides on it, read on <paramref name="day"/>.</summary>
        public DealState ToState(DateTime day) => new DealState
        {
            Id = Id,
            PartnerId = PartnerId,
            Partner = Partner,
            Customer = Customer,
            CustomerMatchKey = CustomerMatchKey,
            CustomerCountry = CustomerCountry,
            Stored = Parse(Stored),
            Status = Parse(Status),
            Day = day.Date,
            RegisteredOn = Date(RegisteredOn)!.Value,
            ExpiresOn = Date(ExpiresOn)!.Value,
            DecidedOn = Date(DecidedOn),
            ClosedOn = Date(ClosedOn),
        };

        /// <summary>The values Set-PartnerDeal may change, as stored.</summary>
        public DealValues Values() => new DealValues
        {
            Amount = Amount,
            Currency = Currency,
            ExpectedClose = Date(ExpectedClose),
            Product = Product,
            Segment = Segment,
            ExpiresOn = Date(ExpiresOn)!.Value,
            Reason = Reason,
        };

        private static DealStatus Parse(string status) => (DealStatus)Enum.Parse(typeof(DealStatus), status, ignoreCase: false);

        private static DateTime? Date(string? stored) =>
            stored == null ? (DateTime?)null : DateTime.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
