using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Threading;
using PartnerOps.Import;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>What Import-Partner and Import-PartnerRevenue share: the file parameters, the job and its report.</summary>
    public abstract class ImportCommand : PartnerOpsCmdlet
    {
        protected const string ByPath = nameof(ByPath);
        protected const string ByLiteralPath = nameof(ByLiteralPath);

        /// <summary>-ErrorLimit's default.</summary>
        public const int DefaultErrorLimit = 100;

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private ErrorBudget? _errorBudget;
        private IPartnerDatabase? _store;

        // One failed-row file for every file of the command, so each file's rejected rows are kept (with a File column).
        private FailedRowWriter? _failedRows;

        #region Parameters

        /// <summary>The file(s) to import; wildcards allowed.</summary>
        [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The file(s) to import, taken literally (Get-ChildItem output binds here).</summary>
        [Parameter(ParameterSetName = ByLiteralPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>On a name already stored: Insert (the row fails), Upsert (the partner is updated) or Skip (left as it is).</summary>
        [Parameter]
        public ImportMode Mode { get; set; } = ImportMode.Insert;

        /// <summary>One transaction for the file: when any row fails, nothing is written.</summary>
        [Parameter]
        public SwitchParameter Atomic { get; set; }

        /// <summary>A CSV file for the rejected rows, as read, with Line and Reason columns; fix it and import it again.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string? FailedRowPath { get; set; }

        [Parameter]
        public char Delimiter { get; set; } = ',';

        /// <summary>
        /// The most failed rows the command writes as errors (ImportRowInvalid), over all its files; default 100. The rows
        /// failing beyond it are counted (the ImportResult's Failed) and written to -FailedRowPath, and one warning per file
        /// says how many more failed. 0 writes none.
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int ErrorLimit { get; set; } = DefaultErrorLimit;

        /// <summary>Default: UTF-8, with or without a byte-order mark.</summary>
        [Parameter]
        [EncodingTransformation]
        [ArgumentCompleter(typeof(EncodingCompleter))]
        public Encoding? Encoding { get; set; }

        /// <summary>
        /// Reads dates and numbers that are not in ISO or invariant form in this culture's forms, its reading of a number
        /// winning over the invariant one. Default: the session's culture, as Export-Csv writes and as the pipeline reads
        /// (see <see cref="ValueText"/>).
        /// </summary>
        [Parameter]
        public CultureInfo? Culture { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            // Every path first: -FailedRowPath among the files to import (dir/*.csv matching dir/rejected.csv) is
            // refused before any of them is imported, not when its turn comes.
            var paths = new List<string>(ResolvePaths());
            var failedRowPath = FailedRowPath == null ? null : RequireFailedRowPath(paths);
            foreach (var path in paths)
            {
                if (ShouldProcess(path, $"Import {What} (mode {Mode}{(Atomic ? ", atomic" : string.Empty)})"))
                {
                    Import(path, failedRowPath);
                }
            }
        }

        protected override void StopProcessing() => _stop.Cancel();

        protected override void EndProcessing()
        {
            try
            {
                // The rejected rows replace the failed-row file's content now (they were written beside it).
                _failedRows?.Complete();
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(
                        ErrorIds.FailedRowPathInvalid,
                        ex is UnauthorizedAccessException ? FailureKind.ReadOnly : FailureKind.Full,
                        $"The rejected rows could not be written to the failed-row file '{_failedRows!.Path}': {ex.Message.TrimEnd('.')}. They are in '{_failedRows.WritingPath}'; the rows imported are kept.",
                        _failedRows.Path,
                        ex),
                    FailedRowPath);
            }
            finally
            {
                Dispose();
            }
        }

        public override void Dispose()
        {
            _failedRows?.Dispose();
            _failedRows = null;
            _store?.Dispose();
            _store = null;
            base.Dispose();
        }

        private void Import(string path, string? failedRowPath)
        {
            var options = new ImportOptions
            {
                Mode = Mode,
                Atomic = Atomic,
                FailedRowPath = failedRowPath,
                Delimiter = Delimiter,
                DelimiterGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Delimiter)),
                Encoding = Encoding,
                Culture = Culture,
            };
            ImportJob? job = null;
            try
            {
                job = Open(path, options);
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, path);
            }

            using (job)
            {
                // The failed-row file before the database: a path that cannot be written is refused before a database is created.
                if (options.FailedRowPath != null && _failedRows == null)
                {
                    try
                    {
                        _failedRows = new FailedRowWriter(options.FailedRowPath);
                    }
                    catch (PartnerOpsException ex)
                    {
                        Failures.ThrowFailure(ex, FailedRowPath);
                    }
                }

                _store ??= Stores.OpenStore(create: true);

                _errorBudget ??= new ErrorBudget(ErrorLimit);
                var listener = new CmdletImportListener(this, path, What, _errorBudget);
                ImportResult? result = null;
                try
                {
                    result = job!.Run(_store, listener, _stop.Token, _failedRows);
                }
                catch (ImportStoppedException stopped)
                {
                    ReportStop(stopped);
                    throw new PipelineStoppedException();
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, path);
                }
                finally
                {
                    listener.Complete();
                }

                var seconds = Math.Max(result!.Duration.TotalSeconds, 0.001);
                WriteVerbose(string.Format(
                    CultureInfo.CurrentCulture,
                    "Read {0:N0} row(s) from '{1}' in {2:N1} s ({3:N0} rows/s): {4:N0} inserted, {5:N0} updated, {6:N0} skipped, {7:N0} failed, {8:N0} blank.",
                    result.Read, path, result.Duration.TotalSeconds, result.Read / seconds, result.Inserted, result.Updated, result.Skipped, result.Failed, result.Blank));
                WarnOfHeldErrors(listener, result, options.FailedRowPath);
                if (result.RolledBack)
                {
                    WriteWarning($"Nothing was imported from '{path}': {result.Failed} row(s) failed, and -Atomic undoes the whole file. Fix the rows reported and import the file again.");
                }

                WriteObject(result);
            }
        }

        /// <summary>
        /// Says what a stopped import (Ctrl+C) kept: a warning with the rows committed and how to carry on, and the
        /// ImportResult (Stopped set). The pipeline is stopping, so its streams may refuse them: the warning then goes to
        /// the host (the console) directly, and the result is not written.
        /// </summary>
        private void ReportStop(ImportStoppedException stopped)
        {
            var result = stopped.Result;
            var kept = result.Inserted + result.Updated;
            var command = MyInvocation.MyCommand.Name;
            string message;
            if (Atomic)
            {
                message = result.RolledBack
                    ? $"{command} was stopped: nothing from '{result.Path}' was kept (-Atomic undoes the whole file). Run the import again to import it."
                    : $"{command} was stopped after the whole of '{result.Path}' was committed: {kept:N0} row(s) are kept.";
            }
            else if (kept + result.Skipped == 0)
            {
                message = $"{command} was stopped before any row of '{result.Path}' was committed: nothing from it was kept. Run the import again to import it.";
            }
            else
            {
                message = string.Format(
                    CultureInfo.CurrentCulture,
                    "{0} was stopped: {1:N0} row(s) of '{2}' up to line {3:N0} were committed and are kept ({4:N0} inserted, {5:N0} updated, {6:N0} skipped); " +
                    "the rows after them were not imported. To carry on, run the same import again with -Mode Skip: {7}",
                    command,
                    kept,
                    result.Path,
                    stopped.CommittedLine,
                    result.Inserted,
                    result.Updated,
                    result.Skipped,
                    ResumeNote);
            }

            StopWarnings.WarnWhileStopping(this, message);
            try
            {
                WriteObject(result);
            }
            catch (PipelineStoppedException)
            {
                // The pipeline no longer takes output; the warning has said what was kept.
            }
        }

        // The rows that failed beyond -ErrorLimit: how many, and where to see them all.
        private void WarnOfHeldErrors(CmdletImportListener listener, ImportResult result, string? failedRowPath)
        {
            if (listener.Held == 0)
            {
                return;
            }

            var limit = _errorBudget!.Limit;
            var message = string.Format(
                CultureInfo.CurrentCulture,
                "{0:N0} more row(s) of '{1}' failed and were not written as errors ({2:N0} failed in all, the ImportResult's Failed; -ErrorLimit {3} writes at most {3} per command). ",
                listener.Held,
                result.Path,
                result.Failed,
                limit);
            message += failedRowPath != null
                ? $"Every failed row is in '{failedRowPath}', with its Line and Reason."
                : "To see them all, give -FailedRowPath <file> (each failed row as read, with its Line and Reason), or a larger -ErrorLimit.";
            if (listener.HeldForUnknownPartner > 0)
            {
                message += string.Format(
                    CultureInfo.CurrentCulture,
                    " {0:N0} of them name a partner that is not in the database: import the partners first (Import-Partner), or leave PartnerName empty for direct revenue.",
                    listener.HeldForUnknownPartner);
            }

            WriteWarning(message);
        }

        /// <summary>How a re-run with -Mode Skip treats the rows already imported (the end of the stop warning).</summary>
        protected abstract string ResumeNote { get; }

        /// <summary>What is imported, for messages: "partners", "revenue".</summary>
        protected abstract string What { get; }

        /// <summary>Opens the file for this entity's import (its columns are checked; nothing is written).</summary>
        protected abstract ImportJob Open(string path, ImportOptions options);

        // -FailedRowPath as a full path (relative to $PWD), checked before any database is opened or created and any row read:
        // not a URI or another provider's path, not a folder, not one of the files to import and not one of the database's
        // own files (also through a symbolic or hard link: writing the rejected rows there would destroy it). Whether it can be
        // written is known when the writer is made, before the database is opened (Import).
        private string RequireFailedRowPath(IReadOnlyList<string> paths)
        {
            var failedRowPath = System.IO.Path.GetFullPath(FilePaths.Resolve(this, FailedRowPath!, "-FailedRowPath ", ErrorIds.FailedRowPathInvalid));
            foreach (var path in paths)
            {
                if (PartnerDatabases.IsSameFile(failedRowPath, path))
                {
                    // Piped after files already imported, it is still whole: their rejected rows went to a file beside it.
                    var kept = _failedRows?.Abandon();
                    var outcome = kept == null
                        ? "Nothing was imported."
                        : $"It was left as it was and not imported; the files piped before it were imported, and their rejected rows are in '{kept}'.";
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"-FailedRowPath '{FailedRowPath}' is one of the files being imported ('{path}'); give another file for the rejected rows. {outcome}"),
                        "FailedRowPathIsImportFile",
                        ErrorCategory.InvalidArgument,
                        FailedRowPath));
                }
            }

            var database = Choice.DatabasePathFor(null); // resolved once per command (kept), not once per piped file
            if (PartnerDatabases.IsDatabaseFile(database, failedRowPath))
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(
                        ErrorIds.FailedRowPathInvalid,
                        FailureKind.InvalidArgument,
                        $"-FailedRowPath '{FailedRowPath}' is a file of the database '{database}' (the database itself, or its -wal, -shm or -journal file): writing the rejected rows there would destroy it. Give another file. Nothing was imported.",
                        FailedRowPath),
                    FailedRowPath);
            }

            return failedRowPath;
        }

        private IEnumerable<string> ResolvePaths()
        {
            if (ParameterSetName == ByLiteralPath)
            {
                foreach (var literal in LiteralPath)
                {
                    yield return FilePaths.Resolve(this, literal, "-LiteralPath ", ErrorIds.ImportFileNotFound);
                }

                yield break;
            }

            foreach (var pattern in Path)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(pattern))
                {
                    // Without wildcards, escaped ones (partners`[1`].csv) name the file as it is spelled (partners[1].csv).
                    yield return FilePaths.Resolve(this, WildcardPattern.Unescape(pattern), "-Path ", ErrorIds.ImportFileNotFound);
                    continue;
                }

                var resolved = FilePaths.ResolveWildcard(this, pattern, "-Path ", ErrorIds.ImportFileNotFound);
                if (resolved.Count == 0)
                {
                    Failures.ThrowFailure(
                        new PartnerOpsException(
                            ErrorIds.ImportFileNotFound,
                            FailureKind.NotFound,
                            $"No file to import matches '{pattern}'." + (pattern.IndexOf('[') >= 0 ? " In -Path, [ and ] are wildcard characters: give a name that holds them with -LiteralPath, or escape them with a backtick (`[)." : string.Empty),
                            pattern),
                        pattern);
                }

                foreach (var file in resolved)
                {
                    yield return file;
                }
            }
        }
    }
}
