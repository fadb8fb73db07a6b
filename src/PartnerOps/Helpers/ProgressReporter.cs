using System.Diagnostics;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Says every second how far a long pipelined write has come (Write-Progress, no percentage: the total is unknown).</summary>
    internal sealed class ProgressReporter
    {
        private const int ProgressId = 0x504F;

        private readonly PSCmdlet _cmdlet;
        private readonly Stopwatch _sinceProgress = new Stopwatch();
        private bool _progressShown;

        public ProgressReporter(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Counts from the first call; from then on, once a second at most, shows <paramref name="writes"/>' count of items.</summary>
        public void Report(PipelinedWrites writes, string noun)
        {
            if (!_sinceProgress.IsRunning)
            {
                _sinceProgress.Start();
            }
            else if (_sinceProgress.ElapsedMilliseconds >= 1000)
            {
                _sinceProgress.Restart();
                _progressShown = true;
                _cmdlet.WriteProgress(new ProgressRecord(ProgressId, _cmdlet.MyInvocation.MyCommand.Name, $"{writes.Written:N0} {noun} so far"));
            }
        }

        /// <summary>Closes the progress bar, when one was shown.</summary>
        public void Complete()
        {
            if (_progressShown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(ProgressId, _cmdlet.MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
