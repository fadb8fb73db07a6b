using System;
using System.Collections.Generic;
using System.Data;
using Dapper;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// A PartnerOps database in a PostgreSQL schema, open on one connection (from Npgsql's pool). Reads run in autocommit; a
    /// write runs in a transaction begun by <see cref="BeginWrite"/>, which takes the database's advisory lock (one writer at
    /// a time per PartnerOps database, as on SQLite, waiting at most the busy timeout: DatabaseBusy) and records the history's
    /// user for the transaction. Split by job into partial files: this one (connection, transactions, statements, stop),
    /// PgDatabase.Open (opening, creating, migrating) and the files of the repositories, import, reads and copy.
    /// </summary>
    public sealed partial class PgDatabase : IPartnerDatabase
    {
        private readonly object _stopGate = new object();
        private Action<string>? _trace;
        private volatile bool _stopRequested;
        private volatile bool _holdsFinishedItems;
        private volatile bool _disposed;
        private bool? _readOnly;

        private PgDatabase(PgLocation location, NpgsqlConnection connection, int busyTimeoutSeconds)
        {
            Location = location;
            Connection = connection;
            BusyTimeoutSeconds = busyTimeoutSeconds;
        }

        /// <summary>The parsed location (connection settings, schema, display form).</summary>
        public PgLocation Location { get; }

        /// <summary>The schema holding the PartnerOps tables (the connection's search_path).</summary>
        public string Schema => Location.Schema;

        /// <summary>The open connection; its search_path is the PartnerOps schema.</summary>
        public NpgsqlConnection Connection { get; }

        /// <summary>The write transaction <see cref="BeginWrite"/> began, or null outside one.</summary>
        public NpgsqlTransaction? Transaction { get; private set; }

        /// <summary>How long a write waits for another writer's lock, in seconds (PARTNEROPS_BUSY_TIMEOUT, else 30).</summary>
        public int BusyTimeoutSeconds { get; }

        /// <inheritdoc />
        public string Path => Location.Display;

        /// <inheritdoc />
        public string Key => Location.Display;

        /// <summary>Always 1: a server database has no file names to share.</summary>
        public long Links => 1;

        /// <inheritdoc />
        public bool IsSameDatabase(string? location)
        {
            if (string.IsNullOrEmpty(location))
            {
                return false;
            }

            if (string.Equals(location, Path, StringComparison.Ordinal))
            {
                return true;
            }

            try
            {
                return DatabaseLocation.IsServer(location) && string.Equals(PgLocation.Parse(location!).Display, Path, StringComparison.Ordinal);
            }
            catch (PartnerOpsException)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public string Currency => Scalar<string>("SELECT value FROM meta WHERE key = 'currency'") ?? PartnerDatabases.DefaultCurrency;

        /// <summary>Whether this connection may not write: a read-only server or transaction, or a role without INSERT on the tables.</summary>
        public bool IsReadOnly => _readOnly ??= Scalar<bool>(
            "SELECT current_setting('transaction_read_only') = 'on' OR pg_is_in_recovery() OR NOT has_table_privilege('partners', 'INSERT')");

        /// <summary>
        /// Begins a write transaction: the advisory lock of this PartnerOps database (waiting at most
        /// <see cref="BusyTimeoutSeconds"/>, then DatabaseBusy), the history's user (HistoryUser.Current) for its triggers.
        /// Throws DatabaseReadOnly when the connection cannot write; InvalidOperationException when one is already open.
        /// </summary>
        public NpgsqlTransaction BeginWrite()
        {
            if (Transaction != null)
            {
                throw new InvalidOperationException("A write transaction is already open on this connection.");
            }

            if (IsReadOnly)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseReadOnly,
                    FailureKind.ReadOnly,
                    $"The database '{Path}' does not let user '{Location.Builder.Username}' write (a read-only server or role), so nothing can be changed in it. Nothing was written.",
                    Path);
            }

            try
            {
                Transaction = Connection.BeginTransaction(IsolationLevel.ReadCommitted);
                Execute(
                    "SELECT set_config('lock_timeout', @timeout, true), set_config('partnerops.user', @user, true); SELECT pg_advisory_xact_lock(" + LockKey + ")",
                    new { timeout = (BusyTimeoutSeconds * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), user = HistoryUser.Current });
                return Transaction;
            }
            catch (Exception)
            {
                Rollback();
                throw;
            }
        }

        /// <summary>
        /// The advisory lock key of this PartnerOps database (its schema): every write transaction and every migration takes it,
        /// so writers of one PartnerOps database take turns and those of two schemas of one server do not wait for each other.
        /// </summary>
        /// (The same key as <c>hashtext('partnerops:' || schema name)</c>, which creating a schema takes before the schema exists.)
        internal const string LockKey = "hashtext('partnerops:' || current_schema())";

        /// <summary>Commits the write transaction; a failure rolls it back and is thrown translated.</summary>
        public void Commit()
        {
            try
            {
                Transaction?.Commit();
            }
            catch (Exception ex)
            {
                Rollback();
                throw PgErrors.Translate(ex, Location);
            }

            EndWrite();
        }

        /// <summary>Rolls the write transaction back (nothing to do outside one; a connection the server dropped is no failure).</summary>
        public void Rollback()
        {
            try
            {
                if (Transaction != null && Connection.State == ConnectionState.Open)
                {
                    Transaction.Rollback();
                }
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
            {
                // The server or connection already ended the transaction: nothing is left to undo.
            }
            finally
            {
                EndWrite();
            }
        }

        private void EndWrite()
        {
            try
            {
                Transaction?.Dispose();
            }
            catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
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

        /// <summary>Runs a statement (Dapper parameters), traced, stoppable, failures translated; returns the rows it changed.</summary>
        public int Execute(string sql, object? parameters = null) => Run(sql, parameters, () => Connection.Execute(sql, parameters, Transaction));

        /// <summary>Runs a query (Dapper parameters), traced, stoppable, failures translated; the rows are read in full.</summary>
        public List<T> Query<T>(string sql, object? parameters = null) => Run(sql, parameters, () => Connection.Query<T>(sql, parameters, Transaction).AsList());

        /// <summary>The first column of the first row of a query (default when there is none), as <see cref="Query{T}"/>.</summary>
        public T Scalar<T>(string sql, object? parameters = null) => Run(sql, parameters, () => Connection.ExecuteScalar<T>(sql, parameters, Transaction)!);

        /// <summary>
        /// Runs <paramref name="work"/> (statements on <see cref="Connection"/>) as one traced, stoppable unit: a stop asked
        /// before it starts stops it at once; failures are translated (<see cref="PgErrors.Translate"/>).
        /// </summary>
        public T Run<T>(string sql, Func<T> work) => Run(sql, null, work);

        /// <summary>
        /// As <see cref="Run{T}(string, Func{T})"/>, the trace showing the statement with the values of <paramref name="parameters"/>
        /// (Dapper's parameters: an object's properties or DynamicParameters) in place of its @names.
        /// </summary>
        public T Run<T>(string sql, object? parameters, Func<T> work)
        {
            if (_trace != null)
            {
                _trace(PgTraceText.Expand(sql, parameters));
            }

            if (_stopRequested && !_holdsFinishedItems)
            {
                throw new OperationCanceledException("The command was stopped.");
            }

            try
            {
                return work();
            }
            catch (Exception ex) when (!(ex is PartnerOpsException))
            {
                throw PgErrors.Translate(ex, Location);
            }
        }

        /// <inheritdoc />
        public void TraceSql(Action<string>? sink) => _trace = sink;

        /// <summary>The trace sink set by <see cref="TraceSql"/>, for parts that run statements of their own (COPY).</summary>
        internal Action<string>? Trace => _trace;

        /// <summary>
        /// Ctrl+C: the statement running on this connection is cancelled (pg_cancel_backend from a second connection, SQLSTATE
        /// 57014), and statements that start later are stopped before they run. The cancel is sent while the stop gate is held,
        /// so no item can be reported finished (<see cref="ItemFinished"/>) between the check and the signal: a cancel that
        /// arrived after it would undo, with the transaction's next statement (the savepoint that follows an item), items
        /// already reported as written. A signal that reaches an idle connection is ignored by the server.
        /// </summary>
        public void Interrupt()
        {
            lock (_stopGate)
            {
                if (_disposed)
                {
                    return;
                }

                _stopRequested = true;
                if (_holdsFinishedItems)
                {
                    return; // the statement running finishes: the items this transaction holds were reported as written
                }

                try
                {
                    using var other = new NpgsqlConnection(Location.Builder.ConnectionString);
                    other.Open();
                    other.Execute("SELECT pg_cancel_backend(@pid)", new { pid = Connection.ProcessID });
                }
                catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
                {
                    // The server is gone or the connection closed: there is nothing running to stop.
                }
            }
        }

        /// <inheritdoc/>
        public bool IsInterruption(Exception failure) => PgErrors.IsCanceled(failure);

        /// <summary>Whether Ctrl+C was asked for (<see cref="Interrupt"/>).</summary>
        public bool StopRequested => _stopRequested;

        /// <summary>
        /// An item of the open write transaction is whole and reported (or about to be): from now until the transaction ends, a
        /// stop (<see cref="Interrupt"/>) lets statements finish instead of cancelling them, since cancelling would roll back items
        /// the command reported as written (as SQLite's ItemFinished does).
        /// </summary>
        public void ItemFinished()
        {
            lock (_stopGate)
            {
                _holdsFinishedItems = Transaction != null;
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            lock (_stopGate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            if (Transaction != null)
            {
                Rollback();
            }

            DisposeParts();
            Connection.Dispose(); // back to Npgsql's pool
        }

        // Each part that holds something (prepared commands, a running import) releases it here; see the partial files.
        partial void DisposeParts();
    }
}
