namespace PartnerOps
{
    /// <summary>The stable error ids of the public surface (cmdlets.md). Runbooks match on these.</summary>
    public static class ErrorIds
    {
        public const string PartnerNotFound = nameof(PartnerNotFound);
        public const string PartnerAlreadyExists = nameof(PartnerAlreadyExists);
        public const string PartnerHasRevenue = nameof(PartnerHasRevenue);
        public const string InvalidCountryCode = nameof(InvalidCountryCode);
        public const string InvalidCurrencyCode = nameof(InvalidCurrencyCode);
        public const string InvalidAmount = nameof(InvalidAmount);
        public const string RevenueReferenceExists = nameof(RevenueReferenceExists);
        public const string ExchangeRateMissing = nameof(ExchangeRateMissing);
        public const string ImportRowInvalid = nameof(ImportRowInvalid);
        public const string ImportFileNotFound = nameof(ImportFileNotFound);
        public const string DatabaseNotFound = nameof(DatabaseNotFound);
        public const string DatabaseInvalid = nameof(DatabaseInvalid);
        public const string DatabaseSchemaTooNew = nameof(DatabaseSchemaTooNew);
        public const string DatabaseBusy = nameof(DatabaseBusy);

        // Not in the fixed list because the list has no word for these cases; documented in help.
        public const string DatabaseAlreadyExists = nameof(DatabaseAlreadyExists);
        public const string InvalidPartnerValue = nameof(InvalidPartnerValue);
        public const string InvalidRevenueValue = nameof(InvalidRevenueValue);
        public const string InvalidTargetValue = nameof(InvalidTargetValue);
        public const string InvalidExchangeRate = nameof(InvalidExchangeRate);
        public const string RevenueNotFound = nameof(RevenueNotFound);
        public const string TargetNotFound = nameof(TargetNotFound);
        public const string InvalidSetting = nameof(InvalidSetting);
        public const string ImportFileInvalid = nameof(ImportFileInvalid);
        public const string DatabaseReadOnly = nameof(DatabaseReadOnly);
        public const string DatabaseFull = nameof(DatabaseFull);

        /// <summary>The database file was removed or replaced by another program while a command was writing to it.</summary>
        public const string DatabaseReplaced = nameof(DatabaseReplaced);

        /// <summary>A module object from one database was given to a command working on another (cmdlets.md, wave 2).</summary>
        public const string ObjectFromOtherDatabase = nameof(ObjectFromOtherDatabase);

        /// <summary>
        /// An import file's header cannot be read as meant: a column appears twice (ignoring case and surrounding
        /// space), or a column the import needs is missing (cmdlets.md, wave 2).
        /// </summary>
        public const string ImportHeaderInvalid = nameof(ImportHeaderInvalid);

        /// <summary>-FailedRowPath names a folder, or a file that cannot be written.</summary>
        public const string FailedRowPathInvalid = nameof(FailedRowPathInvalid);

        /// <summary>A piped object cannot serve the command: it names no partner, or a value in it is not of the needed kind.</summary>
        public const string InputObjectInvalid = nameof(InputObjectInvalid);

        /// <summary>A database failure none of the ids above names: its message is the engine's own (SQLite's or PostgreSQL's).</summary>
        public const string DatabaseError = nameof(DatabaseError);

        /// <summary>A PostgreSQL server could not be reached, or went away while a command used it (cmdlets.md, wave 2).</summary>
        public const string ServerUnavailable = nameof(ServerUnavailable);

        /// <summary>A PostgreSQL server refused the user name or password (cmdlets.md, wave 2); the message never holds the password.</summary>
        public const string AuthenticationFailed = nameof(AuthenticationFailed);

        /// <summary>Copy-PartnerDatabase's destination already holds data and -Force was not given (cmdlets.md, wave 2).</summary>
        public const string DestinationNotEmpty = nameof(DestinationNotEmpty);

        /// <summary>No contact of the partner has the email given (ObjectNotFound; cmdlets.md, wave 2): the message names partner and email.</summary>
        public const string PartnerContactNotFound = nameof(PartnerContactNotFound);

        /// <summary>The partner has a contact with that email already, ended or not (ResourceExists; cmdlets.md, wave 2).</summary>
        public const string PartnerContactExists = nameof(PartnerContactExists);

        /// <summary>No certification matches the one given (ObjectNotFound; cmdlets.md, wave 2).</summary>
        public const string CertificationNotFound = nameof(CertificationNotFound);

        /// <summary>
        /// A tier rule's conditions cannot be stored (InvalidArgument: a negative threshold, no condition, a rule for Registered...),
        /// or the rule named is not stored (ObjectNotFound; cmdlets.md, wave 2).
        /// </summary>
        public const string TierRuleInvalid = nameof(TierRuleInvalid);

        /// <summary>No deal has the id or reference given, in the database read (ObjectNotFound; cmdlets.md, wave 2): the message names it.</summary>
        public const string PartnerDealNotFound = nameof(PartnerDealNotFound);

        /// <summary>
        /// A deal's reference is another deal's already, or the partner holds a deal for that customer, country and segment
        /// (ResourceExists; cmdlets.md, wave 2, issue 19): the message names the deal that has it.
        /// </summary>
        public const string PartnerDealExists = nameof(PartnerDealExists);

        /// <summary>
        /// A transition that is not allowed from the deal's status on the day (InvalidOperation; cmdlets.md, wave 2, issue 19): the
        /// message names the deal, its status and what is allowed.
        /// </summary>
        public const string PartnerDealStateInvalid = nameof(PartnerDealStateInvalid);

        /// <summary>
        /// Export-PartnerReport's -Path cannot take the report (InvalidArgument: a folder, a folder that does not exist, not a
        /// file system path; PermissionDenied or WriteError when the file cannot be written): the message names the path.
        /// </summary>
        public const string ReportPathInvalid = nameof(ReportPathInvalid);
    }

    /// <summary>How a Core failure should be classified; the cmdlet layer maps it to an ErrorCategory.</summary>
    public enum FailureKind
    {
        NotFound,
        AlreadyExists,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        Busy,

        /// <summary>The file system or the file's permissions do not allow the write (PermissionDenied).</summary>
        ReadOnly,

        /// <summary>The disk (or the file system's quota) has no room for the write (WriteError).</summary>
        Full,

        /// <summary>A database server could not be reached or went away (ConnectionError); the command stops.</summary>
        Unavailable,

        /// <summary>A database server refused the credentials (AuthenticationError); the command stops.</summary>
        Authentication,
    }

    /// <summary>A failure Core can name precisely: an error id from <see cref="ErrorIds"/>, a kind and a message.</summary>
    public sealed class PartnerOpsException : System.Exception
    {
        public PartnerOpsException(string errorId, FailureKind kind, string message, object? target = null, System.Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            Target = target;
        }

        public string ErrorId { get; }

        public FailureKind Kind { get; }

        /// <summary>The value the failure is about (a name, an id, a path).</summary>
        public object? Target { get; }
    }
}
