using System;

namespace PartnerOps
{
    /// <summary>
    /// A person at a partner (schema 13, table contacts): one email per partner, compared case-insensitively. A contact that left
    /// is kept with its <see cref="EndedOn"/> date, not deleted; its certifications then no longer count.
    /// </summary>
    public sealed class PartnerContact
    {
        private DateTime _createdAt;
        private DateTime _updatedAt;

        public long Id { get; set; }

        /// <summary>The name of the partner the contact works for.</summary>
        public string Partner { get; set; } = string.Empty;

        public long PartnerId { get; set; }

        /// <summary>The person's name (1 to 200 characters, the text rules of partner names).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>One address, <c>local@domain</c>, as given (trimmed); at most 254 characters; unique per partner case-insensitively.</summary>
        public string Email { get; set; } = string.Empty;

        /// <summary>The person's role at the partner (up to 100 characters, one line), or null.</summary>
        public string? Role { get; set; }

        /// <summary>Free text (up to 50 characters, one line), or null.</summary>
        public string? Phone { get; set; }

        /// <summary>The day (date only) the contact started, or null when not known; may lie in the future.</summary>
        public DateTime? StartedOn { get; set; }

        /// <summary>The day (date only) the contact left, from which it no longer counts; null while it stays. On or after StartedOn.</summary>
        public DateTime? EndedOn { get; set; }

        /// <summary>
        /// Whether the contact is current today (UTC date) when read: started (StartedOn null or on or before today) and not ended
        /// (EndedOn null or after today). With -AsOf, as of that day.
        /// </summary>
        public bool Current { get; set; }

        /// <summary>When the contact was stored (UTC).</summary>
        public DateTime CreatedAt
        {
            get => _createdAt;
            set => _createdAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>When the contact was last changed (UTC).</summary>
        public DateTime UpdatedAt
        {
            get => _updatedAt;
            set => _updatedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>
        /// The database this contact came from: the full path of its file as it was named (a server location without its
        /// password). Cmdlets that take contacts from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        /// <summary>Whether the contact is current on <paramref name="day"/> (date only): started by then and not ended by then.</summary>
        public bool IsCurrentOn(DateTime day) =>
            (StartedOn == null || StartedOn.Value.Date <= day.Date) && (EndedOn == null || day.Date < EndedOn.Value.Date);

        /// <summary>The contact as -WhatIf and messages name it: <c>Jane Doe &lt;jane@acme.example&gt; (Acme)</c>.</summary>
        public override string ToString() => $"{Name} <{Email}> ({Partner})";
    }
}
