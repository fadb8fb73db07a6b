using System;
using System.IO;
using System.Security;
using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Data
{
    /// <summary>
    /// The one factory of databases: opens, creates and removes a PartnerOps database from its location, a SQLite file's path or
    /// a PostgreSQL server (<see cref="DatabaseLocation.IsServer"/>; that backend is loaded on first use by
    /// <see cref="ServerBackend"/>). Opening checks that the database is a PartnerOps one and brings its schema up to date. A
    /// further engine is added here (by the form of the location), and nowhere else outside its own folder.
    /// </summary>
    public static class PartnerDatabases
    {
        /// <summary>The reporting currency of a database created without one (ISO 4217).</summary>
        public const string DefaultCurrency = "USD";

        /// <summary>Tab-completion values read from a database at a location (a file or a server).</summary>
        public static ICompletionSource Completion { get; } = new LocationCompletion(new CompletionSource());

        /// <summary>
        /// Names the module's folder (<paramref name="moduleFolder"/>) that holds the engine's native library and the server
        /// backend's folder, and checks that the native library is there; it is loaded from there when the first database is
        /// opened (once per process), not here.
        /// </summary>
        /// <exception cref="System.PlatformNotSupportedException">The native library for this platform is not in the folder.</exception>
        public static void Initialize(string moduleFolder)
        {
            ServerBackend.SetModuleFolder(moduleFolder);
            SqliteNative.Prepare(moduleFolder);
        }

        /// <summary>The backend's name for a location: "Sqlite" for a file, "PostgreSql" for a server (Get-PartnerDatabase's Backend).</summary>
        public static string BackendOf(string location) => DatabaseLocation.IsServer(location) ? "PostgreSql" : "Sqlite";

        /// <summary>Whether <paramref name="location"/> names a server rather than a file.</summary>
        public static bool IsServer(string location) => DatabaseLocation.IsServer(location);

        /// <summary>
        /// The form of a location that every object and message shows: a server's without any password
        /// (<c>postgresql://user@host:port/dbname</c>), a file's path as given.
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseInvalid for a server location that does not parse.</exception>
        public static string Describe(string location) => IsServer(location) ? ServerBackend.PostgreSql.Describe(location) : location;

        /// <summary>Whether a database is at the location: a non-empty file, or a PartnerOps schema on the server.</summary>
        /// <exception cref="PartnerOpsException">ServerUnavailable, AuthenticationFailed for a server that cannot be asked.</exception>
        public static bool Exists(string location) =>
            IsServer(location) ? ServerBackend.PostgreSql.Exists(location) : File.Exists(location) && new FileInfo(location).Length > 0;

        /// <summary>Opens an existing database.</summary>
        /// <exception cref="PartnerOpsException">DatabaseNotFound, DatabaseInvalid, DatabaseSchemaTooNew, DatabaseBusy, ServerUnavailable, AuthenticationFailed ...</exception>
        public static IPartnerDatabase OpenExisting(string location) =>
            IsServer(location) ? ServerBackend.PostgreSql.OpenExisting(location) : SqliteDatabase.OpenExisting(location);

        /// <summary>Opens a database for writing, creating it (with <paramref name="currency"/>) when missing.</summary>
        /// <exception cref="PartnerOpsException">DatabaseReadOnly when it cannot be created; as <see cref="OpenExisting"/>.</exception>
        public static IPartnerDatabase OpenOrCreate(string location, string currency = DefaultCurrency) =>
            IsServer(location) ? ServerBackend.PostgreSql.OpenOrCreate(location, currency) : SqliteDatabase.OpenOrCreate(location, currency);

        /// <summary>Creates a new database with this reporting currency (one in use today).</summary>
        /// <exception cref="PartnerOpsException">DatabaseAlreadyExists, InvalidCurrencyCode, DatabaseReadOnly.</exception>
        public static IPartnerDatabase Create(string location, string currency) =>
            IsServer(location) ? ServerBackend.PostgreSql.Create(location, currency) : SqliteDatabase.Create(location, currency);

        /// <summary>
        /// Removes a database (a file with its WAL, shared-memory and journal files; on a server the PartnerOps tables of the
        /// schema, nothing else), after closing the connections kept to it; nothing there is no failure. A file location is not
        /// checked to be a PartnerOps database.
        /// </summary>
        /// <exception cref="System.IO.IOException">A file is in use or cannot be removed (not named as a PartnerOpsException).</exception>
        /// <exception cref="System.UnauthorizedAccessException">A file or its folder does not allow removing it.</exception>
        public static void Delete(string location)
        {
            if (IsServer(location))
            {
                ServerBackend.PostgreSql.Delete(location);
            }
            else
            {
                SqliteDatabase.Delete(location);
            }
        }

        /// <summary>
        /// Remembers a user name and password for a server location for this process (-Credential); never shown anywhere.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidArgument when the location is a file (a file has no credentials).</exception>
        public static void RememberCredential(string location, string userName, SecureString password)
        {
            if (!IsServer(location))
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidSetting,
                    FailureKind.InvalidArgument,
                    $"-Credential is for a PostgreSQL server; '{location}' is a file path, which needs no credentials.",
                    location);
            }

            ServerBackend.PostgreSql.RememberCredential(location, userName, password);
        }

        /// <summary>
        /// Whether two file paths name the same file: the same full path, or (for files that exist) the same file through a
        /// symbolic or hard link, or in other letter case where the file system ignores case.
        /// </summary>
        public static bool IsSameFile(string path, string other) => FileIdentity.SamePath(path, other);

        /// <summary>
        /// Whether <paramref name="path"/> names one of the files of the SQLite database at <paramref name="location"/>: the
        /// database file or its "-wal", "-shm" or "-journal" file (SQLite's names), also through a link, whether or not that
        /// file exists now, and through a link to the database or to its folder (SQLite keeps the companions beside the file a
        /// link leads to). Writing anything else there would destroy the database. False for a server's location.
        /// </summary>
        public static bool IsDatabaseFile(string location, string path)
        {
            if (IsServer(location))
            {
                return false;
            }

            // SQLite names the companions after the database's final path (links resolved); the location as given is checked too.
            foreach (var database in new[] { location, FinalPath.Of(location) })
            {
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
                {
                    if (FileIdentity.SamePath(path, database + suffix))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The full path of a file the user named (<paramref name="role"/>: "database", "backup destination").
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseInvalid (InvalidArgument) for a folder, or a path under a file.</exception>
        public static string RequireFilePath(string path, string role) => SqliteDatabase.RequireFilePath(path, role);

        /// <summary>
        /// Writes a snapshot of a database (another backend's: a server's Backup-PartnerDatabase) as a new PartnerOps SQLite file
        /// at <paramref name="destinationPath"/>: written beside it and moved into place only when complete (an existing file
        /// there is replaced). <paramref name="progress"/> gets a report per table and every few thousand rows.
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseFull or DatabaseReadOnly for the file; a named failure of the snapshot's database.</exception>
        internal static void WriteFile(IDatabaseSnapshot snapshot, string destinationPath, Action<DumpProgress>? progress) =>
            SqliteBackup.WriteFile(snapshot, destinationPath, progress);

        /// <summary>Closes every connection kept between commands, so no file stays open after the module is removed.</summary>
        public static void ReleasePooledConnections()
        {
            SqliteDatabase.ReleasePooledConnections();
            ServerBackend.ReleasePooledConnections();
        }

        /// <summary>Closes the connections kept between commands to the database at <paramref name="location"/>.</summary>
        public static void ReleasePooledConnections(string location)
        {
            if (IsServer(location))
            {
                ServerBackend.ReleasePooledConnections();
            }
            else
            {
                SqliteDatabase.ReleasePooledConnections(location);
            }
        }

        // Completion by the form of the location: a server's values from the server backend (loaded only when a server is named).
        private sealed class LocationCompletion : ICompletionSource
        {
            private readonly ICompletionSource _files;

            public LocationCompletion(ICompletionSource files) => _files = files;

            private ICompletionSource For(string location) => IsServer(location) ? ServerBackend.PostgreSql.Completion : _files;

            public System.Collections.Generic.IReadOnlyList<string> PartnerNames(string path, string prefix) => For(path).PartnerNames(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> Regions(string path, string prefix) => For(path).Regions(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> Countries(string path, string prefix) => For(path).Countries(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> Segments(string path, string prefix) => For(path).Segments(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> Currencies(string path, string prefix) => For(path).Currencies(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> Reasons(string path, string prefix) => For(path).Reasons(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> CertificationNames(string path, string prefix) => For(path).CertificationNames(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> DealCustomers(string path, string prefix) => For(path).DealCustomers(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> DealReferences(string path, string prefix) => For(path).DealReferences(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> ContactRoles(string path, string prefix) => For(path).ContactRoles(path, prefix);

            public System.Collections.Generic.IReadOnlyList<string> ContactEmails(string path, string? partner, string prefix) => For(path).ContactEmails(path, partner, prefix);
        }
    }
}
