using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps
{
    public enum HistoryOperation
    {
        Insert,
        Update,
        Delete,
    }

    public enum HistoryEntity
    {
        Partner,
        Revenue,
        Target,
        ExchangeRate,

        /// <summary>A partner's contact (schema 13).</summary>
        Contact,

        /// <summary>A contact's certification (schema 13).</summary>
        Certification,

        /// <summary>A rule a partner must meet to qualify for a tier (schema 13).</summary>
        TierRule,

        /// <summary>A partner's registered deal (schema 14, issue 19): every registration, decision, close and removal.</summary>
        Deal,
    }

    /// <summary>One change made through the module, as Get-PartnerHistory reports it.</summary>
    public sealed class HistoryEntry
    {
        private DateTime _timestamp;

        public long Id { get; set; }

        /// <summary>When the change was made (UTC).</summary>
        public DateTime Timestamp
        {
            get => _timestamp;
            set => _timestamp = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        public string User { get; set; } = string.Empty;

        public HistoryOperation Operation { get; set; }

        public HistoryEntity Entity { get; set; }

        /// <summary>The id of the partner, revenue record or target; From/To/Year of an exchange rate.</summary>
        public string EntityId { get; set; } = string.Empty;

        /// <summary>The partner the change concerns (the partner itself, or the partner of a revenue record).</summary>
        public long? PartnerId { get; set; }

        /// <summary>
        /// That partner's name when the entry was read; null when the change concerns no partner or the partner had been
        /// removed. Piped to a partner cmdlet, the entry names its partner by PartnerId, checked against this name.
        /// </summary>
        public string? PartnerName { get; set; }

        /// <summary>The properties that changed, with their old and new values (null where there was none).</summary>
        public IReadOnlyList<PropertyChange> Changes { get; set; } = Array.Empty<PropertyChange>();

        /// <summary>
        /// The file an imported record came from (the full path Import-Partner or Import-PartnerRevenue read); null for a change
        /// not made by a bulk import (Add-, Set-, Remove- cmdlets, pipelines, and the updates of an import's Upsert).
        /// </summary>
        public string? Source { get; set; }

        /// <summary>The line of <see cref="Source"/> the imported record was read from (its first line, for a record over several); null without a source.</summary>
        public long? Line { get; set; }

        /// <summary>The database whose history this is; piped to a partner cmdlet, the entry names its partner in this database.</summary>
        public string? Database { get; set; }

        public override string ToString() => $"{Operation} {Entity} {EntityId}: {string.Join("; ", Changes.Select(c => c.ToString()))}";
    }

    /// <summary>A property's value before and after a change.</summary>
    public sealed class PropertyChange
    {
        public PropertyChange(string property, object? old, object? @new)
        {
            Property = property;
            Old = old;
            New = @new;
        }

        public string Property { get; }

        public object? Old { get; }

        public object? New { get; }

        public override string ToString() => Old == null ? $"{Property}={New}" : New == null ? $"{Property}={Old}" : $"{Property}: {Old} -> {New}";
    }
}
