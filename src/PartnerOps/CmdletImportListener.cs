using System.Globalization;
using System.Management.Automation;
using PartnerOps.Import;

namespace PartnerOps.Commands
{
    /// <summary>
    /// How many row errors an import command still writes as error records (-ErrorLimit), shared by the files of one command.
    /// </summary>
    internal sealed class ErrorBudget
    {
        private long _left;

        public ErrorBudget(int limit)
        {
            Limit = limit;
            _left = limit;
        }

        /// <summary>The most row errors the command writes (0: none).</summary>
        public int Limit { get; }

        /// <summary>Takes one error from the budget: false when it is spent (the error is then only counted).</summary>
        public bool Take()
        {
            if (_left <= 0)
            {
                return false;
            }

            _left--;
            return true;
        }
    }

    /// <summary>Turns an import's reports into PowerShell's streams: errors (up to -ErrorLimit), progress and verbose messages.</summary>
    internal sealed class CmdletImportListener : IImportListener
    {
        private static int _nextActivityId = 0x1D00;

        private readonly Cmdlet _cmdlet;
        private readonly string _path;
        private readonly ProgressRecord _progress;
        private bool _progressShown;

        private readonly ErrorBudget _budget;

        public CmdletImportListener(Cmdlet cmdlet, string path, string what, ErrorBudget budget)
        {
            _cmdlet = cmdlet;
            _budget = budget;
            _path = path;
            _progress = new ProgressRecord(System.Threading.Interlocked.Increment(ref _nextActivityId), $"Importing {what} from " + System.IO.Path.GetFileName(path), "Starting");
        }

        /// <summary>Rows of this file that failed beyond the command's -ErrorLimit: counted, not written as errors.</summary>
        public long Held { get; private set; }

        /// <summary>Of <see cref="Held"/>, the rows whose PartnerName names no partner in the database.</summary>
        public long HeldForUnknownPartner { get; private set; }

        public void RowFailed(ImportRowError error)
        {
            if (!_budget.Take())
            {
                Held++;
                if (RevenueImport.IsUnknownPartner(error))
                {
                    HeldForUnknownPartner++;
                }

                return;
            }

            var exception = new PartnerOpsException(ErrorIds.ImportRowInvalid, FailureKind.InvalidData, error.Message, error.Line);
            Report(() => _cmdlet.WriteError(FailureReporter.ToErrorRecord(exception, Target(error))));
        }

        public void Warning(string message) => Report(() => _cmdlet.WriteWarning(message));

        public void Progress(ImportProgress progress)
        {
            _progress.StatusDescription = string.Format(CultureInfo.CurrentCulture, "{0:N0} rows read", progress.RowsRead);
            _progress.PercentComplete = progress.Percent;
            Report(() => _cmdlet.WriteProgress(_progress));
            _progressShown = true;
        }

        public void BatchCommitted(long rowsCommitted, long lastLine)
        {
            Report(() => _cmdlet.WriteVerbose(string.Format(CultureInfo.CurrentCulture, "Committed {0:N0} row(s) of '{1}', up to line {2:N0}.", rowsCommitted, _path, lastLine)));
        }

        // A stream refuses reports once the pipeline is stopping (Ctrl+C may come before the import's cancellation does):
        // that is the import's stop, which Core knows as cancellation, so it can count what its committed batches keep.
        private static void Report(System.Action write)
        {
            try
            {
                write();
            }
            catch (PipelineStoppedException ex)
            {
                throw new System.OperationCanceledException(ex.Message, ex);
            }
        }

        /// <summary>Removes the progress bar.</summary>
        public void Complete()
        {
            if (_progressShown)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(_progress);
            }
        }

        /// <summary>The row as read, with its Line and Reason, as a failed-row file gives it: the error's target.</summary>
        private static PSObject Target(ImportRowError error)
        {
            var row = new PSObject();
            for (var i = 0; i < error.Columns.Count && i < error.Values.Count; i++)
            {
                var name = error.Columns[i];
                if (!string.IsNullOrEmpty(name) && row.Properties[name] == null)
                {
                    row.Properties.Add(new PSNoteProperty(name, error.Values[i]));
                }
            }

            row.Properties.Remove("Line");
            row.Properties.Remove("Reason");
            row.Properties.Add(new PSNoteProperty("Line", error.Line));
            row.Properties.Add(new PSNoteProperty("Reason", error.Detail));
            return row;
        }
    }
}
