using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The stores a command keeps open, one per database (by its full path): for reads, and for pipelined writes. Opening
    /// one says which database is used (-Verbose), warns when a write created it or when the file has several names, and
    /// hooks up -Debug's SQL trace; Ctrl+C interrupts the statement running on any of them.
    /// </summary>
    internal sealed class OpenStores
    {
        // Files whose several names (hard links) were already warned about in this process.
        private static readonly HashSet<string> LinksWarned = new HashSet<string>(StringComparer.Ordinal);

        private readonly PartnerOpsCmdlet _cmdlet;
        private readonly DatabaseChoice _choice;
        private readonly SqlTraceQueue _sqlTrace;
        private readonly FailureReporter _failures;

        private readonly Dictionary<string, IPartnerDatabase> _readers = new Dictionary<string, IPartnerDatabase>(StringComparer.Ordinal);
        private readonly Dictionary<string, PipelinedWrites> _writes = new Dictionary<string, PipelinedWrites>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, PartnerOpsException> _unusable = new Dictionary<string, PartnerOpsException>(StringComparer.Ordinal);

        // The connections this command opened, so that Ctrl+C can interrupt the statement running on them.
        private readonly List<IPartnerDatabase> _stores = new List<IPartnerDatabase>();

        public OpenStores(PartnerOpsCmdlet cmdlet, DatabaseChoice choice, SqlTraceQueue sqlTrace, FailureReporter failures)
        {
            _cmdlet = cmdlet;
            _choice = choice;
            _sqlTrace = sqlTrace;
            _failures = failures;
        }

        /// <summary>The pipelined writes begun so far, one per database.</summary>
        public IReadOnlyCollection<PipelinedWrites> Writes => _writes.Values;

        /// <summary>
        /// The store for reads on the database of an object from <paramref name="origin"/> (null: this command's); null,
        /// after one non-terminating error targeted at <paramref name="target"/>, when it is the object's own database
        /// and cannot be opened.
        /// </summary>
        public IPartnerDatabase? ReadStoreFor(string? origin, object? target) =>
            _choice.InOwnDatabase(origin) ? PerObject(_choice.DatabasePathFor(origin), target, path => ReadStoreAt(path, terminating: false)) : ReadStoreAt(_choice.DatabasePathFor(origin));

        /// <summary>
        /// The pipelined writes on the database of an object from <paramref name="origin"/> (null: this command's, created
        /// when missing and <paramref name="create"/>); null, after one non-terminating error targeted at
        /// <paramref name="target"/>, when it is the object's own database and cannot be opened.
        /// </summary>
        public PipelinedWrites? WritesFor(string? origin, bool create, object? target) =>
            _choice.InOwnDatabase(origin) ? PerObject(_choice.DatabasePathFor(origin), target, path => WritesAt(path, create: false, terminating: false)) : WritesAt(_choice.DatabasePathFor(origin), create);

        // The object's own database, opened once; a failure to open it is remembered and reported for each of its objects.
        private T? PerObject<T>(string path, object? target, Func<string, T> open)
            where T : class
        {
            if (_unusable.TryGetValue(path, out var failure))
            {
                _failures.WriteFailure(failure, target);
                return null;
            }

            try
            {
                return open(path);
            }
            catch (PartnerOpsException ex)
            {
                _unusable[path] = ex;
                _failures.WriteFailure(ex, target);
                return null;
            }
        }

        /// <summary>" in '&lt;path&gt;'" when <paramref name="store"/> is not this command's own database, for -WhatIf and -Confirm texts.</summary>
        public string WhereUnlessDefault(IPartnerDatabase store) =>
            string.Equals(store.Path, _choice.DatabasePathFor(null), StringComparison.Ordinal) ? string.Empty : $" in '{store.Path}'";

        /// <summary>
        /// The currency a record or target given without one gets in the database at <paramref name="path"/>: its reporting
        /// currency, or USD (<see cref="PartnerDatabases.DefaultCurrency"/>) for a database this write would create. For
        /// ShouldProcess texts, which name money with its currency; read once per command and database.
        /// </summary>
        public string ReportingCurrencyAt(string path)
        {
            if (!_currencies.TryGetValue(path, out var currency))
            {
                // The write's own store (opened without creating anything, as the write would open it next): a second
                // connection just for this would keep the file's -wal and -shm about longer than the write does.
                try
                {
                    currency = _writes.TryGetValue(path, out var writes) ? writes.Store.Currency
                        : PartnerDatabases.Exists(path) ? WritesAt(path, create: false, terminating: false).Store.Currency
                        : PartnerDatabases.DefaultCurrency;
                }
                catch (PartnerOpsException)
                {
                    // A database that cannot be used: the write reports that, for its item (this text is not shown then).
                    return "(the database's reporting currency)";
                }

                _currencies[path] = currency;
            }

            return currency;
        }

        /// <summary>A store for this command's reads on the database at <paramref name="path"/>, opened once and closed with the command.</summary>
        public IPartnerDatabase ReadStoreAt(string path, bool terminating = true)
        {
            if (!_readers.TryGetValue(path, out var store))
            {
                _readers[path] = store = OpenStoreAt(path, create: false, terminating);
            }

            return store;
        }

        /// <summary>The pipelined writes of this command on the database at <paramref name="path"/>, begun on its first item.</summary>
        public PipelinedWrites WritesAt(string path, bool create, bool terminating = true)
        {
            if (!_writes.TryGetValue(path, out var writes))
            {
                _writes[path] = writes = new PipelinedWrites(OpenStoreAt(path, create, terminating));
            }

            return writes;
        }

        /// <summary>Opens the database, creating it when <paramref name="create"/> is set; failures are terminating.</summary>
        public IPartnerDatabase OpenStore(bool create, bool ignoreSessionDefault = false) => OpenStoreAt(_choice.ResolveDatabasePath(ignoreSessionDefault), create);

        /// <summary>
        /// Opens the database at a full path, creating it when <paramref name="create"/> is set; failures are terminating
        /// unless <paramref name="terminating"/> is false (then the PartnerOpsException is thrown for the caller to report).
        /// </summary>
        public IPartnerDatabase OpenStoreAt(string path, bool create, bool terminating = true)
        {
            var shown = CmdletExtensions.ShownLocation(path);
            _cmdlet.WriteVerbose($"Using database '{shown}'.");
            try
            {
                // A write to a path with no database creates one; a mistyped -Database would otherwise go unnoticed.
                var creating = create && (PartnerDatabases.IsServer(path) ? !PartnerDatabases.Exists(path) : !System.IO.File.Exists(path));
                var store = create ? PartnerDatabases.OpenOrCreate(path) : PartnerDatabases.OpenExisting(path);
                if (creating)
                {
                    _cmdlet.WriteWarning(PartnerDatabases.IsServer(path)
                        ? $"There was no PartnerOps database at '{shown}', so a new, empty one was created there (reporting currency {store.Currency}). " +
                          "If you meant an existing database, check the location. To create databases only on purpose, use New-PartnerDatabase."
                        : $"There was no database at '{shown}', so a new, empty PartnerOps database was created there (reporting currency {store.Currency}). " +
                        "If you meant an existing database, check the path (Remove-Item it if it was a mistake). To create databases only on purpose, " +
                        "use New-PartnerDatabase, and refuse a missing file before writing: if (-not (Test-Path -LiteralPath $db -PathType Leaf)) { throw \"No database at $db\" }.");
                }
                if (_sqlTrace.Enabled)
                {
                    store.TraceSql(_sqlTrace.Enqueue);
                }

                PipelineWriter.SeeOtherWrites(store);
                lock (_stores)
                {
                    _stores.Add(store);

                    // Ctrl+C came before this store was open: its statements are stopped as they start.
                    if (_stopped)
                    {
                        store.Interrupt();
                    }
                }

                WarnOfOtherNames(store);
                return store;
            }
            catch (PartnerOpsException ex) when (terminating)
            {
                _failures.ThrowFailure(ex, shown);
                throw; // not reached
            }
        }

        // SQLite names a database's log after the name it was opened by: another process opening the same file by another
        // hard link would keep a log of its own, which SQLite lists among the ways to corrupt a database.
        private void WarnOfOtherNames(IPartnerDatabase store)
        {
            if (store.Links <= 1)
            {
                return;
            }

            lock (LinksWarned)
            {
                if (!LinksWarned.Add(store.Key))
                {
                    return;
                }
            }

            _cmdlet.WriteWarning(
                $"The database file '{store.Path}' has {store.Links} names (hard links). This session opens it by one name ('{store.Key}'), " +
                "but another process that opens it by another name would keep a separate log (-wal file), which can corrupt the database. " +
                "Use one name for it everywhere, or remove the other links.");
        }

        // Ctrl+C came (guarded by _stores): a store opened afterwards is stopped at once.
        private bool _stopped;

        /// <summary>
        /// Ctrl+C (from PowerShell's stopping thread): interrupts the SQL statement running on this command's connections,
        /// so a long query or write stops at once.
        /// </summary>
        public void Interrupt()
        {
            lock (_stores)
            {
                _stopped = true;
                foreach (var store in _stores)
                {
                    store.Interrupt();
                }
            }
        }

        /// <summary>
        /// Ends what the command keeps open: batches are committed (they hold only whole items), then <paramref name="closed"/>
        /// is told of each pipelined write; stores are closed.
        /// </summary>
        public void Dispose(Action<PipelinedWrites> closed)
        {
            foreach (var writes in _writes.Values)
            {
                writes.Dispose();
                closed(writes);
            }

            _writes.Clear();
            foreach (var store in _readers.Values)
            {
                store.Dispose();
            }

            _readers.Clear();
        }
    }
}
