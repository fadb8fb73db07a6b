using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// What every data cmdlet shares: the -Database parameter and the hooks PowerShell calls (Ctrl+C, the end of the
    /// command). The work is done by helpers the cmdlet holds, one job each: <see cref="Choice"/> (which database),
    /// <see cref="Stores"/> (the stores kept open), <see cref="Piped"/> (reading piped objects), <see cref="Writer"/>
    /// (the batching protocol of pipelined writes), <see cref="Output"/> (rows and paging), <see cref="Failures"/>
    /// (ErrorRecords with their error ids) and <see cref="SqlTrace"/> (-Debug's SQL).
    /// </summary>
    public abstract class PartnerOpsCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>Builds the helpers; nothing is opened before the first store is asked for.</summary>
        protected PartnerOpsCmdlet()
        {
            Choice = new DatabaseChoice(this);
            SqlTrace = new SqlTraceQueue(this);
            Failures = new FailureReporter(this);
            Stores = new OpenStores(this, Choice, SqlTrace, Failures);
            Piped = new PipedInput(this, Choice, Stores, Failures);
            Writer = new PipelineWriter(this, Stores, SqlTrace, Failures);
            Output = new PagedOutput(this, Failures);
        }

        /// <summary>The database file. Default: Connect-PartnerDatabase's, then $env:PARTNEROPS_DATABASE, then the per-user default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string? Database { get; set; }

        /// <summary>Which database this command and each piped object work on.</summary>
        internal DatabaseChoice Choice { get; }

        /// <summary>-Debug: the SQL the command's connections ran, written before its next output.</summary>
        internal SqlTraceQueue SqlTrace { get; }

        /// <summary>Failures as ErrorRecords: per item, or terminating.</summary>
        internal FailureReporter Failures { get; }

        /// <summary>The stores this command keeps open, one per database.</summary>
        internal OpenStores Stores { get; }

        /// <summary>Piped objects read as partners and records, on their own databases.</summary>
        internal PipedInput Piped { get; }

        /// <summary>The batching protocol of pipelined writes.</summary>
        internal PipelineWriter Writer { get; }

        /// <summary>Rows streamed to the pipeline, with paging.</summary>
        internal PagedOutput Output { get; }

        /// <summary>Writes an object to the pipeline, after the SQL that produced it (-Debug).</summary>
        protected internal new void WriteObject(object? sendToPipeline)
        {
            SqlTrace.Flush();
            base.WriteObject(sendToPipeline);
        }

        /// <summary>Writes an error, after the SQL that led to it (-Debug).</summary>
        protected internal new void WriteError(ErrorRecord errorRecord)
        {
            SqlTrace.Flush();
            base.WriteError(errorRecord);
        }

        /// <summary>
        /// Ctrl+C: interrupts the SQL statement running on this command's connections, so a long query or write
        /// stops at once; the statement's changes are undone and the pipeline's Dispose keeps only whole items.
        /// </summary>
        protected override void StopProcessing()
        {
            Writer.StopRequested();
            Stores.Interrupt();
        }

        /// <summary>Ends what the command keeps open: batches are committed (they hold only whole items), stores closed.</summary>
        public virtual void Dispose()
        {
            Stores.Dispose(Writer.Closed);
        }
    }
}
