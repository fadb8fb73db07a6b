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

        /// <summary>
        /// The calendar day (date only, no time, kind unspecified) the partner's Status took effect: the effective date of its
        /// latest Status change (schema 12, status_changes). With Get-Partner -AsOf, that of the Status it had on that day. On a
        /// draft for Add-Partner/Import-Partner: the date of the initial status (not set: JoinedOn; for a Terminated partner its EndedOn).
        /// </summary>
        public DateTime StatusSince { get; set; }

        /// <summary>
        /// The calendar day (date only) the partner's Tier took effect: the effective date of its latest Tier change. With -AsOf,
        /// that of the Tier it had on that day. On a draft: the date of the initial tier (not set: StatusSince, else JoinedOn).
        /// </summary>
        public DateTime TierSince { get; set; }

        /// <summary>
        /// While the Status is Terminated, the reason given with the change to Terminated (Set-Partner -Reason; up to 200
        /// characters), or null when none was given; null for every other Status. With -AsOf, only when Terminated on that day.
        /// </summary>
        public string? EndReason { get; set; }

        /// <summary>
        /// The date (date only) of the partner's first revenue record, or null when it has none: derived from the revenue, never
        /// stored or written (a value given on input is ignored). With -AsOf, only when on or before that day.
        /// </summary>
        public DateTime? ActivatedOn { get; set; }

        /// <summary>
        /// <see cref="ActivatedOn"/> as a read hands it over ('yyyy-MM-dd' text, or null): the column is an SQL expression, whose
        /// type SQLite's reader does not know when its first row is NULL, so it is read as text and parsed here.
        /// </summary>
        internal string? ActivatedOnText
        {
            get => ActivatedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            set => ActivatedOn = value == null ? (DateTime?)null : DateTime.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

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
