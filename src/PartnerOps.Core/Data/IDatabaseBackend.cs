using System.Security;

namespace PartnerOps.Data
{
    /// <summary>
    /// A database engine other than SQLite, loaded on first use by <see cref="ServerBackend"/> (today PostgreSQL, from the
    /// module's dependencies folder). Locations are those <see cref="DatabaseLocation.IsServer"/> accepts. Every member throws
    /// PartnerOpsException for a location it cannot use (ServerUnavailable, AuthenticationFailed, DatabaseNotFound,
    /// DatabaseInvalid, DatabaseSchemaTooNew), never with a password in its message.
    /// </summary>
    public interface IDatabaseBackend
    {
        /// <summary>The backend's name as Get-PartnerDatabase shows it in Backend ("PostgreSql").</summary>
        string Name { get; }

        /// <summary>
        /// The password-free form of a location (<c>postgresql://user@host:port/dbname</c>, plus <c>?schema=name</c> when not
        /// public): what objects' Database property and every message show. Two locations with the same form are the same
        /// database. Throws PartnerOpsException (DatabaseInvalid, InvalidArgument) for a location that does not parse.
        /// </summary>
        string Describe(string location);

        /// <summary>Whether a PartnerOps database is at the location (a server that cannot be reached throws).</summary>
        bool Exists(string location);

        /// <summary>Opens the PartnerOps database at the location; DatabaseNotFound when there is none.</summary>
        IPartnerDatabase OpenExisting(string location);

        /// <summary>Opens the PartnerOps database at the location, creating it (database, schema, tables) when there is none.</summary>
        IPartnerDatabase OpenOrCreate(string location, string currency);

        /// <summary>Creates a PartnerOps database at the location; DatabaseAlreadyExists when one (or any other table) is there.</summary>
        IPartnerDatabase Create(string location, string currency);

        /// <summary>Removes the PartnerOps tables at the location (New-PartnerDatabase -Force); nothing else in the database.</summary>
        void Delete(string location);

        /// <summary>Tab completion's values read from a database at a server location.</summary>
        ICompletionSource Completion { get; }

        /// <summary>
        /// Remembers a user name and password for the server of <paramref name="location"/> for this process (Connect-/
        /// New-PartnerDatabase -Credential); the password is used to connect and never shown.
        /// </summary>
        void RememberCredential(string location, string userName, SecureString password);

        /// <summary>Closes the connections this process keeps open between commands (Remove-Module, tests).</summary>
        void ReleasePooledConnections();
    }
}
