using System;

namespace PartnerOps
{
    /// <summary>What a <see cref="StatusChange"/> changed: a partner's Status or its Tier.</summary>
    public enum StatusAttribute
    {
        Status,
        Tier,
    }

    /// <summary>
    /// One dated change of a partner's Status or Tier, as Get-PartnerStatusHistory reports it (a row of status_changes): the
    /// value <see cref="To"/> holds from <see cref="EffectiveDate"/> until the partner's next change of the same attribute.
    /// </summary>
    public sealed class StatusChange
    {
        private DateTime _recordedAt;

        /// <summary>The change's id (later records higher).</summary>
        public long Id { get; set; }

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's name (as it is now).</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>Status or Tier.</summary>
        public StatusAttribute Attribute { get; set; }

        /// <summary>The value before (a <see cref="PartnerStatus"/> or <see cref="PartnerTier"/> name); null for the partner's first value.</summary>
        public string? From { get; set; }

        /// <summary>The value from <see cref="EffectiveDate"/> on (a <see cref="PartnerStatus"/> or <see cref="PartnerTier"/> name).</summary>
        public string To { get; set; } = string.Empty;

        /// <summary>The calendar day the value takes effect (date only, kind Unspecified).</summary>
        public DateTime EffectiveDate { get; set; }

        /// <summary>Why (Set-Partner -Reason; a Terminated change's reason is the partner's EndReason); null when none was given.</summary>
        public string? Reason { get; set; }

        /// <summary>Who recorded the change (the user the writing transaction named, as the history's).</summary>
        public string User { get; set; } = string.Empty;

        /// <summary>When the change was recorded (UTC, to the millisecond).</summary>
        public DateTime RecordedAt
        {
            get => _recordedAt;
            set => _recordedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>The database the change is recorded in; piped to a partner cmdlet, the change names its partner there.</summary>
        public string? Database { get; set; }

        public override string ToString() => $"{Partner} {Attribute} {From ?? "(none)"} -> {To} on {EffectiveDate:yyyy-MM-dd}";
    }
}
