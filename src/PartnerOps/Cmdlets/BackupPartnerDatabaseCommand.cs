using System;
using System.IO;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Writes a consistent copy of the database while others keep using it: a file's with SQLite's online backup, a server's as
    /// a new PartnerOps SQLite file read from one snapshot.
    /// </summary>
    [Cmdlet(VerbsData.Backup, "PartnerDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DatabaseInfo))]
    public sealed class BackupPartnerDatabaseCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string DestinationPath { get; set; } = string.Empty;

        /// <summary>Replace an existing file at the destination (ConfirmImpact High).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            var destination = FilePaths.Resolve(
                this,
                DestinationPath,
                "-DestinationPath ",
                ErrorIds.DatabaseInvalid,
                " To copy a database to a PostgreSQL server, use Copy-PartnerDatabase -Destination.");
            try
            {
                destination = PartnerDatabases.RequireFilePath(destination, "backup destination");
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, DestinationPath);
            }

            using var store = Stores.OpenStore(create: false);
            if (store.IsSameDatabase(destination))
            {
                Failures.ThrowFailure(new PartnerOpsException(ErrorIds.DatabaseAlreadyExists, FailureKind.InvalidArgument, $"The backup destination '{destination}' is the database itself."), destination);
            }

            if (PartnerDatabases.IsDatabaseFile(store.Path, destination))
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(
                        ErrorIds.DatabaseAlreadyExists,
                        FailureKind.InvalidArgument,
                        $"The backup destination '{destination}' is a file of the database '{store.Path}' (its -wal, -shm or -journal file): a backup written there would destroy the database."),
                    destination);
            }

            if (File.Exists(destination))
            {
                if (!Force)
                {
                    Failures.ThrowFailure(new PartnerOpsException(ErrorIds.DatabaseAlreadyExists, FailureKind.AlreadyExists, $"A file already exists at '{destination}'. Use -Force to replace it."), destination);
                }

                if (!ShouldProcess(destination, "Replace the file with a backup of " + store.Path))
                {
                    return;
                }
            }
            else if (!this.ShouldProcessAtMedium(destination, "Back up " + store.Path))
            {
                return;
            }

            WriteProgress(new ProgressRecord(1, "Backup-PartnerDatabase", $"Copying {store.Path} to {destination}"));
            var unit = PartnerDatabases.IsServer(store.Path) ? "rows" : "pages"; // a server's backup is a copy of its rows into a new file
            try
            {
                store.BackupTo(destination, (copied, total) =>
                    WriteProgress(new ProgressRecord(1, "Backup-PartnerDatabase", $"Copying {store.Path} to {destination}")
                    {
                        PercentComplete = total == 0 ? 100 : (int)(copied * 100 / total),
                        StatusDescription = $"{copied:N0} of {total:N0} {unit}",
                    }));
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, destination);
            }

            WriteProgress(new ProgressRecord(1, "Backup-PartnerDatabase", "Done") { RecordType = ProgressRecordType.Completed });
            WriteVerbose($"Backed up '{store.Path}' to '{destination}'.");
            DatabaseInfo info;
            using (var copy = PartnerDatabases.OpenExisting(destination))
            {
                info = copy.GetInfo();
            }

            // The copy is the user's file now: no connection is kept to it, so it stands alone, without -wal or -shm.
            PartnerDatabases.ReleasePooledConnections(destination);
            WriteObject(info);
        }
    }
}
