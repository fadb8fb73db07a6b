using System;

namespace PartnerOps.Data
{
    /// <summary>What became of one item a <see cref="IWriteQueue"/> wrote: the record written, or the failure that undid it.</summary>
    public sealed class WriteOutcome
    {
        /// <summary>An item's outcome: <paramref name="failure"/> null when it was written.</summary>
        public WriteOutcome(object? target, object? result, Exception? failure)
        {
            Target = target;
            Result = result;
            Failure = failure;
        }

        /// <summary>The object the item came from (a piped row, a name): the target of its error.</summary>
        public object? Target { get; }

        /// <summary>What the item's write returned (the record as stored), or null.</summary>
        public object? Result { get; }

        /// <summary>Null when the item was written; otherwise what it threw, after its changes were undone.</summary>
        public Exception? Failure { get; }
    }
}
