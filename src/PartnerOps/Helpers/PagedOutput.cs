using System;
using System.Collections.Generic;

namespace PartnerOps.Commands
{
    /// <summary>Writing rows as they stream from the database, with PowerShell's paging (-First, -Skip, -IncludeTotalCount).</summary>
    internal sealed class PagedOutput
    {
        private readonly PartnerOpsCmdlet _cmdlet;
        private readonly FailureReporter _failures;

        public PagedOutput(PartnerOpsCmdlet cmdlet, FailureReporter failures)
        {
            _cmdlet = cmdlet;
            _failures = failures;
        }

        /// <summary>-Skip as a row count (for cmdlets with SupportsPaging).</summary>
        public long PagingSkip => (long)Math.Min(_cmdlet.PagingParameters.Skip, long.MaxValue);

        /// <summary>-First as a row limit, null when not given (for cmdlets with SupportsPaging).</summary>
        public long? PagingFirst => _cmdlet.PagingParameters.First == ulong.MaxValue ? (long?)null : (long)Math.Min(_cmdlet.PagingParameters.First, long.MaxValue);

        /// <summary>
        /// Writes rows as they stream from the database, after their total when -IncludeTotalCount asks for it (a cmdlet
        /// with paging passes <paramref name="count"/>). A database failure while they are read stops the command with
        /// its error id.
        /// </summary>
        public void WriteRows<T>(IEnumerable<T> rows, Func<long>? count = null)
        {
            try
            {
                if (count != null && _cmdlet.PagingParameters.IncludeTotalCount)
                {
                    _cmdlet.WriteObject(_cmdlet.PagingParameters.NewTotalCount((ulong)count(), 1.0));
                }

                foreach (var row in rows)
                {
                    _cmdlet.WriteObject(row);
                }
            }
            catch (PartnerOpsException ex)
            {
                _failures.ThrowFailure(ex, ex.Target);
            }
        }
    }
}
