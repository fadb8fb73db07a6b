using System.Globalization;
using System.Management.Automation;
using PartnerOps.Import;

namespace PartnerOps.Commands
{
    /// <summary>Turns an import's reports into PowerShell's streams: errors, progress and verbose messages.</summary>
    internal sealed class CmdletImportListener : IImportListener
    {
        private static int _nextActivityId = 0x1D00;

        private readonly Cmdlet _cmdlet;
        private readonly string _path;
        private readonly ProgressRecord _progress;
        private bool _progressShown;

        public CmdletImportListener(Cmdlet cmdlet, string path, string what)
        {
            _cmdlet = cmdlet;
            _path = path;
            _progress = new ProgressRecord(System.Threading.Interlocked.Increment(ref _nextActivityId), $"Importing {what} from " + System.IO.Path.GetFileName(path), "Starting");
        }

        public void RowFailed(ImportRowError error)
        {
            var exception = new PartnerOpsException(ErrorIds.ImportRowInvalid, FailureKind.InvalidData, error.Message, error.Line);
            Report(() => _cmdlet.WriteError(PartnerOpsCmdlet.ToErrorRecord(exception, Target(error))));
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
