using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// One row of the history table as every backend stores it (the same columns on SQLite and PostgreSQL), read by Dapper by
    /// these names, with the current name of its partner; <see cref="ToEntry"/> makes it the entry Get-PartnerHistory shows.
    /// </summary>
    public sealed class HistoryRow
    {
        /// <summary>The entry's id (newest highest).</summary>
        public long Id { get; set; }

        /// <summary>When, as stored (<see cref="HistoryTimestamp"/>: UTC text to the millisecond).</summary>
        public string At { get; set; } = string.Empty;

        /// <summary>Who (the user the writing transaction named).</summary>
        public string User { get; set; } = string.Empty;

        /// <summary>Insert, Update or Delete.</summary>
        public string Operation { get; set; } = string.Empty;

        /// <summary>Partner, Revenue, Target or ExchangeRate.</summary>
        public string Entity { get; set; } = string.Empty;

        /// <summary>The record's id (From/To/Year for a rate).</summary>
        public string EntityId { get; set; } = string.Empty;

        /// <summary>The partner the change concerns, as recorded.</summary>
        public long? PartnerId { get; set; }

        /// <summary>The change set as stored: JSON <c>{"Property": [old, new], ...}</c>.</summary>
        public string Changes { get; set; } = string.Empty;

        /// <summary>That partner's name now (null when it was removed or there is none).</summary>
        public string? PartnerName { get; set; }

        /// <summary>The imported file an entry came from; null for a change not made by a bulk import (or a backend that keeps none).</summary>
        public string? Source { get; set; }

        /// <summary>The line of <see cref="Source"/>.</summary>
        public long? Line { get; set; }

        /// <summary>The entry as Get-PartnerHistory shows it, its change set parsed by the backend (<paramref name="changes"/>), of <paramref name="database"/>.</summary>
        /// <exception cref="FormatException">The stored timestamp is not in the stored form.</exception>
        public HistoryEntry ToEntry(IReadOnlyList<PropertyChange> changes, string database) => new HistoryEntry
        {
            Id = Id,
            Timestamp = HistoryTimestamp.Parse(At),
            User = User,
            Operation = (HistoryOperation)Enum.Parse(typeof(HistoryOperation), Operation),
            Entity = (HistoryEntity)Enum.Parse(typeof(HistoryEntity), Entity),
            EntityId = EntityId,
            PartnerId = PartnerId,
            PartnerName = PartnerName,
            Changes = changes,
            Source = Source,
            Line = Source == null ? null : Line,
            Database = database,
        };
    }
}
