using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// One open connection to a PartnerOps database: opening checks that the file is ours and brings its
    /// schema up to date; the partner, import and measure code run their SQL through it.
    /// </summary>
    public sealed partial class SqliteDatabase : IPartnerDatabase
    {
        public const string DefaultCurrency = PartnerDatabases.DefaultCurrency;

        /// <summary>How long a writer waits for another by default; PARTNEROPS_BUSY_TIMEOUT (seconds) changes it.</summary>
        public const int DefaultBusyTimeoutSeconds = BusyTimeout.DefaultSeconds;

        /// <summary>The environment variable that sets the busy timeout (see <see cref="BusyTimeout.EnvironmentVariable"/>).</summary>
        public const string BusyTimeoutVariable = BusyTimeout.EnvironmentVariable;
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private readonly FileIdentity? _opened;
        private readonly int _changesAtOpen;
        private readonly object _stopGate = new object();
        private volatile bool _disposed;
        private volatile bool _holdsFinishedItems;
        private bool _keep = true;
        private bool _immutable;
        private bool _traced;
        private PartnerRepository? _partners;
        private RevenueRepository? _revenue;
        private HistoryRepository? _history;
        private TargetRepository? _targets;
        private ExchangeRateRepository? _rates;
        private CertificationRepository? _certifications;
        private RevenueSums? _sums;
        private const int SqliteDbConfigDefensive = 1010;

        /// <summary>The SQL function each connection registers for <see cref="PartnerRules.NameKey"/> (schema step 4 recomputes keys with it).</summary>
        internal const string NameKeyFunction = "po_name_key";

        /// <summary>The SQL function each connection registers for <see cref="PartnerRules.NameSortKey"/> (the import and schema step 7 write sort keys with it).</summary>
        internal const string NameSortFunction = "po_name_sort";

        private SqliteDatabase(string path, string key, SqliteConnection connection, FileIdentity? opened, int busyTimeoutSeconds)
        {
            Path = path;
            Key = key;
            Connection = connection;
            BusyTimeoutSeconds = busyTimeoutSeconds;
            _opened = opened;
            _changesAtOpen = NativeConnection.TotalChanges(connection);
            NativeConnection.OnProgress(connection, ProgressInstructions, () => _stopRequested && !_holdsFinishedItems);
        }


        /// <summary>The name the history records for changes made through this process.</summary>
        public static string User => HistoryUser.Current;

        /// <summary>How long this connection waits for another writer before DatabaseBusy.</summary>
        public int BusyTimeoutSeconds { get; }

        /// <summary>The busy timeout in seconds: PARTNEROPS_BUSY_TIMEOUT when set (0 to 3600), else 30.</summary>
        public static int BusyTimeoutFromEnvironment(Func<string, string?> environment) => BusyTimeout.FromEnvironment(environment);

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

        /// <inheritdoc/>
        public IPartnerRepository Partners => _partners ??= new PartnerRepository(this);

        /// <inheritdoc/>
        public IRevenueRepository Revenue => _revenue ??= new RevenueRepository(this);

        /// <inheritdoc/>
        public IHistoryRepository History => _history ??= new HistoryRepository(this);

        /// <inheritdoc/>
        public IStatusHistoryRepository StatusHistory => new StatusHistoryRepository(this);

        /// <inheritdoc/>
        public ITargetRepository Targets => _targets ??= new TargetRepository(this);

        /// <inheritdoc/>
        public IExchangeRateRepository ExchangeRates => _rates ??= new ExchangeRateRepository(this);

        /// <inheritdoc/>
        public ICertificationRepository Certifications => _certifications ??= new CertificationRepository(this);

        /// <inheritdoc/>
        public IContactRepository Contacts => new ContactRepository(this);

        /// <inheritdoc />
        public IDealRepository Deals => new DealRepository(this);

        /// <inheritdoc/>
        public IDealDecisions DealDecisions => new DealDecisionRepository(this);

        /// <inheritdoc/>
        public ITierRuleRepository TierRules => new TierRuleRepository(this);

        /// <inheritdoc/>
        public IRevenueSums RevenueSums => _sums ??= new RevenueSums(this);

        /// <inheritdoc/>
        public IPartnerCounts PartnerCounts => new PartnerCounts(this);

        /// <inheritdoc/>
        public IFunnelCounts FunnelCounts => new FunnelCounts(this);

        /// <inheritdoc/>
        public IQualityInputs QualityInputs => new QualityInputs(this);

        /// <inheritdoc/>
        public IQualityHistory QualityHistory => new QualityHistory(this);

        /// <inheritdoc/>
        public IDealSums DealSums => new DealSums(this);

        /// <inheritdoc/>
        public IReadOnlyList<DatabaseFinding> Check() => DatabaseChecks.Check(this);

        /// <inheritdoc/>
        public void BackupTo(string destinationPath, Action<long, long>? progress = null) => SqliteBackup.BackupTo(this, destinationPath, progress);

        /// <inheritdoc/>
        public IDatabaseSnapshot ReadSnapshot() => new SqliteSnapshot(this);

        /// <inheritdoc/>
        public void Restore(IDatabaseSnapshot source, bool replace, Action<DumpProgress>? progress = null) =>
            DatabaseDump.Write(source, new SqliteDumpWriter(this), Path, replace, progress);

        /// <inheritdoc/>
        public IWriteBatch NewWriteBatch(int maxItems = 1000, TimeSpan? maxAge = null) => new WriteBatch(this, maxItems, maxAge);

        /// <inheritdoc/>
        public void SeeOtherWrites(IWriteBatch? own = null) => WriteBatch.CommitIdle(Key, own as WriteBatch);

        /// <inheritdoc/>
        public IReadOnlyList<(string Value, string Message)> UnknownFilterValues(HintedFilter filter, IEnumerable<string>? values) =>
            FilterHints.Unknown(filter, values, sql => TranslatedReads.Run(this, () => Connection.Query<string>(sql, transaction: Transaction).AsList()), Path);

        /// <inheritdoc/>
        public IImportWriter StartImport(ImportTable table, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation) =>
            new ImportWriter(this, table == ImportTable.Partners ? new PartnerImportTarget(options.Mode) : (ImportTarget)new RevenueImportTarget(options.Mode), options, utcNow, cancellation);

        /// <summary>The write transaction in progress, if any; every command must run inside it.</summary>
        public SqliteTransaction? Transaction { get; private set; }

        /// <summary>True when this connection can only read: a read-only file, folder or file system.</summary>
        public bool IsReadOnly => NativeConnection.IsReadOnly(Connection);

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
                throw SqliteErrors.Translate(ex, Path);
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
        public bool InAutocommit => NativeConnection.InAutocommit(Connection);

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

        /// <inheritdoc/>
        public DatabaseInfo GetInfo() => DatabaseChecks.Info(this);

        /// <summary>True when the file was opened read as it is (immutable): a read-only folder or file system without a -wal file.</summary>
        internal bool IsImmutable => _immutable;

        /// <summary>
        /// Sends the text of every SQL statement this connection runs to <paramref name="sink"/> (null stops it);
        /// -Debug shows them. The sink may be called on any thread that uses the connection.
        /// </summary>
        public void TraceSql(Action<string>? sink)
        {
            NativeConnection.Trace(Connection, sink);
            _traced = sink != null;
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

            // The connection goes back to the pool: the next command's statements are not this command's to stop.
            NativeConnection.OnProgress(Connection, 0, null);
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

            if (NativeConnection.TotalChanges(Connection) != _changesAtOpen)
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
