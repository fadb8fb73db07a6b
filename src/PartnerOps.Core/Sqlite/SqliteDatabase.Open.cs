using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Opening a database file: checks that it is ours, its connection settings, and its schema brought up to date.</summary>
    public sealed partial class SqliteDatabase
    {

        /// <summary>Opens an existing database; a missing file is DatabaseNotFound.</summary>
        public static SqliteDatabase OpenExisting(string path)
        {
            var full = RequireFilePath(path, "database");
            if (!File.Exists(full))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseNotFound,
                    FailureKind.NotFound,
                    $"There is no PartnerOps database at '{full}'. Create one with New-PartnerDatabase, or add a partner to create it.",
                    full);
            }

            return Open(full, SqliteOpenMode.ReadWrite, DefaultCurrency);
        }

        /// <summary>Opens a database for writing, creating the file (and its folder) when missing.</summary>
        public static SqliteDatabase OpenOrCreate(string path, string currency = DefaultCurrency)
        {
            var full = RequireFilePath(path, "database");
            if (!File.Exists(full))
            {
                // Made here, owner-only, before SQLite opens it: its -wal and -shm files then get the same mode.
                CreateOwnerOnly(full);
            }

            return Open(full, SqliteOpenMode.ReadWriteCreate, currency);
        }

        /// <summary>Creates a new database file with this reporting currency; fails when one is there already.</summary>
        public static SqliteDatabase Create(string path, string currency)
        {
            currency = CurrencyCodes.Require(currency, DateTime.Today); // a reporting currency is one in use today
            var full = RequireFilePath(path, "database");
            if (File.Exists(full) && new FileInfo(full).Length > 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseAlreadyExists,
                    FailureKind.AlreadyExists,
                    $"A file already exists at '{full}'. Use -Force to replace it.",
                    full);
            }

            return OpenOrCreate(full, currency);
        }

        /// <summary>
        /// The full path of a file the user named (<paramref name="role"/>: "database", "backup destination"); a folder there,
        /// a path under a file, or the name of a new file too long for SQLite's journal beside it
        /// (<see cref="PartialFiles.DatabaseNameProblem"/>) is DatabaseInvalid (InvalidArgument), naming it: SQLite would only
        /// say it cannot open it.
        /// </summary>
        public static string RequireFilePath(string path, string role)
        {
            var full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseInvalid,
                    FailureKind.InvalidArgument,
                    $"The {role} '{full}' is a folder, not a file. Give the path of a file, such as '{System.IO.Path.Combine(full, role == "database" ? "partnerops.db" : "partnerops-backup.db")}'.",
                    full);
            }

            // A new file only: a database already there under a long name keeps working as it did (in WAL mode it needs '-wal').
            if (!File.Exists(full) && PartialFiles.DatabaseNameProblem(full) is string tooLong)
            {
                throw new PartnerOpsException(ErrorIds.DatabaseInvalid, FailureKind.InvalidArgument, $"The {role} '{full}' cannot be used: {tooLong}.", full);
            }

            // A file where a folder of the path should be (./partners.db/new.db): the path can hold no file.
            for (var folder = System.IO.Path.GetDirectoryName(full); !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
            {
                if (File.Exists(folder))
                {
                    throw new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidArgument,
                        $"The {role} '{full}' cannot exist: '{folder}' is a file, not a folder.",
                        full);
                }

                if (Directory.Exists(folder))
                {
                    break;
                }
            }

            return full;
        }

        // Creates the file (and its missing folders) owner-only; a folder or file system that refuses is DatabaseReadOnly,
        // naming the file the user asked for (a backup is written to a temporary name beside it first).
        internal static void CreateOwnerOnly(string full, string? shown = null)
        {
            try
            {
                var folder = System.IO.Path.GetDirectoryName(full);
                if (!string.IsNullOrEmpty(folder))
                {
                    OwnerOnlyFiles.CreateFolder(folder);
                }

                OwnerOnlyFiles.CreateFile(full);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseReadOnly,
                    FailureKind.ReadOnly,
                    $"'{shown ?? full}' cannot be created: {ex.Message.Replace(full, shown ?? full).TrimEnd('.')}. Choose a folder you can write to.",
                    shown ?? full,
                    ex);
            }
        }

        /// <summary>Closes every connection kept between commands, so no file stays open after the module is removed.</summary>
        public static void ReleasePooledConnections()
        {
            ConnectionPool.Release();
            if (SqliteNative.IsLoadedOrUnmanaged)
            {
                SqliteConnection.ClearAllPools();   // before the first open, there is nothing to clear (and nothing loaded to clear it with)
            }
        }

        /// <summary>Closes the connections kept between commands to the database file at <paramref name="path"/>.</summary>
        public static void ReleasePooledConnections(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            ConnectionPool.Release(ConnectionPool.NameOf(full, FileIdentity.Of(full)));
        }

        /// <summary>Removes a database file with its WAL and shared-memory files, after closing the connections kept to it.</summary>
        public static void Delete(string path)
        {
            var full = System.IO.Path.GetFullPath(path);
            ReleasePooledConnections(full);
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(full + suffix);
            }
        }

        private static SqliteDatabase Open(string full, SqliteOpenMode mode, string currency)
        {
            var busyTimeout = BusyTimeoutFromEnvironment(Environment.GetEnvironmentVariable);
            var identity = FileIdentity.Of(full);
            var name = ConnectionPool.NameOf(full, identity);
            try
            {
                return Open(full, name, name, mode, currency, busyTimeout, identity);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_CANTOPEN && CanReadAsImmutable(full))
            {
                // A WAL database needs its -shm file, which a read-only folder or file system cannot hold. With no
                // -wal file nobody is writing it, so it is read as it is (immutable); writes give DatabaseReadOnly.
                try
                {
                    var store = Open(full, name, ImmutableUri(name), SqliteOpenMode.ReadOnly, currency, busyTimeout, null);
                    store._immutable = true;
                    return store;
                }
                catch (SqliteException)
                {
                    throw SqliteErrors.Translate(ex, full);
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, full);
            }
        }

        // A connection kept from an earlier command when the file is still as it left it, else a new one. Immutable
        // connections (identity null) are not kept: they exist only while the file cannot be written.
        private static SqliteDatabase Open(string full, string name, string dataSource, SqliteOpenMode mode, string currency, int busyTimeout, FileIdentity? identity)
        {
            var kept = identity == null ? null : ConnectionPool.Take(name, identity);
            SqliteConnection connection;
            FileIdentity? opened;
            if (kept is (SqliteConnection keptConnection, FileIdentity keptFile))
            {
                connection = keptConnection;
                connection.DefaultTimeout = busyTimeout;
                opened = keptFile;
            }
            else
            {
                SqliteNative.EnsureLoaded();
                var builder = new SqliteConnectionStringBuilder { DataSource = dataSource, Mode = mode, Pooling = false, DefaultTimeout = busyTimeout };
                connection = new SqliteConnection(builder.ToString());
                try
                {
                    connection.Open();
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }

                opened = identity == null ? null : FileIdentity.Of(name);
            }

            try
            {
                var store = new SqliteDatabase(full, name, connection, opened, busyTimeout);
                store.Prepare(currency);
                return store;
            }
            catch
            {
                // Not ours, or too new: closed, and not kept (SQLite's close leaves the file as it found it).
                ConnectionPool.Close(connection, fileChanged: false);
                throw;
            }
        }

        // An existing, non-empty database whose -wal file is missing or empty: no writer has it open.
        private static bool CanReadAsImmutable(string full)
        {
            try
            {
                var wal = new FileInfo(full + "-wal");
                return new FileInfo(full).Length > 0 && (!wal.Exists || wal.Length == 0);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return false;
            }
        }

        // file: URI for SQLite, every byte outside the unreserved set percent-encoded (a path may hold '?', '#' or '%').
        private static string ImmutableUri(string full)
        {
            var path = full.Replace('\\', '/');
            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                path = "/" + path; // C:/x -> /C:/x
            }

            var uri = new System.Text.StringBuilder("file:");
            foreach (var b in System.Text.Encoding.UTF8.GetBytes(path))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == ':')
                {
                    uri.Append(c);
                }
                else
                {
                    uri.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return uri.Append("?immutable=1").ToString();
        }

        private PartnerOpsException ReadOnlyFailure(string what) => new PartnerOpsException(
            ErrorIds.DatabaseReadOnly,
            FailureKind.ReadOnly,
            $"The database '{Path}' is read-only (its file, folder or file system does not allow writing), so {what}. Nothing was written.",
            Path);

        private void Prepare(string currency)
        {
            // Read-only checks first: a file that is not ours must be left exactly as it was.
            var applicationId = Connection.ExecuteScalar<long>("PRAGMA application_id");
            var version = Connection.ExecuteScalar<int>("PRAGMA user_version");
            var objects = Connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master");
            if (applicationId != Schema.ApplicationId && !(applicationId == 0 && version == 0 && objects == 0))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseInvalid,
                    FailureKind.InvalidData,
                    $"'{Path}' is an SQLite database, but not a PartnerOps database (application id {applicationId}). It was not changed.",
                    Path);
            }

            if (version > Schema.CurrentVersion)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseSchemaTooNew,
                    FailureKind.InvalidOperation,
                    $"'{Path}' has schema version {version}, newer than this PartnerOps supports ({Schema.CurrentVersion}). Update the PartnerOps module.",
                    Path);
            }

            // Durability: every commit is synced to disk (FULL), so a committed batch survives a power cut, not only a
            // crash. Defensive: SQL cannot corrupt the file on purpose, and the schema's own SQL runs no custom functions.
            NativeConnection.Configure(Connection, SqliteDbConfigDefensive, 1);
            Connection.Execute(
                $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF;");
            Connection.CreateFunction("po_key", (string? text) => RevenueRules.Key(text), isDeterministic: true);
            Connection.CreateFunction(NameKeyFunction, (string? name) => name == null ? null : PartnerRules.NameKey(name), isDeterministic: true);
            Connection.CreateFunction(NameSortFunction, (string? name) => name == null ? null : PartnerRules.NameSortKey(name), isDeterministic: true);
            var readOnly = IsReadOnly;
            if (version < Schema.CurrentVersion)
            {
                if (readOnly)
                {
                    throw ReadOnlyFailure($"its schema (version {version}) cannot be brought up to version {Schema.CurrentVersion}");
                }

                Migrate(currency);
            }

            // This connection records its changes in the history, under this user's name (see HistoryTriggers).
            if (Connection.ExecuteScalar<long>("SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'po_history_%'") != HistoryTriggers.Count)
            {
                Connection.Execute(HistoryTriggers.Sql(User));
            }

            // A restored backup (or a file another tool touched) may be in rollback-journal mode.
            if (!readOnly && !string.Equals(Connection.ExecuteScalar<string>("PRAGMA journal_mode"), "wal", StringComparison.OrdinalIgnoreCase))
            {
                Connection.Execute("PRAGMA journal_mode = WAL");
            }
        }

        private void Migrate(string currency)
        {
            // A step that rebuilds a table drops it while others refer to it: foreign keys are off for the migration (this
            // can only be set outside a transaction) and checked as a whole before it commits.
            Connection.Execute("PRAGMA foreign_keys = OFF");
            try
            {
                MigrateSteps(currency);
            }
            finally
            {
                Connection.Execute("PRAGMA foreign_keys = ON");
            }
        }

        private void MigrateSteps(string currency)
        {
            using (var tx = Connection.BeginTransaction(deferred: false))
            {
                // Another process may have migrated while we waited for the write lock.
                var version = Connection.ExecuteScalar<int>("PRAGMA user_version", transaction: tx);
                for (var step = version; step < Schema.CurrentVersion; step++)
                {
                    Connection.Execute(Schema.Migrations[step], transaction: tx);
                    if (step + 1 == Schema.StatusChangesVersion)
                    {
                        StatusMigration.Run(Connection, tx);
                    }
                }

                if (Connection.ExecuteScalar<long>("SELECT count(*) FROM pragma_foreign_key_check", transaction: tx) > 0)
                {
                    throw new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidData,
                        $"'{Path}' has revenue records whose partner is missing, so its schema (version {version}) was not brought up to version {Schema.CurrentVersion}. It was not changed; Test-PartnerDatabase -Detailed names them.",
                        Path);
                }

                if (version == 0)
                {
                    Connection.Execute(
                        "INSERT INTO meta (key, value) VALUES ('currency', @currency), ('created_at', @now)",
                        new { currency, now = PartnerRules.FormatTimestamp(DateTime.UtcNow) },
                        tx);
                    Connection.Execute($"PRAGMA application_id = {Schema.ApplicationId}", transaction: tx);
                }

                Connection.Execute($"PRAGMA user_version = {Schema.CurrentVersion}", transaction: tx);
                tx.Commit();
            }
        }
    }
}
