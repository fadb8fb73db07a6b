using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PartnerOps.Storage
{
    /// <summary>
    /// One open connection to a PartnerOps database: opening checks that the file is ours and brings its
    /// schema up to date; the partner, import and measure code run their SQL through it.
    /// </summary>
    public sealed class PartnerStore : IDisposable
    {
        public const string DefaultCurrency = "USD";

        /// <summary>How long a writer waits for another by default; PARTNEROPS_BUSY_TIMEOUT (seconds) changes it.</summary>
        public const int DefaultBusyTimeoutSeconds = 30;

        public const string BusyTimeoutVariable = "PARTNEROPS_BUSY_TIMEOUT";
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private readonly FileIdentity? _opened;
        private readonly int _changesAtOpen;
        private readonly object _stopGate = new object();
        private volatile bool _disposed;
        private bool _holdsFinishedItems;
        private bool _keep = true;
        private bool _immutable;
        private bool _traced;
        private const int MaxBusyTimeoutSeconds = 3600;
        private const int SqliteDbConfigDefensive = 1010;

        /// <summary>The SQL function each connection registers for <see cref="PartnerRules.NameKey"/> (schema step 4 recomputes keys with it).</summary>
        internal const string NameKeyFunction = "po_name_key";

        /// <summary>The SQL function each connection registers for <see cref="PartnerRules.NameSortKey"/> (the import and schema step 7 write sort keys with it).</summary>
        internal const string NameSortFunction = "po_name_sort";

        private PartnerStore(string path, string key, SqliteConnection connection, FileIdentity? opened, int busyTimeoutSeconds)
        {
            Path = path;
            Key = key;
            Connection = connection;
            BusyTimeoutSeconds = busyTimeoutSeconds;
            _opened = opened;
            _changesAtOpen = SQLitePCL.raw.sqlite3_total_changes(connection.Handle);
        }

        /// <summary>The name the history records for changes made through this process.</summary>
        public static string User { get; } = string.IsNullOrEmpty(Environment.UserDomainName) || Environment.UserDomainName == Environment.MachineName || !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)
            ? Environment.UserName
            : Environment.UserDomainName + "\\" + Environment.UserName;

        /// <summary>How long this connection waits for another writer before DatabaseBusy.</summary>
        public int BusyTimeoutSeconds { get; }

        /// <summary>The busy timeout in seconds: PARTNEROPS_BUSY_TIMEOUT when set (0 to 3600), else 30.</summary>
        public static int BusyTimeoutFromEnvironment(Func<string, string?> environment)
        {
            var text = environment(BusyTimeoutVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return DefaultBusyTimeoutSeconds;
            }

            if (int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxBusyTimeoutSeconds)
            {
                return seconds;
            }

            throw new PartnerOpsException(
                ErrorIds.InvalidSetting,
                FailureKind.InvalidArgument,
                $"{BusyTimeoutVariable} '{text}' is not valid: give a whole number of seconds from 0 to {MaxBusyTimeoutSeconds}.",
                text);
        }

        /// <summary>The database file's full path, as the user named it: what objects' Database property shows.</summary>
        public string Path { get; }

        /// <summary>
        /// The one name this process uses for the file (see <see cref="ConnectionPool.NameOf"/>): two paths that lead to
        /// the same file (links, letter case) give the same key.
        /// </summary>
        public string Key { get; }

        /// <summary>How many names (hard links) the file has; more than one means another process could open it by another name.</summary>
        public long Links => _opened?.Links ?? 1;

        /// <summary>
        /// Whether <paramref name="location"/> (a full path, as a Database property holds it) names this database's file:
        /// the same file, also through a link or in other letter case; without file identities, the same path.
        /// </summary>
        public bool IsSameDatabase(string? location)
        {
            if (string.IsNullOrEmpty(location))
            {
                return false;
            }

            if (string.Equals(location, Path, StringComparison.Ordinal) || string.Equals(location, Key, StringComparison.Ordinal))
            {
                return true;
            }

            var other = FileIdentity.Of(location!);
            return other != null && other.SameFile(_opened);
        }

        public SqliteConnection Connection { get; }

        /// <summary>The write transaction in progress, if any; every command must run inside it.</summary>
        public SqliteTransaction? Transaction { get; private set; }

        /// <summary>Opens an existing database; a missing file is DatabaseNotFound.</summary>
        public static PartnerStore OpenExisting(string path)
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
        public static PartnerStore OpenOrCreate(string path, string currency = DefaultCurrency)
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
        public static PartnerStore Create(string path, string currency)
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
        /// The full path of a file the user named (<paramref name="role"/>: "database", "backup destination"); a folder there
        /// is DatabaseInvalid (InvalidArgument), naming it: SQLite would only say it cannot open it.
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
        private static void CreateOwnerOnly(string full, string? shown = null)
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
            SqliteConnection.ClearAllPools();
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

        private static PartnerStore Open(string full, SqliteOpenMode mode, string currency)
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
                    throw Translate(ex, full);
                }
            }
            catch (SqliteException ex)
            {
                throw Translate(ex, full);
            }
        }

        // A connection kept from an earlier command when the file is still as it left it, else a new one. Immutable
        // connections (identity null) are not kept: they exist only while the file cannot be written.
        private static PartnerStore Open(string full, string name, string dataSource, SqliteOpenMode mode, string currency, int busyTimeout, FileIdentity? identity)
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
                var store = new PartnerStore(full, name, connection, opened, busyTimeout);
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

        /// <summary>True when this connection can only read: a read-only file, folder or file system.</summary>
        public bool IsReadOnly => SQLitePCL.raw.sqlite3_db_readonly(Connection.Handle, "main") == 1;

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
            SQLitePCL.raw.sqlite3_db_config(Connection.Handle, SqliteDbConfigDefensive, 1, out _);
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

        /// <summary>Starts a write transaction (BEGIN IMMEDIATE: the write lock is taken now, not mid-way).</summary>
        public SqliteTransaction BeginWrite()
        {
            if (Transaction != null)
            {
                throw new InvalidOperationException("A write transaction is already open on this connection.");
            }

            if (IsReadOnly)
            {
                throw ReadOnlyFailure("nothing can be changed in it");
            }

            ThrowIfReplaced();
            try
            {
                Transaction = Connection.BeginTransaction(deferred: false);
                return Transaction;
            }
            catch (SqliteException ex)
            {
                throw Translate(ex, Path);
            }
        }

        // Every write transaction (each batch of a pipeline) first checks that the path still leads to the file this
        // connection opened: what it writes must not go to a file that was removed or replaced meanwhile.
        private void ThrowIfReplaced()
        {
            if (_opened != null && !_opened.SameFile(FileIdentity.Of(Path)))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseReplaced,
                    FailureKind.InvalidOperation,
                    $"The database file '{Path}' was removed or replaced by another program while this command was using it, so this command " +
                    "stopped: nothing more is written to the file that is no longer at that path. Run the command again to work on the file that is there now.",
                    Path);
            }
        }

        /// <summary>Commits the write transaction; when that fails (a full disk) it is rolled back and ended, and the failure thrown.</summary>
        public void Commit()
        {
            try
            {
                Transaction?.Commit();
            }
            catch (SqliteException)
            {
                Rollback();
                throw;
            }

            EndWrite();
        }

        /// <summary>Rolls the write transaction back and ends it, also when SQLite has already rolled it back itself.</summary>
        public void Rollback()
        {
            try
            {
                if (Transaction != null && !InAutocommit)
                {
                    Transaction.Rollback();
                }
                else if (Transaction != null)
                {
                    _keep = false; // SQLite ended the transaction itself (a full disk, an I/O error): do not keep this connection
                }
            }
            catch (SqliteException)
            {
                // After an I/O error or a full disk SQLite may have ended the transaction: nothing is left to undo.
                _keep = false;
            }
            finally
            {
                EndWrite();
            }
        }

        /// <summary>True when no transaction is open on the connection (SQLite ends one itself after some errors).</summary>
        public bool InAutocommit => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) != 0;

        private void EndWrite()
        {
            try
            {
                // Disposing an unfinished SqliteTransaction rolls it back, which fails when SQLite already has.
                Transaction?.Dispose();
            }
            catch (SqliteException)
            {
            }
            finally
            {
                lock (_stopGate)
                {
                    Transaction = null;
                    _holdsFinishedItems = false;
                }
            }
        }

        public string Currency =>
            Connection.ExecuteScalar<string>("SELECT value FROM meta WHERE key = 'currency'", transaction: Transaction) ?? DefaultCurrency;

        public DatabaseInfo GetInfo() => new DatabaseInfo
        {
            Path = Path,
            Database = Path,
            SchemaVersion = Connection.ExecuteScalar<int>("PRAGMA user_version", transaction: Transaction),
            Currency = Currency,
            PartnerCount = Connection.ExecuteScalar<long>("SELECT count(*) FROM partners", transaction: Transaction),
            RevenueCount = Connection.ExecuteScalar<long>("SELECT coalesce(sum(count), 0) FROM revenue_totals", transaction: Transaction),
            SizeBytes = new FileInfo(Path).Length,
            // Opened immutable, SQLite reports no journal; the file's header says what it is (bytes 18-19: 2 = WAL).
            JournalMode = _immutable && FileHeaderSaysWal()
                ? "wal"
                : Connection.ExecuteScalar<string>("PRAGMA journal_mode", transaction: Transaction) ?? string.Empty,
        };

        private bool FileHeaderSaysWal()
        {
            using (var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                var header = new byte[20];
                return file.Read(header, 0, header.Length) == header.Length && header[18] == 2 && header[19] == 2;
            }
        }

        // Cells of revenue_totals that differ from a fresh sum of the records (or exist on one side only), each counted once.
        // The sums are split (whole billions of minor units, and the rest) so that a sum beyond 64 bits cannot raise "integer
        // overflow": both sides are brought to the same form (q, r) with 0 <= r < 10^9, and a total stored as REAL (the silent
        // overflow of older versions) never matches.
        private const string TotalsCheck = @"
WITH fresh_split AS (
    SELECT coalesce(partner_id, 0) AS partner_key, CAST(substr(date, 1, 4) AS INTEGER) AS year, coalesce(region_key, '') AS region_key,
           segment_key, currency, count(*) AS count, sum(amount / 1000000000) AS hi, sum(amount % 1000000000) AS lo,
           'integer' AS kind, min(amount) AS minimum, max(amount) AS maximum
    FROM revenue GROUP BY 1, 2, 3, 4, 5),
fresh AS (SELECT partner_key, year, region_key, segment_key, currency, count,
           hi + (lo - ((lo % 1000000000) + 1000000000) % 1000000000) / 1000000000 AS q, ((lo % 1000000000) + 1000000000) % 1000000000 AS r,
           kind, minimum, maximum FROM fresh_split),
kept AS (SELECT partner_key, year, region_key, segment_key, currency, count,
           total / 1000000000 + ((total % 1000000000) - ((total % 1000000000 + 1000000000) % 1000000000)) / 1000000000 AS q,
           ((total % 1000000000) + 1000000000) % 1000000000 AS r, typeof(total) AS kind, minimum, maximum FROM revenue_totals)
SELECT count(*) FROM (
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept)
    UNION
    SELECT partner_key, year, region_key, segment_key, currency FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh))";

        /// <summary>Integrity, foreign-key, schema and revenue-totals checks, each with what it found.</summary>
        public IReadOnlyList<DatabaseFinding> Check()
        {
            try
            {
                var integrity = Connection.Query<string>("PRAGMA integrity_check").ToList();
                var integrityOk = integrity.Count == 1 && integrity[0] == "ok";
                var foreignKeys = Connection
                    .Query<(string Table, long RowId, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check()")
                    .Select(row => string.Format(CultureInfo.InvariantCulture, "{0} row {1} refers to a missing {2} row", row.Table, row.RowId, row.Parent))
                    .ToList();
                var version = Connection.ExecuteScalar<int>("PRAGMA user_version");
                var schemaOk = version == Schema.CurrentVersion;
                var totalsOff = schemaOk ? Connection.ExecuteScalar<long>(TotalsCheck) : 0;
                var shared = schemaOk ? new PartnerRepository(this).SharedNames() : new List<(long, string, long, string)>();
                var staleSortKeys = schemaOk ? new PartnerRepository(this).StaleSortKeys() : new List<(long, string)>();
                var sharedTargets = schemaOk ? new TargetRepository(this).SharedRegions() : new List<(long, string?, long, string?, string, int)>();
                return new[]
                {
                    new DatabaseFinding("Integrity", integrityOk, string.Join(Environment.NewLine, integrity)) { Database = Path },
                    new DatabaseFinding("ForeignKey", foreignKeys.Count == 0, foreignKeys.Count == 0 ? "ok" : string.Join(Environment.NewLine, foreignKeys)) { Database = Path },
                    new DatabaseFinding("Schema", schemaOk, schemaOk ? $"version {version}" : $"version {version}, expected {Schema.CurrentVersion}") { Database = Path },
                    new DatabaseFinding("RevenueTotals", totalsOff == 0, totalsOff == 0 ? "ok" : $"{totalsOff} revenue total(s) differ from the records they sum") { Database = Path },
                }.Concat(SharedNameFindings(shared)).Concat(SharedTargetFindings(sharedTargets)).Concat(SortKeyFindings(staleSortKeys)).ToList();
            }
            catch (SqliteException ex)
            {
                // SQLite may refuse to read a damaged page at all rather than report it.
                throw Translate(ex, Path);
            }
        }

        // SharedTargets: "ok", or one failed finding per pair of targets whose regions print the same (stored before schema 6).
        private IEnumerable<DatabaseFinding> SharedTargetFindings(IReadOnlyList<(long FirstId, string? FirstRegion, long OtherId, string? OtherRegion, string Metric, int Year)> pairs)
        {
            return Findings("SharedTargets", pairs.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Targets Id {0} and Id {1} ({2} {3}) have regions that print the same ('{4}' and '{5}': equal ignoring case folding, the kind of space " +
                "and invisible characters); they were stored before regions were compared this way. Id {0} is the target of that region; Id {1} " +
                "is not found by region and is measured as the same region. Keep one: Remove-PartnerTarget -Id {1} (or -Id {0}, then Set-PartnerTarget " +
                "with the value to keep).",
                p.FirstId,
                p.OtherId,
                p.Metric,
                p.Year,
                TextRules.Shown(p.FirstRegion),
                TextRules.Shown(p.OtherRegion))));
        }

        // SharedNames: "ok", or one failed finding per pair of partners whose names print the same (stored before schema 4).
        private IEnumerable<DatabaseFinding> SharedNameFindings(IReadOnlyList<(long FirstId, string FirstName, long OtherId, string OtherName)> pairs)
        {
            return Findings("SharedNames", pairs.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Partners Id {0} '{1}' and Id {2} '{3}' have names that print the same (equal ignoring case folding, the kind of space and " +
                "invisible characters); they were stored before names were compared this way. Lookups by that name fail (give -Id) until an admin " +
                "resolves it: if they are two partners, rename one (Set-Partner -Id {2} -NewName 'another name'); if they are one, record the revenue " +
                "of Id {2} under Id {0} (Add-PartnerRevenue -Partner (Get-Partner -Id {0}) ...) and remove Id {2} (Remove-Partner -Id {2} -Force).",
                p.FirstId,
                TextRules.Shown(p.FirstName),
                p.OtherId,
                TextRules.Shown(p.OtherName))));
        }

        // NameSortKeys: "ok", or one failed finding per partner whose stored sort key is not its name's (another program wrote it).
        private IEnumerable<DatabaseFinding> SortKeyFindings(IReadOnlyList<(long Id, string Name)> partners)
        {
            return Findings("NameSortKeys", partners.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Partner Id {0} '{1}' has a stored sort key that is not its name's (it was written by another program), so Get-Partner lists it " +
                "out of name order; lookups by name are not affected. Renaming it writes the key again: Set-Partner -Id {0} -NewName 'a temporary name', " +
                "then Set-Partner -Id {0} -NewName back.",
                p.Id,
                TextRules.Shown(p.Name))));
        }

        // One check's findings: "ok" when nothing failed, else one failed finding per problem.
        private IEnumerable<DatabaseFinding> Findings(string check, IEnumerable<string> problems)
        {
            var failed = problems.Select(problem => new DatabaseFinding(check, false, problem) { Database = Path }).ToList();
            return failed.Count > 0 ? failed : new List<DatabaseFinding> { new DatabaseFinding(check, true, "ok") { Database = Path } };
        }

        /// <summary>
        /// Copies the database with SQLite's online backup, which reads a consistent snapshot while others
        /// write. The copy is written beside the destination and moved into place only when complete.
        /// </summary>
        public void BackupTo(string destinationPath, Action<long, long>? progress = null)
        {
            var destination = RequireFilePath(destinationPath, "backup destination");
            var partial = destination + ".partial-" + Guid.NewGuid().ToString("N");
            try
            {
                CreateOwnerOnly(partial, destination);
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
                {
                    target.Open();
                    CopyPages(target, progress);
                    target.Execute("PRAGMA journal_mode = DELETE");
                }

                if (File.Exists(destination))
                {
                    Delete(destination);
                }

                File.Move(partial, destination);
            }
            catch (SqliteException ex)
            {
                // A full disk or a read-only file system is the copy's; anything else is about the database read.
                throw Translate(ex, ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_FULL || ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_READONLY ? destination : Path);
            }
            finally
            {
                // A failed copy (a full disk, say) leaves its rollback journal too.
                foreach (var suffix in new[] { string.Empty, "-journal", "-wal", "-shm" })
                {
                    if (File.Exists(partial + suffix))
                    {
                        File.Delete(partial + suffix);
                    }
                }
            }
        }

        // The backup API, a chunk of pages at a time so that progress can be shown. A read transaction holds one
        // snapshot of this WAL database for the whole copy, so writers go on and the copy stays consistent.
        private void CopyPages(SqliteConnection target, Action<long, long>? progress)
        {
            const int PagesPerStep = 1024;
            using (var snapshot = Connection.BeginTransaction(deferred: true))
            {
                Connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master", transaction: snapshot);
                var backup = SQLitePCL.raw.sqlite3_backup_init(target.Handle, "main", Connection.Handle, "main");
                if (backup == null || backup.IsInvalid)
                {
                    throw new SqliteException("The backup could not start: " + SQLitePCL.raw.sqlite3_errmsg(target.Handle).utf8_to_string(), SQLitePCL.raw.sqlite3_errcode(target.Handle));
                }

                try
                {
                    while (true)
                    {
                        var rc = SQLitePCL.raw.sqlite3_backup_step(backup, PagesPerStep);
                        var total = SQLitePCL.raw.sqlite3_backup_pagecount(backup);
                        progress?.Invoke(total - SQLitePCL.raw.sqlite3_backup_remaining(backup), total);
                        if (rc == SQLitePCL.raw.SQLITE_DONE)
                        {
                            break;
                        }

                        if (rc != SQLitePCL.raw.SQLITE_OK && rc != SQLitePCL.raw.SQLITE_BUSY && rc != SQLitePCL.raw.SQLITE_LOCKED)
                        {
                            throw new SqliteException("The backup failed: " + SQLitePCL.raw.sqlite3_errstr(rc).utf8_to_string(), rc);
                        }
                    }
                }
                finally
                {
                    SQLitePCL.raw.sqlite3_backup_finish(backup);
                }

                snapshot.Commit();
            }
        }

        /// <summary>
        /// Sends the text of every SQL statement this connection runs to <paramref name="sink"/> (null stops it);
        /// -Debug shows them. The sink may be called on any thread that uses the connection.
        /// </summary>
        public void TraceSql(Action<string>? sink)
        {
            if (sink == null)
            {
                SQLitePCL.raw.sqlite3_trace(Connection.Handle, (SQLitePCL.strdelegate_trace?)null!, null);
                _traced = false;
                return;
            }

            SQLitePCL.raw.sqlite3_trace(Connection.Handle, (SQLitePCL.strdelegate_trace)((_, sql) => sink(sql)), null);
            _traced = true;
        }

        /// <summary>Turns the SQLite failures a user can act on into named PartnerOps failures.</summary>
        public static Exception Translate(SqliteException ex, string path) => Translate(ex, path, BusyTimeoutFromEnvironmentOrDefault());

        private static int BusyTimeoutFromEnvironmentOrDefault()
        {
            try
            {
                return BusyTimeoutFromEnvironment(Environment.GetEnvironmentVariable);
            }
            catch (PartnerOpsException)
            {
                return DefaultBusyTimeoutSeconds;
            }
        }

        private static Exception Translate(SqliteException ex, string path, int busyTimeoutSeconds)
        {
            if (RevenueTotals.IsOverflow(ex))
            {
                // Writers that know the record say which amount and total (RevenueTotals.Overflow); this covers any other.
                return new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidArgument,
                    $"The change would take a revenue total in '{path}' (one partner or direct, year, region, segment and currency) beyond " +
                    "the 64-bit limit of its whole minor units; nothing was written by the refused statement.",
                    path,
                    ex);
            }

            if (ex.SqliteErrorCode == 1 && ex.Message.IndexOf("integer overflow", StringComparison.Ordinal) >= 0)
            {
                return new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidData,
                    $"A sum over the revenue in '{path}' exceeds 64 bits (a revenue total of an older version overflowed); " +
                    "Test-PartnerDatabase names the revenue totals that differ from their records.",
                    path,
                    ex);
            }

            switch (ex.SqliteErrorCode)
            {
                case 5: // SQLITE_BUSY
                case 6: // SQLITE_LOCKED
                    return new PartnerOpsException(
                        ErrorIds.DatabaseBusy,
                        FailureKind.Busy,
                        $"The database '{path}' stayed locked by another process or connection for {busyTimeoutSeconds} seconds ({BusyTimeoutVariable}); nothing was written. Try again.",
                        path,
                        ex);
                case 26: // SQLITE_NOTADB
                case 11: // SQLITE_CORRUPT
                    return new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidData,
                        $"'{path}' is not a usable PartnerOps database: {ex.Message} It was not changed.",
                        path,
                        ex);
                case 14: // SQLITE_CANTOPEN
                    return new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidOperation,
                        $"The database '{path}' cannot be opened: {ex.Message}",
                        path,
                        ex);
                case 8: // SQLITE_READONLY
                    return new PartnerOpsException(
                        ErrorIds.DatabaseReadOnly,
                        FailureKind.ReadOnly,
                        $"The database '{path}' is read-only (its file, folder or file system does not allow writing); this change was not written. {ex.Message}",
                        path,
                        ex);
                case 13: // SQLITE_FULL
                    return new PartnerOpsException(
                        ErrorIds.DatabaseFull,
                        FailureKind.Full,
                        $"The disk holding '{path}' is full, so this change was not written; what was written before it is kept whole. Free some space and run the command again (an import with -Mode Skip carries on where it stopped).",
                        path,
                        ex);
                case 9: // SQLITE_INTERRUPT: Ctrl+C, which the stopping pipeline handles as it is
                    return ex;
                default:
                    return new PartnerOpsException(
                        ErrorIds.DatabaseError,
                        FailureKind.InvalidOperation,
                        $"The database '{path}' could not carry out the command: {ex.Message} Nothing was written by the failed statement.",
                        path,
                        ex);
            }
        }

        /// <summary>
        /// Stops the statement running on this connection (from any thread); it fails with SQLITE_INTERRUPT. An interrupted
        /// write makes SQLite roll back the whole open transaction, so a transaction that already holds finished items
        /// (<see cref="ItemFinished"/>) is left to finish its statement: items a command reported as written stay written,
        /// and the command stops at its next item.
        /// </summary>
        public void Interrupt()
        {
            lock (_stopGate)
            {
                var handle = _disposed || _holdsFinishedItems ? null : Connection.Handle;
                if (handle != null && !handle.IsInvalid)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            }
        }

        /// <summary>A batch finished an item in the open transaction: <see cref="Interrupt"/> leaves the transaction alone until it ends.</summary>
        public void ItemFinished()
        {
            lock (_stopGate)
            {
                _holdsFinishedItems = Transaction != null;
            }
        }

        /// <summary>
        /// Ends this command's use of the connection: an open transaction is rolled back, and the connection is kept for the
        /// next command while its file stays at the path. A command that wrote first empties the log (-wal) into the
        /// file when nobody else is using it, so that between commands the file alone holds the database and can be
        /// copied, replaced or restored by any program.
        /// </summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_traced)
            {
                TraceSql(null); // the connection goes back to the pool: the next user did not ask for the trace
            }

            if (Transaction != null)
            {
                Rollback();
            }

            // Statements prepared on the raw handle must be finalized before the connection goes back to the pool.
            foreach (var owned in _owned)
            {
                owned.Dispose();
            }

            _owned.Clear();
            if (_opened == null || !_keep)
            {
                Connection.Dispose();
                return;
            }

            if (SQLitePCL.raw.sqlite3_total_changes(Connection.Handle) != _changesAtOpen)
            {
                EmptyLog();
            }

            ConnectionPool.Return(Key, Connection, _opened);
        }

        // A checkpoint that also truncates the -wal file, without waiting: while other connections read or write,
        // it does what it can now and their commands finish the job.
        private void EmptyLog()
        {
            try
            {
                if (new FileInfo(Key + "-wal").Length > 0)
                {
                    Connection.Execute("PRAGMA busy_timeout = 0; PRAGMA wal_checkpoint(TRUNCATE);");
                }
            }
            catch (Exception ex) when (ex is SqliteException || ex is IOException || ex is UnauthorizedAccessException)
            {
            }
            finally
            {
                try
                {
                    Connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}");
                }
                catch (SqliteException)
                {
                }
            }
        }

        /// <summary>Disposes <paramref name="owned"/> (a statement prepared on this connection) when the store is disposed.</summary>
        internal void Own(IDisposable owned) => _owned.Add(owned);
    }
}
