using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.ExceptionServices;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The batching protocol of a pipelined write (Import-Csv | Add-Partner, Get-Partner | Set-Partner): each item is
    /// written in its database's batch as a per-item action, passed on only once written, and undone when nothing took
    /// it; batches are committed before a prompt and at the end; a stopped write says what it kept.
    /// </summary>
    internal sealed class PipelineWriter
    {
        private readonly PartnerOpsCmdlet _cmdlet;
        private readonly OpenStores _stores;
        private readonly SqlTraceQueue _sqlTrace;
        private readonly FailureReporter _failures;
        private readonly ProgressReporter _progress;

        // Ctrl+C came: Dispose says what the pipelined writes kept.
        private volatile bool _stopRequested;

        // Whether this command's items may be written in the background (QueueItem); decided on its first item.
        private bool? _inBackground;

        public PipelineWriter(PartnerOpsCmdlet cmdlet, OpenStores stores, SqlTraceQueue sqlTrace, FailureReporter failures)
        {
            _cmdlet = cmdlet;
            _stores = stores;
            _sqlTrace = sqlTrace;
            _failures = failures;
            _progress = new ProgressReporter(cmdlet);
        }

        /// <summary>Makes what other PartnerOps commands in this pipeline wrote to this database visible to this one (see IWriteBatch).</summary>
        public static void SeeOtherWrites(IPartnerDatabase store, IWriteBatch? own = null) => store.SeeOtherWrites(own);

        /// <summary>
        /// Runs one item's writes in the pipeline's batch, as a per-item action, and then (outside the item's own work, so
        /// that a PartnerOps command downstream can write) passes its result on when <paramref name="emit"/>. An item
        /// passed on is written, and one that is not passed on (the pipeline stopped first, or the next command failed
        /// on it) is undone: what a command reports as written is exactly what stays written.
        /// </summary>
        public void WriteItem(PipelinedWrites writes, object? target, Func<object?> work, bool emit = false) =>
            WriteItem(writes, target, new WriteOperation(work), emit);

        /// <summary>
        /// Writes an item on the database's writer thread (Import-Csv | Add-Partner), so that this thread binds the next
        /// rows meanwhile; its error, if any, is written for it (targeted at <paramref name="target"/>) at a later item or
        /// at the end of the command (<see cref="CompleteWrites"/>), in input order. An item that must be decided before
        /// the command goes on is written here and now, as <see cref="WriteItem(PipelinedWrites, object?, WriteOperation, bool)"/>
        /// does: one passed on (<paramref name="emit"/>, -PassThru: exactly what was passed on is kept), one of a command
        /// that may prompt (-Confirm), and one whose error would stop the command (-ErrorAction Stop or Inquire).
        /// </summary>
        public void QueueItem(PipelinedWrites writes, object? target, WriteOperation operation, bool emit = false)
        {
            if (emit || !(_inBackground ??= !MayPrompt(ConfirmImpact.Medium) && !ErrorsStop()))
            {
                WriteItem(writes, target, operation, emit);
                return;
            }

            _sqlTrace.Flush();
            _progress.Report(writes, "written");
            writes.Queued(FailureReporter.StopsCommand, () => _stopRequested || _cmdlet.Stopping).Post(operation, target);
            TakeFinished(writes);
        }

        // Writes the errors of the items the writer thread finished, in input order, and counts the others.
        private void TakeFinished(PipelinedWrites writes)
        {
            if (writes.Queue == null)
            {
                return;
            }

            foreach (var outcome in writes.Queue.TakeFinished())
            {
                if (outcome.Failure is Exception failure)
                {
                    _failures.PerItem(outcome.Target, () => ExceptionDispatchInfo.Capture(failure).Throw());
                }
                else
                {
                    writes.Written++;
                }
            }
        }

        // Writes and commits what the writer thread was given, then reports it.
        private void FlushQueue(PipelinedWrites writes)
        {
            if (writes.Queue == null)
            {
                return;
            }

            PartnerOpsException? failure = null;
            try
            {
                writes.Queue.Flush();
            }
            catch (PartnerOpsException ex)
            {
                failure = ex;
            }

            _sqlTrace.Flush();
            TakeFinished(writes);
            if (failure != null)
            {
                _failures.ThrowFailure(failure, failure.Target);
            }
        }

        // Whether an error written for an item would stop the command: -ErrorAction (or the preference the caller's scope
        // sees) Stop, Inquire or Suspend. The command runtime knows the preference that applies to this command.
        private bool ErrorsStop()
        {
            object? preference = null;
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var given))
            {
                preference = given;
            }
            else
            {
                try
                {
                    preference = _cmdlet.CommandRuntime.GetType()
                        .GetProperty("ErrorAction", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?
                        .GetValue(_cmdlet.CommandRuntime);
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException)
                {
                }

                preference ??= _cmdlet.GetVariableValue("ErrorActionPreference");
            }

            var action = preference is ActionPreference a ? a
                : Enum.TryParse<ActionPreference>(preference?.ToString(), ignoreCase: true, out var parsed) ? parsed
                : ActionPreference.Stop; // unknown: the safe way, on this thread
            return action != ActionPreference.Continue && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        /// <summary>As <see cref="WriteItem(PipelinedWrites, object?, Func{object?}, bool)"/>, for a write operation of a repository, which says whether it needs a savepoint.</summary>
        public void WriteItem(PipelinedWrites writes, object? target, WriteOperation operation, bool emit = false)
        {
            FlushQueue(writes); // never two threads on one connection
            // Progress first: a stop noticed here leaves this item unwritten.
            _sqlTrace.Flush();
            _progress.Report(writes, "written");
            object? result = null;
            var done = false;
            var pending = emit;
            _failures.PerItem(target, () =>
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

            var takenBefore = PowerShellInternals.TakenByNextCommand(_cmdlet.MyInvocation);
            try
            {
                _cmdlet.WriteObject(result);
            }
            catch (PipelineStoppedException ex) when (!PowerShellInternals.NextCommandTookIt(ex, _cmdlet.MyInvocation, takenBefore))
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
        public bool ShouldWrite(string target, string action, ConfirmImpact impact = ConfirmImpact.Medium)
        {
            if (_stores.Writes.Count > 0 && MayPrompt(impact))
            {
                foreach (var writes in _stores.Writes)
                {
                    FlushQueue(writes);
                    try
                    {
                        writes.Batch.Complete();
                    }
                    catch (PartnerOpsException ex)
                    {
                        _failures.ThrowFailure(ex, ex.Target);
                    }
                }
            }

            return _cmdlet.ShouldProcess(target, action);
        }

        private bool MayPrompt(ConfirmImpact impact)
        {
            var bound = _cmdlet.MyInvocation.BoundParameters;
            if (bound.TryGetValue("WhatIf", out var whatIf) && whatIf is SwitchParameter w && w.IsPresent)
            {
                return false;
            }

            if (bound.TryGetValue("Confirm", out var confirm) && confirm is SwitchParameter c)
            {
                return c.IsPresent;
            }

            var preference = _cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact p ? p : ConfirmImpact.High;
            return preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>Commits the last batch of each database's pipelined writes and says in -Verbose what was written.</summary>
        public void CompleteWrites(string verb, string noun = "partner(s)")
        {
            _sqlTrace.Flush();
            _progress.Complete();
            foreach (var writes in _stores.Writes)
            {
                FlushQueue(writes);
                try
                {
                    writes.Batch.Complete();
                }
                catch (PartnerOpsException ex)
                {
                    _failures.ThrowFailure(ex, ex.Target);
                }

                var where = _stores.Writes.Count > 1 ? $" in '{writes.Store.Path}'" : string.Empty;
                _cmdlet.WriteVerbose($"{verb} {writes.Written} {noun}{where} in {writes.Batch.Elapsed.TotalMilliseconds:0} ms.");
            }
        }

        /// <summary>Ctrl+C came (from PowerShell's stopping thread): the end of the command says what was kept.</summary>
        public void StopRequested() => _stopRequested = true;

        /// <summary>
        /// After a pipelined write was closed: a stopped one says what it kept, the items written before the stop, each
        /// whole (a stop keeps what was reported, see <see cref="WriteItem"/>). Items the writer thread refused after the
        /// command could no longer write their errors (the pipeline ended early) are named in a warning, so that none is
        /// dropped unsaid. The stopping pipeline may refuse the warning stream; the host then shows it.
        /// </summary>
        public void Closed(PipelinedWrites writes)
        {
            if ((_stopRequested || _cmdlet.Stopping) && writes.Written > 0)
            {
                var message = string.Format(
                    CultureInfo.CurrentCulture,
                    "{0} was stopped: the {1:N0} item(s) it wrote to '{2}' before the stop are kept, each whole; the items after them were not written.",
                    _cmdlet.MyInvocation.MyCommand.Name,
                    writes.Written,
                    writes.Store.Path);
                StopWarnings.WarnWhileStopping(_cmdlet, message);
            }

            if (writes.RefusedAtClose.Count > 0)
            {
                // The pipeline ended before these items' errors could be written (an error upstream, or a stop): say them here.
                var shown = string.Join(
                    " ",
                    writes.RefusedAtClose.Take(MaxRefusedShown).Select(o => string.Format(CultureInfo.CurrentCulture, "[{0}] {1}", Describe(o.Target), o.Failure!.Message)));
                var more = writes.RefusedAtClose.Count > MaxRefusedShown
                    ? string.Format(CultureInfo.CurrentCulture, " ({0:N0} more not shown.)", writes.RefusedAtClose.Count - MaxRefusedShown)
                    : string.Empty;
                StopWarnings.WarnWhileStopping(
                    _cmdlet,
                    string.Format(
                        CultureInfo.CurrentCulture,
                        "{0} ended early, before it could report these {1:N0} item(s) it did not write to '{2}': {3}{4}",
                        _cmdlet.MyInvocation.MyCommand.Name,
                        writes.RefusedAtClose.Count,
                        writes.Store.Path,
                        shown,
                        more));
            }
        }

        private const int MaxRefusedShown = 10;

        // An item as a warning names it: a piped row's properties (PSObject's own text), or the value itself.
        private static string Describe(object? target) => target is PSObject pso ? pso.ToString() : target?.ToString() ?? "(null)";
    }
}
