using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Reflection;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// What every data cmdlet shares: the -Database parameter, which database each piped object is worked on, the
    /// stores a command keeps open (one per database), and turning failures into ErrorRecords.
    /// </summary>
    public abstract class PartnerOpsCmdlet : PSCmdlet, IDisposable
    {
        // Files whose several names (hard links) were already warned about in this process.
        private static readonly HashSet<string> LinksWarned = new HashSet<string>(StringComparer.Ordinal);

        // The stores this command keeps open, by the full path of their database: for reads, and for pipelined writes.
        private readonly Dictionary<string, IPartnerDatabase> _readers = new Dictionary<string, IPartnerDatabase>(StringComparer.Ordinal);
        private readonly Dictionary<string, PipelinedWrites> _writes = new Dictionary<string, PipelinedWrites>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _paths = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, PartnerOpsException> _unusable = new Dictionary<string, PartnerOpsException>(StringComparer.Ordinal);
        private bool? _databaseGiven;
        private static readonly ConditionalWeakTable<Runspace, StrongBox<string?>> SessionDefaults = new ConditionalWeakTable<Runspace, StrongBox<string?>>();

        // The connections this command opened, so that Ctrl+C can interrupt the statement running on them.
        private readonly List<IPartnerDatabase> _stores = new List<IPartnerDatabase>();

        // -Debug: the SQL a connection ran waits here until the command can write it. SQLite reports it from inside
        // its own call (on any thread), where nothing may throw, so it is never written from there.
        private readonly ConcurrentQueue<string> _sqlTrace = new ConcurrentQueue<string>();

        private readonly Stopwatch _sinceProgress = new Stopwatch();
        private bool _progressShown;

        /// <summary>The database file. Default: Connect-PartnerDatabase's, then $env:PARTNEROPS_DATABASE, then the per-user default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string? Database { get; set; }

        /// <summary>The database Connect-PartnerDatabase chose for this runspace.</summary>
        internal static string? SessionDatabase
        {
            get => Runspace.DefaultRunspace is Runspace rs && SessionDefaults.TryGetValue(rs, out var box) ? box.Value : null;
            set
            {
                if (Runspace.DefaultRunspace is Runspace rs)
                {
                    SessionDefaults.GetValue(rs, _ => new StrongBox<string?>()).Value = value;
                }
            }
        }

        /// <summary>The full path of the database this command uses, by the documented order.</summary>
        protected string ResolveDatabasePath(bool ignoreSessionDefault = false)
        {
            var path = DatabaseLocator.Resolve(Database, ignoreSessionDefault ? null : SessionDatabase, Environment.GetEnvironmentVariable);
            return ResolveFileSystemPath(path);
        }

        /// <summary>
        /// Whether the user gave -Database (typed or splatted). A -Database that $PSDefaultParameterValues supplied is a
        /// default like the session's: it does not outrank the database a piped object came from.
        /// </summary>
        protected bool DatabaseGiven
        {
            get
            {
                if (_databaseGiven == null)
                {
                    var bound = MyInvocation.BoundParameters.TryGetValue(nameof(Database), out var value) ? value as string : null;
                    _databaseGiven = bound != null
                        && !(PowerShellInternals.SuppliedByDefault(this, nameof(Database))
                            ?? (DefaultParameterValues.Lookup(SessionState.PSVariable, MyInvocation.MyCommand.Name, nameof(Database)) is string fallback
                                && string.Equals(fallback, bound, StringComparison.Ordinal)));
                }

                return _databaseGiven.Value;
            }
        }

        /// <summary>
        /// The full path of the database for work on an object that came from <paramref name="origin"/> (its Database
        /// property; null for typed values and plain data): -Database when the user gave it, else the object's own
        /// database, else this command's (the documented order).
        /// </summary>
        protected string DatabasePathFor(string? origin)
        {
            // Resolved once per command and origin: resolving a path through PowerShell's provider costs more than writing a row.
            var key = origin != null && !DatabaseGiven ? origin : string.Empty;
            if (!_paths.TryGetValue(key, out var path))
            {
                _paths[key] = path = key.Length == 0 ? ResolveDatabasePath() : ResolveFileSystemPath(key);
            }

            return path;
        }

        /// <summary>
        /// The partners the piped <paramref name="items"/> name (see <see cref="PipedObject.Partner"/>), each with its item;
        /// an item that names none is one non-terminating error, and the next item is read.
        /// </summary>
        internal IEnumerable<(PartnerReference Partner, PSObject Item)> PipedPartners(IEnumerable<PSObject>? items) => ReadPiped(items, piped => piped.Partner());

        /// <summary>
        /// What <paramref name="read"/> makes of each piped item (a partner, a record), with the item; an item it cannot
        /// read (a PartnerOpsException) is one non-terminating error, and the next item is read.
        /// </summary>
        internal IEnumerable<(T Value, PSObject Item)> ReadPiped<T>(IEnumerable<PSObject>? items, Func<PipedObject, T> read)
        {
            foreach (var item in items ?? Array.Empty<PSObject>())
            {
                T value;
                try
                {
                    value = read(PipedObject.Read(item));
                }
                catch (PartnerOpsException ex)
                {
                    WriteFailure(ex, item);
                    continue;
                }

                yield return (value, item);
            }
        }

        /// <summary>
        /// A read restricted to partners: once on this command's database with the <paramref name="typed"/> partners when
        /// nothing is piped, else once per piped item, on the database the item names, with its partner added to the
        /// typed ones (the item is then the target of the read's errors).
        /// </summary>
        internal void ReadPerPartner(PartnerReference[]? typed, PSObject[]? piped, Action<IPartnerDatabase, PartnerReference[]?, object?> read)
        {
            if (piped == null)
            {
                if (typed == null)
                {
                    read(ReadStoreAt(ResolveDatabasePath()), null, null);
                    return;
                }

                // Partner objects given as the parameter's value belong to their own databases, as piped ones do.
                foreach (var group in typed.GroupBy(partner => partner.Database != null && !DatabaseGiven ? partner.Database : null))
                {
                    if (ReadStoreFor(group.Key, group.First()) is IPartnerDatabase store)
                    {
                        read(store, group.ToArray(), null);
                    }
                }

                return;
            }

            foreach (var (partner, item) in PipedPartners(piped))
            {
                if (ReadStoreFor(partner.Database, item) is IPartnerDatabase store)
                {
                    read(store, (typed ?? Array.Empty<PartnerReference>()).Append(partner).ToArray(), item);
                }
            }
        }

        /// <summary>
        /// Whether work on an object from <paramref name="origin"/> happens in the object's own database (not one that
        /// -Database or the defaults chose). Such a database is never created (the object came from it, so a missing file
        /// was moved or removed since), and one that cannot be opened fails that object alone: the next object, perhaps
        /// of another database, is still worked on.
        /// </summary>
        protected bool InOwnDatabase(string? origin) => origin != null && !DatabaseGiven;

        /// <summary>
        /// The store for reads on the database of an object from <paramref name="origin"/> (null: this command's); null,
        /// after one non-terminating error targeted at <paramref name="target"/>, when it is the object's own database
        /// and cannot be opened.
        /// </summary>
        internal IPartnerDatabase? ReadStoreFor(string? origin, object? target) =>
            InOwnDatabase(origin) ? PerObject(DatabasePathFor(origin), target, path => ReadStoreAt(path, terminating: false)) : ReadStoreAt(DatabasePathFor(origin));

        /// <summary>
        /// The pipelined writes on the database of an object from <paramref name="origin"/> (null: this command's, created
        /// when missing and <paramref name="create"/>); null, after one non-terminating error targeted at
        /// <paramref name="target"/>, when it is the object's own database and cannot be opened.
        /// </summary>
        internal PipelinedWrites? WritesFor(string? origin, bool create, object? target) =>
            InOwnDatabase(origin) ? PerObject(DatabasePathFor(origin), target, path => WritesAt(path, create: false, terminating: false)) : WritesAt(DatabasePathFor(origin), create);

        // The object's own database, opened once; a failure to open it is remembered and reported for each of its objects.
        private T? PerObject<T>(string path, object? target, Func<string, T> open)
            where T : class
        {
            if (_unusable.TryGetValue(path, out var failure))
            {
                WriteFailure(failure, target);
                return null;
            }

            try
            {
                return open(path);
            }
            catch (PartnerOpsException ex)
            {
                _unusable[path] = ex;
                WriteFailure(ex, target);
                return null;
            }
        }

        // Whether rows are still to be checked for a Database column: after a warning, or after a first row without one (the
        // rows of one file share their columns), no more; the lookup costs on every row of a bulk pipeline.
        private bool _checkRowDatabase = true;

        /// <summary>
        /// Rows exported with their Database column are data, written where this command writes, not where they came
        /// from: says so once when that is another database (not when -Database was given), so that nothing is written
        /// somewhere the user did not expect.
        /// </summary>
        internal void WarnOfRowDatabase(PSObject? row, string path)
        {
            if (!_checkRowDatabase)
            {
                return;
            }

            if (DatabaseGiven || row == null || row.Properties["Database"] == null)
            {
                _checkRowDatabase = false;
                return;
            }

            if (!(PipedObject.RowDatabase(row) is string origin) || string.Equals(origin, path, StringComparison.Ordinal))
            {
                return;
            }

            _checkRowDatabase = false;
            WriteWarning($"The piped rows have a Database column ('{origin}'); rows are data, so they are added to '{path}', this command's database. Give -Database to choose another.");
        }

        /// <summary>" in '&lt;path&gt;'" when <paramref name="store"/> is not this command's own database, for -WhatIf and -Confirm texts.</summary>
        internal string WhereUnlessDefault(IPartnerDatabase store) =>
            string.Equals(store.Path, DatabasePathFor(null), StringComparison.Ordinal) ? string.Empty : $" in '{store.Path}'";

        /// <summary>
        /// The currency a record or target given without one gets in the database at <paramref name="path"/>: its reporting
        /// currency, or USD (<see cref="PartnerDatabases.DefaultCurrency"/>) for a database this write would create. For
        /// ShouldProcess texts, which name money with its currency; read once per command and database.
        /// </summary>
        internal string ReportingCurrencyAt(string path)
        {
            if (!_currencies.TryGetValue(path, out var currency))
            {
                // The write's own store (opened without creating anything, as the write would open it next): a second
                // connection just for this would keep the file's -wal and -shm about longer than the write does.
                try
                {
                    currency = _writes.TryGetValue(path, out var writes) ? writes.Store.Currency
                        : System.IO.File.Exists(path) && new System.IO.FileInfo(path).Length > 0 ? WritesAt(path, create: false, terminating: false).Store.Currency
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
        protected IPartnerDatabase ReadStoreAt(string path, bool terminating = true)
        {
            if (!_readers.TryGetValue(path, out var store))
            {
                _readers[path] = store = OpenStoreAt(path, create: false, terminating);
            }

            return store;
        }

        /// <summary>The pipelined writes of this command on the database at <paramref name="path"/>, begun on its first item.</summary>
        internal PipelinedWrites WritesAt(string path, bool create, bool terminating = true)
        {
            if (!_writes.TryGetValue(path, out var writes))
            {
                _writes[path] = writes = new PipelinedWrites(OpenStoreAt(path, create, terminating));
            }

            return writes;
        }

        /// <summary>Ends what the command keeps open: batches are committed (they hold only whole items), stores closed.</summary>
        public virtual void Dispose()
        {
            foreach (var writes in _writes.Values)
            {
                writes.Dispose();
                if ((_stopRequested || Stopping) && writes.Written > 0)
                {
                    WarnStopped(writes);
                }
            }

            _writes.Clear();
            foreach (var store in _readers.Values)
            {
                store.Dispose();
            }

            _readers.Clear();
        }

        /// <summary>A database path as PowerShell users mean it (see <see cref="CmdletExtensions.ResolveDatabaseFile"/>).</summary>
        protected string ResolveFileSystemPath(string path) => this.ResolveDatabaseFile(path);

        /// <summary>Opens the database, creating it when <paramref name="create"/> is set; failures are terminating.</summary>
        protected IPartnerDatabase OpenStore(bool create, bool ignoreSessionDefault = false) => OpenStoreAt(ResolveDatabasePath(ignoreSessionDefault), create);

        /// <summary>
        /// Opens the database at a full path, creating it when <paramref name="create"/> is set; failures are terminating
        /// unless <paramref name="terminating"/> is false (then the PartnerOpsException is thrown for the caller to report).
        /// </summary>
        protected IPartnerDatabase OpenStoreAt(string path, bool create, bool terminating = true)
        {
            WriteVerbose($"Using database '{path}'.");
            try
            {
                // A write to a path with no database creates one; a mistyped -Database would otherwise go unnoticed.
                var creating = create && !System.IO.File.Exists(path);
                var store = create ? PartnerDatabases.OpenOrCreate(path) : PartnerDatabases.OpenExisting(path);
                if (creating)
                {
                    WriteWarning(
                        $"There was no database at '{path}', so a new, empty PartnerOps database was created there (reporting currency {store.Currency}). " +
                        "If you meant an existing database, check the path (Remove-Item it if it was a mistake). To create databases only on purpose, " +
                        "use New-PartnerDatabase, and refuse a missing file before writing: if (-not (Test-Path -LiteralPath $db -PathType Leaf)) { throw \"No database at $db\" }.");
                }
                if (DebugEnabled)
                {
                    store.TraceSql(_sqlTrace.Enqueue);
                }

                SeeOtherWrites(store);
                lock (_stores)
                {
                    _stores.Add(store);
                }

                WarnOfOtherNames(store);
                return store;
            }
            catch (PartnerOpsException ex) when (terminating)
            {
                ThrowFailure(ex, path);
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

            WriteWarning(
                $"The database file '{store.Path}' has {store.Links} names (hard links). This session opens it by one name ('{store.Key}'), " +
                "but another process that opens it by another name would keep a separate log (-wal file), which can corrupt the database. " +
                "Use one name for it everywhere, or remove the other links.");
        }

        /// <summary>-Skip as a row count (for cmdlets with SupportsPaging).</summary>
        protected long PagingSkip => (long)Math.Min(PagingParameters.Skip, long.MaxValue);

        /// <summary>-First as a row limit, null when not given (for cmdlets with SupportsPaging).</summary>
        protected long? PagingFirst => PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(PagingParameters.First, long.MaxValue);

        /// <summary>Writes the SQL statements that other threads ran since the last call (-Debug).</summary>
        protected void FlushSqlTrace()
        {
            while (_sqlTrace.TryDequeue(out var sql))
            {
                WriteDebug("SQL: " + sql);
            }
        }

        /// <summary>Says every second how far a long pipelined write has come (Write-Progress, no percentage: the total is unknown).</summary>
        internal void ReportProgress(PipelinedWrites writes, string noun)
        {
            if (!_sinceProgress.IsRunning)
            {
                _sinceProgress.Start();
            }
            else if (_sinceProgress.ElapsedMilliseconds >= 1000)
            {
                _sinceProgress.Restart();
                _progressShown = true;
                WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, $"{writes.Written:N0} {noun} so far"));
            }
        }

        private const int ProgressId = 0x504F;

        /// <summary>
        /// Whether debug output would be shown: -Debug, or $DebugPreference as the caller's scope sees it. A binary
        /// cmdlet's own variable lookup would not see a local $DebugPreference, so the command runtime is asked.
        /// </summary>
        private bool DebugEnabled
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter d)
                {
                    return d.IsPresent;
                }

                object? preference;
                try
                {
                    preference = CommandRuntime.GetType()
                        .GetProperty("DebugPreference", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?
                        .GetValue(CommandRuntime);
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException)
                {
                    preference = null;
                }

                preference ??= GetVariableValue("DebugPreference");
                return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
            }
        }

        /// <summary>Writes an object to the pipeline, after the SQL that produced it (-Debug).</summary>
        protected new void WriteObject(object? sendToPipeline)
        {
            FlushSqlTrace();
            base.WriteObject(sendToPipeline);
        }

        /// <summary>
        /// Writes rows as they stream from the database, after their total when -IncludeTotalCount asks for it (a cmdlet
        /// with paging passes <paramref name="count"/>). A database failure while they are read stops the command with
        /// its error id.
        /// </summary>
        internal void WriteRows<T>(IEnumerable<T> rows, Func<long>? count = null)
        {
            try
            {
                if (count != null && PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)count(), 1.0));
                }

                foreach (var row in rows)
                {
                    WriteObject(row);
                }
            }
            catch (PartnerOpsException ex)
            {
                ThrowFailure(ex, ex.Target);
            }
        }

        /// <summary>Writes an error, after the SQL that led to it (-Debug).</summary>
        protected new void WriteError(ErrorRecord errorRecord)
        {
            FlushSqlTrace();
            base.WriteError(errorRecord);
        }

        /// <summary>
        /// Ctrl+C: interrupts the SQL statement running on this command's connections, so a long query or write
        /// stops at once; the statement's changes are undone and the pipeline's Dispose keeps only whole items.
        /// </summary>
        protected override void StopProcessing()
        {
            _stopRequested = true;
            lock (_stores)
            {
                foreach (var store in _stores)
                {
                    store.Interrupt();
                }
            }
        }

        // Ctrl+C came: Dispose says what the pipelined writes kept.
        private volatile bool _stopRequested;

        // A stopped pipelined write (Import-Csv | Add-Partner, Get-Partner | Set-Partner) says what it kept: the items written
        // before the stop, each whole (a stop keeps what was reported, see WriteItem). The stopping pipeline may refuse the
        // warning stream; the host then shows it.
        private void WarnStopped(PipelinedWrites writes)
        {
            var message = string.Format(
                System.Globalization.CultureInfo.CurrentCulture,
                "{0} was stopped: the {1:N0} item(s) it wrote to '{2}' before the stop are kept, each whole; the items after them were not written.",
                MyInvocation.MyCommand.Name,
                writes.Written,
                writes.Store.Path);
            WarnWhileStopping(message);
        }

        /// <summary>
        /// A warning written while the pipeline stops (Ctrl+C): to the warning stream while it still takes one, else to the
        /// host, else, for a host without a user interface, to standard error, so that what was kept is always said.
        /// </summary>
        protected void WarnWhileStopping(string message)
        {
            try
            {
                WriteWarning(message);
                return;
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException)
            {
            }

            try
            {
                if (Host?.UI != null)
                {
                    Host.UI.WriteWarningLine(message);
                    return;
                }
            }
            catch (Exception hostFailure) when (hostFailure is NotSupportedException || hostFailure is InvalidOperationException || hostFailure is NotImplementedException)
            {
                // A host that leaves WriteWarningLine out (PSHostUserInterface members a custom host need not provide).
            }

            Console.Error.WriteLine("WARNING: " + message);
        }

        /// <summary>Commits the last batch of each database's pipelined writes and says in -Verbose what was written.</summary>
        internal void CompleteWrites(string verb, string noun = "partner(s)")
        {
            FlushSqlTrace();
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }

            foreach (var writes in _writes.Values)
            {
                try
                {
                    writes.Batch.Complete();
                }
                catch (PartnerOpsException ex)
                {
                    ThrowFailure(ex, ex.Target);
                }

                var where = _writes.Count > 1 ? $" in '{writes.Store.Path}'" : string.Empty;
                WriteVerbose($"{verb} {writes.Written} {noun}{where} in {writes.Batch.Elapsed.TotalMilliseconds:0} ms.");
            }
        }

        /// <summary>A per-item problem: one non-terminating error targeted at the item, then the next item.</summary>
        protected void WriteFailure(Exception ex, object? target)
        {
            WriteError(ToErrorRecord(ex, target));
        }

        /// <summary>A problem after which the command cannot go on.</summary>
        protected void ThrowFailure(Exception ex, object? target)
        {
            ThrowTerminatingError(ToErrorRecord(ex, target));
        }

        /// <summary>
        /// Runs one item's writes in the pipeline's batch, as a per-item action, and then (outside the item's own work, so
        /// that a PartnerOps command downstream can write) passes its result on when <paramref name="emit"/>. An item
        /// passed on is written, and one that is not passed on (the pipeline stopped first, or the next command failed
        /// on it) is undone: what a command reports as written is exactly what stays written.
        /// </summary>
        internal void WriteItem(PipelinedWrites writes, object? target, Func<object?> work, bool emit = false) =>
            WriteItem(writes, target, new WriteOperation(work), emit);

        /// <summary>As <see cref="WriteItem(PipelinedWrites, object?, Func{object?}, bool)"/>, for a write operation of a repository, which says whether it needs a savepoint.</summary>
        internal void WriteItem(PipelinedWrites writes, object? target, WriteOperation operation, bool emit = false)
        {
            // Progress first: a stop noticed here leaves this item unwritten.
            FlushSqlTrace();
            ReportProgress(writes, "written");
            object? result = null;
            var done = false;
            var pending = emit;
            PerItem(target, () =>
            {
                result = writes.Batch.Run(operation, pending);
                writes.Written++;
                done = true;
            });
            if (!done || !pending)
            {
                return;
            }

            if (result == null)
            {
                writes.Batch.Keep();
                return;
            }

            var takenBefore = PowerShellInternals.TakenByNextCommand(MyInvocation);
            try
            {
                WriteObject(result);
            }
            catch (PipelineStoppedException ex) when (!PowerShellInternals.NextCommandTookIt(ex, MyInvocation, takenBefore))
            {
                writes.Batch.Undo();
                writes.Written--;
                throw;
            }
            catch
            {
                writes.Batch.Keep(); // the next command took the item, and then failed or ended the pipeline
                throw;
            }

            writes.Batch.Keep();
        }

        /// <summary>
        /// ShouldProcess for a pipelined write. When it may ask the user, the open batches are committed first, so that
        /// no write lock is held while a prompt waits for an answer.
        /// </summary>
        internal bool ShouldWrite(string target, string action, ConfirmImpact impact = ConfirmImpact.Medium)
        {
            if (_writes.Count > 0 && MayPrompt(impact))
            {
                foreach (var writes in _writes.Values)
                {
                    try
                    {
                        writes.Batch.Complete();
                    }
                    catch (PartnerOpsException ex)
                    {
                        ThrowFailure(ex, ex.Target);
                    }
                }
            }

            return ShouldProcess(target, action);
        }

        /// <summary>Makes what other PartnerOps commands in this pipeline wrote to this database visible to this one (see IWriteBatch).</summary>
        internal static void SeeOtherWrites(IPartnerDatabase store, IWriteBatch? own = null) => store.SeeOtherWrites(own);

        private bool MayPrompt(ConfirmImpact impact)
        {
            var bound = MyInvocation.BoundParameters;
            if (bound.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter w && w.IsPresent)
            {
                return false;
            }

            if (bound.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter c)
            {
                return c.IsPresent;
            }

            var preference = SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact p ? p : ConfirmImpact.High;
            return preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>
        /// Runs a per-item action: known failures become one error for that item; database-wide ones stop the command,
        /// and so does an SQLite failure without a name of its own (DatabaseError), which may have undone the whole batch.
        /// </summary>
        protected void PerItem(object? target, Action action)
        {
            try
            {
                action();
            }
            catch (PartnerOpsException ex) when (ex.Kind == FailureKind.Busy || ex.Kind == FailureKind.ReadOnly || ex.Kind == FailureKind.Full
                || ex.ErrorId == ErrorIds.DatabaseInvalid || ex.ErrorId == ErrorIds.DatabaseError || ex.ErrorId == ErrorIds.DatabaseReplaced)
            {
                ThrowFailure(ex, target);
            }
            catch (PartnerOpsException ex)
            {
                WriteFailure(ex, target ?? ex.Target);
            }
        }

        internal static ErrorRecord ToErrorRecord(Exception ex, object? target)
        {
            if (ex is PartnerOpsException failure)
            {
                return new ErrorRecord(ex, failure.ErrorId, CategoryOf(failure.Kind), target ?? failure.Target);
            }

            return new ErrorRecord(ex, ex.GetType().Name, ErrorCategory.NotSpecified, target);
        }

        private static ErrorCategory CategoryOf(FailureKind kind) => kind switch
        {
            FailureKind.NotFound => ErrorCategory.ObjectNotFound,
            FailureKind.AlreadyExists => ErrorCategory.ResourceExists,
            FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
            FailureKind.InvalidData => ErrorCategory.InvalidData,
            FailureKind.Busy => ErrorCategory.ResourceBusy,
            FailureKind.ReadOnly => ErrorCategory.PermissionDenied,
            FailureKind.Full => ErrorCategory.WriteError,
            _ => ErrorCategory.InvalidOperation,
        };
    }
}
