using System;

namespace PartnerOps
{
    /// <summary>
    /// A registered deal's status (issue 19). Submitted, Approved, Denied, Won and Lost are stored; Expired is never stored: a
    /// Submitted or Approved deal reads Expired on every day after its ExpiresOn (Data/DealSql computes the status on a day).
    /// </summary>
    public enum DealStatus
    {
        /// <summary>Registered, not decided yet; the partner holds the customer until ExpiresOn.</summary>
        Submitted,

        /// <summary>Approved by the vendor (on DecidedOn): the partner's protection is exclusive until ExpiresOn.</summary>
        Approved,

        /// <summary>Denied by the vendor (on DecidedOn, with a Reason): holds nothing.</summary>
        Denied,

        /// <summary>Closed as won (on ClosedOn): its revenue record is RevenueId, attributed Sourced.</summary>
        Won,

        /// <summary>Closed as lost (on ClosedOn, with a Reason).</summary>
        Lost,

        /// <summary>Submitted or Approved, and the day read is after ExpiresOn: holds nothing until extended.</summary>
        Expired,
    }

    /// <summary>
    /// A partner's registration of a deal with a customer (issue 19; schema 14, table deals): the partner claims the customer (by
    /// <see cref="DealRules.CustomerMatchKey"/>, ignoring case, accents and spacing, and country) for a period, the vendor approves or denies the claim, and the deal is
    /// closed as won (becoming a partner-sourced revenue record) or lost. Dates are UTC days (date only). <see cref="Status"/> and
    /// <see cref="ConflictsWith"/> are as of the day read (-AsOf, else today).
    /// </summary>
    public sealed class PartnerDeal
    {
        private DateTime _createdAt;
        private DateTime _updatedAt;

        public long Id { get; set; }

        /// <summary>The name of the partner that registered the deal.</summary>
        public string Partner { get; set; } = string.Empty;

        public long PartnerId { get; set; }

        /// <summary>The partner's current region (for views and grouping), or null.</summary>
        public string? Region { get; set; }

        /// <summary>The customer's name as given (trimmed; 1 to 200 characters, the text rules of partner names).</summary>
        public string Customer { get; set; } = string.Empty;

        /// <summary>The customer's country: ISO 3166-1 alpha-2, upper case (as partners' Country).</summary>
        public string CustomerCountry { get; set; } = string.Empty;

        /// <summary>The segment (as revenue's; <see cref="RevenueRules.DefaultSegment"/> when not given).</summary>
        public string Segment { get; set; } = RevenueRules.DefaultSegment;

        /// <summary>The product or solution (up to 200 characters, one line), or null.</summary>
        public string? Product { get; set; }

        /// <summary>
        /// The estimated amount, exact in <see cref="Currency"/>'s minor digits (stored as whole minor units), or null: the
        /// registered estimate (or as Set-PartnerDeal changed it), kept when the deal is won (the amount won is
        /// <see cref="WonAmount"/>). Given with <see cref="Currency"/> or not at all.
        /// </summary>
        public decimal? Amount { get; set; }

        /// <summary>The ISO 4217 code of <see cref="Amount"/>, or null when no amount is known.</summary>
        public string? Currency { get; set; }

        /// <summary>The day the partner expects to close the deal, or null.</summary>
        public DateTime? ExpectedClose { get; set; }

        /// <summary>An external id (the partner's or CRM's), unique among deals when given (at most 100 characters).</summary>
        public string? Reference { get; set; }

        /// <summary>The status on the day read (Expired computed from <see cref="ExpiresOn"/>, never stored).</summary>
        public DealStatus Status { get; set; }

        /// <summary>The day the deal was registered; it does not exist on the days before.</summary>
        public DateTime RegisteredOn { get; set; }

        /// <summary>The last day of the partner's protection (on or after RegisteredOn); the deal reads Expired from the day after.</summary>
        public DateTime ExpiresOn { get; set; }

        /// <summary>The day the deal was approved or denied, or null.</summary>
        public DateTime? DecidedOn { get; set; }

        /// <summary>The day the deal was won or lost, or null.</summary>
        public DateTime? ClosedOn { get; set; }

        /// <summary>The reason of the last denial, loss or change of ExpiresOn, or null.</summary>
        public string? Reason { get; set; }

        /// <summary>The id of the revenue record a won deal made, or null (also when that record was removed).</summary>
        public long? RevenueId { get; set; }

        /// <summary>
        /// The amount the deal was won with (Close-PartnerDeal -Won: its revenue record's amount when booked), exact in
        /// <see cref="WonCurrency"/>'s minor digits; null unless won on or before the day read (ClosedOn).
        /// </summary>
        public decimal? WonAmount { get; set; }

        /// <summary>The ISO 4217 code of <see cref="WonAmount"/>, or null when it is null.</summary>
        public string? WonCurrency { get; set; }

        /// <summary>
        /// The ids of the other partners' deals that hold the same customer (<see cref="DealRules.CustomerMatchKey"/> and country) on the day read, in id order;
        /// empty when none (and for a deal that holds nothing itself). Its text is the ids ("9, 12"), as Export-Csv writes it.
        /// </summary>
        public DealIds ConflictsWith { get; set; } = DealIds.Empty;

        /// <summary>When the deal was stored (UTC).</summary>
        public DateTime CreatedAt
        {
            get => _createdAt;
            set => _createdAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>When the deal was last changed (UTC).</summary>
        public DateTime UpdatedAt
        {
            get => _updatedAt;
            set => _updatedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>
        /// The database this deal came from: the full path of its file as it was named (a server location without its password).
        /// Cmdlets that take deals from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        /// <summary>The deal as -WhatIf and messages name it: <c>deal 12 'Contoso Ltd' (GB) of Acme</c>.</summary>
        public override string ToString() => $"deal {Id} '{Customer}' ({CustomerCountry}) of {Partner}";
    }
}
