using PartnerOps.Sqlite;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Data
{
    /// <summary>
    /// The one factory of databases: opens, creates and removes a PartnerOps database from its location (today a SQLite file's
    /// path). Opening checks that the database is a PartnerOps one and brings its schema up to date. A second engine is added
    /// here (by the form of the location), and nowhere else outside its own folder.
    /// </summary>
    public static class PartnerDatabases
    {
        /// <summary>The reporting currency of a database created without one (ISO 4217).</summary>
        public const string DefaultCurrency = "USD";

        /// <summary>Tab-completion values read from a database at a location.</summary>
        public static ICompletionSource Completion { get; } = new CompletionSource();

        /// <summary>
        /// Names the module's folder (<paramref name="moduleFolder"/>) that holds the engine's native library and checks that
        /// the library is there; it is loaded from there when the first database is opened (once per process), not here.
        /// </summary>
        /// <exception cref="System.PlatformNotSupportedException">The native library for this platform is not in the folder.</exception>
        public static void Initialize(string moduleFolder) => SqliteNative.Prepare(moduleFolder);

        /// <summary>Opens an existing database.</summary>
        /// <exception cref="PartnerOpsException">DatabaseNotFound, DatabaseInvalid, DatabaseSchemaTooNew, DatabaseBusy ...</exception>
        public static IPartnerDatabase OpenExisting(string location) => SqliteDatabase.OpenExisting(location);

        /// <summary>Opens a database for writing, creating it (with <paramref name="currency"/>) when missing.</summary>
        /// <exception cref="PartnerOpsException">DatabaseReadOnly when it cannot be created; as <see cref="OpenExisting"/>.</exception>
        public static IPartnerDatabase OpenOrCreate(string location, string currency = DefaultCurrency) => SqliteDatabase.OpenOrCreate(location, currency);

        /// <summary>Creates a new database with this reporting currency (one in use today).</summary>
        /// <exception cref="PartnerOpsException">DatabaseAlreadyExists, InvalidCurrencyCode, DatabaseReadOnly.</exception>
        public static IPartnerDatabase Create(string location, string currency) => SqliteDatabase.Create(location, currency);

        /// <summary>
        /// Removes a database (a file with its WAL, shared-memory and journal files), after closing the connections kept to it; a
        /// file that is not there is no failure. The location is not checked to be a PartnerOps database.
        /// </summary>
        /// <exception cref="System.IO.IOException">A file is in use or cannot be removed (not named as a PartnerOpsException).</exception>
        /// <exception cref="System.UnauthorizedAccessException">A file or its folder does not allow removing it.</exception>
        public static void Delete(string location) => SqliteDatabase.Delete(location);

        /// <summary>
        /// The full path of a file the user named (<paramref name="role"/>: "database", "backup destination").
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseInvalid (InvalidArgument) for a folder, or a path under a file.</exception>
        public static string RequireFilePath(string path, string role) => SqliteDatabase.RequireFilePath(path, role);

        /// <summary>Closes every connection kept between commands, so no file stays open after the module is removed.</summary>
        public static void ReleasePooledConnections() => SqliteDatabase.ReleasePooledConnections();

        /// <summary>Closes the connections kept between commands to the database at <paramref name="location"/>.</summary>
        public static void ReleasePooledConnections(string location) => SqliteDatabase.ReleasePooledConnections(location);
    }
}
