using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Warnings that must be seen even while the pipeline stops (Ctrl+C): what a stopped write or import kept.</summary>
    internal static class StopWarnings
    {
        /// <summary>
        /// A warning written while the pipeline stops (Ctrl+C): to the warning stream while it still takes one, else to the
        /// host, else, for a host without a user interface, to standard error, so that what was kept is always said.
        /// </summary>
        public static void WarnWhileStopping(PSCmdlet cmdlet, string message)
        {
            try
            {
                cmdlet.WriteWarning(message);
                return;
            }
            catch (Exception ex) when (ex is PipelineStoppedException || ex is InvalidOperationException)
            {
            }

            try
            {
                if (cmdlet.Host?.UI != null)
                {
                    cmdlet.Host.UI.WriteWarningLine(message);
                    return;
                }
            }
            catch (Exception hostFailure) when (hostFailure is NotSupportedException || hostFailure is InvalidOperationException || hostFailure is NotImplementedException)
            {
                // A host that leaves WriteWarningLine out (PSHostUserInterface members a custom host need not provide).
            }

            Console.Error.WriteLine("WARNING: " + message);
        }
    }
}
