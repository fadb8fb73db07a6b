using System.Collections.Generic;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Copies everything in one PartnerOps database into another, between any two locations (files and PostgreSQL servers),
    /// in one transaction on the destination. ConfirmImpact High: replacing a destination's data (-Force) asks unless
    /// -Confirm:$false; copying into a new or empty one asks only as a Medium-impact cmdlet would.
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "PartnerDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DatabaseInfo))]
    public sealed class CopyPartnerDatabaseCommand : PSCmdlet
    {
        private const int ProgressId = 0x504F + 1;

        // The databases this command opened, so that Ctrl+C can stop the statement running on them.
        private readonly List<IPartnerDatabase> _open = new List<IPartnerDatabase>();

        #region Parameters

        /// <summary>The database to copy: a file path or a PostgreSQL location.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string Source { get; set; } = string.Empty;

        /// <summary>Where the copy goes: a file path or a PostgreSQL location, new or empty unless -Force.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Replace the PartnerOps data a destination holds (ConfirmImpact High: asks unless -Confirm:$false).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            var source = this.ResolveDatabaseFile(Source, "-Source ");
            var destination = this.ResolveDatabaseFile(Destination, "-Destination ");
            var shown = CmdletExtensions.ShownLocation(destination);
            try
            {
                using var store = PartnerDatabases.OpenExisting(source);
                Track(store);
                if (Force && PartnerDatabases.Exists(destination))
                {
                    if (!ShouldProcess(shown, $"Replace the PartnerOps data in it with a copy of {store.Path}"))
                    {
                        return;
                    }
                }
                else if (!this.ShouldProcessAtMedium(shown, $"Copy {store.Path} into it"))
                {
                    return;
                }

                var activity = $"Copying {store.Path} to {shown}";
                WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, activity));
                var info = DatabaseCopy.Copy(store, destination, Force, p =>
                    WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, activity)
                    {
                        PercentComplete = p.Rows == 0 ? 100 : (int)(p.Done * 100 / p.Rows),
                        CurrentOperation = $"{p.Table.Name}: {p.TableDone:N0} of {p.TableRows:N0} rows",
                    }), Track);
                WriteProgress(new ProgressRecord(ProgressId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
                WriteVerbose($"Copied '{store.Path}' to '{info.Path}'.");
                WriteObject(info);
            }
            catch (PartnerOpsException ex)
            {
                ThrowTerminatingError(FailureReporter.ToErrorRecord(ex, ex.Target ?? shown));
            }
        }

        /// <summary>Ctrl+C: stops the statement running on the source and the destination; the copy is rolled back whole.</summary>
        protected override void StopProcessing()
        {
            lock (_open)
            {
                foreach (var database in _open)
                {
                    database.Interrupt();
                }
            }
        }

        private void Track(IPartnerDatabase database)
        {
            lock (_open)
            {
                _open.Add(database);
            }
        }
    }
}
