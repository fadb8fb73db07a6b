using System;

namespace PartnerOps
{
    /// <summary>
    /// A certification a contact earned (schema 13, table certifications). Valid on day D when <see cref="EarnedOn"/> ≤ D, it has
    /// not expired (<see cref="ExpiresOn"/> null or D &lt; ExpiresOn: it expires ON that day) and its contact is current on D.
    /// </summary>
    public sealed class PartnerCertification
    {
        private DateTime _createdAt;
        private DateTime _updatedAt;

        public long Id { get; set; }

        /// <summary>The name of the contact's partner.</summary>
        public string Partner { get; set; } = string.Empty;

        public long PartnerId { get; set; }

        /// <summary>The contact's email.</summary>
        public string Contact { get; set; } = string.Empty;

        /// <summary>The contact's name.</summary>
        public string ContactName { get; set; } = string.Empty;

        public long ContactId { get; set; }

        /// <summary>The certification's name (1 to 200 characters; compared as partner names are, through their name key).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The day (date only) it was earned.</summary>
        public DateTime EarnedOn { get; set; }

        /// <summary>The day (date only) it expires, no longer valid from that day; after EarnedOn; null when it does not expire.</summary>
        public DateTime? ExpiresOn { get; set; }

        /// <summary>Whether it is valid today (UTC date) when read (or on -AsOf's day): see the class summary.</summary>
        public bool Valid { get; set; }

        /// <summary>When the certification was stored (UTC).</summary>
        public DateTime CreatedAt
        {
            get => _createdAt;
            set => _createdAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>When the certification was last changed (UTC).</summary>
        public DateTime UpdatedAt
        {
            get => _updatedAt;
            set => _updatedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>The database this certification came from (as <see cref="PartnerContact.Database"/>).</summary>
        public string? Database { get; set; }

        /// <summary>
        /// Whether the certification itself is in force on <paramref name="day"/> (date only): earned by then and not expired
        /// (whether its contact is current is the contact's: <see cref="PartnerContact.IsCurrentOn"/>).
        /// </summary>
        public bool InForceOn(DateTime day) => EarnedOn.Date <= day.Date && (ExpiresOn == null || day.Date < ExpiresOn.Value.Date);

        /// <summary>The certification as -WhatIf and messages name it: <c>Networking Pro of jane@acme.example (Acme), earned 2026-01-15</c>.</summary>
        public override string ToString() =>
            $"{Name} of {Contact} ({Partner}), earned {EarnedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
