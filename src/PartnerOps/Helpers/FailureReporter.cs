using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Turns failures into ErrorRecords with their error ids (<see cref="ErrorIds"/>) and precise categories: one
    /// non-terminating error per item that failed, a terminating one when the command cannot go on.
    /// </summary>
    internal sealed class FailureReporter
    {
        private readonly PartnerOpsCmdlet _cmdlet;

        public FailureReporter(PartnerOpsCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>A per-item problem: one non-terminating error targeted at the item, then the next item.</summary>
        public void WriteFailure(Exception ex, object? target)
        {
            _cmdlet.WriteError(ToErrorRecord(ex, target));
        }

        /// <summary>A problem after which the command cannot go on.</summary>
        public void ThrowFailure(Exception ex, object? target)
        {
            _cmdlet.ThrowTerminatingError(ToErrorRecord(ex, target));
        }

        /// <summary>
        /// Runs a per-item action: known failures become one error for that item; database-wide ones stop the command,
        /// and so does an SQLite failure without a name of its own (DatabaseError), which may have undone the whole batch.
        /// </summary>
        public void PerItem(object? target, Action action)
        {
            try
            {
                action();
            }
            catch (PartnerOpsException ex) when (StopsCommand(ex))
            {
                ThrowFailure(ex, target);
            }
            catch (PartnerOpsException ex)
            {
                WriteFailure(ex, target ?? ex.Target);
            }
        }

        /// <summary>
        /// Whether a failure of one item stops the command (<see cref="PerItem"/> makes it terminating): a database-wide one
        /// (busy, read-only, full, a server unreachable or refusing the credentials, not a valid database, replaced, an SQLite failure without a name of its own), or an
        /// exception that is not a PartnerOpsException.
        /// </summary>
        public static bool StopsCommand(Exception ex) =>
            !(ex is PartnerOpsException failure)
            || failure.Kind == FailureKind.Busy || failure.Kind == FailureKind.ReadOnly || failure.Kind == FailureKind.Full
            || failure.Kind == FailureKind.Unavailable || failure.Kind == FailureKind.Authentication
            || failure.ErrorId == ErrorIds.DatabaseInvalid || failure.ErrorId == ErrorIds.DatabaseError || failure.ErrorId == ErrorIds.DatabaseReplaced;

        /// <summary>
        /// The ErrorRecord of a failure: a PartnerOpsException with its error id, the category of its kind and its target
        /// (<paramref name="target"/> first); any other exception with its type's name and NotSpecified.
        /// </summary>
        public static ErrorRecord ToErrorRecord(Exception ex, object? target)
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
            FailureKind.Unavailable => ErrorCategory.ConnectionError,
            FailureKind.Authentication => ErrorCategory.AuthenticationError,
            _ => ErrorCategory.InvalidOperation,
        };
    }
}
