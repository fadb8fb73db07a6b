using System;

namespace PartnerOps
{
    /// <summary>A channel partner as stored in the database.</summary>
    public sealed class Partner
    {
        private DateTime _createdAt;
        private DateTime _updatedAt;
        private DateTime? _joinedOn;

        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public PartnerType Type { get; set; } = PartnerType.Other;

        public PartnerTier Tier { get; set; } = PartnerTier.Registered;

        public PartnerStatus Status { get; set; } = PartnerStatus.Active;

        public string? Region { get; set; }

        public string? Country { get; set; }

        /// <summary>Not set on a new partner means "today" (see <see cref="PartnerRules.Normalize"/>); a date given is checked like any other (0001-01-01 too).</summary>
        public DateTime JoinedOn
        {
            get => _joinedOn ?? default;
            set => _joinedOn = value;
        }

        /// <summary>False until JoinedOn is set: then <see cref="PartnerRules.Normalize"/> gives it today's date.</summary>
        internal bool HasJoinedOn => _joinedOn != null;

        public DateTime? EndedOn { get; set; }

        public string? Notes { get; set; }

        // Stored as UTC text; the database hands them back without a kind.
        public DateTime CreatedAt
        {
            get => _createdAt;
            set => _createdAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        public DateTime UpdatedAt
        {
            get => _updatedAt;
            set => _updatedAt = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        /// <summary>
        /// The database this partner came from: the full path of its file as it was named (later, a server location
        /// without its password). Cmdlets that take partners from the pipeline use this database unless -Database is given.
        /// </summary>
        public string? Database { get; set; }

        public override string ToString() => Name;

        /// <summary>Makes JoinedOn "not given" again (a reused draft).</summary>
        internal void ClearJoinedOn() => _joinedOn = null;
    }

    /// <summary>What Get-PartnerDatabase reports about a database (a file, or a schema on a PostgreSQL server).</summary>
    public sealed class DatabaseInfo
    {
        /// <summary>The file's path, or the server location without any password.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The engine: "Sqlite" for a file, "PostgreSql" for a server (cmdlets.md, wave 2).</summary>
        public string Backend { get; set; } = "Sqlite";

        public int SchemaVersion { get; set; }

        public string Currency { get; set; } = string.Empty;

        public long PartnerCount { get; set; }

        public long RevenueCount { get; set; }

        public long SizeBytes { get; set; }

        public string JournalMode { get; set; } = string.Empty;

        /// <summary>The same location as <see cref="Path"/>: every object the module returns says which database it is about.</summary>
        public string? Database { get; set; }

        public override string ToString() => Path;
    }

    /// <summary>One result of Test-PartnerDatabase -Detailed.</summary>
    public sealed class DatabaseFinding
    {
        public DatabaseFinding(string check, bool passed, string detail)
        {
            Check = check;
            Passed = passed;
            Detail = detail;
        }

        /// <summary>Integrity, ForeignKey, Schema, RevenueTotals or SharedNames (one per pair of partners whose names share a key).</summary>
        public string Check { get; }

        public bool Passed { get; }

        public string Detail { get; }

        /// <summary>The database that was checked.</summary>
        public string? Database { get; set; }

        public override string ToString() => Check + ": " + Detail;
    }
}
